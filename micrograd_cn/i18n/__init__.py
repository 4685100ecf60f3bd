"""The zh/en message catalog: every sentence micrograd_cn says to a user.

Chinese is the default language; English is chosen with ``set_lang("en")``,
the environment variable ``MICROGRAD_CN_LANG=en``, ``lang="en"`` on teaching
functions, or ``--lang en`` on the command line.

Imports: only its own catalog parts (everyone else may import this package).
"""

from __future__ import annotations

import os
import reprlib
from contextlib import contextmanager
from typing import Iterator, NamedTuple

from micrograd_cn.i18n import (
    classroom,
    cli,
    deck,
    demos,
    expr,
    feedback,
    homework,
    lab,
    library,
    matrices,
    pictures,
    stage,
    teach,
)

LANGS = ("zh", "en")


def _merged() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for part in (library, expr, teach, feedback, deck, pictures, stage, demos, cli, homework, classroom, lab,
                 matrices):
        for key, pair in part.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"i18n: the key {key!r} is defined twice")
            merged[key] = pair
    return merged


# key -> (Chinese, English), from every catalog part. Placeholders use str.format syntax.
MESSAGES: dict[str, tuple[str, str]] = _merged()


class Lang(NamedTuple):
    """How a language punctuates what the catalog does not: read it, never test ``lang == "zh"``."""

    code: str  # "zh" or "en"
    colon: str  # after a label: "：" or ": "
    gap: str  # between two sentences or a verdict and its hint: "" or " "
    sep: str  # between the items of a list of names: "、" or ", "
    comma: str  # between clauses or longer items: "，" or ", "
    html: str  # the page's lang attribute: "zh-CN" or "en"


LANG_RECORDS = {"zh": Lang("zh", "：", "", "、", "，", "zh-CN"), "en": Lang("en", ": ", " ", ", ", ", ", "en")}


def lang_record(lang: str | None) -> Lang:
    """The ``Lang`` record of ``lang`` (validated once, where a command or page is entered)."""
    return LANG_RECORDS[check_lang(lang)]


def _initial_lang() -> str:
    lang = os.environ.get("MICROGRAD_CN_LANG", "zh").strip().lower()
    return lang if lang in LANGS else "zh"


_current = _initial_lang()


def get_lang() -> str:
    """The language used when a caller does not pass ``lang``."""
    return _current


def check_lang(lang: str | None) -> str:
    """Return ``lang`` (or the current language when None), validated."""
    if lang is None:
        return _current
    if lang not in LANGS:
        raise ValueError(t("unknown_lang", value=show(lang)))
    return lang


def set_lang(lang: str) -> None:
    """Choose the default language for messages: "zh" or "en"."""
    global _current
    _current = check_lang(lang)


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Temporarily switch the default language (``with language("en"): ...``)."""
    global _current
    previous, _current = _current, check_lang(lang)
    try:
        yield
    finally:
        _current = previous


def t(key: str, lang: str | None = None, **fields: object) -> str:
    """The message ``key`` in ``lang`` (default: the current language), filled in."""
    zh, en = MESSAGES[key]
    text = en if (lang or _current) == "en" else zh
    return text.format(**fields) if fields else text


def shorten(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters, the cut marked with …"""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Containers are described from their first few items, so that a list of thirty
# million numbers costs as little to describe as a list of three.
_CONTAINERS = (list, tuple, set, frozenset, dict)
_REPR = reprlib.Repr()
_REPR.maxlevel = 2
_REPR.maxlist = _REPR.maxtuple = _REPR.maxset = _REPR.maxfrozenset = 6
_REPR.maxdict = 4
_REPR.maxstring = _REPR.maxother = 60


def show(value: object, limit: int = 60) -> str:
    """A short, safe rendering of a user's value for an error message.

    Bounded work: a container shows its first items only, a long string is cut
    before ``repr`` sees it.
    """
    try:
        if type(value) in _CONTAINERS:
            text = _REPR.repr(value)
        elif isinstance(value, (str, bytes)):
            text = repr(value[: limit + 1])
        else:
            text = repr(value)
    except ValueError:  # an int too long for str() (Python limits it to 4300 digits)
        text = f"<{type(value).__name__} {value.bit_length()} bits>" if isinstance(value, int) \
            else f"<{type(value).__name__}>"
    return shorten(text, limit)
