"""Catalog part: the classroom demos.

Each entry is key -> (Chinese, English); ``i18n.t`` reads them all."""

MESSAGES: dict[str, tuple[str, str]] = {
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
        "损失 = {loss} + {alpha}·Σp²；{steps} 步 SGD，学习率 1.0 − 0.9·k/{steps}",
        "{n} points (make_moons, noise {noise}, seed {seed}); "
        "MLP(2, [16, 16, 1]) with {params} parameters, seed {model_seed}; "
        "loss = {loss} + {alpha}·Σp²; {steps} SGD steps, learning rate 1.0 − 0.9·k/{steps}",
    ),
    "moons_step": (
        "第 {k:3d}/{steps} 步  损失 {loss:.6f}  准确率 {acc:5.1f}%  学习率 {lr:.3f}",
        "step {k:3d}/{steps}  loss {loss:.6f}  accuracy {acc:5.1f}%  learning rate {lr:.3f}",
    ),
    "moons_final": (
        "训练 {steps} 步之后（第 {steps} 次更新之后）：损失 {loss}，训练准确率 {acc:.1f}%",
        "after {steps} steps (after update {steps}): loss {loss}, training accuracy {acc:.1f}%",
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
}
