"""doc's renderers: LaTeX sentences and alignment, the HTML fragment."""

from __future__ import annotations

from micrograd_cn.render.document import render, to_html, to_latex
from micrograd_cn.teach.doc import Heading, Math, Para, Pre, Table


def test_latex_text_puts_formulas_in_math_mode():
    assert to_latex([Para("导数 ∂L/∂w₁ 是 x₁(a − y)，50% & _x")]) == (
        r"导数 $\partial L/\partial w_{1}$ 是 $x_{1}(a$ $-$ y)，50\% \& \_x" + "\n")
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
