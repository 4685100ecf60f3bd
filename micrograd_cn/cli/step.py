"""``micrograd-cn step``: the backward pass page by page in the terminal, or the quiz"""

from __future__ import annotations

import argparse
import sys

from micrograd_cn.cli import common
from micrograd_cn.cli.args import subparser
from micrograd_cn.cli.common import add_expression, add_quiz, snapshot
from micrograd_cn.i18n import t


def add(sub: argparse._SubParsersAction, lang: str) -> None:
    p = subparser(sub, "step", lang, help_key="cli_step_help")
    add_expression(p, lang)
    p.add_argument("--all", action="store_true", help=t("cli_all_help", lang))
    add_quiz(p, lang)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from micrograd_cn.cli.interactive import lines_from, run_quiz, run_stepper
    from micrograd_cn.teach.trace import step_pages

    ls = snapshot(args)
    if args.quiz:  # in a terminal the student types; otherwise one answer a line from stdin
        read = input if common.interactive() else lines_from(sys.stdin, print)
        run_quiz(ls, read, print, args.lang, args.ask)
        return 0
    pages = step_pages(ls, args.lang)
    if args.all or not common.interactive():
        print("\n\n".join(pages))
        return 0
    return run_stepper(pages, input, print, args.lang)
