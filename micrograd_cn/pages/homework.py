"""A class's homework as printable pages (no script, no network): one sheet per student, and the
key with every student's answers on a page of their own.

Imports: i18n, teach (the documents), render (HTML fragments), pages.base.
"""

from __future__ import annotations

from html import escape

from micrograd_cn.pages.base import page_head
from micrograd_cn.render import document as doc
from micrograd_cn.teach.doc import Block


def homework_sheet_html(blocks: list[Block], title: str, lang: str) -> str:
    """One student's sheet: the name field, the problems, room to work; no answers."""
    return "\n".join([*page_head(lang, title, ("sheet.css",), projector=False),
                      doc.to_html(blocks), "</body>\n</html>\n"])


def homework_key_html(pages: list[list[Block]], title: str, lang: str) -> str:
    """The key: each student's answers and working starting on a new page."""
    return "\n".join([*page_head(lang, title, ("sheet.css",), projector=False),
                      f"<h1>{escape(title)}</h1>",
                      *(f'<div class="key">\n{doc.to_html(blocks)}</div>' for blocks in pages),
                      "</body>\n</html>\n"])
