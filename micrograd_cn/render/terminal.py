"""Printing on terminals that are not UTF-8 (a pipe on Chinese Windows is GBK).

Our text uses ∂, −, ½, x², w₁ and other symbols that GBK, Latin-1 or ASCII
cannot encode; Python would stop with ``UnicodeEncodeError`` halfway through a
trace. ``readable_output()`` lets the standard streams write such a character
as a readable ASCII stand-in instead (∂ -> d, − -> -, ½ -> 1/2, x² -> x^2,
w₁ -> w1, wˡⱼ -> w^l_j), and reports whether it had to, so the command can
say once, on stderr, how to get the full symbols. Streams that are UTF-8
already, and streams that are not text files (a test's StringIO), are left
untouched; the previous settings are restored afterwards.

Imports: i18n only.
"""

from __future__ import annotations

import codecs
import sys
import unicodedata
from contextlib import contextmanager
from typing import Iterator, Protocol, TextIO, TypeGuard

from micrograd_cn.i18n import t

HANDLER = "micrograd_cn.readable"  # the name the codec error handler is registered under

# Symbols whose Unicode compatibility form is not plain ASCII.
FALLBACKS = {
    "∂": "d", "−": "-", "½": "1/2", "∇": "grad", "→": "->", "←": "<-", "↔": "<->",
    "›": ">", "‹": "<", "×": "x", "·": "*", "≈": "~", "≤": "<=", "≥": ">=", "≠": "!=",
    "…": "...", "—": "-", "–": "-", "ℓ": "l", "ŷ": "y_hat", "σ": "sigma", "δ": "delta",
    "Σ": "sum", "⊙": "(.)", "√": "sqrt", "′": "'", "“": '"', "”": '"', "‘": "'", "’": "'",
    "─": "-", "│": "|",
}


class _State:
    used = False  # whether any character had to be replaced since the last reset


def _superscript(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    return "SUPERSCRIPT" in name or name.startswith("MODIFIER LETTER")


def _subscript(ch: str) -> bool:
    return "SUBSCRIPT" in unicodedata.name(ch, "")


def plain(ch: str) -> str:
    """An ASCII stand-in for one character: a table entry, its compatibility form, or ``?``."""
    if ch in FALLBACKS:
        return FALLBACKS[ch]
    form = unicodedata.normalize("NFKC", ch)
    form = "".join(FALLBACKS.get(c, c) for c in form)
    if form.isascii():
        return form
    stripped = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return stripped if stripped.isascii() and stripped else "?"


def _readable(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each character the encoding lacks becomes its ASCII stand-in.

    A run of superscripts gets one ``^`` in front (x² -> x^2, δ⁽ˡ⁾ -> delta^(l)); a
    subscript digit is a plain digit (w₁ -> w1), and a run of subscript letters, or
    one after a superscript, gets ``_`` (wⱼₖ -> w_jk, wˡⱼ -> w^l_j). The encoder may
    hand over one character at a time (GBK does), so the character before the
    run is looked at too.
    """
    if not isinstance(err, UnicodeEncodeError):
        raise err
    _State.used = True
    text, out = err.object, []
    for i in range(err.start, err.end):
        ch, before = text[i], text[i - 1] if i > 0 else ""
        if _superscript(ch):
            out.append(("" if before and _superscript(before) else "^") + plain(ch))
        elif _subscript(ch):
            after_sup = bool(before) and _superscript(before)
            starts_letters = plain(ch).isalpha() and not (before and _subscript(before))
            out.append(("_" if after_sup or starts_letters else "") + plain(ch))
        else:
            out.append(plain(ch))
    return "".join(out), err.end


codecs.register_error(HANDLER, _readable)


def _utf(stream: TextIO) -> bool:
    """Whether ``stream`` encodes every character (a UTF-8/16/32 text stream)."""
    try:
        return codecs.lookup(stream.encoding).name.startswith("utf")
    except (AttributeError, LookupError, TypeError):
        return True  # not a real text stream: nothing to adapt


class _Reconfigurable(Protocol):
    """A text stream whose error handler can be changed (io.TextIOWrapper and look-alikes)."""

    @property
    def errors(self) -> str | None: ...

    def reconfigure(self, *, errors: str | None = None) -> None: ...


def _reconfigurable(stream: object) -> TypeGuard[_Reconfigurable]:
    return hasattr(stream, "reconfigure")


@contextmanager
def readable_output() -> Iterator[type[_State]]:
    """Inside, sys.stdout and sys.stderr replace what their encoding lacks (see above).

    Yields a state whose ``used`` says whether anything was replaced.
    """
    changed: list[tuple[_Reconfigurable, str | None]] = []
    _State.used = False
    for stream in (sys.stdout, sys.stderr):
        if stream is None or _utf(stream) or not _reconfigurable(stream):
            continue
        previous = stream.errors
        try:
            stream.reconfigure(errors=HANDLER)
        except (ValueError, OSError):  # a closed or unusual stream: leave it as it is
            continue
        changed.append((stream, previous))
    try:
        yield _State
    finally:
        for stream, previous in changed:
            try:
                stream.reconfigure(errors=previous)
            except (ValueError, OSError):
                pass  # closed meanwhile (a broken pipe): nothing left to restore


def hint(lang: str, stream: TextIO) -> str:
    """The one line saying how to see every symbol, in ``lang`` if ``stream`` can show it."""
    text = t("terminal_hint", lang, encoding=getattr(stream, "encoding", "?"))
    try:
        text.encode(stream.encoding or "ascii")
    except (UnicodeEncodeError, LookupError, TypeError):
        text = t("terminal_hint", "en", encoding=getattr(stream, "encoding", "?"))
    return text
