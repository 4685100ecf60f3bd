"""datasets.make_moons: the shape of the moons, the noise, determinism and clear errors."""

from __future__ import annotations

import math
import random
import statistics

import pytest
from conftest import assert_clear_error

from micrograd_cn.datasets import make_moons


def test_without_noise_the_points_lie_on_the_two_half_circles():
    X, y = make_moons(9, noise=0.0)
    assert y == [-1] * 4 + [1] * 5  # the upper moon gets the smaller half
    for (a, b), label in zip(X, y):
        if label == -1:  # unit circle around (0, 0), upper half
            assert math.hypot(a, b) == pytest.approx(1.0, abs=1e-15) and b >= 0.0
        else:  # unit circle around (1, 0.5), lower half
            assert math.hypot(a - 1.0, b - 0.5) == pytest.approx(1.0, abs=1e-15)
            assert b <= 0.5 + 1e-15
    # evenly spaced from end to end: upper from (1, 0) to (−1, 0), lower from (0, 0.5) to (2, 0.5)
    assert X[0] == pytest.approx([1.0, 0.0]) and X[3] == pytest.approx([-1.0, 0.0], abs=1e-15)
    assert X[4] == pytest.approx([0.0, 0.5]) and X[8] == pytest.approx([2.0, 0.5], abs=1e-15)
    assert X[6] == pytest.approx([1.0, -0.5])  # the middle of the lower moon


def test_noise_is_gaussian_with_the_given_spread():
    clean, _ = make_moons(2000, noise=0.0)
    noisy, labels = make_moons(2000, noise=0.1, seed=3)
    shifts = [p - q for a, b in zip(noisy, clean) for p, q in zip(a, b)]
    assert abs(statistics.fmean(shifts)) < 0.005
    assert statistics.pstdev(shifts) == pytest.approx(0.1, rel=0.03)
    assert labels == [-1] * 1000 + [1] * 1000


def test_same_seed_same_points_and_global_random_untouched():
    random.seed(5)
    state = random.getstate()
    assert make_moons(50, seed=7) == make_moons(50, seed=7)
    assert make_moons(50, seed=7)[0] != make_moons(50, seed=8)[0]
    assert random.getstate() == state
    X, y = make_moons()
    assert len(X) == len(y) == 100 and all(len(p) == 2 for p in X)


def test_a_single_point():
    assert make_moons(1, noise=0.0) == ([[0.0, 0.5]], [1])


@pytest.mark.parametrize("make, zh, en", [
    (lambda: make_moons(0), "make_moons：n_samples 必须是正整数，收到 0",
     "make_moons: n_samples must be a positive integer, got 0"),
    (lambda: make_moons(2.5), "收到 2.5", "got 2.5"),
    (lambda: make_moons(True), "收到 True", "got True"),
    (lambda: make_moons(10, noise=-0.1), "make_moons：noise 取值无效：-0.1",
     "make_moons: invalid value for noise: -0.1"),
    (lambda: make_moons(10, noise=float("nan")), "noise 取值无效：nan", "invalid value for noise: nan"),
    (lambda: make_moons(10, noise="0.1"), "noise 取值无效：'0.1'", "invalid value for noise: '0.1'"),
])
def test_bad_input_is_a_clear_error(make, zh, en):
    assert_clear_error(make, ValueError, zh, en)
