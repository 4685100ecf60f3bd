"""The logistic neuron by hand: every derivative of seeds 000/002, traced and checked.

One sample (``logistic_neuron``), in the seeds' notation:

    z = w·x + b,   a = σ(z),   L = −[y·log(a) + (1 − y)·log(1 − a)]

is built from elementary Values so that the trace shows every chain-rule step.
Every node carries one name: the data x₁ … xₙ and y, the parameters w₁ … wₙ and b,
z (one weighted-sum node, so ∂z/∂wᵢ = xᵢ is one local derivative, as in seed 002),
a, and the pieces of the loss, written as they read: ``log(a)``, ``1 − a``,
``log(1 − a)``, ``1 − y`` (computed from y: one y node), ``ℓ₁ = y·log(a)``,
``ℓ₂ = (1 − y)·log(1 − a)``, their sum ``ℓ`` (the log-likelihood) and ``L = −ℓ``.

x and y are data (seed 002 never differentiates them): the report follows the
gradient into the parameters only. ``data=True`` also follows it into x and y,
and then checks ∂L/∂xᵢ = wᵢ(a − y) and ∂L/∂y = log(1 − a) − log(a) = −z.

Next to the engine's numbers the report puts the closed forms of seed 002

    ∂L/∂a = −y/a + (1 − y)/(1 − a)   ∂a/∂z = a(1 − a)   ∂L/∂z = a − y
    ∂L/∂wᵢ = xᵢ(a − y)               ∂L/∂b = a − y

evaluated from the forward values alone: an independent oracle, not a re-reading
of the engine's derivatives.

m samples (``logistic_batch``): J = (1/m) Σ L⁽ⁱ⁾ with shared w and b, and
∂J/∂w = (1/m) X (A − Y)ᵀ, ∂J/∂b = (1/m) Σ (a⁽ⁱ⁾ − y⁽ⁱ⁾) (X has one column per sample).

Both build their graph once and keep a ``snapshot.Snapshot`` of it (the engine's
gradients, computed on the side: no ``.grad`` is read or written) and the closed
forms as plain numbers. ``report.blocks(lang)`` gives ``doc`` blocks,
``report.render(lang, style, fmt)`` text, Markdown or LaTeX, ``report.to_json()``
the snapshot and the checks as JSON. Rendering is a pure function of those numbers,
so it gives the same text every time.

Imports: engine, snapshot, trace, doc, i18n and table.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Sequence, cast

from micrograd_cn.engine import Value, to_float, weighted_sum
from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.notation import DIFF, num, sub, sup, zero_if_rounding
from micrograd_cn.teach import doc
from micrograd_cn.teach.doc import Block, Heading, Math, Para, Table
from micrograd_cn.teach.snapshot import Snapshot, snapshot
from micrograd_cn.teach.trace import trace_blocks

FORMATS = doc.REPORT_FORMATS


def _sample(i: int) -> str:
    """The superscript ⁽ⁱ⁾ that names sample i of a batch."""
    return sup(f"({i})")


@dataclass(frozen=True)
class Check:
    """One derivative, from the engine and from its closed form."""

    name: str  # ∂L/∂a, ∂J/∂w₁, …
    formula: str  # the closed form, printable
    engine: float  # what backpropagation gave (from the snapshot)
    closed: float  # the closed form evaluated on forward values

    @property
    def diff(self) -> float:
        return abs(self.engine - self.closed)


# ------------------------------------------------------------------ input checks
def _number(value: object, what: str) -> float:
    """``value`` as a float, checked by the engine's own rule (a finite real, not a bool)."""
    try:
        return to_float(value, what)
    except (TypeError, ValueError):
        raise ValueError(t("logistic_bad_number", what=what, value=show(value))) from None


def _nonempty(values: object, what: str) -> Sequence[object]:
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__") or len(values) == 0:
        raise ValueError(t("logistic_bad_vector", what=what, value=show(values)))
    return cast(Sequence[object], values)  # anything with a length: a list, a tuple, a NumPy array


def _vector(values: object, what: str) -> list[float]:
    return [_number(v, f"{what}[{i}]") for i, v in enumerate(_nonempty(values, what))]


def _label(value: object, what: str) -> float:
    y = _number(value, what)
    if not 0.0 <= y <= 1.0:
        raise ValueError(t("logistic_bad_label", what=what, value=num(y)))
    return y


def _check_inputs(X: object, Y: object, w: object, b: object) -> tuple[list[list[float]],
                                                                    list[float], list[float], float]:
    w = _vector(w, "w")
    b = _number(b, "b")
    X = _nonempty(X, "x")

    def tag(i: int) -> str:  # x⁽ⁱ⁾ in a batch, plain x for one sample
        return _sample(i + 1) if len(X) > 1 else ""

    rows = [_vector(row, f"x{tag(i)}") for i, row in enumerate(X)]
    for i, row in enumerate(rows):
        if len(row) != len(w):
            raise ValueError(t("logistic_lengths", what=f"x{tag(i)}", nx=len(row), nw=len(w)))
    # Labels are named like the samples (y, or y⁽ⁱ⁾ in a batch), not y[i].
    labels = [_label(v, f"y{tag(i)}") for i, v in enumerate(_nonempty(Y, "y"))]
    if len(labels) != len(rows):
        raise ValueError(t("logistic_count", m=len(rows), ny=len(labels)))
    return rows, labels, w, b


# ------------------------------------------------------------------ the graph
@dataclass
class _Sample:
    x: list[Value]
    y: Value
    z: Value
    a: Value
    L: Value


def _build(x: Sequence[float], y: float, w: Sequence[Value], b: Value, tag: str) -> _Sample:
    """z, a and L of one sample, every node named (``tag``: "" or ⁽ⁱ⁾ in a batch).

    A node computed by one op is labelled with exactly the formula that op writes
    (``log(a)``, ``1 − a``), so the forward pass never says one thing twice; the
    products and their sum get the short names ℓ₁, ℓ₂, ℓ.
    """
    def named(value: Value, label: str) -> Value:
        value.label = label
        return value

    xs = [Value(xi, label=f"x{sub(i + 1)}{tag}") for i, xi in enumerate(x)]
    yv = Value(y, label=f"y{tag}")
    z = named(weighted_sum(w, xs, b), f"z{tag}")  # z = w₁·x₁ + … + wₙ·xₙ + b, one node
    a = named(z.sigmoid(), f"a{tag}")
    if a.data in (0.0, 1.0):
        raise ValueError(t("logistic_saturated", tag=tag, z=num(z.data), a=num(a.data)))
    log_a = named(a.log(), f"log({a.label})")
    first = named(yv * log_a, f"ℓ₁{tag}")
    one_minus_y = named(1.0 - yv, f"1 − {yv.label}")  # from y itself: one y node
    one_minus_a = named(1.0 - a, f"1 − {a.label}")
    log_1ma = named(one_minus_a.log(), f"log({one_minus_a.label})")
    second = named(one_minus_y * log_1ma, f"ℓ₂{tag}")
    both = named(first + second, f"ℓ{tag}")
    loss = named(-both, f"L{tag}")
    return _Sample(xs, yv, z, a, loss)


def _params(w: Sequence[float], b: float) -> tuple[list[Value], Value]:
    return ([Value(wi, label=f"w{sub(i + 1)}") for i, wi in enumerate(w)], Value(b, label="b"))


def _check_blocks(title: str, checks: Sequence[Check], lang: str) -> list[Block]:
    """The closed-form table: engine and closed form at table precision, their difference at DIFF."""
    header = [t(k, lang) for k in ("logistic_col_name", "logistic_col_formula",
                                   "logistic_col_engine", "logistic_col_closed",
                                   "logistic_col_diff")]
    rows = [[c.name, c.formula, num(c.engine), num(c.closed), num(c.diff, DIFF)] for c in checks]
    largest = max(c.diff for c in checks)
    return [Para(title), Table.of(header, rows, "<<>>>"),
            Para(t("logistic_agree", lang, diff=num(largest, DIFF)))]


def _json(kind: str, fields: dict, ls: Snapshot, checks: Sequence[Check]) -> str:
    data = {"kind": kind, **fields,
            "checks": [{**asdict(c), "diff": c.diff} for c in checks],
            "max_diff": max(c.diff for c in checks), "snapshot": asdict(ls)}
    return json.dumps(data, ensure_ascii=False, indent=1)


# ------------------------------------------------------------------ one sample
@dataclass(frozen=True)
class LogisticReport:
    """One logistic neuron on one sample: its snapshot and the closed forms, as plain numbers.

    ``root`` and ``params`` are the graph itself, kept only so a picture can be drawn
    (``viz.render(report.root, path, params=report.params)``); nothing here reads them.
    """

    x: tuple[float, ...]
    y: float
    w: tuple[float, ...]
    b: float
    z: float
    a: float
    loss: float
    data: bool  # the snapshot follows the gradient into x and y too
    snapshot: Snapshot
    checks: tuple[Check, ...]
    root: Value
    params: tuple[Value, ...]

    @property
    def max_diff(self) -> float:
        return max(c.diff for c in self.checks)

    @property
    def steps(self) -> tuple:
        return self.snapshot.steps

    def blocks(self, lang: str | None = None, style: str = "table") -> list[Block]:
        lang = check_lang(lang)
        blocks: list[Block] = [
            Heading(t("logistic_title", lang)), Para(t("logistic_names", lang)),
            Para(t("logistic_data_grads" if self.data else "logistic_params_only", lang)), Para("")]
        return (blocks + trace_blocks(self.snapshot, lang, style) + [Para("")]
                + _check_blocks(t("logistic_checks_title", lang), self.checks, lang))

    def render(self, lang: str | None = None, style: str = "table", fmt: str = "text") -> str:
        """The report as ``fmt``: "text" (terminal), "md", "latex" or "json"."""
        if fmt == "json":
            return self.to_json()
        return doc.render(self.blocks(lang, style), _format(fmt)).rstrip("\n")

    def to_json(self) -> str:
        """The inputs, the snapshot and the closed-form checks as JSON (numbers as numbers)."""
        return _json("logistic", {"x": list(self.x), "y": self.y, "w": list(self.w), "b": self.b,
                                  "z": self.z, "a": self.a, "L": self.loss, "data": self.data},
                     self.snapshot, self.checks)


def logistic_neuron(x: Sequence[float], y: float, w: Sequence[float], b: float, *,
                    data: bool = False) -> LogisticReport:
    """Build, trace and check one logistic neuron on one sample.

    ``logistic_neuron([1, 2], 1, [0.5, -0.3], 0.1).render("en")`` is the text of
    ``micrograd-cn logistic --x 1 2 --y 1 --w 0.5 -0.3 --b 0.1 --lang en``;
    ``data=True`` (``--data-grads``) also shows ∂L/∂xᵢ and ∂L/∂y.
    """
    (x,), (y,), w, b = _check_inputs([x], [y], w, b)
    wv, bv = _params(w, b)
    s = _build(x, y, wv, bv, "")
    ls = snapshot(s.L, [*wv, bv], data=data)
    grad = {leaf.name: leaf.grad for leaf in ls.leaves}
    a_node, z = ls.by_name("a"), s.z.data
    a = s.a.data
    # Closed forms from the forward values a, y, x, w only (seed 002).
    checks = [
        Check("∂L/∂a", "−y/a + (1 − y)/(1 − a)", a_node.grad, -y / a + (1.0 - y) / (1.0 - a)),
        Check("∂a/∂z", "a(1 − a)", a_node.locals[0], a * (1.0 - a)),
        Check("∂L/∂z", "a − y", ls.by_name("z").grad, a - y),
    ]
    checks += [Check(f"∂L/∂w{sub(i + 1)}", f"x{sub(i + 1)}(a − y)", grad[f"w{sub(i + 1)}"],
                     xi * (a - y)) for i, xi in enumerate(x)]
    checks.append(Check("∂L/∂b", "a − y", grad["b"], a - y))
    if data:  # the data's gradients, right although nobody trains on them
        checks += [Check(f"∂L/∂x{sub(i + 1)}", f"w{sub(i + 1)}(a − y)", grad[f"x{sub(i + 1)}"],
                         wi * (a - y)) for i, wi in enumerate(w)]
        checks.append(Check("∂L/∂y", "log(1 − a) − log(a) = −z", grad["y"],
                            -zero_if_rounding(z, *[wi * xi for wi, xi in zip(w, x)], b)))
    return LogisticReport(tuple(x), y, tuple(w), b, z, a, s.L.data, data, ls, tuple(checks),
                          s.L, (*wv, bv))


# ------------------------------------------------------------------ m samples
@dataclass(frozen=True)
class BatchReport:
    """One logistic neuron on m samples with the mean cost J = (1/m) Σ L⁽ⁱ⁾."""

    X: tuple[tuple[float, ...], ...]  # one row per sample (the texts' X is its transpose)
    Y: tuple[float, ...]
    w: tuple[float, ...]
    b: float
    Z: tuple[float, ...]
    A: tuple[float, ...]
    losses: tuple[float, ...]
    cost: float  # J
    data: bool
    snapshot: Snapshot
    checks: tuple[Check, ...]
    root: Value
    params: tuple[Value, ...]

    @property
    def max_diff(self) -> float:
        return max(c.diff for c in self.checks)

    def blocks(self, lang: str | None = None) -> list[Block]:
        lang = check_lang(lang)
        m = len(self.X)
        header = ["i"] + [f"x{sub(j + 1)}" for j in range(len(self.w))] + [
            "y", "z", "a = σ(z)", "a − y", "L"]
        rows = []
        for i, (x, y, z, a, loss) in enumerate(zip(self.X, self.Y, self.Z, self.A, self.losses)):
            # z is a sum of the terms wⱼxⱼ and b: zero up to their rounding prints 0
            z = zero_if_rounding(z, *[wj * xj for wj, xj in zip(self.w, x)], self.b)
            rows.append([str(i + 1)] + [num(v) for v in x] + [
                num(y), num(z), num(a), num(zero_if_rounding(a - y, a, y)), num(loss)])
        blocks: list[Block] = [
            Heading(t("logistic_batch_title", lang, m=m)), Para(""), Table.of(header, rows),
            Para(""), Math.of(t("logistic_cost", lang, m=m, cost=num(self.cost))), Para("")]
        return blocks + _check_blocks(t("logistic_batch_checks_title", lang), self.checks, lang)

    def render(self, lang: str | None = None, fmt: str = "text") -> str:
        """The report as ``fmt``: "text", "md", "latex" or "json"."""
        if fmt == "json":
            return self.to_json()
        return doc.render(self.blocks(lang), _format(fmt)).rstrip("\n")

    def to_json(self) -> str:
        return _json("logistic_batch", {
            "X": [list(x) for x in self.X], "Y": list(self.Y), "w": list(self.w), "b": self.b,
            "Z": list(self.Z), "A": list(self.A), "L": list(self.losses), "J": self.cost,
            "data": self.data}, self.snapshot, self.checks)


def logistic_batch(X: Sequence[Sequence[float]], Y: Sequence[float], w: Sequence[float],
                   b: float, *, data: bool = False) -> BatchReport:
    """m samples (rows of X) with labels Y: J and its gradients, engine against closed forms."""
    X, Y, w, b = _check_inputs(X, Y, w, b)
    m = len(X)
    wv, bv = _params(w, b)
    samples = [_build(x, y, wv, bv, _sample(i + 1) if m > 1 else "") for i, (x, y) in
               enumerate(zip(X, Y))]
    total = samples[0].L
    for s in samples[1:]:
        total = total + s.L
    if m > 1:
        total.label = "ΣL"
    J = total / m
    J.label = "J"
    ls = snapshot(J, [*wv, bv], data=data)
    grad = {leaf.name: leaf.grad for leaf in ls.leaves}
    A = [s.a.data for s in samples]
    # ∂J/∂w = (1/m) X (A − Y)ᵀ and ∂J/∂b = mean(A − Y), from forward values only (seed 000).
    residual = [ai - yi for ai, yi in zip(A, Y)]
    checks = [Check(f"∂J/∂w{sub(j + 1)}", f"(1/m) Σᵢ x{sub(j + 1)}⁽ⁱ⁾(a⁽ⁱ⁾ − y⁽ⁱ⁾)",
                    grad[f"w{sub(j + 1)}"], sum(x[j] * r for x, r in zip(X, residual)) / m)
              for j in range(len(w))]
    checks.append(Check("∂J/∂b", "(1/m) Σᵢ (a⁽ⁱ⁾ − y⁽ⁱ⁾)", grad["b"], sum(residual) / m))
    if data:
        for i, (s, x, r) in enumerate(zip(samples, X, residual)):
            tag = _sample(i + 1) if m > 1 else ""
            checks += [Check(f"∂J/∂x{sub(j + 1)}{tag}", f"w{sub(j + 1)}(a{tag} − y{tag})/m",
                             grad[f"x{sub(j + 1)}{tag}"], wj * r / m) for j, wj in enumerate(w)]
            z = zero_if_rounding(s.z.data, *[wj * xj for wj, xj in zip(w, x)], b)
            checks.append(Check(f"∂J/∂y{tag}", f"−z{tag}/m", grad[f"y{tag}"], -z / m))
    return BatchReport(tuple(tuple(x) for x in X), tuple(Y), tuple(w), b,
                       tuple(s.z.data for s in samples), tuple(A),
                       tuple(s.L.data for s in samples), J.data, data, ls, tuple(checks),
                       J, (*wv, bv))


def _format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(t("report_bad_format", fmt=show(fmt), choices=", ".join(FORMATS)))
    return fmt
