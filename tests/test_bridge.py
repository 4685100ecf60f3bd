"""bridge: to_torch gives the same outputs and parameter gradients (1e-12), from_torch goes
back, and every wrong input (or a missing torch) gets a clear error."""

from __future__ import annotations

import itertools
import random
import sys

import pytest
from conftest import assert_clear_error

from micrograd_cn.bridge import from_torch, to_torch
from micrograd_cn.nn import ACTIVATIONS, MLP, cross_entropy, mse_loss

X = [[0.5, -1.0, 2.0], [1.5, 0.3, -0.7], [-0.2, 0.8, 0.1], [0.0, -2.0, 1.0]]
PAIRS = list(itertools.product(ACTIVATIONS, ACTIVATIONS))  # (hidden, output): all 16


def weights(mlp: MLP) -> list[list[list[float]]]:
    return [[[w.data for w in n.w] + [n.b.data] for n in layer.neurons] for layer in mlp.layers]


def torch_weights(module) -> list[list[list[float]]]:
    import torch

    linears = [m for m in module if isinstance(m, torch.nn.Linear)]
    return [[row + [b] for row, b in zip(m.weight.tolist(), m.bias.tolist())] for m in linears]


@pytest.mark.parametrize("activation, output_activation", PAIRS)
def test_same_outputs_and_parameter_gradients(torch, activation, output_activation):
    mlp = MLP(3, [5, 4, 2], activation=activation, output_activation=output_activation, seed=7)
    module = to_torch(mlp)
    assert all(p.dtype == torch.float64 for p in module.parameters())
    assert torch_weights(module) == weights(mlp)  # copied exactly

    targets = [[1.0, 0.0], [0.0, 1.0], [0.5, 0.5], [1.0, 1.0]]
    outs = [mlp(x) for x in X]
    loss = mse_loss([o for out in outs for o in out], [v for row in targets for v in row])
    loss.backward()
    theirs = module(torch.tensor(X))
    tloss = torch.mean((theirs - torch.tensor(targets)) ** 2)
    tloss.backward()

    assert [o.data for out in outs for o in out] == pytest.approx(
        theirs.flatten().tolist(), rel=1e-12, abs=1e-12)
    assert loss.data == pytest.approx(tloss.item(), rel=1e-12, abs=1e-12)
    linears = [m for m in module if isinstance(m, torch.nn.Linear)]
    for layer, linear in zip(mlp.layers, linears):
        ours = [[w.grad for w in n.w] + [n.b.grad] for n in layer.neurons]
        grads = [row + [b] for row, b in zip(linear.weight.grad.tolist(),
                                              linear.bias.grad.tolist())]
        for mine, other in zip(ours, grads):
            assert mine == pytest.approx(other, rel=1e-12, abs=1e-12)


def test_module_layout(torch):
    torch.set_default_dtype(torch.float32)  # float64 whatever torch's default
    try:
        module = to_torch(MLP(2, [3, 3, 1], activation="tanh", output_activation="sigmoid"))
    finally:
        torch.set_default_dtype(torch.float64)
    assert all(p.dtype == torch.float64 for p in module.parameters())
    assert [type(m).__name__ for m in module] == ["Linear", "Tanh", "Linear", "Tanh",
                                                  "Linear", "Sigmoid"]
    assert [type(m).__name__ for m in to_torch(MLP(2, [3, 1]))] == ["Linear", "ReLU", "Linear"]


@pytest.mark.parametrize("activation, output_activation", PAIRS)
def test_round_trip_is_exact(torch, activation, output_activation):
    mlp = MLP(4, [3, 2], activation=activation, output_activation=output_activation, seed=3)
    back = from_torch(to_torch(mlp))
    assert weights(back) == weights(mlp)
    assert [[n.activation for n in layer.neurons] for layer in back.layers] == \
        [[n.activation for n in layer.neurons] for layer in mlp.layers]
    x = [0.1, -0.2, 0.3, 0.4]
    assert [v.data for v in back(x)] == [v.data for v in mlp(x)]


def test_from_a_network_built_in_torch(torch):
    """torch's own initialisation and float32, mixed activations, Identity, a Linear without bias."""
    torch.manual_seed(0)
    module = torch.nn.Sequential(
        torch.nn.Linear(3, 4, dtype=torch.float32), torch.nn.Tanh(),
        torch.nn.Linear(4, 4, bias=False), torch.nn.ReLU(),
        torch.nn.Linear(4, 2), torch.nn.Identity())
    mlp = from_torch(module)
    assert [[n.activation for n in layer.neurons][0] for layer in mlp.layers] == [
        "tanh", "relu", "linear"]
    assert all(n.b.data == 0.0 for n in mlp.layers[1].neurons)
    with torch.no_grad():
        expected = module.double()(torch.tensor(X)).tolist()
    ours = [[v.data for v in mlp(x)] for x in X]
    for mine, other in zip(ours, expected):
        assert mine == pytest.approx(other, rel=1e-12, abs=1e-12)


def test_train_in_both_and_get_the_same_numbers(torch):
    """Five SGD steps on the same cross-entropy in each library: the same losses and weights."""
    rng = random.Random(0)
    data = [[rng.uniform(-1, 1) for _ in range(3)] for _ in range(8)]
    labels = [rng.randrange(3) for _ in range(8)]
    mlp = MLP(3, [6, 3], activation="tanh", seed=2)
    module = to_torch(mlp)
    optimizer = torch.optim.SGD(module.parameters(), lr=0.5)
    for _ in range(5):
        loss = cross_entropy([mlp(x) for x in data], labels)
        mlp.zero_grad()
        loss.backward()
        for p in mlp.parameters():
            p.data -= 0.5 * p.grad
        tloss = torch.nn.functional.cross_entropy(module(torch.tensor(data)),
                                                  torch.tensor(labels))
        optimizer.zero_grad()
        tloss.backward()
        optimizer.step()
        assert loss.data == pytest.approx(tloss.item(), rel=1e-12)
    for mine, other in zip(weights(mlp), torch_weights(module)):
        for a, b in zip(mine, other):
            assert a == pytest.approx(b, rel=1e-11, abs=1e-12)


def _bad(torch):
    nn = torch.nn
    return [
        (lambda: to_torch(nn.Linear(2, 2)), TypeError,
         "to_torch：需要一个 micrograd_cn.nn.MLP，收到 Linear", "to_torch: expected a micrograd_cn.nn.MLP, got Linear"),
        (lambda: from_torch(nn.Linear(2, 2)), TypeError,
         "from_torch：需要一个 torch.nn.Sequential，收到 Linear", "expected a torch.nn.Sequential, got Linear"),
        (lambda: from_torch(nn.Sequential(nn.Linear(2, 3), nn.LeakyReLU())), ValueError,
         "from_torch：模块 (1) LeakyReLU(negative_slope=0.01) 无法转换；可用：Linear, ReLU, Sigmoid, Tanh, Identity",
         "module (1) LeakyReLU(negative_slope=0.01) cannot be converted"),
        (lambda: from_torch(nn.Sequential(nn.ReLU(), nn.Linear(2, 3))), ValueError,
         "模块 (0) ReLU 必须紧跟在一个 Linear 之后", "module (0) ReLU must come right after a Linear"),
        (lambda: from_torch(nn.Sequential(nn.Linear(2, 3), nn.Identity(), nn.Tanh())), ValueError,
         "模块 (2) Tanh 必须紧跟在一个 Linear 之后", "module (2) Tanh must come right after a Linear"),
        (lambda: from_torch(nn.Sequential(nn.Linear(2, 3), nn.Linear(4, 1))), ValueError,
         "模块 (1) 是 4 个输入的 Linear，但上一层有 3 个输出",
         "module (1) is a Linear with 4 inputs, but the layer before has 3 outputs"),
        (lambda: from_torch(nn.Sequential()), ValueError,
         "Sequential 里没有 Linear 层", "the Sequential holds no Linear layer"),
    ]


def test_bad_input_gets_a_clear_error(torch):
    for make, error, zh, en in _bad(torch):
        assert_clear_error(make, error, zh, en)


def test_without_torch_the_error_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch -> ImportError
    assert_clear_error(lambda: to_torch(MLP(2, [1])), ImportError,
                       "micrograd_cn.bridge 需要 PyTorch（可选依赖，没有安装）：pip install torch",
                       "micrograd_cn.bridge needs PyTorch (optional, not installed): pip install torch")
    assert_clear_error(lambda: from_torch(object()), ImportError, "pip install torch",
                       "pip install torch")


# ------------------------------------------------------------------ never a silently different network (issue 22)
def test_a_linear_neuron_in_a_tanh_layer_is_refused_clearly(torch):
    mlp = MLP(2, [3, 1], activation="tanh", seed=0)
    mlp.layers[0].neurons[1].nonlin = False  # micrograd's switch, documented in the README
    assert_clear_error(lambda: to_torch(mlp), ValueError, "第 1 层", "layer 1")
    with pytest.raises(ValueError) as info:
        to_torch(mlp)
    assert "2" in str(info.value) and "linear" in str(info.value) and "tanh" in str(info.value)


def test_a_whole_linear_layer_is_carried(torch):
    mlp = MLP(2, [3, 1], activation="tanh", seed=0)
    for neuron in mlp.layers[0].neurons:
        neuron.nonlin = False
    module = to_torch(mlp)
    x = [0.5, -1.5]
    ours = mlp(x).data
    theirs = module(torch.tensor([x], dtype=torch.float64)).item()
    assert abs(ours - theirs) <= 1e-12 * max(1.0, abs(ours))
    assert not any(isinstance(m, torch.nn.Tanh) for m in module)
    back = from_torch(module)
    assert abs(back(x).data - ours) <= 1e-12 * max(1.0, abs(ours))


def test_from_torch_refuses_a_network_too_large_with_the_number_and_the_limit(torch):
    from micrograd_cn.bridge import MAX_PARAMETERS

    big = torch.nn.Sequential(torch.nn.Linear(2000, 2000))
    count = 2000 * 2000 + 2000
    with pytest.raises(ValueError) as info:
        from_torch(big)
    assert f"{count:,}" in str(info.value) or str(count) in str(info.value)
    assert f"{MAX_PARAMETERS:,}" in str(info.value) or str(MAX_PARAMETERS) in str(info.value)
    assert_clear_error(lambda: from_torch(big), ValueError, "上限", "limit")
    fits = torch.nn.Sequential(torch.nn.Linear(99, 99))  # 9,900 parameters: built
    assert len(from_torch(fits).parameters()) == 99 * 100
