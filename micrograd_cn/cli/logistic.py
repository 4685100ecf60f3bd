"""``micrograd-cn logistic``: the logistic neuron by hand (one sample or a batch)"""

from __future__ import annotations

import argparse

from micrograd_cn.cli.args import finite_float, subparser
from micrograd_cn.cli.common import REPORT_FORMATS, add_format, add_style, check_target, emit
from micrograd_cn.i18n import t


def add(sub: argparse._SubParsersAction, lang: str) -> None:
    p = subparser(sub, "logistic", lang, help_key="cli_logistic_help")
    number = finite_float(lang)
    p.add_argument("--x", action="append", nargs="+", type=number, required=True,
                   help=t("cli_x_help", lang))
    p.add_argument("--y", nargs="+", type=number, required=True, help=t("cli_y_help", lang))
    p.add_argument("--w", nargs="+", type=number, required=True, help=t("cli_w_help", lang))
    p.add_argument("--b", type=number, required=True, help=t("cli_b_help", lang))
    p.add_argument("--data-grads", action="store_true", help=t("cli_data_grads_help", lang))
    add_style(p, lang)
    add_format(p, lang, REPORT_FORMATS, "text", "cli_report_format_help")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from micrograd_cn.teach.neuron import logistic_batch, logistic_neuron

    check_target(args)
    if len(args.x) == 1 and len(args.y) == 1:
        one = logistic_neuron(args.x[0], args.y[0], args.w, args.b, data=args.data_grads)
        return emit(args, one.render(args.lang, args.style, args.format))
    batch = logistic_batch(args.x, args.y, args.w, args.b, data=args.data_grads)
    return emit(args, batch.render(args.lang, args.format))
