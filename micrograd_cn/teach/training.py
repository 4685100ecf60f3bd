"""What a lesson deck's network pages compute: a network from a page's keys, its cost on a
batch, and a training run stored as frames (the matrix form is ``teach.matrices``').

``network(spec)`` makes the MLP a checked ``network``/``matrix``/``train`` page describes
(its ``weights`` set, or drawn from its ``seed``). ``cost(outputs, y, name)`` is one
sample's cost: ``half_sse`` ½Σⱼ(aⱼ − yⱼ)², ``mse`` the mean of (aⱼ − yⱼ)², ``sse``
Σⱼ(aⱼ − yⱼ)², ``ce`` the binary cross-entropy summed over the outputs, ``hinge``
max(0, 1 − y·s). A batch's cost is the mean over its samples, except ``sse``, which sums
(the cost of the 3 → 2 layer trained for 1,000 steps: Σ over both samples and outputs).

``train(spec)`` runs SGD with the engine for the page's ``steps`` and keeps every step's
cost and accuracy, and, at up to ``MAX_FRAMES`` evenly spaced steps, the weights and (for
two inputs and one output) the decision boundary on a grid: the page plays them back.

Imports: engine, nn, i18n and teach's deck (the checked keys).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from micrograd_cn.engine import Value
from micrograd_cn.nn import MLP, SGD
from micrograd_cn.teach.deck import training_data

MAX_FRAMES = 101  # frames stored for the slider (every step's cost is kept besides)
GRID = 28  # points per side of the decision-boundary grid


def network(spec: Mapping[str, Any]) -> MLP:
    """The MLP of a checked network page (its weights, else its seed's)."""
    sizes = spec["sizes"]
    mlp = MLP(sizes[0], list(sizes[1:]), activation=spec["activation"],
              output_activation=spec["output_activation"], seed=spec["seed"])
    if "weights" in spec:
        mlp.set_weights(spec["weights"]["W"], spec["weights"]["b"])
    return mlp


def _outputs(mlp: MLP, x: Sequence[float]) -> list[Value]:
    out = mlp(x)
    return out if isinstance(out, list) else [out]


def cost(outputs: Sequence[Value], y: Sequence[float], name: str) -> Value:
    """One sample's cost (module docstring) as a Value."""
    if name == "hinge":
        return (1.0 - outputs[0] * y[0]).relu()
    if name == "ce":
        terms = [-(a.log() * t + (1.0 - a).log() * (1.0 - t)) if 0.0 < t < 1.0
                 else -(a.log() if t == 1.0 else (1.0 - a).log()) for a, t in zip(outputs, y)]
    else:
        terms = [(a - t) ** 2 for a, t in zip(outputs, y)]
    total = terms[0]
    for term in terms[1:]:
        total = total + term
    if name == "half_sse":
        return total * 0.5
    if name == "mse":
        return total / len(terms)
    return total


def batch_cost(mlp: MLP, X: Sequence[Sequence[float]], Y: Sequence[Sequence[float]],
               name: str) -> tuple[Value, list[list[Value]]]:
    """The batch's cost (mean over the samples, a sum for ``sse``) and each sample's outputs."""
    outs = []
    total: Value | None = None
    for x, y in zip(X, Y):
        o = _outputs(mlp, x)
        outs.append(o)
        c = cost(o, y, name)
        total = c if total is None else total + c
    assert total is not None
    return (total if name == "sse" or len(X) == 1 else total / len(X)), outs


# ------------------------------------------------------------------ training
@dataclass(frozen=True)
class Frame:
    step: int  # updates done so far
    cost: float
    accuracy: float
    weights: tuple[float, ...]  # every parameter (a few for a large network)
    grid: tuple[tuple[float, ...], ...] | None  # the output on the boundary grid (2 inputs, 1 output)


@dataclass(frozen=True)
class TrainRun:
    costs: tuple[float, ...]  # cost after 0, 1, …, steps updates
    accuracies: tuple[float, ...]
    frames: tuple[Frame, ...]
    weight_names: tuple[str, ...]
    points: tuple[tuple[float, ...], ...]  # the data (for the boundary picture)
    labels: tuple[float, ...]  # each point's first target
    box: tuple[float, float, float, float]  # x min, x max, y min, y max of the grid
    threshold: float  # where the output splits the two classes (0 or 0.5)

    @property
    def final_cost(self) -> float:
        return self.costs[-1]


def _accuracy(outs: list[list[Value]], Y: Sequence[Sequence[float]], loss: str) -> float:
    right = 0
    for o, y in zip(outs, Y):
        values = [v.data for v in o]
        if loss == "hinge":
            right += (values[0] > 0) == (y[0] > 0)
        elif len(values) > 1 and sum(y) == 1.0 and all(t in (0.0, 1.0) for t in y):
            right += values.index(max(values)) == list(y).index(1.0)
        else:
            right += all((v > 0.5) == (t > 0.5) for v, t in zip(values, y))
    return right / len(Y)


def _plain_forward(weights: list[tuple[list[list[float]], list[float]]], acts: list[str],
                   x: Sequence[float]) -> float:
    """The first output for input x, with plain floats (the boundary grid only)."""
    a = list(x)
    for (W, b), act in zip(weights, acts):
        z = [sum(w * v for w, v in zip(row, a)) + bj for row, bj in zip(W, b)]
        if act == "tanh":
            a = [math.tanh(v) for v in z]
        elif act == "sigmoid":
            a = [1 / (1 + math.exp(-v)) if v > -700 else 0.0 for v in z]
        elif act == "relu":
            a = [max(v, 0.0) for v in z]
        else:
            a = z
    return a[0]


def train(spec: Mapping[str, Any]) -> TrainRun:
    """Train a checked ``train`` page's network with SGD (ArithmeticError when it diverges)."""
    X, Y = training_data(spec)
    mlp = network(spec)
    params = mlp.parameters()
    opt = SGD(params, lr=spec["lr"])
    steps, loss = spec["steps"], spec["loss"]
    every = max(1, math.ceil(steps / (MAX_FRAMES - 1)))
    marks = set(range(0, steps + 1, every)) | {steps}
    grid_on = spec["sizes"][0] == 2 and spec["sizes"][-1] == 1
    acts = [n.neurons[0].activation for n in mlp.layers]
    xs = [p[0] for p in X] if grid_on else [0.0]
    ys = [p[1] for p in X] if grid_on else [0.0]
    pad_x, pad_y = (max(xs) - min(xs)) * 0.1 + 0.1, (max(ys) - min(ys)) * 0.1 + 0.1
    box = (min(xs) - pad_x, max(xs) + pad_x, min(ys) - pad_y, max(ys) + pad_y)
    shown = list(range(len(params))) if len(params) <= 24 else list(range(12))
    names = tuple(params[i].label or f"p{i + 1}" for i in shown)
    costs, accs, frames = [], [], []
    for step in range(steps + 1):
        C, outs = batch_cost(mlp, X, Y, loss)
        costs.append(C.data)
        accs.append(_accuracy(outs, Y, loss))
        if step in marks:
            grid = None
            if grid_on:
                weights = [([[w.data for w in n.w] for n in layer.neurons], [n.b.data for n in layer.neurons])
                           for layer in mlp.layers]
                grid = tuple(tuple(_plain_forward(weights, acts, (
                    box[0] + (box[1] - box[0]) * (i + 0.5) / GRID,
                    box[3] - (box[3] - box[2]) * (j + 0.5) / GRID)) for i in range(GRID)) for j in range(GRID))
            frames.append(Frame(step, C.data, accs[-1], tuple(params[i].data for i in shown), grid))
        if step == steps:
            break
        opt.zero_grad()
        C.backward()
        opt.step()
    threshold = 0.0 if loss == "hinge" or spec["output_activation"] in ("linear", "tanh") else 0.5
    return TrainRun(tuple(costs), tuple(accs), tuple(frames), names,
                    tuple(tuple(p) for p in X) if grid_on else (), tuple(y[0] for y in Y) if grid_on else (),
                    box, threshold)
