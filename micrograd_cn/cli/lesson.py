"""``micrograd-cn lesson``: the lesson deck (the built-in lesson or a teacher's TOML file) as one
offline HTML file, with ``--handout`` its Markdown handout and ``--example`` the example file"""

from __future__ import annotations

import argparse
import time

from micrograd_cn.cli.args import subparser
from micrograd_cn.i18n import t


def add(sub: argparse._SubParsersAction, lang: str) -> None:
    p = subparser(sub, "lesson", lang, help_key="cli_lesson_help")
    p.add_argument("file", nargs="?", default=None, metavar="FILE.toml", help=t("cli_lesson_file_help", lang))
    p.add_argument("-o", "--output", default="lesson.html", metavar="FILE", help=t("cli_lesson_out_help", lang))
    p.add_argument("--projector", action="store_true", help=t("cli_projector_help", lang))
    p.add_argument("--handout", default=None, metavar="FILE.md", help=t("cli_lesson_handout_help", lang))
    p.add_argument("--example", action="store_true", help=t("cli_lesson_example_help", lang))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.example:
        from micrograd_cn.teach.deck import example_text

        print(example_text(), end="")
        return 0
    from micrograd_cn.pages.deck import write_deck

    start = time.perf_counter()
    pages = write_deck(args.output, args.file, lang=args.lang, projector=args.projector, handout=args.handout)
    seconds = time.perf_counter() - start
    for number, line in pages.summaries:
        print(t("cli_lesson_trained", args.lang, page=number, line=line))
    print(t("cli_lesson_written", args.lang, path=args.output, n=len(pages.deck.pages), seconds=f"{seconds:.1f}"))
    if args.handout:
        print(t("cli_lesson_handout_written", args.lang, path=args.handout))
    return 0
