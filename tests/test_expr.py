"""micrograd_cn.teach.expr: the whitelist parser, its limits, and the Values it builds.

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

from micrograd_cn.engine import Value, topo_sort
from micrograd_cn.i18n import language
from micrograd_cn.teach import expr
from micrograd_cn.teach.expr import MAX_DEPTH, MAX_EXPONENT, MAX_LENGTH, ExprError, build, parse_bindings

# the refusal names the functions an expression may call (the engine's function ops)
CALLS = "只能调用 " + ", ".join(expr.FUNCTIONS)



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
     CALLS + "：“__import__('os').system('echo hi')”（第 1 列）"),
    ("x.__class__", "表达式里不能用属性访问：“x.__class__”（第 1 列）"),
    ("x + x.real", "表达式里不能用属性访问：“x.real”（第 5 列）"),
    ("x[0]", "表达式里不能用下标：“x[0]”（第 1 列）"),
    ("(lambda: 1)() + x", CALLS + "：“(lambda: 1)()”（第 1 列）"),
    ("lambda: x", "表达式里不能用匿名函数 lambda：“lambda: x”（第 1 列）"),
    ("x + 'a'", "表达式里不能用字符串：“'a'”（第 5 列）"),
    ("f'{x}'", "表达式里不能用字符串：“f'{x}'”（第 1 列）"),
    ("__builtins__ + x", "不允许以 __ 开头的名字 __builtins__：“__builtins__”（第 1 列）"),
    ("open(x)", CALLS + "：“open(x)”（第 1 列）"),
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
    ("x +", "表达式有语法错误，在第 4 列附近：invalid syntax"),
    ("x + (2", "表达式有语法错误，在第 5 列附近：'(' was never closed"),
    ("x = 1", "x 已经给了值（x=…），不能在表达式里再赋值：“x”（第 1 列）"),
    ("import os", "不能用导入 import；只能写“名字 = 表达式”这样的步骤，用 ; 或换行分开：“import os”（第 1 列）"),
    ("x\0", "表达式有语法错误，在第 1 列附近：source code string cannot contain null bytes"),
    ("x\n+ 1", "只有最后一步可以不起名字；请给这一步起名，例如 a = …：“x”（第 1 行第 1 列）"),
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


# ------------------------------------------------------------------ named steps
LOGISTIC_STEPS = "z = w1*x1 + w2*x2 + b; a = sigmoid(z); L = -(y*log(a) + (1-y)*log(1-a))"
LOGISTIC_GIVEN = {"w1": 0.8, "w2": 0.4, "x1": 1.5, "x2": -2.0, "b": 0.2, "y": 0.0}


@pytest.mark.parametrize("y", [0.0, 1.0, 0.3])
def test_named_logistic_steps_match_the_closed_forms(y):
    given = dict(LOGISTIC_GIVEN, y=y)
    program = expr.build_program(LOGISTIC_STEPS, given)
    z = 0.8 * 1.5 + 0.4 * -2.0 + 0.2
    a = sigmoid(z)
    assert list(program.steps) == ["z", "a", "L"]
    assert program.root is program.steps["L"]
    assert program.steps["z"].data == pytest.approx(z, rel=1e-15)
    assert program.steps["a"].data == pytest.approx(a, rel=1e-15)
    assert program.root.data == pytest.approx(-(y * math.log(a) + (1 - y) * math.log(1 - a)),
                                              rel=1e-14)
    program.root.backward()
    leaves = program.leaves
    # Closed forms of the logistic neuron: ∂L/∂z = a − y, ∂L/∂wᵢ = xᵢ(a − y), ∂L/∂xᵢ = wᵢ(a − y),
    # and ∂L/∂y = log(1 − a) − log a = −z (y is one leaf: 1 − y is computed from it).
    assert program.steps["z"].grad == pytest.approx(a - y, rel=1e-12)
    assert program.steps["a"].grad == pytest.approx((a - y) / (a * (1 - a)), rel=1e-12)
    assert leaves["w1"].grad == pytest.approx(1.5 * (a - y), rel=1e-12)
    assert leaves["w2"].grad == pytest.approx(-2.0 * (a - y), rel=1e-12)
    assert leaves["x1"].grad == pytest.approx(0.8 * (a - y), rel=1e-12)
    assert leaves["b"].grad == pytest.approx(a - y, rel=1e-12)
    assert leaves["y"].grad == pytest.approx(-z, rel=1e-12)


def test_a_step_used_twice_is_one_node_labelled_with_its_name():
    program = expr.build_program(LOGISTIC_STEPS, LOGISTIC_GIVEN)
    nodes = topo_sort(program.root)
    sigmoids = [v for v in nodes if v._op == "sigmoid"]
    assert sigmoids == [program.steps["a"]] and sigmoids[0].label == "a"
    users = [v for v in nodes if program.steps["a"] in v._prev]
    assert len(users) == 2  # log(a) and 1 − a read the same σ node
    labels = [v.label for v in nodes if v.label]
    assert sorted(labels) == sorted([*LOGISTIC_GIVEN, "z", "a", "L"])  # each name exactly once
    assert program.steps["L"]._prev[0] is not program.steps["a"]  # L = −(…): its own node


def test_named_steps_match_pytorch(torch):
    program = expr.build_program(LOGISTIC_STEPS, dict(LOGISTIC_GIVEN, y=0.25))
    program.root.backward()
    t = {name: torch.tensor(value, requires_grad=True, dtype=torch.float64)
         for name, value in dict(LOGISTIC_GIVEN, y=0.25).items()}
    z = t["w1"] * t["x1"] + t["w2"] * t["x2"] + t["b"]
    a = torch.sigmoid(z)
    loss = -(t["y"] * torch.log(a) + (1 - t["y"]) * torch.log(1 - a))
    loss.backward()
    assert program.root.data == pytest.approx(loss.item(), rel=1e-14)
    for name, tensor in t.items():
        assert program.leaves[name].grad == pytest.approx(tensor.grad.item(), rel=1e-12, abs=1e-15)


def test_a_shared_step_accumulates_like_the_formula():
    # f = s·s + s with s = x·y: ∂f/∂x = (2s + 1)·y, checked by central differences too.
    program = expr.build_program("s = x*y\nf = s*s + s", {"x": 1.3, "y": -0.7})
    program.root.backward()
    formula = lambda x, y: (x * y) ** 2 + x * y  # noqa: E731
    assert program.root.data == pytest.approx(formula(1.3, -0.7), rel=1e-14)
    assert program.leaves["x"].grad == pytest.approx(central(formula, [1.3, -0.7], 0), rel=1e-7)
    assert program.leaves["y"].grad == pytest.approx(central(formula, [1.3, -0.7], 1), rel=1e-7)
    assert program.steps["s"].grad == pytest.approx(2 * 1.3 * -0.7 + 1, rel=1e-14)


@pytest.mark.parametrize("text", [
    "z = w*x + b; a = sigmoid(z)",
    "z = w*x + b\na = sigmoid(z)",
    "z = w*x + b;\n\n   a = sigmoid(z);  ",
    "  z = w*x + b  # the pre-activation\n  a = sigmoid(z)\n",
    "z = w*x + b; sigmoid(z)",
    "z = w*x + b; a = sigmoid(z); a",
])
def test_separators_indentation_and_a_bare_last_step(text):
    program = expr.build_program(text, {"w": 0.5, "x": 2.0, "b": -1.0})
    assert program.root.data == 0.5 and program.root._op == "sigmoid"
    assert list(program.steps)[0] == "z" and program.steps["z"].data == 0.0
    assert program.root.label == ("" if text.endswith("sigmoid(z)") and "a =" not in text else "a")
    root, leaves = build(text, {"w": 0.5, "x": 2.0, "b": -1.0})  # build keeps its two results
    assert root.data == 0.5 and list(leaves) == ["w", "x", "b"]


def test_a_single_expression_has_no_steps_and_a_bare_leaf_stays_the_leaf():
    program = expr.build_program("sigmoid(w*x + b)", {"w": 0.5, "x": 2.0, "b": -1.0})
    assert program.steps == {} and program.root.label == ""
    root, leaves = build("x", {"x": 2.0})
    assert root is leaves["x"] and root.label == "x"


# Wrong or hostile programs (x bound to 2) and the exact Chinese message. All are refused
# before a single Value is built.
HOSTILE_STEPS = [
    ("import os; x",
     "不能用导入 import；只能写“名字 = 表达式”这样的步骤，用 ; 或换行分开：“import os”（第 1 列）"),
    ("from os import system\nx", "不能用导入 import；只能写“名字 = 表达式”这样的步骤，用 ; 或换行分开："
     "“from os import system”（第 1 行第 1 列）"),
    ("x = 1; del x",  # the statement kinds are checked first, over the whole program
     "不能用删除 del；只能写“名字 = 表达式”这样的步骤，用 ; 或换行分开：“del x”（第 8 列）"),
    ("x: int = 2", "不能用类型标注；只能写“名字 = 表达式”这样的步骤，用 ; 或换行分开：“x: int = 2”（第 1 列）"),
    ("for i in x: pass", "不能用循环；只能写“名字 = 表达式”这样的步骤，用 ; 或换行分开：“for i in x: pass”（第 1 列）"),
    ("while x: pass", "不能用循环；只能写“名字 = 表达式”这样的步骤，用 ; 或换行分开：“while x: pass”（第 1 列）"),
    ("if x: y = x", "不能用条件语句 if；只能写“名字 = 表达式”这样的步骤，用 ; 或换行分开：“if x: y = x”（第 1 列）"),
    ("def f(): pass\nf(x)", "不能用函数或类的定义；只能写“名字 = 表达式”这样的步骤，用 ; 或换行分开："
     "“def f(): pass”（第 1 行第 1 列）"),
    ("class A: pass",
     "不能用函数或类的定义；只能写“名字 = 表达式”这样的步骤，用 ; 或换行分开：“class A: pass”（第 1 列）"),
    ("global x; x", "不能用这种语句；只能写“名字 = 表达式”这样的步骤，用 ; 或换行分开：“global x”（第 1 列）"),
    ("pass", "不能用这种语句；只能写“名字 = 表达式”这样的步骤，用 ; 或换行分开：“pass”（第 1 列）"),
    ("a, b = 1, 2", "只能给一个名字赋值，例如 z = w*x + b：“a, b”（第 1 列）"),
    ("x.y = x*2", "只能给一个名字赋值，例如 z = w*x + b：“x.y”（第 1 列）"),
    ("a[0] = x*2", "只能给一个名字赋值，例如 z = w*x + b：“a[0]”（第 1 列）"),
    ("a = b = x*2", "一步只能给一个名字赋值（把 a = b = … 拆成两步）：“a = b = x*2”（第 1 列）"),
    ("a = x*2; a += 1", "不能用 +=：每个名字是一个节点，只赋值一次；新的值请起新的名字：“a += 1”（第 10 列）"),
    ("a = x*2; a //= 1", "不能用 //=：每个名字是一个节点，只赋值一次；新的值请起新的名字：“a //= 1”（第 10 列）"),
    ("x*2; x", "只有最后一步可以不起名字；请给这一步起名，例如 a = …：“x*2”（第 1 列）"),
    ("a = x*2; a = a*3", "名字 a 被赋值了两次（每个名字是一个节点，只能赋值一次）：“a”（第 10 列）"),
    ("a = x*2\nb = a*3\na = b*2",
     "名字 a 被赋值了两次（每个名字是一个节点，只能赋值一次）：“a”（第 3 行第 1 列）"),
    ("a = b*2; b = x*3; a", "名字 b 在赋值之前就用到了：“b”（第 5 列）"),
    ("a = a*x", "名字 a 在赋值之前就用到了：“a”（第 5 列）"),
    ("exp = x*2; exp", "exp 是函数名，不能用作步骤的名字：“exp”（第 1 列）"),
    ("sigmoid = x*2; sigmoid", "sigmoid 是函数名，不能用作步骤的名字：“sigmoid”（第 1 列）"),
    ("x = x*2", "x 已经给了值（x=…），不能在表达式里再赋值：“x”（第 1 列）"),
    ("y = x*2; x = y*2; x", "x 已经给了值（x=…），不能在表达式里再赋值：“x”（第 10 列）"),
    ("y = z*2; z = x*2; y", "名字 z 在赋值之前就用到了：“z”（第 5 列）"),
    ("__a = x*2; __a", "不允许以 __ 开头的名字 __a：“__a”（第 1 列）"),
    ("a = x; a*2", "a = x 没有计算新的节点，只是给 x 另起一个名字；请直接用 x：“a = x”（第 1 列）"),
    ("a = x*2; b = +a; b", "b = a 没有计算新的节点，只是给 a 另起一个名字；请直接用 a：“b = +a”（第 10 列）"),
    ("a = 3; a*x", "a 只是一个数，不是一步计算；请把它写成 a=数值 放在表达式后面：“a = 3”（第 1 列）"),
    ("z = x*2; x", "算出了 z，但结果没有用到它：“z = x*2”（第 1 列）"),
    ("z = x*2; w = x*3; w", "算出了 z，但结果没有用到它：“z = x*2”（第 1 列）"),
    ("z = x*2; L = z*y", "名字 y 没有给值；请在表达式后面加上 y=数值"),
    ("a = (x := 2)*x; a", "表达式里不能用赋值 :=：“x := 2”（第 6 列）"),
    ("a = x.real*2; a", "表达式里不能用属性访问：“x.real”（第 5 列）"),
    ("a = x*2;; a", "表达式有语法错误，在第 9 列附近：invalid syntax"),
    ("a = x*2\n  )", "表达式有语法错误，在第 2 行第 1 列附近：unmatched ')'"),
    (";", "表达式是空的"),
    (" ; ;\n ;", "表达式是空的"),
    ("# only a comment", "表达式是空的"),
    ("".join(f"a{i} = x*{i};" for i in range(300)) + "a299",
     f"表达式太长：{len(''.join(f'a{i} = x*{i};' for i in range(300))) + 4} 个字符，最多 {MAX_LENGTH} 个"),
    ("".join(f"q{i}=x*x;" for i in range(110)), "表达式太大：超过 300 个数、名字和运算"),
    # nesting counts across steps, as if each name were written out where it is used
    ("a = " + "-" * 50 + "x\nb = " + "-" * 50 + "a", f"表达式嵌套太深：超过 {MAX_DEPTH} 层"),
]


@pytest.mark.parametrize("text, message", HOSTILE + HOSTILE_STEPS)
def test_hostile_or_wrong_expressions_fail_fast_with_a_pointer(text, message, monkeypatch):
    # No Value may be built for an expression that is refused.
    monkeypatch.setattr(expr, "Value", None)
    start = time.perf_counter()
    with pytest.raises(ExprError) as err:
        build(text, {"x": 2.0})
    assert time.perf_counter() - start < 1.0  # a hang guard, not a benchmark
    assert str(err.value) == message


def test_nesting_across_steps_is_inclusive():
    # 49 + 50 minus signs in two steps: exactly as deep as -(-(…x)) written out (100 levels).
    program = expr.build_program("a = " + "-" * 49 + "x\nb = " + "-" * 50 + "a", {"x": 1.5})
    assert program.root.data == -1.5
    program.root.backward()
    assert program.leaves["x"].grad == -1.0
    # A long chain of shallow steps is fine: each name nests only as deep as it is written.
    chain = "a0 = x*1\n" + "".join(f"a{i + 1} = a{i}*1\n" for i in range(40))
    assert expr.build_program(chain, {"x": 1.5}).root.data == 1.5


def test_step_messages_in_english():
    cases = [
        ("a = x*2; a = a*3", "a is assigned twice (each name is one node, assigned once): `a` (column 10)"),
        ("a = b*2\nb = x", "b is used before it is assigned: `b` (line 1, column 5)"),
        ("log = x*2; log", "log is a function name and cannot name a step: `log` (column 1)"),
        ("y = x*2; x = y*2; x",
         "x is given a value (x=…) and cannot also be assigned in the expression: `x` (column 10)"),
        ("import os; x", "import is not allowed; write steps of the form name = expression, "
                         "separated by ; or new lines: `import os` (column 1)"),
        ("a = b = x*2", "one step names one node (split a = b = … into two steps): `a = b = x*2` (column 1)"),
        ("z = x*2; x", "z is computed but the result does not use it: `z = x*2` (column 1)"),
    ]
    with language("en"):
        for text, message in cases:
            with pytest.raises(ExprError) as err:
                build(text, {"x": 2.0})
            assert str(err.value) == message


@settings(max_examples=500)
@given(st.text(alphabet="xyab0123456789.+-*/()=;\n #:,[]_elogsqpt", max_size=60))
def test_any_program_is_built_or_refused_cleanly(text):
    """Random programs never escape as anything but a clear ValueError/ArithmeticError."""
    try:
        program = expr.build_program(text, {name: 0.5 for name in ("x", "y") if name in text})
    except ExprError as err:
        assert str(err)
    except (ValueError, ArithmeticError) as err:
        assert str(err)
    else:
        assert isinstance(program.root, Value) and set(program.leaves) <= {"x", "y"}
        for name, node in program.steps.items():
            assert node.label == name and node._prev  # a step is always a computed node


# ------------------------------------------------------------------ answers (the quiz)
@pytest.mark.parametrize("text, value", [
    ("0.25*2", 0.5), ("1/8", 0.125), ("-0.5", -0.5), ("−(0.5 − 1)", 0.5), ("2×3÷4", 1.5),
    ("exp(0)", 1.0), ("(1)", 1.0), ("3**2", 9.0),
])
def test_answer_is_arithmetic_of_numbers(text, value):
    from micrograd_cn.teach.expr import answer

    assert answer(text) == value


@pytest.mark.parametrize("text, zh, en", [
    ("w*2", "答案里不能有名字 'w'：请写出它的数值", "an answer holds no names ('w'): write its value"),
    ("  ", "答案是空的", "the answer is empty"),
    ("0.5.5", "'0.5.5' 不是一个数或算式", "'0.5.5' is not a number or arithmetic"),
    ("open('x')", "只能调用", "only"),
    ("2 % 3", "%", "%"),
    ("(" * 200 + "1" + ")" * 200, "100", "100"),
])
def test_answer_refuses_anything_else_clearly(text, zh, en):
    from conftest import assert_clear_error

    from micrograd_cn.teach.expr import answer

    assert_clear_error(lambda: answer(text), ExprError, zh, en)
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
