"""The engine against three oracles: hand-computed graphs, central differences
(hypothesis, every op inside its domain) and the closed forms of the seeds.
PyTorch float64 comparisons are in test_oracle_torch.py."""

from __future__ import annotations

import gc
import math
from functools import partial

import pytest
from conftest import assert_clear_error
from hypothesis import given
from hypothesis import strategies as st

from micrograd_cn.engine import OPS, Value, topo_sort, weighted_sum
from micrograd_cn.i18n import language

# Inputs where each op is defined and its central difference is well conditioned.
anywhere = st.floats(-5.0, 5.0, allow_nan=False)
positive = st.floats(0.1, 5.0)
away_from_zero = st.one_of(st.floats(-5.0, -0.2), st.floats(0.2, 5.0))
H = 1e-6


def central(f, xs, i, h=H):
    """∂f/∂x_i by central differences on plain floats."""
    up = list(xs)
    down = list(xs)
    up[i] += h
    down[i] -= h
    return (f(*up) - f(*down)) / (2 * h)


def check_op(value_fn, float_fn, *xs, tol=1e-6):
    """backward() of value_fn matches central differences of float_fn at xs."""
    leaves = [Value(x) for x in xs]
    out = value_fn(*leaves)
    assert out.data == pytest.approx(float_fn(*xs), rel=1e-12, abs=1e-12)
    out.backward()
    for i, leaf in enumerate(leaves):
        numeric = central(float_fn, xs, i)
        assert leaf.grad == pytest.approx(numeric, rel=tol, abs=tol), (i, xs)


# ------------------------------------------------------------------ every op vs central differences
@given(anywhere, anywhere)
def test_add(a, b):
    check_op(lambda x, y: x + y, lambda x, y: x + y, a, b)


@given(anywhere, anywhere)
def test_sub(a, b):
    check_op(lambda x, y: x - y, lambda x, y: x - y, a, b)


@given(anywhere)
def test_neg(a):
    check_op(lambda x: -x, lambda x: -x, a)


@given(anywhere, anywhere)
def test_mul(a, b):
    check_op(lambda x, y: x * y, lambda x, y: x * y, a, b)


@given(anywhere, away_from_zero)
def test_div(a, b):
    check_op(lambda x, y: x / y, lambda x, y: x / y, a, b, tol=1e-5)


@given(anywhere, st.sampled_from([0, 1, 2, 3, -1, -2, 0.5, 1.5, -0.5]))
def test_pow_constant(a, n):
    if (a <= 0.1 and not float(n).is_integer()) or (abs(a) < 0.1 and n < 0):
        a = abs(a) + 0.1  # stay inside the domain of x**n
    check_op(lambda x: x ** n, lambda x: x ** n, a, tol=1e-5)


@given(positive, st.floats(-3.0, 3.0))
def test_pow_value_exponent(a, n):
    check_op(lambda x, y: x ** y, lambda x, y: x ** y, a, n, tol=1e-5)


@given(positive)
def test_rpow(a):
    check_op(lambda x: 2 ** x, lambda x: 2 ** x, a)


@given(st.floats(-5.0, 5.0))
def test_exp(a):
    check_op(lambda x: x.exp(), math.exp, a, tol=1e-5)


@given(positive)
def test_log(a):
    check_op(lambda x: x.log(), math.log, a, tol=1e-5)


@given(anywhere)
def test_sigmoid(a):
    check_op(lambda x: x.sigmoid(), lambda x: 1 / (1 + math.exp(-x)), a)


@given(anywhere)
def test_tanh(a):
    check_op(lambda x: x.tanh(), math.tanh, a)


@given(away_from_zero)
def test_relu(a):
    check_op(lambda x: x.relu(), lambda x: max(0.0, x), a)


@given(st.lists(st.tuples(anywhere, anywhere), min_size=1, max_size=6), anywhere)
def test_weighted_sum(pairs, b):
    n = len(pairs)
    flat = [w for w, _ in pairs] + [x for _, x in pairs] + [b]

    def as_values(*v):
        return weighted_sum(v[:n], v[n:2 * n], v[2 * n])

    def as_floats(*v):
        return sum(v[i] * v[n + i] for i in range(n)) + v[2 * n]

    check_op(as_values, as_floats, *flat)


@given(anywhere, positive, anywhere)
def test_composite_expression(a, b, c):
    def f(x, y, z):
        return ((x * y + z).tanh() + (y.log() - x / y) ** 2).sigmoid() * z.exp()

    def g(x, y, z):
        inner = math.tanh(x * y + z) + (math.log(y) - x / y) ** 2
        return 1 / (1 + math.exp(-inner)) * math.exp(z)

    check_op(f, g, a, b, c, tol=1e-5)


# ------------------------------------------------------------------ hand-computed graphs
def test_micrograd_sanity_check():
    # micrograd's test_sanity_check; PyTorch gives y = -20, dy/dx = 46.
    x = Value(-4.0)
    z = 2 * x + 2 + x
    q = z.relu() + z * x
    h = (z * z).relu()
    y = h + q + q * x
    y.backward()
    assert y.data == -20.0
    assert x.grad == 46.0


def test_micrograd_more_ops():
    # micrograd's test_more_ops, with += and reflected ops; values from PyTorch.
    a = Value(-4.0)
    b = Value(2.0)
    c = a + b
    d = a * b + b ** 3
    c += c + 1
    c += 1 + c + (-a)
    d += d * 2 + (b + a).relu()
    d += 3 * d + (b - a).relu()
    e = c - d
    f = e ** 2
    g = f / 2.0
    g += 10.0 / f
    g.backward()
    assert g.data == pytest.approx(24.70408163265306, abs=1e-12)
    assert a.grad == pytest.approx(138.83381924198252, abs=1e-10)
    assert b.grad == pytest.approx(645.5772594752186, abs=1e-10)


def test_gradients_accumulate_where_a_node_is_reused():
    a = Value(3.0)
    (a + a).backward()
    assert a.grad == 2.0
    b = Value(3.0)
    (b * b).backward()
    assert b.grad == 6.0
    c = Value(2.0)
    shared = c * 3  # used twice below
    out = shared * shared + shared  # 9c² + 3c
    out.backward()
    assert shared.grad == 2 * 6.0 + 1  # 2·shared + 1
    assert c.grad == 18 * 2.0 + 3


def test_each_op_records_its_local_derivative_and_formula():
    from micrograd_cn.teach.naming import Naming

    x = Value(0.5, label="z")
    s = x.sigmoid()
    (edge,) = s.edges()
    assert edge.input is x and edge.position == 0
    assert edge.local == pytest.approx(s.data * (1 - s.data))
    names = Naming(s)
    assert names.local(s, 0) == "σ′(z)"
    assert names.rule(s) == "σ′(z) = σ(z)(1 − σ(z)) = f(1 − f)"
    a, b = Value(2.0, label="a"), Value(-3.0, label="b")
    ab = a * b
    assert [e.local for e in ab.edges()] == [-3.0, 2.0]
    assert [Naming(ab).local(ab, i) for i in (0, 1)] == ["b", "a"]
    assert [e.local for e in (a / b).edges()] == pytest.approx([1 / -3.0, -2.0 / 9.0])
    cube = a ** 3
    assert [e.local for e in cube.edges()] == [12.0]
    assert Naming(cube).local(cube, 0) == "3·a²" and Naming(cube).forward(cube) == "a³"
    z = weighted_sum([a, b], [Value(5.0, label="x₁"), Value(7.0, label="x₂")], Value(1.0, label="c"))
    names = Naming(z)
    assert [(e.local, names.local(z, e.position)) for e in z.edges()] == [
        (5.0, "x₁"), (7.0, "x₂"), (2.0, "a"), (-3.0, "b"), (1.0, "1")]
    assert names.forward(z) == "a·x₁ + b·x₂ + c"


# Every op a Value method (or weighted_sum) can make, with inputs inside its domain.
MAKERS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "neg": lambda a, b: -a,
    "*": lambda a, b: a * b, "/": lambda a, b: a / b, "**": lambda a, b: a ** 2,
    "pow": lambda a, b: a ** b, "exp": lambda a, b: a.exp(), "log": lambda a, b: a.log(),
    "sigmoid": lambda a, b: a.sigmoid(), "tanh": lambda a, b: a.tanh(),
    "relu": lambda a, b: a.relu(), "wsum": lambda a, b: weighted_sum([a], [b], a),
    "radd": lambda a, b: 2 + a, "rsub": lambda a, b: 2 - a, "rmul": lambda a, b: 2 * a,
    "rdiv": lambda a, b: 2 / a, "rpow": lambda a, b: 2 ** a,
}


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_every_op_a_method_makes_is_registered_with_complete_formulas(name):
    """Adding an op means its method and its @op line: nothing else may need a formula."""
    from micrograd_cn.teach.naming import Naming

    a, b = Value(1.5, label="a"), Value(0.5, label="b")
    out = MAKERS[name](a, b)
    assert out._op in OPS, f"{name} makes an unregistered op {out._op!r}"
    op = OPS[out._op]
    assert op.symbol and op.local
    names = Naming(out)
    texts = [names.forward(out), names.rule(out)] + [names.local(out, i) for i in range(len(out._prev))]
    assert texts[0] and all("{" not in text and "}" not in text for text in texts), texts


def test_backward_applies_exactly_the_recorded_locals():
    """The closures do what edges() says: input.grad = Σ upstream × recorded local."""
    x, y = Value(0.7), Value(-1.3)
    out = (x * y).tanh() + (x / y).exp() * x + weighted_sum([x], [y], y).sigmoid()
    out.backward()
    # Replay the chain rule from the recorded edges alone, in the same order.
    replay = {id(node): 0.0 for node in topo_sort(out)}
    replay[id(out)] = 1.0
    for node in reversed(topo_sort(out)):
        for edge in node.edges():
            replay[id(edge.input)] += replay[id(node)] * edge.local
    for node in topo_sort(out):
        assert node.grad == replay[id(node)]


# ------------------------------------------------------------------ backward semantics
def test_backward_twice_keeps_interior_grads_and_accumulates_leaves():
    x = Value(2.0)
    mid = x * x
    out = mid * 3
    out.backward()
    assert (mid.grad, x.grad) == (3.0, 12.0)
    out.backward()
    assert mid.grad == 3.0  # interior: recomputed, not doubled
    assert x.grad == 24.0  # leaf: accumulates, as in PyTorch
    x.grad = 0.0
    out.backward()
    assert x.grad == 12.0
    out.zero_grad()
    assert (out.grad, mid.grad, x.grad) == (0.0, 0.0, 0.0)


def test_backward_on_a_leaf_accumulates_one():
    x = Value(5.0)
    x.backward()
    x.backward()
    assert x.grad == 2.0


def test_topological_order_is_stable_and_inputs_come_first():
    def build():
        a, b = Value(1.0, label="a"), Value(2.0, label="b")
        c = (a * b).tanh()
        c.label = "c"
        return c + a

    first = [(n._op, n.data) for n in topo_sort(build())]
    assert first == [(n._op, n.data) for n in topo_sort(build())]
    order = topo_sort(build())
    position = {id(n): i for i, n in enumerate(order)}
    for node in order:
        assert all(position[id(child)] < position[id(node)] for child in node._prev)


def test_million_node_chain_needs_no_recursion():
    x = Value(0.5)
    v = x
    for _ in range(1_000_000):
        v = v * 1.0000001
    v.backward()
    assert x.grad == pytest.approx(1.0000001 ** 1_000_000, rel=1e-9)
    del v  # freeing a million nested nodes must not overflow the C stack either


def test_no_reference_cycles():
    """Graphs are freed by reference counting alone: nothing for the cyclic GC to find."""
    gc.collect()
    gc.disable()
    try:
        x = Value(1.5)
        out = x
        for _ in range(200):
            out = (out * x + 1.0).tanh() - out.sigmoid() / 2.0
        out.backward()
        del out
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_stable_at_extremes():
    for x in (-1000.0, -50.0, 50.0, 1000.0):
        for fn in (Value.sigmoid, Value.tanh):
            leaf = Value(x)
            out = fn(leaf)
            out.backward()
            assert math.isfinite(out.data) and math.isfinite(leaf.grad)
    assert Value(1000.0).sigmoid().data == 1.0
    assert Value(-1000.0).sigmoid().data == 0.0
    assert Value(-30.0).sigmoid().data == pytest.approx(math.exp(-30.0) / (1 + math.exp(-30.0)), rel=1e-12)


def test_micrograd_constructor_and_repr():
    a = Value(2)
    assert a.data == 2.0 and isinstance(a.data, float)
    assert a._prev == () and a._op == ""
    named = Value(1.5, label="w")
    assert repr(named) == "Value(data=1.5, grad=0.0, label='w')"
    assert repr(Value(0.25)) == "Value(data=0.25, grad=0.0)"
    assert repr(Value(0.1) * 3) == "Value(data=0.30000000000000004, grad=0.0)"  # full float
    node = Value(3.0, (a, named), "+")
    assert node._prev == (a, named)
    assert sum([Value(1.0), Value(2.0), 3.0]).data == 6.0


# ------------------------------------------------------------------ bad input: clear errors, zh and en
BAD = [
    (lambda: Value("abc"), TypeError, "Value：需要数字（int/float）或 Value，收到 str 'abc'",
     "Value: expected a number (int/float) or a Value, got str 'abc'"),
    (lambda: Value(None), TypeError, "收到 NoneType None", "got NoneType None"),
    (lambda: Value(float("nan")), ValueError, "数值必须是有限的实数，收到 nan", "must be finite, got nan"),
    (lambda: Value(float("inf")), ValueError, "收到 inf", "got inf"),
    (lambda: Value(True), TypeError, "收到 bool True", "got bool True"),
    (lambda: Value(10 ** 400), ValueError, "数值必须是有限的实数", "must be finite"),
    (lambda: Value(1.0) + "x", TypeError, "+：需要数字", "+: expected a number"),
    (lambda: "x" * Value(1.0), TypeError, "*：需要数字", "*: expected a number"),
    (lambda: Value(1.0) - [1], TypeError, "收到 list [1]", "got list [1]"),
    (lambda: Value(0.0).log(), ValueError,
     "log：x 必须大于 0，收到 x = 0.0", "log: x must be greater than 0, got x = 0.0"),
    (lambda: Value(-2.0).log(), ValueError, "收到 x = -2.0", "got x = -2.0"),
    (lambda: Value(710.0).exp(), OverflowError,
     "exp：e^x 超出浮点数范围（x = 710.0", "exp: e^x overflows a float (x = 710.0"),
    (lambda: Value(1.0) / 0, ZeroDivisionError,
     "除法：除数为 0（1.0 / 0.0）", "division: the divisor is 0 (1.0 / 0.0)"),
    (lambda: 1 / Value(0.0), ZeroDivisionError, "除数为 0", "divisor is 0"),
    (lambda: Value(0.0) ** -1, ZeroDivisionError, "0 的 -1 次幂无定义", "0 ** -1 is undefined"),
    (lambda: Value(-8.0) ** 0.5, ValueError,
     "负数 -8.0 的非整数次幂 0.5", "negative base -8.0 to the non-integer power 0.5"),
    (lambda: Value(-2.0) ** Value(2.0), ValueError, "底数必须大于 0", "base must be greater than 0"),
    (lambda: Value(0.0) ** 0.5, ValueError, "导数", "derivative"),
    (lambda: Value(1e200) * 1e200, OverflowError,
     "*：结果超出浮点数范围（1e+200 * 1e+200）", "*: the result overflows a float (1e+200 * 1e+200)"),
    (lambda: Value(1e308) + 1e308, OverflowError, "+：结果超出", "+: the result overflows"),
    (lambda: Value(10.0) ** 400, OverflowError, "**：结果超出", "**: the result overflows"),
    (lambda: Value(2.0) ** "x", TypeError, "**：需要数字", "**: expected a number"),
    (lambda: Value(1.0, "x"), TypeError, "label='x'", "label='x'"),
    (lambda: weighted_sum([Value(1.0)], [1.0, 2.0], Value(0.0)), ValueError,
     "权重有 1 个，输入有 2 个", "1 weights but 2 inputs"),
]


@pytest.mark.parametrize("make, error, zh, en", BAD)
def test_bad_input_gets_a_clear_error(make, error, zh, en):
    assert_clear_error(make, error, zh, en)


def test_huge_hostile_value_is_shortened_in_the_message():
    with pytest.raises(TypeError) as excinfo:
        Value("a" * 100_000)
    assert len(str(excinfo.value)) < 200


def test_weighted_sum_takes_numbers_as_constant_weights_and_refuses_text():
    x = Value(3.0)
    z = weighted_sum([2.0, Value(-1.0)], [x, 4.0], 0.5)
    z.backward()
    assert z.data == 2.0 * 3.0 - 4.0 + 0.5
    assert x.grad == 2.0
    assert_clear_error(lambda: weighted_sum(["w", 1.0], [1.0, 2.0], 0.0), TypeError,
                       "wsum：需要数字", "wsum: expected a number")


def test_label_is_always_text():
    assert Value(1.0, label=7).label == "7"


def test_graph_functions_refuse_a_non_value_root():
    from micrograd_cn.teach.trace import trace

    for call in (topo_sort, trace):
        assert_clear_error(partial(call, 3.0), TypeError,
                           "需要一个 Value 作为计算图的根，收到 float 3.0",
                           "expected a Value as the root of a graph, got float 3.0")


def test_an_int_too_long_to_print_is_still_a_clear_error():
    assert_clear_error(lambda: Value(10 ** 5000), ValueError, "<int 16610 bits>", "<int 16610 bits>")


# ------------------------------------------------------------------ gradients out of the float range
def overflowing_gradient() -> tuple[Value, Value]:
    """Every forward value and local derivative is finite; only the chain-rule products overflow."""
    x = Value(1e-10)
    return x, x * 1e300 * 1e10 - x * 1e300 * 1e10


def test_backward_never_leaves_a_silent_nan():
    x, y = overflowing_gradient()
    assert y.data == 0.0
    with pytest.raises(FloatingPointError) as err:
        y.backward()
    assert str(err.value).startswith("反向传播：梯度超出了浮点数范围：叶子节点 1e-10 的梯度成了 nan")
    assert "10000000000.0 × 1e+300 = inf；-10000000000.0 × 1e+300 = -inf" in str(err.value)
    x.grad = 0.0
    with language("en"), pytest.raises(FloatingPointError) as err:
        y.backward()
    assert str(err.value).startswith(
        "backward: the gradient left the float range: the gradient of the leaf 1e-10 became nan "
        "(contributions flowing in: 10000000000.0 × 1e+300 = inf; -10000000000.0 × 1e+300 = -inf)")


def test_the_error_names_the_first_node_whose_gradient_overflowed():
    """An interior node, named by its label: the pass stops there, before any leaf."""
    c = Value(2.0, label="c")
    d = c * 1e-300
    d.label = "d"
    wide = d * 1e300 * 1e300  # forward 2e300 is finite; ∂wide/∂d = 1e300 · 1e300 is not
    with pytest.raises(FloatingPointError,
                       match=r"：d 的梯度成了 inf（流入的贡献：1e\+300 × 1e\+300 = inf）"):
        wide.backward()
    assert c.grad == 0.0  # the pass stopped at d


def test_an_unlabelled_interior_node_is_named_by_its_op_and_value():
    x = Value(3.0)
    wide = (x * 1e-300) * 1e300 * 1e300
    with language("en"), pytest.raises(FloatingPointError,
                                       match=r'of the result of "\*" \(value 3e-300\) became inf'):
        wide.backward()
