"""``micrograd-cn demo``: run one of the classroom demos"""

from __future__ import annotations

import argparse

from micrograd_cn.cli.args import subparser
from micrograd_cn.i18n import t


def add(sub: argparse._SubParsersAction, lang: str) -> None:
    from micrograd_cn.demos import DEMOS

    p = subparser(sub, "demo", lang, help_key="cli_demo_help")
    p.add_argument("name", choices=list(DEMOS), metavar="NAME",
                   help=t("cli_demo_name_help", lang) + ": " + ", ".join(DEMOS))
    p.add_argument("--out", metavar="DIR", default=None, help=t("cli_demo_out_help", lang))
    p.add_argument("--no-plots", action="store_true", help=t("cli_demo_no_plots_help", lang))
    p.add_argument("--quick", action="store_true", help=t("cli_demo_quick_help", lang))
    p.add_argument("--loss", choices=("hinge", "bce"), default=None, metavar="LOSS",
                   help=t("cli_demo_loss_help", lang))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from micrograd_cn.demos import load

    def progress(line: str) -> None:
        print(line, flush=True)  # a teacher watches training happen

    demo = load(args.name)
    options = {}
    if args.loss is not None:
        if args.name != "moons":
            raise ValueError(t("cli_demo_loss_moons_only", args.lang))
        options["loss"] = args.loss
    intro = getattr(demo, "intro", None)  # a demo with progress lines says first what they are
    if intro is not None:
        print(intro(args.lang, **({"kind": args.loss} if args.loss else {})), flush=True)
    result = demo.run(args.lang, args.out, plots=not args.no_plots, quick=args.quick,
                      progress=progress, **options)
    print(result.render(args.lang, with_intro=False) if intro else result.render(args.lang))
    return 0
