"""Text tables aligned by *display* width.

A Chinese character takes two columns in a terminal, and ``len("梯度")`` is 2 while the text
is 4 columns wide, so every width here comes from ``wcwidth.wcswidth`` and never from ``len()``.

Imports: wcwidth (only when a width is measured), nothing of ours.
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
