"""Catalog part: engine errors, nn, the bridge and gradcheck.

Each entry is key -> (Chinese, English); ``i18n.t`` reads them all."""

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
    "bridge_mixed_layer": (
        "to_torch：第 {layer} 层的神经元激活函数不一致（神经元 {detail}）；torch 的一层只有一个"
        "激活函数，照搬会得到另一个网络。请让同一层的神经元用同一个激活函数",
        "to_torch: the neurons of layer {layer} differ in activation (neurons {detail}); a torch "
        "layer has one activation, so copying it would give another network. Give one layer's "
        "neurons one activation",
    ),
    "bridge_too_large": (
        "from_torch：这个网络有 {count} 个参数，超过上限 {limit}（每个参数都会变成一个标量 Value，"
        "这么大会又慢又占内存）",
        "from_torch: this network has {count} parameters, more than the limit of {limit} "
        "(each becomes a scalar Value: that many would be slow and large)",
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
    # --- i18n itself ---------------------------------------------------------
    "unknown_lang": (
        "未知的语言 {value}；可选：zh、en",
        "unknown language {value}; choose zh or en",
    ),
}
