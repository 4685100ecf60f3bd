"""Exercise sheets: random expressions to backpropagate by hand, with their answer keys.

``sheet(seed, count, level)`` draws ``count`` exercises from ``random.Random(seed)``:
the same seed gives the same sheet on every machine (one generator, choices from
tuples, nothing depends on hash order). Each exercise is text the expression parser
reads (``expr.build_program``) and values for its inputs; its key is the engine's
backward pass over exactly that text, taken as a ``snapshot.Snapshot``.

Levels:
  1  one expression, each input used once (a tree: every gradient is one product);
  2  a named step used at least twice (``u = x*y; f = u*u + exp(u)``): its gradient
     accumulates over two paths;
  3  two named steps, the first used at least twice, inputs may repeat too.

Values are drawn inside each op's domain, with margin for hand computation: log of
a sub-expression worth at least 0.25, a divisor of size at least 0.5, exp of at
most 2.5 in size, σ and tanh away from saturation (|x| ≤ 4), ReLU away from its
kink (|x| ≥ 0.25), every intermediate value at most 50 in size and every input's
gradient between 0.01 and 1000 in size. Nothing that teaches nothing: no op on
numbers alone, no ``u − u`` or ``u/u``.

The sheet is doc blocks (``sheet_blocks``, with or without the key) rendered as
Markdown or one printable HTML page, or JSON for other tools (``sheet_json``).

Imports: doc, expr, i18n, snapshot, table and trace.
"""

from __future__ import annotations

import math
import operator
import random
from dataclasses import dataclass
from typing import Callable

from micrograd_cn.engine import Value
from micrograd_cn.i18n import check_lang, lang_record, t
from micrograd_cn.notation import num
from micrograd_cn.ops import OPS, function_ops
from micrograd_cn.teach.doc import Block, Heading, Math, Para
from micrograd_cn.teach.expr import build_program
from micrograd_cn.teach.snapshot import Snapshot, snapshot
from micrograd_cn.teach.trace import equation_lines, forward_blocks, leaves_blocks
from micrograd_cn.teach.written import math_lines, simplifies_away

LEVELS = (1, 2, 3)
MAX_COUNT = 100  # exercises on one sheet
FORMATS = ("md", "json", "html")

_VALUES = (-2.0, -1.5, -1.0, -0.5, 0.5, 1.0, 1.5, 2.0, 3.0)  # what an input is worth
_CONSTANTS = (1, 2, 3, 0.5)
_INPUTS = (("x", "y", "z"), ("a", "b", "c"), ("w", "x", "b"), ("p", "q", "r"))
_STEPS = ("u", "h")  # step names: none is an input name, "f" (the root) or a v-number
_POWERS = (2, 3, -1, 0.5)
_SIGNS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}
_BIG = 50.0  # largest intermediate value
_STEEP = 1000.0  # largest gradient
_MIN_GRAD = 0.01  # smallest: every input matters (no dead ReLU path or cancelling terms)
_ATOM = 5  # precedence of a name, a number or a call


@dataclass(frozen=True)
class _Node:
    """A sub-expression while it is drawn: its text, its value, how tightly it binds."""

    text: str
    value: float
    prec: int  # 1: + −, 2: × ÷, 4: **, 5: atoms
    names: tuple[str, ...]  # names read, left to right, with repeats


def _wrap(node: _Node, need: int) -> str:
    return f"({node.text})" if node.prec < need else node.text


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _binary(sign: str, a: _Node, b: _Node) -> _Node | None:
    """``a sign b`` (a Python operator), or None outside the domain (a divisor near 0, a value
    too big) or when it teaches nothing: numbers only (``3**2``), ``u − u`` or ``u/u``."""
    if sign == "/" and abs(b.value) < 0.5:
        return None
    if not (a.names or b.names) or (sign in "-/" and a.text == b.text):
        return None
    value = _SIGNS[sign](a.value, b.value)
    if abs(value) > _BIG:
        return None
    prec = 1 if sign in "+-" else 2
    # a right operand of − or ÷ with the same precedence needs parentheses: a − (b − c)
    right = _wrap(b, prec + (sign in "-/"))
    text = f"{_wrap(a, prec)} {sign} {right}" if prec == 1 else f"{_wrap(a, prec)}{sign}{right}"
    return _Node(text, value, prec, a.names + b.names)


def _unary(kind: str | float, a: _Node) -> _Node | None:
    """A function (by name) or a constant power of ``a``, or None outside its domain (see module)."""
    x = a.value
    if not a.names:  # a function of a number is a number: nothing to differentiate
        return None
    spec = OPS.get(kind) if isinstance(kind, str) else None
    if spec is not None and spec.domain is not None:
        if not spec.domain(x):
            return None
        value = getattr(Value(x), spec.name)().data  # the engine computes it, as on the sheet
    elif kind == -1 and abs(x) >= 0.5:
        value = 1 / x
    elif kind == 0.5 and x >= 0.25:
        value = math.sqrt(x)
    elif not isinstance(kind, str) and kind in (2, 3):
        value = x ** kind
    else:
        return None
    if abs(value) > _BIG:
        return None
    if isinstance(kind, str):
        return _Node(f"{kind}({a.text})", value, _ATOM, a.names)
    return _Node(f"{_wrap(a, _ATOM)}**{_number(kind)}", value, 4, a.names)


Pick = Callable[[], _Node]


def _grow(rng: random.Random, depth: int, pick: Pick) -> _Node:
    """A random sub-expression ``depth`` ops deep over the leaves ``pick`` hands out.

    The operands are drawn first and then an op that is valid for their values, so
    no drawn leaf is thrown away; when no op fits, the operand is kept as it is.
    """
    if depth == 0:
        return pick()
    if rng.random() < 0.55:
        a = _grow(rng, depth - 1, pick)
        b = _grow(rng, rng.randrange(depth), pick)
        ops = ["+", "-", "*", "/"]
        rng.shuffle(ops)
        for op in ops:
            node = _binary(op, a, b)
            if node is not None:
                return node
        return a
    a = _grow(rng, depth - 1, pick)
    kinds: list[str | float] = [*(spec.name for spec in function_ops()), *_POWERS]
    rng.shuffle(kinds)
    for kind in kinds:
        node = _unary(kind, a)
        if node is not None:
            return node
    return a


@dataclass(frozen=True)
class Exercise:
    number: int  # 1 … count on the sheet
    expression: str  # what the parser reads: one expression, or steps separated by "; "
    values: dict[str, float]  # each input's value, in order of first use
    answers: dict[str, float]  # ∂f/∂input for each input, from the engine
    snapshot: Snapshot  # the whole forward and backward pass, for the key


def _draw(rng: random.Random, level: int) -> tuple[list[tuple[str, _Node]], dict[str, float]]:
    """One candidate: its steps ``[(name, node)]`` (the last is f) and its inputs' values."""
    inputs = rng.choice(_INPUTS)
    values = {name: rng.choice(_VALUES) for name in inputs}
    unused = list(inputs)
    rng.shuffle(unused)

    def leaf(pool: tuple[str, ...], fresh: bool) -> Pick:
        def pick() -> _Node:
            if fresh:  # level 1: each input at most once, then constants
                if unused and rng.random() < 0.85:
                    name = unused.pop()
                    return _Node(name, values[name], _ATOM, (name,))
                c = rng.choice(_CONSTANTS)
                return _Node(_number(c), float(c), _ATOM, ())
            name = rng.choice(pool)
            if name in steps:
                return _Node(name, steps[name].value, _ATOM, (name,))
            return _Node(name, values[name], _ATOM, (name,))
        return pick

    steps: dict[str, _Node] = {}
    if level == 1:
        return [("f", _grow(rng, rng.choice((2, 3)), leaf(inputs, True)))], values
    pool: tuple[str, ...] = inputs
    for name in _STEPS[: level - 1]:
        steps[name] = _grow(rng, rng.choice((1, 2)), leaf(pool, False))
        pool = pool + (name, name)  # a step is twice as likely as an input to be read
    return [*steps.items(), ("f", _grow(rng, 3, leaf(pool, False)))], values


def _acceptable(drawn: list[tuple[str, _Node]], level: int) -> bool:
    """Reads at least two inputs, uses every step, the first step at least twice, and every
    step computes something (the parser refuses ``h = u``: a second name for one node)."""
    if any(node.text in node.names for _, node in drawn):
        return False
    reads = [name for _, node in drawn for name in node.names]
    inputs = {name for name in reads if name not in _STEPS}
    if len(inputs) < 2:
        return False
    step_names = [name for name, _ in drawn[:-1]]
    if any(name not in reads for name in step_names):
        return False
    return level == 1 or reads.count(step_names[0]) >= 2


def exercise(rng: random.Random, level: int, number: int) -> Exercise:
    """The next exercise ``rng`` gives at ``level`` (drawn again until it fits the rules)."""
    while True:
        drawn, values = _draw(rng, level)
        if not _acceptable(drawn, level):
            continue
        text = "; ".join(f"{name} = {node.text}" if name != "f" or level > 1 else node.text
                         for name, node in drawn)
        if simplifies_away(text):  # u + c − u, b·w/w, exp(log(u)): no chain rule to practise
            continue
        reads = [name for _, node in drawn for name in node.names]
        used = {name: values[name] for name in dict.fromkeys(reads) if name not in _STEPS}
        program = build_program(text, used)
        ls = snapshot(program.root)
        # as the text is read: a*b/c computes a*b first, a value no draw has checked
        if any(abs(node.value) > _BIG for node in ls.nodes):
            continue
        answers = {name: ls.by_name(name).grad for name in used}
        if all(_MIN_GRAD <= abs(g) <= _STEEP for g in answers.values()):
            return Exercise(number, text, used, answers, ls)


def sheet(seed: int, count: int = 5, level: int = 1) -> list[Exercise]:
    """``count`` exercises at ``level``, the same for the same seed everywhere."""
    if level not in LEVELS:
        raise ValueError(t("exercise_bad_level", level=repr(level), choices=", ".join(
            map(str, LEVELS))))
    if not 1 <= count <= MAX_COUNT:
        raise ValueError(t("exercise_bad_count", count=count, limit=MAX_COUNT))
    rng = random.Random(seed)
    return [exercise(rng, level, k) for k in range(1, count + 1)]


# ------------------------------------------------------------------ the sheet
def _list(items: list[str], lang: str) -> str:
    return lang_record(lang).comma.join(items)


def question_blocks(ex: Exercise, lang: str) -> list[Block]:
    values = [f"{name} = {num(value)}" for name, value in ex.values.items()]
    wanted = [ex.snapshot.d(ex.snapshot.by_name(name).index) for name in ex.values]
    return [Heading(t("exercise_item", lang, k=ex.number), 2),
            Para("\n".join(math_lines(ex.expression))),
            Para(t("exercise_values", lang, values=_list(values, lang))),
            Para(t("exercise_find", lang, wanted=_list(wanted, lang)))]


def key_blocks(ex: Exercise, lang: str) -> list[Block]:
    """The answers first (to grade quickly), then the forward pass, every chain-rule
    step as one line, and each input's gradient as the sum of what flowed into it."""
    ls = ex.snapshot
    answers = [f"{ls.d(ls.by_name(name).index)} = {num(grad)}" for name, grad in ex.answers.items()]
    return [Heading(t("exercise_item", lang, k=ex.number), 2),
            Para(t("exercise_answers", lang, answers=_list(answers, lang))),
            *forward_blocks(ls, lang),
            Para(t("trace_backward_title", lang, n=len(ls.steps))),
            Math(equation_lines(ls)),
            *leaves_blocks(ls, lang)]


def sheet_blocks(exercises: list[Exercise], seed: int, level: int, lang: str | None = None,
                 key: bool = True) -> list[Block]:
    """The questions, then (``key``) the answer key."""
    lang = check_lang(lang)
    blocks: list[Block] = [Heading(t("exercise_title", lang, seed=seed, level=level)),
                           Para(t("exercise_intro", lang))]
    for ex in exercises:
        blocks += question_blocks(ex, lang)
    if key:
        blocks.append(Heading(t("exercise_key", lang)))
        for ex in exercises:
            blocks += key_blocks(ex, lang)
    return blocks


def sheet_json(exercises: list[Exercise], key: bool = True) -> list[dict]:
    """For other tools: ``{"expression", "values", "answers": {name: gradient}}`` each;
    without ``key``, no answers."""
    return [{"expression": ex.expression, "values": dict(ex.values)}
            | ({"answers": dict(ex.answers)} if key else {}) for ex in exercises]
