"""The ``micrograd-cn`` command. The only module that prints or exits.

Each subcommand is one ``_add_<name>(subparsers, lang)`` function that declares
its arguments and sets ``func`` to a ``_run_<name>(args) -> int``. Messages are
Chinese by default and English with ``--lang en`` (or MICROGRAD_CN_LANG=en).
Errors end in one clear line on stderr and exit code 2, never a traceback.

Imports: everything (lazily, per subcommand, so ``--help`` stays fast).
"""

from __future__ import annotations

import argparse
import math
import sys
from typing import TYPE_CHECKING, Callable, Sequence

from micrograd_cn import __version__
from micrograd_cn.i18n import LANGS, get_lang, language

if TYPE_CHECKING:  # only for annotations: the modules themselves load lazily
    from micrograd_cn.engine import Value
    from micrograd_cn.trace import Step

# Text of the command itself: key -> (zh, en).
TEXT: dict[str, tuple[str, str]] = {
    "prog_description": (
        "micrograd_cn：逐个标量的反向传播教学工具。每个子命令都可加 --lang en 改用英文。",
        "micrograd_cn: teach backpropagation one scalar at a time. Add --lang en to any subcommand for English.",
    ),
    "lang_help": ("输出语言：zh（默认）或 en", "output language: zh (default) or en"),
    "version_help": ("显示版本号并退出", "show the version and exit"),
    "help_help": ("显示本帮助并退出", "show this help and exit"),
    "commands": ("子命令", "commands"),
    "error_prefix": ("错误：", "error: "),
    # --- trace / step / logistic / bp ----------------------------------------
    "not_a_number": ("不是有限的数：{value}", "not a finite number: {value}"),
    "not_an_int": ("不是正整数：{value}", "not a positive integer: {value}"),
    "expr_help": ("表达式，如 \"sigmoid(w*x + b)\"", "an expression such as \"sigmoid(w*x + b)\""),
    "bindings_help": ("变量的值，如 w=0.5 x=2", "values of the variables, e.g. w=0.5 x=2"),
    "style_help": ("输出样式：table（表格，默认）或 narrative（逐句）",
                   "output style: table (default) or narrative (sentences)"),
    "trace_help": ("逐步打印反向传播的每一次链式法则", "print every chain-rule step of the backward pass"),
    "step_help": ("交互式逐步查看反向传播（回车/n 下一步，p 上一步，q 退出）",
                  "step through the backward pass (Enter/n next, p back, q quit)"),
    "all_help": ("一次打印全部步骤（没有终端时自动如此）",
                 "print every step at once (automatic without a terminal)"),
    "logistic_help": ("逻辑回归神经元：逐步反向传播，并与闭式公式对照",
                      "the logistic neuron: backprop step by step, against the closed forms"),
    "x_help": ("一个样本的输入；给多次 --x 就是多个样本（批量，J = 平均损失）",
               "one sample's inputs; give --x several times for a batch (J = mean loss)"),
    "y_help": ("标签，每个样本一个（0 或 1，或 [0, 1] 内的数）",
               "labels, one per sample (0 or 1, or a number in [0, 1])"),
    "w_help": ("权重 w₁ … wₙ", "weights w₁ … wₙ"),
    "b_help": ("偏置 b", "bias b"),
    "bp_help": ("BP1–BP4 逐个神经元对照引擎，并比较有限差分的计算量",
                "BP1–BP4 neuron by neuron against the engine, and the cost of finite differences"),
    "sizes_help": ("输入个数和每层的神经元个数，如 2 3 2", "inputs then neurons per layer, e.g. 2 3 2"),
    "activation_help": ("隐藏层的激活函数", "activation of the hidden layers"),
    "output_activation_help": ("输出层的激活函数", "activation of the output layer"),
    "seed_help": ("初始化权重的随机种子", "random seed for the initial weights"),
    "bp_x_help": ("一个样本的输入", "one sample's inputs"),
    "bp_y_help": ("目标输出", "target outputs"),
    "cost_help": ("代价：mse（½Σ(a−y)²）或 ce（交叉熵，需 sigmoid 输出）",
                  "cost: mse (½Σ(a−y)²) or ce (cross-entropy, needs a sigmoid output)"),
    "no_compare_help": ("不做有限差分的计算量对比", "skip the finite-difference cost comparison"),
    "no_timing_help": ("不打印耗时（输出完全确定）", "do not print times (fully deterministic output)"),
    # --- graph ---------------------------------------------------------------
    "graph_help": (
        "由表达式建立计算图，反向传播，打印每个输入的值和梯度并画出图（SVG/PNG/PDF）",
        "build an expression's graph, run backward, print each input's value and gradient, draw it (SVG/PNG/PDF)",
    ),
    "graph_expr_help": (
        "表达式，例如 \"sigmoid(w*x + b)\"；可用 + - * / **、负号、括号和 exp log sigmoid tanh relu"
        "（以 - 开头时，把选项放在前面，表达式写在 -- 之后）",
        "the expression, e.g. \"sigmoid(w*x + b)\"; allowed: + - * / **, unary minus, parentheses and "
        "exp log sigmoid tanh relu (if it starts with -, put the options first and the expression after --)",
    ),
    "graph_bindings_help": ("每个名字的值，例如 w=0.5 x=2 b=-1", "each name's value, e.g. w=0.5 x=2 b=-1"),
    "graph_output_help": (
        "输出文件（.svg、.png 或 .pdf，默认 graph.svg）；DOT 源文件写在旁边",
        "output file (.svg, .png or .pdf; default graph.svg); the DOT source is written beside it",
    ),
    "graph_params_help": (
        "以参数颜色画出的名字，用逗号分隔，例如 w,b",
        "names to draw as parameters, comma-separated, e.g. w,b",
    ),
    "graph_legend_help": ("在图中加上图例", "add a legend to the picture"),
    "graph_order_help": (
        "按反向传播访问的顺序给节点编号（1 是输出）",
        "number the nodes in the order the backward pass visits them (1 is the output)",
    ),
    "graph_rankdir_help": ("图的方向（默认 LR：从左到右）", "direction of the graph (default LR: left to right)"),
    "graph_result": ("结果", "result"),
    "graph_name": ("名字", "name"),
    "graph_value": ("值", "value"),
    "graph_grad": ("梯度", "gradient"),
    "graph_written": ("图已写入 {path}（DOT 源文件：{dot}）", "graph written to {path} (DOT source: {dot})"),
    "graph_param_unknown": (
        "--params 里的 {name} 不是表达式中的名字",
        "{name} in --params is not a name in the expression",
    ),
}


def _t(key: str, lang: str) -> str:
    zh, en = TEXT[key]
    return en if lang == "en" else zh


def _scan_lang(argv: Sequence[str]) -> str:
    """Find --lang before parsing, so that --help itself is in the right language."""
    lang = get_lang()
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return lang if lang in LANGS else get_lang()


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors as one line in the user's language, exit code 2."""

    lang = "zh"

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {_t('error_prefix', self.lang)}{message}\n")


def _common(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--lang", choices=LANGS, default=lang, help=_t("lang_help", lang))


def _float(lang: str) -> Callable[[str], float]:
    """An argparse type: a finite float, with a message in the user's language."""
    def convert(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(_t("not_a_number", lang).format(value=text))
        return value
    return convert


def _count(lang: str) -> Callable[[str], int]:
    """An argparse type: a positive integer."""
    def convert(text: str) -> int:
        if not text.isdigit() or int(text) < 1:
            raise argparse.ArgumentTypeError(_t("not_an_int", lang).format(value=text))
        return int(text)
    return convert


def _subparser(sub: argparse._SubParsersAction, name: str, lang: str) -> argparse.ArgumentParser:
    """A subcommand whose own -h/--help line is in the user's language too."""
    text = _t(f"{name}_help", lang)
    p = sub.add_parser(name, help=text, description=text, add_help=False)
    p.add_argument("-h", "--help", action="help", help=_t("help_help", lang))
    return p


# ---------------------------------------------------------------- trace / step
def _add_expression(p: argparse.ArgumentParser, lang: str) -> None:
    p.add_argument("expression", help=_t("expr_help", lang))
    p.add_argument("bindings", nargs="*", help=_t("bindings_help", lang))
    _common(p, lang)


def _traced(args: argparse.Namespace) -> tuple[Value, list[Step]]:
    """Build the expression of ``args`` and trace its backward pass."""
    from micrograd_cn.expr import build, parse_bindings
    from micrograd_cn.trace import trace

    root, _ = build(args.expression, parse_bindings(args.bindings))
    return root, trace(root)


def _add_trace(sub: argparse._SubParsersAction, lang: str) -> None:
    p = _subparser(sub, "trace", lang)
    _add_expression(p, lang)
    p.add_argument("--style", choices=("table", "narrative"), default="table",
                   help=_t("style_help", lang))
    p.set_defaults(func=_run_trace)


def _run_trace(args: argparse.Namespace) -> int:
    from micrograd_cn.trace import render_trace

    root, steps = _traced(args)
    print(render_trace(root, steps, lang=args.lang, style=args.style))
    return 0


def run_stepper(pages: Sequence[str], read: Callable[[str], str],
                write: Callable[[str], None], lang: str) -> int:
    """Show one page at a time: Enter/n next, p back, q quit (or end of input).

    ``read`` is ``input`` in a terminal; tests pass a function that replays keys.
    """
    from micrograd_cn.i18n import t

    last = len(pages) - 1
    page = 0
    write(pages[0])
    write(t("step_help", lang))
    while True:
        try:
            key = read("› ").strip().lower()
        except EOFError:
            return 0
        if key in ("", "n"):
            if page == last:
                return 0
            page += 1
        elif key == "p":
            page = max(page - 1, 0)
        elif key == "q":
            return 0
        else:
            write(t("step_unknown_key", lang, pressed=repr(key)) + "  " + t("step_help", lang))
            continue
        write(pages[page])
        if page == last:
            write(t("step_end", lang))


def _interactive() -> bool:
    """Keys can be read and pages shown: both ends are a terminal (not a pipe, not CI)."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout))


def _add_step(sub: argparse._SubParsersAction, lang: str) -> None:
    p = _subparser(sub, "step", lang)
    _add_expression(p, lang)
    p.add_argument("--all", action="store_true", help=_t("all_help", lang))
    p.set_defaults(func=_run_step)


def _run_step(args: argparse.Namespace) -> int:
    from micrograd_cn.trace import step_pages

    root, steps = _traced(args)
    pages = step_pages(root, steps, args.lang)
    if args.all or not _interactive():
        print("\n\n".join(pages))
        return 0
    return run_stepper(pages, input, print, args.lang)


# ---------------------------------------------------------------- logistic
def _add_logistic(sub: argparse._SubParsersAction, lang: str) -> None:
    p = _subparser(sub, "logistic", lang)
    number = _float(lang)
    p.add_argument("--x", action="append", nargs="+", type=number, required=True,
                   help=_t("x_help", lang))
    p.add_argument("--y", nargs="+", type=number, required=True, help=_t("y_help", lang))
    p.add_argument("--w", nargs="+", type=number, required=True, help=_t("w_help", lang))
    p.add_argument("--b", type=number, required=True, help=_t("b_help", lang))
    p.add_argument("--style", choices=("table", "narrative"), default="table",
                   help=_t("style_help", lang))
    _common(p, lang)
    p.set_defaults(func=_run_logistic)


def _run_logistic(args: argparse.Namespace) -> int:
    from micrograd_cn.logistic import logistic_batch, logistic_neuron

    if len(args.x) == 1 and len(args.y) == 1:
        print(logistic_neuron(args.x[0], args.y[0], args.w, args.b).render(args.lang, args.style))
    else:
        print(logistic_batch(args.x, args.y, args.w, args.b).render(args.lang))
    return 0


# ---------------------------------------------------------------- bp
def _add_bp(sub: argparse._SubParsersAction, lang: str) -> None:
    from micrograd_cn.nn import ACTIVATIONS

    p = _subparser(sub, "bp", lang)
    number = _float(lang)
    p.add_argument("--sizes", nargs="+", type=_count(lang), default=[2, 3, 2],
                   help=_t("sizes_help", lang))
    p.add_argument("--activation", choices=ACTIVATIONS, default="tanh",
                   help=_t("activation_help", lang))
    p.add_argument("--output-activation", choices=ACTIVATIONS, default="sigmoid",
                   help=_t("output_activation_help", lang))
    p.add_argument("--seed", type=int, default=0, help=_t("seed_help", lang))
    p.add_argument("--x", nargs="+", type=number, default=[0.5, -1.0], help=_t("bp_x_help", lang))
    p.add_argument("--y", nargs="+", type=number, default=[1.0, 0.0], help=_t("bp_y_help", lang))
    p.add_argument("--cost", choices=("mse", "ce"), default="mse", help=_t("cost_help", lang))
    p.add_argument("--no-compare", action="store_true", help=_t("no_compare_help", lang))
    p.add_argument("--no-timing", action="store_true", help=_t("no_timing_help", lang))
    _common(p, lang)
    p.set_defaults(func=_run_bp)


def _run_bp(args: argparse.Namespace) -> int:
    from micrograd_cn.bp import bp_network

    report = bp_network(args.sizes, args.x, args.y, activation=args.activation,
                        output_activation=args.output_activation, cost=args.cost,
                        seed=args.seed, compare=not args.no_compare)
    print(report.render(args.lang, timing=not args.no_timing))
    return 0


# --- graph ---------------------------------------------------------------------
def _add_graph(sub: argparse._SubParsersAction, lang: str) -> None:
    p = sub.add_parser("graph", help=_t("graph_help", lang), description=_t("graph_help", lang),
                       add_help=False)
    p.add_argument("-h", "--help", action="help", help=_t("help_help", lang))
    p.add_argument("expr", metavar="EXPR", help=_t("graph_expr_help", lang))
    p.add_argument("bindings", metavar="NAME=VALUE", nargs="*", help=_t("graph_bindings_help", lang))
    p.add_argument("-o", "--output", default="graph.svg", help=_t("graph_output_help", lang))
    p.add_argument("--params", default="", metavar="NAMES", help=_t("graph_params_help", lang))
    p.add_argument("--legend", action="store_true", help=_t("graph_legend_help", lang))
    p.add_argument("--order", action="store_true", help=_t("graph_order_help", lang))
    p.add_argument("--rankdir", choices=("LR", "RL", "TB", "BT"), default="LR",
                   help=_t("graph_rankdir_help", lang))
    _common(p, lang)
    p.set_defaults(func=_run_graph)


def _run_graph(args: argparse.Namespace) -> int:
    from micrograd_cn.expr import build, check_name, parse_bindings
    from micrograd_cn.table import num, table
    from micrograd_cn.viz import check_output, render

    lang = args.lang
    check_output(args.output)  # before any work: a wrong path fails at once
    root, leaves = build(args.expr, parse_bindings(args.bindings))
    params = []
    for name in filter(None, (n.strip() for n in args.params.split(","))):
        name = check_name(name)
        if name not in leaves:
            raise ValueError(_t("graph_param_unknown", lang).format(name=name))
        params.append(leaves[name])
    root.backward()
    print(f"{_t('graph_result', lang)} = {num(root.data, 10)}")
    header = [_t("graph_name", lang), _t("graph_value", lang), _t("graph_grad", lang)]
    rows = [[name, num(leaf.data, 10), num(leaf.grad, 10)] for name, leaf in leaves.items()]
    print("\n".join(table(header, rows)))
    path = render(root, args.output, lang=lang, params=params, legend=args.legend,
                  order=args.order, rankdir=args.rankdir, title=args.expr)
    print(_t("graph_written", lang).format(path=path, dot=path.with_suffix(".dot")))
    return 0


SUBCOMMANDS: list[Callable[[argparse._SubParsersAction, str], None]] = [
    _add_graph, _add_trace, _add_step, _add_logistic, _add_bp,
]


def build_parser(lang: str) -> argparse.ArgumentParser:
    _Parser.lang = lang
    parser = _Parser(prog="micrograd-cn", description=_t("prog_description", lang), add_help=False)
    parser.add_argument("-h", "--help", action="help", help=_t("help_help", lang))
    parser.add_argument("--version", action="version", version=f"micrograd-cn {__version__}",
                        help=_t("version_help", lang))
    _common(parser, lang)
    sub = parser.add_subparsers(dest="command", title=_t("commands", lang), parser_class=_Parser)
    for add in SUBCOMMANDS:
        add(sub, lang)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _scan_lang(argv)
    parser = build_parser(lang)
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        parser.print_help()
        return 0
    with language(args.lang):
        try:
            return args.func(args)
        except (TypeError, ValueError, ArithmeticError, OSError) as err:
            print(f"micrograd-cn: {_t('error_prefix', args.lang)}{err}", file=sys.stderr)
            return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
