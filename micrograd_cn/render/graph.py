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

Networks: ``draw(loss, model=mlp)`` colours ``mlp.parameters()`` as parameters and
draws ``mlp.groups(loss)`` as boxes (Graphviz clusters): one per layer, and one per
neuron inside its layer for an unfused network, so ``MLP(2, [2, 1])`` reads as
its layers from left to right. The groups come from ``nn``; the names in the boxes
from ``naming`` (nn's labels wˡⱼₖ, bˡⱼ, zˡⱼ, aˡⱼ, xₖ, yⱼ).

Projector: ``projector=True`` doubles every type size and line width, and a PNG
is rendered at a resolution that makes it at least ``PROJECTOR_WIDTH`` pixels wide.

Text from users (labels, titles) is escaped for Graphviz's HTML-like labels, so
quotes, ``<``, ``>``, ``&``, backslashes, newlines and Chinese are shown as typed.

Imports: engine, files, i18n, table, and the ``graphviz`` package (a pure-Python wrapper; the
``dot`` program itself is needed only by ``render``). The package
``micrograd_cn`` does not import this module, so ``import micrograd_cn`` stays fast.
"""

from __future__ import annotations

import html
import math
import os
import re
from pathlib import Path
from typing import Callable, Iterable, Mapping, Protocol, Sequence, TypeGuard

import graphviz

from micrograd_cn.engine import Value, topo_sort
from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.notation import PICTURE, num
from micrograd_cn.render.files import is_stream, write_output
from micrograd_cn.teach.snapshot import Node, Snapshot, snapshot

# The first installed family wins; fonts-wqy-microhei comes from scripts/system-deps.sh.
FONT = "WenQuanYi Micro Hei,Noto Sans CJK SC,Microsoft YaHei,PingFang SC,sans-serif"
MAX_NODES = 200  # values drawn; beyond that dot is slow and the picture unreadable
MAX_LABEL = 40  # characters of a label shown in a box
MAX_FAN_OUT = 16  # uses of one value beyond which dot gets a cheaper layout (see draw)
DIGITS = PICTURE  # significant digits in a box (table.PICTURE), short to keep boxes narrow
FORMATS = ("svg", "png", "pdf")
RANKDIRS = ("LR", "RL", "TB", "BT")

# kind -> (fill colour, border style); KIND_KEYS: the legend's words for each kind
STYLES = {
    "param": ("#fbd5b5", "rounded,filled,bold"),
    "data": ("#cfe3f7", "rounded,filled"),
    "const": ("#eeeeee", "rounded,filled,dashed"),
    "result": ("#ffffff", "rounded,filled"),
}
KIND_KEYS = {"param": "viz_kind_param", "data": "viz_kind_data", "const": "viz_kind_const",
             "result": "viz_kind_result"}
OP_FILL = "#fff3b0"
HIGHLIGHT = "#d62728"
# the boxes of a network's parts: a layer, and a neuron inside it
CLUSTER_STYLES = ({"style": "rounded,filled", "fillcolor": "#f4f7fb", "color": "#8fa3bf"},
                  {"style": "rounded,dashed", "fillcolor": "#ffffff", "color": "#9aa7b8"})
PROJECTOR_SCALE = 2.0  # type sizes and line widths on a projector
PROJECTOR_WIDTH = 1600  # the least width in pixels of a projector PNG
_GROUP_PART = re.compile(r"^([LN])(\d*)$")
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


def _attr(text: str) -> str:
    """User text for a plain Graphviz attribute (a tooltip): no control characters, ``\\`` kept."""
    return escape(text, 200).replace("<BR/>", " ")


def _value_label(node: Node, lang: str, show_grad: bool, step: int | None,
                 scale: float = 1.0) -> str:
    """A box: its name in bold (a constant is just its number), value and gradient."""
    lines = []
    if step is not None:
        lines.append(f'<FONT POINT-SIZE="{_pt(9, scale)}" COLOR="#555555">#{step}</FONT>')
    if node.kind != "const":
        lines.append(f"<B>{escape(node.name)}</B>")
    lines.append(f"{t('viz_data', lang)} {num(node.value, DIGITS)}")
    if show_grad and node.wanted:  # constants and data are not differentiated
        lines.append(f"{t('viz_grad', lang)} {num(node.grad, DIGITS)}")
    return "<" + "<BR/>".join(lines) + ">"


def _edge_tooltip(node: Node, child: int, lang: str) -> str:
    """∂out/∂in for every position ``child`` takes (twice for x*x), from the snapshot."""
    return "; ".join(
        t("viz_local", lang, forward=_attr(node.name),
          formula=_attr(formula if formula == num(local) else f"{formula} = {num(local)}"))
        for pos, local, formula in zip(node.positions, node.locals, node.formulas)
        if node.inputs[pos] == child)


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


class _Model(Protocol):
    """What ``network_snapshot`` needs of a model (an ``nn`` Module, or anything alike)."""

    def parameters(self) -> list[Value]: ...

    def groups(self, root: Value) -> Mapping[Value, str]: ...


def _is_model(model: object) -> TypeGuard[_Model]:
    return callable(getattr(model, "parameters", None)) and callable(getattr(model, "groups", None))


def network_snapshot(root: Value, *, params: Iterable[Value] | None = None,
                   groups: Mapping[Value, str] | Callable[[Value], Mapping[Value, str]] | None = None,
                   model: object | None = None, max_nodes: int = MAX_NODES,
                   data_leaves: Iterable[Value] | None = None) -> Snapshot:
    """``snapshot(root, …)`` for a picture or a page, with a network's parameters and groups.

    ``model`` (an ``nn`` Module) stands for ``params=model.parameters()`` and
    ``groups=model.groups``; ``groups`` is a mapping Value -> group, or a function of
    the root that returns one. Graphs with more than ``max_nodes`` values are
    refused with a message rather than drawn unreadably slowly.
    """
    if not isinstance(root, Value):
        raise TypeError(t("viz_not_value", kind=type(root).__name__))
    if _count_up_to(root, max_nodes) > max_nodes:
        raise ValueError(t("viz_too_large", limit=max_nodes))
    if model is not None:
        if not _is_model(model):
            raise TypeError(t("viz_not_model", kind=type(model).__name__))
        params = model.parameters() if params is None else params
        groups = model.groups if groups is None else groups
    return snapshot(root, params, groups=groups(root) if callable(groups) else groups,
                    data_leaves=data_leaves)


def draw(root: Value, *, rankdir: str = "LR", lang: str | None = None, show_grad: bool = True,
         order: bool = False, highlight: Iterable[Value | str] | None = None,
         params: Iterable[Value] | None = None, legend: bool = False,
         title: str | None = None, max_nodes: int = MAX_NODES,
         groups: Mapping[Value, str] | Callable | None = None, model: object | None = None,
         projector: bool = False, data_leaves: Iterable[Value] | None = None) -> graphviz.Digraph:
    """The computation graph below ``root`` as a ``graphviz.Digraph``.

    Names, values and gradients come from ``snapshot(root, params)``: every box shows
    the name that the trace and the step page use, and the gradient of ``root``
    (computed on the side, the same before and after ``backward()``).
    ``params`` are the Values to colour as parameters (e.g. ``mlp.parameters()``);
    other labelled leaves are data, unlabelled leaves constants. ``model=mlp`` gives
    its parameters and draws its layers (``mlp.groups``) as boxes; ``groups`` does
    the same from any mapping Value -> group. ``highlight``
    takes Values and/or ids (``"v3"``, ``"o3"``, ``"e1_3"``, ``"r3"``). ``lang`` defaults to
    the current language. Graphs with more than ``max_nodes`` values are refused
    with a message rather than drawn unreadably slowly. ``projector=True``: large type.
    ``data_leaves``: exactly these leaves are data, without a gradient; every other
    named leaf shows its gradient (``snapshot``).
    """
    if not isinstance(root, Value):
        raise TypeError(t("viz_not_value", kind=type(root).__name__))
    lang = check_lang(lang)
    if rankdir not in RANKDIRS:
        raise ValueError(t("viz_rankdir", value=show(rankdir), choices=", ".join(RANKDIRS)))
    ls = network_snapshot(root, params=params, groups=groups, model=model, max_nodes=max_nodes,
                          data_leaves=data_leaves)
    index = {id(node): k for k, node in enumerate(topo_sort(root))}
    return draw_snapshot(ls, rankdir=rankdir, lang=lang, show_grad=show_grad, order=order,
                       highlight=_highlighted(highlight, index, _ids(ls)), legend=legend,
                       title=title, projector=projector)


def _ids(ls: Snapshot) -> set[str]:
    """Every id a picture of ``ls`` has."""
    ids = {f"v{node.index}" for node in ls.nodes}
    for node in ls.nodes:
        if node.inputs:
            ids |= {f"o{node.index}", f"r{node.index}"} | {f"e{i}_{node.index}" for i in node.inputs}
    return ids


def _pt(size: float, scale: float) -> str:
    """A type size or line width scaled for the projector, as Graphviz wants it."""
    return f"{size * scale:g}"


def group_label(part: str, lang: str) -> str:
    """The caption of a group's box: nn's ``L2`` is "第 2 层" / "layer 2" (``L1``: the input),
    ``N1`` "神经元 1" / "neuron 1"; any other text is shown as it is."""
    m = _GROUP_PART.match(part)
    if not m:
        return part
    kind, number = m.groups()
    if kind == "L":
        if not number:
            return t("viz_group_layer_alone", lang)
        return t("viz_group_input" if number == "1" else "viz_group_layer", lang, l=number)
    return t("viz_group_neuron", lang, j=number) if number else t("viz_group_neuron_alone", lang)


def _clusters(dot: graphviz.Digraph, paths: Iterable[str], scale: float,
              lang: str) -> dict[str, graphviz.Digraph]:
    """One (empty) Graphviz cluster per group path and each of its prefixes; ``dot`` for ""."""
    boxes: dict[str, graphviz.Digraph] = {"": dot}
    for path in sorted({p for p in paths if p}):
        parts = path.split("/")
        for depth in range(1, len(parts) + 1):
            prefix = "/".join(parts[:depth])
            if prefix in boxes:
                continue
            box = graphviz.Digraph(name=f"cluster_{len(boxes)}")
            style = CLUSTER_STYLES[min(depth, len(CLUSTER_STYLES)) - 1]
            box.attr("graph", label=f"<{escape(group_label(parts[depth - 1], lang), 200)}>",
                     labeljust="l", fontsize=_pt(13 if depth == 1 else 11, scale),
                     penwidth=_pt(1.2, scale), margin=_pt(8, scale), id=f"g{len(boxes)}",
                     **style)
            boxes[prefix] = box
    return boxes


def draw_snapshot(ls: Snapshot, *, rankdir: str = "LR", lang: str | None = None,
                show_grad: bool = True, order: bool = False, highlight: Iterable[str] = (),
                legend: bool = False, title: str | None = None,
                projector: bool = False,
                edge_labels: Mapping[str, Sequence[str]] | None = None) -> graphviz.Digraph:
    """The picture of a snapshot (see ``draw``); ``highlight`` holds ids.

    Nodes with a ``group`` are drawn inside a box per group (and per prefix of its
    path: ``L2/N1`` sits inside ``L2``). ``edge_labels``: lines written on the edge of
    that id (in the node text's size), so the layout leaves room for them.
    """
    lang = check_lang(lang)
    marked = set(highlight)
    scale = PROJECTOR_SCALE if projector else 1.0

    dot = graphviz.Digraph("computation_graph", encoding="utf-8")
    dot.attr("graph", rankdir=rankdir, fontname=FONT, bgcolor="white",
             nodesep=_pt(0.25, scale), ranksep=_pt(0.35, scale))
    dot.attr("node", fontname=FONT, fontsize=_pt(11, scale), margin="0.08,0.04",
             penwidth=_pt(1, scale))
    dot.attr("edge", fontname=FONT, fontsize=_pt(9, scale), arrowsize="0.7",
             color="#555555", penwidth=_pt(1, scale))
    if title:
        dot.attr("graph", label=f"<{escape(title, 200)}>", labelloc="t",
                 fontsize=_pt(14, scale))
    uses: dict[int, int] = {}
    for node in ls.nodes:
        for child in set(node.inputs):
            uses[child] = uses.get(child, 0) + 1
    if max(uses.values(), default=0) > MAX_FAN_OUT:
        # One value feeding many ops (x + x + … + x) makes dot's default layout take
        # minutes; straight edges and a short placement search take about a second.
        dot.attr("graph", nslimit="1", splines="line")
    boxes = _clusters(dot, (node.group for node in ls.nodes), scale, lang)

    def mark(name: str, attrs: dict[str, str]) -> dict[str, str]:
        if name in marked:
            attrs.update(color=HIGHLIGHT, penwidth=_pt(3, scale))
        return attrs

    n = len(ls.nodes)
    edges: list[tuple[str, str, dict[str, str]]] = []  # after the nodes, outside the boxes
    for node in ls.nodes:
        k = node.index
        box = boxes[node.group]
        fill, style = STYLES[node.kind if node.kind in STYLES else "result"]
        step = n - k if order else None
        attrs = {"id": f"v{k}", "shape": "box", "style": style, "fillcolor": fill,
                 "class": node.kind}
        if k == ls.root:
            attrs["peripheries"] = "2"
        box.node(f"v{k}", _value_label(node, lang, show_grad, step, scale),
                 **mark(f"v{k}", attrs))
        if not node.inputs:
            continue
        box.node(f"o{k}", f"<{escape(node.symbol)}>", **mark(f"o{k}", {
            "id": f"o{k}", "shape": "ellipse", "style": "filled", "fillcolor": OP_FILL,
            "fontsize": _pt(12, scale), "width": "0.3", "height": "0.3", "margin": "0.04",
            "class": "op", "tooltip": _attr(f"{node.name} = {node.forward}")}))
        edges.append((f"o{k}", f"v{k}", mark(f"r{k}", {"id": f"r{k}"})))
        for i in dict.fromkeys(node.inputs):  # x*x: one arrow, marked ×2
            times = node.inputs.count(i)
            attrs = {"id": f"e{i}_{k}", "tooltip": _edge_tooltip(node, i, lang)}
            lines = list((edge_labels or {}).get(f"e{i}_{k}", ()))
            if times > 1:
                lines.insert(0, f"×{times}")
            if lines:
                attrs["label"] = "<" + "<BR/>".join(escape(line, 200) for line in lines) + ">"
            if edge_labels and f"e{i}_{k}" in edge_labels:
                attrs["fontsize"] = _pt(11, scale)
            edges.append((f"v{i}", f"o{k}", mark(f"e{i}_{k}", attrs)))
    for path in sorted((p for p in boxes if p), key=lambda p: -p.count("/")):  # inner first
        parent = path.rsplit("/", 1)[0] if "/" in path else ""
        boxes[parent].subgraph(boxes[path])
    for tail, head, attrs in edges:
        dot.edge(tail, head, **attrs)

    if legend:  # one small table, so it takes the room of a single box
        rows = [f'<TR><TD BORDER="0"><B>{escape(t("viz_legend", lang), 200)}</B></TD></TR>']
        for kind, (fill, style) in STYLES.items():
            border = ' STYLE="dashed"' if "dashed" in style else ""
            rows.append(f'<TR><TD BGCOLOR="{fill}"{border}>{escape(t(KIND_KEYS[kind], lang), 200)}</TD></TR>')
        rows.append(f'<TR><TD BGCOLOR="{OP_FILL}" STYLE="rounded">{escape(t("viz_kind_op", lang), 200)}</TD></TR>')
        if len(boxes) > 1:  # the network's parts are boxes too
            rows.append(f'<TR><TD BGCOLOR="{CLUSTER_STYLES[0]["fillcolor"]}" STYLE="rounded">'
                        f'{escape(t("viz_kind_group", lang), 200)}</TD></TR>')
        table = '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="3" CELLPADDING="3">' + "".join(rows)
        dot.node("legend", f"<{table}</TABLE>>", shape="plain", id="legend")
    return dot


def output_format(path: str | os.PathLike, formats: tuple[str, ...] = FORMATS) -> str:
    """The format ``path`` is written in: its suffix's, or for a stream the first of ``formats``."""
    fmt_ = Path(path).suffix.lower().lstrip(".")
    return fmt_ if fmt_ in formats or not is_stream(path) else formats[0]


def check_output(path: str | os.PathLike, formats: tuple[str, ...] = FORMATS) -> Path:
    """``path`` as a Path if it can be written: a known format (or a stream: ``-``, a
    device, a FIFO), an existing directory."""
    path = Path(path)
    if output_format(path, formats) not in formats:
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


def projector_dpi(graph: graphviz.Digraph, missing: str) -> int:
    """The resolution at which ``graph``'s PNG is at least ``PROJECTOR_WIDTH`` pixels wide.

    Lays the graph out once as SVG to read its width in points (1/72 inch); never
    below Graphviz's own 96.
    """
    svg = pipe(graph, "svg", missing).decode("utf-8")
    m = re.search(r'<svg[^>]*\swidth="([\d.]+)pt"', svg)
    width = float(m.group(1)) if m else 0.0
    if width <= 0.0:
        return 96
    return max(96, math.ceil(PROJECTOR_WIDTH * 72.0 / width))


def render(root: Value, path: str | os.PathLike, *, projector: bool = False,
           **kw: object) -> Path:
    """Draw ``root`` into ``path`` (.svg, .png or .pdf) and its DOT source beside it.

    Returns the path written. Refuses a missing directory; never leaves a
    half-written file; if Graphviz's ``dot`` is missing, the ``.dot`` file is
    still written and ``DotNotFound`` says how to install Graphviz.
    Keyword arguments go to ``draw``. ``projector=True``: large type, and a PNG at
    least ``PROJECTOR_WIDTH`` pixels wide.
    """
    path = check_output(path)
    fmt_ = output_format(path)
    graph = draw(root, projector=projector, **kw)  # type: ignore[arg-type]
    dot_path = None if is_stream(path) else path.with_suffix(".dot")  # a stream: the picture only
    missing = t("viz_dot_missing", path=str(path), dot=str(dot_path))
    if dot_path is not None:  # first: without Graphviz, the user still has the source
        write_output(dot_path, graph.source.encode("utf-8"))
    if projector and fmt_ == "png":
        graph.attr("graph", dpi=str(projector_dpi(graph, missing)))
        if dot_path is not None:
            write_output(dot_path, graph.source.encode("utf-8"))
    data = pipe(graph, fmt_, missing)
    write_output(path, data)
    return path
