"""``micrograd-cn bp``: BP1–BP4 per scalar for a small network (one sample or a batch), its
matrix form, and its layer view"""

from __future__ import annotations

import argparse
import os

from micrograd_cn.cli.args import finite_float, positive_int, subparser
from micrograd_cn.cli.common import REPORT_FORMATS, add_format, check_target, emit
from micrograd_cn.i18n import t


def add(sub: argparse._SubParsersAction, lang: str) -> None:
    from micrograd_cn.nn import ACTIVATIONS
    from micrograd_cn.teach.backprop import COSTS, DEFAULT_COST, NUMBERINGS

    p = subparser(sub, "bp", lang, help_key="cli_bp_help")
    number = finite_float(lang)
    p.add_argument("--sizes", nargs="+", type=positive_int(lang), default=[2, 3, 2],
                   help=t("cli_sizes_help", lang))
    p.add_argument("--activation", choices=ACTIVATIONS, default="tanh",
                   help=t("cli_activation_help", lang))
    p.add_argument("--output-activation", choices=ACTIVATIONS, default="sigmoid",
                   help=t("cli_output_activation_help", lang))
    p.add_argument("--seed", type=int, default=0, help=t("cli_seed_help", lang))
    p.add_argument("--x", action="append", nargs="+", type=number, default=None,
                   help=t("cli_bp_x_help", lang))
    p.add_argument("--y", action="append", nargs="+", type=number, default=None,
                   help=t("cli_bp_y_help", lang))
    p.add_argument("--batch", metavar="FILE.csv", default=None, help=t("cli_batch_help", lang))
    p.add_argument("--sample", type=positive_int(lang), default=None, metavar="K",
                   help=t("cli_sample_help", lang))
    p.add_argument("--cost", choices=COSTS, default=DEFAULT_COST, help=t("cli_cost_help", lang))
    p.add_argument("--numbering", choices=NUMBERINGS, default="nielsen",
                   help=t("cli_numbering_help", lang))
    p.add_argument("--weights", metavar="FILE", default=None, help=t("cli_bp_weights_help", lang))
    p.add_argument("--no-compare", action="store_true", help=t("cli_no_compare_help", lang))
    p.add_argument("--no-timing", action="store_true", help=t("cli_no_timing_help", lang))
    add_format(p, lang, REPORT_FORMATS, "text", "cli_report_format_help")
    p.add_argument("--html", metavar="FILE", default=None, help=t("cli_bp_html_help", lang))
    p.add_argument("--projector", action="store_true", help=t("cli_projector_help", lang))
    p.set_defaults(func=run)


def samples(args: argparse.Namespace) -> tuple[list[list[float]], list[list[float]]]:
    """The batch of ``args``: --batch FILE, or repeated --x/--y, or the default sample."""
    from micrograd_cn.teach.backprop import default_sample
    from micrograd_cn.teach.matrices import read_batch

    if args.batch is not None:
        if args.x is not None or args.y is not None:
            raise ValueError(t("mx_batch_and_x", args.lang))
        return read_batch(args.batch, args.sizes[0], args.sizes[-1])
    dx, dy = default_sample(args.sizes[0], args.sizes[-1])
    X = [dx] if args.x is None else args.x
    Y = [dy] * len(X) if args.y is None else args.y
    if len(Y) != len(X):
        raise ValueError(t("mx_y_count", args.lang, m=len(X), k=len(Y)))
    return X, Y


def run(args: argparse.Namespace) -> int:
    """The report (printed, or written by -o); with --html the layer view, and with
    --html and -o both files."""
    from micrograd_cn.render.files import is_stdout
    from micrograd_cn.teach.backprop import network_of
    from micrograd_cn.teach.matrices import bp_batch, with_dead_seed

    check_target(args)
    weights = None
    if args.weights is not None:  # before any work: a file that does not fit fails at once
        from micrograd_cn.teach.weights import load_weights

        weights = load_weights(args.weights, args.sizes, args.lang)
    X, Y = samples(args)
    if args.html is not None:
        from micrograd_cn.pages.layer import network, write_layer_view

        if args.output is not None and os.path.realpath(args.output) == os.path.realpath(args.html):
            raise ValueError(t("cli_bp_same_file", args.lang, path=args.output))
        if is_stdout(args.html) and args.output is not None and is_stdout(args.output):
            raise ValueError(t("cli_bp_same_file", args.lang, path="-"))
        mlp = network(args.sizes, activation=args.activation,
                      output_activation=args.output_activation, seed=args.seed)
        if weights is not None:
            mlp.set_weights(*weights)
        steps = write_layer_view(args.html, mlp, X, Y, args.cost, lang=args.lang,
                                 projector=args.projector, numbering=args.numbering,
                                 sample=args.sample)
        if not is_stdout(args.html):  # the page is the output: nothing else on it
            print(t("cli_bp_written", args.lang, path=args.html, n=steps))
        if args.output is None:  # the page was asked for; the report only with -o
            return 0

    mlp = network_of(args.sizes, args.activation, args.output_activation, args.seed)
    if weights is not None:
        mlp.set_weights(*weights)
    report = bp_batch(mlp, X, Y, args.cost, numbering=args.numbering, sample=args.sample,
                      compare=not args.no_compare)
    if weights is None:  # a dead ReLU: name a seed that has none on these samples
        report = with_dead_seed(report, args.sizes, args.activation, args.output_activation,
                                args.seed)
    return emit(args, report.render(args.lang, timing=not args.no_timing, fmt=args.format))
