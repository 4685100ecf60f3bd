"""``micrograd-cn graph``: the printed table, the files it writes, and hostile input."""

from __future__ import annotations

import math
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from micrograd_cn.cli import main
from micrograd_cn.teach.expr import FUNCTIONS

# the refusal names the functions an expression may call (the engine's function ops)
CALLS = "只能调用 " + ", ".join(FUNCTIONS)

GOLDEN = Path(__file__).parent / "golden"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def here(tmp_path, monkeypatch):
    """Run in an empty directory, so relative paths and leftovers can be checked."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_logistic_neuron_golden(here, capsys, lang):
    # Hand values: z = 0.5·2 − 1 = 0, a = σ(0) = 0.5, σ'(0) = 0.25,
    # ∂a/∂w = x·0.25 = 0.5, ∂a/∂x = w·0.25 = 0.125, ∂a/∂b = 0.25.
    argv = ["graph", "sigmoid(w*x + b)", "w=0.5", "x=2", "b=-1", "-o", "g.svg", "--lang", lang]
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert captured.out == (GOLDEN / f"graph_neuron_{lang}.txt").read_text(encoding="utf-8")
    assert captured.err == ""
    assert sorted(p.name for p in here.iterdir()) == ["g.dot", "g.svg"]
    texts = [t.text for t in ET.parse(here / "g.svg").getroot().iter(f"{SVG}text")]
    assert texts[0] == "sigmoid(w*x + b)"  # the expression is the picture's title
    grad = "梯度" if lang == "zh" else "grad"
    assert f"{grad} 0.125" in texts and f"{grad} 0.25" in texts


def test_numbers_match_the_hand_derivatives(here, capsys):
    x, y = 1.5, -0.5
    f = x * x * y + math.exp(y) / x
    dfdx = 2 * x * y - math.exp(y) / x ** 2
    dfdy = x * x + math.exp(y) / x
    assert main(["graph", "x*x*y + exp(y)/x", "x=1.5", "y=-0.5"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"结果 = {f:.6g}".replace("-", "−")  # table.TEXT digits
    assert out[1].split() == ["名字", "值", "梯度"]
    numbers = [[float(v.replace("−", "-")) for v in line.split()[1:]] for line in out[3:5]]
    assert numbers[0] == pytest.approx([x, dfdx], rel=1e-5)
    assert numbers[1] == pytest.approx([y, dfdy], rel=1e-5)
    assert out[5] == "图已写入 graph.svg（DOT 源文件：graph.dot）"  # the default output
    assert (here / "graph.svg").is_file()


def test_chinese_names_are_aligned(here, capsys):
    assert main(["graph", "权重*x", "权重=0.5", "x=2", "-o", "g.png", "--legend", "--order",
                 "--params", "权重", "--rankdir", "TB"]) == 0
    assert capsys.readouterr().out.splitlines()[:4] == [
        "结果 = 1",
        "名字   值  梯度",
        "────  ───  ────",
        "权重  0.5     2",
    ]
    assert (here / "g.png").read_bytes()[:4] == b"\x89PNG"
    dot = (here / "g.dot").read_text(encoding="utf-8")
    assert "rankdir=TB" in dot and "class=param" in dot and "#3" in dot and "legend" in dot


def test_expression_starting_with_minus_after_double_dash(here, capsys):
    assert main(["graph", "-o", "m.svg", "--", "-x**2", "x=3"]) == 0
    assert capsys.readouterr().out.splitlines()[:3] == ["结果 = −9", "名字  值  梯度", "────  ──  ────"]


NAMED_STEPS = "z = w1*x1 + w2*x2 + b; a = sigmoid(z); L = -(y*log(a) + (1-y)*log(1-a))"
NAMED_GIVEN = ["w1=0.8", "w2=0.4", "x1=1.5", "x2=-2", "b=0.2", "y=0"]


def _number(text: str) -> float:
    return float(text.replace("−", "-"))


def test_named_steps_draw_one_node_per_name(here, capsys):
    assert main(["graph", NAMED_STEPS, *NAMED_GIVEN, "-o", "out.svg"]) == 0
    out = capsys.readouterr().out.splitlines()
    # closed form of the logistic loss: L = −(y log a + (1−y) log(1−a)), a = σ(z)
    z = 0.8 * 1.5 + 0.4 * -2 + 0.2
    a = 1 / (1 + math.exp(-z))
    y = 0.0
    loss = -(y * math.log(a) + (1 - y) * math.log(1 - a))
    # printed at table.TEXT digits
    assert out[0].startswith("结果 = ") and _number(out[0].split(" = ")[1]) == pytest.approx(loss, rel=1e-5)
    rows = {line.split()[0]: [_number(v) for v in line.split()[1:]] for line in out[3:-1]}
    assert list(rows) == ["w1", "x1", "w2", "x2", "b", "y", "z", "a"]  # inputs, then the steps
    assert rows["z"] == pytest.approx([z, a - y], rel=1e-5)  # printed at table.TEXT digits
    assert rows["a"] == pytest.approx([a, (a - y) / (a * (1 - a))], rel=1e-5)  # printed at table.TEXT digits
    assert rows["w1"] == pytest.approx([0.8, 1.5 * (a - y)], rel=1e-5)  # printed at table.TEXT digits
    assert rows["y"] == pytest.approx([0.0, -z], rel=1e-5)  # printed at table.TEXT digits  # log(1−a) − log a = −z
    assert out[-1] == "图已写入 out.svg（DOT 源文件：out.dot）"
    texts = [t.text for t in ET.parse(here / "out.svg").getroot().iter(f"{SVG}text")]
    assert texts[0] == NAMED_STEPS
    for name in ("z", "a", "L"):
        assert texts.count(name) == 1  # each name is one box
    assert texts.count("σ") == 1  # a is used twice but is one σ node


@pytest.mark.parametrize("command", ["trace", "step", "html"])
def test_every_expression_command_takes_named_steps(here, capsys, command):
    assert main([command, "z = w*x + b\na = sigmoid(z)\nL = (a - y)**2", "w=0.5", "x=2", "b=-1",
                 "y=1", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    if command == "html":
        page = (here / "step.html").read_text(encoding="utf-8")
        assert ">z<" in page and ">a<" in page and ">L<" in page
    else:
        # a = σ(0) = 1/2, L = (a − 1)² = 1/4, ∂L/∂a = 2(a − 1) = −1, ∂L/∂z = −1·σ′(0) = −1/4
        assert "L" in out and "z" in out and "0.25" in out and "−0.25" in out


# argv after "graph", and the start of the one-line error after "micrograd-cn: 错误：".
HOSTILE = [
    (["__import__('os').system('echo hi')"], CALLS + "："),
    (["x.__class__.__bases__", "x=1"], "表达式里不能用属性访问："),
    (["x[0]", "x=1"], "表达式里不能用下标："),
    (["(lambda: x)()", "x=1"], CALLS + "："),
    (["lambda: 0"], "表达式里不能用匿名函数 lambda："),
    (["'echo hi'"], "表达式里不能用字符串："),
    (["__builtins__"], "不允许以 __ 开头的名字 __builtins__："),
    (["open(x)", "x=1"], CALLS + "："),
    (["exec(x)", "x=1"], CALLS + "："),
    (["x + y", "x=1"], "名字 y 没有给值"),
    (["x", "x=1", "x=2"], "名字 x 被赋值了两次"),
    (["x", "x=1", "y=2"], "给了值但表达式里没有用到：y"),
    (["x", "__class__=1"], "名字 '__class__' 不合法"),
    (["x", "x=nan"], "x 的值必须是有限的实数"),
    (["x", "x=1e999"], "x 的值必须是有限的实数"),
    (["x", "x=os.system"], "x 的值必须是数"),
    (["x", "x"], "赋值必须写成 名字=数值"),
    (["x**10**10", "x=2"], "** 的指数必须是一个数"),
    (["2**99999"], "指数 99999 太大"),
    (["x**1e308", "x=2"], "指数 1e+308 太大"),
    (["x" * 100_000], "表达式太长：100000 个字符"),
    (["+".join(["x"] * 50_000), "x=1"], "表达式太长：99999 个字符"),
    (["(" * 10_000 + "x" + ")" * 10_000, "x=1"], "表达式太长：20001 个字符"),
    ([" " + "-" * 100_000 + "x", "x=1"], "表达式太长：100002 个字符"),
    (["(" * 150 + "x" + ")" * 150, "x=1"], "表达式嵌套太深"),
    (["x +", "x=1"], "表达式有语法错误"),
    (["a = x*2; a = a*3", "x=1"], "名字 a 被赋值了两次（每个名字是一个节点，只能赋值一次）：“a”（第 10 列）"),
    (["import os; x", "x=1"], "不能用导入 import；"),
    (["x = x*2", "x=1"], "x 已经给了值（x=…），不能在表达式里再赋值"),
    (["exp = x*2\nexp", "x=1"], "exp 是函数名，不能用作步骤的名字：“exp”（第 1 行第 1 列）"),
    (["log(x)", "x=0"], "log：x 必须大于 0，收到 x = 0.0"),
    (["exp(x)", "x=1000"], "exp：e^x 超出浮点数范围"),
    (["1/(x-x)", "x=1"], "除法：除数为 0"),
    (["x", "x=1", "-o", "missing/g.svg"], "输出目录 missing 不存在；请先创建它"),
    (["x", "x=1", "-o", "g.txt"], "无法识别输出文件 g.txt 的格式"),
    (["x", "x=1", "--params", "y"], "--params 里的 y 不是表达式中的名字"),
    (["x", "x=1", "--params", "__x"], "名字 '__x' 不合法"),
    # too large to draw: refused before the result table, with advice for this command
    (["+".join(["1"] * 110) + "+x", "x=1"],
     "这个表达式有超过 200 个值，画出来既慢又看不清；请画一个更小的表达式（例如把它拆成几部分分别画），"
     "或用 micrograd-cn trace 查看每一步的数字\n"),
    (["x*1e300*1e10 - x*1e300*1e10", "x=1e-10"], "反向传播：梯度超出了浮点数范围：x 的梯度成了 nan"),
]


@pytest.mark.parametrize("args, message", HOSTILE)
def test_hostile_input_fails_cleanly_and_fast(here, capsys, args, message):
    start = time.perf_counter()
    assert main(["graph", *args]) == 2
    assert time.perf_counter() - start < 2.0  # a hang guard only
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing half-done: no table, no file
    assert captured.err.startswith("micrograd-cn: 错误：" + message)
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert list(here.iterdir()) == []


def test_hostile_input_in_english(here, capsys):
    assert main(["graph", "x.real", "x=1", "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        "micrograd-cn: error: attribute access is not allowed in an expression: "
        "`x.real` (column 1)\n")
    assert main(["graph", "+".join(["1"] * 110) + "+x", "x=1", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "micrograd-cn trace" in err and "fused" not in err and "max_nodes" not in err


def test_a_flat_sum_of_101_terms_is_drawn(here, capsys):
    """One level of nesting, however long; and dot lays out x's 101 uses in seconds, not minutes."""
    start = time.perf_counter()
    assert main(["graph", "+".join(["x"] * 101), "x=2", "-o", "flat.svg"]) == 0
    assert time.perf_counter() - start < 30  # a hang guard: dot's default layout takes minutes
    out = capsys.readouterr().out
    assert out.startswith("结果 = 202\n") and re.search(r"^x +2 +101$", out, re.M)
    assert "splines=line" in (here / "flat.dot").read_text(encoding="utf-8")


def test_missing_dot_keeps_the_table_and_the_dot_file(here, capsys, monkeypatch):
    empty = here / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert main(["graph", "x*2", "x=3", "-o", "g.svg"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "结果 = 6\n名字  值  梯度\n────  ──  ────\nx      3     2\n"
    assert captured.err == (
        "micrograd-cn: 错误：找不到 Graphviz 的 dot 程序，无法生成 g.svg（DOT 源文件已写入 g.dot）。"
        "请安装 Graphviz：sudo apt-get install graphviz（macOS：brew install graphviz）\n")
    assert sorted(p.name for p in here.iterdir()) == ["bin", "g.dot"]


def test_help_in_both_languages(capsys):
    with pytest.raises(SystemExit):
        main(["graph", "--help"])
    zh = capsys.readouterr().out
    assert "由表达式建立计算图" in zh and "显示本帮助并退出" in zh
    with pytest.raises(SystemExit):
        main(["graph", "--help", "--lang", "en"])
    en = capsys.readouterr().out
    assert "build an expression's graph" in en and "由" not in en


def test_projector_png_is_wide_and_large_type(here, capsys):
    from PIL import Image

    argv = ["graph", "sigmoid(w*x + b)", "w=0.5", "x=2", "b=-1", "-o", "p.png", "--projector",
            "--rankdir", "LR"]
    assert main(argv) == 0
    with Image.open(here / "p.png") as image:
        assert image.width >= 1600
    assert "fontsize=22" in (here / "p.dot").read_text(encoding="utf-8")
    assert main(["graph", "x*x", "x=3", "-o", "s.svg", "--projector"]) == 0
    assert 'font-size="22.00"' in (here / "s.svg").read_text(encoding="utf-8")
