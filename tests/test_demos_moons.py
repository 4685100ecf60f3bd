"""Demo ``moons``: 100% training accuracy, and every loss matched by PyTorch float64."""

from __future__ import annotations

import contextlib
import io

import pytest

from micrograd_cn.cli import main
from micrograd_cn.datasets import make_moons
from micrograd_cn.demos import moons
from micrograd_cn.nn import MLP
from micrograd_cn.notation import num


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """ONE training run (about 10 s), through the command line, keeping its result object."""
    folder = tmp_path_factory.mktemp("moons")
    results = []
    real_run = moons.run

    def keep(*args, **kwargs):
        results.append(real_run(*args, **kwargs))
        return results[-1]

    patch = pytest.MonkeyPatch()
    patch.setattr(moons, "run", keep)
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            assert main(["demo", "moons", "--out", str(folder)]) == 0
    finally:
        patch.undo()
    (result,) = results
    lines = out.getvalue().splitlines()
    return result, lines, folder


def test_reaches_full_training_accuracy(trained):
    result, _, _ = trained
    assert result.steps == 100 and result.n_params == 337
    assert result.final_accuracy == 1.0
    assert len(result.losses) == len(result.accuracies) == 100
    assert result.final_loss < result.losses[0] / 10


def test_every_loss_matches_pytorch(trained, torch):
    """The same network, data, loss and schedule trained by PyTorch in float64."""
    result, _, _ = trained
    X, y = make_moons(100, noise=0.1, seed=0)
    model = MLP(2, [16, 16, 1], seed=1)
    params = [torch.tensor([[w.data for w in n.w] for n in layer.neurons], requires_grad=True)
              for layer in model.layers]
    biases = [torch.tensor([n.b.data for n in layer.neurons], requires_grad=True)
              for layer in model.layers]
    xs = torch.tensor(X)
    ys = torch.tensor(y, dtype=torch.float64)

    def loss_and_accuracy():
        h = xs
        for i, (W, b) in enumerate(zip(params, biases)):
            h = h @ W.T + b
            if i < len(params) - 1:
                h = torch.relu(h)
        scores = h[:, 0]
        reg = sum((p * p).sum() for p in params + biases)
        loss = torch.relu(1 - ys * scores).mean() + 1e-4 * reg
        return loss, ((scores > 0) == (ys > 0)).double().mean().item()

    for k in range(100):
        loss, accuracy = loss_and_accuracy()
        assert loss.item() == pytest.approx(result.losses[k], rel=1e-9, abs=1e-12)
        assert accuracy == result.accuracies[k]
        for p in params + biases:
            p.grad = None
        loss.backward()
        with torch.no_grad():
            for p in params + biases:
                p -= (1.0 - 0.9 * k / 100) * p.grad
    loss, accuracy = loss_and_accuracy()
    assert loss.item() == pytest.approx(result.final_loss, rel=1e-9)
    assert accuracy == result.final_accuracy == 1.0


def test_the_intro_then_one_progress_line_per_step_then_the_summary(trained):
    result, lines, folder = trained
    assert len(lines) == 3 + 100 + 3
    assert lines[:3] == moons.intro("zh").splitlines()
    assert lines[0].startswith("演示 moons") and lines[1].startswith("100 个点")
    assert "更新参数之前的损失" in lines[2]  # the step lines say what they show
    assert lines[3] == f"第   1/100 步  损失 {result.losses[0]:.6f}  准确率  78.0%  学习率 1.000"
    assert lines[102].startswith("第 100/100 步") and lines[102].endswith("学习率 0.109")
    assert lines[103:] == result.render("zh", with_intro=False).splitlines()
    assert lines[:3] + lines[103:] == result.render("zh").splitlines()  # render alone: all of it
    assert lines[-1] == f"图片：{folder / 'boundary.png'}"


def test_the_last_step_line_is_before_the_last_update_and_the_final_loss_after_it(trained):
    result, lines, _ = trained
    # line 100 shows the loss the 100th update was computed from; the final loss is after it
    assert lines[102].split("损失 ")[1].split()[0] == f"{result.losses[-1]:.6f}"
    assert result.final_loss != result.losses[-1]
    assert "第 100 次更新之后" in lines[103] and "第 100 次更新之后" in lines[2]
    assert "after update 100" in moons.intro("en") and \
        "after update 100" in result.render("en", with_intro=False)


def test_pictures_are_pngs(trained):
    result, _, folder = trained
    assert result.pictures.paths == [folder / "loss.png", folder / "boundary.png"]
    for path in result.pictures.paths:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_summary_text(trained):
    result, _, folder = trained
    zh = result.render("zh").splitlines()
    # the final loss by the precision policy (notation.num: 6 significant digits), not 17 digits
    assert zh[3] == f"训练 100 步之后（第 100 次更新之后）：损失 {num(result.final_loss)}，训练准确率 100.0%"
    assert zh[4] == f"图片：{folder / 'loss.png'}"
    en = result.render("en").splitlines()
    assert en[3] == (f"after 100 steps (after update 100): loss {num(result.final_loss)}, "
                     "training accuracy 100.0%")
    assert len(num(result.final_loss).replace("0.", "").lstrip("0")) <= 6


def test_english_progress_line():
    from micrograd_cn.i18n import t

    assert t("moons_step", "en", k=1, steps=100, loss=0.5, acc=78.0, lr=1.0) == (
        "step   1/100  loss 0.500000  accuracy  78.0%  learning rate 1.000")


def test_bce_loss_matches_pytorch_and_separates_the_moons(torch, capsys):
    """--loss bce: the logistic lesson's loss (mean BCE of σ(score) against 0/1 labels + α·Σp²)."""
    result = moons.run("en", plots=False, loss="bce")
    assert result.kind == "bce" and result.final_accuracy == 1.0
    X, y = make_moons(100, noise=0.1, seed=0)
    model = MLP(2, [16, 16, 1], seed=1)
    params = [torch.tensor([[w.data for w in n.w] for n in layer.neurons], requires_grad=True)
              for layer in model.layers]
    biases = [torch.tensor([n.b.data for n in layer.neurons], requires_grad=True)
              for layer in model.layers]
    xs = torch.tensor(X)
    targets = (torch.tensor(y, dtype=torch.float64) + 1) / 2
    for k in range(100):
        h = xs
        for i, (W, b) in enumerate(zip(params, biases)):
            h = h @ W.T + b
            if i < len(params) - 1:
                h = torch.relu(h)
        reg = sum((p * p).sum() for p in params + biases)
        loss = torch.nn.functional.binary_cross_entropy_with_logits(h[:, 0], targets) + 1e-4 * reg
        assert loss.item() == pytest.approx(result.losses[k], rel=1e-9, abs=1e-12)
        for p in params + biases:
            p.grad = None
        loss.backward()
        with torch.no_grad():
            for p in params + biases:
                p -= (1.0 - 0.9 * k / 100) * p.grad
    assert "binary cross-entropy" in moons.intro("en", kind="bce")
    assert "二元交叉熵" in result.render("zh") and f"loss {num(result.final_loss)}," in result.render("en")
    assert main(["demo", "bp", "--loss", "bce", "--no-plots", "--lang", "en"]) == 2
    assert "--loss is for demo moons only" in capsys.readouterr().err
