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


SUBCOMMANDS: list[Callable[[argparse._SubParsersAction, str], None]] = [_add_demo, _add_html]


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
