"""The stage (issue 23): every step page fits the window and reads from the back row.

Headless chromium (the ``browser`` fixture) at 1600×900 and 1024×768, on every step of: the
lecture's tanh neuron (plain, --quiz, --projector --legend), a 14-step program with
--projector, an MLP(2, [2, 1]) loss page, and ``bp --sizes 2 3 2 --html`` with and without
--projector. Text size is what the screen shows: the height of each SVG <text>'s
getBoundingClientRect (not a CSS value), for every text inside an ``hl-in``/``hl-out``/
``hl-op`` element once the camera has settled.
"""

from __future__ import annotations

import math
import re

import pytest

from micrograd_cn.cli import main

TANH = "x1w1 = x1*w1; x2w2 = x2*w2; n = x1w1 + x2w2 + b; o = tanh(n)"
TANH_VALUES = {"x1": 2.0, "x2": 0.0, "w1": -3.0, "w2": 1.0, "b": 6.8813735870195432}
TANH_ARGS = [f"{k}={v!r}" for k, v in TANH_VALUES.items()]
PROGRAM = "n = x1*w1 + x2*w2 + b; e = exp(2*n); o = (e - 1)/(e + 1)"
SIZES = [(1600, 900), (1024, 768)]
MARKS = ".hl-in, .hl-out, .hl-op, .hl-edge"


def _mlp_page(path, projector=False):
    from micrograd_cn.nn import MLP, mse_loss
    from micrograd_cn.pages.step import write_step_page

    mlp = MLP(2, [2, 1], activation="tanh", output_activation="sigmoid", seed=0)
    loss = mse_loss(mlp([1.0, -2.0]), [1.0])
    loss.label = "L"
    write_step_page(loss, path, model=mlp, projector=projector)


# name -> (how to write it, projector?)
PAGES = {
    "tanh": (lambda out: main(["html", TANH, *TANH_ARGS, "-o", str(out)]), False),
    "tanh-quiz": (lambda out: main(["html", "--quiz", TANH, *TANH_ARGS, "-o", str(out)]), False),
    "tanh-projector-legend": (lambda out: main(["html", TANH, *TANH_ARGS, "--projector", "--legend",
                                                "-o", str(out)]), True),
    "program-projector": (lambda out: main(["html", PROGRAM, *TANH_ARGS, "--projector", "-o", str(out)]),
                          True),
    "mlp": (_mlp_page, False),
    "bp": (lambda out: main(["bp", "--sizes", "2", "3", "2", "--html", str(out)]), False),
    "bp-projector": (lambda out: main(["bp", "--sizes", "2", "3", "2", "--html", str(out),
                                       "--projector"]), True),
}

STILL = "document.documentElement.dataset.camera === 'still'"
FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _open(page, path) -> None:
    """Load a page and wait until its fonts are in and its camera rests (a teacher's first key)."""
    page.goto(path.as_uri())
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.evaluate(FRAMES)
    page.wait_for_function(STILL)


def _resize(page, width: int, height: int) -> None:
    """A new window size, once the page has handled it (the resize event comes with a frame)."""
    page.set_viewport_size({"width": width, "height": height})
    page.evaluate(FRAMES)
    page.wait_for_function(STILL)

# everything a step's check needs, measured in the page at once
MEASURE = """([marks, selectorOfNodes]) => {
  const d = document.documentElement, graph = document.getElementById("graph").getBoundingClientRect();
  const inBox = (r, q) => r.left >= q.left - 0.5 && r.top >= q.top - 0.5 &&
                          r.right <= q.right + 0.5 && r.bottom <= q.bottom + 0.5;
  const rect = el => { const r = el.getBoundingClientRect();
                       return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  const svg = document.querySelector("#graph svg");
  const marked = Array.from(document.querySelectorAll(marks));
  const texts = Array.from(document.querySelectorAll(".hl-in text, .hl-out text, .hl-op text"))
    .filter(t => t.textContent.trim());
  const win = {left: 0, top: 0, right: innerWidth, bottom: innerHeight};
  const cut = Array.from(svg.querySelectorAll(selectorOfNodes)).filter(n => {
    const r = n.getBoundingClientRect();
    const across = r.left < graph.right && r.right > graph.left && r.top < graph.bottom && r.bottom > graph.top;
    return across && !inBox(r, graph);
  }).map(n => n.id);
  const classes = new Set();
  document.querySelectorAll("[class]").forEach(el => el.classList.forEach(c => classes.add(c)));
  return {
    scrollHeight: d.scrollHeight, scrollWidth: d.scrollWidth, counter: document.getElementById("step").textContent,
    marked: marked.map(el => el.id),
    outside: marked.filter(el => !inBox(el.getBoundingClientRect(), graph) || !inBox(el.getBoundingClientRect(), win))
      .map(el => el.id),
    heights: texts.map(t => [t.textContent, t.getBoundingClientRect().height]),
    viewBox: svg.getAttribute("viewBox"), cut: cut,
    hlClasses: Array.from(classes).filter(c => c.startsWith("hl-")),
    rects: Object.fromEntries(Array.from(svg.querySelectorAll("[id]")).map(el => [el.id, rect(el)])),
    graph: rect(document.getElementById("graph")),
    formulaFits: (f => f.scrollHeight <= f.clientHeight + 1 && f.scrollWidth <= f.clientWidth + 1)(
      document.getElementById("text") || document.getElementById("formula")),
  };
}"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stage")
    out = {}
    for name, (write, _) in PAGES.items():
        path = folder / f"{name}.html"
        assert write(path) in (0, None)
        out[name] = path
    return out


def _inside(rect, box) -> bool:
    return (rect["left"] >= box["left"] - 0.5 and rect["top"] >= box["top"] - 0.5
            and rect["right"] <= box["right"] + 0.5 and rect["bottom"] <= box["bottom"] + 0.5)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(PAGES))
def test_every_step_fits_the_window_and_reads_from_the_back_row(browser, pages, name, size):
    """No scrolling; after the camera settles every mark is in view and its text large enough;
    no node cut at the drawing's edge; the drawing still when the next step is already in view."""
    width, height = size
    least = 24 if PAGES[name][1] else 16
    nodes = "g.neuron" if name.startswith("bp") else "g.node"
    page = browser.new_page(viewport={"width": width, "height": height}, reduced_motion="reduce")
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    _open(page, pages[name])
    total = int(page.inner_text("#step").split(" / ")[1])
    smallest = math.inf
    before = None
    stayed = 0
    for k in range(total + 1):
        page.wait_for_function(STILL)
        m = page.evaluate(MEASURE, [MARKS, nodes])
        where = f"{name} at {width}×{height}, step {k}"
        assert m["counter"] == f"{k} / {total}", where
        assert m["scrollHeight"] <= height and m["scrollWidth"] <= width, where
        assert m["outside"] == [], where
        assert set(m["hlClasses"]) <= {"hl-in", "hl-out", "hl-op", "hl-edge"}, where
        assert m["cut"] == [], f"{where}: nodes cut at the edge {m['cut']}"
        assert m["formulaFits"], f"{where}: the step's text does not fit its box"
        if k > 0 or name.startswith("bp"):
            assert m["heights"], where  # active nodes with text
        for text, h in m["heights"]:
            assert h >= least, f"{where}: {text!r} is {h:.1f} px high"
            smallest = min(smallest, h)
        if before is not None and before["marked"] and m["marked"]:
            # the graph does not move when this step's parts were already in view
            if all(i in before["rects"] and _inside(before["rects"][i], before["graph"]) for i in m["marked"]):
                assert m["viewBox"] == before["viewBox"], where
                stayed += 1
        before = m
        page.keyboard.press("PageDown")
    assert stayed > 0 or total < 3  # the stillness was tested on this page
    assert errors == []
    page.close()
    print(f"{name} {width}×{height}: smallest active text {smallest:.1f} px")


def _press_and_time(page, key: str) -> float:
    """Press ``key``; the ms from the camera starting to move to its rest (0 if it never moved)."""
    page.evaluate("""() => {
      window.__moves = [];
      new MutationObserver(() => window.__moves.push([document.documentElement.dataset.camera,
                                                      performance.now()]))
        .observe(document.documentElement, {attributes: true, attributeFilter: ["data-camera"]});
    }""")
    page.keyboard.press(key)
    page.wait_for_function(STILL)
    page.wait_for_timeout(50)
    moves = page.evaluate("() => window.__moves")
    starts = [t for state, t in moves if state == "moving"]
    ends = [t for state, t in moves if state == "still"]
    return ends[-1] - starts[0] if starts else 0.0


def test_the_camera_moves_smoothly_and_settles_within_400_ms(browser, pages):
    """With motion: a move takes frames and rests within 400 ms at the same place as without."""
    views = {}
    for motion in ("no-preference", "reduce"):
        page = browser.new_page(viewport={"width": 1024, "height": 768}, reduced_motion=motion)
        _open(page, pages["program-projector"])
        page.wait_for_function(STILL)
        times, boxes = [], []
        for _ in range(6):
            times.append(_press_and_time(page, "ArrowRight"))
            boxes.append(page.get_attribute("#graph svg", "viewBox"))
        views[motion] = (times, boxes)
        stage_duration = page.evaluate("() => Stage.duration")
        page.close()
    moving, still = views["no-preference"], views["reduce"]
    assert moving[1] == still[1]  # the same views, step by step
    assert any(t > 100 for t in moving[0])  # it glides ...
    # ... and rests within 400 ms: its plan (a timer ends the move on time even when frames
    # come late), and what the page saw (on a loaded machine a timer may fire late: the median)
    assert stage_duration + 30 <= 400
    assert sorted(moving[0])[len(moving[0]) // 2] <= 400, moving[0]
    assert all(t == 0 or t < 20 for t in still[0])  # reduced motion: at once


@pytest.mark.parametrize("name", ["tanh", "tanh-quiz", "bp"])
def test_keys_in_either_case_blank_help_whole_and_the_counter(browser, pages, name):
    page = browser.new_page(viewport={"width": 1024, "height": 768}, reduced_motion="reduce")
    _open(page, pages[name])
    quiz = name == "tanh-quiz"

    def press(key: str) -> None:  # on the quiz, Esc leaves the answer box first (it has the focus)
        if quiz and page.evaluate("() => document.activeElement.id") == "answer":
            page.keyboard.press("Escape")
        page.keyboard.press(key)

    total = int(page.inner_text("#step").split(" / ")[1])
    press("PageDown")
    press("PageDown")
    assert page.inner_text("#step") == f"2 / {total}"
    press("End")
    assert page.inner_text("#step") == f"{total} / {total}"
    press("PageUp")
    assert page.inner_text("#step") == f"{total - 1} / {total}"
    press("Home")
    assert page.inner_text("#step") == f"0 / {total}"
    press("ArrowRight")
    if quiz:  # the answer box has the focus: the clicker's keys still move, letters type
        page.keyboard.press("PageDown")
        assert page.inner_text("#step") == f"2 / {total}"
        page.keyboard.press("PageUp")
        assert page.inner_text("#step") == f"1 / {total}"
        page.keyboard.type("b")
        assert page.input_value("#answer") == "b" and not page.is_visible("#blank")
    assert not page.is_visible("#blank")
    for key in ("b", "B"):  # blank, and back, in either case
        press(key)
        assert page.is_visible("#blank")
        box = page.eval_on_selector("#blank", "e => e.getBoundingClientRect().toJSON()")
        assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 1024, 768)
        press(key)
        assert not page.is_visible("#blank")
    page.click("#blank-button")
    assert page.is_visible("#blank")
    page.keyboard.press("Escape")
    assert not page.is_visible("#blank")
    press("?")
    assert page.is_visible("#keys") and "B" in page.inner_text("#keys")
    press("?")
    assert not page.is_visible("#keys")
    # 0: the whole drawing; the next step follows the step again
    press("End")
    page.wait_for_function(STILL)
    press("0")
    page.wait_for_function(STILL)
    m = page.evaluate(MEASURE, [MARKS, "g.neuron" if name == "bp" else "g.node"])
    shapes = [i for i in m["rects"] if re.fullmatch(r"v\d+|o\d+|n-\d+-\d+", i)]
    assert shapes and all(_inside(m["rects"][i], m["graph"]) for i in shapes)  # every node in view
    press("Home")
    press("End")
    page.wait_for_function(STILL)
    if name != "bp":  # the step is followed again, zoomed in: some node out of view
        m = page.evaluate(MEASURE, [MARKS, "g.node"])
        assert not all(_inside(m["rects"][i], m["graph"]) for i in shapes)
    page.close()


def _tanh_locals() -> dict[tuple[str, str], float]:
    """Each edge's local derivative by central differences of its op (the oracle)."""
    v = dict(TANH_VALUES)
    v["x1w1"], v["x2w2"] = v["x1"] * v["w1"], v["x2"] * v["w2"]
    v["v1"] = v["x1w1"] + v["x2w2"]
    v["n"] = v["v1"] + v["b"]
    ops = {"(x1·w1)": lambda e: e["x1"] * e["w1"], "(x2·w2)": lambda e: e["x2"] * e["w2"],
           "(x1w1 + x2w2)": lambda e: e["x1w1"] + e["x2w2"], "(v1 + b)": lambda e: e["v1"] + e["b"],
           "tanh(n)": lambda e: math.tanh(e["n"])}
    h = 1e-6
    out = {}
    for of, f in ops.items():
        for name in v:
            up, down = dict(v), dict(v)
            up[name] += h
            down[name] -= h
            d = (f(up) - f(down)) / (2 * h)
            if name in of.replace("(", " ").replace(")", " ").replace("·", " ").replace("+", " ").split():
                out[(of, name)] = d
    return out


VISIBLE = "els => els.filter(e => e.getBoundingClientRect().height > 0).length"


def test_l_writes_every_local_derivative_on_its_edge(browser, pages):
    from micrograd_cn.notation import PICTURE, num

    page = browser.new_page(viewport={"width": 1600, "height": 900})
    _open(page, pages["tanh"])
    assert page.eval_on_selector_all("text.local", VISIBLE) == 0
    page.keyboard.press("L")
    labels = page.evaluate("""() => Array.from(document.querySelectorAll('#graph g.edge'))
        .map(g => Array.from(g.querySelectorAll('text.local')).filter(e => e.getBoundingClientRect().height > 0)
                  .map(e => e.textContent).join(' ')).filter(label => label)""")
    oracle = _tanh_locals()
    assert len(labels) == len(oracle) == 9  # one per edge, each visible
    for label in labels:
        match = re.fullmatch(r"∂(.+)/∂(\w+) = (?:.+ = )?(\S+)", label)
        assert match, label
        expected = oracle[(match.group(1), match.group(2))]
        assert match.group(3) == num(expected, PICTURE), label
        assert abs(float(match.group(3).replace("−", "-")) - expected) < 1e-4
    assert page.get_attribute("#locals-button", "aria-pressed") == "true"
    page.keyboard.press("l")
    assert page.eval_on_selector_all("text.local", VISIBLE) == 0
    page.close()


def test_layer_view_marks_neurons_as_one_group_and_weights_as_edges(browser, pages):
    page = browser.new_page(viewport={"width": 1600, "height": 900}, reduced_motion="reduce")
    _open(page, pages["bp"])
    for _ in range(5):  # to BP2
        page.keyboard.press("PageDown")
    groups = page.evaluate("""() => Array.from(document.querySelectorAll('.hl-in, .hl-out')).map(g =>
        [g.tagName, g.classList.contains('neuron'), g.querySelectorAll('circle').length,
         g.querySelectorAll('text').length])""")
    assert groups and all(g[0] == "g" and g[1] and g[2] == 1 and g[3] >= 2 for g in groups)
    edges = page.evaluate("() => Array.from(document.querySelectorAll('.hl-edge')).map(e => e.id)")
    assert len(edges) == 6 and all(e.startswith("e-3-") for e in edges)
    # the drawing scales with the window: its labels grow on a larger screen
    name = page.eval_on_selector("#n-2-1 text", "t => t.getBoundingClientRect().height")
    _resize(page, 1024, 768)
    smaller = page.eval_on_selector("#n-2-1 text", "t => t.getBoundingClientRect().height")
    assert smaller < name
    assert page.evaluate("() => document.documentElement.scrollHeight") <= 768
    page.close()


def test_resize_relays_the_stage_and_narrow_windows_stack(browser, pages):
    page = browser.new_page(viewport={"width": 1600, "height": 900}, reduced_motion="reduce")
    _open(page, pages["tanh-projector-legend"])
    page.keyboard.press("End")
    graph = page.eval_on_selector("#graph", "e => e.getBoundingClientRect().toJSON()")
    side = page.eval_on_selector("#side", "e => e.getBoundingClientRect().toJSON()")
    assert side["x"] >= graph["x"] + graph["width"]  # side by side
    # the legend sits in the side column and folds away without touching the graph
    assert page.evaluate("() => document.getElementById('graph').contains(document.getElementById('legend'))") is False
    page.click("#legend summary")
    assert page.eval_on_selector("#legend", "e => e.open") is False
    assert page.eval_on_selector("#graph", "e => e.getBoundingClientRect().toJSON()") == graph
    for width, height in ((1024, 768), (800, 1000), (1280, 720)):
        _resize(page, width, height)
        m = page.evaluate(MEASURE, [MARKS, "g.node"])
        assert m["scrollHeight"] <= height and m["scrollWidth"] <= width, (width, height)
        assert m["outside"] == [] and m["heights"], (width, height)
        assert min(h for _, h in m["heights"]) >= 24
    _resize(page, 800, 1000)
    graph = page.eval_on_selector("#graph", "e => e.getBoundingClientRect().toJSON()")
    side = page.eval_on_selector("#side", "e => e.getBoundingClientRect().toJSON()")
    assert side["y"] >= graph["y"] + graph["height"]  # stacked: the formula below the graph
    page.close()


@pytest.mark.parametrize("name", ["tanh", "bp"])
def test_formulas_wrap_only_between_terms(browser, pages, name):
    page = browser.new_page(viewport={"width": 1024, "height": 768})
    _open(page, pages[name])
    page.keyboard.press("End")
    style = page.eval_on_selector("#formula", """f => { const s = getComputedStyle(f);
        return [s.whiteSpace, s.wordBreak, s.overflowWrap]; }""")
    assert style == ["pre-wrap", "normal", "normal"]  # a line breaks only at a space
    page.close()


@pytest.mark.parametrize("name", ["tanh", "bp"])
def test_f_asks_for_full_screen_and_marks_differ_by_more_than_colour(browser, pages, name):
    page = browser.new_page(viewport={"width": 1600, "height": 900}, reduced_motion="reduce")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    _open(page, pages[name])
    page.evaluate("""() => { window.__full = 0;
        document.documentElement.requestFullscreen = () => { window.__full += 1; return Promise.resolve(); }; }""")
    page.keyboard.press("F")
    page.keyboard.press("f")
    assert page.evaluate("() => window.__full") == 2  # in either case (headless has no screen to fill)
    page.keyboard.press("End" if name == "tanh" else "PageDown")
    page.wait_for_function(STILL)
    shape = "g.hl-out path, g.hl-out polygon" if name == "tanh" else ".hl-out circle"
    styles = {}
    for mark, selector in (("out", shape), ("in", shape.replace("out", "in")),
                           ("edge", ".hl-edge path" if name == "tanh" else ".hl-edge line")):
        styles[mark] = page.eval_on_selector(selector, """e => { const s = getComputedStyle(e);
            return [s.stroke, parseFloat(s.strokeWidth), s.strokeDasharray]; }""")
    assert len({s[0] for s in styles.values()}) == 3  # three colours ...
    assert all(s[1] >= 4 for s in styles.values())  # ... heavy lines ...
    assert styles["out"][2] == "none" and styles["in"][2] != "none"  # ... solid against dashed
    assert all(url.startswith("file://") for url in requests)  # one offline file
    page.close()
