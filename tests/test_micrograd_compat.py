"""micrograd's own code runs unchanged on micrograd_cn (the README promises the import swap).

Each test runs the same function twice, once with the PyPI ``micrograd`` 0.1.0
(the ``bench`` extra, installed by ``make test``) and once with micrograd_cn,
and compares the gradients.
"""

from __future__ import annotations

import gc
import math
import random

import micrograd.engine as mg_engine
import micrograd.nn as mg_nn
import pytest

import micrograd_cn.engine as cn_engine
import micrograd_cn.nn as cn_nn

LIBRARIES = {"micrograd": mg_engine.Value, "micrograd_cn": cn_engine.Value}


def tanh_op(v, Value):
    """tanh as a custom op, written the way the lecture adds it to micrograd's Value."""
    t = math.tanh(v.data)
    out = Value(t, (v,), "tanh")

    def _backward():
        v.grad += (1 - t * t) * out.grad

    out._backward = _backward
    return out


def sin_op(a, Value):
    """A custom op written the micrograd way: value, children, name, zero-argument closure."""
    out = Value(math.sin(a.data), (a,), "sin")

    def _backward():
        a.grad += math.cos(a.data) * out.grad

    out._backward = _backward
    return out


def lecture_neuron(Value, tanh):
    """The lecture's neuron: o = tanh(x1·w1 + x2·w2 + b), every node named as in the lecture."""
    x1, x2 = Value(2.0), Value(0.0)
    w1, w2 = Value(-3.0), Value(1.0)
    b = Value(6.8813735870195432)
    x1w1 = x1 * w1
    x2w2 = x2 * w2
    x1w1x2w2 = x1w1 + x2w2
    n = x1w1x2w2 + b
    o = tanh(n)
    return dict(x1=x1, x2=x2, w1=w1, w2=w2, b=b, x1w1=x1w1, x2w2=x2w2,
                x1w1x2w2=x1w1x2w2, n=n, o=o)


def hand_stepped(Value, tanh):
    """The lecture's cells: seed o.grad by hand, then call each node's _backward() in turn."""
    v = lecture_neuron(Value, tanh)
    v["o"].grad = 1.0
    for name in ("o", "n", "b", "x1w1x2w2", "x2w2", "x1w1", "x1", "w1"):  # leaves: no-ops
        v[name]._backward()
    return {name: node.grad for name, node in v.items()}


def test_hand_stepped_lecture_cells_give_micrograds_gradients():
    theirs = hand_stepped(mg_engine.Value, lambda n: tanh_op(n, mg_engine.Value))
    ours_custom = hand_stepped(cn_engine.Value, lambda n: tanh_op(n, cn_engine.Value))
    ours_builtin = hand_stepped(cn_engine.Value, lambda n: n.tanh())
    assert ours_custom == theirs
    assert ours_builtin == theirs
    # the lecture's numbers: tanh'(n) = 1 − o² ≈ 0.5
    assert theirs["x1"] == pytest.approx(-1.5) and theirs["w1"] == pytest.approx(1.0)
    assert theirs["x2"] == pytest.approx(0.5) and theirs["w2"] == 0.0


def test_hand_stepping_equals_backward():
    stepped = hand_stepped(cn_engine.Value, lambda n: n.tanh())
    v = lecture_neuron(cn_engine.Value, lambda n: n.tanh())
    v["o"].backward()
    assert {name: node.grad for name, node in v.items()} == stepped


def test_a_leafs_backward_is_a_no_op_and_a_node_keeps_no_stored_closure():
    leaf = cn_engine.Value(3.0)
    leaf.grad = 2.0
    assert leaf._backward() is None and leaf.grad == 2.0
    x = cn_engine.Value(3.0)
    y = x * x
    step = y._backward
    assert step is not y._backward  # made on each access, never stored on the node
    y.grad = 1.0
    step()
    assert x.grad == 6.0


@pytest.mark.parametrize("library", sorted(LIBRARIES))
def test_sin_custom_op_through_backward(library):
    Value = LIBRARIES[library]
    x = Value(0.7)
    y = sin_op(x * x, Value) * 3 + x
    y.backward()
    assert x.grad == pytest.approx(3 * math.cos(0.49) * 2 * 0.7 + 1, rel=1e-15)


def test_sin_custom_op_same_gradients_in_both_libraries():
    grads = {}
    for library, Value in LIBRARIES.items():
        a, b = Value(0.3), Value(-1.1)
        out = sin_op(a * b + a, Value) * sin_op(b, Value)
        out.backward()
        grads[library] = (a.grad, b.grad)
    assert grads["micrograd_cn"] == grads["micrograd"]


def test_custom_op_keeps_the_built_in_ops_free_of_cycles():
    """The user's closure refers to its output, as in micrograd; built-in ops still make no cycle."""
    gc.collect()
    gc.disable()
    try:
        x = cn_engine.Value(1.5)
        out = x
        for _ in range(100):
            out = (out * x + 1.0).tanh() - out.sigmoid() / 2.0
        out._backward()  # micrograd's step made on access: nothing stored
        out.backward()
        del out
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_backward_must_be_callable():
    node = cn_engine.Value(1.0) * 2
    with pytest.raises(TypeError, match="_backward 必须是不带参数的函数"):
        node._backward = 3.0


# ------------------------------------------------------------------ nn
def test_unseeded_network_has_micrograds_weights_bit_for_bit():
    random.seed(1337)
    theirs = mg_nn.MLP(2, [16, 16, 1])
    random.seed(1337)
    ours = cn_nn.MLP(2, [16, 16, 1])
    assert [p.data for p in ours.parameters()] == [p.data for p in theirs.parameters()]
    assert repr(ours) == repr(theirs)  # ReLUNeuron / LinearNeuron, as micrograd names them
    random.seed(7)
    layer_theirs = mg_nn.Layer(3, 2)
    random.seed(7)
    layer_ours = cn_nn.Layer(3, 2)
    assert [p.data for p in layer_ours.parameters()] == [p.data for p in layer_theirs.parameters()]


@pytest.mark.parametrize("fused", [True, False])
def test_micrograds_demo_step_gives_the_same_numbers(fused):
    """Forward values are identical; gradients agree to rounding (micrograd sums in set order)."""
    X, y = [[0.3, -1.2], [1.5, 0.2], [-0.4, 0.9]], [1, -1, 1]
    losses = {}
    for library, (nn, Value) in {"micrograd": (mg_nn, mg_engine.Value),
                                 "micrograd_cn": (cn_nn, cn_engine.Value)}.items():
        random.seed(1337)
        model = nn.MLP(2, [16, 16, 1], fused=fused) if nn is cn_nn else nn.MLP(2, [16, 16, 1])
        scores = list(map(model, [list(map(Value, x)) for x in X]))
        loss = sum((1 + -yi * s).relu() for yi, s in zip(y, scores)) * (1.0 / len(X))
        loss = loss + 1e-4 * sum(p * p for p in model.parameters())
        model.zero_grad()
        loss.backward()
        losses[library] = (loss.data, [p.grad for p in model.parameters()])
    assert losses["micrograd_cn"][0] == losses["micrograd"][0]
    assert losses["micrograd_cn"][1] == pytest.approx(losses["micrograd"][1], rel=1e-12, abs=1e-15)


def test_two_unseeded_neurons_differ_and_a_seed_is_private():
    assert [w.data for w in cn_nn.Neuron(2).w] != [w.data for w in cn_nn.Neuron(2).w]
    random.seed(1)
    state = random.getstate()
    a = [w.data for w in cn_nn.Neuron(3, seed=5).w]
    assert random.getstate() == state  # a seeded neuron leaves the global random alone
    assert a == [w.data for w in cn_nn.Neuron(3, seed=5).w]


def test_micrograd_style_attributes_and_inputs():
    n = cn_nn.Neuron(2, seed=0)
    n.nonlin = False
    assert n.activation == "linear" and repr(n) == "LinearNeuron(2)"
    n.w[0].data, n.w[1].data = 0.5, -1.0
    assert n(map(cn_engine.Value, [1.0, 2.0])).data == -1.5  # any iterable, like micrograd
    assert n(x for x in (2.0, 1.0)).data == 0.0
    n.nonlin = True
    assert n.activation == "relu" and repr(n) == "ReLUNeuron(2)"
    s = cn_nn.Neuron(2, activation="sigmoid", seed=0)
    s.nonlin = True  # already non-linear: stays sigmoid
    assert s.activation == "sigmoid"
    v = cn_engine.Value(1.0)
    v.name = "x"  # user code names a node: the same as its label, shown in pictures
    assert v.name == v.label == "x"
    v.label = "y"
    assert v.name == "y"
    assert repr(cn_engine.Value(2.0) / 3) == f"Value(data={2.0 / 3!r}, grad=0.0)"
