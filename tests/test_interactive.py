"""The terminal loops with scripted input: the step pager and the quiz."""

from __future__ import annotations

import io

import pytest

from micrograd_cn.cli import main
from micrograd_cn.cli.interactive import Score, lines_from, run_quiz, run_stepper
from micrograd_cn.engine import Value
from micrograd_cn.teach.expr import build
from micrograd_cn.teach.snapshot import snapshot

EXPR = "sigmoid(w*x + b)"
BINDINGS = ["w=0.5", "x=2", "b=-1"]


def replay(keys):
    """An input function that types ``keys`` and then ends the input."""
    it = iter(keys)

    def read(prompt):
        try:
            return next(it)
        except StopIteration:
            raise EOFError from None
    return read


def neuron_snapshot():
    return snapshot(build(EXPR, {"w": 0.5, "x": 2.0, "b": -1.0})[0])


# ------------------------------------------------------------------ stepper
def test_stepper_keys():
    pages = ["P0", "P1", "P2"]
    shown = []
    assert run_stepper(pages, replay(["n", "", "p", "x", "q"]), shown.append, "en") == 0
    assert shown == ["P0", "Enter or n: next   p: back   q: quit", "P1", "P2",
                     "(last page; Enter or q quits, p goes back)", "P1",
                     "unknown key 'x'  Enter or n: next   p: back   q: quit"]


def test_stepper_back_stops_at_first_page_and_enter_on_last_page_quits():
    shown = []
    assert run_stepper(["A", "B"], replay(["p", "", "", "never read"]), shown.append, "zh") == 0
    assert shown == ["A", "回车或 n：下一步　p：上一步　q：退出", "A", "B",
                     "（已到最后一步；回车或 q 退出，p 返回）"]


def test_stepper_end_of_input_quits():
    shown = []
    assert run_stepper(["A", "B"], replay([]), shown.append, "en") == 0
    assert shown == ["A", "Enter or n: next   p: back   q: quit"]


# ------------------------------------------------------------------ quiz
def test_quiz_wrong_then_right_then_revealed():
    shown: list[str] = []
    # steps: f→v2 0.25, v2→v1 0.25, v2→b 0.25, v1→w 0.5, v1→x 0.125 (hand-computed)
    answers = ["0.5", "0.25",  # wrong, then right at the second try
               "1/4",  # right at once, as arithmetic
               "1", "-0.25",  # wrong twice: revealed
               "0.25*2",  # right
               "0.12",  # wrong (more than 0.0005 off) …
               "0.1249"]  # … then right (within 0.0005)
    score = run_quiz(neuron_snapshot(), replay(answers), shown.append, "zh")
    assert score == Score(right=4, asked=5, total=5)
    text = "\n".join(shown)
    assert shown[-1] == "得分：4 / 5"
    # 0.5 is σ(0) where σ′(0) belongs: the first hint names that mistake, not the answer
    assert ("✗ 不对。你用的是 σ 的函数值 σ(v2)；局部导数要的是它的斜率："
            "σ′(v2) = σ(v2)(1 − σ(v2)) = f(1 − f)。") in shown
    assert "✓ 对（看了提示）。∂f/∂v2 = 1 · σ′(v2) = 1 × 0.25 = 0.25" in shown
    assert "✗ 还是不对。答案：\n    ∂f/∂b = ∂f/∂v2 · 1 = 0.25 × 1 = 0.25" in shown
    assert "✓ 对（看了提示）。∂f/∂x = ∂f/∂v1 · w = 0.25 × 0.5 = 0.125" in shown
    assert "∂f/∂w = 0.5" in text  # the leaves' sums close a finished quiz
    assert shown[-2] == ("没答对的步骤：3\n看了提示才答对的步骤：1, 5\n诊断出的错误：\n"
                         "  第 1 步：用了 σ(z)，应为 σ′(z)\n  第 3 步：忘了乘上游梯度")
    assert shown[0].startswith("前向传播")


def test_quiz_end_of_input_gives_the_score_so_far():
    shown: list[str] = []
    assert run_quiz(neuron_snapshot(), replay(["0.25", "0"]), shown.append, "en") == Score(1, 1, 5)
    assert shown[-1] == "score: 1 / 1 (stopped after 1 of 5 steps)"
    assert not any(line.startswith("Each leaf") for line in shown)


def test_quiz_q_quits_and_an_unreadable_answer_costs_no_try():
    shown: list[str] = []
    score = run_quiz(neuron_snapshot(), replay(["w", "", "0.25", "q"]), shown.append, "en")
    assert score == Score(1, 1, 5)
    assert ("cannot read this answer: an answer holds no names ('w'): write its value"
            in shown)
    assert "cannot read this answer: the answer is empty: write a number or arithmetic, e.g. 0.25*2" in shown
    assert not any(line.startswith("✗") for line in shown)


@pytest.mark.parametrize("ask, answers, expected", [
    ("local", ["0.25", "1", "1", "2", "0.5"], "✓ Right! ∂(w·x)/∂w = x = 2\n    "
     "∂f/∂w = ∂f/∂v1 · x = 0.25 × 2 = 0.5"),
    ("grad", ["0.25", "0.25", "0.25", "0.5", "0.125"], "✓ Right! ∂f/∂w = ∂f/∂v1 · x = 0.25 × 2 = 0.5"),
])
def test_quiz_asks_local_or_grad(ask, answers, expected):
    shown: list[str] = []
    assert run_quiz(neuron_snapshot(), replay(answers), shown.append, "en", ask) == Score(5, 5, 5)
    assert expected in shown


def test_quiz_grad_of_a_shared_leaf_accumulates():
    a = Value(3.0, label="a")
    shown: list[str] = []
    # f = a·a + a: ∂f/∂a receives 1, then 3, then 3 more: 1, 4, 7
    score = run_quiz(snapshot(a * a + a), replay(["1", "1", "1", "4", "7"]), shown.append, "en",
                     "grad")
    assert score == Score(4, 4, 4)  # step 3 right at the second try
    assert ("✗ Not quite. Hint: ∂f/∂a = what it already holds + the upstream gradient ∂f/∂v1 × "
            "the local derivative ∂(a·a)/∂a, where ∂(a·a)/∂a = a.") in shown
    assert "✓ Right (after a hint). ∂f/∂a += ∂f/∂v1 · a = 1 × 3 = 3\n    ∂f/∂a = 1 + 3 = 4" in shown


def test_quiz_of_a_leaf_has_no_steps():
    shown: list[str] = []
    assert run_quiz(snapshot(Value(2.0, label="x")), replay([]), shown.append, "en") == Score(0, 0, 0)
    assert shown[-1] == "score: 0 / 0"


def test_lines_from_echoes_each_answer_after_its_prompt():
    shown: list[str] = []
    read = lines_from(io.StringIO("0.5\r\n1/8\n"), shown.append)
    assert read("› ") == "0.5" and read("› ") == "1/8"
    with pytest.raises(EOFError):
        read("› ")
    assert shown == ["› 0.5", "› 1/8"]


# ------------------------------------------------------------------ the command
def test_cli_quiz_reads_answers_from_stdin_without_a_terminal(capsys, monkeypatch):
    monkeypatch.setattr("micrograd_cn.cli.common.interactive", lambda: False)
    monkeypatch.setattr("sys.stdin", io.StringIO("0.5\n0.25\n0.25\n"))
    assert main(["step", "--quiz", EXPR, *BINDINGS]) == 0
    out = capsys.readouterr().out
    assert "› 0.5\n✗ 不对。你用的是 σ 的函数值" in out and "› 0.25\n✓ 对（看了提示）。" in out
    assert out.endswith("得分：2 / 2（共 5 步，答完 2 步后结束）\n")


def test_cli_quiz_in_a_terminal_uses_input(capsys, monkeypatch):
    monkeypatch.setattr("micrograd_cn.cli.common.interactive", lambda: True)
    # f = a·b: ∂(a·b)/∂a = b = −2, ∂(a·b)/∂b = a = 3; then the input ends (Ctrl-D)
    monkeypatch.setattr("builtins.input", replay(["3", "-2"]))
    assert main(["step", "--quiz", "a*b", "a=3", "b=-2", "--ask", "local", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "✗ Not quite. For a product, the local derivative by one factor is the other factor" in out
    assert "✓ Right (after a hint). ∂(a·b)/∂a = b = −2" in out
    assert out.endswith("score: 1 / 1 (stopped after 1 of 2 steps)\n")


def test_cli_ask_needs_a_known_kind(capsys):
    with pytest.raises(SystemExit):
        main(["step", "--quiz", "--ask", "all", "x*x", "x=1"])
    assert "--ask" in capsys.readouterr().err


# ------------------------------------------------------------------ what a pipe or a terminal hands over (issue 22)
def quiz_answers() -> list[str]:
    from micrograd_cn.teach.quiz import questions

    return [repr(q.expected) for q in questions(neuron_snapshot())]


def test_a_bom_at_the_start_of_piped_answers_shifts_nothing(capsys, monkeypatch):
    answers = quiz_answers()
    monkeypatch.setattr("sys.stdin", io.StringIO("\ufeff" + "\n".join(answers) + "\n"))
    assert main(["step", "--quiz", EXPR, *BINDINGS, "--lang", "en"]) == 0
    assert f"score: {len(answers)} / {len(answers)}" in capsys.readouterr().out


def test_lines_from_reads_bytes_and_says_when_one_cannot_be_read():
    import codecs

    raw = io.BytesIO("\ufeff0.25\n−0.25\n中文\n0.5\n".encode("utf-8"))
    stream = io.TextIOWrapper(raw, encoding="ascii")
    shown: list[str] = []
    read = lines_from(stream, shown.append)
    assert read("› ") == "0.25"  # the mark of a UTF-8 file is not part of the answer
    for _ in range(2):
        with pytest.raises(UnicodeDecodeError):
            read("› ")
    assert read("› ") == "0.5"  # the unreadable lines were read past: nothing shifts
    with pytest.raises(EOFError):
        read("› ")
    assert codecs.lookup(stream.encoding).name == "ascii"


def test_an_ascii_terminal_asks_again_and_names_the_input_encoding():
    import os
    import subprocess
    import sys

    answers = quiz_answers()
    typed = ["−0.25", "中文", *answers]
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    for lang, words in (("zh", "PYTHONIOENCODING=utf-8"), ("en", "input encoding (ascii)")):
        done = subprocess.run([sys.executable, "-m", "micrograd_cn", "step", "--quiz", EXPR,
                               *BINDINGS, "--lang", lang],
                              input="\n".join(typed).encode("utf-8") + b"\n", env=env,
                              capture_output=True, timeout=120)
        out = done.stdout.decode("ascii", "replace")
        assert done.returncode == 0, done.stderr.decode("ascii", "replace")
        assert f"{len(answers)} / {len(answers)}" in out  # every step scored: nothing shifted
        assert out.count(words) == 2, out  # once for each unreadable line (zh: ? for 汉字)
