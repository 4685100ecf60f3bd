"""Safe arithmetic expressions turned into Values (what ``micrograd-cn graph`` builds).

``build("sigmoid(w*x + b)", {"w": 0.5, "x": 2, "b": -1})`` returns the root Value
and the named leaves. The text is parsed with ``ast`` and checked against a
whitelist before a single Value is made; nothing ever reaches ``eval``/``exec``.
Allowed: numbers, names, ``+ - * /``, ``**`` with a numeric exponent (``x**2``,
``x**-0.5``), unary minus, parentheses, and calls of exp/log/sigmoid/tanh/relu.

The text may also be a short program of named steps, separated by ``;`` or new
lines: ``z = w*x + b; a = sigmoid(z); L = (a - y)**2``. Each step name is ONE
node (using ``a`` twice uses the same σ node) and becomes that node's label; the
last step (an assignment or a bare expression) is the root. ``build_program``
returns the steps too; ``build`` keeps returning just the root and the leaves.
A step must compute a new node, be assigned once, after everything it uses, and
be used on the way to the root; nothing else of Python's statements is allowed.

Hostile input must fail fast and clearly, so the checks run cheapest first:
length, parenthesis depth (before ``ast.parse``, which would otherwise recurse
deeply), the kind of every statement, then one iterative walk of each step that
enforces the whitelist, the node count and the nesting depth (counted over the
whole program) and the exponent size. Depth counts real nesting: Python's tree of
a flat sum ``x + x + … + x`` is as deep as it is long, but it is one level of the
expression (its length is bounded by the node count). Every message points at the
offending part of the text. Errors of the engine itself (log of 0, overflow) are
not caught here: they reach the caller in the engine's own words.

Imports: engine and i18n.
"""

from __future__ import annotations

import ast
import keyword
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Collection, Mapping, Sequence

from micrograd_cn.engine import Value
from micrograd_cn.i18n import show, t
from micrograd_cn.ops import function_ops

FUNCTIONS = tuple(spec.name for spec in function_ops())  # exp, log, sigmoid, tanh, relu
# the functions a typed answer may call: a fixed list that the browser's reader (number.js)
# computes too, so a new function op of the engine needs no JavaScript (answers are numbers)
ANSWER_FUNCTIONS = ("exp", "log", "sigmoid", "tanh", "relu")
MAX_LENGTH = 1000  # characters of expression text
MAX_DEPTH = 100  # operations nested inside each other (and parentheses); a flat sum is one
MAX_NODES = 300  # numbers, names and operations in one expression (all its steps)
MAX_EXPONENT = 100  # |n| in x**n
MAX_NAME = 64  # characters of one variable name

_BINOPS = {ast.Add: "__add__", ast.Sub: "__sub__", ast.Mult: "__mul__", ast.Div: "__truediv__"}
_CHAINS = {ast.Add: 0, ast.Sub: 0, ast.Mult: 1, ast.Div: 1}  # operators that chain flat
_OP_TEXT = {
    ast.FloorDiv: "//", ast.Mod: "%", ast.MatMult: "@", ast.LShift: "<<", ast.RShift: ">>",
    ast.BitOr: "|", ast.BitXor: "^", ast.BitAnd: "&", ast.Not: "not", ast.Invert: "~",
}
# What to call a construct that is not allowed: ast class -> i18n key.
_KINDS = {
    ast.Attribute: "expr_kind_attribute", ast.Subscript: "expr_kind_subscript",
    ast.Lambda: "expr_kind_lambda", ast.Compare: "expr_kind_compare",
    ast.BoolOp: "expr_kind_boolop", ast.IfExp: "expr_kind_ifexp",
    ast.List: "expr_kind_collection", ast.Tuple: "expr_kind_collection",
    ast.Set: "expr_kind_collection", ast.Dict: "expr_kind_collection",
    ast.ListComp: "expr_kind_comprehension", ast.SetComp: "expr_kind_comprehension",
    ast.DictComp: "expr_kind_comprehension", ast.GeneratorExp: "expr_kind_comprehension",
    ast.JoinedStr: "expr_kind_string", ast.NamedExpr: "expr_kind_walrus",
    ast.Starred: "expr_kind_starred", ast.Await: "expr_kind_await",
}


class ExprError(ValueError):
    """An expression or a binding that is not allowed; the message says where."""


# ------------------------------------------------------------------ bindings
def check_name(name: str) -> str:
    """Return ``name`` as Python's parser sees it (NFKC), or raise ExprError.

    A name must be an identifier (Chinese is fine), not a keyword, not a
    function name and not start with ``__``, so that nothing can reach Python
    internals and every name means exactly one leaf.
    """
    name = unicodedata.normalize("NFKC", name.strip())
    if (not name.isidentifier() or keyword.iskeyword(name) or name.startswith("__")
            or len(name) > MAX_NAME):
        raise ExprError(t("bind_name", name=show(name), limit=MAX_NAME))
    if name in FUNCTIONS:
        raise ExprError(t("bind_reserved", name=name))
    return name


def parse_bindings(items: Sequence[str]) -> dict[str, float]:
    """``["w=0.5", "x=2"]`` -> ``{"w": 0.5, "x": 2.0}``, in the order given."""
    bindings: dict[str, float] = {}
    for item in items:
        name, sep, text = item.partition("=")
        if not sep or not name.strip():
            raise ExprError(t("bind_syntax", item=show(item)))
        name = check_name(name)
        try:
            value = float(text.strip())
        except ValueError:
            raise ExprError(t("bind_value", name=name, value=show(text.strip()))) from None
        if not math.isfinite(value):
            raise ExprError(t("bind_not_finite", name=name, value=show(text.strip())))
        if name in bindings:
            raise ExprError(t("bind_duplicate", name=name))
        bindings[name] = value
    return bindings


# ------------------------------------------------------------------ checking
def _where(text: str, node: ast.expr | ast.stmt) -> str:
    """The offending part of ``text`` and its column (and line, in a program of lines)."""
    lines = text.split("\n")
    line = lines[node.lineno - 1] if 0 < node.lineno <= len(lines) else ""
    # col_offset counts UTF-8 bytes; a teacher counts characters.
    start = len(line.encode("utf-8")[: node.col_offset].decode("utf-8", "ignore"))
    segment = " ".join((ast.get_source_segment(text, node) or "").split())
    if len(segment) > 40:
        segment = segment[:39] + "…"
    if len(lines) > 1:
        return t("expr_at_line", segment=segment, line=node.lineno, col=start + 1)
    return t("expr_at", segment=segment, col=start + 1)


def _numeric(node: ast.expr) -> bool:
    """A number, or a number with a sign in front: the only allowed exponents."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        node = node.operand
    return (isinstance(node, ast.Constant) and isinstance(node.value, (int, float))
            and not isinstance(node.value, bool))


def _constant(node: ast.Constant) -> int | float:
    """A numeric constant's value (callers have checked it with ``_numeric``)."""
    assert isinstance(node.value, (int, float)), node.value
    return node.value


def _number(text: str, node: ast.Constant) -> float:
    """The constant as a finite float (``1e999`` and a 400-digit integer are refused)."""
    try:
        value = float(_constant(node))
    except OverflowError:
        value = math.inf
    if not math.isfinite(value):
        raise ExprError(t("expr_bad_number", value=show(node.value), where=_where(text, node)))
    return value


def _signed(node: ast.expr) -> tuple[ast.Constant, int | float]:
    """An exponent's constant and its value with the sign applied (``-2`` -> -2).

    ``node`` has passed ``_numeric``: a constant, or a signed constant.
    """
    sign = 1
    if isinstance(node, ast.UnaryOp):
        sign = -1 if isinstance(node.op, ast.USub) else 1
        node = node.operand
    assert isinstance(node, ast.Constant), node
    return node, sign * _constant(node)


def _exponent(text: str, node: ast.expr) -> int | float:
    """The n of ``x**n``, kept an int when written as one (the engine keeps it exact)."""
    constant, n = _signed(node)
    _number(text, constant)
    if abs(n) > MAX_EXPONENT:
        raise ExprError(t("expr_exponent_big", n=show(n), limit=MAX_EXPONENT,
                          where=_where(text, node)))
    return n


def _check_node(text: str, node: ast.expr) -> list[ast.expr]:
    """Refuse ``node`` if it is not in the grammar; return the children to check next."""
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, ast.Pow):
            if not _numeric(node.right):
                raise ExprError(t("expr_exponent", where=_where(text, node.right)))
            _exponent(text, node.right)
            return [node.left]
        if type(node.op) not in _BINOPS:
            raise ExprError(t("expr_operator", op=_OP_TEXT.get(type(node.op), "?"),
                              where=_where(text, node)))
        return [node.left, node.right]
    if isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, (ast.USub, ast.UAdd)):
            raise ExprError(t("expr_unary", op=_OP_TEXT.get(type(node.op), "?"),
                              where=_where(text, node)))
        return [node.operand]
    if isinstance(node, ast.Call):
        if not (isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS):
            raise ExprError(t("expr_call", functions=", ".join(FUNCTIONS),
                              where=_where(text, node)))
        if len(node.args) != 1 or node.keywords or isinstance(node.args[0], ast.Starred):
            raise ExprError(t("expr_call_args", name=node.func.id, where=_where(text, node)))
        return [node.args[0]]
    if isinstance(node, ast.Name):
        if node.id.startswith("__"):
            raise ExprError(t("expr_dunder", name=node.id, where=_where(text, node)))
        if node.id in FUNCTIONS:
            raise ExprError(t("expr_function_name", name=node.id, where=_where(text, node)))
        if len(node.id) > MAX_NAME:
            raise ExprError(t("bind_name", name=show(node.id), limit=MAX_NAME))
        return []
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str):
            raise ExprError(t("expr_unsupported", what=t("expr_kind_string"),
                              where=_where(text, node)))
        if not _numeric(node):
            raise ExprError(t("expr_unsupported", what=t("expr_kind_constant"),
                              where=_where(text, node)))
        _number(text, node)
        return []
    # A construct not named above still gets a word in the user's language, never a class name.
    what = t(_KINDS.get(type(node), "expr_kind_other"))
    raise ExprError(t("expr_unsupported", what=what, where=_where(text, node)))


# What to call a statement that is not a step: ast class -> i18n key.
_STATEMENTS = {
    ast.Import: "expr_stmt_import", ast.ImportFrom: "expr_stmt_import",
    ast.Delete: "expr_stmt_delete", ast.For: "expr_stmt_loop", ast.AsyncFor: "expr_stmt_loop",
    ast.While: "expr_stmt_loop", ast.If: "expr_stmt_if", ast.FunctionDef: "expr_stmt_def",
    ast.AsyncFunctionDef: "expr_stmt_def", ast.ClassDef: "expr_stmt_def",
    ast.AnnAssign: "expr_stmt_annotation",
}


def _child_level(node: ast.expr, child: ast.expr, level: int) -> int:
    """The nesting level of ``child``: one more than ``node``'s, except along a flat chain.

    ``a + b − c`` is parsed left-deep as ``(a + b) − c``; the left operand that
    continues the same kind of chain (+/− or ×/÷) stays on the same level.
    """
    if (isinstance(node, ast.BinOp) and child is node.left and isinstance(child, ast.BinOp)
            and _CHAINS.get(type(node.op), -1) == _CHAINS.get(type(child.op), -2)):
        return level
    return level + 1


@dataclass(frozen=True)
class Statement:
    """One checked statement: ``target = value``, or a bare last expression (no target)."""

    target: ast.Name | None
    value: ast.expr
    node: ast.stmt  # the whole statement, for messages that point at it

    @property
    def name(self) -> str | None:
        return None if self.target is None else self.target.id


@dataclass(frozen=True)
class Parsed:
    """A checked program: its steps in order and its leaf names in order of first use."""

    steps: tuple[Statement, ...]
    names: tuple[str, ...]
    text: str  # as parsed (lines stripped), so ``_where`` can point into it


def _syntax(text: str, err: SyntaxError) -> ExprError:
    detail = err.msg
    if "\n" in text:
        return ExprError(t("expr_syntax_line", line=err.lineno or 1, col=err.offset or 1,
                           detail=detail))
    return ExprError(t("expr_syntax", col=err.offset or 1, detail=detail))


def _statements(text: str, body: list[ast.stmt]) -> list[Statement]:
    """Refuse every statement that is not ``name = expression`` (or a bare last expression)."""
    steps: list[Statement] = []
    for i, stmt in enumerate(body):
        if isinstance(stmt, ast.Expr):
            if i != len(body) - 1:
                raise ExprError(t("expr_not_last", where=_where(text, stmt)))
            steps.append(Statement(None, stmt.value, stmt))
        elif isinstance(stmt, ast.Assign):
            if len(stmt.targets) > 1:
                raise ExprError(t("expr_chained", where=_where(text, stmt)))
            target = stmt.targets[0]
            if not isinstance(target, ast.Name):
                raise ExprError(t("expr_target", where=_where(text, target)))
            steps.append(Statement(target, stmt.value, stmt))
        elif isinstance(stmt, ast.AugAssign):
            op = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}.get(
                type(stmt.op)) or _OP_TEXT.get(type(stmt.op), "?")
            raise ExprError(t("expr_augmented", op=op, where=_where(text, stmt)))
        else:
            what = t(_STATEMENTS.get(type(stmt), "expr_stmt_other"))
            raise ExprError(t("expr_statement", what=what, where=_where(text, stmt)))
    return steps


def _walk(text: str, step: Statement, count: int,
          depths: Mapping[str, int]) -> tuple[int, int, list[ast.Name]]:
    """Check one step's expression.

    Return the running node count, the step's nesting depth and the names it reads.
    A name of an earlier step nests as deep as that step's own expression, so a chain
    of steps is limited exactly like the one expression it stands for.
    """
    used: list[ast.Name] = []
    deepest = 0
    stack: list[tuple[ast.expr, int]] = [(step.value, 1)]  # iterative: no recursion on deep input
    if step.target is not None:  # the name on the left counts as one of the program's names
        stack.append((step.target, 1))
    while stack:
        node, level = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise ExprError(t("expr_too_many_nodes", limit=MAX_NODES))
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            level += depths.get(node.id, 1) - 1
            used.append(node)
        if level > MAX_DEPTH:
            raise ExprError(t("expr_too_deep", limit=MAX_DEPTH))
        deepest = max(deepest, level)
        children = _check_node(text, node)
        stack.extend((child, _child_level(node, child, level))
                     for child in reversed(children))  # left first
    return count, deepest, used


def _peel(node: ast.expr) -> ast.expr:
    """``+x`` is ``x`` itself (unary plus makes no node)."""
    while isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.UAdd):
        node = node.operand
    return node


def _check_parentheses(text: str) -> None:
    """Refuse text nested deeper than MAX_DEPTH before ``ast.parse``, which recurses once per "("."""
    depth = deepest = 0
    for char in text:
        depth += (char == "(") - (char == ")")
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:
        raise ExprError(t("expr_too_deep", limit=MAX_DEPTH))


def parse(text: str, given: Collection[str] = ()) -> Parsed:
    """Check ``text`` against the grammar and limits; return its steps and leaf names.

    Leaf names (names read but never assigned) come in order of first appearance.
    ``given`` are the names that have a value (NAME=VALUE); no step may take one of
    them. No Value is built here.
    """
    if not isinstance(text, str):
        raise ExprError(t("expr_not_text", kind=type(text).__name__))
    if len(text) > MAX_LENGTH:  # before anything else touches a huge string
        raise ExprError(t("expr_too_long", length=len(text), limit=MAX_LENGTH))
    # Indentation means nothing here: a program pasted from an indented block still reads.
    text = "\n".join(line.strip() for line in text.strip().splitlines())
    if not text.replace(";", "").strip():  # nothing but separators: no step at all
        raise ExprError(t("expr_empty"))
    _check_parentheses(text)
    try:
        body = ast.parse(text, mode="exec").body
    except SyntaxError as err:
        raise _syntax(text, err) from None
    except (ValueError, RecursionError, MemoryError):  # null bytes; a parser at its limits
        raise ExprError(t("expr_syntax", col=1, detail=t("expr_unparsable"))) from None
    if not body:  # only comments
        raise ExprError(t("expr_empty"))

    steps = _statements(text, body)
    assigned = {step.name for step in steps if step.name is not None}
    names: list[str] = []  # leaf names, in order of first use
    count = 0
    done: set[str] = set()  # steps assigned so far
    read: set[str] = set()  # every name some step uses
    # A step named like a function or a given value first: the walk below would otherwise
    # call the name a misused function, or a value used before it is assigned.
    for step in steps:
        if step.target is not None and (step.name in FUNCTIONS or step.name in given):
            key = "expr_shadow_function" if step.name in FUNCTIONS else "expr_shadow_binding"
            raise ExprError(t(key, name=step.name, where=_where(text, step.target)))
    depths: dict[str, int] = {}  # step name -> how deep its expression nests, written out
    for step in steps:
        count, depth, used = _walk(text, step, count, depths)
        for node in used:
            if node.id in assigned and node.id not in done:  # later, or in its own step
                raise ExprError(t("expr_used_before", name=node.id, where=_where(text, node)))
            read.add(node.id)
            if node.id not in assigned and node.id not in names:
                names.append(node.id)
        if step.target is None:
            continue
        if step.target.id in done:
            raise ExprError(t("expr_reassigned", name=step.target.id,
                              where=_where(text, step.target)))
        value = _peel(step.value)
        if isinstance(value, ast.Name):
            raise ExprError(t("expr_step_alias", name=step.name, other=value.id,
                              where=_where(text, step.node)))
        if isinstance(value, ast.Constant):
            raise ExprError(t("expr_step_constant", name=step.name,
                              where=_where(text, step.node)))
        done.add(step.target.id)
        depths[step.target.id] = depth
    for step in steps[:-1]:  # the last step is the root; every other one must lead to it
        if step.name not in read:
            raise ExprError(t("expr_step_unused", name=step.name, where=_where(text, step.node)))
    return Parsed(tuple(steps), tuple(names), text)


# ------------------------------------------------------------------ building
def _build(node: ast.expr, env: dict[str, Value]) -> Value:
    """The Value of an already checked node (recursion depth is at most MAX_DEPTH)."""
    if isinstance(node, ast.Name):
        return env[node.id]
    if isinstance(node, ast.Constant):
        return Value(_constant(node))
    if isinstance(node, ast.UnaryOp):
        operand = _build(node.operand, env)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return getattr(_build(node.args[0], env), node.func.id)()
    assert isinstance(node, ast.BinOp), node  # _check_node lets nothing else through
    left = _build(node.left, env)
    if isinstance(node.op, ast.Pow):
        return left ** _signed(node.right)[1]
    return getattr(left, _BINOPS[type(node.op)])(_build(node.right, env))


@dataclass(frozen=True)
class Program:
    """What ``build_program`` made: the root, the named leaves and the named steps.

    ``leaves`` and ``steps`` map a name to its one Value (whose label is the name);
    leaves in order of first use, steps in the order they are written. When the last
    statement is an assignment, its Value is both ``root`` and the last of ``steps``.
    """

    root: Value
    leaves: dict[str, Value]
    steps: dict[str, Value]


def build_program(text: str, bindings: Mapping[str, float]) -> Program:
    """Build ``text`` (one expression or named steps) from Values.

    Each leaf name is ONE Value labelled with the name, so ``x*x`` uses the same
    leaf twice and its gradient accumulates from both uses; likewise each step
    name is ONE node, labelled with its name. Numbers become constant leaves.
    Every leaf name must be bound, every binding used, and no binding may also be
    assigned as a step.
    """
    if not isinstance(text, str):  # before the names, so the message is about the text
        raise ExprError(t("expr_not_text", kind=type(text).__name__))
    given: dict[str, float] = {}
    for name, value in bindings.items():
        name = check_name(name)
        if name in given:  # "x" and "ｘ" are one name to Python: refuse rather than drop one
            raise ExprError(t("bind_duplicate", name=name))
        given[name] = value
    parsed = parse(text, given)
    unbound = [name for name in parsed.names if name not in given]
    if unbound:
        raise ExprError(t("expr_unbound", names=", ".join(unbound), first=unbound[0]))
    unused = [name for name in given if name not in parsed.names]
    if unused:
        raise ExprError(t("expr_unused", names=", ".join(unused)))
    leaves = {name: Value(given[name], label=name) for name in parsed.names}
    env: dict[str, Value] = dict(leaves)
    steps: dict[str, Value] = {}
    values = []
    for step in parsed.steps:
        values.append(_build(step.value, env))
        if step.name is not None:
            values[-1].label = step.name
            env[step.name] = steps[step.name] = values[-1]
    return Program(values[-1], leaves, steps)  # parse() refuses an empty program


def build(text: str, bindings: Mapping[str, float]) -> tuple[Value, dict[str, Value]]:
    """Build ``text`` from Values; return ``(root, {name: leaf})``.

    ``build_program`` does the work (and also returns the named steps); see there.
    """
    program = build_program(text, bindings)
    return program.root, program.leaves


# ------------------------------------------------------------------ answers
# What a student may type beside ASCII, read the same by the terminal (``answer``) and by
# the quiz page (``pages/assets/quiz.js`` gets these tables in the page's data):
# * superscripts are powers: a run of them after a number is its exponent (``0.5²`` is
#   0.25, ``2⁻¹`` is 0.5); a run that is no exponent (``2⁻``, ``²`` alone) is refused.
#   They are read before NFKC, which would turn ``²`` into a plain 2 (0.52).
# * then NFKC (full-width digits, signs and parentheses become ASCII: ``－0.25``, ``３``),
# * then the signs of the printed steps: the minus sign (and an en dash), times,
#   divided-by; a byte order mark (a file saved by Notepad) is nothing.
SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+"))
ANSWER_SIGNS = {"−": "-", "–": "-", "×": "*", "·": "*", "÷": "/", "\ufeff": ""}
_SUPERSCRIPT_RUN = "[" + "".join(SUPERSCRIPTS) + "]+"  # a pattern for re.sub (re caches it)
_SUPERSCRIPT_ASCII = str.maketrans(SUPERSCRIPTS)
_ANSWER_SIGNS = str.maketrans(ANSWER_SIGNS)


def answer_text(text: str) -> str:
    """A typed answer in the ASCII the parser reads (see above): ``0.5²`` → ``0.5**(2)``."""
    text = re.sub(_SUPERSCRIPT_RUN,
                  lambda m: "**(" + m.group(0).translate(_SUPERSCRIPT_ASCII) + ")", text)
    return unicodedata.normalize("NFKC", text).translate(_ANSWER_SIGNS).strip()


def answer(text: str) -> float:
    """A student's answer: a number or arithmetic of numbers (``0.25*2``, ``1/8``, ``−0.5``).

    The same whitelist as an expression (``+ - * / **``, parentheses, exp/log/sigmoid/
    tanh/relu of a number) but no names: an answer is a value, not a formula.
    Nothing reaches ``eval``; the number is computed by the engine's own ops.
    """
    if not isinstance(text, str):
        raise ExprError(t("expr_not_text", kind=type(text).__name__))
    if len(text) > MAX_LENGTH:
        raise ExprError(t("expr_too_long", length=len(text), limit=MAX_LENGTH))
    text = answer_text(text)
    if not text:
        raise ExprError(t("answer_empty"))
    _check_parentheses(text)  # as in parse(): bound the parser's recursion first
    try:
        body = ast.parse(text, mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise ExprError(t("answer_syntax", text=show(text))) from None
    count = 0
    stack: list[tuple[ast.expr, int]] = [(body, 1)]
    while stack:
        node, level = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise ExprError(t("expr_too_many_nodes", limit=MAX_NODES))
        if level > MAX_DEPTH:
            raise ExprError(t("expr_too_deep", limit=MAX_DEPTH))
        if isinstance(node, ast.Name):
            raise ExprError(t("answer_name", name=show(node.id)))
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id not in ANSWER_FUNCTIONS):
            raise ExprError(t("expr_call", functions=", ".join(ANSWER_FUNCTIONS), where=_where(text, node)))
        stack.extend((child, _child_level(node, child, level)) for child in _check_node(text, node))
    return _build(body, {}).data
