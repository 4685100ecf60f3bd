"""Demo ``layer``: the experiment of seed text 004, one scalar at a time.

One sigmoid layer, 3 inputs -> 2 outputs, two training samples,
cost C = Σ (ŷ − y)² over both samples and both outputs, learning rate 0.1,
1000 steps of gradient descent. The source text trains it with NumPy and
updates w with the gradient SUMMED over the two samples but b with the gradient
AVERAGED over them (its bias is a 1-D array, so it takes a mean). This demo
keeps both rules, says so, and builds every number from scalar Values with
``nn.Layer``; tests check it against an independent NumPy computation. For one
weight it also works out the source's scalar formula
∂C/∂ωᵢⱼ = xᵢ · g′(aⱼ) · 2(ŷⱼ − yⱼ) at the first step, from the forward values, beside
the engine's gradient.

Imports: nn, table, i18n, demos._common (matplotlib lazily, for the cost curve).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from micrograd_cn.demos._common import Pictures, check_count, draw, out_folder, save, vector
from micrograd_cn.engine import Value
from micrograd_cn.i18n import check_lang, t
from micrograd_cn.nn import Layer
from micrograd_cn.notation import num, paren, sub

# The setup of seed 004 (/shared/seeds/README.md), in its own layout:
# x has one row per sample, w is 3×2 (row = input i, column = output j).
X = ((1.0, 2.0, 3.0), (3.0, 2.0, 1.0))
Y = ((1.0, 0.0), (0.0, 1.0))
W0 = ((0.1, 0.2), (0.3, 0.4), (0.5, 0.6))
B0 = (0.0, 0.0)
LR = 0.1
STEPS = 1000
CHECKED = (1, 1)  # (i, j) of the weight ωᵢⱼ whose first gradient is worked out by the formula


@dataclass(frozen=True)
class FormulaTerm:
    """One sample's xᵢ · g′(aⱼ) · 2(ŷⱼ − yⱼ), from the forward values of the first step."""

    x: float  # xᵢ of this sample
    slope: float  # g′(aⱼ) = ŷⱼ(1 − ŷⱼ)
    y_hat: float  # ŷⱼ
    y: float  # yⱼ
    value: float  # the product


@dataclass(frozen=True)
class WeightCheck:
    """Seed 004's per-weight formula for ωᵢⱼ at the first step, beside the engine's .grad."""

    i: int  # 1-based, as the source writes ω₁₁
    j: int
    terms: list[FormulaTerm]  # one per sample
    engine: float  # ωᵢⱼ.grad after the first backward pass

    @property
    def total(self) -> float:
        return sum(term.value for term in self.terms)

    def lines(self, lang: str) -> list[str]:
        i, j = sub(self.i), sub(self.j)
        w = f"ω{sub(f'{self.i}{self.j}')}"
        out = [t("layer_formula", lang, w=w)]
        for k, term in enumerate(self.terms, 1):
            values = (f"{paren(term.x)} × {paren(term.slope)} × 2 × "
                      f"({num(term.y_hat)} − {num(term.y)})")
            out.append(t("layer_formula_sample", lang, k=k, x=f"x{i}", a=f"a{j}",
                         y_hat=f"ŷ{j}", y=f"y{j}", values=values, term=num(term.value)))
        terms = " + ".join(paren(term.value) for term in self.terms)
        out.append(t("layer_formula_sum", lang, w=w, terms=terms, total=num(self.total),
                     engine=num(self.engine), diff=num(abs(self.total - self.engine), 3)))
        return out


@dataclass
class LayerResult:
    """The key numbers of the ``layer`` demo (w in the source's 3×2 layout)."""

    lr: float
    y_hat_before: list[list[float]]  # ŷ per sample before any step
    y_hat_after: list[list[float]]
    costs: list[float]  # costs[k] = C after k steps (costs[0]: before training)
    w: list[list[float]]  # 3×2: w[i][j] links input i to output j
    b: list[float]
    pictures: Pictures
    check: WeightCheck | None = None  # the first step's gradient of ω_CHECKED, both ways

    @property
    def steps(self) -> int:
        return len(self.costs) - 1

    @property
    def cost_after_first(self) -> float:
        return self.costs[1]

    @property
    def cost_final(self) -> float:
        return self.costs[-1]

    def render(self, lang: str | None = None) -> str:
        lang = check_lang(lang)
        lines = [t("layer_title", lang), t("layer_setup", lang, lr=self.lr, steps=self.steps),
                 t("layer_rule", lang), t("layer_y_hat_before", lang)]
        lines += [t("layer_sample", lang, k=k + 1, values=vector(row))
                  for k, row in enumerate(self.y_hat_before)]
        if self.check is not None:
            lines += self.check.lines(lang)
        lines.append(t("layer_cost", lang, step=1, cost=repr(self.cost_after_first)))
        lines.append(t("layer_cost", lang, step=self.steps, cost=repr(self.cost_final)))
        lines.append(t("layer_y_hat_after", lang))
        lines += [t("layer_sample", lang, k=k + 1, values=vector(row))
                  for k, row in enumerate(self.y_hat_after)]
        # parameters at table precision (the costs above keep the source's full precision)
        lines.append(t("layer_w", lang))
        lines += [f"  {_row(row)}" for row in self.w]
        lines.append(t("layer_b", lang, values=_row(self.b)))
        return "\n".join(lines + self.pictures.lines(lang))


def _row(values: list[float]) -> str:
    return "[" + ", ".join(num(v) for v in values) + "]"


def _check(y_hat: list[list[float]], engine: float) -> WeightCheck:
    """Seed 004's formula for ω_CHECKED from the forward values ŷ alone (not from .grad)."""
    i, j = CHECKED
    terms = []
    for x, y, out in zip(X, Y, y_hat):
        slope = out[j - 1] * (1.0 - out[j - 1])
        terms.append(FormulaTerm(x[i - 1], slope, out[j - 1], y[j - 1],
                                 x[i - 1] * slope * 2.0 * (out[j - 1] - y[j - 1])))
    return WeightCheck(i, j, terms, engine)


def _forward(layer: Layer) -> tuple[Value, list[list[float]]]:
    """C for both samples, and ŷ per sample (as plain numbers)."""
    terms: list[Value] = []
    y_hat: list[list[float]] = []
    for x, y in zip(X, Y):
        out = layer(list(x))
        assert isinstance(out, list)  # two neurons give a list (only one gives a bare Value)
        y_hat.append([o.data for o in out])
        terms += [(o - target) ** 2 for o, target in zip(out, y)]
    return sum(terms[1:], terms[0]), y_hat


def run(lang: str = "zh", out_dir: str | Path | None = None, *, steps: int = STEPS,
        plots: bool = True, **_: Any) -> LayerResult:
    """Train the layer of seed 004 and return its numbers (and the cost curve)."""
    lang = check_lang(lang)
    steps = check_count(steps, "layer", "steps")
    layer = Layer(3, 2, activation="sigmoid", seed=0)  # weights are set just below
    # nn.Layer keeps one row per neuron (2×3): the transpose of the source's w.
    layer.set_weights([[W0[i][j] for i in range(3)] for j in range(2)], list(B0))
    m = len(X)
    costs: list[float] = []
    y_hat_before: list[list[float]] = []
    check = None
    for step in range(steps):
        layer.zero_grad()
        cost, y_hat = _forward(layer)
        costs.append(cost.data)
        cost.backward()  # C sums over the samples, so every .grad is a sum
        if step == 0:
            y_hat_before = y_hat
            i, j = CHECKED
            check = _check(y_hat, layer.neurons[j - 1].w[i - 1].grad)
        for neuron in layer.neurons:
            for weight in neuron.w:
                weight.data -= LR * weight.grad  # the source: summed over the samples
            neuron.b.data -= LR * (neuron.b.grad / m)  # the source: averaged
    cost, y_hat_after = _forward(layer)
    costs.append(cost.data)
    w = [[layer.neurons[j].w[i].data for j in range(2)] for i in range(3)]
    b = [neuron.b.data for neuron in layer.neurons]

    def paint(plt: Any, label_lang: str) -> list[Path]:
        folder = out_folder(out_dir, "layer")
        fig, ax = plt.subplots(figsize=(6, 4))
        ax.plot(range(len(costs)), costs, color="#c0392b")
        ax.set_yscale("log")
        ax.set_xlabel(t("plot_step", label_lang))
        ax.set_ylabel(t("plot_cost", label_lang))
        ax.set_title(t("layer_plot_title", label_lang))
        ax.grid(True, alpha=0.3)
        return [save(plt, fig, folder / "cost.png")]

    return LayerResult(LR, y_hat_before, y_hat_after, costs, w, b,
                       draw(plots, lang, paint), check)
