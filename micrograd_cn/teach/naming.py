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
* a user's name always wins: an automatic name (``f``, ``v1``, …) that some node's
  label already holds is skipped (leaves labelled ``v1``, ``v2`` as in a textbook
  keep them, and the unlabelled steps become ``v3``, ``v4``, …);
* when two different nodes would get the same name (two leaves both labelled
  ``x``), each gets ``#1``, ``#2``, … in that order. Constants may share a name:
  a name of a number is the number;
* a label that is not text (micrograd code may set ``a.label = 5``) is shown as
  ``str(label)``.

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

from micrograd_cn.engine import Value, topo_sort
from micrograd_cn.notation import atom, num
from micrograd_cn.ops import OPS, Op, custom_op

KINDS = ("param", "data", "const", "result")

_FIELD = re.compile(r"\{(\w+)\}")


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


def label_text(label: object) -> str:
    """A node's label as text: micrograd code may set any object (``a.label = 5``)."""
    return label if isinstance(label, str) else str(label) if label else ""


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
        labels = [label_text(node.label) for node in self.order]
        taken = set(filter(None, labels))  # the users' names: no automatic name takes one
        names, unnamed = [], 0

        def automatic() -> str:
            nonlocal unnamed
            unnamed += 1
            while f"v{unnamed}" in taken:
                unnamed += 1
            return f"v{unnamed}"

        for node, kind, label in zip(self.order, self.kinds, labels):
            if label:
                names.append(label)
            elif kind == "const":
                names.append(num(node.data))
            elif node is self.root:
                names.append("f" if "f" not in taken else automatic())
            else:
                names.append(automatic())
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
        more = self.op(node).fields
        if more is not None:  # an op whose inputs have roles (x**n's n, a weighted sum's terms)
            fields.update(more(node, inputs, position))
        return fields

    def forward(self, node: Value) -> str:
        """How ``node`` is computed from its inputs' names (``w·x + b``, ``σ(z)``); "" for a leaf."""
        if not node._prev:
            return ""
        return fill(self.op(node).forward, self._fields(node))

    def local(self, node: Value, position: int) -> str:
        """∂node/∂(its input at ``position``), written with names: ``σ′(z)``, ``x``, ``1``."""
        op = self.op(node)
        template = op.local[op.role_of(node, position)] if op.local else "?"
        return fill(template, self._fields(node, position))

    def slip(self, node: Value, position: int) -> str:
        """The slip students tend to make for this input's local derivative (``Op.slips``), or ""."""
        slips = self.op(node).slips
        role = self.op(node).role_of(node, position)
        return slips[role] if role < len(slips) else ""

    def reads(self, node: Value, position: int) -> list[Value]:
        """The nodes whose values the local derivative by the input at ``position`` is made of.

        Read from the op's templates (its rule's last form for a one-input op): b for
        ∂(a·b)/∂a, the output a for σ′(z) = a(1 − a), x itself for log′(x) = 1/x, the other
        factor for a weighted sum's wₖ; none for a sum's constant 1. The step page marks them.
        """
        op = self.op(node)
        if not op.local:
            return []
        template = op.local[op.role_of(node, position)]
        if op.rule and len(op.local) == 1:
            template = op.rule.rsplit(" = ", 1)[-1]
        marks = [f"\x01{i}\x02" for i in range(len(node._prev))]  # stand-ins for the inputs' names
        fields = {"out": "\x01o\x02"}
        if len(marks) == 1:
            fields["x"] = marks[0]
        elif len(marks) == 2:
            fields["a"], fields["b"] = marks
        fields.update({f"in{i}": mark for i, mark in enumerate(marks)})
        if op.fields is not None:
            fields.update(op.fields(node, marks, position))
        text = _FIELD.sub(lambda m: fields.get(m.group(1), ""), template)
        found = dict.fromkeys(re.findall("\x01(\\w+)\x02", text))
        return [node if mark == "o" else node._prev[int(mark)] for mark in found]

    def rule(self, node: Value) -> str:
        """Why the local derivative is what it is (``σ′(z) = a(1 − a)``); "" if it is plain."""
        template = self.op(node).rule
        return fill(template, self._fields(node)) if template else ""

    def symbol(self, node: Value) -> str:
        """The op's sign drawn between inputs and output: ``+``, ``σ``, ``x²`` for a square."""
        op = self.op(node)
        return op.shown_as(node) if op.shown_as else op.symbol


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


def local_derivative(forward: str, by: str) -> str:
    """An edge's local derivative, written with the op's own formula: ``∂(v/y)/∂y``, ``∂σ(z)/∂z``.

    ``∂f/∂y`` always means the whole gradient of the root f by y (every path added up); the
    derivative of one op by one of its inputs gets this symbol instead, so no symbol means
    two things on one page (trace, quiz, paths, pages, exports).
    """
    return f"∂{wrt(forward)}/∂{wrt(by)}" if forward else "∂/∂" + wrt(by)
