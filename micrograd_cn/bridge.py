"""The bridge to PyTorch: the same network as scalar Values and as tensors.

``to_torch(mlp)`` builds a ``torch.nn.Sequential`` of ``Linear`` layers (float64)
and activation modules that computes exactly what ``mlp`` computes: layer l's
``weight[j, k]`` is neuron j's ``w[k]`` and ``bias[j]`` its ``b``, so
``W @ a + b`` is the column of weighted sums z = Σₖ wⱼₖ aₖ + bⱼ that the neurons
compute one by one. Outputs and parameter gradients agree to rounding
(tests/test_bridge.py checks 1e-12). ``from_torch(module)`` goes back, for a
Sequential of Linear layers each optionally followed by ReLU, Sigmoid, Tanh or
Identity. A student can train the scalar network, hand it to PyTorch and see the
same numbers come out of a matrix product, or the other way round.

PyTorch is optional: it is imported only when a function here is called, and
without it the error says how to install it.

Imports: nn, i18n (torch lazily).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from micrograd_cn.i18n import show, t
from micrograd_cn.nn import MLP

if TYPE_CHECKING:  # only for annotations: torch stays optional
    import torch

# our activation name -> the torch.nn module class name
TORCH_ACTIVATIONS = {"relu": "ReLU", "sigmoid": "Sigmoid", "tanh": "Tanh"}


def _torch() -> Any:
    """The torch module, or a clear error saying how to get it."""
    try:
        import torch
    except ImportError:
        raise ImportError(t("bridge_no_torch")) from None
    return torch


def to_torch(mlp: MLP) -> torch.nn.Sequential:
    """A float64 ``torch.nn.Sequential`` with ``mlp``'s weights and activations.

    Each layer becomes ``Linear(n_in, n_out)`` followed by its activation module
    (none for a linear layer). The weights are copied: training one network
    afterwards does not change the other.
    """
    if not isinstance(mlp, MLP):
        raise TypeError(t("bridge_not_mlp", kind=type(mlp).__name__))
    torch = _torch()
    modules = []
    for layer in mlp.layers:
        neurons = layer.neurons
        linear = torch.nn.Linear(len(neurons[0].w), len(neurons), dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(torch.tensor([[w.data for w in n.w] for n in neurons],
                                             dtype=torch.float64))
            linear.bias.copy_(torch.tensor([n.b.data for n in neurons], dtype=torch.float64))
        modules.append(linear)
        activation = neurons[0].activation
        if activation != "linear":
            modules.append(getattr(torch.nn, TORCH_ACTIVATIONS[activation])())
    return torch.nn.Sequential(*modules)


def from_torch(module: torch.nn.Module, *, fused: bool = True) -> MLP:
    """An ``MLP`` of Values with the weights and activations of a torch Sequential.

    ``module`` must be ``Sequential(Linear, [activation], Linear, [activation], …)``
    with each Linear's inputs equal to the previous one's outputs; the activation
    after a Linear is ReLU, Sigmoid, Tanh, Identity or none (linear). A Linear
    without bias gets b = 0. Hidden layers may even differ in activation: each
    layer's neurons are given their own.
    """
    torch = _torch()
    if not isinstance(module, torch.nn.Sequential):
        raise TypeError(t("bridge_not_sequential", kind=type(module).__name__))
    by_class = {cls: name for name, cls in TORCH_ACTIVATIONS.items()}
    layers: list[tuple[Any, str]] = []  # (Linear, activation)
    after_linear = False  # an activation may only follow a Linear directly
    for position, part in enumerate(module):
        kind = type(part).__name__
        if isinstance(part, torch.nn.Linear):
            if layers and part.in_features != layers[-1][0].out_features:
                raise ValueError(t("bridge_shapes", position=position, got=part.in_features,
                                   expected=layers[-1][0].out_features))
            layers.append((part, "linear"))
            after_linear = True
        elif kind in by_class or isinstance(part, torch.nn.Identity):
            if not after_linear:
                raise ValueError(t("bridge_activation_place", position=position, kind=kind))
            if not isinstance(part, torch.nn.Identity):
                layers[-1] = (layers[-1][0], by_class[kind])
            after_linear = False
        else:
            raise ValueError(t("bridge_unsupported", position=position, kind=show(part, 80),
                               choices="Linear, ReLU, Sigmoid, Tanh, Identity"))
    if not layers:
        raise ValueError(t("bridge_empty"))
    nin = layers[0][0].in_features
    mlp = MLP(nin, [linear.out_features for linear, _ in layers], fused=fused)
    for layer, (linear, activation) in zip(mlp.layers, layers):
        weight = linear.weight.detach().to(torch.float64).tolist()
        bias = ([0.0] * linear.out_features if linear.bias is None
                else linear.bias.detach().to(torch.float64).tolist())
        layer.set_weights(weight, bias)
        for neuron in layer.neurons:
            neuron.activation = activation
    return mlp
