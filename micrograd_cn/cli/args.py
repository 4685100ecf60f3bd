"""How the ``micrograd-cn`` parser speaks: argparse in the user's language, and argument types.

argparse says its own phrases ("options", "invalid choice", …) in English; while the
parser is built, parses and prints help, ``argparse_speaks`` makes them Chinese through
the i18n catalog. ``Parser`` reports a bad argument as one line and exit code 2;
``subparser`` gives every subcommand its -h and --lang; ``finite_float`` and
``positive_int`` are argument types whose errors are in the user's language.
``cli`` builds its subcommands from these; nothing here knows any subcommand.

Imports: i18n.
"""

from __future__ import annotations

import argparse
import math
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from micrograd_cn.i18n import LANGS, get_lang, shorten, t


def scan_lang(argv: Sequence[str]) -> str:
    """Find --lang before parsing, so that --help itself is in the right language."""
    lang = get_lang()
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return lang if lang in LANGS else get_lang()


# argparse says its own phrases ("options", "invalid choice", ...) through gettext's
# ``argparse._``; these are the catalog keys for the ones a user can meet. "usage: " stays:
# argparse indents wrapped usage lines by its length in characters, and a Chinese prefix
# is twice as wide on screen.
_ARGPARSE_KEYS = {
    "positional arguments": "cli_argparse_positionals",
    "options": "cli_argparse_options",
    "argument %(argument_name)s: %(message)s": "cli_argparse_argument",
    "the following arguments are required: %s": "cli_argparse_required",
    "unrecognized arguments: %s": "cli_argparse_unrecognized",
    "expected one argument": "cli_argparse_one",
    "expected at most one argument": "cli_argparse_at_most_one",
    "expected at least one argument": "cli_argparse_at_least_one",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli_argparse_choice",
    "invalid %(type)s value: %(value)r": "cli_argparse_type",
    "ambiguous option: %(option)s could match %(matches)s": "cli_argparse_ambiguous",
    "ignored explicit argument %r": "cli_argparse_explicit",
}


@contextmanager
def argparse_speaks(lang: str) -> Iterator[None]:
    """argparse's own phrases in ``lang`` while the parser is built, parses and prints help.

    argparse looks ``_`` up on each call, so swapping it for the duration is enough; it is
    put back even when argparse exits (--help, a bad argument). A phrase not in the table,
    or a Python whose argparse has no ``_``, stays in argparse's English.
    """
    english = getattr(argparse, "_", None)
    if lang == "en" or english is None:
        yield
        return

    def translate(text: str) -> str:
        key = _ARGPARSE_KEYS.get(text)
        return t(key, lang) if key else english(text)

    argparse._ = translate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = english  # type: ignore[attr-defined]


# What argparse takes for a negative number rather than an option: its own pattern
# knows -2 and -0.5 but not -1e300, which then ends --x's numbers as an unknown option.
NEGATIVE_NUMBER = re.compile(r"^-(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


class Parser(argparse.ArgumentParser):
    """argparse that reports errors as one line in the user's language, exit code 2,
    and reads every negative number (``-1e300`` too) as a value of a numeric option."""

    lang = "zh"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = NEGATIVE_NUMBER  # argparse's own hook for this

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {t('cli_error_prefix', self.lang)}{message}\n")


def add_lang(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--lang", choices=LANGS, default=lang, help=t("cli_lang_help", lang))


def subparser(sub: argparse._SubParsersAction, name: str, lang: str, *,
              help_key: str) -> argparse.ArgumentParser:
    """A subcommand with its own -h/--help and --lang, every help line in the user's language.

    ``help_key`` is the catalog key of the subcommand's one-line help (``cli_<name>_help``).
    """
    text = t(help_key, lang)
    p = sub.add_parser(name, help=text, description=text, add_help=False)
    p.add_argument("-h", "--help", action="help", help=t("cli_help_help", lang))
    add_lang(p, lang)
    return p


def finite_float(lang: str) -> Callable[[str], float]:
    """An argparse type: a finite float, with a message in the user's language."""
    def convert(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(t("cli_not_a_number", lang, value=shorten(text)))
        return value
    return convert


def positive_int(lang: str) -> Callable[[str], int]:
    """An argparse type: a positive integer (full-width digits too, never ³)."""
    def convert(text: str) -> int:
        digits = text.strip()
        try:  # isdecimal, not isdigit: "³" is a digit int() refuses; 5000 digits too many
            value = int(digits) if digits.isdecimal() else 0
        except ValueError:
            value = 0
        if value < 1:
            raise argparse.ArgumentTypeError(t("cli_not_an_int", lang, value=shorten(text)))
        return value
    return convert
