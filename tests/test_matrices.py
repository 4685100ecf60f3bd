"""bp on a batch of m samples: the matrix form (samples as columns) against a NumPy
implementation of the dense layer's formulas with the exact cost derivative, the two
squared-error costs against NumPy, δᴸ = aᴸ − y for cross-entropy, the referee note,
the numbering, md/LaTeX exports, --batch CSV and its errors."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from micrograd_cn.cli import main
from micrograd_cn.engine import Value
from micrograd_cn.nn import MLP, half_sse_loss, mse_loss
from micrograd_cn.teach.backprop import bp_report
from micrograd_cn.teach.matrices import bp_batch, referee_applies


# ------------------------------------------------------------------ the NumPy oracle
def g(act, Z):
    return {"relu": lambda: np.maximum(Z, 0.0), "sigmoid": lambda: 1 / (1 + np.exp(-Z)),
            "tanh": lambda: np.tanh(Z), "linear": lambda: Z}[act]()


def g_prime(act, Z):
    if act == "relu":
        return (Z > 0).astype(float)
    if act == "sigmoid":
        s = 1 / (1 + np.exp(-Z))
        return s * (1 - s)
    if act == "tanh":
        return 1 - np.tanh(Z) ** 2
    return np.ones_like(Z)


def dense_layers(mlp, X, Y, cost):
    """The dense layer's forward and backward on matrices (W nˡ × nˡ⁻¹, samples as
    columns), with the exact derivative of each cost:
      mse       C = np.mean((A − Y)**2)            dA = 2(A − Y)/(nᴸ·m)
      half_sse  C = (1/m)Σ ½Σⱼ(a − y)²              dA = (A − Y)/m
      ce        C = (1/m)Σ −Σⱼ[y log a + …]         dA = (−Y/A + (1 − Y)/(1 − A))/m
    """
    Ws = [np.array([[w.data for w in n.w] for n in layer.neurons]) for layer in mlp.layers]
    bs = [np.array([[n.b.data] for n in layer.neurons]) for layer in mlp.layers]
    acts = [layer.neurons[0].activation for layer in mlp.layers]
    A = np.array(X, dtype=float).T  # n × m
    Yc = np.array(Y, dtype=float).T
    m = A.shape[1]
    cache = []
    for W, b, act in zip(Ws, bs, acts):
        Z = W @ A + b
        cache.append((A, Z))
        A = g(act, Z)
    if cost == "mse":
        C = np.mean((A - Yc) ** 2)
        dA = 2 * (A - Yc) / Yc.size
    elif cost == "half_sse":
        C = np.sum(0.5 * (A - Yc) ** 2) / m
        dA = (A - Yc) / m
    else:
        C = -np.sum(Yc * np.log(A) + (1 - Yc) * np.log(1 - A)) / m
        dA = (-Yc / A + (1 - Yc) / (1 - A)) / m
    out = []
    for (A_prev, Z), W, b, act in zip(reversed(cache), reversed(Ws), reversed(bs), reversed(acts)):
        dZ = dA * g_prime(act, Z)
        dW = dZ @ A_prev.T
        db = np.sum(dZ, axis=1, keepdims=True)
        dA_prev = W.T @ dZ
        out.append({"W": W, "b": b, "Z": Z, "A": g(act, Z), "dA": dA, "dZ": dZ, "dW": dW,
                    "db": db, "dA_prev": dA_prev})
        dA = dA_prev
    return C, out[::-1]


def batch(m, n_in, n_out, seed=1, labels01=False):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2, 2, size=(m, n_in)).round(2).tolist()
    Y = (rng.integers(0, 2, size=(m, n_out)) if labels01 else
         rng.uniform(-1, 1, size=(m, n_out)).round(2)).tolist()
    return X, Y


def cli_json(capsys, *argv):
    assert main(["bp", "--no-compare", "--format", "json", *argv]) == 0
    return json.loads(capsys.readouterr().out)


def xy_args(X, Y):
    args = []
    for x in X:
        args += ["--x", *map(str, x)]
    for y in Y:
        args += ["--y", *map(str, y)]
    return args


@pytest.mark.parametrize("m", [1, 3, 8])
@pytest.mark.parametrize("cost, hidden, output", [("mse", "tanh", "sigmoid"),
                                                  ("mse", "relu", "linear"),
                                                  ("half_sse", "sigmoid", "tanh"),
                                                  ("ce", "tanh", "sigmoid")])
def test_every_matrix_of_json_equals_numpy_and_the_engine(capsys, m, cost, hidden, output):
    sizes = [3, 4, 2]
    X, Y = batch(m, 3, 2, seed=m, labels01=cost == "ce")
    data = cli_json(capsys, "--sizes", *map(str, sizes), "--activation", hidden,
                    "--output-activation", output, "--cost", cost, "--seed", "3",
                    *xy_args(X, Y))
    mlp = MLP(3, [4, 2], activation=hidden, output_activation=output, seed=3)
    C, oracle = dense_layers(mlp, X, Y, cost)
    assert data["cost"] == pytest.approx(C, rel=1e-12, abs=1e-15)
    mats = data["matrices"]
    assert [e["layer"] for e in mats] == [2, 3]  # Nielsen's numbering by default
    for entry, want in zip(mats, oracle):
        for key in ("W", "b", "Z", "A", "dA", "dZ", "dW", "db", "dA_prev"):
            got = np.array(entry[key])
            assert got.shape == want[key].shape, key  # seed 003's shapes exactly
            np.testing.assert_allclose(got, want[key], rtol=1e-10, atol=1e-13, err_msg=key)
    # and the engine's own .grad after the same batch (the API leaves it there)
    mlp2 = MLP(3, [4, 2], activation=hidden, output_activation=output, seed=3)
    report = bp_batch(mlp2, X, Y, cost)
    for layer, entry in zip(mlp2.layers, mats):
        assert [[w.grad for w in n.w] for n in layer.neurons] == entry["dW"]
        assert [[n.b.grad] for n in layer.neurons] == entry["db"]
    assert report.cost == data["cost"]


def test_shapes_are_the_dense_layers(capsys):
    X, Y = batch(5, 2, 3)
    data = cli_json(capsys, "--sizes", "2", "4", "3", *xy_args(X, Y), "--numbering", "ng")
    first, second = data["matrices"]
    assert first["layer"] == 1 and second["layer"] == 2
    shapes = {k: np.shape(first[k]) for k in ("W", "b", "Z", "A", "dA", "dZ", "dW", "db",
                                             "dA_prev")}
    assert shapes == {"W": (4, 2), "b": (4, 1), "Z": (4, 5), "A": (4, 5), "dA": (4, 5),
                      "dZ": (4, 5), "dW": (4, 2), "db": (4, 1), "dA_prev": (2, 5)}


# ------------------------------------------------------------------ the two costs
@pytest.mark.parametrize("m, k", [(1, 1), (1, 3), (4, 1), (4, 3)])
def test_the_two_costs_against_numpy(m, k):
    rng = np.random.default_rng(m * 10 + k)
    A = rng.normal(size=(m, k))
    Y = rng.normal(size=(m, k))
    flat = [Value(v) for v in A.ravel()]
    mse = mse_loss(flat, Y.ravel().tolist())
    assert mse.data == pytest.approx(np.mean((A - Y) ** 2), rel=1e-13)
    mse.backward()
    np.testing.assert_allclose([v.grad for v in flat], (2 * (A - Y) / A.size).ravel(), rtol=1e-12)
    rows = [[Value(v) for v in row] for row in A]
    half = half_sse_loss(rows, Y.tolist()) if m > 1 else half_sse_loss(rows[0], Y[0].tolist())
    assert half.data == pytest.approx(np.sum(0.5 * (A - Y) ** 2) / m, rel=1e-13)
    half.backward()
    np.testing.assert_allclose([v.grad for row in rows for v in row], ((A - Y) / m).ravel(),
                               rtol=1e-12)


def test_bp_cost_mse_is_the_mean_and_half_sse_the_default(capsys):
    # one output, one sample: mse's gradients are twice half_sse's (2(a − y) against a − y)
    args = ["--sizes", "2", "3", "1", "--x", "0.5", "-1", "--y", "1"]
    half = cli_json(capsys, *args)
    assert half["cost_name"] == "half_sse"
    mse = cli_json(capsys, *args, "--cost", "mse")
    for h, m in zip(half["matrices"], mse["matrices"]):
        np.testing.assert_allclose(np.array(m["dW"]), 2 * np.array(h["dW"]), rtol=1e-12)
    a, y = mse["output"][0], 1.0
    assert mse["cost"] == pytest.approx((a - y) ** 2) and half["cost"] == pytest.approx(
        0.5 * (a - y) ** 2)
    for cost, formula in (("half_sse", "½Σⱼ(aᴸⱼ − yⱼ)²"), ("mse", "(1/nᴸ)Σⱼ(aᴸⱼ − yⱼ)²")):
        assert main(["bp", "--no-compare", "--cost", cost, *args[:4]]) == 0
        assert formula in capsys.readouterr().out.splitlines()[0]


def test_cross_entropy_with_a_sigmoid_output_is_a_minus_y(capsys):
    mlp = MLP(3, [2, 2], activation="tanh", output_activation="sigmoid", seed=2)
    report = bp_report(mlp, [0.5, -1.0, 2.0], [1.0, 0.0], "ce")
    out = [r for r in report.rows if r.layer == report.L]
    for r, y in zip(out, report.y):
        assert r.delta_engine == pytest.approx(r.a - y, abs=1e-12)  # the engine's z.grad
    assert main(["bp", "--sizes", "3", "2", "2", "--x", "0.5", "-1", "2", "--y", "1", "0",
                 "--cost", "ce", "--no-compare", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Layer 3 (output)"))
    assert "δ³ⱼ = a³ⱼ − yⱼ" in lines[at + 1] and "a³ⱼ − yⱼ" in lines[at + 2]
    row = lines[at + 4]
    cells = row.split()
    assert cells[5] == cells[6]  # δ (formula, the long way) and a − y side by side


# ------------------------------------------------------------------ the referee
@pytest.mark.parametrize("sizes, m, cost", [([2, 3, 2], 3, "mse"), ([2, 3, 2], 1, "mse"),
                                            ([2, 3, 1], 3, "mse"), ([2, 3, 2], 3, "half_sse"),
                                            ([2, 3, 3], 2, "mse"), ([2, 2, 1], 1, "mse")])
def test_the_referee_note_appears_exactly_when_the_textbook_derivative_differs(
        capsys, sizes, m, cost):
    X, Y = batch(m, sizes[0], sizes[-1], seed=5)
    data = cli_json(capsys, "--sizes", *map(str, sizes), "--cost", cost, *xy_args(X, Y))
    A = np.array(data["matrices"][-1]["A"])
    Yc = np.array(Y).T
    exact = 2 * (A - Yc) / Yc.size
    # the textbook's code: 2*(y_pred - y_true)/y_true.shape[0], labels as nᴸ × m (samples as
    # columns); with one output, its labels are the 1-D array of m samples
    labels = Yc if sizes[-1] > 1 else Yc.ravel()
    textbook = 2 * (A - Yc) / labels.shape[0]
    differs = cost == "mse" and not np.allclose(exact, textbook)
    assert referee_applies(cost, sizes[-1], m) == differs
    assert (data["referee"] is not None) == differs
    assert main(["bp", "--no-compare", "--lang", "en", "--sizes", *map(str, sizes), "--cost",
                 cost, *xy_args(X, Y)]) == 0
    text = capsys.readouterr().out
    assert ("Referee:" in text) == differs
    if differs:
        np.testing.assert_allclose(data["referee"]["exact"], exact, rtol=1e-12)
        np.testing.assert_allclose(data["referee"]["textbook"], textbook, rtol=1e-12)
        np.testing.assert_allclose(np.array(data["referee"]["textbook"]),
                                   m * np.array(data["matrices"][-1]["dA"]), rtol=1e-12)


# ------------------------------------------------------------------ numbering
def labels(text):
    """Every layer superscript a label carries: a³ⱼ, W², dA¹, δ², (A⁰)ᵀ …"""
    return re.findall(r"(?:dA|dZ|dW|db|[aAzZwWbδn])([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", text)


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_numbering_changes_every_label_of_the_report(capsys, fmt):
    X, Y = batch(2, 2, 2)
    base = ["bp", "--no-compare", "--no-timing", "--format", fmt, "--lang", "en", *xy_args(X, Y)]
    assert main(base) == 0
    nielsen = capsys.readouterr().out
    assert main(base + ["--numbering", "ng"]) == 0
    ng = capsys.readouterr().out
    shift = str.maketrans("¹²³⁴", "⁰¹²³")
    assert "--numbering nielsen" in nielsen and "--numbering ng" in ng
    assert nielsen.translate(shift).replace("nielsen", "ng") != nielsen
    # every numbered label moves down by one, and nothing else changes
    assert labels(ng) == [s.translate(shift) for s in labels(nielsen)] and len(labels(ng)) > 50
    assert "⁴" not in nielsen and "⁰" in ng


# ------------------------------------------------------------------ exports
def balanced(tex):
    depth = 0
    for ch in re.sub(r"\\[{}]", "", tex):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0 and tex.count("\\begin{") == tex.count("\\end{")


@pytest.mark.parametrize("m", [1, 3])
def test_md_and_latex_carry_the_matrices(capsys, m):
    X, Y = batch(m, 2, 2)
    argv = ["bp", "--no-compare", "--no-timing", "--cost", "mse", *xy_args(X, Y)]
    assert main(argv + ["--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert main(argv + ["--format", "latex"]) == 0
    tex = capsys.readouterr().out
    assert main(argv + ["--format", "md"]) == 0
    md = capsys.readouterr().out
    assert balanced(tex)
    assert tex.count("\\begin{bmatrix}") == md.count("\\begin{bmatrix}") >= 2 * 11
    assert "linear'" not in tex and "|" not in re.sub(r"\\\\|\\left|\\right", "", "".join(
        re.findall(r"\\begin\{bmatrix\}.*?\\end\{bmatrix\}", tex)))
    # one formula per align row: every row of an align* holds one "&=" at most
    for env in re.findall(r"\\begin\{align\*\}(.*?)\\end\{align\*\}", tex, re.S):
        for row in env.split("\\\\\n"):
            assert row.count("&=") <= 1
    # the numbers, at 6 significant digits, with their shapes
    dW = data["matrices"][-1]["dW"]
    for v in (dW[0][0], dW[1][-1]):
        assert f"{v:.6g}" in tex and f"{v:.6g}".replace("-", "−") in md.replace("-", "−")
    assert "−" not in "".join(re.findall(r"\\begin\{bmatrix\}.*?\\end\{bmatrix\}", tex))
    assert "(2 \\times 3)" in tex and "(2 × 3)" in md.replace("\\times", "×")
    assert "\\text{" in tex or m == 1


def test_latex_keeps_a_formula_in_one_piece_and_linear_upright(capsys):
    assert main(["bp", "--no-compare", "--no-timing", "--sizes", "2", "2", "1",
                 "--output-activation", "linear", "--format", "latex", "--lang", "en"]) == 0
    tex = capsys.readouterr().out
    assert "\\operatorname{linear}'" in tex and "linear'(" not in tex.replace(
        "\\operatorname{linear}'(", "")
    assert "$\\delta^{3} = \\nabla _{a}C \\odot  \\operatorname{linear}'(z^{3})$" in tex


# ------------------------------------------------------------------ batches from the CLI
def test_repeated_x_is_a_batch_not_the_last_sample(capsys):
    data = cli_json(capsys, "--x", "0.5", "-1", "--x", "1", "2", "--y", "1", "0", "--y", "0", "1")
    assert data["m"] == 2 and data["X"] == [[0.5, -1.0], [1.0, 2.0]]
    assert [s["x"] for s in data["samples"]] == [[0.5, -1.0], [1.0, 2.0]]
    assert np.shape(data["matrices"][0]["Z"]) == (3, 2)
    one = cli_json(capsys, "--x", "1", "2", "--y", "0", "1", "--sample", "1")
    assert "m" not in one and one["x"] == [1.0, 2.0]  # one sample: today's report
    picked = cli_json(capsys, "--x", "0.5", "-1", "--x", "1", "2", "--y", "1", "0", "--y", "0",
                      "1", "--sample", "2")
    assert picked["shown"] == [2] and len(picked["samples"]) == 1
    assert picked["samples"][0]["rows"] == one["rows"]  # sample 2's own BP1–BP4 tables


def test_batch_csv_equals_repeated_x(tmp_path, capsys):
    path = tmp_path / "batch.csv"
    path.write_text("x1,x2,y1,y2\n0.5,-1,1,0\n1,2,0,1\n-0.5,0.25,1,1\n", encoding="utf-8")
    from_csv = cli_json(capsys, "--batch", str(path))
    from_args = cli_json(capsys, "--x", "0.5", "-1", "--x", "1", "2", "--x", "-0.5", "0.25",
                         "--y", "1", "0", "--y", "0", "1", "--y", "1", "1")
    assert from_csv == from_args


@pytest.mark.parametrize("content, message", [
    ("x1,y1,y2\n1,2,3\n", "x1,x2,y1,y2"),
    ("x1,x2,y1,y2\n1,2,3\n", "第 2 行"),
    ("x1,x2,y1,y2\n1,nan,3,4\n", "nan"),
    ("x1,x2,y1,y2\n", "没有数据行"),
])
def test_batch_csv_errors_are_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "b.csv"
    path.write_text(content, encoding="utf-8")
    out_file = tmp_path / "out.json"
    assert main(["bp", "--batch", str(path), "--format", "json", "-o", str(out_file)]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not out_file.exists()


@pytest.mark.parametrize("argv, message", [
    (["--x", "1", "2", "--x", "3", "4", "--y", "1", "0"], "2 个 --x 样本，却有 1 个 --y"),
    (["--x", "1", "2", "--x", "3", "4", "--sample", "3"], "--sample 3"),
    (["--batch", "b.csv", "--x", "1", "2"], "--batch"),
    (["--numbering", "bourbaki"], "bourbaki"),
])
def test_batch_argument_errors(capsys, argv, message):
    try:
        status = main(["bp", "--no-compare", *argv])
    except SystemExit as stop:  # argparse refuses a bad choice itself
        status = stop.code
    assert status == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_batch_with_finite_differences_agrees():
    mlp = MLP(2, [3, 2], activation="tanh", output_activation="sigmoid", seed=0)
    report = bp_batch(mlp, [[0.5, -1], [1, 2], [0, 1]], [[1, 0], [0, 1], [1, 1]], "mse",
                      compare=True)
    assert report.comparison is not None and report.comparison.max_diff < 1e-8
    assert report.comparison.fd_forward_passes == 2 * 17
