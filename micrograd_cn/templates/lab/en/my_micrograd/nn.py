"""my_micrograd.nn: neural networks built from your Value (task 5).

A neuron: n(x) = ReLU(w1*x1 + w2*x2 + ... + wn*xn + b); a linear neuron has no ReLU.
A layer: nout neurons that all read the same input x.
A multi-layer perceptron (MLP): each layer's output is the next layer's input; the last
layer is linear (no ReLU).
Check: micrograd-cn lab check . --task 5 --lang en
"""

import random  # noqa: F401  (initial weights: random.uniform(-1, 1))

from .engine import Value  # noqa: F401


class Module:
    """The base of every network part (written for you)."""

    def zero_grad(self):
        """Set every parameter's gradient to 0: before each training step, since backward() only adds."""
        for p in self.parameters():
            p.grad = 0.0

    def parameters(self):
        """Every parameter of this part (a list of Values). Subclasses override it."""
        return []


class Neuron(Module):
    def __init__(self, nin, nonlin=True):
        """A neuron with nin inputs.

        Attributes to create:
          self.w: nin weights, each a Value(random.uniform(-1, 1));
          self.b: the bias, Value(0.0);
          self.nonlin: True when the output goes through ReLU, False for a linear neuron.
        """
        raise NotImplementedError("task 5: Neuron.__init__")

    def __call__(self, x):
        """Forward: z = sum_i w_i * x_i + b; return z.relu() (when nonlin) or z.

        x is a list of numbers (or Values). Hint: do not forget + b; and do not make new
        Values in place of self.w: the gradients must land on the parameters self.w, self.b.
        """
        raise NotImplementedError("task 5: Neuron.__call__")

    def parameters(self):
        """Return all the weights of self.w followed by self.b: w + [b]."""
        raise NotImplementedError("task 5: Neuron.parameters")

    def __repr__(self):
        return f"{'ReLU' if self.nonlin else 'Linear'}Neuron({len(self.w)})"


class Layer(Module):
    def __init__(self, nin, nout, **kwargs):
        """nout neurons with nin inputs each: self.neurons = [Neuron(nin, **kwargs), ...].

        kwargs (for example nonlin=False) go to every neuron unchanged.
        """
        raise NotImplementedError("task 5: Layer.__init__")

    def __call__(self, x):
        """Apply every neuron to the same x; return the list of outputs, or the one Value if there is one neuron."""
        raise NotImplementedError("task 5: Layer.__call__")

    def parameters(self):
        """The parameters of all neurons, neuron after neuron."""
        raise NotImplementedError("task 5: Layer.parameters")

    def __repr__(self):
        return f"Layer of [{', '.join(str(n) for n in self.neurons)}]"


class MLP(Module):
    def __init__(self, nin, nouts):
        """A multi-layer perceptron: nin inputs, then layers of nouts[0], nouts[1], ... neurons.

        self.layers: layer i is Layer(size of the layer before, nouts[i], nonlin=...);
        every layer uses ReLU except the last, which has nonlin=False (any real output).
        Example: MLP(3, [4, 4, 1]) is 3 -> 4 -> 4 -> 1.
        """
        raise NotImplementedError("task 5: MLP.__init__")

    def __call__(self, x):
        """Forward: pass x through the layers in order; each output is the next layer's input."""
        raise NotImplementedError("task 5: MLP.__call__")

    def parameters(self):
        """The parameters of all layers, layer after layer."""
        raise NotImplementedError("task 5: MLP.parameters")

    def __repr__(self):
        return f"MLP of [{', '.join(str(layer) for layer in self.layers)}]"
