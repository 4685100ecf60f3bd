"""datasets: make_moons (shape, noise, determinism, clear errors), the shipped digits and
train_test_split."""

from __future__ import annotations

import hashlib
import math
import random
import statistics
from importlib import resources

import pytest
from conftest import assert_clear_error

from micrograd_cn.datasets import DIGITS_FILE, load_digits, make_moons, train_test_split


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


# ------------------------------------------------------------------ digits
def test_shipped_digits_are_scikit_learns_file_unchanged():
    data = resources.files("micrograd_cn").joinpath(DIGITS_FILE).read_bytes()
    assert len(data) == 57_523
    assert hashlib.sha256(data).hexdigest() == (
        "09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22")
    licence = resources.files("micrograd_cn").joinpath("data/digits.LICENSE.md").read_text("utf-8")
    assert "CC BY 4.0" in licence and "10.24432/C50P49" in licence


def test_load_digits_shapes_labels_and_pixels():
    X, y = load_digits()
    assert len(X) == len(y) == 1797
    assert all(len(image) == 64 for image in X)
    assert {v for image in X for v in image} == set(range(17))
    assert [y.count(d) for d in range(10)] == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    # the first image is a 0: a ring of ink around an empty middle (rows 2–5, columns 3–4)
    assert y[0] == 0 and X[0][:8] == [0, 0, 5, 13, 9, 1, 0, 0]
    assert all(X[0][8 * r + c] <= 2 for r in range(2, 6) for c in range(3, 5))


def test_train_test_split_is_stratified_disjoint_and_seeded():
    _, y = load_digits()
    train, test = train_test_split(y, 0.2, seed=0)
    assert sorted(train + test) == list(range(1797)) and not set(train) & set(test)
    assert train == sorted(train) and test == sorted(test)
    for d in range(10):
        assert [y[i] for i in test].count(d) == round(y.count(d) * 0.2)
    assert train_test_split(y, 0.2, seed=0) == (train, test)
    assert train_test_split(y, 0.2, seed=1)[1] != test
    assert len(train_test_split([0, 0, 1, 1], 0.5, seed=3)[1]) == 2


@pytest.mark.parametrize("fraction", [0, 1, 1.5, -0.1, True, "0.2", float("nan")])
def test_train_test_split_bad_fraction(fraction):
    assert_clear_error(lambda: train_test_split([0, 1], fraction), ValueError,
                       "train_test_split：test_fraction 取值无效", "invalid value for test_fraction")
