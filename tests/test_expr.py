"""micrograd_cn.expr: the whitelist parser, its limits, and the Values it builds.

Oracles: hand-written float formulas (values), central differences of those
formulas and PyTorch float64 autograd (gradients)."""

from __future__ import annotations

import ast
import math
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from micrograd_cn import expr
from micrograd_cn.engine import Value, topo_sort
from micrograd_cn.expr import MAX_DEPTH, MAX_EXPONENT, MAX_LENGTH, ExprError, build, parse_bindings
from micrograd_cn.i18n import language


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


# (expression, bindings, the same formula on floats)
CASES = [
    ("sigmoid(w*x + b)", {"w": 0.5, "x": 2.0, "b": -1.0},
     lambda w, x, b: sigmoid(w * x + b)),
    ("x*x + x", {"x": 3.0}, lambda x: x * x + x),
    ("-x**2", {"x": 1.5}, lambda x: -(x ** 2)),
    ("x**-0.5 + x**+3 - x**-2", {"x": 1.7}, lambda x: x ** -0.5 + x ** 3 - x ** -2),
    ("(a - b) / (a * b) + 2", {"a": 1.3, "b": -0.4}, lambda a, b: (a - b) / (a * b) + 2),
    ("exp(a) * log(b) - tanh(a / b)", {"a": 0.3, "b": 2.5},
     lambda a, b: math.exp(a) * math.log(b) - math.tanh(a / b)),
    ("relu(a - 1) + relu(1 - a) * 3", {"a": 0.25}, lambda a: max(0.0, a - 1) + max(0.0, 1 - a) * 3),
    ("+x - -y", {"x": 0.7, "y": -2.0}, lambda x, y: x + y),
    ("2 - x / 4 * y ** 2", {"x": 1.1, "y": 0.9}, lambda x, y: 2 - x / 4 * y ** 2),
    ("权重 * 输入 + 偏置", {"权重": -0.5, "输入": 4.0, "偏置": 0.25}, lambda a, b, c: a * b + c),
]


def central(f, xs, i, h=1e-6):
    up, down = list(xs), list(xs)
    up[i] += h
    down[i] -= h
    return (f(*up) - f(*down)) / (2 * h)


@pytest.mark.parametrize("text, bindings, formula", CASES)
def test_values_and_gradients_match_the_formula(text, bindings, formula):
    root, leaves = build(text, bindings)
    xs = list(bindings.values())
    assert list(leaves) == list(bindings)  # order of first appearance
    assert root.data == pytest.approx(formula(*xs), rel=1e-12, abs=1e-12)
    root.backward()
    for i, name in enumerate(bindings):
        assert leaves[name].label == name
        assert leaves[name].grad == pytest.approx(central(formula, xs, i), rel=1e-6, abs=1e-8)


# The same formulas written with torch functions: an independent autograd.
TORCH_FORMULAS = {
    "sigmoid(w*x + b)": lambda torch, w, x, b: torch.sigmoid(w * x + b),
    "x*x + x": lambda torch, x: x * x + x,
    "-x**2": lambda torch, x: -(x ** 2),
    "x**-0.5 + x**+3 - x**-2": lambda torch, x: x ** -0.5 + x ** 3 - x ** -2,
    "(a - b) / (a * b) + 2": lambda torch, a, b: (a - b) / (a * b) + 2,
    "exp(a) * log(b) - tanh(a / b)":
        lambda torch, a, b: torch.exp(a) * torch.log(b) - torch.tanh(a / b),
}


@pytest.mark.parametrize("text", TORCH_FORMULAS)
def test_gradients_match_pytorch(torch, text):
    bindings = next(case[1] for case in CASES if case[0] == text)
    root, leaves = build(text, bindings)
    root.backward()
    tensors = [torch.tensor(v, requires_grad=True) for v in bindings.values()]
    out = TORCH_FORMULAS[text](torch, *tensors)
    out.backward()
    assert root.data == pytest.approx(out.item(), rel=1e-14, abs=1e-15)
    for name, tensor in zip(bindings, tensors):
        assert leaves[name].grad == pytest.approx(tensor.grad.item(), rel=1e-12, abs=1e-15)


def test_logistic_neuron_exact():
    root, leaves = build("sigmoid(w*x + b)", parse_bindings(["w=0.5", "x=2", "b=-1"]))
    root.backward()
    # z = 0.5·2 − 1 = 0, σ(0) = 1/2, σ'(0) = 1/4: every number is exact in binary.
    assert root.data == 0.5
    assert (leaves["w"].grad, leaves["x"].grad, leaves["b"].grad) == (0.5, 0.125, 0.25)


def test_a_name_used_twice_is_one_leaf_and_accumulates():
    root, leaves = build("x * x * x", {"x": 2.0})
    root.backward()
    assert leaves["x"].grad == 12.0  # 3x²
    unlabelled_leaves = [v for v in topo_sort(root) if not v._prev]
    assert unlabelled_leaves == [leaves["x"]]


def test_numbers_become_constant_leaves_and_int_exponents_stay_ints():
    root, _ = build("3 * y ** 2", {"y": 1.0})
    nodes = topo_sort(root)
    constants = [v for v in nodes if not v._prev and not v.label]
    assert [c.data for c in constants] == [3.0]
    power = next(v for v in nodes if v._op == "**")
    assert power._arg == 2 and isinstance(power._arg, int)
    negative = next(v for v in topo_sort(build("y ** -1.5", {"y": 4.0})[0]) if v._op == "**")
    assert negative._arg == -1.5


def test_fullwidth_names_are_normalised_like_python():
    root, leaves = build("ｘ + 1", parse_bindings(["x=2"]))
    assert list(leaves) == ["x"] and root.data == 3.0


def test_engine_errors_propagate_in_the_engines_words():
    with pytest.raises(ValueError) as err:
        build("log(x)", {"x": 0.0})
    assert not isinstance(err.value, ExprError)
    assert str(err.value) == "log：x 必须大于 0，收到 x = 0.0"
    with pytest.raises(ZeroDivisionError):
        build("1 / (x - x)", {"x": 1.0})
    with pytest.raises(OverflowError):
        build("exp(exp(x))", {"x": 7.0})


# Hostile or wrong expressions (all with x bound to 2) and the exact Chinese message.
HOSTILE = [
    ("__import__('os').system('echo hi')",
     "只能调用 exp, log, sigmoid, tanh, relu：“__import__('os').system('echo hi')”（第 1 列）"),
    ("x.__class__", "表达式里不能用属性访问：“x.__class__”（第 1 列）"),
    ("x + x.real", "表达式里不能用属性访问：“x.real”（第 5 列）"),
    ("x[0]", "表达式里不能用下标：“x[0]”（第 1 列）"),
    ("(lambda: 1)() + x", "只能调用 exp, log, sigmoid, tanh, relu：“(lambda: 1)()”（第 1 列）"),
    ("lambda: x", "表达式里不能用匿名函数 lambda：“lambda: x”（第 1 列）"),
    ("x + 'a'", "表达式里不能用字符串：“'a'”（第 5 列）"),
    ("f'{x}'", "表达式里不能用字符串：“f'{x}'”（第 1 列）"),
    ("__builtins__ + x", "不允许以 __ 开头的名字 __builtins__：“__builtins__”（第 1 列）"),
    ("open(x)", "只能调用 exp, log, sigmoid, tanh, relu：“open(x)”（第 1 列）"),
    ("exp(x, x)", "exp 只接受一个参数，例如 exp(x)：“exp(x, x)”（第 1 列）"),
    ("exp(x=x)", "exp 只接受一个参数，例如 exp(x)：“exp(x=x)”（第 1 列）"),
    ("exp + x", "exp 是函数，要写成 exp(…)：“exp”（第 1 列）"),
    ("x + y", "名字 y 没有给值；请在表达式后面加上 y=数值"),
    ("x**10**10", "** 的指数必须是一个数（例如 x**2、x**-0.5）：“10**10”（第 4 列）"),
    ("x**y", "** 的指数必须是一个数（例如 x**2、x**-0.5）：“y”（第 4 列）"),
    ("2**99999 + x", "指数 99999 太大（绝对值最多 100）：“99999”（第 4 列）"),
    ("x**-101", "指数 -101 太大（绝对值最多 100）：“-101”（第 4 列）"),
    ("x**1e400", "数 inf 不是有限的实数：“1e400”（第 4 列）"),
    ("1" * 400 + " * x", "数 " + expr.show(int("1" * 400)) + " 不是有限的实数：“" + "1" * 39 + "…”（第 1 列）"),
    ("x // 2", "不支持运算符 //（可用 + - * / **）：“x // 2”（第 1 列）"),
    ("x % 2", "不支持运算符 %（可用 + - * / **）：“x % 2”（第 1 列）"),
    ("~x", "不支持一元运算 ~（只能用负号 -）：“~x”（第 1 列）"),
    ("not x", "不支持一元运算 not（只能用负号 -）：“not x”（第 1 列）"),
    ("x == x", "表达式里不能用比较：“x == x”（第 1 列）"),
    ("x and x", "表达式里不能用逻辑运算 and/or：“x and x”（第 1 列）"),
    ("await x", "表达式里不能用异步等待 await：“await x”（第 1 列）"),
    ("x if x else x", "表达式里不能用条件表达式：“x if x else x”（第 1 列）"),
    ("[x]", "表达式里不能用列表、元组、集合或字典：“[x]”（第 1 列）"),
    ("x, x", "表达式里不能用列表、元组、集合或字典：“x, x”（第 1 列）"),
    ("[x for x in x]", "表达式里不能用推导式：“[x for x in x]”（第 1 列）"),
    ("(x := 1)", "表达式里不能用赋值 :=：“x := 1”（第 2 列）"),
    ("1j * x", "表达式里不能用这种常量（只能用实数）：“1j”（第 1 列）"),
    ("True * x", "表达式里不能用这种常量（只能用实数）：“True”（第 1 列）"),
    ("权重 + x.y", "表达式里不能用属性访问：“x.y”（第 6 列）"),
    ("x +", "表达式有语法错误，在第 1 列附近：invalid syntax"),
    ("x + (2", "表达式有语法错误，在第 5 列附近：'(' was never closed"),
    ("x = 1", "表达式有语法错误，在第 3 列附近：invalid syntax"),
    ("import os", "表达式有语法错误，在第 1 列附近：invalid syntax"),
    ("x\0", "表达式有语法错误，在第 1 列附近：source code string cannot contain null bytes"),
    ("x\n+ 1", "表达式必须写在一行里"),
    ("   ", "表达式是空的"),
    ("x" * (MAX_LENGTH + 1), f"表达式太长：{MAX_LENGTH + 1} 个字符，最多 {MAX_LENGTH} 个"),
    ("x" * 100_000, f"表达式太长：100000 个字符，最多 {MAX_LENGTH} 个"),
    ("(" * 10_000 + "x" + ")" * 10_000, f"表达式太长：20001 个字符，最多 {MAX_LENGTH} 个"),
    ("-" * 100_000 + "x", f"表达式太长：100001 个字符，最多 {MAX_LENGTH} 个"),
    ("(" * 101 + "x" + ")" * 101, f"表达式嵌套太深：超过 {MAX_DEPTH} 层"),
    ("-" * 999 + "x", f"表达式嵌套太深：超过 {MAX_DEPTH} 层"),
    ("exp(" * 150 + "x" + ")" * 150, f"表达式嵌套太深：超过 {MAX_DEPTH} 层"),
    ("x" + "+x" * 150, "表达式太大：超过 300 个数、名字和运算"),  # flat: refused by its size
    ("+".join(f"(x*{i})" for i in range(90)), "表达式太大：超过 300 个数、名字和运算"),
]


@pytest.mark.parametrize("text, message", HOSTILE)
def test_hostile_or_wrong_expressions_fail_fast_with_a_pointer(text, message, monkeypatch):
    # No Value may be built for an expression that is refused.
    monkeypatch.setattr(expr, "Value", None)
    start = time.perf_counter()
    with pytest.raises(ExprError) as err:
        build(text, {"x": 2.0})
    assert time.perf_counter() - start < 1.0  # a hang guard, not a benchmark
    assert str(err.value) == message


def test_a_construct_without_a_name_is_still_described_in_words(monkeypatch):
    # Every construct Python's parser can hand us is named in _KINDS; should a new Python
    # add one, the message must still be a sentence, not an ast class name.
    monkeypatch.delitem(expr._KINDS, ast.Await)
    with pytest.raises(ExprError) as err:
        build("await x", {"x": 1.0})
    assert str(err.value) == "表达式里不能用这种写法：“await x”（第 1 列）"
    with language("en"), pytest.raises(ExprError) as err:
        build("await x", {"x": 1.0})
    assert str(err.value) == "this construct is not allowed in an expression: `await x` (column 1)"


def test_messages_in_english():
    with language("en"):
        with pytest.raises(ExprError, match=r"^attribute access is not allowed in an expression: "
                                            r"`x.__class__` \(column 1\)$"):
            build("x.__class__", {"x": 1.0})
        with pytest.raises(ExprError, match=r"^no value given for y, z; add y=NUMBER"):
            build("x + y * z", {"x": 1.0})
        with pytest.raises(ExprError, match=r"^given a value but not used in the expression: w$"):
            build("x", {"x": 1.0, "w": 2.0})


def test_limits_are_inclusive():
    assert build("x**" + str(MAX_EXPONENT), {"x": 1.0})[0].data == 1.0
    assert build("(" * MAX_DEPTH + "x" + ")" * MAX_DEPTH, {"x": 1.0})[0].data == 1.0
    assert build("-" * (MAX_DEPTH - 1) + "x", {"x": 1.0})[0].data == -1.0


def test_unused_binding_is_refused():
    with pytest.raises(ExprError, match=r"^给了值但表达式里没有用到：y$"):
        build("x", {"x": 1.0, "y": 2.0})


def test_parse_bindings_good():
    assert parse_bindings(["w=0.5", " x = 2 ", "b=-1e-3", "权重=3"]) == {
        "w": 0.5, "x": 2.0, "b": -0.001, "权重": 3.0}
    assert parse_bindings([]) == {}


@pytest.mark.parametrize("items, message", [
    (["x"], "赋值必须写成 名字=数值，例如 x=2，收到 'x'"),
    (["=1"], "赋值必须写成 名字=数值，例如 x=2，收到 '=1'"),
    (["x=abc"], "x 的值必须是数，收到 'abc'"),
    (["x="], "x 的值必须是数，收到 ''"),
    (["x=nan"], "x 的值必须是有限的实数，收到 'nan'"),
    (["x=-inf"], "x 的值必须是有限的实数，收到 '-inf'"),
    (["x=" + "9" * 400], "x 的值必须是有限的实数，收到 '" + "9" * 58 + "…"),
    (["x=1", "x=2"], "名字 x 被赋值了两次"),
    (["ｘ=1", "x=2"], "名字 x 被赋值了两次"),
    (["exp=1"], "exp 是函数名，不能用作变量名"),
])
def test_parse_bindings_errors(items, message):
    with pytest.raises(ExprError) as err:
        parse_bindings(items)
    assert str(err.value) == message


@pytest.mark.parametrize("name", ["1x", "__x", "__class__", "lambda", "a.b", "x y", "a" * 65])
def test_parse_bindings_refuses_bad_names(name):
    with pytest.raises(ExprError, match=r"^名字 .* 不合法：须是标识符"):
        parse_bindings([f"{name}=1"])


def test_build_checks_names_of_a_plain_mapping():
    with pytest.raises(ExprError, match=r"不合法"):
        build("x", {"x": 1.0, "__import__": 2.0})
    with pytest.raises(ExprError, match=r"^名字 x 被赋值了两次$"):
        build("x", {"x": 1.0, "ｘ": 2.0})  # the same name once normalised


def test_build_returns_fresh_values_each_time():
    a, _ = build("x * 2", {"x": 1.0})
    b, _ = build("x * 2", {"x": 1.0})
    assert a is not b and isinstance(a, Value)


@settings(max_examples=500)
@given(st.text(alphabet="xy0123456789.eE+-*/()%[]'\"_ ,:=lambdaexpogsirtnhu\\", max_size=80))
def test_any_text_is_built_or_refused_cleanly(text):
    """Random text never escapes as anything but a clear ValueError/ArithmeticError."""
    try:
        root, leaves = build(text, {name: 0.5 for name in ("x", "y") if name in text})
    except ExprError as err:
        assert str(err)
    except (ValueError, ArithmeticError) as err:  # the engine's own domain errors
        assert str(err)
    else:
        assert isinstance(root, Value) and set(leaves) <= {"x", "y"}


def test_the_parser_never_evaluates_text():
    source = Path(expr.__file__).read_text(encoding="utf-8")
    assert "eval(" not in source and "exec(" not in source and "compile(" not in source


def test_a_flat_sum_or_product_is_one_level_of_nesting():
    """Python's tree of x + x + … + x is as deep as it is long; the expression is not nested."""
    for text, value in [("+".join(["x"] * 101), 202.0),
                        ("*".join(["x"] * 101), 2.0 ** 101),
                        ("x" + "-x+x" * 70, 2.0),  # + and − chain together: 141 terms
                        ("x" + "/x*x" * 70, 2.0)]:
        assert build(text, {"x": 2.0})[0].data == value
    assert build("x" + "+x*x" * 70, {"x": 2.0})[0].data == 2.0 + 70 * 4.0  # a sum of products
    deep_inside_flat = "x+" * 50 + "-" * 98 + "x"  # levels: the chain 1, 98 signs, x: 100
    assert build(deep_inside_flat, {"x": 1.0})[0].data == 51.0


def test_real_nesting_is_still_counted():
    for text in ["-" * 100 + "x", "exp(" * 101 + "x" + ")" * 101, "x+" * 50 + "-" * 100 + "x",
                 "x*" + "-" * 100 + "x"]:
        with pytest.raises(ExprError, match=f"^表达式嵌套太深：超过 {MAX_DEPTH} 层$"):
            build(text, {"x": 1.0})
    with pytest.raises(ExprError, match="嵌套太深"):  # a sum inside a sum, by parentheses
        build("(x+" * 101 + "x" + ")" * 101, {"x": 1.0})
