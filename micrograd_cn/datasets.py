"""Small deterministic data sets for demos and benchmarks (no NumPy, no downloads).

``make_moons`` draws its points; ``load_digits`` reads the 8×8 handwritten digits
shipped inside the package (``micrograd_cn/data/``, licence beside the file), so
both work from an installed wheel with no network; ``train_test_split`` splits
them the same way on every machine.

Imports: i18n (for its error messages).
"""

from __future__ import annotations

import gzip
import math
import random
from importlib import resources
from typing import Sequence

from micrograd_cn.i18n import show, t


def make_moons(n_samples: int = 100, noise: float = 0.1, seed: int = 0) -> tuple[list[list[float]], list[int]]:
    """Two interleaving half circles, like scikit-learn's ``make_moons``.

    Returns ``(X, y)``: X is a list of [x₁, x₂] points, y the labels −1 (upper
    moon) and +1 (lower moon), ready for ``max_margin_loss``. The points are
    evenly spaced along each moon, then moved by Gaussian noise of standard
    deviation ``noise`` drawn from ``random.Random(seed)``: the same call gives
    the same points on every machine.
    """
    if isinstance(n_samples, bool) or not isinstance(n_samples, int) or n_samples < 1:
        raise ValueError(t("nn_bad_size", where="make_moons", what="n_samples",
                           value=show(n_samples)))
    # a negative or non-finite spread would give NaN or surprising points, never an error
    if (isinstance(noise, bool) or not isinstance(noise, (int, float))
            or not math.isfinite(noise) or noise < 0):
        raise ValueError(t("nn_bad_option", where="make_moons", what="noise", value=show(noise)))
    rng = random.Random(seed)
    n_upper = n_samples // 2
    n_lower = n_samples - n_upper
    X: list[list[float]] = []
    y: list[int] = []
    for count, label in ((n_upper, -1), (n_lower, 1)):
        for i in range(count):
            angle = math.pi * i / (count - 1) if count > 1 else 0.0
            if label == -1:
                point = [math.cos(angle), math.sin(angle)]
            else:
                point = [1.0 - math.cos(angle), 0.5 - math.sin(angle)]
            X.append([point[0] + rng.gauss(0.0, noise), point[1] + rng.gauss(0.0, noise)])
            y.append(label)
    return X, y


DIGITS_FILE = "data/digits.csv.gz"  # inside the package; see data/digits.LICENSE.md


def load_digits() -> tuple[list[list[int]], list[int]]:
    """The 1,797 handwritten digits: ``(X, y)``.

    Each ``X[i]`` is one 8×8 image as 64 integers 0…16 (row by row, 16 = darkest),
    ``y[i]`` its digit 0…9. The same data as scikit-learn's ``load_digits``
    (UCI, CC BY 4.0), read from the copy shipped in this package.
    """
    raw = resources.files("micrograd_cn").joinpath(DIGITS_FILE).read_bytes()
    X: list[list[int]] = []
    y: list[int] = []
    for line in gzip.decompress(raw).decode("ascii").splitlines():
        *pixels, digit = (int(v) for v in line.split(","))
        X.append(pixels)
        y.append(digit)
    return X, y


def train_test_split(labels: Sequence[int], test_fraction: float = 0.2,
                     seed: int = 0) -> tuple[list[int], list[int]]:
    """Indices ``(train, test)``: ``test_fraction`` of every class goes to the test set.

    Stratified (each label keeps its share in both parts, so a small test set
    still has every digit) and shuffled by ``random.Random(seed)``: the same
    call gives the same split on every machine. Both index lists are sorted.
    """
    if (isinstance(test_fraction, bool) or not isinstance(test_fraction, (int, float))
            or not 0.0 < test_fraction < 1.0):
        raise ValueError(t("nn_bad_option", where="train_test_split", what="test_fraction",
                           value=show(test_fraction)))
    rng = random.Random(seed)
    by_label: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        by_label.setdefault(label, []).append(i)
    train: list[int] = []
    test: list[int] = []
    for label in sorted(by_label):
        members = by_label[label]
        rng.shuffle(members)
        n_test = round(len(members) * test_fraction)
        test += members[:n_test]
        train += members[n_test:]
    return sorted(train), sorted(test)
