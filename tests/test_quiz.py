"""Questions from a Snapshot: the expected numbers are the engine's, prompts never give them away,
and the tolerance is what the docstring promises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from micrograd_cn.engine import Value
from micrograd_cn.notation import num
from micrograd_cn.teach.expr import ExprError, build
from micrograd_cn.teach.quiz import ABS_TOL, REL_TOL, intro, is_right, judge, questions, score_line
from micrograd_cn.teach.snapshot import snapshot


def neuron():
    return build("sigmoid(w*x + b)", {"w": 0.5, "x": 2.0, "b": -1.0})[0]


def test_expected_numbers_hand_computed():
    ls = snapshot(neuron())
    # f = σ(v2), v2 = v1 + b, v1 = w·x at w = 0.5, x = 2, b = −1: σ′(0) = 0.25
    assert [q.expected for q in questions(ls, "local")] == [0.25, 1.0, 1.0, 2.0, 0.5]
    assert [q.expected for q in questions(ls)] == [0.25, 0.25, 0.25, 0.5, 0.125]
    assert [q.expected for q in questions(ls, "grad")] == [0.25, 0.25, 0.25, 0.5, 0.125]
    assert [(q.k, q.n, q.output, q.input) for q in questions(ls)] == [
        (1, 5, 5, 4), (2, 5, 4, 2), (3, 5, 4, 3), (4, 5, 2, 0), (5, 5, 2, 1)]


small = st.floats(-2.0, 2.0, allow_nan=False)


@given(a=small, b=small, c=small)
def test_last_grad_question_of_each_leaf_is_what_backward_gives(a, b, c):
    """For ask="grad", the last question about a leaf expects its .grad after backward()."""
    x, y, z = Value(a, label="x"), Value(b, label="y"), Value(c, label="z")
    root = (x * y + z).tanh() * x + (y * y + 1.0).log()
    ls = snapshot(root)
    last = {}  # a later question about the same node overwrites an earlier one
    for q in questions(ls, "grad"):
        last[ls.nodes[q.input].name] = q.expected
    root.backward()
    assert (last["x"], last["y"], last["z"]) == (x.grad, y.grad, z.grad)
    assert all(q.expected == q2.upstream * q2.local
               for q, q2 in zip(questions(ls), ls.steps))


def test_prompt_never_gives_the_answer_away_but_the_working_does():
    ls = snapshot(neuron())
    for ask in ("contribution", "local", "grad"):
        for q in questions(ls, ask, "en"):
            if q.expected != 1.0:
                assert num(q.expected) not in q.prompt, (ask, q.prompt)
            # the line that answers comes first for "local" (the chain rule follows), else last
            answered = q.working.splitlines()[0 if ask == "local" else -1]
            assert answered.endswith(" = " + num(q.expected))
            assert "?" in q.prompt.splitlines()[1]


def test_hint_names_the_rule_with_names_and_no_numbers():
    q = questions(snapshot(neuron()), "contribution", "en")[3]
    assert q.prompt == ("step 4/5  v1 = w·x: the gradient flows from v1 into w.\n"
                        "what flows into w along this edge = upstream × local derivative = ?")
    assert q.hint == ("Hint: this edge's contribution is the upstream gradient ∂f/∂v1 times the "
                      "local derivative ∂(w·x)/∂w, where ∂(w·x)/∂w = x.")
    assert q.working == "∂f/∂w = ∂f/∂v1 · x = 0.25 × 2 = 0.5"


def test_tolerance():
    assert REL_TOL == 1e-3 and ABS_TOL == 1e-12
    assert is_right(0.105, 0.104994) and is_right(0.04521, 0.0452) and is_right(-0.5, -0.5)
    assert not is_right(0.0454, 0.0452)  # 0.0005 off is 1 % of a small value: not close
    assert not is_right(0.5, -0.5) and not is_right(0.25, 0.125) and not is_right(0.12, 0.125)
    assert is_right(12.34, 12.345) and not is_right(12.3, 12.345)  # 0.1 % of 12.345 is 0.0123
    assert is_right(1000.9, 1000.0) and not is_right(1001.1, 1000.0)


@pytest.mark.parametrize("text, value", [
    ("0.25*2", 0.5), ("1/8", 0.125), ("-0.5", -0.5), ("−0.5", -0.5), ("（1/4）×2", 0.5),
    ("2**-1", 0.5), (" 0.25 · 2 ", 0.5), ("3÷4", 0.75), ("１.５", 1.5),
])
def test_judge_reads_arithmetic(text, value):
    assert judge(text, value) == (value, True)


def test_judge_refuses_what_is_not_a_number():
    with pytest.raises(ExprError, match="名字"):
        judge("x", 1.0)
    with pytest.raises(ExprError):
        judge("__import__('os')", 1.0)
    with pytest.raises(ZeroDivisionError):
        judge("1/0", 1.0)


def test_intro_and_score_in_both_languages():
    ls = snapshot(neuron())
    assert "0.1%" in intro(ls, "local", "zh") and "这条边的局部导数" in intro(ls, "local", "zh")
    assert "the edge's local derivative" in intro(ls, "local", "en")
    assert score_line(3, 5, 5, "zh") == "得分：3 / 5"
    assert score_line(1, 2, 5, "en") == "score: 1 / 2 (stopped after 2 of 5 steps)"
    with pytest.raises(ValueError, match="contribution, local, grad"):
        questions(ls, "all")


def test_questions_are_a_pure_observation():
    root = neuron()
    first = questions(snapshot(root))
    root.backward()
    assert questions(snapshot(root)) == first


# ------------------------------------------------------------------ judging keeps sign and scale (issue 22)
def test_small_answers_keep_their_sign_and_scale():
    expected = -0.0000454
    assert is_right(-0.0000454, expected) and is_right(-0.00004541, expected)
    for wrong in (0.0000454, 0.0, -0.0000454 * 9, -0.000045, 0.0004):
        assert not is_right(wrong, expected), wrong
    assert is_right(0.0, 0.0) and is_right(1e-15, 0.0)  # float noise around an exact 0
    assert ABS_TOL < 1e-9  # the floor is far below any number a page shows


def test_the_quiz_from_the_issue_is_judged_wrong(capsys, monkeypatch):
    import io

    from micrograd_cn.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("-0.0000454\n0\n0.0000454\n"))
    assert main(["step", "--quiz", "sigmoid(w*x)", "w=5", "x=2"]) == 0  # step 1: 4.53958e−5
    first = capsys.readouterr().out.split("第 1/3 步")[1].split("第 2/3 步")[0]
    assert first.count("✗") == 2 and "✓" not in first  # the wrong sign, then 0: both wrong


@pytest.mark.parametrize("text, value", [
    ("0.5²", 0.25), ("2⁻¹", 0.5), ("10³", 1000.0), ("(1/2)²", 0.25), ("-0.5²", -0.25),
    ("３²", 9.0), ("－0.25", -0.25), ("\ufeff0.5", 0.5), ("2⁻²", 0.25),
])
def test_superscripts_are_powers_and_a_bom_is_nothing(text, value):
    assert judge(text, value) == (value, True)


@pytest.mark.parametrize("text", ["2⁻", "²", "0.5²³⁻", "x²"])
def test_a_superscript_that_is_no_power_is_refused(text):
    with pytest.raises(ExprError):
        judge(text, 1.0)
