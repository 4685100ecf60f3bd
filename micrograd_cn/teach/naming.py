"""Names, kinds and formulas of the nodes of one graph: the only place a display name is made.

Every teaching output (trace tables and sentences, graph pictures, the step page,
the BP report, exports) asks ``Naming`` what a node is called, so a node has one
name everywhere:

* a node with a label is called by its label (``w₁``, ``z``, ``L``: the user's,
  ``nn``'s or a named step's);
* an unlabelled leaf is a constant and is written as its value (``1``, ``−0.3``);
* the root, when unlabelled, is ``f``;
* any other unlabelled node is ``v1``, ``v2``, … numbered in ``topo_sort(root)``
  order (inputs first), counting only those unlabelled computed nodes;
* when two different nodes would get the same name (two leaves both labelled
  ``x``), each gets ``#1``, ``#2``, … in that order. Constants may share a name:
  a name of a number is the number.

A node's kind: ``param`` (one of the ``params`` given: what training changes),
``data`` (any other labelled leaf: x, y), ``const`` (an unlabelled leaf) and
``result`` (computed by an op).

The formulas are the op's templates from ``engine.OPS`` (written beside the code
that computes the op) filled with these names; nothing here computes a number.

Imports: engine and table.
"""

from __future__ import annotations

import re
from typing import Iterable

from micrograd_cn.engine import OPS, Op, Value, topo_sort
from micrograd_cn.notation import num, paren, sup

KINDS = ("param", "data", "const", "result")

# A name that can stand next to an operator without parentheses: no operator or space
# outside its own parentheses, and not a negative number.
_BREAKS = " +-−·*×/÷^,="
_FIELD = re.compile(r"\{(\w+)\}")


def atom(name: str) -> str:
    """``name`` wrapped in parentheses when it would not read as one factor: ``(1 − a)``."""
    depth = 0
    for ch in name:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and ch in _BREAKS:
            return f"({name})"
    return name


def _exponent(n: float) -> str:
    """``x`` raised to a constant: ``²``, ``⁻¹`` for integers, ``^0.5``, ``^(−0.5)`` otherwise."""
    if float(n).is_integer():
        return "" if n == 1 else sup(num(n).replace("−", "-"))
    return "^" + paren(n)


def fill(template: str, fields: dict[str, str]) -> str:
    """A formula template with its fields replaced; a field gets parentheses when it needs them.

    A field written directly inside the template's own parentheses (``σ({x})``) is
    put in as it is; anywhere else it is wrapped by ``atom`` (``{a}·{b}`` with
    ``b = 1 − a`` reads ``a·(1 − a)``).
    """
    def one(m: re.Match) -> str:
        value = fields.get(m.group(1), m.group(0))
        inside = template[m.start() - 1:m.start()] == "(" and template[m.end():m.end() + 1] == ")"
        if inside or m.group(1) in ("terms", "pow_n", "pow_n1", "n"):
            return value
        return atom(value)

    return _FIELD.sub(one, template)


def custom_op(name: str, arity: int) -> Op:
    """How an op that is not in ``OPS`` (a user's own, written the micrograd way) is shown."""
    args = ", ".join(("{a}", "{b}")[:arity] if arity == 2 else ["{x}"] if arity == 1
                     else [f"{{in{i}}}" for i in range(arity)])
    if arity == 1:  # sin′(x): visibly the op's own slope
        return Op(name, name, f"{name}({args})", (f"{name}′({{x}})",))
    return Op(name, name, f"{name}({args})", tuple(f"∂{name}/∂{{in{i}}}" for i in range(arity)))


class Naming:
    """Names, kinds and formulas of every node below ``root`` (see the module docstring).

    ``params`` are the leaves that count as parameters (``mlp.parameters()``, or the
    names given to ``--params``); every other labelled leaf is data.
    """

    def __init__(self, root: Value, params: Iterable[Value] | None = None) -> None:
        self.order = topo_sort(root)
        self.root = root
        self.index = {id(node): k for k, node in enumerate(self.order)}
        param_ids = {id(p) for p in params or ()}
        self.has_params = bool(param_ids)
        self.kinds = [("result" if node._prev else "param" if id(node) in param_ids
                       else "data" if node.label else "const") for node in self.order]
        self.names = self._names()

    def _names(self) -> list[str]:
        names, unnamed = [], 0
        for node, kind in zip(self.order, self.kinds):
            if node.label:
                names.append(node.label)
            elif kind == "const":
                names.append(num(node.data))
            elif node is self.root:
                names.append("f")
            else:
                unnamed += 1
                names.append(f"v{unnamed}")
        counts: dict[str, int] = {}
        for name, kind in zip(names, self.kinds):
            if kind != "const":
                counts[name] = counts.get(name, 0) + 1
        seen: dict[str, int] = {}
        for k, (name, kind) in enumerate(zip(names, self.kinds)):
            if kind != "const" and counts[name] > 1:
                seen[name] = seen.get(name, 0) + 1
                names[k] = f"{name}#{seen[name]}"
        return names

    # ---------------------------------------------------------------- lookups
    def of(self, node: Value) -> str:
        """The name of ``node``."""
        return self.names[self.index[id(node)]]

    def kind(self, node: Value) -> str:
        return self.kinds[self.index[id(node)]]

    @property
    def root_name(self) -> str:
        return self.names[-1]

    def d(self, node: Value) -> str:
        """∂root/∂node, written out: ``∂L/∂w₁``."""
        return derivative(self.root_name, self.of(node))

    # ---------------------------------------------------------------- formulas
    def op(self, node: Value) -> Op:
        """The op that made ``node`` (a registered one, or how a custom op is shown)."""
        return OPS.get(node._op) or custom_op(node._op or "?", len(node._prev))

    def _fields(self, node: Value, position: int | None = None) -> dict[str, str]:
        inputs = [self.of(c) for c in node._prev]
        fields = {"out": self.of(node)}
        if len(inputs) == 1:
            fields["x"] = inputs[0]
        elif len(inputs) == 2:
            fields["a"], fields["b"] = inputs
        fields.update({f"in{i}": name for i, name in enumerate(inputs)})
        if node._op == "**" and node._arg is not None:
            fields.update(n=paren(node._arg), pow_n=_exponent(node._arg),
                          pow_n1=_exponent(node._arg - 1))
        if node._op == "wsum" and position is None:  # inputs w₁ … wₙ, x₁ … xₙ, b
            n = (len(inputs) - 1) // 2
            terms = [f"{atom(inputs[i])}·{atom(inputs[n + i])}" for i in range(n)]
            bias = node._prev[-1]
            if bias._prev or bias.label or bias.data != 0.0:  # a constant 0 adds nothing to read
                terms.append(inputs[-1])
            fields["terms"] = " + ".join(terms)
        elif node._op == "wsum":  # a local derivative needs only the other factor of its term
            n = (len(inputs) - 1) // 2
            if position is not None and position < 2 * n:
                fields["partner"] = inputs[position + n if position < n else position - n]
        return fields

    def forward(self, node: Value) -> str:
        """How ``node`` is computed from its inputs' names (``w·x + b``, ``σ(z)``); "" for a leaf."""
        if not node._prev:
            return ""
        return fill(self.op(node).forward, self._fields(node))

    def local(self, node: Value, position: int) -> str:
        """∂node/∂(its input at ``position``), written with names: ``σ′(z)``, ``x``, ``1``."""
        op = self.op(node)
        template = op.local[_role(node, position)] if op.local else "?"
        return fill(template, self._fields(node, position))

    def rule(self, node: Value) -> str:
        """Why the local derivative is what it is (``σ′(z) = a(1 − a)``); "" if it is plain."""
        template = self.op(node).rule
        return fill(template, self._fields(node)) if template else ""

    def symbol(self, node: Value) -> str:
        """The op's sign drawn between inputs and output: ``+``, ``σ``, ``x²`` for a square."""
        if node._op == "**" and node._arg is not None:
            return "x" + _exponent(node._arg)
        return self.op(node).symbol


def _role(node: Value, position: int) -> int:
    """Which of the op's local templates applies to the input at ``position``."""
    if node._op == "wsum":  # one template for all weights, one for all inputs, one for b
        n = (len(node._prev) - 1) // 2
        return 0 if position < n else 1 if position < 2 * n else 2
    return position


_PLAIN = re.compile(r"[^\s+\-−·*×/÷^,()=]+")
_CALL = re.compile(r"[^\W\d]\w*′?\(.*\)")  # σ(z), log(1 − a): one function applied


def wrt(name: str) -> str:
    """A name as it stands after ``∂``: one plain word or a call ``log(1 − a)`` as it is,
    anything else in parentheses (``∂L/∂(y·log a)``)."""
    if _PLAIN.fullmatch(name) or (_CALL.fullmatch(name) and atom(name) == name):
        return name
    return f"({name})"


def derivative(of: str, by: str) -> str:
    """``∂of/∂by``, e.g. ``∂L/∂w₁``, ``∂L/∂(y·log a)``."""
    return f"∂{wrt(of)}/∂{wrt(by)}"
