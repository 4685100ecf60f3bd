"""Computation graphs as pictures: ``draw(root)`` -> ``graphviz.Digraph``, ``render(root, path)``.

Every Value is a box with its label, data and gradient; every operation is its
own small node between its inputs and its output. Parameters, named inputs,
constants and intermediate results have different colours (``legend=True``
explains them). Op symbols come from ``engine.OPS`` and local-derivative
formulas from ``Value.edges()`` (shown as edge tooltips); nothing here computes a
derivative.

Stable ids, used by the classroom page to highlight parts of the SVG: with
``order = topo_sort(root)`` (inputs first), the value at index k is ``v{k}``, the op
that produced it ``o{k}``, the edge from input ``v{i}`` into that op ``e{i}_{k}`` and
the edge from the op to its result ``r{k}``. They are the DOT node names and the
``id`` of the SVG ``<g>`` elements. ``order=True`` numbers the values in the order
the backward pass visits them, ``reversed(order)``: 1 is the root.

Text from users (labels, titles) is escaped for Graphviz's HTML-like labels, so
quotes, ``<``, ``>``, ``&``, backslashes, newlines and Chinese are shown as typed.

Imports: engine, files, i18n, table, and the ``graphviz`` package (a pure-Python wrapper; the
``dot`` program itself is needed only by ``render``). The package
``micrograd_cn`` does not import this module, so ``import micrograd_cn`` stays fast.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Iterable

import graphviz

from micrograd_cn.engine import OPS, Value, topo_sort
from micrograd_cn.files import write_atomic
from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.table import num

# The first installed family wins; fonts-wqy-microhei comes from scripts/system-deps.sh.
FONT = "WenQuanYi Micro Hei,Noto Sans CJK SC,Microsoft YaHei,PingFang SC,sans-serif"
MAX_NODES = 200  # values drawn; beyond that dot is slow and the picture unreadable
MAX_LABEL = 40  # characters of a label shown in a box
MAX_FAN_OUT = 16  # uses of one value beyond which dot gets a cheaper layout (see draw)
DIGITS = 4  # significant digits in a box: table.num's numbers, shorter to keep boxes narrow
FORMATS = ("svg", "png", "pdf")
RANKDIRS = ("LR", "RL", "TB", "BT")

# kind -> (fill colour, border style); the legend text is the i18n key "viz_kind_<kind>".
STYLES = {
    "param": ("#fbd5b5", "rounded,filled,bold"),
    "input": ("#cfe3f7", "rounded,filled"),
    "const": ("#eeeeee", "rounded,filled,dashed"),
    "result": ("#ffffff", "rounded,filled"),
}
OP_FILL = "#fff3b0"
HIGHLIGHT = "#d62728"
_ID = re.compile(r"^(?:v|o|r)(\d+)$|^e(\d+)_(\d+)$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class DotNotFound(OSError):
    """Graphviz's ``dot`` program is not installed (the ``.dot`` file was written)."""


def escape(text: str, limit: int = MAX_LABEL) -> str:
    """User text -> safe content for a Graphviz HTML-like label.

    ``&<>"'`` become entities; a backslash is doubled because Graphviz still
    reads escapes like ``\\N`` inside HTML labels; a newline becomes ``<BR/>``;
    a tab becomes a space; other control characters (not allowed in SVG's XML)
    are shown as ``\\xNN``.
    """
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return html.escape(text).replace("\\", "\\\\").replace("\n", "<BR/>")


def _kind(node: Value, params: set[int]) -> str:
    if node._prev:
        return "result"
    if id(node) in params:
        return "param"
    return "input" if node.label else "const"


def _op_label(node: Value) -> str:
    """The op's symbol; x**n shows its exponent (x² is clearer than xⁿ)."""
    if node._op == "**" and node._arg is not None:
        return f"x<SUP>{escape(num(node._arg, DIGITS))}</SUP>"
    if node._op not in OPS:  # a custom op written the micrograd way: drawn by its name
        return escape(node._op or "?")
    return escape(OPS[node._op].symbol)


def _op_tooltip(node: Value) -> str:
    """What the op ellipse says on hover: ``*: a·b``, or a custom op's name alone."""
    op = OPS.get(node._op)
    return f"{op.name}: {op.forward}" if op else (node._op or "?")


def _value_label(node: Value, lang: str, show_grad: bool, step: int | None) -> str:
    lines = []
    if step is not None:
        lines.append(f'<FONT POINT-SIZE="9" COLOR="#555555">#{step}</FONT>')
    if node.label:
        lines.append(f"<B>{escape(node.label)}</B>")
    lines.append(f"{t('viz_data', lang)} {num(node.data, DIGITS)}")
    if show_grad:
        lines.append(f"{t('viz_grad', lang)} {num(node.grad, DIGITS)}")
    return "<" + "<BR/>".join(lines) + ">"


def _edge_tooltip(node: Value, child: Value, lang: str) -> str:
    """∂out/∂in for every position ``child`` takes (twice for x*x), from ``edges()``."""
    forward = OPS[node._op].forward if node._op in OPS else node._op
    parts = [t("viz_local", lang, forward=forward, formula=edge.formula, value=num(edge.local))
             for edge in node.edges() if edge.input is child]
    return "; ".join(parts)


def _count_up_to(root: Value, limit: int) -> int:
    """How many values are below ``root``, counting no further than ``limit + 1``."""
    seen = {id(root)}
    stack = [root]
    while stack and len(seen) <= limit:
        for child in stack.pop()._prev:
            if id(child) not in seen:
                seen.add(id(child))
                stack.append(child)
    return len(seen)


def too_large(root: Value, max_nodes: int = MAX_NODES) -> bool:
    """Whether ``draw`` would refuse ``root`` (more than ``max_nodes`` values below it)."""
    return _count_up_to(root, max_nodes) > max_nodes


def _highlighted(items: Iterable[Value | str] | None, index: dict[int, int],
                 ids: set[str]) -> set[str]:
    """The ids to mark: a Value stands for its box, a string is an id itself."""
    marked: set[str] = set()
    for item in items or ():
        if isinstance(item, Value):
            if id(item) not in index:
                raise ValueError(t("viz_highlight_value", value=show(item)))
            marked.add(f"v{index[id(item)]}")
        elif isinstance(item, str) and item in ids:
            marked.add(item)
        else:
            raise ValueError(t("viz_highlight_id", value=show(item)))
    return marked


def draw(root: Value, *, rankdir: str = "LR", lang: str | None = None, show_grad: bool = True,
         order: bool = False, highlight: Iterable[Value | str] | None = None,
         params: Iterable[Value] | None = None, legend: bool = False,
         title: str | None = None, max_nodes: int = MAX_NODES) -> graphviz.Digraph:
    """The computation graph below ``root`` as a ``graphviz.Digraph``.

    ``params`` are the Values to colour as parameters (e.g. ``mlp.parameters()``);
    other leaves are inputs (labelled) or constants (unlabelled). ``highlight``
    takes Values and/or ids (``"v3"``, ``"o3"``, ``"e1_3"``, ``"r3"``). ``lang`` defaults to
    the current language. Graphs with more than ``max_nodes`` values are refused
    with a message rather than drawn unreadably slowly.
    """
    if not isinstance(root, Value):
        raise TypeError(t("viz_not_value", kind=type(root).__name__))
    lang = check_lang(lang)
    if rankdir not in RANKDIRS:
        raise ValueError(t("viz_rankdir", value=show(rankdir), choices=", ".join(RANKDIRS)))
    count = _count_up_to(root, max_nodes)
    if count > max_nodes:
        raise ValueError(t("viz_too_large", limit=max_nodes))

    nodes = topo_sort(root)
    index = {id(node): k for k, node in enumerate(nodes)}
    ids = {f"v{k}" for k in range(len(nodes))}
    for k, node in enumerate(nodes):
        if node._prev:
            ids |= {f"o{k}", f"r{k}"} | {f"e{index[id(c)]}_{k}" for c in node._prev}
    marked = _highlighted(highlight, index, ids)
    param_ids = {id(p) for p in params or ()}

    dot = graphviz.Digraph("computation_graph", encoding="utf-8")
    dot.attr("graph", rankdir=rankdir, fontname=FONT, bgcolor="white", nodesep="0.25",
             ranksep="0.35")
    dot.attr("node", fontname=FONT, fontsize="11", margin="0.08,0.04")
    dot.attr("edge", fontname=FONT, fontsize="9", arrowsize="0.7", color="#555555")
    if title:
        dot.attr("graph", label=f"<{escape(title, 200)}>", labelloc="t", fontsize="14")
    uses: dict[int, int] = {}
    for node in nodes:
        for child in set(map(id, node._prev)):
            uses[child] = uses.get(child, 0) + 1
    if max(uses.values(), default=0) > MAX_FAN_OUT:
        # One value feeding many ops (x + x + … + x) makes dot's default layout take
        # minutes; straight edges and a short placement search take about a second.
        dot.attr("graph", nslimit="1", splines="line")

    def mark(name: str, attrs: dict[str, str]) -> dict[str, str]:
        if name in marked:
            attrs.update(color=HIGHLIGHT, penwidth="3")
        return attrs

    for k, node in enumerate(nodes):
        kind = _kind(node, param_ids)
        fill, style = STYLES[kind]
        step = len(nodes) - k if order else None
        attrs = {"id": f"v{k}", "shape": "box", "style": style, "fillcolor": fill,
                 "class": kind}
        if node is root:
            attrs["peripheries"] = "2"
        dot.node(f"v{k}", _value_label(node, lang, show_grad, step), **mark(f"v{k}", attrs))
        if not node._prev:
            continue
        dot.node(f"o{k}", f"<{_op_label(node)}>", **mark(f"o{k}", {
            "id": f"o{k}", "shape": "ellipse", "style": "filled", "fillcolor": OP_FILL,
            "fontsize": "12", "width": "0.3", "height": "0.3", "margin": "0.04",
            "class": "op", "tooltip": _op_tooltip(node)}))
        dot.edge(f"o{k}", f"v{k}", **mark(f"r{k}", {"id": f"r{k}"}))
        for child in dict.fromkeys(node._prev):  # x*x: one arrow, marked ×2
            i = index[id(child)]
            uses = node._prev.count(child)
            attrs = {"id": f"e{i}_{k}", "tooltip": _edge_tooltip(node, child, lang)}
            if uses > 1:
                attrs["label"] = f"×{uses}"
            dot.edge(f"v{i}", f"o{k}", **mark(f"e{i}_{k}", attrs))

    if legend:  # one small table, so it takes the room of a single box
        rows = [f'<TR><TD BORDER="0"><B>{escape(t("viz_legend", lang), 200)}</B></TD></TR>']
        for kind, (fill, style) in STYLES.items():
            border = ' STYLE="dashed"' if "dashed" in style else ""
            rows.append(f'<TR><TD BGCOLOR="{fill}"{border}>{escape(t(f"viz_kind_{kind}", lang), 200)}</TD></TR>')
        rows.append(f'<TR><TD BGCOLOR="{OP_FILL}" STYLE="rounded">{escape(t("viz_kind_op", lang), 200)}</TD></TR>')
        table = '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="3" CELLPADDING="3">' + "".join(rows)
        dot.node("legend", f"<{table}</TABLE>>", shape="plain", id="legend")
    return dot


def check_output(path: str | os.PathLike, formats: tuple[str, ...] = FORMATS) -> Path:
    """``path`` as a Path if it can be written: a known format, an existing directory."""
    path = Path(path)
    if path.suffix.lower().lstrip(".") not in formats:
        raise ValueError(t("viz_format", path=str(path), choices=", ".join(f".{f}" for f in formats)))
    if not path.parent.is_dir():
        raise ValueError(t("viz_no_dir", dir=str(path.parent)))
    return path


def pipe(graph: graphviz.Digraph, fmt: str, missing: str) -> bytes:
    """``graph`` laid out by ``dot`` as ``fmt`` bytes; Graphviz's failures become OSErrors.

    ``missing`` is the message when ``dot`` is not installed (it says what was not made).
    """
    try:
        return graph.pipe(format=fmt)
    except graphviz.ExecutableNotFound:
        raise DotNotFound(missing) from None
    except graphviz.CalledProcessError as err:
        detail = (err.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise OSError(t("viz_dot_failed", detail=detail[0] if detail else err.returncode)) from None


def render(root: Value, path: str | os.PathLike, **kw: object) -> Path:
    """Draw ``root`` into ``path`` (.svg, .png or .pdf) and its DOT source beside it.

    Returns the path written. Refuses a missing directory; never leaves a
    half-written file; if Graphviz's ``dot`` is missing, the ``.dot`` file is
    still written and ``DotNotFound`` says how to install Graphviz.
    Keyword arguments go to ``draw``.
    """
    path = check_output(path)
    fmt_ = path.suffix.lower().lstrip(".")
    graph = draw(root, **kw)  # type: ignore[arg-type]
    dot_path = path.with_suffix(".dot")
    write_atomic(dot_path, graph.source.encode("utf-8"))
    data = pipe(graph, fmt_, t("viz_dot_missing", path=str(path), dot=str(dot_path)))
    write_atomic(path, data)
    return path
