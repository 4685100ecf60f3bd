"""The two readers of a typed answer (terminal: teach.expr.answer; page: assets/number.js)
read the same inputs the same way, and the page's quiz hides only what is unanswered (issue 22).

The browser tests run Debian's /usr/bin/chromium through playwright (conftest's fixture).
"""

from __future__ import annotations

import math

import pytest

from micrograd_cn.cli import main
from micrograd_cn.teach import expr
from micrograd_cn.teach.quiz import questions
from micrograd_cn.teach.snapshot import snapshot

EXPR = "sigmoid(w*x + b)"
BINDINGS = ["w=0.5", "x=2", "b=-1"]

# one table for both readers: what a student may type, the odd and the hostile
SHARED = [
    # plain numbers and arithmetic, the printed signs, full-width forms
    "0.25*2", "1/8", "-0.5", "−0.5", "–0.5", "(1/4)×2", "2÷8", "0.25·2", "1e-3", "-(0.5-1)", "--1",
    "+-+1", "3.", ".5", "1.e5", ".5e1", " 1 + 2 * 3 ", "1\t+2", "１.５", "－0.25", "（0.25）×2",
    "\ufeff0.5", "１e-2",
    # superscripts: powers, or refused
    "0.5²", "2⁻¹", "10³", "(1/2)²", "-0.5²", "３²", "2⁻²", "2⁻", "²", "x²", "0.5²³⁻",
    # powers written out: a signed number as exponent, at most 100
    "2**-1", "2**(-1)", "2**+1", "2**(--1)", "2**(1+1)", "2**101", "2**100", "2**0.5",
    "0**-1", "(-2)**0.5", "(-8)**2", "-2**2",
    # the functions of the expression language, and what is not one
    "exp(1)", "exp (1)", "log(2)", "log(0)", "sigmoid(0)", "tanh(0.5)", "relu(-1)", "relu(2)",
    "abs(1)", "EXP(1)", "exp(1, 2)", "exp()",
    # Python's literals and what is not a number
    "0x10", "0o7", "0b101", "1_000", "1_0.5", "0_1", "1__0", "01", "00", "0.0e0", "1e", "0x",
    "1j", "True", "inf", "nan", "٣", "1 2", "2(3)", "(1)(2)", "1//2", "1%2", "(1", "1)", "", " ",
    "abc", "1/0", "1e400", "1e308*10", "1/(1e308*10)", "exp(1000)*0",
    # sizes at and past the limits
    "(" * 100 + "1" + ")" * 100, "(" * 101 + "1" + ")" * 101, "+".join(["1"] * 150),
    "+".join(["1"] * 151), "-" * 99 + "1", "-" * 100 + "1", "1" * 1001,
]


def terminal(text: str) -> float | None:
    try:
        return expr.answer(text)
    except (ValueError, ArithmeticError):
        return None


@pytest.fixture(scope="module")
def quiz_page(browser, tmp_path_factory):
    out = tmp_path_factory.mktemp("quiz") / "quiz.html"
    assert main(["html", "--quiz", EXPR, *BINDINGS, "-o", str(out)]) == 0
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(out.as_uri())
    yield page
    assert errors == []
    page.close()


def test_the_page_reads_with_the_terminals_tables(quiz_page):
    assert quiz_page.evaluate("readNumber.superscripts") == expr.SUPERSCRIPTS
    assert quiz_page.evaluate("readNumber.signs") == expr.ANSWER_SIGNS
    assert quiz_page.evaluate("readNumber.limits") == {
        "length": expr.MAX_LENGTH, "depth": expr.MAX_DEPTH, "nodes": expr.MAX_NODES,
        "exponent": expr.MAX_EXPONENT}
    assert tuple(quiz_page.evaluate("readNumber.functions")) == expr.ANSWER_FUNCTIONS
    assert set(expr.ANSWER_FUNCTIONS) <= set(expr.FUNCTIONS)


def test_a_new_function_op_is_no_answer_function(monkeypatch):
    """A function op added to the engine (sinh here) may be called in an expression, but a
    typed answer keeps the fixed list both readers compute: the terminal refuses sinh(1) as
    the browser does, and the page's JavaScript needs no edit for a new op."""
    monkeypatch.setattr(expr, "FUNCTIONS", (*expr.FUNCTIONS, "sinh"))
    with pytest.raises(expr.ExprError, match="sinh|exp"):
        expr.answer("sinh(1)")
    assert expr.answer("exp(0) + relu(-2)") == 1.0


@pytest.mark.parametrize("text", SHARED)
def test_both_readers_agree_on_every_input(quiz_page, text):
    mine = terminal(text)
    theirs = quiz_page.evaluate("t => window.stepQuiz.parse(t)", text)
    if mine is None or theirs is None:
        assert theirs == mine, (text, mine, theirs)
    else:
        assert math.isclose(theirs, mine, rel_tol=1e-13, abs_tol=1e-300), (text, mine, theirs)


def test_superscripts_full_width_minus_and_a_bom_are_read_by_both(quiz_page):
    for text, value in (("0.5²", 0.25), ("2⁻¹", 0.5), ("－0.25", -0.25), ("\ufeff0.5", 0.5)):
        assert terminal(text) == value
        assert quiz_page.evaluate("t => window.stepQuiz.parse(t)", text) == value


# ------------------------------------------------------------------ moving freely, hiding the unanswered
def test_walking_ahead_and_back_reveals_nothing_unanswered(browser, tmp_path):
    out = tmp_path / "quiz.html"
    assert main(["html", "--quiz", EXPR, *BINDINGS, "-o", str(out)]) == 0
    ls = snapshot(expr.build(EXPR, {"w": 0.5, "x": 2.0, "b": -1.0})[0])
    asked = questions(ls)
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(out.as_uri())

    def grads() -> list[str]:  # every box's gradient line as the page shows it now
        return page.evaluate("""() => Array.from(document.querySelectorAll("g.node[id^=v]"))
            .map(g => Array.from(g.getElementsByTagName("text")).map(t => t.textContent)
            .filter(s => s.startsWith("梯度 ")).pop())""")

    def picture() -> str:
        return page.evaluate("() => document.querySelector('#graph svg').textContent")

    page.locator("body").press("End")  # straight to the last step, nothing answered
    assert page.inner_text("#step") == f"{len(asked)} / {len(asked)}"
    assert sorted(set(grads()) - {"梯度 1"}) == ["梯度 ?"]  # only the root's seed is known
    assert "= ?" in page.inner_text("#formula")  # the last step asks
    for q in asked:  # no step's number is anywhere in the picture (the edges' labels too)
        for shown in {q.working.rsplit("= ", 1)[-1]}:
            assert f"= {shown}" not in picture()
    page.keyboard.press("Escape")
    page.locator("body").press("Home")
    page.locator("body").press("ArrowRight")  # step 1: answer it
    page.fill("#answer", repr(asked[0].expected))
    page.click("#check")
    assert page.inner_text("#score") == f"1 / {len(asked)}"
    page.keyboard.press("Escape")
    page.locator("body").press("End")  # ahead again: step 1's result shows, the rest do not
    shown = [g for g in grads() if g not in ("梯度 ?", "梯度 1")]
    assert shown == ["梯度 0.25"], grads()
    assert page.inner_text("#score") == f"1 / {len(asked)}"  # walking scores nothing
    for _ in range(len(asked)):  # back to the start, step by step: still nothing given away
        page.locator("body").press("ArrowLeft")
    page.locator("body").press("End")
    assert [g for g in grads() if g not in ("梯度 ?", "梯度 1")] == ["梯度 0.25"]
    # the edges' local derivatives (written by L): the number only on the answered step's edge
    labels = page.evaluate("""() => {
        const data = JSON.parse(document.getElementById("steps-data").textContent);
        return data.steps.map(s => [document.getElementById("e" + s.inp + "_" + s.out) !== null,
            Array.from(document.querySelectorAll("text.local")).map(t => t.textContent),
            data.locals["e" + s.inp + "_" + s.out], data.quiz.heldLocals["e" + s.inp + "_" + s.out]]);
    }""")
    for i, (_, texts, full, held) in enumerate(labels):
        assert (full in texts) == (i == 0) and (held in texts) == (i > 0), (i, full, held)
        assert full != held
    assert errors == []
    page.close()
