"""BP1–BP4 per scalar against a vectorised NumPy network (seed 003), against
central differences, the cost comparison's counts, the printed text, errors."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from micrograd_cn.cli import main
from micrograd_cn.engine import Value
from micrograd_cn.gradcheck import numerical_grad
from micrograd_cn.nn import MLP
from micrograd_cn.teach.backprop import bp_network, bp_report, compare_cost, default_sample

ACTS = ["relu", "sigmoid", "tanh", "linear"]


# ------------------------------------------------------------------ the NumPy oracle
def g(act, Z):
    if act == "relu":
        return np.maximum(Z, 0.0)
    if act == "sigmoid":
        return 1.0 / (1.0 + np.exp(-Z))
    if act == "tanh":
        return np.tanh(Z)
    return Z


def g_prime(act, Z):
    if act == "relu":
        return (Z > 0).astype(float)
    if act == "sigmoid":
        s = 1.0 / (1.0 + np.exp(-Z))
        return s * (1.0 - s)
    if act == "tanh":
        return 1.0 - np.tanh(Z) ** 2
    return np.ones_like(Z)


def numpy_backprop(mlp, x, y, cost):
    """Seed 003's layer equations on matrices: W is nˡ × nˡ⁻¹, one column per sample."""
    Ws = [np.array([[w.data for w in n.w] for n in layer.neurons]) for layer in mlp.layers]
    bs = [np.array([[n.b.data] for n in layer.neurons]) for layer in mlp.layers]
    acts = [layer.neurons[0].activation for layer in mlp.layers]
    A = np.array(x, dtype=float).reshape(-1, 1)
    As, Zs = [A], []
    for W, b, act in zip(Ws, bs, acts):
        Z = W @ A + b
        A = g(act, Z)
        Zs.append(Z)
        As.append(A)
    Y = np.array(y, dtype=float).reshape(-1, 1)
    dA = A - Y if cost == "half_sse" else -Y / A + (1 - Y) / (1 - A)
    grads = []
    for layer in range(len(Ws) - 1, -1, -1):
        dZ = dA * g_prime(acts[layer], Zs[layer])
        dW = dZ @ As[layer].T
        db = np.sum(dZ, axis=1, keepdims=True)
        dA_prev = Ws[layer].T @ dZ
        grads.append((Zs[layer], As[layer + 1], dA, g_prime(acts[layer], Zs[layer]), dZ, dW, db))
        dA = dA_prev
    return grads[::-1]


CASES = [(h, o, "half_sse") for h in ACTS for o in ACTS] + [(h, "sigmoid", "ce") for h in ACTS]


@pytest.mark.parametrize("hidden, output, cost", CASES)
@pytest.mark.parametrize("seed", [0, 7])
def test_every_scalar_matches_numpy(hidden, output, cost, seed):
    mlp = MLP(3, [4, 3, 2], activation=hidden, output_activation=output, seed=seed)
    x, y = [0.5, -1.0, 2.0], [1.0, 0.0] if cost == "ce" else [0.3, -0.7]
    report = bp_report(mlp, x, y, cost)
    oracle = numpy_backprop(mlp, x, y, cost)
    # Nielsen's numbering (seed 001): the input is layer 1, so the MLP's first layer is layer 2
    assert sorted({r.layer for r in report.rows}) == [2, 3, 4] and report.L == 4
    for l, (layer, (Z, A, dA, gZ, dZ, dW, db)) in enumerate(zip(mlp.layers, oracle), 2):
        rows = [r for r in report.rows if r.layer == l]
        for j, (neuron, row) in enumerate(zip(layer.neurons, rows)):
            assert row.z == pytest.approx(Z[j, 0], rel=1e-12, abs=1e-15)
            assert row.a == pytest.approx(A[j, 0], rel=1e-12, abs=1e-15)
            assert row.slope == pytest.approx(gZ[j, 0], rel=1e-10, abs=1e-15)  # σ′(z)
            assert row.incoming == pytest.approx(dA[j, 0], rel=1e-10, abs=1e-14)  # ∂C/∂a
            for delta in (row.delta, row.delta_engine):  # BP1/BP2 and the engine's z.grad
                assert delta == pytest.approx(dZ[j, 0], rel=1e-10, abs=1e-14)
            for db_j in (row.b_engine, neuron.b.grad):  # BP3
                assert db_j == pytest.approx(db[j, 0], rel=1e-10, abs=1e-14)
            for k in range(dW.shape[1]):  # BP4, formula and engine
                assert row.w_formula[k] == pytest.approx(dW[j, k], rel=1e-10, abs=1e-14)
                assert neuron.w[k].grad == pytest.approx(dW[j, k], rel=1e-10, abs=1e-14)
    assert report.max_diff < 1e-12
    Y, A_out = np.array(y), oracle[-1][1].ravel()
    C = 0.5 * np.sum((A_out - Y) ** 2) if cost == "half_sse" else -np.sum(
        Y * np.log(A_out) + (1 - Y) * np.log(1 - A_out))
    assert report.cost == pytest.approx(C, rel=1e-12)
    assert report.output == pytest.approx(list(A_out), rel=1e-12)


def test_unfused_graph_gives_the_same_report():
    kwargs = dict(activation="tanh", output_activation="sigmoid", seed=3)
    a = bp_report(MLP(2, [3, 2], **kwargs), [0.5, -1.0], [1.0, 0.0])
    b = bp_report(MLP(2, [3, 2], fused=False, **kwargs), [0.5, -1.0], [1.0, 0.0])
    for ra, rb in zip(a.rows, b.rows):
        assert ra.delta_engine == pytest.approx(rb.delta_engine, rel=1e-12, abs=1e-15)
        assert ra.w_engine == pytest.approx(rb.w_engine, rel=1e-12, abs=1e-15)


def forward_from_flat(mlp, cost, x, y):
    """C as a function of a flat list of parameter Values, built without nn (for gradcheck)."""
    shape = [(len(layer.neurons), len(layer.neurons[0].w), layer.neurons[0].activation)
             for layer in mlp.layers]

    def f(*ps):
        a, i = [Value(v) for v in x], 0
        for nout, nin, act in shape:
            out = []
            for _ in range(nout):
                w, b = ps[i:i + nin], ps[i + nin]
                i += nin + 1
                z = sum((wk * ak for wk, ak in zip(w, a)), b)
                out.append(z if act == "linear" else getattr(z, act)())
            a = out
        if cost == "half_sse":
            return sum((((ai - yi) ** 2) for ai, yi in zip(a, y)), Value(0.0)) * 0.5
        return -sum((yi * ai.log() + (1 - yi) * (1 - ai).log() for ai, yi in zip(a, y)),
                    Value(0.0))
    return f


@pytest.mark.parametrize("hidden, cost", [("tanh", "half_sse"), ("sigmoid", "ce"), ("relu", "half_sse")])
def test_against_central_differences(hidden, cost):
    mlp = MLP(2, [3, 2], activation=hidden, output_activation="sigmoid", seed=1)
    x, y = [0.7, -0.4], [1.0, 0.0]
    bp_report(mlp, x, y, cost)
    params = mlp.parameters()
    numeric = numerical_grad(forward_from_flat(mlp, cost, x, y), [p.data for p in params])
    assert [p.grad for p in params] == pytest.approx(numeric, rel=1e-6, abs=1e-8)


def test_cost_comparison_counts_and_agreement():
    mlp = MLP(3, [4, 2], activation="tanh", output_activation="sigmoid", seed=0)
    x, y = [0.5, -1.0, 2.0], [1.0, 0.0]
    before = [p.data for p in mlp.parameters()]
    c = compare_cost(mlp, x, y, "half_sse")
    n = (3 + 1) * 4 + (4 + 1) * 2
    assert (c.n_params, c.fd_forward_passes, c.bp_forward_passes, c.bp_backward_passes) == (
        n, 2 * n, 1, 1)
    assert c.max_diff < 1e-8
    assert [p.data for p in mlp.parameters()] == before  # every perturbation undone
    assert c.fd_seconds > 0 and c.bp_seconds > 0
    text = c.render("en")
    assert f"{2 * n} in all (2N, N = {n})" in text and f"N+1 = {n + 1}" in text
    assert re.search(r"time: finite differences \d+\.\d{3} ms, backpropagation \d+\.\d{3} ms "
                     r"\(about \d+\.\d×\)", text)
    assert "time" not in c.render("en", timing=False)


# ------------------------------------------------------------------ printed text
def test_printed_rows_are_the_report_numbers():
    report = bp_network([2, 3, 2], [0.5, -1.0], [1.0, 0.0], activation="tanh", compare=False)
    text = report.render("en")
    oracle = numpy_backprop(MLP(2, [3, 2], activation="tanh", output_activation="sigmoid", seed=0),
                            [0.5, -1.0], [1.0, 0.0], "half_sse")
    for Z, A, dA, gZ, dZ, dW, db in oracle:
        for value in [*Z.ravel(), *A.ravel(), *dA.ravel(), *gZ.ravel(), *dZ.ravel(), *dW.ravel(), *db.ravel()]:
            assert f"{value:.6g}".replace("-", "−") in text
    out = oracle[-1][1].ravel()
    C = 0.5 * np.sum((out - np.array([1.0, 0.0])) ** 2)
    shown = ", ".join(f"{v:.6g}" for v in out)
    assert f"output aᴸ = [{shown}], C = {C:.6g}" in text


def test_headers_follow_nielsen_and_the_activation():
    report = bp_network([2, 3, 2], [0.5, -1.0], [1.0, 0.0], activation="tanh", compare=False)
    zh = report.render()
    assert "输入 x 是第 1 层（a¹ = x），第一组权重是 w²，输出层是第 L = 3 层" in zh
    assert "第 3 层（输出层）。BP1：δ³ = ∇ₐC ⊙ σ′(z³)，其中 ∂C/∂a³ⱼ = a³ⱼ − yⱼ" in zh
    assert "第 2 层。BP2：δ² = ((w³)ᵀ δ³) ⊙ tanh′(z²)" in zh
    lines = zh.splitlines()
    hidden = lines[lines.index(next(x for x in lines if x.startswith("第 2 层"))) + 1].split()
    assert hidden[:5] == ["j", "z²ⱼ", "a²ⱼ", "tanh′(z²ⱼ)", "((w³)ᵀδ³)ⱼ"]  # not σ′ for tanh
    assert "δ²ⱼ（公式）" in hidden and "∂C/∂b²ⱼ（引擎）" in hidden
    assert "BP4：∂C/∂w²ⱼₖ = a¹ₖ · δ²ⱼ" in zh and "∂C/∂w²ⱼₖ（引擎）" in zh
    assert "a⁰" not in zh and "w¹" not in zh
    relu = bp_network([2, 2, 1], [0.5, -1.0], [1.0], activation="relu", output_activation="linear",
                      compare=False).render("en")
    assert "ReLU′(z²ⱼ)" in relu and "linear′(z³ⱼ)" in relu and "σ′" not in relu


@pytest.mark.parametrize("fmt", ["text", "md", "latex", "json"])
def test_rendering_twice_gives_the_same_output(fmt):
    mlp = MLP(2, [3, 2], activation="tanh", output_activation="sigmoid", seed=0)
    report = bp_report(mlp, [0.5, -1.0], [1.0, 0.0], "half_sse", compare=True)
    first = report.render("en", timing=False, fmt=fmt)
    mlp.zero_grad()  # the live gradients change; the report holds numbers only
    bp_report(mlp, [2.0, 1.0], [0.0, 1.0])
    assert report.render("en", timing=False, fmt=fmt) == first


def test_markdown_and_json():
    report = bp_network([2, 3, 2], [0.5, -1.0], [1.0, 0.0], activation="tanh")
    md = report.render("en", timing=False, fmt="md")
    assert "| j | z³ⱼ | a³ⱼ | σ′(z³ⱼ) | ∂C/∂a³ⱼ |" in md
    latex = report.render("en", timing=False, fmt="latex")
    assert "w^{2}_{jk}" in latex and "}_{j}_{k}" not in latex
    data = json.loads(report.render(fmt="json", timing=False))
    assert [row["layer"] for row in data["rows"]] == [2, 2, 2, 3, 3]
    assert data["rows"][0]["delta"] == report.rows[0].delta
    assert data["max_diffs"] == report.max_diffs()
    assert "fd_seconds" not in data["comparison"]
    assert data["comparison"]["n_params"] == 17
    assert "fd_seconds" in json.loads(report.to_json())["comparison"]


def test_cli_formats(capsys):
    assert main(["bp", "--no-compare", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sizes"] == [2, 3, 2] and data["comparison"] is None
    assert main(["bp", "--no-compare", "--format", "md", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("BP1–BP4 one scalar at a time")


def test_cli_golden_zh(capsys, golden):
    assert main(["bp", "--no-timing"]) == 0
    golden("cli_bp_zh.txt", capsys.readouterr().out)


def test_cli_golden_en_cross_entropy(capsys, golden):
    assert main(["bp", "--sizes", "3", "2", "2", "--activation", "relu", "--x", "0.5", "-1", "2",
                 "--y", "1", "0", "--cost", "ce", "--seed", "4", "--no-compare",
                 "--lang", "en"]) == 0
    golden("cli_bp_ce_en.txt", capsys.readouterr().out)


def test_cli_prints_times_by_default(capsys):
    assert main(["bp", "--sizes", "2", "2", "1", "--y", "1"]) == 0
    assert re.search(r"耗时：有限差分 \d+\.\d{3} ms，反向传播 \d+\.\d{3} ms", capsys.readouterr().out)


# ------------------------------------------------------------------ the default sample
def test_default_sample_cycles_and_keeps_the_old_two_by_two_sample():
    assert default_sample(2, 2) == ([0.5, -1.0], [1.0, 0.0])  # what bp always used for 2 3 2
    assert default_sample(3, 1) == ([0.5, -1.0, 0.5], [1.0])
    assert default_sample(5, 3) == ([0.5, -1.0, 0.5, -1.0, 0.5], [1.0, 0.0, 1.0])


@pytest.mark.parametrize("sizes, cost", [([2, 2, 1], "half_sse"), ([3, 4, 2], "half_sse"), ([3, 4, 2], "ce"),
                                         ([1, 1], "half_sse"), ([4, 3, 3, 1], "ce")])
def test_any_sizes_work_without_a_sample(sizes, cost):
    report = bp_network(sizes, activation="tanh", cost=cost, compare=False)
    x, y = default_sample(sizes[0], sizes[-1])
    assert list(report.x) == x and list(report.y) == y and list(report.sizes) == sizes
    # the numbers are the NumPy oracle's for that same sample
    mlp = MLP(sizes[0], sizes[1:], activation="tanh", output_activation="sigmoid", seed=0)
    oracle = numpy_backprop(mlp, x, y, cost)
    engine_deltas = [r.delta_engine for r in report.rows]
    oracle_deltas = [d for *_, dZ, _, _ in oracle for d in dZ.ravel()]
    assert engine_deltas == pytest.approx(oracle_deltas, rel=1e-12, abs=1e-15)
    assert report.max_diff < 1e-15


def test_cli_any_sizes_without_x_and_y(capsys):
    assert main(["bp", "--sizes", "2", "2", "1", "--no-timing"]) == 0
    assert "样本 x = [0.5, −1]，目标 y = [1]；" in capsys.readouterr().out
    assert main(["bp", "--sizes", "3", "4", "2", "--no-timing", "--lang", "en"]) == 0
    assert "sample x = [0.5, −1, 0.5], target y = [1, 0];" in capsys.readouterr().out
    assert main(["bp", "--sizes", "3", "4", "2", "--x", "1", "2", "3", "--no-compare"]) == 0
    assert "样本 x = [1, 2, 3]，目标 y = [1, 0]；" in capsys.readouterr().out
    assert main(["bp", "--sizes", "3", "1", "--y", "0", "--no-compare"]) == 0
    assert "样本 x = [0.5, −1, 0.5]，目标 y = [0]；" in capsys.readouterr().out


def test_cli_help_states_the_default_rule(capsys):
    with pytest.raises(SystemExit):
        main(["bp", "--help", "--lang", "en"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "(default: 0.5, −1, 0.5, −1, … in turn)" in help_text
    assert "(default: 1, 0, 1, 0, … in turn)" in help_text


# ------------------------------------------------------------------ errors
@pytest.mark.parametrize("kwargs, message", [
    (dict(cost="ce", output_activation="linear"), "needs a sigmoid output layer"),
    (dict(cost="hinge"), "unknown cost 'hinge'"),
    (dict(y=[2.0, 0.0], cost="ce"), "targets y must lie in [0, 1], got 2"),
    (dict(x=[1.0]), "x needs 2 numbers, got [1.0]"),
    (dict(y=[1.0, 0.0, 1.0]), "y needs 2 numbers"),
    (dict(x=[1.0, float("nan")]), "every entry of x must be a finite real number"),
    (dict(sizes=[2]), "sizes needs at least two positive integers"),
    (dict(activation="swish"), "unknown activation 'swish'"),
    (dict(sizes=5), "sizes needs at least two positive integers (inputs, then neurons per layer), got 5"),
    (dict(x=[10 ** 400, 1.0]), "every entry of x must be a finite real number, got 1000"),
    (dict(y=[1.0, True]), "every entry of y must be a finite real number, got True"),
    (dict(sizes=[99999, 99999], x=[1.0] * 99999),
     "BP: this network has 9999900000 parameters; the per-neuron report allows at most 2000"),
])
def test_bad_input_is_a_clear_error(kwargs, message):
    from micrograd_cn.i18n import language

    args = dict(sizes=[2, 3, 2], x=[0.5, -1.0], y=[1.0, 0.0])
    args.update(kwargs)
    with language("en"), pytest.raises(ValueError) as info:
        bp_network(args.pop("sizes"), args.pop("x"), args.pop("y"), **args)
    assert message in str(info.value)


def test_numpy_numbers_are_numbers():
    plain = bp_network([2, 2], [1, -2], [1.0, 0.0], compare=False)
    numpy = bp_network([2, 2], np.array([1, -2]), [np.float64(1.0), np.int64(0)], compare=False)
    assert numpy.rows == plain.rows and numpy.cost == plain.cost


@pytest.mark.parametrize("h", [0.0, -1e-6, float("nan"), float("inf"), "1e-6", True])
def test_compare_cost_needs_a_positive_step(h):
    from micrograd_cn.i18n import language

    mlp = MLP(2, [2], seed=0)
    with language("en"), pytest.raises(ValueError) as info:
        compare_cost(mlp, [0.5, -1.0], [1.0, 0.0], h=h)
    assert str(info.value).startswith("compare_cost: invalid value for h: ")


def test_compare_cost_puts_every_parameter_back_when_a_pass_fails(monkeypatch):
    import micrograd_cn.teach.backprop as bp

    mlp = MLP(2, [3, 2], activation="tanh", output_activation="sigmoid", seed=0)
    before = [p.data for p in mlp.parameters()]
    real_cost, calls = bp._cost, []

    def failing(*args):
        calls.append(1)
        if len(calls) == 4:  # the second parameter's "+h" pass
            raise OverflowError("boom")
        return real_cost(*args)

    monkeypatch.setattr(bp, "_cost", failing)
    with pytest.raises(OverflowError, match="boom"):
        compare_cost(mlp, [0.5, -1.0], [1.0, 0.0])
    assert len(calls) == 4
    assert [p.data for p in mlp.parameters()] == before


def test_saturated_cross_entropy_is_a_clear_error():
    mlp = MLP(1, [1], output_activation="sigmoid", seed=0)
    mlp.layers[0].neurons[0].set_weights([100.0], 0.0)
    with pytest.raises(ValueError, match="恰好等于 1"):
        bp_report(mlp, [1.0], [1.0], "ce")


def test_cli_errors(capsys):
    assert main(["bp", "--x", "1", "--lang", "en"]) == 2
    assert capsys.readouterr().err == "micrograd-cn: error: BP: x needs 2 numbers, got [1.0]\n"
    with pytest.raises(SystemExit) as info:
        main(["bp", "--sizes", "2", "0"])
    assert info.value.code == 2
    assert "不是正整数：0" in capsys.readouterr().err


def test_cli_refuses_a_huge_network_at_once(capsys):
    import time

    start = time.perf_counter()
    assert main(["bp", "--sizes", "99999", "99999"]) == 2
    assert time.perf_counter() - start < 2.0  # a hang guard, not a benchmark
    err = capsys.readouterr().err
    assert "这个网络有 9999900000 个参数" in err and "Traceback" not in err
