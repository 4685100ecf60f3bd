"""The zh/en message catalog: every sentence micrograd_cn says to a user.

Chinese is the default language; English is chosen with ``set_lang("en")``,
the environment variable ``MICROGRAD_CN_LANG=en``, ``lang="en"`` on teaching
functions, or ``--lang en`` on the command line.

Imports: nothing of ours (everyone else may import this module).
"""

from __future__ import annotations

import os
import reprlib
from contextlib import contextmanager
from typing import Iterator

LANGS = ("zh", "en")

# key -> (Chinese, English). Placeholders use str.format syntax.
MESSAGES: dict[str, tuple[str, str]] = {
    # --- engine: bad numbers -------------------------------------------------
    "not_a_number": (
        "{op}：需要数字（int/float）或 Value，收到 {kind} {value}",
        "{op}: expected a number (int/float) or a Value, got {kind} {value}",
    ),
    "not_finite": (
        "{op}：数值必须是有限的实数，收到 {value}",
        "{op}: the number must be finite, got {value}",
    ),
    "not_a_value": (
        "需要一个 Value 作为计算图的根，收到 {kind} {value}",
        "expected a Value as the root of a graph, got {kind} {value}",
    ),
    "children_not_tuple": (
        "Value 的第二个位置参数是子节点元组；要给节点命名，请写 label={value}",
        "Value's second positional argument is the tuple of children; to name a node write label={value}",
    ),
    # --- engine: domains and overflow ---------------------------------------
    "overflow": (
        "{op}：结果超出浮点数范围（{detail}）",
        "{op}: the result overflows a float ({detail})",
    ),
    "log_domain": (
        "log：x 必须大于 0，收到 x = {x}",
        "log: x must be greater than 0, got x = {x}",
    ),
    "exp_overflow": (
        "exp：e^x 超出浮点数范围（x = {x}，x 须不大于 709.78）",
        "exp: e^x overflows a float (x = {x}; x must be at most 709.78)",
    ),
    "div_zero": (
        "除法：除数为 0（{a} / {b}）",
        "division: the divisor is 0 ({a} / {b})",
    ),
    "pow_zero_negative": (
        "幂运算：0 的 {n} 次幂无定义（负指数要除以 0）",
        "power: 0 ** {n} is undefined (a negative exponent divides by 0)",
    ),
    "pow_negative_base": (
        "幂运算：负数 {x} 的非整数次幂 {n} 不是实数",
        "power: a negative base {x} to the non-integer power {n} is not a real number",
    ),
    "pow_value_base": (
        "幂运算：指数是 Value 时底数必须大于 0（需要 ln(底数)），收到底数 {x}",
        "power: with a Value exponent the base must be greater than 0 (ln(base) is needed), got base {x}",
    ),
    "pow_grad_undefined": (
        "幂运算：{x} ** {n} 在该点的导数 {n}·x^({n}−1) 无定义或无穷大",
        "power: the derivative {n}·x^({n}−1) of {x} ** {n} is undefined or infinite at this point",
    ),
    "wsum_lengths": (
        "加权和：权重有 {nw} 个，输入有 {nx} 个，二者必须一样多",
        "weighted sum: {nw} weights but {nx} inputs; they must match",
    ),
    # --- reliability and drop-in: gradients out of range, misuse, micrograd's code ---
    "grad_not_finite": (
        "反向传播：梯度超出了浮点数范围：{node} 的梯度成了 {grad}{detail}。"
        "前向的每个值都是有限的，是链式法则中的乘积溢出了；请把数值的量级缩小一些",
        "backward: the gradient left the float range: the gradient of {node} became {grad}{detail}. "
        "Every forward value is finite; a product of the chain rule overflowed. Use numbers of smaller magnitude",
    ),
    "grad_parts": ("（流入的贡献：{parts}）", " (contributions flowing in: {parts})"),
    "grad_part_sep": ("；", "; "),
    "demo_out_not_dir": (
        "--out 需要一个文件夹，{path} 却是一个文件；请换一个文件夹名",
        "--out needs a folder, but {path} is a file; choose a folder name",
    ),
    "cli_graph_too_large": (
        "这个表达式有超过 {limit} 个值，画出来既慢又看不清；请画一个更小的表达式"
        "（例如把它拆成几部分分别画），或用 micrograd-cn trace 查看每一步的数字",
        "this expression has more than {limit} values: too slow to lay out and unreadable; draw a "
        "smaller expression (for example its parts one at a time), or see every step's numbers "
        "with micrograd-cn trace",
    ),
    "terminal_hint": (
        "提示：输出编码 {encoding} 显示不了部分数学符号，已用 ASCII 近似代替。要看完整的符号，"
        "请设置环境变量 PYTHONIOENCODING=utf-8（或 PYTHONUTF8=1）；Windows 命令行也可先运行 chcp 65001",
        "hint: the output encoding {encoding} lacks some mathematical symbols; ASCII stand-ins were "
        "printed. For every symbol set PYTHONIOENCODING=utf-8 (or PYTHONUTF8=1); in a Windows "
        "console you can also run chcp 65001 first",
    ),
    "demo_out_failed": ("无法创建文件夹 {path}：{detail}", "cannot create the folder {path}: {detail}"),
    "grad_part_custom": ("自定义运算 {op}", "custom op {op}"),
    "grad_node_leaf": ("叶子节点 {value}", "the leaf {value}"),
    "grad_node_op": ("“{op}”的结果（值 {value}）", "the result of \"{op}\" (value {value})"),
    "backward_not_callable": (
        "_backward 必须是不带参数的函数（micrograd 的写法），收到 {kind} {value}",
        "_backward must be a function of no arguments (micrograd's way), got {kind} {value}",
    ),
    "sgd_not_finite": (
        "SGD.step：第 {index} 个参数会变成 {value}（值 {data}，梯度 {grad}）；"
        "没有更新任何参数。请减小学习率或检查损失",
        "SGD.step: parameter {index} would become {value} (value {data}, grad {grad}); "
        "no parameter was changed. Lower the learning rate or check the loss",
    ),
    "sgd_not_value": (
        "SGD：params 必须是 Value 的列表（例如 model.parameters()），第 {index} 个是 {kind} {value}",
        "SGD: params must be a list of Values (e.g. model.parameters()); item {index} is {kind} {value}",
    ),
    "sgd_not_iterable": (
        "SGD：params 必须是 Value 的列表（例如 model.parameters()），收到 {kind} {value}",
        "SGD: params must be a list of Values (e.g. model.parameters()), got {kind} {value}",
    ),
    "nn_loss_pred": (
        "{where}：预测值必须是 Value 或数字（或它们的列表），收到 {kind} {value}",
        "{where}: the prediction must be a Value or a number (or a list of them), got {kind} {value}",
    ),
    "nn_loss_target": (
        "{where}：目标值必须是数字（或数字的列表），收到 {kind} {value}",
        "{where}: the target must be a number (or a list of numbers), got {kind} {value}",
    ),
    # --- nn ------------------------------------------------------------------
    "nn_input_length": (
        "{where}：需要 {expected} 个输入，收到 {got} 个",
        "{where}: expected {expected} inputs, got {got}",
    ),
    "nn_not_sequence": (
        "{where}：输入必须是数字或 Value 的列表，收到 {kind}",
        "{where}: the input must be a list of numbers or Values, got {kind}",
    ),
    "nn_unknown_activation": (
        "未知的激活函数 {name}；可选：{choices}",
        "unknown activation {name}; choose one of: {choices}",
    ),
    "nn_bad_size": (
        "{where}：{what} 必须是正整数，收到 {value}",
        "{where}: {what} must be a positive integer, got {value}",
    ),
    "nn_shape": (
        "{where}：{what} 的形状不对，需要 {expected}，收到 {got}",
        "{where}: {what} has the wrong shape, expected {expected}, got {got}",
    ),
    "nn_empty": (
        "{where}：输入为空",
        "{where}: the input is empty",
    ),
    "nn_label": (
        "{where}：标签必须是 {allowed}，收到 {value}",
        "{where}: a label must be {allowed}, got {value}",
    ),
    "nn_bad_option": (
        "{where}：{what} 取值无效：{value}",
        "{where}: invalid value for {what}: {value}",
    ),
    # --- bridge: to_torch / from_torch ----------------------------------------
    "bridge_no_torch": (
        "micrograd_cn.bridge 需要 PyTorch（可选依赖，没有安装）：pip install torch，或 pip "
        "install 'micrograd-cn[oracle]'",
        "micrograd_cn.bridge needs PyTorch (optional, not installed): pip install torch, or pip "
        "install 'micrograd-cn[oracle]'",
    ),
    "bridge_not_mlp": (
        "to_torch：需要一个 micrograd_cn.nn.MLP，收到 {kind}",
        "to_torch: expected a micrograd_cn.nn.MLP, got {kind}",
    ),
    "bridge_not_sequential": (
        "from_torch：需要一个 torch.nn.Sequential，收到 {kind}",
        "from_torch: expected a torch.nn.Sequential, got {kind}",
    ),
    "bridge_unsupported": (
        "from_torch：模块 ({position}) {kind} 无法转换；可用：{choices}",
        "from_torch: module ({position}) {kind} cannot be converted; supported: {choices}",
    ),
    "bridge_activation_place": (
        "from_torch：模块 ({position}) {kind} 必须紧跟在一个 Linear 之后",
        "from_torch: module ({position}) {kind} must come right after a Linear",
    ),
    "bridge_shapes": (
        "from_torch：模块 ({position}) 是 {got} 个输入的 Linear，但上一层有 {expected} 个输出",
        "from_torch: module ({position}) is a Linear with {got} inputs, but the layer before has {expected} outputs",
    ),
    "bridge_empty": (
        "from_torch：Sequential 里没有 Linear 层",
        "from_torch: the Sequential holds no Linear layer",
    ),
    # --- gradcheck -------------------------------------------------------------
    "gradcheck_not_value": (
        "gradcheck：函数必须返回一个 Value，收到 {kind}",
        "gradcheck: the function must return a Value, got {kind}",
    ),
    "gradcheck_report": (
        "梯度检验：最大绝对误差 {abs_err}，最大相对误差 {rel_err}（{verdict}）",
        "gradient check: largest absolute error {abs_err}, largest relative error {rel_err} ({verdict})",
    ),
    "gradcheck_ok": ("通过", "passed"),
    "gradcheck_fail": ("未通过", "FAILED"),
    "gradcheck_header": (
        "输入 | 值 | 反向传播 | 数值差分 | 绝对误差",
        "input | value | backprop | numerical | abs error",
    ),
    # --- demos ---------------------------------------------------------------
    "demo_unknown": (
        "没有名为 {name} 的演示；可选：{choices}",
        "there is no demo called {name}; choose one of: {choices}",
    ),
    "demo_picture": ("图片：{path}", "picture: {path}"),
    "demo_plots_off": ("（未画图：已用 --no-plots 关闭）", "(no pictures: turned off with --no-plots)"),
    "demo_no_matplotlib": (
        "（未画图：没有安装 matplotlib。运行 pip install 'micrograd-cn[demos]' 或 make demo "
        "后即可得到图片；上面的数字不受影响）",
        "(no pictures: matplotlib is not installed. Run pip install 'micrograd-cn[demos]' or make demo to get them; "
        "the numbers above are complete)",
    ),
    "plot_step": ("训练步数", "training step"),
    "plot_cost": ("代价 C", "cost C"),
    "plot_loss": ("损失", "loss"),
    "layer_title": (
        "演示 layer：一层 sigmoid 神经元（3 个输入 → 2 个输出），两个样本，全部由标量 Value 计算",
        "Demo layer: one sigmoid layer (3 inputs → 2 outputs) on two samples, every number a scalar Value",
    ),
    "layer_setup": (
        "代价 C = Σ(ŷ − y)²（对两个样本、两个输出求和），学习率 {lr}，训练 {steps} 步。",
        "Cost C = Σ(ŷ − y)² (summed over both samples and both outputs), learning rate {lr}, {steps} steps.",
    ),
    "layer_rule": (
        "更新规则照原文：ω 用两个样本的梯度之和，b 用两个样本梯度的平均（原文的 b 是一维数组，取了均值）。",
        "Update rules as in the original: ω uses the gradient summed over the two samples, b the gradient averaged "
        "over them (the original's b is a 1-D array, so it takes the mean).",
    ),
    "layer_y_hat_before": ("训练前的 ŷ：", "ŷ before training:"),
    "layer_y_hat_after": ("训练后的 ŷ：", "ŷ after training:"),
    "layer_sample": ("  样本 {k}：{values}", "  sample {k}: {values}"),
    "layer_cost": ("第 {step} 步之后的代价 C = {cost}", "cost after step {step}: C = {cost}"),
    "layer_w": ("最终的 ω（3×2，第 i 行连接输入 xᵢ，第 j 列连接输出 ŷⱼ）：",
                "final ω (3×2, row i from input xᵢ, column j to output ŷⱼ):"),
    "layer_b": ("最终的 b：{values}", "final b: {values}"),
    "layer_plot_title": ("一层 sigmoid：代价随训练下降", "One sigmoid layer: the cost while training"),
    "plot_accuracy": ("训练准确率", "training accuracy"),
    "moons_title": (
        "演示 moons：micrograd 的经典例子，用多层感知机分开两个月牙",
        "Demo moons: micrograd's classic example, an MLP separating two moons",
    ),
    "moons_setup": (
        "{n} 个点（make_moons，噪声 {noise}，种子 {seed}）；MLP(2, [16, 16, 1])，{params} 个参数，种子 {model_seed}；"
        "损失 = 平均最大间隔损失 + {alpha}·Σp²；{steps} 步 SGD，学习率 1.0 − 0.9·k/{steps}",
        "{n} points (make_moons, noise {noise}, seed {seed}); "
        "MLP(2, [16, 16, 1]) with {params} parameters, seed {model_seed}; "
        "loss = mean max-margin loss + {alpha}·Σp²; {steps} SGD steps, learning rate 1.0 − 0.9·k/{steps}",
    ),
    "moons_step": (
        "第 {k:3d}/{steps} 步  损失 {loss:.6f}  准确率 {acc:5.1f}%  学习率 {lr:.3f}",
        "step {k:3d}/{steps}  loss {loss:.6f}  accuracy {acc:5.1f}%  learning rate {lr:.3f}",
    ),
    "moons_final": (
        "训练 {steps} 步之后（第 {steps} 次更新之后）：损失 {loss!r}，训练准确率 {acc:.1f}%",
        "after {steps} steps (after update {steps}): loss {loss!r}, training accuracy {acc:.1f}%",
    ),
    "moons_plot_loss_title": ("两个月牙：损失与准确率", "Two moons: loss and accuracy"),
    "moons_plot_boundary_title": ("两个月牙：决策边界（训练准确率 {acc:.0f}%）",
                                  "Two moons: decision boundary (training accuracy {acc:.0f}%)"),
    # --- demo digits (and the demo command's --quick) ------------------------
    "digits_title": (
        "演示 digits：8×8 手写数字，一个多层感知机，每个数都是标量 Value",
        "Demo digits: 8×8 handwritten digits, one MLP, every number a scalar Value",
    ),
    "digits_data": (
        "数据：1,797 张 8×8 图像（UCI，CC BY 4.0），像素 0…16 除以 16；训练集 {train} 张，测试集 {test} 张"
        "（每个数字的 {pct}% 留作测试，种子 {seed}）",
        "Data: 1,797 8×8 images (UCI, CC BY 4.0), pixels 0…16 divided by 16; {train} for training, {test} for testing "
        "({pct}% of each digit held out, seed {seed})",
    ),
    "digits_model": (
        "网络：MLP(64, [{hidden}, 10])，隐藏层 ReLU，10 个线性输出经 softmax；{params} 个参数（种子 {seed}，"
        "初始权重 U(−1/√n, 1/√n)）；代价：交叉熵 C = log Σₖ e^zₖ − z_y（先减去最大的 z，不会溢出）",
        "Network: MLP(64, [{hidden}, 10]), ReLU hidden layer, 10 linear outputs read through softmax; "
        "{params} parameters (seed {seed}, initial weights U(−1/√n, 1/√n)); "
        "cost: cross-entropy C = log Σₖ e^zₖ − z_y (largest z subtracted first, no overflow)",
    ),
    "digits_training": (
        "训练：{epochs} 轮小批量 SGD，每批 {batch} 张（代价取平均），学习率 {lr}，动量 {momentum}",
        "Training: {epochs} epochs of mini-batch SGD, {batch} images a batch (mean cost), learning "
        "rate {lr}, momentum {momentum}",
    ),
    "digits_epoch": (
        "第 {k:2d}/{epochs} 轮  损失 {loss:.4f}  训练准确率 {train:5.1f}%  测试准确率 "
        "{test:5.1f}%  用时 {seconds:.1f} 秒",
        "epoch {k:2d}/{epochs}  loss {loss:.4f}  train accuracy {train:5.1f}%  test "
        "accuracy {test:5.1f}%  {seconds:.1f} s",
    ),
    "digits_test_accuracy": (
        "测试准确率 {acc:.1f}%（{correct}/{n}）",
        "test accuracy {acc:.1f}% ({correct}/{n})",
    ),
    "digits_time": (
        "用时 {seconds:.1f} 秒（训练每轮平均 {epoch:.1f} 秒）",
        "run time {seconds:.1f} s (training: {epoch:.1f} s per epoch on average)",
    ),
    "digits_delta_title": (
        "一张测试图像的反向传播（测试集第 {k} 张，第一张认错的：数字 {digit}，预测 {pred}，代价 C = {cost}）：",
        "One test image's backward pass (test image {k}, the first one misclassified: digit {digit}, "
        "predicted {pred}, cost C = {cost}):",
    ),
    "digits_delta_output": (
        "  输出层 δ³ⱼ = ∂C/∂z³ⱼ = softmax(z³)ⱼ − yⱼ（BP1，y 是独热向量）：",
        "  output layer δ³ⱼ = ∂C/∂z³ⱼ = softmax(z³)ⱼ − yⱼ (BP1, y one-hot):",
    ),
    "digits_col_formula": ("δ³ⱼ（公式）", "δ³ⱼ (formula)"),
    "digits_col_engine": ("δ³ⱼ（引擎 z.grad）", "δ³ⱼ (engine z.grad)"),
    "digits_delta_hidden": (
        "  隐藏层 δ² = ((W³)ᵀ δ³) ⊙ ReLU′(z²)（BP2）：{n} 个神经元中 {off} 个 z ≤ 0，δ 为 0；"
        "‖δ²‖ = {norm}（‖δ³‖ = {norm_out}）",
        "  hidden layer δ² = ((W³)ᵀ δ³) ⊙ ReLU′(z²) (BP2): {off} of {n} neurons have z ≤ 0 and δ = 0; "
        "‖δ²‖ = {norm} (‖δ³‖ = {norm_out})",
    ),
    "digits_delta_agree": (
        "  公式与引擎的 δ 最大相差 {diff}",
        "  largest difference between the formulas' δ and the engine's: {diff}",
    ),
    "digits_plot_loss": ("训练损失（每轮平均）", "training loss (epoch mean)"),
    "digits_plot_accuracy": ("准确率", "accuracy"),
    "digits_plot_train": ("训练集", "training set"),
    "digits_plot_test": ("测试集", "test set"),
    "digits_plot_epoch": ("轮", "epoch"),
    "digits_plot_true": ("真实数字", "true digit"),
    "digits_plot_predicted": ("预测数字", "predicted digit"),
    "digits_plot_confusion": (
        "混淆矩阵（测试集，准确率 {acc:.1f}%）",
        "Confusion matrix (test set, accuracy {acc:.1f}%)",
    ),
    "digits_plot_mistake": ("{true} → {pred}", "{true} → {pred}"),
    "digits_plot_mistakes": ("认错的测试图像（真实 → 预测；{n} 张中的 {shown} 张）",
                             "Misclassified test digits (true → predicted; {shown} of {n})"),
    "digits_plot_weights": ("隐藏层每个神经元的 64 个权重，排成 8×8（红正蓝负）",
                            "Each hidden neuron's 64 weights as an 8×8 image (red positive, blue negative)"),
    "digits_plot_input": ("数字 {digit}（预测 {pred}）", "digit {digit} (predicted {pred})"),
    "digits_plot_delta_out": ("输出层 δ³（BP1）", "output layer δ³ (BP1)"),
    "digits_plot_delta_hidden": ("隐藏层 δ²（BP2）", "hidden layer δ² (BP2)"),
    "cli_demo_quick_help": (
        "快速运行（digits：400 张训练图像、3 轮，几秒钟；其他演示本来就快，不受影响）",
        "a quick run (digits: 400 training images, 3 epochs, a few seconds; the other demos "
        "are quick already and ignore it)",
    ),
    "nvb_title": (
        "演示 numeric-vs-backprop：有限差分与反向传播，要做多少次前向计算、花多少时间",
        "Demo numeric-vs-backprop: finite differences against backpropagation, forward passes and time",
    ),
    "nvb_setup": (
        "N 个参数时，前向差分要 N + 1 次前向计算，这里用更准确的中心差分，要 2N 次；反向传播只要 1 次前向 + 1 次反向。"
        "损失：tanh 网络在 {n} 个点上的均方误差。",
        "With N parameters, forward differences need N + 1 forward passes; "
        "the more accurate central differences used here need 2N; "
        "backpropagation needs 1 forward + 1 backward pass. "
        "Loss: the mean squared error of a tanh network on {n} points.",
    ),
    "nvb_header": (
        "网络 | 参数 N | 差分：前向次数 | 差分：毫秒 | 反传：前向次数 | 反传：毫秒 | 倍数 | 最大差异",
        "network | N params | differences: forwards | differences: ms | backprop: forwards | backprop: "
        "ms | ratio | largest difference",
    ),
    "nvb_row": (
        "{name} | {n} | {nf} | {nt} | {bf} | {bt} | {speedup:.0f}× | {diff:.2e}",
        "{name} | {n} | {nf} | {nt} | {bf} | {bt} | {speedup:.0f}× | {diff:.2e}",
    ),
    "nvb_agree": (
        "两种方法的梯度一致（每个参数都满足 |差异| ≤ {atol} + {rtol}·|差分值|）。",
        "The two gradients agree (every parameter within |difference| ≤ {atol} + {rtol}·|numerical|).",
    ),
    "nvb_disagree": (
        "两种方法的梯度不一致（超出 {atol} + {rtol}·|差分值|）！",
        "The two gradients DISAGREE (beyond {atol} + {rtol}·|numerical|)!",
    ),
    "nvb_plot_numeric": ("有限差分（中心差分）", "finite differences (central)"),
    "nvb_plot_backprop": ("反向传播", "backpropagation"),
    "nvb_plot_forwards": ("前向计算次数", "forward passes"),
    "nvb_plot_seconds": ("用时（秒）", "time (s)"),
    "nvb_plot_params": ("参数个数 N", "number of parameters N"),
    "nvb_plot_title": (
        "求全部梯度的代价：有限差分 vs 反向传播",
        "The price of all gradients: finite differences vs backpropagation",
    ),
    "logistic_demo_title": (
        "演示 logistic：一个逻辑回归神经元 z = w₁x₁ + w₂x₂ + b，a = σ(z)，L = −[y·log(a) + (1 − y)·log(1 − a)]",
        "Demo logistic: one logistic neuron z = w₁x₁ + w₂x₂ + b, a = σ(z), L = −[y·log(a) + (1 − y)·log(1 − a)]",
    ),
    "logistic_demo_data": (
        "数据：{m} 个二维点；代价 J = {m} 个样本损失的平均；初始 w = {w}，b = {b}；学习率 {lr}，训练 {steps} 步。",
        "Data: {m} points in 2-D; cost J = the mean loss over the {m} samples; start w = {w}, b = {b}; "
        "learning rate {lr}, {steps} steps.",
    ),
    "logistic_demo_part1": ("【一】第 1 个样本：反向传播的每一步", "[1] Sample 1: every step of the backward pass"),
    "logistic_demo_part2": (
        "【二】全部样本：J 的梯度与闭式解",
        "[2] All samples: the gradient of J and its closed form",
    ),
    "logistic_demo_part3": ("【三】梯度下降：每一步用引擎算出的 ∂J/∂w、∂J/∂b",
                            "[3] Gradient descent, each step with the engine's ∂J/∂w, ∂J/∂b"),
    "logistic_demo_cost0": ("  训练前 J = {cost}", "  before training: J = {cost}"),
    "logistic_demo_cost": ("  第 {k} 步之后 J = {cost}", "  after step {k}: J = {cost}"),
    "logistic_demo_final": (
        "训练后 w = {w}，b = {b}；训练准确率 {acc:.0f}%",
        "after training w = {w}, b = {b}; training accuracy {acc:.0f}%",
    ),
    "logistic_plot_cost": ("代价 J", "cost J"),
    "logistic_plot_title": ("一个逻辑回归神经元：代价 J 随训练下降", "One logistic neuron: the cost J while training"),
    "bp_demo_title": (
        "演示 bp：四个反向传播方程 BP1–BP4，在一个小的 sigmoid 网络上逐个神经元核对",
        "Demo bp: the four backpropagation equations BP1–BP4, checked neuron by neuron on a small sigmoid network",
    ),
    "bp_plot_formula": ("BP1/BP2 公式", "BP1/BP2 formula"),
    "bp_plot_engine": ("引擎 z.grad", "engine z.grad"),
    "bp_plot_layer": ("第 {l} 层", "layer {l}"),
    "bp_plot_title": ("每个神经元的误差 |δ|，各层共用一条对数轴：\n"
                      "越靠近输入越小（sigmoid 的 σ′ ≤ 1/4），公式与引擎一致",
                      "Each neuron's error |δ|, all layers on one log axis:\nsmaller toward the input "
                      "(sigmoid's σ′ ≤ 1/4); formula and engine agree"),
    # --- demos: reading order and honest numbers (moons, numeric-vs-backprop, bp, layer) --
    "nvb_timing": (
        "每个时间是重复运行 {low}–{high} 次的中位数（单次计时会碰上垃圾回收或机器正忙）。"
        "倍数随 N 增长：差分要 2N 次前向计算，反向传播不论 N 多大都只要 1 次前向 + 1 次反向，"
        "所以倍数大致与 N 成正比。",
        "Each time is the median of {low}–{high} runs (a single timing can hit a garbage collection or a busy "
        "machine). The ratio grows with N: differences need 2N forward passes, backpropagation one forward and one "
        "backward pass however large N is, so the ratio grows roughly in proportion to N.",
    ),
    "bp_plot_mean": ("每层 |δ| 的几何平均", "geometric mean of |δ| in each layer"),
    "bp_plot_axis": ("|δ| = |∂C/∂z|（对数轴）", "|δ| = |∂C/∂z| (log scale)"),
    "bp_plot_direction": ("← 输入一侧　　　　　　输出一侧 →", "← input side                output side →"),
    "layer_formula": (
        "第 1 步的梯度，照原文逐个标量的公式 ∂C/∂ωᵢⱼ = xᵢ · g′(aⱼ) · 2(ŷⱼ − yⱼ)"
        "（g 是 sigmoid，aⱼ = Σᵢ xᵢωᵢⱼ + bⱼ，g′(aⱼ) = ŷⱼ(1 − ŷⱼ)），C 对两个样本求和，所以梯度也求和。以 {w} 为例：",
        "The first step's gradient by the original's scalar formula ∂C/∂ωᵢⱼ = xᵢ · g′(aⱼ) · 2(ŷⱼ − yⱼ) (g is sigmoid, "
        "aⱼ = Σᵢ xᵢωᵢⱼ + bⱼ, g′(aⱼ) = ŷⱼ(1 − ŷⱼ)); C sums over the two samples, so the gradient does too. For {w}:",
    ),
    "layer_formula_sample": (
        "  样本 {k}：{x} · g′({a}) · 2({y_hat} − {y}) = {values} = {term}",
        "  sample {k}: {x} · g′({a}) · 2({y_hat} − {y}) = {values} = {term}",
    ),
    "layer_formula_sum": (
        "  两个样本之和：∂C/∂{w} = {terms} = {total}；引擎（反向传播）的 {w}.grad = {engine}，差的绝对值 {diff}",
        "  summed over both samples: ∂C/∂{w} = {terms} = {total}; the engine's (backprop) {w}.grad = {engine}, "
        "absolute difference {diff}",
    ),
    "moons_progress_note": (
        "下面每一行是这一步更新参数之前的损失和准确率（这一步的梯度就由这个损失求出），以及这一步用的学习率；"
        "最后的“训练 {steps} 步之后”是第 {steps} 次更新之后重新算的，所以和第 {steps} 行不同。",
        "Each line below is the loss and accuracy before that step's update (the step's gradient is taken of "
        "this loss) and the learning rate the step uses; the final \"after {steps} steps\" is measured again "
        "after update {steps}, so it differs from line {steps}.",
    ),
    # --- stepper (the browser step-through page) ------------------------------
    "page_title": ("反向传播逐步演示：{expr}", "Backpropagation step by step: {expr}"),
    "page_title_plain": ("反向传播逐步演示", "Backpropagation step by step"),
    "page_help": (
        "用“上一步 / 下一步”按钮或键盘方向键 ← → 逐步查看链式法则；第 0 步是前向计算。",
        "Use the Previous / Next buttons or the arrow keys ← → to walk the chain rule; step 0 is the forward pass.",
    ),
    "page_key_out": ("梯度从这个节点流出", "the gradient flows out of this node"),
    "page_key_edge": ("这一步经过的边", "the edge of this step"),
    "page_key_in": ("梯度流入的节点", "the node the gradient flows into"),
    "page_prev": ("← 上一步", "← Previous"),
    "page_next": ("下一步 →", "Next →"),
    "page_dot_missing": (
        "找不到 Graphviz 的 dot 程序，无法画出网页里的计算图。"
        "请安装 Graphviz：sudo apt-get install graphviz（macOS：brew install graphviz）",
        "Graphviz's dot program was not found, so the page's graph cannot be drawn. "
        "Install Graphviz: sudo apt-get install graphviz (macOS: brew install graphviz)",
    ),
    # --- notebook ------------------------------------------------------------
    "nb_label": ("标签", "label"),
    "nb_data": ("值 data", "data"),
    "nb_grad": ("梯度 grad", "grad"),
    # --- trace ----------------------------------------------------------------
    "trace_forward_title": ("前向传播（先算输入，再算输出）：", "Forward pass (inputs first):"),
    "trace_backward_title": (
        "反向传播：{n} 步链式法则，按执行的顺序",
        "Backward pass: {n} chain-rule steps, in the order they run",
    ),
    "trace_step": ("第 {k}/{n} 步", "step {k}/{n}"),
    "trace_seed": (
        "反向传播从 {root} 开始：{root} 对自己的导数 {d} = 1。之后每一步沿一条边把梯度往输入传一段：\n"
        "流入的贡献 = 上游梯度（{root} 对这条边输出端的导数）× 局部导数（只看这一个运算）。",
        "The backward pass starts at {root}: its derivative with respect to itself is {d} = 1. "
        "Each step then carries the gradient one edge further down:\n"
        "contribution = upstream gradient (of {root} with respect to the edge's output) × local "
        "derivative (of that one operation alone).",
    ),
    "trace_flow": (
        "{out} = {forward}，梯度从 {out} 流向 {inp}。",
        "{out} = {forward}: the gradient flows from {out} into {inp}.",
    ),
    "trace_local": ("局部导数：{why}{rule}。", "Local derivative: {why}{rule}."),
    "trace_first": (
        "{inp} 一共会收到 {n} 份贡献，这是第 1 份；到目前为止 {d} = {after}。",
        "{inp} receives {n} contributions in all; this is the first, so far {d} = {after}.",
    ),
    "trace_more": (
        "{inp} 的第 {i} 份贡献（共 {n} 份）加到已有的梯度上：{d} = {before} + {add} = {after}。",
        "Contribution {i} of {n} into {inp} is added to what it already has: "
        "{d} = {before} + {add} = {after}.",
    ),
    "trace_last": ("{inp} 的梯度到此不再变化。", "{inp}'s gradient is now final."),
    # why each op's local derivative is what it is (trace --style narrative)
    "why_+": ("和对每个加数的导数都是 1", "a sum changes one for one with each term, so it is 1"),
    "why_-": (
        "差对被减数的导数是 1，对减数的导数是 −1",
        "a difference has slope 1 in the first operand and −1 in the second",
    ),
    "why_neg": ("取负的导数是 −1", "negation has slope −1"),
    "why_*": (
        "积对一个因子的导数就是另一个因子",
        "a product's derivative with respect to one factor is the other factor",
    ),
    "why_/": (
        "商 a/b 对 a 的导数是 1/b，对 b 的导数是 −a/b²",
        "a quotient a/b has slope 1/b in a and −a/b² in b",
    ),
    "why_**": ("幂 xⁿ 的导数是 n·xⁿ⁻¹", "the power xⁿ has derivative n·xⁿ⁻¹"),
    "why_pow": (
        "a^b 对 a 的导数是 b·a^(b − 1)，对 b 的导数是 a^b·log(a)",
        "a^b has slope b·a^(b − 1) in a and a^b·log(a) in b",
    ),
    "why_exp": ("exp 的导数就是它自己", "exp is its own derivative"),
    "why_log": ("log x 的导数是 1/x", "log x has derivative 1/x"),
    "why_sigmoid": (
        "σ 的导数可以只用它的输出来写",
        "σ's derivative can be written with its output alone",
    ),
    "why_tanh": ("tanh 的导数也可以只用它的输出来写", "tanh's derivative too is written with its output"),
    "why_relu": (
        "ReLU 在输入为正时斜率是 1，否则是 0",
        "ReLU has slope 1 where its input is positive and 0 elsewhere",
    ),
    "why_wsum": (
        "加权和对 wᵢ 的导数是 xᵢ，对 xᵢ 的导数是 wᵢ，对 b 的导数是 1",
        "a weighted sum has slope xᵢ in wᵢ, wᵢ in xᵢ and 1 in b",
    ),
    "why_custom": (
        "自定义运算 {op}，局部导数来自它自己的 _backward",
        "the custom op {op}: its own _backward gives the local derivative",
    ),
    "trace_col_step": ("步", "step"),
    "trace_col_edge": ("输出 → 输入", "output → input"),
    "trace_col_upstream": ("上游 ∂{root}/∂输出", "upstream ∂{root}/∂out"),
    "trace_col_formula": ("局部导数公式", "local formula"),
    "trace_col_local": ("局部导数值", "local value"),
    "trace_col_contribution": ("贡献 = 上游×局部", "contribution"),
    "trace_col_grad": ("输入的 ∂{root}/∂输入（累计）", "input's ∂{root}/∂in so far"),
    "trace_leaves_title": (
        "每个叶子的梯度 = 流入它的各项贡献之和：",
        "Each leaf's gradient = the sum of the contributions flowing into it:",
    ),
    "trace_params_title": (
        "每个参数的梯度 = 流入它的各项贡献之和（数据 {data} 不求导）：",
        "Each parameter's gradient = the sum of the contributions flowing into it "
        "(the data {data} are not differentiated):",
    ),
    "trace_params_only_title": (
        "每个参数的梯度 = 流入它的各项贡献之和：",
        "Each parameter's gradient = the sum of the contributions flowing into it:",
    ),
    "trace_no_leaves": ("（没有带名字的叶子收到梯度）", "(no named leaf received a gradient)"),
    "trace_no_steps": (
        "没有链式法则的步骤：根节点本身就是叶子（{d} = 1），梯度不再往下传。",
        "No chain-rule steps: the root is itself a leaf ({d} = 1), so no gradient flows further.",
    ),
    "trace_only_constants": (
        "没有链式法则的步骤：{root} 只由常数算出，没有要求导的输入（常数不求导）。",
        "No chain-rule steps: {root} is computed from constants only, so there is no input to "
        "differentiate (constants are not).",
    ),
    "trace_bad_style": (
        "未知的输出样式 {style}；可选：table、narrative、equations",
        "unknown style {style}; choose table, narrative or equations",
    ),
    "step_help": (
        "回车或 n：下一步　p：上一步　q：退出",
        "Enter or n: next   p: back   q: quit",
    ),
    "step_end": ("（已到最后一步；回车或 q 退出，p 返回）", "(last page; Enter or q quits, p goes back)"),
    "step_unknown_key": ("不认识的按键 {pressed}", "unknown key {pressed}"),
    # --- quiz, exercise sheets and exports (predict, then reveal) ----------------
    "quiz_intro": (
        "每一步请先算出{what}，再看答案。\n可以写数或算式（如 0.25*2、1/8、-0.5）；"
        "与正确值相差不超过 0.1% 或 0.0005 就算对。答错一次给提示，再错就揭晓答案。输入 q 退出。",
        "At each step, work out {what} before you see it.\nWrite a number or arithmetic "
        "(e.g. 0.25*2, 1/8, -0.5); within 0.1% or 0.0005 of the value counts as right. "
        "A wrong answer gets a hint and one more try, then the answer is shown. Type q to quit.",
    ),
    "quiz_what_contribution": (
        "沿这条边流过的贡献（上游梯度 × 局部导数）",
        "what flows along the edge (upstream gradient × local derivative)",
    ),
    "quiz_what_local": ("这条边的局部导数", "the edge's local derivative"),
    "quiz_what_grad": ("这一步之后输入节点累计的梯度", "the gradient the input holds after the step"),
    "quiz_ask_contribution": (
        "沿这条边流入 {inp} 的贡献 = 上游 × 局部导数 = ?",
        "what flows into {inp} along this edge = upstream × local derivative = ?",
    ),
    "quiz_ask_local": (
        "局部导数 {d} = ?（只看 {out} = {forward} 这一个运算）",
        "the local derivative {d} = ? (of {out} = {forward} alone)",
    ),
    "quiz_ask_grad": ("这一步之后 {d} = ?", "after this step, {d} = ?"),
    "quiz_share": (
        "（{inp} 一共收到 {n} 份贡献，这是第 {i} 份）",
        "({inp} receives {n} contributions; this is number {i})",
    ),
    "quiz_hint": (
        "提示：上游梯度 {d} = {upstream}；局部导数是 {formula}。",
        "Hint: the upstream gradient is {d} = {upstream}; the local derivative is {formula}.",
    ),
    "quiz_hint_before": ("{inp} 之前已累计 {d} = {before}。", "{inp} already holds {d} = {before}."),
    "quiz_right": ("✓ 对！", "✓ Right!"),
    "quiz_wrong": ("✗ 不对。", "✗ Not quite."),
    "quiz_reveal": ("✗ 还是不对。答案：", "✗ Still not it. The answer:"),
    "quiz_unreadable": ("看不懂这个答案：{detail}", "cannot read this answer: {detail}"),
    "quiz_score": ("得分：{right} / {total}", "score: {right} / {total}"),
    "quiz_stopped": ("（共 {total} 步，答完 {asked} 步后结束）", "(stopped after {asked} of {total} steps)"),
    "quiz_bad_ask": ("未知的提问方式 {ask}；可选：{choices}", "unknown question kind {ask}; choose {choices}"),
    "answer_empty": (
        "答案是空的：请写一个数或算式，如 0.25*2",
        "the answer is empty: write a number or arithmetic, e.g. 0.25*2",
    ),
    "answer_syntax": (
        "{text} 不是一个数或算式（可以写 0.25*2、1/8、-0.5）",
        "{text} is not a number or arithmetic (write e.g. 0.25*2, 1/8, -0.5)",
    ),
    "answer_name": ("答案里不能有名字 {name}：请写出它的数值", "an answer holds no names ({name}): write its value"),
    "cli_quiz_help": (
        "测验：每一步先让你算出答案（答错给提示，再错揭晓），最后给出得分",
        "quiz: predict each step before it is shown (a hint after a wrong answer, then the answer), with a score",
    ),
    "cli_ask_help": (
        "测验问什么：contribution（贡献 = 上游 × 局部，默认）、local（局部导数）或 grad（累计梯度）",
        "what the quiz asks: contribution (upstream × local, default), local (the local "
        "derivative) or grad (the gradient so far)",
    ),
    "page_quiz_help": (
        "测验：每一步先在框里写出{what}（数或算式，如 0.25*2），按“检查”或回车；"
        "答错一次给提示，再错或按“揭晓”就显示答案。",
        "Quiz: at each step write {what} in the box (a number or arithmetic, e.g. 0.25*2) and "
        "press Check or Enter; a wrong answer gets a hint, a second one or Reveal shows the answer.",
    ),
    "page_quiz_answer": ("你的答案", "your answer"),
    "page_quiz_check": ("检查", "Check"),
    "page_quiz_show": ("揭晓", "Reveal"),
    "page_quiz_start": ("按“下一步”开始测验", "Press Next to start the quiz"),
    "page_quiz_revealed": ("答案：", "The answer:"),
    "page_quiz_unreadable": (
        "看不懂这个答案：请写一个数或算式（数字、+ − × ÷ 和括号）",
        "cannot read this answer: write a number or arithmetic (digits, + − × ÷ and parentheses)",
    ),
    "exercise_title": (
        "课堂练习：反向传播（种子 {seed}，难度 {level}）",
        "Exercises: backpropagation (seed {seed}, level {level})",
    ),
    "exercise_intro": (
        "每道题先做前向计算，再用链式法则一步步求出 f 对每个输入的梯度。"
        "每一步：流入的贡献 = 上游梯度 × 局部导数；同一个节点收到的各份贡献相加。",
        "For each exercise, compute the forward pass, then the gradient of f with respect to each "
        "input, one chain-rule step at a time: contribution = upstream gradient × local derivative; "
        "the contributions a node receives add up.",
    ),
    "exercise_item": ("第 {k} 题", "Exercise {k}"),
    "exercise_values": ("取值：{values}", "Values: {values}"),
    "exercise_find": ("求：{wanted}", "Find: {wanted}"),
    "exercise_answers": ("答案：{answers}", "Answers: {answers}"),
    "exercise_key": ("答案", "Answer key"),
    "exercise_bad_level": ("未知的难度 {level}；可选：{choices}", "unknown level {level}; choose {choices}"),
    "exercise_bad_count": (
        "题目数量必须在 1 到 {limit} 之间，收到 {count}",
        "the number of exercises must be between 1 and {limit}, got {count}",
    ),
    "cli_exercise_help": (
        "生成一张反向传播练习题（随机表达式，附答案：每个输入的梯度和每一步链式法则）",
        "write a sheet of backpropagation exercises (random expressions, with a key: every "
        "input's gradient and every chain-rule step)",
    ),
    "cli_exercise_seed_help": (
        "随机种子：同一个种子在任何机器上都给出同一张题",
        "random seed: the same seed gives the same sheet on every machine",
    ),
    "cli_exercise_count_help": ("题目数量（默认 5，最多 100）", "how many exercises (default 5, at most 100)"),
    "cli_exercise_level_help": (
        "难度：1 单个表达式；2 一个命名步骤被用两次（梯度累加）；3 两个命名步骤",
        "level: 1 one expression; 2 a named step used twice (gradients add up); 3 two named steps",
    ),
    "cli_exercise_no_key_help": ("不附答案", "leave the answer key out"),
    "cli_exercise_format_help": (
        "输出格式：md（Markdown，默认）、json（给其他程序）或 html（一页可打印的网页）",
        "output format: md (Markdown, default), json (for other tools) or html (one printable page)",
    ),
    "cli_output_help": ("写入这个文件，而不是打印出来", "write to this file instead of printing"),
    "cli_written": ("已写入 {path}", "wrote {path}"),
    "cli_trace_style_help": (
        "步骤的排法：table（表格）、narrative（逐句）或 equations（每步一行链式法则）；"
        "默认 table，--format latex 时默认 equations",
        "how the steps are laid out: table, narrative (sentences) or equations (one chain-rule line "
        "per step); default table, equations for --format latex",
    ),
    "cli_trace_format_help": (
        "输出格式：table 或 narrative（终端文字，默认 table）、md（Markdown）、"
        "latex（align 公式块，可直接放进幻灯片）、json（每一步的数，供其他程序使用）",
        "output format: table or narrative (terminal text, default table), md (Markdown), "
        "latex (align blocks, ready for slides) or json (every step's numbers, for other tools)",
    ),
    # --- logistic ---------------------------------------------------------------
    "logistic_title": (
        "一个逻辑回归神经元，一个样本：z = w·x + b，a = σ(z)，L = −[y·log(a) + (1 − y)·log(1 − a)]",
        "One logistic neuron, one sample: z = w·x + b, a = σ(z), L = −[y·log(a) + (1 − y)·log(1 − a)]",
    ),
    "logistic_checks_title": (
        "闭式公式对照（闭式只用前向得到的值计算，与反向传播互相独立）：",
        "Closed forms (evaluated from the forward values only, independent of backprop):",
    ),
    "logistic_batch_title": (
        "一个逻辑回归神经元，{m} 个样本，w 与 b 共享；代价 J = (1/m) Σ L⁽ⁱ⁾：",
        "One logistic neuron on {m} samples sharing w and b; cost J = (1/m) Σ L⁽ⁱ⁾:",
    ),
    "logistic_cost": ("J = (1/{m}) Σ L⁽ⁱ⁾ = {cost}", "J = (1/{m}) Σ L⁽ⁱ⁾ = {cost}"),
    "logistic_batch_checks_title": (
        "∂J/∂w = (1/m) X (A−Y)ᵀ 与 ∂J/∂b = mean(A−Y)（X 每列一个样本），对照引擎的反向传播：",
        "∂J/∂w = (1/m) X (A−Y)ᵀ and ∂J/∂b = mean(A−Y) (X has one column per sample) "
        "against the engine:",
    ),
    "logistic_col_name": ("导数", "derivative"),
    "logistic_col_formula": ("闭式公式", "closed form"),
    "logistic_col_engine": ("引擎（反向传播）", "engine (backprop)"),
    "logistic_col_closed": ("闭式的值", "closed form value"),
    "logistic_col_diff": ("差的绝对值", "|difference|"),
    "logistic_agree": (
        "最大差 {diff}：引擎与闭式公式一致（只差浮点舍入）。",
        "largest difference {diff}: the engine agrees with the closed forms (up to rounding).",
    ),
    "logistic_bad_number": (
        "逻辑回归：{what} 必须是有限的实数，收到 {value}",
        "logistic: {what} must be a finite real number, got {value}",
    ),
    "logistic_bad_vector": (
        "逻辑回归：{what} 必须是非空的数字列表，收到 {value}",
        "logistic: {what} must be a non-empty list of numbers, got {value}",
    ),
    "logistic_bad_label": (
        "逻辑回归：标签 {what} 必须在 [0, 1] 内（通常是 0 或 1），收到 {value}",
        "logistic: the label {what} must lie in [0, 1] (usually 0 or 1), got {value}",
    ),
    "logistic_lengths": (
        "逻辑回归：{what} 有 {nx} 个数，w 有 {nw} 个，二者必须一样多",
        "logistic: {what} has {nx} numbers but w has {nw}; they must match",
    ),
    "logistic_count": (
        "逻辑回归：有 {m} 个样本 x，却有 {ny} 个标签 y，二者必须一样多",
        "logistic: {m} samples x but {ny} labels y; they must match",
    ),
    "logistic_saturated": (
        "逻辑回归：z{tag} = {z} 太大，σ(z) 在浮点数里恰好等于 {a}，log a 或 log(1−a) 无定义；"
        "请用更小的 w、b 或 x",
        "logistic: z{tag} = {z} is so large that σ(z) is exactly {a} in floating point, "
        "so log a or log(1−a) is undefined; use smaller w, b or x",
    ),
    # --- bp -----------------------------------------------------------------------
    "bp_title": (
        "BP1–BP4 逐个标量：网络 {arch}，代价 C = {cost}",
        "BP1–BP4 one scalar at a time: network {arch}, cost C = {cost}",
    ),
    "bp_sample": (
        "样本 x = {x}，目标 y = {y}；输出 a{L} = {out}，C = {c}",
        "sample x = {x}, target y = {y}; output a{L} = {out}, C = {c}",
    ),
    "bp_equations": (
        "δˡⱼ = ∂C/∂zˡⱼ。“公式”一列只用前向的 z、a 按 BP1–BP4 计算；“引擎”一列是反向传播的 .grad。",
        "δˡⱼ = ∂C/∂zˡⱼ. The formula columns use only the forward z and a with BP1–BP4; "
        "the engine columns are backprop's .grad.",
    ),
    "bp_layer_out": (
        "第 {l} 层（输出层）。BP1：δ{s} = ∇ₐC ⊙ {slope}，其中 {grad}；BP3：∂C/∂b{s}ⱼ = δ{s}ⱼ",
        "Layer {l} (output). BP1: δ{s} = ∇ₐC ⊙ {slope} with {grad}; BP3: ∂C/∂b{s}ⱼ = δ{s}ⱼ",
    ),
    "bp_layer_hidden": (
        "第 {l} 层。BP2：δ{s} = ((w{next})ᵀ δ{next}) ⊙ {slope}；BP3：∂C/∂b{s}ⱼ = δ{s}ⱼ",
        "Layer {l}. BP2: δ{s} = ((w{next})ᵀ δ{next}) ⊙ {slope}; BP3: ∂C/∂b{s}ⱼ = δ{s}ⱼ",
    ),
    "bp_bp4": (
        "BP4：∂C/∂w{l}ⱼₖ = a{prev}ₖ · δ{l}ⱼ",
        "BP4: ∂C/∂w{l}ⱼₖ = a{prev}ₖ · δ{l}ⱼ",
    ),
    "bp_col_grad_a": ("∂C/∂a{l}ⱼ", "∂C/∂a{l}ⱼ"),
    "bp_col_delta": ("δ{l}ⱼ（公式）", "δ{l}ⱼ (formula)"),
    "bp_col_delta_engine": ("δ{l}ⱼ（引擎 z.grad）", "δ{l}ⱼ (engine z.grad)"),
    "bp_col_b_engine": ("∂C/∂b{l}ⱼ（引擎）", "∂C/∂b{l}ⱼ (engine)"),
    "bp_col_w_engine": ("∂C/∂w{l}ⱼₖ（引擎）", "∂C/∂w{l}ⱼₖ (engine)"),
    "bp_col_diff": ("差", "|diff|"),
    "bp_summary": (
        "公式与引擎的最大差：BP1 {bp1}，BP2 {bp2}，BP3 {bp3}，BP4 {bp4}",
        "largest |formula − engine|: BP1 {bp1}, BP2 {bp2}, BP3 {bp3}, BP4 {bp4}",
    ),
    "bp_cost_title": (
        "计算量对比（同一网络、同一样本，N = {n} 个参数）：",
        "Cost comparison (same network and sample, N = {n} parameters):",
    ),
    "bp_cost_fd": (
        "  有限差分（中心差分，h = {h}）：每个参数前向 2 次，共 {passes} 次前向（2N，N = {n}）",
        "  finite differences (central, h = {h}): 2 forward passes per parameter, "
        "{passes} in all (2N, N = {n})",
    ),
    "bp_cost_fd_forward": (
        "  （单侧差分 (C(w+h) − C(w))/h 需要 N+1 = {passes} 次前向，但误差是 O(h) 而不是 O(h²)）",
        "  (one-sided differences (C(w+h) − C(w))/h need N+1 = {passes} forward passes, "
        "with error O(h) instead of O(h²))",
    ),
    "bp_cost_bp": (
        "  反向传播：{fwd} 次前向 + {bwd} 次反向，得到全部 N 个梯度",
        "  backpropagation: {fwd} forward + {bwd} backward pass for all N gradients",
    ),
    "bp_cost_time": (
        "  耗时：有限差分 {fd} ms，反向传播 {bp} ms（约 {ratio} 倍）",
        "  time: finite differences {fd} ms, backpropagation {bp} ms (about {ratio}×)",
    ),
    "bp_cost_agree": (
        "  两种方法的最大差：{diff}",
        "  largest difference between the two: {diff}",
    ),
    "bp_bad_cost": ("未知的代价 {cost}；可选：{choices}", "unknown cost {cost}; choose one of: {choices}"),
    "bp_length": (
        "BP：{what} 需要 {n} 个数，收到 {value}",
        "BP: {what} needs {n} numbers, got {value}",
    ),
    "bp_bad_number": (
        "BP：{what} 的每一项都必须是有限的实数，收到 {value}",
        "BP: every entry of {what} must be a finite real number, got {value}",
    ),
    "bp_ce_needs_sigmoid": (
        "BP：交叉熵代价需要输出层用 sigmoid（输出必须是 (0, 1) 内的概率），现在是 {act}",
        "BP: the cross-entropy cost needs a sigmoid output layer (outputs must be "
        "probabilities in (0, 1)), got {act}",
    ),
    "bp_ce_label": (
        "BP：交叉熵的目标 y 必须在 [0, 1] 内，收到 {value}",
        "BP: cross-entropy targets y must lie in [0, 1], got {value}",
    ),
    "bp_ce_saturated": (
        "BP：输出 σ(z) 在浮点数里恰好等于 {a}，交叉熵的 log 无定义；请换一个种子或更小的输入",
        "BP: an output σ(z) is exactly {a} in floating point, so cross-entropy's log is "
        "undefined; try another seed or smaller inputs",
    ),
    "bp_too_large": (
        "BP：这个网络有 {count} 个参数，逐个神经元的报告最多 {limit} 个（请用更小的网络）",
        "BP: this network has {count} parameters; the per-neuron report allows at most {limit} "
        "(use a smaller network)",
    ),
    "bp_sizes": (
        "BP：层的大小需要至少两个正整数（输入个数和每层神经元个数），收到 {value}",
        "BP: sizes needs at least two positive integers (inputs, then neurons per layer), "
        "got {value}",
    ),
    # --- reports: logistic and bp as documents (names, data vs parameters, formats) --
    # (and trace's flow line for a node named by its own formula, e.g. log(a))
    "logistic_names": (
        "记号：ℓ₁ = y·log(a)，ℓ₂ = (1 − y)·log(1 − a)，它们的和 ℓ = ℓ₁ + ℓ₂ 是对数似然，L = −ℓ；"
        "1 − y 由 y 算出。",
        "Names: ℓ₁ = y·log(a), ℓ₂ = (1 − y)·log(1 − a), their sum ℓ = ℓ₁ + ℓ₂ is the "
        "log-likelihood, L = −ℓ; 1 − y is computed from y.",
    ),
    "logistic_params_only": (
        "x 和 y 是给定的数据，训练时不变，所以不对它们求导（种子文本 002）：下面只跟踪流向参数 w、b 的梯度"
        "（加 --data-grads 也跟踪到 x、y）。",
        "x and y are given data that training does not change, so they are not differentiated "
        "(seed text 002): below, only the gradient flowing into the parameters w, b is followed "
        "(--data-grads follows it into x and y too).",
    ),
    "logistic_data_grads": (
        "x 和 y 是数据，训练时不对它们求导；这里也把梯度一直跟踪到 x、y，并用闭式公式核对"
        "（∂L/∂xᵢ = wᵢ(a − y)，∂L/∂y = log(1 − a) − log(a) = −z）。",
        "x and y are data, not differentiated in training; here the gradient is followed into "
        "x and y as well and checked against closed forms "
        "(∂L/∂xᵢ = wᵢ(a − y), ∂L/∂y = log(1 − a) − log(a) = −z).",
    ),
    "trace_flow_named": (
        "梯度从 {out} 流向 {inp}。",
        "The gradient flows from {out} into {inp}.",
    ),
    "bp_numbering": (
        "层的编号与种子文本 001（Nielsen）相同：输入 x 是第 1 层（a¹ = x），第一组权重是 w²，"
        "输出层是第 L = {L} 层。",
        "Layers are numbered as in seed text 001 (Nielsen): the input x is layer 1 (a¹ = x), "
        "the first weights are w², the output layer is layer L = {L}.",
    ),
    "report_bad_format": (
        "未知的输出格式 {fmt}；可选：{choices}",
        "unknown output format {fmt}; choose one of: {choices}",
    ),
    "cli_report_format_help": (
        "输出格式：text（终端，默认）、md（Markdown）、latex 或 json",
        "output format: text (terminal, default), md (Markdown), latex or json",
    ),
    "cli_data_grads_help": (
        "也显示数据 x、y 的梯度（默认只跟踪参数 w、b）",
        "also show the gradients of the data x, y (by default only the parameters w, b)",
    ),
    # --- expr: expressions and name=value bindings ----------------------------
    "expr_at": ("“{segment}”（第 {col} 列）", "`{segment}` (column {col})"),
    "expr_not_text": (
        "表达式必须是字符串，收到 {kind}",
        "the expression must be a string, got {kind}",
    ),
    "expr_empty": ("表达式是空的", "the expression is empty"),
    "expr_too_long": (
        "表达式太长：{length} 个字符，最多 {limit} 个",
        "the expression is too long: {length} characters, at most {limit}",
    ),
    "expr_too_deep": (
        "表达式嵌套太深：超过 {limit} 层",
        "the expression is nested too deeply: more than {limit} levels",
    ),
    "expr_too_many_nodes": (
        "表达式太大：超过 {limit} 个数、名字和运算",
        "the expression is too large: more than {limit} numbers, names and operations",
    ),
    "expr_syntax": (
        "表达式有语法错误，在第 {col} 列附近：{detail}",
        "syntax error in the expression near column {col}: {detail}",
    ),
    "expr_unparsable": ("无法解析", "cannot be parsed"),
    "expr_unsupported": (
        "表达式里不能用{what}：{where}",
        "{what} is not allowed in an expression: {where}",
    ),
    "expr_kind_attribute": ("属性访问", "attribute access"),
    "expr_kind_subscript": ("下标", "a subscript"),
    "expr_kind_lambda": ("匿名函数 lambda", "lambda"),
    "expr_kind_compare": ("比较", "a comparison"),
    "expr_kind_boolop": ("逻辑运算 and/or", "and/or"),
    "expr_kind_ifexp": ("条件表达式", "a conditional expression"),
    "expr_kind_collection": ("列表、元组、集合或字典", "a list, tuple, set or dict"),
    "expr_kind_comprehension": ("推导式", "a comprehension"),
    "expr_kind_string": ("字符串", "a string"),
    "expr_kind_constant": ("这种常量（只能用实数）", "this constant (only real numbers)"),
    "expr_kind_walrus": ("赋值 :=", "assignment :="),
    "expr_kind_starred": ("星号 *", "a star *"),
    "expr_kind_await": ("异步等待 await", "await"),
    "expr_kind_other": ("这种写法", "this construct"),
    "expr_operator": (
        "不支持运算符 {op}（可用 + - * / **）：{where}",
        "operator {op} is not supported (use + - * / **): {where}",
    ),
    "expr_unary": (
        "不支持一元运算 {op}（只能用负号 -）：{where}",
        "unary {op} is not supported (only minus -): {where}",
    ),
    "expr_call": (
        "只能调用 {functions}：{where}",
        "only {functions} can be called: {where}",
    ),
    "expr_call_args": (
        "{name} 只接受一个参数，例如 {name}(x)：{where}",
        "{name} takes exactly one argument, e.g. {name}(x): {where}",
    ),
    "expr_exponent": (
        "** 的指数必须是一个数（例如 x**2、x**-0.5）：{where}",
        "the exponent of ** must be a number (e.g. x**2, x**-0.5): {where}",
    ),
    "expr_exponent_big": (
        "指数 {n} 太大（绝对值最多 {limit}）：{where}",
        "the exponent {n} is too large (at most {limit} in absolute value): {where}",
    ),
    "expr_bad_number": (
        "数 {value} 不是有限的实数：{where}",
        "the number {value} is not a finite real number: {where}",
    ),
    "expr_dunder": (
        "不允许以 __ 开头的名字 {name}：{where}",
        "names starting with __ such as {name} are not allowed: {where}",
    ),
    "expr_function_name": (
        "{name} 是函数，要写成 {name}(…)：{where}",
        "{name} is a function; write {name}(…): {where}",
    ),
    "expr_unbound": (
        "名字 {names} 没有给值；请在表达式后面加上 {first}=数值",
        "no value given for {names}; add {first}=NUMBER after the expression",
    ),
    "expr_unused": (
        "给了值但表达式里没有用到：{names}",
        "given a value but not used in the expression: {names}",
    ),
    "bind_syntax": (
        "赋值必须写成 名字=数值，例如 x=2，收到 {item}",
        "a binding must look like name=number, e.g. x=2, got {item}",
    ),
    "bind_name": (
        "名字 {name} 不合法：须是标识符（字母、汉字、数字、下划线，不以数字开头，最多 {limit} 个字符），"
        "不能是 Python 关键字，也不能以 __ 开头",
        "invalid name {name}: it must be an identifier (letters, digits, underscores, not starting "
        "with a digit, at most {limit} characters), not a Python keyword, not starting with __",
    ),
    "bind_reserved": (
        "{name} 是函数名，不能用作变量名",
        "{name} is a function name and cannot be a variable",
    ),
    "bind_value": (
        "{name} 的值必须是数，收到 {value}",
        "the value of {name} must be a number, got {value}",
    ),
    "bind_not_finite": (
        "{name} 的值必须是有限的实数，收到 {value}",
        "the value of {name} must be a finite real number, got {value}",
    ),
    "bind_duplicate": (
        "名字 {name} 被赋值了两次",
        "{name} is given a value twice",
    ),
    # --- expr: named steps (z = w*x + b; a = sigmoid(z); L = …) ----------------
    "expr_at_line": ("“{segment}”（第 {line} 行第 {col} 列）", "`{segment}` (line {line}, column {col})"),
    "expr_syntax_line": (
        "表达式有语法错误，在第 {line} 行第 {col} 列附近：{detail}",
        "syntax error in the expression near line {line}, column {col}: {detail}",
    ),
    "expr_statement": (
        "不能用{what}；只能写“名字 = 表达式”这样的步骤，用 ; 或换行分开：{where}",
        "{what} is not allowed; write steps of the form name = expression, separated by ; or new lines: {where}",
    ),
    "expr_stmt_import": ("导入 import", "import"),
    "expr_stmt_delete": ("删除 del", "del"),
    "expr_stmt_loop": ("循环", "a loop"),
    "expr_stmt_if": ("条件语句 if", "an if statement"),
    "expr_stmt_def": ("函数或类的定义", "a function or class definition"),
    "expr_stmt_annotation": ("类型标注", "a type annotation"),
    "expr_stmt_other": ("这种语句", "this statement"),
    "expr_augmented": (
        "不能用 {op}=：每个名字是一个节点，只赋值一次；新的值请起新的名字：{where}",
        "{op}= is not allowed: each name is one node, assigned once; give the new value a new name: {where}",
    ),
    "expr_chained": (
        "一步只能给一个名字赋值（把 a = b = … 拆成两步）：{where}",
        "one step names one node (split a = b = … into two steps): {where}",
    ),
    "expr_target": (
        "只能给一个名字赋值，例如 z = w*x + b：{where}",
        "only a single name can be assigned, e.g. z = w*x + b: {where}",
    ),
    "expr_not_last": (
        "只有最后一步可以不起名字；请给这一步起名，例如 a = …：{where}",
        "only the last step may be a bare expression; give this one a name, e.g. a = …: {where}",
    ),
    "expr_reassigned": (
        "名字 {name} 被赋值了两次（每个名字是一个节点，只能赋值一次）：{where}",
        "{name} is assigned twice (each name is one node, assigned once): {where}",
    ),
    "expr_used_before": (
        "名字 {name} 在赋值之前就用到了：{where}",
        "{name} is used before it is assigned: {where}",
    ),
    "expr_shadow_function": (
        "{name} 是函数名，不能用作步骤的名字：{where}",
        "{name} is a function name and cannot name a step: {where}",
    ),
    "expr_shadow_binding": (
        "{name} 已经给了值（{name}=…），不能在表达式里再赋值：{where}",
        "{name} is given a value ({name}=…) and cannot also be assigned in the expression: {where}",
    ),
    "expr_step_alias": (
        "{name} = {other} 没有计算新的节点，只是给 {other} 另起一个名字；请直接用 {other}：{where}",
        "{name} = {other} computes no new node, it only gives {other} a second name; use {other} directly: {where}",
    ),
    "expr_step_constant": (
        "{name} 只是一个数，不是一步计算；请把它写成 {name}=数值 放在表达式后面：{where}",
        "{name} is just a number, not a computed step; give it as {name}=NUMBER after the expression: {where}",
    ),
    "expr_step_unused": (
        "算出了 {name}，但结果没有用到它：{where}",
        "{name} is computed but the result does not use it: {where}",
    ),
    # --- viz: computation graphs ---------------------------------------------
    "viz_data": ("值", "data"),
    "viz_grad": ("梯度", "grad"),
    "viz_local": (
        "{forward} 对这个输入的局部导数 = {formula}",
        "local derivative of {forward} for this input = {formula}",
    ),
    "viz_legend": ("图例", "legend"),
    "viz_kind_param": ("参数", "parameter"),
    "viz_kind_data": ("数据（有名字的叶子，如 x、y）", "data (a named leaf, such as x, y)"),
    "viz_kind_const": ("常数", "constant"),
    "viz_kind_result": ("中间结果（双框：输出）", "intermediate result (double border: output)"),
    "viz_kind_op": ("运算", "operation"),
    "viz_not_value": (
        "画图需要一个 Value，收到 {kind}",
        "drawing needs a Value, got {kind}",
    ),
    "viz_rankdir": (
        "rankdir 取值无效：{value}；可选：{choices}",
        "invalid rankdir {value}; choose one of: {choices}",
    ),
    "viz_too_large": (
        "计算图超过 {limit} 个值，画出来既慢又看不清；请画更小的表达式，"
        "神经网络请用融合神经元（fused=True）和更少的神经元，或调大 max_nodes",
        "the graph has more than {limit} values: too slow to lay out and unreadable; draw a smaller "
        "expression, use fused neurons (fused=True) and fewer of them, or raise max_nodes",
    ),
    "viz_highlight_value": (
        "要高亮的 Value 不在这张图里：{value}",
        "the Value to highlight is not in this graph: {value}",
    ),
    "viz_highlight_id": (
        "要高亮的 {value} 不是这张图里的编号（如 v3、o3、e1_3、r3）",
        "{value} is not an id of this graph (such as v3, o3, e1_3, r3)",
    ),
    "viz_format": (
        "无法识别输出文件 {path} 的格式；文件名须以下列之一结尾：{choices}",
        "cannot tell the format of the output file {path}; its name must end in one of: {choices}",
    ),
    "viz_no_dir": (
        "输出目录 {dir} 不存在；请先创建它",
        "the output directory {dir} does not exist; create it first",
    ),
    "viz_dot_missing": (
        "找不到 Graphviz 的 dot 程序，无法生成 {path}（DOT 源文件已写入 {dot}）。"
        "请安装 Graphviz：sudo apt-get install graphviz（macOS：brew install graphviz）",
        "Graphviz's dot program was not found, so {path} was not made (the DOT source is in {dot}). "
        "Install Graphviz: sudo apt-get install graphviz (macOS: brew install graphviz)",
    ),
    "viz_write_failed": ("无法写入 {path}：{detail}", "cannot write {path}: {detail}"),
    "viz_dot_failed": (
        "Graphviz 的 dot 运行失败：{detail}",
        "Graphviz's dot failed: {detail}",
    ),
    # --- networks on the projector (issue 11): groups, projector, step page, layer view, paths
    "viz_not_model": (
        "model 需要一个 nn 的网络（有 parameters() 和 groups()），收到 {kind}",
        "model needs an nn network (with parameters() and groups()), got {kind}",
    ),
    "viz_group_input": ("第 1 层（输入）", "layer 1 (input)"),
    "viz_group_layer": ("第 {l} 层", "layer {l}"),
    "viz_group_layer_alone": ("层", "layer"),
    "viz_group_neuron": ("神经元 {j}", "neuron {j}"),
    "viz_group_neuron_alone": ("神经元", "neuron"),
    "viz_kind_group": ("网络的一层（虚线框：一个神经元）", "a layer of the network (dashed: one neuron)"),
    "paths_wrt_not_value": (
        "paths：wrt 需要图里的一个 Value，收到 {kind} {value}",
        "paths: wrt must be a Value of the graph, got {kind} {value}",
    ),
    "paths_wrt_not_in_graph": (
        "paths：{value} 不在 {root} 的计算图里，没有从 {root} 通向它的路径",
        "paths: {value} is not in the graph of {root}, so no path leads to it",
    ),
    "paths_too_many": (
        "从 {root} 到 {wrt} 有 {n} 条路径，超过上限 {limit}（共用的节点越多，路径数按指数增长）。"
        "请用 micrograd-cn trace 逐边查看：反向传播每条边只走一次，共 {edges} 条边",
        "there are {n} paths from {root} to {wrt}, more than the limit of {limit} (shared nodes "
        "make paths multiply exponentially). Use micrograd-cn trace to go edge by edge: "
        "backpropagation takes each of the {edges} edges once",
    ),
    "paths_none": (
        "{wrt} 不影响 {root}：没有从 {root} 到 {wrt} 的路径，{d} = 0",
        "{wrt} does not affect {root}: no path leads from {root} to {wrt}, so {d} = 0",
    ),
    "paths_title": (
        "从 {root} 到 {wrt} 的路径：{n} 条。链式法则：沿每条路径把局部导数相乘，再把各条路径的乘积相加，就是 {d}。",
        "Paths from {root} to {wrt}: {n}. The chain rule: multiply the local derivatives "
        "along each path, then add the paths' products to get {d}.",
    ),
    "paths_path": ("路径 {k}：{route}", "path {k}: {route}"),
    "paths_sum": ("各条路径的乘积相加：", "the paths' products added up:"),
    "paths_one_edge": (
        "    这条路径只有一条边，乘积就是这条边的局部导数：",
        "    this path is a single edge: its product is that edge's local derivative:",
    ),
    "paths_backward": (
        "反向传播（每条边只走一次）给出的 {d} = {grad}",
        "backpropagation (each edge once) gives {d} = {grad}",
    ),
    "paths_unknown_name": (
        "--wrt：图里没有名为 {name} 的节点；可选：{names}",
        "--wrt: no node of the graph is called {name}; choose one of: {names}",
    ),
    "cli_paths_help": (
        "把一个导数写成所有路径上局部导数乘积之和（种子文本 002 的推导，带数字）",
        "write a derivative as the sum over all paths of the products of local derivatives (seed 002, with numbers)",
    ),
    "cli_wrt_help": (
        "对哪个名字求导（通常是一个输入或参数）",
        "the name to differentiate with respect to (usually an input or parameter)",
    ),
    "lv_page_title": ("BP1–BP4 逐层演示：{arch} 的网络", "BP1–BP4 layer by layer: a {arch} network"),
    "lv_help": (
        "用“上一步 / 下一步”按钮或方向键 ← → 逐步查看：先逐层前向，再 BP1、BP2 逐层反向，最后 BP3、BP4 得到参数的梯度。"
        "每个公式旁是引擎反向传播算出的 .grad。",
        "Use the Previous / Next buttons or the arrow keys ← → : the forward pass layer by layer, "
        "then BP1, BP2 backwards layer by layer, then BP3, BP4 for the parameters. Beside each "
        "formula stands the .grad that the engine's backward pass computed.",
    ),
    "lv_key_on": ("这一步算出的神经元", "neurons computed in this step"),
    "lv_key_used": ("这一步用到的神经元", "neurons this step uses"),
    "lv_key_edge": ("这一步用到的权重", "weights this step uses"),
    "lv_layer_input": ("第 {l} 层（输入）", "layer {l} (input)"),
    "lv_layer_output": ("第 {l} 层（输出）", "layer {l} (output)"),
    "lv_layer": ("第 {l} 层", "layer {l}"),
    "lv_engine": ("引擎", "engine"),
    "lv_linear": ("线性激活：a{l} = z{l}，σ′ = 1", "linear activation: a{l} = z{l}, σ′ = 1"),
    "lv_start_title": ("第 0 步：网络与样本", "step 0: the network and the sample"),
    "lv_start_arch": ("网络（每层神经元数与激活函数）：{arch}", "network (neurons and activation per layer): {arch}"),
    "lv_start_sample": ("样本：{x}；目标：{y}（输入是第 1 层：a¹ = x）",
                        "sample: {x}; targets: {y} (the input is layer 1: a¹ = x)"),
    "lv_start_cost": ("代价：{cost}", "cost: {cost}"),
    "lv_start_plan": (
        "δˡⱼ = ∂C/∂zˡⱼ 是第 l 层第 j 个神经元的误差；wˡⱼₖ 从第 l−1 层的神经元 k 连到第 l 层的神经元 j。",
        "δˡⱼ = ∂C/∂zˡⱼ is the error of neuron j of layer l; wˡⱼₖ goes from neuron k of "
        "layer l−1 to neuron j of layer l.",
    ),
    "lv_forward_title": ("前向：第 {l} 层（{act}）", "forward: layer {l} ({act})"),
    "lv_cost_title": ("代价 C：前向到此结束", "the cost C: the forward pass ends here"),
    "lv_bp1_title": ("BP1：输出层的误差", "BP1: the output layer's error"),
    "lv_bp1_eq": ("BP1：δ{L} = ∇ₐC ⊙ {slope}", "BP1: δ{L} = ∇ₐC ⊙ {slope}"),
    "lv_bp2_title": ("BP2：误差传回第 {l} 层", "BP2: the error flows back to layer {l}"),
    "lv_bp2_eq": ("BP2：δ{l} = ((w{next})ᵀ δ{next}) ⊙ {slope}", "BP2: δ{l} = ((w{next})ᵀ δ{next}) ⊙ {slope}"),
    "lv_bp3_title": ("BP3：第 {l} 层的偏置", "BP3: the biases of layer {l}"),
    "lv_bp3_eq": ("BP3：∂C/∂bˡⱼ = δˡⱼ", "BP3: ∂C/∂bˡⱼ = δˡⱼ"),
    "lv_bp4_title": ("BP4：第 {l} 层的权重", "BP4: the weights of layer {l}"),
    "lv_bp4_eq": ("BP4：∂C/∂wˡⱼₖ = aˡ⁻¹ₖ δˡⱼ", "BP4: ∂C/∂wˡⱼₖ = aˡ⁻¹ₖ δˡⱼ"),
    "lv_panel_title": (
        "第 {l} 层的矩阵形式（种子文本 003，一个样本 m = 1）",
        "layer {l} as matrices (seed 003, one sample m = 1)",
    ),
    "lv_too_large": (
        "逐层演示最多画 {layers} 层、每层 {neurons} 个神经元，收到 {sizes}；请用更小的网络",
        "the layer view draws at most {layers} layers of {neurons} neurons each, got {sizes}; use a smaller network",
    ),
    "lv_not_mlp": ("逐层演示需要一个 nn.MLP，收到 {kind}", "the layer view needs an nn.MLP, got {kind}"),
    "cli_bp_html_help": (
        "把逐层演示（BP1–BP4，带网络图与矩阵形状）写成一个网页文件，而不是打印报告",
        "write the layer view (BP1–BP4 on a drawing of the network, with matrix shapes) to a page "
        "instead of printing the report",
    ),
    "cli_bp_written": ("已写入 {path}：共 {n} 步，用浏览器打开即可（← → 翻页）",
                       "wrote {path}: {n} steps; open it in a browser (← → to step)"),
    "cli_projector_help": (
        "投影仪模式：大字号；PNG 至少 1600 像素宽",
        "projector mode: large type; a PNG at least 1600 pixels wide",
    ),
    # --- cli: the micrograd-cn command (help texts, its own lines) -------------
    "cli_prog_description": (
        "micrograd_cn：逐个标量的反向传播教学工具。每个子命令都可加 --lang en 改用英文。",
        "micrograd_cn: teach backpropagation one scalar at a time. Add --lang en to any subcommand for English.",
    ),
    "cli_lang_help": ("输出语言：zh（默认）或 en", "output language: zh (default) or en"),
    "cli_version_help": ("显示版本号并退出", "show the version and exit"),
    "cli_help_help": ("显示本帮助并退出", "show this help and exit"),
    "cli_commands": ("子命令", "commands"),
    "cli_error_prefix": ("错误：", "error: "),
    "cli_demo_help": (
        "运行一个课堂演示（打印关键数字并画图）",
        "run a classroom demo (prints its key numbers and draws its pictures)",
    ),
    "cli_demo_name_help": ("演示的名字", "which demo"),
    "cli_demo_out_help": ("图片写入的文件夹（默认 out/<名字>/）", "folder for the pictures (default out/<name>/)"),
    "cli_demo_no_plots_help": ("只打印数字，不画图", "print the numbers only, draw no pictures"),
    "cli_html_help": (
        "生成一个可在浏览器中逐步播放反向传播的网页（单个 HTML 文件，离线可用）",
        "write a page that steps through backpropagation in a browser (one HTML file, works offline)",
    ),
    "cli_html_out_help": ("输出的网页文件（默认 step.html）", "the page to write (default step.html)"),
    "cli_html_written": ("已写入 {path}：共 {n} 步，用浏览器打开即可（← → 翻页）",
                         "wrote {path}: {n} steps; open it in a browser (← → to step)"),
    # graph / trace / step / html
    "cli_expr_help": (
        "表达式，例如 \"sigmoid(w*x + b)\"；可用 + - * / **、负号、括号和 exp log sigmoid tanh relu。"
        "也可以写成用 ; 或换行分开的命名步骤，最后一步是结果，例如 \"z = w*x + b; a = sigmoid(z)\"，"
        "每个名字是图中的一个节点"
        "（以 - 开头时，把选项放在前面，表达式写在 -- 之后）",
        "the expression, e.g. \"sigmoid(w*x + b)\"; allowed: + - * / **, unary minus, parentheses and "
        "exp log sigmoid tanh relu. It may also be named steps separated by ; or new lines, the last one "
        "being the result, e.g. \"z = w*x + b; a = sigmoid(z)\"; each name is one node of the graph "
        "(if it starts with -, put the options first and the expression after --)",
    ),
    "cli_bindings_help": ("每个名字的值，例如 w=0.5 x=2 b=-1", "each name's value, e.g. w=0.5 x=2 b=-1"),
    # trace / step / logistic / bp
    "cli_not_a_number": ("不是有限的数：{value}", "not a finite number: {value}"),
    "cli_not_an_int": ("不是正整数：{value}", "not a positive integer: {value}"),
    "cli_style_help": ("输出样式：table（表格，默认）或 narrative（逐句）",
                       "output style: table (default) or narrative (sentences)"),
    "cli_trace_help": ("逐步打印反向传播的每一次链式法则", "print every chain-rule step of the backward pass"),
    "cli_step_help": ("交互式逐步查看反向传播（回车/n 下一步，p 上一步，q 退出）",
                      "step through the backward pass (Enter/n next, p back, q quit)"),
    "cli_all_help": ("一次打印全部步骤（没有终端时自动如此）",
                     "print every step at once (automatic without a terminal)"),
    "cli_logistic_help": ("逻辑回归神经元：逐步反向传播，并与闭式公式对照",
                          "the logistic neuron: backprop step by step, against the closed forms"),
    "cli_x_help": ("一个样本的输入；给多次 --x 就是多个样本（批量，J = 平均损失）",
                   "one sample's inputs; give --x several times for a batch (J = mean loss)"),
    "cli_y_help": ("标签，每个样本一个（0 或 1，或 [0, 1] 内的数）",
                   "labels, one per sample (0 or 1, or a number in [0, 1])"),
    "cli_w_help": ("权重 w₁ … wₙ", "weights w₁ … wₙ"),
    "cli_b_help": ("偏置 b", "bias b"),
    "cli_bp_help": ("BP1–BP4 逐个神经元对照引擎，并比较有限差分的计算量",
                    "BP1–BP4 neuron by neuron against the engine, and the cost of finite differences"),
    "cli_sizes_help": ("输入个数和每层的神经元个数，如 2 3 2", "inputs then neurons per layer, e.g. 2 3 2"),
    "cli_activation_help": ("隐藏层的激活函数", "activation of the hidden layers"),
    "cli_output_activation_help": ("输出层的激活函数", "activation of the output layer"),
    "cli_seed_help": ("初始化权重的随机种子", "random seed for the initial weights"),
    "cli_bp_x_help": ("一个样本的输入，个数与 --sizes 的第一个数相同（默认依次取 0.5, −1, 0.5, −1, …）",
                      "one sample's inputs, as many as the first of --sizes "
                      "(default: 0.5, −1, 0.5, −1, … in turn)"),
    "cli_bp_y_help": ("目标输出，个数与 --sizes 的最后一个数相同（默认依次取 1, 0, 1, 0, …）",
                      "target outputs, as many as the last of --sizes (default: 1, 0, 1, 0, … in turn)"),
    "cli_cost_help": ("代价：mse（½Σ(a−y)²）或 ce（交叉熵，需 sigmoid 输出）",
                      "cost: mse (½Σ(a−y)²) or ce (cross-entropy, needs a sigmoid output)"),
    "cli_no_compare_help": ("不做有限差分的计算量对比", "skip the finite-difference cost comparison"),
    "cli_no_timing_help": ("不打印耗时（输出完全确定）", "do not print times (fully deterministic output)"),
    # graph
    "cli_graph_help": (
        "由表达式建立计算图，反向传播，打印每个输入的值和梯度并画出图（SVG/PNG/PDF）",
        "build an expression's graph, run backward, print each input's value and gradient, draw it (SVG/PNG/PDF)",
    ),
    "cli_graph_output_help": (
        "输出文件（.svg、.png 或 .pdf，默认 graph.svg）；DOT 源文件写在旁边",
        "output file (.svg, .png or .pdf; default graph.svg); the DOT source is written beside it",
    ),
    "cli_graph_params_help": (
        "以参数颜色画出的名字，用逗号分隔，例如 w,b",
        "names to draw as parameters, comma-separated, e.g. w,b",
    ),
    "cli_graph_legend_help": ("在图中加上图例", "add a legend to the picture"),
    "cli_graph_order_help": (
        "按反向传播访问的顺序给节点编号（1 是输出）",
        "number the nodes in the order the backward pass visits them (1 is the output)",
    ),
    "cli_graph_rankdir_help": ("图的方向（默认 LR：从左到右）", "direction of the graph (default LR: left to right)"),
    "cli_graph_result": ("结果", "result"),
    "cli_graph_name": ("名字", "name"),
    "cli_graph_written": ("图已写入 {path}（DOT 源文件：{dot}）", "graph written to {path} (DOT source: {dot})"),
    "cli_graph_param_unknown": (
        "--params 里的 {name} 不是表达式中的名字",
        "{name} in --params is not a name in the expression",
    ),
    # argparse's own phrases (printf-style, as argparse fills them in); English = argparse's text
    "cli_argparse_positionals": ("位置参数", "positional arguments"),
    "cli_argparse_options": ("选项", "options"),
    "cli_argparse_argument": ("参数 %(argument_name)s：%(message)s", "argument %(argument_name)s: %(message)s"),
    "cli_argparse_required": ("缺少必需的参数：%s", "the following arguments are required: %s"),
    "cli_argparse_unrecognized": ("无法识别的参数：%s", "unrecognized arguments: %s"),
    "cli_argparse_one": ("需要一个值", "expected one argument"),
    "cli_argparse_at_most_one": ("最多需要一个值", "expected at most one argument"),
    "cli_argparse_at_least_one": ("至少需要一个值", "expected at least one argument"),
    "cli_argparse_choice": (
        "无效的取值 %(value)r（可选：%(choices)s）",
        "invalid choice: %(value)r (choose from %(choices)s)",
    ),
    "cli_argparse_type": ("无效的 %(type)s 值：%(value)r", "invalid %(type)s value: %(value)r"),
    "cli_argparse_ambiguous": (
        "选项 %(option)s 有歧义，可能是 %(matches)s",
        "ambiguous option: %(option)s could match %(matches)s",
    ),
    "cli_argparse_explicit": ("这个选项不接受值 %r", "ignored explicit argument %r"),
    # --- i18n itself ---------------------------------------------------------
    "unknown_lang": (
        "未知的语言 {value}；可选：zh、en",
        "unknown language {value}; choose zh or en",
    ),
}


def _initial_lang() -> str:
    lang = os.environ.get("MICROGRAD_CN_LANG", "zh").strip().lower()
    return lang if lang in LANGS else "zh"


_current = _initial_lang()


def get_lang() -> str:
    """The language used when a caller does not pass ``lang``."""
    return _current


def check_lang(lang: str | None) -> str:
    """Return ``lang`` (or the current language when None), validated."""
    if lang is None:
        return _current
    if lang not in LANGS:
        raise ValueError(t("unknown_lang", value=show(lang)))
    return lang


def set_lang(lang: str) -> None:
    """Choose the default language for messages: "zh" or "en"."""
    global _current
    _current = check_lang(lang)


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Temporarily switch the default language (``with language("en"): ...``)."""
    global _current
    previous, _current = _current, check_lang(lang)
    try:
        yield
    finally:
        _current = previous


def t(key: str, lang: str | None = None, **fields: object) -> str:
    """The message ``key`` in ``lang`` (default: the current language), filled in."""
    zh, en = MESSAGES[key]
    text = en if (lang or _current) == "en" else zh
    return text.format(**fields) if fields else text


def shorten(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters, the cut marked with …"""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Containers are described from their first few items, so that a list of thirty
# million numbers costs as little to describe as a list of three.
_CONTAINERS = (list, tuple, set, frozenset, dict)
_REPR = reprlib.Repr()
_REPR.maxlevel = 2
_REPR.maxlist = _REPR.maxtuple = _REPR.maxset = _REPR.maxfrozenset = 6
_REPR.maxdict = 4
_REPR.maxstring = _REPR.maxother = 60


def show(value: object, limit: int = 60) -> str:
    """A short, safe rendering of a user's value for an error message.

    Bounded work: a container shows its first items only, a long string is cut
    before ``repr`` sees it.
    """
    try:
        if type(value) in _CONTAINERS:
            text = _REPR.repr(value)
        elif isinstance(value, (str, bytes)):
            text = repr(value[: limit + 1])
        else:
            text = repr(value)
    except ValueError:  # an int too long for str() (Python limits it to 4300 digits)
        text = f"<{type(value).__name__} {value.bit_length()} bits>" if isinstance(value, int) \
            else f"<{type(value).__name__}>"
    return shorten(text, limit)
