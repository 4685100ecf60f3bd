"""The layer view: BP1–BP4 stepped through on a drawing of the network, as Nielsen draws it.

``layer_view(mlp, x, y)`` (and ``micrograd-cn bp --sizes 2 3 2 --html net.html``) writes
ONE self-contained HTML page: the network as neurons (circles aˡⱼ, with their z, a
and δ) and weights as edges (an SVG made here, no Graphviz), and a sequence of
steps, each highlighting the neurons and edges it involves and showing its
equation with numbers beside the engine's own number:

* the forward pass layer by layer (zˡ = wˡaˡ⁻¹ + bˡ, aˡ = σ(zˡ)), then the cost C;
* BP1 at the output layer: δᴸ = ∇ₐC ⊙ σ′(zᴸ), beside the engine's zᴸⱼ.grad;
* BP2 layer by layer backwards: δˡ = ((wˡ⁺¹)ᵀδˡ⁺¹) ⊙ σ′(zˡ), beside zˡⱼ.grad;
* BP3 (∂C/∂bˡⱼ = δˡⱼ, beside bˡⱼ.grad) and BP4 (∂C/∂wˡⱼₖ = aˡ⁻¹ₖδˡⱼ, beside wˡⱼₖ.grad)
  for each layer's parameters.

A matrix panel (``pages.matrix_panel``) shows the matrix form of the step, samples as
columns (a batch of m samples, or m = 1): each matrix appears only at the step that
computes it, with its inputs beside it — Zˡ = WˡAˡ⁻¹ + bˡ and Aˡ at the forward step,
dAᴸ and dZᴸ = dAᴸ ⊙ g′(Zᴸ) at BP1, dAˡ = (Wˡ⁺¹)ᵀ·dZˡ⁺¹ and dZˡ at BP2, dbˡ = dZˡ·1ₘ at BP3,
dWˡ = dZˡ·(Aˡ⁻¹)ᵀ at BP4 (``teach.matrices``: the engine's numbers).

Layers are numbered as ``numbering`` says: Nielsen's (the input is layer 1, a¹ = x, the
first weights w², as ``nn`` names them) or Ng's (the input is layer 0, A⁰ = x, the first
weights W¹). With a batch, the drawing and the step text show one sample (``sample``,
from 1); the panel all m columns. The numbers come from ``backprop.bp_report`` and
``matrices.matrices``; nothing here computes a derivative.

The page is the step page's stage (``pages/base.py``): it fills the window without scrolling,
the drawing beside the step's text and matrix panel (below them in a narrow window); the
drawing and its labels scale with the window and the camera keeps the step's neurons in
view and readable. The same controls (``#prev``, ``#next``, ``#step`` "k / N", arrow keys,
PageUp/PageDown, Home/End, B, F, ?, 0) and the same marks: the neurons a step computes are
``hl-out``, those it uses ``hl-in`` (each neuron's circle and labels one ``<g>``), its
weights ``hl-edge``. No network access; zh/en from the catalog.

Imports: bp, engine, i18n, naming, nn, stepper (its page helpers), table.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from typing import Sequence

from micrograd_cn.engine import OPS
from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.nn import MLP
from micrograd_cn.notation import num, paren, sub, sup
from micrograd_cn.pages.base import StepPage, json_for_script, page_head, scripts, stage_overlays, stage_tools
from micrograd_cn.pages.matrix_panel import panels
from micrograd_cn.render.files import write_output
from micrograd_cn.render.graph import check_output
from micrograd_cn.teach.backprop import (
    DEFAULT_COST,
    MAX_PARAMETERS,
    BPReport,
    NeuronRow,
    bp_report,
    check_cost,
    cost_formula,
    input_layer,
    numbering_text,
    slope_name,
)
from micrograd_cn.teach.matrices import matrices
from micrograd_cn.teach.naming import fill

MAX_NEURONS = 8  # per layer: more circles than this do not fit a projected page
MAX_LAYERS = 6  # including the input layer

# the drawing's geometry (SVG user units)
_COLUMN = 230  # between layers
_ROW = 150  # between neurons of a layer
_RADIUS = 30
_HALF_WIDTH = 66  # of a neuron's labels ("δ = −0.05377" at 17 px), within half a column
_MARGIN = 70


def _by_layer(report: BPReport) -> list[list[NeuronRow]]:
    """The report's rows per weight layer, first to last (whatever numbering bp uses)."""
    numbers = sorted({r.layer for r in report.rows})
    return [[r for r in report.rows if r.layer == n] for n in numbers]


# ------------------------------------------------------------------ names
def _a(l: int, j: int) -> str:
    return f"a{sup(l)}{sub(j)}"


def _z(l: int, j: int) -> str:
    return f"z{sup(l)}{sub(j)}"


def _d(l: int, j: int) -> str:
    return f"δ{sup(l)}{sub(j)}"


def _slope(activation: str, l: int, j: int) -> str:
    """σ′(zˡⱼ) written with the op's own symbol (engine.OPS): σ′, tanh′, ReLU′, linear′."""
    return slope_name(activation, _z(l, j))


def _layer_slope(activation: str, l: int) -> str:
    """The layer's activation slope as a vector, named after the activation: tanh′(z²)."""
    return slope_name(activation, f"z{sup(l)}")


def _rule(activation: str, l: int) -> str:
    """Why σ′ is what it is, from the op's rule (engine.OPS), for layer l."""
    if activation not in OPS:
        return t("lv_linear", l=sup(l))
    out = f"a{sup(l)}ⱼ"
    if "{out}²" in OPS[activation].rule:  # 1 − a²ⱼ² would read as a power of a power
        out = f"({out})"
    return fill(OPS[activation].rule, {"x": f"z{sup(l)}ⱼ", "out": out})


def _match(formula: float, engine: float) -> str:
    """A check mark when two computations of one number agree up to rounding."""
    return "✓" if abs(formula - engine) <= 1e-9 * max(1.0, abs(engine)) else "✗"


# ------------------------------------------------------------------ the steps
@dataclass(frozen=True)
class LayerStep:
    """One state of the page: what it shows, what it highlights, what is known by then."""

    title: str
    lines: tuple[str, ...]
    on: tuple[str, ...]  # ids computed in this step (neurons n-l-j)
    used: tuple[str, ...]  # ids whose values this step uses
    edges: tuple[str, ...]  # weights involved (e-l-j-k)
    panel: int  # the layer whose matrix view is shown (-1: none)
    phase: str  # "fw" or "bw"
    known: tuple[str, ...]  # neurons whose z and a are known
    deltas: tuple[str, ...]  # neurons whose δ is known
    kind: str = ""  # "start", "fw", "cost", "bp1", "bp2", "bp3" or "bp4" (for the matrix panel)


def _neurons(l: int, n: int) -> tuple[str, ...]:
    return tuple(f"n-{l}-{j}" for j in range(1, n + 1))


def _edges(l: int, n: int, n_prev: int) -> tuple[str, ...]:
    return tuple(f"e-{l}-{j}-{k}" for j in range(1, n + 1) for k in range(1, n_prev + 1))


def _steps(mlp: MLP, report: BPReport, lang: str, m: int = 1, shown: int = 1) -> list[LayerStep]:
    layers = _by_layer(report)
    sizes = report.sizes
    first = report.first  # the input layer's number: 1 (Nielsen) or 0 (Ng)
    L = report.L  # the output layer's number
    acts = report.activations
    ok = t("lv_engine", lang)
    steps: list[LayerStep] = []
    known: list[str] = list(_neurons(first, sizes[0]))
    deltas: list[str] = []

    arch = " → ".join([str(sizes[0])] + [f"{n} ({act})" for n, act in zip(sizes[1:], acts)])
    xs = ", ".join(f"x{sub(k)} = {num(v)}" for k, v in enumerate(report.x, 1))
    ys = ", ".join(f"y{sub(j)} = {num(v)}" for j, v in enumerate(report.y, 1))
    steps.append(LayerStep(t("lv_start_title", lang), (
        t("lv_start_arch", lang, arch=arch),
        t("lv_start_sample", lang, x=xs, y=ys, l=first, s=sup(first)),
        *([t("lv_start_batch", lang, m=m, k=shown)] if m > 1 else []),
        numbering_text(report.numbering, L, lang),
        t("lv_start_cost", lang, cost="C = " + cost_formula(report.cost_name, m)),
        t("lv_start_plan", lang)), (), _neurons(first, sizes[0]), (), -1, "fw",
        tuple(known), (), "start"))

    # forward, layer by layer
    for i, rows in enumerate(layers):
        l = i + 1 + first
        neurons = mlp.layers[i].neurons
        lines = []
        for r, n in zip(rows, neurons):
            terms = " + ".join(f"w{sup(l)}{sub(r.j)}{sub(k)}{_a(l - 1, k)}"
                               for k in range(1, len(r.a_prev) + 1))
            numbers = " + ".join(f"{paren(w.data)}×{paren(a)}" for w, a in zip(n.w, r.a_prev))
            lines.append(f"{_z(l, r.j)} = {terms} + b{sup(l)}{sub(r.j)} = {numbers} + "
                         f"{paren(n.b.data)} = {num(r.z)}")
            if acts[i] != "linear":
                lines.append(f"{_a(l, r.j)} = {fill(OPS[acts[i]].forward, {'x': _z(l, r.j)})} "
                             f"= {num(r.a)}")
            else:
                lines.append(f"{_a(l, r.j)} = {_z(l, r.j)} = {num(r.a)}")
        known += _neurons(l, sizes[i + 1])
        steps.append(LayerStep(t("lv_forward_title", lang, l=l, act=acts[i]), tuple(lines),
                          _neurons(l, sizes[i + 1]), _neurons(l - 1, sizes[i]),
                          _edges(l, sizes[i + 1], sizes[i]), l, "fw", tuple(known), (), "fw"))

    # the cost
    outs = [r.a for r in layers[-1]]
    aL = f"a{sup(L)}ⱼ"
    parts = " + ".join(f"({num(a)} − {num(y)})²" for a, y in zip(outs, report.y))
    C = "C" if m == 1 else "Cₓ"  # a batch: the drawn sample's own cost
    if report.cost_name == "half_sse":
        cost_line = f"{C} = ½Σⱼ({aL} − yⱼ)² = ½[{parts}] = {num(report.cost)}"
    elif report.cost_name == "mse":
        cost_line = (f"{C} = (1/n{sup(L)})Σⱼ({aL} − yⱼ)² = (1/{len(outs)})[{parts}] = "
                     f"{num(report.cost)}")
    else:
        cost_line = f"{C} = −Σⱼ[yⱼ·log {aL} + (1 − yⱼ)·log(1 − {aL})] = {num(report.cost)}"
    steps.append(LayerStep(t("lv_cost_title", lang), (cost_line,), (), _neurons(L, sizes[-1]), (), -1,
                      "fw", tuple(known), (), "cost"))

    # BP1 at the output layer
    lines = [t("lv_bp1_eq", lang, L=sup(L), slope=_layer_slope(acts[-1], L)), _rule(acts[-1], L)]
    for r in layers[-1]:
        grad = (f"({_a(L, r.j)} − y{sub(r.j)})" if report.cost_name == "half_sse" else
                f"2({_a(L, r.j)} − y{sub(r.j)})/{len(layers[-1])}" if report.cost_name == "mse"
                else f"(−y{sub(r.j)}/{_a(L, r.j)} + (1 − y{sub(r.j)})/(1 − {_a(L, r.j)}))")
        lines.append(f"{_d(L, r.j)} = ∂C/∂{_a(L, r.j)} · {_slope(acts[-1], L, r.j)} = {grad}·"
                     f"{_slope(acts[-1], L, r.j)} = {paren(r.incoming)} × {paren(r.slope)} = "
                     f"{num(r.delta)}    {ok} {_z(L, r.j)}.grad = {num(r.delta_engine)} "
                     f"{_match(r.delta, r.delta_engine)}")
    if report.cost_name == "ce":  # a sigmoid output: the short way, beside the long one
        lines.append(t("bp_ce_sigmoid", lang, s=sup(L)))
        lines += [f"{_d(L, r.j)} = {_a(L, r.j)} − y{sub(r.j)} = {num(r.a)} − "
                  f"{paren(report.y[r.j - 1])} = {num(r.a - report.y[r.j - 1])}"
                  for r in layers[-1]]
    deltas += _neurons(L, sizes[-1])
    steps.append(LayerStep(t("lv_bp1_title", lang), tuple(lines), _neurons(L, sizes[-1]), (), (), L,
                      "bw", tuple(known), tuple(deltas), "bp1"))

    # BP2, layer by layer backwards
    for i in range(len(layers) - 2, -1, -1):
        l = i + 1 + first
        lines = [t("lv_bp2_eq", lang, l=sup(l), next=sup(l + 1), slope=_layer_slope(acts[i], l)),
                 _rule(acts[i], l)]
        nxt_neurons = mlp.layers[i + 1].neurons
        nxt_rows = layers[i + 1]
        for r in layers[i]:
            terms = " + ".join(f"w{sup(l + 1)}{sub(m.j)}{sub(r.j)}{_d(l + 1, m.j)}"
                               for m in nxt_rows)
            numbers = " + ".join(f"{paren(n.w[r.j - 1].data)}×{paren(m.delta)}"
                                 for n, m in zip(nxt_neurons, nxt_rows))
            lines.append(f"{_d(l, r.j)} = ({terms})·{_slope(acts[i], l, r.j)} = ({numbers})×"
                         f"{paren(r.slope)} = {paren(r.incoming)} × {paren(r.slope)} = "
                         f"{num(r.delta)}    {ok} {_z(l, r.j)}.grad = {num(r.delta_engine)} "
                         f"{_match(r.delta, r.delta_engine)}")
        deltas += _neurons(l, sizes[i + 1])
        steps.append(LayerStep(t("lv_bp2_title", lang, l=l), tuple(lines), _neurons(l, sizes[i + 1]),
                          _neurons(l + 1, sizes[i + 2]), _edges(l + 1, sizes[i + 2], sizes[i + 1]),
                          l, "bw", tuple(known), tuple(deltas), "bp2"))

    # BP3 and BP4 for every layer's parameters, from the output back
    for i in range(len(layers) - 1, -1, -1):
        l = i + 1 + first
        lines = [t("lv_bp3_eq", lang)]
        for r in layers[i]:
            lines.append(f"∂C/∂b{sup(l)}{sub(r.j)} = {_d(l, r.j)} = {num(r.delta)}    "
                         f"{ok} b{sup(l)}{sub(r.j)}.grad = {num(r.b_engine)} "
                         f"{_match(r.delta, r.b_engine)}")
        steps.append(LayerStep(t("lv_bp3_title", lang, l=l), tuple(lines), _neurons(l, sizes[i + 1]),
                          (), (), l, "bw", tuple(known), tuple(deltas), "bp3"))
    for i in range(len(layers) - 1, -1, -1):
        l = i + 1 + first
        lines = [t("lv_bp4_eq", lang)]
        for r in layers[i]:
            for k, (ak, f, e) in enumerate(zip(r.a_prev, r.w_formula, r.w_engine), 1):
                name = f"w{sup(l)}{sub(r.j)}{sub(k)}"
                lines.append(f"∂C/∂{name} = {_a(l - 1, k)}{_d(l, r.j)} = {paren(ak)} × "
                             f"{paren(r.delta)} = {num(f)}    {ok} {name}.grad = {num(e)} "
                             f"{_match(f, e)}")
        steps.append(LayerStep(t("lv_bp4_title", lang, l=l), tuple(lines), _neurons(l, sizes[i + 1]),
                          _neurons(l - 1, sizes[i]), _edges(l, sizes[i + 1], sizes[i]), l, "bw",
                          tuple(known), tuple(deltas), "bp4"))
    return steps



# ------------------------------------------------------------------ the drawing
def _position(l: int, j: int, n: int, tallest: int, first: int = 1) -> tuple[float, float]:
    x = _MARGIN + (l - first) * _COLUMN
    y = _MARGIN + (tallest - n) * _ROW / 2 + (j - 1) * _ROW
    return x, y


def _svg(mlp: MLP, report: BPReport, lang: str) -> str:
    sizes = report.sizes
    first = report.first
    tallest = max(sizes)
    width = 2 * _MARGIN + (len(sizes) - 1) * _COLUMN + 60
    height = _MARGIN + tallest * _ROW
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img">']
    for i, layer in enumerate(mlp.layers):  # the weights first, so circles sit on top
        l = i + 1 + first
        for j, neuron in enumerate(layer.neurons, 1):
            x1, y1 = _position(l, j, sizes[i + 1], tallest, first)
            for k, w in enumerate(neuron.w, 1):
                x0, y0 = _position(l - 1, k, sizes[i], tallest, first)
                name = f"w{sup(l)}{sub(j)}{sub(k)}"
                tip = f"{name} = {num(w.data)}, ∂C/∂{name} = {num(w.grad)}"
                parts.append(f'<g class="edge" id="e-{l}-{j}-{k}"><title>{html.escape(tip)}</title>'
                             f'<line x1="{x0 + _RADIUS}" y1="{y0}" x2="{x1 - _RADIUS}" y2="{y1}"/>'
                             '</g>')
    for l, n in enumerate(sizes, first):
        caption = t("lv_layer_input" if l == first else "lv_layer_output" if l == report.L
                    else "lv_layer", lang, l=l)
        x, _ = _position(l, 1, n, tallest, first)
        parts.append(f'<text class="caption" x="{x}" y="{_MARGIN / 2 - 8}">'
                     f'{html.escape(caption)}</text>')
        for j in range(1, n + 1):
            x, y = _position(l, j, n, tallest, first)
            # the room the neuron's labels take once filled in: its box stays the same while
            # "z = ?" becomes a number, so the camera need not move for it
            bottom = y + _RADIUS + 28 + (0 if l == first else 40)
            parts.append(f'<g class="neuron" id="n-{l}-{j}">'
                         f'<rect class="extent" x="{x - _HALF_WIDTH}" y="{y - _RADIUS - 4}" '
                         f'width="{2 * _HALF_WIDTH}" height="{bottom - y + _RADIUS + 4}"/>'
                         f'<circle cx="{x}" cy="{y}" r="{_RADIUS}"/>'
                         f'<text class="name" x="{x}" y="{y + 8}">{_a(l, j)}</text>')
            if l == first:
                parts.append(f'<text class="val" x="{x}" y="{y + _RADIUS + 22}">'
                             f'x{sub(j)} = {num(report.x[j - 1])}</text>')
            else:
                for row, key in enumerate(("z", "a", "d")):
                    parts.append(f'<text class="val" id="{key}-{l}-{j}" x="{x}" '
                                 f'y="{y + _RADIUS + 22 + 20 * row}"></text>')
            parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _check_size(mlp: MLP) -> None:
    sizes = [len(mlp.layers[0].neurons[0].w)] + [len(layer.neurons) for layer in mlp.layers]
    if len(sizes) > MAX_LAYERS or max(sizes) > MAX_NEURONS:
        raise ValueError(t("lv_too_large", sizes=" ".join(map(str, sizes)), layers=MAX_LAYERS,
                           neurons=MAX_NEURONS))


def network(sizes: Sequence[int], *, activation: str = "sigmoid",
            output_activation: str = "sigmoid", seed: int = 0) -> MLP:
    """``MLP(sizes[0], sizes[1:], …, seed=seed)`` if it fits a layer view, else a clear error."""
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__") or len(sizes) < 2:
        raise ValueError(t("bp_sizes", value=show(sizes)))
    if all(isinstance(n, int) and n > 0 for n in sizes):  # else MLP names the bad size
        if len(sizes) > MAX_LAYERS or max(sizes) > MAX_NEURONS:
            raise ValueError(t("lv_too_large", sizes=" ".join(map(str, sizes)),
                               layers=MAX_LAYERS, neurons=MAX_NEURONS))
        count = sum((n_in + 1) * n_out for n_in, n_out in zip(sizes, sizes[1:]))
        if count > MAX_PARAMETERS:  # never reached within the limits above; kept for clarity
            raise ValueError(t("bp_too_large", count=count, limit=MAX_PARAMETERS))
    return MLP(sizes[0], list(sizes[1:]), activation=activation,
               output_activation=output_activation, seed=seed)


def layer_view(mlp: MLP, x: Sequence, y: Sequence, cost: str = DEFAULT_COST, *,
               lang: str | None = None, projector: bool = False, numbering: str = "nielsen",
               sample: int | None = None) -> StepPage:
    """The layer view of ``mlp`` on one sample (``x``, ``y`` lists of numbers) or a batch
    (lists of samples), as one self-contained HTML page.

    Runs ``backprop.bp_report`` on the drawn sample and ``matrices.matrices`` on the batch:
    the parameters' ``.grad`` become ∂C/∂parameter for the batch's cost. Shown inline in
    Jupyter.
    """
    return StepPage(_page(mlp, x, y, cost, check_lang(lang), projector, numbering, sample)[0])


def _batch(x: Sequence, y: Sequence) -> tuple[list, list]:
    """One sample (a list of numbers) or a batch (a list of samples) as a batch."""
    def nested(values: Sequence) -> bool:
        return (not isinstance(values, (str, bytes)) and hasattr(values, "__len__")
                and len(values) > 0 and not isinstance(values[0], (str, bytes))
                and hasattr(values[0], "__len__"))
    return (list(x) if nested(x) else [x]), (list(y) if nested(y) else [y])


def _page(mlp: MLP, x: Sequence, y: Sequence, cost: str, lang: str, projector: bool,
          numbering: str = "nielsen", sample: int | None = None) -> tuple[str, int]:
    if not isinstance(mlp, MLP):
        raise TypeError(t("lv_not_mlp", kind=type(mlp).__name__))
    _check_size(mlp)
    check_cost(cost)
    first = input_layer(numbering)
    X, Y = _batch(x, y)
    if len(Y) != len(X):
        raise ValueError(t("mx_y_count", m=len(X), k=len(Y)))
    if sample is not None and not 1 <= sample <= len(X):
        raise ValueError(t("mx_bad_sample", k=show(sample), m=len(X)))
    k = sample or 1
    report = bp_report(mlp, X[k - 1], Y[k - 1], cost, numbering=numbering)
    steps = _steps(mlp, report, lang, len(X), k)
    _, layers, referee = matrices(mlp, X, Y, cost, numbering)
    index = {(s.kind, s.panel): n for n, s in enumerate(steps)}
    panel_html = panels(layers, tuple(zip(*Y)), cost, index, referee, lang)
    neurons = {}
    for i, rows in enumerate(_by_layer(report)):
        for r in rows:
            neurons[f"n-{i + 1 + first}-{r.j}"] = {"z": num(r.z, 4), "a": num(r.a, 4),
                                                   "d": num(r.delta_engine, 4)}
    data = {"neurons": neurons, "steps": [
        {"title": s.title, "lines": list(s.lines), "on": list(s.on), "used": list(s.used),
         "edges": list(s.edges), "panel": s.panel, "phase": s.phase, "known": list(s.known),
         "deltas": list(s.deltas)} for s in steps]}
    sizes = report.sizes
    arch = " → ".join(str(n) for n in sizes)
    heading = t("lv_page_title", lang, arch=arch)
    total = len(steps) - 1
    page = "\n".join([
        *page_head(lang, heading, ("stage.css", "layer.css", "matrix.css"), projector),
        '<header id="bar">',
        f"<h1>{html.escape(heading)}</h1>",
        '<div id="controls">',
        f'<button id="prev" type="button">{html.escape(t("page_prev", lang))}</button>',
        f'<span id="step">0 / {total}</span>',
        f'<button id="next" type="button">{html.escape(t("page_next", lang))}</button>',
        "</div>",
        stage_tools(lang),
        "</header>",
        '<main id="stage">',
        f'<div id="graph">{_svg(mlp, report, lang)}</div>',
        '<aside id="side">',
        '<p id="key-text">'
        f'<span class="key-out">{html.escape(t("lv_key_on", lang))}</span> '
        f'<span class="key-in">{html.escape(t("lv_key_used", lang))}</span> '
        f'<span class="key-edge">{html.escape(t("lv_key_edge", lang))}</span></p>',
        '<div id="text">',
        f'<div id="title">{html.escape(steps[0].title)}</div>',
        f'<pre id="formula">{html.escape(chr(10).join(steps[0].lines))}</pre>',
        panel_html,
        "</div>",
        "</aside>",
        "</main>",
        stage_overlays(lang, t("lv_help", lang)),
        f'<script type="application/json" id="layer-data">{json_for_script(data)}</script>',
        scripts("stage.js", "layer.js"),
        "</body>",
        "</html>",
        "",
    ])
    return page, total


def write_layer_view(path: str | os.PathLike, mlp: MLP, x: Sequence, y: Sequence,
                     cost: str = DEFAULT_COST, *, lang: str | None = None,
                     projector: bool = False, numbering: str = "nielsen",
                     sample: int | None = None) -> int:
    """Write the layer view to ``path`` (.html, all or nothing); return its number of steps."""
    target = check_output(path, ("html", "htm"))  # before any work: a wrong path fails at once
    text, total = _page(mlp, x, y, cost, check_lang(lang), projector, numbering, sample)
    write_output(target, text.encode("utf-8"))
    return total
