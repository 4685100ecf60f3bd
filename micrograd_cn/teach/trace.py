"""The chain-rule tracer: the backward pass as a list of steps, one per edge, and its printers.

``trace(root)`` lists every application of the chain rule

    ∂f/∂input  +=  ∂f/∂output × ∂output/∂input
                   (upstream)    (local)

in the order ``root.backward()`` applies them, as ``TraceStep`` records that point at the
Values. It is a pure observation: no ``.grad`` is read or written (the pass itself is
``snapshot.chain_rule``), so tracing twice, or after ``backward()``, gives the same steps.
The local derivative is the op's recorded number (``Value.edges()``) and its formula
the op's template written with names (``naming``); nothing here computes a derivative.

The printers read a ``snapshot.Snapshot`` (names, formulas and numbers frozen once) and
return ``doc`` blocks, so the same trace renders as terminal text, Markdown or LaTeX:
the forward pass, then the steps as one table or as sentences, then each asked-about
leaf's gradient as the sum of its contributions. Node names are ``naming``'s.

``paths(root, wrt)`` (from ``micrograd_cn.teach.paths``, re-exported here) gives the same
derivative the other way round: every path from the root to ``wrt`` with the
product of its local derivatives.

Imports: engine, naming, snapshot, paths, doc, i18n and table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from micrograd_cn.engine import Value
from micrograd_cn.i18n import check_lang, lang_record, t
from micrograd_cn.notation import num, paren
from micrograd_cn.ops import OPS
from micrograd_cn.teach import doc
from micrograd_cn.teach.doc import Block, Math, Para, Table
from micrograd_cn.teach.naming import Naming, atom, wrt
from micrograd_cn.teach.paths import ChainPath, count_paths, paths  # noqa: F401  (trace.paths)
from micrograd_cn.teach.snapshot import Snapshot, chain_rule, snapshot
from micrograd_cn.teach.snapshot import Step as SnapshotStep


@dataclass(frozen=True)
class TraceStep:
    """One application of the chain rule: a gradient flowing along one edge."""

    output: Value  # the node whose gradient flows back
    input: Value  # the node it flows into
    upstream: float  # ∂root/∂output when this edge is applied
    local: float  # ∂output/∂input, as recorded by the op (Edge.local)
    contribution: float  # upstream × local, added to ∂root/∂input
    formula: str  # the local derivative written with the nodes' names (naming)
    grad_before: float  # ∂root/∂input just before this step
    grad_after: float  # … and just after it
    output_index: int  # position of output in topo_sort(root)
    input_index: int  # position of input in topo_sort(root)
    position: int  # which input of output this edge is (index into output.edges())


def trace(root: Value) -> list[TraceStep]:
    """The chain-rule steps of ``root``'s backward pass, in order; no ``.grad`` is touched.

    The numbers are the engine's: each step adds ``upstream × edge.local`` exactly as
    the op's closure does, so every ``grad_after`` of a leaf's last step is bit for bit
    the ``.grad`` that ``root.backward()`` gives a fresh graph.
    """
    names = Naming(root)
    order = names.order
    _, raw = chain_rule(order)
    return [TraceStep(order[o], order[i], up, local, up * local, names.local(order[o], pos),
                 before, after, o, i, pos)
            for o, i, pos, up, local, before, after in raw]


# ------------------------------------------------------------------ printers
def forward_blocks(ls: Snapshot, lang: str) -> list[Block]:
    """The forward pass: every named leaf and computed node as ``name = formula = value``."""
    lines = []
    for node in ls.nodes:
        if node.kind == "const":
            continue  # a constant is written as its value wherever it is used
        formula = f" = {node.forward}" if node.forward and node.forward != node.name else ""
        lines.append(f"{node.name}{formula} = {num(node.value)}")
    return [Para(t("trace_forward_title", lang)), Math(tuple(lines))]


def equation(ls: Snapshot, step: SnapshotStep) -> str:
    """The chain rule of one step with names, then numbers: ``∂f/∂w = ∂f/∂v1 · x = 0.25 × 2 = 0.5``.

    The upstream factor is written ``1`` when it is the root's own ∂f/∂f, and the local
    factor as the op's formula (``σ′(z)``, ``x``): never as ∂output/∂input, so no line
    names its own left side on its right. A contribution into a node that receives
    several is written ``+=``.
    """
    upstream = "1" if step.output == ls.root else ls.d(step.output)
    sides = [f"{upstream} · {atom(step.formula)}", f"{paren(step.upstream)} × {paren(step.local)}",
             num(step.contribution)]
    distinct: list[str] = []
    for side in sides:  # "1 · 1 = 1 × 1" says the same twice: keep one
        if not distinct or side.replace("·", "×") != distinct[-1].replace("·", "×"):
            distinct.append(side)
    sign = " += " if step.shares > 1 else " = "
    return ls.d(step.input) + sign + " = ".join(distinct)


def sum_line(ls: Snapshot, index: int) -> str:
    """A complete gradient written as its sum: ``∂f/∂u = 1 + (−0.75) + (−0.75) = −0.5``.

    The terms are the contributions the steps added into the node, in the order they
    ran (negative ones in parentheses); one term is written as its value alone.
    """
    node = ls.nodes[index]
    if len(node.terms) < 2:
        return f"{ls.d(index)} = {num(node.grad)}"
    return f"{ls.d(index)} = {' + '.join(paren(c) for c in node.terms)} = {num(node.grad)}"


def equation_lines(ls: Snapshot) -> tuple[str, ...]:
    """Every step's chain-rule line; after the last contribution into a node that gets
    several, that node's gradient written as their sum (it is complete from there on)."""
    lines = []
    for step in ls.steps:
        lines.append(equation(ls, step))
        if step.shares > 1 and step.share == step.shares:
            lines.append(sum_line(ls, step.input))
    return tuple(lines)


def sums_blocks(ls: Snapshot, lang: str) -> list[Block]:
    """The computed nodes that receive several contributions, each gradient as its sum
    (in the order they are completed; the leaves follow in ``leaves_blocks``)."""
    lines = [sum_line(ls, s.input) for s in ls.steps
             if s.shares > 1 and s.share == s.shares and ls.nodes[s.input].inputs]
    return [Para(t("trace_sums_title", lang)), Math(tuple(lines))] if lines else []


def _why(ls: Snapshot, step: SnapshotStep, lang: str) -> str:
    """Why the local derivative is what it is, with its value."""
    node = ls.nodes[step.output]
    spec = OPS.get(node.op)
    why = t(spec.why if spec else "why_custom", lang, op=node.op)
    if spec is not None and spec.rule_at is not None:  # a rule with cases: say which one holds
        inp = ls.nodes[step.input]
        case = t(spec.rule_at(inp.value), lang, x=inp.name, value=num(inp.value))
        return t("trace_local", lang, why=why, rule=lang_record(lang).colon + case)
    shown = step.rule or (step.formula if step.formula != num(step.local) else "")
    if shown:
        shown = lang_record(lang).colon + f"{shown} = {num(step.local)}"
    return t("trace_local", lang, why=why, rule=shown)


def step_blocks(ls: Snapshot, step: SnapshotStep, lang: str) -> list[Block]:
    """One step in words: what flows where, why the local derivative is what it is, the sum."""
    out, inp = ls.nodes[step.output], ls.nodes[step.input]
    if out.forward in ("", out.name):  # a node named by its own formula: say it once
        flow = t("trace_flow_named", lang, out=out.name, inp=inp.name)
    else:
        flow = t("trace_flow", lang, out=out.name, forward=out.forward, inp=inp.name)
    head = f"{t('trace_step', lang, k=step.k, n=len(ls.steps))}  " + flow
    blocks: list[Block] = [Para(head), Para("    " + _why(ls, step, lang)), Math.of(equation(ls, step))]
    if step.shares > 1:
        d = ls.d(step.input)
        if step.share == 1:
            text = t("trace_first", lang, inp=inp.name, n=step.shares, d=d, after=num(step.grad_after))
        else:
            text = t("trace_more", lang, inp=inp.name, i=step.share, n=step.shares, d=d,
                     before=num(step.grad_before), add=paren(step.contribution),
                     after=num(step.grad_after))
        if step.share == step.shares:
            text += lang_record(lang).gap + t("trace_last", lang, inp=inp.name)
        blocks.append(Para("    " + text))
        if step.share == step.shares:  # complete: written as the sum of all it received
            blocks.append(Math.of(sum_line(ls, step.input)))
    return blocks


def table_blocks(ls: Snapshot, lang: str) -> list[Block]:
    """The steps as one table."""
    root = ls.root_name
    header = [t(key, lang) for key in ("trace_col_step", "trace_col_edge", "trace_col_upstream",
                                       "trace_col_formula", "trace_col_local",
                                       "trace_col_contribution", "trace_col_grad")]
    header[2] = header[2].format(root=wrt(root))
    header[6] = header[6].format(root=wrt(root))
    rows = [[str(s.k), f"{ls.nodes[s.output].name} → {ls.nodes[s.input].name}", num(s.upstream),
             s.formula, num(s.local), num(s.contribution), num(s.grad_after)] for s in ls.steps]
    return [Table.of(header, rows, "><><>>>")]


def leaves_blocks(ls: Snapshot, lang: str) -> list[Block]:
    """Each asked-about leaf: ∂f/∂leaf = the sum of its contributions (one term: just the value)."""
    lines = []
    for leaf in ls.leaves:
        if leaf.index == ls.root or leaf.terms:  # the root is itself a leaf: ∂x/∂x = 1
            lines.append(sum_line(ls, leaf.index))
    if not lines:
        return [Para(t("trace_no_leaves", lang))]
    asked = [leaf for leaf in ls.leaves if leaf.terms]
    if asked and all(leaf.kind == "param" for leaf in asked):  # data were not asked about
        data = [node.name for node in ls.nodes if node.kind == "data"]
        title = (t("trace_params_title", lang, data=lang_record(lang).sep.join(data))
                 if data else t("trace_params_only_title", lang))
    else:
        title = t("trace_leaves_title", lang)
    return [Para(title), Math(tuple(lines))]


def no_steps(ls: Snapshot, lang: str) -> str:
    """Why a snapshot has no chain-rule step: the root is a leaf, or only constants feed it."""
    if ls.nodes[ls.root].inputs:
        return t("trace_only_constants", lang, root=ls.root_name)
    return t("trace_no_steps", lang, d=ls.d(ls.root))


STYLES = ("table", "narrative", "equations")


def trace_blocks(ls: Snapshot, lang: str | None = None, style: str = "table") -> list[Block]:
    """Forward pass, the backward steps, the leaves' sums.

    ``style``: "table" (one row per step), "narrative" (sentences) or "equations"
    (every step's chain-rule line in one block: an ``align`` in LaTeX, for slides).
    """
    lang = check_lang(lang)
    if style not in STYLES:
        raise ValueError(t("trace_bad_style", lang, style=repr(style)))
    blocks = forward_blocks(ls, lang) + [Para("")]
    root = ls.root_name
    if not ls.steps:
        return blocks + [Para(no_steps(ls, lang))]
    blocks += [Para(t("trace_backward_title", lang, n=len(ls.steps))),
               Para(t("trace_seed", lang, root=root, d=ls.d(ls.root)))]
    if style == "table":
        blocks += table_blocks(ls, lang)
        sums = sums_blocks(ls, lang)
        blocks += [Para("")] + sums if sums else []
    elif style == "equations":
        blocks.append(Math(equation_lines(ls)))
    else:
        for step in ls.steps:
            blocks += [Para("")] + step_blocks(ls, step, lang)
    return blocks + [Para("")] + leaves_blocks(ls, lang)


def render_trace(root: Value, *, lang: str | None = None, style: str = "table",
                 params: Iterable[Value] | None = None, data: bool = False,
                 fmt: str = "text") -> str:
    """The trace of ``root`` as text (``fmt`` "text", "md" or "latex"); see ``trace_blocks``."""
    return doc.render(trace_blocks(snapshot(root, params, data=data), lang, style), fmt)


def trace_json(ls: Snapshot, expression: str | None = None) -> dict:
    """The trace for other tools: nodes, steps and gradients, names as strings, numbers as numbers.

    Each step: ``output`` and ``input`` (names), ``upstream``, ``local``, ``contribution``
    (= upstream × local), ``formula`` (the local derivative with names), ``rule``,
    ``grad_before`` and ``grad_after`` (∂root/∂input around this step). Each node's
    ``terms`` are the contributions added into it, in order: its ``grad`` is their sum
    (the root's is its seed 1, with no terms). ``gradients`` holds each asked-about
    leaf's final gradient.
    """
    names = [node.name for node in ls.nodes]
    data: dict = {} if expression is None else {"expression": expression}
    data.update({
        "root": ls.root_name,
        "nodes": [{"name": n.name, "kind": n.kind, "op": n.op, "forward": n.forward,
                   "value": n.value, "grad": n.grad if n.wanted else None,
                   "terms": list(n.terms)} for n in ls.nodes],
        "steps": [{"k": s.k, "output": names[s.output], "input": names[s.input],
                   "upstream": s.upstream, "local": s.local, "contribution": s.contribution,
                   "formula": s.formula, "rule": s.rule, "grad_before": s.grad_before,
                   "grad_after": s.grad_after} for s in ls.steps],
        "gradients": {leaf.name: leaf.grad for leaf in ls.leaves},
    })
    return data


def step_pages(ls: Snapshot, lang: str | None = None) -> list[str]:
    """One page per step for the stepper and the browser page (the forward pass on page 0)."""
    lang = check_lang(lang)
    pages = [doc.render(forward_blocks(ls, lang) + [Para("")] + [
        Para(t("trace_seed", lang, root=ls.root_name, d=ls.d(ls.root)))])]
    for step in ls.steps:
        pages.append(doc.render(step_blocks(ls, step, lang)))
    pages.append(doc.render(leaves_blocks(ls, lang)))
    return pages
