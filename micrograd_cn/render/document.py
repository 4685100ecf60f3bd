"""Documents (``teach.doc`` blocks) as terminal text, Markdown, LaTeX or an HTML fragment.

Blocks hold finished strings in the project's Unicode notation (``∂L/∂w₁ = x₁(a − y)``,
numbers with ``−``); each renderer translates that notation once: ``to_text`` keeps it,
``to_md`` adds Markdown structure, ``to_latex`` maps the Unicode to LaTeX (``∂`` →
``\\partial``, ``w₁`` → ``w_{1}``, ``a²`` → ``a^{2}``, ``−`` → ``-``) — the one place that map
lives. ``to_html`` gives an HTML fragment (the Unicode kept, every string escaped).

Imports: teach.doc (the block types) and render.layout.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from micrograd_cn.ops import OPS
from micrograd_cn.render.layout import pad, table, width
from micrograd_cn.teach.doc import (
    FORMATS,
    Block,
    Heading,
    Mat,
    Math,
    MatrixMath,
    Para,
    Pre,
    Table,
    register,
)


def render(blocks: Sequence[Block], fmt: str = "text") -> str:
    """``blocks`` in one of FORMATS."""
    return {"text": to_text, "md": to_md, "latex": to_latex, "html": to_html}[fmt](blocks)


# ---------------------------------------------------------------- terminal text
def to_text(blocks: Sequence[Block]) -> str:
    """Plain terminal text: tables aligned by display width, equations indented."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Heading) or isinstance(block, Para) or isinstance(block, Pre):
            parts.append(block.text)
        elif isinstance(block, Table):
            parts.append("\n".join(table(block.header, block.rows, block.aligns)))
        elif isinstance(block, Math):
            parts.append("\n".join("    " + line for line in _aligned(block.lines)))
        elif isinstance(block, MatrixMath):
            parts.append("\n\n".join(_matrix_line(line) for line in block.lines))
    return "\n".join(parts)


def _bracketed(m: Mat) -> list[str]:
    """A matrix as text: each row in brackets, columns right-aligned (never |…|)."""
    widths = [max(width(row[c]) for row in m.rows) for c in range(len(m.rows[0]))]
    return ["[ " + "  ".join(" " * (w - width(v)) + v for v, w in zip(row, widths)) + " ]"
            for row in m.rows]


def _matrix_line(pieces: Sequence[str | Mat]) -> str:
    """One equation with matrices, drawn side by side; text sits on the middle row."""
    blocks = [_bracketed(p) if isinstance(p, Mat) else [p] for p in pieces]
    height = max(len(b) for b in blocks)
    rows = [""] * height
    for b in blocks:
        w = max(width(line) for line in b)
        top = (height - len(b)) // 2
        for r in range(height):
            line = b[r - top] if 0 <= r - top < len(b) else ""
            rows[r] += pad(line, w)
    return "\n".join("    " + row.rstrip() for row in rows)


def _aligned(lines: Sequence[str]) -> list[str]:
    """Equations with their first ``=`` (or ``+=``) in one column."""
    def split(line: str) -> tuple[str, str]:
        m = re.search(r" \+?= ", line)
        return (line[:m.start()], line[m.start():]) if m else (line, "")
    pairs = [split(line) for line in lines]
    if len(pairs) < 2 or not all(rest for _, rest in pairs):
        return list(lines)
    w = max(width(left) for left, _ in pairs)
    plus = any(rest.startswith(" +=") for _, rest in pairs)  # "=" under the "=" of "+="
    return [pad(left, w) + (" " if plus and not rest.startswith(" +=") else "") + rest
            for left, rest in pairs]


# ---------------------------------------------------------------- Markdown
# Markdown: a name is text wherever it stands. HTML is escaped (no <script>, no autolink
# <javascript:…>), the characters of inline syntax get a backslash ([x](…) is no link, *a*
# no emphasis, | no cell border), and a line that would start a block (# heading, > quote,
# - list, 1. list, ``` fence) starts with a backslash.
_MD_INLINE = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]|$"} | {"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_MD_BLOCK = re.compile(r"^(\s*)(>|#+(?=\s|$)|[-+=](?=\s|$)|\d+[.)](?=\s|$)|[=~-]{3,})")


def _md_inline(text: str) -> str:
    """Text inside a line for Markdown (see above)."""
    return text.translate(_MD_INLINE)


def _md_line(text: str) -> str:
    """A line of a heading or paragraph: inline text that starts no block."""
    return _MD_BLOCK.sub(lambda m: m.group(1) + "\\" + m.group(2), _md_inline(text))


def _md_cell(text: str) -> str:
    """A table cell: inline text, a line break as <br> (a newline would end the row)."""
    return "<br>".join(_md_inline(line) for line in text.split("\n")) or " "


def _md_math(line: str) -> str:
    """An equation in $$…$$ for MathJax/KaTeX in Markdown: TeX, with < and > as commands."""
    return (latex_math(line).replace("<", r"\lt ").replace(">", r"\gt ")
            .replace("[", r"\lbrack ").replace("]", r"\rbrack "))  # [x](…) is no link


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in ``text``."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def to_md(blocks: Sequence[Block]) -> str:
    """Markdown: ``#`` headings, pipe tables, equations as LaTeX display math."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):  # one line: a newline would end the heading
            parts.append("#" * min(block.level + 1, 6) + " " + _md_line(" ".join(block.text.split("\n"))))
        elif isinstance(block, Para):
            if block.text.strip():
                parts.append("  \n".join(_md_line(line) for line in block.text.strip().split("\n")))
        elif isinstance(block, Pre):
            fence = _fence(block.text)
            parts.append(fence + "text\n" + block.text + "\n" + fence)
        elif isinstance(block, Table):
            aligns = block.aligns or "<" + ">" * (len(block.header) - 1)
            rule = ["---:" if a == ">" else ":---" for a in aligns]
            lines = ["| " + " | ".join(_md_cell(c) for c in block.header) + " |",
                     "| " + " | ".join(rule) + " |"]
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
            parts.append("\n".join(lines))
        elif isinstance(block, Math):
            parts.append("$$\n\\begin{aligned}\n" + " \\\\\n".join(
                _align(_md_math(line)) for line in block.lines) + "\n\\end{aligned}\n$$")
        elif isinstance(block, MatrixMath):
            parts.append("$$\n\\begin{aligned}\n" + " \\\\\n".join(
                _latex_matrix_line(line, _md_math) for line in block.lines) + "\n\\end{aligned}\n$$")
    return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------- LaTeX
_SUB = dict(zip("₀₁₂₃₄₅₆₇₈₉ᵢⱼₖₗₘₙₚₜₐₑₓ₊₋", "0123456789ijklmnptaex+-"))
_SUP = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹ⁱʲᵏˡᵐⁿᴸᵀ⁻⁺⁽⁾", "0123456789ijklmnLT-+()"))
_SYMBOLS = {
    "∂": r"\partial ", "σ": r"\sigma", "δ": r"\delta", "Σ": r"\sum", "∇": r"\nabla ",
    "⊙": r"\odot ", "·": r"\cdot ", "×": r"\times ", "−": "-", "≤": r"\le ", "≥": r"\ge ",
    "≈": r"\approx ", "→": r"\to ", "′": "'", "…": r"\ldots ", "ω": r"\omega", "η": r"\eta",
    "ŷ": r"\hat{y}", "ℓ": r"\ell ", "√": r"\sqrt", "∑": r"\sum", "÷": r"\div ", "½": r"\tfrac12",
}
_INDEX = re.compile(r"\b([A-Za-z])(\d+)(?![A-Za-z0-9_])")  # a one-letter name numbered by naming: v1, v12 (v1³ too)
# function names set upright: the ops' own LaTeX names (ops.py), and ln, max, min
_LATEX_NAMES = {spec.name: spec.latex for spec in OPS.values() if spec.latex} | {
    "ln": r"\log", "max": r"\max", "min": r"\min"}
_FUNCS = re.compile(r"\b(" + "|".join(_LATEX_NAMES) + r")\b")
# the usual functions a new op's formulas may call (sin′(x) = cos(x)), upright when called
_CALLED = re.compile(r"\b(sin|cos|tan|sinh|cosh|arctan)(?=\()")
_NAMES = re.compile(r"\b(linear|ReLU|relu|sigmoid)\b")  # upright, not a product of letters
_RUN = re.compile("([" + "".join(_SUB) + "]+)|([" + "".join(_SUP) + "]+)")
_TEXT = re.compile(r"[\u3000-\u9fff\uff00-\uffef]+(?:[\s\u3000-\u9fff\uff00-\uffef]*[\u3000-\u9fff\uff00-\uffef])?")


# Names are text to TeX: a user's label may hold anything (``\\input{…}``, ``$``, ``}{``,
# ``\\end{align*}``), so every character TeX reads as a command is escaped, once, before the
# notation is translated: \\ { } $ # % & ~ _, and a ^ that is not one of our exponents
# (``x^0.5``, ``x^(−1)``). One pattern is typeset as a subscript on purpose: a plain
# identifier with ONE underscore, letters (and digits) before it and letters or digits after
# it, is an index: ``x_i`` → x_{i}, ``lr_0`` → lr_{0}, and letters with digits before it are
# a double index, ``w1_2`` → w_{1,2} (a textbook's w₁₂). Any other underscore is an
# underscore (``a_b_c`` → a\\_b\\_c).
_SUBSCRIPTED = re.compile(r"(?<![\w\\])([A-Za-z]+?)(\d*)_([A-Za-z0-9]+)(?!\w)")
_TEX_MATH = str.maketrans({"\\": r"\backslash{}", "{": r"\{", "}": r"\}", "$": r"\$",
                           "#": r"\#", "%": r"\%", "&": r"\&", "_": r"\_", "~": r"\sim{}",
                           "\n": " ", "\r": " "})
_TEX_TEXT = str.maketrans({"\\": r"\textbackslash{}", "^": r"\textasciicircum{}",
                           "~": r"\textasciitilde{}"} | {ch: "\\" + ch for ch in "#%&_{}$"})
_OURS = str.maketrans("\ue000\ue001\ue002", "_{}")  # our own _{ } while the rest is escaped


def _subscript(m: re.Match) -> str:
    stem, digits, index = m.groups()
    if digits and len(stem) > 1:  # lr2_0: no textbook index, keep it as written
        stem, digits = stem + digits, ""
    return stem + "\ue000\ue001" + (f"{digits},{index}" if digits else index) + "\ue002"


def tex_escape(text: str) -> str:
    """A name or a line of notation with everything TeX would execute made text (see above)."""
    text = _SUBSCRIPTED.sub(_subscript, text).translate(_TEX_MATH)
    return re.sub(r"\^(?![(\d.\-−])", r"\\hat{}", text).translate(_OURS)


def latex_math(text: str) -> str:
    """One line of the project's Unicode notation as LaTeX math (no ``$`` around it)."""
    def script(m: re.Match) -> str:
        if m.group(1):
            return "_{" + "".join(_SUB[c] for c in m.group(1)) + "}"
        return "^{" + "".join(_SUP[c] for c in m.group(2)) + "}"

    text = tex_escape(text)
    text = _TEXT.sub(lambda m: r"\text{" + m.group(0) + "}", text)
    text = _INDEX.sub(r"\1_{\2}", text)  # v1 -> v_{1}, as w₁ -> w_{1}
    text = _RUN.sub(script, text)
    text = _FUNCS.sub(lambda m: _LATEX_NAMES[m.group(1)] + " ", text)
    text = _CALLED.sub(lambda m: "\\" + m.group(1) + " ", text)
    text = _NAMES.sub(lambda m: "\\operatorname{" + m.group(1) + "}", text)
    text = "".join(_SYMBOLS.get(ch, ch) for ch in text)
    text = re.sub(r"\^\(([^()]*)\)", r"^{\1}", text)  # x^(−0.5) -> x^{-0.5}
    text = re.sub(r"\^(\d+\.\d+)", r"^{\1}", text)  # x^0.5 -> x^{0.5}
    return re.sub(r"\\(sigma|delta|partial|cdot|times|omega|eta|ell) (?=[^A-Za-z])", r"\\\1", text)


# A sentence splits into words at spaces and runs of Chinese text; a word holding a
# formula character (∂f/∂w, σ′(z), w₁) is set in math mode as a whole.
_WORDS = re.compile(r"(\s+|[\u3000-\u9fff\uff00-\uffef]+)")
_MATHY = set(_SYMBOLS) | set(_SUB) | set(_SUP)


# between two formula words, these stay in the same formula: "δ³ = ∇ₐC ⊙ σ′(z³)" is one $…$
_JOIN = re.compile(r"^(?:[=+−·×/⊙<>≤≥≈-]|\+=|\d+(?:\.\d+)?)$")
_LETTER = re.compile(r"^[A-Za-z]\)*$")  # "y)" closing "x₁(a − y)": part of the formula before it


def _latex_text(text: str) -> str:
    """A sentence for LaTeX: special characters escaped, formulas in math mode.

    A formula written with spaces around its operators stays one ``$…$``: words holding a
    formula character, joined by operators and spaces, are set together.
    """
    pieces = [p for p in _WORDS.split(text) if p]
    kinds = ["math" if any(ch in _MATHY for ch in p) or _LETTER.match(p) else
             "join" if p.isspace() or _JOIN.match(p) else "text" for p in pieces]
    out: list[str] = []
    i = 0
    while i < len(pieces):
        if kinds[i] != "math" or _LETTER.match(pieces[i]):
            out.append(pieces[i].translate(_TEX_TEXT))
            i += 1
            continue
        end = i  # the last math piece of the run (a lone letter only ends it, never starts it)
        j = i + 1
        while j < len(pieces) and kinds[j] != "text":
            if kinds[j] == "math":
                end = j
            j += 1
        out.append("$" + latex_math("".join(pieces[i:end + 1])).strip() + "$")
        i = end + 1
    return "".join(out)


def _latex_matrix(m: Mat) -> str:
    return ("\\begin{bmatrix} " + " \\\\ ".join(" & ".join(latex_math(v) for v in row)
                                                 for row in m.rows) + " \\end{bmatrix}")


def _latex_note(text: str) -> str:
    """A remark after a matrix: a shape in math, words as upright text."""
    if re.search(r"[A-Za-z]{3}|[\u3000-\u9fff]", text):
        return r"\quad\text{" + text.strip().translate(_TEX_TEXT) + "}"
    return r"\quad " + latex_math(text.strip())


def _latex_matrix_line(pieces: Sequence[str | Mat], math: Callable[[str], str] = latex_math) -> str:
    """One equation with matrices as one row of an aligned environment; the text after the
    last matrix is a remark (its shape, or a few words)."""
    last = max((i for i, p in enumerate(pieces) if isinstance(p, Mat)), default=len(pieces))
    text = "".join(_latex_matrix(p) if isinstance(p, Mat) else
                   _latex_note(p) if i > last else math(p) for i, p in enumerate(pieces))
    return text.replace("=", "&=", 1) if "=" in text else "&" + text


def _align(line: str) -> str:
    """An equation with its first ``=`` (or ``+=``) as the alignment point."""
    if re.search(r"\+=", line.split("=", 1)[0] + "="):
        return line.replace("+=", r"&\mathrel{+}=", 1)
    return line.replace("=", "&=", 1) if "=" in line else "&" + line


def to_latex(blocks: Sequence[Block]) -> str:
    """A LaTeX fragment (for slides or notes): needs ``amsmath``; Chinese needs ``ctex``."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            command = ("section*", "subsection*", "subsubsection*")[min(block.level, 3) - 1]
            parts.append(f"\\{command}{{{_latex_text(block.text)}}}")
        elif isinstance(block, Para):
            if block.text.strip():
                parts.append(_latex_text(block.text.strip()).replace("\n", "\\\\\n"))
        elif isinstance(block, Pre):
            # verbatim ends only at the exact text \\end{verbatim}: a space keeps one inside as text
            text = block.text.replace("\\end{verbatim}", "\\end {verbatim}")
            parts.append("\\begin{verbatim}\n" + text + "\n\\end{verbatim}")
        elif isinstance(block, Table):
            aligns = block.aligns or "<" + ">" * (len(block.header) - 1)
            spec = "".join("r" if a == ">" else "l" for a in aligns)
            rows = [" & ".join(_latex_text(c) for c in block.header) + r" \\ \hline"]
            rows += [" & ".join(_latex_cell(c) for c in row) + r" \\" for row in block.rows]
            parts.append(f"\\begin{{tabular}}{{{spec}}}\n" + "\n".join(rows) + "\n\\end{tabular}")
        elif isinstance(block, Math):
            parts.append("\\begin{align*}\n" + " \\\\\n".join(
                _align(latex_math(line)) for line in block.lines) + "\n\\end{align*}")
        elif isinstance(block, MatrixMath):
            parts.append("\\begin{align*}\n" + " \\\\\n".join(
                _latex_matrix_line(line) for line in block.lines) + "\n\\end{align*}")
    return "\n\n".join(parts) + "\n"


def _latex_cell(text: str) -> str:
    """A table cell: a formula or number in math mode, words as text."""
    if _TEXT.search(text) and not any(ch in text for ch in "∂σ=·"):
        return _latex_text(text)
    return "$" + latex_math(text) + "$" if text else ""


# ---------------------------------------------------------------- HTML
def _html_row(cells: Sequence[str], aligns: str, tag: str) -> str:
    from html import escape

    return "<tr>" + "".join(f'<{tag} class="{"num" if a == ">" else "text"}">{escape(c)}</{tag}>'
                            for c, a in zip(cells, aligns)) + "</tr>"


def to_html(blocks: Sequence[Block]) -> str:
    """An HTML fragment: headings, paragraphs, tables, equations (``<pre class="math">``)."""
    from html import escape

    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            level = min(block.level + 1, 6)
            parts.append(f"<h{level}>{escape(block.text)}</h{level}>")
        elif isinstance(block, Para):
            if block.text.strip():
                parts.append("<p>" + "<br>".join(escape(line) for line in
                                                 block.text.strip().split("\n")) + "</p>")
        elif isinstance(block, Pre):
            parts.append(f"<pre>{escape(block.text)}</pre>")
        elif isinstance(block, Table):
            aligns = block.aligns or "<" + ">" * (len(block.header) - 1)
            parts.append("<table>\n" + _html_row(block.header, aligns, "th") + "\n" + "\n".join(
                _html_row(r, aligns, "td") for r in block.rows) + "\n</table>")
        elif isinstance(block, Math):
            # preformatted, so the equations keep their "=" in one column as in the terminal
            parts.append('<pre class="math">' + "\n".join(
                escape(line) for line in _aligned(block.lines)) + "</pre>")
        elif isinstance(block, MatrixMath):
            parts.append('<pre class="math">' + escape("\n\n".join(
                _matrix_line(line) for line in block.lines)) + "</pre>")
    return "\n".join(parts) + "\n"


for _fmt, _writer in zip(FORMATS, (to_text, to_md, to_latex, to_html)):
    register(_fmt, _writer)
