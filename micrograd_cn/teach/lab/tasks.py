"""The lab's six tasks and their check cases, as plain data that is the same on every run.

A task names what the student writes (methods of ``Value``, classes of ``nn``, the
function of ``bp``) and its check cases. The cases of the operation tasks (1–3) are
``OpCase`` records drawn from ``random.Random(seed)`` inside each operation's domain,
so a rerun checks the same inputs and a message can be reproduced by hand. The
formulas here are written once and shown in messages in either language: they are
mathematics, not prose.

The check process (``probe``) imports this module next to the student's code, so it
imports only the standard library.
"""

from __future__ import annotations

import random
from typing import NamedTuple

SEED = 27  # the number: task n draws its cases from random.Random(SEED * 10 + n)


class Task(NamedTuple):
    number: int
    name: str  # the catalog key of its name in the user's language
    module: str  # the student's file it checks: my_micrograd/<module>.py
    parts: tuple[str, ...]  # what the student writes, as the hint and the README name it
    bonus: bool = False


TASKS: tuple[Task, ...] = (
    Task(1, "lab_task_1", "engine", ("Value.__add__", "Value.__radd__", "Value.__mul__", "Value.__rmul__")),
    Task(2, "lab_task_2", "engine", ("Value.__pow__", "Value.__neg__", "Value.__sub__", "Value.__rsub__",
                                     "Value.__truediv__", "Value.__rtruediv__")),
    Task(3, "lab_task_3", "engine", ("Value.relu", "Value.exp", "Value.log", "Value.tanh", "Value.sigmoid")),
    Task(4, "lab_task_4", "engine", ("Value.backward",)),
    Task(5, "lab_task_5", "nn", ("Neuron", "Layer", "MLP")),
    Task(6, "lab_task_6", "bp", ("backprop",), bonus=True),
)
NUMBERS = tuple(task.number for task in TASKS)

# The methods of Value each engine task owns. While task n is checked, every method of
# the other engine tasks is replaced by a reference written to the same contract, so
# one mistake costs one task (a swapped derivative in * does not fail / and the MLP).
METHODS: dict[int, tuple[str, ...]] = {
    1: ("__add__", "__radd__", "__mul__", "__rmul__"),
    2: ("__pow__", "__neg__", "__sub__", "__rsub__", "__truediv__", "__rtruediv__"),
    3: ("relu", "exp", "log", "tanh", "sigmoid"),
    4: ("backward",),
}


class OpSpec(NamedTuple):
    """How an operation is called and written."""

    name: str
    inputs: tuple[str, ...]  # the names of its inputs in messages; pow's second is the number n
    expr: str  # the output, written with those names
    local: tuple[str, ...]  # ∂out/∂input for each Value input, written with those names
    method: str  # the Value method behind ``a op b`` / ``op(a)``
    rmethod: str = ""  # the reflected method behind ``2 op b``
    same: str = ""  # ∂(a op a)/∂a, for the case where one Value is both inputs
    overflow: str = ""  # the catalog key of the hint for an overflow at large |x| (sigmoid, tanh)

    @property
    def values(self) -> int:
        """How many inputs are Values (pow's second input is a plain number)."""
        return len(self.local)


OPS: dict[str, OpSpec] = {spec.name: spec for spec in (
    OpSpec("add", ("a", "b"), "a + b", ("1", "1"), "__add__", "__radd__", "1 + 1"),
    OpSpec("mul", ("a", "b"), "a·b", ("b", "a"), "__mul__", "__rmul__", "a + a"),
    OpSpec("pow", ("a", "n"), "a**n", ("n·a**(n − 1)",), "__pow__"),
    OpSpec("neg", ("a",), "−a", ("−1",), "__neg__"),
    OpSpec("sub", ("a", "b"), "a − b", ("1", "−1"), "__sub__", "__rsub__"),
    OpSpec("div", ("a", "b"), "a / b", ("1/b", "−a/b²"), "__truediv__", "__rtruediv__"),
    OpSpec("relu", ("x",), "relu(x)", ("1 (x > 0), 0 (x < 0)",), "relu"),
    OpSpec("exp", ("x",), "exp(x)", ("exp(x)",), "exp"),
    OpSpec("log", ("x",), "log(x)", ("1/x",), "log"),
    OpSpec("tanh", ("x",), "tanh(x)", ("1 − tanh²(x)",), "tanh", overflow="lab_hint_tanh_stable"),
    OpSpec("sigmoid", ("x",), "σ(x)", ("σ(x)·(1 − σ(x))",), "sigmoid", overflow="lab_hint_sigmoid_stable"),
)}


class OpCase(NamedTuple):
    """One check of one operation.

    ``form`` says how it is called: "vv" both inputs Values, "vn" the second a plain
    number, "nv" the first a plain number (the reflected method), "v" one Value
    (a unary op, or pow with its number n), "same" one Value as both inputs,
    "pre" the inputs' gradients hold ``pre`` already (so ``=`` instead of ``+=``
    shows), "up" the output's gradient is ``g`` instead of 1 (the chain rule's factor).
    """

    op: str
    form: str
    args: tuple[float, ...]
    g: float = 1.0
    pre: float = 0.0


def _operand(rng: random.Random, low: float, high: float, avoid: tuple[float, ...] = ()) -> float:
    """A number with one decimal in [low, high], at least 0.5 from 0, whose size differs from ``avoid``'s.

    Distinct sizes keep every mistake visible: with a = b, swapped derivatives of a·b
    would give the right numbers.
    """
    while True:
        x = round(rng.uniform(low, high), 1)
        if abs(x) >= 0.5 and all(abs(abs(x) - abs(y)) >= 0.3 for y in avoid):
            return x


def _binary(rng: random.Random, op: str, forms: tuple[str, ...]) -> list[OpCase]:
    cases = []
    for form in forms:
        a = _operand(rng, -4.0, 4.0)
        b = _operand(rng, -4.0, 4.0, (a,))
        g = round(rng.uniform(1.5, 3.0), 1) if form == "up" else 1.0
        pre = 0.25 if form == "pre" else 0.0
        cases.append(OpCase(op, form, (a, b), g, pre))
    return cases


def _unary(rng: random.Random, op: str, low: float, high: float, forms: tuple[str, ...],
           signs: bool = False) -> list[OpCase]:
    cases = []
    for i, form in enumerate(forms):
        x = _operand(rng, low, high)
        if signs:  # relu: alternate the sides of the kink
            x = abs(x) if i % 2 == 0 else -abs(x)
        g = round(rng.uniform(1.5, 3.0), 1) if form == "up" else 1.0
        pre = 0.25 if form == "pre" else 0.0
        cases.append(OpCase(op, form, (x,), g, pre))
    return cases


def op_cases(task: int) -> list[OpCase]:
    """The check cases of an operation task (1, 2 or 3), in the order they are checked."""
    rng = random.Random(SEED * 10 + task)
    if task == 1:
        return (_binary(rng, "add", ("vv", "vv", "vn", "nv", "same", "pre", "up"))
                + _binary(rng, "mul", ("vv", "vv", "vn", "nv", "same", "pre", "up")))
    if task == 2:
        cases = []
        for n, form in ((2, "v"), (3, "v"), (-1, "v"), (-2, "v"), (0.5, "v"), (1.5, "v"), (2, "pre"), (3, "up")):
            a = _operand(rng, 0.5, 3.0) if isinstance(n, float) else _operand(rng, -3.0, 3.0)
            g = round(rng.uniform(1.5, 3.0), 1) if form == "up" else 1.0
            cases.append(OpCase("pow", form, (a, n), g, 0.25 if form == "pre" else 0.0))
        return (cases + _unary(rng, "neg", -4.0, 4.0, ("v", "pre"))
                + _binary(rng, "sub", ("vv", "vn", "nv", "pre", "up"))
                + _binary(rng, "div", ("vv", "vv", "vn", "nv", "pre", "up")))
    if task == 3:
        large = [OpCase("sigmoid", "v", (x,)) for x in (-1000.0, 1000.0)]
        large += [OpCase("tanh", "v", (x,)) for x in (1000.0, -1000.0)]
        return (_unary(rng, "relu", -4.0, 4.0, ("v", "v", "pre", "up"), signs=True)
                + _unary(rng, "exp", -3.0, 3.0, ("v", "v", "pre", "up"))
                + _unary(rng, "log", 0.5, 5.0, ("v", "v", "pre", "up"))
                + _unary(rng, "tanh", -2.5, 2.5, ("v", "v", "pre", "up"))
                + _unary(rng, "sigmoid", -4.0, 4.0, ("v", "v", "pre", "up"))
                + large)
    raise ValueError(f"task {task} has no operation cases")


# Task 4: a chain this long needs a topological sort without recursion (Python stops near 1,000 calls).
CHAIN = 5000

# Task 5: the fixed small data set of the SGD step (two inputs, one target each).
SGD_DATA = (((1.0, 0.5), 1.0), ((-0.5, 1.5), -1.0), ((2.0, -1.0), 0.5), ((0.0, -2.0), -0.5))
SGD_RATE = 0.05

# Task 6: the 2-3-1 network of the bonus (layers numbered as Nielsen does: 1 input, 2 hidden, 3 output).
BP_SHAPE = (2, 3, 1)
