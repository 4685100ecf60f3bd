"""The classroom's pages: the student's page, the teacher's deck with its live panel, the login.

The scripts and styles are real files, ``assets/classroom_*`` (package data), inlined when a
page is made, so each page is one response of the server. What a page needs to know (its
words, the student URL, the number of pages) travels as JSON in a ``<script
type="application/json">`` element; text from users never enters the markup: the scripts
show names and answers with ``textContent``.

Nothing here knows an answer: the student page holds no question at all (it asks
``/api/state``), and the graph pictures (``question_svg``) show forward values only, with
Graphviz's tooltips (which carry local derivatives) removed.

Imports: i18n, pages.base, teach (expr, snapshot) and render.graph for the graph picture, and
segno (the ``classroom`` extra) for the QR code.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from typing import Any

from micrograd_cn.i18n import t
from micrograd_cn.pages.base import json_for_script, page_head, scripts, styles


def _config(data: Mapping[str, Any]) -> str:
    return f'<script id="classroom-config" type="application/json">{json_for_script(data)}</script>'


def student_page(lang: str, title: str) -> str:
    """The page at ``/``: join, then follow the teacher's page and answer its questions."""
    words = {
        "join_title": t("classroom_page_join_title", lang),
        "name_label": t("classroom_page_name_label", lang),
        "join": t("classroom_page_join", lang),
        "wait": t("classroom_page_wait", lang),
        "closed": t("classroom_page_closed", lang),
        "answer_label": t("classroom_page_answer_label", lang),
        "send": t("classroom_page_send", lang),
        "received": t("classroom_page_received", lang),
        "right": t("classroom_page_right", lang),
        "wrong": t("classroom_page_wrong", lang),
        "the_answer": t("classroom_page_the_answer", lang),
        "yours": t("classroom_page_yours", lang),
        "no_answer": t("classroom_page_no_answer", lang),
        "reconnecting": t("classroom_page_reconnecting", lang),
        "rejoin": t("classroom_page_rejoin", lang),
        "failed": t("classroom_page_failed", lang),
    }
    e = html.escape
    body = [
        '<header><span id="counter"></span><span id="conn" hidden></span></header>',
        '<main>',
        '<section id="join-view">',
        f'<h1>{e(title)}</h1>',
        f'<h2>{e(words["join_title"])}</h2>',
        '<form id="join-form" autocomplete="off">',
        f'<label for="name">{e(words["name_label"])}</label>',
        '<input id="name" name="name" type="text" maxlength="40" required>',
        f'<button id="join" type="submit">{e(words["join"])}</button>',
        "</form>",
        '<p id="join-error" class="error" role="alert"></p>',
        "</section>",
        '<section id="wait-view" hidden>',
        '<h1 id="wait-title"></h1>',
        f'<p id="wait-text">{e(words["wait"])}</p>',
        "</section>",
        '<section id="question-view" hidden>',
        '<h1 id="q-title"></h1>',
        '<p id="q-prompt"></p>',
        '<p id="q-formula"><code id="q-expr"></code> <span id="q-values"></span></p>',
        '<div id="q-graph"><img id="q-img" alt=""></div>',
        f'<p id="q-closed" hidden>{e(words["closed"])}</p>',
        '<form id="answer-form" autocomplete="off" hidden>',
        f'<label for="answer">{e(words["answer_label"])}</label>',
        '<div class="row"><input id="answer" name="answer" type="text" maxlength="100" '
        'autocapitalize="off" spellcheck="false">',
        f'<button id="send" type="submit">{e(words["send"])}</button></div>',
        "</form>",
        '<p id="received" hidden></p>',
        '<p id="answer-error" class="error" role="alert"></p>',
        '<div id="result" hidden><p id="verdict"></p><p id="the-answer"></p><pre id="working"></pre></div>',
        "</section>",
        "</main>",
        _config({"words": words}),
        scripts("classroom_student.js"),
        "</body>",
        "</html>",
    ]
    return "\n".join(page_head(lang, title, ("classroom_student.css",), False) + body)


def qr_svg(url: str) -> str:
    """The QR code of ``url`` as an inline <svg> (segno; error correction level M)."""
    import segno

    return str(segno.make(url, error="m").svg_inline(scale=8, border=2, dark="#000", light="#fff", omitsize=True))


def teacher_extras(lang: str, student_url: str, pages: int) -> tuple[str, str]:
    """``(extra_head, extra_body)`` for ``deck_html``: the live panel, the QR code, their script."""
    words = {
        "joined": t("classroom_page_joined", lang),
        "answered": t("classroom_page_answered", lang),
        "right_share": t("classroom_page_right_share", lang),
        "open": t("classroom_page_open", lang),
        "close": t("classroom_page_close", lang),
        "reveal": t("classroom_page_reveal", lang),
        "prev": t("classroom_page_prev", lang),
        "next": t("classroom_page_next", lang),
        "is_open": t("classroom_page_is_open", lang),
        "is_closed": t("classroom_page_is_closed", lang),
        "is_revealed": t("classroom_page_is_revealed", lang),
        "no_token": t("classroom_page_no_token", lang),
        "failed": t("classroom_page_failed", lang),
    }
    e = html.escape
    head = styles("classroom_teacher.css")
    body = "\n".join([
        '<aside id="classroom-panel" hidden>',
        '<div id="cr-counts"><span id="cr-joined">0</span> <span id="cr-answered">0</span> '
        '<span id="cr-right"></span> <span id="cr-status"></span></div>',
        '<div id="cr-histogram"></div>',
        '<div id="cr-controls">',
        f'<button id="cr-prev" type="button">{e(words["prev"])}</button>',
        f'<button id="cr-open" type="button">{e(words["open"])}</button>',
        f'<button id="cr-reveal" type="button">{e(words["reveal"])}</button>',
        f'<button id="cr-next" type="button">{e(words["next"])}</button>',
        "</div>",
        '<ol id="cr-names"></ol>',
        '<p id="cr-error" role="alert"></p>',
        "</aside>",
        '<div id="classroom-qr" hidden>',
        qr_svg(student_url),
        f'<p id="cr-url">{e(student_url)}</p>',
        "</div>",
        _config({"words": words, "pages": pages, "studentUrl": student_url}),
        scripts("classroom_teacher.js"),
    ])
    return head, body


def teacher_page(deck: Any, deck_html: Callable[..., str], lang: str, student_url: str,
                 projector: bool = False) -> str:
    """The deck (``pages.deck.deck_html``) with the classroom's panel and QR code."""
    head, body = teacher_extras(lang, student_url, len(deck.pages))
    return deck_html(deck, projector=projector, extra_head=head, extra_body=body)


def login_page(lang: str) -> str:
    """What ``/teacher`` shows without the token: a field for it, and nothing of the deck."""
    title = t("classroom_page_login_title", lang)
    e = html.escape
    body = [
        "<main>", f"<h1>{e(title)}</h1>",
        '<form id="login-form" autocomplete="off">',
        f'<label for="token">{e(t("classroom_page_token_label", lang))}</label>',
        '<input id="token" name="token" type="password">',
        f'<button type="submit">{e(t("classroom_page_login", lang))}</button>',
        "</form>",
        f'<p id="login-error" class="error" role="alert" hidden>{e(t("classroom_page_bad_token", lang))}</p>',
        "</main>",
        scripts("classroom_login.js"),
        "</body>", "</html>",
    ]
    return "\n".join(page_head(lang, title, ("classroom_student.css",), False) + body)


_TOOLTIP = re.compile(r'\s(?:xlink:)?title="[^"]*"')
_TITLE = re.compile(r"<title>.*?</title>\s*", re.S)
_COMMENT = re.compile(r"<!--.*?-->\s*", re.S)


def question_svg(expr: str, values: Mapping[str, float], lang: str) -> str:
    """The question's graph with its forward values only: no gradient, no local derivative."""
    from micrograd_cn.render.graph import draw_snapshot, pipe
    from micrograd_cn.teach.expr import build
    from micrograd_cn.teach.snapshot import snapshot

    root, _ = build(expr, values)
    picture = draw_snapshot(snapshot(root), lang=lang, show_grad=False)
    svg = pipe(picture, "svg", t("classroom_dot_missing", lang)).decode("utf-8")
    svg = svg[svg.index("<svg"):]
    return _COMMENT.sub("", _TITLE.sub("", _TOOLTIP.sub("", svg)))
