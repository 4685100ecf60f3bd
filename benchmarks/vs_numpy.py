"""The moons step without a graph: NumPy matrices and hand-written backprop.

    python benchmarks/vs_numpy.py [--quick] [--out out/bench_numpy.json]

This is the floor a scalar engine cannot reach: the same MLP(2, [16, 16, 1]),
the same points, weights, loss and SGD update as ``vs_micrograd.py``, but
computed a whole layer at a time. Before timing, the script checks that its
loss and all 337 gradients equal micrograd_cn's for the same weights, so the
two sides really do the same work.

The backward pass is the four BP equations in matrix form, for a batch:
  δᴸ = ∂C/∂s ⊙ σ'(zᴸ)        (output layer is linear: σ' = 1)
  δˡ = (δˡ⁺¹ Wˡ⁺¹) ⊙ σ'(zˡ)
  ∂C/∂bˡ = Σ over the batch of δˡ,  ∂C/∂Wˡ = (δˡ)ᵀ aˡ⁻¹
plus 2α·p from the L2 penalty.

Imports: NumPy, micrograd_cn, the standard library.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

if __package__ in (None, ""):  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import common  # noqa: E402
from benchmarks.common import (  # noqa: E402
    ALPHA,
    LR,
    cn_loss,
    cn_model,
    cn_step,
    machine,
    machine_line,
    median_ms,
    moons,
    time_blocks,
)
from micrograd_cn.nn import MLP, SGD  # noqa: E402

Params = list[tuple[np.ndarray, np.ndarray]]  # (W, b) per layer, W with one row per neuron


def params_of(model: MLP) -> Params:
    """The model's weights as NumPy arrays (copies)."""
    return [(np.array([[w.data for w in n.w] for n in layer.neurons]),
             np.array([n.b.data for n in layer.neurons]))
            for layer in model.layers]


def loss_and_grads(params: Params, X: np.ndarray, y: np.ndarray) -> tuple[float, Params]:
    """Max-margin loss + α·Σp² and its gradient for every W and b."""
    activations, pre = [X], []  # aˡ and zˡ per layer
    for i, (W, b) in enumerate(params):
        z = activations[-1] @ W.T + b
        pre.append(z)
        activations.append(z if i == len(params) - 1 else np.maximum(z, 0.0))
    scores = activations[-1][:, 0]
    margins = 1.0 - y * scores
    reg = sum(float(np.sum(W * W) + np.sum(b * b)) for W, b in params)
    loss = float(np.mean(np.maximum(margins, 0.0))) + ALPHA * reg
    # ∂C/∂scoreᵢ = −yᵢ/N where the hinge is active (ReLU' = 1 for a margin > 0)
    delta = (-(y * (margins > 0.0)) / len(y))[:, None]
    grads: Params = []
    for i in range(len(params) - 1, -1, -1):
        W, b = params[i]
        grads.append((delta.T @ activations[i] + 2.0 * ALPHA * W,
                      delta.sum(axis=0) + 2.0 * ALPHA * b))
        if i:
            delta = (delta @ W) * (pre[i - 1] > 0.0)
    grads.reverse()
    return loss, grads


def numpy_step(params: Params, X: np.ndarray, y: np.ndarray) -> float:
    """One training step in NumPy: forward, backward, SGD update (in place)."""
    loss, grads = loss_and_grads(params, X, y)
    for (W, b), (gW, gb) in zip(params, grads):
        W -= LR * gW
        b -= LR * gb
    return loss


def flat(grads: Params) -> list[float]:
    """Gradients in micrograd_cn's parameter order: layer by layer, each neuron's w then b."""
    return [float(v) for gW, gb in grads for v in np.column_stack([gW, gb]).ravel()]


def compare(n_points: int = 100) -> dict[str, Any]:
    """NumPy's loss and gradients against micrograd_cn's for the same weights."""
    X, y = moons(n_points)
    model = cn_model()
    loss_np, grads_np = loss_and_grads(params_of(model), np.array(X), np.array(y, float))
    loss = cn_loss(model, X, y)
    loss.backward()
    return {"loss_numpy": loss_np, "loss_cn": loss.data, "grads_numpy": flat(grads_np),
            "grads_cn": [p.grad for p in model.parameters()]}


def run(quick: bool = False) -> dict[str, Any]:
    n_points, rounds, steps = (30, 1, 3) if quick else (100, 5, 10)
    check = compare(n_points)
    agree = (np.isclose(check["loss_numpy"], check["loss_cn"], rtol=1e-12, atol=0.0)
             and np.allclose(check["grads_numpy"], check["grads_cn"], rtol=1e-9, atol=1e-15))
    if not agree:
        raise RuntimeError("NumPy and micrograd_cn disagree: the comparison would be unfair")
    X, y = moons(n_points)
    Xa, ya = np.array(X), np.array(y, float)
    model = cn_model()
    params, opt = params_of(model), SGD(model.parameters(), lr=LR)
    times = time_blocks({"numpy": lambda: numpy_step(params, Xa, ya),
                         "micrograd_cn": lambda: cn_step(model, opt, X, y)}, rounds, steps)
    ms = {name: median_ms(t) for name, t in times.items()}
    return {"quick": quick, "machine": machine(), "points": n_points, "median_ms": ms,
            "numpy_version": np.__version__, "gradients_agree": True,
            "slowdown": round(ms["micrograd_cn"] / ms["numpy"], 1)}


def table(results: dict[str, Any]) -> str:
    ms = results["median_ms"]
    return "\n".join([
        f"Machine: {machine_line(results['machine'])}, NumPy {results['numpy_version']}", "",
        "| moons step (ms, median) | NumPy, no graph | micrograd_cn | micrograd_cn / NumPy |",
        "|---|---:|---:|---:|",
        f"| {results['points']} points, MLP(2, [16, 16, 1]) | {ms['numpy']:.3f} | "
        f"{ms['micrograd_cn']:.1f} | {results['slowdown']}× |",
    ])


def main(argv: list[str] | None = None) -> int:
    return common.main(argv, __doc__, "bench_numpy.json", run, table)


if __name__ == "__main__":
    sys.exit(main())
