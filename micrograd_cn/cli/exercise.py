"""``micrograd-cn exercise``: exercise sheets with their keys; ``--roster``: a class's homework;
``exercise check``: marking a class's answers against its key"""

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
    p.add_argument("--topic", choices=("grad", "shapes"), default="grad",
                   help=t("cli_exercise_topic_help", lang))
    p.add_argument("--roster", metavar="FILE", default=None, help=t("cli_roster_help", lang))
    add_format(p, lang, FORMATS, "md", "cli_exercise_format_help")
    p.set_defaults(func=run)
    # `exercise check`: the class's answers against its key (plain `exercise` keeps its options)
    checks = p.add_subparsers(dest="exercise_command", title=t("cli_commands", lang),
                              parser_class=type(p))
    c = subparser(checks, "check", lang, help_key="cli_check_help")
    c.add_argument("answers", metavar="ANSWERS.csv", help=t("cli_check_answers_help", lang))
    c.add_argument("--key", required=True, metavar="KEY.json", help=t("cli_check_key_help", lang))
    c.add_argument("-o", "--output", default=None, metavar="FILE",
                   help=t("cli_check_output_help", lang))
    c.set_defaults(func=run_check)


def run(args: argparse.Namespace) -> int:
    import json

    from micrograd_cn.pages.exercise import sheet_html
    from micrograd_cn.render.document import to_md
    from micrograd_cn.teach.exercise import sheet, sheet_blocks, sheet_json

    if args.roster is not None:
        return run_roster(args)
    check_target(args)
    if args.topic == "shapes":
        return emit(args, _shapes(args))
    exercises = sheet(args.seed, args.count, args.level)
    if args.format == "json":
        return emit(args, json.dumps(sheet_json(exercises, key=not args.no_key), ensure_ascii=False, indent=1))
    if args.format == "html":
        return emit(args, sheet_html(exercises, args.seed, args.level, args.lang,
                                      key=not args.no_key))
    return emit(args, to_md(sheet_blocks(exercises, args.seed, args.level, args.lang,
                                          key=not args.no_key)))


def _shapes(args: argparse.Namespace) -> str:
    """The shapes sheet (``--topic shapes``) as md, html or json."""
    import json

    from micrograd_cn.pages.base import page_head
    from micrograd_cn.render.document import to_html, to_md
    from micrograd_cn.teach.shapes import shapes_blocks, shapes_json, shapes_sheet

    problems, numeric = shapes_sheet(args.seed, args.count)
    if args.format == "json":
        return json.dumps(shapes_json(problems, numeric), ensure_ascii=False, indent=1)
    blocks = shapes_blocks(problems, numeric, args.seed, args.lang, key=not args.no_key)
    if args.format == "md":
        return to_md(blocks)
    title = t("shapes_title", args.lang, seed=args.seed)
    return "\n".join([*page_head(args.lang, title, ("sheet.css",), projector=False),
                      to_html(blocks), "</body>\n</html>\n"])


def run_roster(args: argparse.Namespace) -> int:
    """One sheet per student, the key, a blank answers.csv: all into the folder -o DIR."""
    from pathlib import Path

    from micrograd_cn.pages.homework import homework_key_html, homework_sheet_html
    from micrograd_cn.render.document import to_md
    from micrograd_cn.render.files import write_output
    from micrograd_cn.teach.homework import class_files, read_roster

    lang = args.lang
    if args.output is None:
        raise ValueError(t("cli_roster_needs_dir", lang))
    if args.format == "json" or args.no_key:
        raise ValueError(t("cli_roster_options", lang))
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise ValueError(t("cli_roster_not_dir", lang, path=str(folder)))
    if not folder.parent.is_dir():
        raise ValueError(t("viz_no_dir", lang, dir=str(folder.parent)))
    names = read_roster(args.roster, lang)
    files = class_files(names, seed=args.seed, count=args.count, level=args.level,
                        fmt=args.format, lang=lang, md=to_md, html_sheet=homework_sheet_html,
                        html_key=homework_key_html)
    if folder.is_dir():  # nothing but this class's files goes into the folder
        others = sorted(p.name for p in folder.iterdir() if p.name not in files)
        if others:
            raise ValueError(t("cli_roster_not_empty", lang, path=str(folder),
                               other=others[0], n=len(others)))
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        write_output(folder / name, text.encode("utf-8"))
    print(t("cli_roster_written", lang, n=len(names), path=str(folder), files=len(files)))
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Mark answers.csv against key.json: print the scores, write them with -o."""
    import sys

    from micrograd_cn.render.document import to_text
    from micrograd_cn.render.files import is_stdout
    from micrograd_cn.teach.homework import mark, marking_blocks, read_answers, read_key, scores_csv

    lang = args.lang
    check_target(args)  # before any work: an -o whose folder does not exist fails at once
    key = read_key(args.key, lang)
    text = read_answers(args.answers, lang)
    marking = mark(key, text, lang, source=args.answers)
    report = to_text(marking_blocks(marking, lang)).rstrip("\n")
    if args.output is None:
        print(report)
        return 0
    print(report, file=sys.stderr if is_stdout(args.output) else sys.stdout)
    return emit(args, scores_csv(marking))  # -o - : the scores alone on standard output
