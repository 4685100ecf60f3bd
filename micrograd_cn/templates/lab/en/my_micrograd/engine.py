"""my_micrograd.engine: your own autodiff engine (tasks 1-4).

A Value is one number in a computation graph. Every operation does two things:
  1. forward: compute the result out.data;
  2. remember how to send gradients back: give out a function with no arguments,
     out._backward, that applies the chain rule: it multiplies out.grad by the
     "local derivative" and adds the product to the grad of each input.
backward() calls every node's _backward in reverse topological order, which gives
d(root)/d(node) for every node.

You write every part that raises NotImplementedError; check after each task:
    micrograd-cn lab check . --lang en            (all tasks)
    micrograd-cn lab check . --task 1 --lang en   (task 1 only)
The contract is PyPI micrograd 0.1.0's: Value(data, _children=(), _op=''), with the
attributes data, grad, _backward, _prev, _op. __init__ and __repr__ are written; keep the names.
"""

import math  # noqa: F401  (task 3 needs it: math.exp, math.log, math.tanh)


class Value:
    """A scalar in a computation graph: data is its value, grad is d(root)/d(it) after backward."""

    def __init__(self, data, _children=(), _op=""):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None  # a leaf (an input, a parameter) passes nothing on
        self._prev = tuple(_children)  # the nodes this one was computed from
        self._op = _op  # the operation that made it, e.g. "+", for display only

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    # ------------------------------------------------------------ task 1: + and *
    def __add__(self, other):
        """a + b.

        Forward: out = a + b.
        Local derivatives: dout/da = 1, dout/db = 1.
        Backward (chain rule): a.grad += 1 * out.grad, b.grad += 1 * out.grad.

        Hint: other may be a plain number (a + 2): wrap it in Value(other) first.
        Make the node as Value(self.data + other.data, (self, other), "+"), define
        def _backward(): ... inside, and finish with out._backward = _backward.
        Always use +=: one Value may be used twice (a + a), and both gradients add up.
        """
        raise NotImplementedError("task 1: Value.__add__")

    def __radd__(self, other):
        """2 + a: Python tries int's addition first, then calls a.__radd__(2).

        Hint: addition commutes; one line is enough: hand it to __add__.
        """
        raise NotImplementedError("task 1: Value.__radd__")

    def __mul__(self, other):
        """a * b.

        Forward: out = a * b.
        Local derivatives: dout/da = b, dout/db = a (each factor's derivative is the OTHER factor).
        Backward: a.grad += b * out.grad, b.grad += a * out.grad.

        Hint: the classic mistake is to swap the two (a.grad += a * out.grad).
        """
        raise NotImplementedError("task 1: Value.__mul__")

    def __rmul__(self, other):
        """2 * a: hand it to __mul__."""
        raise NotImplementedError("task 1: Value.__rmul__")

    # ---------------------------------------------------- task 2: **, -, /
    def __pow__(self, n):
        """a ** n, where n is a plain number (int or float), not a Value.

        Forward: out = a^n.
        Local derivative: dout/da = n * a^(n - 1).
        Backward: a.grad += n * a^(n - 1) * out.grad.

        Hint: n may be negative (a ** -1 = 1/a) or a fraction (a ** 0.5 = sqrt(a)); same formula.
        """
        raise NotImplementedError("task 2: Value.__pow__")

    def __neg__(self):
        """-a: the local derivative is -1.

        Hint: build it from what you have: -a = a * (-1), and backward is right for free.
        """
        raise NotImplementedError("task 2: Value.__neg__")

    def __sub__(self, other):
        """a - b: d/da = 1, d/db = -1. Hint: a - b = a + (-b)."""
        raise NotImplementedError("task 2: Value.__sub__")

    def __rsub__(self, other):
        """2 - a. Hint: 2 - a = (-a) + 2."""
        raise NotImplementedError("task 2: Value.__rsub__")

    def __truediv__(self, other):
        """a / b: d/da = 1/b, d/db = -a/b^2.

        Hint: a / b = a * b^-1: build it from ** and *, and both local derivatives come out right.
        """
        raise NotImplementedError("task 2: Value.__truediv__")

    def __rtruediv__(self, other):
        """2 / a. Hint: 2 / a = a^-1 * 2."""
        raise NotImplementedError("task 2: Value.__rtruediv__")

    # ------------------------------------------ task 3: relu, exp, log, tanh, sigmoid
    def relu(self):
        """ReLU(x) = max(0, x).

        Local derivative: 1 for x > 0, 0 for x < 0 (take 0 at x = 0).
        """
        raise NotImplementedError("task 3: Value.relu")

    def exp(self):
        """exp(x) = e^x. Local derivative: e^x, the output itself. Hint: math.exp."""
        raise NotImplementedError("task 3: Value.exp")

    def log(self):
        """log(x), the natural logarithm (x > 0). Local derivative: 1/x. Hint: math.log."""
        raise NotImplementedError("task 3: Value.log")

    def tanh(self):
        """tanh(x) = (e^x - e^-x)/(e^x + e^-x). Local derivative: 1 - tanh(x)^2.

        Hint: at x = 1000, e^(2x) overflows (OverflowError); math.tanh saturates at +-1 instead.
        """
        raise NotImplementedError("task 3: Value.tanh")

    def sigmoid(self):
        """sigma(x) = 1/(1 + e^-x), the function that turns z into the probability a in logistic regression.

        Local derivative: sigma'(x) = sigma(x) * (1 - sigma(x)), that is a(1 - a).
        Hint: at x = -1000, e^-x = e^1000 overflows. For x < 0 write sigma(x) = e^x/(1 + e^x):
        equal on paper, but the exponent you take is never a large positive number.
        """
        raise NotImplementedError("task 3: Value.sigmoid")

    # ---------------------------------------------------------- task 4: backward
    def backward(self):
        """Backpropagate from this node (the root L): set every node's grad to dL/d(node).

        Steps:
          1. Topological sort: list every node of the graph once, each after all of its inputs
             (a set remembers the nodes already seen).
          2. self.grad = 1: dL/dL = 1.
          3. Call each node's _backward() in reverse order: when a node's turn comes,
             every node that uses it has already added its share to the node's grad.

        Hint: a recursive topological sort is short, but a chain of 5,000 nodes goes past
        Python's recursion limit (about 1,000 calls: RecursionError). Use a list as a stack
        and a loop instead of recursion.
        """
        raise NotImplementedError("task 4: Value.backward")
