"""The chain-rule tracer: the backward pass as a list of steps, one per edge.

``trace(root)`` does what ``root.backward()`` does, in the same order, and
records every application of the chain rule

    ∂f/∂input  +=  ∂f/∂output × ∂output/∂input
                   (upstream)    (local)

as a ``Step``. The local derivative and its printable formula are read from
``node.edges()`` (recorded by the op in engine.py); nothing here computes a
derivative. The printers turn the steps into an aligned table, a narrative,
or one page per step for the interactive stepper of ``micrograd-cn step``.

Node names in the printouts
  * a node with a label is called by its label (``w₁``, ``z``, ``L``);
  * an unlabeled leaf (a constant such as the 1 of ``1 − a``) by its value;
  * the root, when unlabeled, is ``f``;
  * any other unlabeled node is ``v{k}``, where k is its position in
    ``topo_sort(root)`` -- the same k as the SVG ids ``v{k}``/``o{k}`` of the
    graph pictures;
  * a name that two different nodes would share gets ``#k`` appended.

Imports: engine, i18n and table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from micrograd_cn.engine import Value, gradient_error, is_custom, start_backward, topo_sort
from micrograd_cn.i18n import check_lang, language, t
from micrograd_cn.table import num, paren, table


@dataclass(frozen=True)
class Step:
    """One application of the chain rule: a gradient flowing along one edge."""

    output: Value  # the node whose gradient flows back
    input: Value  # the node it flows into
    upstream: float  # ∂root/∂output when this edge is applied
    local: float  # ∂output/∂input, as recorded by the op (Edge.local)
    contribution: float  # upstream × local, added to input.grad
    formula: str  # the op's printable local derivative (Edge.formula)
    grad_before: float  # input.grad just before this step
    grad_after: float  # input.grad just after this step
    output_index: int  # position of output in topo_sort(root)
    input_index: int  # position of input in topo_sort(root)
    position: int  # which input of output this edge is (index into output.edges())


def trace(root: Value) -> list[Step]:
    """Run the backward pass of ``root`` and return its chain-rule steps in order.

    Leaves every ``.grad`` exactly as ``root.backward()`` would: interior
    gradients are reset, the root is seeded with 1, and leaves accumulate.
    Each closure of the engine adds ``g × local`` to its input, so adding
    ``upstream × edge.local`` here gives bit-for-bit the same numbers.
    A custom op written the micrograd way (its own ``_backward``) is run as
    written; each input's change in gradient is its contribution. A gradient
    that leaves the float range raises the same error as ``backward()``.
    """
    order = start_backward(root)  # the same reset and seed as Value.backward
    index = {id(node): k for k, node in enumerate(order)}
    steps: list[Step] = []
    for node in reversed(order):
        upstream = node.grad
        if upstream - upstream:  # inf or nan: backward() stops here too
            raise gradient_error(order, node)
        if node._apply is None:  # a leaf (or a hand-made node without a rule)
            continue
        if is_custom(node):
            steps += _custom_steps(node, index)
            continue
        for position, edge in enumerate(node.edges()):
            child = edge.input
            before = child.grad
            contribution = upstream * edge.local
            child.grad = before + contribution
            steps.append(Step(node, child, upstream, edge.local, contribution, edge.formula,
                              before, child.grad, index[id(node)], index[id(child)], position))
    return steps


def _custom_steps(node: Value, index: dict[int, int]) -> list[Step]:
    """The steps of a user-written op: its closure run once as written, once probed.

    The probe (upstream 1, inputs' gradients 0, then put back) measures each
    input's local derivative; the real run leaves every gradient as backward()
    does, and each input's change is its contribution.
    """
    upstream = node.grad
    inputs = list(dict.fromkeys(node._prev))  # an input used twice is one step
    saved = [child.grad for child in inputs]
    for child in inputs:
        child.grad = 0.0
    node.grad = 1.0
    node._backward()
    local = [child.grad for child in inputs]
    for child, grad in zip(inputs, saved):
        child.grad = grad
    node.grad = upstream
    node._backward()
    formula = t("trace_custom_op", op=node._op or "?")
    return [Step(node, child, upstream, d, child.grad - before, formula, before, child.grad,
                 index[id(node)], index[id(child)], node._prev.index(child))
            for child, before, d in zip(inputs, saved, local)]


# ------------------------------------------------------------------ names
def node_names(order: Sequence[Value]) -> list[str]:
    """The printable name of every node of a topological order (see the module docstring)."""
    root = order[-1] if order else None
    names = []
    for k, node in enumerate(order):
        if node.label:
            names.append(node.label)
        elif not node._prev:
            names.append(num(node.data))
        elif node is root:
            names.append("f")
        else:
            names.append(f"v{k}")
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return [f"{name}#{k}" if counts[name] > 1 else name for k, name in enumerate(names)]


def _atom(name: str, tight: bool = False) -> str:
    """A name safe to write inside a formula: ``1−a`` becomes ``(1−a)``, ``w·x`` stays.

    Parentheses are needed when the name has a sum, difference, quotient or
    space outside its own parentheses, or starts with a minus sign (``−0.3``).
    ``tight`` is for a divisor, a power's base or exponent and the argument of
    ``ln``/``e^``, where a product needs them too: ``1/(w·x)``, ``(w·x)^2``.
    """
    breaks = " +/-−·*×^" if tight else " +/-−"
    depth = 0
    for ch in name:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and ch in breaks:
            return f"({name})"
    return name


_PLAIN = re.compile(r"[\w′#⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def _wrt(name: str) -> str:
    """A name after ∂: plain names stay, anything else is parenthesized (∂L/∂(y·log a))."""
    return name if _PLAIN.fullmatch(name) else f"({name})"


# Which single letters of an op's printed formula stand for which input.
_LETTERS = {1: {"x": 0}, 2: {"a": 0, "b": 1, "x": 0, "n": 1}}


def fill_formula(node: Value, position: int, formula: str, names: dict[int, str]) -> str:
    """The edge's formula with the generic letters replaced by node names.

    ``σ(x)(1−σ(x))`` on the input ``z`` reads ``σ(z)(1−σ(z))``; the ``b`` of
    ``∂(a·b)/∂a`` becomes the name of the other factor; ``xᵢ``/``wᵢ`` of the fused
    weighted sum become the names of that input and weight. ``names`` maps
    ``id(node)`` to its name.
    """
    inputs = [names[id(c)] for c in node._prev]
    if node._op == "wsum":
        n = (len(inputs) - 1) // 2
        if position == 2 * n:
            return formula
        partner = position + n if position < n else position - n  # w ↔ x
        return _atom(inputs[partner])
    letters = _LETTERS.get(len(inputs), {})
    if node._op != "**":
        letters = {k: v for k, v in letters.items() if k != "n"}
    if node._op == "**" and node._arg is not None:
        letters = {"x": 0}  # the exponent is a number already written in
    if formula in letters:  # the whole derivative is one input (×): the caller groups it
        return _atom(inputs[letters[formula]])

    def name(m: re.Match) -> str:
        letter = m.group(1)
        if letter not in letters:
            return letter
        text = inputs[letters[letter]]
        if formula[m.start() - 1:m.start()] == "(" and formula[m.end():m.end() + 1] == ")":
            return text  # σ(x), tanh²(x): the formula's own parentheses suffice
        return _atom(text, tight=True)

    text = re.sub(r"(?<![A-Za-z_])([abxn])(?![A-Za-z_])", name, formula)
    return text.replace("eˣ", f"e^{_atom(inputs[0], tight=True)}")


def forward_text(node: Value, names: dict[int, str]) -> str:
    """How ``node`` is computed from its inputs' names: ``w₁·x₁``, ``σ(z)``, ``log(1−a)``."""
    args = [_atom(names[id(c)]) for c in node._prev]
    op = node._op
    binary = {"+": " + ", "-": " − ", "*": "·", "/": " / "}
    if op == "/" and len(args) == 2:  # a divisor needs parentheses around a product too
        return f"{args[0]} / {_atom(names[id(node._prev[1])], tight=True)}"
    if op in binary and len(args) == 2:
        return binary[op].join(args)
    if op == "neg":
        return f"−{args[0]}"
    if op == "**":
        inputs = [_atom(names[id(c)], tight=True) for c in node._prev]
        exponent = paren(float(node._arg)) if node._arg is not None else inputs[1]
        return f"{inputs[0]}^{exponent}"
    if op == "sigmoid":
        return f"σ({names[id(node._prev[0])]})"
    if op == "relu":
        return f"ReLU({names[id(node._prev[0])]})"
    if op in ("exp", "log", "tanh"):
        return f"{op}({names[id(node._prev[0])]})"
    if op == "wsum":
        n = (len(args) - 1) // 2
        terms = [f"{args[i]}·{args[n + i]}" for i in range(n)]
        return " + ".join(terms + [args[-1]])
    return f"{op}({', '.join(args)})"


# ------------------------------------------------------------------ printers
class _Names:
    """Names of the nodes of one graph, by topo index and by identity."""

    def __init__(self, root: Value) -> None:
        self.order = topo_sort(root)
        self.list = node_names(self.order)
        self.by_id = {id(node): name for node, name in zip(self.order, self.list)}
        self.root = self.list[-1]

    def of(self, node: Value) -> str:
        return self.by_id[id(node)]

    def d(self, node: Value) -> str:
        """∂root/∂node, written out."""
        return f"∂{_wrt(self.root)}/∂{_wrt(self.of(node))}"


def render_forward(root: Value, lang: str | None = None) -> str:
    """The forward pass: every computed node as ``name = formula = value``, inputs first."""
    lang = check_lang(lang)
    names = _Names(root)
    rows = []
    for node, name in zip(names.order, names.list):
        if node._prev:
            rows.append([name, "=", forward_text(node, names.by_id), "=", num(node.data)])
        elif node.label:
            rows.append([name, "=", "", "", num(node.data)])
    lines = [t("trace_forward_title", lang)]
    lines += table(["", "", "", "", ""], rows, "<<<<>")[2:]
    return "\n".join(lines)


def _shares(steps: Sequence[Step]) -> list[tuple[int, int]]:
    """For each step: (which contribution into its input this is, how many there are)."""
    total: dict[int, int] = {}
    for s in steps:
        total[id(s.input)] = total.get(id(s.input), 0) + 1
    seen: dict[int, int] = {}
    out = []
    for s in steps:
        seen[id(s.input)] = seen.get(id(s.input), 0) + 1
        out.append((seen[id(s.input)], total[id(s.input)]))
    return out


def describe_step(step: Step, names: _Names, lang: str | None = None,
                  share: tuple[int, int] = (1, 1)) -> str:
    """One step in words: the chain rule with its formula and numbers, then the total.

    ``share`` = (i, n): this is the i-th of the n contributions into ``step.input``.
    With a single contribution the line reads ∂L/∂z = ∂L/∂a · ∂a/∂z = … ; with
    several, each step shows its share and the running sum.
    """
    lang = check_lang(lang)
    out, inp = names.of(step.output), names.of(step.input)
    formula = fill_formula(step.output, step.position, step.formula, names.by_id)
    product = f"{names.d(step.output)} · ∂{_wrt(out)}/∂{_wrt(inp)} = {paren(step.upstream)} × "
    if _atom(formula) != paren(step.local):  # a symbolic formula: show it, then its value
        product += f"{_atom(formula)} = {paren(step.upstream)} × "
    product += f"{paren(step.local)} = {num(step.contribution)}"
    lines = [t("trace_flow", lang, out=out, inp=inp)]
    i, n = share
    if n == 1 and step.grad_before == 0.0:
        lines.append(f"{names.d(step.input)} = {product}")
    elif i == 1 and step.grad_before == 0.0:
        lines += [t("trace_share", lang, expr=product),
                  t("trace_first_share", lang, d=names.d(step.input), after=num(step.grad_after),
                    n=n)]
    else:
        lines += [t("trace_share", lang, expr=product),
                  t("trace_total_acc", lang, d=names.d(step.input), before=num(step.grad_before),
                    add=paren(step.contribution), after=num(step.grad_after), i=i, n=n)]
    return "\n".join(lines)


def render_narrative(root: Value, steps: Sequence[Step], lang: str | None = None) -> str:
    """The steps as numbered sentences, then the leaves' gradients."""
    lang = check_lang(lang)
    names = _Names(root)
    parts = []
    for k, (step, share) in enumerate(zip(steps, _shares(steps)), 1):
        body = describe_step(step, names, lang, share).replace("\n", "\n    ")
        parts.append(f"{t('trace_step', lang, k=k, n=len(steps))}  {body}")
    parts += ["", render_leaves(root, steps, lang)]
    return "\n".join(parts)


def render_table(root: Value, steps: Sequence[Step], lang: str | None = None) -> str:
    """The steps as one aligned table, then the leaves' gradients."""
    lang = check_lang(lang)
    names = _Names(root)
    header = [t(key, lang) for key in ("trace_col_step", "trace_col_edge", "trace_col_upstream",
                                       "trace_col_formula", "trace_col_local",
                                       "trace_col_contribution", "trace_col_grad")]
    header[2] = header[2].format(root=_wrt(names.root))
    header[6] = header[6].format(root=_wrt(names.root))
    rows = []
    for k, s in enumerate(steps, 1):
        rows.append([str(k), f"{names.of(s.output)} → {names.of(s.input)}", num(s.upstream),
                     fill_formula(s.output, s.position, s.formula, names.by_id), num(s.local),
                     num(s.contribution), num(s.grad_after)])
    lines = table(header, rows, "><><>>>")
    return "\n".join(lines + ["", render_leaves(root, steps, lang)])


def render_leaves(root: Value, steps: Sequence[Step], lang: str | None = None) -> str:
    """Each leaf that received gradient: the sum of its contributions and its .grad."""
    lang = check_lang(lang)
    names = _Names(root)
    rows = []
    for node in names.order:
        if node._prev or not node.label:
            continue  # constants are not asked about; interior nodes are in the steps
        parts = [s.contribution for s in steps if s.input is node]
        if not parts:
            continue
        terms = " + ".join(paren(c) for c in parts)
        rows.append([names.d(node), "=", terms, "=", num(node.grad)])
    if not rows:
        return t("trace_no_leaves", lang)
    return "\n".join([t("trace_leaves_title", lang)] + table(["", "", "", "", ""], rows,
                                                             "<<<<>")[2:])


def render_trace(root: Value, steps: Sequence[Step] | None = None, *, lang: str | None = None,
                 style: str = "table") -> str:
    """Forward pass, then the backward steps (``style`` "table" or "narrative").

    Without ``steps`` this runs ``trace(root)`` first, which sets the gradients.
    """
    lang = check_lang(lang)
    if style not in ("table", "narrative"):
        raise ValueError(t("trace_bad_style", lang, style=repr(style)))
    if steps is None:
        with language(lang):  # a custom op's formula is written while tracing
            steps = trace(root)
    if not steps:  # nothing flows: the root is a leaf (or a node without a rule)
        name = node_names([root])[0]
        return "\n".join([render_forward(root, lang), "",
                          t("trace_no_steps", lang, d=f"∂{_wrt(name)}/∂{_wrt(name)}")])
    body = render_table(root, steps, lang) if style == "table" else render_narrative(
        root, steps, lang)
    title = t("trace_backward_title", lang, n=len(steps))
    return "\n".join([render_forward(root, lang), "", title, body])


def step_pages(root: Value, steps: Sequence[Step], lang: str | None = None) -> list[str]:
    """One page per step for the interactive stepper (the forward pass on page 0)."""
    lang = check_lang(lang)
    names = _Names(root)
    pages = [render_forward(root, lang)]
    for k, (step, share) in enumerate(zip(steps, _shares(steps)), 1):
        pages.append(f"{t('trace_step', lang, k=k, n=len(steps))}\n"
                     f"{describe_step(step, names, lang, share)}")
    pages.append(render_leaves(root, steps, lang))
    return pages
