"""Text layout for teaching output: numbers in Unicode math style and tables
aligned by *display* width.

A Chinese character takes two columns in a terminal, and ``len("梯度")`` is 2
while the text is 4 columns wide, so every width here comes from
``wcwidth.wcswidth`` and never from ``len()``. Used by the tracer, the logistic
walkthrough and the BP report.

Imports: wcwidth only (nothing of ours), and only when a width is measured: ``nn``
uses ``sub``/``sup`` to name parameters, so this module is part of ``import micrograd_cn``
and must stay cheap to import.
"""

from __future__ import annotations

from typing import Sequence


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (CJK = 2, combining marks = 0)."""
    from wcwidth import wcswidth  # imported on first use: see the module docstring

    w = wcswidth(text)
    if w < 0:  # a control character: count it per character rather than fail
        return sum(max(wcswidth(ch), 0) for ch in text)
    return w


def pad(text: str, columns: int, align: str = "<") -> str:
    """``text`` padded with spaces to ``columns`` display columns (``<`` left, ``>`` right)."""
    gap = max(columns - width(text), 0)
    return text + " " * gap if align == "<" else " " * gap + text


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


def table(header: Sequence[str], rows: Sequence[Sequence[str]], aligns: str = "",
          sep: str = "  ") -> list[str]:
    """Lines of an aligned table: a header, a rule of ``─``, then the rows.

    ``aligns`` has one ``<`` or ``>`` per column (default: first column left,
    the others right, as numbers are). Trailing spaces are stripped.
    """
    n = len(header)
    aligns = aligns or "<" + ">" * (n - 1)
    widths = [max([width(header[i])] + [width(r[i]) for r in rows]) for i in range(n)]

    def line(cells: Sequence[str]) -> str:
        return sep.join(pad(c, widths[i], aligns[i]) for i, c in enumerate(cells)).rstrip()

    rule = sep.join("─" * w for w in widths)
    return [line(header), rule] + [line(r) for r in rows]
