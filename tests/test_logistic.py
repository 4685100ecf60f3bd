"""The logistic neuron by hand: engine against the closed forms of seeds 000/002,
against PyTorch float64, NumPy and central differences, the graph's shape (one y
node, x and y as data), the report as text/Markdown/LaTeX/JSON (golden files,
rendering twice), input errors."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from micrograd_cn.cli import main
from micrograd_cn.teach.neuron import logistic_batch, logistic_neuron

weight = st.floats(-3.0, 3.0, allow_nan=False)
feature = st.floats(-2.0, 2.0, allow_nan=False)
label = st.sampled_from([0.0, 1.0]) | st.floats(0.0, 1.0)
SUB = "₁₂₃₄"


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z))


def loss(x, y, w, b):
    """L from scratch with plain floats: the oracle for central differences.

    Written as log(1 + e⁻ᶻ) + (1 − y)·z, the same function as −y·log a − (1 − y)·log(1 − a)
    but without the cancellation in 1 − a when a is close to 1 (z = 12 loses 5 digits there).
    """
    z = sum(wi * xi for wi, xi in zip(w, x)) + b
    return math.log1p(math.exp(-z)) + (1 - y) * z


def central(f, v, h=1e-6):
    return (f(v + h) - f(v - h)) / (2 * h)


@given(st.lists(st.tuples(feature, weight), min_size=1, max_size=4), label, weight)
def test_engine_matches_the_closed_forms(pairs, y, b):
    x = [p[0] for p in pairs]
    w = [p[1] for p in pairs]
    r = logistic_neuron(x, y, w, b, data=True)
    # The oracle, computed here from scratch with plain floats.
    z = sum(wi * xi for wi, xi in zip(w, x)) + b
    a = sigmoid(z)
    assert r.a == pytest.approx(a, rel=1e-12)
    assert r.loss == pytest.approx(-y * math.log(a) - (1 - y) * math.log(1 - a), rel=1e-12,
                                   abs=1e-15)
    expected = ([-y / a + (1 - y) / (1 - a), a * (1 - a), a - y] + [xi * (a - y) for xi in x]
                + [a - y] + [wi * (a - y) for wi in w] + [-z])
    names = (["∂L/∂a", "∂a/∂z", "∂L/∂z"] + [f"∂L/∂w{SUB[i]}" for i in range(len(x))]
             + ["∂L/∂b"] + [f"∂L/∂x{SUB[i]}" for i in range(len(x))] + ["∂L/∂y"])
    assert [c.name for c in r.checks] == names
    # ∂L/∂y runs through log(1 − a): 1 − a is computed with an absolute error of about
    # 1e−16, so the engine's log(1 − a) − log a may differ from −z by ~1e−16/(1 − a)
    # (2e−8 at z = 20). That is the float's conditioning, not the engine's.
    slack = max(1e-12, 1e-15 / min(a, 1 - a))
    for check, value in zip(r.checks, expected):
        tol = slack if check.name == "∂L/∂y" else 1e-12
        assert check.engine == pytest.approx(value, rel=1e-9, abs=tol), check.name
        assert check.closed == pytest.approx(value, rel=1e-9, abs=tol), check.name
    assert r.max_diff < max(1e-9, slack)


@given(st.lists(st.tuples(feature, weight), min_size=1, max_size=3), st.floats(0.05, 0.95),
       weight)
def test_data_gradients_against_central_differences(pairs, y, b):
    x = [p[0] for p in pairs]
    w = [p[1] for p in pairs]
    grads = {leaf.name: leaf.grad for leaf in logistic_neuron(x, y, w, b, data=True).snapshot.leaves}
    assert grads["y"] == pytest.approx(central(lambda v: loss(x, v, w, b), y), abs=1e-6)
    for i in range(len(x)):
        def along(v, i=i):
            return loss(x[:i] + [v] + x[i + 1:], y, w, b)
        assert grads[f"x{SUB[i]}"] == pytest.approx(central(along, x[i]), abs=1e-6)


def test_the_issue_example_dL_dy_is_minus_z():
    """The defect of issue 9: ∂L/∂y was 0.437488 (1 − y was a separate leaf); it is −z = −0.6."""
    r = logistic_neuron([1.5, -2.0], 0.0, [0.8, 0.4], 0.2, data=True)
    grads = {leaf.name: leaf.grad for leaf in r.snapshot.leaves}
    assert grads["y"] == pytest.approx(-0.6, abs=1e-15)
    assert grads["y"] == pytest.approx(math.log(1 - r.a) - math.log(r.a), rel=1e-14)
    assert "1 − y" not in grads and "1−y" not in grads
    assert "∂L/∂y  = (−1.03749) + 0.437488 = −0.6" in r.render()


def test_one_y_node_and_x_y_are_data():
    r = logistic_neuron([1.5, -2.0], 0.0, [0.8, 0.4], 0.2)
    nodes = r.snapshot.nodes
    assert [n.name for n in nodes].count("y") == 1
    one_minus_y = r.snapshot.by_name("1 − y")
    assert one_minus_y.kind == "result" and nodes[one_minus_y.inputs[1]].name == "y"
    kinds = {n.name: n.kind for n in nodes if n.kind in ("param", "data")}
    assert kinds == {"w₁": "param", "w₂": "param", "b": "param", "x₁": "data", "x₂": "data",
                     "y": "data"}
    # by default the trace follows the gradient into the parameters only
    assert [leaf.name for leaf in r.snapshot.leaves] == ["w₁", "w₂", "b"]
    shown = {nodes[s.input].name for s in r.steps}
    assert not shown & {"x₁", "x₂", "y", "1 − y"}
    assert len(r.steps) == 12
    with_data = logistic_neuron([1.5, -2.0], 0.0, [0.8, 0.4], 0.2, data=True)
    assert [leaf.name for leaf in with_data.snapshot.leaves] == ["y", "w₁", "w₂", "x₁", "x₂", "b"]
    assert len(with_data.steps) == 17


def test_each_derivative_of_seed_002_is_a_traced_step():
    r = logistic_neuron([1.5, -2.0], 0.0, [0.8, 0.4], 0.2)
    ls = r.snapshot
    a = sigmoid(0.6)
    by_edge = {(ls.nodes[s.output].name, ls.nodes[s.input].name): s for s in r.steps}
    sig = by_edge[("a", "z")]
    assert sig.formula == "σ′(z)" and sig.rule == "σ′(z) = σ(z)(1 − σ(z)) = a(1 − a)"
    assert sig.local == pytest.approx(a * (1 - a), rel=1e-15)  # ∂a/∂z = a(1−a)
    assert sig.upstream == pytest.approx(-0.0 / a + 1.0 / (1 - a), rel=1e-14)  # ∂L/∂a
    assert sig.contribution == pytest.approx(a - 0.0, rel=1e-14)  # ∂L/∂z = a − y
    w1, w2, zb = by_edge[("z", "w₁")], by_edge[("z", "w₂")], by_edge[("z", "b")]
    assert (w1.formula, w2.formula, zb.formula) == ("x₁", "x₂", "1")  # ∂z/∂w = x, ∂z/∂b = 1
    assert w1.contribution == pytest.approx(1.5 * a, rel=1e-14)
    assert w2.contribution == pytest.approx(-2.0 * a, rel=1e-14)
    assert zb.contribution == pytest.approx(a, rel=1e-14)
    assert [s.contribution for s in r.steps] == [s.upstream * s.local for s in r.steps]


def test_against_pytorch(torch):
    x, y, w, b = [1.5, -2.0, 0.3], 1.0, [0.8, 0.4, -1.1], 0.2
    r = logistic_neuron(x, y, w, b, data=True)
    tx = torch.tensor(x, requires_grad=True)
    ty = torch.tensor(y, requires_grad=True)
    tw = torch.tensor(w, requires_grad=True)
    tb = torch.tensor(b, requires_grad=True)
    z = tw @ tx + tb
    z.retain_grad()
    a = torch.sigmoid(z)
    a.retain_grad()
    L = -ty * torch.log(a) - (1 - ty) * torch.log(1 - a)
    L.backward()
    engine = {c.name: c.engine for c in r.checks}
    assert engine["∂L/∂a"] == pytest.approx(a.grad.item(), rel=1e-12)
    assert engine["∂L/∂z"] == pytest.approx(z.grad.item(), rel=1e-12)
    assert engine["∂L/∂b"] == pytest.approx(tb.grad.item(), rel=1e-12)
    assert engine["∂L/∂y"] == pytest.approx(ty.grad.item(), rel=1e-12)
    assert ty.grad.item() == pytest.approx(-z.item(), rel=1e-12)
    for i in range(3):
        assert engine[f"∂L/∂w{SUB[i]}"] == pytest.approx(tw.grad[i].item(), rel=1e-12)
        assert engine[f"∂L/∂x{SUB[i]}"] == pytest.approx(tx.grad[i].item(), rel=1e-12)
    assert r.loss == pytest.approx(L.item(), rel=1e-12)


@given(st.integers(1, 5), st.integers(1, 3), st.randoms(use_true_random=False))
def test_batch_matches_the_vectorised_formulas(m, n, rnd):
    X = [[rnd.uniform(-2, 2) for _ in range(n)] for _ in range(m)]
    Y = [float(rnd.random() < 0.5) for _ in range(m)]
    w = [rnd.uniform(-1, 1) for _ in range(n)]
    b = rnd.uniform(-1, 1)
    r = logistic_batch(X, Y, w, b, data=True)
    Xt = np.array(X).T  # the texts' X: one column per sample
    Z = np.array(w) @ Xt + b
    A = 1.0 / (1.0 + np.exp(-Z))
    dw = Xt @ (A - np.array(Y)) / m
    db = np.mean(A - np.array(Y))
    dX = np.outer(A - np.array(Y), w) / m  # ∂J/∂x⁽ⁱ⁾ⱼ = wⱼ(a⁽ⁱ⁾ − y⁽ⁱ⁾)/m
    dY = -Z / m  # ∂J/∂y⁽ⁱ⁾ = −z⁽ⁱ⁾/m
    losses = -np.array(Y) * np.log(A) - (1 - np.array(Y)) * np.log(1 - A)
    assert r.cost == pytest.approx(np.mean(losses), rel=1e-12)
    assert r.Z == pytest.approx(list(Z), rel=1e-12, abs=1e-15)
    assert r.A == pytest.approx(list(A), rel=1e-12)
    assert r.losses == pytest.approx(list(losses), rel=1e-12, abs=1e-15)
    expected = list(dw) + [db]
    for i in range(m):
        expected += list(dX[i]) + [dY[i]]
    assert [c.engine for c in r.checks] == pytest.approx(expected, rel=1e-9, abs=1e-12)
    assert [c.closed for c in r.checks] == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_batch_against_pytorch(torch):
    X, Y, w, b = [[1, 2], [3, -1], [0.5, 0.5]], [1, 0, 1], [0.5, -0.3], 0.1
    r = logistic_batch(X, Y, w, b)
    tw = torch.tensor(w, requires_grad=True)
    tb = torch.tensor(b, requires_grad=True)
    A = torch.sigmoid(torch.tensor(X, dtype=torch.float64) @ tw + tb)
    J = torch.nn.functional.binary_cross_entropy(A, torch.tensor(Y, dtype=torch.float64))
    J.backward()
    assert r.cost == pytest.approx(J.item(), rel=1e-12)
    assert [c.engine for c in r.checks] == pytest.approx(tw.grad.tolist() + [tb.grad.item()],
                                                         rel=1e-12)


# ------------------------------------------------------------------ printed text
def test_printed_checks_are_the_closed_forms():
    text = logistic_neuron([1.5, -2.0], 0.0, [0.8, 0.4], 0.2).render("en")
    a = sigmoid(0.6)
    rows = {line.split()[0]: line.split() for line in text.splitlines()
            if line.startswith("∂") and " = " not in line}
    for name, value in [("∂L/∂a", 1 / (1 - a)), ("∂a/∂z", a * (1 - a)), ("∂L/∂z", a),
                        ("∂L/∂w₁", 1.5 * a), ("∂L/∂w₂", -2.0 * a), ("∂L/∂b", a)]:
        shown = f"{value:.6g}".replace("-", "−")
        assert rows[name][-3:-1] == [shown, shown], name


def test_printed_batch_rows_are_numpy_numbers():
    X, Y, w, b = [[1.0, 2.0], [3.0, -1.0], [0.5, 0.5]], [1.0, 0.0, 1.0], [0.5, -0.3], 0.1
    text = logistic_batch(X, Y, w, b).render("en")
    Xt = np.array(X).T
    Z = np.array(w) @ Xt + b
    A = 1.0 / (1.0 + np.exp(-Z))
    losses = -np.array(Y) * np.log(A) - (1 - np.array(Y)) * np.log(1 - A)
    rows = [line.split() for line in text.splitlines()[4:7]]
    assert len(rows) == 3
    # z⁽¹⁾ = 0.5·1 + (−0.3)·2 + 0.1 is 2.8e−17 in floating point (NumPy too), zero up to the
    # rounding of its terms: it prints as 0 (table.zero_if_rounding).
    assert abs(Z[0]) < 1e-16 and Z[0] != 0.0
    Z[0] = 0.0
    for i, row in enumerate(rows):
        expected = [*X[i], Y[i], Z[i], A[i], A[i] - Y[i], losses[i]]
        assert row == [str(i + 1)] + [f"{v:.6g}".replace("-", "−") for v in expected], i
    assert f"J = (1/3) Σ L⁽ⁱ⁾ = {np.mean(losses):.6g}" in text
    assert "e−17" not in text


def _sides_repeat(line: str) -> bool:
    """A line like ``(−0.475021) = −0.475021`` or ``a = a``: two neighbouring sides say the same."""
    sides = [side.strip().strip("()") for side in re.split(r" \+?= ", line.strip())]
    return any(x == y for x, y in zip(sides, sides[1:]))


@pytest.mark.parametrize("style", ["table", "narrative"])
@pytest.mark.parametrize("data", [False, True])
def test_no_line_repeats_itself(style, data):
    for lang in ("zh", "en"):
        text = logistic_neuron([1.5, -2.0], 0.0, [0.8, 0.4], 0.2, data=data).render(lang, style)
        for line in text.splitlines():
            assert not _sides_repeat(line), line
    batch = logistic_batch([[1, 2], [3, -1]], [1, 0], [0.5, -0.3], 0.1, data=data)
    for line in batch.render().splitlines():
        assert not _sides_repeat(line), line


def test_names_are_the_seeds_notation():
    r = logistic_neuron([1.5, -2.0], 0.0, [0.8, 0.4], 0.2)
    forward = {n.name: n.forward for n in r.snapshot.nodes}
    assert forward["z"] == "w₁·x₁ + w₂·x₂ + b"
    assert forward["a"] == "σ(z)" and forward["L"] == "−ℓ" and forward["ℓ"] == "ℓ₁ + ℓ₂"
    assert forward["ℓ₁"] == "y·log(a)" and forward["ℓ₂"] == "(1 − y)·log(1 − a)"
    for name in ("log(a)", "1 − a", "log(1 − a)", "1 − y"):
        assert forward[name] == name  # named by its own formula: printed once
    text = r.render()
    assert "(w·x) + b" not in text and "v1" not in text
    assert "    log(a)     = −0.437488" in text


def test_rendering_twice_gives_the_same_output():
    r = logistic_neuron([1.5, -2.0], 0.0, [0.8, 0.4], 0.2, data=True)
    outputs = [(r.render(lang, style, fmt)) for lang in ("zh", "en")
               for style in ("table", "narrative") for fmt in ("text", "md", "latex", "json")]
    r.root.backward()  # live gradients change; the report does not read them
    r.root.backward()
    again = [(r.render(lang, style, fmt)) for lang in ("zh", "en")
             for style in ("table", "narrative") for fmt in ("text", "md", "latex", "json")]
    assert outputs == again
    batch = logistic_batch([[1, 2], [3, -1]], [1, 0], [0.5, -0.3], 0.1)
    first = [batch.render("en", fmt) for fmt in ("text", "md", "latex", "json")]
    batch.root.backward()
    assert first == [batch.render("en", fmt) for fmt in ("text", "md", "latex", "json")]


def test_json_export_is_the_lesson_and_the_checks():
    r = logistic_neuron([1.5, -2.0], 0.0, [0.8, 0.4], 0.2, data=True)
    data = json.loads(r.to_json())
    assert data["kind"] == "logistic" and data["x"] == [1.5, -2.0] and data["y"] == 0.0
    assert [c["name"] for c in data["checks"]] == [c.name for c in r.checks]
    for c, check in zip(data["checks"], r.checks):
        assert (c["engine"], c["closed"], c["diff"]) == (check.engine, check.closed, check.diff)
    assert data["snapshot"] == json.loads(r.snapshot.to_json())
    y = next(n for n in data["snapshot"]["nodes"] if n["name"] == "y")
    assert y["kind"] == "data" and y["grad"] == pytest.approx(-0.6, abs=1e-15)
    batch = json.loads(logistic_batch([[1, 2], [3, -1]], [1, 0], [0.5, -0.3], 0.1).to_json())
    assert batch["kind"] == "logistic_batch" and batch["J"] == pytest.approx(1.36627, rel=1e-5)
    assert [c["name"] for c in batch["checks"]] == ["∂J/∂w₁", "∂J/∂w₂", "∂J/∂b"]


def test_markdown_and_latex():
    r = logistic_neuron([1.5, -2.0], 0.0, [0.8, 0.4], 0.2)
    md = r.render("en", fmt="md")
    assert md.startswith("## One logistic neuron")
    assert "| ∂L/∂w₁ | x₁(a − y) | 0.968484 | 0.968484 | 0 |" in md
    assert "a &= \\sigma(z) = 0.645656" in md  # equations as display math
    latex = r.render("en", fmt="latex")
    assert "\\begin{tabular}" in latex and "\\partial L/\\partial w_{1}" in latex
    assert "ℓ" not in latex and "−" not in latex  # every symbol mapped, ASCII minus
    with pytest.raises(ValueError, match="unknown output format 'pdf'"):
        _call_en(r.render, "en", "table", "pdf")


def test_render_golden(golden):
    r = logistic_neuron([1.5, -2.0], 0.0, [0.8, 0.4], 0.2)
    golden("logistic_zh.txt", r.render() + "\n")
    golden("logistic_narrative_en.txt", r.render("en", style="narrative") + "\n")
    golden("logistic_data_grads_zh.txt",
           logistic_neuron([1.5, -2.0], 0.0, [0.8, 0.4], 0.2, data=True).render() + "\n")
    golden("logistic_zh.md", r.render(fmt="md") + "\n")


def test_cli_single_sample(capsys, golden):
    assert main(["logistic", "--x", "1", "2", "--y", "1", "--w", "0.5", "-0.3", "--b", "0.1"]) == 0
    golden("cli_logistic_zh.txt", capsys.readouterr().out)


def test_cli_batch(capsys, golden):
    assert main(["logistic", "--x", "1", "2", "--x", "3", "-1", "--x", "0.5", "0.5",
                 "--y", "1", "0", "1", "--w", "0.5", "-0.3", "--b", "0.1", "--lang", "en"]) == 0
    golden("cli_logistic_batch_en.txt", capsys.readouterr().out)


def test_cli_formats_and_data_grads(capsys):
    args = ["logistic", "--x", "1.5", "-2", "--y", "0", "--w", "0.8", "0.4", "--b", "0.2"]
    assert main(args + ["--format", "json", "--data-grads"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {c["name"]: c["engine"] for c in data["checks"]}["∂L/∂y"] == pytest.approx(-0.6)
    assert main(args + ["--format", "md", "--lang", "en"]) == 0
    assert capsys.readouterr().out == logistic_neuron(
        [1.5, -2], 0, [0.8, 0.4], 0.2).render("en", fmt="md") + "\n"
    assert main(args + ["--data-grads"]) == 0
    assert "∂L/∂y   log(1 − a) − log(a) = −z              −0.6      −0.6" in capsys.readouterr().out
    assert main(["logistic", "--x", "1", "2", "--x", "3", "-1", "--y", "1", "0", "--w", "0.5",
                 "-0.3", "--b", "0.1", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "logistic_batch"


# ------------------------------------------------------------------ errors
@pytest.mark.parametrize("args, message", [
    (([1, 2], 1, [0.5], 0.1), "x has 2 numbers but w has 1"),
    (([1, 2], 1.5, [0.5, 1], 0.1), "the label y must lie in [0, 1]"),
    (([1, 2], -0.5, [0.5, 1], 0.1), "got −0.5"),
    (([1, float("nan")], 1, [0.5, 1], 0.1), "x[1] must be a finite real number"),
    (([1, 2], 1, [0.5, 1], float("inf")), "b must be a finite real number"),
    (([], 1, [], 0.1), "w must be a non-empty list"),
    (([1, "2"], 1, [0.5, 1], 0.1), "x[1] must be a finite real number, got '2'"),
    (([40.0], 1, [1.0], 0.0), "σ(z) is exactly 1"),
    (([-800.0], 0, [1.0], 0.0), "σ(z) is exactly 0"),
    (([10 ** 400], 1, [1.0], 0.0), "x[0] must be a finite real number, got 1000"),
    (([1.0], True, [1.0], 0.0), "logistic: y must be a finite real number, got True"),
    ((1.0, 1, [1.0], 0.0), "x must be a non-empty list of numbers, got 1.0"),
])
def test_bad_input_is_a_clear_error(args, message):
    with pytest.raises(ValueError) as info:
        _call_en(logistic_neuron, *args)
    assert message in str(info.value)


def test_numpy_numbers_are_numbers():
    plain = logistic_neuron([1, -2], 1, [0.5, 0.25], 0)
    numpy = logistic_neuron(np.array([1, -2]), np.int64(1), [np.float64(0.5), 0.25], np.int32(0))
    assert [c.engine for c in numpy.checks] == [c.engine for c in plain.checks]
    assert numpy.render("en") == plain.render("en")
    assert numpy.to_json() == plain.to_json()


def _call_en(fn, *args):
    from micrograd_cn.i18n import language

    with language("en"):
        return fn(*args)


def test_batch_errors():
    with pytest.raises(ValueError, match="3 个样本 x，却有 2 个标签 y"):
        logistic_batch([[1], [2], [3]], [1, 0], [0.5], 0.0)
    with pytest.raises(ValueError, match="x⁽²⁾ 有 2 个数"):
        logistic_batch([[1], [2, 3]], [1, 0], [0.5], 0.0)
    with pytest.raises(ValueError, match="y⁽²⁾ 必须是有限的实数"):
        logistic_batch([[1], [2]], [1, None], [0.5], 0.0)
    with pytest.raises(ValueError, match="z⁽²⁾ = 40"):
        logistic_batch([[1], [40]], [1, 0], [1.0], 0.0)


def test_cli_errors_are_one_line(capsys):
    assert main(["logistic", "--x", "1", "--y", "2", "--w", "1", "--b", "0"]) == 2
    err = capsys.readouterr().err
    assert err == "micrograd-cn: 错误：逻辑回归：标签 y 必须在 [0, 1] 内（通常是 0 或 1），收到 2\n"
    with pytest.raises(SystemExit) as info:
        main(["logistic", "--x", "1", "abc", "--y", "1", "--w", "1", "1", "--b", "0"])
    assert info.value.code == 2
    assert "不是有限的数：abc" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["logistic", "--x", "1", "--y", "1", "--w", "1", "--b", "0", "--format", "html"])
    assert info.value.code == 2
    assert "--format" in capsys.readouterr().err


def test_readme_excerpt_is_real_output(capsys):
    """The logistic excerpt in README.md is what the command prints, line for line."""
    import pathlib

    readme = (pathlib.Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("`logistic` 的一段输出", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    assert main(["logistic", "--x", "1.5", "-2", "--y", "0", "--w", "0.8", "0.4",
                 "--b", "0.2"]) == 0
    out = capsys.readouterr().out.splitlines()
    lines = [line for line in block.splitlines() if line]
    assert len(lines) >= 8
    for line in lines:
        assert line in out
