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
  (same numbers, more nodes to look at);
* names in seed 001's notation, given when a Value is made (labels, so every
  picture, trace, page and repr shows them; a label the user sets later wins):
  in an MLP the input is layer 1, so the first weights are ``w²ⱼₖ`` (from neuron
  k of layer 1 to neuron j of layer 2), biases ``b²ⱼ``, and each forward pass
  labels its ``z²ⱼ`` and ``a²ⱼ``; a Layer built alone has ``wⱼₖ``, ``bⱼ``, a Neuron
  built alone ``w₁ … wₙ``, ``b``. Plain numbers given as inputs become data leaves
  ``x₁ … xₙ``, and plain targets of a loss ``y₁ … yₙ``;
* ``model.groups(root)``: which layer (and, with ``fused=False``, which neuron)
  each node below ``root`` belongs to, so a picture can draw the network's
  layers as boxes (``viz.draw(loss, model=mlp)``).

Imports: engine, i18n and table (for sub/superscript indices).
"""

from __future__ import annotations

import random
from math import isfinite
from numbers import Real
from typing import Any, Iterable, NamedTuple, Sequence, Union

from micrograd_cn.engine import Number, Value, lift, to_float, topo_sort, weighted_sum, weighted_sums
from micrograd_cn.i18n import show, t
from micrograd_cn.notation import sub, sup

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


def index(j: int, k: int, wide: bool = False) -> str:
    """The subscript jk of a weight: ``₁₂`` for j=1, k=2; ``₁₂‚₃`` (j=12, k=3) when ``wide``.

    A layer with ten or more neurons or inputs is ``wide``: all its weights then
    separate j and k by a low comma (U+201A), which reads as one name in formulas.
    """
    return f"{sub(j)}‚{sub(k)}" if wide else f"{sub(j)}{sub(k)}"


def _data(values: list[Input], letter: str) -> list[Value]:
    """Plain numbers among ``values`` as data leaves ``x₁ …`` (Values are kept as they are)."""
    return [v if isinstance(v, Value) else _named_leaf(v, letter, k)
            for k, v in enumerate(values, 1)]


def _named_leaf(number: Number, name: str, k: int) -> Value:
    """The data leaf ``nameₖ`` for a plain number (an error for a bad one names ``name``)."""
    leaf = lift(number, name)  # checks the number once, without Value.__init__'s second check
    leaf.label = f"{name}{sub(k)}"
    return leaf


def _numbers(values: Any, n: int, where: str, what: str) -> list[float]:
    """A list of n plain numbers (for setting weights), or a clear error."""
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__") or len(values) != n:
        got = len(values) if hasattr(values, "__len__") and not isinstance(values, str) else show(values)
        raise ValueError(t("nn_shape", where=where, what=what, expected=n, got=got))
    return [to_float(v, where) for v in values]


class Unit(NamedTuple):
    """A neuron as ``groups`` sees it: its group path and the group of its data inputs."""

    neuron: Neuron
    group: str  # "L2", or "L2/N1" for an unfused neuron (its own box inside its layer's)
    inputs: str  # the group of data leaves it reads ("L1" for an MLP's first layer), or ""


class Module:
    """Something with parameters: ``parameters()`` lists them, ``zero_grad()`` clears them."""

    def zero_grad(self) -> None:
        for p in self.parameters():
            p.grad = 0.0

    def parameters(self) -> list[Value]:
        return []

    def groups(self, root: Value) -> dict[Value, str]:
        """The part of this network each node below ``root`` belongs to.

        A group is a path of parts joined by ``/``: ``L2`` is layer 2 (the input is
        layer 1, ``L1``), ``L2/N1`` neuron 1 of layer 2 (given to the nodes of an
        unfused neuron, whose × and + nodes would otherwise be hard to tell apart);
        a Layer built alone is ``L``, a Neuron built alone ``N``. Nodes that are
        not part of the network (the loss) are not in the mapping. Found from the
        graph's structure, so every forward pass in ``root`` is grouped, not only
        the last one: a weighted sum belongs to the neuron whose bias it adds, a
        product ``w·x`` to the neuron of ``w``, the sums of an unfused neuron's chain
        ``((b + w₁x₁) + w₂x₂) …`` to that neuron, and its activation applied to the
        chain's end (its z) too.
        """
        return _groups(root, self._units())

    def _units(self) -> list[Unit]:
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
        self._name("", None)

    def _name(self, layer: str, j: int | None, wide: bool = False) -> None:
        """Label w and b now, and the z and a of every later forward pass.

        ``layer`` is the superscript l ("" outside an MLP), ``j`` the neuron's
        number in its layer (None for a neuron on its own: w₁ … wₙ, b, z, a);
        ``wide`` as for ``index``.
        """
        tag = layer + ("" if j is None else sub(j))
        for k, w in enumerate(self.w, 1):
            w.label = f"w{layer}{sub(k) if j is None else index(j, k, wide)}"
        self.b.label = f"b{tag}"
        self._labels = (f"z{tag}", f"a{tag}")

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
        return self._activate(self._weighted(_data(_as_inputs(x, len(self.w), "Neuron"), "x")))

    def _weighted(self, x: list[Value]) -> Value:
        """z for inputs already checked (a Layer checks once for all its neurons)."""
        if self.fused:
            return weighted_sum(self.w, x, self.b)
        return sum((wi * xi for wi, xi in zip(self.w, x)), self.b)  # micrograd's graph: ((b + w₁x₁) + w₂x₂) + …

    def _activate(self, z: Value) -> Value:
        """a from z, both named and kept as this neuron's last forward pass."""
        z.label = self._labels[0]
        if self.activation == "linear":
            a = z  # one node, named z: the weighted input is the output
        else:
            a = getattr(z, self.activation)()
            a.label = self._labels[1]
        self.z, self.a = z, a
        return a

    def _units(self) -> list[Unit]:
        return [Unit(self, "N", "")]

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
                 rng: random.Random | None = None, **kwargs: Any) -> None:
        _check_size(nin, "Layer", "nin")
        _check_size(nout, "Layer", "nout")
        rng = _generator(seed, rng)
        self.neurons = [Neuron(nin, rng=rng, **kwargs) for _ in range(nout)]
        self._name(None)

    def _name(self, layer: int | None) -> None:
        """Label every neuron's parameters wˡⱼₖ, bˡⱼ (``layer`` is l; None for a Layer on its own)."""
        self._layer = layer
        wide = max(len(self.neurons), len(self.neurons[0].w)) >= 10
        for j, neuron in enumerate(self.neurons, 1):
            neuron._name("" if layer is None else sup(layer), j, wide)

    def __call__(self, x: Sequence[Input]) -> Value | list[Value]:
        x = _as_inputs(x, len(self.neurons[0].w), "Layer")
        out = self._forward(_data(x, "x"))  # plain numbers become data x₁ … once, here
        return out[0] if len(out) == 1 else out  # micrograd: one neuron gives a Value

    def _forward(self, x: list[Value]) -> list[Value]:
        """Every neuron's activation, for inputs already checked (a list of Values)."""
        neurons = self.neurons
        ws = [n.w for n in neurons if n.fused]
        if len(ws) == len(neurons):  # all fused: one call reads x once for the whole layer
            zs = weighted_sums(ws, x, [n.b for n in neurons])
        else:
            zs = [n._weighted(x) for n in neurons]
        return [n._activate(z) for n, z in zip(neurons, zs)]

    def _units(self, inputs: str = "") -> list[Unit]:
        layer = "L" if self._layer is None else f"L{self._layer}"
        return [Unit(n, layer if n.fused else f"{layer}/N{j}", inputs)
                for j, n in enumerate(self.neurons, 1)]

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
        for i, layer in enumerate(self.layers):
            layer._name(i + 2)  # the input is layer 1 (seed 001): the first weights are w²

    def __call__(self, x: Sequence[Input]) -> Value | list[Value]:
        a = _data(_as_inputs(x, len(self.layers[0].neurons[0].w), "Layer"), "x")
        for layer in self.layers:
            a = layer._forward(a)  # a layer's outputs are Values: only the input needs checks
        return a[0] if len(a) == 1 else a  # micrograd: one output neuron gives a Value

    def parameters(self) -> list[Value]:
        return [p for layer in self.layers for p in layer.parameters()]

    def _units(self) -> list[Unit]:
        return [u for i, layer in enumerate(self.layers)
                for u in layer._units("L1" if i == 0 else "")]

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


def _target(y: Value | Number, j: int, name: str = "y") -> Value:
    """A plain target as the data leaf ``yⱼ`` (``name`` may be ``1−y``, ``−y``); a Value as it is."""
    return y if isinstance(y, Value) else _named_leaf(y, name, j)


def _reduce(terms: list[Value], reduction: str, where: str) -> Value:
    if reduction == "mean":
        if len(terms) == 1:  # the mean of one term is the term: no "× 1" node in its picture
            return terms[0]
        return sum(terms[1:], terms[0]) * (1.0 / len(terms))
    if reduction == "sum":
        return sum(terms[1:], terms[0])
    raise ValueError(t("nn_bad_option", where=where, what="reduction", value=show(reduction)))


def mse_loss(pred: Value | Sequence[Value], target: Number | Sequence[Number],
             reduction: str = "mean") -> Value:
    """Mean (or, with reduction="sum", total) of (prediction − target)², as ``np.mean((a − y)**2)``.

    Compare ``half_sse_loss``, ½Σⱼ(aⱼ − yⱼ)² (Nielsen's cost of one sample).
    """
    pairs = _pairs(pred, target, "mse_loss")
    return _reduce([(p - _target(y, j)) ** 2 for j, (p, y) in enumerate(pairs, 1)],
                   reduction, "mse_loss")


def half_sse_loss(pred: Value | Sequence[Value] | Sequence[Sequence[Value]],
                  target: Number | Sequence[Number] | Sequence[Sequence[Number]]) -> Value:
    """Half the sum of squared errors, ½Σⱼ(aⱼ − yⱼ)², Nielsen's cost of one sample.

    ``pred`` and ``target`` are one sample's outputs and targets; or a batch (a list of
    samples, each a list), and then the cost is the mean over the samples of each one's
    ½Σⱼ(aⱼ − yⱼ)². Compare ``mse_loss``: the mean of (aⱼ − yⱼ)² over every output.
    """
    preds, targets = _items(pred, "half_sse_loss", "nn_loss_pred"), \
        _items(target, "half_sse_loss", "nn_loss_target")
    nested = [not isinstance(p, (Value, Real)) for p in preds]
    if not any(nested):
        pairs = _pairs(preds, targets, "half_sse_loss")  # type: ignore[arg-type]
        return _reduce([(p - _target(y, j)) ** 2 for j, (p, y) in enumerate(pairs, 1)],
                       "sum", "half_sse_loss") * 0.5
    if len(preds) != len(targets):
        raise ValueError(t("nn_input_length", where="half_sse_loss", expected=len(preds),
                           got=len(targets)))
    return _reduce([half_sse_loss(p, y) for p, y in zip(preds, targets)],  # type: ignore[arg-type]
                   "mean", "half_sse_loss")


def binary_cross_entropy(prob: Value | Sequence[Value], target: Number | Sequence[Number],
                         reduction: str = "mean") -> Value:
    """−y·log a − (1−y)·log(1−a) for probabilities a, written as in the textbooks.

    Shows every step of the logistic-regression derivation, but fails (with a
    clear log error) when a reaches exactly 0 or 1; train on logits with
    ``binary_cross_entropy_with_logits`` instead.
    """
    pairs = _pairs(prob, target, "binary_cross_entropy")
    # y and 1 − y are given numbers (data, as in seed 000), unless y is a Value
    terms = [-(_target(y, j) * a.log() + _target(1.0 - y, j, "1−y") * (1.0 - a).log())
             for j, (a, y) in enumerate(pairs, 1)]
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
    for j, (z, y) in enumerate(_pairs(logit, target, "binary_cross_entropy_with_logits"), 1):
        if z.data >= 0.0:
            terms.append(_target(1.0 - y, j, "1−y") * z + (1.0 + (-z).exp()).log())
        else:
            terms.append(_target(-y, j, "−y") * z + (1.0 + z.exp()).log())
    return _reduce(terms, reduction, "binary_cross_entropy_with_logits")


def _logits(logits: Any, where: str) -> list[Value]:
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


def _cross_entropy_one(logits: object, target: object) -> Value:
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
    return _reduce([(1.0 - _target(y, j) * s).relu() for j, (s, y) in enumerate(pairs, 1)],
                   reduction, "max_margin_loss")


def l2_penalty(params: Iterable[Value]) -> Value:
    """Σ p² over the parameters (multiply by a small α and add to the loss).

    One weighted-sum node p₁·p₁ + … + pₙ·pₙ + 0 (each p is both a weight and an
    input, so it gets two edges with local derivative p: ∂/∂p = 2p), not 2n − 1
    nodes: the same numbers as the sum of products, bit for bit, at a fraction
    of the cost in a training step.
    """
    params = list(params)
    if not params:
        raise ValueError(t("nn_empty", where="l2_penalty"))
    return weighted_sum(params, params, 0.0)


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


# ---------------------------------------------------------------- groups
def _groups(root: Value, units: list[Unit]) -> dict[Value, str]:
    """``Module.groups``: walk the graph once, inputs first, recognising each neuron's nodes."""
    owner: dict[int, tuple[int, bool]] = {}  # id(parameter) -> (unit, is it the bias)
    for i, unit in enumerate(units):
        for w in unit.neuron.w:
            owner[id(w)] = (i, False)
        owner[id(unit.neuron.b)] = (i, True)
    groups: dict[Value, str] = {}
    products: dict[int, int] = {}  # id(w·x) -> unit
    chain: dict[int, tuple[int, int]] = {}  # id(b + w₁x₁ + … + wₖxₖ) -> (unit, k); b itself is k=0
    zs: dict[int, int] = {}  # id(z) -> unit

    def data(unit: Unit, x: Value) -> None:
        if unit.inputs and not x._prev and id(x) not in owner:
            groups.setdefault(x, unit.inputs)

    u: int | None  # the unit of the node at hand, if it belongs to one
    for node in topo_sort(root):
        inputs = node._prev
        if not inputs:
            if id(node) in owner:
                u, is_bias = owner[id(node)]
                groups[node] = units[u].group
                if is_bias:
                    chain[id(node)] = (u, 0)
            continue
        u = None
        if node._op == "wsum":
            found = owner.get(id(inputs[-1]))
            if found and found[1]:
                u = found[0]
                zs[id(node)] = u
                n = (len(inputs) - 1) // 2
                for x in inputs[n:2 * n]:
                    data(units[u], x)
        elif node._op == "*":
            found = owner.get(id(inputs[0]))
            if found and not found[1] and id(inputs[1]) not in owner:
                u = products[id(node)] = found[0]
                data(units[u], inputs[1])
        elif node._op == "+":
            left, right = (chain.get(id(inputs[0])), products.get(id(inputs[1])))
            if left is not None and right is not None and left[0] == right:
                u, k = right, left[1] + 1
                chain[id(node)] = (u, k)
                if k == len(units[u].neuron.w):
                    zs[id(node)] = u
        elif len(inputs) == 1 and id(inputs[0]) in zs:
            z_unit = zs[id(inputs[0])]
            if node._op == units[z_unit].neuron.activation:
                u = z_unit
        if u is not None:
            groups[node] = units[u].group
    return groups
