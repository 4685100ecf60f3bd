"""Demo ``moons``: micrograd's classic demo, a small MLP separating two moons.

MLP(2, [16, 16, 1]) (ReLU hidden layers, linear output, 337 parameters) on 100
points of ``datasets.make_moons`` (noise 0.1, seed 0: the same points
everywhere), loss = mean max-margin (hinge) loss + α·Σp² with α = 1e-4 (or, with
``loss="bce"``, the logistic lesson's mean binary cross-entropy of σ(score) against the
labels as 0/1, computed from the logits), 100 full-batch SGD steps with the learning rate 1.0 − 0.9·k/100 of micrograd's
notebook. With the network seed 1 it classifies every training point
correctly; the test asserts it. ``benchmarks/`` times the same data and loss
(``data``, ``loss``), so what is timed is what is taught.

Imports: datasets, nn, i18n, demos._common (matplotlib lazily).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from micrograd_cn.datasets import make_moons
from micrograd_cn.demos._common import Pictures, Progress, check_count, draw, out_folder, save, single
from micrograd_cn.engine import Value
from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.nn import MLP, SGD, binary_cross_entropy_with_logits, l2_penalty, max_margin_loss
from micrograd_cn.notation import num

N_POINTS = 100
NOISE = 0.1
DATA_SEED = 0
SIZES = [16, 16, 1]  # MLP(2, SIZES): 337 parameters
MODEL_SEED = 1
ALPHA = 1e-4  # weight of the L2 penalty
STEPS = 100
LOSSES = ("hinge", "bce")  # micrograd's max-margin loss; the logistic lesson's cross-entropy


def data(n_points: int = N_POINTS) -> tuple[list[list[float]], list[int]]:
    """The moons: ``n_points`` points with labels ±1, the same on every machine."""
    return make_moons(n_points, noise=NOISE, seed=DATA_SEED)


def loss(model: MLP, scores: Sequence[Value], y: Sequence[int], kind: str = "hinge") -> Value:
    """micrograd's demo loss: mean max-margin loss of the scores + α·Σp² over the model.

    ``kind="bce"``: the mean binary cross-entropy of σ(score) against the label as 0/1
    (the logistic lesson's loss, from the logits so that it never overflows) + α·Σp².
    """
    if kind == "bce":
        data = binary_cross_entropy_with_logits(list(scores), [(1 + label) / 2 for label in y])
    else:
        data = max_margin_loss(scores, y)
    return data + ALPHA * l2_penalty(model.parameters())


def check_loss(kind: object, lang: str | None = None) -> str:
    if kind not in LOSSES:
        raise ValueError(t("moons_bad_loss", lang, loss=show(kind), choices=", ".join(LOSSES)))
    return str(kind)


def learning_rate(k: int, steps: int = STEPS) -> float:
    """micrograd's schedule: from 1.0 at step 0 down towards 0.1."""
    return 1.0 - 0.9 * k / steps


def intro(lang: str | None = None, steps: int = STEPS, kind: str = "hinge") -> str:
    """What the demo does and how to read its step lines: shown before training starts."""
    lang = check_lang(lang)
    params = sum((n_in + 1) * n_out for n_in, n_out in zip([2, *SIZES], SIZES))
    named = t("moons_loss_bce", lang) if check_loss(kind, lang) == "bce" else t("moons_loss_hinge", lang)
    setup = t("moons_setup", lang, n=N_POINTS, noise=NOISE, seed=DATA_SEED, params=params,
              model_seed=MODEL_SEED, alpha=ALPHA, steps=steps, loss=named)
    return "\n".join([t("moons_title", lang), setup, t("moons_progress_note", lang, steps=steps)])


@dataclass
class MoonsResult:
    """The key numbers of the ``moons`` demo."""

    n_params: int
    losses: list[float]  # loss at each step, before that step's update
    accuracies: list[float]  # training accuracy at each step, before the update
    final_loss: float  # after the last update
    final_accuracy: float
    pictures: Pictures
    kind: str = "hinge"  # the loss: "hinge" or "bce"

    @property
    def steps(self) -> int:
        return len(self.losses)

    def render(self, lang: str | None = None, with_intro: bool = True) -> str:
        """The report; ``with_intro=False`` leaves out what ``intro()`` already showed."""
        lang = check_lang(lang)
        lines = [intro(lang, self.steps, self.kind)] if with_intro else []
        lines.append(t("moons_final", lang, steps=self.steps, loss=num(self.final_loss),
                       acc=100.0 * self.final_accuracy))
        return "\n".join(lines + self.pictures.lines(lang))


def _evaluate(model: MLP, X: list[list[float]], y: list[int],
              kind: str = "hinge") -> tuple[Value, float]:
    """The regularised loss over all points and the share classified correctly."""
    scores = [single(model(x)) for x in X]
    correct = sum((s.data > 0.0) == (label > 0) for s, label in zip(scores, y))
    return loss(model, scores, y, kind), correct / len(y)


def run(lang: str = "zh", out_dir: str | Path | None = None, *, steps: int = STEPS,
        plots: bool = True, progress: Progress | None = None, loss: str | None = None,
        **_: Any) -> MoonsResult:
    """Train the MLP on the moons; ``progress`` receives one line per step.

    Each line gives the loss and accuracy *before* that step's update (the update is
    computed from them); ``final_loss`` is measured after the last update.
    """
    lang = check_lang(lang)
    kind = check_loss("hinge" if loss is None else loss, lang)
    steps = check_count(steps, "moons", "steps")
    X, y = data()
    model = MLP(2, SIZES, seed=MODEL_SEED)
    optimizer = SGD(model.parameters(), lr=learning_rate(0, steps))
    losses: list[float] = []
    accuracies: list[float] = []
    for k in range(steps):
        current, accuracy = _evaluate(model, X, y, kind)
        losses.append(current.data)
        accuracies.append(accuracy)
        optimizer.zero_grad()
        current.backward()
        optimizer.lr = learning_rate(k, steps)
        optimizer.step()
        if progress is not None:
            progress(t("moons_step", lang, k=k + 1, steps=steps, loss=current.data,
                       acc=100.0 * accuracy, lr=optimizer.lr))
    final_loss, final_accuracy = _evaluate(model, X, y, kind)

    def paint(plt: Any, label_lang: str) -> list[Path]:
        folder = out_folder(out_dir, "moons")
        fig, ax = plt.subplots(figsize=(6, 4))
        ax.plot(range(1, steps + 1), losses, color="#c0392b", label=t("plot_loss", label_lang))
        ax.plot(range(1, steps + 1), accuracies, color="#2471a3",
                label=t("plot_accuracy", label_lang))
        ax.set_xlabel(t("plot_step", label_lang))
        ax.set_title(t("moons_plot_loss_title", label_lang))
        ax.grid(True, alpha=0.3)
        ax.legend()
        loss_path = save(plt, fig, folder / "loss.png")

        # Decision boundary: the sign of the network's score on a grid.
        xs = [p[0] for p in X]
        ys = [p[1] for p in X]
        n = 80
        x_lo, x_hi = min(xs) - 0.5, max(xs) + 0.5
        y_lo, y_hi = min(ys) - 0.5, max(ys) + 0.5
        gx = [x_lo + (x_hi - x_lo) * i / (n - 1) for i in range(n)]
        gy = [y_lo + (y_hi - y_lo) * j / (n - 1) for j in range(n)]
        grid = [[single(model([a, b])).data for a in gx] for b in gy]
        top = max(abs(v) for row in grid for v in row) + 1.0
        fig, ax = plt.subplots(figsize=(5.5, 4.5))
        ax.contourf(gx, gy, grid, levels=[-top, 0.0, top], colors=["#f5b7b1", "#aed6f1"],
                    alpha=0.8)
        colors = ["#c0392b" if label < 0 else "#2471a3" for label in y]
        ax.scatter(xs, ys, c=colors, s=18, edgecolors="black", linewidths=0.4)
        ax.set_title(t("moons_plot_boundary_title", label_lang,
                       acc=100.0 * final_accuracy))
        return [loss_path, save(plt, fig, folder / "boundary.png")]

    return MoonsResult(len(model.parameters()), losses, accuracies, final_loss.data,
                       final_accuracy, draw(plots, lang, paint), kind)
