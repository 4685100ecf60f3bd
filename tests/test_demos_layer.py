"""Demo ``layer`` (seed 004) against an independent NumPy computation of the same experiment."""

from __future__ import annotations

import math

import numpy as np
import pytest

from micrograd_cn.cli import main
from micrograd_cn.demos import layer


def numpy_experiment(steps: int) -> dict[str, np.ndarray | list[float]]:
    """The seed-004 experiment written with matrices: w by the summed, b by the mean gradient."""
    x = np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]])
    y = np.array([[1.0, 0.0], [0.0, 1.0]])
    w = np.array([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]])
    b = np.array([0.0, 0.0])

    def forward() -> tuple[np.ndarray, np.ndarray]:
        z = x @ w + b
        return z, 1.0 / (1.0 + np.exp(-z))

    costs = []
    y_hat_before = forward()[1]
    for _ in range(steps):
        z, y_hat = forward()
        costs.append(float(np.sum((y_hat - y) ** 2)))
        dz = 2.0 * (y_hat - y) * y_hat * (1.0 - y_hat)  # one row per sample
        w = w - 0.1 * (x.T @ dz)  # summed over the samples
        b = b - 0.1 * dz.mean(axis=0)  # averaged over the samples
    z, y_hat = forward()
    costs.append(float(np.sum((y_hat - y) ** 2)))
    return {"w": w, "b": b, "costs": costs, "before": y_hat_before, "after": y_hat}


@pytest.fixture(scope="module")
def result() -> layer.LayerResult:
    return layer.run(plots=False)


def test_matches_numpy_to_1e_12(result):
    ref = numpy_experiment(1000)
    assert result.steps == 1000 and len(result.costs) == 1001
    np.testing.assert_allclose(result.y_hat_before, ref["before"], rtol=0, atol=1e-15)
    np.testing.assert_allclose(result.costs, ref["costs"], rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(result.w, ref["w"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(result.b, ref["b"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(result.y_hat_after, ref["after"], rtol=0, atol=1e-12)


def test_the_source_texts_printed_numbers(result):
    """The numbers seed 004's NumPy run prints: ŷ to 8 digits, the cost at full precision."""
    assert np.round(result.y_hat_before, 8).tolist() == [[0.90024951, 0.94267582],
                                                         [0.80218389, 0.88079708]]
    assert np.round(result.y_hat_after, 8).tolist() == [[0.97371017, 0.02647935],
                                                        [0.02628983, 0.97352065]]
    assert result.cost_after_first == pytest.approx(1.4556414717601052, rel=1e-15)
    assert result.costs[2] == pytest.approx(1.3382380273209387, rel=1e-15)
    # the source sums with NumPy, in another order: the last digits may differ
    assert result.cost_final == pytest.approx(0.0027846224530159356, rel=1e-14)
    assert result.cost_final < result.cost_after_first < result.costs[0]


def test_b_takes_the_averaged_gradient():
    """After one step, b moved by lr·(mean over samples), not lr·(sum): half as far."""
    one = layer.run(steps=1, plots=False)
    ref = numpy_experiment(1)
    np.testing.assert_allclose(one.b, ref["b"], rtol=0, atol=1e-15)
    x = np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]])
    y_hat = np.array(one.y_hat_before)
    dz = 2.0 * (y_hat - np.array([[1.0, 0.0], [0.0, 1.0]])) * y_hat * (1.0 - y_hat)
    np.testing.assert_allclose(one.b, -0.1 * dz.sum(axis=0) / 2, rtol=0, atol=1e-15)
    np.testing.assert_allclose(np.array(one.w) - np.array(layer.W0), -0.1 * x.T @ dz,
                               rtol=0, atol=1e-15)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cli_text_is_golden(capsys, golden, lang):
    assert main(["demo", "layer", "--no-plots", "--lang", lang]) == 0
    golden(f"demo_layer_{lang}.txt", capsys.readouterr().out)


def test_cli_prints_full_precision_costs_and_table_precision_weights(capsys, result):
    assert main(["demo", "layer", "--no-plots"]) == 0
    out = capsys.readouterr().out
    assert f"第 1 步之后的代价 C = {result.cost_after_first!r}" in out
    assert f"第 1000 步之后的代价 C = {result.cost_final!r}" in out
    assert "b 用两个样本梯度的平均" in out and "ω 用两个样本的梯度之和" in out
    lines = out.splitlines()
    start = lines.index("最终的 ω（3×2，第 i 行连接输入 xᵢ，第 j 列连接输出 ŷⱼ）：")
    for row, line in zip(result.w, lines[start + 1:start + 4]):
        assert line == "  [" + ", ".join(f"{v:.6g}".replace("-", "−") for v in row) + "]"
    assert lines[start + 4] == "最终的 b：[" + ", ".join(
        f"{v:.6g}".replace("-", "−") for v in result.b) + "]"


def seed_formula_first_step(i: int, j: int) -> tuple[list[float], float]:
    """Seed 004's ∂C/∂ωᵢⱼ = xᵢ · g′(aⱼ) · 2(ŷⱼ − yⱼ) per sample at the start, in plain floats."""
    x = [[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]]
    y = [[1.0, 0.0], [0.0, 1.0]]
    w = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]
    terms = []
    for xs, ys in zip(x, y):
        a = sum(xs[k] * w[k][j - 1] for k in range(3)) + 0.0  # b = 0
        y_hat = 1.0 / (1.0 + math.exp(-a))
        terms.append(xs[i - 1] * y_hat * (1.0 - y_hat) * 2.0 * (y_hat - ys[j - 1]))
    return terms, terms[0] + terms[1]


def test_the_seed_formula_for_one_weight_matches_the_engine(result):
    check = result.check
    assert (check.i, check.j) == layer.CHECKED == (1, 1)
    terms, total = seed_formula_first_step(1, 1)
    assert [term.value for term in check.terms] == pytest.approx(terms, rel=1e-13)
    assert check.total == pytest.approx(total, rel=1e-13)
    assert check.engine == pytest.approx(total, rel=1e-13)  # the engine agrees with the seed
    # and with the NumPy experiment's first gradient (x.T @ dz)[0, 0]
    x = np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]])
    y_hat = np.array(result.y_hat_before)
    dz = 2.0 * (y_hat - np.array([[1.0, 0.0], [0.0, 1.0]])) * y_hat * (1.0 - y_hat)
    assert check.engine == pytest.approx((x.T @ dz)[0, 0], rel=1e-13)
    # the hand values: 1 × 0.0898003 × 2 × (0.90025 − 1) + 3 × 0.158685 × 2 × (0.802184 − 0)
    assert [round(term.slope, 7) for term in check.terms] == [0.0898003, 0.1586849]


def test_the_formula_is_printed_with_its_numbers(result):
    text = result.render("zh").splitlines()
    terms, total = seed_formula_first_step(1, 1)
    start = next(k for k, line in enumerate(text) if line.startswith("第 1 步的梯度，照原文"))
    assert "∂C/∂ωᵢⱼ = xᵢ · g′(aⱼ) · 2(ŷⱼ − yⱼ)" in text[start] and text[start].endswith("以 ω₁₁ 为例：")
    assert text[start + 1] == ("  样本 1：x₁ · g′(a₁) · 2(ŷ₁ − y₁) = 1 × 0.0898003 × 2 × (0.90025 − 1) = "
                               f"{terms[0]:.6g}".replace("-", "−"))
    assert text[start + 2] == ("  样本 2：x₁ · g′(a₁) · 2(ŷ₁ − y₁) = 3 × 0.158685 × 2 × (0.802184 − 0) = "
                               f"{terms[1]:.6g}")
    assert text[start + 3].startswith(f"  两个样本之和：∂C/∂ω₁₁ = (−{-terms[0]:.6g}) + {terms[1]:.6g} = "
                                      f"{total:.6g}；引擎（反向传播）的 ω₁₁.grad = {total:.6g}")
    assert text[start + 4].startswith("第 1 步之后的代价 C")
    en = result.render("en")
    assert "For ω₁₁:" in en and "summed over both samples: ∂C/∂ω₁₁ = " in en


def test_writes_the_cost_curve(tmp_path):
    done = layer.run(steps=3, out_dir=tmp_path / "pics")
    assert done.pictures.paths == [tmp_path / "pics" / "cost.png"]
    assert done.pictures.paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("steps", [0, -1, 2.5, True])
def test_bad_steps_is_a_clear_error(steps):
    with pytest.raises(ValueError, match="steps"):
        layer.run(steps=steps, plots=False)
