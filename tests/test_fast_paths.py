"""The training step's fast paths give exactly the numbers of the plain ones.

Each speed-up of the moons step (benchmarks/vs_micrograd.py, README 性能 /
Performance) must leave every loss, gradient and updated weight unchanged,
bit for bit. Oracles: numbers recorded with the engine before the speed-ups,
the snapshot's own chain rule (every edge, nothing skipped), micrograd's
recursive topological sort, one neuron at a time, and the sum of products.
"""

from __future__ import annotations

import hashlib
import random

from hypothesis import given
from hypothesis import strategies as st

from micrograd_cn.engine import Value, topo_sort, weighted_sum
from micrograd_cn.nn import MLP, SGD, l2_penalty, max_margin_loss
from micrograd_cn.teach.snapshot import chain_rule


def points(n: int = 40, seed: int = 2024) -> tuple[list[list[float]], list[int]]:
    """Points and ±1 labels from plain arithmetic (the same bits on every platform)."""
    rng = random.Random(seed)
    X = [[rng.uniform(-1.5, 2.5), rng.uniform(-1.0, 1.5)] for _ in range(n)]
    return X, [1 if x0 * x0 - x1 > 0.3 else -1 for x0, x1 in X]


def moons_loss(model: MLP, X: list[list[float]], y: list[int]) -> Value:
    """The moons demo's loss: hinge + 1e-4·L2."""
    return max_margin_loss([model(x) for x in X], y) + 1e-4 * l2_penalty(model.parameters())


def training_numbers(fused: bool, steps: int = 3) -> list[float]:
    """Loss, gradients and updated weights of a few SGD steps of MLP(2, [16, 16, 1])."""
    X, y = points()
    model = MLP(2, [16, 16, 1], seed=0, fused=fused)
    opt = SGD(model.parameters(), lr=0.05)
    numbers: list[float] = []
    for _ in range(steps):
        loss = moons_loss(model, X, y)
        opt.zero_grad()
        loss.backward()
        numbers += [loss.data] + [p.grad for p in model.parameters()]
        opt.step()
        numbers += [p.data for p in model.parameters()]
    return numbers


# Recorded with the engine before the speed-ups (commit 649d663): 3 steps × (loss,
# 337 gradients, 337 weights). Fused and elementary graphs agree, bit for bit.
RECORDED_SHA256 = "9365900a190635b0378af20e0fe10cb03f37d5989337787d3a84bdf1f4674547"
RECORDED_FIRST_LOSS = "0x1.93f960fcdd21fp-1"
RECORDED_LAST_WEIGHT = "0x1.47afc1f97e374p-10"


def test_three_training_steps_give_the_recorded_numbers_bit_for_bit():
    for fused in (True, False):
        numbers = training_numbers(fused)
        assert len(numbers) == 3 * (1 + 337 + 337)
        assert numbers[0].hex() == RECORDED_FIRST_LOSS
        assert numbers[-1].hex() == RECORDED_LAST_WEIGHT
        digest = hashlib.sha256(" ".join(x.hex() for x in numbers).encode()).hexdigest()
        assert digest == RECORDED_SHA256, f"fused={fused}"


def test_backward_skipping_zero_gradients_equals_the_full_chain_rule():
    """backward() skips nodes with gradient 0; snapshot.chain_rule walks every edge."""
    X, y = points(12)
    model = MLP(2, [8, 8, 1], seed=3)
    loss = moons_loss(model, X, y)
    order = topo_sort(loss)
    grads, steps = chain_rule(order)
    assert any(s[3] == 0.0 for s in steps) and any(s[3] != 0.0 for s in steps)  # both kinds
    loss.backward()
    assert [node.grad.hex() for node in order] == [g.hex() for g in grads]


def test_a_custom_backward_still_runs_when_its_gradient_is_zero():
    """micrograd runs every node's closure; a user's may print, so ours still runs."""
    x = Value(2.0)
    out = Value(x.data * 3.0, (x,), "triple")
    calls = []

    def _backward() -> None:
        calls.append(out.grad)
        x.grad += 3.0 * out.grad

    out._backward = _backward
    root = out * 0.0  # ∂root/∂out = 0
    root.backward()
    assert calls == [0.0] and x.grad == 0.0


def micrograd_topo(root: Value) -> list[Value]:
    """micrograd's recursive build_topo (fine for these small graphs)."""
    order: list[Value] = []
    seen: set[Value] = set()

    def build(v: Value) -> None:
        if v not in seen:
            seen.add(v)
            for child in v._prev:
                build(child)
            order.append(v)

    build(root)
    return order


def test_topo_sort_gives_micrograd_order():
    X, y = points(6)
    loss = moons_loss(MLP(2, [4, 3, 1], seed=1, fused=False), X, y)
    shared = Value(1.5)
    diamond = ((shared * 2.0).relu() + shared.exp() * shared).tanh() - shared
    for root in (loss, diamond, shared):
        assert topo_sort(root) == micrograd_topo(root)


def test_a_layer_gives_the_weighted_sums_of_its_neurons_one_by_one():
    """A Layer reads its inputs once for all neurons: same nodes as one neuron at a time."""
    model = MLP(3, [5, 4], seed=7, activation="tanh")
    x = [0.25, -1.5, 2.0]
    out = model(x)
    inputs = model.layers[0].neurons[0].z._prev[3:6]  # the data leaves x₁ x₂ x₃
    hidden = [n.a for n in model.layers[0].neurons]
    for layer, x_in in ((model.layers[0], inputs), (model.layers[1], hidden)):
        for neuron in layer.neurons:
            alone = weighted_sum(neuron.w, x_in, neuron.b)
            assert neuron.z.data.hex() == alone.data.hex()
            assert neuron.z._prev == alone._prev and neuron.z._local == alone._local
            assert neuron.a.data.hex() == (alone.tanh().data.hex() if layer is model.layers[0]
                                           else alone.data.hex())
    assert [a.data for a in out] == [n.a.data for n in model.layers[1].neurons]



@given(st.lists(st.floats(-3.0, 3.0), min_size=1, max_size=8), st.floats(-2.0, 2.0))
def test_l2_penalty_equals_the_sum_of_products_bit_for_bit(values, extra):
    """One wsum node for Σp²: same value and gradients as the chain of × and + nodes."""
    fast, plain = [Value(v) for v in values], [Value(v) for v in values]
    # another use of the first parameter, so its gradient has more than one source
    (l2_penalty(fast) + fast[0] * extra).backward()
    (sum((p * p for p in plain[1:]), plain[0] * plain[0]) + plain[0] * extra).backward()
    assert [p.grad.hex() for p in fast] == [p.grad.hex() for p in plain]
    assert l2_penalty(fast).data.hex() == sum(
        (p * p for p in plain[1:]), plain[0] * plain[0]).data.hex()
