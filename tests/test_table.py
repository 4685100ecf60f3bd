"""Display-width layout: Chinese takes two columns, numbers use the Unicode minus."""

from __future__ import annotations

from micrograd_cn.notation import num, paren, sub, sup
from micrograd_cn.render.layout import pad, table, width


def test_width_counts_chinese_as_two_columns():
    assert width("梯度") == 4
    assert len("梯度") == 2
    assert width("∂L/∂a·σ′(z)") == 11  # math symbols are one column each
    assert width("w₁x₁") == 4
    assert width("a\tb") == 2  # a control character counts as nothing, never −1


def test_pad_uses_display_width():
    assert pad("梯度", 6) == "梯度  "
    assert pad("梯度", 6, ">") == "  梯度"
    assert pad("ab", 6, ">") == "    ab"
    assert pad("太长的文字", 2) == "太长的文字"


def test_numbers_as_a_teacher_writes_them():
    assert num(-0.5) == "−0.5"
    assert num(-0.0) == "0"
    assert num(0.0) == "0"
    assert num(1 / 3) == "0.333333"
    assert num(-1.5e-7) == "−1.5e−7"  # no exponent padding, as a teacher writes it
    assert num(1234567.0) == "1.23457e6" and num(1e100) == "1e100"
    assert num(1e-6, 3) == "1e−6"
    assert num(2.0) == "2"
    assert num(0.12345678, 3) == "0.123"
    assert paren(-2.0) == "(−2)"
    assert paren(2.0) == "2"


def test_subscripts_and_superscripts():
    assert sub(12) == "₁₂"
    assert sup(2) == "²" and sup("L") == "ᴸ" and sup("(10)") == "⁽¹⁰⁾"


def test_table_with_chinese_header_lines_up_by_display_width():
    lines = table(["导数", "引擎（反向传播）", "差"],
                  [["∂L/∂a", "−2", "0"], ["∂L/∂w₁", "0.968484", "1.11e−16"]])
    # The last column is right-aligned, so every line ends in the same column...
    assert {width(line) for line in lines} == {width(lines[1])}
    # ...although the numbers of characters differ: len() would have broken it.
    assert len({len(line) for line in lines}) > 1
    # Each column starts at the same display column on every line.
    header, rule, first, second = lines
    assert rule == "──────  ────────────────  ────────"
    assert header == "导数    引擎（反向传播）        差"
    assert first == "∂L/∂a                 −2         0"
    assert second == "∂L/∂w₁          0.968484  1.11e−16"


def test_table_alignment_can_be_chosen_and_trailing_spaces_go():
    lines = table(["名", "值"], [["中文名字", "1"], ["a", "22"]], aligns="<<")
    assert lines == ["名        值", "────────  ──", "中文名字  1", "a         22"]
