"""Demo ``bp``: the four equations BP1–BP4 (seed text 001) on a small sigmoid MLP.

A 3 → 4 → 3 → 2 network with sigmoid in every layer, one sample, cost
C = ½Σ(a − y)². ``bp.bp_network`` runs one forward and one backward pass and
recomputes every δ and every gradient from the forward values alone; the
report prints one table per layer, from the output back (BP1, then BP2), each
followed by its BP3/BP4 table. The picture puts every neuron's |δ| from the
equations on the engine's ``neuron.z.grad``, all layers on one log axis, so that
δ shrinking toward the input (sigmoid's σ′ ≤ 1/4 at every layer) can be seen.

Imports: bp, i18n, demos._common (matplotlib lazily).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from micrograd_cn.demos._common import Pictures, draw, out_folder, save
from micrograd_cn.i18n import check_lang, t
from micrograd_cn.teach.backprop import BPReport, bp_network

SIZES = (3, 4, 3, 2)
X = (1.0, 0.5, -1.0)
Y = (1.0, 0.0)
SEED = 0


@dataclass
class BPDemoResult:
    """The BP1–BP4 report of the demo network."""

    report: BPReport
    pictures: Pictures

    def render(self, lang: str | None = None) -> str:
        lang = check_lang(lang)
        lines = [t("bp_demo_title", lang), self.report.render(lang, timing=False)]
        return "\n".join(lines + self.pictures.lines(lang))


def run(lang: str = "zh", out_dir: str | Path | None = None, *, plots: bool = True,
        **_: Any) -> BPDemoResult:
    """BP1–BP4 for the demo network and sample."""
    lang = check_lang(lang)
    report = bp_network(list(SIZES), list(X), list(Y), activation="sigmoid",
                        output_activation="sigmoid", cost="half_sse", seed=SEED, compare=False)

    def paint(plt: Any, label_lang: str) -> list[Path]:
        folder = out_folder(out_dir, "bp")
        rows = report.rows
        layers = sorted({r.layer for r in rows})
        # One log axis for every layer: with sigmoid (σ′ ≤ 1/4) |δ| shrinks layer by layer
        # toward the input, which separate linear axes per layer would hide. A δ of exactly 0
        # (a ReLU that is off) has no place on a log axis and is left out of the picture.
        fig, ax = plt.subplots(figsize=(6.6, 4.6))
        means = []
        for i, layer in enumerate(layers):
            mine = [r for r in rows if r.layer == layer and r.delta != 0.0]
            xs = [layer + (r.j - (len(mine) + 1) / 2) * 0.09 for r in mine]
            ax.scatter(xs, [abs(r.delta) for r in mine], s=110, facecolors="none",
                       edgecolors="#2471a3", linewidths=1.6,
                       label=t("bp_plot_formula", label_lang) if i == 0 else None)
            ax.scatter(xs, [abs(r.delta_engine) for r in mine], s=28, color="#e67e22",
                       marker="x", label=t("bp_plot_engine", label_lang) if i == 0 else None)
            if mine:  # the geometric mean: the middle of the layer's spread on a log axis
                means.append((layer, math.exp(sum(math.log(abs(r.delta)) for r in mine)
                                              / len(mine))))
        ax.plot([m[0] for m in means], [m[1] for m in means], "--", color="#777777",
                linewidth=1.0, label=t("bp_plot_mean", label_lang))
        ax.set_yscale("log")
        ax.set_xticks(layers)
        ax.set_xticklabels([t("bp_plot_layer", label_lang, l=layer) for layer in layers])
        ax.set_xlim(layers[0] - 0.5, layers[-1] + 0.5)
        ax.set_xlabel(t("bp_plot_direction", label_lang))
        ax.set_ylabel(t("bp_plot_axis", label_lang))
        ax.grid(True, which="both", axis="y", alpha=0.3)
        ax.legend(loc="upper left")
        ax.set_title(t("bp_plot_title", label_lang))
        return [save(plt, fig, folder / "deltas.png")]

    return BPDemoResult(report, draw(plots, lang, paint))
