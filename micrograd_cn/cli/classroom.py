"""``micrograd-cn classroom``: run a class (every student answers), forget it, report on it.

    micrograd-cn classroom [LESSON.toml] [--port 8000] [--db classroom.sqlite] [--lan]
                           [--token-file F] [--session NAME] [--projector] [--lang en]
    micrograd-cn classroom forget --db F [--session NAME]
    micrograd-cn classroom report --db F [--session NAME] [--format md|csv|json] [-o FILE]

``forget`` and ``report`` are words in the LESSON place (a lesson file with such a name is
given as ``./report``). The server needs the ``classroom`` extra; without it the command says
how to install it.
"""

from __future__ import annotations

import argparse
import re
import secrets
from datetime import date

from micrograd_cn.cli.args import subparser
from micrograd_cn.i18n import t

ACTIONS = ("forget", "report")
MAX_SESSION = 100
_SESSION = re.compile(r"[^\x00-\x1f\x7f]{1,%d}" % MAX_SESSION)


def add(sub: argparse._SubParsersAction, lang: str) -> None:
    p = subparser(sub, "classroom", lang, help_key="cli_classroom_help")
    p.add_argument("lesson", nargs="?", metavar="LESSON.toml|forget|report",
                   help=t("cli_classroom_lesson_help", lang))
    p.add_argument("--port", type=_port(lang), default=8000, help=t("cli_classroom_port_help", lang))
    p.add_argument("--db", default=None, help=t("cli_classroom_db_help", lang))
    p.add_argument("--lan", action="store_true", help=t("cli_classroom_lan_help", lang))
    p.add_argument("--token-file", default=None, help=t("cli_classroom_token_help", lang))
    p.add_argument("--session", default=None, help=t("cli_classroom_session_help", lang))
    p.add_argument("--projector", action="store_true", help=t("cli_classroom_projector_help", lang))
    p.add_argument("--format", choices=("md", "csv", "json"), default=None,
                   help=t("cli_classroom_format_help", lang))
    p.add_argument("-o", "--output", default=None, help=t("cli_classroom_output_help", lang))
    p.set_defaults(func=run)


def _port(lang: str):
    def convert(text: str) -> int:
        if not text.strip().isdecimal() or not 0 <= int(text) <= 65535:
            raise argparse.ArgumentTypeError(t("cli_classroom_bad_port", lang, value=text[:20]))
        return int(text)
    return convert


def _session(args: argparse.Namespace, default: str | None) -> str | None:
    name = args.session if args.session is not None else default
    if name is not None and not _SESSION.fullmatch(name):
        raise ValueError(t("cli_classroom_bad_session", args.lang, limit=MAX_SESSION))
    return name


def _only(args: argparse.Namespace, action: str, allowed: tuple[str, ...]) -> None:
    given = {"--port": args.port != 8000, "--lan": args.lan, "--token-file": args.token_file is not None,
             "--projector": args.projector, "--format": args.format is not None,
             "-o": args.output is not None}
    for option, used in given.items():
        if used and option not in allowed:
            raise ValueError(t("cli_classroom_not_here", args.lang, option=option, action=action))


def run(args: argparse.Namespace) -> int:
    if args.lesson in ACTIONS:
        if args.db is None:
            raise ValueError(t("cli_classroom_needs_db", args.lang, action=args.lesson))
        if args.lesson == "forget":
            _only(args, "forget", ())
            return _forget(args)
        _only(args, "report", ("--format", "-o"))
        return _report(args)
    _only(args, "classroom", ("--port", "--lan", "--token-file", "--projector"))
    return _serve(args)


def _forget(args: argparse.Namespace) -> int:
    from micrograd_cn.server.store import forget

    students, answers = forget(args.db, _session(args, None))
    print(t("cli_classroom_forgot", args.lang, students=students, answers=answers, path=args.db))
    return 0


def _report(args: argparse.Namespace) -> int:
    from micrograd_cn.cli.common import emit
    from micrograd_cn.server.report import render, report

    rows = report(args.db, _session(args, None), args.lang)
    return emit(args, render(rows, args.format or "md", args.lang))


def _require_extra(lang: str) -> None:
    from micrograd_cn.server import missing

    absent = missing()
    if absent:
        raise OSError(t("cli_classroom_missing_extra", lang, names=", ".join(absent)))


def _serve(args: argparse.Namespace) -> int:
    _require_extra(args.lang)
    from micrograd_cn.pages.deck import deck_html
    from micrograd_cn.server.app import create_app, make_classroom
    from micrograd_cn.server.run import ALL, LOOPBACK, lan_address, listen, read_token, serve, write_token
    from micrograd_cn.teach.deck import load_deck

    session = str(_session(args, date.today().isoformat()))
    deck = load_deck(args.lesson, lang=args.lang)
    db = args.db or "classroom.sqlite"
    # a restart with the same --token-file keeps the token: the teacher's open page goes on working
    token = (read_token(args.token_file) if args.token_file else None) or secrets.token_urlsafe(24)
    sock = listen(ALL if args.lan else LOOPBACK, args.port)
    try:
        port = sock.getsockname()[1]
        host = lan_address() if args.lan else LOOPBACK
        student_url = f"http://{host}:{port}/"
        room = make_classroom(deck, db=db, session=session, token=token, lang=args.lang,
                              student_url=student_url, deck_html=deck_html, projector=args.projector)
        if args.token_file is not None:
            write_token(args.token_file, token)
        questions = sum(p.question is not None for p in deck.pages)
        lines = [t("cli_classroom_started", args.lang, session=session, title=deck.title,
                   pages=len(deck.pages), questions=questions, db=db),
                 t("cli_classroom_students", args.lang, url=student_url),
                 t("cli_classroom_teacher", args.lang, url=f"http://{host}:{port}/teacher?token={token}"),
                 t("cli_classroom_token", args.lang, token=token)]
        if args.token_file is not None:
            lines.append(t("cli_classroom_token_written", args.lang, path=args.token_file))
        if args.lan:
            lines.append(t("cli_classroom_lan_warning", args.lang))
        lines.append(t("cli_classroom_stop", args.lang))
        print("\n".join(lines), flush=True)
        try:
            serve(create_app(room), sock)
        finally:
            room.store.close()
    finally:
        sock.close()
    return 0
