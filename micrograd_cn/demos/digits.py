"""Demo ``digits``: handwritten digits recognised by an MLP in which every number is a Value.

The 1,797 8×8 images shipped in the package (``datasets.load_digits``: UCI, CC BY 4.0),
pixels 0…16 divided by 16, a stratified train/test split (20% of each digit held out,
seed 0). MLP(64, [32, 10]): ReLU hidden layer, ten linear outputs read through a softmax;
the cost is ``nn.cross_entropy`` (log-sum-exp with the max subtracted), averaged over
mini-batches of 32, trained by SGD with momentum. Nothing is a tensor: each of the
2,410 parameters and each intermediate result is one scalar ``Value``; one mini-batch
is a graph of 8,235 nodes (3,424 of them results of an operation) joined by 155,680 edges,
and backward() walks all of it at every step.

The initial weights are micrograd's U(−1, 1) scaled by 1/√n_in (the range PyTorch's
``nn.Linear`` uses): with 64 inputs U(−1, 1) gives hidden z of size ~5 and a slow start.

After training it prints the test accuracy, the run time, and one test image's
backward pass (the first misclassified one) as the equations see it: δ of the output layer by BP1 (softmax − one-hot),
δ of the hidden layer by BP2, each beside the engine's ``neuron.z.grad``. Pictures:
loss/accuracy per epoch, the confusion matrix, misclassified test digits, the hidden
neurons' weights as 8×8 images, and the δ of that one image.

``quick=True`` trains on 400 images for 3 epochs (a few seconds, for CI).

Imports: engine, datasets, nn, bp (activation_slope, last_pass), table, i18n, demos._common (matplotlib lazily).
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from micrograd_cn.datasets import load_digits, train_test_split
from micrograd_cn.demos._common import Pictures, Progress, check_count, draw, out_folder, save, several
from micrograd_cn.engine import Value
from micrograd_cn.i18n import check_lang, t
from micrograd_cn.nn import MLP, SGD, cross_entropy
from micrograd_cn.notation import num
from micrograd_cn.render.layout import table
from micrograd_cn.teach.backprop import activation_slope, last_pass

TEST_FRACTION = 0.2
SPLIT_SEED = 0
HIDDEN = 32
SIZES = [HIDDEN, 10]  # MLP(64, SIZES): 64·32 + 32 + 32·10 + 10 = 2,410 parameters
MODEL_SEED = 0
SHUFFLE_SEED = 1  # the order of the training images in each epoch
EPOCHS = 10
BATCH = 32
LR = 0.1
MOMENTUM = 0.9
QUICK_TRAIN = 400  # --quick: this many training images ...
QUICK_EPOCHS = 3  # ... for this many epochs
MAX_MISTAKES = 24  # misclassified digits drawn


def pixels(image: Sequence[int]) -> list[float]:
    """The network's input: 64 pixels 0…16 scaled to 0…1."""
    return [v / 16.0 for v in image]


def model() -> MLP:
    """The untrained network, the same on every machine."""
    net = MLP(64, SIZES, seed=MODEL_SEED)
    for layer in net.layers:
        for neuron in layer.neurons:
            scale = 1.0 / math.sqrt(len(neuron.w))  # U(−1, 1) -> U(−1/√n, 1/√n)
            for w in neuron.w:
                w.data *= scale
    return net


def predict(net: MLP, image: Sequence[int]) -> int:
    """The digit whose output is largest (softmax keeps the order of the logits)."""
    return argmax(several(net(pixels(image))))


def argmax(out: list[Value]) -> int:
    """The position of the largest output."""
    return max(range(len(out)), key=lambda j: out[j].data)


@dataclass(frozen=True)
class DeltaCheck:
    """One test image's backward pass: δ of each layer by BP1/BP2 and by the engine."""

    position: int  # which test image (0-based, in test order)
    digit: int
    predicted: int
    cost: float
    probabilities: list[float]  # softmax(z³), from the forward values
    output_formula: list[float]  # BP1: softmax(z³) − one-hot(y)
    output_engine: list[float]  # neuron.z.grad of the 10 outputs
    hidden_formula: list[float]  # BP2: ((W³)ᵀ δ³) ⊙ ReLU′(z²)
    hidden_engine: list[float]  # neuron.z.grad of the hidden neurons
    hidden_off: int  # hidden neurons with z ≤ 0: ReLU′ = 0, so their δ is 0

    @property
    def max_diff(self) -> float:
        pairs = zip(self.output_formula + self.hidden_formula,
                    self.output_engine + self.hidden_engine)
        return max(abs(f - e) for f, e in pairs)


def delta_check(net: MLP, image: Sequence[int], digit: int, position: int) -> DeltaCheck:
    """Forward and backward for one image, then δ³ and δ² again from the forward values."""
    net.zero_grad()
    cost = cross_entropy(several(net(pixels(image))), digit)
    cost.backward()
    hidden, output = net.layers[0].neurons, net.layers[1].neurons
    z1, a1 = [last_pass(n)[0] for n in hidden], [last_pass(n)[1] for n in hidden]
    z2 = [last_pass(n)[0].data for n in output]
    top = max(z2)
    e = [math.exp(z - top) for z in z2]
    probabilities = [v / math.fsum(e) for v in e]
    delta2 = [p - (j == digit) for j, p in enumerate(probabilities)]  # BP1
    delta1 = [math.fsum(out.w[k].data * d for out, d in zip(output, delta2))  # BP2
              * activation_slope(n.activation, z1[k].data, a1[k].data)
              for k, n in enumerate(hidden)]
    check = DeltaCheck(position, digit, max(range(10), key=lambda j: z2[j]), cost.data,
                       probabilities, delta2, [last_pass(n)[0].grad for n in output], delta1,
                       [z.grad for z in z1], sum(z.data <= 0.0 for z in z1))
    net.zero_grad()
    return check


@dataclass
class DigitsResult:
    """The key numbers of the ``digits`` demo."""

    n_train: int
    n_test: int
    n_params: int
    epochs: int
    losses: list[float]  # mean training loss of each epoch (as the batches went by)
    train_accuracies: list[float]  # share of each epoch's images right before their update
    test_accuracies: list[float]  # after each epoch
    confusion: list[list[int]]  # [true digit][predicted digit], test set, after training
    mistakes: list[tuple[int, int, int]]  # (test position, true digit, predicted)
    delta: DeltaCheck
    seconds: float  # the whole run: loading, training, testing (not drawing)
    epoch_seconds: list[float]  # training time of each epoch
    pictures: Pictures

    @property
    def test_accuracy(self) -> float:
        return self.test_accuracies[-1]

    @property
    def correct(self) -> int:
        return sum(self.confusion[d][d] for d in range(10))

    def render(self, lang: str | None = None, timing: bool = True) -> str:
        lang = check_lang(lang)
        lines = [t("digits_title", lang),
                 t("digits_data", lang, train=f"{self.n_train:,}", test=f"{self.n_test:,}",
                   pct=round(100 * TEST_FRACTION), seed=SPLIT_SEED),
                 t("digits_model", lang, hidden=HIDDEN, params=f"{self.n_params:,}",
                   seed=MODEL_SEED),
                 t("digits_training", lang, epochs=self.epochs, batch=BATCH, lr=LR,
                   momentum=MOMENTUM),
                 t("digits_test_accuracy", lang, acc=100.0 * self.test_accuracy,
                   correct=self.correct, n=self.n_test)]
        if timing:
            lines.append(t("digits_time", lang, seconds=self.seconds,
                           epoch=sum(self.epoch_seconds) / len(self.epoch_seconds)))
        d = self.delta
        lines += ["", t("digits_delta_title", lang, k=d.position + 1, digit=d.digit,
                        pred=d.predicted, cost=num(d.cost))]
        lines.append(t("digits_delta_output", lang))
        header = ["j", "softmax(z³)ⱼ", "yⱼ", t("digits_col_formula", lang),
                  t("digits_col_engine", lang)]
        rows = [[str(j), num(p), str(int(j == d.digit)), num(f), num(e)]
                for j, (p, f, e) in enumerate(zip(d.probabilities, d.output_formula,
                                                 d.output_engine))]
        lines += ["  " + line for line in table(header, rows)]
        lines.append(t("digits_delta_hidden", lang, n=len(d.hidden_formula), off=d.hidden_off,
                       norm=num(_norm(d.hidden_formula)), norm_out=num(_norm(d.output_formula))))
        lines.append(t("digits_delta_agree", lang, diff=num(d.max_diff, 3)))
        return "\n".join(lines + self.pictures.lines(lang))


def _norm(values: Sequence[float]) -> float:
    return math.sqrt(math.fsum(v * v for v in values))


def run(lang: str = "zh", out_dir: str | Path | None = None, *, epochs: int | None = None,
        quick: bool = False, plots: bool = True, progress: Progress | None = None,
        **_: Any) -> DigitsResult:
    """Train on the digits; ``progress`` receives one line per epoch."""
    lang = check_lang(lang)
    start = time.perf_counter()
    epochs = check_count(epochs if epochs is not None else
                         (QUICK_EPOCHS if quick else EPOCHS), "digits", "epochs")
    X, y = load_digits()
    train, test = train_test_split(y, TEST_FRACTION, SPLIT_SEED)
    if quick:
        train = sorted(random.Random(SPLIT_SEED).sample(train, QUICK_TRAIN))
    inputs = {i: pixels(X[i]) for i in train}  # scaled once, not once per epoch
    net = model()
    optimizer = SGD(net.parameters(), lr=LR, momentum=MOMENTUM)
    order = random.Random(SHUFFLE_SEED)
    losses: list[float] = []
    train_acc: list[float] = []
    test_acc: list[float] = []
    epoch_seconds: list[float] = []
    for epoch in range(epochs):
        began = time.perf_counter()
        shuffled = list(train)
        order.shuffle(shuffled)
        total, right = 0.0, 0
        for k in range(0, len(shuffled), BATCH):
            batch = shuffled[k:k + BATCH]
            logits = [several(net(inputs[i])) for i in batch]
            right += sum(argmax(z) == y[i] for z, i in zip(logits, batch))
            loss = cross_entropy(logits, [y[i] for i in batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.data * len(batch)
        epoch_seconds.append(time.perf_counter() - began)
        losses.append(total / len(shuffled))
        train_acc.append(right / len(shuffled))
        test_acc.append(sum(predict(net, X[i]) == y[i] for i in test) / len(test))
        if progress is not None:
            progress(t("digits_epoch", lang, k=epoch + 1, epochs=epochs, loss=losses[-1],
                       train=100.0 * train_acc[-1], test=100.0 * test_acc[-1],
                       seconds=epoch_seconds[-1]))

    confusion = [[0] * 10 for _ in range(10)]
    mistakes: list[tuple[int, int, int]] = []
    for position, i in enumerate(test):
        guess = predict(net, X[i])
        confusion[y[i]][guess] += 1
        if guess != y[i]:
            mistakes.append((position, y[i], guess))
    # the first misclassified image: its δ is large and points at both digits involved
    shown = mistakes[0][0] if mistakes else 0
    delta = delta_check(net, X[test[shown]], y[test[shown]], shown)
    seconds = time.perf_counter() - start

    def paint(plt: Any, label_lang: str) -> list[Path]:
        folder = out_folder(out_dir, "digits")
        return [_curves(plt, label_lang, folder, losses, train_acc, test_acc),
                _confusion(plt, label_lang, folder, confusion),
                _mistakes(plt, label_lang, folder, [X[test[p]] for p, _, _ in mistakes],
                          mistakes),
                _weights(plt, label_lang, folder, net),
                _delta(plt, label_lang, folder, X[test[shown]], delta)]

    return DigitsResult(len(train), len(test), len(net.parameters()), epochs, losses,
                        train_acc, test_acc, confusion, mistakes, delta, seconds,
                        epoch_seconds, draw(plots, lang, paint))


# ---------------------------------------------------------------- pictures
def _image(ax: Any, values: Sequence[float], **style: Any) -> None:
    """Draw 64 numbers as the 8×8 picture they are (row by row), without axes."""
    ax.imshow([list(values[r * 8:(r + 1) * 8]) for r in range(8)], **style)
    ax.set_xticks([])
    ax.set_yticks([])


def _curves(plt: Any, lang: str, folder: Path, losses: list[float], train_acc: list[float],
            test_acc: list[float]) -> Path:
    epochs = range(1, len(losses) + 1)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
    left.plot(epochs, losses, "o-", color="#c0392b")
    left.set_title(t("digits_plot_loss", lang))
    right.plot(epochs, [100 * a for a in train_acc], "o-", color="#7f8c8d",
               label=t("digits_plot_train", lang))
    right.plot(epochs, [100 * a for a in test_acc], "o-", color="#2471a3",
               label=t("digits_plot_test", lang))
    right.set_title(t("digits_plot_accuracy", lang))
    right.set_ylabel("%")
    right.legend()
    for ax in (left, right):
        ax.set_xlabel(t("digits_plot_epoch", lang))
        ax.set_xticks(list(epochs))
        ax.grid(True, alpha=0.3)
    return save(plt, fig, folder / "curves.png")


def _confusion(plt: Any, lang: str, folder: Path, confusion: list[list[int]]) -> Path:
    fig, ax = plt.subplots(figsize=(5.4, 5))
    ax.imshow(confusion, cmap="Blues")
    top = max(max(row) for row in confusion)
    for r in range(10):
        for c in range(10):
            if confusion[r][c]:
                ax.text(c, r, str(confusion[r][c]), ha="center", va="center", fontsize=9,
                        color="white" if confusion[r][c] > top / 2 else "black")
    ax.set_xticks(range(10))
    ax.set_yticks(range(10))
    ax.set_xlabel(t("digits_plot_predicted", lang))
    ax.set_ylabel(t("digits_plot_true", lang))
    correct = sum(confusion[d][d] for d in range(10))
    total = sum(map(sum, confusion))
    ax.set_title(t("digits_plot_confusion", lang, acc=100.0 * correct / total))
    return save(plt, fig, folder / "confusion.png")


def _mistakes(plt: Any, lang: str, folder: Path, images: list[list[int]],
              mistakes: list[tuple[int, int, int]]) -> Path:
    shown = list(zip(images, mistakes))[:MAX_MISTAKES]
    cols = 8
    rows = max(1, math.ceil(len(shown) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(1.25 * cols, 1.5 * rows + 0.5), squeeze=False)
    for ax in axes.flat:
        ax.axis("off")
    for ax, (image, (_, true, guess)) in zip(axes.flat, shown):
        ax.axis("on")
        _image(ax, image, cmap="gray_r", vmin=0, vmax=16)
        ax.set_title(t("digits_plot_mistake", lang, true=true, pred=guess), fontsize=9,
                     color="#c0392b")
    fig.suptitle(t("digits_plot_mistakes", lang, shown=len(shown), n=len(mistakes)))
    return save(plt, fig, folder / "mistakes.png")


def _weights(plt: Any, lang: str, folder: Path, net: MLP) -> Path:
    neurons = net.layers[0].neurons
    cols = 8
    rows = math.ceil(len(neurons) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(1.2 * cols, 1.25 * rows + 0.6), squeeze=False)
    for ax in axes.flat:
        ax.axis("off")
    for j, (ax, neuron) in enumerate(zip(axes.flat, neurons)):
        ax.axis("on")
        w = [wi.data for wi in neuron.w]
        top = max(abs(v) for v in w) or 1.0
        _image(ax, w, cmap="RdBu_r", vmin=-top, vmax=top)  # red excites, blue inhibits
        ax.set_title(f"j={j + 1}", fontsize=8)
    fig.suptitle(t("digits_plot_weights", lang))
    return save(plt, fig, folder / "weights.png")


def _delta(plt: Any, lang: str, folder: Path, image: list[int], d: DeltaCheck) -> Path:
    fig, axes = plt.subplots(1, 3, figsize=(11, 3.4), gridspec_kw={"width_ratios": [1, 2, 3]})
    _image(axes[0], image, cmap="gray_r", vmin=0, vmax=16)
    axes[0].set_title(t("digits_plot_input", lang, digit=d.digit, pred=d.predicted))
    # the two axes are numbered differently on purpose, and each says so: an output neuron
    # stands for a digit (0…9, as the confusion matrix), a hidden neuron is neuron j (1…n, as bp)
    labels = {id(axes[1]): t("digits_plot_j_output", lang),
              id(axes[2]): t("digits_plot_j_hidden", lang, n=len(d.hidden_formula))}
    for ax, formula, engine, title in (
            (axes[1], d.output_formula, d.output_engine, "digits_plot_delta_out"),
            (axes[2], d.hidden_formula, d.hidden_engine, "digits_plot_delta_hidden")):
        js = list(range(len(formula)))
        first = 0 if ax is axes[1] else 1  # output neurons are digits 0…9, hidden j from 1
        ax.bar([j + first - 0.2 for j in js], formula, width=0.4, color="#2471a3",
               label=t("bp_plot_formula", lang))
        ax.bar([j + first + 0.2 for j in js], engine, width=0.4, color="#e67e22",
               label=t("bp_plot_engine", lang))
        ax.axhline(0.0, color="#555555", linewidth=0.8)
        ax.set_title(t(title, lang))
        ax.set_xlabel(labels[id(ax)])
        ax.grid(True, axis="y", alpha=0.3)
    axes[1].set_xticks(range(10))
    axes[1].set_ylabel("δ = ∂C/∂z")
    axes[1].legend(fontsize=8)
    return save(plt, fig, folder / "delta.png")
