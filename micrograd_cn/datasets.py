"""Small deterministic data sets for demos and benchmarks (no NumPy, no downloads).

Imports: nothing of ours.
"""

from __future__ import annotations

import math
import random


def make_moons(n_samples: int = 100, noise: float = 0.1, seed: int = 0) -> tuple[list[list[float]], list[int]]:
    """Two interleaving half circles, like scikit-learn's ``make_moons``.

    Returns ``(X, y)``: X is a list of [x₁, x₂] points, y the labels −1 (upper
    moon) and +1 (lower moon), ready for ``max_margin_loss``. The points are
    evenly spaced along each moon, then moved by Gaussian noise of standard
    deviation ``noise`` drawn from ``random.Random(seed)``: the same call gives
    the same points on every machine.
    """
    if isinstance(n_samples, bool) or not isinstance(n_samples, int) or n_samples < 2:
        raise ValueError(f"make_moons: n_samples must be an integer >= 2, got {n_samples!r}")
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
