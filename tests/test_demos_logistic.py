"""Demo ``logistic`` (the main demo) against an independent NumPy logistic regression."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from micrograd_cn.cli import main
from micrograd_cn.demos import logistic
from micrograd_cn.notation import num

ROOT = Path(__file__).resolve().parent.parent


def numpy_training(steps: int) -> tuple[list[float], np.ndarray, float, np.ndarray]:
    """Batch gradient descent on J = mean cross-entropy, with the closed-form gradients."""
    X = np.array(logistic.X)
    Y = np.array(logistic.Y)
    w = np.array(logistic.W0)
    b = logistic.B0
    costs = []
    for k in range(steps + 1):
        a = 1.0 / (1.0 + np.exp(-(X @ w + b)))
        costs.append(float(np.mean(-Y * np.log(a) - (1.0 - Y) * np.log(1.0 - a))))
        if k == steps:
            break
        w = w - logistic.LR * X.T @ (a - Y) / len(Y)
        b = b - logistic.LR * float(np.mean(a - Y))
    return costs, w, b, a


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return logistic.run(out_dir=tmp_path_factory.mktemp("logistic"))


def test_training_matches_numpy(result):
    costs, w, b, a = numpy_training(logistic.STEPS)
    np.testing.assert_allclose(result.costs, costs, rtol=1e-12, atol=0)
    np.testing.assert_allclose(result.w, w, rtol=0, atol=1e-12)
    assert result.b == pytest.approx(b, abs=1e-12)
    assert result.accuracy == float(np.mean((a > 0.5) == (np.array(logistic.Y) == 1.0))) == 1.0
    assert result.costs[-1] < result.costs[0] / 3


def test_first_sample_and_batch_reports(result):
    x, y = np.array(logistic.X[0]), logistic.Y[0]
    a = 1.0 / (1.0 + np.exp(-(x @ np.array(logistic.W0) + logistic.B0)))
    assert result.first.a == pytest.approx(a, abs=1e-15)
    assert result.first.max_diff < 1e-15 and result.batch.max_diff < 1e-15
    # ∂L/∂w = x(a − y) for the traced sample, from the engine's trace
    engine = {c.name: c.engine for c in result.first.checks}
    assert engine["∂L/∂w₁"] == pytest.approx(x[0] * (a - y), abs=1e-15)
    assert engine["∂L/∂w₂"] == pytest.approx(x[1] * (a - y), abs=1e-15)
    assert len(result.first.steps) == 12  # into w₁, w₂, b only: x and y are data
    assert [leaf.name for leaf in result.first.snapshot.leaves] == ["w₁", "w₂", "b"]


def test_text(result):
    zh = result.render("zh")
    assert zh.startswith("演示 logistic：一个逻辑回归神经元")
    assert f"  训练前 J = {num(result.costs[0])}" in zh
    assert f"  第 10 步之后 J = {num(result.costs[10])}" in zh
    assert "  第 10 步之后 J = 0.151379" in zh
    w = ", ".join(num(v) for v in result.w)
    assert f"训练后 w = [{w}]，b = {num(result.b)}；训练准确率 100%" in zh
    assert "b = −0.246087" in zh  # table precision, typographic minus
    en = result.render("en")
    assert f"  after step 10: J = {num(result.costs[10])}" in en and "训练" not in en
    assert zh == result.render("zh")  # rendering twice gives the same text


def test_pictures(result):
    graph, curve = result.pictures.paths
    assert graph.name == "graph.svg" and curve.name == "cost.png"
    svg = graph.read_text(encoding="utf-8")
    assert "<svg" in svg and 'id="v0"' in svg and "σ" in svg
    # parameters and data are drawn as such (classes from the snapshot's kinds)
    assert svg.count('class="node param"') == 3 and svg.count('class="node data"') == 3
    assert curve.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_make_demo_script_runs_the_cli_demo(tmp_path):
    """`make demo` runs `python -m micrograd_cn demo logistic`, from any folder."""
    done = subprocess.run([sys.executable, "-m", "micrograd_cn", "demo", "logistic", "--no-plots",
                           "--lang", "en"], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Demo logistic: one logistic neuron")
    assert done.stdout.endswith("(no pictures: turned off with --no-plots)\n")
    assert list(tmp_path.iterdir()) == []


def test_cli_default_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["demo", "logistic"]) == 0
    out = capsys.readouterr().out
    assert out.endswith("图片：out/logistic/graph.svg\n图片：out/logistic/cost.png\n")
    assert sorted(p.name for p in (tmp_path / "out" / "logistic").iterdir()) == [
        "cost.png", "graph.dot", "graph.svg"]  # viz.render keeps the DOT source
