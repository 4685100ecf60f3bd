"""BP1–BP4 per scalar: the four backpropagation equations of seed 001, checked
neuron by neuron against the engine.

Layers are numbered as Nielsen numbers them (``numbering="nielsen"``, the default): the
input x is layer 1 (a¹ = x), the first weights are w², and the output layer is layer L =
the number of sizes given; or as Ng numbers them (``numbering="ng"``): the input is
layer 0 (A⁰ = x), the first weights are W¹, L = the number of weight layers. Neurons j
and inputs k count from 1. For an MLP, one sample x and a cost C (``half_sse``
½Σⱼ(aᴸⱼ − yⱼ)², ``mse`` (1/nᴸ)Σⱼ(aᴸⱼ − yⱼ)² — the mean over the outputs — or binary
cross-entropy ``ce``), ``bp_report`` runs one forward and one backward pass, then
recomputes every δ and every gradient from the *forward values alone*:

  BP1  δᴸ = ∇ₐC ⊙ σ′(zᴸ)                     (output layer)
  BP2  δˡ = ((wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ′(zˡ)          (hidden layers, from the back)
  BP3  ∂C/∂bˡⱼ = δˡⱼ
  BP4  ∂C/∂wˡⱼₖ = aˡ⁻¹ₖ δˡⱼ

σ′ is the layer's own activation (σ′, tanh′, ReLU′, linear′: the name is the op's
registered formula, ``engine.OPS``), evaluated here by its textbook formula on the
forward a or z (sigmoid a(1−a), tanh 1−a², ReLU 1 if z>0 else 0, linear 1), and
∇ₐC is a − y (half_sse), 2(a − y)/nᴸ (mse) or −y/a + (1−y)/(1−a) (cross-entropy, where a
sigmoid output makes δᴸ = aᴸ − y): an independent check of
the engine, whose δ is ``neuron.z.grad`` and whose ∂C/∂w, ∂C/∂b are ``.grad``.

``compare_cost`` measures seed 001's argument: finite differences need a
forward pass per perturbed parameter, backpropagation one forward and one
backward pass for all of them.

A report holds plain numbers only; ``report.blocks(lang)`` gives ``doc`` blocks,
``report.render(lang, fmt=...)`` text, Markdown or LaTeX, ``report.to_json()`` JSON.

Imports: engine, naming, nn, doc, i18n and table.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import asdict, dataclass, replace
from typing import Callable, Iterable, Sequence, cast

from micrograd_cn.engine import OPS, Value, to_float
from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.nn import MLP, Neuron, binary_cross_entropy, half_sse_loss, mse_loss
from micrograd_cn.notation import DIFF, num, sub, sup
from micrograd_cn.teach import doc
from micrograd_cn.teach.doc import Block, Para, Table
from micrograd_cn.teach.naming import fill

# A report lists every neuron and weight, and the finite-difference comparison
# needs 2 forward passes per parameter: beyond this a classroom would wait.
MAX_PARAMETERS = 2000

COSTS = ("half_sse", "mse", "ce")  # ½Σ(a − y)², the mean of (a − y)², cross-entropy
DEFAULT_COST = "half_sse"
NUMBERINGS = ("nielsen", "ng")  # the input is layer 1 (w² first) or layer 0 (W¹ first)
FORMATS = doc.REPORT_FORMATS
H = 1e-6  # the step of compare_cost's central differences

# The sample used when none is given. Fixed numbers rather than random ones, so that a student
# can read them off: the inputs cycle through 0.5, −1 and the targets through 1, 0, which fits
# any sizes (and is a valid cross-entropy label); for 2 inputs and 2 outputs it is the
# sample x = (0.5, −1), y = (1, 0) that this report has always used.
DEFAULT_X = (0.5, -1.0)
DEFAULT_Y = (1.0, 0.0)


def activation_slope(activation: str, z: float, a: float) -> float:
    """σ′(z) from the forward values, by the activation's textbook formula."""
    if activation == "sigmoid":
        return a * (1.0 - a)
    if activation == "tanh":
        return 1.0 - a * a
    if activation == "relu":
        return 1.0 if z > 0.0 else 0.0
    return 1.0  # linear


def slope_name(activation: str, z: str) -> str:
    """The activation's derivative at ``z``, named as its op names it: ``tanh′(z²ⱼ)``, ``σ′(z³)``.

    A linear layer has no op (a = z): its slope is written ``linear′(z)``.
    """
    op = OPS.get(activation)
    return fill(op.local[0], {"x": z}) if op is not None else f"{activation}′({z})"


def input_layer(numbering: str) -> int:
    """The number of the input layer: 1 in Nielsen's numbering (a¹ = x), 0 in Ng's (A⁰ = x)."""
    if numbering not in NUMBERINGS:
        raise ValueError(t("bp_bad_numbering", value=show(numbering),
                           choices=", ".join(NUMBERINGS)))
    return 1 if numbering == "nielsen" else 0


def cost_gradient(cost: str, a: float, y: float, n_out: int = 1) -> float:
    """∂C/∂a_j for one output of one sample (``n_out`` outputs), from its forward value."""
    if cost == "half_sse":
        return a - y
    if cost == "mse":
        return 2.0 * (a - y) / n_out
    return -y / a + (1.0 - y) / (1.0 - a)


def cost_formula(cost: str, m: int = 1) -> str:
    """C written out: for one sample, or (m > 1) averaged over the m samples x."""
    if cost == "half_sse":
        return "½Σⱼ(aᴸⱼ − yⱼ)²" if m == 1 else "(1/m)Σₓ½Σⱼ(aᴸⱼ − yⱼ)²"
    if cost == "mse":
        return "(1/nᴸ)Σⱼ(aᴸⱼ − yⱼ)²" if m == 1 else "(1/(nᴸm))ΣₓΣⱼ(aᴸⱼ − yⱼ)²"
    one = "−Σⱼ[yⱼ·log(aᴸⱼ) + (1 − yⱼ)·log(1 − aᴸⱼ)]"
    return one if m == 1 else f"(1/m)Σₓ({one})"


def _grad_formula(cost: str, s: str) -> str:
    """∂C/∂aᴸⱼ written out for the output layer (``s`` its superscript)."""
    if cost == "half_sse":
        return f"∂C/∂a{s}ⱼ = a{s}ⱼ − yⱼ"
    if cost == "mse":
        return f"∂C/∂a{s}ⱼ = 2(a{s}ⱼ − yⱼ)/n{s}"
    return f"∂C/∂a{s}ⱼ = −yⱼ/a{s}ⱼ + (1 − yⱼ)/(1 − a{s}ⱼ)"


@dataclass(frozen=True)
class NeuronRow:
    """One neuron j of layer l (numbered as the report's ``numbering``): values, δ, gradients."""

    layer: int
    j: int
    z: float
    a: float
    slope: float  # σ′(zˡⱼ) from the forward values (σ the layer's activation)
    incoming: float  # ∂C/∂aᴸⱼ (BP1) or ((wˡ⁺¹)ᵀ δˡ⁺¹)ⱼ (BP2)
    delta: float  # δˡⱼ by BP1/BP2 from forward values
    delta_engine: float  # neuron.z.grad
    b_engine: float  # neuron.b.grad (BP3 compares it with delta)
    a_prev: tuple[float, ...]  # aˡ⁻¹ₖ
    w_formula: tuple[float, ...]  # BP4: aˡ⁻¹ₖ δˡⱼ
    w_engine: tuple[float, ...]  # neuron.w[k].grad


@dataclass(frozen=True)
class CostComparison:
    """Finite differences against backpropagation for the same network and sample."""

    n_params: int
    fd_forward_passes: int  # counted: central differences, 2 per parameter
    bp_forward_passes: int  # 1
    bp_backward_passes: int  # 1
    fd_seconds: float
    bp_seconds: float
    max_diff: float  # largest |central difference − backprop| over all parameters
    h: float

    def blocks(self, lang: str | None = None, timing: bool = True) -> list[Block]:
        lang = check_lang(lang)
        lines = [t("bp_cost_title", lang, n=self.n_params),
                 t("bp_cost_fd", lang, passes=self.fd_forward_passes, n=self.n_params,
                   h=num(self.h)),
                 t("bp_cost_fd_forward", lang, passes=self.n_params + 1),
                 t("bp_cost_bp", lang, fwd=self.bp_forward_passes, bwd=self.bp_backward_passes)]
        if timing:
            ratio = self.fd_seconds / self.bp_seconds if self.bp_seconds > 0 else math.inf
            lines.append(t("bp_cost_time", lang, fd=f"{self.fd_seconds * 1e3:.3f}",
                           bp=f"{self.bp_seconds * 1e3:.3f}", ratio=f"{ratio:.1f}"))
        lines.append(t("bp_cost_agree", lang, diff=num(self.max_diff, DIFF)))
        return [Para("\n".join(lines))]

    def render(self, lang: str | None = None, timing: bool = True) -> str:
        return doc.render(self.blocks(lang, timing))


@dataclass(frozen=True)
class BPReport:
    """BP1–BP4 for one sample: every neuron's row, the largest differences, the cost."""

    sizes: tuple[int, ...]  # [n¹, n², …, nᴸ]: layer 1 is the input
    activations: tuple[str, ...]  # one per layer 2 … L
    cost_name: str
    x: tuple[float, ...]
    y: tuple[float, ...]
    output: tuple[float, ...]
    cost: float
    rows: tuple[NeuronRow, ...]
    comparison: CostComparison | None = None
    W: tuple[tuple[tuple[float, ...], ...], ...] = ()  # first to last: row j = the weights into neuron j
    b: tuple[tuple[float, ...], ...] = ()  # first to last
    dead: tuple[tuple[int, int], ...] = ()  # (l, j) of every ReLU neuron with zˡⱼ ≤ 0: δˡⱼ = 0
    seed_without_dead: int | None = None  # a seed whose ReLUs all pass a gradient on this sample
    numbering: str = "nielsen"

    @property
    def first(self) -> int:
        """The number of the input layer: 1 (Nielsen) or 0 (Ng)."""
        return input_layer(self.numbering)

    @property
    def L(self) -> int:
        """The number of the output layer."""
        return len(self.sizes) - 1 + self.first

    def max_diffs(self) -> dict[str, float]:
        """Largest |formula − engine| for each equation."""
        out = {"BP1": 0.0, "BP2": 0.0, "BP3": 0.0, "BP4": 0.0}
        for r in self.rows:
            key = "BP1" if r.layer == self.L else "BP2"
            out[key] = max(out[key], abs(r.delta - r.delta_engine))
            out["BP3"] = max(out["BP3"], abs(r.delta - r.b_engine))
            for f, e in zip(r.w_formula, r.w_engine):
                out["BP4"] = max(out["BP4"], abs(f - e))
        return out

    @property
    def max_diff(self) -> float:
        return max(self.max_diffs().values())

    def blocks(self, lang: str | None = None, timing: bool = True) -> list[Block]:
        lang = check_lang(lang)
        L = self.L
        arch = " → ".join([str(self.sizes[0])] + [f"{n} ({act})" for n, act in
                                                  zip(self.sizes[1:], self.activations)])
        blocks: list[Block] = [
            Para(t("bp_title", lang, arch=arch, cost=cost_formula(self.cost_name))),
            Para(numbering_text(self.numbering, L, lang)),
            Para(t("bp_sample", lang, x=_vec(self.x), y=_vec(self.y), L=sup("L"),
                   out=_vec(self.output), c=num(self.cost))),
            Para(t("bp_equations", lang))]
        blocks += self.dead_blocks(lang) + self.weight_blocks(lang)
        for layer in range(L, self.first, -1):
            rows = [r for r in self.rows if r.layer == layer]
            s, prev = sup(layer), sup(layer - 1)
            act = self.activations[layer - self.first - 1]
            slope = slope_name(act, f"z{s}ⱼ")
            blocks.append(Para(""))
            if layer == L:
                blocks.append(Para(t("bp_layer_out", lang, l=layer, s=s, slope=slope_name(
                    act, f"z{s}"), grad=_grad_formula(self.cost_name, s))))
                incoming = t("bp_col_grad_a", lang, l=s)
                if self.cost_name == "ce":  # a sigmoid output: σ′ cancels the denominators
                    blocks.append(Para(t("bp_ce_sigmoid", lang, s=s)))
            else:
                nxt = sup(layer + 1)
                blocks.append(Para(t("bp_layer_hidden", lang, l=layer, s=s, next=nxt,
                                     slope=slope_name(act, f"z{s}"))))
                incoming = f"((w{nxt})ᵀδ{nxt})ⱼ"
            header = ["j", f"z{s}ⱼ", f"a{s}ⱼ", slope, incoming,
                      t("bp_col_delta", lang, l=s), t("bp_col_delta_engine", lang, l=s),
                      t("bp_col_b_engine", lang, l=s), t("bp_col_diff", lang)]
            body = [[str(r.j), num(r.z), num(r.a), num(r.slope), num(r.incoming), num(r.delta),
                     num(r.delta_engine), num(r.b_engine),
                     num(max(abs(r.delta - r.delta_engine), abs(r.delta - r.b_engine)), DIFF)]
                    for r in rows]
            if layer == L and self.cost_name == "ce":  # δᴸⱼ = aᴸⱼ − yⱼ beside the long way
                header.insert(6, f"a{s}ⱼ − yⱼ")
                for row, r in zip(body, rows):
                    row.insert(6, num(r.a - self.y[r.j - 1]))
            blocks += [Table.of(header, body), Para(t("bp_bp4", lang, l=s, prev=prev))]
            header = ["j", "k", f"a{prev}ₖ", f"δ{s}ⱼ", f"a{prev}ₖ·δ{s}ⱼ",
                      t("bp_col_w_engine", lang, l=s), t("bp_col_diff", lang)]
            body = [[str(r.j), str(k + 1), num(ak), num(r.delta), num(f), num(e),
                     num(abs(f - e), DIFF)]
                    for r in rows for k, (ak, f, e) in enumerate(zip(r.a_prev, r.w_formula,
                                                                      r.w_engine))]
            blocks.append(Table.of(header, body))
        diffs = self.max_diffs()
        blocks += [Para(""), Para(t("bp_summary", lang, **{
            k.lower(): num(v, DIFF) for k, v in diffs.items()}))]
        if self.comparison is not None:
            blocks += [Para("")] + self.comparison.blocks(lang, timing)
        return blocks

    def weight_blocks(self, lang: str) -> list[Block]:
        """Every Wˡ and bˡ as a table (row j: the weights into neuron j, then its bias), so
        BP2's (wˡ⁺¹)ᵀδˡ⁺¹ and BP4's aˡ⁻¹ₖδˡⱼ can be checked by hand."""
        if not self.W:
            return []
        blocks: list[Block] = [Para(""), Para(t("bp_weights_title", lang))]
        for layer, (W, b) in enumerate(zip(self.W, self.b), self.first + 1):
            s = sup(layer)
            header = ["j", *(f"w{s}ⱼ{sub(k)}" for k in range(1, len(W[0]) + 1)), f"b{s}ⱼ"]
            blocks.append(Table.of(header, [[str(j), *(num(w) for w in row), num(bias)]
                                            for j, (row, bias) in enumerate(zip(W, b), 1)]))
        return blocks

    def dead_blocks(self, lang: str) -> list[Block]:
        """The warning for ReLU neurons that pass no gradient on this sample, with a seed that has none."""
        if not self.dead:
            return []
        names = ("、" if lang == "zh" else ", ").join(f"a{sup(layer)}{sub(j)}" for layer, j in self.dead)
        text = t("bp_dead_relu", lang, names=names, n=len(self.dead))
        if self.seed_without_dead is not None:
            text += ("" if lang == "zh" else " ") + t("bp_dead_seed", lang, seed=self.seed_without_dead)
        return [Para(""), Para(text)]

    def render(self, lang: str | None = None, timing: bool = True, fmt: str = "text") -> str:
        """The report as ``fmt``: "text" (terminal), "md", "latex" or "json"."""
        if fmt == "json":
            return self.to_json(timing)
        if fmt not in FORMATS:
            raise ValueError(t("report_bad_format", fmt=show(fmt), choices=", ".join(FORMATS)))
        return doc.render(self.blocks(lang, timing), fmt).rstrip("\n")

    def to_json(self, timing: bool = True) -> str:
        """Every number of the report (times only with ``timing``), layers as ``numbering``."""
        return json.dumps(self.to_dict(timing), ensure_ascii=False, indent=1)

    def to_dict(self, timing: bool = True) -> dict:
        """The report as plain data (what ``to_json`` writes)."""
        data = asdict(self)
        if data["comparison"] is not None and not timing:
            del data["comparison"]["fd_seconds"], data["comparison"]["bp_seconds"]
        data["max_diffs"] = self.max_diffs()
        return data


def numbering_text(numbering: str, L: int, lang: str) -> str:
    """Which layer numbering a page or report uses, said in one sentence."""
    if input_layer(numbering) == 1:
        return t("bp_numbering", lang, L=L)
    return t("bp_numbering_ng", lang, L=L)


def _vec(values: Sequence[float]) -> str:
    return "[" + ", ".join(num(v) for v in values) + "]"


def _numbers(values: object, n: int, what: str) -> list[float]:
    """n finite reals as floats, checked by the engine's own rule, or a clear error."""
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__") or len(values) != n:
        raise ValueError(t("bp_length", what=what, n=n, value=show(values)))
    out = []
    # anything with a length is taken for a sequence of numbers (a list, a tuple, a NumPy array)
    for v in cast(Iterable[object], values):
        try:
            out.append(to_float(v, what))
        except (TypeError, ValueError):
            raise ValueError(t("bp_bad_number", what=what, value=show(v))) from None
    return out


def _check(mlp: MLP, x: Sequence[float], y: Sequence[float], cost: str) -> tuple[list[float],
                                                                                  list[float]]:
    check_cost(cost)
    x = _numbers(x, len(mlp.layers[0].neurons[0].w), "x")
    y = _numbers(y, len(mlp.layers[-1].neurons), "y")
    if cost == "ce":
        if mlp.layers[-1].neurons[0].activation != "sigmoid":
            raise ValueError(t("bp_ce_needs_sigmoid",
                               act=mlp.layers[-1].neurons[0].activation))
        for v in y:
            if not 0.0 <= v <= 1.0:
                raise ValueError(t("bp_ce_label", value=num(v)))
    return x, y


def check_cost(cost: object) -> str:
    """``cost`` if it is one of COSTS, else a clear error naming it."""
    if cost not in COSTS:
        raise ValueError(t("bp_bad_cost", cost=show(cost), choices=", ".join(COSTS)))
    return str(cost)


def last_pass(neuron: Neuron) -> tuple[Value, Value]:
    """``neuron``'s z and a from the forward pass just run (None before any)."""
    assert neuron.z is not None and neuron.a is not None
    return neuron.z, neuron.a


def _cost(mlp: MLP, x: Sequence[float], y: Sequence[float], cost: str) -> Value:
    """One forward pass and the cost C as a Value."""
    mlp(x)
    outputs = [last_pass(n)[1] for n in mlp.layers[-1].neurons]
    if cost == "half_sse":
        return half_sse_loss(outputs, y)
    if cost == "mse":
        return mse_loss(outputs, y)
    _saturated(outputs)
    return binary_cross_entropy(outputs, y, reduction="sum")


def _saturated(outputs: Sequence[Value]) -> None:
    """A clear error when a sigmoid output is exactly 0 or 1 (log of 0 in cross-entropy)."""
    for v in outputs:
        if v.data in (0.0, 1.0):
            raise ValueError(t("bp_ce_saturated", a=num(v.data)))


def bp_report(mlp: MLP, x: Sequence[float], y: Sequence[float], cost: str = DEFAULT_COST,
              compare: bool = False, numbering: str = "nielsen") -> BPReport:
    """Forward + backward on one sample, then BP1–BP4 from the forward values.

    Leaves the parameters' ``.grad`` equal to ∂C/∂parameter for this sample
    (they are zeroed first). With ``compare=True`` also runs ``compare_cost``.
    """
    first = input_layer(numbering)
    x, y = _check(mlp, x, y, cost)
    mlp.zero_grad()
    C = _cost(mlp, x, y, cost)
    C.backward()
    layers = mlp.layers
    L = len(layers)
    a_prev_of = [x] + [[last_pass(n)[1].data for n in layer.neurons] for layer in layers[:-1]]
    deltas: list[list[float]] = [[] for _ in range(L)]
    rows_by_layer: list[list[NeuronRow]] = [[] for _ in range(L)]
    for li in range(L - 1, -1, -1):  # from the output layer back: BP1, then BP2
        layer = layers[li]
        for j, n in enumerate(layer.neurons):
            z_node, a_node = last_pass(n)
            z, a = z_node.data, a_node.data
            slope = activation_slope(n.activation, z, a)
            if li == L - 1:
                incoming = cost_gradient(cost, a, y[j], len(y))  # BP1
            else:
                nxt = layers[li + 1].neurons
                incoming = sum(m.w[j].data * d for m, d in zip(nxt, deltas[li + 1]))  # BP2
            delta = incoming * slope
            deltas[li].append(delta)
            a_prev = tuple(a_prev_of[li])
            # the MLP's layers[li] is layer li + 1 + first: the input is layer ``first``
            rows_by_layer[li].append(NeuronRow(
                li + 1 + first, j + 1, z, a, slope, incoming, delta, z_node.grad, n.b.grad, a_prev,
                tuple(ak * delta for ak in a_prev), tuple(w.grad for w in n.w)))
    rows = tuple(r for layer_rows in rows_by_layer for r in layer_rows)
    sizes = (len(x), *(len(layer.neurons) for layer in layers))
    acts = tuple(layer.neurons[0].activation for layer in layers)
    output = tuple(last_pass(n)[1].data for n in layers[-1].neurons)
    comparison = _compare(mlp, x, y, cost, H) if compare else None
    W = tuple(tuple(tuple(w.data for w in n.w) for n in layer.neurons) for layer in layers)
    b = tuple(tuple(n.b.data for n in layer.neurons) for layer in layers)
    dead = tuple((r.layer, r.j) for r in rows
                 if layers[r.layer - 1 - first].neurons[r.j - 1].activation == "relu" and r.z <= 0.0)
    return BPReport(sizes, acts, cost, tuple(x), tuple(y), output, C.data, rows, comparison,
                    W, b, dead, None, numbering)


DEAD_SEARCH = 200  # seeds tried after the given one when looking for one without dead ReLUs


def dead_relus(mlp: MLP, x: Sequence[float], numbering: str = "nielsen") -> list[tuple[int, int]]:
    """(l, j) of every ReLU neuron whose zˡⱼ ≤ 0 on ``x`` (layers as ``numbering``): such a
    neuron passes no gradient back, so its δ, its bias's and its weights' gradients are 0."""
    first = input_layer(numbering)
    mlp(list(x))
    return [(li + 1 + first, j) for li, layer in enumerate(mlp.layers)
            for j, n in enumerate(layer.neurons, 1)
            if n.activation == "relu" and last_pass(n)[0].data <= 0.0]


def seed_without_dead(sizes: Sequence[int], x: Sequence[float], *, activation: str,
                      output_activation: str, seed: int, tries: int = DEAD_SEARCH) -> int | None:
    """The first seed after ``seed`` (seed + 1, seed + 2, … at most ``tries`` of them) whose
    network has no dead ReLU on ``x``; None if there is none in that range."""
    for candidate in range(seed + 1, seed + 1 + tries):
        mlp = MLP(sizes[0], list(sizes[1:]), activation=activation,
                  output_activation=output_activation, seed=candidate)
        if not dead_relus(mlp, x):
            return candidate
    return None


def compare_cost(mlp: MLP, x: Sequence[float], y: Sequence[float], cost: str = DEFAULT_COST,
                 h: float = H) -> CostComparison:
    """Count and time central differences over every parameter against one backprop.

    Leaves the parameters' values unchanged (even when a pass fails) and their
    ``.grad`` equal to ∂C/∂p.
    """
    x, y = _check(mlp, x, y, cost)
    if isinstance(h, bool) or not isinstance(h, (int, float)) or not 0.0 < h < math.inf:
        raise ValueError(t("nn_bad_option", where="compare_cost", what="h", value=show(h)))
    return _compare(mlp, x, y, cost, float(h))


def _compare(mlp: MLP, x: list[float], y: list[float], cost: str, h: float) -> CostComparison:
    """compare_cost on checked inputs."""
    return _compare_with(mlp, lambda: _cost(mlp, x, y, cost), h)


def _compare_with(mlp: MLP, cost_pass: Callable[[], Value], h: float = H) -> CostComparison:
    """Central differences of ``cost_pass()`` (a forward pass giving C) against one backprop."""
    passes = 0

    def forward() -> Value:
        nonlocal passes
        passes += 1
        return cost_pass()

    params = mlp.parameters()
    start = time.perf_counter()
    numeric = []
    for p in params:
        original = p.data
        try:
            p.data = original + h
            plus = forward().data
            p.data = original - h
            minus = forward().data
        finally:  # a failing pass (overflow, a saturated σ) must not leave p moved
            p.data = original
        numeric.append((plus - minus) / (2.0 * h))
    fd_seconds = time.perf_counter() - start
    fd_passes = passes
    mlp.zero_grad()
    start = time.perf_counter()
    forward().backward()
    bp_seconds = time.perf_counter() - start
    diff = max(abs(p.grad - g) for p, g in zip(params, numeric))
    return CostComparison(len(params), fd_passes, passes - fd_passes, 1, fd_seconds,
                          bp_seconds, diff, h)


def default_sample(n_inputs: int, n_outputs: int) -> tuple[list[float], list[float]]:
    """The sample used when none is given: x cycles through 0.5, −1 and y through 1, 0.

    ``default_sample(2, 2)`` is ``([0.5, -1.0], [1.0, 0.0])``; ``default_sample(3, 1)``
    is ``([0.5, -1.0, 0.5], [1.0])``.
    """
    return ([DEFAULT_X[k % len(DEFAULT_X)] for k in range(n_inputs)],
            [DEFAULT_Y[j % len(DEFAULT_Y)] for j in range(n_outputs)])


def bp_network(sizes: Sequence[int], x: Sequence[float] | None = None,
               y: Sequence[float] | None = None, *,
               activation: str = "sigmoid", output_activation: str = "sigmoid",
               cost: str = DEFAULT_COST, seed: int = 0, compare: bool = True,
               weights: tuple[Sequence[Sequence[Sequence[float]]], Sequence[Sequence[float]]]
               | None = None, numbering: str = "nielsen") -> BPReport:
    """``bp_report`` for a fresh ``MLP(sizes[0], sizes[1:], …, seed=seed)``.

    MLP itself checks each size and the activation names. ``x`` or ``y`` left out
    (None) is taken from ``default_sample``, with the length the sizes ask for.
    ``weights`` = ``(Ws, bs)`` (``teach.weights.load_weights``) replaces the seed's
    weights and biases. When a ReLU neuron is dead on the sample, the report names it
    and, for seeded weights, the first later seed that has none (``seed_without_dead``).
    """
    mlp = network_of(sizes, activation, output_activation, seed)
    if weights is not None:
        mlp.set_weights(*weights)
    default_x, default_y = default_sample(sizes[0], sizes[-1])
    report = bp_report(mlp, default_x if x is None else x, default_y if y is None else y,
                       cost, compare, numbering)
    if report.dead and weights is None:
        found = seed_without_dead(sizes, report.x, activation=activation,
                                  output_activation=output_activation, seed=seed)
        report = replace(report, seed_without_dead=found)
    return report


def network_of(sizes: Sequence[int], activation: str = "sigmoid",
               output_activation: str = "sigmoid", seed: int = 0) -> MLP:
    """A fresh ``MLP(sizes[0], sizes[1:], …, seed=seed)`` within MAX_PARAMETERS, or a clear error."""
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__") or len(sizes) < 2:
        raise ValueError(t("bp_sizes", value=show(sizes)))
    if all(isinstance(n, int) and n > 0 for n in sizes):  # else MLP names the bad size
        count = sum((n_in + 1) * n_out for n_in, n_out in zip(sizes, sizes[1:]))
        if count > MAX_PARAMETERS:  # refuse before building: 99999×99999 would never finish
            raise ValueError(t("bp_too_large", count=show(count), limit=MAX_PARAMETERS))
    return MLP(sizes[0], list(sizes[1:]), activation=activation,
               output_activation=output_activation, seed=seed)
