"""my_micrograd.engine：你自己的自动求导引擎（任务 1–4）。

一个 Value 是计算图里的一个数。每个运算做两件事：
  1. 前向：算出结果 out.data；
  2. 记下怎样把梯度往回传：给 out 装一个无参数的函数 out._backward，
     它按链式法则把 out.grad 乘以“局部导数”，加到每个输入的 grad 上。
backward() 按拓扑序的逆序调用每个节点的 _backward，得到 ∂(根)/∂(每个节点)。

凡是抛出 NotImplementedError 的地方都由你来写；写完一个任务就检查一次：
    micrograd-cn lab check .            （全部任务）
    micrograd-cn lab check . --task 1   （只查任务 1）
约定与 PyPI 上的 micrograd 0.1.0 相同：Value(data, _children=(), _op='')，
属性 data、grad、_backward、_prev、_op。__init__ 和 __repr__ 已经写好，不要改名字。
"""

import math  # noqa: F401  （任务 3 用得到：math.exp、math.log、math.tanh）


class Value:
    """计算图中的一个标量：data 是它的值，grad 是反向传播后 ∂(根)/∂(它)。"""

    def __init__(self, data, _children=(), _op=""):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None  # 叶子节点（输入、参数）没有下游，什么也不做
        self._prev = tuple(_children)  # 这个节点由哪些节点算出
        self._op = _op  # 产生它的运算，例如 "+"，只用于显示

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    # ------------------------------------------------------------ 任务 1：+ 与 *
    def __add__(self, other):
        """a + b。

        前向：out = a + b。
        局部导数：∂out/∂a = 1，∂out/∂b = 1。
        反向（链式法则）：a.grad += 1 · out.grad，b.grad += 1 · out.grad。

        提示：other 可能是普通数字（a + 2）：先包成 Value(other)。
        新节点写成 Value(self.data + other.data, (self, other), "+")，
        在里面定义 def _backward(): ...，最后 out._backward = _backward。
        一定用 +=：同一个 Value 可能被用了两次（a + a），两份梯度要加起来。
        """
        raise NotImplementedError("任务 1：Value.__add__")

    def __radd__(self, other):
        """2 + a：Python 先试 int 的加法，失败后调用 a.__radd__(2)。

        提示：加法可交换，一行就够：交给 __add__。
        """
        raise NotImplementedError("任务 1：Value.__radd__")

    def __mul__(self, other):
        """a · b。

        前向：out = a · b。
        局部导数：∂out/∂a = b，∂out/∂b = a（每个因子的导数是“另一个”因子）。
        反向：a.grad += b · out.grad，b.grad += a · out.grad。

        提示：最常见的错误是把两个局部导数写反（a.grad += a · out.grad）。
        """
        raise NotImplementedError("任务 1：Value.__mul__")

    def __rmul__(self, other):
        """2 · a：交给 __mul__。"""
        raise NotImplementedError("任务 1：Value.__rmul__")

    # ---------------------------------------------------- 任务 2：**、-、/
    def __pow__(self, n):
        """a ** n，n 是普通数字（int 或 float），不是 Value。

        前向：out = aⁿ。
        局部导数：∂out/∂a = n · aⁿ⁻¹。
        反向：a.grad += n · aⁿ⁻¹ · out.grad。

        提示：n 可以是负数（a ** -1 = 1/a）或小数（a ** 0.5 = √a）；公式不变。
        """
        raise NotImplementedError("任务 2：Value.__pow__")

    def __neg__(self):
        """-a：局部导数是 −1。

        提示：用已有的运算拼出来最省事：-a = a · (−1)，反向自动就对了。
        """
        raise NotImplementedError("任务 2：Value.__neg__")

    def __sub__(self, other):
        """a − b：∂/∂a = 1，∂/∂b = −1。提示：a − b = a + (−b)。"""
        raise NotImplementedError("任务 2：Value.__sub__")

    def __rsub__(self, other):
        """2 − a：提示：2 − a = (−a) + 2。"""
        raise NotImplementedError("任务 2：Value.__rsub__")

    def __truediv__(self, other):
        """a / b：∂/∂a = 1/b，∂/∂b = −a/b²。

        提示：a / b = a · b⁻¹，用 ** 和 * 拼出来，两个局部导数就都对了。
        """
        raise NotImplementedError("任务 2：Value.__truediv__")

    def __rtruediv__(self, other):
        """2 / a：提示：2 / a = a⁻¹ · 2。"""
        raise NotImplementedError("任务 2：Value.__rtruediv__")

    # ------------------------------------------ 任务 3：relu、exp、log、tanh、sigmoid
    def relu(self):
        """ReLU(x) = max(0, x)。

        局部导数：x > 0 时为 1，x < 0 时为 0（x = 0 处取 0）。
        """
        raise NotImplementedError("任务 3：Value.relu")

    def exp(self):
        """exp(x) = eˣ。局部导数：eˣ，也就是输出本身。提示：math.exp。"""
        raise NotImplementedError("任务 3：Value.exp")

    def log(self):
        """log(x)（自然对数，x > 0）。局部导数：1/x。提示：math.log。"""
        raise NotImplementedError("任务 3：Value.log")

    def tanh(self):
        """tanh(x) = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ)。局部导数：1 − tanh²(x)。

        提示：x = 1000 时 e²ˣ 会溢出（OverflowError）；用 math.tanh，它在 ±1 处饱和。
        """
        raise NotImplementedError("任务 3：Value.tanh")

    def sigmoid(self):
        """σ(x) = 1/(1 + e⁻ˣ)，逻辑回归里把 z 变成概率 a 的函数。

        局部导数：σ′(x) = σ(x)·(1 − σ(x))，即 a(1 − a)。
        提示：x = −1000 时 e⁻ˣ = e¹⁰⁰⁰ 溢出。x < 0 时改写成 σ(x) = eˣ/(1 + eˣ)：
        两种写法数学上相等，但这样求的指数永远不会是大正数。
        """
        raise NotImplementedError("任务 3：Value.sigmoid")

    # ---------------------------------------------------------- 任务 4：backward
    def backward(self):
        """从这个节点（根 L）出发做反向传播，填好图中每个节点的 grad = ∂L/∂节点。

        步骤：
          1. 拓扑排序：把图中所有节点排成一列，每个节点排在它的所有输入之后；
             每个节点只出现一次（用一个集合记下见过的节点）。
          2. self.grad = 1：∂L/∂L = 1。
          3. 按逆序调用每个节点的 _backward()：轮到一个节点时，
             所有用到它的节点都已把梯度加给了它。

        提示：递归写拓扑排序很短，但 5000 个节点的链会超过 Python 的递归上限
        （约 1000 层，RecursionError）。用一个列表当栈、一个循环来代替递归。
        """
        raise NotImplementedError("任务 4：Value.backward")
