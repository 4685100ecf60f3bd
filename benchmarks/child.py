"""One library alone in a fresh interpreter: the moons step or a digits epoch, timed.

    python -m benchmarks.child < spec.json      (vs_micrograd.py runs it; cwd = the checkout)

A user's training loop never shares a process with another library's graphs, so
``vs_micrograd.py`` also times each library here, in its own process, beside the
same-process comparison. This module imports nothing at the top: the child
imports only the library it times (micrograd's child never loads micrograd_cn,
and the other way round), and it reads the points, the initial weights and the
constants from the JSON spec on stdin, so both sides start from the same numbers.

Spec: {"task": "moons", "library": "micrograd" | "micrograd_cn", "fused": bool,
"gc_off": bool, "X", "y", "weights", "sizes", "alpha", "lr", "warmup", "steps"}
or {"task": "digits", "gc_off": bool, "epochs": int, "quick": bool}.
Prints {"seconds": [...]}: one entry per timed step (moons) or per epoch (digits).
``gc_off`` disables the cyclic collector in this child only (never in a library).

Imports: the standard library; micrograd or micrograd_cn inside the functions.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from typing import Any, Callable


def mg_loss(model: Any, X: list[list[float]], y: list[int], alpha: float) -> Any:
    """micrograd's demo loss, written as in its notebook."""
    from micrograd.engine import Value

    inputs = [list(map(Value, row)) for row in X]
    scores = list(map(model, inputs))
    losses = [(1 + -yi * score).relu() for yi, score in zip(y, scores)]
    data_loss = sum(losses) * (1.0 / len(losses))
    reg_loss = alpha * sum(p * p for p in model.parameters())
    return data_loss + reg_loss


def mg_step(model: Any, X: list[list[float]], y: list[int], alpha: float, lr: float) -> float:
    """One micrograd training step: forward, zero_grad, backward, SGD update."""
    loss = mg_loss(model, X, y, alpha)
    model.zero_grad()
    loss.backward()
    for p in model.parameters():
        p.data -= lr * p.grad
    return loss.data


def _moons_step(spec: dict[str, Any]) -> Callable[[], object]:
    X, y, alpha, lr = spec["X"], spec["y"], spec["alpha"], spec["lr"]
    if spec["library"] == "micrograd":
        from micrograd.nn import MLP as MgMLP

        theirs = MgMLP(2, spec["sizes"])
        for p, w in zip(theirs.parameters(), spec["weights"], strict=True):
            p.data = w
        return lambda: mg_step(theirs, X, y, alpha, lr)

    from micrograd_cn.demos.moons import loss
    from micrograd_cn.nn import MLP, SGD

    ours = MLP(2, spec["sizes"], fused=spec["fused"])
    for p, w in zip(ours.parameters(), spec["weights"], strict=True):
        p.data = w
    opt = SGD(ours.parameters(), lr=lr)

    def step() -> float:
        current = loss(ours, [ours(x) for x in X], y)
        opt.zero_grad()
        current.backward()
        opt.step()
        return current.data
    return step


def moons(spec: dict[str, Any]) -> list[float]:
    """Seconds per step after ``warmup`` untimed steps, as a training loop runs them."""
    step = _moons_step(spec)
    for _ in range(spec["warmup"]):
        step()
    if spec["gc_off"]:
        gc.disable()
    seconds = []
    for _ in range(spec["steps"]):
        start = time.perf_counter()
        step()
        seconds.append(time.perf_counter() - start)
    return seconds


def digits(spec: dict[str, Any]) -> list[float]:
    """The digits demo's training, without pictures: its seconds per epoch."""
    from micrograd_cn.demos import digits as demo

    if spec["gc_off"]:
        gc.disable()
    return demo.run("en", epochs=spec["epochs"], quick=spec["quick"], plots=False).epoch_seconds


def main() -> int:
    spec = json.load(sys.stdin)
    task = {"moons": moons, "digits": digits}[spec["task"]]
    print(json.dumps({"seconds": task(spec)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
