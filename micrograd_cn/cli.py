"""The ``micrograd-cn`` command. The only module that prints or exits.

Each subcommand is one ``_add_<name>(subparsers, lang)`` function that declares
its arguments and sets ``func`` to a ``_run_<name>(args) -> int``. Messages are
Chinese by default and English with ``--lang en`` (or MICROGRAD_CN_LANG=en).
Errors end in one clear line on stderr and exit code 2, never a traceback.

Imports: everything (lazily, per subcommand, so ``--help`` stays fast).
"""

from __future__ import annotations

import argparse
import sys
from typing import Callable, Sequence

from micrograd_cn import __version__
from micrograd_cn.i18n import LANGS, get_lang, language

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
    "demo_help": ("运行一个课堂演示（打印关键数字并画图）", "run a classroom demo (prints its key numbers and draws its pictures)"),
    "demo_name_help": ("演示的名字", "which demo"),
    "demo_out_help": ("图片写入的文件夹（默认 out/<名字>/）", "folder for the pictures (default out/<name>/)"),
    "demo_no_plots_help": ("只打印数字，不画图", "print the numbers only, draw no pictures"),
    "html_help": (
        "生成一个可在浏览器中逐步播放反向传播的网页（单个 HTML 文件，离线可用）",
        "write a page that steps through backpropagation in a browser (one HTML file, works offline)",
    ),
    "html_expr_help": ("表达式，例如 \"sigmoid(w*x + b)\"", "the expression, e.g. \"sigmoid(w*x + b)\""),
    "html_bindings_help": ("变量的值，例如 w=0.5 x=2", "values of the names, e.g. w=0.5 x=2"),
    "html_out_help": ("输出的网页文件（默认 step.html）", "the page to write (default step.html)"),
    "html_written": ("已写入 {path}：共 {n} 步，用浏览器打开即可（← → 翻页）",
                     "wrote {path}: {n} steps; open it in a browser (← → to step)"),
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


def _add_demo(sub: argparse._SubParsersAction, lang: str) -> None:
    from micrograd_cn.demos import DEMOS

    p = sub.add_parser("demo", help=_t("demo_help", lang), description=_t("demo_help", lang),
                       add_help=False)
    p.add_argument("-h", "--help", action="help", help=_t("help_help", lang))
    p.add_argument("name", choices=list(DEMOS), metavar="NAME",
                   help=_t("demo_name_help", lang) + ": " + ", ".join(DEMOS))
    p.add_argument("--out", metavar="DIR", default=None, help=_t("demo_out_help", lang))
    p.add_argument("--no-plots", action="store_true", help=_t("demo_no_plots_help", lang))
    _common(p, lang)
    p.set_defaults(func=_run_demo)


def _run_demo(args: argparse.Namespace) -> int:
    from micrograd_cn.demos import load

    def progress(line: str) -> None:
        print(line, flush=True)  # a teacher watches training happen

    result = load(args.name).run(args.lang, args.out, plots=not args.no_plots,
                                 progress=progress)
    print(result.render(args.lang))
    return 0


def _add_html(sub: argparse._SubParsersAction, lang: str) -> None:
    p = sub.add_parser("html", help=_t("html_help", lang), description=_t("html_help", lang),
                       add_help=False)
    p.add_argument("-h", "--help", action="help", help=_t("help_help", lang))
    p.add_argument("expr", metavar="EXPR", help=_t("html_expr_help", lang))
    p.add_argument("bindings", nargs="*", metavar="NAME=VALUE", help=_t("html_bindings_help", lang))
    p.add_argument("-o", "--output", default="step.html", metavar="FILE",
                   help=_t("html_out_help", lang))
    _common(p, lang)
    p.set_defaults(func=_run_html)


def _run_html(args: argparse.Namespace) -> int:
    from micrograd_cn.expr import build, parse_bindings
    from micrograd_cn.stepper import write_step_page

    root, _ = build(args.expr, parse_bindings(args.bindings))
    steps = write_step_page(root, args.output, lang=args.lang, title=args.expr)
    print(_t("html_written", args.lang).format(path=args.output, n=steps))
    return 0


def _width(text: str) -> int:
    """Columns a terminal gives ``text``: Chinese characters take two."""
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows of cells as aligned lines (left-aligned, two spaces between columns)."""
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(row, widths)).rstrip()
            for row in rows]


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
    from micrograd_cn.viz import check_output, fmt, render

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
    print(f"{_t('graph_result', lang)} = {fmt(root.data, 10)}")
    rows = [[_t("graph_name", lang), _t("graph_value", lang), _t("graph_grad", lang)]]
    rows += [[name, fmt(leaf.data, 10), fmt(leaf.grad, 10)] for name, leaf in leaves.items()]
    print("\n".join(_table(rows)))
    path = render(root, args.output, lang=lang, params=params, legend=args.legend,
                  order=args.order, rankdir=args.rankdir, title=args.expr)
    print(_t("graph_written", lang).format(path=path, dot=path.with_suffix(".dot")))
    return 0


SUBCOMMANDS: list[Callable[[argparse._SubParsersAction, str], None]] = [
    _add_graph, _add_demo, _add_html,
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
