"""The mistake catalogue: what a wrong answer to a chain-rule question probably means.

A quiz question (``teach.quiz``), an exercise (``exercise check``) or a classroom answer
asks for one number: an edge's contribution (upstream × local), its local derivative,
or a gradient. A wrong answer is seldom random. Forgetting the upstream factor gives
the local derivative alone; using σ(z) where σ′(z) belongs gives upstream × σ(z); and
so on. ``diagnose`` recomputes the number each known misconception would give from the
question's own numbers (a ``Case``) and, when the student's answer matches one within
the quiz's tolerance (``quiz.is_right``), names that misconception as a ``Mistake``.

Which op invites which slip is op knowledge: it comes from ``engine.OPS`` (``Op.slips``,
copied per edge into the snapshot as ``Node.slips``); this module only knows what each
slip does to the numbers and how to say it. Texts are written with names, never with
the expected number: ``Mistake.text`` falls back to the mistake's short label when a
name or formula would spell the answer (``reveals``).

``diagnose_gradient(expr, values, wrt, value)`` serves callers that only have an
expression and a claimed gradient: it rebuilds the graph with the engine and tries each
slip on each edge, one at a time.

Imports: engine (through expr and snapshot), i18n, notation, snapshot, naming, expr;
``quiz.is_right`` at call time (so a change of the quiz's tolerance applies here too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Mapping

from micrograd_cn.i18n import check_lang, t
from micrograd_cn.teach.naming import local_derivative
from micrograd_cn.teach.snapshot import Snapshot, Step

# Every mistake the catalogue knows, in the order they are tried (the most specific
# first: when two explain the same number, the one that says more wins).
KEYS = ("sigmoid_value", "tanh_value", "log_value", "power_value", "other_factor",
        "running_total", "other_path", "not_accumulated", "one_path", "upstream_included",
        "upstream_forgotten", "local_forgotten", "sign", "factor_two")

# key -> (full hint, short label); literal catalog keys (i18n/feedback.py)
_TEXTS = {
    "sigmoid_value": ("mistake_sigmoid_value", "mistake_sigmoid_value_short"),
    "tanh_value": ("mistake_tanh_value", "mistake_tanh_value_short"),
    "log_value": ("mistake_log_value", "mistake_log_value_short"),
    "power_value": ("mistake_power_value", "mistake_power_value_short"),
    "other_factor": ("mistake_other_factor", "mistake_other_factor_short"),
    "running_total": ("mistake_running_total", "mistake_running_total_short"),
    "other_path": ("mistake_other_path", "mistake_other_path_short"),
    "not_accumulated": ("mistake_not_accumulated", "mistake_not_accumulated_short"),
    "one_path": ("mistake_one_path", "mistake_one_path_short"),
    "upstream_included": ("mistake_upstream_included", "mistake_upstream_included_short"),
    "upstream_forgotten": ("mistake_upstream_forgotten", "mistake_upstream_forgotten_short"),
    "local_forgotten": ("mistake_local_forgotten", "mistake_local_forgotten_short"),
    "sign": ("mistake_sign", "mistake_sign_short"),
    "factor_two": ("mistake_factor_two", "mistake_factor_two_short"),
}
# the slips an op can invite (Op.slips) whose wrong local derivative is the op's own value
_VALUE_SLIPS = ("sigmoid_value", "tanh_value", "log_value", "power_value")


@dataclass(frozen=True)
class Case:
    """The numbers (and names) of one question, enough to replay each misconception.

    ``ask`` is what the question wants: ``"contribution"`` (upstream × local),
    ``"local"`` (the local derivative) or ``"grad"`` (the input's gradient after the step).
    The names fill the texts: ``up`` ∂f/∂(output), ``local_d`` the local derivative's own
    symbol ∂(a·b)/∂a, ``formula`` its value as a formula (b), ``rule`` why (σ′(z) = a(1 − a)),
    ``inp``/``value``/``d_in`` the input's name, the output's formula σ(z), and ∂f/∂(input).
    """

    ask: str
    expected: float
    upstream: float
    local: float
    slip: str = ""  # the op's slip for this edge (Op.slips via Node.slips), "" if none
    own: float | None = None  # the input's own value (a product's factor)
    output: float | None = None  # the op's output value (σ(z), tanh z, log x, xⁿ)
    before: float = 0.0  # the input's gradient before this step
    others: tuple[float, ...] = ()  # the contributions of the input's other paths
    total: float | None = None  # the input's final gradient (all paths)
    names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Mistake:
    """A named misconception: ``key`` is a stable id (one of ``KEYS``)."""

    key: str
    names: tuple[tuple[str, str], ...] = ()  # the fields its text is written with
    expected: float | None = None  # never spelled out by ``text``

    def text(self, lang: str | None = None) -> str:
        """The hint that names the mistake, with the question's names; never the answer."""
        lang = check_lang(lang)
        full, short = _TEXTS[self.key]
        fields = _FIELDS | dict(self.names)
        text = t(full, lang, **fields)
        if self.expected is not None and reveals(text, self.expected):
            return t(short, lang)
        return text

    def label(self, lang: str | None = None) -> str:
        """The mistake in a few words, for a summary, a table column or a classroom report."""
        return t(_TEXTS[self.key][1], check_lang(lang))


# the fields every full text may use, for a Case built without names
_FIELDS = {"up": "∂f/∂v", "local_d": "∂v/∂x", "formula": "…", "rule": "…", "inp": "x",
           "value": "…", "d_in": "∂f/∂x", "n": "2"}

_NUMBER = re.compile(r"(?<![\w.′])[−-]?(?:\d+\.?\d*|\.\d+)(?:[eE][−+-]?\d+)?")


def numbers_in(text: str) -> list[float]:
    """Every number written in ``text`` (not the digits of a name like v2 or w₁)."""
    found = []
    for m in _NUMBER.finditer(text):
        try:
            found.append(float(m.group(0).replace("−", "-")))
        except ValueError:
            continue
    return found


# a fraction of two written numbers, "1/4": a formula with constants (∂(a/4)/∂a = 1/4) spells 0.25
_FRACTION = re.compile(r"(?<![\w.′])((?:\d+\.?\d*|\.\d+))\s*/\s*((?:\d+\.?\d*|\.\d+))(?![\w.′])")


def reveals(text: str, expected: float) -> bool:
    """Whether ``text`` spells ``expected`` (to the quiz's tolerance), even without its sign,
    as a number or as a fraction of two numbers (``1/4`` for 0.25)."""
    from micrograd_cn.teach.quiz import is_right

    shown = numbers_in(text)
    shown += [float(p) / float(q) for p, q in _FRACTION.findall(text) if float(q) != 0.0]
    return any(is_right(abs(x), abs(expected)) for x in shown)


def _as_asked(case: Case, local: float) -> float:
    """What the question's answer would be if the edge's local derivative were ``local``."""
    if case.ask == "local":
        return local
    contribution = case.upstream * local
    return case.before + contribution if case.ask == "grad" else contribution


def candidates(case: Case) -> Iterator[tuple[str, float]]:
    """Each misconception with the number it gives, most specific first (see KEYS)."""
    e = case.expected
    if case.slip in _VALUE_SLIPS and case.output is not None:
        yield case.slip, _as_asked(case, case.output)
    if case.slip == "other_factor" and case.own is not None:
        yield "other_factor", _as_asked(case, case.own)
    if case.ask == "contribution":
        if case.others:
            yield "running_total", case.before + e
            if case.total is not None:
                yield "running_total", case.total
            for other in case.others:
                yield "other_path", other
    if case.ask == "grad" and case.before:
        yield "not_accumulated", e - case.before
    if case.ask == "local":
        yield "upstream_included", case.upstream * case.local
    else:
        contribution = case.upstream * case.local
        yield "upstream_forgotten", e - contribution + case.local
        yield "local_forgotten", e - contribution + case.upstream
    yield "sign", -e
    yield "factor_two", 2 * e
    yield "factor_two", e / 2


def diagnose(question: object, value: float, lang: str | None = None) -> Mistake | None:
    """The likely misconception behind the wrong answer ``value``, or None.

    ``question`` is a ``Case`` or anything with a ``case`` attribute (``quiz.Question``).
    A right answer, or one no known mistake explains, gives None. ``lang`` is checked
    here so a caller learns of a bad language at once; the texts take it in ``text``.
    """
    from micrograd_cn.teach.quiz import is_right

    check_lang(lang)
    case: Case = question if isinstance(question, Case) else question.case  # type: ignore[attr-defined]
    e = case.expected
    if is_right(value, e):
        return None
    for key, wrong in candidates(case):
        if is_right(wrong, e):  # this slip gives the right number here: it explains nothing
            continue
        if is_right(value, wrong):
            return Mistake(key, tuple(sorted(case.names.items())), e)
    return None


def step_case(ls: Snapshot, step: Step, ask: str) -> Case:
    """The ``Case`` of one step of a snapshot, asked as ``ask`` (quiz.ASKS)."""
    out, inp = ls.nodes[step.output], ls.nodes[step.input]
    edge = out.positions.index(step.position)
    slip = out.slips[edge] if edge < len(out.slips) else ""
    others = tuple(s.contribution for s in ls.steps if s.input == step.input and s is not step)
    expected = {"local": step.local, "contribution": step.contribution,
                "grad": step.grad_after}[ask]
    names = {"up": "1" if step.output == ls.root else ls.d(step.output),
             "local_d": local_symbol(ls, step), "formula": step.formula,
             "rule": step.rule or step.formula, "inp": inp.name,
             "value": out.forward or out.name, "d_in": ls.d(step.input),
             "n": str(step.shares)}
    return Case(ask, expected, step.upstream, step.local, slip, inp.value, out.value,
                step.grad_before, others, inp.grad, names)


def local_symbol(ls: Snapshot, step: Step) -> str:
    """The local derivative's own symbol: the op's formula by its input, ``∂(v/y)/∂y``.

    Never ``∂f/∂y``, which names the whole gradient of the root: one symbol, one thing.
    """
    out, inp = ls.nodes[step.output], ls.nodes[step.input]
    return local_derivative(out.forward or out.name, inp.name)


def _grads(ls: Snapshot, swap: tuple[int, int, float] | None = None) -> list[float]:
    """Every node's gradient, with one edge's local derivative replaced (``(out, position, local)``)."""
    grads = [0.0] * len(ls.nodes)
    grads[ls.root] = 1.0
    for node in reversed(ls.nodes):
        g = grads[node.index]
        for position, local in zip(node.positions, node.locals):
            if swap is not None and swap[0] == node.index and swap[1] == position:
                local = swap[2]
            grads[node.inputs[position]] += g * local
    return grads


def gradient_candidates(ls: Snapshot, index: int) -> Iterator[tuple[str, float, Step | None]]:
    """Each misconception about the whole gradient of node ``index``, with the number it gives."""
    e = ls.nodes[index].grad
    for step in ls.steps:  # a slip on any edge changes the gradient below it
        out = ls.nodes[step.output]
        edge = out.positions.index(step.position)
        slip = out.slips[edge] if edge < len(out.slips) else ""
        if slip in _VALUE_SLIPS:
            wrong = out.value
        elif slip == "other_factor":
            wrong = ls.nodes[step.input].value
        else:
            continue
        yield slip, _grads(ls, (step.output, step.position, wrong))[index], step
    into = [s for s in ls.steps if s.input == index]
    if len(into) > 1:
        for step in into:
            yield "one_path", step.contribution, step
    for step in into:
        yield "upstream_forgotten", e - step.contribution + step.local, step
        yield "local_forgotten", e - step.contribution + step.upstream, step
    yield "sign", -e, None
    yield "factor_two", 2 * e, None
    yield "factor_two", e / 2, None


def diagnose_gradient(expr: str, values: Mapping[str, float], wrt: str, value: float,
                      lang: str | None = None) -> Mistake | None:
    """The likely misconception behind ``value`` as ∂(expr)/∂(wrt), from the engine's own pass.

    ``expr`` is read by ``expr.build_program`` (one expression or named steps) with
    ``values`` for its names; ``wrt`` names a leaf or a named step. Errors as theirs
    (``ExprError`` for a bad expression, ``KeyError``-free: an unknown ``wrt`` is an
    ``ExprError`` naming it).
    """
    from micrograd_cn.teach.expr import ExprError, build_program
    from micrograd_cn.teach.quiz import is_right
    from micrograd_cn.teach.snapshot import snapshot

    lang = check_lang(lang)
    program = build_program(expr, values)
    ls = snapshot(program.root)
    index = next((node.index for node in ls.nodes if node.name == wrt), None)
    if index is None:
        raise ExprError(t("mistake_unknown_wrt", lang, name=wrt))
    e = ls.nodes[index].grad
    if is_right(value, e):
        return None
    for key, wrong, step in gradient_candidates(ls, index):
        if is_right(wrong, e) or not is_right(value, wrong):
            continue
        names = dict(step_case(ls, step, "grad").names) if step is not None else {}
        names.setdefault("inp", wrt)
        names.setdefault("d_in", ls.d(index))
        names["n"] = str(sum(1 for s in ls.steps if s.input == index))
        return Mistake(key, tuple(sorted(names.items())), e)
    return None
