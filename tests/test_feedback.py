"""Feedback that teaches (issue 26): quiz transcripts whose first hint names each catalogued
mistake without the answer (terminal here, browser in test_feedback_browser.py), one symbol for
one thing, and the sentences that say what a notation means."""

from __future__ import annotations

import re

import pytest
from test_mistakes import SCENARIOS

from micrograd_cn.cli.interactive import Score, run_quiz
from micrograd_cn.i18n import t
from micrograd_cn.notation import num
from micrograd_cn.teach.expr import build_program
from micrograd_cn.teach.mistakes import reveals
from micrograd_cn.teach.quiz import is_right, questions
from micrograd_cn.teach.snapshot import snapshot


def replay(answers):
    it = iter(answers)

    def read(prompt):
        try:
            return next(it)
        except StopIteration:
            raise EOFError from None
    return read


def transcript(expr, values, ask, k, wrong, lang):
    """A whole quiz: every step right at once, except step k: ``wrong``, then right."""
    ls = snapshot(build_program(expr, values).root)
    qs = questions(ls, ask, lang)
    answers = []
    for q in qs:
        if q.k == k:
            answers.append(repr(wrong))
        answers.append(repr(q.expected))
    shown: list[str] = []
    score = run_quiz(ls, replay(answers), shown.append, lang, ask)
    return qs[k - 1], shown, score


@pytest.mark.parametrize("key, expr, values, ask, k, expected, wrong, word", SCENARIOS,
                         ids=[s[0] for s in SCENARIOS])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_terminal_transcript_names_the_mistake(key, expr, values, ask, k, expected, wrong, word, lang):
    q, shown, score = transcript(expr, values, ask, k, wrong, lang)
    assert is_right(q.expected, expected)  # the hand computation (test_mistakes) agrees
    assert score == Score(q.n, q.n, q.n)
    wrong_lines = [line for line in shown if line.startswith(t("quiz_wrong", lang))]
    assert len(wrong_lines) == 1
    hint = wrong_lines[0]
    diagnosis = next(d for d in q.diagnoses if d.key == key)
    assert hint == t("quiz_wrong", lang) + ("" if lang == "zh" else " ") + diagnosis.text
    assert not reveals(hint, expected) and num(expected) not in hint.split("。", 1)[-1]
    if lang == "en":
        assert word in hint
    after = shown[shown.index(hint) + 1]  # the prompt line of the retry is not echoed by replay
    assert after.startswith(t("quiz_right_after_hint", lang))
    review = shown[-2]
    assert t("quiz_mistake_line", lang, k=k, label=diagnosis.label) in review
    assert t("quiz_hinted", lang, steps=str(k)) in review


def test_an_unexplained_answer_gets_the_rule_without_numbers():
    q, shown, _ = transcript("(a*b + c)*a", {"a": 2.0, "b": -3.0, "c": 10.0}, "contribution", 5,
                             17.25, "en")
    hint = next(line for line in shown if line.startswith("✗ Not quite."))
    assert hint == ("✗ Not quite. Hint: this edge's contribution is the upstream gradient ∂f/∂v1 "
                    "times the local derivative ∂(a·b)/∂a, where ∂(a·b)/∂a = b.")
    assert not reveals(hint, q.expected)
    assert "mistakes diagnosed" not in shown[-2]


def symbols(text: str) -> dict[str, set[str]]:
    """Each ∂…/∂… that starts an equation line, with the numbers it ends up equal to."""
    found: dict[str, set[str]] = {}
    for line in text.splitlines():
        line = line.strip()
        line = line[line.find("∂"):] if "∂" in line else line  # after a verdict (✓ Right!)
        m = re.match(r"(∂\S+/∂\S+) = (.*)", line)
        if m and "+=" not in line and "= ?" not in line:  # not a sum's partial, not a question
            found.setdefault(m.group(1), set()).add(m.group(2).rsplit(" = ", 1)[-1])
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_local_quiz_gives_one_symbol_one_meaning(lang):
    # (x − y)/y at x = 2, y = 4: the local ∂(v1/y)/∂y = −v1/y² = 0.125, the total ∂f/∂y = −0.125 − 0.25
    values = {"x": 2.0, "y": 4.0}
    ls = snapshot(build_program("(x - y) / y", values).root)
    answers = [repr(q.expected) for q in questions(ls, "local", lang)]
    shown: list[str] = []
    run_quiz(ls, replay(answers), shown.append, lang, "local")
    text = "\n".join(shown)
    seen = symbols(text)
    assert seen["∂(v1/y)/∂y"] == {"0.125"} and seen["∂f/∂y"] == {"−0.125"}
    assert all(len(values) == 1 for values in seen.values()), seen
    # the oracle: f = (x − y)/y = x/y − 1, so ∂f/∂y = −x/y² = −0.125
    assert -values["x"] / values["y"] ** 2 == -0.125


def test_relu_says_which_case_holds_and_log_is_ln():
    from micrograd_cn.teach.trace import render_trace

    root = build_program("relu(x*y) + log(x)", {"x": 2.0, "y": 1.5}).root
    text = render_trace(root, lang="en", style="narrative")
    assert "v1 = 3 > 0, so ReLU′(v1) = 1." in text and "(v1 ≤ 0)" not in text
    assert "log is the natural logarithm ln" in text
    zh = render_trace(build_program("relu(x*y)", {"x": 2.0, "y": -1.5}).root, style="narrative")
    assert "v1 = −3 ≤ 0，所以 ReLU′(v1) = 0" in zh


def test_layer_view_says_what_the_one_of_db_is():
    from micrograd_cn.pages.layer import layer_view, network

    page = layer_view(network([2, 3, 2]), [0.5, -1.0], [1.0, 0.0], lang="en")
    assert "db = dZ·1: 1 is a column of m ones (here m = 1), so db sums each row of dZ" in str(page)


def test_exercise_check_lists_the_probable_mistake(tmp_path, capsys):
    import json

    from micrograd_cn.cli import main

    # f = (a·b + c)·a at a = 2, b = −3, c = 10: ∂f/∂a = (ab + c) + ab = −2, ∂f/∂b = a² = 4, ∂f/∂c = a = 2
    key = {"students": [{"student": "S", "problems": [
        {"problem": 1, "expression": "(a*b + c)*a", "values": {"a": 2.0, "b": -3.0, "c": 10.0},
         "answers": {"a": -2.0, "b": 4.0, "c": 2.0}}]}]}
    (tmp_path / "key.json").write_text(json.dumps(key), encoding="utf-8")
    (tmp_path / "a.csv").write_text("student,problem,name,answer\nS,1,a,4\nS,1,b,-4\nS,1,c,2\n",
                                    encoding="utf-8")
    assert main(["exercise", "check", "--key", str(tmp_path / "key.json"), str(tmp_path / "a.csv"),
                 "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "one path only (not summed)" in out  # 4 is the path through v2 alone
    assert "right size, wrong sign" in out
