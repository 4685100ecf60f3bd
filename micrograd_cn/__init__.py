"""micrograd_cn: a small, exact scalar autodiff engine for teaching backpropagation.

    from micrograd_cn import Value
    x = Value(2.0, label="x")
    y = (x * x + 1).log()
    y.backward()          # x.grad == 2x / (x² + 1) == 0.8

The graph renderer (``micrograd_cn.viz``) is not imported here, so that
``import micrograd_cn`` stays fast and works without Graphviz.
"""

from micrograd_cn.engine import OPS, Edge, Value, topo_sort, weighted_sum
from micrograd_cn.gradcheck import gradcheck, numerical_grad
from micrograd_cn.i18n import get_lang, language, set_lang
from micrograd_cn.nn import (
    MLP,
    SGD,
    Layer,
    Module,
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

__version__ = "0.1.0"

__all__ = [
    "MLP", "OPS", "SGD", "Edge", "Layer", "Module", "Neuron", "Value",
    "binary_cross_entropy", "binary_cross_entropy_with_logits", "cross_entropy", "get_lang",
    "gradcheck", "l2_penalty", "language", "log_softmax", "logsumexp", "max_margin_loss",
    "mse_loss", "numerical_grad", "set_lang", "softmax", "topo_sort", "weighted_sum",
    "__version__",
]
