"""The matrix form of backpropagation for a batch of m samples, samples as columns.

For an MLP and m samples (X is nˡ⁰ × m, one column per sample; Y is nᴸ × m) one forward
and one backward pass through the engine give, for every weight layer l,

  Wˡ  nˡ × nˡ⁻¹      bˡ  nˡ × 1       Zˡ = WˡAˡ⁻¹ + bˡ   nˡ × m      Aˡ = g(Zˡ)   nˡ × m
  dAˡ = ∂C/∂Aˡ       dZˡ = dAˡ ⊙ g′(Zˡ)     dWˡ = dZˡ·(Aˡ⁻¹)ᵀ      dbˡ = dZˡ·1ₘ
  dAˡ⁻¹ = (Wˡ)ᵀ·dZˡ  (for the first layer: ∂C/∂X)

where C is the batch's cost: the mean over the samples of each one's cost (``half_sse``
½Σⱼ(aⱼ − yⱼ)², ``ce``), or for ``mse`` the mean of (a − y)² over outputs and samples (as
``np.mean((A − Y)**2)``). Every matrix is the engine's own number (Zˡ and Aˡ its forward
values, dX its ``.grad``): nothing here differentiates.

A textbook's code often writes the derivative of the ``np.mean`` cost as
``2*(y_pred − y_true)/y_true.shape[0]``: exact when the labels are a 1-D array of m
samples (one output), but with an nᴸ × m label matrix ``shape[0]`` is nᴸ and the
derivative is m times too large. ``referee`` holds both where they differ (cost ``mse``,
more than one output and m > 1), so the report can say so.

``bp_batch`` gives a ``BatchReport``: the matrices, and the per-sample BP1–BP4 reports of
``backprop.bp_report`` (each for that sample's own cost Cₓ; C = (1/m)Σₓ Cₓ), all or one
(``sample=k``, counted from 1). Layers are numbered as ``numbering`` says (Nielsen's: the
input is layer 1; Ng's: the input is layer 0).

Imports: engine, i18n, nn, notation, teach.backprop and teach.doc.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from typing import Sequence

from micrograd_cn.engine import OPS, Value
from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.nn import MLP, binary_cross_entropy, half_sse_loss, mse_loss
from micrograd_cn.notation import num, sup
from micrograd_cn.teach import doc
from micrograd_cn.teach.backprop import (
    DEFAULT_COST,
    FORMATS,
    BPReport,
    CostComparison,
    _check,
    _compare_with,
    _saturated,
    activation_slope,
    bp_report,
    cost_formula,
    input_layer,
    last_pass,
    numbering_text,
    seed_without_dead,
    slope_name,
)
from micrograd_cn.teach.doc import Block, Heading, Mat, MatrixMath, Para
from micrograd_cn.teach.naming import fill

Matrix = tuple[tuple[float, ...], ...]
MAX_SAMPLES = 64  # a batch on one page: more columns than this do not fit a slide


@dataclass(frozen=True)
class LayerMatrices:
    """One weight layer of the matrix form (the engine's numbers, lists of rows)."""

    layer: int  # as numbered by the report's numbering
    activation: str
    W: Matrix  # nˡ × nˡ⁻¹
    b: Matrix  # nˡ × 1
    A_prev: Matrix  # nˡ⁻¹ × m (X for the first layer)
    Z: Matrix  # nˡ × m
    A: Matrix  # nˡ × m
    dA: Matrix  # ∂C/∂Aˡ, nˡ × m
    slope: Matrix  # g′(Zˡ), nˡ × m (from the forward values, by the activation's formula)
    dZ: Matrix  # the engine's z.grad, nˡ × m
    dW: Matrix  # the engine's w.grad, nˡ × nˡ⁻¹
    db: Matrix  # the engine's b.grad, nˡ × 1
    dA_prev: Matrix  # ∂C/∂Aˡ⁻¹, nˡ⁻¹ × m

    def to_dict(self) -> dict:
        """The JSON entry: ``layer``, ``W``, ``b``, ``Z``, ``A``, ``dA``, ``dZ``, ``dW``, ``db``,
        ``dA_prev`` as lists of rows."""
        return {"layer": self.layer, "activation": self.activation,
                **{key: [list(row) for row in getattr(self, key)]
                   for key in ("W", "b", "Z", "A", "dA", "dZ", "dW", "db", "dA_prev")}}


@dataclass(frozen=True)
class Referee:
    """dAᴸ two ways for the ``mse`` cost: the exact gradient and ``2(A − Y)/shape[0]``."""

    n_out: int
    m: int
    exact: Matrix  # 2(Aᴸ − Y)/(nᴸ·m): the engine's dAᴸ
    textbook: Matrix  # 2(Aᴸ − Y)/nᴸ: shape[0] of an nᴸ × m label matrix is nᴸ


def referee_applies(cost: str, n_out: int, m: int) -> bool:
    """Where the textbook's ``/y_true.shape[0]`` differs from the exact gradient."""
    return cost == "mse" and n_out > 1 and m > 1


def _columns(rows: Sequence[Sequence[float]]) -> Matrix:
    """Samples given one per row, as a matrix with one column per sample."""
    return tuple(tuple(float(r[i]) for r in rows) for i in range(len(rows[0])))


def batch_cost(outputs: list[list[Value]], Y: Sequence[Sequence[float]], cost: str) -> Value:
    """The batch's cost C as a Value: see the module's docstring."""
    m = len(outputs)
    if cost == "half_sse":
        return half_sse_loss(outputs, [list(y) for y in Y])
    if cost == "mse":
        return mse_loss([a for out in outputs for a in out], [v for y in Y for v in y])
    total = sum((binary_cross_entropy(out, list(y), reduction="sum")
                 for out, y in zip(outputs[1:], Y[1:])),
                binary_cross_entropy(outputs[0], list(Y[0]), reduction="sum"))
    return total if m == 1 else total * (1.0 / m)


def matrices(mlp: MLP, X: Sequence[Sequence[float]], Y: Sequence[Sequence[float]],
             cost: str = DEFAULT_COST, numbering: str = "nielsen"
             ) -> tuple[float, list[LayerMatrices], Referee | None]:
    """One forward and one backward pass over the batch: C and every layer's matrices.

    ``X`` and ``Y`` hold one sample per row (as given on the command line); leaves the
    parameters' ``.grad`` equal to ∂C/∂parameter for the batch's cost.
    """
    first = input_layer(numbering)
    checked = [_check(mlp, x, y, cost) for x, y in zip(X, Y)]
    X = [x for x, _ in checked]
    Y = [y for _, y in checked]
    mlp.zero_grad()
    inputs = [[Value(v, label=f"x{k}") for k, v in enumerate(x, 1)] for x in X]
    z_nodes: list[list[list[Value]]] = [[] for _ in mlp.layers]  # [layer][sample][neuron]
    a_nodes: list[list[list[Value]]] = [[] for _ in mlp.layers]
    for xs in inputs:
        mlp(xs)
        for li, layer in enumerate(mlp.layers):
            passes = [last_pass(n) for n in layer.neurons]
            z_nodes[li].append([z for z, _ in passes])
            a_nodes[li].append([a for _, a in passes])
    outputs = a_nodes[-1]
    if cost == "ce":
        for sample_out in outputs:
            _saturated(sample_out)
    C = batch_cost(outputs, Y, cost)
    C.backward()
    out: list[LayerMatrices] = []
    for li, layer in enumerate(mlp.layers):
        act = layer.neurons[0].activation
        prev = inputs if li == 0 else a_nodes[li - 1]
        Z = _columns([[z.data for z in zs] for zs in z_nodes[li]])
        A = _columns([[a.data for a in as_] for as_ in a_nodes[li]])
        out.append(LayerMatrices(
            li + 1 + first, act,
            tuple(tuple(w.data for w in n.w) for n in layer.neurons),
            tuple((n.b.data,) for n in layer.neurons),
            _columns([[v.data for v in vs] for vs in prev]), Z, A,
            _columns([[a.grad for a in as_] for as_ in a_nodes[li]]),
            tuple(tuple(activation_slope(act, z, a) for z, a in zip(zr, ar)) for zr, ar in zip(Z, A)),
            _columns([[z.grad for z in zs] for zs in z_nodes[li]]),
            tuple(tuple(w.grad for w in n.w) for n in layer.neurons),
            tuple((n.b.grad,) for n in layer.neurons),
            _columns([[v.grad for v in vs] for vs in prev])))
    referee = None
    n_out, m = len(Y[0]), len(Y)
    if referee_applies(cost, n_out, m):
        AL, Ym = out[-1].A, _columns(Y)
        diff = [[a - y for a, y in zip(ar, yr)] for ar, yr in zip(AL, Ym)]
        referee = Referee(n_out, m, out[-1].dA,
                          tuple(tuple(2.0 * d / n_out for d in row) for row in diff))
    return C.data, out, referee


@dataclass(frozen=True)
class BatchReport:
    """BP1–BP4 per sample and the matrix form of the whole batch."""

    sizes: tuple[int, ...]
    activations: tuple[str, ...]
    cost_name: str
    numbering: str
    X: tuple[tuple[float, ...], ...]  # one sample a row, as given
    Y: tuple[tuple[float, ...], ...]
    cost: float  # the batch's C
    samples: tuple[BPReport, ...]  # the per-sample reports listed
    shown: tuple[int, ...]  # their numbers, from 1
    layers: tuple[LayerMatrices, ...]
    referee: Referee | None
    comparison: CostComparison | None = None

    @property
    def m(self) -> int:
        return len(self.X)

    def matrix_blocks(self, lang: str | None = None) -> list[Block]:
        """The matrix form, layer by layer: forward from the first layer, backward from the last."""
        lang = check_lang(lang)
        blocks: list[Block] = [Heading(t("mx_heading", lang, m=self.m), 2),
                               Para(t("mx_intro", lang)), Para(t("mx_delta", lang)),
                               Para(t("mx_ones", lang))]
        for lm in self.layers:
            blocks += [Heading(t("mx_forward", lang, l=lm.layer), 3), MatrixMath(forward_lines(lm))]
        for lm in reversed(self.layers):
            blocks += [Heading(t("mx_backward", lang, l=lm.layer), 3),
                       MatrixMath(backward_lines(lm, self.m))]
        if self.referee is not None:
            blocks += [Para(t("mx_referee", lang, n=self.referee.n_out, m=self.referee.m)),
                       MatrixMath(referee_lines(self.referee, self.layers[-1].layer, lang))]
        return blocks

    def blocks(self, lang: str | None = None, timing: bool = True,
               matrices: bool = True) -> list[Block]:
        """The report; one sample without ``matrices`` is exactly ``BPReport``'s."""
        lang = check_lang(lang)
        if self.m == 1:  # one sample: its report, then (for documents) its matrices
            extra = [Para("")] + self.matrix_blocks(lang) if matrices else []
            return self.samples[0].blocks(lang, timing) + extra
        arch = " → ".join([str(self.sizes[0])] + [f"{n} ({act})" for n, act in
                                                  zip(self.sizes[1:], self.activations)])
        L = len(self.sizes) - 1 + input_layer(self.numbering)
        blocks: list[Block] = [
            Para(t("mx_title", lang, arch=arch, m=self.m, cost=cost_formula(self.cost_name, self.m))),
            Para(numbering_text(self.numbering, L, lang)),
            Para(t("mx_batch_cost", lang, c=num(self.cost)))]
        for k, report in zip(self.shown, self.samples):
            blocks += [Heading(t("mx_sample_heading", lang, k=k, m=self.m), 2)]
            blocks += report.blocks(lang, timing)[2:]  # title and numbering said above
        blocks += [Para("")] + self.matrix_blocks(lang)
        if self.comparison is not None:
            blocks += [Para("")] + self.comparison.blocks(lang, timing)
        return blocks

    def render(self, lang: str | None = None, timing: bool = True, fmt: str = "text") -> str:
        """The report as ``fmt``: "text", "md", "latex", "html" or "json"."""
        if fmt == "json":
            return self.to_json(timing)
        if fmt not in FORMATS:
            raise ValueError(t("report_bad_format", fmt=show(fmt), choices=", ".join(FORMATS)))
        # the terminal keeps the one-sample report as it always was; documents add the matrices
        blocks = self.blocks(lang, timing, matrices=fmt != "text" or self.m > 1)
        return doc.render(blocks, fmt).rstrip("\n")

    def to_dict(self, timing: bool = True) -> dict:
        """One sample: ``BPReport``'s data plus ``matrices``; a batch: every sample's report."""
        mats = [lm.to_dict() for lm in self.layers]
        referee = None if self.referee is None else asdict(self.referee)
        if self.m == 1:
            return {**self.samples[0].to_dict(timing), "matrices": mats, "referee": referee}
        comparison = None if self.comparison is None else asdict(self.comparison)
        if comparison is not None and not timing:
            del comparison["fd_seconds"], comparison["bp_seconds"]
        return {"sizes": list(self.sizes), "activations": list(self.activations),
                "cost_name": self.cost_name, "numbering": self.numbering, "m": self.m,
                "X": [list(x) for x in self.X], "Y": [list(y) for y in self.Y],
                "cost": self.cost, "shown": list(self.shown),
                "samples": [r.to_dict(timing) for r in self.samples],
                "matrices": mats, "referee": referee, "comparison": comparison}

    def to_json(self, timing: bool = True) -> str:
        return json.dumps(self.to_dict(timing), ensure_ascii=False, indent=1)


# ------------------------------------------------------------------ the equations
def mat(values: Matrix) -> Mat:
    """A matrix of numbers as a ``doc.Mat`` at the text precision (6 significant digits)."""
    return Mat(tuple(tuple(num(v) for v in row) for row in values))


def shape(values: Matrix) -> str:
    return f"({len(values)} × {len(values[0])})"


def layer_names(l: int) -> dict[str, str]:
    """The names of layer l's matrices: ``W²``, ``A¹``, ``dA¹``…"""
    s, p = sup(l), sup(l - 1)
    return {"W": f"W{s}", "b": f"b{s}", "Z": f"Z{s}", "A": f"A{s}", "A_prev": f"A{p}",
            "dA": f"dA{s}", "dZ": f"dZ{s}", "dW": f"dW{s}", "db": f"db{s}", "dA_prev": f"dA{p}"}


def slope_label(activation: str, l: int) -> str:
    """g′(Zˡ) named after the layer's activation: ``σ′(Z²)``, ``tanh′(Z¹)``, ``linear′(Z³)``."""
    return slope_name(activation, f"Z{sup(l)}")


def activation_rule(activation: str, l: int) -> str:
    """Aˡ from Zˡ, written as the op writes it: ``A² = tanh(Z²)``; linear: ``A² = Z²``."""
    n = layer_names(l)
    if activation not in OPS:
        return f"{n['A']} = {n['Z']}"
    return f"{n['A']} = {fill(OPS[activation].forward, {'x': n['Z']})}"


def forward_lines(lm: LayerMatrices) -> tuple[tuple[str | Mat, ...], ...]:
    n = layer_names(lm.layer)
    a_rule = activation_rule(lm.activation, lm.layer)
    return ((f"{n['W']} = ", mat(lm.W), f"  {shape(lm.W)}"),
            (f"{n['b']} = ", mat(lm.b), f"  {shape(lm.b)}"),
            (f"{n['A_prev']} = ", mat(lm.A_prev), f"  {shape(lm.A_prev)}"),
            (f"{n['Z']} = {n['W']}·{n['A_prev']} + {n['b']} = ", mat(lm.Z), f"  {shape(lm.Z)}"),
            (f"{a_rule} = ", mat(lm.A), f"  {shape(lm.A)}"))


def backward_lines(lm: LayerMatrices, m: int) -> tuple[tuple[str | Mat, ...], ...]:
    n = layer_names(lm.layer)
    g = slope_label(lm.activation, lm.layer)
    return ((f"{n['dA']} = ", mat(lm.dA), f"  {shape(lm.dA)}"),
            (f"{g} = ", mat(lm.slope), f"  {shape(lm.slope)}"),
            (f"{n['dZ']} = {n['dA']} ⊙ {g} = ", mat(lm.dZ), f"  {shape(lm.dZ)}"),
            (f"{n['dW']} = {n['dZ']}·({n['A_prev']})ᵀ = ", mat(lm.dW), f"  {shape(lm.dW)}"),
            (f"{n['db']} = {n['dZ']}·1ₘ = ", mat(lm.db), f"  {shape(lm.db)}"),
            (f"{n['dA_prev']} = ({n['W']})ᵀ·{n['dZ']} = ", mat(lm.dA_prev),
             f"  {shape(lm.dA_prev)}"))


def referee_lines(r: Referee, L: int, lang: str) -> tuple[tuple[str | Mat, ...], ...]:
    s = sup(L)
    return ((f"dA{s} = 2(A{s} − Y)/(n{s}m) = ", mat(r.exact),
             f"  {t('mx_referee_exact', lang)}"),
            (f"2(A{s} − Y)/n{s} = ", mat(r.textbook), f"  {t('mx_referee_textbook', lang)}"))


# ------------------------------------------------------------------ the report
def bp_batch(mlp: MLP, X: Sequence[Sequence[float]], Y: Sequence[Sequence[float]],
             cost: str = DEFAULT_COST, *, numbering: str = "nielsen", sample: int | None = None,
             compare: bool = False) -> BatchReport:
    """BP1–BP4 for each sample (or only ``sample``, from 1) and the batch's matrix form.

    Leaves the parameters' ``.grad`` equal to ∂C/∂parameter for the batch's cost C.
    """
    input_layer(numbering)
    X, Y = [list(x) for x in _rows(X)], [list(y) for y in _rows(Y)]
    Xs: list[list[float]] = [list(x) for x in X]
    Ys: list[list[float]] = [list(y) for y in Y]
    if not X:
        raise ValueError(t("mx_no_samples"))
    if len(X) > MAX_SAMPLES:
        raise ValueError(t("mx_too_many", m=len(X), limit=MAX_SAMPLES))
    if len(Y) != len(X):
        raise ValueError(t("mx_y_count", m=len(X), k=len(Y)))
    if sample is not None and (isinstance(sample, bool) or not isinstance(sample, int)
                               or not 1 <= sample <= len(X)):
        raise ValueError(t("mx_bad_sample", k=show(sample), m=len(X)))
    shown = tuple(range(1, len(X) + 1)) if sample is None else (sample,)
    one = len(X) == 1  # one sample: its own cost is the batch's, compared as it always was
    reports = tuple(bp_report(mlp, X[k - 1], Y[k - 1], cost, compare and one, numbering)
                    for k in shown)
    comparison = None
    if compare and not one:
        comparison = _compare_with(mlp, lambda: _forward(mlp, Xs, Ys, cost))
    C, layers, referee = matrices(mlp, X, Y, cost, numbering)
    first = reports[0]
    return BatchReport(first.sizes, first.activations, cost, numbering,
                       tuple(tuple(float(v) for v in x) for x in X),
                       tuple(tuple(float(v) for v in y) for y in Y), C, reports, shown,
                       tuple(layers), referee, comparison)


def _rows(values: object) -> list:
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise ValueError(t("mx_no_samples"))
    return list(values)  # type: ignore[call-overload]


def _forward(mlp: MLP, X: list[list[float]], Y: list[list[float]], cost: str) -> Value:
    outputs = []
    for x in X:
        mlp(x)
        outputs.append([last_pass(n)[1] for n in mlp.layers[-1].neurons])
    return batch_cost(outputs, Y, cost)


def read_batch(path: str, n_in: int, n_out: int) -> tuple[list[list[float]], list[list[float]]]:
    """A batch from a CSV file with the header ``x1,…,xn,y1,…,yk``, one sample a row.

    Every fault is a clear error naming the file and the line (never a partial batch).
    """
    import csv
    import math

    want = [f"x{k}" for k in range(1, n_in + 1)] + [f"y{j}" for j in range(1, n_out + 1)]
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise ValueError(t("mx_csv_read", path=path, reason=show(str(err)))) from None
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows or [c.strip() for c in rows[0]] != want:
        raise ValueError(t("mx_csv_header", path=path, want=",".join(want),
                           got=show(",".join(rows[0]) if rows else "")))
    if len(rows) == 1:
        raise ValueError(t("mx_csv_empty", path=path))
    if len(rows) - 1 > MAX_SAMPLES:
        raise ValueError(t("mx_too_many", m=len(rows) - 1, limit=MAX_SAMPLES))
    X, Y = [], []
    for line, row in enumerate(rows[1:], 2):
        if len(row) != len(want):
            raise ValueError(t("mx_csv_row", path=path, line=line, n=len(want), got=len(row)))
        values = []
        for cell in row:
            try:
                v = float(cell.strip().replace("−", "-"))
            except ValueError:
                v = math.nan
            if not math.isfinite(v):
                raise ValueError(t("mx_csv_number", path=path, line=line, value=show(cell)))
            values.append(v)
        X.append(values[:n_in])
        Y.append(values[n_in:])
    return X, Y


def with_dead_seed(report: BatchReport, sizes: Sequence[int], activation: str,
                   output_activation: str, seed: int) -> BatchReport:
    """``report`` whose samples with a dead ReLU also name the first later seed without one."""
    samples = tuple(replace(r, seed_without_dead=seed_without_dead(
        sizes, r.x, activation=activation, output_activation=output_activation, seed=seed))
        if r.dead else r for r in report.samples)
    return replace(report, samples=samples)
