"""The ``micrograd-cn`` command. The only module that prints or exits.

Each subcommand is one ``_add_<name>(subparsers, lang)`` function that declares
its arguments (``cliargs.subparser`` gives every one its -h and --lang) and sets
``func`` to a ``_run_<name>(args) -> int``. Messages are Chinese by default and
English with ``--lang en`` (or MICROGRAD_CN_LANG=en); their text is in the i18n
catalog under the ``cli_`` keys. Errors end in one clear line on stderr and
exit code 2, never a traceback. Ctrl-C ends quietly with exit code 130. When the
reader of our output goes away (``micrograd-cn bp | head -1``) the command
stops quietly with exit code 0: the reader had what it wanted, and a shell
running with ``pipefail`` should not see a failure. A terminal that is not
UTF-8 gets ASCII stand-ins for the symbols it lacks and one hint on stderr
(``terminal``).

Imports: everything (lazily, per subcommand, so ``--help`` stays fast).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Callable, Sequence

from micrograd_cn import __version__
from micrograd_cn.cliargs import (
    Parser,
    add_lang,
    argparse_speaks,
    finite_float,
    positive_int,
    scan_lang,
    subparser,
)
from micrograd_cn.i18n import language, t
from micrograd_cn.terminal import hint, readable_output

if TYPE_CHECKING:  # only for annotations: the modules themselves load lazily
    from micrograd_cn.engine import Value
    from micrograd_cn.expr import Program
    from micrograd_cn.lesson import Lesson


def _add_expression(p: argparse.ArgumentParser, lang: str) -> None:
    """EXPR, NAME=VALUE and --params, shared by graph, trace, step and html."""
    p.add_argument("expr", metavar="EXPR", help=t("cli_expr_help", lang))
    p.add_argument("bindings", nargs="*", metavar="NAME=VALUE", help=t("cli_bindings_help", lang))
    p.add_argument("--params", default="", metavar="NAMES", help=t("cli_graph_params_help", lang))


def _add_style(p: argparse.ArgumentParser, lang: str) -> None:
    p.add_argument("--style", choices=("table", "narrative"), default="table",
                   help=t("cli_style_help", lang))


def _add_format(p: argparse.ArgumentParser, lang: str, formats: Sequence[str], default: str,
                help_key: str) -> None:
    """--format and -o/--output: what to emit and where (``_emit`` writes it)."""
    p.add_argument("--format", choices=formats, default=default, help=t(help_key, lang))
    p.add_argument("-o", "--output", default=None, metavar="FILE", help=t("cli_output_help", lang))


REPORT_FORMATS = ("text", "md", "latex", "json")  # logistic and bp: doc blocks, or their JSON


def _check_target(args: argparse.Namespace) -> None:
    """Before any work: an -o whose folder does not exist fails at once."""
    from pathlib import Path

    if args.output is not None and not Path(args.output).parent.is_dir():
        raise ValueError(t("viz_no_dir", args.lang, dir=str(Path(args.output).parent)))


def _emit(args: argparse.Namespace, text: str) -> int:
    """Print ``text``, or with -o write it to that file (all or nothing) and say where."""
    from pathlib import Path

    if args.output is None:
        print(text.rstrip("\n"))
        return 0
    from micrograd_cn.files import write_atomic

    _check_target(args)
    write_atomic(Path(args.output), (text.rstrip("\n") + "\n").encode("utf-8"))
    print(t("cli_written", args.lang, path=args.output))
    return 0


def _built(args: argparse.Namespace) -> tuple[Program, list[Value]]:
    """``args.expr`` (an expression or named steps) built with ``args.bindings``, and --params."""
    from micrograd_cn.expr import build_program, check_name, parse_bindings

    program = build_program(args.expr, parse_bindings(args.bindings))
    params = []
    for name in filter(None, (n.strip() for n in args.params.split(","))):
        name = check_name(name)
        if name not in program.leaves:
            raise ValueError(t("cli_graph_param_unknown", args.lang, name=name))
        params.append(program.leaves[name])
    return program, params


# ---------------------------------------------------------------- demo
def _add_demo(sub: argparse._SubParsersAction, lang: str) -> None:
    from micrograd_cn.demos import DEMOS

    p = subparser(sub, "demo", lang)
    p.add_argument("name", choices=list(DEMOS), metavar="NAME",
                   help=t("cli_demo_name_help", lang) + ": " + ", ".join(DEMOS))
    p.add_argument("--out", metavar="DIR", default=None, help=t("cli_demo_out_help", lang))
    p.add_argument("--no-plots", action="store_true", help=t("cli_demo_no_plots_help", lang))
    p.add_argument("--quick", action="store_true", help=t("cli_demo_quick_help", lang))
    p.set_defaults(func=_run_demo)


def _run_demo(args: argparse.Namespace) -> int:
    from micrograd_cn.demos import load

    def progress(line: str) -> None:
        print(line, flush=True)  # a teacher watches training happen

    demo = load(args.name)
    intro = getattr(demo, "intro", None)  # a demo with progress lines says first what they are
    if intro is not None:
        print(intro(args.lang), flush=True)
    result = demo.run(args.lang, args.out, plots=not args.no_plots, quick=args.quick,
                      progress=progress)
    print(result.render(args.lang, with_intro=False) if intro else result.render(args.lang))
    return 0


# ---------------------------------------------------------------- html
def _add_html(sub: argparse._SubParsersAction, lang: str) -> None:
    p = subparser(sub, "html", lang)
    _add_expression(p, lang)
    p.add_argument("-o", "--output", default="step.html", metavar="FILE",
                   help=t("cli_html_out_help", lang))
    _add_quiz(p, lang)
    _add_picture(p, lang)
    p.set_defaults(func=_run_html)


def _add_picture(p: argparse.ArgumentParser, lang: str) -> None:
    """--legend, --rankdir and --projector, shared by graph and html."""
    p.add_argument("--legend", action="store_true", help=t("cli_graph_legend_help", lang))
    p.add_argument("--rankdir", choices=("LR", "RL", "TB", "BT"), default="LR",
                   help=t("cli_graph_rankdir_help", lang))
    p.add_argument("--projector", action="store_true", help=t("cli_projector_help", lang))


def _run_html(args: argparse.Namespace) -> int:
    from micrograd_cn.stepper import write_step_page

    program, params = _built(args)
    steps = write_step_page(program.root, args.output, lang=args.lang, title=args.expr,
                            params=params, quiz=args.quiz, ask=args.ask,
                            projector=args.projector, rankdir=args.rankdir, legend=args.legend)
    print(t("cli_html_written", args.lang, path=args.output, n=steps))
    return 0


# ---------------------------------------------------------------- trace / step
def _lesson(args: argparse.Namespace) -> Lesson:
    """Build the expression of ``args`` and take its lesson snapshot."""
    from micrograd_cn.lesson import lesson

    program, params = _built(args)
    return lesson(program.root, params)


def _add_trace(sub: argparse._SubParsersAction, lang: str) -> None:
    from micrograd_cn.trace import STYLES

    p = subparser(sub, "trace", lang)
    _add_expression(p, lang)
    p.add_argument("--style", choices=STYLES, default=None, help=t("cli_trace_style_help", lang))
    _add_format(p, lang, ("table", "narrative", "md", "latex", "json"), "table",
                "cli_trace_format_help")
    p.set_defaults(func=_run_trace)


def _run_trace(args: argparse.Namespace) -> int:
    import json

    from micrograd_cn import doc
    from micrograd_cn.trace import trace_blocks, trace_json

    _check_target(args)
    ls = _lesson(args)
    if args.format == "json":
        return _emit(args, json.dumps(trace_json(ls, args.expr), ensure_ascii=False, indent=1))
    if args.format in ("table", "narrative"):  # terminal text; an explicit --style wins
        return _emit(args, doc.to_text(trace_blocks(ls, args.lang, args.style or args.format)))
    style = args.style or ("equations" if args.format == "latex" else "table")
    return _emit(args, doc.render(trace_blocks(ls, args.lang, style), args.format))


def _interactive() -> bool:
    """Keys can be read and pages shown: both ends are a terminal (not a pipe, not CI)."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout))


def _add_quiz(p: argparse.ArgumentParser, lang: str) -> None:
    """--quiz and --ask, shared by step (in the terminal) and html (in the browser)."""
    from micrograd_cn.quiz import ASKS

    p.add_argument("--quiz", action="store_true", help=t("cli_quiz_help", lang))
    p.add_argument("--ask", choices=ASKS, default="contribution", help=t("cli_ask_help", lang))


def _add_step(sub: argparse._SubParsersAction, lang: str) -> None:
    p = subparser(sub, "step", lang)
    _add_expression(p, lang)
    p.add_argument("--all", action="store_true", help=t("cli_all_help", lang))
    _add_quiz(p, lang)
    p.set_defaults(func=_run_step)


def _run_step(args: argparse.Namespace) -> int:
    from micrograd_cn.interactive import lines_from, run_quiz, run_stepper
    from micrograd_cn.trace import step_pages

    ls = _lesson(args)
    if args.quiz:  # in a terminal the student types; otherwise one answer a line from stdin
        read = input if _interactive() else lines_from(sys.stdin, print)
        run_quiz(ls, read, print, args.lang, args.ask)
        return 0
    pages = step_pages(ls, args.lang)
    if args.all or not _interactive():
        print("\n\n".join(pages))
        return 0
    return run_stepper(pages, input, print, args.lang)


# ---------------------------------------------------------------- exercise
def _add_exercise(sub: argparse._SubParsersAction, lang: str) -> None:
    from micrograd_cn.exercise import FORMATS, LEVELS

    p = subparser(sub, "exercise", lang)
    p.add_argument("--seed", type=int, default=0, help=t("cli_exercise_seed_help", lang))
    p.add_argument("--count", type=positive_int(lang), default=5, help=t("cli_exercise_count_help", lang))
    p.add_argument("--level", type=int, choices=LEVELS, default=1,
                   help=t("cli_exercise_level_help", lang))
    p.add_argument("--no-key", action="store_true", help=t("cli_exercise_no_key_help", lang))
    _add_format(p, lang, FORMATS, "md", "cli_exercise_format_help")
    p.set_defaults(func=_run_exercise)


def _run_exercise(args: argparse.Namespace) -> int:
    import json

    from micrograd_cn.doc import to_md
    from micrograd_cn.exercise import sheet, sheet_blocks, sheet_html, sheet_json

    _check_target(args)
    exercises = sheet(args.seed, args.count, args.level)
    if args.format == "json":
        return _emit(args, json.dumps(sheet_json(exercises), ensure_ascii=False, indent=1))
    if args.format == "html":
        return _emit(args, sheet_html(exercises, args.seed, args.level, args.lang,
                                      key=not args.no_key))
    return _emit(args, to_md(sheet_blocks(exercises, args.seed, args.level, args.lang,
                                          key=not args.no_key)))


# ---------------------------------------------------------------- paths
def _add_paths(sub: argparse._SubParsersAction, lang: str) -> None:
    p = subparser(sub, "paths", lang)
    p.add_argument("expr", metavar="EXPR", help=t("cli_expr_help", lang))
    p.add_argument("bindings", nargs="*", metavar="NAME=VALUE", help=t("cli_bindings_help", lang))
    p.add_argument("--wrt", required=True, metavar="NAME", help=t("cli_wrt_help", lang))
    p.set_defaults(func=_run_paths, params="")


def _run_paths(args: argparse.Namespace) -> int:
    from micrograd_cn.doc import to_text
    from micrograd_cn.paths import node_named, paths_blocks

    root = _built(args)[0].root
    print(to_text(paths_blocks(root, node_named(root, args.wrt), args.lang)))
    return 0


# ---------------------------------------------------------------- logistic
def _add_logistic(sub: argparse._SubParsersAction, lang: str) -> None:
    p = subparser(sub, "logistic", lang)
    number = finite_float(lang)
    p.add_argument("--x", action="append", nargs="+", type=number, required=True,
                   help=t("cli_x_help", lang))
    p.add_argument("--y", nargs="+", type=number, required=True, help=t("cli_y_help", lang))
    p.add_argument("--w", nargs="+", type=number, required=True, help=t("cli_w_help", lang))
    p.add_argument("--b", type=number, required=True, help=t("cli_b_help", lang))
    p.add_argument("--data-grads", action="store_true", help=t("cli_data_grads_help", lang))
    _add_style(p, lang)
    _add_format(p, lang, REPORT_FORMATS, "text", "cli_report_format_help")
    p.set_defaults(func=_run_logistic)


def _run_logistic(args: argparse.Namespace) -> int:
    from micrograd_cn.logistic import logistic_batch, logistic_neuron

    _check_target(args)
    if len(args.x) == 1 and len(args.y) == 1:
        one = logistic_neuron(args.x[0], args.y[0], args.w, args.b, data=args.data_grads)
        return _emit(args, one.render(args.lang, args.style, args.format))
    batch = logistic_batch(args.x, args.y, args.w, args.b, data=args.data_grads)
    return _emit(args, batch.render(args.lang, args.format))


# ---------------------------------------------------------------- bp
def _add_bp(sub: argparse._SubParsersAction, lang: str) -> None:
    from micrograd_cn.nn import ACTIVATIONS

    p = subparser(sub, "bp", lang)
    number = finite_float(lang)
    p.add_argument("--sizes", nargs="+", type=positive_int(lang), default=[2, 3, 2],
                   help=t("cli_sizes_help", lang))
    p.add_argument("--activation", choices=ACTIVATIONS, default="tanh",
                   help=t("cli_activation_help", lang))
    p.add_argument("--output-activation", choices=ACTIVATIONS, default="sigmoid",
                   help=t("cli_output_activation_help", lang))
    p.add_argument("--seed", type=int, default=0, help=t("cli_seed_help", lang))
    p.add_argument("--x", nargs="+", type=number, default=None, help=t("cli_bp_x_help", lang))
    p.add_argument("--y", nargs="+", type=number, default=None, help=t("cli_bp_y_help", lang))
    p.add_argument("--cost", choices=("mse", "ce"), default="mse", help=t("cli_cost_help", lang))
    p.add_argument("--no-compare", action="store_true", help=t("cli_no_compare_help", lang))
    p.add_argument("--no-timing", action="store_true", help=t("cli_no_timing_help", lang))
    _add_format(p, lang, REPORT_FORMATS, "text", "cli_report_format_help")
    p.add_argument("--html", metavar="FILE", default=None, help=t("cli_bp_html_help", lang))
    p.add_argument("--projector", action="store_true", help=t("cli_projector_help", lang))
    p.set_defaults(func=_run_bp)


def _run_bp(args: argparse.Namespace) -> int:
    from micrograd_cn.bp import bp_network

    _check_target(args)
    if args.html is not None:
        from micrograd_cn.bp import default_sample
        from micrograd_cn.layerview import network, write_layer_view

        mlp = network(args.sizes, activation=args.activation,
                      output_activation=args.output_activation, seed=args.seed)
        x, y = default_sample(args.sizes[0], args.sizes[-1])
        steps = write_layer_view(args.html, mlp, x if args.x is None else args.x,
                                 y if args.y is None else args.y, args.cost, lang=args.lang,
                                 projector=args.projector)
        print(t("cli_bp_written", args.lang, path=args.html, n=steps))
        return 0

    report = bp_network(args.sizes, args.x, args.y, activation=args.activation,
                        output_activation=args.output_activation, cost=args.cost,
                        seed=args.seed, compare=not args.no_compare)
    return _emit(args, report.render(args.lang, timing=not args.no_timing, fmt=args.format))


# ---------------------------------------------------------------- graph
def _add_graph(sub: argparse._SubParsersAction, lang: str) -> None:
    p = subparser(sub, "graph", lang)
    _add_expression(p, lang)
    p.add_argument("-o", "--output", default="graph.svg", metavar="FILE",
                   help=t("cli_graph_output_help", lang))
    p.add_argument("--order", action="store_true", help=t("cli_graph_order_help", lang))
    _add_picture(p, lang)
    p.set_defaults(func=_run_graph)


def _run_graph(args: argparse.Namespace) -> int:
    from micrograd_cn.lesson import lesson
    from micrograd_cn.table import num, table
    from micrograd_cn.viz import MAX_NODES, check_output, render, too_large

    lang = args.lang
    check_output(args.output)  # before any work: a wrong path fails at once
    program, params = _built(args)
    root = program.root
    if too_large(root):  # before the table: print nothing that the picture cannot follow
        raise ValueError(t("cli_graph_too_large", lang, limit=MAX_NODES))
    ls = lesson(root, params)
    print(f"{t('cli_graph_result', lang)} = {num(ls.nodes[ls.root].value)}")
    # the same words as the boxes of the picture drawn from these numbers: the inputs,
    # then each named step on the way to the result (the result is the line above)
    header = [t("cli_graph_name", lang), t("viz_data", lang), t("viz_grad", lang)]
    named = [*program.leaves, *(name for name, v in program.steps.items() if v is not root)]
    rows = [[node.name, num(node.value), num(node.grad) if node.wanted else "—"]
            for node in map(ls.by_name, named)]
    print("\n".join(table(header, rows)))
    path = render(root, args.output, lang=lang, params=params, legend=args.legend,
                  order=args.order, rankdir=args.rankdir, title=args.expr,
                  projector=args.projector)
    print(t("cli_graph_written", lang, path=path, dot=path.with_suffix(".dot")))
    return 0


SUBCOMMANDS: list[Callable[[argparse._SubParsersAction, str], None]] = [
    _add_graph, _add_trace, _add_step, _add_paths, _add_logistic, _add_bp, _add_demo, _add_html,
    _add_exercise,
]


def build_parser(lang: str) -> argparse.ArgumentParser:
    Parser.lang = lang
    parser = Parser(prog="micrograd-cn", description=t("cli_prog_description", lang), add_help=False)
    parser.add_argument("-h", "--help", action="help", help=t("cli_help_help", lang))
    parser.add_argument("--version", action="version", version=f"micrograd-cn {__version__}",
                        help=t("cli_version_help", lang))
    add_lang(parser, lang)
    sub = parser.add_subparsers(dest="command", title=t("cli_commands", lang), parser_class=Parser)
    for add in SUBCOMMANDS:
        add(sub, lang)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = scan_lang(argv)
    try:
        with readable_output() as output:
            try:
                return _main(argv, lang)
            finally:
                if output.used:  # some symbol had to be written in ASCII
                    print(hint(lang, sys.stderr), file=sys.stderr)
                sys.stdout.flush()  # a closed pipe shows here, while it can still be caught
    except KeyboardInterrupt:  # Ctrl-C, e.g. in `step`, a long demo or while loading
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        _discard_stdout()
        return 0


def _main(argv: list[str], lang: str) -> int:
    with argparse_speaks(lang):
        parser = build_parser(lang)
        args = parser.parse_args(argv)
        if getattr(args, "func", None) is None:
            parser.print_help()
            return 0
    with language(args.lang):
        try:
            return args.func(args)
        except BrokenPipeError:
            raise  # the reader went away: not an error to report (see main)
        except (TypeError, ValueError, ArithmeticError, OSError) as err:
            print(f"micrograd-cn: {t('cli_error_prefix', args.lang)}{err}", file=sys.stderr)
            return 2


def _discard_stdout() -> None:
    """Point stdout at the null device, so Python's last flush at exit finds no closed pipe."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test's capture): nothing will be flushed to a pipe


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
