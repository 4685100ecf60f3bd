"""An exercise sheet as one page (no script, no network): each answer folded under its question
on a screen, the whole key on a new page on paper.

Imports: i18n, teach (the sheet's documents), render (HTML fragments), pages.base.
"""

from __future__ import annotations

import html

from micrograd_cn.i18n import check_lang, t
from micrograd_cn.pages.base import page_head
from micrograd_cn.render import document as doc
from micrograd_cn.teach.doc import Heading
from micrograd_cn.teach.exercise import Exercise, key_blocks, question_blocks, sheet_blocks


def sheet_html(exercises: list[Exercise], seed: int, level: int, lang: str | None = None,
               key: bool = True) -> str:
    """One page (no script, no network) for a screen and for paper.

    On a screen (a phone too: it fits 390 px) each question is followed by its answer,
    folded until the student opens it (``<details>``). On paper the folds are left out and
    the whole key follows on a new page.
    """
    lang = check_lang(lang)
    head = sheet_blocks(exercises, seed, level, lang, key=False)[:2]  # the title and the intro
    parts = [doc.to_html(head)]
    for ex in exercises:
        parts.append(doc.to_html(question_blocks(ex, lang)))
        if key:  # the key's own heading is the question's: leave it out of the fold
            parts += ['<details class="fold">',
                      f"<summary>{html.escape(t('exercise_show_answer', lang, k=ex.number))}</summary>",
                      '<div class="answer">', doc.to_html(key_blocks(ex, lang)[1:]), "</div>",
                      "</details>"]
    answers = [Heading(t("exercise_key", lang))] + [
        block for ex in exercises for block in key_blocks(ex, lang)]
    title = t("exercise_title", lang, seed=seed, level=level)
    return "\n".join([
        *page_head(lang, title, ("sheet.css",), projector=False),
        *parts,
        *(['<div class="key">', doc.to_html(answers), "</div>"] if key else []),
        "</body>\n</html>\n",
    ])
