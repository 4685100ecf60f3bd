"""A snapshot: one graph's forward and backward pass, built once, rendered many ways.

``snapshot(root)`` runs the backward pass of ``root`` *on the side*: it never reads or
writes any ``.grad``, so the same graph gives the same snapshot before or after
``backward()``, once or ten times. What it keeps is plain data (numbers and
strings, no Values): every node with its name, kind, value, gradient and forward
formula; every chain-rule step (upstream × local = contribution, with the local
derivative's formula written with names); and for each leaf asked about, the sum
of its contributions. Printers (trace, the step page, pictures, exports, quizzes)
read only this; ``dataclasses.asdict(snapshot)`` is its JSON.

The pass is the engine's, step for step: leaves start at 0, the root at 1, and each
edge adds ``upstream × edge.local`` in the order ``Value.backward`` applies them,
so every gradient is bit for bit the one ``backward()`` gives a fresh graph. A forward
value is written as teaching output writes it: a sum that is zero up to the rounding
of its terms (``0.5·1 − 0.3·2 + 0.1``) is recorded as 0 (``table.zero_if_rounding``);
gradients are kept exactly as the pass computes them, so every step adds up.

Which steps a snapshot shows: every edge into a node that depends on a leaf asked
about. Without ``params`` that is every labelled leaf (as for an expression typed
at the command line). With ``params`` (the weights of a neuron) it is the
parameters only, as in seeds 000/002, where x and y are data and nobody
differentiates them; ``data=True`` adds the data leaves back. With ``data_leaves``
(the command line's ``--data x1,x2``) exactly those are data: every other labelled
leaf is asked about, and ``params`` only colours. Constants are never asked about.

Groups: ``groups`` maps nodes to the part of a network they belong to (``nn``'s
``Module.groups``: layer ``L2``, neuron ``L2/N1``); pictures draw each group as a box.

Imports: engine, naming, table.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Iterable, Mapping

from micrograd_cn.engine import Value, gradient_error
from micrograd_cn.notation import zero_if_rounding
from micrograd_cn.ops import OPS
from micrograd_cn.teach.naming import Naming, derivative


@dataclass(frozen=True)
class Node:
    """One value of the graph, as the snapshot shows it."""

    index: int  # position in topo_sort(root): the SVG ids v{index}, o{index} use it
    name: str
    kind: str  # param, data, const or result (naming.KINDS)
    op: str  # the op's key in engine.OPS ("" for a leaf)
    symbol: str  # the op's sign in pictures ("" for a leaf)
    forward: str  # the formula of the value with names ("w·x + b"; "" for a leaf)
    value: float
    grad: float  # ∂root/∂node
    inputs: tuple[int, ...]  # indices of its inputs, in order
    positions: tuple[int, ...]  # the input position of each edge (Value.edges(); a custom op
    # probes each distinct input once, so an input used twice may be one edge)
    locals: tuple[float, ...]  # ∂node/∂input for each edge, as the op recorded it
    formulas: tuple[str, ...]  # … and written with names ("σ′(z)", "x")
    wanted: bool  # the snapshot follows the gradient into this node
    group: str = ""  # the part of a network it belongs to ("L2", "L2/N1"; nn's Module.groups)
    terms: tuple[float, ...] = ()  # the contributions the shown steps add into it, in order:
    # its gradient is their sum (the root, seeded with 1, and unasked nodes have none)
    slips: tuple[str, ...] = ()  # for each edge, the slip students tend to make (Op.slips; teach.mistakes)
    reads: tuple[tuple[int, ...], ...] = ()  # for each edge, the nodes its local derivative is made of


@dataclass(frozen=True)
class Step:
    """One application of the chain rule: ∂root/∂input += upstream × local."""

    k: int  # 1 … N, among the snapshot's steps
    output: int  # node index the gradient flows out of
    input: int  # node index it flows into
    position: int  # which input of ``output`` this edge is
    upstream: float  # ∂root/∂output
    local: float  # ∂output/∂input (the op's recorded number)
    contribution: float  # upstream × local
    grad_before: float  # ∂root/∂input accumulated before this step
    grad_after: float  # … and after it
    formula: str  # the local derivative with names: "σ′(z)", "x", "1"
    rule: str  # why it is that: "σ′(z) = a(1 − a)", or ""
    share: int  # this is contribution number ``share`` …
    shares: int  # … of ``shares`` into ``input``


@dataclass(frozen=True)
class Leaf:
    """A leaf asked about: the contributions that flowed into it and their sum."""

    index: int
    name: str
    kind: str
    terms: tuple[float, ...]
    grad: float


@dataclass(frozen=True)
class Snapshot:
    nodes: tuple[Node, ...]  # topological order: inputs first, the root last
    steps: tuple[Step, ...]  # backward order
    leaves: tuple[Leaf, ...]  # in topological order
    root: int

    @property
    def root_name(self) -> str:
        return self.nodes[self.root].name

    def d(self, index: int) -> str:
        """∂root/∂(node ``index``), written out."""
        return derivative(self.root_name, self.nodes[index].name)

    def by_name(self, name: str) -> Node:
        for node in self.nodes:
            if node.name == name:
                return node
        raise KeyError(name)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1)


def chain_rule(order: list[Value]) -> tuple[list[float], list[tuple[int, int, int, float, float, float, float]]]:
    """The backward pass over ``order`` (``topo_sort(root)``) without touching ``.grad``.

    Returns each node's gradient and the raw steps
    ``(output, input, position, upstream, local, before, after)`` in the order
    ``Value.backward`` applies them.
    """
    index = {id(node): k for k, node in enumerate(order)}
    grads = [0.0] * len(order)
    grads[-1] = 1.0
    steps = []
    for k in range(len(order) - 1, -1, -1):
        node = order[k]
        upstream = grads[k]
        if upstream - upstream:  # inf or nan: backward() stops here with the same error
            raise gradient_error(order, node, lambda v: grads[index[id(v)]])
        for edge in node.edges():
            i = index[id(edge.input)]
            before = grads[i]
            grads[i] = before + upstream * edge.local
            steps.append((k, i, edge.position, upstream, edge.local, before, grads[i]))
    return grads, steps


def snapshot(root: Value, params: Iterable[Value] | None = None, *, data: bool = False,
           groups: Mapping[Value, str] | None = None,
           data_leaves: Iterable[Value] | None = None) -> Snapshot:
    """The snapshot of ``root``'s forward and backward pass (see the module docstring).

    ``data_leaves`` (the command line's ``--data``): when given, exactly these leaves are
    data that nobody differentiates, and every other labelled leaf shows its gradient,
    whether it is coloured as a parameter (``params``) or not.
    """
    group_of = {id(node): str(group) for node, group in (groups or {}).items()}
    fixed = None if data_leaves is None else {id(leaf) for leaf in data_leaves}
    names = Naming(root, params)
    order = names.order
    grads, raw = chain_rule(order)
    index = names.index

    wanted: list[bool] = []
    for node, kind in zip(order, names.kinds):
        if kind == "result":
            wanted.append(any(wanted[index[id(c)]] for c in node._prev))
        elif kind == "param":
            wanted.append(True)
        elif kind == "data":
            wanted.append(id(node) not in fixed if fixed is not None
                          else data or not names.has_params)
        else:
            wanted.append(False)

    shown = [s for s in raw if wanted[s[1]]]
    into: dict[int, list[float]] = {}
    for s in shown:
        into.setdefault(s[1], []).append(s[3] * s[4])  # upstream × local, as each step adds it

    nodes = []
    for k, node in enumerate(order):
        edges = node.edges()
        value = node.data
        spec = OPS.get(node._op)
        if spec is not None and spec.is_sum:
            value = zero_if_rounding(value, *spec.terms_of(node))
        nodes.append(Node(k, names.names[k], names.kinds[k], node._op,
                          names.symbol(node) if node._prev else "", names.forward(node),
                          value, grads[k], tuple(index[id(c)] for c in node._prev),
                          tuple(e.position for e in edges), tuple(e.local for e in edges),
                          tuple(names.local(node, e.position) for e in edges), wanted[k],
                          group_of.get(id(node), ""), tuple(into.get(k, ())),
                          tuple(names.slip(node, e.position) for e in edges),
                          tuple(tuple(index[id(r)] for r in names.reads(node, e.position))
                                for e in edges)))

    total = {k: len(terms) for k, terms in into.items()}
    seen: dict[int, int] = {}
    steps = []
    for k, (out, inp, position, upstream, local, before, after) in enumerate(shown, 1):
        seen[inp] = seen.get(inp, 0) + 1
        node = order[out]
        formula = nodes[out].formulas[nodes[out].positions.index(position)]  # written once per edge
        steps.append(Step(k, out, inp, position, upstream, local, upstream * local, before, after,
                          formula, names.rule(node), seen[inp], total[inp]))

    leaves = []
    for k, node in enumerate(order):
        if node._prev or not wanted[k]:
            continue
        leaves.append(Leaf(k, names.names[k], names.kinds[k], nodes[k].terms, nodes[k].grad))
    return Snapshot(tuple(nodes), tuple(steps), tuple(leaves), len(order) - 1)
