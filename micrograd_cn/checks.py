"""The engine's helpers that a reader of ``engine.py`` may skip: number checks, error
messages, and micrograd's custom ops (a ``_backward`` written by user code).

Imports: i18n only (the engine imports this module; the nodes are passed in).
"""

from __future__ import annotations

from math import isfinite
from numbers import Real
from operator import attrgetter
from typing import TYPE_CHECKING, Callable, NamedTuple, Sequence

from micrograd_cn.i18n import shorten, show, t

if TYPE_CHECKING:
    from micrograd_cn.engine import Value


class CustomBackward:
    """A zero-argument ``_backward`` assigned by user code (micrograd's custom op).

    ``backward()`` calls every node's ``_apply(g)``; this wrapper ignores ``g``
    because such a closure reads ``out.grad`` itself.
    """

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[], object]) -> None:
        self.fn = fn

    def __call__(self, g: float) -> None:
        self.fn()



class Edge(NamedTuple):
    """One input of a node, as the chain rule sees it."""

    input: Value  # the Value the gradient flows into
    local: float  # ∂output/∂input, as recorded by the op
    position: int  # which input of the node this is (its index in ``_prev``)



def overflow(opname: str, *operands: float) -> OverflowError:
    """The error for an op whose result left the range of a float."""
    detail = f" {opname} ".join(show(x) for x in operands)
    return OverflowError(t("overflow", op=opname, detail=detail))


def to_float(data: object, opname: str) -> float:
    """Check that ``data`` is a finite real number and return it as a float."""
    if type(data) is float and isfinite(data):  # the usual case, decided fast
        return data
    if isinstance(data, Real) and not isinstance(data, bool):
        try:
            data = float(data)
        except (OverflowError, ValueError, TypeError):
            pass  # an int too large for a float: reported just below
        else:
            if isfinite(data):
                return data
        raise ValueError(t("not_finite", op=opname, value=show(data)))
    kind = type(data).__name__
    raise TypeError(t("not_a_number", op=opname, kind=kind, value=show(data)))



def probe(node: Value) -> list[Edge]:
    """A custom op's local derivatives, read by running its closure once with ∂/∂node = 1.

    Every gradient it touches is put back, so probing changes nothing. A chain-rule
    closure is linear in ``node.grad``, so what it adds to an input with upstream 1
    is that input's local derivative (an input used twice gets the sum, as one edge).
    """
    inputs = list(dict.fromkeys(node._prev))
    saved = [child.grad for child in inputs], node.grad
    try:
        for child in inputs:
            child.grad = 0.0
        node.grad = 1.0
        node._apply(1.0)  # type: ignore[misc]
        local = [child.grad for child in inputs]
    finally:
        for child, grad in zip(inputs, saved[0]):
            child.grad = grad
        node.grad = saved[1]
    return [Edge(child, d, node._prev.index(child)) for child, d in zip(inputs, local)]


def is_custom(node: Value) -> bool:
    """Whether ``node``'s backward rule was written by user code (micrograd's way)."""
    return type(node._apply) is CustomBackward


def describe(node: Value) -> str:
    """A node in an error message: its label, else its op and value (or leaf value)."""
    if node.label:
        return shorten(str(node.label), 40)  # micrograd code may set any object
    if not node._prev:
        return t("grad_node_leaf", value=show(node.data))
    return t("grad_node_op", op=node._op, value=show(node.data))


def gradient_error(order: Sequence[Value], node: Value,
                   grad_of: Callable[[Value], float] | None = None) -> FloatingPointError:
    """The error for ``node``'s gradient leaving the float range during a backward pass.

    ``order`` is the pass's topological order; the nodes that use ``node`` are
    searched for the contributions that overflowed (only now, on failure).
    ``grad_of`` reads a node's gradient in that pass (a tracer keeps its own; default ``.grad``).
    """
    if grad_of is None:
        grad_of = attrgetter("grad")
    parts = []
    for parent in order:
        for position, child in enumerate(parent._prev):
            if child is not node:
                continue
            if is_custom(parent) or position >= len(parent._local):
                parts.append(t("grad_part_custom", op=parent._op))
            else:
                local = parent._local[position]
                g = grad_of(parent)
                parts.append(f"{show(g)} × {show(local)} = {show(g * local)}")
    sep = t("grad_part_sep")
    shown = sep.join(parts[:4]) + (sep + "…" if len(parts) > 4 else "")
    detail = t("grad_parts", parts=shown) if parts else ""
    return FloatingPointError(t("grad_not_finite", node=describe(node), grad=show(grad_of(node)),
                                detail=detail))




def _nothing() -> None:
    """A leaf's ``_backward``, as in micrograd: there is nothing below it."""


class MicrogradNode:
    """What micrograd-era code reads and writes on a node, beside the engine's own slots."""

    __slots__ = ()
    label: str
    grad: float
    _apply: Callable[[float], None] | None

    @property
    def name(self) -> str:
        """The node's ``label`` under the other name user code gives it."""
        return self.label

    @name.setter
    def name(self, text: object) -> None:
        self.label = str(text)  # type: ignore[misc]  # a slot of Value

    @property
    def _backward(self) -> Callable[[], object]:
        """micrograd's step for this node alone: pass ``self.grad`` to the inputs.

        Made on each access and never stored, so the node stays out of any
        reference cycle. A leaf's does nothing; a custom op's is its own closure.
        """
        apply = self._apply
        if apply is None:
            return _nothing
        if type(apply) is CustomBackward:
            return apply.fn
        return lambda: apply(self.grad)

    @_backward.setter
    def _backward(self, fn: Callable[[], object]) -> None:
        """micrograd's custom op: ``out._backward = f`` with f reading ``out.grad``."""
        if not callable(fn):
            raise TypeError(t("backward_not_callable", kind=type(fn).__name__, value=show(fn)))
        self._apply = CustomBackward(fn)  # type: ignore[misc]  # a slot of Value
