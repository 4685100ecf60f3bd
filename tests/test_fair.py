"""Fair problems: nothing cancels itself out, every asked gradient matters, givens are short.

Over many seeds and every level: no generated exercise simplifies away (``u + c − u``,
``b·w/w``, ``exp(log(u·h))``, across named steps too); every asked gradient is non-zero at the
givens by central differences of the expression's own value (not the engine's backward pass);
every given has at most two significant digits (read with ``decimal``).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from micrograd_cn.teach.exercise import sheet
from micrograd_cn.teach.expr import build_program
from micrograd_cn.teach.written import math_lines, simplifies_away

SEEDS = range(60)


@pytest.mark.parametrize("text", [
    "f = u + c - u", "f = b*w/w", "u = x*h; f = exp(log(u*h))", "f = log(exp(x)) + y",
    "u = y*z; f = x/u*u + u + z", "u = exp(x); f = log(u) + y", "f = (x**2)**0.5*y",
    "f = 2*x - x - x + y", "u = a - c; f = u + c - a + b", "f = x*y/(y*x) + x",
])
def test_cancellations_are_found(text):
    assert simplifies_away(text)


@pytest.mark.parametrize("text", [
    "f = x*y + tanh(x)", "u = (p**3)**2; f = u/p + q", "f = 2*x - x*y", "u = x*x; f = u*u + u",
    "f = exp(x)*log(y)", "f = (x + y)/(x - y)", "u = a*b + c; h = u*u; f = h*u + exp(u) - h",
])
def test_fair_exercises_pass(text):
    assert not simplifies_away(text)


def value(text: str, values: dict[str, float]) -> float:
    return build_program(text, values).root.data


@pytest.mark.parametrize("level", [1, 2, 3])
def test_generated_exercises_are_fair(level):
    for seed in SEEDS:
        for ex in sheet(seed, 3, level):
            assert not simplifies_away(ex.expression), ex.expression
            for name, given in ex.values.items():
                digits = Decimal(repr(given)).normalize().as_tuple().digits
                assert len(digits) <= 2, (name, given)
                h = 1e-6
                plus = value(ex.expression, {**ex.values, name: given + h})
                minus = value(ex.expression, {**ex.values, name: given - h})
                slope = (plus - minus) / (2 * h)
                assert abs(slope) > 1e-3, (ex.expression, name)  # the asked gradient matters
                assert slope == pytest.approx(ex.answers[name], rel=1e-4, abs=1e-6)


def test_math_lines_write_mathematics():
    assert math_lines("u = x*y; f = u**2 - exp(u)/y") == ["u = x·y", "f = u² − exp(u)/y"]
    assert math_lines("f = (a + b)**0.5 + c**-1 - (d - e)") == ["f = √(a + b) + c⁻¹ − (d − e)"]
    assert math_lines("f = -(x*y)**3*sigmoid(z)") == ["f = −(x·y)³·σ(z)"]
    assert math_lines("f = x/(y*z) - -x") == ["f = x/(y·z) − (−x)"]
