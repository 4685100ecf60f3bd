"""Neural networks built from Values: Neuron, Layer, MLP, losses and SGD.

Same names and signatures as micrograd (``MLP(nin, nouts)``, ``mlp.layers``,
``layer.neurons``, ``neuron.w``, ``neuron.b``), plus what teaching needs:

* every neuron keeps the Values of its last forward pass, ``neuron.z`` (the
  weighted input) and ``neuron.a`` (the activation); after ``loss.backward()``,
  ``neuron.z.grad`` is the neuron's error δ = ∂C/∂z, so BP1–BP4 can be shown
  per scalar;
* a choice of activation (hidden and output separately);
* initial weights drawn from Python's global ``random`` exactly as micrograd
  draws them (``random.seed(1337); MLP(2, [16, 16, 1])`` gives micrograd's
  network bit for bit), or, with ``seed=``, from a private generator: the same
  network on every machine, whatever else used ``random``;
* weights set from plain lists;
* ``fused=True`` (default) computes z = Σ wᵢxᵢ + b as one ``weighted_sum`` node;
  ``fused=False`` builds micrograd's elementary graph of × and + nodes
  (same numbers, more nodes to look at).

Imports: engine and i18n.
"""

from __future__ import annotations

import random
from math import isfinite
from numbers import Real
from typing import Iterable, Sequence, Union

from micrograd_cn.engine import Number, Value, lift, to_float, weighted_sum
from micrograd_cn.i18n import show, t

Input = Union[Value, Number]
ACTIVATIONS = ("relu", "sigmoid", "tanh", "linear")
_SPELLING = {"relu": "ReLU", "sigmoid": "Sigmoid", "tanh": "Tanh", "linear": "Linear"}


def _generator(seed: int | None, rng: random.Random | None) -> random.Random:
    """Where initial weights come from: ``rng``, else ``Random(seed)``, else global ``random``.

    Without a seed the weights come from the module's own functions, in
    micrograd's order, so ``random.seed(1337)`` reproduces micrograd's network.
    """
    if rng is not None:
        return rng
    return random.Random(seed) if seed is not None else random  # type: ignore[return-value]


def _check_activation(name: str) -> str:
    if name not in ACTIVATIONS:
        raise ValueError(t("nn_unknown_activation", name=show(name), choices=", ".join(ACTIVATIONS)))
    return name


def _check_size(value: object, where: str, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(t("nn_bad_size", where=where, what=what, value=show(value)))
    return value


def _as_inputs(x: object, n: int, where: str) -> list[Input]:
    """Check that ``x`` holds n numbers or Values (a list, a tuple, ``map(Value, …)``, …)."""
    if type(x) is not list and type(x) is not tuple and (  # the usual case, decided fast
            isinstance(x, (Value, Real, str, bytes)) or not hasattr(x, "__iter__")):
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

    ``Neuron(nin)`` matches micrograd (ReLU, weights uniform in [-1, 1] from the
    global ``random``, b = 0); ``nonlin=False`` makes it linear. ``activation=``
    names one of relu / sigmoid / tanh / linear and overrides ``nonlin``.
    ``seed=`` draws the weights from a private ``random.Random(seed)`` instead.
    """

    def __init__(self, nin: int, nonlin: bool = True, *, activation: str | None = None,
                 seed: int | None = None, rng: random.Random | None = None,
                 fused: bool = True) -> None:
        _check_size(nin, "Neuron", "nin")
        rng = _generator(seed, rng)
        self.w = [Value(rng.uniform(-1.0, 1.0)) for _ in range(nin)]
        self.b = Value(0.0)
        if activation is None:
            activation = "relu" if nonlin else "linear"
        self.activation = _check_activation(activation)
        self.fused = fused
        self.z: Value | None = None  # weighted input of the last forward pass
        self.a: Value | None = None  # activation of the last forward pass

    @property
    def nonlin(self) -> bool:  # micrograd's name for "not linear"
        return self.activation != "linear"

    @nonlin.setter
    def nonlin(self, value: bool) -> None:
        """micrograd code switches a neuron with ``n.nonlin = False`` (True means ReLU)."""
        if not value:
            self.activation = "linear"
        elif self.activation == "linear":
            self.activation = "relu"

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
        return f"{_SPELLING[self.activation]}Neuron({len(self.w)})"  # micrograd: ReLUNeuron


class Layer(Module):
    """``nout`` neurons that all read the same inputs."""

    def __init__(self, nin: int, nout: int, *, seed: int | None = None,
                 rng: random.Random | None = None, **kwargs: object) -> None:
        _check_size(nin, "Layer", "nin")
        _check_size(nout, "Layer", "nout")
        rng = _generator(seed, rng)
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
    Without ``seed`` the weights come from the global ``random`` as in micrograd;
    with it, one private generator initialises every weight, so the same call
    gives the same network on every machine.
    """

    def __init__(self, nin: int, nouts: Sequence[int], *, activation: str = "relu",
                 output_activation: str = "linear", seed: int | None = None,
                 fused: bool = True) -> None:
        _check_size(nin, "MLP", "nin")
        if isinstance(nouts, (int, str)) or not nouts:
            raise ValueError(t("nn_bad_size", where="MLP", what="nouts", value=show(nouts)))
        _check_activation(activation)
        _check_activation(output_activation)
        rng = _generator(seed, None)
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
def _items(values: object, where: str, key: str) -> list[object]:
    """One value or an iterable of values, as a list; anything else is a clear TypeError."""
    if isinstance(values, (Value, Real)):
        return [values]
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise TypeError(t(key, where=where, kind=type(values).__name__, value=show(values)))
    return list(values)


def _pairs(pred: Value | Sequence[Value], target: Number | Sequence[Number],
           where: str) -> list[tuple[Value, Value | float]]:
    """Line up predictions and targets; a single prediction may stand alone.

    Plain numbers (NumPy's too) are accepted as predictions (constants) and as
    targets; anything else is refused here, naming the loss and the argument,
    before it can fail inside an operation.
    """
    preds = []
    for p in _items(pred, where, "nn_loss_pred"):
        if not isinstance(p, (Value, Real)) or isinstance(p, bool):
            raise TypeError(t("nn_loss_pred", where=where, kind=type(p).__name__, value=show(p)))
        preds.append(lift(p, where))
    targets: list[Value | float] = []
    for y in _items(target, where, "nn_loss_target"):
        if isinstance(y, Value):
            targets.append(y)
        elif isinstance(y, Real) and not isinstance(y, bool):
            targets.append(to_float(y, where))
        else:
            raise TypeError(t("nn_loss_target", where=where, kind=type(y).__name__, value=show(y)))
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
    A step that would make any parameter inf or nan changes nothing and raises
    a FloatingPointError naming the parameter.
    """

    def __init__(self, params: Iterable[Value], lr: float = 0.01, momentum: float = 0.0) -> None:
        if isinstance(params, (Value, str, bytes)) or not hasattr(params, "__iter__"):
            raise TypeError(t("sgd_not_iterable", kind=type(params).__name__, value=show(params)))
        self.params = list(params)
        for index, p in enumerate(self.params):
            if not isinstance(p, Value):
                raise TypeError(t("sgd_not_value", index=index, kind=type(p).__name__,
                                  value=show(p)))
        self.lr = to_float(lr, "SGD")
        self.momentum = to_float(momentum, "SGD")
        if not 0.0 <= self.momentum < 1.0:
            raise ValueError(t("nn_bad_option", where="SGD", what="momentum", value=show(momentum)))
        self.velocity = [0.0] * len(self.params)

    def step(self) -> None:
        lr, mu, params = self.lr, self.momentum, self.params
        if mu == 0.0:
            velocity = None
            new = [p.data - lr * p.grad for p in params]
        else:
            velocity = [mu * v + p.grad for v, p in zip(self.velocity, params)]
            new = [p.data - lr * v for p, v in zip(params, velocity)]
        total = sum(new)  # inf or nan if any new value is (or, rarely, if huge ones add up)
        if total - total:
            self._check(new)
        for p, value in zip(params, new):
            p.data = value
        if velocity is not None:
            self.velocity = velocity

    def _check(self, new: list[float]) -> None:
        """Refuse the step if any parameter would leave the float range."""
        for index, (p, value) in enumerate(zip(self.params, new)):
            if not isfinite(value):
                raise FloatingPointError(t("sgd_not_finite", index=index, value=show(value),
                                           data=show(p.data), grad=show(p.grad)))

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = 0.0
