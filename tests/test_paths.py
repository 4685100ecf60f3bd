"""Path products: every path's product of local derivatives, summed, is the gradient.

Oracles: ``backward()`` on random graphs (hypothesis), hand-computed paths, and the
count of paths on diamond chains (3ⁿ in closed form).
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from micrograd_cn import Value, topo_sort
from micrograd_cn.cli import main
from micrograd_cn.teach.expr import build
from micrograd_cn.teach.paths import MAX_PATHS, count_paths, paths
from micrograd_cn.teach.trace import paths as trace_paths

OPS = ["+", "-", "*", "tanh", "sigmoid", "relu", "sq"]


@st.composite
def graphs(draw):
    """A random graph over 1–3 leaves where nodes are reused (so paths branch and join)."""
    leaves = [Value(draw(st.floats(-1.5, 1.5)), label=f"x{i}")
              for i in range(draw(st.integers(1, 3)))]
    nodes = list(leaves)
    for _ in range(draw(st.integers(1, 7))):
        op = draw(st.sampled_from(OPS))
        a = nodes[draw(st.integers(0, len(nodes) - 1))]
        b = nodes[draw(st.integers(0, len(nodes) - 1))]
        if op == "+":
            nodes.append(a + b)
        elif op == "-":
            nodes.append(a - b)
        elif op == "*":
            nodes.append(a * b)
        elif op == "sq":
            nodes.append(a ** 2)
        else:
            nodes.append(getattr(a, op)())
    return nodes[-1], leaves


@settings(max_examples=150, deadline=None)
@given(graphs())
def test_path_products_sum_to_the_gradient_of_backward(graph):
    root, leaves = graph
    found = {id(leaf): paths(root, leaf) for leaf in leaves if id(leaf) in
             {id(n) for n in topo_sort(root)}}
    assert all(v.grad == 0.0 for v in topo_sort(root))  # a pure observation
    root.backward()
    for leaf in leaves:
        if id(leaf) not in found:
            continue
        ps = found[id(leaf)]
        assert len(ps) == count_paths(root, leaf)
        total = math.fsum(p.product for p in ps)
        scale = math.fsum(abs(p.product) for p in ps)
        assert abs(total - leaf.grad) <= 1e-12 * max(scale, 1.0), (total, leaf.grad)
        for p in ps:
            assert p.nodes[0] is root and p.nodes[-1] is leaf
            assert len(p.locals) == len(p.nodes) - 1 == len(p.formulas)
            for parent, child, position, local in zip(p.nodes, p.nodes[1:], p.positions,
                                                      p.locals):
                assert parent._prev[position] is child and parent._local[position] == local


def test_x_times_x_has_two_paths():
    x = Value(3.0, label="x")
    f = x * x
    ps = paths(f, x)
    assert [p.nodes for p in ps] == [(f, x), (f, x)]
    assert [p.positions for p in ps] == [(0,), (1,)]
    assert [p.formulas for p in ps] == [("x",), ("x",)]
    assert [p.product for p in ps] == [3.0, 3.0]


def test_the_logistic_neuron_path_by_hand():
    root, leaves = build("sigmoid(w*x + b)", {"w": 0.5, "x": 2.0, "b": -1.0})
    (p,) = paths(root, leaves["w"])
    assert p.names == ("f", "v2", "v1", "w")
    assert p.factors == ("∂σ(v2)/∂v2", "∂(v1 + b)/∂v1", "∂(w·x)/∂w")  # each edge by its op
    assert p.formulas == ("σ′(v2)", "1", "x")
    assert p.locals == (0.25, 1.0, 2.0) and p.product == 0.5  # σ′(0) = 1/4, times x = 2
    assert trace_paths is paths  # re-exported from trace
    assert paths(root, root)[0].nodes == (root,) and paths(root, root)[0].product == 1.0


@pytest.mark.parametrize("n", [1, 2, 5, 9])
def test_paths_are_counted_without_listing_them(n):
    x = Value(0.1, label="x")
    v = x
    for _ in range(n):  # v·v + v: three edges lead back to the previous v
        v = (v * v + v) * 0.5
    assert count_paths(v, x) == 3 ** n
    if 3 ** n <= MAX_PATHS:
        assert len(paths(v, x)) == 3 ** n
    else:
        with pytest.raises(ValueError) as err:
            paths(v, x)
        assert f"有 {3 ** n} 条路径，超过上限 {MAX_PATHS}" in str(err.value)
        assert "micrograd-cn trace" in str(err.value)


def test_bad_wrt_is_refused_clearly():
    x, y = Value(1.0, label="x"), Value(2.0, label="y")
    with pytest.raises(ValueError, match="y 不在 f 的计算图里|'y'"):
        paths(x * 2, y)
    with pytest.raises(TypeError, match="wrt"):
        paths(x * 2, 3.0)  # type: ignore[arg-type]


def test_cli_prints_each_path_and_the_sum(capsys):
    assert main(["paths", "tanh(w*x + b) + x*x", "w=-0.5", "x=2", "b=0.25", "--wrt", "x"]) == 0
    out = capsys.readouterr().out
    # tanh(−0.75)′ = 1 − tanh²(−0.75) = 0.596586…; the paths: through tanh (·w), then x, x
    assert "从 f 到 x 的路径：3 条" in out
    assert "路径 1：f → v3 → v2 → v1 → x" in out
    assert ("∂(v3 + v4)/∂v3 · ∂tanh(v2)/∂v2 · ∂(v1 + b)/∂v1 · ∂(w·x)/∂x = 1·tanh′(v2)·1·w"
            " = 1 × 0.596586 × 1 × (−0.5) = −0.298293") in out
    assert "路径 2：f → v4 → x" in out and "∂(v3 + v4)/∂v4 · ∂(x·x)/∂x = 1·x = 1 × 2 = 2" in out
    assert "∂f/∂x = (−0.298293) + 2 + 2 = 3.70171" in out
    assert "反向传播（每条边只走一次）给出的 ∂f/∂x = 3.70171" in out


def test_cli_single_path_and_errors(capsys):
    assert main(["paths", "sigmoid(w*x + b)", "w=0.5", "x=2", "b=-1", "--wrt", "w",
                 "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "∂f/∂w = ∂σ(v2)/∂v2 · ∂(v1 + b)/∂v1 · ∂(w·x)/∂w = σ′(v2)·1·x = 0.25 × 1 × 2 = 0.5" in out
    assert main(["paths", "x*x", "x=3", "--wrt", "y"]) == 2
    assert capsys.readouterr().err == (
        "micrograd-cn: 错误：--wrt：图里没有名为 'y' 的节点；可选：x, f\n")
    expr = "+".join(["x*x"] * 70)
    assert main(["paths", expr, "x=1", "--wrt", "x"]) == 2
    err = capsys.readouterr().err
    assert "有 140 条路径，超过上限 64" in err and err.count("\n") == 1


def test_a_one_edge_path_says_its_product_is_that_edge_s_local_derivative():
    from micrograd_cn.teach.paths import node_named, render_paths

    root = build("(x*y+x)*x", {"x": 2.0, "y": 3.0})[0]
    text = render_paths(root, node_named(root, "x"))
    assert "路径 3：f → x\n    这条路径只有一条边，乘积就是这条边的局部导数：\n    v2 = 8" in text
