"""``micrograd-cn paths``: a derivative as a sum over paths of local derivatives"""

from __future__ import annotations

import argparse

from micrograd_cn.cli.args import subparser
from micrograd_cn.cli.common import built, expr_help
from micrograd_cn.i18n import t


def add(sub: argparse._SubParsersAction, lang: str) -> None:
    p = subparser(sub, "paths", lang, help_key="cli_paths_help")
    p.add_argument("expr", metavar="EXPR", help=expr_help(lang))
    p.add_argument("bindings", nargs="*", metavar="NAME=VALUE", help=t("cli_bindings_help", lang))
    p.add_argument("--wrt", required=True, metavar="NAME", help=t("cli_wrt_help", lang))
    p.set_defaults(func=run, params="")


def run(args: argparse.Namespace) -> int:
    from micrograd_cn.render.document import to_text
    from micrograd_cn.teach.paths import node_named, paths_blocks

    root = built(args)[0].root
    print(to_text(paths_blocks(root, node_named(root, args.wrt), args.lang)))
    return 0
