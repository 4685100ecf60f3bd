"""Check gradients yourself: central finite differences against ``backward()``.

    f'(x) ≈ (f(x + h) − f(x − h)) / 2h

has an error of order h², so with h = 1e-6 it agrees with an exact gradient to
about 1e-8 (rounding, of order ε/h, takes over below that). ``gradcheck``
perturbs one input at a time, so it needs 2 forward passes per input, while
backpropagation gets all the gradients from one forward and one backward pass.

Imports: engine, i18n and table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from micrograd_cn.engine import Number, Value
from micrograd_cn.i18n import show, t
from micrograd_cn.notation import CHECK, DIFF, num

# The default tolerance (see ``agrees``): well above the ~1e-8 error of central
# differences, far below what a wrong derivative is off by.
ATOL, RTOL = 1e-6, 1e-5


def agrees(backprop: float, numerical: float, atol: float = ATOL, rtol: float = RTOL) -> bool:
    """The pass rule of ``gradcheck``: |backprop − numerical| ≤ atol + rtol·|numerical|."""
    return abs(backprop - numerical) <= atol + rtol * abs(numerical)


@dataclass(frozen=True)
class GradRow:
    """One input's gradient, both ways."""

    index: int
    value: float
    backprop: float
    numerical: float

    @property
    def abs_error(self) -> float:
        return abs(self.backprop - self.numerical)

    @property
    def rel_error(self) -> float:
        scale = max(abs(self.backprop), abs(self.numerical))
        return self.abs_error / scale if scale > 0.0 else 0.0


@dataclass(frozen=True)
class GradcheckResult:
    """The outcome of ``gradcheck``: per-input rows and the largest errors."""

    rows: tuple[GradRow, ...]
    max_abs_error: float
    max_rel_error: float
    ok: bool

    def report(self, lang: str | None = None) -> str:
        verdict = t("gradcheck_ok" if self.ok else "gradcheck_fail", lang)
        lines = [t("gradcheck_report", lang, abs_err=num(self.max_abs_error, DIFF),
                   rel_err=num(self.max_rel_error, DIFF), verdict=verdict),
                 t("gradcheck_header", lang)]
        for r in self.rows:
            lines.append(f"x{r.index} | {num(r.value)} | {num(r.backprop, CHECK)} | "
                         f"{num(r.numerical, CHECK)} | {num(r.abs_error, DIFF)}")
        return "\n".join(lines)


def _checked(out: object) -> Value:
    """``out`` if it is a Value, else a clear error (f must return a Value)."""
    if not isinstance(out, Value):
        raise TypeError(t("gradcheck_not_value", kind=type(out).__name__))
    return out


def numerical_grad(f: Callable[..., Value], xs: Sequence[Number], h: float = 1e-6) -> list[float]:
    """∂f/∂xᵢ for every i by central differences (2 forward passes per input)."""
    leaves = [Value(x) for x in xs]
    return numerical_grad_in_place(lambda: f(*leaves), leaves, h)


def numerical_grad_in_place(forward: Callable[[], Value], params: Sequence[Value],
                            h: float = 1e-6) -> list[float]:
    """∂f/∂p for Values f is already built from (a model's parameters), by central differences.

    ``forward()`` builds f anew from the current ``params``. Each ``p.data`` is
    moved to p + h and p − h in turn and then put back, so the parameters end
    as they began (2 forward passes per parameter).
    """
    if isinstance(h, bool) or not isinstance(h, (int, float)) or not 0.0 < h < float("inf"):
        raise ValueError(t("nn_bad_option", where="gradcheck", what="h", value=show(h)))
    grads = []
    for p in params:
        original = p.data
        try:
            p.data = original + h
            plus = _checked(forward()).data
            p.data = original - h
            minus = _checked(forward()).data
        finally:
            p.data = original
        grads.append((plus - minus) / (2.0 * h))
    return grads


def backprop_grad(f: Callable[..., Value], xs: Sequence[Number]) -> list[float]:
    """∂f/∂xᵢ for every i from one forward and one backward pass."""
    leaves = [Value(x) for x in xs]
    _checked(f(*leaves)).backward()
    return [v.grad for v in leaves]


def gradcheck(f: Callable[..., Value], xs: Sequence[Number], h: float = 1e-6,
              atol: float = ATOL, rtol: float = RTOL) -> GradcheckResult:
    """Compare ``backward()`` with central differences for f(x₁, …, xₙ).

    ``f`` takes n Values and returns a Value; ``xs`` are the n numbers to check at.
    An input passes when |backprop − numerical| ≤ atol + rtol·|numerical|.

    >>> gradcheck(lambda a, b: (a * b).tanh(), [0.3, -1.2]).ok
    True
    """
    xs = [Value(x).data for x in xs]
    exact = backprop_grad(f, xs)
    approx = numerical_grad(f, xs, h)
    rows = tuple(GradRow(i, x, g, n) for i, (x, g, n) in enumerate(zip(xs, exact, approx)))
    ok = all(agrees(r.backprop, r.numerical, atol, rtol) for r in rows)
    return GradcheckResult(rows, max((r.abs_error for r in rows), default=0.0),
                           max((r.rel_error for r in rows), default=0.0), ok)
