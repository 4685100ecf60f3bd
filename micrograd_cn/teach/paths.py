"""Path products: a derivative as the sum, over every path, of the local derivatives along it.

Seed 002 derives ∂L/∂w by the chain rule along one path, ∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w.
In a graph where a value is used more than once there are several paths from the
root down to it, and the derivative is the sum of their products (``x*x``: two
paths, x and x, summing to 2x). ``paths(root, wrt)`` lists them: each ``ChainPath``
has its ``nodes`` (root first, ``wrt`` last), the local derivative of each edge
(the op's recorded number, ``Value.edges()``) and its formula (``naming``), and
their ``product``. The products add up to what ``backward()`` gives ``wrt.grad``
(up to the rounding of a different order of additions).

Paths multiply on diamond-shaped graphs (n diamonds in a row: 2ⁿ paths), while the
backward pass visits each edge once; that is the point of backpropagation. So
the paths are counted first (one pass over the graph, inputs first) and more than
``MAX_PATHS`` are refused with a message that suggests ``trace``.

Nothing here reads or writes ``.grad``; the backward pass shown beside the sum
is ``snapshot.chain_rule``'s, computed on the side.

Imports: engine, naming, snapshot, doc, i18n and table.
"""

from __future__ import annotations

from dataclasses import dataclass

from micrograd_cn.engine import Value
from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.notation import num, paren
from micrograd_cn.teach import doc
from micrograd_cn.teach.doc import Block, Math, Para
from micrograd_cn.teach.naming import Naming, atom, derivative, local_derivative
from micrograd_cn.teach.snapshot import chain_rule

MAX_PATHS = 64  # more would not fit a page, and a teacher would not read them: use trace


@dataclass(frozen=True)
class ChainPath:
    """One path from the root down to ``wrt``, with the local derivative of each edge."""

    nodes: tuple[Value, ...]  # root first, wrt last
    positions: tuple[int, ...]  # which input of nodes[i] nodes[i + 1] is
    locals: tuple[float, ...]  # ∂nodes[i]/∂nodes[i + 1], as the op recorded it
    names: tuple[str, ...]  # the nodes' names (naming)
    formulas: tuple[str, ...]  # each local derivative written with names: "σ′(z)", "x"
    forwards: tuple[str, ...] = ()  # the formula of each node but the last ("σ(z)", "w·x + b")

    @property
    def product(self) -> float:
        """The local derivatives multiplied, root end first (1 for the empty path)."""
        p = 1.0
        for d in self.locals:
            p *= d
        return p

    @property
    def factors(self) -> tuple[str, ...]:
        """Each edge's local derivative by the op's own formula: ``∂σ(z)/∂z``, ``∂(w·x + b)/∂w``.

        Not ``∂a/∂z``: in a graph where a node is used twice, ``∂f/∂v`` is the whole gradient
        (every path), while one edge's factor is the op's own derivative (naming.local_derivative).
        """
        forwards = self.forwards or self.names
        return tuple(local_derivative(f or a, b)
                     for f, a, b in zip(forwards, self.names, self.names[1:]))


def count_paths(root: Value, wrt: Value) -> int:
    """How many paths lead from ``root`` down to ``wrt`` (an input used twice counts twice).

    One pass over ``topo_sort(root)``, inputs first: a node's count is the sum of
    its inputs' counts, ``wrt`` counting 1. Exact (Python integers never overflow).
    """
    names = Naming(root)
    _check(names, wrt)
    return _counts(names, wrt)[-1]


def _check(names: Naming, wrt: Value) -> None:
    if not isinstance(wrt, Value):
        raise TypeError(t("paths_wrt_not_value", kind=type(wrt).__name__, value=show(wrt)))
    if id(wrt) not in names.index:
        raise ValueError(t("paths_wrt_not_in_graph", value=show(wrt), root=names.root_name))


def _counts(names: Naming, wrt: Value) -> list[int]:
    counts = []
    for node in names.order:
        if node is wrt:
            counts.append(1)
        else:
            counts.append(sum(counts[names.index[id(c)]] for c in node._prev))
    return counts


def paths(root: Value, wrt: Value, limit: int = MAX_PATHS) -> list[ChainPath]:
    """Every path from ``root`` down to ``wrt`` (see the module docstring).

    Paths come in the order of the inputs as recorded (the left operand first).
    More than ``limit`` paths are refused with a ValueError that says how many
    there are and suggests ``trace``.
    """
    names = Naming(root)
    _check(names, wrt)
    counts = _counts(names, wrt)
    total = counts[-1]
    if total > limit:
        edges = sum(len(node._prev) for node in names.order)
        raise ValueError(t("paths_too_many", n=total, limit=limit, root=names.root_name,
                           wrt=names.of(wrt), edges=edges))
    index = names.index
    found: list[ChainPath] = []
    # depth-first, iterative: (node, the edges taken so far)
    stack: list[tuple[Value, tuple[tuple[Value, int, float], ...]]] = [(root, ())]
    while stack:
        node, taken = stack.pop()
        if node is wrt:
            nodes = (root,) + tuple(step[0] for step in taken)
            parents = nodes[:-1]
            found.append(ChainPath(
                nodes, tuple(step[1] for step in taken), tuple(step[2] for step in taken),
                tuple(names.of(n) for n in nodes),
                tuple(names.local(p, step[1]) for p, step in zip(parents, taken)),
                tuple(names.forward(p) for p in parents)))
            continue
        for edge in reversed(node.edges()):  # reversed: the stack pops the first input first
            if counts[index[id(edge.input)]]:
                stack.append((edge.input, taken + ((edge.input, edge.position, edge.local),)))
    return found


# ------------------------------------------------------------------ printing
def _equation(path: ChainPath, left: str | None) -> str:
    """``left = ∂L/∂a · ∂a/∂z = a·σ′(z) = 2 × 0.25 = 0.5``, repeated sides written once."""
    if not path.locals:
        return f"{left} = 1" if left else "1"
    sides = []
    if len(path.factors) > 1:  # one factor would name the left side on the right
        sides.append(" · ".join(path.factors))
    sides.append("·".join(atom(f) for f in path.formulas))
    sides.append(" × ".join(paren(d) for d in path.locals))
    sides.append(num(path.product))
    distinct: list[str] = []
    for side in sides:
        if not distinct or side != distinct[-1]:
            distinct.append(side)
    text = " = ".join(distinct)
    return f"{left} = {text}" if left else text


def paths_blocks(root: Value, wrt: Value, lang: str | None = None,
                 limit: int = MAX_PATHS) -> list[Block]:
    """Each path as a product of local derivatives with names and numbers, then their sum.

    The sum is set beside the gradient the backward pass gives (computed on the
    side, ``snapshot.chain_rule``), so the two can be compared.
    """
    lang = check_lang(lang)
    found = paths(root, wrt, limit)
    names = Naming(root)
    target = derivative(names.root_name, names.of(wrt))
    if not found:
        return [Para(t("paths_none", lang, root=names.root_name, wrt=names.of(wrt), d=target))]
    grads, _ = chain_rule(names.order)
    grad = grads[names.index[id(wrt)]]
    blocks: list[Block] = [Para(t("paths_title", lang, n=len(found), root=names.root_name,
                                  wrt=names.of(wrt), d=target)), Para("")]
    if len(found) == 1:
        path = found[0]
        blocks += [Para(" → ".join(path.names)), Math.of(_equation(path, target))]
    else:
        for k, path in enumerate(found, 1):
            blocks.append(Para(t("paths_path", lang, k=k, route=" → ".join(path.names))))
            if len(path.locals) == 1:  # "v2 = 8" alone would read as a value, not a slope
                blocks.append(Para(t("paths_one_edge", lang)))
            blocks.append(Math.of(_equation(path, None)))
        terms = " + ".join(paren(p.product) for p in found)
        total = 0.0
        for p in found:
            total += p.product
        blocks += [Para(""), Para(t("paths_sum", lang)),
                   Math.of(f"{target} = {terms} = {num(total)}")]
    blocks += [Para(""), Para(t("paths_backward", lang, d=target, grad=num(grad)))]
    return blocks


def render_paths(root: Value, wrt: Value, lang: str | None = None, fmt: str = "text") -> str:
    """``paths_blocks`` as text (``fmt`` "text", "md" or "latex")."""
    return doc.render(paths_blocks(root, wrt, lang), fmt)


def node_named(root: Value, name: str) -> Value:
    """The node below ``root`` that ``naming`` calls ``name`` (a leaf or a named step)."""
    names = Naming(root)
    for node, shown in zip(names.order, names.names):
        if shown == name.strip() and names.kind(node) != "const":
            return node
    choices = ", ".join(n for n, kind in zip(names.names, names.kinds) if kind != "const")
    raise ValueError(t("paths_unknown_name", name=show(name), names=choices))
