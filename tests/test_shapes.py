"""exercise --topic shapes: the key's shapes against NumPy's, the numeric dW against NumPy,
determinism, md/html/json."""

from __future__ import annotations

import json

import numpy as np
import pytest

from micrograd_cn.cli import main
from micrograd_cn.teach.shapes import shapes_sheet


@pytest.mark.parametrize("seed", [0, 1, 7, 42])
def test_the_key_is_numpys_shapes(seed, capsys):
    assert main(["exercise", "--topic", "shapes", "--seed", str(seed), "--count", "6",
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rng = np.random.default_rng(seed)
    for p in data["problems"]:
        n, n_prev, m = p["n"], p["n_prev"], p["m"]
        W = rng.normal(size=(n, n_prev))
        b = rng.normal(size=(n, 1))
        A_prev = rng.normal(size=(n_prev, m))
        Z = W @ A_prev + b  # broadcasting b over the m columns
        dA = rng.normal(size=Z.shape)
        dZ = dA * (1 - np.tanh(Z) ** 2)
        dW = dZ @ A_prev.T
        db = dZ @ np.ones((m, 1))
        dA_prev = W.T @ dZ
        want = {"W": W.shape, "Z": Z.shape, "dZ": dZ.shape, "dW": dW.shape, "db": db.shape,
                "dA_prev": dA_prev.shape}
        assert {k: tuple(v) for k, v in p["shapes"].items()} == want
        assert len({n, n_prev, m}) == 3  # a swapped shape cannot pass unnoticed
    num = data["numeric"]
    np.testing.assert_allclose(np.array(num["dZ"]) @ np.array(num["A_prev"]).T, num["dW"])


def test_sheets_are_deterministic_and_have_a_key(capsys):
    assert shapes_sheet(3, 4) == shapes_sheet(3, 4) and shapes_sheet(3, 4) != shapes_sheet(4, 4)
    assert main(["exercise", "--topic", "shapes", "--seed", "3"]) == 0
    md = capsys.readouterr().out
    assert "答案" in md and "\\begin{bmatrix}" in md and "dAˡ⁻¹" in md
    assert main(["exercise", "--topic", "shapes", "--seed", "3", "--no-key"]) == 0
    assert "答案" not in capsys.readouterr().out
    assert main(["exercise", "--topic", "shapes", "--format", "html", "--lang", "en"]) == 0
    html = capsys.readouterr().out
    assert html.startswith("<!DOCTYPE html>") and "Answer key" in html and "<script" not in html
    assert "[ " in html  # the matrices in brackets
