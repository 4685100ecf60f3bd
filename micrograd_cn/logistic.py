"""The logistic neuron by hand: every derivative of seeds 000/002/003, traced and checked.

One sample (``logistic_neuron``):

    z = w·x + b,   a = σ(z),   L = −y·log a − (1−y)·log(1−a)

is built from elementary Values (×, +, σ, log, −) so that the tracer shows every
chain-rule step. Next to the engine's numbers the report puts the closed forms

    ∂L/∂a = −y/a + (1−y)/(1−a)    ∂a/∂z = a(1−a)    ∂L/∂z = a − y
    ∂L/∂wᵢ = xᵢ(a − y)            ∂L/∂b = a − y

evaluated from the forward values a, y, x alone: they are an independent
oracle, not a re-reading of the engine's derivatives.

m samples (``logistic_batch``): J = (1/m) Σ L⁽ⁱ⁾ with shared w and b, and
∂J/∂w = (1/m) X (A − Y)ᵀ, ∂J/∂b = mean(A − Y) (X has one column per sample).

Both return a report object; ``report.render(lang)`` gives the text.

Imports: engine, i18n, table and trace.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from micrograd_cn.engine import Value, to_float
from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.table import num, sub, sup, table
from micrograd_cn.trace import Step, render_trace, trace


def _sample(i: int) -> str:
    """The superscript ⁽ⁱ⁾ that names sample i of a batch."""
    return sup(f"({i})")


@dataclass(frozen=True)
class Check:
    """One derivative, from the engine and from its closed form."""

    name: str  # ∂L/∂a, ∂J/∂w₁, …
    formula: str  # the closed form, printable
    engine: float  # what backpropagation gave
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


def _nonempty(values: object, what: str) -> Sequence:
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__") or len(values) == 0:
        raise ValueError(t("logistic_bad_vector", what=what, value=show(values)))
    return values


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
    """z, a and L of one sample from elementary ops, every interior node labeled.

    ``tag`` is "" for a single sample, or ⁽ⁱ⁾ in a batch.
    """
    xs = [Value(xi, label=f"x{sub(i + 1)}{tag}") for i, xi in enumerate(x)]
    yv = Value(y, label=f"y{tag}")
    one_minus_y = Value(1.0 - y, label=f"1−y{tag}")  # a given number, like y itself
    terms = []
    for i, (wi, xi) in enumerate(zip(w, xs)):
        term = wi * xi
        term.label = f"w{sub(i + 1)}x{sub(i + 1)}{tag}"
        terms.append(term)
    z = terms[0]
    for term in terms[1:]:
        z = z + term  # partial sums stay unlabeled (v{k}); the last one is w·x
    if len(terms) > 1:
        z.label = f"w·x{tag}"
    z = z + b
    z.label = f"z{tag}"
    a = z.sigmoid()
    a.label = f"a{tag}"
    if a.data in (0.0, 1.0):
        raise ValueError(t("logistic_saturated", tag=tag, z=num(z.data), a=num(a.data)))
    log_a = a.log()
    log_a.label = f"log(a{tag})"
    one_minus_a = 1.0 - a
    one_minus_a.label = f"1−a{tag}"
    log_1ma = one_minus_a.log()
    log_1ma.label = f"log(1−a{tag})"
    first = yv * log_a
    first.label = f"ℓ₁{tag}"
    second = one_minus_y * log_1ma
    second.label = f"ℓ₂{tag}"
    both = first + second
    both.label = f"ℓ{tag}"
    loss = -both
    loss.label = f"L{tag}"
    return _Sample(xs, yv, z, a, loss)


def _params(w: Sequence[float], b: float) -> tuple[list[Value], Value]:
    return ([Value(wi, label=f"w{sub(i + 1)}") for i, wi in enumerate(w)], Value(b, label="b"))


# ------------------------------------------------------------------ one sample
@dataclass
class LogisticReport:
    """One logistic neuron on one sample: the graph, its trace and the closed forms."""

    x: list[float]
    y: float
    w: list[float]
    b: float
    z: float
    a: float
    loss: float
    root: Value  # L, after the traced backward pass
    steps: list[Step]
    checks: list[Check]

    @property
    def max_diff(self) -> float:
        return max(c.diff for c in self.checks)

    def render(self, lang: str | None = None, style: str = "table") -> str:
        lang = check_lang(lang)
        lines = [t("logistic_title", lang), "",
                 render_trace(self.root, lang=lang, style=style), "",
                 t("logistic_checks_title", lang)]
        lines += _check_table(self.checks, lang)
        lines.append(t("logistic_agree", lang, diff=num(self.max_diff, 3)))
        return "\n".join(lines)


def logistic_neuron(x: Sequence[float], y: float, w: Sequence[float], b: float) -> LogisticReport:
    """Build, trace and check one logistic neuron on one sample.

    ``logistic_neuron([1, 2], 1, [0.5, -0.3], 0.1).render("en")`` is the text of
    ``micrograd-cn logistic --x 1 2 --y 1 --w 0.5 -0.3 --b 0.1 --lang en``.
    """
    (x,), (y,), w, b = _check_inputs([x], [y], w, b)
    wv, bv = _params(w, b)
    s = _build(x, y, wv, bv, "")
    s.L.backward()
    steps = trace(s.L)
    a = s.a.data
    # Closed forms from the forward values only (seed 002).
    checks = [
        Check("∂L/∂a", "−y/a + (1−y)/(1−a)", s.a.grad, -y / a + (1.0 - y) / (1.0 - a)),
        Check("∂a/∂z", "a(1−a)", s.a.edges()[0].local, a * (1.0 - a)),
        Check("∂L/∂z", "a − y", s.z.grad, a - y),
    ]
    checks += [Check(f"∂L/∂w{sub(i + 1)}", f"x{sub(i + 1)}(a − y)", wi.grad, xi * (a - y))
               for i, (wi, xi) in enumerate(zip(wv, x))]
    checks.append(Check("∂L/∂b", "a − y", bv.grad, a - y))
    return LogisticReport(x, y, w, b, s.z.data, a, s.L.data, s.L, steps, checks)


# ------------------------------------------------------------------ m samples
@dataclass
class BatchReport:
    """One logistic neuron on m samples with the mean cost J = (1/m) Σ L⁽ⁱ⁾."""

    X: list[list[float]]  # one row per sample (the texts' X is its transpose)
    Y: list[float]
    w: list[float]
    b: float
    Z: list[float]
    A: list[float]
    losses: list[float]
    cost: float  # J
    root: Value  # J, after backward
    checks: list[Check]

    @property
    def max_diff(self) -> float:
        return max(c.diff for c in self.checks)

    def render(self, lang: str | None = None) -> str:
        lang = check_lang(lang)
        m = len(self.X)
        lines = [t("logistic_batch_title", lang, m=m), ""]
        header = ["i"] + [f"x{sub(j + 1)}" for j in range(len(self.w))] + [
            "y", "z", "a = σ(z)", "a − y", "L"]
        rows = []
        for i in range(m):
            rows.append([str(i + 1)] + [num(v) for v in self.X[i]] + [
                num(self.Y[i]), num(self.Z[i]), num(self.A[i]), num(self.A[i] - self.Y[i]),
                num(self.losses[i])])
        lines += table(header, rows)
        lines += ["", t("logistic_cost", lang, m=m, cost=num(self.cost)), "",
                  t("logistic_batch_checks_title", lang)]
        lines += _check_table(self.checks, lang)
        lines.append(t("logistic_agree", lang, diff=num(self.max_diff, 3)))
        return "\n".join(lines)


def logistic_batch(X: Sequence[Sequence[float]], Y: Sequence[float], w: Sequence[float],
                   b: float) -> BatchReport:
    """m samples (rows of X) with labels Y: J and its gradients, engine against closed forms."""
    X, Y, w, b = _check_inputs(X, Y, w, b)
    m = len(X)
    wv, bv = _params(w, b)
    samples = [_build(x, y, wv, bv, _sample(i + 1) if m > 1 else "") for i, (x, y) in
               enumerate(zip(X, Y))]
    total = samples[0].L
    for s in samples[1:]:
        total = total + s.L
    J = total / m
    J.label = "J"
    J.backward()
    A = [s.a.data for s in samples]
    # ∂J/∂w = (1/m) X (A − Y)ᵀ and ∂J/∂b = mean(A − Y), from forward values only (seed 000).
    residual = [ai - yi for ai, yi in zip(A, Y)]
    checks = [Check(f"∂J/∂w{sub(j + 1)}", f"(1/m) Σᵢ x{sub(j + 1)}⁽ⁱ⁾(a⁽ⁱ⁾ − y⁽ⁱ⁾)", wj.grad,
                    sum(x[j] * r for x, r in zip(X, residual)) / m)
              for j, wj in enumerate(wv)]
    checks.append(Check("∂J/∂b", "(1/m) Σᵢ (a⁽ⁱ⁾ − y⁽ⁱ⁾)", bv.grad, sum(residual) / m))
    return BatchReport(X, Y, w, b, [s.z.data for s in samples], A, [s.L.data for s in samples],
                       J.data, J, checks)


def _check_table(checks: Sequence[Check], lang: str) -> list[str]:
    header = [t(k, lang) for k in ("logistic_col_name", "logistic_col_formula",
                                   "logistic_col_engine", "logistic_col_closed",
                                   "logistic_col_diff")]
    rows = [[c.name, c.formula, num(c.engine), num(c.closed), num(c.diff, 3)] for c in checks]
    return table(header, rows, "<<>>>")
