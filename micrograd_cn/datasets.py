"""Small deterministic data sets for demos and benchmarks (no NumPy, no downloads).

Imports: i18n (for its error messages).
"""

from __future__ import annotations

import math
import random

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
