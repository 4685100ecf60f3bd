"""``micrograd-cn lab``: new (a skeleton or the solution), check (one student's folder), grade (a class)."""

from __future__ import annotations

import argparse
import json
import sys

from micrograd_cn.cli.args import Parser, subparser
from micrograd_cn.i18n import t


def add(sub: argparse._SubParsersAction, lang: str) -> None:
    p = subparser(sub, "lab", lang, help_key="cli_lab_help")
    labs = p.add_subparsers(dest="lab_command", title=t("cli_commands", lang), parser_class=Parser, required=True,
                            metavar="{new,check,grade}")

    new = subparser(labs, "new", lang, help_key="cli_lab_new_help")
    new.add_argument("dir", metavar="DIR", help=t("cli_lab_new_dir_help", lang))
    new.add_argument("--solution", action="store_true", help=t("cli_lab_solution_help", lang))
    new.add_argument("--force", action="store_true", help=t("cli_lab_force_help", lang))
    new.set_defaults(func=run_new)

    check = subparser(labs, "check", lang, help_key="cli_lab_check_help")
    check.add_argument("dir", metavar="DIR", help=t("cli_lab_check_dir_help", lang))
    check.add_argument("--task", type=int, choices=range(1, 7), metavar="N", help=t("cli_lab_task_help", lang))
    check.add_argument("--json", action="store_true", help=t("cli_lab_json_help", lang))
    check.set_defaults(func=run_check)

    grade = subparser(labs, "grade", lang, help_key="cli_lab_grade_help")
    grade.add_argument("class_dir", metavar="CLASS_DIR", help=t("cli_lab_class_help", lang))
    grade.add_argument("-o", "--output", default=None, metavar="FILE", help=t("cli_lab_scores_help", lang))
    grade.set_defaults(func=run_grade)


def run_new(args: argparse.Namespace) -> int:
    import os
    import shutil
    import tempfile
    from pathlib import Path

    from micrograd_cn.render.files import shared_mode, write_output
    from micrograd_cn.teach.lab.skeleton import files

    folder = Path(args.dir)
    contents = files(args.lang, solution=args.solution)
    if folder.exists() and not folder.is_dir():
        raise ValueError(t("lab_not_a_folder", args.lang, path=str(folder)))
    if folder.exists() and not args.force:
        raise ValueError(t("lab_exists", args.lang, path=str(folder)))
    if not folder.parent.is_dir():
        raise ValueError(t("viz_no_dir", args.lang, dir=str(folder.parent)))
    if folder.exists():  # --force: each file replaced whole
        for name, text in contents.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            write_output(folder / name, text.encode("utf-8"))
    else:  # built beside it and renamed into place: the folder appears complete or not at all
        build = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        try:
            for name, text in contents.items():
                (build / name).parent.mkdir(parents=True, exist_ok=True)
                write_output(build / name, text.encode("utf-8"))
            mode = shared_mode()  # mkdtemp made it 0700: give it what mkdir would
            os.chmod(build, mode | (mode & 0o444) >> 2)
            os.rename(build, folder)
        except BaseException:
            shutil.rmtree(build, ignore_errors=True)
            raise
    print(t("lab_written", args.lang, path=str(folder), files=len(contents)))
    print(t("lab_solution_note" if args.solution else "lab_next", args.lang, path=str(folder)))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from micrograd_cn.render.lab import check_text
    from micrograd_cn.teach.lab.report import folder_error, to_json
    from micrograd_cn.teach.lab.runner import NotALab, all_passed, check

    try:
        results = check(args.dir, None if args.task is None else [args.task])
    except NotALab as err:
        print(f"micrograd-cn: {t('cli_error_prefix', args.lang)}{folder_error(err, args.lang)}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(to_json(results, args.lang), ensure_ascii=False, indent=1))
    else:
        print(check_text(results, args.lang))
    return 0 if all_passed(results) else 1


def run_grade(args: argparse.Namespace) -> int:
    from pathlib import Path

    from micrograd_cn.render.files import is_stdout, write_output
    from micrograd_cn.render.lab import grade_text, scores_csv
    from micrograd_cn.teach.lab.report import folder_error
    from micrograd_cn.teach.lab.runner import NotALab, grade

    if args.output is not None and not Path(args.output).parent.is_dir():
        raise ValueError(t("viz_no_dir", args.lang, dir=str(Path(args.output).parent)))
    try:
        graded = grade(args.class_dir)
    except NotALab as err:
        print(f"micrograd-cn: {t('cli_error_prefix', args.lang)}{folder_error(err, args.lang)}", file=sys.stderr)
        return 2
    if not graded:
        raise ValueError(t("lab_no_students", args.lang, path=args.class_dir))
    text = scores_csv(graded, args.lang)
    if args.output is None:
        print(text, end="")
        return 0
    write_output(args.output, text.encode("utf-8"))
    if is_stdout(args.output):  # the table is the output: nothing else on it
        return 0
    print(grade_text(graded, args.lang))
    print(t("cli_written", args.lang, path=args.output))
    return 0
