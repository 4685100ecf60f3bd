"""The mistake catalogue: each misconception is recognised from its own wrong number, named in
zh and en, and no hint spells the expected number. Expected values and wrong answers are
computed here independently (math, central differences), not read from the engine."""

from __future__ import annotations

import math

import pytest

from micrograd_cn.teach.expr import ExprError, build_program
from micrograd_cn.teach.mistakes import KEYS, Case, diagnose, diagnose_gradient, numbers_in, reveals
from micrograd_cn.teach.quiz import first_hint, is_right, questions
from micrograd_cn.teach.snapshot import snapshot


def sig(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


# (mistake key, expression, values, ask, step k, expected (hand), wrong answer (hand), a word the en hint has)
# In "(a*b + c)*a" at a=2, b=−3, c=10: v1 = a·b = −6, v2 = v1 + c = 4, f = v2·a = 8;
# ∂f/∂v2 = a = 2, ∂f/∂a = v2 + a·b = 4 − 6 = −2 (two paths: 4 and −6), ∂f/∂v1 = 2.
SHARED = "(a*b + c)*a"
ABC = {"a": 2.0, "b": -3.0, "c": 10.0}
SCENARIOS = [
    ("sigmoid_value", "sigmoid(w*x + b)", {"w": 0.5, "x": 2.0, "b": 0.3}, "contribution", 1,
     sig(1.3) * (1 - sig(1.3)), sig(1.3), "σ′"),
    ("tanh_value", "tanh(x*y)", {"x": 0.5, "y": 1.2}, "contribution", 1,
     1 - math.tanh(0.6) ** 2, math.tanh(0.6), "tanh′"),
    ("log_value", "log(x*y)", {"x": 1.5, "y": 2.0}, "contribution", 1, 1 / 3, math.log(3.0), "1/x"),
    ("power_value", "(x + y)**3", {"x": 0.5, "y": 0.7}, "contribution", 1, 3 * 1.2 ** 2, 1.2 ** 3,
     "exponent"),
    ("other_factor", SHARED, ABC, "contribution", 6, 2 * 2.0, 2 * -3.0, "other factor"),
    ("running_total", SHARED, ABC, "contribution", 2, 4.0, -2.0, "running total"),
    ("other_path", SHARED, ABC, "contribution", 2, 4.0, -6.0, "other path"),
    ("not_accumulated", SHARED, ABC, "grad", 5, -2.0, -6.0, "add"),
    ("upstream_included", SHARED, ABC, "local", 5, -3.0, 2 * -3.0, "upstream"),
    ("upstream_forgotten", SHARED, ABC, "contribution", 5, 2 * -3.0, -3.0, "upstream"),
    ("local_forgotten", SHARED, ABC, "contribution", 5, 2 * -3.0, 2.0, "local derivative"),
    ("sign", SHARED, ABC, "contribution", 5, 2 * -3.0, 6.0, "sign"),
    ("factor_two", SHARED, ABC, "contribution", 5, 2 * -3.0, -12.0, "factor of two"),
]


def question_of(expr, values, ask, k, lang):
    return questions(snapshot(build_program(expr, values).root), ask, lang)[k - 1]


def test_every_key_has_a_scenario():
    assert {s[0] for s in SCENARIOS} | {"one_path"} == set(KEYS)


@pytest.mark.parametrize("key, expr, values, ask, k, expected, wrong, word", SCENARIOS,
                         ids=[s[0] for s in SCENARIOS])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_mistake_is_named_without_the_answer(key, expr, values, ask, k, expected, wrong,
                                                  word, lang):
    q = question_of(expr, values, ask, k, lang)
    assert is_right(q.expected, expected)  # the engine agrees with the hand computation
    mistake, hint = first_hint(q, wrong, lang)
    assert mistake is not None and mistake.key == key
    assert not reveals(hint, expected), hint
    assert not reveals(mistake.label(lang), expected)
    if lang == "en":
        assert word in hint, hint
    else:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in hint)
    # the browser's table holds the same diagnosis for the same number
    assert any(d.key == key and is_right(wrong, d.value) and d.text == hint for d in q.diagnoses)


def test_upstream_forgotten_says_upstream_in_english():
    q = question_of(SHARED, ABC, "contribution", 5, "en")
    assert "upstream" in diagnose(q, -3.0, "en").text("en")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_factor_two_hint_borrows_no_name_of_the_expression(lang):
    """One symbol, one thing: the hint's own square is written (…)², not with a letter that
    may be a name of the student's expression (here u, on the same screen as ∂f/∂u)."""
    q = question_of("(s - u) / u", {"s": 3.0, "u": 2.0}, "local", 1, lang)  # ∂(v1/u)/∂v1 = 0.5
    mistake, hint = first_hint(q, 1.0, lang)
    assert mistake is not None and mistake.key == "factor_two"
    assert not reveals(hint, 0.5)
    assert "u²" not in hint and "2u" not in hint, hint


def test_a_right_answer_or_an_unexplained_one_is_no_mistake():
    q = question_of(SHARED, ABC, "contribution", 5, "en")
    assert diagnose(q, -6.0) is None and diagnose(q, -6.004) is None
    assert diagnose(q, 123.0) is None
    mistake, hint = first_hint(q, 123.0, "en")
    assert mistake is None and hint == q.hint and not reveals(hint, -6.0)


def test_rule_hint_never_spells_the_answer():
    # 2·x at x = 0.7: the local derivative's formula is the constant 2, the answer itself
    ls = snapshot(build_program("2*x", {"x": 0.7}).root)
    for ask in ("contribution", "local", "grad"):
        for lang in ("zh", "en"):
            for q in questions(ls, ask, lang):
                assert not reveals(q.hint, q.expected), q.hint
                for d in q.diagnoses:
                    assert not reveals(d.text, q.expected), d.text


def test_a_fraction_of_constants_spells_its_value():
    """∂(a/4)/∂a = 1/4 is the answer 0.25 written as a fraction: the rule hint says the rule
    in words instead (a/4 at a = 1, every kind of question, both languages)."""
    assert reveals("∂(a/4)/∂a = 1/4", 0.25) and reveals("= 3 / 1.5", -2.0)
    assert not reveals("log′(a) = 1/a", 1.0 / 3) and not reveals("v1/u", 0.25)
    ls = snapshot(build_program("a/4", {"a": 1.0}).root)
    for ask in ("contribution", "local", "grad"):
        for lang in ("zh", "en"):
            q = questions(ls, ask, lang)[0]
            mistake, hint = first_hint(q, 17.0, lang)
            assert mistake is None and "1/4" not in hint and "1/4" not in q.hint, hint  # the page: q.hint
            assert not reveals(hint, 0.25)


def test_numbers_in_skips_names():
    assert numbers_in("∂f/∂v2 = w₁·x − 0.25 + 1e-3, 2u") == [0.25, 1e-3, 2.0]
    assert reveals("is −4 here", 4.0) and not reveals("v4 and w₄", 4.0)


def test_case_without_names_still_reads():
    case = Case("contribution", expected=0.5, upstream=0.25, local=2.0)
    mistake = diagnose(case, 2.0, "en")
    assert mistake is not None and mistake.key == "upstream_forgotten"
    assert "upstream" in mistake.text("en")


def central(f, values, name, h=1e-6):
    up, down = dict(values), dict(values)
    up[name] += h
    down[name] -= h
    return (f(up) - f(down)) / (2 * h)


def test_diagnose_gradient_from_an_expression():
    def f(v):
        return (v["a"] * v["b"] + v["c"]) * v["a"]

    grad_a = central(f, ABC, "a")
    assert abs(grad_a - -2.0) < 1e-6
    one = diagnose_gradient(SHARED, ABC, "a", 4.0, "en")  # one of the two paths only
    assert one is not None and one.key == "one_path" and "path" in one.text("en")
    assert diagnose_gradient(SHARED, ABC, "a", 2.0, "en").key == "sign"
    assert diagnose_gradient(SHARED, ABC, "a", grad_a) is None

    # σ(z) where σ′(z) belongs, two edges below the slip: x·σ(z) instead of x·σ′(z)
    vals = {"w": 0.5, "x": 2.0, "b": 0.3}

    def g(v):
        return sig(v["w"] * v["x"] + v["b"])

    grad_w = central(g, vals, "w")
    assert abs(grad_w - 2.0 * sig(1.3) * (1 - sig(1.3))) < 1e-6
    m = diagnose_gradient("sigmoid(w*x + b)", vals, "w", 2.0 * sig(1.3), "zh")
    assert m is not None and m.key == "sigmoid_value" and "σ" in m.text("zh")
    m = diagnose_gradient("sigmoid(w*x + b)", vals, "w", sig(1.3) * (1 - sig(1.3)), "en")
    assert m is not None and m.key == "local_forgotten"  # σ′ is the upstream here: x forgotten


def test_diagnose_gradient_names_an_unknown_name():
    with pytest.raises(ExprError) as err:
        diagnose_gradient("x*y", {"x": 1.0, "y": 2.0}, "q", 3.0, "en")
    assert str(err.value) == "the expression has no name q"
