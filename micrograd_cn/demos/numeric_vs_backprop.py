"""Demo ``numeric-vs-backprop``: why backpropagation, measured (seed text 001).

For a network with N parameters, finite differences need extra forward passes
for every single parameter: N + 1 with forward differences, 2N with the
central differences used here (``gradcheck.numerical_grad_in_place``, the more
accurate kind). Backpropagation gets all N derivatives from ONE forward and ONE backward
pass. This demo counts the forward passes (exactly, by counting calls), times
both ways for growing tanh MLPs, and checks that the gradients agree.

Imports: datasets, gradcheck, nn, i18n, demos._common (matplotlib lazily).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Any, Callable, Sequence

from micrograd_cn.datasets import make_moons
from micrograd_cn.demos._common import Pictures, draw, out_folder, save, single
from micrograd_cn.engine import Value
from micrograd_cn.gradcheck import ATOL, RTOL, agrees, numerical_grad_in_place
from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.nn import MLP, mse_loss

# Hidden layer sizes of the networks compared, all with 2 inputs and 1 output.
HIDDEN: tuple[tuple[int, ...], ...] = ((2,), (4, 4), (8, 8), (16, 16), (24, 24))
N_SAMPLES = 4  # the loss is the mean squared error over this many points
# Each time is the median of several runs: one run can land on a garbage collection or a
# busy moment of the machine, and its ratio then jumps (66× for one size, 4× for the next).
# A way is run at least MIN_REPEATS times and again until it has taken REPEAT_SECONDS (at most
# MAX_REPEATS times): many runs where a run is short and noise matters most, few where a run
# is long, so the whole demo stays within a few seconds.
MIN_REPEATS = 3
MAX_REPEATS = 25
REPEAT_SECONDS = 0.3


def milliseconds(seconds: float) -> str:
    """A time in ms with about 3 significant digits and never an exponent (1840, 39.7, 0.0775)."""
    ms = seconds * 1e3
    if ms >= 100:
        return f"{ms:.0f}"
    return f"{ms:.1f}" if ms >= 10 else f"{ms:.2f}" if ms >= 1 else f"{ms:.3g}"


def timed(work: Callable[[], object]) -> tuple[float, int]:
    """The median time of repeated ``work()`` runs, and how many runs it took."""
    times: list[float] = []
    while len(times) < MIN_REPEATS or (sum(times) < REPEAT_SECONDS and len(times) < MAX_REPEATS):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return median(times), len(times)


@dataclass(frozen=True)
class SizeRow:
    """One network: its size, the work each way, and how well they agree."""

    hidden: tuple[int, ...]
    n_params: int
    numeric_forwards: int  # forward passes counted during finite differences
    numeric_seconds: float  # median over numeric_runs runs
    backprop_forwards: int  # forward passes counted during backpropagation (1)
    backprop_seconds: float  # median over backprop_runs runs (one forward + one backward)
    max_abs_diff: float
    agree: bool
    numeric_runs: int = 1  # how many runs each median is taken over
    backprop_runs: int = 1

    @property
    def name(self) -> str:
        return "MLP(2, [" + ", ".join(str(h) for h in (*self.hidden, 1)) + "])"

    @property
    def speedup(self) -> float:
        return self.numeric_seconds / self.backprop_seconds if self.backprop_seconds else 0.0


@dataclass
class NumericResult:
    rows: list[SizeRow]
    pictures: Pictures

    def render(self, lang: str | None = None) -> str:
        lang = check_lang(lang)
        lines = [t("nvb_title", lang), t("nvb_setup", lang, n=N_SAMPLES),
                 t("nvb_timing", lang, low=MIN_REPEATS, high=MAX_REPEATS), t("nvb_header", lang)]
        for r in self.rows:
            lines.append(t("nvb_row", lang, name=r.name, n=r.n_params,
                           nf=r.numeric_forwards, nt=milliseconds(r.numeric_seconds),
                           bf=r.backprop_forwards, bt=milliseconds(r.backprop_seconds),
                           speedup=r.speedup, diff=r.max_abs_diff))
        verdict = "nvb_agree" if all(r.agree for r in self.rows) else "nvb_disagree"
        lines.append(t(verdict, lang, atol=ATOL, rtol=RTOL))
        return "\n".join(lines + self.pictures.lines(lang))


def network(hidden: Sequence[int]) -> tuple[MLP, Callable[[], Value]]:
    """A tanh MLP(2, [*hidden, 1]) and its loss: the MSE on the sample points, built anew per call."""
    model = MLP(2, [*hidden, 1], activation="tanh", seed=0)
    X, y = make_moons(N_SAMPLES, noise=0.1, seed=0)
    targets = [float(label) for label in y]

    def loss() -> Value:
        return mse_loss([single(model(x)) for x in X], targets)

    return model, loss


def measure(hidden: Sequence[int]) -> SizeRow:
    """Both gradients of one network: forward passes counted (of one run), times the median
    of repeated runs (``timed``)."""
    model, loss = network(hidden)
    params = model.parameters()
    calls = [0]

    def counted() -> Value:
        calls[0] += 1
        return loss()

    numeric: list[float] = []

    def differences() -> None:  # every run gives the same numbers: parameters are restored
        calls[0] = 0
        numeric[:] = numerical_grad_in_place(counted, params)

    numeric_seconds, numeric_runs = timed(differences)
    numeric_forwards = calls[0]  # of one run

    def backprop() -> None:
        calls[0] = 0
        model.zero_grad()
        counted().backward()

    backprop_seconds, backprop_runs = timed(backprop)
    exact = [p.grad for p in params]
    diffs = [abs(a - b) for a, b in zip(exact, numeric)]
    agree = all(agrees(e, n) for e, n in zip(exact, numeric))
    return SizeRow(tuple(hidden), len(params), numeric_forwards, numeric_seconds, calls[0],
                   backprop_seconds, max(diffs), agree, numeric_runs, backprop_runs)


def run(lang: str = "zh", out_dir: str | Path | None = None, *,
        hidden: Sequence[Sequence[int]] | None = None, plots: bool = True,
        **_: Any) -> NumericResult:
    """Measure every network size in ``hidden`` (default ``HIDDEN``, smallest first)."""
    lang = check_lang(lang)
    hidden = HIDDEN if hidden is None else hidden
    if not hidden:
        raise ValueError(t("nn_empty", where="numeric-vs-backprop"))
    for sizes in hidden:
        if not sizes or any(isinstance(h, bool) or not isinstance(h, int) or h < 1
                            for h in sizes):
            raise ValueError(t("nn_bad_size", where="numeric-vs-backprop",
                               what="hidden", value=show(sizes)))
    rows = [measure(sizes) for sizes in hidden]

    def paint(plt: Any, label_lang: str) -> list[Path]:
        folder = out_folder(out_dir, "numeric-vs-backprop")
        fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
        ns = [r.n_params for r in rows]
        left.plot(ns, [r.numeric_forwards for r in rows], "o-", color="#c0392b",
                  label=t("nvb_plot_numeric", label_lang))
        left.plot(ns, [r.backprop_forwards for r in rows], "o-", color="#2471a3",
                  label=t("nvb_plot_backprop", label_lang))
        left.set_ylabel(t("nvb_plot_forwards", label_lang))
        right.plot(ns, [r.numeric_seconds for r in rows], "o-", color="#c0392b",
                   label=t("nvb_plot_numeric", label_lang))
        right.plot(ns, [r.backprop_seconds for r in rows], "o-", color="#2471a3",
                   label=t("nvb_plot_backprop", label_lang))
        right.set_ylabel(t("nvb_plot_seconds", label_lang))
        for ax in (left, right):
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_xlabel(t("nvb_plot_params", label_lang))
            ax.grid(True, alpha=0.3)
            ax.legend()
        fig.suptitle(t("nvb_plot_title", label_lang))
        return [save(plt, fig, folder / "comparison.png")]

    return NumericResult(rows, draw(plots, lang, paint))
