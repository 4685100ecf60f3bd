"""Catalog part: homework and the fine print: a teacher's weights, dead ReLUs, class rosters and marking.

Each entry is key -> (Chinese, English); ``i18n.t`` reads them all."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- a teacher's weights (teach.weights) ------------------------------------
    "weights_bad_sizes": ("网络的层宽 {sizes} 不对：至少两层，每层是正整数。",
                          "the network's sizes {sizes} are not valid: at least two layers, each a positive integer."),
    "weights_not_mapping": ("权重应当是一个映射 {{\"W\": [...], \"b\": [...]}}，收到的是 {value}。",
                            "the weights must be a mapping {{\"W\": [...], \"b\": [...]}}, got {value}."),
    "weights_unknown_key": ("权重里有未知的键 {part}：只能有 W 和 b。",
                            "unknown key {part} in the weights: only W and b are allowed."),
    "weights_missing_key": ("权重缺少键 {part}（按层的顺序给出 {names}）。",
                            "the weights have no key {part} (give {names}, in layer order)."),
    "weights_not_list": ("权重的 {part} 应当是按层排列的列表，收到的是 {value}。",
                         "the weights' {part} must be a list with one entry per layer, got {value}."),
    "weights_missing_layer": ("{part} 只给了 {got} 层，网络有 {n} 层：缺少 {missing}。",
                              "{part} gives {got} layer(s) but the network has {n}: {missing} missing."),
    "weights_extra_layer": ("{part} 给了 {got} 层，网络只有 {n} 层：{extra} 多余（最后一层是 {last}）。",
                            "{part} gives {got} layers but the network has only {n}: {extra} is one too many "
                            "(the last is {last})."),
    "weights_rows": ("{name} 应当是 {rows} 行 × {cols} 列（每行是一个神经元的权重），收到的是 {got}。",
                     "{name} must have {rows} rows × {cols} columns (one row per neuron), got {got}."),
    "weights_cols": ("{name} 的第 {j} 行应当有 {cols} 个数（{name} 是 {rows} × {cols}），收到的是 {got}。",
                     "row {j} of {name} must hold {cols} numbers ({name} is {rows} × {cols}), got {got}."),
    "weights_bias": ("{name} 应当有 {rows} 个数（每个神经元一个），收到的是 {got}。",
                     "{name} must hold {rows} numbers (one per neuron), got {got}."),
    "weights_entry": ("{name} 第 {j} 行第 {k} 个数", "{name} row {j}, entry {k}"),
    "weights_bias_entry": ("{name} 的第 {j} 个数", "entry {j} of {name}"),
    "weights_not_number": ("{where}应当是一个数，收到的是 {value}。",
                           "{where} must be a number, got {value}."),
    "weights_not_finite": ("{where}是 {value}，不是有限的数。", "{where} is {value}, not a finite number."),
    "weights_too_big": ("权重文件 {path} 有 {size} 字节，超过上限 {limit}。",
                        "the weights file {path} has {size} bytes, over the limit of {limit}."),
    "weights_not_utf8": ("权重文件 {path} 不是 UTF-8 文本。", "the weights file {path} is not UTF-8 text."),
    "weights_unreadable": ("读不了权重文件 {path}：{reason}。", "cannot read the weights file {path}: {reason}."),
    "weights_bad_syntax": ("权重文件 {path} 不是合法的 {kind}：{detail}",
                           "the weights file {path} is not valid {kind}: {detail}"),
    # --- the BP report: weights and dead ReLUs (teach.backprop) ----------------
    "bp_weights_title": ("权重与偏置（第 j 行：流入第 j 个神经元的权重 wˡⱼₖ，最后一列是它的偏置 bˡⱼ）：",
                         "Weights and biases (row j: the weights wˡⱼₖ into neuron j, then its bias bˡⱼ):"),
    "bp_dead_relu": ("注意：{names} 在这个样本上 z ≤ 0，ReLU′ = 0，这 {n} 个神经元不往回传梯度"
                     "（它们的 δ、偏置和权重的梯度都是 0）。",
                     "Warning: {names} have z ≤ 0 on this sample, so ReLU′ = 0 and these {n} neuron(s) "
                     "pass no gradient back (their δ and the gradients of their bias and weights are 0)."),
    "bp_dead_seed": ("换一个种子试试：--seed {seed} 的网络在这个样本上没有这样的神经元。",
                     "Try another seed: with --seed {seed} no neuron is dead on this sample."),
    # --- the command line -------------------------------------------------------
    "cli_bp_weights_help": ("从 JSON 或 TOML 文件读入全部权重和偏置：键 W = [W², W³, …] 和 b = [b², b³, …]，"
                            "Wˡ 有 nˡ 行、每行 nˡ⁻¹ 个数（代替 --seed 给的随机权重）",
                            "read every weight and bias from a JSON or TOML file: keys W = [W², W³, …] and "
                            "b = [b², b³, …], each Wˡ nˡ rows of nˡ⁻¹ numbers (instead of --seed's)"),
    "cli_data_help": ("当作数据、不求导的名字，用逗号分隔，例如 x1,x2（默认：每个有名字的叶子都显示梯度）",
                      "names that are data and not differentiated, comma-separated, e.g. x1,x2 "
                      "(default: every named leaf shows its gradient)"),
    "cli_data_unknown": ("--data 里的 {name} 不是表达式中的名字", "{name} in --data is not a name in the expression"),
    "cli_leaf_both": ("{name} 不能既在 --params 里又在 --data 里", "{name} cannot be in both --params and --data"),
}
