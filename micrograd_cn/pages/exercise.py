"""An exercise sheet as one printable page (no script, no network): the questions, the key on a new page.

Imports: i18n, teach (the sheet's documents), render (HTML fragments), pages.base.
"""

from __future__ import annotations

from micrograd_cn.i18n import check_lang, t
from micrograd_cn.pages.base import page_head
from micrograd_cn.render import document as doc
from micrograd_cn.teach.doc import Heading
from micrograd_cn.teach.exercise import Exercise, key_blocks, sheet_blocks


def sheet_html(exercises: list[Exercise], seed: int, level: int, lang: str | None = None,
               key: bool = True) -> str:
    """One printable page (no script, no network): the questions, the key on a new page."""
    lang = check_lang(lang)
    questions = sheet_blocks(exercises, seed, level, lang, key=False)
    answers = [Heading(t("exercise_key", lang))] + [
        block for ex in exercises for block in key_blocks(ex, lang)]
    title = t("exercise_title", lang, seed=seed, level=level)
    return "\n".join([
        *page_head(lang, title, ("sheet.css",), projector=False),
        doc.to_html(questions),
        *(['<div class="key">', doc.to_html(answers), "</div>"] if key else []),
        "</body>\n</html>\n",
    ])
