"""Safe arithmetic expressions turned into Values (what ``micrograd-cn graph`` builds).

``build("sigmoid(w*x + b)", {"w": 0.5, "x": 2, "b": -1})`` returns the root Value
and the named leaves. The text is parsed with ``ast`` and checked against a
whitelist before a single Value is made; nothing ever reaches ``eval``/``exec``.
Allowed: numbers, names, ``+ - * /``, ``**`` with a numeric exponent (``x**2``,
``x**-0.5``), unary minus, parentheses, and calls of exp/log/sigmoid/tanh/relu.

Hostile input must fail fast and clearly, so the checks run cheapest first:
length, one line, parenthesis depth (before ``ast.parse``, which would otherwise
recurse deeply), then one iterative walk of the tree that enforces the whitelist,
the node count, the nesting depth and the exponent size. Depth counts real
nesting: Python's tree of a flat sum ``x + x + … + x`` is as deep as it is long,
but it is one level of the expression (its length is bounded by the node count). Every message points at
the offending part of the text. Errors of the engine itself (log of 0, overflow)
are not caught here: they reach the caller in the engine's own words.

Imports: engine and i18n.
"""

from __future__ import annotations

import ast
import keyword
import math
import unicodedata
from typing import Mapping, Sequence

from micrograd_cn.engine import Value
from micrograd_cn.i18n import show, t

FUNCTIONS = ("exp", "log", "sigmoid", "tanh", "relu")
MAX_LENGTH = 1000  # characters of expression text
MAX_DEPTH = 100  # operations nested inside each other (and parentheses); a flat sum is one
MAX_NODES = 300  # numbers, names and operations in one expression
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
def _where(text: str, node: ast.AST) -> str:
    """The offending part of ``text`` and its column, for a message."""
    # col_offset counts UTF-8 bytes; a teacher counts characters.
    start = len(text.encode("utf-8")[: node.col_offset].decode("utf-8", "ignore"))
    segment = ast.get_source_segment(text, node) or ""
    if len(segment) > 40:
        segment = segment[:39] + "…"
    return t("expr_at", segment=segment, col=start + 1)


def _numeric(node: ast.AST) -> bool:
    """A number, or a number with a sign in front: the only allowed exponents."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        node = node.operand
    return (isinstance(node, ast.Constant) and isinstance(node.value, (int, float))
            and not isinstance(node.value, bool))


def _number(text: str, node: ast.Constant) -> float:
    """The constant as a finite float (``1e999`` and a 400-digit integer are refused)."""
    try:
        value = float(node.value)
    except OverflowError:
        value = math.inf
    if not math.isfinite(value):
        raise ExprError(t("expr_bad_number", value=show(node.value), where=_where(text, node)))
    return value


def _signed(node: ast.AST) -> tuple[ast.Constant, int | float]:
    """An exponent's constant and its value with the sign applied (``-2`` -> -2)."""
    if isinstance(node, ast.UnaryOp):
        return node.operand, (-1 if isinstance(node.op, ast.USub) else 1) * node.operand.value
    return node, node.value


def _exponent(text: str, node: ast.AST) -> int | float:
    """The n of ``x**n``, kept an int when written as one (the engine keeps it exact)."""
    constant, n = _signed(node)
    _number(text, constant)
    if abs(n) > MAX_EXPONENT:
        raise ExprError(t("expr_exponent_big", n=show(n), limit=MAX_EXPONENT,
                          where=_where(text, node)))
    return n


def _check_node(text: str, node: ast.AST) -> list[ast.AST]:
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


def _child_level(node: ast.AST, child: ast.AST, level: int) -> int:
    """The nesting level of ``child``: one more than ``node``'s, except along a flat chain.

    ``a + b − c`` is parsed left-deep as ``(a + b) − c``; the left operand that
    continues the same kind of chain (+/− or ×/÷) stays on the same level.
    """
    if (isinstance(node, ast.BinOp) and child is node.left and isinstance(child, ast.BinOp)
            and _CHAINS.get(type(node.op), -1) == _CHAINS.get(type(child.op), -2)):
        return level
    return level + 1


def parse(text: str) -> tuple[ast.expr, list[str]]:
    """Check ``text`` against the grammar and limits; return its tree and its names.

    Names come in order of first appearance. No Value is built here.
    """
    if not isinstance(text, str):
        raise ExprError(t("expr_not_text", kind=type(text).__name__))
    if len(text) > MAX_LENGTH:  # before anything else touches a huge string
        raise ExprError(t("expr_too_long", length=len(text), limit=MAX_LENGTH))
    text = text.strip()
    if not text:
        raise ExprError(t("expr_empty"))
    if len(text.splitlines()) > 1:
        raise ExprError(t("expr_multiline"))
    depth = deepest = 0
    for char in text:  # Python's parser recurses once per "(": bound it first
        depth += (char == "(") - (char == ")")
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:
        raise ExprError(t("expr_too_deep", limit=MAX_DEPTH))
    try:
        body = ast.parse(text, mode="eval").body
    except SyntaxError as err:
        raise ExprError(t("expr_syntax", col=err.offset or 1, detail=err.msg)) from None
    except (ValueError, RecursionError, MemoryError):  # null bytes; a parser at its limits
        raise ExprError(t("expr_syntax", col=1, detail=t("expr_unparsable"))) from None

    names: list[str] = []
    count = 0
    stack: list[tuple[ast.AST, int]] = [(body, 1)]  # iterative: no recursion on deep input
    while stack:
        node, level = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise ExprError(t("expr_too_many_nodes", limit=MAX_NODES))
        if level > MAX_DEPTH:
            raise ExprError(t("expr_too_deep", limit=MAX_DEPTH))
        children = _check_node(text, node)
        if isinstance(node, ast.Name) and node.id not in names:
            names.append(node.id)
        stack.extend((child, _child_level(node, child, level))
                     for child in reversed(children))  # left first
    return body, names


# ------------------------------------------------------------------ building
def _build(node: ast.expr, leaves: dict[str, Value]) -> Value:
    """The Value of an already checked node (recursion depth is at most MAX_NODES)."""
    if isinstance(node, ast.Name):
        return leaves[node.id]
    if isinstance(node, ast.Constant):
        return Value(node.value)
    if isinstance(node, ast.UnaryOp):
        operand = _build(node.operand, leaves)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.Call):
        return getattr(_build(node.args[0], leaves), node.func.id)()
    left = _build(node.left, leaves)
    if isinstance(node.op, ast.Pow):
        return left ** _signed(node.right)[1]
    return getattr(left, _BINOPS[type(node.op)])(_build(node.right, leaves))


def build(text: str, bindings: Mapping[str, float]) -> tuple[Value, dict[str, Value]]:
    """Build ``text`` from Values; return ``(root, {name: leaf})``.

    Each name is ONE leaf Value labelled with the name, so ``x*x`` uses the same
    leaf twice and its gradient accumulates from both uses. Numbers become
    constant leaves. Every name must be bound and every binding used.
    """
    body, names = parse(text)
    given: dict[str, float] = {}
    for name, value in bindings.items():
        name = check_name(name)
        if name in given:  # "x" and "ｘ" are one name to Python: refuse rather than drop one
            raise ExprError(t("bind_duplicate", name=name))
        given[name] = value
    unbound = [name for name in names if name not in given]
    if unbound:
        raise ExprError(t("expr_unbound", names=", ".join(unbound), first=unbound[0]))
    unused = [name for name in given if name not in names]
    if unused:
        raise ExprError(t("expr_unused", names=", ".join(unused)))
    leaves = {name: Value(given[name], label=name) for name in names}
    return _build(body, leaves), leaves
