"""What several subcommands share: the expression arguments, --format and -o, printing or writing.

Imports: everything below cli (lazily, inside the functions, so ``--help`` stays fast).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Sequence

from micrograd_cn.i18n import t
from micrograd_cn.ops import function_ops
from micrograd_cn.teach.doc import CLI_REPORT_FORMATS

if TYPE_CHECKING:  # only for annotations: the modules themselves load lazily
    from micrograd_cn.engine import Value
    from micrograd_cn.teach.expr import Program
    from micrograd_cn.teach.snapshot import Snapshot


def expr_help(lang: str) -> str:
    """EXPR's help, naming the functions an expression may call (the engine's function ops)."""
    return t("cli_expr_help", lang, functions=" ".join(spec.name for spec in function_ops()))


def add_expression(p: argparse.ArgumentParser, lang: str) -> None:
    """EXPR, NAME=VALUE and --params, shared by graph, trace, step and html."""
    p.add_argument("expr", metavar="EXPR", help=expr_help(lang))
    p.add_argument("bindings", nargs="*", metavar="NAME=VALUE", help=t("cli_bindings_help", lang))
    p.add_argument("--params", default="", metavar="NAMES", help=t("cli_graph_params_help", lang))
    p.add_argument("--data", default="", metavar="NAMES", help=t("cli_data_help", lang))


def add_style(p: argparse.ArgumentParser, lang: str) -> None:
    p.add_argument("--style", choices=("table", "narrative"), default="table",
                   help=t("cli_style_help", lang))


def add_format(p: argparse.ArgumentParser, lang: str, formats: Sequence[str], default: str,
                help_key: str) -> None:
    """--format and -o/--output: what to emit and where (``emit`` writes it)."""
    p.add_argument("--format", choices=formats, default=default, help=t(help_key, lang))
    p.add_argument("-o", "--output", default=None, metavar="FILE", help=t("cli_output_help", lang))


REPORT_FORMATS = CLI_REPORT_FORMATS  # logistic and bp: doc blocks, or their JSON


def check_target(args: argparse.Namespace) -> None:
    """Before any work: an -o whose folder does not exist fails at once."""
    from pathlib import Path

    if args.output is not None and not Path(args.output).parent.is_dir():
        raise ValueError(t("viz_no_dir", args.lang, dir=str(Path(args.output).parent)))


def emit(args: argparse.Namespace, text: str) -> int:
    """Print ``text`` (also for ``-o -``), or with -o write it to that file
    (``files.write_output``: all or nothing, or as a stream) and say where."""
    from micrograd_cn.render.files import is_stdout, write_output

    if args.output is None or is_stdout(args.output):
        print(text.rstrip("\n"))
        return 0
    check_target(args)
    write_output(args.output, (text.rstrip("\n") + "\n").encode("utf-8"))
    print(t("cli_written", args.lang, path=args.output))
    return 0


def built(args: argparse.Namespace) -> tuple[Program, list[Value]]:
    """``args.expr`` (an expression or named steps) built with ``args.bindings``, and --params.

    ``args.data_leaves`` is set to the --data leaves: without --data, none (every named
    leaf shows its gradient); --data alone makes the other named leaves the parameters.
    """
    from micrograd_cn.teach.expr import build_program, check_name, parse_bindings

    program = build_program(args.expr, parse_bindings(args.bindings))

    def leaves(text: str, unknown: str) -> list[Value]:
        found = []
        for name in filter(None, (n.strip() for n in text.split(","))):
            name = check_name(name)
            if name not in program.leaves:
                raise ValueError(t(unknown, args.lang, name=name))
            found.append(program.leaves[name])
        return found

    params = leaves(args.params, "cli_graph_param_unknown")
    data = leaves(getattr(args, "data", ""), "cli_data_unknown")
    both = [name for name, leaf in program.leaves.items() if leaf in params and leaf in data]
    if both:
        raise ValueError(t("cli_leaf_both", args.lang, name=both[0]))
    if data and not params:
        params = [leaf for leaf in program.leaves.values() if leaf not in data]
    args.data_leaves = data
    return program, params


def add_picture(p: argparse.ArgumentParser, lang: str) -> None:
    """--legend, --rankdir and --projector, shared by graph and html."""
    p.add_argument("--legend", action="store_true", help=t("cli_graph_legend_help", lang))
    p.add_argument("--rankdir", choices=("LR", "RL", "TB", "BT"), default="LR",
                   help=t("cli_graph_rankdir_help", lang))
    p.add_argument("--projector", action="store_true", help=t("cli_projector_help", lang))


def snapshot(args: argparse.Namespace) -> Snapshot:
    """Build the expression of ``args`` and take its snapshot."""
    from micrograd_cn.teach.snapshot import snapshot

    program, params = built(args)
    return snapshot(program.root, params, data_leaves=args.data_leaves)


def interactive() -> bool:
    """Keys can be read and pages shown: both ends are a terminal (not a pipe, not CI)."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout))


def add_quiz(p: argparse.ArgumentParser, lang: str) -> None:
    """--quiz and --ask, shared by step (in the terminal) and html (in the browser)."""
    from micrograd_cn.teach.quiz import ASKS

    p.add_argument("--quiz", action="store_true", help=t("cli_quiz_help", lang))
    p.add_argument("--ask", choices=ASKS, default="contribution", help=t("cli_ask_help", lang))
