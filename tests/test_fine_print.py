"""The fine print of issue 20: wording that does not mislead.

- the division rule is written with p/q (the lesson's a and b are an activation and a bias);
- ``step --quiz --ask local`` writes every term of the local derivative once;
- the digits δ plot says how each axis numbers its neurons.
"""

from __future__ import annotations

import io
import sys

import pytest

from micrograd_cn.cli import main
from micrograd_cn.i18n import t


def test_the_division_rule_uses_p_and_q():
    zh, en = t("why_/", "zh"), t("why_/", "en")
    assert "p/q" in zh and "1/q" in zh and "−p/q²" in zh and "a/b" not in zh
    assert "p/q" in en and "1/q" in en and "−p/q²" in en and "a/b" not in en


@pytest.mark.parametrize("expr, bindings", [
    ("e = exp(1 + x*y)", ["x=1", "y=0.5"]),
    ("s = sigmoid(x*y)", ["x=1", "y=0.5"]),
    ("s = tanh(x*y) + log(x + 2)", ["x=1", "y=0.5"]),
    ("s = relu(x*y) + (x + y)**3 + x/y", ["x=1", "y=0.5"]),
])
def test_local_quiz_working_writes_no_term_twice(expr, bindings, monkeypatch, capsys):
    from micrograd_cn.teach.expr import build_program
    from micrograd_cn.teach.quiz import questions
    from micrograd_cn.teach.snapshot import snapshot

    values = {name: float(v) for name, v in (b.split("=") for b in bindings)}
    ls = snapshot(build_program(expr, values).root)
    for q in questions(ls, "local", "en"):
        first = q.working.splitlines()[0]
        sides = [side.strip() for side in first.split(" = ")]
        assert len(sides) == len(set(sides)), first
    monkeypatch.setattr(sys, "stdin", io.StringIO("0\n0\n" * 12))
    assert main(["step", "--quiz", "--ask", "local", expr, *bindings, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "exp(v2) = exp(v2)" not in out
    for line in out.splitlines():
        if line.strip().startswith("∂") and " = " in line:
            sides = [side.strip() for side in line.split(" = ")]
            assert len(sides) == len(set(sides)), line


def test_the_digits_delta_plot_says_how_it_numbers_its_neurons(tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from micrograd_cn.demos import digits

    seen: dict[str, list[str]] = {}

    def keep(plt_, fig, path, **layout):
        seen["labels"] = [ax.get_xlabel() for ax in fig.axes]
        seen["ticks"] = [[tick.get_text() for tick in ax.get_xticklabels()] for ax in fig.axes]
        plt_.close(fig)
        return path

    monkeypatch.setattr(digits, "save", keep)
    check = digits.DeltaCheck(0, 3, 5, 1.0, [0.1] * 10, [0.1] * 10, [0.1] * 10,
                              [0.01] * 32, [0.01] * 32, 0)
    digits._delta(plt, "en", tmp_path, [0] * 64, check)
    out_label, hidden_label = seen["labels"][1], seen["labels"][2]
    assert "0–9" in out_label and "digit" in out_label
    assert "1–32" in hidden_label and "neuron" in hidden_label
