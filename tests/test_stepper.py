"""The browser step-through page: self-contained HTML, and a real headless chromium run.

The browser tests drive Debian's /usr/bin/chromium through the ``playwright``
package (never ``playwright install``): `make test` installs both
(``scripts/system-deps.sh --test`` and the ``browser`` extra), so they are never skipped.
"""

from __future__ import annotations

import io
import json
import re

import pytest

from micrograd_cn.cli import main
from micrograd_cn.engine import Value, topo_sort
from micrograd_cn.pages.step import step_page, write_step_page
from micrograd_cn.teach.expr import build
from micrograd_cn.teach.trace import trace

EXPR = "sigmoid(w*x + b)"
BINDINGS = ["w=0.5", "x=2", "b=-1"]


def page_data(text: str) -> dict:
    match = re.search(r'<script type="application/json" id="steps-data">(.*?)</script>', text,
                      re.S)
    assert match
    return json.loads(match.group(1))


def neuron() -> Value:
    return build(EXPR, {"w": 0.5, "x": 2.0, "b": -1.0})[0]


def test_page_is_self_contained():
    text = step_page(neuron(), title=EXPR)
    assert text.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in text
    # no external resource of any kind: only the SVG namespaces mention a URL
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", text))
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert "<script src" not in text and "<link" not in text and "@import" not in text
    assert "url(" not in text
    assert text.count("<svg") == 1
    for element_id in ('id="next"', 'id="prev"', 'id="step"', 'id="formula"'):
        assert element_id in text


def test_steps_json_matches_the_trace_and_the_svg_ids():
    root = neuron()
    text = step_page(root)
    data = page_data(text)
    steps = trace(neuron())
    assert [(s["out"], s["inp"]) for s in data["steps"]] == [
        (s.output_index, s.input_index) for s in steps]
    assert len(data["pages"]) == len(steps) + 1  # the forward pass, then one page per step
    for s in data["steps"]:
        for element_id in (f"v{s['out']}", f"o{s['out']}", f"e{s['inp']}_{s['out']}",
                           f"v{s['inp']}"):
            assert f'id="{element_id}"' in text
    assert '<span id="step">0 / 5</span>' in text
    # the page's numbers are the engine's: step 1 is σ's local slope 0.25 at z = 0
    assert "0.25" in data["pages"][1]
    assert all(v.grad == 0.0 for v in topo_sort(root))  # a pure observation: no .grad set
    assert step_page(root) == text  # and the same page every time


def test_unnamed_nodes_are_named_in_the_picture_but_left_as_they_were():
    root = neuron()
    text = step_page(root)
    assert ">v1<" in text and ">v2<" in text and ">f<" in text
    assert all(node.label in ("", "w", "x", "b") for node in topo_sort(root))


def test_json_cannot_close_the_script():
    x = Value(1.0, label="</script><b>")
    text = step_page((x * 2).tanh())
    data_part = text.split('id="steps-data">', 1)[1].split("</script>", 1)[0]
    assert "</script>" not in data_part and "<b>" not in data_part
    assert any("</script><b>" in page for page in page_data(text)["pages"])


def test_english_page():
    text = step_page(neuron(), lang="en", title=EXPR)
    assert '<html lang="en">' in text and "Next →" in text and "← Previous" in text
    assert "Backpropagation step by step: sigmoid(w*x + b)" in text
    assert "下一步" not in text


def test_cli_writes_the_page(tmp_path, capsys):
    out = tmp_path / "step.html"
    assert main(["html", EXPR, *BINDINGS, "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"已写入 {out}：共 5 步，用浏览器打开即可（← → 翻页）\n"
    assert page_data(out.read_text(encoding="utf-8"))["steps"]
    assert [p.name for p in tmp_path.iterdir()] == ["step.html"]  # no temporary file left


@pytest.mark.parametrize("argv, message", [
    (["html", EXPR, "w=0.5", "x=2", "-o", "page.html"], "b"),
    (["html", EXPR, *BINDINGS, "-o", "page.svg"],
     "无法识别输出文件 page.svg 的格式；文件名须以下列之一结尾：.html, .htm"),
    (["html", EXPR, *BINDINGS, "-o", "no/such/dir/page.html"],
     "输出目录 no/such/dir 不存在；请先创建它"),
])
def test_cli_errors_are_one_line(tmp_path, capsys, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("micrograd-cn: 错误：") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_cli_without_dot_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))  # no `dot` anywhere
    assert main(["html", EXPR, *BINDINGS, "-o", "page.html"]) == 2
    assert capsys.readouterr().err == (
        "micrograd-cn: 错误：找不到 Graphviz 的 dot 程序，无法画出网页里的计算图。"
        "请安装 Graphviz：sudo apt-get install graphviz（macOS：brew install graphviz）\n")
    assert list(tmp_path.iterdir()) == []


def test_cli_names_the_page_when_it_cannot_be_written(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").mkdir()  # a folder where the page should go
    assert main(["html", EXPR, *BINDINGS, "-o", "page.html"]) == 2
    assert capsys.readouterr().err == "micrograd-cn: 错误：无法写入 page.html：Is a directory\n"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]  # no temporary file left


def test_write_refuses_a_non_value(tmp_path):
    with pytest.raises(TypeError):
        write_step_page(1.0, tmp_path / "x.html")  # type: ignore[arg-type]


# ------------------------------------------------------------------ in a real browser
# (the `browser` fixture: tests/conftest.py)


def distinct_colours(png: bytes) -> int:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    return len(image.getcolors(maxcolors=image.width * image.height))


def test_browser_steps_through_the_page(browser, tmp_path):
    out = tmp_path / "step.html"
    assert main(["html", EXPR, *BINDINGS, "-o", str(out)]) == 0
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(out.as_uri())

    def state() -> tuple[str, list[str], str]:
        marked = page.eval_on_selector_all(
            ".hl-out, .hl-in, .hl-edge, .hl-op",
            "els => els.map(e => e.id + ':' + e.getAttribute('class').split(' ').pop())")
        return page.inner_text("#step"), sorted(marked), page.inner_text("#formula")

    def grads() -> list[str]:  # the gradient line of boxes v0 … v5, as the page shows it now
        return page.evaluate("""() => [0, 1, 2, 3, 4, 5].map(j => Array.from(
            document.getElementById("v" + j).getElementsByTagName("text"))
            .map(t => t.textContent).filter(s => s.startsWith("梯度 ")).pop())""")

    counter, marked, formula = state()
    assert counter == "0 / 5" and marked == []
    assert grads() == ["梯度 ?"] * 6  # nothing propagated yet
    assert page.is_disabled("#prev") and not page.is_disabled("#next")
    before = page.screenshot()

    page.click("#next")
    counter, marked1, formula1 = state()
    assert counter == "1 / 5"
    # step 1: the gradient flows from f (the σ output, topo index 5) into v4 (z)
    assert marked1 == ["e4_5:hl-edge", "o5:hl-op", "v4:hl-in", "v5:hl-out"]
    assert formula1 != formula and "第 1/5 步" in formula1 and "0.25" in formula1
    # topo order w, x, w·x, b, z, f: the root is seeded with 1, z has received σ′(0) = 0.25
    assert grads() == ["梯度 ?", "梯度 ?", "梯度 ?", "梯度 ?", "梯度 0.25", "梯度 1"]

    page.click("#next")
    counter, marked2, formula2 = state()
    assert counter == "2 / 5" and marked2 != marked1 and formula2 != formula1
    assert "v4:hl-out" in marked2

    page.keyboard.press("ArrowLeft")
    assert state() == ("1 / 5", marked1, formula1)
    page.keyboard.press("End")
    counter, _, last = state()
    assert counter == "5 / 5" and page.is_disabled("#next")
    assert "∂f/∂w" in last  # the leaves' totals come with the last step
    assert grads() == ["梯度 0.5", "梯度 0.125", "梯度 0.25", "梯度 0.25", "梯度 0.25", "梯度 1"]
    page.keyboard.press("Home")
    assert grads() == ["梯度 ?"] * 6
    page.keyboard.press("End")
    page.keyboard.press("ArrowRight")
    assert page.inner_text("#step") == "5 / 5"

    after = page.screenshot()
    assert distinct_colours(after) > 50  # a drawn graph, not a blank page
    assert after != before  # the highlight shows
    assert all(url.startswith("file://") for url in requests)
    page.close()


HOSTILE = ["</script><script>alert(1)</script>", "]]><img src=x onerror=alert(2)>",
           "<!-- x --><svg onload=alert(3)>", "</svg></div><script>alert(4)</script>"]


def test_browser_hostile_labels_stay_text(browser, tmp_path):
    """Labels that try to end the SVG, the JSON or the page's script run no code."""
    leaves = [Value(float(i + 1), label=label) for i, label in enumerate(HOSTILE)]
    root = leaves[0] * leaves[1] + leaves[2] * leaves[3]
    out = tmp_path / "hostile.html"
    assert write_step_page(root, out, title=HOSTILE[0]) == 6
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(out.as_uri())
    assert page.eval_on_selector_all("script", "els => els.length") == 2  # data + the page's
    assert page.eval_on_selector_all("img, svg svg, [onload], [onerror]", "els => els.length") == 0
    assert page.inner_text("h1") == f"反向传播逐步演示：{HOSTILE[0]}"
    boxes = page.eval_on_selector_all("#graph g.node text", "els => els.map(e => e.textContent)")
    assert set(HOSTILE) <= set(boxes)  # every label is drawn as typed
    page.keyboard.press("End")
    assert page.inner_text("#step") == "6 / 6" and HOSTILE[3] in page.inner_text("#formula")
    assert dialogs == []
    page.close()


def test_browser_english_page(browser, tmp_path):
    out = tmp_path / "step_en.html"
    assert main(["html", "x*x", "x=3", "-o", str(out), "--lang", "en"]) == 0
    page = browser.new_page()
    page.goto(out.as_uri())
    assert page.inner_text("#step") == "0 / 2"
    page.click("#next")
    assert page.inner_text("#step") == "1 / 2"
    assert "step 1/2" in page.inner_text("#formula").lower()
    assert page.inner_text("#next") == "Next →"
    page.close()


def test_the_page_names_every_node_as_the_trace_does():
    """One name per node: the trace's names are the boxes' names on the page."""
    from micrograd_cn.teach.snapshot import snapshot
    from micrograd_cn.teach.trace import render_trace

    x = Value(2.0, label="x")
    root = ((x * 3).tanh() - x) ** 2 / (x + 1)
    text = step_page(root)
    trace_text = render_trace(root)
    for node in snapshot(root).nodes:
        if node.kind != "const":
            assert f">{node.name}<" in text
            assert node.name in trace_text


# ------------------------------------------------------------------ the quiz page
def test_quiz_page_carries_questions_and_answers_offline():
    from micrograd_cn.teach.snapshot import snapshot

    text = step_page(neuron(), quiz=True, title=EXPR)
    for element_id in ("answer", "check", "verdict", "reveal", "score"):
        assert f'id="{element_id}"' in text
    assert '<span id="score">0 / 5</span>' in text
    quiz = page_data(text)["quiz"]
    assert [q["expected"] for q in quiz["questions"]] == [
        s.contribution for s in snapshot(neuron()).steps] == [0.25, 0.25, 0.25, 0.5, 0.125]
    assert (quiz["relTol"], quiz["absTol"]) == (1e-3, 1e-12)  # quiz.REL_TOL, quiz.ABS_TOL
    assert "eval(" not in text and "Function(" not in text and "innerHTML" not in text
    local = page_data(step_page(neuron(), quiz=True, ask="local"))["quiz"]
    assert [q["expected"] for q in local["questions"]] == [0.25, 1.0, 1.0, 2.0, 0.5]


def test_a_page_without_quiz_has_none_of_it():
    text = step_page(neuron())
    assert 'id="answer"' not in text and "stepQuiz = " not in text and "quiz" not in page_data(text)


def test_browser_quiz_right_scores_wrong_does_not(browser, tmp_path):
    out = tmp_path / "quiz.html"
    assert main(["html", "--quiz", EXPR, *BINDINGS, "-o", str(out)]) == 0
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(out.as_uri())
    assert page.inner_text("#score") == "0 / 5" and page.is_disabled("#answer")

    def grad_of(j: int) -> str:
        return page.evaluate(f"""() => Array.from(document.getElementById("v{j}")
            .getElementsByTagName("text")).map(t => t.textContent)
            .filter(s => s.startsWith("梯度 ")).pop()""")

    page.click("#next")  # step 1: f → v2 (topo 5 → 4), contribution 0.25
    assert "= ?" in page.inner_text("#formula") and "0.25" not in page.inner_text("#formula")
    assert grad_of(4) == "梯度 ?"  # held back until answered
    page.fill("#answer", "0.5")
    page.click("#check")
    assert page.inner_text("#score") == "0 / 5"  # wrong does not score
    verdict = page.inner_text("#verdict")
    assert verdict.startswith("✗ 不对。你用的是 σ 的函数值 σ(v2)") and "σ′(v2)" in verdict
    page.keyboard.press("ArrowRight")  # the box has the focus again: the caret moves, not the step
    page.keyboard.press("End")
    assert page.inner_text("#step") == "1 / 5"
    page.fill("#answer", "1/4")
    page.press("#answer", "Enter")
    assert page.inner_text("#score") == "1 / 5"  # right scores
    assert page.inner_text("#verdict") == "✓ 对（看了提示）。"
    assert "0.25" in page.inner_text("#formula") and grad_of(4) == "梯度 0.25"
    assert "quiz-right" in page.get_attribute("#e4_5", "class")  # marked in the graph
    assert page.is_disabled("#check")

    page.click("#next")  # step 2: wrong twice -> revealed, no point, not marked
    page.fill("#answer", "1")
    page.click("#check")
    page.fill("#answer", "2")
    page.click("#check")
    assert page.inner_text("#verdict").startswith("✗ 还是不对。答案：∂f/∂v1 = ∂f/∂v2 · 1")
    assert page.inner_text("#score") == "1 / 5"
    assert "quiz-right" not in (page.get_attribute("#e2_4", "class") or "")

    page.click("#next")  # step 3: Reveal at once
    page.click("#reveal")
    assert page.inner_text("#verdict").startswith("答案：∂f/∂b")
    page.click("#next")  # step 4: arithmetic with the typographic signs
    page.fill("#answer", "（0.25）×2")
    page.click("#check")
    page.click("#next")
    page.fill("#answer", "nonsense")
    page.click("#check")
    assert page.inner_text("#verdict").startswith("看不懂这个答案")
    page.fill("#answer", "0.1249")  # within 0.0005
    page.click("#check")
    assert page.inner_text("#score") == "3 / 5"
    page.click("#prev")  # going back shows what was decided there
    assert page.inner_text("#verdict") == "✓ 对！" and page.is_disabled("#answer")
    assert errors == []
    page.close()


# text typed into the box: the page's reading must agree with the terminal's (expr.answer)
ANSWERS = ["0.25*2", "1/8", "-0.5", "−0.5", "(1/4)×2", "2÷8", "1e-3", "-(0.5-1)", "--1",
           "3.", ".5", " 1 + 2 * 3 ", "(1", "1)", "", "abc", "1/0", "2(3)", "１.５", "0.25·2"]


def test_browser_reads_answers_like_the_terminal(browser, tmp_path):
    from micrograd_cn.teach.expr import answer

    out = tmp_path / "quiz.html"
    write_step_page(neuron(), out, quiz=True)
    page = browser.new_page()
    page.goto(out.as_uri())
    for text in ANSWERS:
        theirs = page.evaluate("t => window.stepQuiz.parse(t)", text)
        try:
            mine = answer(text)
        except (ValueError, ArithmeticError):
            mine = None
        assert theirs == mine, text
    deep = page.evaluate("t => window.stepQuiz.parse(t)", "(" * 100000 + "1" + ")" * 100000)
    assert deep is None  # too long to read: refused, no stack overflow reaches the page
    page.close()


# ------------------------------------------------------------------ any graph, projector, Jupyter (issue 11)
def mlp_loss():
    from micrograd_cn.nn import MLP, mse_loss

    mlp = MLP(2, [2, 1], activation="tanh", output_activation="sigmoid", seed=0)
    loss = mse_loss(mlp([1.0, -2.0]), [1.0])
    loss.label = "L"
    return mlp, loss


def test_page_of_an_mlp_loss_names_every_parameter_and_matches_backward(tmp_path):
    mlp, loss = mlp_loss()
    out = tmp_path / "mlp.html"
    n = write_step_page(loss, out, model=mlp)
    text = out.read_text(encoding="utf-8")
    data = page_data(text)
    assert n == len(data["steps"]) == len(data["pages"]) - 1
    assert text.count('class="cluster"') == 3  # layers 1, 2, 3
    for p in mlp.parameters():
        assert f">{p.label}<" in text
    # the totals on the last page are the engine's gradients of every parameter
    loss.backward()
    last = data["pages"][-1]
    from micrograd_cn.notation import num

    for p in mlp.parameters():
        assert re.search(rf"∂L/∂{p.label} *= {re.escape(num(p.grad))}\n", last + "\n"), p.label
    # only parameters are asked about: no step flows into x or y
    assert "∂L/∂x₁" not in last and "∂L/∂y₁" not in last


def test_step_page_shows_inline_in_jupyter_and_is_still_a_string():
    from micrograd_cn.pages.base import StepPage

    page = step_page(neuron(), title=EXPR)
    assert isinstance(page, StepPage) and isinstance(page, str) and page.startswith("<!DOCTYPE")
    frame = page._repr_html_()
    assert frame.startswith("<iframe srcdoc=\"&lt;!DOCTYPE html&gt;") and "sandbox=\"allow-scripts\"" in frame
    assert "<script" not in frame and "http" not in frame.replace("http://www.w3.org", "")
    assert html_unescape(frame.split('srcdoc="', 1)[1].split('"', 1)[0]) == str(page)


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)


def test_projector_page_and_options(tmp_path, capsys):
    out = tmp_path / "p.html"
    assert main(["html", EXPR, *BINDINGS, "-o", str(out), "--projector", "--rankdir", "TB",
                 "--legend", "--params", "w,b"]) == 0
    text = out.read_text(encoding="utf-8")
    assert '<body class="projector">' in text and 'id="legend"' in text
    assert 'font-size="22.00"' in text  # the picture's large type
    data = page_data(text)
    assert len(data["steps"]) == 5  # --params only colours: x keeps its step (issue 20)
    assert main(["html", EXPR, *BINDINGS, "-o", str(out), "--params", "w,b", "--data", "x"]) == 0
    assert len(page_data(out.read_text(encoding="utf-8"))["steps"]) == 4  # --data x: no step into x
    plain = step_page(neuron())
    assert "<body>" in plain and 'id="legend"' not in plain
    with pytest.raises(ValueError, match="rankdir"):
        step_page(neuron(), rankdir="XY")


def test_browser_steps_through_an_mlp_page(browser, tmp_path):
    mlp, loss = mlp_loss()
    out = tmp_path / "mlp.html"
    total = write_step_page(loss, out, model=mlp, lang="en", projector=True)
    page = browser.new_page(viewport={"width": 1600, "height": 900})
    page.goto(out.as_uri())
    assert page.inner_text("#step") == f"0 / {total}"
    page.keyboard.press("End")
    assert page.inner_text("#step") == f"{total} / {total}"
    loss.backward()
    w = mlp.layers[0].neurons[0].w[0]
    from micrograd_cn.notation import PICTURE, num

    box = page.evaluate("""() => Array.from(document.querySelectorAll("#graph g.node"))
        .map(g => Array.from(g.getElementsByTagName("text")).map(t => t.textContent))
        .filter(lines => lines[0] === "w²₁₁")[0]""")
    assert box == ["w²₁₁", f"data {num(w.data, PICTURE)}", f"grad {num(w.grad, PICTURE)}"]
    page.close()


def test_page_of_a_demos_graph_and_a_too_large_graph(tmp_path):
    from micrograd_cn.demos import logistic as demo
    from micrograd_cn.nn import MLP, mse_loss
    from micrograd_cn.teach.neuron import logistic_neuron

    report = logistic_neuron(demo.X[0], demo.Y[0], demo.W0, demo.B0)
    out = tmp_path / "logistic.html"
    n = write_step_page(report.root, out)
    data = page_data(out.read_text(encoding="utf-8"))
    assert n == len(data["steps"]) > 10 and "∂L/∂w₁" in data["pages"][-1]
    big = MLP(2, [16, 16, 1], seed=1)
    with pytest.raises(ValueError, match="计算图超过 200 个值"):
        step_page(mse_loss(big([1.0, 2.0]), [1.0]), model=big)
