"""Feedback that teaches, in Chromium (issue 26): the browser quiz's first hint names each
catalogued mistake without the answer (zh, en); the quiz page at 390×844; the exercise sheet
at 390 px; the notebook's inline page places every gradient label inside its node."""

from __future__ import annotations

import pytest
from test_mistakes import SCENARIOS

from micrograd_cn.i18n import t
from micrograd_cn.teach.expr import build_program
from micrograd_cn.teach.mistakes import reveals
from micrograd_cn.teach.quiz import is_right, questions
from micrograd_cn.teach.snapshot import snapshot

PHONE = {"width": 390, "height": 844}


def quiz_page(tmp_path, expr, values, ask, lang, name="quiz.html"):
    from micrograd_cn.pages.step import write_step_page

    path = tmp_path / name
    write_step_page(build_program(expr, values).root, path, lang=lang, quiz=True, ask=ask)
    return path


def answer(page, text):
    page.fill("#answer", text)
    page.press("#answer", "Enter")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_browser_transcripts_name_each_mistake(browser, tmp_path, lang):
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    for n, (key, expr, values, ask, k, expected, wrong, word) in enumerate(SCENARIOS):
        qs = questions(snapshot(build_program(expr, values).root), ask, lang)
        page.goto(quiz_page(tmp_path, expr, values, ask, lang, f"q{n}.html").as_uri())
        for q in qs:
            page.click("#next")
            if q.k == k:
                answer(page, repr(wrong))
                verdict = page.inner_text("#verdict")
                text = next(d.text for d in q.diagnoses if d.key == key)
                assert verdict == t("quiz_wrong", lang) + ("" if lang == "zh" else " ") + text, key
                assert not reveals(verdict, expected), verdict
                if lang == "en":
                    assert word in verdict
                assert page.evaluate("document.activeElement.id") == "answer"  # ready to retry
                answer(page, repr(q.expected))
                assert page.inner_text("#verdict") == t("quiz_right_after_hint", lang)
            else:
                answer(page, repr(q.expected))
                assert page.inner_text("#verdict") == t("quiz_right", lang)
        review = page.inner_text("#review")
        label = next(d.label for d in qs[k - 1].diagnoses if d.key == key)
        assert t("quiz_mistake_line", lang, k=k, label=label) in review, review
        assert t("quiz_hinted", lang, steps=str(k)) in review
        assert is_right(qs[k - 1].expected, expected)
    assert not errors, errors


def test_browser_rule_hint_and_missed_steps(browser, tmp_path):
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(quiz_page(tmp_path, "(a*b + c)*a", {"a": 2.0, "b": -3.0, "c": 10.0},
                        "contribution", "en").as_uri())
    page.click("#next")
    answer(page, "17.25")  # nothing known explains it: the rule, with names only
    verdict = page.inner_text("#verdict")
    assert verdict.startswith("✗ Not quite. Hint: this edge's contribution is the upstream gradient")
    assert not reveals(verdict, 2.0)
    answer(page, "17.25")
    assert page.inner_text("#verdict").startswith("✗ Still not it. The answer:")
    for _ in range(5):
        page.click("#next")
        page.click("#reveal")
    assert page.inner_text("#review").startswith("steps missed: 1, 2, 3, 4, 5, 6")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_quiz_page_on_a_phone(browser, tmp_path, lang):
    page = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page.goto(quiz_page(tmp_path, "sigmoid(w*x + b)", {"w": 0.5, "x": 1.5, "b": 0.25},
                        "contribution", lang).as_uri())
    box = page.locator("#answer")
    assert box.get_attribute("inputmode") != "decimal"  # a phone keyboard with a minus key
    assert box.get_attribute("type") == "text" and box.get_attribute("inputmode") in (None, "text")
    qs = questions(snapshot(build_program("sigmoid(w*x + b)", {"w": 0.5, "x": 1.5, "b": 0.25}).root),
                   "contribution", lang)
    for q in qs:
        page.click("#next")
        page.wait_for_function("document.documentElement.dataset.camera !== 'moving'")
        # no horizontal scroll, the question above the answer box, the box focused
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert page.evaluate("document.body.scrollWidth") <= 390
        question, field = page.locator("#formula").bounding_box(), box.bounding_box()
        assert question["y"] + question["height"] <= field["y"] + 1
        assert field["x"] >= 0 and field["x"] + field["width"] <= 390
        assert page.evaluate("document.activeElement.id") == "answer"
        # the whole question is readable: nothing cut, at least 12 px
        cut = page.evaluate("""() => { const f = document.getElementById('formula');
            return [f.scrollHeight - f.clientHeight, parseFloat(getComputedStyle(f).fontSize)]; }""")
        assert cut[0] <= 1 and cut[1] >= 12, cut
        # the step's nodes: their text at least 12 px on the screen
        sizes = page.evaluate("""() => Array.from(document.querySelectorAll(
            '.hl-out text, .hl-in text, .hl-op text')).map(el => el.getBoundingClientRect().height)""")
        assert sizes and min(sizes) >= 12, sizes
        answer(page, "1e6")  # a wrong answer's hint is readable whole (it may scroll, never cut)
        verdict = page.evaluate("""() => { const v = document.getElementById('verdict');
            return [v.scrollHeight <= v.clientHeight + 1 || getComputedStyle(v).overflowY === 'auto',
                    v.getBoundingClientRect().right <= 390, v.textContent.length]; }""")
        assert verdict[0] and verdict[1] and verdict[2] > 20, verdict
        answer(page, repr(q.expected))
    assert page.inner_text("#score") == f"{len(qs)} / {len(qs)}"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_exercise_sheet_fits_a_phone_and_folds_answers(browser, tmp_path, lang):
    from micrograd_cn.cli import main

    out = tmp_path / "sheet.html"
    assert main(["exercise", "--seed", "7", "--count", "3", "--level", "2", "--format", "html",
                 "-o", str(out), "--lang", lang]) == 0
    page = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page.goto(out.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    folds = page.locator("details")
    assert folds.count() == 3
    for i in range(3):
        fold = folds.nth(i)
        assert fold.get_attribute("open") is None
        answer_text = fold.locator(":scope > :not(summary)").first
        assert not answer_text.is_visible()  # folded until asked
        fold.locator("summary").click()
        assert answer_text.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_notebook_inline_page_places_every_gradient_label_inside_its_node(browser):
    from micrograd_cn.pages.step import step_page

    root = build_program("sigmoid(w*x + b) * y", {"w": 0.5, "x": 1.5, "b": 0.25, "y": -2.0}).root
    frame_html = step_page(root)._repr_html_()
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    check = """() => {
      const word = JSON.parse(document.getElementById('steps-data').textContent).gradWord;
      const out = [];
      document.querySelectorAll('g.node').forEach(g => {
        const shape = g.querySelector('path, polygon, ellipse');
        g.querySelectorAll('text').forEach(text => {
          if (!text.textContent.startsWith(word + ' ')) { return; }
          const a = shape.getBoundingClientRect(), b = text.getBoundingClientRect();
          out.push([g.id, b.left >= a.left - 0.5 && b.right <= a.right + 0.5, b.width > 0]);
        });
      });
      return out;
    }"""
    for _ in range(20):
        page.set_content(f"<!DOCTYPE html><html><body>{frame_html}</body></html>")
        # this load's own iframe (page.frames may still list the one being torn down)
        frame = page.wait_for_selector("iframe").content_frame()
        assert frame is not None
        frame.wait_for_load_state("load")
        frame.wait_for_function("document.fonts.status === 'loaded'")
        frame.wait_for_function("document.documentElement.dataset.camera === 'still'")
        placed = frame.evaluate(check)
        assert len(placed) == 8, placed  # w, x, y, b, v1, v2, v3 and f
        assert all(inside and wide for _, inside, wide in placed), placed


def test_the_page_shows_where_the_gradient_goes(browser, tmp_path):
    from micrograd_cn.pages.step import write_step_page

    path = tmp_path / "step.html"
    root = build_program("sigmoid(a*b)", {"a": 2.0, "b": -0.5}).root
    write_step_page(root, path, lang="en")
    ls = snapshot(root)
    idx = {node.name: node.index for node in ls.nodes}
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(path.as_uri())
    assert page.locator(".grad-flow").evaluate("el => getComputedStyle(el).display") == "none"
    state = """() => ({
      from: Array.from(document.querySelectorAll('.local-from')).map(el => el.id),
      flow: document.querySelector('.grad-flow path').getAttribute('d'),
      shown: getComputedStyle(document.querySelector('.grad-flow')).display,
      head: document.querySelector('.grad-flow polygon').getAttribute('points'),
      start: (() => { const q = document.querySelector('.grad-flow path').getPointAtLength(0);
                      return [q.x, q.y]; })()
    })"""
    for k, step in enumerate(ls.steps, 1):
        page.click("#next")
        s = page.evaluate(state)
        out, inp = ls.nodes[step.output], ls.nodes[step.input]
        edge_d = page.get_attribute(f"#e{step.input}_{step.output} path", "d")
        assert s["shown"] != "none" and s["flow"] == edge_d
        tip = [float(v) for v in s["head"].split()[0].split(",")]  # the head's tip: the path's start
        assert abs(tip[0] - s["start"][0]) < 0.01 and abs(tip[1] - s["start"][1]) < 0.01
        # the arrow's head is at the input's end: the path starts nearer the input's box than it ends
        near = page.evaluate("""(i) => {
            const p = document.querySelector('.grad-flow path'), b = document.getElementById('v' + i).getBBox();
            const d = q => Math.hypot(b.x + b.width / 2 - q.x, b.y + b.height / 2 - q.y);
            return [d(p.getPointAtLength(0)), d(p.getPointAtLength(p.getTotalLength()))]; }""", step.input)
        assert near[0] < near[1], (near, k)
        if out.forward == "a·b":  # ∂(a·b)/∂a is b: b supplies it, and the other way round
            other = "b" if inp.name == "a" else "a"
            assert s["from"] == [f"v{idx[other]}"]
            assert not any(c.startswith("hl-") for c in page.get_attribute(f"#v{idx[other]}", "class").split()
                           if c != "hl-in") and "local-from" in page.get_attribute(f"#v{idx[other]}", "class")
        else:  # σ′(v1) = f(1 − f): the output f supplies it
            assert s["from"] == [f"v{idx['f']}"]


def test_quiz_page_on_a_phone_keeps_text_readable_on_a_long_edge(browser, tmp_path):
    """An edge across the whole drawing (x1 is used at both ends of the graph): the camera
    keeps the text at 12 px or more and frames the node the step asks about, not the whole
    edge at a tiny zoom."""
    expr, values = "sigmoid(u1*y1 + u2*y2 + u3*y3 + c) * (y1 - y2)", {
        "u1": 0.3, "y1": 1.7, "u2": -1.1, "y2": 0.4, "u3": 2.2, "y3": -0.9, "c": 0.15}
    page = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page.goto(quiz_page(tmp_path, expr, values, "contribution", "en").as_uri())
    qs = questions(snapshot(build_program(expr, values).root), "contribution", "en")
    for q in qs:
        page.click("#next")
        page.wait_for_function("document.documentElement.dataset.camera !== 'moving'")
        sizes, seen = page.evaluate("""() => {
            const svg = document.querySelector('#graph svg').getBoundingClientRect();
            const texts = Array.from(document.querySelectorAll('.hl-out text, .hl-in text, .hl-op text'));
            const asked = Array.from(document.querySelectorAll('.hl-in text')).map(el => el.getBoundingClientRect());
            return [texts.map(el => el.getBoundingClientRect().height),
                    asked.every(r => r.left >= svg.left - 1 && r.right <= svg.right + 1)]; }""")
        assert sizes and min(sizes) >= 12, (q.k, sizes)
        assert seen, q.k  # the node the question is about is in the window
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        answer(page, repr(q.expected))
    assert page.inner_text("#score") == f"{len(qs)} / {len(qs)}"
