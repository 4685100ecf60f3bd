"""A teacher's own weights (``bp --weights FILE``, ``teach.weights``) and the dead-ReLU warning.

Oracle: NumPy's forward pass with the same matrices (z = W a + b, layer by layer) gives every
z, a and the cost; the report must agree and must print the W and b it used. Bad files fail
with one line naming the layer, exit status 2 and no output file.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from micrograd_cn.cli import main
from micrograd_cn.nn import MLP
from micrograd_cn.teach.backprop import bp_network, dead_relus, seed_without_dead
from micrograd_cn.teach.weights import WeightsError, load_weights, weights_from_mapping

SIZES = [2, 3, 2]
GOOD = {"W": [[[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]], [[0.7, -0.8, 0.9], [-0.25, 0.5, 0.125]]],
        "b": [[0.1, 0.2, 0.3], [-0.1, 0.05]]}
TOML = """W = [
  [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]],
  [[0.7, -0.8, 0.9], [-0.25, 0.5, 0.125]],
]
b = [[0.1, 0.2, 0.3], [-0.1, 0.05]]
"""


def numpy_forward(weights: dict, x: list[float], hidden=np.tanh):
    """Every layer's z and a by the matrix form: z = W a + b (a column per sample)."""
    a = np.array(x, dtype=np.float64)
    zs, acts = [], []
    for li, (W, b) in enumerate(zip(weights["W"], weights["b"])):
        z = np.array(W, dtype=np.float64) @ a + np.array(b, dtype=np.float64)
        a = 1.0 / (1.0 + np.exp(-z)) if li == len(weights["W"]) - 1 else hidden(z)
        zs.append(z)
        acts.append(a)
    return zs, acts


@pytest.fixture(params=["json", "toml"])
def weights_file(request, tmp_path):
    path = tmp_path / f"w.{request.param}"
    path.write_text(json.dumps(GOOD) if request.param == "json" else TOML, encoding="utf-8")
    return path


def test_report_agrees_with_a_numpy_forward_pass(weights_file):
    weights = load_weights(weights_file, SIZES, "en")
    report = bp_network(SIZES, [0.5, -1.0], [1.0, 0.0], activation="tanh", weights=weights,
                        compare=False)
    zs, acts = numpy_forward(GOOD, [0.5, -1.0])
    for row in report.rows:
        assert math.isclose(row.z, zs[row.layer - 2][row.j - 1], rel_tol=1e-12, abs_tol=1e-15)
        assert math.isclose(row.a, acts[row.layer - 2][row.j - 1], rel_tol=1e-12)
    cost = 0.5 * float(np.sum((acts[-1] - np.array([1.0, 0.0])) ** 2))
    assert math.isclose(report.cost, cost, rel_tol=1e-12)
    assert [[list(r) for r in W] for W in report.W] == GOOD["W"]
    assert [list(b) for b in report.b] == GOOD["b"]


def test_cli_prints_the_weights_in_every_format(weights_file, capsys):
    from micrograd_cn.notation import num

    for fmt in ("text", "md", "latex"):
        assert main(["bp", "--sizes", "2", "3", "2", "--weights", str(weights_file), "--no-timing",
                     "--no-compare", "--format", fmt, "--lang", "en"]) == 0
        out = capsys.readouterr().out
        minus = "-" if fmt == "latex" else "−"
        for W, b in zip(GOOD["W"], GOOD["b"]):
            for row, bias in zip(W, b):
                cells = [num(v, minus=minus) for v in (*row, bias)]
                line = next(line for line in out.splitlines()
                            if all(f" {c} " in f" {line} ".replace("$", " ") for c in cells)
                            and line.count(minus) >= sum(c.startswith(minus) for c in cells))
                assert line
    assert main(["bp", "--sizes", "2", "3", "2", "--weights", str(weights_file), "--no-timing",
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["W"] == GOOD["W"] and data["b"] == GOOD["b"]


def test_the_same_file_from_python_and_as_a_mapping(weights_file):
    Ws, bs = load_weights(weights_file, SIZES)
    assert (Ws, bs) == weights_from_mapping(GOOD, SIZES)
    mlp = MLP(2, [3, 2], activation="tanh", output_activation="sigmoid", seed=0)
    mlp.set_weights(Ws, bs)
    out = [v.data for v in mlp([0.5, -1.0])]
    assert np.allclose(out, numpy_forward(GOOD, [0.5, -1.0])[1][-1], rtol=1e-12)


BAD = [
    ({"W": GOOD["W"][:1], "b": GOOD["b"]}, "W³", "missing"),
    ({"W": GOOD["W"], "b": GOOD["b"][:1]}, "b³", "missing"),
    ({"W": GOOD["W"] + [[[1.0]]], "b": GOOD["b"]}, "W⁴", "only 2"),
    ({"W": [GOOD["W"][0][:2], GOOD["W"][1]], "b": GOOD["b"]}, "W²", "3 rows × 2 columns"),
    ({"W": [[[0.1], [0.3, 0.4], [0.5, 0.6]], GOOD["W"][1]], "b": GOOD["b"]}, "row 1 of W²", "2 numbers"),
    ({"W": [GOOD["W"][0], [[0.7, float("nan"), 0.9], [1, 2, 3]]], "b": GOOD["b"]}, "W³ row 1, entry 2", "nan"),
    ({"W": [GOOD["W"][0], [[0.7, 0.8, 0.9], [1, 2, float("inf")]]], "b": GOOD["b"]}, "W³ row 2, entry 3", "inf"),
    ({"W": [GOOD["W"][0], [[0.7, "0.8", 0.9], [1, 2, 3]]], "b": GOOD["b"]}, "W³ row 1, entry 2", "number"),
    ({"W": [GOOD["W"][0], [[0.7, True, 0.9], [1, 2, 3]]], "b": GOOD["b"]}, "W³ row 1, entry 2", "number"),
    ({"W": GOOD["W"], "b": [[0.1, 0.2], [0.0, 0.0]]}, "b²", "3 numbers"),
    ({"W": GOOD["W"], "b": [[0.1, 0.2, 0.3], [0.0, 10 ** 400]]}, "entry 2 of b³", "finite"),
    ({"W": GOOD["W"]}, "b", "no key"),
    ({"W": GOOD["W"], "b": GOOD["b"], "c": 1}, "'c'", "unknown key"),
    ([1, 2], "mapping", "[1, 2]"),
]


@pytest.mark.parametrize("obj, layer, words", BAD)
def test_bad_weights_name_the_layer(obj, layer, words):
    with pytest.raises(WeightsError) as err:
        weights_from_mapping(obj, SIZES, "en")
    assert layer in str(err.value) and words in str(err.value)
    assert "\n" not in str(err.value)
    with pytest.raises(ValueError) as zh:
        weights_from_mapping(obj, SIZES, "zh")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(zh.value))


@pytest.mark.parametrize("obj, layer, words", BAD[:8])
def test_cli_refuses_bad_files_with_one_line_and_writes_nothing(obj, layer, words, tmp_path, capsys):
    path = tmp_path / "w.json"
    path.write_text(json.dumps(obj), encoding="utf-8")  # NaN and Infinity as JSON allows them
    out = tmp_path / "report.md"
    code = main(["bp", "--sizes", "2", "3", "2", "--weights", str(path), "--lang", "en",
                 "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert err.count("\n") == 1 and layer in err and str(path) in err


@pytest.mark.parametrize("text, suffix, words", [
    ("{\"W\": [", ".json", "not valid JSON"),
    ("W = [[[1,2]]\nb = ", ".toml", "not valid TOML"),
    (b"\xff\xfe", ".json", "not UTF-8"),
])
def test_unreadable_files_are_named(text, suffix, words, tmp_path):
    path = tmp_path / f"w{suffix}"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    with pytest.raises(WeightsError, match=words):
        load_weights(path, SIZES, "en")
    with pytest.raises(WeightsError, match="cannot read"):
        load_weights(tmp_path / "missing.json", SIZES, "en")


# ------------------------------------------------------------------ dead ReLUs
def z_by_numpy(mlp: MLP, x: list[float]) -> list[np.ndarray]:
    """Every layer's z from the network's own numbers, by the matrix form (an independent pass)."""
    weights = {"W": [[[w.data for w in n.w] for n in layer.neurons] for layer in mlp.layers],
               "b": [[n.b.data for n in layer.neurons] for layer in mlp.layers]}
    return numpy_forward(weights, x, hidden=lambda z: np.maximum(z, 0.0))[0]


def test_dead_relus_are_named_and_a_seed_without_them_suggested(capsys):
    assert main(["bp", "--sizes", "2", "3", "1", "--activation", "relu", "--seed", "5",
                 "--no-timing", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    x = [0.5, -1.0]
    zs = z_by_numpy(MLP(2, [3, 1], activation="relu", output_activation="sigmoid", seed=5), x)
    dead = [f"a²{'₁₂₃'[j]}" for j in range(3) if zs[0][j] <= 0]
    assert dead  # seed 5 really has dead ReLUs on this sample
    warning = next(line for line in out.splitlines() if line.startswith("Warning:"))
    assert all(name in warning for name in dead)
    suggested = int(warning.split("--seed ")[1].split()[0])
    for seed in range(6, suggested + 1):  # the first later seed with none: deterministic
        mlp = MLP(2, [3, 1], activation="relu", output_activation="sigmoid", seed=seed)
        alive = all((z > 0).all() for z in z_by_numpy(mlp, x)[:-1])
        assert alive == (seed == suggested)
    assert main(["bp", "--sizes", "2", "3", "1", "--activation", "relu", "--seed",
                 str(suggested), "--no-timing", "--lang", "en"]) == 0
    assert "Warning:" not in capsys.readouterr().out


def test_dead_relus_in_json_and_none_for_tanh(capsys):
    report = bp_network([2, 3, 1], activation="relu", seed=5, compare=False)
    assert report.dead and report.seed_without_dead is not None
    data = json.loads(report.to_json(timing=False))
    assert data["dead"] == [list(d) for d in report.dead]
    assert data["seed_without_dead"] == report.seed_without_dead
    assert not bp_network([2, 3, 1], activation="tanh", seed=5, compare=False).dead
    mlp = MLP(2, [3, 1], activation="relu", output_activation="sigmoid", seed=5)
    assert dead_relus(mlp, [0.5, -1.0]) == list(report.dead)
    assert seed_without_dead([2, 3, 1], [0.5, -1.0], activation="relu",
                             output_activation="sigmoid", seed=5, tries=0) is None
