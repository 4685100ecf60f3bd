"""What every self-contained page shares: its head, its inlined assets, JSON for its scripts.

A page is ONE offline HTML file: the JavaScript and CSS in ``assets/`` are real files (a linter
and ``node --check`` read them) and are inlined here when a page is written.

The stage (``assets/stage.js`` and ``stage.css``) is what every step page shares: the page
fills the window without scrolling (a bar of controls, then the drawing and a side column of
fixed size), a camera keeps the current step's part of the drawing in view and readable, and
the keys (B blanks, F full screen, ? the keys). ``stage_tools`` and ``stage_overlays`` write
its HTML; a page inlines ``stage.css`` first and ``stage.js`` before its own script.

Imports: i18n only.
"""

from __future__ import annotations

import html
import json
from functools import cache
from importlib import resources

from micrograd_cn.i18n import lang_record, t


@cache
def asset(name: str) -> str:
    """The text of ``assets/<name>`` (shipped as package data)."""
    return resources.files("micrograd_cn.pages").joinpath("assets").joinpath(name).read_text(encoding="utf-8")


def styles(*names: str) -> str:
    """The stylesheets ``names`` as one ``<style>`` element."""
    return "<style>" + "\n".join(asset(n) for n in names) + "</style>"


def scripts(*names: str) -> str:
    """The scripts ``names``, in order, as one ``<script>`` element."""
    return "<script>" + _inline("\n".join(asset(n) for n in names)) + "</script>"


def _inline(code: str) -> str:
    """A script that cannot end the ``<script>`` element it sits in."""
    return code.replace("</script", "<\\/script")


def page_head(lang: str, heading: str, style_names: tuple[str, ...], projector: bool) -> list[str]:
    """The lines every self-contained page starts with, up to and including <body>."""
    return [
        "<!DOCTYPE html>",
        f'<html lang="{lang_record(lang).html}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(heading)}</title>",
        styles(*style_names),
        "</head>",
        '<body class="projector">' if projector else "<body>",
    ]


def _button(element_id: str, label: str, tip: str, pressed: bool | None = None) -> str:
    state = "" if pressed is None else f' aria-pressed="{str(pressed).lower()}"'
    return (f'<button id="{element_id}" type="button" title="{html.escape(tip)}"{state}>'
            f"{html.escape(label)}</button>")


def stage_tools(lang: str, *, camera: bool = True, locals: bool = False) -> str:
    """The stage's tool buttons (``#tools``): whole drawing, local derivatives, blank, full, keys."""
    buttons = []
    if camera:
        buttons.append(_button("whole-button", t("stage_whole", lang), t("stage_whole_tip", lang), False))
    if locals:
        buttons.append(_button("locals-button", t("stage_locals", lang), t("stage_locals_tip", lang),
                               False))
    buttons += [_button("blank-button", t("stage_blank", lang), t("stage_blank_tip", lang)),
                _button("full-button", t("stage_full", lang), t("stage_full_tip", lang)),
                _button("keys-button", t("stage_keys", lang), t("stage_keys_tip", lang))]
    return '<div id="tools">' + "".join(buttons) + "</div>"


def stage_overlays(lang: str, help_text: str, *, camera: bool = True, locals: bool = False) -> str:
    """The blank screen ``#blank`` and the table of keys ``#keys`` (both hidden at first)."""
    rows = [("→ ↓ PageDown", t("stage_key_next", lang)), ("← ↑ PageUp", t("stage_key_prev", lang)),
            ("Home", t("stage_key_first", lang)), ("End", t("stage_key_last", lang))]
    if camera:
        rows.append(("0", t("stage_key_whole", lang)))
    if locals:
        rows.append(("L", t("stage_key_locals", lang)))
    rows += [("B", t("stage_key_blank", lang)), ("F", t("stage_key_full", lang)),
             ("?", t("stage_key_help", lang)), ("Esc", t("stage_key_escape", lang))]
    table = "".join(f"<tr><td>{html.escape(key)}</td><td>{html.escape(what)}</td></tr>"
                    for key, what in rows)
    return (f'<div id="keys" hidden><div><h2>{html.escape(t("stage_keys_title", lang))}</h2>'
            f'<table>{table}</table><p id="help">{html.escape(help_text)}</p></div></div>'
            '<div id="blank" hidden></div>')


def json_for_script(data: object) -> str:
    """JSON that cannot end the <script> element it sits in."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class StepPage(str):
    """A self-contained HTML page: a ``str`` (write it, compare it), shown inline by Jupyter.

    ``_repr_html_`` puts the page in an iframe's ``srcdoc``: the notebook needs no
    file and no server, and the page keeps its own script and keys (click it first).
    """

    height = 760  # pixels of the inline frame

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self, quote=True)}" '
                f'style="width:100%;height:{self.height}px;border:1px solid #ccc" '
                'sandbox="allow-scripts"></iframe>')
