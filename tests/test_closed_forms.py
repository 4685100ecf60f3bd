"""The logistic-regression neuron of seeds 000/002: the engine's gradients equal
the closed forms derived by hand, per sample and batched over m samples."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from micrograd_cn import Value

# |z| ≤ 4·2·2 + 2 = 18 keeps σ(z) below 1 in floating point, so log(1 − a) is defined.
coord = st.floats(-2.0, 2.0, allow_nan=False)
label = st.sampled_from([0.0, 1.0])


def logistic(xs, ws, b, y):
    """L = −y·log a − (1−y)·log(1−a), a = σ(w·x + b), as elementary Values."""
    z = sum((w * x for w, x in zip(ws, xs)), b)
    a = z.sigmoid()
    loss = -(y * a.log() + (1.0 - y) * (1.0 - a).log())
    return z, a, loss


@given(st.lists(st.tuples(coord, coord), min_size=1, max_size=4), coord, label)
def test_single_sample_closed_forms(pairs, b0, y):
    xs = [Value(x) for x, _ in pairs]
    ws = [Value(w) for _, w in pairs]
    b = Value(b0)
    z, a, loss = logistic(xs, ws, b, y)
    loss.backward()
    av = a.data
    # Closed forms, evaluated from forward values only.
    assert a.grad == pytest.approx(-y / av + (1 - y) / (1 - av), rel=1e-9)  # ∂L/∂a
    assert z.grad == pytest.approx(av - y, rel=1e-9, abs=1e-12)  # ∂L/∂z = a − y
    assert z.grad == pytest.approx(a.grad * av * (1 - av), rel=1e-9, abs=1e-12)  # ∂a/∂z = a(1−a)
    for x, w in zip(xs, ws):
        assert w.grad == pytest.approx(x.data * (av - y), rel=1e-9, abs=1e-12)  # ∂L/∂w = x(a − y)
    assert b.grad == pytest.approx(av - y, rel=1e-9, abs=1e-12)  # ∂L/∂b = a − y


@given(st.integers(1, 6), st.integers(1, 3), st.integers(0, 10_000))
def test_batched_closed_forms(m, n, seed):
    """J = (1/m) Σ L⁽ⁱ⁾:  ∂J/∂w = (1/m) X (A − Y)ᵀ,  ∂J/∂b = mean(A − Y)."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2, 2, size=(n, m))  # one column per sample, as in seed 000
    Y = rng.integers(0, 2, size=(1, m)).astype(float)
    w0 = rng.uniform(-1, 1, size=(n, 1))
    b0 = float(rng.uniform(-1, 1))

    ws = [Value(float(v)) for v in w0[:, 0]]
    b = Value(b0)
    losses = []
    for i in range(m):
        _, _, loss = logistic([Value(float(v)) for v in X[:, i]], ws, b, float(Y[0, i]))
        losses.append(loss)
    J = sum(losses[1:], losses[0]) * (1.0 / m)
    J.backward()

    A = 1.0 / (1.0 + np.exp(-(w0.T @ X + b0)))
    dw = X @ (A - Y).T / m
    db = float(np.mean(A - Y))
    assert [w.grad for w in ws] == pytest.approx(dw[:, 0].tolist(), rel=1e-9, abs=1e-12)
    assert b.grad == pytest.approx(db, rel=1e-9, abs=1e-12)
    cost = float(-np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A)))
    assert J.data == pytest.approx(cost, rel=1e-12)


def test_worked_example_by_hand():
    """x = (1, 2), w = (0.5, −0.3), b = 0.1, y = 1: z = 0, a = ½, every gradient by hand."""
    xs = [Value(1.0), Value(2.0)]
    ws = [Value(0.5), Value(-0.3)]
    b = Value(0.1)
    z, a, loss = logistic(xs, ws, b, 1.0)
    loss.backward()
    assert z.data == pytest.approx(0.0, abs=1e-15)
    assert a.data == pytest.approx(0.5)
    assert loss.data == pytest.approx(math.log(2))
    assert a.grad == pytest.approx(-2.0)  # −y/a = −1/0.5
    assert z.grad == pytest.approx(-0.5)  # a − y
    assert [w.grad for w in ws] == pytest.approx([-0.5, -1.0])
    assert b.grad == pytest.approx(-0.5)
