"""Catalog part: graph pictures, the step page, the layer view, the notebook.

Each entry is key -> (Chinese, English); ``i18n.t`` reads them all."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    "nb_more": ("……另有 {left} 个未显示（共 {total} 个）", "… and {left} more not shown ({total} in all)"),
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
        "把一个导数写成所有路径上局部导数乘积之和（逐条路径用链式法则，带数字）",
        "write a derivative as the sum over all paths of the products of local derivatives "
        "(the chain rule path by path, with numbers)",
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
    "lv_linear": ("线性激活：a{l} = z{l}，斜率 linear′(z{l}) = 1",
                  "linear activation: a{l} = z{l}, slope linear′(z{l}) = 1"),
    "lv_start_title": ("第 0 步：网络与样本", "step 0: the network and the sample"),
    "lv_start_arch": ("网络（每层神经元数与激活函数）：{arch}", "network (neurons and activation per layer): {arch}"),
    "lv_start_sample": ("样本：{x}；目标：{y}（输入是第 {l} 层：a{s} = x）",
                        "sample: {x}; targets: {y} (the input is layer {l}: a{s} = x)"),
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
}
