"""A reference answer to the bonus task 6: BP1–BP4 by hand for a 2-3-1 sigmoid network.

For teachers. Plain floats and lists, no Value: the point is to see the four equations.
"""

import math


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def backprop(x, y, W2, b2, W3, b3):
    # forward: z = W a + b, a = σ(z), layer by layer
    z2 = [sum(w * xk for w, xk in zip(row, x)) + b for row, b in zip(W2, b2)]
    a2 = [sigmoid(z) for z in z2]
    z3 = [sum(w * ak for w, ak in zip(row, a2)) + b for row, b in zip(W3, b3)]
    a3 = [sigmoid(z) for z in z3]
    # BP1: δ³ = (a³ − y) ⊙ σ′(z³), with C = ½ Σ (a³ − y)² and σ′(z) = a(1 − a)
    delta3 = [(a - t) * a * (1 - a) for a, t in zip(a3, y)]
    # BP2: δ² = ((W³)ᵀ δ³) ⊙ σ′(z²)
    delta2 = [sum(W3[j][k] * delta3[j] for j in range(len(delta3))) * a * (1 - a)
              for k, a in enumerate(a2)]
    # BP3: ∂C/∂b = δ;  BP4: ∂C/∂w_jk = a_k(previous layer) · δ_j
    return {
        "delta3": delta3,
        "delta2": delta2,
        "db3": list(delta3),
        "dW3": [[a * d for a in a2] for d in delta3],
        "db2": list(delta2),
        "dW2": [[xk * d for xk in x] for d in delta2],
    }
