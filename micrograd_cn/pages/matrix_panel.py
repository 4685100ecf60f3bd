"""The layer view's matrix panel: the matrix form of each step, samples as columns.

One panel per weight layer l (``id="panel-l"``); each row is one equation of the matrix
form with its inputs beside its result, in brackets (``matrix.css``), and carries the
number of the step that computes it (``data-from``). The page's script shows the panel of
the step's layer and, in it, only the rows of that step (each with its inputs beside it):
nothing of a matrix is on screen before its step, and a small window holds the step. The rows, by step:

  forward l   Zˡ = Wˡ·Aˡ⁻¹ + bˡ (Wˡ, Aˡ⁻¹, bˡ beside), Aˡ = g(Zˡ)
  BP1         dAᴸ = ∂C/∂Aᴸ (Aᴸ, Y beside), g′(Zᴸ), dZᴸ = dAᴸ ⊙ g′(Zᴸ) (dAᴸ, g′(Zᴸ) beside)
  BP2 l       dAˡ = (Wˡ⁺¹)ᵀ·dZˡ⁺¹ (Wˡ⁺¹, dZˡ⁺¹ beside), g′(Zˡ), dZˡ = dAˡ ⊙ g′(Zˡ)
  BP3 l       dbˡ = dZˡ·1ₘ (dZˡ and the column of m ones beside)
  BP4 l       dWˡ = dZˡ·(Aˡ⁻¹)ᵀ (dZˡ, (Aˡ⁻¹)ᵀ beside)

The numbers are ``teach.matrices``' (the engine's), written with ``notation.num``.

Imports: i18n, notation, teach.matrices.
"""

from __future__ import annotations

import html
from typing import Sequence

from micrograd_cn.i18n import t
from micrograd_cn.notation import num, sup
from micrograd_cn.teach.matrices import (
    LayerMatrices,
    Matrix,
    Referee,
    activation_rule,
    layer_names,
    slope_label,
)

Item = tuple[str, Matrix]  # a matrix's name and its values


def _matrix(values: Matrix) -> str:
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(num(v))}</td>" for v in row) + "</tr>"
                   for row in values)
    return f'<span class="bracket"><table class="matrix">{rows}</table></span>'


def _shape(values: Matrix) -> str:
    return f"{len(values)} × {len(values[0])}"


def _transpose(values: Matrix) -> Matrix:
    return tuple(tuple(row[j] for row in values) for j in range(len(values[0])))


def _row(step: int, formula: str, inputs: Sequence[Item], result: Item | None,
         note: str = "") -> str:
    """One equation: its formula, then its inputs, an arrow and its result, each with its shape."""
    def cell(item: Item, cls: str) -> str:
        name, values = item
        return (f'<span class="mat {cls}"><span class="mname">{html.escape(name)}</span>'
                f'{_matrix(values)}<span class="mshape">{_shape(values)}</span></span>')
    cells = "".join(cell(item, "in") for item in inputs)
    if result is not None:
        cells += ('<span class="arrow">→</span>' if inputs else "") + cell(result, "out")
    extra = f'<div class="mnote">{html.escape(note)}</div>' if note else ""
    return (f'<div class="mrow" data-from="{step}" hidden><div class="mformula">'
            f'{html.escape(formula)}</div><div class="mcells">{cells}</div>{extra}</div>')


def _cost_derivative(cost: str, L: int) -> str:
    s = sup(L)
    if cost == "half_sse":
        return f"dA{s} = ∂C/∂A{s} = (A{s} − Y)/m"
    if cost == "mse":
        return f"dA{s} = ∂C/∂A{s} = 2(A{s} − Y)/(n{s}m)"
    return f"dA{s} = ∂C/∂A{s} = (−Y/A{s} + (1 − Y)/(1 − A{s}))/m"


def panels(layers: Sequence[LayerMatrices], Y: Matrix, cost: str,
           steps: dict[tuple[str, int], int], referee: Referee | None, lang: str) -> str:
    """Every layer's panel; ``steps[(kind, l)]`` is the number of the step of that kind
    ("fw", "bp1", "bp2", "bp3", "bp4") for layer l."""
    m = len(layers[0].Z[0])
    ones: Matrix = tuple((1.0,) for _ in range(m))
    rows: dict[int, list[str]] = {lm.layer: [] for lm in layers}
    L = layers[-1].layer
    for i, lm in enumerate(layers):
        n = layer_names(lm.layer)
        g = slope_label(lm.activation, lm.layer)
        fw = steps[("fw", lm.layer)]
        rows[lm.layer] += [
            _row(fw, f"{n['Z']} = {n['W']}·{n['A_prev']} + {n['b']}",
                 [(n["W"], lm.W), (n["A_prev"], lm.A_prev), (n["b"], lm.b)], (n["Z"], lm.Z)),
            _row(fw, activation_rule(lm.activation, lm.layer), [], (n["A"], lm.A))]
        if lm.layer == L:
            bp = steps[("bp1", L)]
            rows[L].append(_row(bp, _cost_derivative(cost, L), [(n["A"], lm.A), ("Y", Y)],
                                (n["dA"], lm.dA)))
            if referee is not None:
                rows[L].append(_row(bp, f"2(A{sup(L)} − Y)/n{sup(L)}", [],
                                    (t("mx_referee_textbook", lang), referee.textbook),
                                    t("mx_referee", lang, n=referee.n_out, m=referee.m)))
        else:
            bp = steps[("bp2", lm.layer)]
            nxt = layers[i + 1]
            nn = layer_names(nxt.layer)
            rows[lm.layer].append(_row(
                bp, f"{n['dA']} = ({nn['W']})ᵀ·{nn['dZ']}",
                [(f"({nn['W']})ᵀ", _transpose(nxt.W)), (nn["dZ"], nxt.dZ)], (n["dA"], lm.dA)))
        rows[lm.layer] += [
            _row(bp, g, [(n["Z"], lm.Z)], (g, lm.slope)),
            _row(bp, f"δ{sup(lm.layer)} = {n['dZ']} = {n['dA']} ⊙ {g}",
                 [(n["dA"], lm.dA), (g, lm.slope)], (n["dZ"], lm.dZ)),
            _row(steps[("bp3", lm.layer)], f"{n['db']} = {n['dZ']}·1ₘ",
                 [(n["dZ"], lm.dZ), ("1ₘ", ones)], (n["db"], lm.db),
                 t("lv_db_ones", lang, m=m)),
            _row(steps[("bp4", lm.layer)], f"{n['dW']} = {n['dZ']}·({n['A_prev']})ᵀ",
                 [(n["dZ"], lm.dZ), (f"({n['A_prev']})ᵀ", _transpose(lm.A_prev))],
                 (n["dW"], lm.dW))]
    out = []
    for lm in layers:
        title = t("lv_panel_heading", lang, l=lm.layer, m=m)
        out.append(f'<div class="panel" id="panel-{lm.layer}"><h2>{html.escape(title)}</h2>'
                   f'<p class="mnote">{html.escape(t("mx_delta", lang))}</p>'
                   f'{"".join(rows[lm.layer])}</div>')
    return "".join(out)
