"""``micrograd-cn bp``: BP1–BP4 per scalar for a small network, and its layer view"""

from __future__ import annotations

import argparse
import os

from micrograd_cn.cli.args import finite_float, positive_int, subparser
from micrograd_cn.cli.common import REPORT_FORMATS, add_format, check_target, emit
from micrograd_cn.i18n import t


def add(sub: argparse._SubParsersAction, lang: str) -> None:
    from micrograd_cn.nn import ACTIVATIONS

    p = subparser(sub, "bp", lang, help_key="cli_bp_help")
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
    p.add_argument("--weights", metavar="FILE", default=None, help=t("cli_bp_weights_help", lang))
    p.add_argument("--no-compare", action="store_true", help=t("cli_no_compare_help", lang))
    p.add_argument("--no-timing", action="store_true", help=t("cli_no_timing_help", lang))
    add_format(p, lang, REPORT_FORMATS, "text", "cli_report_format_help")
    p.add_argument("--html", metavar="FILE", default=None, help=t("cli_bp_html_help", lang))
    p.add_argument("--projector", action="store_true", help=t("cli_projector_help", lang))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """The report (printed, or written by -o); with --html the layer view, and with
    --html and -o both files."""
    from micrograd_cn.render.files import is_stdout
    from micrograd_cn.teach.backprop import bp_network

    check_target(args)
    weights = None
    if args.weights is not None:  # before any work: a file that does not fit fails at once
        from micrograd_cn.teach.weights import load_weights

        weights = load_weights(args.weights, args.sizes, args.lang)
    if args.html is not None:
        from micrograd_cn.pages.layer import network, write_layer_view
        from micrograd_cn.teach.backprop import default_sample

        if args.output is not None and os.path.realpath(args.output) == os.path.realpath(args.html):
            raise ValueError(t("cli_bp_same_file", args.lang, path=args.output))
        if is_stdout(args.html) and args.output is not None and is_stdout(args.output):
            raise ValueError(t("cli_bp_same_file", args.lang, path="-"))
        mlp = network(args.sizes, activation=args.activation,
                      output_activation=args.output_activation, seed=args.seed)
        if weights is not None:
            mlp.set_weights(*weights)
        x, y = default_sample(args.sizes[0], args.sizes[-1])
        steps = write_layer_view(args.html, mlp, x if args.x is None else args.x,
                                 y if args.y is None else args.y, args.cost, lang=args.lang,
                                 projector=args.projector)
        if not is_stdout(args.html):  # the page is the output: nothing else on it
            print(t("cli_bp_written", args.lang, path=args.html, n=steps))
        if args.output is None:  # the page was asked for; the report only with -o
            return 0

    report = bp_network(args.sizes, args.x, args.y, activation=args.activation,
                        output_activation=args.output_activation, cost=args.cost,
                        seed=args.seed, compare=not args.no_compare, weights=weights)
    return emit(args, report.render(args.lang, timing=not args.no_timing, fmt=args.format))
