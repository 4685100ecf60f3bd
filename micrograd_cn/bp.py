"""BP1–BP4 per scalar: the four backpropagation equations of seed 001, checked
neuron by neuron against the engine.

For an MLP, one sample x and a cost C (MSE ½Σ(a−y)² or binary cross-entropy),
``bp_report`` runs one forward and one backward pass, then recomputes every
δ and every gradient from the *forward values alone*:

  BP1  δ^L = ∇_a C ⊙ σ′(z^L)                       (output layer)
  BP2  δ^l = ((w^{l+1})ᵀ δ^{l+1}) ⊙ σ′(z^l)         (hidden layers, from the back)
  BP3  ∂C/∂b^l_j = δ^l_j
  BP4  ∂C/∂w^l_jk = a^{l−1}_k δ^l_j

σ′ here is the activation's textbook formula applied to the forward a or z
(sigmoid a(1−a), tanh 1−a², ReLU 1 if z>0 else 0, linear 1), and ∇_a C is
a − y (MSE) or −y/a + (1−y)/(1−a) (cross-entropy): an independent check of
the engine, whose δ is ``neuron.z.grad`` and whose ∂C/∂w, ∂C/∂b are ``.grad``.

``compare_cost`` measures seed 001's argument: finite differences need a
forward pass per perturbed parameter, backpropagation one forward and one
backward pass for all of them.

Layers are numbered l = 1 … L (a⁰ = x); neurons and inputs j, k from 1.

Imports: engine, nn, i18n and table.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Sequence

from micrograd_cn.engine import Value, to_float
from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.nn import MLP, binary_cross_entropy, mse_loss
from micrograd_cn.table import num, sup, table

# A report lists every neuron and weight, and the finite-difference comparison
# needs 2 forward passes per parameter: beyond this a classroom would wait.
MAX_PARAMETERS = 2000

COSTS = ("mse", "ce")
H = 1e-6  # the step of compare_cost's central differences


def activation_slope(activation: str, z: float, a: float) -> float:
    """σ′(z) from the forward values, by the activation's textbook formula."""
    if activation == "sigmoid":
        return a * (1.0 - a)
    if activation == "tanh":
        return 1.0 - a * a
    if activation == "relu":
        return 1.0 if z > 0.0 else 0.0
    return 1.0  # linear


def cost_gradient(cost: str, a: float, y: float) -> float:
    """∂C/∂a_j for one output, from its forward value."""
    if cost == "mse":
        return a - y
    return -y / a + (1.0 - y) / (1.0 - a)


def _cost_formula(cost: str) -> str:
    return "½Σ(a−y)²" if cost == "mse" else "−Σ[y·log a + (1−y)·log(1−a)]"


def _grad_formula(cost: str) -> str:
    return "a − y" if cost == "mse" else "−y/a + (1−y)/(1−a)"


@dataclass(frozen=True)
class NeuronRow:
    """One neuron j of layer l: forward values, δ both ways, gradients both ways."""

    layer: int
    j: int
    z: float
    a: float
    slope: float  # σ′(z^l_j) from the forward values
    incoming: float  # ∂C/∂a_j (BP1) or ((w^{l+1})ᵀ δ^{l+1})_j (BP2)
    delta: float  # δ^l_j by BP1/BP2 from forward values
    delta_engine: float  # neuron.z.grad
    b_engine: float  # neuron.b.grad (BP3 compares it with delta)
    a_prev: tuple[float, ...]  # a^{l−1}_k
    w_formula: tuple[float, ...]  # BP4: a^{l−1}_k δ_j
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

    def render(self, lang: str | None = None, timing: bool = True) -> str:
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
        lines.append(t("bp_cost_agree", lang, diff=num(self.max_diff, 3)))
        return "\n".join(lines)


@dataclass
class BPReport:
    """BP1–BP4 for one sample: every neuron's row, the largest differences, the cost."""

    sizes: list[int]  # [n⁰, n¹, …, nᴸ]
    activations: list[str]  # one per layer 1 … L
    cost_name: str
    x: list[float]
    y: list[float]
    output: list[float]
    cost: float
    rows: list[NeuronRow]
    comparison: CostComparison | None = None

    def max_diffs(self) -> dict[str, float]:
        """Largest |formula − engine| for each equation."""
        last = len(self.sizes) - 1
        out = {"BP1": 0.0, "BP2": 0.0, "BP3": 0.0, "BP4": 0.0}
        for r in self.rows:
            key = "BP1" if r.layer == last else "BP2"
            out[key] = max(out[key], abs(r.delta - r.delta_engine))
            out["BP3"] = max(out["BP3"], abs(r.delta - r.b_engine))
            for f, e in zip(r.w_formula, r.w_engine):
                out["BP4"] = max(out["BP4"], abs(f - e))
        return out

    @property
    def max_diff(self) -> float:
        return max(self.max_diffs().values())

    def render(self, lang: str | None = None, timing: bool = True) -> str:
        lang = check_lang(lang)
        L = len(self.sizes) - 1
        arch = " → ".join([str(self.sizes[0])] + [f"{n} ({act})" for n, act in
                                                  zip(self.sizes[1:], self.activations)])
        lines = [t("bp_title", lang, arch=arch, cost=_cost_formula(self.cost_name)),
                 t("bp_sample", lang, x=_vec(self.x), y=_vec(self.y), L=sup("L"),
                   out=_vec(self.output), c=num(self.cost)),
                 t("bp_equations", lang)]
        for layer in range(L, 0, -1):
            rows = [r for r in self.rows if r.layer == layer]
            lines.append("")
            if layer == L:
                lines.append(t("bp_layer_out", lang, l=layer, grad=_grad_formula(self.cost_name)))
                incoming = t("bp_col_grad_a", lang)
            else:
                lines.append(t("bp_layer_hidden", lang, l=layer, next=sup(layer + 1)))
                incoming = f"((w{sup(layer + 1)})ᵀδ{sup(layer + 1)})ⱼ"
            header = ["j", f"z{sup(layer)}ⱼ", f"a{sup(layer)}ⱼ", "σ′(z)", incoming,
                      t("bp_col_delta", lang), t("bp_col_delta_engine", lang),
                      t("bp_col_b_engine", lang), t("bp_col_diff", lang)]
            body = [[str(r.j), num(r.z), num(r.a), num(r.slope), num(r.incoming), num(r.delta),
                     num(r.delta_engine), num(r.b_engine),
                     num(max(abs(r.delta - r.delta_engine), abs(r.delta - r.b_engine)), 3)]
                    for r in rows]
            lines += table(header, body)
            lines.append(t("bp_bp4", lang, l=sup(layer), prev=sup(layer - 1)))
            header = ["j", "k", f"a{sup(layer - 1)}ₖ", f"δ{sup(layer)}ⱼ",
                      f"a{sup(layer - 1)}ₖ·δ{sup(layer)}ⱼ", t("bp_col_w_engine", lang),
                      t("bp_col_diff", lang)]
            body = [[str(r.j), str(k + 1), num(ak), num(r.delta), num(f), num(e),
                     num(abs(f - e), 3)]
                    for r in rows for k, (ak, f, e) in enumerate(zip(r.a_prev, r.w_formula,
                                                                      r.w_engine))]
            lines += table(header, body)
        lines.append("")
        diffs = self.max_diffs()
        lines.append(t("bp_summary", lang, **{k.lower(): num(v, 3) for k, v in diffs.items()}))
        if self.comparison is not None:
            lines += ["", self.comparison.render(lang, timing)]
        return "\n".join(lines)


def _vec(values: Sequence[float]) -> str:
    return "[" + ", ".join(num(v) for v in values) + "]"


def _numbers(values: object, n: int, what: str) -> list[float]:
    """n finite reals as floats, checked by the engine's own rule, or a clear error."""
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__") or len(values) != n:
        raise ValueError(t("bp_length", what=what, n=n, value=show(values)))
    out = []
    for v in values:
        try:
            out.append(to_float(v, what))
        except (TypeError, ValueError):
            raise ValueError(t("bp_bad_number", what=what, value=show(v))) from None
    return out


def _check(mlp: MLP, x: Sequence[float], y: Sequence[float], cost: str) -> tuple[list[float],
                                                                                  list[float]]:
    if cost not in COSTS:
        raise ValueError(t("bp_bad_cost", cost=show(cost), choices=", ".join(COSTS)))
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


def _cost(mlp: MLP, x: Sequence[float], y: Sequence[float], cost: str) -> Value:
    """One forward pass and the cost C as a Value."""
    mlp(x)
    outputs = [n.a for n in mlp.layers[-1].neurons]
    if cost == "mse":
        return mse_loss(outputs, y, reduction="sum") * 0.5
    for v in outputs:
        if v.data in (0.0, 1.0):
            raise ValueError(t("bp_ce_saturated", a=num(v.data)))
    return binary_cross_entropy(outputs, y, reduction="sum")


def bp_report(mlp: MLP, x: Sequence[float], y: Sequence[float], cost: str = "mse",
              compare: bool = False) -> BPReport:
    """Forward + backward on one sample, then BP1–BP4 from the forward values.

    Leaves the parameters' ``.grad`` equal to ∂C/∂parameter for this sample
    (they are zeroed first). With ``compare=True`` also runs ``compare_cost``.
    """
    x, y = _check(mlp, x, y, cost)
    mlp.zero_grad()
    C = _cost(mlp, x, y, cost)
    C.backward()
    layers = mlp.layers
    L = len(layers)
    a_prev_of = [x] + [[n.a.data for n in layer.neurons] for layer in layers[:-1]]
    deltas: list[list[float]] = [[] for _ in range(L)]
    rows_by_layer: list[list[NeuronRow]] = [[] for _ in range(L)]
    for li in range(L - 1, -1, -1):  # from the output layer back: BP1, then BP2
        layer = layers[li]
        for j, n in enumerate(layer.neurons):
            z, a = n.z.data, n.a.data
            slope = activation_slope(n.activation, z, a)
            if li == L - 1:
                incoming = cost_gradient(cost, a, y[j])  # BP1
            else:
                nxt = layers[li + 1].neurons
                incoming = sum(m.w[j].data * d for m, d in zip(nxt, deltas[li + 1]))  # BP2
            delta = incoming * slope
            deltas[li].append(delta)
            a_prev = tuple(a_prev_of[li])
            rows_by_layer[li].append(NeuronRow(
                li + 1, j + 1, z, a, slope, incoming, delta, n.z.grad, n.b.grad, a_prev,
                tuple(ak * delta for ak in a_prev), tuple(w.grad for w in n.w)))
    rows = [r for layer_rows in rows_by_layer for r in layer_rows]
    sizes = [len(x)] + [len(layer.neurons) for layer in layers]
    acts = [layer.neurons[0].activation for layer in layers]
    output = [n.a.data for n in layers[-1].neurons]
    comparison = _compare(mlp, x, y, cost, H) if compare else None
    return BPReport(sizes, acts, cost, x, y, output, C.data, rows, comparison)


def compare_cost(mlp: MLP, x: Sequence[float], y: Sequence[float], cost: str = "mse",
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
    passes = 0

    def forward() -> Value:
        nonlocal passes
        passes += 1
        return _cost(mlp, x, y, cost)

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


def bp_network(sizes: Sequence[int], x: Sequence[float], y: Sequence[float], *,
               activation: str = "sigmoid", output_activation: str = "sigmoid",
               cost: str = "mse", seed: int = 0, compare: bool = True) -> BPReport:
    """``bp_report`` for a fresh ``MLP(sizes[0], sizes[1:], …, seed=seed)``.

    MLP itself checks each size and the activation names.
    """
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__") or len(sizes) < 2:
        raise ValueError(t("bp_sizes", value=show(sizes)))
    if all(isinstance(n, int) and n > 0 for n in sizes):  # else MLP names the bad size
        count = sum((n_in + 1) * n_out for n_in, n_out in zip(sizes, sizes[1:]))
        if count > MAX_PARAMETERS:  # refuse before building: 99999×99999 would never finish
            raise ValueError(t("bp_too_large", count=show(count), limit=MAX_PARAMETERS))
    mlp = MLP(sizes[0], list(sizes[1:]), activation=activation,
              output_activation=output_activation, seed=seed)
    return bp_report(mlp, x, y, cost, compare)
