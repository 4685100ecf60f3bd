"""Catalog part: expressions, bindings and named steps.

Each entry is key -> (Chinese, English); ``i18n.t`` reads them all."""

MESSAGES: dict[str, tuple[str, str]] = {
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
}
