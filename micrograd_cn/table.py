"""Text layout for teaching output: numbers in Unicode math style and tables
aligned by *display* width.

A Chinese character takes two columns in a terminal, and ``len("梯度")`` is 2
while the text is 4 columns wide, so every width here comes from
``wcwidth.wcswidth`` and never from ``len()``. Used by the tracer, the logistic
walkthrough and the BP report.

Imports: wcwidth only (nothing of ours), so it stays out of ``import micrograd_cn``.
"""

from __future__ import annotations

from typing import Sequence

from wcwidth import wcswidth


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (CJK = 2, combining marks = 0)."""
    w = wcswidth(text)
    if w < 0:  # a control character: count it per character rather than fail
        return sum(max(wcswidth(ch), 0) for ch in text)
    return w


def pad(text: str, columns: int, align: str = "<") -> str:
    """``text`` padded with spaces to ``columns`` display columns (``<`` left, ``>`` right)."""
    gap = max(columns - width(text), 0)
    return text + " " * gap if align == "<" else " " * gap + text


def num(x: float, digits: int = 6) -> str:
    """A number as a teacher writes it: 6 significant digits, the minus sign ``−``.

    ``-0.0`` prints as ``0``; an exponent is written without Python's padding
    and ``+`` (``1e−7``, ``1.5e6``, not ``1e-07``, ``1.5e+06``).
    """
    if x == 0.0:
        return "0"
    text = f"{x:.{digits}g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}e{int(exponent)}"
    return text.replace("-", "−")


def paren(x: float, digits: int = 6) -> str:
    """``num`` with parentheses around a negative number, for products: ``(−0.5) × 2``."""
    text = num(x, digits)
    return f"({text})" if text.startswith("−") else text


_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUP = str.maketrans("0123456789()L", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾ᴸ")


def sub(text: object) -> str:
    """Digits as subscripts, for indices: ``sub(12)`` is ``₁₂`` (``w₁₂``)."""
    return str(text).translate(_SUB)


def sup(text: object) -> str:
    """Digits, parentheses and L as superscripts: layer ``a²``, sample ``x⁽³⁾``, ``aᴸ``."""
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
