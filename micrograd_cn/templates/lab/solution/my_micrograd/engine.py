"""A reference answer to tasks 1–4: a scalar Value with its operations and backward().

For teachers. It keeps PyPI micrograd's contract (``Value(data, _children, _op)``,
``data``, ``grad``, ``_backward``, ``_prev``, ``_op``), so the same nn.py runs on it.
"""

import math


class Value:
    """One number in a computation graph, with the gradient backward() gives it."""

    def __init__(self, data, _children=(), _op=""):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None  # a leaf passes nothing on
        self._prev = tuple(_children)  # ordered, so every run walks the graph the same way
        self._op = _op

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    @staticmethod
    def _wrap(x):
        return x if isinstance(x, Value) else Value(x)

    # task 1 --------------------------------------------------------------
    def __add__(self, other):
        other = Value._wrap(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            # ∂(a + b)/∂a = ∂(a + b)/∂b = 1; += because a node may feed several others
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __radd__(self, other):  # 2 + a
        return self + other

    def __mul__(self, other):
        other = Value._wrap(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            # each factor's derivative is the other factor
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __rmul__(self, other):  # 2 * a
        return self * other

    # task 2 --------------------------------------------------------------
    def __pow__(self, n):
        if not isinstance(n, (int, float)):
            raise TypeError("the exponent must be an int or a float")
        out = Value(self.data ** n, (self,), f"**{n}")

        def _backward():
            self.grad += n * self.data ** (n - 1) * out.grad

        out._backward = _backward
        return out

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):  # 2 - a
        return (-self) + other

    def __truediv__(self, other):
        return self * other ** -1

    def __rtruediv__(self, other):  # 2 / a
        return self ** -1 * other

    # task 3 --------------------------------------------------------------
    def _unary(self, y, local, op):
        """A one-input node with output y and local derivative ∂y/∂self = local."""
        out = Value(y, (self,), op)

        def _backward():
            self.grad += local * out.grad

        out._backward = _backward
        return out

    def relu(self):
        x = self.data
        return self._unary(x if x > 0 else 0.0, 1.0 if x > 0 else 0.0, "relu")

    def exp(self):
        y = math.exp(self.data)
        return self._unary(y, y, "exp")

    def log(self):
        return self._unary(math.log(self.data), 1.0 / self.data, "log")

    def tanh(self):
        y = math.tanh(self.data)  # saturates at ±1, never overflows
        return self._unary(y, 1.0 - y * y, "tanh")

    def sigmoid(self):
        x = self.data
        if x >= 0:
            y = 1.0 / (1.0 + math.exp(-x))
        else:  # e^(−x) would overflow for x ≈ −1000; e^x only underflows to 0
            e = math.exp(x)
            y = e / (1.0 + e)
        return self._unary(y, y * (1.0 - y), "sigmoid")

    # task 4 --------------------------------------------------------------
    def backward(self):
        # Topological order with an explicit stack: a recursive walk would stop at Python's
        # recursion limit (about 1,000 nested calls) on a long chain.
        order, seen = [], set()
        stack = [(self, False)]
        while stack:
            node, inputs_done = stack.pop()
            if inputs_done:
                order.append(node)  # after every node below it
            elif node not in seen:
                seen.add(node)
                stack.append((node, True))
                stack.extend((child, False) for child in node._prev if child not in seen)
        self.grad = 1.0  # ∂self/∂self
        for node in reversed(order):  # every user of a node before the node itself
            node._backward()
