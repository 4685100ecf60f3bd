"""The autodiff engine: ``Value``, its operations, and the backward pass.

A ``Value`` is one scalar in a computation graph. Every operation is one method with four
things side by side: the forward value; the local derivative with respect to each input,
computed once and recorded on the new node (``_local``, in the order of ``_prev``); the
``@op(...)`` line above it (formula templates and what a teacher says about the op, see
``ops.py``); and a small ``_backward(g)`` closure, stored in ``_apply``, that applies the chain
rule: input.grad += g × local.

The closure captures the op's inputs (as default arguments: one tuple, not a cell each) but
never its own output, so no node sits in a reference cycle. micrograd's code keeps working:
``node._backward`` is micrograd's zero-argument step, and assigning ``out._backward = fn`` (a
custom op) stores ``fn`` for ``backward()`` to call (``checks.py`` holds those pieces and the
error messages). Nothing outside this file computes a derivative: the tracer, the reports and
the pictures read ``_local`` and ``OPS`` through ``Value.edges()``.

Imports: i18n, ops and checks (the library's own helpers).
"""

from __future__ import annotations

import math
from math import isfinite
from numbers import Real
from operator import mul
from typing import Callable, Sequence, Union

from micrograd_cn.checks import (
    CustomBackward,
    Edge,
    MicrogradNode,
    gradient_error,
    overflow,
    probe,
    to_float,
)
from micrograd_cn.i18n import show, t
from micrograd_cn.ops import OPS as OPS  # the registry lives in ops.py; engine.OPS is the same dict
from micrograd_cn.ops import op, power_fields, power_sign, wsum_fields, wsum_role, wsum_terms

Number = Union[int, float]
Backward = Callable[[float], None]


_ONE, _ZERO = (1.0,), (0.0,)  # the local derivatives of a ReLU, shared by all its nodes


def _leaf(data: float) -> Value:
    """A constant leaf for a plain number that an op received (``x * 2``)."""
    return _result(data, (), "", (), None)


def _result(data: float, children: tuple, opname: str, local: tuple,
            backward: Backward | None, arg: Number | None = None) -> Value:
    """A new interior node. Skips Value.__init__: the op has already checked ``data``."""
    out = Value.__new__(Value)
    out.data = data  # one store per line: no tuple is built and unpacked for each node
    out.grad = 0.0
    out.label = ""
    out._prev = children
    out._op = opname
    out._local = local
    out._apply = backward
    out._arg = arg
    return out


class Value(MicrogradNode):
    """A scalar that remembers how it was computed, so it can pass gradients back.

    ``data`` is the number, ``grad`` is ∂(root)/∂(this node) after
    ``root.backward()``, ``label`` is an optional name used in pictures and traces.
    """

    # No __dict__: on CPython 3.11 it would add 32 bytes to every node and ~3% to a
    # forward pass. micrograd-era code that names a node (``v.name = "x"``) gets the
    # ``name`` property below, another word for ``label``.
    __slots__ = ("data", "grad", "label", "_prev", "_op", "_local", "_apply", "_arg")

    def __init__(self, data: Number, _children: tuple = (), _op: str = "",
                 label: str = "") -> None:
        # Same positional order as micrograd (data, _children, _op), plus label.
        if isinstance(_children, str):
            raise TypeError(t("children_not_tuple", value=show(_children)))
        self.data = to_float(data, "Value")
        self.grad = 0.0
        self.label = str(label)  # shown in pictures and traces, so always text
        self._prev: tuple[Value, ...] = tuple(_children)
        self._op = _op
        self._local: tuple[float, ...] = ()  # a leaf records no derivatives
        self._apply: Backward | None = None  # the op's rule, called with the upstream gradient
        self._arg: Number | None = None  # an op's constant parameter (the n of x**n)

    def __repr__(self) -> str:  # full floats, as micrograd prints them
        name = f", label={self.label!r}" if self.label else ""
        return f"Value(data={self.data!r}, grad={self.grad!r}{name})"

    # ------------------------------------------------------------ arithmetic
    @op("+", "+", "{a} + {b}", "1", "1", why="why_+", is_sum=True)
    def __add__(self, other: Value | Number) -> Value:
        other = lift(other, "+")

        def _backward(g: float, self=self, other=other) -> None:
            self.grad += g
            other.grad += g

        data = self.data + other.data
        if not isfinite(data):
            raise overflow("+", self.data, other.data)
        return _result(data, (self, other), "+", (1.0, 1.0), _backward)

    @op("-", "−", "{a} − {b}", "1", "−1", why="why_-", is_sum=True)
    def __sub__(self, other: Value | Number) -> Value:
        other = lift(other, "-")

        def _backward(g: float, self=self, other=other) -> None:
            self.grad += g
            other.grad -= g

        data = self.data - other.data
        if not isfinite(data):
            raise overflow("-", self.data, other.data)
        return _result(data, (self, other), "-", (1.0, -1.0), _backward)

    @op("neg", "−", "−{x}", "−1", why="why_neg")
    def __neg__(self) -> Value:
        def _backward(g: float, self=self) -> None:
            self.grad -= g

        return _result(-self.data, (self,), "neg", (-1.0,), _backward)

    @op("*", "×", "{a}·{b}", "{b}", "{a}", why="why_*", slips=("other_factor", "other_factor"))
    def __mul__(self, other: Value | Number) -> Value:
        other = lift(other, "*")
        da, db = other.data, self.data  # ∂(ab)/∂a = b, ∂(ab)/∂b = a

        def _backward(g: float, self=self, other=other, da=da, db=db) -> None:
            self.grad += g * da
            other.grad += g * db

        data = self.data * other.data
        if not isfinite(data):
            raise overflow("*", self.data, other.data)
        return _result(data, (self, other), "*", (da, db), _backward)

    @op("/", "÷", "{a}/{b}", "1/{b}", "−{a}/{b}²", why="why_/")
    def __truediv__(self, other: Value | Number) -> Value:
        other = lift(other, "/")
        a, b = self.data, other.data
        if b == 0.0:
            raise ZeroDivisionError(t("div_zero", a=show(a), b=show(b)))
        data, da = a / b, 1.0 / b
        db = -data / b
        if not (isfinite(data) and isfinite(da) and isfinite(db)):
            raise overflow("/", a, b)

        def _backward(g: float, self=self, other=other, da=da, db=db) -> None:
            self.grad += g * da
            other.grad += g * db

        return _result(data, (self, other), "/", (da, db), _backward)

    @op("**", "xⁿ", "{x}{pow_n}", "{n}·{x}{pow_n1}", why="why_**", fields=power_fields, shown_as=power_sign,
        slips=("power_value",))
    def __pow__(self, n: Value | Number) -> Value:
        """``x ** n`` for a constant n (one input), or for a Value n > 0 base (two inputs)."""
        if isinstance(n, Value):
            return self._pow_value(n)
        if not isinstance(n, Real) or isinstance(n, bool):
            raise TypeError(t("not_a_number", op="**", kind=type(n).__name__, value=show(n)))
        x = self.data
        if not isinstance(n, int):  # ints stay exact: (-2.0) ** 3 is fine
            n = to_float(n, "**")
            if x < 0.0 and not n.is_integer():
                raise ValueError(t("pow_negative_base", x=show(x), n=show(n)))
        if x == 0.0 and n < 0:
            raise ZeroDivisionError(t("pow_zero_negative", n=show(n)))
        try:
            data = float(x ** n)
            d = 0.0 if n == 0 else float(n * x ** (n - 1))
        except OverflowError as err:  # Python's own overflow (e.g. 10.0 ** 400)
            raise overflow("**", x, n) from err
        except ZeroDivisionError as err:  # 0 ** 0.5 has an infinite slope
            raise ValueError(t("pow_grad_undefined", x=show(x), n=show(n))) from err
        if not (isfinite(data) and isfinite(d)):
            raise overflow("**", x, n)

        def _backward(g: float, self=self, d=d) -> None:
            self.grad += g * d

        return _result(data, (self,), "**", (d,), _backward, n)

    @op("pow", "xʸ", "{a}^{b}", "{b}·{a}^({b} − 1)", "{a}^{b}·log({a})", why="why_pow")
    def _pow_value(self, n: Value) -> Value:
        """``x ** n`` with both a Value: ∂/∂x = n·xⁿ⁻¹ and ∂/∂n = xⁿ·ln x (needs x > 0)."""
        x = self.data
        if x <= 0.0:
            raise ValueError(t("pow_value_base", x=show(x)))
        try:
            data = x ** n.data
            dx = n.data * x ** (n.data - 1.0)
        except OverflowError as err:
            raise overflow("**", x, n.data) from err
        dn = data * math.log(x)
        if not (isfinite(data) and isfinite(dx) and isfinite(dn)):
            raise overflow("**", x, n.data)

        def _backward(g: float, self=self, n=n, dx=dx, dn=dn) -> None:
            self.grad += g * dx
            n.grad += g * dn

        return _result(data, (self, n), "pow", (dx, dn), _backward)

    # ------------------------------------------------------------ functions
    @op("exp", "exp", "exp({x})", "exp({x})", rule="exp′({x}) = exp({x}) = {out}", why="why_exp",
        latex=r"\exp", domain=lambda x: abs(x) <= 2.5)
    def exp(self) -> Value:
        x = self.data
        if x > 709.782712893384:  # log(largest float): e^x would overflow
            raise OverflowError(t("exp_overflow", x=show(x)))
        e = math.exp(x)

        def _backward(g: float, self=self, e=e) -> None:
            self.grad += g * e  # d(eˣ)/dx = eˣ, the output itself

        return _result(e, (self,), "exp", (e,), _backward)

    @op("log", "log", "log({x})", "1/{x}", rule="log′({x}) = 1/{x}", why="why_log", latex=r"\log",
        domain=lambda x: x >= 0.25, slips=("log_value",))
    def log(self) -> Value:
        x = self.data
        if x <= 0.0:
            raise ValueError(t("log_domain", x=show(x)))
        d = 1.0 / x
        if not isfinite(d):  # only for a subnormal x, so tiny that 1/x overflows
            raise overflow("/", 1.0, x)

        def _backward(g: float, self=self, d=d) -> None:
            self.grad += g * d

        return _result(math.log(x), (self,), "log", (d,), _backward)

    @op("sigmoid", "σ", "σ({x})", "σ′({x})", rule="σ′({x}) = σ({x})(1 − σ({x})) = {out}(1 − {out})",
        why="why_sigmoid", domain=lambda x: abs(x) <= 4, slips=("sigmoid_value",))
    def sigmoid(self) -> Value:
        x = self.data
        # Never exponentiate a large positive number: for x < 0 use eˣ/(1+eˣ).
        if x >= 0.0:
            s = 1.0 / (1.0 + math.exp(-x))
        else:
            e = math.exp(x)
            s = e / (1.0 + e)
        d = s * (1.0 - s)

        def _backward(g: float, self=self, d=d) -> None:
            self.grad += g * d

        return _result(s, (self,), "sigmoid", (d,), _backward)

    @op("tanh", "tanh", "tanh({x})", "tanh′({x})", rule="tanh′({x}) = 1 − tanh²({x}) = 1 − {out}²",
        why="why_tanh", latex=r"\tanh", domain=lambda x: abs(x) <= 4, slips=("tanh_value",))
    def tanh(self) -> Value:
        th = math.tanh(self.data)  # math.tanh saturates to ±1 without overflow
        d = 1.0 - th * th

        def _backward(g: float, self=self, d=d) -> None:
            self.grad += g * d

        return _result(th, (self,), "tanh", (d,), _backward)

    @op("relu", "ReLU", "ReLU({x})", "ReLU′({x})", rule="ReLU′({x}) = 1 ({x} > 0), 0 ({x} ≤ 0)",
        why="why_relu", domain=lambda x: abs(x) >= 0.25,
        rule_at=lambda x: "rule_relu_on" if x > 0 else "rule_relu_off")
    def relu(self) -> Value:
        if self.data > 0.0:  # ReLU′ = 1: the gradient passes through unchanged
            def _backward(g: float, self: Value = self) -> None:
                self.grad += g

            return _result(self.data, (self,), "relu", _ONE, _backward)

        def _blocked(g: float, self: Value = self) -> None:
            """ReLU′ = 0: nothing flows back to the input."""

        return _result(0.0, (self,), "relu", _ZERO, _blocked)

    # ------------------------------------------------ reflected forms: 2 + x, 2 * x, ...
    def __radd__(self, other: Number) -> Value:
        return lift(other, "+") + self

    def __rsub__(self, other: Number) -> Value:
        return lift(other, "-") - self

    def __rmul__(self, other: Number) -> Value:
        return lift(other, "*") * self

    def __rtruediv__(self, other: Number) -> Value:
        return lift(other, "/") / self

    def __rpow__(self, other: Number) -> Value:
        return lift(other, "**") ** self

    # ------------------------------------------------------------ backward pass
    def backward(self) -> None:
        """Fill ``grad`` of every node below this one with ∂self/∂node.

        Reverse topological order: a node passes its gradient on only after every path into
        it has been added up. Interior nodes are reset first (backward() twice gives the same
        interior gradients); leaves accumulate, as in PyTorch: ``zero_grad()`` between steps.
        A gradient that leaves the float range stops the pass with a FloatingPointError naming
        the node (``g - g`` is 0.0 only for a finite g: one check per final gradient). A node
        whose gradient is exactly 0 adds only zeros below it, so its closure is skipped; a
        closure written by user code runs anyway, as in micrograd.
        """
        order = start_backward(self)
        for node in reversed(order):
            g = node.grad
            if g - g:
                raise gradient_error(order, node)
            apply = node._apply
            if (g and apply is not None) or type(apply) is CustomBackward:
                apply(g)

    def zero_grad(self) -> None:
        """Reset the gradient of every node below (and including) this one to 0."""
        for node in topo_sort(self):
            node.grad = 0.0

    def edges(self) -> list[Edge]:
        """This node's inputs with their recorded local derivatives (formulas: ``OPS[node._op]``).

        A custom op written the micrograd way records none: its closure is probed
        instead (see ``_probe``), one edge per distinct input.
        """
        if type(self._apply) is CustomBackward:
            return probe(self)
        return [Edge(child, local, i)
                for i, (child, local) in enumerate(zip(self._prev, self._local))]


def lift(other: object, opname: str) -> Value:
    """Wrap a plain number as a constant leaf; refuse anything else with a clear error."""
    if isinstance(other, Value):
        return other
    return _leaf(to_float(other, opname))


@op("wsum", "Σwx+b", "{terms}", "{partner}", "{partner}", "1", why="why_wsum", is_sum=True,
    fields=wsum_fields, role=wsum_role, terms=wsum_terms, slips=("other_factor", "other_factor", ""))
def weighted_sums(ws: Sequence[Sequence[Value | Number]], x: Sequence[Value | Number],
                  bs: Sequence[Value | Number]) -> list[Value]:
    """zⱼ = wⱼ₁x₁ + … + wⱼₙxₙ + bⱼ for every row wⱼ of ``ws``: one node per neuron of a layer.

    Each node's inputs are (wⱼ₁ … wⱼₙ, x₁ … xₙ, bⱼ), with local derivatives
    ∂z/∂wⱼₖ = xₖ (which becomes BP4), ∂z/∂xₖ = wⱼₖ (BP2), ∂z/∂bⱼ = 1 (BP3).
    One node instead of 2n, so a network is several times faster to train; and
    the shared inputs x are checked and read once for the whole layer.
    """
    xs = [xi if isinstance(xi, Value) else lift(xi, "wsum") for xi in x]
    xd = [xi.data for xi in xs]
    n = len(xs)
    out = []
    for w, b in zip(ws, bs):  # one bias per row
        if len(w) != n:
            raise ValueError(t("wsum_lengths", nw=len(w), nx=n))
        if not isinstance(b, Value):
            b = lift(b, "wsum")
        try:
            wd = [wi.data for wi in w]  # type: ignore[union-attr]  # numbers: just below
        except AttributeError:  # a plain number among the weights: a constant leaf, like x
            leaves = [lift(wi, "wsum") for wi in w]
            w, wd = leaves, [wi.data for wi in leaves]
        data = sum(map(mul, wd, xd), b.data)
        if not isfinite(data):
            raise overflow("wsum", *wd, *xd, b.data)
        children = (*w, *xs, b)
        local = (*xd, *wd, 1.0)  # ∂z/∂wₖ = xₖ, ∂z/∂xₖ = wₖ, ∂z/∂b = 1

        def _backward(g: float, children: tuple = children, local: tuple = local) -> None:
            for child, d in zip(children, local):
                child.grad += g * d

        out.append(_result(data, children, "wsum", local, _backward))
    return out


def weighted_sum(w: Sequence[Value | Number], x: Sequence[Value | Number],
                 b: Value | Number) -> Value:
    """z = w₁x₁ + … + wₙxₙ + b as ONE node (a neuron's weighted input; see ``weighted_sums``)."""
    return weighted_sums([w], x, [b])[0]


def start_backward(root: Value) -> list[Value]:
    """The state every backward pass starts from; returns ``topo_sort(root)``.

    Interior gradients are reset to 0 and the root is seeded with ∂root/∂root = 1 (a leaf
    root accumulates, like any leaf). ``backward()`` and the tracer both begin here.
    """
    order = topo_sort(root)
    for node in order:
        if node._prev:
            node.grad = 0.0
    if root._prev:
        root.grad = 1.0
    else:
        root.grad += 1.0
    return order


def topo_sort(root: Value) -> list[Value]:
    """Every node below ``root``, each after all of its inputs (inputs first).

    Iterative depth-first search (a chain of a million nodes needs no recursion), children in
    their recorded order (the same expression, the same order). A node whose inputs have all
    been seen is finished at once: in a graph without cycles a seen input is already in order.
    """
    if not isinstance(root, Value):
        raise TypeError(t("not_a_value", kind=type(root).__name__, value=show(root)))
    order: list[Value] = []
    seen = {root}
    path = [root]  # the nodes being visited, each an input of the one before it
    todo = [iter(root._prev)]  # beside each node, its inputs not looked at yet
    while todo:
        for child in todo[-1]:
            if child not in seen:
                seen.add(child)
                inputs = child._prev
                if seen.issuperset(inputs):  # a leaf, or every input already in order
                    order.append(child)
                    continue
                path.append(child)
                todo.append(iter(inputs))
                break
        else:  # every input of path[-1] is already in order
            todo.pop()
            order.append(path.pop())
    return order
