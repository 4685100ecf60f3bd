"""An exercise as people write it, and whether it is fair to ask.

``math_lines(text)`` turns an exercise's program text (what ``expr.build_program`` reads:
``u = x*y; f = u**2 - exp(u)/y``) into mathematics, one step a line: ``u = x·y``,
``f = u² − exp(u)/y`` (``·`` for ×, superscripts for whole powers, ``√`` for a square root,
``σ`` for the sigmoid, the typographic minus, numbers by ``notation.num``). The renderers
turn that notation into LaTeX where a format needs it (``w_{1}``, ``v_{1}^{3}``).

``simplifies_away(text)`` says whether a part of the exercise cancels itself out, so that
the gradient could be had without the chain rule the exercise is meant to practise: a term
added and subtracted (``u + c − u``), a factor multiplied and divided (``b·w/w``,
``x/u·u``; ``p⁶/p`` is fine: p stays), a function undone by its inverse (``exp(log(u·h))``, ``log(exp(u))``), a power
undone by a power (``(u²)^0.5``). Named steps are read into the final expression first,
so a cancellation across lines (``u = exp(x); f = log(u)``) counts too.

Both read the text with ``ast`` (the text comes from the exercise generator and has passed
the expression whitelist); nothing is evaluated.

Imports: notation.
"""

from __future__ import annotations

import ast

from micrograd_cn.notation import num, sup

_FUNCTIONS = {"exp": "exp", "log": "log", "sigmoid": "σ", "tanh": "tanh", "relu": "ReLU"}
_INVERSES = {("exp", "log"), ("log", "exp")}
_ATOM = 5


def _statements(text: str) -> list[tuple[str | None, ast.expr]]:
    """``name = expression`` statements (the last may be a bare expression)."""
    out: list[tuple[str | None, ast.expr]] = []
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        node = ast.parse(part, mode="exec").body[0]
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            out.append((node.targets[0].id, node.value))
        elif isinstance(node, ast.Expr):
            out.append((None, node.value))
        else:  # pragma: no cover - the generator writes only these two forms
            raise ValueError(part)
    return out


def _number(node: ast.expr) -> float | None:
    """The value of a numeric constant (``2``, ``-1``, ``0.5``), or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) \
            and not isinstance(node.value, bool):
        return float(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _number(node.operand)
        return None if inner is None else -inner
    return None


# ------------------------------------------------------------------ mathematics
def _power(base: tuple[str, int], exponent: float) -> tuple[str, int]:
    text, prec = base
    if exponent == 0.5:
        return ("√" + (text if prec >= _ATOM else f"({text})"), 4)
    wrapped = text if prec >= _ATOM else f"({text})"
    if float(exponent).is_integer():
        return (wrapped + sup(str(int(exponent))).replace("-", "⁻"), 4)
    return (f"{wrapped}^{num(exponent)}", 4)


def _math(node: ast.expr) -> tuple[str, int]:
    """A sub-expression as mathematics, with how tightly it binds (1 + −, 2 · /, 3 unary −, 4 powers, 5 atoms)."""
    if isinstance(node, ast.Name):
        return node.id, _ATOM
    value = _number(node)
    if value is not None and not isinstance(node, ast.UnaryOp):
        return num(value), _ATOM
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        text, prec = _math(node.operand)
        return "−" + (text if prec >= 3 else f"({text})"), 3
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        inner, _ = _math(node.args[0])
        return f"{_FUNCTIONS.get(node.func.id, node.func.id)}({inner})", _ATOM
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, ast.Pow):
            exponent = _number(node.right)
            if exponent is not None:
                return _power(_math(node.left), exponent)
            base, power = _math(node.left), _math(node.right)
            return (base[0] if base[1] >= _ATOM else f"({base[0]})") + "^" + (
                power[0] if power[1] >= _ATOM else f"({power[0]})"), 4
        (left, lp), (right, rp) = _math(node.left), _math(node.right)
        if isinstance(node.op, (ast.Add, ast.Sub)):
            sign = " + " if isinstance(node.op, ast.Add) else " − "
            right = right if rp > 1 and not (rp == 3 and isinstance(node.op, ast.Sub)) \
                else f"({right})"
            return left + sign + right, 1
        left = left if lp >= 2 else f"({left})"
        if isinstance(node.op, ast.Mult):
            return left + "·" + (right if rp >= 2 and rp != 3 else f"({right})"), 2
        return left + "/" + (right if rp > 2 and rp != 3 else f"({right})"), 2
    raise ValueError(ast.dump(node))  # pragma: no cover - outside the generator's whitelist


def math_lines(text: str) -> list[str]:
    """The exercise as mathematics, one step a line; a bare last expression is ``f = …``."""
    return [f"{name or 'f'} = {_math(expression)[0]}" for name, expression in _statements(text)]


# ------------------------------------------------------------------ fairness
def _inline(text: str) -> ast.expr:
    """The last expression with every named step written out in place."""
    steps: dict[str, ast.expr] = {}

    class Inline(ast.NodeTransformer):
        def visit_Name(self, node: ast.Name) -> ast.expr:
            return steps.get(node.id, node)

    last: ast.expr | None = None
    for name, expression in _statements(text):
        last = Inline().visit(expression)
        if name is not None:
            steps[name] = last
    assert last is not None
    return last


def _key(node: ast.expr) -> str:
    return ast.dump(node, annotate_fields=False)


def _terms(node: ast.expr, weight: float, out: dict[str, list[float]]) -> None:
    """The terms of a sum with their coefficients (``2·u − u``: u with 2 and −1)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        _terms(node.left, weight, out)
        _terms(node.right, weight if isinstance(node.op, ast.Add) else -weight, out)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        _terms(node.operand, -weight, out)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult) and \
            _number(node.left) is not None:
        _terms(node.right, weight * (_number(node.left) or 0.0), out)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult) and \
            _number(node.right) is not None:
        _terms(node.left, weight * (_number(node.right) or 0.0), out)
    else:
        out.setdefault(_key(node), []).append(weight)


def _factors(node: ast.expr, power: float, out: dict[str, list[float]]) -> None:
    """The factors of a product with their exponents (``x/y``: x with 1, y with −1)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        _factors(node.left, power, out)
        _factors(node.right, power, out)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        _factors(node.left, power, out)
        _factors(node.right, -power, out)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow) and \
            _number(node.right) is not None:
        _factors(node.left, power * (_number(node.right) or 0.0), out)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        _factors(node.operand, power, out)
    else:
        out.setdefault(_key(node), []).append(power)


def _cancels(parts: dict[str, list[float]]) -> bool:
    """Some part occurs more than once and its occurrences add up to nothing (u − u, w/w)."""
    return any(len(ws) > 1 and abs(sum(ws)) < 1e-12 for ws in parts.values())


def _undone(node: ast.AST) -> bool:
    """A function of its own inverse, or a power of a power that multiplies out to 1."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
        inner = node.args[0]
        if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and \
                (node.func.id, inner.func.id) in _INVERSES:
            return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        outer = _number(node.right)
        inner = node.left
        if outer is not None and isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.Pow):
            power = _number(inner.right)
            if power is not None and power * outer == 1.0:
                return True
    return False


def simplifies_away(text: str) -> bool:
    """Whether some part of the exercise cancels out (see the module docstring)."""
    root = _inline(text)
    for node in ast.walk(root):
        if _undone(node):
            return True
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
            terms: dict[str, list[float]] = {}
            _terms(node, 1.0, terms)
            if _cancels(terms):
                return True
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Div)):
            factors: dict[str, list[float]] = {}
            _factors(node, 1.0, factors)
            if _cancels(factors):
                return True
    return False


def significant_digits(x: float) -> int:
    """How many significant digits ``x`` needs (0.5 → 1, −1.5 → 2, 0.25 → 2, 3 → 1)."""
    if x == 0:
        return 1
    text = f"{abs(x):.15g}"
    digits = text.replace(".", "").lstrip("0")
    if "e" in digits:  # pragma: no cover - givens are small decimals
        digits = digits.split("e")[0]
    return len(digits.rstrip("0")) if "." in text else len(digits.rstrip("0")) or 1
