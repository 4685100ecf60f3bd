"""The browser step-through page: one self-contained HTML file per expression.

``step_page(root)`` runs the traced backward pass of ``root`` and writes ONE HTML
file that holds everything inline: the computation graph as SVG (from ``viz``),
the chain-rule steps (from ``trace``) as JSON, a small script and a stylesheet.
No network access, no external scripts or fonts, so it opens from ``file://``
on a projector laptop. Next / Previous buttons (ids ``next``, ``prev``) and the
arrow keys walk the steps; ``#step`` shows "k / N"; the edge the gradient flows
along and its two end nodes are highlighted through viz's stable SVG ids
(``v{k}`` value, ``o{k}`` op, ``e{i}_{k}`` edge, for topo index k). Every box's
gradient line starts as "?" and shows the gradient accumulated so far as the
steps reach it, so the picture fills in the way the backward pass does.

Any graph built in Python works (an MLP's loss: ``step_page(loss, model=mlp)`` names
and colours its parameters and boxes its layers, as ``viz.draw`` does);
``projector=True`` sets everything in large type. ``step_page`` returns a
``StepPage``: the HTML as a string, which Jupyter shows inline (an iframe holding
the same self-contained page, still without any network access).

With ``quiz=True`` the page asks each step before it shows it (``assets/quiz.js``):
the questions, expected numbers and tolerance come from ``quiz``, so the page checks
answers offline.

Imports: engine, files, i18n, snapshot, table, trace, viz (and so the ``graphviz`` package and
``dot``); quiz for a quiz page.
"""

from __future__ import annotations

import html
import os
from typing import Callable, Iterable, Mapping

from micrograd_cn.engine import Value
from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.notation import num
from micrograd_cn.pages.base import StepPage, json_for_script, page_head, scripts
from micrograd_cn.render.files import write_atomic
from micrograd_cn.render.graph import DIGITS, RANKDIRS, check_output, draw_snapshot, network_snapshot, pipe
from micrograd_cn.teach.snapshot import Snapshot
from micrograd_cn.teach.trace import step_pages


def _quiz_data(ls: Snapshot, ask: str, lang: str) -> dict:
    """What the quiz script needs: each step's question and answer, words, the tolerance."""
    from micrograd_cn.teach.quiz import ABS_TOL, REL_TOL, questions

    return {
        "ask": ask, "relTol": REL_TOL, "absTol": ABS_TOL,
        "questions": [{"out": q.output, "inp": q.input, "expected": q.expected,
                       "prompt": q.prompt, "hint": q.hint, "working": q.working}
                      for q in questions(ls, ask, lang)],
        "words": {key: t(f"{prefix}_{key}", lang) for prefix, key in (
            ("page_quiz", "start"), ("quiz", "right"), ("quiz", "wrong"), ("quiz", "reveal"),
            ("page_quiz", "revealed"), ("page_quiz", "unreadable"))} | {
            "gap": "" if lang == "zh" else " "},  # between a verdict and its hint or working
    }


def _quiz_html(ls: Snapshot, ask: str, lang: str) -> list[str]:
    """The quiz's help line and controls, placed above the formula box."""
    from micrograd_cn.teach.quiz import check_ask

    what = t(f"quiz_what_{check_ask(ask, lang)}", lang)
    return [
        f'<p id="quiz-help">{html.escape(t("page_quiz_help", lang, what=what))}</p>',
        '<div id="quiz">',
        f'<input id="answer" type="text" inputmode="decimal" autocomplete="off" '
        f'aria-label="{html.escape(t("page_quiz_answer", lang))}" disabled>',
        f'<button id="check" type="button" disabled>{html.escape(t("page_quiz_check", lang))}</button>',
        f'<button id="reveal" type="button" disabled>{html.escape(t("page_quiz_show", lang))}</button>',
        '<span id="verdict"></span>',
        f'<span id="score">0 / {len(ls.steps)}</span>',
        "</div>",
    ]


def _svg(ls: Snapshot, lang: str, *, rankdir: str, legend: bool, projector: bool) -> str:
    """The graph as an inline <svg> element (no XML prolog, no DOCTYPE).

    Every box is sized for its final gradient; the page's script rewrites those
    lines step by step. The keyword arguments are ``viz.draw_snapshot``'s.
    """
    picture = draw_snapshot(ls, lang=lang, rankdir=rankdir, legend=legend, projector=projector)
    svg = pipe(picture, "svg", t("page_dot_missing")).decode("utf-8")
    return svg[svg.index("<svg"):]


def step_page(root: Value, *, lang: str | None = None, title: str | None = None,
              params: Iterable[Value] | None = None,
              groups: Mapping[Value, str] | Callable | None = None,
              model: object | None = None, projector: bool = False, rankdir: str = "LR",
              legend: bool = False, quiz: bool = False, ask: str = "contribution") -> StepPage:
    """The whole step-through page for ``root`` (no ``.grad`` is touched).

    ``params``, ``groups`` and ``model`` as for ``viz.draw`` (``model=mlp``: its
    parameters and layers); ``projector=True``: large type; ``rankdir`` and
    ``legend`` as for the picture; ``quiz=True`` asks each step before showing it
    (``ask`` as in ``quiz.questions``).
    """
    return StepPage(_page(root, lang, title, params, groups=groups, model=model,
                          projector=projector, rankdir=rankdir, legend=legend,
                          quiz=quiz, ask=ask)[0])


def _page(root: Value, lang: str | None, title: str | None,
          params: Iterable[Value] | None = None, *,
          groups: Mapping[Value, str] | Callable | None = None, model: object | None = None,
          projector: bool = False, rankdir: str = "LR", legend: bool = False,
          quiz: bool = False, ask: str = "contribution") -> tuple[str, int]:
    """The page and its number of chain-rule steps."""
    lang = check_lang(lang)
    if rankdir not in RANKDIRS:
        raise ValueError(t("viz_rankdir", value=show(rankdir), choices=", ".join(RANKDIRS)))
    ls = network_snapshot(root, params=params, groups=groups, model=model)
    steps = ls.steps
    svg = _svg(ls, lang, rankdir=rankdir, legend=legend, projector=projector)
    pages = step_pages(ls, lang)
    # pages: forward pass, one per step, then the leaves' totals (shown with the last step)
    states = pages[:-1]
    states[-1] = states[-1] + "\n\n" + pages[-1]
    data = {"pages": states, "n": len(ls.nodes), "root": ls.root,
            "rootGrad": num(1.0, DIGITS), "gradWord": t("viz_grad", lang),
            "steps": [{"out": s.output, "inp": s.input,
                       "grad": num(s.grad_after, DIGITS)} for s in steps]}
    if quiz:
        data["quiz"] = _quiz_data(ls, ask, lang)
    heading = t("page_title", lang, expr=title) if title else t("page_title_plain", lang)
    return "\n".join([
        *page_head(lang, heading, ("step.css", "quiz.css") if quiz else ("step.css",), projector),
        f"<h1>{html.escape(heading)}</h1>",
        f'<p id="help">{html.escape(t("page_help", lang))}</p>',
        '<p id="legend-text">'
        f'<span class="key-out">■ {html.escape(t("page_key_out", lang))}</span>　'
        f'<span class="key-edge">■ {html.escape(t("page_key_edge", lang))}</span>　'
        f'<span class="key-in">■ {html.escape(t("page_key_in", lang))}</span></p>',
        '<div id="controls">',
        f'<button id="prev" type="button">{html.escape(t("page_prev", lang))}</button>',
        f'<span id="step">0 / {len(steps)}</span>',
        f'<button id="next" type="button">{html.escape(t("page_next", lang))}</button>',
        "</div>",
        *(_quiz_html(ls, ask, lang) if quiz else []),
        f'<pre id="formula">{html.escape(states[0])}</pre>',
        f'<div id="graph">{svg}</div>',
        f'<script type="application/json" id="steps-data">{json_for_script(data)}</script>',
        *([scripts("number.js", "quiz.js")] if quiz else []),
        scripts("nav.js", "step.js"),
        "</body>",
        "</html>",
        "",
    ]), len(steps)


def write_step_page(root: Value, path: str | os.PathLike, *, lang: str | None = None,
                    title: str | None = None, params: Iterable[Value] | None = None,
                    **kw: object) -> int:
    """Write the page to ``path`` (all or nothing); return its number of steps.

    Keyword arguments as for ``step_page`` (``model``, ``groups``, ``projector``, ``quiz``, …).
    """
    target = check_output(path, ("html", "htm"))  # before any work: a wrong path fails at once
    text, steps = _page(root, lang, title, params, **kw)  # type: ignore[arg-type]
    write_atomic(target, text.encode("utf-8"))
    return steps
