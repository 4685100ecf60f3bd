"""The lesson deck as a page (pages.deck) and the ``lesson`` command, driven in headless Chromium.

Every number a test reads back from the page is compared with an independent computation:
the engine's ``backward()`` and central differences for expressions, NumPy for the network,
the matrix form and the training run.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from micrograd_cn.cli import main
from micrograd_cn.notation import num
from micrograd_cn.pages.deck import DeckPages, deck_html, handout_markdown, markdown_html, write_deck
from micrograd_cn.teach.deck import example_text, load_deck, parse_deck
from micrograd_cn.teach.expr import build_program
from tests.test_deck_model import HOSTILE

SIZES = [(1600, 900), (1024, 768)]

# A second lesson: other expressions, weights and modes than the built-in one.
OTHER = """
title = "Another lesson <b>bold</b>"

[[page]]
kind = "steps"
title = "tanh neuron, shown whole"
expr = "n = x1*w1 + x2*w2 + b; o = tanh(n)"
values = { x1 = 2, x2 = 0, w1 = -3, w2 = 1, b = 6.8813735870195432 }
params = ["w1", "w2", "b"]
mode = "show"
notes = "the lecture's neuron"

[[page]]
kind = "locals"
title = "locals revealed"
expr = "q = a*c; f = q + exp(a)"
values = { a = 0.7, c = -1.3 }
mode = "reveal"

[[page]]
kind = "network"
title = "<script>window.pwned = 1</script>tanh then sigmoid"
sizes = [3, 2, 2]
activation = "tanh"
output_activation = "sigmoid"
cost = "ce"
x = [1, -0.5, 0.25]
y = [0, 1]
weights = { W = [[[0.2, -0.1, 0.4], [0.5, 0.3, -0.2]], [[0.6, -0.7], [-0.4, 0.9]]], b = [[0.1, -0.1], [0.05, 0.2]] }

[[page]]
kind = "matrix"
title = "relu batch"
sizes = [2, 2, 1]
activation = "relu"
output_activation = "linear"
cost = "mse"
x = [[1, 2], [0.5, -1], [2, 0.3], [-1, -1]]
y = [[1], [0], [0.5], [0.2]]
weights = { W = [[[0.5, 0.25], [0.3, -0.2]], [[0.8, -0.6]]], b = [[0.6, 0.7], [0.1]] }

[[page]]
kind = "quiz"
title = "quiz"
expr = "f = x*x*y + exp(y)"
values = { x = 1.5, y = -0.5 }
wrt = "y"

[[page]]
kind = "train"
title = "xor"
sizes = [2, 3, 1]
activation = "tanh"
output_activation = "sigmoid"
data = { x = [[0, 0], [0, 1], [1, 0], [1, 1]], y = [0, 1, 1, 0] }
loss = "ce"
steps = 300
lr = 0.5
seed = 7

[[page]]
kind = "paths"
title = "paths"
expr = "u = x*y; v = u + x; f = v*u"
values = { x = 2, y = 3 }
wrt = "x"

[[page]]
kind = "logistic"
title = "logistic, three inputs"
x = [0.3, -1.2, 2]
y = 0
w = [1, 0.5, -0.25]
b = -0.2

[[page]]
kind = "mistake"
title = "no zero_grad"
expr = "L = (w*x - t)**2"
values = { w = 0.4, x = 1.5, t = 2 }
mistake = "no_zero_grad"
wrt = "w"

[[page]]
kind = "exit"
title = "exit"
questions = [{ expr = "x*x", values = { x = 4 }, wrt = "x" }, { expr = "log(x)", values = { x = 0.5 }, wrt = "x" }]

[[page]]
kind = "text"
title = "end"
text = "- one\\n- **two** <i>three</i>"
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(the built-in deck's file, its DeckPages, the seconds the command took, what it printed)."""
    tmp = tmp_path_factory.mktemp("deck")
    out = tmp / "lesson.html"
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "micrograd_cn", "lesson", "-o", str(out), "--handout",
                           str(tmp / "handout.md")], capture_output=True, text=True, timeout=120)
    seconds = time.perf_counter() - start
    assert done.returncode == 0, done.stderr
    return out, DeckPages(load_deck(lang="zh")), seconds, done.stdout


@pytest.fixture(scope="module")
def other(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("other")
    src = tmp / "other.toml"
    src.write_text(OTHER, encoding="utf-8")
    out = tmp / "other.html"
    assert main(["lesson", str(src), "-o", str(out), "--lang", "en"]) == 0
    return out, parse_deck(OTHER, lang="en")


def open_deck(browser, path: Path, size=(1600, 900), page_number: int | None = None):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: errors.append("network: " + r.url) if not r.url.startswith(
        ("file:", "data:", "about:")) else None)
    page.goto(path.as_uri() + (f"#/{page_number}" if page_number else ""))
    page.wait_for_function("window.MicrogradDeck !== undefined && document.getElementById('page')")
    page.errors = errors  # type: ignore[attr-defined]
    return page


def goto(page, k: int) -> None:
    page.evaluate(f"window.MicrogradDeck.goto({k})")
    page.wait_for_function(f"document.getElementById('page').textContent.startsWith('{k} /')")
    page.wait_for_timeout(120)


def frame_of(page, k: int):
    handle = page.query_selector(f'section[data-page="{k}"] iframe.stage')
    frame = handle.content_frame()
    frame.wait_for_function("document.readyState === 'complete' && document.getElementById('step')")
    return frame


# ------------------------------------------------------------------ building
def test_builtin_deck_builds_fast_with_every_kind(built):
    out, pages, seconds, stdout = built
    assert seconds < 10, f"the built-in deck took {seconds:.1f} s"
    deck = pages.deck
    assert len(deck.pages) >= 12
    assert {"text", "graph", "steps", "locals", "paths", "logistic", "network", "matrix", "train", "quiz",
            "exit", "mistake"} <= {p.kind for p in deck.pages}
    text = out.read_text(encoding="utf-8")
    assert text.count('<section data-page="') == len(deck.pages)
    assert "共 19 页" in stdout or f"共 {len(deck.pages)} 页" in stdout
    assert not re.search(r"""(src|href)=["']https?://""", text)  # nothing loaded from the network
    assert "Hakim El Hattab" in text  # reveal.js inlined, its licence header kept
    handout = (out.parent / "handout.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^## \d+\. ", handout, re.M)) == len(deck.pages)


def test_every_seed_topic_is_in_the_builtin_lesson(built):
    deck = built[1].deck
    kinds = [p.kind for p in deck.pages]
    assert kinds.count("logistic") == 2 and any(p.spec["batch"] for p in deck.pages if p.kind == "logistic")
    matrix = next(p for p in deck.pages if p.kind == "matrix")
    assert matrix.spec["batch"] and len(matrix.spec["x"]) >= 2  # the matrix view on a batch (003)
    trains = [p for p in deck.pages if p.kind == "train"]
    assert any(p.spec["sizes"] == [3, 2] and p.spec["steps"] == 1000 for p in trains)  # seed 004
    assert {p.spec["mistake"] for p in deck.pages if p.kind == "mistake"} == {
        "backward_twice", "no_zero_grad", "shared_node"}


def test_example_file_builds(tmp_path):
    out = tmp_path / "example.html"
    src = tmp_path / "example.toml"
    assert main(["lesson", "--example"]) == 0
    src.write_text(example_text(), encoding="utf-8")
    assert main(["lesson", str(src), "-o", str(out)]) == 0
    assert out.stat().st_size > 1000


def test_readme_example_is_the_shipped_file():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, re.S)
    assert example_text() in blocks


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("text,number,key", HOSTILE[::2] + HOSTILE[1::2])
def test_hostile_files_exit_2_and_write_nothing(tmp_path, capsys, text, number, key, lang):
    src = tmp_path / "bad.toml"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out.html"
    assert main(["lesson", str(src), "-o", str(out), "--handout", str(tmp_path / "h.md"), "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    if number is not None:
        assert (f"第 {number} 页" if lang == "zh" else f"page {number}") in err
    assert not out.exists() and not (tmp_path / "h.md").exists()
    assert list(tmp_path.iterdir()) == [src]


def test_bad_output_and_invalid_utf8(tmp_path, capsys):
    src = tmp_path / "bad.toml"
    src.write_bytes(b'[[page]]\nkind = "text"\ntitle = "\xff"\ntext = "x"\n')
    assert main(["lesson", str(src), "-o", str(tmp_path / "o.html"), "--lang", "en"]) == 2
    assert "UTF-8" in capsys.readouterr().err
    assert main(["lesson", "-o", str(tmp_path / "o.pdf"), "--lang", "en"]) == 2
    assert ".html" in capsys.readouterr().err
    assert main(["lesson", "-o", str(tmp_path / "nowhere" / "o.html")]) == 2
    assert list(tmp_path.iterdir()) == [src]


def test_markdown_is_escaped():
    out = markdown_html("- **a** <b>x</b>\n- `c` [l](javascript:alert(1))\n\n$z$")
    assert "<b>" not in out and "&lt;b&gt;" in out and "<strong>a</strong>" in out
    assert "javascript:" not in out.replace("[l](javascript:alert(1))", "") or "<a" not in out


# ------------------------------------------------------------------ numbers against oracles
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


ACT = {"sigmoid": (sigmoid, lambda a, z: a * (1 - a)), "tanh": (np.tanh, lambda a, z: 1 - a * a),
       "relu": (lambda z: np.maximum(z, 0), lambda a, z: (z > 0).astype(float)),
       "linear": (lambda z: z, lambda a, z: np.ones_like(z))}


def numpy_batch(spec):
    """The matrix form with samples as columns, in NumPy: Z, A, dZ (per-sample δ), dW, db per layer."""
    X = np.array(spec["x"] if spec["batch"] else [spec["x"]], float).T
    Y = np.array(spec["y"] if spec["batch"] else [spec["y"]], float).T
    m = X.shape[1]
    Ws = [np.array(W, float) for W in spec["weights"]["W"]]
    bs = [np.array(b, float)[:, None] for b in spec["weights"]["b"]]
    acts = [spec["activation"]] * (len(Ws) - 1) + [spec["output_activation"]]
    As, Zs = [X], []
    for W, b, act in zip(Ws, bs, acts):
        Zs.append(W @ As[-1] + b)
        As.append(ACT[act][0](Zs[-1]))
    A, cost = As[-1], spec["cost"]
    dA = {"half_sse": A - Y, "mse": 2 * (A - Y) / A.shape[0], "ce": -Y / A + (1 - Y) / (1 - A)}[cost]
    layers = []
    for i in range(len(Ws) - 1, -1, -1):
        dZ = dA * ACT[acts[i]][1](As[i + 1], Zs[i])
        layers.append({"Z": Zs[i], "A": As[i + 1], "A_prev": As[i], "dZ": dZ, "dW": dZ @ As[i].T / m,
                       "db": dZ.sum(axis=1) / m, "W": Ws[i], "b": bs[i][:, 0]})
        dA = Ws[i].T @ dZ
    return layers[::-1]


def read_matrices(page, k: int) -> dict[str, list[list[str]]]:
    """Every named matrix of page k's layer view (its matrix panels), as the page writes it."""
    frame = frame_of(page, k)
    return frame.evaluate("""() => {
        const out = {};
        document.querySelectorAll('.mat').forEach(m => {
          const name = m.querySelector('.mname').textContent;
          if (!(name in out)) {
            out[name] = Array.from(m.querySelectorAll('tr')).map(
              r => Array.from(r.querySelectorAll('td')).map(td => td.textContent));
          }
        });
        return out; }""")


def sup(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def check_matrix_page(page, k, spec):
    """The matrix form on the batch against NumPy: W, Aˡ⁻¹, Z, A, dZ = ∂C/∂Z, dW, b, db."""
    got = read_matrices(page, k)
    m = len(spec["x"]) if spec["batch"] else 1
    for i, layer in enumerate(numpy_batch(spec)):
        l = i + 2
        expected = {f"W{sup(l)}": layer["W"], f"Z{sup(l)}": layer["Z"], f"A{sup(l)}": layer["A"],
                    f"dZ{sup(l)}": layer["dZ"] / m, f"dW{sup(l)}": layer["dW"], f"A{sup(l - 1)}": layer["A_prev"],
                    f"b{sup(l)}": layer["b"][:, None], f"db{sup(l)}": layer["db"][:, None]}
        for name, values in expected.items():
            assert got[name] == [[num(v) for v in row] for row in np.atleast_2d(values)], (name, got[name])


def numpy_network_sample(spec):
    """One sample through the network: each layer's z, a and δ (NumPy)."""
    return [{k: v[:, 0] for k, v in layer.items() if k in ("Z", "A", "dZ")} for layer in numpy_batch(spec)]


def check_layer_view(page, k, spec):
    frame = frame_of(page, k)
    data = frame.evaluate("JSON.parse(document.getElementById('layer-data').textContent).neurons")
    for i, layer in enumerate(numpy_network_sample(spec)):
        for j in range(len(layer["Z"])):
            n = data[f"n-{i + 2}-{j + 1}"]
            assert n["z"] == num(layer["Z"][j], 4) and n["a"] == num(layer["A"][j], 4)
            assert n["d"] == num(layer["dZ"][j], 4)


def numpy_train(spec, X, Y):
    Ws = [np.array(W, float) for W in spec["weights"]["W"]]
    bs = [np.array(b, float)[:, None] for b in spec["weights"]["b"]]
    X, Y = np.array(X, float).T, np.array(Y, float).T
    acts = [spec["activation"]] * (len(Ws) - 1) + [spec["output_activation"]]
    cost = None
    for step in range(spec["steps"] + 1):
        As, Zs = [X], []
        for W, b, act in zip(Ws, bs, acts):
            Zs.append(W @ As[-1] + b)
            As.append(ACT[act][0](Zs[-1]))
        A = As[-1]
        assert spec["loss"] == "sse"
        cost = float(((A - Y) ** 2).sum())
        if step == spec["steps"]:
            break
        dA = 2 * (A - Y)
        grads = []
        for i in range(len(Ws) - 1, -1, -1):
            dZ = dA * ACT[acts[i]][1](As[i + 1], Zs[i])
            grads.append((dZ @ As[i].T, dZ.sum(axis=1, keepdims=True)))
            dA = Ws[i].T @ dZ
        for i, (dW, db) in enumerate(grads[::-1]):
            Ws[i] = Ws[i] - spec["lr"] * dW
            bs[i] = bs[i] - spec["lr"] * db
    return cost


def test_training_of_seed_004_matches_numpy(built):
    from micrograd_cn.teach.training import train

    deck = built[1].deck
    p = next(p for p in deck.pages if p.kind == "train" and p.spec["steps"] == 1000)
    run = train(p.spec)
    expected = numpy_train(p.spec, p.spec["data"]["x"], p.spec["data"]["y"])
    assert run.final_cost == pytest.approx(expected, rel=1e-9)
    assert run.costs[-1] < run.costs[0] / 100


def numbers_in(texts: list[str]) -> list[float]:
    """Every number written in the texts (the typographic minus read as -)."""
    found = re.findall(r"[−-]?\d+(?:\.\d+)?(?:e[−-]?\d+)?", " ".join(texts).replace("−", "-"))
    return [float(x) for x in found]


def central(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def test_builtin_numbers_read_back_from_the_dom(browser, built):
    out, pages, _, _ = built
    deck = pages.deck
    page = open_deck(browser, out)
    for p in deck.pages:
        if p.kind == "quiz":
            goto(page, p.number)
            answer = float(page.get_attribute(f'section[data-page="{p.number}"] .quiz', "data-answer"))
            program = build_program(p.spec["expr"], p.spec["values"])
            program.root.backward()
            assert answer == program.leaves[p.spec["wrt"]].grad

            def f(v, p=p):
                values = dict(p.spec["values"], **{p.spec["wrt"]: v})
                return build_program(p.spec["expr"], values).root.data

            assert answer == pytest.approx(central(f, p.spec["values"][p.spec["wrt"]]), rel=1e-6)
        elif p.kind == "exit":
            answers = page.eval_on_selector_all(f'section[data-page="{p.number}"] .quiz',
                                                "els => els.map(e => +e.dataset.answer)")
            for q, a in zip(p.questions, answers):
                prog = build_program(q.expr, q.values)
                prog.root.backward()
                node = prog.leaves.get(q.wrt) or prog.steps[q.wrt]
                assert a == node.grad
        elif p.kind == "matrix":
            goto(page, p.number)
            check_matrix_page(page, p.number, p.spec)
        elif p.kind == "network":
            goto(page, p.number)
            check_layer_view(page, p.number, p.spec)
        elif p.kind == "paths":
            text = page.inner_text(f'section[data-page="{p.number}"] .right')
            prog = build_program(p.spec["expr"], p.spec["values"])
            prog.root.backward()
            assert f"= {num(prog.leaves[p.spec['wrt']].grad)}" in text
        elif p.kind == "logistic" and not p.spec["batch"]:
            goto(page, p.number)
            text = page.inner_text(f'section[data-page="{p.number}"] .page-body')
            x, w, b, y = np.array(p.spec["x"]), np.array(p.spec["w"]), p.spec["b"], p.spec["y"]
            a = sigmoid(x @ w + b)
            for g in (*(x * (a - y)), a - y):  # ∂L/∂w = x(a − y), ∂L/∂b = a − y (seed 002)
                assert num(g) in text
        elif p.kind == "graph":
            texts = page.eval_on_selector_all(f'section[data-page="{p.number}"] svg text',
                                              "e => e.map(t => t.textContent)")
            prog = build_program(p.spec["expr"], p.spec["values"])
            shown = numbers_in(texts)
            for name, node in {**prog.leaves, **prog.steps}.items():
                assert any(abs(v - node.data) <= 5e-4 * abs(node.data) + 1e-9 for v in shown), name
    assert page.errors == []  # type: ignore[attr-defined]
    page.close()


def test_steps_page_gradients_equal_backward(browser, built):
    out, pages, _, _ = built
    p = next(p for p in pages.deck.pages if p.kind == "steps")
    page = open_deck(browser, out, page_number=p.number)
    frame = frame_of(page, p.number)
    frame.evaluate("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'End', bubbles: true}))")
    texts = frame.eval_on_selector_all("svg text", "e => e.map(t => t.textContent)")
    prog = build_program(p.spec["expr"], p.spec["values"])
    prog.root.backward()
    grads = numbers_in([t for t in texts if t.startswith("梯度 ")])
    nodes = [prog.leaves[name] for name in p.spec["params"]] + list(prog.steps.values())
    for node in nodes:  # the parameters' and every step's gradient, as backward() gives them
        assert any(abs(g - node.grad) <= 5e-4 * abs(node.grad) + 1e-9 for g in grads), (node.label, node.grad)
    page.close()


def test_second_file_shows_its_own_numbers(browser, other):
    out, deck = other
    page = open_deck(browser, out)
    assert page.title() == "Another lesson <b>bold</b>"
    # the show-mode steps page opens at its last step
    frame = frame_of(page, 1)
    frame.wait_for_function("/^(\\d+) \\/ \\1$/.test(document.getElementById('step').textContent)")
    # the network page (tanh, sigmoid, cross-entropy) and the relu batch against NumPy
    goto(page, 3)
    check_layer_view(page, 3, deck.pages[2].spec)
    assert page.evaluate("window.pwned") is None
    assert page.inner_text('section[data-page="3"] .page-title').startswith("<script>")
    goto(page, 4)
    check_matrix_page(page, 4, deck.pages[3].spec)
    # the quiz's answer is this file's gradient: ∂f/∂y = x² + e^y
    answer = float(page.get_attribute('section[data-page="5"] .quiz', "data-answer"))
    assert answer == pytest.approx(1.5 ** 2 + math.exp(-0.5), rel=1e-12)
    # the text page's HTML is shown as text
    assert "<i>three</i>" in page.inner_text('section[data-page="11"]')
    assert page.query_selector('section[data-page="11"] i') is None
    assert page.errors == []  # type: ignore[attr-defined]
    page.close()


# ------------------------------------------------------------------ driving the deck
def state(page):
    return page.evaluate("[document.getElementById('page').textContent, document.getElementById('step-box')"
                         ".hidden ? '' : document.getElementById('step').textContent]")


def test_pagedown_walks_every_step_and_page(browser, built):
    out, pages, _, _ = built
    n = len(pages.deck.pages)
    page = open_deck(browser, out)
    seen_pages = {1}
    before = state(page)
    for _ in range(400):
        page.keyboard.press("PageDown")
        page.wait_for_timeout(30)
        after = state(page)
        if after == before:
            break
        seen_pages.add(int(after[0].split(" / ")[0]))
        before = after
    assert before[0] == f"{n} / {n}"
    assert seen_pages == set(range(1, n + 1))
    page.keyboard.press("PageUp")
    assert state(page)[0] == f"{n - 1} / {n}"
    assert page.errors == []  # type: ignore[attr-defined]
    page.close()


def test_keys_inside_a_frame_drive_the_deck(browser, built):
    out, pages, _, _ = built
    p = next(p for p in pages.deck.pages if p.kind == "steps")
    page = open_deck(browser, out, page_number=p.number)
    frame_of(page, p.number)
    page.click(f'section[data-page="{p.number}"] iframe.stage', position={"x": 5, "y": 5})
    page.keyboard.press("PageDown")
    page.wait_for_timeout(100)
    assert re.fullmatch(r"1 / \d+", state(page)[1]), state(page)
    page.keyboard.press("b")
    assert page.is_visible("#blank")
    page.keyboard.press("b")
    assert not page.is_visible("#blank")
    page.close()


def test_toc_blank_and_reload(browser, built):
    out, pages, _, _ = built
    n = len(pages.deck.pages)
    page = open_deck(browser, out)
    assert not page.is_visible("#toc")
    page.keyboard.press("t")
    assert page.is_visible("#toc")
    assert page.eval_on_selector_all("#toc a", "a => a.length") == n
    page.keyboard.press("T")
    assert not page.is_visible("#toc")
    page.keyboard.press("B")
    assert page.is_visible("#blank")
    box = page.eval_on_selector("#blank", "e => e.getBoundingClientRect().toJSON()")
    assert box["width"] >= 1600 and box["height"] >= 900
    page.keyboard.press("b")
    assert not page.is_visible("#blank")
    events = page.evaluate("""() => { window.seen = []; document.addEventListener('deckpage',
        e => window.seen.push(e.detail.page)); return true; }""")
    assert events
    page.click('#toc-button')
    page.click('#toc a[data-page="7"]')
    page.wait_for_function("location.hash === '#/7'")
    assert state(page)[0] == f"7 / {n}" and page.evaluate("window.seen") == [7]
    assert page.evaluate("window.MicrogradDeck.page()") == 7 and page.evaluate("window.MicrogradDeck.pages") == n
    page.reload()
    page.wait_for_function("window.MicrogradDeck && window.MicrogradDeck.page() === 7")
    assert state(page)[0] == f"7 / {n}"
    with page.expect_popup() as popup:
        page.keyboard.press("p")
    assert popup.value is not None
    page.close()


def test_quiz_scores_right_and_wrong(browser, built):
    out, pages, _, _ = built
    deck = pages.deck
    quiz = next(p for p in deck.pages if p.kind == "quiz")
    page = open_deck(browser, out, page_number=quiz.number)
    box = f'section[data-page="{quiz.number}"] .quiz'
    page.fill(f"{box} input.answer", "12345")
    page.press(f"{box} input.answer", "Enter")
    assert "wrong" in page.get_attribute(f"{box} .verdict", "class")
    assert not page.is_visible(f"{box} .working")
    page.fill(f"{box} input.answer", num(quiz.question.answer, 4).replace("−", "-"))
    page.press(f"{box} input.answer", "Enter")
    assert "right" in page.get_attribute(f"{box} .verdict", "class")
    assert page.is_visible(f"{box} .working")
    # the exit page: one right, one wrong twice, one not answered
    ex = next(p for p in deck.pages if p.kind == "exit")
    goto(page, ex.number)
    boxes = f'section[data-page="{ex.number}"] .quiz'
    first = page.query_selector_all(boxes)
    first[0].query_selector("input.answer").fill(repr(ex.questions[0].answer))
    first[0].query_selector("button.check").click()
    for _ in range(2):
        first[1].query_selector("input.answer").fill("(1+")
        first[1].query_selector("button.check").click()  # unreadable: does not count as a try
        first[1].query_selector("input.answer").fill("1e6")
        first[1].query_selector("button.check").click()
    score = page.query_selector(f'section[data-page="{ex.number}"] .score')
    assert score.get_attribute("data-right") == "1" and score.get_attribute("data-answered") == "2"
    assert score.inner_text().endswith(f"1 / {len(ex.questions)}")
    page.close()


def test_training_slider_last_frame_shows_the_printed_cost(browser, built):
    out, pages, _, stdout = built
    page = open_deck(browser, out)
    for number, line in pages.summaries:
        printed = re.search(rf"第 {number} 页：.*?代价 (\S+?)，", stdout).group(1)
        assert f"代价 {printed}，" in line  # the line the command printed is the training's summary
        goto(page, number)
        sel = f'section[data-page="{number}"]'
        last = page.get_attribute(f"{sel} input.slider", "max")
        page.eval_on_selector(f"{sel} input.slider", f"""s => {{ s.value = {last};
            s.dispatchEvent(new Event('input')); }}""")
        readout = page.inner_text(f"{sel} output.train-readout")
        assert f"代价 {printed} " in readout, (readout, printed)
        page.click(f"{sel} button.play")
        page.wait_for_function(f"document.querySelector('{sel} output.train-readout').dataset.step !== undefined")
    page.close()


@pytest.mark.parametrize("size", SIZES)
def test_no_page_scrolls(browser, built, other, size):
    for path, deck in ((built[0], built[1].deck), (other[0], other[1])):
        page = open_deck(browser, path, size)
        for p in deck.pages:
            goto(page, p.number)
            page.wait_for_timeout(150)
            m = page.evaluate(f"""() => {{
                const d = document.documentElement, s = document.querySelector('section[data-page="{p.number}"]');
                const boxes = [s.querySelector('.page-body'), ...s.querySelectorAll('.page-body > .right')];
                return [d.scrollHeight, innerHeight, d.scrollWidth, innerWidth,
                        Math.max(...boxes.map(b => b.scrollHeight - b.clientHeight)),
                        Math.max(...boxes.map(b => b.scrollWidth - b.clientWidth))];
            }}""")
            assert m[0] <= m[1] and m[2] <= m[3], (p.number, m)
            assert m[4] <= 1 and m[5] <= 1, (p.number, p.kind, m)  # the page's own box is not cut
            if page.query_selector(f'section[data-page="{p.number}"] iframe.stage'):
                frame = frame_of(page, p.number)  # a step page or layer view: its stage fits its frame
                f = frame.evaluate("[document.documentElement.scrollHeight, innerHeight, "
                                   "document.documentElement.scrollWidth, innerWidth]")
                assert f[0] <= f[1] and f[2] <= f[3], (p.number, p.kind, f)
        page.close()


def test_projector_text_is_large(browser, tmp_path):
    out = tmp_path / "p.html"
    write_deck(out, None, lang="en", projector=True)
    page = open_deck(browser, out)
    sizes = page.evaluate("""() => ['.page-title', 'li'].map(s => getComputedStyle(
        document.querySelector('section[data-page="1"] ' + s)).fontSize)""")
    assert all(float(s[:-2]) >= 24 for s in sizes), sizes
    # the active nodes' text on the step pages and layer views, measured on screen once the camera rests
    deck = load_deck(lang="en")
    for p in deck.pages:
        if p.kind not in ("steps", "locals", "network"):
            continue
        goto(page, p.number)
        frame = frame_of(page, p.number)
        for _ in range(3):
            page.keyboard.press("PageDown")
            frame.wait_for_function("document.documentElement.dataset.camera !== 'moving'")
            page.wait_for_timeout(350)
            heights = frame.evaluate("""() => Array.from(document.querySelectorAll(
                '.hl-in text, .hl-out text, .hl-op text')).map(t => t.getBoundingClientRect().height)""")
            assert heights and min(heights) >= 24, (p.number, heights)
    page.close()


def test_print_gives_one_sheet_per_page(browser, built):
    out, pages, _, _ = built
    page = open_deck(browser, out)
    page.emulate_media(media="print")
    n = len(pages.deck.pages)
    shown = page.evaluate("""() => Array.from(document.querySelectorAll('.reveal .slides > section')).filter(
        s => getComputedStyle(s).display !== 'none').length""")
    assert shown == n
    steps = next(p for p in pages.deck.pages if p.kind == "steps")
    assert page.is_visible(f'section[data-page="{steps.number}"] .print-only')
    assert not page.is_visible(f'section[data-page="{steps.number}"] iframe.stage')
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= n
    page.close()


def test_deck_html_for_the_classroom():
    deck = load_deck(lang="en")
    text = deck_html(deck, extra_head='<meta name="x-extra">', extra_body='<div id="panel"></div>')
    assert '<meta name="x-extra">' in text.split("</head>")[0]
    assert text.rstrip().endswith("</html>") and '<div id="panel"></div>' in text.rsplit("</body>", 1)[0]
    assert "## 1. " in handout_markdown(deck)
