"""The chain-rule tracer against the engine's own backward pass, hand-computed
graphs, the printed formulas and the printers (golden files)."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from micrograd_cn.cli import main
from micrograd_cn.engine import Value, topo_sort, weighted_sum
from micrograd_cn.render.layout import width
from micrograd_cn.teach.naming import Naming
from micrograd_cn.teach.snapshot import snapshot
from micrograd_cn.teach.trace import render_trace, step_pages, trace

small = st.floats(-2.0, 2.0, allow_nan=False)
positive = st.floats(0.2, 3.0)


# Graphs that exercise every op, fan-out, a + a, a * a and shared sub-expressions.
# Each takes three leaves and returns the root.
GRAPHS = {
    "tanh_neuron": lambda a, b, c: (a * b + c).tanh(),
    "add_self": lambda a, b, c: a + a,
    "mul_self": lambda a, b, c: a * a,
    "shared": lambda a, b, c: (lambda s: s * s + s.exp())(a * b + c),
    "div_log": lambda a, b, c: (a * a + 1.0).log() / (c * c + 1.0) - b,
    "sigmoid_relu_neg": lambda a, b, c: -(a.sigmoid() * b.relu()) + (c - a),
    "pow_const": lambda a, b, c: (a ** 2 + b ** 3) * (c * c + 1.0) ** -0.5,
    "pow_value": lambda a, b, c: (a * a + 1.0) ** b + c,
    "wsum": lambda a, b, c: weighted_sum([a, b], [c, a], b).sigmoid(),
    "constants": lambda a, b, c: 2 * a + 3 - b / 4 + 1 / (c * c + 1),
}


def build(name, values, labels=("a", "b", "c")):
    leaves = [Value(v, label=lab) for v, lab in zip(values, labels)]
    return GRAPHS[name](*leaves), leaves


@pytest.mark.parametrize("name", sorted(GRAPHS))
@given(a=small, b=small, c=small)
def test_trace_gives_every_grad_backward_gives_and_touches_none(name, a, b, c):
    root, leaves = build(name, (a, b, c))
    steps = trace(root)
    assert all(v.grad == 0.0 for v in topo_sort(root))  # a pure observation
    twin, twin_leaves = build(name, (a, b, c))
    twin.backward()
    final = {id(s.input): s.grad_after for s in steps}  # the last step into a node wins
    final[id(root)] = 1.0
    for mine, theirs in zip(topo_sort(root), topo_sort(twin)):
        assert final.get(id(mine), 0.0) == theirs.grad  # bit for bit
    # Every contribution is upstream × local, with local read from the op's edge.
    for s in steps:
        edge = s.output.edges()[s.position]
        assert edge.input is s.input
        assert s.local == edge.local
        assert s.contribution == s.upstream * s.local
        assert s.grad_after == s.grad_before + s.contribution
        assert s.upstream == final[id(s.output)]  # an interior grad is final when it flows on
    # The contributions into each leaf add up (in order) to its gradient.
    for leaf, twin_leaf in zip(leaves, twin_leaves):
        total = 0.0
        for s in steps:
            if s.input is leaf:
                total += s.contribution
        assert total == twin_leaf.grad
    assert trace(root) == steps  # and the same steps every time


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_one_step_per_edge_in_backward_order(name):
    root, _ = build(name, (0.7, -1.3, 0.4))
    steps = trace(root)
    order = topo_sort(root)
    expected = [(node, k) for node in reversed(order) if node._prev
                for k in range(len(node.edges()))]
    assert [(s.output, s.position) for s in steps] == expected
    for s in steps:
        assert order[s.output_index] is s.output
        assert order[s.input_index] is s.input


def test_hand_computed_neuron():
    """f = tanh(w·x + b) + x·x at w = −0.5, x = 2, b = 0.25, every number by hand."""
    w, x, b = Value(-0.5, label="w"), Value(2.0, label="x"), Value(0.25, label="b")
    n = w * x + b
    f = n.tanh() + x * x
    steps = trace(f)
    th = math.tanh(-0.75)
    slope = 1 - th * th
    got = [(s.output._op, s.input.label, s.upstream, s.local, s.contribution) for s in steps]
    assert got == [
        ("+", "", 1.0, 1.0, 1.0),  # f → tanh(n)
        ("+", "", 1.0, 1.0, 1.0),  # f → x·x
        ("*", "x", 1.0, 2.0, 2.0),  # x·x → x (first factor)
        ("*", "x", 1.0, 2.0, 2.0),  # x·x → x (second factor)
        ("tanh", "", 1.0, slope, slope),
        ("+", "", slope, 1.0, slope),  # n → w·x
        ("+", "b", slope, 1.0, slope),
        ("*", "w", slope, 2.0, 2.0 * slope),
        ("*", "x", slope, -0.5, -0.5 * slope),
    ]
    assert [s.grad_after for s in steps if s.input is x] == [2.0, 4.0, 4.0 - 0.5 * slope]


def test_rendering_twice_or_after_backward_gives_the_same_text():
    """The defect of issue 13: a second rendering read accumulated leaf grads (∂f/∂w = 3 = 6)."""
    w, x, b = Value(2.0, label="w"), Value(3.0, label="x"), Value(1.0, label="b")
    f = w * x + b
    first = render_trace(f, lang="en")
    assert render_trace(f, lang="en") == first
    f.backward()
    f.backward()  # leaves accumulate: w.grad is now 6
    for style in ("table", "narrative"):
        assert render_trace(f, lang="en", style=style) == render_trace(f, lang="en", style=style)
    assert render_trace(f, lang="en") == first
    assert "∂f/∂w = 3\n" in first and "∂f/∂w = 6" not in first and "= 3 = 6" not in first
    assert snapshot(f) == snapshot(f)


def test_leaf_root_prints_a_sentence_not_an_empty_table():
    x = Value(1.5, label="x")
    assert render_trace(x, lang="en") == (
        "Forward pass (inputs first):\n    x = 1.5\n\n"
        "No chain-rule steps: the root is itself a leaf (∂x/∂x = 1), so no gradient flows further.")
    assert x.grad == 0.0


def test_hand_made_node_without_a_rule_gives_no_steps():
    a = Value(1.0, label="a")
    odd = Value(5.0, (a,), "+")  # made by hand: it has inputs but records no derivative
    assert trace(odd) == [] and a.grad == 0.0
    assert "5" in render_trace(odd)


# ------------------------------------------------------------------ names and formulas
def test_node_names():
    x, y = Value(2.0, label="x"), Value(-1.0, label="x")
    root = (x * 3 + y * 3) * (Value(1.0) - x)
    names = Naming(root)
    order = names.order
    assert names.names[-1] == "f"
    assert names.of(x) == "x#1" and names.of(y) == "x#2"  # one name, two nodes: numbered
    assert names.names.count("3") == 2 and names.kind(order[1]) == "const"  # a number is a number
    assert "1" in names.names
    assert [n for n in names.names if n.startswith("v")] == ["v1", "v2", "v3", "v4"]
    assert names.of(root._prev[0]) == "v3"  # unnamed results count from 1 in topo order
    labeled = Value(1.0, label="L")
    assert Naming(labeled * 2).names == ["L", "2", "f"]
    inner = labeled * 2
    assert Naming(inner + labeled).names == ["L", "2", "v1", "f"]
    assert Naming(root, params=[x]).kinds[:2] == ["param", "const"]


def test_formulas_are_the_ops_templates_filled_with_names():
    z, w, x = Value(0.3, label="z"), Value(0.5, label="w₁"), Value(2.0, label="x₁")
    one_minus = Value(1.0, label="1−a")

    def check(node, position, formula, text):
        names = Naming(node)
        assert names.local(node, position) == formula
        assert names.forward(node) == text

    check(z.sigmoid(), 0, "σ′(z)", "σ(z)")
    check(w * x, 0, "x₁", "w₁·x₁")
    check(w * x, 1, "w₁", "w₁·x₁")
    check(one_minus.log(), 0, "1/(1−a)", "log(1−a)")
    check(w / x, 1, "−w₁/x₁²", "w₁/x₁")
    check(z.exp(), 0, "exp(z)", "exp(z)")
    check(z ** 3, 0, "3·z²", "z³")
    check(z ** -1, 0, "(−1)·z⁻²", "z⁻¹")
    check(z ** 0.5, 0, "0.5·z^(−0.5)", "z^0.5")
    check(z ** w, 1, "z^w₁·log(z)", "z^w₁")
    check(z.relu(), 0, "ReLU′(z)", "ReLU(z)")
    check(z.tanh(), 0, "tanh′(z)", "tanh(z)")
    check(-z, 0, "−1", "−z")
    check(z - one_minus, 1, "−1", "z − (1−a)")
    # A product is grouped where precedence needs it.
    p = Value(6.0, label="a·b")
    check(w / p, 1, "−w₁/(a·b)²", "w₁/(a·b)")
    check(w / p, 0, "1/(a·b)", "w₁/(a·b)")
    check(p ** 3, 0, "3·(a·b)²", "(a·b)³")
    check(p.log(), 0, "1/(a·b)", "log(a·b)")
    check(p * w, 0, "w₁", "(a·b)·w₁")
    # Inside a function's own parentheses no second pair: σ(1−a), not σ((1−a)).
    check(one_minus.sigmoid(), 0, "σ′(1−a)", "σ(1−a)")
    s = weighted_sum([w], [x], z)
    check(s, 0, "x₁", "w₁·x₁ + z")
    check(s, 1, "w₁", "w₁·x₁ + z")
    check(s, 2, "1", "w₁·x₁ + z")
    check(weighted_sum([w], [x], 0.0), 0, "x₁", "w₁·x₁")  # a constant 0 bias is not written
    check(weighted_sum([w], [x], 0.5), 0, "x₁", "w₁·x₁ + 0.5")
    a = Value(0.2, label="a")
    r, th = a.relu(), a.tanh()
    assert Naming(r).rule(r) == "ReLU′(a) = 1 (a > 0), 0 (a ≤ 0)"
    assert Naming(th).rule(th) == "tanh′(a) = 1 − tanh²(a) = 1 − f²"


def _equations(text):
    """Every chain-rule line ``∂f/∂x = …`` of a printout, as (left side, right side)."""
    for line in text.splitlines():
        m = re.match(r"\s*(∂\S+)\s+\+?=\s+(.*)$", line)
        if m:
            yield m.group(1), m.group(2)


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_no_step_names_its_own_left_side_on_its_right(name):
    root, _ = build(name, (0.7, -1.3, 0.4))
    for lang in ("zh", "en"):
        text = render_trace(root, lang=lang, style="narrative")
        pairs = list(_equations(text))
        assert pairs
        for left, right in pairs:
            assert left not in right, (left, right)
        assert "∂f/∂f = 1" in text  # said once, at the start
        for page in step_pages(snapshot(root), lang):
            for left, right in _equations(page):
                assert left not in right


# ------------------------------------------------------------------ printers
def example_graph():
    """The example of the golden files: f = tanh(w·x + b) + x·x."""
    w, x, b = Value(-0.5, label="w"), Value(2.0, label="x"), Value(0.25, label="b")
    return (w * x + b).tanh() + x * x


def example():
    f = example_graph()
    return f, snapshot(f).steps


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("style", ["table", "narrative"])
def test_printers_golden(golden, lang, style):
    f, steps = example()
    golden(f"trace_{style}_{lang}.txt", render_trace(f, lang=lang, style=style) + "\n")


def test_printed_numbers_are_the_steps_numbers():
    f, steps = example()
    text = render_trace(f, lang="en")
    th = math.tanh(-0.75)
    for number in ("−0.635149", "0.596586", "1.19317", "−0.298293", "3.36485", "3.70171"):
        assert number in text
    assert f"{1 - th * th:.6g}" == "0.596586"
    assert f"{4 - 0.5 * (1 - th * th):.6g}" == "3.70171"
    assert f"{th + 4:.6g}" == "3.36485"


def test_table_columns_line_up_in_chinese():
    f, steps = example()
    lines = render_trace(f, lang="zh").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("步"))
    block = lines[start:start + 2 + len(steps)]
    assert {width(line) for line in block} == {width(block[1])}  # the rule's width
    assert len({len(line) for line in block}) > 1  # so len() would not have done it
    # The "→" of every row sits in the same display column.
    arrows = {width(line[:line.index("→")]) - width(line.split("→")[0].split()[-1])
              for line in block[2:]}
    assert len(arrows) == 1


def test_a_number_as_the_local_derivative_is_written_once():
    a = Value(3.0, label="a")
    text = render_trace(a * -2.0, lang="en", style="narrative")
    assert "∂f/∂a = 1 · (−2) = −2\n" in text  # not "1 · (−2) = 1 × (−2)"


def test_bad_style_is_a_clear_error():
    f, steps = example()
    with pytest.raises(ValueError, match="narrative"):
        render_trace(f, style="fancy")


def test_step_pages():
    f, steps = example()
    pages = step_pages(snapshot(f), "en")
    assert len(pages) == len(steps) + 2
    assert pages[0].startswith("Forward pass")
    assert pages[1].startswith("step 1/9  f = v3 + v4: the gradient flows from f into v3.")
    assert pages[-1].startswith("Each leaf's gradient")


# ------------------------------------------------------------------ CLI
def test_cli_trace_golden(capsys, golden):
    assert main(["trace", "tanh(w*x + b) + x*x", "w=-0.5", "x=2", "b=0.25"]) == 0
    out = capsys.readouterr().out
    golden("cli_trace_zh.txt", out)
    f, steps = example()  # the same graph built by hand prints the same text
    assert out == render_trace(f, lang="zh") + "\n"


def test_cli_trace_english_narrative(capsys, golden):
    assert main(["trace", "sigmoid(w*x + b)", "w=0.5", "x=2", "b=-1", "--style", "narrative",
                 "--lang", "en"]) == 0
    golden("cli_trace_narrative_en.txt", capsys.readouterr().out)


def test_cli_step_without_a_terminal_prints_every_page(capsys, monkeypatch):
    monkeypatch.setattr("micrograd_cn.cli.common.interactive", lambda: False)
    assert main(["step", "a*b + a", "a=3", "b=-2", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert [line.split("  ")[0] for line in out.splitlines() if line.startswith("step ")] == [
        "step 1/4", "step 2/4", "step 3/4", "step 4/4"]
    assert "∂f/∂a = 1 + (−2) = −1" in out


def test_interactive_needs_a_terminal_at_both_ends(monkeypatch):
    from micrograd_cn.cli.common import interactive as _interactive

    class Stream:
        def __init__(self, tty):
            self.tty = tty

        def isatty(self):
            return self.tty

    for stdin, stdout, expected in [(Stream(True), Stream(True), True),
                                    (Stream(True), Stream(False), False),
                                    (Stream(False), Stream(True), False),
                                    (None, Stream(True), False)]:
        monkeypatch.setattr("sys.stdin", stdin)
        monkeypatch.setattr("sys.stdout", stdout)
        assert _interactive() is expected


def test_cli_step_all(capsys):
    assert main(["step", "a*b", "a=3", "b=-2", "--all"]) == 0
    out = capsys.readouterr().out
    assert "第 2/2 步" in out and "∂f/∂b = 1 · a = 1 × 3 = 3" in out


def test_cli_step_interactive(capsys, monkeypatch):
    monkeypatch.setattr("micrograd_cn.cli.common.interactive", lambda: True)
    keys = iter(["n", "q"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(keys))
    assert main(["step", "a*b", "a=3", "b=-2", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "step 1/2" in out and "step 2/2" not in out


def test_cli_trace_errors_are_one_line(capsys):
    assert main(["trace", "log(x)", "x=0"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("micrograd-cn: 错误：") and err.count("\n") == 1
    assert main(["trace", "x +", "x=1", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("micrograd-cn: error: ") and err.count("\n") == 1


def test_step_indices_name_the_graph_picture_ids():
    """Step k's edge is drawn as e{input}_{output} between v{input} and o{output} (viz)."""
    from micrograd_cn.render.graph import draw

    f = example_graph()
    source = draw(f).source
    for s in trace(f):
        assert re.search(rf'\bid="?e{s.input_index}_{s.output_index}\b', source)
        assert f"v{s.input_index} -> o{s.output_index}" in source
    for node in snapshot(f).nodes:  # every box carries the name the trace prints
        if node.kind != "const":
            assert f"<B>{node.name}</B>" in source


# ------------------------------------------------------------------ micrograd-style custom ops
def sin(a: Value) -> Value:
    """A custom op written the micrograd way (its own zero-argument _backward)."""
    out = Value(math.sin(a.data), (a,), "wave")  # a name no engine op takes

    def _backward() -> None:
        a.grad += math.cos(a.data) * out.grad

    out._backward = _backward
    return out


def test_a_custom_op_is_traced_as_a_custom_step():
    x = Value(0.5, label="x")
    s = sin(x * x)
    s.label = "s"
    f = s * 3
    steps = trace(f)
    custom = [st_ for st_ in steps if st_.output is s]
    assert len(custom) == 1
    step = custom[0]
    assert step.formula == "wave′(v1)"  # the op's name, primed: visibly its own local slope
    assert step.upstream == 3.0
    assert step.local == math.cos(0.25)  # its closure probed with upstream 1
    assert step.contribution == pytest.approx(3 * math.cos(0.25), rel=1e-15)
    assert all(v.grad == 0.0 for v in (x, s, f))  # probing puts every gradient back
    expected = Value(0.5)
    (sin(expected * expected) * 3).backward()
    assert [st_.grad_after for st_ in steps if st_.input is x][-1] == expected.grad
    text = render_trace(f, lang="en", style="narrative")
    assert "s = wave(v1)" in text  # the forward pass names it by its op
    assert "the custom op wave: its own _backward gives the local derivative" in text
    assert "自定义" not in text
    table = render_trace(f, lang="en")
    assert re.search(r"s → v1 .*wave′\(v1\) +0.968912 ", table)


def test_a_custom_op_used_twice_on_one_input_is_one_step():
    x = Value(0.3, label="x")
    out = Value(x.data * x.data * x.data, (x, x), "cube")

    def _backward() -> None:
        x.grad += 3 * x.data ** 2 * out.grad

    out._backward = _backward
    steps = trace(out)
    assert len(steps) == 1 and steps[0].local == pytest.approx(0.27, rel=1e-15)
    assert steps[0].grad_after == pytest.approx(0.27, rel=1e-15) and x.grad == 0.0
    out.backward()
    assert x.grad == steps[0].grad_after


def test_trace_stops_at_a_gradient_out_of_range_and_the_cli_says_so_in_one_line(capsys, tmp_path):
    x = Value(1e-10)
    y = x * 1e300 * 1e10 - x * 1e300 * 1e10
    with pytest.raises(FloatingPointError, match="梯度超出了浮点数范围"):
        trace(y)
    expression = ["x*1e300*1e10 - x*1e300*1e10", "x=1e-10"]
    for argv in (["trace", *expression], ["graph", *expression, "-o", str(tmp_path / "g.svg")],
                 ["html", *expression, "-o", str(tmp_path / "s.html")]):
        assert main(argv) == 2
        captured = capsys.readouterr()
        assert captured.out == ""  # nothing printed before the error (graph: no table)
        assert captured.err.startswith("micrograd-cn: 错误：反向传播：梯度超出了浮点数范围：x 的梯度成了 nan")
        assert captured.err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []  # no picture, no page


# ------------------------------------------------------------------ edge cases found in review
def test_the_parameters_title_names_the_actual_data():
    x, y = Value(2.0, label="x"), Value(1.0, label="y")
    text = render_trace(x * x + y, params=[x])
    assert "（数据 y 不求导）" in text and "x、y" not in text
    w, a, b = Value(1.0, label="w"), Value(2.0, label="a"), Value(3.0, label="b")
    assert "（数据 a 不求导）" in render_trace(w * a + b, params=[w, b])
    assert "数据" not in render_trace(w * 3.0 + b, params=[w, b]).split("每个参数")[1]


def test_no_steps_says_why():
    assert "只由常数算出" in render_trace(Value(2.0) * 3.0)
    assert "the root is itself a leaf" in render_trace(Value(1.0, label="x"), lang="en")
    x = Value(1.0, label="x")
    assert step_pages(snapshot(x), "en")[-1].endswith("∂x/∂x = 1")  # not "no named leaf"


def test_gradients_are_never_rounded_to_zero_so_every_step_adds_up():
    x, y = Value(1.0, label="x"), Value(2.0, label="y")
    v = x * y
    v.label = "v"
    f = v * 0.1 + v * 0.2 - v * 0.3
    ls = snapshot(f)
    final = {}
    for s in ls.steps:
        if s.input in final:
            assert s.grad_before == final[s.input]
        final[s.input] = s.grad_after
        assert s.upstream == ls.nodes[s.output].grad  # what flows on is what was summed
    f.backward()
    assert ls.by_name("x").grad == x.grad and ls.by_name("v").grad == final[ls.by_name("v").index]


def test_latex_writes_a_fractional_exponent_in_braces():
    from micrograd_cn.render.document import latex_math

    assert latex_math("x^0.5 + 1.5·x^(−0.5)") == r"x^{0.5} + 1.5\cdot x^{-0.5}"
    assert "x^{0.5}" in render_trace(Value(4.0, label="x") ** 0.5, fmt="latex")


def test_latex_sets_a_called_function_upright():
    """A new op's formula may call a function that is no op itself (sin′(x) = cos(x)): LaTeX
    sets it upright like \\exp, only when called (a name ``cos`` stays a name)."""
    from micrograd_cn.render.document import latex_math

    assert latex_math("∂f/∂v1 = 1 · cos(v1)") == r"\partial f/\partial v_{1} = 1 \cdot \cos (v_{1})"
    assert latex_math("tan(x) + cosh(y)") == r"\tan (x) + \cosh (y)"
    assert latex_math("cos + 1") == "cos + 1"
