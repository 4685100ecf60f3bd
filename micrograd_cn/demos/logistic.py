"""Demo ``logistic`` (the main demo, ``make demo``): one logistic neuron, step by step.

z = w₁x₁ + w₂x₂ + b, a = σ(z), L = −[y·log(a) + (1 − y)·log(1 − a)], and the cost
J = (1/m) Σ L⁽ⁱ⁾ over a tiny 2-D data set of m = 4 points (seed texts 000/002).
First the backward pass of one sample into the parameters w, b (x and y are data),
every chain-rule step with its number and the closed forms beside it
(``logistic.logistic_neuron``); then the batch with ∂J/∂w = (1/m) X(A − Y)ᵀ,
∂J/∂b = mean(A − Y) (``logistic_batch``); then a few steps of gradient descent, each
from the engine's gradients. Pictures: the computation graph of the first sample
(``viz.render``, parameters and data coloured apart) and the cost curve.
Numbers are printed at table precision (``table.num``).

Imports: logistic, table, viz, i18n, demos._common (matplotlib lazily).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from micrograd_cn.demos._common import Pictures, Progress, check_count, draw, out_folder, save
from micrograd_cn.i18n import check_lang, t
from micrograd_cn.notation import num
from micrograd_cn.teach.neuron import BatchReport, LogisticReport, logistic_batch, logistic_neuron

# A tiny data set: two points of class 1 up right, two of class 0 down left.
X = ((1.0, 2.0), (2.0, 0.5), (-1.0, -1.5), (-0.5, 0.5))
Y = (1.0, 1.0, 0.0, 0.0)
W0 = (0.5, -0.25)
B0 = 0.1
LR = 0.5
STEPS = 10


@dataclass
class LogisticDemoResult:
    """The key numbers of the ``logistic`` demo."""

    first: LogisticReport  # sample 1 before training, traced step by step
    batch: BatchReport  # all samples before training
    lr: float
    costs: list[float]  # costs[k] = J after k steps (costs[0]: before training)
    w: list[float]  # after training
    b: float
    accuracy: float  # share of samples with (a > 0.5) == (y == 1), after training
    pictures: Pictures

    def render(self, lang: str | None = None) -> str:
        lang = check_lang(lang)
        steps = len(self.costs) - 1
        lines = [t("logistic_demo_title", lang),
                 t("logistic_demo_data", lang, m=len(X), lr=num(self.lr), steps=steps,
                   w=_vector(W0), b=num(B0)),
                 "", t("logistic_demo_part1", lang), self.first.render(lang),
                 "", t("logistic_demo_part2", lang), self.batch.render(lang),
                 "", t("logistic_demo_part3", lang)]
        lines += [t("logistic_demo_cost" if k else "logistic_demo_cost0", lang, k=k,
                    cost=num(cost)) for k, cost in enumerate(self.costs)]
        lines.append(t("logistic_demo_final", lang, w=_vector(self.w), b=num(self.b),
                       acc=100.0 * self.accuracy))
        return "\n".join(lines + self.pictures.lines(lang))


def _vector(values: Sequence[float]) -> str:
    return "[" + ", ".join(num(v) for v in values) + "]"


def run(lang: str = "zh", out_dir: str | Path | None = None, *, steps: int = STEPS,
        plots: bool = True, progress: Progress | None = None, **_: Any) -> LogisticDemoResult:
    """Trace sample 1, check the batch, train ``steps`` steps of gradient descent."""
    lang = check_lang(lang)
    steps = check_count(steps, "logistic", "steps")
    first = logistic_neuron(X[0], Y[0], W0, B0)
    batch = logistic_batch(X, Y, W0, B0)
    w, b = list(W0), B0
    costs: list[float] = []
    report = batch
    for _step in range(steps):  # `_` is the ignored keyword arguments
        costs.append(report.cost)
        # The engine's ∂J/∂w₁, ∂J/∂w₂, ∂J/∂b: the batch report checked them against
        # the closed forms already, so each step is plain gradient descent on them.
        grads = [check.engine for check in report.checks]
        w = [wi - LR * g for wi, g in zip(w, grads[:-1])]
        b = b - LR * grads[-1]
        report = logistic_batch(X, Y, w, b)
    costs.append(report.cost)
    accuracy = sum((a > 0.5) == (y == 1.0) for a, y in zip(report.A, Y)) / len(Y)

    def paint(plt: Any, label_lang: str) -> list[Path]:
        from micrograd_cn.render.graph import render

        folder = out_folder(out_dir, "logistic")
        graph = render(first.root, folder / "graph.svg", lang=label_lang, params=first.params)
        fig, ax = plt.subplots(figsize=(6, 4))
        ax.plot(range(len(costs)), costs, "o-", color="#c0392b")
        ax.set_xlabel(t("plot_step", label_lang))
        ax.set_ylabel(t("logistic_plot_cost", label_lang))
        ax.set_title(t("logistic_plot_title", label_lang))
        ax.grid(True, alpha=0.3)
        return [graph, save(plt, fig, folder / "cost.png")]

    return LogisticDemoResult(first, batch, LR, costs, w, b, accuracy, draw(plots, lang, paint))
