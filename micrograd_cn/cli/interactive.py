"""The terminal's interactive loops: the step pager and the quiz.

Both take ``read(prompt) -> str`` (``input`` in a terminal; raising EOFError
when the input ends) and ``write(text)`` (``print``), so tests script them with
a list of lines and the command line only chooses the two functions. Neither
prints or exits on its own.

Imports: i18n, snapshot and quiz.
"""

from __future__ import annotations

import codecs
from typing import Callable, NamedTuple, Sequence, TextIO

from micrograd_cn.i18n import lang_record, language, t
from micrograd_cn.teach.mistakes import Mistake
from micrograd_cn.teach.quiz import first_hint, intro, judge, questions, review, score_line, summary
from micrograd_cn.teach.snapshot import Snapshot
from micrograd_cn.teach.trace import no_steps

Read = Callable[[str], str]
Write = Callable[[str], None]
PROMPT = "› "


def run_stepper(pages: Sequence[str], read: Read, write: Write, lang: str) -> int:
    """Show one page at a time: Enter/n next, p back, q quit (or end of input)."""
    last = len(pages) - 1
    page = 0
    write(pages[0])
    write(t("step_help", lang))
    while True:
        try:
            key = read(PROMPT).strip().lower()
        except EOFError:
            return 0
        if key in ("", "n"):
            if page == last:
                return 0
            page += 1
        elif key == "p":
            page = max(page - 1, 0)
        elif key == "q":
            return 0
        else:
            write(t("step_unknown_key", lang, pressed=repr(key)) + "  " + t("step_help", lang))
            continue
        write(pages[page])
        if page == last:
            write(t("step_end", lang))


def lines_from(stream: TextIO, write: Write) -> Read:
    """A ``read`` for answers piped in, one a line: each is echoed after its prompt,
    so a scripted session reads like a typed one; EOFError at the end.

    Lines are read as bytes and decoded one by one in the stream's encoding, so a line
    that encoding cannot read (``−0.25`` under PYTHONIOENCODING=ascii) raises
    UnicodeDecodeError for that line alone and the next line is the next answer. A byte
    order mark at the start (a file saved by Notepad) is dropped.
    """
    buffer = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    first = True

    def read(prompt: str) -> str:
        nonlocal first
        raw = buffer.readline() if buffer is not None else stream.readline()
        if not raw:
            raise EOFError
        if isinstance(raw, bytes):
            if first:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            first = False
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError:
                write(prompt + raw.decode(encoding, "replace").rstrip("\r\n"))
                raise
        else:
            line = raw.removeprefix("\ufeff") if first else raw
            first = False
        line = line.rstrip("\r\n")
        write(prompt + line)
        return line
    return read


class Score(NamedTuple):
    right: int  # steps answered right (at the first or the second try)
    asked: int  # steps finished: answered right or revealed
    total: int  # steps in the snapshot


def run_quiz(ls: Snapshot, read: Read, write: Write, lang: str,
             ask: str = "contribution") -> Score:
    """Ask every backward step of ``ls``; a wrong answer gets a hint and one more try,
    then the value is revealed with its working. ``q`` or the end of the input stops
    early. The last line written is the score."""
    asked = questions(ls, ask, lang)
    write(intro(ls, ask, lang))
    right = done = 0
    missed: list[int] = []  # steps revealed
    hinted: list[int] = []  # steps right at the second try
    mistakes: list[tuple[int, Mistake]] = []  # (step, the mistake its first wrong answer showed)
    stopped = False
    gap = lang_record(lang).gap  # after "对！" / "Right!"
    for question in asked:
        write("")
        write(question.prompt)
        tries = 0
        while tries < 2:
            try:
                text = read(PROMPT)
            except EOFError:  # Ctrl-D in a terminal leaves the cursor after the prompt
                write("")
                stopped = True
                break
            except UnicodeDecodeError as err:  # − or Chinese under an ASCII terminal: ask again
                write(t("quiz_input_encoding", lang, encoding=err.encoding))
                continue
            if text.strip().lower() == "q":
                stopped = True
                break
            try:
                with language(lang):  # the parser's messages in the quiz's language
                    value, ok = judge(text, question.expected)
            except (ValueError, ArithmeticError) as err:  # not a number: ask again, no try used
                write(t("quiz_unreadable", lang, detail=err))
                continue
            tries += 1
            if ok:
                right += 1
                verdict = t("quiz_right", lang) if tries == 1 else t("quiz_right_after_hint", lang)
                if tries > 1:
                    hinted.append(question.k)
                write(verdict + gap + question.working.replace("\n", "\n    "))
            elif tries == 1:  # the ladder's first rung: the mistake named, or the rule
                mistake, hint = first_hint(question, value, lang)
                if mistake is not None:
                    mistakes.append((question.k, mistake))
                write(t("quiz_wrong", lang) + gap + hint)
            else:  # the second rung: the working
                missed.append(question.k)
                write(t("quiz_reveal", lang) + "\n    " + question.working.replace("\n", "\n    "))
            if ok or tries == 2:
                done += 1
                break
        if stopped:
            break
    if not stopped and asked:
        write("")
        write(summary(ls, lang))
        write("")
    elif not asked:
        write(no_steps(ls, lang))
    if done:
        write(review(missed, hinted, mistakes, lang))
    write(score_line(right, done, len(asked), lang))
    return Score(right, done, len(asked))
