"""Demo ``bp``: the four equations BP1–BP4 (seed text 001) on a small sigmoid MLP.

A 3 → 4 → 3 → 2 network with sigmoid in every layer, one sample, cost
C = ½Σ(a − y)². ``bp.bp_network`` runs one forward and one backward pass and
recomputes every δ and every gradient from the forward values alone; the
report prints one table per layer, from the output back (BP1, then BP2), each
followed by its BP3/BP4 table. The picture puts each neuron's δ from the
equations beside the engine's ``neuron.z.grad``.

Imports: bp, i18n, demos._common (matplotlib lazily).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from micrograd_cn.bp import BPReport, bp_network
from micrograd_cn.demos._common import Pictures, draw, out_folder, save
from micrograd_cn.i18n import check_lang, t

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
                        output_activation="sigmoid", cost="mse", seed=SEED, compare=False)

    def paint(plt: Any, label_lang: str) -> list[Path]:
        folder = out_folder(out_dir, "bp")
        rows = report.rows
        layers = sorted({r.layer for r in rows})
        fig, axes = plt.subplots(1, len(layers), figsize=(3.2 * len(layers), 3.6),
                                 squeeze=False)
        for ax, layer in zip(axes[0], layers):
            mine = [r for r in rows if r.layer == layer]
            js = [r.j for r in mine]
            ax.bar([j - 0.18 for j in js], [r.delta for r in mine], width=0.36,
                   color="#2471a3", label=t("bp_plot_formula", label_lang))
            ax.bar([j + 0.18 for j in js], [r.delta_engine for r in mine], width=0.36,
                   color="#e67e22", label=t("bp_plot_engine", label_lang))
            ax.axhline(0.0, color="#555555", linewidth=0.8)
            ax.set_xticks(js)
            ax.set_xlabel("j")
            ax.set_title(t("bp_plot_layer", label_lang, l=layer))
            ax.grid(True, axis="y", alpha=0.3)
        axes[0][0].set_ylabel("δ = ∂C/∂z")
        handles, labels = axes[0][0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="lower center", ncol=2, frameon=False)
        fig.suptitle(t("bp_plot_title", label_lang))
        return [save(plt, fig, folder / "deltas.png", rect=(0.0, 0.07, 1.0, 1.0))]

    return BPDemoResult(report, draw(plots, lang, paint))
