"""Catalog part: teaching text: trace, quiz, exercises, logistic neuron, BP1–BP4, reports.

Each entry is key -> (Chinese, English); ``i18n.t`` reads them all."""

MESSAGES: dict[str, tuple[str, str]] = {
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
        "商 p/q 对 p 的导数是 1/q，对 q 的导数是 −p/q²",
        "a quotient p/q has slope 1/q in p and −p/q² in q",
    ),
    "why_**": ("幂 xⁿ 的导数是 n·xⁿ⁻¹", "the power xⁿ has derivative n·xⁿ⁻¹"),
    "why_pow": (
        "a^b 对 a 的导数是 b·a^(b − 1)，对 b 的导数是 a^b·log(a)",
        "a^b has slope b·a^(b − 1) in a and a^b·log(a) in b",
    ),
    "why_exp": ("exp 的导数就是它自己", "exp is its own derivative"),
    "why_log": ("log 是自然对数 ln，log x 的导数是 1/x", "log is the natural logarithm ln; log x has derivative 1/x"),
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
    "trace_sums_title": (
        "收到多份贡献的中间节点，梯度 = 各份贡献之和：",
        "Nodes that receive several contributions: each gradient = the sum of them:",
    ),
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
    "quiz_input_encoding": (
        "这一行按终端的输入编码（{encoding}）读不出来（例如 − 或中文）：请只用 ASCII 输入，"
        "如 -0.25；或换成 UTF-8 终端（设置 PYTHONIOENCODING=utf-8 或 PYTHONUTF8=1）。请再输入一次。",
        "this line cannot be read in the terminal's input encoding ({encoding}) (e.g. − or "
        "Chinese): type ASCII only, like -0.25, or use a UTF-8 terminal (set "
        "PYTHONIOENCODING=utf-8 or PYTHONUTF8=1). Please type it again.",
    ),
    "quiz_intro": (
        "每一步请先算出{what}，再看答案。\n可以写数或算式（如 0.25*2、1/8、-0.5）；"
        "与正确值相差不超过它的 0.1%（符号和数量级都要对）就算对。答错一次给提示，再错就揭晓答案。输入 q 退出。",
        "At each step, work out {what} before you see it.\nWrite a number or arithmetic "
        "(e.g. 0.25*2, 1/8, -0.5); within 0.1% of the value (sign and size right) counts as right. "
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
        "x 和 y 是给定的数据，训练时不变，所以不对它们求导（Ng 的逻辑回归记号也只对 w、b 求导）："
        "下面只跟踪流向参数 w、b 的梯度"
        "（加 --data-grads 也跟踪到 x、y）。",
        "x and y are given data that training does not change, so they are not differentiated "
        "(as in Ng's logistic-regression notation, which differentiates w and b only): below, "
        "only the gradient flowing into the parameters w, b is followed "
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
        "层的编号按 Nielsen 的记法（--numbering nielsen）：输入 x 是第 1 层（a¹ = x），第一组权重是 w²，"
        "输出层是第 L = {L} 层。",
        "Layers are numbered as Nielsen numbers them (--numbering nielsen): the input x is layer 1 "
        "(a¹ = x), the first weights are w², the output layer is layer L = {L}.",
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
}
