"""Demo ``digits``: ≥ 95% test accuracy, the --quick run's numbers, every epoch's loss
matched by PyTorch float64, BP1/BP2 against the engine, and the pictures."""

from __future__ import annotations

import contextlib
import io
import math
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from micrograd_cn.cli import main
from micrograd_cn.datasets import load_digits, train_test_split
from micrograd_cn.demos import digits

ROOT = Path(__file__).resolve().parent.parent


def _through_cli(argv: list[str]):
    """Run ``micrograd-cn demo digits ...``, keeping the result object and the printed lines."""
    results = []
    real_run = digits.run

    def keep(*args, **kwargs):
        results.append(real_run(*args, **kwargs))
        return results[-1]

    patch = pytest.MonkeyPatch()
    patch.setattr(digits, "run", keep)
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            assert main(["demo", "digits", *argv]) == 0
    finally:
        patch.undo()
    (result,) = results
    return result, out.getvalue().splitlines()


@pytest.fixture(scope="module")
def quick(tmp_path_factory):
    """The CI run: --quick, with pictures (a few seconds)."""
    folder = tmp_path_factory.mktemp("digits")
    result, lines = _through_cli(["--quick", "--out", str(folder)])
    return result, lines, folder


def test_quick_run_numbers(quick):
    result, _, _ = quick
    assert (result.n_train, result.n_test, result.n_params, result.epochs) == (400, 359, 2410, 3)
    assert result.test_accuracy > 0.85  # 88.6% on the machine this was written on
    assert result.losses[0] > result.losses[1] > result.losses[2]
    assert len(result.test_accuracies) == len(result.train_accuracies) == 3
    assert sum(map(sum, result.confusion)) == 359
    assert result.correct == round(result.test_accuracy * 359)
    assert len(result.mistakes) == 359 - result.correct
    assert all(true != guess for _, true, guess in result.mistakes)
    assert len(result.epoch_seconds) == 3 and result.seconds > 0


def test_quick_run_is_deterministic(quick):
    result, _, _ = quick
    again = digits.run("en", quick=True, plots=False)
    assert again.losses == result.losses
    assert again.test_accuracies == result.test_accuracies
    assert again.confusion == result.confusion
    assert again.delta == result.delta


def test_every_epoch_matches_pytorch(quick, torch):
    """The same initial weights, batches, cost and SGD with momentum, in PyTorch float64."""
    result, _, _ = quick
    X, y = load_digits()
    train, test = train_test_split(y, digits.TEST_FRACTION, digits.SPLIT_SEED)
    train = sorted(random.Random(digits.SPLIT_SEED).sample(train, digits.QUICK_TRAIN))
    net = digits.model()
    params = []
    for layer in net.layers:
        params.append(torch.tensor([[w.data for w in n.w] for n in layer.neurons],
                                   requires_grad=True))
        params.append(torch.tensor([n.b.data for n in layer.neurons], requires_grad=True))
    optimizer = torch.optim.SGD(params, lr=digits.LR, momentum=digits.MOMENTUM)
    images = torch.tensor([[v / 16.0 for v in image] for image in X])
    labels = torch.tensor(y)

    def logits(rows):
        W1, b1, W2, b2 = params
        return torch.relu(images[rows] @ W1.T + b1) @ W2.T + b2

    order = random.Random(digits.SHUFFLE_SEED)
    for epoch in range(3):
        shuffled = list(train)
        order.shuffle(shuffled)
        total = 0.0
        for k in range(0, len(shuffled), digits.BATCH):
            batch = shuffled[k:k + digits.BATCH]
            loss = torch.nn.functional.cross_entropy(logits(batch), labels[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        assert total / len(shuffled) == pytest.approx(result.losses[epoch], rel=1e-9)
        with torch.no_grad():
            right = (logits(test).argmax(dim=1) == labels[test]).double().mean().item()
        assert right == pytest.approx(result.test_accuracies[epoch], abs=1e-12)


def test_delta_of_one_image_by_bp1_bp2_equals_the_engine(quick):
    result, _, _ = quick
    d = result.delta
    assert d.position == result.mistakes[0][0] and (d.digit, d.predicted) == result.mistakes[0][1:]
    assert d.max_diff < 1e-12
    assert math.fsum(d.probabilities) == pytest.approx(1.0, abs=1e-12)
    assert math.fsum(d.output_formula) == pytest.approx(0.0, abs=1e-12)  # Σ softmax − 1
    assert d.output_formula[d.digit] < 0 < d.output_formula[d.predicted]
    assert d.cost == pytest.approx(-math.log(d.probabilities[d.digit]), rel=1e-12)
    assert len(d.hidden_formula) == 32 and 0 < d.hidden_off < 32
    assert sum(v == 0.0 for v in d.hidden_engine) >= d.hidden_off  # ReLU′ = 0 gives δ = 0


def test_progress_lines_then_the_summary(quick):
    result, lines, folder = quick
    assert len(lines) == 3 + len(result.render("zh").splitlines())
    assert lines[0].startswith(f"第  1/3 轮  损失 {result.losses[0]:.4f}  训练准确率 ")
    assert f"测试准确率 {100 * result.test_accuracies[2]:5.1f}%  用时 " in lines[2]
    summary = lines[3:]
    assert summary[0] == "演示 digits：8×8 手写数字，一个多层感知机，每个数都是标量 Value"
    assert f"测试准确率 {100 * result.test_accuracy:.1f}%（{result.correct}/359）" in summary
    assert any(line.startswith("用时 ") and line.endswith(" 秒）") for line in summary)
    assert lines[-1] == f"图片：{folder / 'delta.png'}"


def test_english_summary(quick):
    result, _, _ = quick
    en = result.render("en", timing=False).splitlines()
    assert f"test accuracy {100 * result.test_accuracy:.1f}% ({result.correct}/359)" in en
    assert not any(line.startswith("run time") for line in en)
    assert any("(BP2)" in line for line in en)


def test_pictures_are_pngs(quick):
    result, _, folder = quick
    names = ["curves.png", "confusion.png", "mistakes.png", "weights.png", "delta.png"]
    assert result.pictures.paths == [folder / name for name in names]
    for path in result.pictures.paths:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_full_run_reaches_95_percent_on_the_held_out_digits(tmp_path):
    """The README's run: 10 epochs on 1,438 images, in its own process as a user starts it.

    (In this process, with PyTorch's objects on the heap, every collection of the
    garbage collector takes longer and the same run is about twice as slow.)
    """
    done = subprocess.run([sys.executable, "-m", "micrograd_cn", "demo", "digits", "--no-plots",
                           "--lang", "en"], capture_output=True, text=True, timeout=600,
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[1] for line in lines[:10]] == [f"{k}/10" for k in range(1, 11)]
    assert "1,438 for training, 359 for testing" in done.stdout
    (accuracy,) = re.findall(r"^test accuracy (\d+\.\d)% \((\d+)/359\)$", done.stdout, re.M)
    assert float(accuracy[0]) >= 95.0 and int(accuracy[1]) >= 0.95 * 359
    (seconds,) = re.findall(r"^run time (\d+\.\d) s", done.stdout, re.M)
    assert 0 < float(seconds) < 600
    (diff,) = re.findall(r"formulas' δ and the engine's: (\S+)$", done.stdout, re.M)
    assert float(diff.replace("−", "-")) < 1e-12


def test_bad_epochs_is_a_clear_error():
    with pytest.raises(ValueError, match="digits：epochs 必须是正整数，收到 0"):
        digits.run(epochs=0, plots=False)
