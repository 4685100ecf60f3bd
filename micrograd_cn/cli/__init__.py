"""The ``micrograd-cn`` command. The only module that prints or exits.

Each subcommand is one module here with ``add(subparsers, lang)``, which declares
its arguments (``args.subparser`` gives every one its -h and --lang) and sets
``func`` to its ``run(args) -> int``; ``common`` holds what several share. Messages are Chinese by default and
English with ``--lang en`` (or MICROGRAD_CN_LANG=en); their text is in the i18n
catalog under the ``cli_`` keys. Errors end in one clear line on stderr and
exit code 2, never a traceback. Ctrl-C ends quietly with exit code 130. When the
reader of our output goes away (``micrograd-cn bp | head -1``) the command
stops quietly with exit code 0: the reader had what it wanted, and a shell
running with ``pipefail`` should not see a failure. A terminal that is not
UTF-8 gets ASCII stand-ins for the symbols it lacks and one hint on stderr
(``terminal``).

Imports: everything below it (lazily, per subcommand, so ``--help`` stays fast). Nothing imports cli.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module
from typing import Sequence

from micrograd_cn import __version__
from micrograd_cn.cli.args import (
    Parser,
    add_lang,
    argparse_speaks,
    scan_lang,
)
from micrograd_cn.i18n import language, shorten, t
from micrograd_cn.render.terminal import hint, readable_output

# one module per subcommand, in the order of --help; each has add(subparsers, lang) and run(args)
SUBCOMMANDS = ("graph", "trace", "step", "paths", "logistic", "bp", "demo", "html", "exercise", "lesson",
               "classroom", "lab")


def build_parser(lang: str) -> argparse.ArgumentParser:
    Parser.lang = lang
    parser = Parser(prog="micrograd-cn", description=t("cli_prog_description", lang), add_help=False)
    parser.add_argument("-h", "--help", action="help", help=t("cli_help_help", lang))
    parser.add_argument("--version", action="version", version=f"micrograd-cn {__version__}",
                        help=t("cli_version_help", lang))
    add_lang(parser, lang)
    sub = parser.add_subparsers(dest="command", title=t("cli_commands", lang), parser_class=Parser)
    for name in SUBCOMMANDS:
        import_module(f"micrograd_cn.cli.{name}").add(sub, lang)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = scan_lang(argv)
    try:
        with readable_output() as output:
            try:
                return _main(argv, lang)
            finally:
                if output.used:  # some symbol had to be written in ASCII
                    print(hint(lang, sys.stderr), file=sys.stderr)
                sys.stdout.flush()  # a closed pipe shows here, while it can still be caught
    except KeyboardInterrupt:  # Ctrl-C, e.g. in `step`, a long demo or while loading
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        _discard_stdout()
        return 0


def _undecodable(argv: list[str], lang: str) -> str | None:
    """The error for an argument the terminal's encoding could not read, or None.

    Under LANG=C with UTF-8 mode off, Python reads the bytes of 中 in argv as lone
    surrogates: the name is fine, the terminal's encoding is what to fix.
    """
    encoding = sys.getfilesystemencoding()
    for arg in argv:
        if any("\udc80" <= ch <= "\udcff" for ch in arg):
            shown = arg.encode(encoding, "surrogateescape").decode("utf-8", "replace")
            return t("cli_undecodable_argument", lang, arg=shorten(shown), encoding=encoding)
    return None


def _main(argv: list[str], lang: str) -> int:
    unreadable = _undecodable(argv, lang)
    if unreadable is not None:
        print(f"micrograd-cn: {t('cli_error_prefix', lang)}{unreadable}", file=sys.stderr)
        return 2
    with argparse_speaks(lang):
        parser = build_parser(lang)
        args = parser.parse_args(argv)
        if getattr(args, "func", None) is None:
            parser.print_help()
            return 0
    with language(args.lang):
        try:
            return args.func(args)
        except BrokenPipeError:
            raise  # the reader went away: not an error to report (see main)
        except (TypeError, ValueError, ArithmeticError, OSError) as err:
            print(f"micrograd-cn: {t('cli_error_prefix', args.lang)}{err}", file=sys.stderr)
            return 2


def _discard_stdout() -> None:
    """Point stdout at the null device, so Python's last flush at exit finds no closed pipe."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test's capture): nothing will be flushed to a pipe
