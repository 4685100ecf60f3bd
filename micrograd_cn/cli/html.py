"""``micrograd-cn html``: the step-through page of an expression (and its quiz)"""

from __future__ import annotations

import argparse

from micrograd_cn.cli.args import subparser
from micrograd_cn.cli.common import add_expression, add_picture, add_quiz, built
from micrograd_cn.i18n import t


def add(sub: argparse._SubParsersAction, lang: str) -> None:
    p = subparser(sub, "html", lang, help_key="cli_html_help")
    add_expression(p, lang)
    p.add_argument("-o", "--output", default="step.html", metavar="FILE",
                   help=t("cli_html_out_help", lang))
    add_quiz(p, lang)
    add_picture(p, lang)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from micrograd_cn.pages.step import write_step_page
    from micrograd_cn.render.files import is_stdout

    program, params = built(args)
    steps = write_step_page(program.root, args.output, lang=args.lang, title=args.expr,
                            params=params, quiz=args.quiz, ask=args.ask,
                            projector=args.projector, rankdir=args.rankdir, legend=args.legend,
                            data_leaves=args.data_leaves)
    if not is_stdout(args.output):  # the page is the output: nothing else on it
        print(t("cli_html_written", args.lang, path=args.output, n=steps))
    return 0
