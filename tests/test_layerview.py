"""The layer view (``bp --html``): seed 003's matrices against NumPy, the steps BP1–BP4,
and the page driven in headless chromium like the expression page."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from micrograd_cn.cli import main
from micrograd_cn.nn import MLP
from micrograd_cn.notation import num
from micrograd_cn.pages.base import StepPage
from micrograd_cn.pages.layer import (
    MAX_NEURONS,
    layer_view,
    network,
    write_layer_view,
)
from micrograd_cn.teach.backprop import bp_report
from micrograd_cn.teach.matrices import matrices


# ------------------------------------------------------------------ a NumPy oracle (seed 003)
def activation(act, Z):
    return {"relu": lambda: np.maximum(Z, 0.0), "sigmoid": lambda: 1 / (1 + np.exp(-Z)),
            "tanh": lambda: np.tanh(Z), "linear": lambda: Z}[act]()


def activation_prime(act, Z):
    if act == "relu":
        return (Z > 0).astype(float)
    if act == "sigmoid":
        s = 1 / (1 + np.exp(-Z))
        return s * (1 - s)
    if act == "tanh":
        return 1 - np.tanh(Z) ** 2
    return np.ones_like(Z)


def dense_backprop(Ws, bs, acts, x, y, cost):
    """Forward and backward on matrices, one column per sample: what each layer's panel shows."""
    A = np.array(x, dtype=float).reshape(-1, 1)
    cache = []
    for W, b, act in zip(Ws, bs, acts):
        Z = W @ A + b
        cache.append((A, Z))
        A = activation(act, Z)
    Y = np.array(y, dtype=float).reshape(-1, 1)
    dA = A - Y if cost == "half_sse" else -Y / A + (1 - Y) / (1 - A)
    out = []
    for (A_prev, Z), W, act in zip(reversed(cache), reversed(Ws), reversed(acts)):
        dZ = dA * activation_prime(act, Z)
        dW = dZ @ A_prev.T
        db = dZ @ np.ones((1, 1))
        dA = W.T @ dZ
        out.append({"A_prev": A_prev, "Z": Z, "dZ": dZ, "dW": dW, "db": db, "dA_prev": dA})
    return out[::-1]


CASES = [
    ([2, 3, 2], "tanh", "sigmoid", "half_sse", [0.5, -1.0], [1.0, 0.0]),
    ([3, 4, 3, 2], "relu", "sigmoid", "ce", [1.0, -0.5, 2.0], [1.0, 0.0]),
    ([2, 5, 1], "sigmoid", "linear", "half_sse", [-0.3, 0.8], [0.25]),
]


@pytest.mark.parametrize("sizes, hidden, output, cost, x, y", CASES)
def test_the_matrix_panel_equals_numpy(sizes, hidden, output, cost, x, y):
    mlp = network(sizes, activation=hidden, output_activation=output, seed=3)
    Ws = [np.array([[w.data for w in n.w] for n in layer.neurons]) for layer in mlp.layers]
    bs = [np.array([[n.b.data] for n in layer.neurons]) for layer in mlp.layers]
    acts = [layer.neurons[0].activation for layer in mlp.layers]
    oracle = dense_backprop(Ws, bs, acts, x, y, cost)
    _, panels, _ = matrices(mlp, [x], [y], cost)
    assert [m.layer for m in panels] == list(range(2, len(sizes) + 1))  # the input is layer 1
    for m, W, b, expected in zip(panels, Ws, bs, oracle):
        n, n_prev = W.shape
        shapes = {"W": (n, n_prev), "b": (n, 1), "A_prev": (n_prev, 1), "Z": (n, 1),
                  "dZ": (n, 1), "dW": (n, n_prev), "db": (n, 1), "dA_prev": (n_prev, 1)}
        for name, shape in shapes.items():
            assert np.array(getattr(m, name)).shape == shape, name
        np.testing.assert_array_equal(np.array(m.W), W)
        np.testing.assert_array_equal(np.array(m.b), b)
        for name in ("A_prev", "Z", "dZ", "dW", "db", "dA_prev"):
            np.testing.assert_allclose(np.array(getattr(m, name)), expected[name],
                                       rtol=1e-12, atol=1e-15, err_msg=name)
    # dW is the engine's own ∂C/∂w, arranged as a matrix
    for m, layer in zip(panels, mlp.layers):
        np.testing.assert_allclose(np.array(m.dW), [[w.grad for w in n.w] for n in layer.neurons],
                                   rtol=1e-12, atol=1e-15)


def page_data(text: str) -> dict:
    match = re.search(r'<script type="application/json" id="layer-data">(.*?)</script>', text, re.S)
    assert match
    return json.loads(match.group(1))


def test_steps_forward_then_bp1_bp2_bp3_bp4():
    mlp = network([2, 3, 3, 2], activation="tanh", seed=0)
    page = layer_view(mlp, [0.5, -1.0], [1.0, 0.0], lang="en")
    assert isinstance(page, StepPage) and page._repr_html_().startswith("<iframe srcdoc=")
    titles = [s["title"] for s in page_data(page)["steps"]]
    assert titles == [
        "step 0: the network and the sample",
        "forward: layer 2 (tanh)", "forward: layer 3 (tanh)", "forward: layer 4 (sigmoid)",
        "the cost C: the forward pass ends here",
        "BP1: the output layer's error",
        "BP2: the error flows back to layer 3", "BP2: the error flows back to layer 2",
        "BP3: the biases of layer 4", "BP3: the biases of layer 3", "BP3: the biases of layer 2",
        "BP4: the weights of layer 4", "BP4: the weights of layer 3", "BP4: the weights of layer 2",
    ]
    assert '<span id="step">0 / 13</span>' in page


def test_every_equation_stands_beside_the_engines_number():
    mlp = network([2, 3, 2], activation="tanh", seed=0)
    x, y = [0.5, -1.0], [1.0, 0.0]
    steps = page_data(layer_view(mlp, x, y))["steps"]
    report = bp_report(mlp, x, y)  # the same numbers the page used
    text = "\n".join(line for s in steps for line in s["lines"])
    assert "✗" not in text
    out, hidden = mlp.layers[1].neurons, mlp.layers[0].neurons
    bp1 = "\n".join(steps[4]["lines"])
    assert bp1.startswith("BP1：δ³ = ∇ₐC ⊙ σ′(z³)")  # the output is layer 3 of 2 → 3 → 2
    assert f"引擎 z³₁.grad = {num(out[0].z.grad)} ✓" in bp1
    assert "δ³₁ = ∂C/∂a³₁ · σ′(z³₁) = (a³₁ − y₁)·σ′(z³₁)" in bp1
    bp2 = "\n".join(steps[5]["lines"])
    assert "tanh′(z²ⱼ) = 1 − tanh²(z²ⱼ) = 1 − (a²ⱼ)²" in bp2
    assert "δ²₂ = (w³₁₂δ³₁ + w³₂₂δ³₂)·tanh′(z²₂)" in bp2
    assert f"引擎 z²₂.grad = {num(hidden[1].z.grad)} ✓" in bp2
    bp4 = "\n".join(steps[-1]["lines"])  # the weights of layer 2, whose inputs are x
    w = hidden[2].w[1]
    assert f"∂C/∂w²₃₂ = a¹₂δ²₃ = (−1) × {num(hidden[2].z.grad)} = {num(w.grad)}" in bp4
    assert f"引擎 w²₃₂.grad = {num(w.grad)} ✓" in bp4
    assert sum(line.endswith("✓") for line in text.splitlines()) == 2 + 3 + 5 + 12
    assert report.max_diff == 0.0


def test_the_page_is_self_contained_and_shows_the_shapes(tmp_path):
    mlp = network([2, 3, 2], seed=0)
    out = tmp_path / "net.html"
    assert write_layer_view(out, mlp, [0.5, -1.0], [1.0, 0.0]) == 9
    text = out.read_text(encoding="utf-8")
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", text))
    assert urls <= {"http://www.w3.org/2000/svg"}
    assert "<script src" not in text and "<link" not in text and "url(" not in text
    for element_id in ('id="next"', 'id="prev"', 'id="step"', 'id="formula"', 'id="panel-2"',
                       'id="panel-3"', 'id="n-3-2"', 'id="e-3-2-3"', 'id="e-2-3-2"'):
        assert element_id in text
    assert "dW² = dZ²·(A¹)ᵀ" in text and "dA² = (W³)ᵀ·dZ³" in text and "3 × 2" in text
    assert "|" not in "".join(re.findall(r'<div class="panel".*?</div></div></div>', text))
    dw = matrices(mlp, [[0.5, -1.0]], [[1.0, 0.0]])[1][0].dW
    assert all(f"<td>{num(v)}</td>" in text for row in dw for v in row)


@pytest.mark.parametrize("argv, message", [
    (["bp", "--sizes", "2", "9", "2", "--html", "n.html"], "每层 8 个神经元，收到 2 9 2"),
    (["bp", "--sizes", "2", "2", "2", "2", "2", "2", "2", "--html", "n.html"], "最多画 6 层"),
    (["bp", "--sizes", "3", "2", "--x", "1", "2", "--html", "n.html"], "x"),
    (["bp", "--sizes", "2", "3", "2", "--html", "n.svg"], "无法识别输出文件 n.svg 的格式"),
])
def test_cli_errors_are_one_line(tmp_path, capsys, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("micrograd-cn: 错误：") and message in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []
    assert MAX_NEURONS == 8


def test_a_non_mlp_is_refused():
    with pytest.raises(TypeError, match="nn.MLP"):
        layer_view([1, 2], [0.5], [1.0])  # type: ignore[arg-type]


# ------------------------------------------------------------------ in a real browser
# (the `browser` fixture: tests/conftest.py)


def test_browser_steps_through_bp1_to_bp4(browser, tmp_path, capsys):
    out = tmp_path / "net.html"
    assert main(["bp", "--sizes", "2", "3", "2", "--html", str(out)]) == 0
    assert capsys.readouterr().out == f"已写入 {out}：共 9 步，用浏览器打开即可（← → 翻页）\n"
    mlp = MLP(2, [3, 2], activation="tanh", output_activation="sigmoid", seed=0)
    report = bp_report(mlp, [0.5, -1.0], [1.0, 0.0])  # the CLI's defaults
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(out.as_uri())

    def state() -> tuple[str, list[str], list[str], list[str]]:
        def ids(cls: str) -> list[str]:
            return sorted(page.eval_on_selector_all(f".{cls}", "els => els.map(e => e.id)"))
        return page.inner_text("#step"), ids("hl-out"), ids("hl-in"), ids("hl-edge")

    def neuron(l: int, j: int) -> list[str]:
        return [page.text_content(f"#{key}-{l}-{j}") for key in "zad"]

    before = page.screenshot()
    assert state() == ("0 / 9", [], ["n-1-1", "n-1-2"], [])
    assert neuron(3, 1) == ["z = ?", "a = ?", "δ = ?"]
    assert page.is_disabled("#prev")

    page.click("#next")  # forward: layer 2 from layer 1 through the weights w²
    counter, on, used, hl = state()
    assert counter == "1 / 9" and on == ["n-2-1", "n-2-2", "n-2-3"]
    assert used == ["n-1-1", "n-1-2"] and len(hl) == 6 and all(e.startswith("e-2-") for e in hl)
    z = mlp.layers[0].neurons[0].z.data
    assert neuron(2, 1)[0] == f"z = {num(z, 4)}" and neuron(3, 1)[0] == "z = ?"
    assert "dZ²" not in page.inner_text("#panel-2")  # the forward pass: Z = WA + b only
    assert "Z²" in page.inner_text("#panel-2")

    page.click("#next")
    page.click("#next")  # the cost
    assert f"= {num(report.cost)}" in page.inner_text("#formula")
    page.keyboard.press("ArrowRight")  # BP1
    counter, on, used, hl = state()
    assert counter == "4 / 9" and on == ["n-3-1", "n-3-2"] and hl == []
    delta = mlp.layers[1].neurons[0].z.grad
    assert neuron(3, 1)[2] == f"δ = {num(delta, 4)}" and neuron(2, 1)[2] == "δ = ?"
    assert f"z³₁.grad = {num(delta)} ✓" in page.inner_text("#formula")
    panel = page.inner_text("#panel-3")
    assert "dZ³ = dA³ ⊙ σ′(Z³)" in panel and "dW³" not in panel  # dW³ comes at BP4

    page.keyboard.press("ArrowRight")  # BP2 into layer 2: through the weights w³
    counter, on, used, hl = state()
    assert on == ["n-2-1", "n-2-2", "n-2-3"] and used == ["n-3-1", "n-3-2"]
    assert len(hl) == 6 and all(e.startswith("e-3-") for e in hl)
    assert neuron(2, 3)[2] == f"δ = {num(mlp.layers[0].neurons[2].z.grad, 4)}"

    page.keyboard.press("ArrowLeft")
    assert state()[0] == "4 / 9" and neuron(2, 1)[2] == "δ = ?"
    page.keyboard.press("End")
    counter, on, used, hl = state()
    assert counter == "9 / 9" and page.is_disabled("#next")
    assert "BP4" in page.inner_text("#title") and all(e.startswith("e-2-") for e in hl)
    w = mlp.layers[0].neurons[0].w[0]
    assert f"w²₁₁.grad = {num(w.grad)} ✓" in page.inner_text("#formula")
    after = page.screenshot()
    assert after != before
    page.keyboard.press("Home")
    assert state()[0] == "0 / 9"
    assert all(url.startswith("file://") for url in requests)
    page.close()


def test_browser_english_page(browser, tmp_path):
    out = tmp_path / "net_en.html"
    assert main(["bp", "--sizes", "2", "2", "1", "--x", "1", "2", "--y", "1", "--html", str(out),
                 "--lang", "en", "--projector"]) == 0
    page = browser.new_page()
    page.goto(out.as_uri())
    assert page.inner_text("#next") == "Next →" and page.inner_text("#step") == "0 / 9"
    assert page.eval_on_selector("body", "b => b.className") == "projector"
    page.keyboard.press("End")
    assert page.inner_text("#title") == "BP4: the weights of layer 2"
    assert "engine" in page.inner_text("#formula")
    page.close()


def test_browser_panel_shows_nothing_of_a_matrix_before_its_step(browser, tmp_path, capsys):
    out = tmp_path / "batch.html"
    assert main(["bp", "--sizes", "2", "3", "3", "2", "--x", "0.5", "-1", "--x", "1", "2", "--x",
                 "0", "1", "--y", "1", "0", "--y", "0", "1", "--y", "1", "1", "--cost", "mse",
                 "--html", str(out), "--lang", "en"]) == 0
    capsys.readouterr()
    steps = page_data(out.read_text(encoding="utf-8"))["steps"]
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(out.as_uri())
    # each matrix (its name in a panel) at the step that computes it, and never before
    first_seen: dict[str, int] = {}
    for k, step in enumerate(steps):
        rows = page.eval_on_selector_all(".mrow", """els => els.map(e => [
            Number(e.dataset.from), e.offsetParent !== null,
            e.closest('.panel').id, e.querySelector('.mformula').textContent])""")
        for start, visible, panel, formula in rows:
            if visible:
                assert start == k, (k, formula)  # nothing of a matrix before its step
                assert panel == f"panel-{step['panel']}"
                first_seen.setdefault(formula, k)
            elif panel == f"panel-{step['panel']}":
                assert start != k, (k, formula)  # the step's own equations are all shown
        page.keyboard.press("ArrowRight")
    kinds = {f: steps[k]["title"] for f, k in first_seen.items()}
    assert kinds["Z² = W²·A¹ + b²"] == "forward: layer 2 (tanh)"
    assert kinds["dA⁴ = ∂C/∂A⁴ = 2(A⁴ − Y)/(n⁴m)"] == "BP1: the output layer's error"
    assert kinds["dA³ = (W⁴)ᵀ·dZ⁴"] == "BP2: the error flows back to layer 3"
    assert kinds["δ² = dZ² = dA² ⊙ tanh′(Z²)"] == "BP2: the error flows back to layer 2"
    assert kinds["db³ = dZ³·1ₘ"] == "BP3: the biases of layer 3"
    assert kinds["dW² = dZ²·(A¹)ᵀ"] == "BP4: the weights of layer 2"
    # the referee's note (two outputs, m = 3) stands at BP1 beside the true dA⁴
    page.keyboard.press("Home")
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    panel = page.inner_text("#panel-4")
    assert "shape[0]" in panel and "m = 3" in panel and "1ₘ" not in panel
    page.close()


def test_numbering_changes_every_label_on_the_page(tmp_path):
    texts = {}
    for numbering in ("nielsen", "ng"):
        mlp = network([2, 3, 2], activation="tanh", seed=0)
        out = tmp_path / f"{numbering}.html"
        write_layer_view(out, mlp, [0.5, -1.0], [1.0, 0.0], lang="en", numbering=numbering)
        texts[numbering] = out.read_text(encoding="utf-8")
    nielsen, ng = texts["nielsen"], texts["ng"]
    assert "--numbering nielsen" in nielsen and "--numbering ng" in ng
    shift = str.maketrans("¹²³", "⁰¹²")
    labels = re.compile(r"(?:dA|dZ|dW|db|[aAzZwWbδn])([⁰¹²³⁴]+)")
    got, want = labels.findall(ng), [x.translate(shift) for x in labels.findall(nielsen)]
    assert got == want and len(got) > 100
    assert re.findall(r"layer (\d)", ng) == [str(int(d) - 1) for d in
                                              re.findall(r"layer (\d)", nielsen)]
    assert 'id="n-0-1"' in ng and 'id="panel-1"' in ng and 'id="panel-3"' not in ng


def test_cross_entropy_page_says_delta_is_a_minus_y():
    mlp = network([2, 3, 2], activation="tanh", seed=1)
    steps = page_data(layer_view(mlp, [0.5, -1.0], [1.0, 0.0], "ce", lang="en"))["steps"]
    bp1 = "\n".join(next(s for s in steps if s["title"].startswith("BP1"))["lines"])
    for j, (neuron, y) in enumerate(zip(mlp.layers[-1].neurons, [1.0, 0.0]), 1):
        a = neuron.a.data
        assert neuron.z.grad == pytest.approx(a - y, abs=1e-12)  # the engine: δ = a − y
        assert f"δ³{'₁₂'[j - 1]} = a³{'₁₂'[j - 1]} − y{'₁₂'[j - 1]} = {num(a)}" in bp1
        assert f"= {num(a - y)}" in bp1
