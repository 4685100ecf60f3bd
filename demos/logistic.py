"""Main demo: one logistic-regression neuron, forward and backward.

    z = w₁x₁ + w₂x₂ + b,   a = σ(z),   L = −y·log a − (1−y)·log(1−a)

Prints every value and gradient from the engine next to the closed forms
∂L/∂z = a − y, ∂L/∂wᵢ = xᵢ(a − y), ∂L/∂b = a − y.
Run: python demos/logistic.py [--lang en]
"""

from __future__ import annotations

import sys

from micrograd_cn import Value

TEXT = {
    "zh": ("单个逻辑回归神经元：前向与反向传播", "引擎", "闭式解"),
    "en": ("One logistic-regression neuron: forward and backward", "engine", "closed form"),
}


def main(lang: str = "zh") -> None:
    title, engine, closed = TEXT[lang]
    x = [Value(1.0, label="x1"), Value(2.0, label="x2")]
    w = [Value(0.5, label="w1"), Value(-0.3, label="w2")]
    b = Value(0.1, label="b")
    y = 1.0
    z = w[0] * x[0] + w[1] * x[1] + b
    a = z.sigmoid()
    loss = -(y * a.log() + (1 - y) * (1 - a).log())
    loss.backward()

    print(title)
    print(f"z = {z.data:.6f}   a = σ(z) = {a.data:.6f}   L = {loss.data:.6f}")
    print(f"{'':10}{engine:>14}{closed:>14}")
    rows = [("∂L/∂z", z.grad, a.data - y), ("∂L/∂b", b.grad, a.data - y)]
    rows += [(f"∂L/∂w{i + 1}", w[i].grad, x[i].data * (a.data - y)) for i in range(2)]
    for name, got, expected in rows:
        print(f"{name:10}{got:>14.6f}{expected:>14.6f}")


if __name__ == "__main__":
    main("en" if "en" in sys.argv[1:] else "zh")
