"""The logistic neuron by hand: engine against the closed forms of seeds 000/002,
against PyTorch float64 and NumPy, the printed text (golden files), input errors."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from micrograd_cn.cli import main
from micrograd_cn.logistic import logistic_batch, logistic_neuron

weight = st.floats(-3.0, 3.0, allow_nan=False)
feature = st.floats(-2.0, 2.0, allow_nan=False)
label = st.sampled_from([0.0, 1.0]) | st.floats(0.0, 1.0)


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z))


@given(st.lists(st.tuples(feature, weight), min_size=1, max_size=4), label, weight)
def test_engine_matches_the_closed_forms(pairs, y, b):
    x = [p[0] for p in pairs]
    w = [p[1] for p in pairs]
    r = logistic_neuron(x, y, w, b)
    # The oracle, computed here from scratch with plain floats.
    z = sum(wi * xi for wi, xi in zip(w, x)) + b
    a = sigmoid(z)
    assert r.a == pytest.approx(a, rel=1e-12)
    assert r.loss == pytest.approx(-y * math.log(a) - (1 - y) * math.log(1 - a), rel=1e-12,
                                   abs=1e-15)
    expected = [-y / a + (1 - y) / (1 - a), a * (1 - a), a - y] + [
        xi * (a - y) for xi in x] + [a - y]
    assert [c.name for c in r.checks] == (["∂L/∂a", "∂a/∂z", "∂L/∂z"]
                                          + [f"∂L/∂w{'₁₂₃₄'[i]}" for i in range(len(x))]
                                          + ["∂L/∂b"])
    for check, value in zip(r.checks, expected):
        assert check.engine == pytest.approx(value, rel=1e-9, abs=1e-12)
        assert check.closed == pytest.approx(value, rel=1e-9, abs=1e-12)
    assert r.max_diff < 1e-9


def test_each_derivative_of_seed_002_is_a_traced_step():
    r = logistic_neuron([1.5, -2.0], 0.0, [0.8, 0.4], 0.2)
    a = sigmoid(0.6)
    by_edge = {(s.output.label, s.input.label): s for s in r.steps}
    sig = by_edge[("a", "z")]
    assert sig.local == pytest.approx(a * (1 - a), rel=1e-15)  # ∂a/∂z = a(1−a)
    assert sig.upstream == pytest.approx(-0.0 / a + 1.0 / (1 - a), rel=1e-14)  # ∂L/∂a
    assert sig.contribution == pytest.approx(a - 0.0, rel=1e-14)  # ∂L/∂z = a − y
    assert by_edge[("w₁x₁", "w₁")].contribution == pytest.approx(1.5 * a, rel=1e-14)
    assert by_edge[("w₂x₂", "w₂")].contribution == pytest.approx(-2.0 * a, rel=1e-14)
    assert by_edge[("z", "b")].contribution == pytest.approx(a, rel=1e-14)
    assert [s.contribution for s in r.steps] == [s.upstream * s.local for s in r.steps]


def test_against_pytorch(torch):
    x, y, w, b = [1.5, -2.0, 0.3], 1.0, [0.8, 0.4, -1.1], 0.2
    r = logistic_neuron(x, y, w, b)
    tw = torch.tensor(w, requires_grad=True)
    tb = torch.tensor(b, requires_grad=True)
    z = tw @ torch.tensor(x) + tb
    z.retain_grad()
    a = torch.sigmoid(z)
    a.retain_grad()
    loss = -y * torch.log(a) - (1 - y) * torch.log(1 - a)
    loss.backward()
    engine = {c.name: c.engine for c in r.checks}
    assert engine["∂L/∂a"] == pytest.approx(a.grad.item(), rel=1e-12)
    assert engine["∂L/∂z"] == pytest.approx(z.grad.item(), rel=1e-12)
    assert engine["∂L/∂b"] == pytest.approx(tb.grad.item(), rel=1e-12)
    for i in range(3):
        assert engine[f"∂L/∂w{'₁₂₃'[i]}"] == pytest.approx(tw.grad[i].item(), rel=1e-12)
    assert r.loss == pytest.approx(loss.item(), rel=1e-12)


@given(st.integers(1, 5), st.integers(1, 3), st.randoms(use_true_random=False))
def test_batch_matches_the_vectorised_formulas(m, n, rnd):
    X = [[rnd.uniform(-2, 2) for _ in range(n)] for _ in range(m)]
    Y = [float(rnd.random() < 0.5) for _ in range(m)]
    w = [rnd.uniform(-1, 1) for _ in range(n)]
    b = rnd.uniform(-1, 1)
    r = logistic_batch(X, Y, w, b)
    Xt = np.array(X).T  # the texts' X: one column per sample
    A = 1.0 / (1.0 + np.exp(-(np.array(w) @ Xt + b)))
    dw = Xt @ (A - np.array(Y)) / m
    db = np.mean(A - np.array(Y))
    Z = np.array(w) @ Xt + b
    losses = -np.array(Y) * np.log(A) - (1 - np.array(Y)) * np.log(1 - A)
    J = np.mean(losses)
    assert r.cost == pytest.approx(J, rel=1e-12)
    assert r.Z == pytest.approx(list(Z), rel=1e-12, abs=1e-15)
    assert r.A == pytest.approx(list(A), rel=1e-12)
    assert r.losses == pytest.approx(list(losses), rel=1e-12, abs=1e-15)
    assert [c.engine for c in r.checks] == pytest.approx(list(dw) + [db], rel=1e-9, abs=1e-12)
    assert [c.closed for c in r.checks] == pytest.approx(list(dw) + [db], rel=1e-9, abs=1e-12)


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
    rows = {line.split()[0]: line.split() for line in text.splitlines() if line.startswith("∂")}
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
    for i, row in enumerate(rows):
        expected = [*X[i], Y[i], Z[i], A[i], A[i] - Y[i], losses[i]]
        # z⁽¹⁾ is 2.77556e−17, not 0: rounding in 0.5·1 + (−0.3)·2 + 0.1, the same in NumPy.
        assert row == [str(i + 1)] + [f"{v:.6g}".replace("-", "−") for v in expected], i
    assert f"J = (1/3) Σ L⁽ⁱ⁾ = {np.mean(losses):.6g}" in text


def test_render_golden(golden):
    r = logistic_neuron([1.5, -2.0], 0.0, [0.8, 0.4], 0.2)
    golden("logistic_zh.txt", r.render() + "\n")
    golden("logistic_narrative_en.txt", r.render("en", style="narrative") + "\n")


def test_cli_single_sample(capsys, golden):
    assert main(["logistic", "--x", "1", "2", "--y", "1", "--w", "0.5", "-0.3", "--b", "0.1"]) == 0
    golden("cli_logistic_zh.txt", capsys.readouterr().out)


def test_cli_batch(capsys, golden):
    assert main(["logistic", "--x", "1", "2", "--x", "3", "-1", "--x", "0.5", "0.5",
                 "--y", "1", "0", "1", "--w", "0.5", "-0.3", "--b", "0.1", "--lang", "en"]) == 0
    golden("cli_logistic_batch_en.txt", capsys.readouterr().out)


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


def test_readme_excerpt_is_real_output(capsys):
    """The logistic excerpt in README.md is what the command prints, line for line."""
    import pathlib

    readme = (pathlib.Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("`logistic` 的一段输出", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    assert main(["logistic", "--x", "1.5", "-2", "--y", "0", "--w", "0.8", "0.4",
                 "--b", "0.2"]) == 0
    out = capsys.readouterr().out.splitlines()
    lines = [line for line in block.splitlines() if line]
    assert len(lines) == 8
    for line in lines:
        assert line in out
