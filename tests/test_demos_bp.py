"""Demo ``bp``: every δ and gradient checked against an independent NumPy backprop."""

from __future__ import annotations

import numpy as np
import pytest

from micrograd_cn.cli import main
from micrograd_cn.demos import bp
from micrograd_cn.nn import MLP


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return bp.run(out_dir=tmp_path_factory.mktemp("bp"))


def numpy_deltas() -> tuple[list[np.ndarray], list[np.ndarray]]:
    """δ and a per layer by matrices (seed 003's shapes): W is nˡ × nˡ⁻¹."""
    mlp = MLP(bp.SIZES[0], list(bp.SIZES[1:]), activation="sigmoid",
              output_activation="sigmoid", seed=bp.SEED)
    Ws = [np.array([[w.data for w in n.w] for n in layer.neurons]) for layer in mlp.layers]
    bs = [np.array([n.b.data for n in layer.neurons]) for layer in mlp.layers]
    a = [np.array(bp.X)]
    for W, b in zip(Ws, bs):
        a.append(1.0 / (1.0 + np.exp(-(W @ a[-1] + b))))
    deltas = [(a[-1] - np.array(bp.Y)) * a[-1] * (1.0 - a[-1])]  # C = ½Σ(a − y)²
    for layer in range(len(Ws) - 1, 0, -1):
        deltas.insert(0, (Ws[layer].T @ deltas[0]) * a[layer] * (1.0 - a[layer]))
    return deltas, a


def test_every_delta_and_gradient_matches_numpy(result):
    deltas, a = numpy_deltas()
    rows = result.report.rows
    assert sorted({r.layer for r in rows}) == [2, 3, 4]  # Nielsen: the input is layer 1
    for r in rows:
        expected = deltas[r.layer - 2][r.j - 1]
        assert r.delta_engine == pytest.approx(expected, rel=1e-12, abs=1e-15)
        assert r.b_engine == pytest.approx(expected, rel=1e-12, abs=1e-15)
        np.testing.assert_allclose(r.w_engine, a[r.layer - 2] * expected, rtol=1e-12,
                                   atol=1e-15)
    assert result.report.max_diff < 1e-15


def test_one_table_per_layer_from_the_output_back(result):
    zh = result.render("zh")
    assert zh.startswith("演示 bp：四个反向传播方程 BP1–BP4")
    assert zh.index("第 4 层（输出层）") < zh.index("第 3 层。") < zh.index("第 2 层。")
    assert "第 1 层。" not in zh  # the input layer has no neurons of its own
    en = result.render("en")
    assert "Demo bp" in en and "第" not in en


def test_picture(result):
    (path,) = result.pictures.paths
    assert path.name == "deltas.png" and path.read_bytes()[:4] == b"\x89PNG"


def test_picture_puts_every_layer_on_one_log_axis(tmp_path, monkeypatch):
    figures = []
    real_save = bp.save

    def keep(plt, fig, path, **layout):
        figures.append(fig)
        return real_save(plt, fig, path, **layout)

    monkeypatch.setattr(bp, "save", keep)
    result = bp.run(lang="en", out_dir=tmp_path)
    (fig,) = figures
    (ax,) = fig.axes  # one axis, shared by all layers
    assert ax.get_yscale() == "log"
    deltas, _ = numpy_deltas()
    # per layer: the formula's circles, then the engine's crosses on the same points
    formula = [y for c in ax.collections[0::2] for y in c.get_offsets()[:, 1]]
    engine = [y for c in ax.collections[1::2] for y in c.get_offsets()[:, 1]]
    expected = [abs(d) for layer in deltas for d in layer]
    assert len(ax.collections) == 2 * len(deltas)
    assert formula == pytest.approx(expected, rel=1e-12)
    assert engine == pytest.approx(expected, rel=1e-12)
    (line,) = ax.get_lines()  # the geometric mean per layer shrinks toward the input
    means = list(line.get_ydata())
    assert means == pytest.approx([float(np.exp(np.mean(np.log(np.abs(d))))) for d in deltas])
    assert means == sorted(means)
    # Nielsen: the input is layer 1
    assert [label.get_text() for label in ax.get_xticklabels()] == ["layer 2", "layer 3", "layer 4"]
    assert result.pictures.paths == [tmp_path / "deltas.png"]


def test_cli(capsys, tmp_path):
    assert main(["demo", "bp", "--no-plots", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("BP4：") == 3
    assert out.endswith("（未画图：已用 --no-plots 关闭）\n")
