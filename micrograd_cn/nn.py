"""Neural networks built from Values: Neuron, Layer, MLP, losses and SGD.

Same names and signatures as micrograd (``MLP(nin, nouts)``, ``mlp.layers``,
``layer.neurons``, ``neuron.w``, ``neuron.b``), plus what teaching needs:

* every neuron keeps the Values of its last forward pass, ``neuron.z`` (the
  weighted input) and ``neuron.a`` (the activation); after ``loss.backward()``,
  ``neuron.z.grad`` is the neuron's error δ = ∂C/∂z, so BP1–BP4 can be shown
  per scalar;
* a choice of activation (hidden and output separately);
* deterministic initialisation from ``seed`` and weights set from plain lists;
* ``fused=True`` (default) computes z = Σ wᵢxᵢ + b as one ``weighted_sum`` node;
  ``fused=False`` builds micrograd's elementary graph of × and + nodes
  (same numbers, more nodes to look at).

Imports: engine and i18n.
"""

from __future__ import annotations

import random
from typing import Iterable, Sequence, Union

from micrograd_cn.engine import Number, Value, lift, to_float, weighted_sum
from micrograd_cn.i18n import show, t

Input = Union[Value, Number]
ACTIVATIONS = ("relu", "sigmoid", "tanh", "linear")


def _check_activation(name: str) -> str:
    if name not in ACTIVATIONS:
        raise ValueError(t("nn_unknown_activation", name=show(name), choices=", ".join(ACTIVATIONS)))
    return name


def _check_size(value: object, where: str, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(t("nn_bad_size", where=where, what=what, value=show(value)))
    return value


def _as_inputs(x: object, n: int, where: str) -> list[Input]:
    """Check that ``x`` is a list/tuple of n numbers or Values."""
    if isinstance(x, (Value, int, float, str, bytes)) or not hasattr(x, "__len__"):
        raise TypeError(t("nn_not_sequence", where=where, kind=type(x).__name__))
    x = list(x)
    if len(x) != n:
        raise ValueError(t("nn_input_length", where=where, expected=n, got=len(x)))
    return x


def _numbers(values: object, n: int, where: str, what: str) -> list[float]:
    """A list of n plain numbers (for setting weights), or a clear error."""
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__") or len(values) != n:
        got = len(values) if hasattr(values, "__len__") and not isinstance(values, str) else show(values)
        raise ValueError(t("nn_shape", where=where, what=what, expected=n, got=got))
    return [to_float(v, where) for v in values]


class Module:
    """Something with parameters: ``parameters()`` lists them, ``zero_grad()`` clears them."""

    def zero_grad(self) -> None:
        for p in self.parameters():
            p.grad = 0.0

    def parameters(self) -> list[Value]:
        return []


class Neuron(Module):
    """One neuron: z = w·x + b, a = activation(z).

    ``Neuron(nin)`` matches micrograd (ReLU, weights uniform in [-1, 1], b = 0);
    ``nonlin=False`` makes it linear. ``activation=`` names one of
    relu / sigmoid / tanh / linear and overrides ``nonlin``.
    """

    def __init__(self, nin: int, nonlin: bool = True, *, activation: str | None = None,
                 seed: int = 0, rng: random.Random | None = None, fused: bool = True) -> None:
        _check_size(nin, "Neuron", "nin")
        rng = rng if rng is not None else random.Random(seed)
        self.w = [Value(rng.uniform(-1.0, 1.0)) for _ in range(nin)]
        self.b = Value(0.0)
        self.activation = _check_activation(activation or ("relu" if nonlin else "linear"))
        self.fused = fused
        self.z: Value | None = None  # weighted input of the last forward pass
        self.a: Value | None = None  # activation of the last forward pass

    @property
    def nonlin(self) -> bool:  # micrograd's name for "not linear"
        return self.activation != "linear"

    def __call__(self, x: Sequence[Input]) -> Value:
        return self._forward(_as_inputs(x, len(self.w), "Neuron"))

    def _forward(self, x: list[Input]) -> Value:
        """z and a for inputs already checked (a Layer checks once for all its neurons)."""
        if self.fused:
            z = weighted_sum(self.w, x, self.b)
        else:  # micrograd's graph: ((b + w₁x₁) + w₂x₂) + …
            z = sum((wi * xi for wi, xi in zip(self.w, x)), self.b)
        if self.activation == "linear":
            a = z
        else:
            a = getattr(z, self.activation)()
        self.z, self.a = z, a
        return a

    def parameters(self) -> list[Value]:
        return self.w + [self.b]

    def set_weights(self, w: Sequence[Number], b: Number) -> None:
        """Set this neuron's weights and bias from plain numbers (a textbook's example)."""
        for wi, value in zip(self.w, _numbers(w, len(self.w), "Neuron.set_weights", "w")):
            wi.data = value
        self.b.data = to_float(b, "Neuron.set_weights")

    def __repr__(self) -> str:
        return f"{self.activation.capitalize()}Neuron({len(self.w)})"


class Layer(Module):
    """``nout`` neurons that all read the same inputs."""

    def __init__(self, nin: int, nout: int, *, seed: int = 0,
                 rng: random.Random | None = None, **kwargs: object) -> None:
        _check_size(nin, "Layer", "nin")
        _check_size(nout, "Layer", "nout")
        rng = rng if rng is not None else random.Random(seed)
        self.neurons = [Neuron(nin, rng=rng, **kwargs) for _ in range(nout)]

    def __call__(self, x: Sequence[Input]) -> Value | list[Value]:
        x = _as_inputs(x, len(self.neurons[0].w), "Layer")
        # Wrap plain numbers once here rather than once per neuron.
        op = "wsum" if self.neurons[0].fused else "*"
        x = [xi if isinstance(xi, Value) else lift(xi, op) for xi in x]
        out = [n._forward(x) for n in self.neurons]
        return out[0] if len(out) == 1 else out  # micrograd: one neuron gives a Value

    def parameters(self) -> list[Value]:
        return [p for n in self.neurons for p in n.parameters()]

    def set_weights(self, W: Sequence[Sequence[Number]], b: Sequence[Number]) -> None:
        """W has one row per neuron (nout × nin, as W^l in the texts); b one entry per neuron."""
        rows = len(self.neurons)
        if isinstance(W, (str, bytes)) or not hasattr(W, "__len__") or len(W) != rows:
            raise ValueError(t("nn_shape", where="Layer.set_weights", what="W",
                               expected=f"{rows}×{len(self.neurons[0].w)}", got=show(W)))
        biases = _numbers(b, rows, "Layer.set_weights", "b")
        for neuron, row, bias in zip(self.neurons, W, biases):
            neuron.set_weights(row, bias)

    def __repr__(self) -> str:
        return f"Layer of [{', '.join(str(n) for n in self.neurons)}]"


class MLP(Module):
    """A multi-layer perceptron: ``MLP(nin, [n₁, n₂, …, n_out])``.

    micrograd's defaults: ReLU in hidden layers, a linear last layer.
    ``activation`` sets the hidden layers, ``output_activation`` the last one.
    One ``seed`` initialises every weight, so the same call gives the same
    network on every machine.
    """

    def __init__(self, nin: int, nouts: Sequence[int], *, activation: str = "relu",
                 output_activation: str = "linear", seed: int = 0, fused: bool = True) -> None:
        _check_size(nin, "MLP", "nin")
        if isinstance(nouts, (int, str)) or not nouts:
            raise ValueError(t("nn_bad_size", where="MLP", what="nouts", value=show(nouts)))
        _check_activation(activation)
        _check_activation(output_activation)
        rng = random.Random(seed)
        sizes = [nin] + [_check_size(n, "MLP", "nouts") for n in nouts]
        last = len(nouts) - 1
        self.layers = [
            Layer(sizes[i], sizes[i + 1], rng=rng, fused=fused,
                  activation=output_activation if i == last else activation)
            for i in range(len(nouts))
        ]

    def __call__(self, x: Sequence[Input]) -> Value | list[Value]:
        for layer in self.layers:
            x = layer([x] if isinstance(x, Value) else x)  # a one-neuron layer gave a Value
        return x

    def parameters(self) -> list[Value]:
        return [p for layer in self.layers for p in layer.parameters()]

    def set_weights(self, Ws: Sequence[Sequence[Sequence[Number]]],
                    bs: Sequence[Sequence[Number]]) -> None:
        """One W (nout × nin) and one b per layer, from plain lists."""
        n = len(self.layers)
        if len(Ws) != n or len(bs) != n:
            raise ValueError(t("nn_shape", where="MLP.set_weights", what="Ws, bs",
                               expected=n, got=f"{len(Ws)}, {len(bs)}"))
        for layer, W, b in zip(self.layers, Ws, bs):
            layer.set_weights(W, b)

    def __repr__(self) -> str:
        return f"MLP of [{', '.join(str(layer) for layer in self.layers)}]"


# ---------------------------------------------------------------- losses
def _pairs(pred: Value | Sequence[Value], target: Number | Sequence[Number],
           where: str) -> list[tuple[Value, Number]]:
    """Line up predictions and targets; a single prediction may stand alone."""
    preds = [pred] if isinstance(pred, Value) else list(pred)
    targets = [target] if isinstance(target, (int, float, Value)) else list(target)
    if not preds:
        raise ValueError(t("nn_empty", where=where))
    if len(preds) != len(targets):
        raise ValueError(t("nn_input_length", where=where, expected=len(preds), got=len(targets)))
    return list(zip(preds, targets))


def _reduce(terms: list[Value], reduction: str, where: str) -> Value:
    if reduction == "mean":
        return sum(terms[1:], terms[0]) * (1.0 / len(terms))
    if reduction == "sum":
        return sum(terms[1:], terms[0])
    raise ValueError(t("nn_bad_option", where=where, what="reduction", value=show(reduction)))


def mse_loss(pred: Value | Sequence[Value], target: Number | Sequence[Number],
             reduction: str = "mean") -> Value:
    """Mean (or, with reduction="sum", total) of (prediction − target)²."""
    pairs = _pairs(pred, target, "mse_loss")
    return _reduce([(p - y) ** 2 for p, y in pairs], reduction, "mse_loss")


def binary_cross_entropy(prob: Value | Sequence[Value], target: Number | Sequence[Number],
                         reduction: str = "mean") -> Value:
    """−y·log a − (1−y)·log(1−a) for probabilities a, written as in the textbooks.

    Shows every step of the logistic-regression derivation, but fails (with a
    clear log error) when a reaches exactly 0 or 1; train on logits with
    ``binary_cross_entropy_with_logits`` instead.
    """
    pairs = _pairs(prob, target, "binary_cross_entropy")
    terms = [-(y * a.log() + (1.0 - y) * (1.0 - a).log()) for a, y in pairs]
    return _reduce(terms, reduction, "binary_cross_entropy")


def binary_cross_entropy_with_logits(logit: Value | Sequence[Value],
                                     target: Number | Sequence[Number],
                                     reduction: str = "mean") -> Value:
    """Cross-entropy of σ(z) against y, computed from the logit z, stable for any z.

    L = −y·log σ(z) − (1−y)·log(1−σ(z)) equals log(1 + e^z) − y·z. To never
    exponentiate a large positive number it is built as
      z ≥ 0:  (1−y)·z + log(1 + e^(−z))
      z < 0:  −y·z   + log(1 + e^z)
    Both exponents are ≤ 0, so e^… ∈ (0, 1]; the gradient is σ(z) − y either way.
    """
    terms = []
    for z, y in _pairs(logit, target, "binary_cross_entropy_with_logits"):
        if z.data >= 0.0:
            terms.append((1.0 - y) * z + (1.0 + (-z).exp()).log())
        else:
            terms.append(-y * z + (1.0 + z.exp()).log())
    return _reduce(terms, reduction, "binary_cross_entropy_with_logits")


def _logits(logits: object, where: str) -> list[Value]:
    """One sample's logits as Values (plain numbers become constants), at least one."""
    if isinstance(logits, (Value, int, float, str, bytes)) or not hasattr(logits, "__len__"):
        raise TypeError(t("nn_not_sequence", where=where, kind=type(logits).__name__))
    if len(logits) == 0:
        raise ValueError(t("nn_empty", where=where))
    return [lift(z, where) for z in logits]


def logsumexp(logits: Sequence[Input]) -> Value:
    """log(e^z₁ + … + e^zₙ), computed so that no exponential can overflow.

    With m = max zⱼ, log Σ e^zⱼ = m + log Σ e^(zⱼ − m). Every exponent zⱼ − m is
    ≤ 0, so each e^… lies in (0, 1] and one of them is exactly 1: the sum is
    at least 1 and the log never sees 0. m is a plain number, not a node:
    adding and subtracting a constant changes neither the value nor the
    gradient, which is ∂/∂zⱼ = e^(zⱼ − m) / Σ e^(zₖ − m) = softmax(z)ⱼ.
    """
    zs = _logits(logits, "logsumexp")
    m = max(z.data for z in zs)
    exps = [(z - m).exp() for z in zs]
    return sum(exps[1:], exps[0]).log() + m


def log_softmax(logits: Sequence[Input]) -> list[Value]:
    """log softmax(z)ⱼ = zⱼ − log Σₖ e^zₖ for each j (stable: see ``logsumexp``)."""
    zs = _logits(logits, "log_softmax")
    lse = logsumexp(zs)
    return [z - lse for z in zs]


def softmax(logits: Sequence[Input]) -> list[Value]:
    """softmax(z)ⱼ = e^zⱼ / Σₖ e^zₖ: probabilities that add up to 1 (stable)."""
    return [p.exp() for p in log_softmax(logits)]


def cross_entropy(logits: Sequence[Input] | Sequence[Sequence[Input]],
                  target: int | Sequence[int], reduction: str = "mean") -> Value:
    """Softmax cross-entropy of class scores against the right class: −log softmax(z)_y.

    ``logits`` is one sample's n scores (then ``target`` is the right class,
    0 … n−1) or a list of such lists (then ``target`` lists one class per
    sample and the losses are averaged, or summed with reduction="sum").
    Per sample C = log Σₖ e^zₖ − z_y, built from Values through ``logsumexp``
    (no overflow even at z = 1000), so its gradient is δⱼ = ∂C/∂zⱼ =
    softmax(z)ⱼ − [j = y]: the BP1 of a softmax output layer.
    """
    batch = (not isinstance(logits, (Value, int, float, str, bytes)) and hasattr(logits, "__len__")
             and len(logits) > 0 and not isinstance(logits[0], (Value, int, float)))
    if batch:
        if isinstance(target, (int, str, bytes)) or not hasattr(target, "__len__"):
            raise TypeError(t("nn_not_sequence", where="cross_entropy", kind=type(target).__name__))
        if len(target) != len(logits):
            raise ValueError(t("nn_input_length", where="cross_entropy", expected=len(logits),
                               got=len(target)))
        terms = [_cross_entropy_one(z, y) for z, y in zip(logits, target)]
        return _reduce(terms, reduction, "cross_entropy")
    return _cross_entropy_one(logits, target)


def _cross_entropy_one(logits: Sequence[Input], target: object) -> Value:
    zs = _logits(logits, "cross_entropy")
    if isinstance(target, bool) or not isinstance(target, int) or not 0 <= target < len(zs):
        raise ValueError(t("nn_label", where="cross_entropy",
                           allowed=f"0, 1, …, {len(zs) - 1}", value=show(target)))
    return logsumexp(zs) - zs[target]


def max_margin_loss(scores: Sequence[Value], labels: Sequence[Number],
                    reduction: str = "mean") -> Value:
    """micrograd's SVM (hinge) loss: mean of ReLU(1 − yᵢ·scoreᵢ), labels ±1."""
    pairs = _pairs(scores, labels, "max_margin_loss")
    for _, y in pairs:
        if y not in (-1, 1):
            raise ValueError(t("nn_label", where="max_margin_loss", allowed="−1 / +1", value=show(y)))
    return _reduce([(1.0 - y * s).relu() for s, y in pairs], reduction, "max_margin_loss")


def l2_penalty(params: Iterable[Value]) -> Value:
    """Σ p² over the parameters (multiply by a small α and add to the loss)."""
    params = list(params)
    if not params:
        raise ValueError(t("nn_empty", where="l2_penalty"))
    return sum((p * p for p in params[1:]), params[0] * params[0])


# ---------------------------------------------------------------- optimizer
class SGD:
    """Stochastic gradient descent: p ← p − lr·grad (with optional momentum).

    With momentum μ each parameter keeps a velocity v ← μ·v + grad and moves by
    −lr·v. ``lr`` may be changed between steps (a decaying learning rate).
    """

    def __init__(self, params: Iterable[Value], lr: float = 0.01, momentum: float = 0.0) -> None:
        self.params = list(params)
        self.lr = to_float(lr, "SGD")
        self.momentum = to_float(momentum, "SGD")
        if not 0.0 <= self.momentum < 1.0:
            raise ValueError(t("nn_bad_option", where="SGD", what="momentum", value=show(momentum)))
        self.velocity = [0.0] * len(self.params)

    def step(self) -> None:
        lr, mu = self.lr, self.momentum
        if mu == 0.0:
            for p in self.params:
                p.data -= lr * p.grad
            return
        for i, p in enumerate(self.params):
            self.velocity[i] = v = mu * self.velocity[i] + p.grad
            p.data -= lr * v

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = 0.0
