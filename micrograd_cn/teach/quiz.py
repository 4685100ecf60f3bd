"""Predict, then reveal: questions about the chain-rule steps of a Snapshot, and how answers are judged.

Every backward step of a ``snapshot.Snapshot`` becomes one ``Question``: what flows
along the edge (``ask="contribution"``: upstream × local, the default), the edge's
local derivative (``"local"``), or the gradient the input holds after the step
(``"grad"``). A question carries its prompt, a hint (the upstream value and the
local derivative's formula), the expected number and its working (the step's
chain-rule line from ``trace.equation``), so the terminal loop (``interactive``)
and the browser page (``stepper``) ask and explain the same way.

An answer is a number or arithmetic of numbers, read by ``expr.answer`` (the
expression whitelist without names: ``0.25*2``, ``1/8``, ``−0.5``). It is right
when it is within REL_TOL of the expected value, relatively: a student who copies
six digits or rounds to four significant digits is right; a sign, a factor or a
power of ten off is wrong, however small the value (−0.0000454 is not 0 nor
0.0000454). ABS_TOL is only a floor for an expected 0, far below any number shown.
The page's quiz judges with these same two constants.

Imports: doc, expr (answers only), i18n, snapshot, naming, table and trace (its printers);
never a live Value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from micrograd_cn.i18n import check_lang, lang_record, t
from micrograd_cn.notation import num, paren
from micrograd_cn.ops import OPS
from micrograd_cn.teach import doc
from micrograd_cn.teach.doc import Para
from micrograd_cn.teach.expr import answer
from micrograd_cn.teach.mistakes import Case, Mistake, candidates, diagnose, reveals, step_case
from micrograd_cn.teach.naming import local_derivative
from micrograd_cn.teach.snapshot import Snapshot, Step
from micrograd_cn.teach.trace import equation, forward_blocks, leaves_blocks, sum_line, sums_blocks

ASKS = ("contribution", "local", "grad")
# what each kind of question asks, and how the quiz names it (catalog keys)
ASK_KEYS = {"contribution": "quiz_ask_contribution", "local": "quiz_ask_local", "grad": "quiz_ask_grad"}
WHAT_KEYS = {"contribution": "quiz_what_contribution", "local": "quiz_what_local",
             "grad": "quiz_what_grad"}
REL_TOL = 1e-3  # 0.1 % of the expected value (four significant digits) …
ABS_TOL = 1e-12  # … with a floor far below any number shown, for an expected 0 (float noise)


@dataclass(frozen=True)
class Question:
    """One backward step, asked."""

    k: int  # the step's number, 1 … n
    n: int  # steps in the snapshot
    ask: str  # one of ASKS
    output: int  # node indices of the edge (the step page marks it when answered right)
    input: int
    expected: float
    prompt: str  # what flows where, and what is asked
    hint: str  # the rule with names only (never a number that gives the answer away)
    working: str  # the right value with its working (one or more lines)
    case: Case  # the step's numbers, for the mistake catalogue (teach.mistakes)
    diagnoses: tuple[Diagnosis, ...] = ()  # each known wrong answer and what it means, in order


@dataclass(frozen=True)
class Diagnosis:
    """A wrong answer the catalogue recognises: its number, its mistake, and the hint naming it."""

    value: float
    key: str
    text: str  # the hint that names it (never the expected number)
    label: str  # the mistake in a few words, for the summary


def is_right(value: float, expected: float) -> bool:
    """``value`` matches ``expected`` to the tolerance of hand computation (module docstring)."""
    return abs(value - expected) <= max(ABS_TOL, REL_TOL * abs(expected))


def judge(text: str, expected: float) -> tuple[float, bool]:
    """Read an answer (ExprError or the engine's error if it cannot be read) and judge it."""
    value = answer(text)
    return value, is_right(value, expected)


def _local_line(ls: Snapshot, step: Step, lang: str) -> str:
    """``∂σ(z)/∂z = σ′(z) = a(1 − a) = 0.25``: the local derivative with its formula.

    A rule with cases (ReLU) says which case holds instead: ``y = 2 > 0, so ReLU′(y) = 1``.
    """
    out, inp = ls.nodes[step.output], ls.nodes[step.input]
    sides = [local_derivative(out.forward or out.name, inp.name)]
    spec = OPS.get(out.op)
    cased = spec is not None and spec.rule_at is not None
    rule = step.rule.split(" = ")[1:] if step.rule and not cased else []  # its left side is σ′(z) again
    for side in (step.formula, *rule, num(step.local)):
        if side and side not in sides:  # exp′(v4) = exp(v4) = e: each term once
            sides.append(side)
    line = " = ".join(sides)
    if spec is not None and spec.rule_at is not None:
        line += "\n" + t(spec.rule_at(inp.value), lang, x=inp.name, value=num(inp.value))
    return line


def _working(ls: Snapshot, step: Step, ask: str, lang: str) -> str:
    lines = [equation(ls, step)]
    if ask == "local":
        lines.insert(0, _local_line(ls, step, lang))
    elif ask == "grad" and step.share == step.shares > 1:  # complete: the whole sum
        lines.append(sum_line(ls, step.input))
    elif ask == "grad" and step.share > 1:
        lines.append(f"{ls.d(step.input)} = {num(step.grad_before)} + {paren(step.contribution)}"
                     f" = {num(step.grad_after)}")
    return "\n".join(lines)


def _question(ls: Snapshot, step: Step, ask: str, lang: str) -> Question:
    out, inp = ls.nodes[step.output], ls.nodes[step.input]
    head = t("trace_step", lang, k=step.k, n=len(ls.steps)) + "  " + t(
        "trace_flow", lang, out=out.name, forward=out.forward, inp=inp.name)
    asked = t(ASK_KEYS[ask], lang, inp=inp.name, d=(
        local_derivative(out.forward or out.name, inp.name) if ask == "local" else ls.d(step.input)),
        out=out.name, forward=out.forward)
    lines = [head, asked]
    if step.shares > 1:
        lines.append(t("quiz_share", lang, inp=inp.name, i=step.share, n=step.shares))
    case = step_case(ls, step, ask)
    return Question(step.k, len(ls.steps), ask, step.output, step.input, case.expected,
                    "\n".join(lines), rule_hint(case, lang), _working(ls, step, ask, lang), case,
                    _diagnoses(case, lang))


def rule_hint(case: Case, lang: str) -> str:
    """The first hint when no known mistake explains an answer: the rule, with names only.

    Falls back to the chain rule in words when a name or formula would spell the answer
    (a constant 2 as the local derivative of ``2·x``).
    """
    key = {"contribution": "quiz_rule_contribution", "local": "quiz_rule_local",
           "grad": "quiz_rule_grad"}[case.ask]
    text = t(key, lang, **case.names)
    return t("quiz_rule_plain", lang) if reveals(text, case.expected) else text


def _diagnoses(case: Case, lang: str) -> tuple[Diagnosis, ...]:
    """Every wrong answer the catalogue explains for this question, first match first."""
    found: list[Diagnosis] = []
    for key, wrong in candidates(case):
        if is_right(wrong, case.expected) or any(d.value == wrong for d in found):
            continue
        mistake = diagnose(case, wrong, lang)
        if mistake is not None and mistake.key == key:
            found.append(Diagnosis(wrong, key, mistake.text(lang), mistake.label(lang)))
    return tuple(found)


def first_hint(question: Question, value: float, lang: str | None = None) -> tuple[Mistake | None, str]:
    """The hint after a first wrong answer: the mistake it shows, else the rule (no numbers)."""
    lang = check_lang(lang)
    mistake = diagnose(question, value, lang)
    return mistake, (mistake.text(lang) if mistake is not None else question.hint)


def check_ask(ask: str, lang: str | None = None) -> str:
    if ask not in ASKS:
        raise ValueError(t("quiz_bad_ask", lang, ask=repr(ask), choices=", ".join(ASKS)))
    return ask


def questions(ls: Snapshot, ask: str = "contribution", lang: str | None = None) -> list[Question]:
    """One question per backward step of ``ls``, in the order the steps run."""
    lang = check_lang(lang)
    check_ask(ask, lang)
    return [_question(ls, step, ask, lang) for step in ls.steps]


def intro(ls: Snapshot, ask: str = "contribution", lang: str | None = None) -> str:
    """What the student sees first: the forward pass, the seed, and how to answer."""
    lang = check_lang(lang)
    blocks = forward_blocks(ls, lang) + [
        Para(""), Para(t("trace_seed", lang, root=ls.root_name, d=ls.d(ls.root))), Para(""),
        Para(t("quiz_intro", lang, what=t(WHAT_KEYS[check_ask(ask, lang)], lang)))]
    return doc.render(blocks)


def summary(ls: Snapshot, lang: str | None = None) -> str:
    """What closes a finished quiz: every gradient that several steps added up, as its sum."""
    lang = check_lang(lang)
    sums = sums_blocks(ls, lang)
    return doc.render(sums + [Para("")] + leaves_blocks(ls, lang) if sums else leaves_blocks(ls, lang))


def review(missed: Sequence[int], hinted: Sequence[int], mistakes: Sequence[tuple[int, Mistake]],
           lang: str | None = None) -> str:
    """What a finished quiz says before the score: the steps missed, those right after a hint,
    and each mistake the first wrong answers showed."""
    lang = check_lang(lang)
    lines = []
    if missed:
        lines.append(t("quiz_missed", lang, steps=", ".join(map(str, missed))))
    if hinted:
        lines.append(t("quiz_hinted", lang, steps=", ".join(map(str, hinted))))
    if not (missed or hinted):
        lines.append(t("quiz_all_first", lang))
    if mistakes:
        lines.append(t("quiz_mistakes", lang))
        lines += ["  " + t("quiz_mistake_line", lang, k=k, label=m.label(lang)) for k, m in mistakes]
    return "\n".join(lines)


def score_line(right: int, asked: int, total: int, lang: str | None = None) -> str:
    """``得分：k / N``; a quiz that stopped early says after how many of its steps."""
    lang = check_lang(lang)
    line = t("quiz_score", lang, right=right, total=asked)
    if asked < total:
        line += lang_record(lang).gap + t("quiz_stopped", lang, asked=asked, total=total)
    return line
