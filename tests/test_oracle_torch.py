"""PyTorch float64 as an independent oracle: values and gradients of every op,
expressions with shared nodes, an MLP and the losses. `make test` (and so CI)
installs torch and never skips these (see conftest.require_torch)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from micrograd_cn import Value
from micrograd_cn.nn import (
    MLP,
    binary_cross_entropy_with_logits,
    cross_entropy,
    log_softmax,
    max_margin_loss,
    mse_loss,
)

num = st.floats(-3.0, 3.0, allow_nan=False)
pos = st.floats(0.05, 4.0)

# (name, micrograd_cn function, torch function, input strategies)
OPS = [
    ("add", lambda a, b: a + b, lambda a, b: a + b, (num, num)),
    ("radd", lambda a, b: 2.5 + a + b, lambda a, b: 2.5 + a + b, (num, num)),
    ("sub", lambda a, b: a - b, lambda a, b: a - b, (num, num)),
    ("rsub", lambda a, b: 1.0 - a * b, lambda a, b: 1.0 - a * b, (num, num)),
    ("neg", lambda a: -a, lambda a: -a, (num,)),
    ("mul", lambda a, b: a * b, lambda a, b: a * b, (num, num)),
    ("div", lambda a, b: a / b, lambda a, b: a / b, (num, pos)),
    ("rdiv", lambda a: 3.0 / a, lambda a: 3.0 / a, (pos,)),
    ("pow_int", lambda a: a ** 3, lambda a: a ** 3, (num,)),
    ("pow_neg", lambda a: a ** -2, lambda a: a ** -2, (pos,)),
    ("pow_float", lambda a: a ** 1.7, lambda a: a ** 1.7, (pos,)),
    ("pow_value", lambda a, b: a ** b, lambda a, b: a ** b, (pos, num)),
    ("rpow", lambda a: 2.0 ** a, lambda a: 2.0 ** a, (num,)),
    ("exp", lambda a: a.exp(), lambda a: a.exp(), (num,)),
    ("log", lambda a: a.log(), lambda a: a.log(), (pos,)),
    ("sigmoid", lambda a: a.sigmoid(), lambda a: a.sigmoid(), (st.floats(-800, 800),)),
    ("tanh", lambda a: a.tanh(), lambda a: a.tanh(), (st.floats(-800, 800),)),
    ("relu", lambda a: a.relu(), lambda a: a.relu(), (num,)),
    ("shared", lambda a, b: (a * b + a).tanh() * (a * b) + a * a,
     lambda a, b: (a * b + a).tanh() * (a * b) + a * a, (num, num)),
]


def compare(torch, ours, theirs, xs):
    leaves = [Value(x) for x in xs]
    out = ours(*leaves)
    out.backward()
    tl = [torch.tensor(x, dtype=torch.float64, requires_grad=True) for x in xs]
    tout = theirs(*tl)
    tout.backward()
    assert out.data == pytest.approx(tout.item(), rel=1e-12, abs=1e-300)
    for leaf, t in zip(leaves, tl):
        assert leaf.grad == pytest.approx(t.grad.item(), rel=1e-10, abs=1e-12)


@pytest.mark.parametrize("name, ours, theirs, strategies", OPS, ids=[o[0] for o in OPS])
def test_every_op_matches_torch(torch, name, ours, theirs, strategies):
    @given(st.tuples(*strategies))
    def check(xs):
        compare(torch, ours, theirs, xs)

    check()


def test_micrograd_more_ops_against_torch(torch):
    def build(a, b):
        c = a + b
        d = a * b + b ** 3
        c = c + (c + 1)
        c = c + (1 + c + (-a))
        d = d + (d * 2 + (b + a).relu())
        d = d + (3 * d + (b - a).relu())
        e = c - d
        f = e ** 2
        g = f / 2.0
        return g + 10.0 / f

    compare(torch, build, build, (-4.0, 2.0))


@pytest.mark.parametrize("fused", [True, False])
def test_mlp_and_losses_match_torch(torch, fused):
    model = MLP(3, [4, 4, 2], activation="tanh", output_activation="linear", seed=5, fused=fused)
    X = [[0.5, -1.0, 2.0], [1.5, 0.3, -0.7], [-0.2, 0.8, 0.1]]
    targets = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    outs = [model(x) for x in X]
    flat = [o for out in outs for o in out]
    loss = (mse_loss(flat, [y for row in targets for y in row])
            + binary_cross_entropy_with_logits(flat, [y for row in targets for y in row])
            + max_margin_loss([out[0] for out in outs], [1, -1, 1]))
    loss.backward()

    Ws = [torch.tensor([[w.data for w in n.w] for n in layer.neurons], requires_grad=True)
          for layer in model.layers]
    bs = [torch.tensor([n.b.data for n in layer.neurons], requires_grad=True)
          for layer in model.layers]
    h = torch.tensor(X)
    for i, (W, b) in enumerate(zip(Ws, bs)):
        h = h @ W.T + b
        if i < len(Ws) - 1:
            h = torch.tanh(h)
    Y = torch.tensor(targets)
    tloss = (torch.mean((h - Y) ** 2)
             + torch.nn.functional.binary_cross_entropy_with_logits(h, Y)
             + torch.mean(torch.relu(1 - torch.tensor([1.0, -1.0, 1.0]) * h[:, 0])))
    tloss.backward()
    assert loss.data == pytest.approx(tloss.item(), rel=1e-12)
    for layer, W, b in zip(model.layers, Ws, bs):
        ours_w = [w.grad for n in layer.neurons for w in n.w]
        assert ours_w == pytest.approx(W.grad.flatten().tolist(), rel=1e-10, abs=1e-14)
        assert [n.b.grad for n in layer.neurons] == pytest.approx(b.grad.tolist(), rel=1e-10, abs=1e-14)


@pytest.mark.parametrize("scale", [1.0, 100.0, 1000.0])
def test_softmax_cross_entropy_matches_torch(torch, scale):
    """Values and gradients at ordinary and at huge logits (e^1000 overflows a float)."""
    import random

    rng = random.Random(int(scale))
    rows = [[rng.uniform(-scale, scale) for _ in range(10)] for _ in range(4)]
    targets = [3, 0, 9, 5]
    logits = [[Value(z) for z in row] for row in rows]
    loss = cross_entropy(logits, targets)
    loss.backward()
    first = log_softmax(logits[0])

    z = torch.tensor(rows, requires_grad=True)
    tloss = torch.nn.functional.cross_entropy(z, torch.tensor(targets))
    tloss.backward()
    assert loss.data == pytest.approx(tloss.item(), rel=1e-12, abs=1e-12)
    ours = [v.grad for row in logits for v in row]
    assert ours == pytest.approx(z.grad.flatten().tolist(), rel=1e-10, abs=1e-14)
    theirs = torch.log_softmax(torch.tensor(rows[0]), dim=0).tolist()
    assert [v.data for v in first] == pytest.approx(theirs, rel=1e-12, abs=1e-12)
