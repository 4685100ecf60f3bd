"""micrograd_cn: a small, exact scalar autodiff engine for teaching backpropagation.

    from micrograd_cn import Value
    x = Value(2.0, label="x")
    y = (x * x + 1).log()
    y.backward()          # x.grad == 2x / (x² + 1) == 0.8

The library (engine, nn, gradcheck) loads here; the teaching machinery (pictures, pages,
traces, the bridge to PyTorch) loads on first use (PEP 562), so ``import micrograd_cn``
stays fast and works without Graphviz, NumPy or PyTorch.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

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
    half_sse_loss,
    l2_penalty,
    log_softmax,
    logsumexp,
    max_margin_loss,
    mse_loss,
    softmax,
)
from micrograd_cn.render import document as _document  # noqa: F401  (registers the formats)

__version__ = "0.1.0"

# name -> the module that defines it, imported on first use
_LAZY = {
    "draw": "micrograd_cn.render.graph",
    "trace": "micrograd_cn.teach.trace",
    "render_trace": "micrograd_cn.teach.trace",
    "paths": "micrograd_cn.teach.paths",
    "snapshot": "micrograd_cn.teach.snapshot",
    "build_program": "micrograd_cn.teach.expr",
    "logistic_neuron": "micrograd_cn.teach.neuron",
    "logistic_batch": "micrograd_cn.teach.neuron",
    "bp_network": "micrograd_cn.teach.backprop",
    "bp_report": "micrograd_cn.teach.backprop",
    "bp_batch": "micrograd_cn.teach.matrices",
    "step_page": "micrograd_cn.pages.step",
    "write_step_page": "micrograd_cn.pages.step",
    "layer_view": "micrograd_cn.pages.layer",
    "write_layer_view": "micrograd_cn.pages.layer",
    "Deck": "micrograd_cn.teach.deck",
    "load_deck": "micrograd_cn.teach.deck",
    "parse_deck": "micrograd_cn.teach.deck",
    "write_deck": "micrograd_cn.pages.deck",
    "write_lesson": "micrograd_cn.pages.deck",
    "to_torch": "micrograd_cn.bridge",
    "from_torch": "micrograd_cn.bridge",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value  # the next access is a plain attribute
        return value
    raise AttributeError(f"module 'micrograd_cn' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "MLP", "OPS", "SGD", "Edge", "Layer", "Module", "Neuron", "Value",
    "binary_cross_entropy", "binary_cross_entropy_with_logits", "cross_entropy", "get_lang",
    "gradcheck", "half_sse_loss", "l2_penalty", "language", "log_softmax", "logsumexp", "max_margin_loss",
    "mse_loss", "numerical_grad", "set_lang", "softmax", "topo_sort", "weighted_sum",
    "__version__", *_LAZY,
]
