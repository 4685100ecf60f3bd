"""Make README's pictures under docs/ from the demos themselves (`make docs`).

Each demo runs into a temporary folder; one picture of each is copied to
docs/, plus the graph of the README's tour expression, the graph of an
MLP(2, [2, 1]) with its loss (parameters named, layers boxed) and screenshots
of the stage at 1600×900: the step page (``html``) and the layer view (``bp --html``),
taken by headless chromium (Debian's /usr/bin/chromium driven by playwright, as in the
tests). The only generated
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
from micrograd_cn.nn import MLP, mse_loss
from micrograd_cn.pages.layer import network, write_layer_view
from micrograd_cn.pages.step import write_step_page
from micrograd_cn.render.graph import render
from micrograd_cn.teach.expr import build

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
CHROMIUM = "/usr/bin/chromium"
LAYER_VIEW_STEP = 5  # BP2: the error flows back from layer 3 to layer 2 through w³
# the step page's picture: the lecture's tanh neuron at step 3 (into v1 = x1w1 + x2w2 … ),
# the local derivatives written on the edges (L), the legend beside the formula
STEP_EXPR = "x1w1 = x1*w1; x2w2 = x2*w2; n = x1w1 + x2w2 + b; o = tanh(n)"
STEP_BINDINGS = {"x1": 2.0, "x2": 0.0, "w1": -3.0, "w2": 1.0, "b": 6.8813735870195432}
STEP_PAGE_STEP = 4
STAGE = {"width": 1600, "height": 900}  # a projector's window


def network_picture() -> Path:
    """MLP(2, [2, 1]) on one sample with its squared error, drawn with its layers boxed."""
    mlp = MLP(2, [2, 1], activation="tanh", output_activation="sigmoid", seed=0)
    loss = mse_loss(mlp([1.0, -2.0]), [1.0])
    loss.label = "L"
    path = render(loss, DOCS / "mlp_graph.svg", model=mlp, legend=True)
    path.with_suffix(".dot").unlink(missing_ok=True)
    return path


def _screenshot(page_path: Path, target: Path, keys: list[str]) -> Path:
    """The page at ``STAGE`` size after pressing ``keys``, once its camera rests."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM,
                                     args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport=STAGE, reduced_motion="reduce")
        page.goto(page_path.as_uri())
        for key in keys:
            page.keyboard.press(key)
        page.wait_for_function("document.documentElement.dataset.camera === 'still'")
        page.screenshot(path=str(target))
        browser.close()
    return target


def layer_view_screenshot(tmp: str) -> Path:
    """The layer view of ``bp --sizes 2 3 2`` at its BP2 step, as a browser shows it."""
    page_path = Path(tmp) / "net.html"
    mlp = network([2, 3, 2], activation="tanh", output_activation="sigmoid", seed=0)
    write_layer_view(page_path, mlp, [0.5, -1.0], [1.0, 0.0])
    return _screenshot(page_path, DOCS / "layer_view.png", ["ArrowRight"] * LAYER_VIEW_STEP)


def step_page_screenshot(tmp: str) -> Path:
    """The step page of the tanh neuron with its legend, a few steps in, edges labelled."""
    page_path = Path(tmp) / "step.html"
    root, _ = build(STEP_EXPR, STEP_BINDINGS)
    write_step_page(root, page_path, title="tanh(x1·w1 + x2·w2 + b)", legend=True)
    return _screenshot(page_path, DOCS / "step_page.png", ["ArrowRight"] * STEP_PAGE_STEP + ["l"])


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
    print(network_picture())
    with tempfile.TemporaryDirectory() as tmp:
        print(step_page_screenshot(tmp))
        print(layer_view_screenshot(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
