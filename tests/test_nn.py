"""nn: micrograd's API and defaults, activations, per-neuron z and a, seeds,
weights from lists, losses, SGD, and clear errors for wrong shapes."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from conftest import assert_clear_error
from hypothesis import given
from hypothesis import strategies as st

from micrograd_cn import Value
from micrograd_cn.datasets import make_moons
from micrograd_cn.gradcheck import gradcheck
from micrograd_cn.i18n import language
from micrograd_cn.nn import (
    MLP,
    SGD,
    Layer,
    Neuron,
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    l2_penalty,
    log_softmax,
    logsumexp,
    max_margin_loss,
    mse_loss,
    softmax,
)


# ------------------------------------------------------------------ micrograd compatibility
def test_micrograd_shapes_and_defaults():
    model = MLP(2, [16, 16, 1])
    assert len(model.parameters()) == 337
    assert [len(layer.neurons) for layer in model.layers] == [16, 16, 1]
    hidden, last = model.layers[0].neurons[0], model.layers[-1].neurons[0]
    assert hidden.activation == "relu" and hidden.nonlin
    assert last.activation == "linear" and not last.nonlin
    assert all(-1.0 <= w.data <= 1.0 for n in model.layers[0].neurons for w in n.w)
    assert all(n.b.data == 0.0 for layer in model.layers for n in layer.neurons)
    out = model([2.0, -1.0])  # plain floats are accepted
    assert isinstance(out, Value)  # a one-neuron last layer gives a Value, not a list
    assert isinstance(model.layers[0]([1.0, 1.0]), list)
    assert repr(Neuron(3)) == "ReLUNeuron(3)"  # micrograd's spelling
    assert repr(Neuron(3, nonlin=False)) == "LinearNeuron(3)"


def test_micrograd_training_loop_runs_unchanged():
    """The loop of micrograd's demo.ipynb, with only the import changed."""
    X, y = make_moons(20, noise=0.1, seed=1)
    random.seed(1337)  # as micrograd's demo does: the weights come from the global random
    model = MLP(2, [8, 8, 1])
    first = None
    for k in range(15):
        scores = [model(list(x)) for x in X]
        losses = [(1 + -yi * s).relu() for yi, s in zip(y, scores)]
        data_loss = sum(losses) * (1.0 / len(losses))
        reg_loss = 1e-4 * sum((p * p for p in model.parameters()))
        total = data_loss + reg_loss
        model.zero_grad()
        total.backward()
        lr = 1.0 - 0.9 * k / 100
        for p in model.parameters():
            p.data -= lr * p.grad
        first = total.data if first is None else first
    assert total.data < first


# ------------------------------------------------------------------ determinism
def test_same_seed_same_network_and_global_random_untouched():
    random.seed(123)
    state = random.getstate()
    a = [p.data for p in MLP(3, [4, 2], seed=7).parameters()]
    b = [p.data for p in MLP(3, [4, 2], seed=7).parameters()]
    c = [p.data for p in MLP(3, [4, 2], seed=8).parameters()]
    assert a == b and a != c
    assert random.getstate() == state
    # Neurons in a layer get different weights from one shared generator.
    layer = Layer(3, 2, seed=0)
    assert [w.data for w in layer.neurons[0].w] != [w.data for w in layer.neurons[1].w]


def test_set_weights_from_plain_lists():
    model = MLP(3, [2, 1], activation="sigmoid", output_activation="sigmoid", seed=0)
    model.set_weights([[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], [[0.7, -0.8]]], [[0.0, 0.1], [-0.2]])
    assert [w.data for w in model.layers[0].neurons[1].w] == [0.4, 0.5, 0.6]
    assert model.layers[0].neurons[1].b.data == 0.1
    x = [1.0, 2.0, 3.0]
    h = [1 / (1 + math.exp(-(0.1 * 1 + 0.2 * 2 + 0.3 * 3))),
         1 / (1 + math.exp(-(0.4 * 1 + 0.5 * 2 + 0.6 * 3 + 0.1)))]
    expected = 1 / (1 + math.exp(-(0.7 * h[0] - 0.8 * h[1] - 0.2)))
    assert model(x).data == pytest.approx(expected, rel=1e-14)


# ------------------------------------------------------------------ z, a and δ per neuron
@pytest.mark.parametrize("activation", ["relu", "sigmoid", "tanh", "linear"])
def test_each_neuron_keeps_z_and_a(activation):
    neuron = Neuron(3, activation=activation, seed=3)
    neuron.set_weights([0.5, -0.4, 0.3], 0.2)
    out = neuron([1.0, 2.0, -1.5])
    z = 0.5 * 1.0 - 0.4 * 2.0 + 0.3 * -1.5 + 0.2
    a = {"relu": max(0.0, z), "sigmoid": 1 / (1 + math.exp(-z)),
         "tanh": math.tanh(z), "linear": z}[activation]
    assert neuron.z.data == pytest.approx(z, rel=1e-14)
    assert neuron.a is out and out.data == pytest.approx(a, rel=1e-14)
    out.backward()
    slope = {"relu": 1.0 if z > 0 else 0.0, "sigmoid": a * (1 - a), "tanh": 1 - a * a, "linear": 1.0}
    assert neuron.z.grad == pytest.approx(slope[activation], rel=1e-12)  # δ = ∂a/∂z here


@given(st.integers(0, 1000), st.sampled_from(["relu", "sigmoid", "tanh"]))
def test_fused_and_elementary_graphs_agree(seed, activation):
    x = [0.3, -1.2, 2.0]
    grads = []
    for fused in (True, False):
        model = MLP(3, [4, 3, 1], activation=activation, seed=seed, fused=fused)
        out = model(x)
        out.backward()
        grads.append((out.data, [p.grad for p in model.parameters()],
                      [n.z.grad for layer in model.layers for n in layer.neurons]))
    (d1, g1, delta1), (d2, g2, delta2) = grads
    assert d1 == pytest.approx(d2, rel=1e-12, abs=1e-12)
    assert g1 == pytest.approx(g2, rel=1e-12, abs=1e-12)
    assert delta1 == pytest.approx(delta2, rel=1e-12, abs=1e-12)


def test_mlp_gradients_pass_gradcheck():
    def f(*params):
        """The network's output as a function of its 13 parameters."""
        model = MLP(2, [3, 1], activation="tanh", output_activation="sigmoid", seed=0)
        given = iter(params)
        for layer in model.layers:
            for n in layer.neurons:
                n.w = [next(given) for _ in n.w]
                n.b = next(given)
        return model([0.5, -0.7])

    start = [p.data + 0.1 for p in MLP(2, [3, 1], seed=1).parameters()]
    result = gradcheck(f, start)
    assert len(result.rows) == 13
    assert result.ok, result.report("en")


# ------------------------------------------------------------------ losses
def test_losses_values_and_gradients():
    p = [Value(0.2), Value(0.9)]
    loss = mse_loss(p, [0.0, 1.0])
    loss.backward()
    assert loss.data == pytest.approx((0.04 + 0.01) / 2)
    assert [v.grad for v in p] == pytest.approx([0.2, -0.1])  # 2(p − y)/m
    assert mse_loss(Value(3.0), 1.0, reduction="sum").data == 4.0

    a = Value(0.8)
    bce = binary_cross_entropy(a, 1.0)
    bce.backward()
    assert bce.data == pytest.approx(-math.log(0.8))
    assert a.grad == pytest.approx(-1 / 0.8)

    scores = [Value(2.0), Value(-0.5), Value(0.3)]
    hinge = max_margin_loss(scores, [1, 1, -1])
    hinge.backward()
    assert hinge.data == pytest.approx((0.0 + 1.5 + 1.3) / 3)
    assert [s.grad for s in scores] == pytest.approx([0.0, -1 / 3, 1 / 3])

    params = [Value(1.0), Value(-2.0)]
    assert l2_penalty(params).data == 5.0


@given(st.floats(-1000.0, 1000.0), st.sampled_from([0.0, 1.0, 0.3]))
def test_bce_with_logits_is_stable_and_its_gradient_is_a_minus_y(z0, y):
    z = Value(z0)
    loss = binary_cross_entropy_with_logits(z, y)
    loss.backward()
    sigma = 1 / (1 + math.exp(-z0)) if z0 >= 0 else math.exp(z0) / (1 + math.exp(z0))
    assert math.isfinite(loss.data)
    # log(1 + e^z) − y·z, computed independently with log1p
    exact = max(z0, 0.0) + math.log1p(math.exp(-abs(z0))) - y * z0
    assert loss.data == pytest.approx(exact, rel=1e-9, abs=1e-12)
    assert z.grad == pytest.approx(sigma - y, rel=1e-9, abs=1e-12)


def test_bce_with_logits_at_extremes():
    for z0, y, expected in [(1000.0, 1.0, 0.0), (-1000.0, 0.0, 0.0), (1000.0, 0.0, 1000.0),
                            (-1000.0, 1.0, 1000.0)]:
        z = Value(z0)
        loss = binary_cross_entropy_with_logits([z], [y])
        loss.backward()
        assert loss.data == pytest.approx(expected, abs=1e-12)
        assert math.isfinite(z.grad)


def _exact_softmax(zs: list[float]) -> list[float]:
    """softmax by math.fsum over exp(z − max): an independent float computation."""
    m = max(zs)
    e = [math.exp(z - m) for z in zs]
    total = math.fsum(e)
    return [v / total for v in e]


@given(st.lists(st.floats(-50.0, 50.0), min_size=1, max_size=6), st.data())
def test_cross_entropy_value_and_gradient_is_softmax_minus_one_hot(zs, data):
    target = data.draw(st.integers(0, len(zs) - 1))
    logits = [Value(z) for z in zs]
    loss = cross_entropy(logits, target)
    loss.backward()
    p = _exact_softmax(zs)
    m = max(zs)
    exact = m + math.log(math.fsum(math.exp(z - m) for z in zs)) - zs[target]
    assert loss.data == pytest.approx(exact, rel=1e-12, abs=1e-12)
    expected = [pj - (j == target) for j, pj in enumerate(p)]
    assert [z.grad for z in logits] == pytest.approx(expected, rel=1e-9, abs=1e-12)
    assert sum(v.data for v in softmax(zs)) == pytest.approx(1.0, abs=1e-12)


def test_cross_entropy_at_large_logits():
    """e^1000 overflows a float: the max is subtracted before exponentiating."""
    for zs, target, expected in [([1000.0, 0.0, -1000.0], 0, 0.0),
                                 ([1000.0, 1000.0], 1, math.log(2.0)),
                                 ([-1000.0, 1000.0], 0, 2000.0),
                                 ([700.0, 710.0, 720.0], 2, math.log1p(math.exp(-10) + math.exp(-20)))]:
        logits = [Value(z) for z in zs]
        loss = cross_entropy(logits, target)
        loss.backward()
        assert loss.data == pytest.approx(expected, rel=1e-12, abs=1e-12)
        grads = [z.grad for z in logits]
        assert all(math.isfinite(g) for g in grads)
        assert sum(grads) == pytest.approx(0.0, abs=1e-12)  # Σ softmax − 1
    assert logsumexp([Value(1000.0), Value(1000.0)]).data == pytest.approx(1000.0 + math.log(2.0))
    assert [v.data for v in log_softmax([0.0, 0.0])] == pytest.approx([-math.log(2.0)] * 2)
    assert [v.data for v in softmax([-1000.0, 1000.0])] == [0.0, 1.0]


def test_cross_entropy_batch_mean_and_sum():
    batch = [[Value(1.0), Value(2.0), Value(0.5)], [Value(-1.0), Value(0.0), Value(3.0)]]
    targets = [1, 0]
    each = [cross_entropy(z, y).data for z, y in zip(batch, targets)]
    assert cross_entropy(batch, targets).data == pytest.approx(sum(each) / 2, rel=1e-15)
    total = cross_entropy(batch, targets, reduction="sum")
    assert total.data == pytest.approx(sum(each), rel=1e-15)
    total.backward()
    assert [z.grad for z in batch[1]] == pytest.approx(
        [p - (j == 0) for j, p in enumerate(_exact_softmax([-1.0, 0.0, 3.0]))], rel=1e-12)


def test_sgd_plain_and_momentum():
    w = Value(1.0)
    opt = SGD([w], lr=0.1)
    w.grad = 2.0
    opt.step()
    assert w.data == pytest.approx(0.8)
    opt.zero_grad()
    assert w.grad == 0.0

    v = Value(1.0)
    opt = SGD([v], lr=0.1, momentum=0.9)
    for _ in range(2):
        v.grad = 1.0
        opt.step()
    assert v.data == pytest.approx(1.0 - 0.1 * 1.0 - 0.1 * (0.9 * 1.0 + 1.0))


def test_sgd_minimises_a_quadratic():
    w = Value(5.0)
    opt = SGD([w], lr=0.1, momentum=0.5)
    for _ in range(100):
        loss = (w - 3.0) ** 2
        opt.zero_grad()
        loss.backward()
        opt.step()
    assert w.data == pytest.approx(3.0, abs=1e-6)


# ------------------------------------------------------------------ clear errors
NN_BAD = [
    (lambda: MLP(2, [3, 1])([1.0]), ValueError, "需要 2 个输入，收到 1 个", "expected 2 inputs, got 1"),
    (lambda: Neuron(3)([1.0, 2.0, 3.0, 4.0]), ValueError,
     "Neuron：需要 3 个输入，收到 4 个", "Neuron: expected 3 inputs, got 4"),
    (lambda: Neuron(2)(1.0), TypeError,
     "输入必须是数字或 Value 的列表，收到 float", "must be a list of numbers or Values, got float"),
    (lambda: Neuron(2)(["a", 1.0]), TypeError, "需要数字", "expected a number"),
    (lambda: MLP(2, [3, 1], activation="softmax"), ValueError,
     "未知的激活函数 'softmax'", "unknown activation 'softmax'"),
    (lambda: Neuron(2, activation="Sigmoid"), ValueError,
     "可选：relu, sigmoid, tanh, linear", "choose one of: relu, sigmoid, tanh, linear"),
    (lambda: MLP(0, [1]), ValueError, "nin 必须是正整数，收到 0", "nin must be a positive integer, got 0"),
    (lambda: MLP(2, []), ValueError, "nouts 必须是正整数", "nouts must be a positive integer"),
    (lambda: MLP(2, [3, -1]), ValueError, "必须是正整数，收到 -1", "must be a positive integer, got -1"),
    (lambda: Neuron(2).set_weights([1.0], 0.0), ValueError,
     "w 的形状不对，需要 2，收到 1", "w has the wrong shape, expected 2, got 1"),
    (lambda: Layer(2, 2).set_weights([[1.0, 2.0]], [0.0, 0.0]), ValueError, "需要 2×2", "expected 2×2"),
    (lambda: Neuron(2).set_weights([1.0, float("nan")], 0.0), ValueError, "收到 nan", "got nan"),
    (lambda: mse_loss([Value(1.0)], [1.0, 2.0]), ValueError,
     "mse_loss：需要 1 个输入，收到 2 个", "mse_loss: expected 1 inputs, got 2"),
    (lambda: mse_loss([], []), ValueError, "输入为空", "the input is empty"),
    (lambda: mse_loss([Value(1.0)], [1.0], reduction="avg"), ValueError,
     "reduction 取值无效：'avg'", "invalid value for reduction: 'avg'"),
    (lambda: max_margin_loss([Value(1.0)], [0]), ValueError,
     "标签必须是 −1 / +1，收到 0", "a label must be −1 / +1, got 0"),
    (lambda: binary_cross_entropy(Value(1.0), 1.0), ValueError, "log：x 必须大于 0", "log: x must be greater than 0"),
    (lambda: cross_entropy([Value(1.0), Value(2.0)], 2), ValueError,
     "cross_entropy：标签必须是 0, 1, …, 1，收到 2", "cross_entropy: a label must be 0, 1, …, 1, got 2"),
    (lambda: cross_entropy([Value(1.0), Value(2.0)], True), ValueError, "标签必须是 0, 1, …, 1，收到 True", "got True"),
    (lambda: cross_entropy([], 0), ValueError, "cross_entropy：输入为空", "cross_entropy: the input is empty"),
    (lambda: cross_entropy(Value(1.0), 0), TypeError,
     "cross_entropy：输入必须是数字或 Value 的列表，收到 Value", "got Value"),
    (lambda: cross_entropy([[1.0, 2.0], [0.0, 1.0]], [1]), ValueError,
     "cross_entropy：需要 2 个输入，收到 1 个", "expected 2 inputs, got 1"),
    (lambda: cross_entropy([[1.0, 2.0]], 1), TypeError, "收到 int", "got int"),
    (lambda: logsumexp([Value(1.0), "x"]), TypeError, "logsumexp：需要数字", "logsumexp: expected a number"),
    (lambda: SGD([Value(1.0)], lr=0.1, momentum=1.5), ValueError, "momentum 取值无效", "invalid value for momentum"),
    # misuse that used to reach a raw Python error
    (lambda: binary_cross_entropy_with_logits([Value(1.0)], ["a"]), TypeError,
     "binary_cross_entropy_with_logits：目标值必须是数字（或数字的列表），收到 str 'a'",
     "binary_cross_entropy_with_logits: the target must be a number (or a list of numbers), got str 'a'"),
    (lambda: mse_loss(Value(1.0), None), TypeError, "mse_loss：目标值必须是数字（或数字的列表），收到 NoneType None",
     "mse_loss: the target must be a number (or a list of numbers), got NoneType None"),
    (lambda: mse_loss(Value(1.0), [True]), TypeError,
     "目标值必须是数字（或数字的列表），收到 bool True", "got bool True"),
    (lambda: mse_loss("ab", [1.0]), TypeError, "mse_loss：预测值必须是 Value 或数字（或它们的列表），收到 str 'ab'",
     "mse_loss: the prediction must be a Value or a number (or a list of them), got str 'ab'"),
    (lambda: mse_loss([None], [1.0]), TypeError,
     "预测值必须是 Value 或数字（或它们的列表），收到 NoneType None", "got NoneType None"),
    (lambda: SGD([1.0]), TypeError, "SGD：params 必须是 Value 的列表（例如 model.parameters()），第 0 个是 float 1.0",
     "SGD: params must be a list of Values (e.g. model.parameters()); item 0 is float 1.0"),
    (lambda: SGD(["a"]), TypeError, "第 0 个是 str 'a'", "item 0 is str 'a'"),
    (lambda: SGD(Value(1.0)), TypeError, "SGD：params 必须是 Value 的列表（例如 model.parameters()），收到 Value",
     "got Value Value(data=1.0"),
    (lambda: Neuron(2, activation=""), ValueError, "未知的激活函数 ''", "unknown activation ''"),
]


@pytest.mark.parametrize("make, error, zh, en", NN_BAD)
def test_nn_bad_input_gets_a_clear_error(make, error, zh, en):
    assert_clear_error(make, error, zh, en)


# ------------------------------------------------------------------ names and groups (issue 11)
def test_mlp_names_its_parameters_in_seed_001s_notation():
    mlp = MLP(2, [2, 1], seed=0)
    # the input is layer 1: the first weights are w², from neuron k of layer 1 to neuron j of 2
    assert [p.label for p in mlp.parameters()] == [
        "w²₁₁", "w²₁₂", "b²₁", "w²₂₁", "w²₂₂", "b²₂", "w³₁₁", "w³₁₂", "b³₁"]
    assert repr(mlp.layers[1].neurons[0].b) == "Value(data=0.0, grad=0.0, label='b³₁')"
    out = mlp([1.0, -2.0])
    assert [n.z.label for layer in mlp.layers for n in layer.neurons] == ["z²₁", "z²₂", "z³₁"]
    # ReLU hidden neurons have an a; the linear output neuron's a is its z (one node)
    assert [n.a.label for n in mlp.layers[0].neurons] == ["a²₁", "a²₂"]
    assert out is mlp.layers[1].neurons[0].z
    # plain numbers given as inputs became data leaves x₁, x₂
    inputs = mlp.layers[0].neurons[0].z._prev[2:4]
    assert [(x.label, x.data) for x in inputs] == [("x₁", 1.0), ("x₂", -2.0)]


def test_a_layer_or_neuron_on_its_own_and_two_digit_indices():
    assert [p.label for p in Neuron(3).parameters()] == ["w₁", "w₂", "w₃", "b"]
    n = Neuron(2, activation="sigmoid")
    a = n([0.5, 1.0])
    assert (n.z.label, a.label) == ("z", "a")
    layer = Layer(12, 11)
    assert [p.label for p in layer.neurons[0].parameters()][:2] == ["w₁‚₁", "w₁‚₂"]
    assert layer.neurons[10].w[11].label == "w₁₁‚₁₂"  # j = 11, k = 12: the low comma separates
    assert Layer(2, 3).neurons[2].w[1].label == "w₃₂" and Layer(2, 3).neurons[2].b.label == "b₃"
    assert MLP(3, [4] * 9, seed=0).layers[8].neurons[0].w[0].label == "w¹⁰₁₁"
    assert MLP(2, [10, 1], seed=0).layers[1].neurons[0].w[9].label == "w³₁‚₁₀"  # 10 inputs: wide


def test_users_labels_win_and_numbers_do_not_change():
    mlp = MLP(2, [1], seed=1)
    mlp.layers[0].neurons[0].w[0].label = "ω"
    x = [Value(3.0, label="身高"), 2.0]
    out = mlp(x)
    assert [c.label for c in out._prev] == ["ω", "w²₁₂", "身高", "x₂", "b²₁"]
    # a target given as a Value keeps its own label; plain targets are y₁, y₂, …
    y = Value(0.5, label="t")
    assert mse_loss(out, y)._prev[0]._prev[1] is y  # the mean of one term is (out − t)²
    loss = mse_loss([out, out], [1.0, 2.0], reduction="sum")
    targets = [term._prev[0]._prev[1] for term in loss._prev]
    assert [(v.label, v.data) for v in targets] == [("y₁", 1.0), ("y₂", 2.0)]
    # the labelled data leaves compute exactly what constants computed
    w1, w2 = (w.data for w in mlp.layers[0].neurons[0].w)
    assert out.data == sum([w1 * 3.0, w2 * 2.0], 0.0)  # the output layer is linear: a = z
    assert loss.data == (out.data - 1.0) ** 2 + (out.data - 2.0) ** 2
    bce = binary_cross_entropy(Value(0.25), [0.0])
    names = sorted(v.label for v in _leaves(bce) if v.label)
    assert names == ["1−y₁", "y₁"] and bce.data == -math.log(0.75)


def _leaves(root):
    from micrograd_cn.engine import topo_sort

    return [v for v in topo_sort(root) if not v._prev]


@pytest.mark.parametrize("fused", [True, False])
def test_groups_put_every_node_of_the_network_in_its_layer(fused):
    from micrograd_cn.engine import topo_sort

    mlp = MLP(2, [2, 1], activation="tanh", output_activation="sigmoid", seed=0, fused=fused)
    # two samples: the groups come from the graph's structure, so both passes are grouped
    loss = mse_loss([mlp([1.0, -2.0]), mlp([0.5, 0.5])], [1.0, 0.0]) + 1e-3 * l2_penalty(
        mlp.parameters())
    groups = mlp.groups(loss)
    layer = {"L2": mlp.layers[0], "L3": mlp.layers[1]}
    for p in mlp.parameters():
        owner = next(name for name, ly in layer.items() if p in ly.parameters())
        j = next(j for j, n in enumerate(layer[owner].neurons, 1) if p in n.parameters())
        assert groups[p] == (owner if fused else f"{owner}/N{j}")
    by_label: dict[str, set[str]] = {}
    for node, group in groups.items():
        by_label.setdefault(node.label or node._op, set()).add(group)
    # x₁, x₂ of both samples are layer 1; every z and a is in its layer (and neuron)
    assert by_label["x₁"] == by_label["x₂"] == {"L1"}
    suffix = "" if fused else "/N1"
    assert by_label["z²₁"] == by_label["a²₁"] == {"L2" + suffix}
    assert by_label["z³₁"] == by_label["a³₁"] == {"L3" + suffix}
    assert sum(1 for node in groups if node.label == "a²₂") == 2  # one per sample
    # the loss (its −, x², +, the penalty's p·p) and the targets belong to no layer
    network = {id(n) for n in groups}
    outside = [n for n in topo_sort(loss) if id(n) not in network]
    assert all(n.label.startswith("y") or not n.label for n in outside)
    assert loss in outside and len(outside) > 10
    count = sum(1 for n in groups if n._prev)
    assert count == 2 * (3 * 2 if fused else 2 * 5 + 1 * 5)  # per sample: z, a (and ×, + chain)


def test_a_neuron_and_a_layer_on_their_own_have_groups():
    n = Neuron(2, fused=False)
    a = n([1.0, 2.0])
    assert set(n.groups(a).values()) == {"N"} and len(n.groups(a)) == 3 + 2 + 2 + 1
    layer = Layer(2, 2)
    out = layer([1.0, 2.0])
    assert set(layer.groups(out[0]).values()) == {"L"}
# ------------------------------------------------------------------ plain and NumPy numbers, inf and nan
def test_losses_accept_plain_and_numpy_numbers():
    p = Value(3.0)
    loss = mse_loss(p, np.int64(1))
    loss.backward()
    assert (loss.data, p.grad) == (4.0, 4.0)
    assert mse_loss([p], np.array([1.0])).data == 4.0
    assert binary_cross_entropy([0.5], [1]).data == pytest.approx(math.log(2.0), rel=1e-15)
    assert max_margin_loss([1.0], [1]).data == 0.0  # a plain score is a constant
    assert max_margin_loss([-1.0, Value(0.5)], [1, -1]).data == pytest.approx(1.75)


def test_sgd_never_writes_inf_or_nan_into_a_parameter():
    a, b = Value(1.0), Value(2.0)
    opt = SGD([a, b], lr=1e300)
    a.grad, b.grad = 1e-300, 1e10  # b would become 2 − 1e310 = −inf
    with pytest.raises(FloatingPointError) as err:
        opt.step()
    assert str(err.value).startswith("SGD.step：第 1 个参数会变成 -inf（值 2.0，梯度 10000000000.0）；没有更新任何参数")
    assert (a.data, b.data) == (1.0, 2.0)  # all or nothing: a is not moved either
    b.grad = float("nan")
    with language("en"), pytest.raises(FloatingPointError, match=r"^SGD.step: parameter 1 would become nan"):
        opt.step()
    moving = SGD([a], lr=0.5, momentum=0.9)
    a.grad = float("inf")
    with pytest.raises(FloatingPointError):
        moving.step()
    assert a.data == 1.0 and moving.velocity == [0.0]  # the velocity is not advanced either
    a.grad = 1.0
    moving.step()
    moving.step()
    assert moving.velocity == [1.9] and a.data == pytest.approx(1.0 - 0.5 - 0.95)
