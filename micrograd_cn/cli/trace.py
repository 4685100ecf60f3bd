"""``micrograd-cn trace``: the chain rule step by step, as a table, a narrative or an export"""

from __future__ import annotations

import argparse

from micrograd_cn.cli.args import subparser
from micrograd_cn.cli.common import add_expression, add_format, check_target, emit, snapshot
from micrograd_cn.i18n import t


def add(sub: argparse._SubParsersAction, lang: str) -> None:
    from micrograd_cn.teach.trace import STYLES

    p = subparser(sub, "trace", lang, help_key="cli_trace_help")
    add_expression(p, lang)
    p.add_argument("--style", choices=STYLES, default=None, help=t("cli_trace_style_help", lang))
    add_format(p, lang, ("table", "narrative", "md", "latex", "json"), "table",
                "cli_trace_format_help")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from micrograd_cn.render import document as doc
    from micrograd_cn.teach.trace import trace_blocks, trace_json

    check_target(args)
    ls = snapshot(args)
    if args.format == "json":
        return emit(args, json.dumps(trace_json(ls, args.expr), ensure_ascii=False, indent=1))
    if args.format in ("table", "narrative"):  # terminal text; an explicit --style wins
        return emit(args, doc.to_text(trace_blocks(ls, args.lang, args.style or args.format)))
    style = args.style or ("equations" if args.format == "latex" else "table")
    return emit(args, doc.render(trace_blocks(ls, args.lang, style), args.format))
