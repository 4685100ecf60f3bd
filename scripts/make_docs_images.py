"""Make README's pictures under docs/ from the demos themselves (`make docs`).

Each demo runs into a temporary folder; one picture of each is copied to
docs/, plus the graph of the README's tour expression. The only generated
files the repository keeps are these (see .gitignore's !docs/**).

Run from the repository root: python scripts/make_docs_images.py [DEMO ...]
(with demo names, only their pictures are made again, and not the tour graph).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from micrograd_cn.demos import load
from micrograd_cn.expr import build
from micrograd_cn.viz import render

DOCS = Path(__file__).resolve().parent.parent / "docs"

# demo -> [(its picture, the name under docs/), ...]
PICTURES = {
    "logistic": [("graph.svg", "logistic_graph.svg")],
    "layer": [("cost.png", "layer_cost.png")],
    "bp": [("deltas.png", "bp_deltas.png")],
    "moons": [("boundary.png", "moons_boundary.png")],
    "numeric-vs-backprop": [("comparison.png", "numeric_vs_backprop.png")],
    "digits": [(name, f"digits_{name}") for name in
               ("curves.png", "confusion.png", "mistakes.png", "weights.png", "delta.png")],
}
TOUR_EXPR = "sigmoid(w*x + b)"
TOUR_BINDINGS = {"w": 0.5, "x": 2.0, "b": -1.0}


def main(names: list[str]) -> int:
    for name in names:
        if name not in PICTURES:
            print(f"unknown demo {name!r}; choose from {', '.join(PICTURES)}", file=sys.stderr)
            return 2
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in names or PICTURES:
            folder = Path(tmp) / name
            result = load(name).run("zh", folder)
            if result.pictures.skipped is not None:
                print(result.pictures.lines("en")[0], file=sys.stderr)
                return 1
            for picture, target in PICTURES[name]:
                shutil.copyfile(folder / picture, DOCS / target)
                print(DOCS / target)
    if names:
        return 0
    root, _ = build(TOUR_EXPR, TOUR_BINDINGS)
    root.backward()
    tour = render(root, DOCS / "tour_graph.svg", legend=True)
    tour.with_suffix(".dot").unlink(missing_ok=True)  # keep the picture only
    print(tour)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
