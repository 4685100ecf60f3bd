"""How numbers and indices are written: ``num`` with named precisions, sub/superscripts,
the typographic minus. One policy for every output.

Imports: nothing (``nn`` names its parameters with ``sub``/``sup``, so this module is part of
the library and must stay cheap to import).
"""

from __future__ import annotations

# Named precisions (significant digits) for teaching numbers. One policy everywhere:
TEXT = 6  # tables and sentences in the terminal, Markdown and LaTeX
PICTURE = 4  # boxes of a graph picture (kept short so boxes stay narrow)
DIFF = 3  # a difference between two computations of one number (|engine − closed form|)
CHECK = 10  # two computations of one number side by side (gradcheck): where they part
FULL = 17  # every digit of a float, only where a seed prints full precision (seed 004's cost)

MINUS = "−"  # the typographic minus for reading; pass minus="-" for LaTeX and copy-paste


def num(x: float, digits: int = TEXT, *, minus: str = MINUS) -> str:
    """A number as a teacher writes it: ``digits`` significant digits, the minus sign ``−``.

    ``-0.0`` prints as ``0``; an exponent is written without Python's padding
    and ``+`` (``1e−7``, ``1.5e6``, not ``1e-07``, ``1.5e+06``). ``digits=FULL``
    gives the shortest text that reads back as the same float. To paste a
    number into Python, use ``minus="-"``.
    """
    if x == 0.0:
        return "0"
    text = repr(float(x)) if digits >= FULL else f"{x:.{digits}g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}e{int(exponent)}"
    return text.replace("-", minus)


def zero_if_rounding(x: float, *scales: float) -> float:
    """``x``, or 0.0 when it is zero up to the rounding of the numbers it came from.

    ``0.5·1 − 0.3·2 + 0.1`` is 2.8e−17 in floating point: a sum of terms of size
    ``scales`` cannot be trusted below about 2⁻⁴⁴ of the largest term, so a
    teaching output writes such a result as 0. The engine itself keeps every bit.
    """
    bound = max((abs(s) for s in scales), default=0.0) * 2.0 ** -44
    return 0.0 if abs(x) <= bound else x


def paren(x: float, digits: int = TEXT, *, minus: str = MINUS) -> str:
    """``num`` with parentheses around a negative number, for products: ``(−0.5) × 2``."""
    text = num(x, digits, minus=minus)
    return f"({text})" if text.startswith(minus) else text


_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789()L-−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾ᴸ⁻⁻")


def sub(text: object) -> str:
    """Digits as subscripts, for indices: ``sub(12)`` is ``₁₂`` (``w₁₂``)."""
    return str(text).translate(_SUB)


def sup(text: object) -> str:
    """Digits, parentheses, minus and L as superscripts: ``a²``, ``x⁽³⁾``, ``aᴸ``, ``x⁻¹``."""
    return str(text).translate(_SUP)


# A name that can stand next to an operator without parentheses: no operator or space
# outside its own parentheses, and not a negative number.
_BREAKS = " +-−·*×/÷^,="


def atom(name: str) -> str:
    """``name`` wrapped in parentheses when it would not read as one factor: ``(1 − a)``."""
    depth = 0
    for ch in name:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and ch in _BREAKS:
            return f"({name})"
    return name


def exponent(n: float) -> str:
    """``x`` raised to a constant: ``²``, ``⁻¹`` for integers, ``^0.5``, ``^(−0.5)`` otherwise."""
    if float(n).is_integer():
        return "" if n == 1 else sup(num(n).replace("−", "-"))
    return "^" + paren(n)
