"""my_micrograd.bp: the bonus (task 6), the gradients of a 2-3-1 network by hand with BP1-BP4.

The network (layers numbered as Nielsen does: layer 1 is the input, layer 2 has 3 neurons,
layer 3 has 1):
    z2 = W2 x + b2, a2 = sigma(z2);  z3 = W3 a2 + b3, a3 = sigma(z3)
    cost C = 1/2 sum_j (a3_j - y_j)^2, so dC/da3 = a3 - y;  sigma'(z) = sigma(z)(1 - sigma(z)) = a(1 - a)
The error of a neuron is delta^l_j = dC/dz^l_j, and the four equations are
    BP1: delta3 = (a3 - y) * sigma'(z3)              (elementwise; the output layer)
    BP2: delta2 = (W3^T delta3) * sigma'(z2)         (the error moves back one layer)
    BP3: dC/db^l_j = delta^l_j
    BP4: dC/dW^l_jk = a^(l-1)_k * delta^l_j          (a1 is the input x)
The check compares your numbers with the right answer, and says whether your own
engine (tasks 1-4) gives the same.
Check: micrograd-cn lab check . --task 6 --lang en
"""

import math  # noqa: F401


def backprop(x, y, W2, b2, W3, b3):
    """With plain floats and lists only (no Value), compute the gradients by BP1-BP4.

    Arguments: x two numbers, y a list of one number; W2 is 3x2 (W2[j][k] joins input k
    to neuron j), b2 three numbers; W3 is 1x3, b3 one number.
    Return a dict with these keys and shapes:
        "delta3": [delta3_0], "delta2": [delta2_0, delta2_1, delta2_2],
        "db3": [dC/db3_0], "dW3": 1x3, "db2": 3 numbers, "dW2": 3x2.
    Hint: run the forward pass first and keep z2, a2, z3, a3; then BP1 -> BP2 -> BP3, BP4.
    """
    raise NotImplementedError("task 6: backprop")
