"""doc's renderers: LaTeX sentences and alignment, the HTML fragment."""

from __future__ import annotations

import re

from micrograd_cn.render.document import render, to_html, to_latex
from micrograd_cn.teach.doc import Heading, Math, Para, Pre, Table


def test_latex_text_puts_formulas_in_math_mode():
    assert to_latex([Para("导数 ∂L/∂w₁ 是 x₁(a − y)，50% & _x")]) == (
        r"导数 $\partial L/\partial w_{1}$ 是 $x_{1}(a - y)$，50\% \& \_x" + "\n")
    assert to_latex([Math.of("∂f/∂a += 1 × 3 = 3", "∂f/∂b = 2")]) == (
        "\\begin{align*}\n\\partial f/\\partial a &\\mathrel{+}= 1 \\times 3 = 3 \\\\\n"
        "\\partial f/\\partial b &= 2\n\\end{align*}\n")


def test_html_fragment_escapes_everything_and_keeps_equations_aligned():
    blocks = [Heading("A <b>"), Para("x & y\nz"), Table.of(["名字", "梯度"], [["<w>", "−0.5"]]),
              Math.of("∂f/∂a += 1", "∂f/∂b = 2"), Pre("u = a<b")]
    assert to_html(blocks) == (
        "<h2>A &lt;b&gt;</h2>\n"
        "<p>x &amp; y<br>z</p>\n"
        '<table>\n<tr><th class="text">名字</th><th class="num">梯度</th></tr>\n'
        '<tr><td class="text">&lt;w&gt;</td><td class="num">−0.5</td></tr>\n</table>\n'
        '<pre class="math">∂f/∂a += 1\n∂f/∂b  = 2</pre>\n'
        "<pre>u = a&lt;b</pre>\n")
    assert render(blocks, "html") == to_html(blocks)


# ------------------------------------------------------------------ hostile names (issue 22)
HOSTILE = [r"\input{/etc/passwd}", r"\immediate\write18{rm -rf ~}", "a$b$c", "}{", r"\end{align*}",
           r"\end{verbatim}", "x^^5cinput", "50%", "a#b", "a&b", "~x", "a_b_c"]
# what our own LaTeX may hold: nothing that reads a file, runs a program or defines anything
ALLOWED = {"partial", "sigma", "delta", "sum", "nabla", "odot", "cdot", "times", "le", "ge",
           "approx", "to", "ldots", "omega", "eta", "hat", "ell", "sqrt", "div", "tfrac", "text",
           "tanh", "log", "exp", "max", "min", "begin", "end", "mathrel", "hline", "section",
           "subsection", "subsubsection", "backslash", "textbackslash", "textasciicircum",
           "textasciitilde", "sim", "mathit"}


def assert_safe_latex(text: str) -> None:
    assert text.count(r"\begin{verbatim}") == text.count(r"\end{verbatim}")
    text = re.sub(r"\\begin\{verbatim\}.*?\\end\{verbatim\}", "", text, flags=re.S)  # text as it is
    commands = set(re.findall(r"\\([A-Za-z]+)", text))
    assert commands <= ALLOWED, commands - ALLOWED
    plain = re.sub(r"\\[\\{}$#%&_ ]", "", text)  # escaped characters are text
    assert plain.count("{") == plain.count("}")  # every group closes where it opened
    assert plain.count("$") % 2 == 0  # math mode opens and closes in pairs
    assert not re.search(r"_(?!\{)", plain), text  # every subscript is ours: _{…}
    assert "^^" not in plain
    for env in ("align*", "aligned", "verbatim", "tabular"):
        assert text.count(f"\\begin{{{env}}}") == text.count(f"\\end{{{env}}}"), env


def test_every_name_is_escaped_for_latex():
    from micrograd_cn.engine import Value
    from micrograd_cn.teach.trace import render_trace

    for label in HOSTILE:
        x = Value(0.5, label=label)
        root = (x * Value(2.0, label="w")).tanh()
        for style in ("table", "narrative"):
            text = render_trace(root, style=style, fmt="latex")
            assert_safe_latex(text)
            assert "input" not in label and "write18" not in label or label not in text
        text = to_latex([Heading(label), Para(f"{label} 是 ∂f/∂{label}"),
                         Table.of(["名字", "值"], [[label, "1"], [f"∂f/∂{label}", "2"]]),
                         Math.of(f"∂f/∂{label} = 1"), Pre(label)])
        assert_safe_latex(text)
    assert r"\input" not in to_latex([Math.of(r"\input{/etc/passwd} = 1")])
    assert to_latex([Pre(r"\end{verbatim}\input{x}")]).count(r"\end{verbatim}") == 1


def test_underscores_are_text_except_the_documented_subscript_pattern(capsys):
    from micrograd_cn.cli import main

    assert main(["trace", "tanh(a_b_c*x)", "a_b_c=0.5", "x=2", "--format", "latex"]) == 0
    out = capsys.readouterr().out
    assert r"a\_b\_c" in out and "a_b_c" not in out
    # one underscore after a plain identifier is a subscript on purpose: w1_2 is w_{1,2}, x_i is x_{i}
    line = to_latex([Math.of("∂f/∂w1_2 = x_i · lr_0")])
    assert r"\partial w_{1,2}" in line and "x_{i}" in line and "lr_{0}" in line
    assert r"a\_b\_c" in to_latex([Math.of("a_b_c = 1")]) and r"\_x" in to_latex([Math.of("_x = 1")])


def test_markdown_escapes_names_outside_tables_too():
    from micrograd_cn.render.document import to_md

    for label in ["<script>alert(1)</script>", "[x](javascript:alert(1))", "<javascript:alert(1)>",
                  "a|b", "x\n# 标题", "x\n\n<img src=x onerror=alert(1)>", "*a*_b_", "`code`"]:
        text = to_md([Heading(label), Para(f"{label} 的梯度"),
                      Table.of(["名字", "值"], [[label, "1"]]), Math.of(f"∂f/∂{label} = 1"),
                      Pre(label)])
        body = text.split("```")[0]  # a code block (last) shows its text as it is: safe
        assert "<script" not in body and "<img" not in body
        assert not re.search(r"(?<!\\)\]\(javascript:", body)  # an escaped ] makes no link
        assert "\n\n" not in body.split("$$")[1]  # the equations stay one block
        assert "<javascript:" not in body
        assert "\n# " not in body and not re.search(r"(?<!\\)\|b", body.split("| 名字")[0])
        table = [line for line in text.splitlines() if line.startswith("| ")]
        assert len(table) == 3  # a newline in a name does not break the table's row
        assert all(re.sub(r"\\\|", "", line).count("|") == 3 for line in table)
    assert to_md([Pre("a ``` b")]).startswith("````")  # a fence longer than any run inside
