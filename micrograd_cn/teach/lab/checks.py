"""The checks of each task, run inside the check process against the student's ``Value``.

Each task is checked alone: the methods of ``Value`` that belong to the other engine
tasks are replaced by the reference versions here, written to micrograd's contract
(``Value(data, _children, _op)``, ``_backward``, ``_prev``), so one mistake costs one
task. Expected numbers come from micrograd_cn's engine, and from central differences
for the networks of task 5. A failing case is raised as ``Failure`` with plain data
(the op, its inputs, expected, got, a hint key); ``report`` turns it into a sentence.

Imports: the standard library, micrograd_cn.engine and tasks (lazily: this module is
also imported, without running anything, by the grader's tests).
"""

from __future__ import annotations

import math
import operator
import random
from pathlib import Path
from typing import Any, Callable

REL, ABS = 1e-6, 1e-9  # an op's value or derivative: the same formula, up to rounding
CD_STEP, CD_REL, CD_ABS = 1e-6, 1e-4, 1e-6  # central differences: h, and how close they must come

class Failure(Exception):
    """The first failing case of a task, as plain data for the grader."""

    def __init__(self, kind: str, **info: Any) -> None:
        super().__init__(kind)
        self.info = {"kind": kind, **info}


class Context:
    """What the check is doing right now, so an exception can say which case raised it."""

    def __init__(self, lab: Path) -> None:
        self.lab = lab
        self.case: dict[str, Any] = {}
        self.passed = 0
        self.hint = ""  # a hint for an exception raised in this case ("" = chosen from the exception)
        self.extra: dict[str, Any] = {}  # more for the result of a task that passed
        self.interim: Callable[[dict[str, Any]], None] = lambda result: None  # see check_bp

    def at(self, **case: Any) -> None:
        self.case = case
        self.hint = ""


# ---------------------------------------------------------------------- numbers

def close(got: float, expected: float, rel: float = REL, abs_: float = ABS) -> bool:
    return abs(got - expected) <= abs_ + rel * abs(expected)


def number(x: object, what: str) -> float:
    """``x`` as a float, or a Failure saying what arrived instead of a number."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise Failure("type", what=what, got_type=type(x).__name__, got=short(repr(x)))
    return float(x)


def short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------- reference ops (micrograd's contract)

def _lift(self: Any, other: Any) -> Any:
    return other if isinstance(other, type(self)) else type(self)(other)


def _ref_add(self: Any, other: Any) -> Any:
    other = _lift(self, other)
    out = type(self)(self.data + other.data, (self, other), "+")

    def _backward() -> None:
        self.grad += out.grad
        other.grad += out.grad
    out._backward = _backward
    return out


def _ref_mul(self: Any, other: Any) -> Any:
    other = _lift(self, other)
    out = type(self)(self.data * other.data, (self, other), "*")

    def _backward() -> None:
        self.grad += other.data * out.grad
        other.grad += self.data * out.grad
    out._backward = _backward
    return out


def _ref_pow(self: Any, n: Any) -> Any:
    out = type(self)(self.data ** n, (self,), f"**{n}")

    def _backward() -> None:
        self.grad += n * self.data ** (n - 1) * out.grad
    out._backward = _backward
    return out


def _unary(fn: Callable[[float], float], local: Callable[[float, float], float], name: str) -> Callable[[Any], Any]:
    def method(self: Any) -> Any:
        y = fn(self.data)
        out = type(self)(y, (self,), name)
        d = local(self.data, y)

        def _backward() -> None:
            self.grad += d * out.grad
        out._backward = _backward
        return out
    method.__name__ = name
    return method


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def topological(root: Any) -> list[Any]:
    """Every node below ``root``, each after its inputs; iterative, by identity."""
    order: list[Any] = []
    seen: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.append((node, True))
        for child in children(node):
            if id(child) not in seen:
                stack.append((child, False))
    return order


def children(node: Any) -> list[Any]:
    prev = getattr(node, "_prev", ())
    try:
        return list(prev)
    except TypeError:
        raise Failure("structure", what="out._prev", hint="lab_hint_children") from None


def ref_backward(root: Any, g: float = 1.0) -> None:
    """micrograd's backward pass, written without recursion: root.grad = g, then each _backward once."""
    order = topological(root)
    root.grad = g
    for node in reversed(order):
        node._backward()


def _ref_backward_method(self: Any) -> None:
    ref_backward(self, 1.0)


REFERENCE: dict[str, Callable[..., Any]] = {
    "__add__": _ref_add,
    "__radd__": _ref_add,
    "__mul__": _ref_mul,
    "__rmul__": _ref_mul,
    "__pow__": _ref_pow,
    "__neg__": lambda self: self * -1,
    "__sub__": lambda self, other: self + (-other),
    "__rsub__": lambda self, other: other + (-self),
    "__truediv__": lambda self, other: self * other ** -1,
    "__rtruediv__": lambda self, other: other * self ** -1,
    "relu": _unary(lambda x: x if x > 0 else 0.0, lambda x, y: 1.0 if x > 0 else 0.0, "ReLU"),
    "exp": _unary(math.exp, lambda x, y: y, "exp"),
    "log": _unary(math.log, lambda x, y: 1.0 / x, "log"),
    "tanh": _unary(math.tanh, lambda x, y: 1.0 - y * y, "tanh"),
    "sigmoid": _unary(_sigmoid, lambda x, y: y * (1.0 - y), "sigmoid"),
    "backward": _ref_backward_method,
}


def use_reference(cls: type, keep: int) -> None:
    """Give ``cls`` the reference version of every engine method that task ``keep`` does not check."""
    from micrograd_cn.teach.lab.tasks import METHODS

    for task, names in METHODS.items():
        if task != keep:
            for name in names:
                setattr(cls, name, REFERENCE[name])


# ------------------------------------------------------------------------ task 1-3: ops

# how a check calls each Value method: an operator, so that `2 * a` reaches __rmul__ as Python would
_CALLS: dict[str, Callable[[Any, Any], Any]] = {
    "__add__": operator.add, "__mul__": operator.mul, "__sub__": operator.sub, "__truediv__": operator.truediv,
    "__pow__": operator.pow, "__neg__": lambda a, _: -a,
}


def _apply(spec: Any, first: Any, second: Any) -> Any:
    call = _CALLS.get(spec.method)
    return call(first, second) if call else getattr(first, spec.method)()


def _inputs(case: Any, names: tuple[str, ...]) -> list[list[Any]]:
    shown = [[name, x] for name, x in zip(names, case.args)]
    if case.form == "up":
        shown.append(["out.grad", case.g])
    return shown


def check_ops(ctx: Context, cls: type, task: int) -> None:
    from micrograd_cn.engine import Value as R
    from micrograd_cn.teach.lab.tasks import OPS, op_cases

    ctx.at()
    missing = [name for name in _task_methods(task) if not callable(getattr(cls, name, None))]
    if missing:
        raise Failure("missing", names=missing)
    for case in op_cases(task):
        spec = OPS[case.op]
        base = dict(op=case.op, form=case.form, inputs=_inputs(case, spec.inputs), g=case.g, pre=case.pre,
                    overflow=spec.overflow)
        ctx.at(**base)
        binary = spec.values == 2
        number_arg = case.args[1] if len(spec.inputs) > spec.values else None  # pow's n
        # the reference: micrograd_cn's engine, root gradient 1
        ra = R(case.args[0])
        rb: Any = ra if case.form == "same" else R(case.args[1]) if binary else number_arg
        if case.form == "vn":
            rout = _apply(spec, ra, case.args[1])
        elif case.form == "nv":
            rout = _apply(spec, case.args[0], rb)
        else:
            rout = _apply(spec, ra, rb)
        rout.backward()
        # the student's
        a = cls(case.args[0])
        b: Any = a if case.form == "same" else cls(case.args[1]) if binary else number_arg
        if case.form == "vn":
            out = _apply(spec, a, case.args[1])
        elif case.form == "nv":
            out = _apply(spec, case.args[0], b)
        else:
            out = _apply(spec, a, b)
        if not isinstance(out, cls):  # also tells mypy that out has .data
            raise Failure("not_value", **base, got_type=type(out).__name__, got=short(repr(out)))
        got = number(getattr(out, "data", None), f"({spec.expr}).data")
        if not close(got, rout.data):
            raise Failure("value", **base, expected=rout.data, got=got, hint="lab_hint_forward")
        if task == 1 and case.form == "vv" and not any(c is a for c in children(out)):
            raise Failure("children", **base)
        # which inputs are Values, and what ∂out/∂input the engine gives for each
        wrt: list[tuple[int, Any, float, float]] = []  # (position, student's node, engine's local, other local)
        if case.form == "same":
            wrt.append((0, a, ra.grad, math.nan))
        elif case.form == "nv":
            wrt.append((1, b, rb.grad, math.nan))
        else:
            other = rb.grad if binary and case.form != "vn" else math.nan
            wrt.append((0, a, ra.grad, other))
            if binary and case.form != "vn":
                wrt.append((1, b, rb.grad, ra.grad))
        for _, node, _, _ in wrt:
            node.grad = case.pre
        ref_backward(out, case.g)
        for position, node, local, other in wrt:
            got = number(node.grad, f"{spec.inputs[position]}.grad")
            expected = case.pre + case.g * local
            if not close(got, expected):
                raise Failure("grad", **base, wrt=position, expected=expected, got=got,
                              hint=_grad_hint(case, got, expected, local, other))
        ctx.passed += 1


def _task_methods(task: int) -> tuple[str, ...]:
    from micrograd_cn.teach.lab.tasks import METHODS

    return METHODS[task]


def _grad_hint(case: Any, got: float, expected: float, local: float, other: float) -> str:
    """Why a gradient is wrong, guessed from the number that arrived."""
    if close(got, case.pre) and not close(expected, case.pre):
        return "lab_hint_untouched"
    if case.form == "pre" and close(got, expected - case.pre):
        return "lab_hint_accumulate"
    if case.form == "same" and not close(got, expected) and close(2 * got, expected):
        return "lab_hint_accumulate"
    if case.form == "up" and close(got, case.pre + local):
        return "lab_hint_upstream"
    if not math.isnan(other) and not close(other, local) and close(got, case.pre + case.g * other):
        return "lab_hint_swapped"
    if close(got - case.pre, -(expected - case.pre)):
        return "lab_hint_sign"
    return "lab_hint_local"


# --------------------------------------------------------------------------- task 4

def _graph_simple(V: Any) -> tuple[Any, list[Any]]:
    x = V(2.0)
    return x * 3.0 + 1.0, [x]


def _graph_leaf(V: Any) -> tuple[Any, list[Any]]:
    x = V(1.5)
    return x, [x]


def _graph_shared(V: Any) -> tuple[Any, list[Any]]:
    # u is used by two nodes, and u·c sits between them: u's _backward must wait for both
    a, b, c = V(1.5), V(-2.0), V(0.5)
    u = a * b
    return u + u * c, [a, b, c]


def _graph_random(V: Any) -> tuple[Any, list[Any]]:
    rng = random.Random(274)
    leaves = [V(round(rng.uniform(-1.5, 1.5), 1)) for _ in range(4)]
    nodes = list(leaves)
    for _ in range(24):  # each new node reads two earlier ones: many nodes are used more than once
        x, y = rng.choice(nodes), rng.choice(nodes[-6:])
        kind = rng.randrange(4)
        node = x + y if kind == 0 else x * y if kind == 1 else (x * 0.5).tanh() + y if kind == 2 else x - y * 0.3
        nodes.append(node)
    return nodes[-1] + nodes[-2] * nodes[-3], leaves


def _graph_chain(V: Any) -> tuple[Any, list[Any]]:
    from micrograd_cn.teach.lab.tasks import CHAIN

    x = V(0.5)
    v = x
    for i in range(CHAIN):
        v = v * (1.001 if i % 3 else 0.999)
    return v, [x]


GRAPHS: tuple[tuple[str, Callable[[Any], tuple[Any, list[Any]]]], ...] = (
    ("simple", _graph_simple), ("leaf", _graph_leaf), ("shared", _graph_shared),
    ("random", _graph_random), ("chain", _graph_chain),
)


def check_backward(ctx: Context, cls: type) -> None:
    from micrograd_cn.engine import Value as R

    ctx.at()
    if not callable(getattr(cls, "backward", None)):
        raise Failure("missing", names=["backward"])
    for name, build in GRAPHS:
        ctx.at(graph=name)
        if name == "chain":
            ctx.hint = "lab_hint_recursive"  # a RecursionError here means a recursive sort
        root, leaves = build(cls)
        rroot, rleaves = build(R)
        rroot.backward()
        nodes = topological(root)
        calls = _count_calls(nodes)
        root.backward()
        got = number(root.grad, "root.grad")
        if not close(got, 1.0):
            raise Failure("grad", graph=name, what="root", expected=1.0, got=got, hint="lab_hint_root")
        for i, (leaf, rleaf) in enumerate(zip(leaves, rleaves)):
            got = number(leaf.grad, "grad")
            if not close(got, rleaf.grad):
                raise Failure("grad", graph=name, what="leaf", leaf=i, leaves=len(leaves),
                              expected=rleaf.grad, got=got, hint=_order_hint(nodes, calls))
        ctx.passed += 1


def _count_calls(nodes: list[Any]) -> list[int]:
    """Wrap each interior node's _backward so that the student's backward() leaves a log of its calls."""
    calls: list[int] = []
    for node in nodes:
        if children(node):
            step = node._backward

            def logged(step: Callable[[], None] = step, key: int = id(node)) -> None:
                calls.append(key)
                step()
            node._backward = logged
    return calls


def _order_hint(nodes: list[Any], calls: list[int]) -> str:
    """What the log of _backward calls says went wrong: a node run twice, never, or too early."""
    interior = [node for node in nodes if children(node)]
    if len(calls) > len(set(calls)):
        return "lab_hint_once"
    if any(id(node) not in calls for node in interior):
        return "lab_hint_unreached"
    return "lab_hint_order"


# --------------------------------------------------------------------------- task 5

def _weights(rng: random.Random, n: int) -> list[float]:
    return [round(rng.uniform(-1.0, 1.0), 2) for _ in range(n)]


def _as_list(out: Any) -> list[Any]:
    return list(out) if isinstance(out, (list, tuple)) else [out]


def _neuron_parts(neuron: Any, where: str, nin: int) -> tuple[list[Any], Any]:
    w = getattr(neuron, "w", None)
    b = getattr(neuron, "b", None)
    if not isinstance(w, (list, tuple)) or len(w) != nin or b is None:
        raise Failure("structure", what=f"{where}.w, {where}.b", expected=nin,
                      got=short(repr(w)), hint="lab_hint_neuron_parts")
    return list(w), b


def _set(neuron: Any, where: str, w: list[float], b: float) -> None:
    ws, bias = _neuron_parts(neuron, where, len(w))
    for wi, x in zip(ws, w):
        wi.data = x
    bias.data = b


def _hand(w: list[float], b: float, x: list[float], relu: bool) -> float:
    z = sum(wi * xi for wi, xi in zip(w, x)) + b
    return max(z, 0.0) if relu else z


def _layers_of(mlp: Any, sizes: list[int]) -> list[Any]:
    layers = getattr(mlp, "layers", None)
    if not isinstance(layers, (list, tuple)) or len(layers) != len(sizes) - 1:
        raise Failure("structure", what="MLP.layers", expected=len(sizes) - 1,
                      got=short(repr(layers)), hint="lab_hint_mlp_layers")
    for i, layer in enumerate(layers):
        neurons = getattr(layer, "neurons", None)
        if not isinstance(neurons, (list, tuple)) or len(neurons) != sizes[i + 1]:
            raise Failure("structure", what=f"layers[{i}].neurons", expected=sizes[i + 1],
                          got=short(repr(neurons)), hint="lab_hint_layer_neurons")
    return list(layers)


def _set_mlp(mlp: Any, sizes: list[int], rng: random.Random) -> list[tuple[list[list[float]], list[float]]]:
    """Give every weight of ``mlp`` a seeded value; return them as (W, b) per layer."""
    params = []
    for i, layer in enumerate(_layers_of(mlp, sizes)):
        W, bs = [], []
        for j, neuron in enumerate(layer.neurons):
            w, b = _weights(rng, sizes[i]), round(rng.uniform(-0.5, 0.5), 2)
            _set(neuron, f"layers[{i}].neurons[{j}]", w, b)
            W.append(w)
            bs.append(b)
        params.append((W, bs))
    return params


def _hand_mlp(params: list[tuple[list[list[float]], list[float]]], x: list[float]) -> list[float]:
    a = list(x)
    for i, (W, bs) in enumerate(params):
        relu = i < len(params) - 1  # micrograd's MLP: the last layer is linear
        a = [_hand(w, b, a, relu) for w, b in zip(W, bs)]
    return a


def _named_params(mlp: Any) -> list[tuple[str, Any]]:
    named = []
    for i, layer in enumerate(mlp.layers):
        for j, neuron in enumerate(layer.neurons):
            named += [(f"layers[{i}].neurons[{j}].w[{k}]", w) for k, w in enumerate(neuron.w)]
            named.append((f"layers[{i}].neurons[{j}].b", neuron.b))
    return named


def _check_params(module: Any, expected: list[Any], what: str) -> None:
    got = list(module.parameters())
    ids = {id(p) for p in got}
    if len(got) != len(expected) or ids != {id(p) for p in expected}:
        raise Failure("params", what=what, expected=len(expected), got=len(got), hint="lab_hint_parameters")


def _one(out: Any, what: str) -> float:
    outs = _as_list(out)
    if len(outs) != 1:
        raise Failure("structure", what=what, expected=1, got=len(outs), hint="lab_hint_one_output")
    return number(getattr(outs[0], "data", outs[0]), what)


def check_nn(ctx: Context, cls: type, nn: Any) -> None:
    for name in ("Neuron", "Layer", "MLP"):
        if not isinstance(getattr(nn, name, None), type):
            raise Failure("missing_class", names=[name])
    Neuron, Layer, MLP = nn.Neuron, nn.Layer, nn.MLP
    rng = random.Random(275)

    # a neuron: forward against the hand computation, ReLU and linear
    for nonlin, x in ((True, [2.0, 0.5, 1.5]), (True, [-1.0, 2.0, -0.5]), (False, [-1.0, 2.0, -0.5])):
        w, b = [0.5, -1.0, 2.0], 0.25
        ctx.at(part="Neuron", call="Neuron(3)" if nonlin else "Neuron(3, nonlin=False)")
        n = Neuron(3) if nonlin else Neuron(3, nonlin=False)
        ws, bias = _neuron_parts(n, "Neuron(3)", 3)
        _check_params(n, ws + [bias], "Neuron(3).parameters()")
        _set(n, "Neuron(3)", w, b)
        got = _one(n(x), "Neuron(3)(x)")
        expected = _hand(w, b, x, nonlin)
        if not close(got, expected):
            hint = ("lab_hint_bias" if close(got, _hand(w, 0.0, x, nonlin)) else
                    "lab_hint_nonlin" if close(got, _hand(w, b, x, not nonlin)) else "lab_hint_neuron")
            raise Failure("nn_value", call=ctx.case["call"] + "(x)", formula="relu(w·x + b)" if nonlin else "w·x + b",
                          inputs=[["w", w], ["b", b], ["x", x]], expected=expected, got=got, hint=hint)
        ctx.passed += 1

    # a layer of two neurons
    for kwargs in ({}, {"nonlin": False}):
        call = "Layer(3, 2)" if not kwargs else "Layer(3, 2, nonlin=False)"
        ctx.at(part="Layer", call=call)
        layer = Layer(3, 2, **kwargs)
        neurons = getattr(layer, "neurons", None)
        if not isinstance(neurons, (list, tuple)) or len(neurons) != 2:
            raise Failure("structure", what=f"{call}.neurons", expected=2, got=short(repr(neurons)),
                          hint="lab_hint_layer_neurons")
        W = [_weights(rng, 3) for _ in range(2)]
        bs = [0.3, -0.2]
        for j, neuron in enumerate(neurons):
            _set(neuron, f"{call}.neurons[{j}]", W[j], bs[j])
        _check_params(layer, [p for nrn in neurons for p in (list(nrn.w) + [nrn.b])], f"{call}.parameters()")
        x = [1.0, -2.0, 0.5]
        outs = _as_list(layer(x))
        if len(outs) != 2:
            raise Failure("structure", what=f"{call}(x)", expected=2, got=len(outs), hint="lab_hint_layer_out")
        for j, out in enumerate(outs):
            got = number(getattr(out, "data", out), f"{call}(x)[{j}]")
            expected = _hand(W[j], bs[j], x, not kwargs)
            if not close(got, expected):
                raise Failure("nn_value", call=f"{call}(x)[{j}]", formula="relu(w·x + b)" if not kwargs else "w·x + b",
                              inputs=[["w", W[j]], ["b", bs[j]], ["x", x]], expected=expected, got=got,
                              hint="lab_hint_layer_kwargs" if kwargs else "lab_hint_layer")
        ctx.passed += 1

    # an MLP 3-4-4-1: forward, parameters, zero_grad, gradients against central differences
    sizes = [3, 4, 4, 1]
    ctx.at(part="MLP", call="MLP(3, [4, 4, 1])")
    mlp = MLP(3, [4, 4, 1])
    params = _set_mlp(mlp, sizes, rng)
    named = _named_params(mlp)
    _check_params(mlp, [p for _, p in named], "MLP(3, [4, 4, 1]).parameters()")
    samples = [([1.0, -0.5, 2.0], 1.0), ([-1.5, 0.5, 0.25], -0.5), ([0.5, 1.0, -1.0], 0.2)]
    for x, _ in samples:
        got = _one(mlp(x), "MLP(3, [4, 4, 1])(x)")
        expected = _hand_mlp(params, x)[0]
        if not close(got, expected):
            hint = "lab_hint_last_linear" if close(got, max(expected, 0.0)) else "lab_hint_mlp"
            raise Failure("nn_value", call="MLP(3, [4, 4, 1])(x)", formula="MLP",
                          inputs=[["x", x]], expected=expected, got=got, hint=hint)
    ctx.passed += 1

    ctx.at(part="MLP", call="MLP.zero_grad()")
    for _, p in named:
        p.grad = 5.0
    mlp.zero_grad()
    for name, p in named:
        if number(p.grad, name) != 0.0:
            raise Failure("zero_grad", what=name, got=p.grad, hint="lab_hint_zero_grad")
    ctx.passed += 1

    def loss_value() -> float:
        return sum((_one(mlp(x), "MLP(x)") - y) ** 2 for x, y in samples)

    ctx.at(part="MLP", call="L = Σ (MLP(x) − y)²")
    loss = None
    for x, y in samples:
        out = _as_list(mlp(x))[0]
        term = (out - y) ** 2
        loss = term if loss is None else loss + term
    mlp.zero_grad()
    loss.backward()  # type: ignore[union-attr]
    for name, p in named:
        saved = p.data
        p.data = saved + CD_STEP
        up = loss_value()
        p.data = saved - CD_STEP
        down = loss_value()
        p.data = saved
        numeric = (up - down) / (2 * CD_STEP)
        got = number(p.grad, f"{name}.grad")
        if not close(got, numeric, CD_REL, CD_ABS):
            raise Failure("nn_grad", what=name, expected=numeric, got=got, hint="lab_hint_central")
    ctx.passed += 1

    # one SGD step lowers the loss on a fixed small data set
    from micrograd_cn.teach.lab.tasks import SGD_DATA, SGD_RATE

    ctx.at(part="MLP", call="SGD")
    net = MLP(2, [3, 1])
    _set_mlp(net, [2, 3, 1], random.Random(276))

    def data_loss() -> Any:
        total = None
        for x, y in SGD_DATA:
            term = (_as_list(net(list(x)))[0] - y) ** 2
            total = term if total is None else total + term
        return total

    before = data_loss()
    net.zero_grad()
    before.backward()
    for p in net.parameters():
        p.data -= SGD_RATE * p.grad
    after = number(data_loss().data, "loss")
    if not after < number(before.data, "loss"):
        raise Failure("sgd", expected=before.data, got=after, rate=SGD_RATE, hint="lab_hint_sgd")
    ctx.passed += 1


# --------------------------------------------------------------------------- task 6

BP_KEYS = ("delta3", "delta2", "db3", "dW3", "db2", "dW2")
BP_HINTS = {"delta3": "lab_hint_bp1", "delta2": "lab_hint_bp2", "db3": "lab_hint_bp3", "db2": "lab_hint_bp3",
            "dW3": "lab_hint_bp4", "dW2": "lab_hint_bp4"}


def _bp_truth(V: Any, x: list[float], y: list[float], W2: list[list[float]], b2: list[float],
              W3: list[list[float]], b3: list[float]) -> dict[str, Any]:
    """The network of the bonus in an engine ``V``: δ = ∂C/∂z, C = ½ Σ (a³ − y)², σ in both layers."""
    w2 = [[V(v) for v in row] for row in W2]
    w3 = [[V(v) for v in row] for row in W3]
    c2, c3 = [V(v) for v in b2], [V(v) for v in b3]
    z2 = [sum((w * xi for w, xi in zip(row, x)), c) for row, c in zip(w2, c2)]
    a2 = [z.sigmoid() for z in z2]
    z3 = [sum((w * a for w, a in zip(row, a2)), c) for row, c in zip(w3, c3)]
    a3 = [z.sigmoid() for z in z3]
    cost = sum(((a - t) ** 2 for a, t in zip(a3, y)), V(0.0)) * 0.5
    cost.backward()
    return {"delta3": [z.grad for z in z3], "delta2": [z.grad for z in z2],
            "db3": [c.grad for c in c3], "dW3": [[w.grad for w in row] for row in w3],
            "db2": [c.grad for c in c2], "dW2": [[w.grad for w in row] for row in w2]}


def _flat(key: str, value: Any) -> list[tuple[str, Any]]:
    if key.startswith("dW"):
        rows = value if isinstance(value, (list, tuple)) else []
        return [(f"{key}[{j}][{k}]", v) for j, row in enumerate(rows)
                for k, v in enumerate(row if isinstance(row, (list, tuple)) else [])]
    return [(f"{key}[{j}]", v) for j, v in enumerate(value if isinstance(value, (list, tuple)) else [])]


def check_bp(ctx: Context, cls: type, bp: Any) -> None:
    from micrograd_cn.engine import Value as R

    fn = getattr(bp, "backprop", None)
    if not callable(fn):
        raise Failure("missing_function", names=["backprop"])
    rng = random.Random(276)
    for sample in range(2):
        x = [round(rng.uniform(-1.0, 1.0), 2) for _ in range(2)]
        y = [float(sample)]
        W2 = [_weights(rng, 2) for _ in range(3)]
        b2 = _weights(rng, 3)
        W3 = [_weights(rng, 3)]
        b3 = _weights(rng, 1)
        ctx.at(part="backprop", x=x, y=y)
        truth = _bp_truth(R, x, y, W2, b2, W3, b3)
        got = fn(list(x), list(y), [list(r) for r in W2], list(b2), [list(r) for r in W3], list(b3))
        if not isinstance(got, dict):
            raise Failure("bp_type", got_type=type(got).__name__, hint="lab_hint_bp_dict")
        for key in BP_KEYS:
            if key not in got:
                raise Failure("bp_key", key=key, hint="lab_hint_bp_dict")
            want, have = _flat(key, truth[key]), _flat(key, got[key])
            if len(have) != len(want):
                raise Failure("bp_shape", key=key, expected=len(want), got=len(have), hint="lab_hint_bp_dict")
            for (name, expected), (_, value) in zip(want, have):
                value = number(value, name)
                if not close(value, expected):
                    raise Failure("bp_value", what=name, x=x, y=y, expected=expected, got=value,
                                  hint=BP_HINTS[key])
        ctx.passed += 1
    # The same network in the student's own engine: an extra word, not a condition. The pass is
    # reported first, so an engine that loops or crashes here cannot cost the bonus.
    ctx.interim({"passed": True, "engine_agrees": None})
    ctx.at(part="engine")
    try:
        own = _bp_truth(cls, x, y, W2, b2, W3, b3)
        agrees = all(close(number(v, n), e, 1e-6, 1e-9) for key in BP_KEYS
                     for (n, e), (_, v) in zip(_flat(key, got[key]), _flat(key, own[key])))
    except BaseException:  # even sys.exit: the hand computation has passed already
        agrees = False
    ctx.extra["engine_agrees"] = agrees
