"""Catalog part: a batch of samples in ``bp``, the matrix form (samples as columns), the
layer numbering, the shapes exercise.

Each entry is key -> (Chinese, English); ``i18n.t`` reads them all."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- numbering and costs --------------------------------------------------------
    "bp_numbering_ng": (
        "层的编号按 Ng 的记法（--numbering ng）：输入 x 是第 0 层（A⁰ = x），第一组权重是 W¹，"
        "输出层是第 L = {L} 层。",
        "Layers are numbered as Ng numbers them (--numbering ng): the input x is layer 0 "
        "(A⁰ = x), the first weights are W¹, the output layer is layer L = {L}.",
    ),
    "bp_bad_numbering": (
        "未知的层编号 {value}；可选：{choices}",
        "unknown layer numbering {value}; choose one of: {choices}",
    ),
    "bp_ce_sigmoid": (
        "输出层是 sigmoid 时 σ′(z) = a(1 − a) 正好消去分母：δ{s}ⱼ = a{s}ⱼ − yⱼ（下表两种算法并列）。",
        "With a sigmoid output, σ′(z) = a(1 − a) cancels the denominators: δ{s}ⱼ = a{s}ⱼ − yⱼ "
        "(the table shows both ways).",
    ),
    # --- a batch --------------------------------------------------------------------
    "mx_title": (
        "BP1–BP4 与矩阵形式：网络 {arch}，一批 m = {m} 个样本，代价 C = {cost}",
        "BP1–BP4 and the matrix form: network {arch}, a batch of m = {m} samples, cost C = {cost}",
    ),
    "mx_batch_cost": (
        "整批的代价是各样本代价 Cₓ 的平均：C = (1/m)Σₓ Cₓ = {c}。",
        "The batch's cost is the mean of the samples' costs Cₓ: C = (1/m)Σₓ Cₓ = {c}.",
    ),
    "mx_sample_heading": ("样本 {k}（共 {m} 个）：它自己的代价 Cₓ", "Sample {k} of {m}: its own cost Cₓ"),
    "mx_heading": (
        "矩阵形式：样本是列（m = {m}）",
        "The matrix form: samples as columns (m = {m})",
    ),
    "mx_intro": (
        "每个样本占一列：Aˡ 和 Zˡ 是 nˡ × m，Wˡ 是 nˡ × nˡ⁻¹，bˡ 是 nˡ × 1（加到每一列上）。"
        "dX 表示 ∂C/∂X（C 是整批的代价），形状与 X 相同；数值都是引擎的，保留 6 位有效数字。",
        "Each sample is a column: Aˡ and Zˡ are nˡ × m, Wˡ is nˡ × nˡ⁻¹, bˡ is nˡ × 1 (added to "
        "every column). dX means ∂C/∂X (C the batch's cost) and has X's shape; every number is "
        "the engine's, to 6 significant digits.",
    ),
    "mx_delta": (
        "δ = dZ：dZˡ 的第 i 列是整批代价 C 对第 i 个样本 zˡ 的导数，也就是该样本自己的 δˡ 乘以 1/m"
        "（m = 1 时 dZˡ 就是 δˡ）。",
        "δ = dZ: column i of dZˡ is the derivative of the batch's cost C by sample i's zˡ, that is "
        "sample i's own δˡ times 1/m (for m = 1, dZˡ is δˡ itself).",
    ),
    "mx_ones": (
        "dbˡ = dZˡ·1ₘ，1ₘ 是 m 个 1 组成的列向量（m × 1）：乘上它就是把 dZˡ 的每一行对样本求和。",
        "dbˡ = dZˡ·1ₘ, where 1ₘ is a column of m ones (m × 1): multiplying by it sums each row "
        "of dZˡ over the samples.",
    ),
    "mx_forward": ("前向（第 {l} 层）", "Forward (layer {l})"),
    "mx_backward": ("反向（第 {l} 层）", "Backward (layer {l})"),
    "mx_referee": (
        "对照：教材代码常把代价导数写成 2*(y_pred − y_true)/y_true.shape[0]。标签按“样本是列”的规则排成 "
        "nᴸ × m 矩阵时，shape[0] 是输出个数 nᴸ = {n}，不是样本数 m = {m}，于是这个导数是 np.mean 代价真实梯度的 "
        "m = {m} 倍（只有一个输出、标签是长度 m 的一维数组时它才恰好正确）。引擎的数值是真实梯度；两者并列如下：",
        "Referee: textbook code often writes the cost's derivative as "
        "2*(y_pred − y_true)/y_true.shape[0]. With the labels laid out as an nᴸ × m matrix "
        "(samples as columns), shape[0] is the number of outputs nᴸ = {n}, not the number of "
        "samples m = {m}, so that derivative is m = {m} times the true gradient of the np.mean "
        "cost (it is exact only for one output with 1-D labels of length m). The engine's numbers "
        "are the true gradient; both side by side:",
    ),
    "mx_referee_exact": ("真实梯度（引擎）", "true gradient (engine)"),
    "mx_referee_textbook": ("教材代码：除以 shape[0]", "textbook code: divided by shape[0]"),
    "mx_no_samples": ("一批样本至少要有一个样本", "a batch needs at least one sample"),
    "mx_y_count": (
        "给了 {m} 个 --x 样本，却有 {k} 个 --y；每个样本需要一个目标",
        "{m} samples given with --x but {k} with --y; each sample needs one target",
    ),
    "mx_bad_sample": (
        "--sample {k} 不存在：这批只有 {m} 个样本（从 1 数起）",
        "--sample {k} does not exist: the batch has {m} samples (counted from 1)",
    ),
    "mx_too_many": (
        "一批最多 {limit} 个样本，收到 {m} 个",
        "a batch holds at most {limit} samples, got {m}",
    ),
    "mx_csv_header": (
        "{path}：表头应为 {want}，实际是 {got}",
        "{path}: the header should be {want}, it is {got}",
    ),
    "mx_csv_row": (
        "{path} 第 {line} 行：应有 {n} 个数，实际是 {got}",
        "{path} line {line}: {n} numbers expected, got {got}",
    ),
    "mx_csv_number": (
        "{path} 第 {line} 行：{value} 不是有限的数",
        "{path} line {line}: {value} is not a finite number",
    ),
    "mx_csv_empty": ("{path}：没有数据行", "{path}: no data rows"),
    "mx_csv_read": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "mx_batch_and_x": (
        "--batch 与 --x/--y 只能二选一",
        "give either --batch or --x/--y, not both",
    ),
    # --- command line ----------------------------------------------------------------
    "cli_numbering_help": (
        "层的编号：nielsen（输入是第 1 层，第一组权重 w²，默认）或 ng（输入是 A⁰，第一组权重 W¹）",
        "layer numbering: nielsen (the input is layer 1, first weights w²; the default) or ng "
        "(the input is A⁰, first weights W¹)",
    ),
    "cli_batch_help": (
        "从 CSV 读一批样本，表头 x1,…,xn,y1,…,yk（n、k 与 --sizes 一致），每行一个样本",
        "read a batch from a CSV file with the header x1,…,xn,y1,…,yk (n and k as in --sizes), "
        "one sample a row",
    ),
    "cli_sample_help": (
        "一批样本时只列出第 k 个样本的 BP1–BP4 表（从 1 数起；网页的网络图也画这个样本）",
        "for a batch, list the BP1–BP4 tables of sample k only (from 1; the page draws this sample)",
    ),
    # --- the layer view's matrix panel ------------------------------------------------
    "lv_panel_heading": (
        "第 {l} 层的矩阵形式（样本是列，m = {m}）",
        "layer {l} as matrices (samples as columns, m = {m})",
    ),
    "lv_start_batch": (
        "一批 m = {m} 个样本；网络图画的是第 {k} 个样本，矩阵面板有全部 m 列。",
        "A batch of m = {m} samples; the drawing shows sample {k}, the matrix panel all m columns.",
    ),
    # --- the shapes exercise ------------------------------------------------------------
    "shapes_title": (
        "练习：反向传播中矩阵的形状（种子 {seed}）",
        "Exercise: the shapes of backpropagation's matrices (seed {seed})",
    ),
    "shapes_intro": (
        "记号：第 l 层有 nˡ 个神经元，上一层有 nˡ⁻¹ 个，一批 m 个样本，每个样本是一列。"
        "Zˡ = WˡAˡ⁻¹ + bˡ，dZˡ = dAˡ ⊙ g′(Zˡ)，dWˡ = dZˡ·(Aˡ⁻¹)ᵀ，dbˡ = dZˡ·1ₘ（1ₘ 是 m 个 1 的列），"
        "dAˡ⁻¹ = (Wˡ)ᵀ·dZˡ。写出形状“行 × 列”。",
        "Notation: layer l has nˡ neurons, the layer before it nˡ⁻¹, a batch has m samples, each a "
        "column. Zˡ = WˡAˡ⁻¹ + bˡ, dZˡ = dAˡ ⊙ g′(Zˡ), dWˡ = dZˡ·(Aˡ⁻¹)ᵀ, dbˡ = dZˡ·1ₘ (1ₘ a "
        "column of m ones), dAˡ⁻¹ = (Wˡ)ᵀ·dZˡ. Write each shape as rows × columns.",
    ),
    "shapes_item": ("第 {k} 题", "Exercise {k}"),
    "shapes_given": (
        "nˡ = {n}，nˡ⁻¹ = {p}，m = {m}。写出 W、Z、dZ、dW、db、dAˡ⁻¹ 的形状。",
        "nˡ = {n}, nˡ⁻¹ = {p}, m = {m}. Give the shapes of W, Z, dZ, dW, db, dAˡ⁻¹.",
    ),
    "shapes_numeric": (
        "数值题：nˡ = nˡ⁻¹ = m = 2，已知 dZ 和 Aˡ⁻¹，求 dW = dZ·(Aˡ⁻¹)ᵀ。",
        "By hand: nˡ = nˡ⁻¹ = m = 2; given dZ and Aˡ⁻¹, find dW = dZ·(Aˡ⁻¹)ᵀ.",
    ),
    "shapes_key": ("答案", "Answer key"),
    "shapes_col_matrix": ("矩阵", "matrix"),
    "shapes_col_shape": ("形状", "shape"),
    "shapes_col_why": ("理由", "why"),
    "shapes_why_W": ("每个神经元一行，每个输入一列", "one row per neuron, one column per input"),
    "shapes_why_Z": ("(nˡ × nˡ⁻¹)·(nˡ⁻¹ × m)", "(nˡ × nˡ⁻¹)·(nˡ⁻¹ × m)"),
    "shapes_why_dZ": ("与 Z 同形（逐元素相乘）", "Z's shape (element by element)"),
    "shapes_why_dW": ("(nˡ × m)·(m × nˡ⁻¹)，与 W 同形", "(nˡ × m)·(m × nˡ⁻¹), W's shape"),
    "shapes_why_db": ("(nˡ × m)·(m × 1)，与 b 同形", "(nˡ × m)·(m × 1), b's shape"),
    "shapes_why_dA": ("(nˡ⁻¹ × nˡ)·(nˡ × m)，与 Aˡ⁻¹ 同形", "(nˡ⁻¹ × nˡ)·(nˡ × m), Aˡ⁻¹'s shape"),
    "cli_exercise_topic_help": (
        "题目类型：grad（对表达式求梯度，默认）或 shapes（反向传播中矩阵的形状）",
        "kind of exercise: grad (gradients of expressions, the default) or shapes (the shapes of "
        "backpropagation's matrices)",
    ),
}
