"""Teaching documents as a few block types (plain data; ``render.document`` writes them out).

Producers (trace, logistic, bp, quizzes, exercise sheets) return a list of blocks;
they never format for one medium. Blocks hold finished strings written in the
project's Unicode notation (``∂L/∂w₁ = x₁(a − y)``, numbers with ``−``); each
renderer translates that notation once: ``to_text`` keeps it, ``to_md`` adds
Markdown structure, ``to_latex`` maps the Unicode to LaTeX (``∂`` → ``\\partial``,
``w₁`` → ``w_{1}``, ``a²`` → ``a^{2}``, ``−`` → ``-``) — the one place that map lives.
``to_html`` gives an HTML fragment (the Unicode kept, every string escaped) for a
page that prints without MathJax or the network.

Blocks:
  Heading(text, level)    a title line
  Para(text)              a sentence or two (may hold several lines)
  Table(header, rows, aligns)
  Math(lines)             equations, one per line (in text: indented)
  Pre(text)               text kept exactly as it is (a nested printout)
  MatrixMath(lines)       equations with matrices (``Mat``) in them, one per line

Imports: nothing of ours (and never a Value).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol, Sequence, Union


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    aligns: str = ""

    @staticmethod
    def of(header: Sequence[str], rows: Sequence[Sequence[str]], aligns: str = "") -> "Table":
        return Table(tuple(header), tuple(tuple(r) for r in rows), aligns)


@dataclass(frozen=True)
class Math:
    lines: tuple[str, ...]

    @staticmethod
    def of(*lines: str) -> "Math":
        return Math(tuple(lines))


@dataclass(frozen=True)
class Pre:
    text: str


@dataclass(frozen=True)
class Mat:
    """A matrix inside a formula: its entries already written as numbers (``notation.num``)."""

    rows: tuple[tuple[str, ...], ...]

    @property
    def shape(self) -> str:
        return f"{len(self.rows)} × {len(self.rows[0]) if self.rows else 0}"


@dataclass(frozen=True)
class MatrixMath:
    """Equations holding matrices, one per line; a line is text pieces and ``Mat`` pieces
    (``("dW² = dZ²·(A¹)ᵀ = ", Mat(...), "  (2 × 3)")``). Text draws the matrices in
    brackets, row under row; Markdown and LaTeX write each as a ``bmatrix``, one equation
    per row of an ``aligned``/``align*``."""

    lines: tuple[tuple[Union[str, Mat], ...], ...]


Block = Union[Heading, Para, Table, Math, Pre, MatrixMath]


# The output formats. Their writers live in ``render.document``, which registers them here when
# it is imported (``micrograd_cn/__init__`` imports it), so that a report can offer
# ``render(lang, fmt)`` without teach importing a format.
FORMATS = ("text", "md", "latex", "html")
# A report (the logistic neuron, BP1–BP4, a trace) is a document or its JSON; on the command line
# the terminal, Markdown, LaTeX or JSON (HTML reports are pages: see pages/).
REPORT_FORMATS = FORMATS + ("json",)
CLI_REPORT_FORMATS = ("text", "md", "latex", "json")


class Report(Protocol):
    """What every report offers: its document in a language, and its numbers as JSON text."""

    def blocks(self, lang: str | None = None) -> list[Block]: ...

    def to_json(self) -> str: ...


_WRITERS: dict[str, Callable[[Sequence[Block]], str]] = {}


def register(fmt: str, writer: Callable[[Sequence[Block]], str]) -> None:
    """Make ``writer`` the one that writes documents in ``fmt`` (one of FORMATS)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown document format {fmt!r}")
    _WRITERS[fmt] = writer


def render(blocks: Sequence[Block], fmt: str = "text") -> str:
    """``blocks`` written in ``fmt`` (one of FORMATS) by the registered writer."""
    return _WRITERS[fmt](blocks)

