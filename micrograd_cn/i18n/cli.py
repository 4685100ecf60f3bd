"""Catalog part: the micrograd-cn command: help texts and its own lines.

Each entry is key -> (Chinese, English); ``i18n.t`` reads them all."""

MESSAGES: dict[str, tuple[str, str]] = {
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
        "表达式，例如 \"sigmoid(w*x + b)\"；可用 + - * / **、负号、括号和 {functions}。"
        "也可以写成用 ; 或换行分开的命名步骤，最后一步是结果，例如 \"z = w*x + b; a = sigmoid(z)\"，"
        "每个名字是图中的一个节点"
        "（以 - 开头时，把选项放在前面，表达式写在 -- 之后）",
        "the expression, e.g. \"sigmoid(w*x + b)\"; allowed: + - * / **, unary minus, parentheses and "
        "{functions}. It may also be named steps separated by ; or new lines, the last one "
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
    "cli_bp_x_help": ("一个样本的输入，个数与 --sizes 的第一个数相同（默认依次取 0.5, −1, 0.5, −1, …）；"
                      "重复 --x 给出一批样本",
                      "one sample's inputs, as many as the first of --sizes "
                      "(default: 0.5, −1, 0.5, −1, … in turn); repeat --x for a batch"),
    "cli_bp_y_help": ("目标输出，个数与 --sizes 的最后一个数相同（默认依次取 1, 0, 1, 0, …）；"
                      "一批样本时每个 --x 配一个 --y",
                      "target outputs, as many as the last of --sizes (default: 1, 0, 1, 0, … in "
                      "turn); one --y per --x for a batch"),
    "cli_cost_help": ("代价：half_sse（½Σⱼ(aⱼ−yⱼ)²，默认）、mse（(a−y)² 对输出和样本的平均）"
                      "或 ce（交叉熵，需 sigmoid 输出）；多个样本时都对样本取平均",
                      "cost: half_sse (½Σⱼ(aⱼ−yⱼ)², the default), mse (the mean of (a−y)² over "
                      "outputs and samples) or ce (cross-entropy, needs a sigmoid output); "
                      "averaged over the samples of a batch"),
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
        "以参数颜色画出的名字，用逗号分隔，例如 w,b（只改颜色，其他叶子的梯度照样显示）",
        "names to draw as parameters, comma-separated, e.g. w,b (colour only: the other leaves "
        "keep their gradients)",
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
    # --- reliability of the command's edges (issue 22) ---------------------------
    "cli_bp_same_file": (
        "--html 和 -o 指向同一个位置 {path}：网页和报告要写到两个不同的文件",
        "--html and -o both name {path}: the page and the report need two different files",
    ),
    "cli_undecodable_argument": (
        "参数 {arg} 里有终端编码（{encoding}）读不出的字节：这不是名字的问题，而是终端的编码；"
        "请在 UTF-8 环境下运行（例如 LANG=C.UTF-8）或设置 PYTHONUTF8=1",
        "the argument {arg} holds bytes the terminal's encoding ({encoding}) cannot read: the "
        "terminal's encoding is the cause, not the name; run under a UTF-8 locale "
        "(e.g. LANG=C.UTF-8) or set PYTHONUTF8=1",
    ),
}
