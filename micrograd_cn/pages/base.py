"""What every self-contained page shares: its head, its inlined assets, JSON for its scripts.

A page is ONE offline HTML file: the JavaScript and CSS in ``assets/`` are real files (a linter
and ``node --check`` read them) and are inlined here when a page is written.

Imports: nothing of ours.
"""

from __future__ import annotations

import html
import json
from functools import cache
from importlib import resources


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
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(heading)}</title>",
        styles(*style_names),
        "</head>",
        '<body class="projector">' if projector else "<body>",
    ]


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
