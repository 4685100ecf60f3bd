"""my_micrograd.nn：用你的 Value 搭神经网络（任务 5）。

一个神经元：n(x) = ReLU(w₁x₁ + w₂x₂ + … + wₙxₙ + b)，线性神经元去掉 ReLU。
一层：同一个输入 x 送进 nout 个神经元。
多层感知机（MLP）：一层的输出是下一层的输入；最后一层是线性的（不加 ReLU）。
检查：micrograd-cn lab check . --task 5
"""

import random  # noqa: F401  （初始化权重：random.uniform(-1, 1)）

from .engine import Value  # noqa: F401


class Module:
    """所有网络部件的共同基类（已写好）。"""

    def zero_grad(self):
        """把每个参数的梯度清零：每一步训练前都要做，因为 backward() 只会累加。"""
        for p in self.parameters():
            p.grad = 0.0

    def parameters(self):
        """这个部件的全部参数（Value 列表）。子类要重写它。"""
        return []


class Neuron(Module):
    def __init__(self, nin, nonlin=True):
        """一个有 nin 个输入的神经元。

        要建的属性：
          self.w：nin 个权重，每个是 Value(random.uniform(-1, 1))；
          self.b：偏置，Value(0.0)；
          self.nonlin：True 表示输出要过 ReLU，False 表示线性。
        """
        raise NotImplementedError("任务 5：Neuron.__init__")

    def __call__(self, x):
        """前向：z = Σᵢ wᵢ·xᵢ + b，返回 z.relu()（nonlin 为 True 时）或 z。

        x 是数字（或 Value）的列表。提示：别忘了 + b；也别新建 Value 来代替 self.w：
        梯度要落在 self.w、self.b 这些参数上。
        """
        raise NotImplementedError("任务 5：Neuron.__call__")

    def parameters(self):
        """返回 self.w 的全部权重加上 self.b：w + [b]。"""
        raise NotImplementedError("任务 5：Neuron.parameters")

    def __repr__(self):
        return f"{'ReLU' if self.nonlin else 'Linear'}Neuron({len(self.w)})"


class Layer(Module):
    def __init__(self, nin, nout, **kwargs):
        """nout 个神经元，每个有 nin 个输入：self.neurons = [Neuron(nin, **kwargs), …]。

        kwargs（例如 nonlin=False）原样传给每个神经元。
        """
        raise NotImplementedError("任务 5：Layer.__init__")

    def __call__(self, x):
        """每个神经元作用在同一个 x 上，返回输出列表；只有一个神经元时直接返回那个 Value。"""
        raise NotImplementedError("任务 5：Layer.__call__")

    def parameters(self):
        """所有神经元的参数，按神经元的顺序连起来。"""
        raise NotImplementedError("任务 5：Layer.parameters")

    def __repr__(self):
        return f"Layer of [{', '.join(str(n) for n in self.neurons)}]"


class MLP(Module):
    def __init__(self, nin, nouts):
        """多层感知机：输入 nin 个数，各层依次有 nouts[0]、nouts[1]、… 个神经元。

        self.layers：第 i 层是 Layer(上一层的大小, nouts[i], nonlin=...)；
        除最后一层外都用 ReLU，最后一层 nonlin=False（输出是任意实数）。
        例：MLP(3, [4, 4, 1]) 是 3 → 4 → 4 → 1。
        """
        raise NotImplementedError("任务 5：MLP.__init__")

    def __call__(self, x):
        """前向：依次把 x 送过每一层，上一层的输出就是下一层的输入。"""
        raise NotImplementedError("任务 5：MLP.__call__")

    def parameters(self):
        """所有层的参数，按层的顺序连起来。"""
        raise NotImplementedError("任务 5：MLP.parameters")

    def __repr__(self):
        return f"MLP of [{', '.join(str(layer) for layer in self.layers)}]"
