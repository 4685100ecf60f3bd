"""Pictures, traces and pages: --params only colours, --data marks what is not differentiated.

The lecture's neuron o = tanh(x1·w1 + x2·w2 + b) at x1 = 2, x2 = 0, w1 = −3, w2 = 1,
b = 6.8813735870195432: o = 1/√2, so 1 − o² = 0.5 and ∂o/∂x1 = w1·(1 − o²) = −1.5,
∂o/∂w1 = x1·0.5 = 1, ∂o/∂x2 = w2·0.5 = 0.5, ∂o/∂w2 = x2·0.5 = 0, ∂o/∂b = 0.5 (by hand;
central differences check them below). Without options every named leaf shows its gradient;
``--params w1,w2,b`` colours those as parameters and keeps ∂o/∂x1 = −1.5; ``--data x1,x2``
hides the gradients of x1 and x2 only.
"""

from __future__ import annotations

import json
import math
import re

import pytest

from micrograd_cn.cli import main

EXPR = "o = tanh(x1*w1 + x2*w2 + b)"
VALUES = {"x1": 2.0, "x2": 0.0, "w1": -3.0, "w2": 1.0, "b": 6.8813735870195432}
BINDINGS = [f"{k}={v!r}" for k, v in VALUES.items()]
BY_HAND = {"x1": "−1.5", "w1": "1", "x2": "0.5", "w2": "0", "b": "0.5"}


def test_the_hand_values_against_central_differences():
    def o(**v: float) -> float:
        return math.tanh(v["x1"] * v["w1"] + v["x2"] * v["w2"] + v["b"])

    h = 1e-6
    for name, text in BY_HAND.items():
        plus = o(**{**VALUES, name: VALUES[name] + h})
        minus = o(**{**VALUES, name: VALUES[name] - h})
        assert abs((plus - minus) / (2 * h) - float(text.replace("−", "-"))) < 1e-6


def boxes(dot: str) -> dict[str, tuple[str, str]]:
    """Each leaf's (class, grad text or '') from the DOT source."""
    found = {}
    for m in re.finditer(r"<<B>(\w+)</B><BR/>data [^<>]*(?:<BR/>grad ([^>]*))?> class=(\w+)", dot):
        found[m.group(1)] = (m.group(3), m.group(2) or "")
    return found


@pytest.mark.parametrize("options, params, hidden", [
    ([], set(), set()),
    (["--params", "w1,w2,b"], {"w1", "w2", "b"}, set()),
    (["--data", "x1,x2"], {"w1", "w2", "b"}, {"x1", "x2"}),
    (["--params", "w1", "--data", "x2"], {"w1"}, {"x2"}),
])
def test_graph_colours_and_gradients(options, params, hidden, tmp_path, capsys):
    pytest.importorskip("graphviz")
    out = tmp_path / "g.svg"
    assert main(["graph", EXPR, *BINDINGS, *options, "-o", str(out), "--lang", "en"]) == 0
    table = capsys.readouterr().out
    dot = boxes(out.with_suffix(".dot").read_text(encoding="utf-8"))
    for name, grad in BY_HAND.items():
        kind, shown = dot[name]
        assert kind == ("param" if name in params else "data")
        assert shown == ("" if name in hidden else grad), name
        row = next(line.split() for line in table.splitlines() if line.split()[:1] == [name])
        assert row[-1] == ("—" if name in hidden else grad)


@pytest.mark.parametrize("options, hidden", [
    ([], set()), (["--params", "w1,w2,b"], set()), (["--data", "x1,x2"], {"x1", "x2"})])
def test_trace_keeps_every_gradient_unless_data_is_named(options, hidden, capsys):
    assert main(["trace", EXPR, *BINDINGS, *options, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    grads = {k: v for k, v in data["gradients"].items()}
    assert set(grads) == set(BY_HAND) - hidden
    for name in grads:
        assert abs(grads[name] - float(BY_HAND[name].replace("−", "-"))) < 1e-12
    assert main(["trace", EXPR, *BINDINGS, *options, "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert ("∂o/∂x1 = −1.5" in text) == ("x1" not in hidden)


def test_step_page_shows_the_data_gradient_with_params(tmp_path, capsys):
    pytest.importorskip("graphviz")
    out = tmp_path / "s.html"
    assert main(["html", EXPR, *BINDINGS, "--params", "w1,w2,b", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="steps-data">(.*?)</script>', page, re.S).group(1))
    assert "∂o/∂x1 = −1.5" in data["pages"][-1]
    assert main(["html", EXPR, *BINDINGS, "--data", "x1,x2", "-o", str(out)]) == 0
    data = json.loads(re.search(r'id="steps-data">(.*?)</script>',
                                out.read_text(encoding="utf-8"), re.S).group(1))
    assert "∂o/∂x1" not in data["pages"][-1] and "∂o/∂w1 = 1" in data["pages"][-1]


@pytest.mark.parametrize("options, words", [
    (["--data", "q"], "q in --data is not a name"),
    (["--params", "x1", "--data", "x1"], "x1 cannot be in both"),
])
def test_bad_names_are_one_line(options, words, capsys):
    assert main(["trace", EXPR, *BINDINGS, *options, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1
