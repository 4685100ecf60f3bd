"""Catalog part: feedback that teaches (teach.mistakes, the quiz's hint ladder and its summary)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the mistake catalogue: a hint that names the misconception, and its short label
    "mistake_sigmoid_value": (
        "你用的是 σ 的函数值 {value}；局部导数要的是它的斜率：{rule}。",
        "You used the sigmoid's value {value}; the local derivative is its slope: {rule}.",
    ),
    "mistake_sigmoid_value_short": ("用了 σ(z)，应为 σ′(z)", "σ(z) instead of σ′(z)"),
    "mistake_tanh_value": (
        "你用的是 tanh 的函数值 {value}；局部导数是 tanh′：{rule}。",
        "You used tanh's value {value}; the local derivative is tanh′: {rule}.",
    ),
    "mistake_tanh_value_short": ("用了 tanh，应为 tanh′", "tanh instead of tanh′"),
    "mistake_log_value": (
        "你用的是 {value} 本身；自然对数 log（即 ln）的斜率是 1/x：{rule}。",
        "You used {value} itself; the natural log (ln) has the slope 1/x: {rule}.",
    ),
    "mistake_log_value_short": ("用了 log x，应为 1/x", "log x instead of 1/x"),
    "mistake_power_value": (
        "你用的是幂 {value} 本身；求导要把指数拿下来、指数减一：{local_d} = {formula}。",
        "You used the power {value} itself; its derivative brings the exponent down and lowers "
        "it by one: {local_d} = {formula}.",
    ),
    "mistake_power_value_short": ("用了 xⁿ，应为 n·xⁿ⁻¹", "xⁿ instead of n·xⁿ⁻¹"),
    "mistake_other_factor": (
        "乘积对一个因子的局部导数是另一个因子：{local_d} = {formula}，不是 {inp} 自己的值。",
        "For a product, the local derivative by one factor is the other factor: "
        "{local_d} = {formula}, not {inp}'s own value.",
    ),
    "mistake_other_factor_short": ("用了自己的值，应为另一个因子", "own value instead of the other factor"),
    "mistake_running_total": (
        "这是 {d_in} 的累计值（几条路径加起来）；这里只问这一条边的贡献：上游 × 局部导数。",
        "That is the running total of {d_in} over several paths; the question asks only for this "
        "edge's contribution: upstream × local derivative.",
    ),
    "mistake_running_total_short": (
        "写了累计值，应为这条边的贡献", "running total instead of this edge's contribution"),
    "mistake_other_path": (
        "这是 {inp} 另一条路径的贡献；{inp} 被用了不止一次，这一步只算这一条边。",
        "That is the contribution of {inp}'s other path; {inp} is used more than once, and this "
        "step is about this edge only.",
    ),
    "mistake_other_path_short": ("写了另一条路径的贡献", "the other path's contribution"),
    "mistake_not_accumulated": (
        "这只是这一步的贡献；{inp} 之前已从别的路径得到梯度，要加上去（+=）。",
        "That is this step's contribution only; {inp} already holds gradient from another path: "
        "add to it (+=).",
    ),
    "mistake_not_accumulated_short": ("没有加上之前累计的梯度", "not added to what the input already holds"),
    "mistake_one_path": (
        "你只算了一条路径；{inp} 被用了 {n} 次，{d_in} 是所有路径的贡献之和。",
        "You followed one path only; {inp} is used {n} times, and {d_in} is the sum over all paths.",
    ),
    "mistake_one_path_short": ("只算了一条路径", "one path only (not summed)"),
    "mistake_upstream_included": (
        "这已经乘了上游梯度 {up}；这里只问局部导数 {local_d}。",
        "That already includes the upstream gradient {up}; the question asks for the local "
        "derivative {local_d} alone.",
    ),
    "mistake_upstream_included_short": (
        "局部导数里多乘了上游梯度", "upstream gradient included in the local derivative"),
    "mistake_upstream_forgotten": (
        "这只是局部导数 {local_d}；忘了乘上游梯度 {up}（链式法则：上游 × 局部）。",
        "That is the local derivative {local_d} alone: multiply it by the upstream gradient {up} "
        "(chain rule: upstream × local).",
    ),
    "mistake_upstream_forgotten_short": ("忘了乘上游梯度", "upstream gradient forgotten"),
    "mistake_local_forgotten": (
        "这只是上游梯度 {up}；还要乘这条边的局部导数 {local_d}。",
        "That is the upstream gradient {up} alone; it still has to be multiplied by this edge's "
        "local derivative {local_d}.",
    ),
    "mistake_local_forgotten_short": ("只写了上游梯度，忘了乘局部导数", "upstream alone, local derivative forgotten"),
    "mistake_sign": (
        "大小对了，符号反了：检查局部导数 {local_d} 和上游梯度 {up} 各自的符号。",
        "Right size, wrong sign: check the sign of the local derivative {local_d} and of the "
        "upstream gradient {up}.",
    ),
    "mistake_sign_short": ("大小对、符号反", "right size, wrong sign"),
    "mistake_factor_two": (
        "差了两倍：看清代价是 ½Σ(…)²（½ 正好消掉平方求导的 2），还是平均值或不带 ½ 的和；((…)²)′ = 2(…)。",
        "Off by a factor of two: check whether the cost is ½Σ(…)² (the ½ cancels the 2 from the "
        "square) or a mean or plain sum; ((…)²)′ = 2(…).",
    ),
    "mistake_factor_two_short": ("差了两倍（½Σ 与平均）", "off by a factor of two (½Σ vs mean)"),
    "mistake_unknown_wrt": ("表达式里没有名字 {name}", "the expression has no name {name}"),
    # --- the quiz's hint ladder: a rule-level hint (names, no numbers) when no mistake matches
    "quiz_rule_contribution": (
        "提示：这条边的贡献 = 上游梯度 {up} × 局部导数 {local_d}，其中 {local_d} = {rule}。",
        "Hint: this edge's contribution is the upstream gradient {up} times the local derivative "
        "{local_d}, where {local_d} = {rule}.",
    ),
    "quiz_rule_local": (
        "提示：局部导数 {local_d} 只看这一个运算：{local_d} = {rule}，代入数值。",
        "Hint: the local derivative {local_d} looks at this one op only: {local_d} = {rule}; put "
        "in the values.",
    ),
    "quiz_rule_grad": (
        "提示：{d_in} = 之前已有的部分 + 上游梯度 {up} × 局部导数 {local_d}，其中 {local_d} = {rule}。",
        "Hint: {d_in} = what it already holds + the upstream gradient {up} × the local derivative "
        "{local_d}, where {local_d} = {rule}.",
    ),
    "quiz_rule_plain": (
        "提示：链式法则：一条边的贡献 = 上游梯度 × 局部导数；一个节点的梯度是它收到的各份贡献之和。",
        "Hint: chain rule: an edge's contribution is the upstream gradient times the local "
        "derivative; a node's gradient adds up the contributions it receives.",
    ),
    "quiz_right_after_hint": ("✓ 对（看了提示）。", "✓ Right (after a hint)."),
    "quiz_missed": ("没答对的步骤：{steps}", "steps missed: {steps}"),
    "quiz_hinted": ("看了提示才答对的步骤：{steps}", "steps right after a hint: {steps}"),
    "quiz_all_first": ("每一步都一次答对。", "every step right at the first try."),
    "quiz_mistakes": ("诊断出的错误：", "mistakes diagnosed:"),
    # --- notation said once, where it is used
    "lv_db_ones": (
        "db = dZ·1：1 是 m 个 1 组成的列（这里 m = {m}），即 dZ 每行对样本求和。",
        "db = dZ·1: 1 is a column of m ones (here m = {m}), so db sums each row of dZ over the samples.",
    ),
    "exercise_show_answer": ("第 {k} 题的答案（点开）", "Answer to exercise {k} (open)"),
    # --- the step page: where the gradient goes
    "page_key_from": ("局部导数来自", "local ∂ from"),
    "page_flow_back": ("梯度沿这条边反向流回", "the gradient flows back along this edge"),
    "rule_relu_on": ("{x} = {value} > 0，所以 ReLU′({x}) = 1", "{x} = {value} > 0, so ReLU′({x}) = 1"),
    "rule_relu_off": ("{x} = {value} ≤ 0，所以 ReLU′({x}) = 0", "{x} = {value} ≤ 0, so ReLU′({x}) = 0"),
    "quiz_mistake_line": ("第 {k} 步：{label}", "step {k}: {label}"),
}
