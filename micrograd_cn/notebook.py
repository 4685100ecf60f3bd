"""Jupyter support: ``%load_ext micrograd_cn.notebook`` shows Values as small tables.

After loading the extension a cell that ends in a Value shows its label, data
and grad as a one-row HTML table (in the current language), and a list of
Values as one table with a row each. Names come from ``naming``: when one Value of
the list is computed from all the others (``[w, b, z, L]``), every Value is called
what ``trace`` and ``draw`` of that one call it, so an unlabelled intermediate reads
``v2`` here as in the picture; otherwise an unlabelled Value shows "—".
Graphs need nothing extra: ``viz.draw()`` returns a ``graphviz.Digraph``, which
Jupyter already shows inline as SVG.

This registers a formatter with IPython instead of adding ``_repr_html_`` to
``Value``, so the engine stays free of notebook code.

Imports: engine, naming, i18n (IPython only through the object it hands us).
"""

from __future__ import annotations

import html
from typing import Any, Sequence

from micrograd_cn.engine import Value
from micrograd_cn.i18n import t
from micrograd_cn.teach.naming import Naming, label_text

_CELL = 'style="padding:2px 10px;text-align:{align};font-family:monospace"'
_ROOTS_TRIED = 8  # candidates for "the Value computed from all the others", from the end
MAX_ROWS = 200  # rows of a list's table; a longer list says how many it left out


def display_names(values: Sequence[Value]) -> list[str]:
    """Each Value's name as naming gives it, or its label ("" if none) without a common root.

    The root is looked for among the list's own Values, last first (``[w, b, L]``),
    so the names are those of ``trace(root)`` and ``draw(root)``.
    """
    if any(not v.label for v in values):
        for root in list(reversed(values))[:_ROOTS_TRIED]:
            names = Naming(root)
            if all(id(v) in names.index for v in values):
                return [names.of(v) for v in values]
    return [label_text(v.label) for v in values]


def values_html(values: Sequence[Value], lang: str | None = None) -> str:
    """Values as an HTML table: label, data, grad (full float precision); at most
    MAX_ROWS rows, then a line saying how many more there are."""
    head = "".join(f'<th {_CELL.format(align="left")}>{html.escape(t(key, lang))}</th>'
                   for key in ("nb_label", "nb_data", "nb_grad"))
    rows = []
    shown = values[:MAX_ROWS]  # a list of 100,000 Values is not a page of 25 MB
    for v, label in zip(shown, display_names(values)):
        name = html.escape(label) if label else "<i>—</i>"
        cells = [f'<td {_CELL.format(align="left")}>{name}</td>']
        cells += [f'<td {_CELL.format(align="right")}>{x!r}</td>' for x in (v.data, v.grad)]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    more = ""
    if len(values) > len(shown):
        line = t("nb_more", lang, left=f"{len(values) - len(shown):,}", total=f"{len(values):,}")
        more = f'<p class="micrograd-cn-more">{html.escape(line)}</p>'
    return (f'<table class="micrograd-cn-value"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>{more}")


def value_html(value: Value) -> str:
    """One Value as a one-row table."""
    return values_html([value])


def _list_html(items: list) -> str | None:
    """A list made only of Values as one table; anything else keeps its usual display."""
    if items and all(isinstance(v, Value) for v in items):
        return values_html(items)
    return None


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext micrograd_cn.notebook``: register the HTML display of Values."""
    formatter = ipython.display_formatter.formatters["text/html"]
    formatter.for_type(Value, value_html)
    formatter.for_type(list, _list_html)


def unload_ipython_extension(ipython: Any) -> None:
    formatter = ipython.display_formatter.formatters["text/html"]
    formatter.pop(Value, None)
    formatter.pop(list, None)
