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
# from_torch makes one Value per weight: beyond this it is slow and big (a 2000×2000 Linear
# took 12 s and 1.3 GB), so it is refused before anything is built
MAX_PARAMETERS = 100_000


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
    afterwards does not change the other. A layer whose neurons differ in activation
    (micrograd's ``neuron.nonlin = False`` on some of them) has no torch equivalent
    and is refused with a ValueError naming the layer and its neurons.
    """
    if not isinstance(mlp, MLP):
        raise TypeError(t("bridge_not_mlp", kind=type(mlp).__name__))
    torch = _torch()
    modules = []
    for number, layer in enumerate(mlp.layers, 1):
        neurons = layer.neurons
        _one_activation(number, [n.activation for n in neurons])
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


def _one_activation(layer: int, activations: list[str]) -> None:
    """A torch layer has one activation module: refuse a layer whose neurons differ
    (``neuron.nonlin = False`` on one of them) rather than build another network."""
    if len(set(activations)) > 1:
        groups: dict[str, list[str]] = {}
        for k, name in enumerate(activations, 1):
            groups.setdefault(name, []).append(str(k))
        detail = "; ".join(f"{name}: {', '.join(ks)}" for name, ks in groups.items())
        raise ValueError(t("bridge_mixed_layer", layer=layer, detail=detail))


def from_torch(module: torch.nn.Module, *, fused: bool = True) -> MLP:
    """An ``MLP`` of Values with the weights and activations of a torch Sequential.

    ``module`` must be ``Sequential(Linear, [activation], Linear, [activation], …)``
    with each Linear's inputs equal to the previous one's outputs; the activation
    after a Linear is ReLU, Sigmoid, Tanh, Identity or none (linear). A Linear
    without bias gets b = 0. Hidden layers may even differ in activation: each
    layer's neurons are given their own. More than MAX_PARAMETERS weights and biases are
    refused before anything is built.
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
    count = sum((linear.in_features + 1) * linear.out_features for linear, _ in layers)
    if count > MAX_PARAMETERS:  # before any Value is made
        raise ValueError(t("bridge_too_large", count=f"{count:,}", limit=f"{MAX_PARAMETERS:,}"))
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
