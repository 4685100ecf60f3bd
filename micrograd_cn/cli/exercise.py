"""``micrograd-cn exercise``: exercise sheets with their keys"""

from __future__ import annotations

import argparse

from micrograd_cn.cli.args import positive_int, subparser
from micrograd_cn.cli.common import add_format, check_target, emit
from micrograd_cn.i18n import t


def add(sub: argparse._SubParsersAction, lang: str) -> None:
    from micrograd_cn.teach.exercise import FORMATS, LEVELS

    p = subparser(sub, "exercise", lang, help_key="cli_exercise_help")
    p.add_argument("--seed", type=int, default=0, help=t("cli_exercise_seed_help", lang))
    p.add_argument("--count", type=positive_int(lang), default=5, help=t("cli_exercise_count_help", lang))
    p.add_argument("--level", type=int, choices=LEVELS, default=1,
                   help=t("cli_exercise_level_help", lang))
    p.add_argument("--no-key", action="store_true", help=t("cli_exercise_no_key_help", lang))
    add_format(p, lang, FORMATS, "md", "cli_exercise_format_help")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from micrograd_cn.pages.exercise import sheet_html
    from micrograd_cn.render.document import to_md
    from micrograd_cn.teach.exercise import sheet, sheet_blocks, sheet_json

    check_target(args)
    exercises = sheet(args.seed, args.count, args.level)
    if args.format == "json":
        return emit(args, json.dumps(sheet_json(exercises), ensure_ascii=False, indent=1))
    if args.format == "html":
        return emit(args, sheet_html(exercises, args.seed, args.level, args.lang,
                                      key=not args.no_key))
    return emit(args, to_md(sheet_blocks(exercises, args.seed, args.level, args.lang,
                                          key=not args.no_key)))
