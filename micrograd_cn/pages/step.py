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

The page is a stage (``pages/base.py``, ``assets/stage.js``): it fills the window without
scrolling, the graph beside the step's formula (below it in a narrow window), and a camera
pans and zooms the graph so the current step's nodes are in view and their text readable
(16 px, 24 px with ``projector=True``); ``L`` writes each edge's local derivative on it,
``0`` shows the whole graph, ``B`` blanks the screen, ``F`` goes full screen, ``?`` lists the
keys. ``legend=True`` puts the legend beside the graph (collapsible), not in it.

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
from micrograd_cn.i18n import check_lang, lang_record, show, t
from micrograd_cn.notation import num
from micrograd_cn.pages.base import StepPage, json_for_script, page_head, scripts, stage_overlays, stage_tools
from micrograd_cn.render.files import write_output
from micrograd_cn.render.graph import (
    CLUSTER_STYLES,
    DIGITS,
    OP_FILL,
    RANKDIRS,
    STYLES,
    check_output,
    draw_snapshot,
    network_snapshot,
    pipe,
)
from micrograd_cn.teach.naming import local_derivative
from micrograd_cn.teach.snapshot import Snapshot
from micrograd_cn.teach.snapshot import Step as SnapshotStep
from micrograd_cn.teach.trace import step_pages, sum_line


def _quiz_data(ls: Snapshot, ask: str, lang: str) -> dict:
    """What the quiz script needs: each step's question and answer, words, the tolerance."""
    from micrograd_cn.teach.quiz import ABS_TOL, REL_TOL, questions

    return {
        "ask": ask, "relTol": REL_TOL, "absTol": ABS_TOL,
        "questions": [{"out": q.output, "inp": q.input, "expected": q.expected,
                       "prompt": q.prompt, "hint": q.hint, "working": q.working,
                       # the hint ladder's first rung: each wrong answer the catalogue explains
                       "diagnoses": [{"value": d.value, "key": d.key, "text": d.text,
                                      "label": d.label} for d in q.diagnoses]}
                      for q in questions(ls, ask, lang)],
        "words": {word: t(key, lang) for word, key in (
            ("start", "page_quiz_start"), ("right", "quiz_right"), ("wrong", "quiz_wrong"),
            ("reveal", "quiz_reveal"), ("revealed", "page_quiz_revealed"),
            ("unreadable", "page_quiz_unreadable"))} | {
            "gap": lang_record(lang).gap,  # between a verdict and its hint or working
            "rightAfterHint": t("quiz_right_after_hint", lang),
            "missed": t("quiz_missed", lang, steps="{steps}"),
            "hinted": t("quiz_hinted", lang, steps="{steps}"),
            "allFirst": t("quiz_all_first", lang),
            "mistakes": t("quiz_mistakes", lang),
            "mistakeLine": t("quiz_mistake_line", lang, k="{k}", label="{label}")},
    }


def _quiz_html(ls: Snapshot, ask: str, lang: str) -> list[str]:
    """The quiz's help line and controls, placed below the formula box (the question above the answer box)."""
    from micrograd_cn.teach.quiz import WHAT_KEYS, check_ask

    what = t(WHAT_KEYS[check_ask(ask, lang)], lang)
    return [
        f'<p id="quiz-help">{html.escape(t("page_quiz_help", lang, what=what))}</p>',
        '<div id="quiz">',
        # inputmode text: a phone's keyboard with a minus key ("decimal" has none on iOS)
        f'<input id="answer" type="text" inputmode="text" autocomplete="off" autocapitalize="off" '
        'spellcheck="false" '
        f'aria-label="{html.escape(t("page_quiz_answer", lang))}" disabled>',
        f'<button id="check" type="button" disabled>{html.escape(t("page_quiz_check", lang))}</button>',
        f'<button id="reveal" type="button" disabled>{html.escape(t("page_quiz_show", lang))}</button>',
        '<span id="verdict"></span>',
        f'<span id="score">0 / {len(ls.steps)}</span>',
        "</div>",
        '<pre id="review" hidden></pre>',
    ]


def _svg(ls: Snapshot, lang: str, *, rankdir: str, projector: bool,
         locals_: dict[str, str]) -> str:
    """The graph as an inline <svg> element (no XML prolog, no DOCTYPE).

    Every box is sized for its final gradient; the page's script rewrites those
    lines step by step. The keyword arguments are ``viz.draw_snapshot``'s.
    """
    picture = draw_snapshot(ls, lang=lang, rankdir=rankdir, projector=projector,
                            edge_labels={edge: _two_lines(text) for edge, text in locals_.items()})
    svg = pipe(picture, "svg", t("page_dot_missing")).decode("utf-8")
    return svg[svg.index("<svg"):]


def _two_lines(text: str) -> list[str]:
    """An edge's label as two short lines: ∂(x·w)/∂w, then = x = 2 (the edge stays short)."""
    head, sep, tail = text.partition(" = ")
    return [head, f"= {tail}"] if sep else [text]


def _reads(ls: Snapshot, step: SnapshotStep) -> tuple[int, ...]:
    """The nodes whose values the step's local derivative is made of (snapshot ``Node.reads``)."""
    out = ls.nodes[step.output]
    edge = out.positions.index(step.position)
    return out.reads[edge] if edge < len(out.reads) else ()


def _locals(ls: Snapshot, lang: str, held: bool = False) -> dict[str, str]:
    """Each edge's local derivative as the L key writes it on the edge: ∂(x·w)/∂w = x = 2
    (``held``: its formula without the number, for a quiz step not answered yet: ∂(x·w)/∂w = x)."""
    out = {}
    for node in ls.nodes:
        for i in dict.fromkeys(node.inputs):
            parts = []
            for pos, local, formula in zip(node.positions, node.locals, node.formulas):
                if node.inputs[pos] == i:
                    number = num(local, DIGITS)
                    shown = (number if formula == number else f"{formula} = {number}") if not held \
                        else "?" if formula == number else formula
                    parts.append(t("page_local", lang, d=local_derivative(node.forward, ls.nodes[i].name),
                                   formula=shown))
            out[f"e{i}_{node.index}"] = "; ".join(parts)
    return out


def _legend(lang: str, *, grouped: bool) -> str:
    """What the boxes' fills mean, as a collapsible list beside the drawing (``#legend``)."""
    items = [(STYLES["param"][0], t("viz_kind_param", lang)), (STYLES["data"][0], t("viz_kind_data", lang)),
             (STYLES["const"][0], t("viz_kind_const", lang)),
             (STYLES["result"][0], t("viz_kind_result", lang)), (OP_FILL, t("viz_kind_op", lang))]
    if grouped:  # the network's parts are boxes too
        items.append((CLUSTER_STYLES[0]["fillcolor"], t("viz_kind_group", lang)))
    rows = "".join(f'<li><span style="background:{fill}">{html.escape(text)}</span></li>'
                   for fill, text in items)
    return (f'<details id="legend" open><summary>{html.escape(t("viz_legend", lang))}</summary>'
            f"<ul>{rows}</ul></details>")


def step_page(root: Value, *, lang: str | None = None, title: str | None = None,
              params: Iterable[Value] | None = None,
              groups: Mapping[Value, str] | Callable | None = None,
              model: object | None = None, projector: bool = False, rankdir: str = "LR",
              legend: bool = False, quiz: bool = False, ask: str = "contribution",
              data_leaves: Iterable[Value] | None = None) -> StepPage:
    """The whole step-through page for ``root`` (no ``.grad`` is touched).

    ``params``, ``groups`` and ``model`` as for ``viz.draw`` (``model=mlp``: its
    parameters and layers); ``projector=True``: large type; ``rankdir`` and
    ``legend`` as for the picture; ``quiz=True`` asks each step before showing it
    (``ask`` as in ``quiz.questions``); ``data_leaves`` as for ``snapshot``.
    """
    return StepPage(_page(root, lang, title, params, groups=groups, model=model,
                          projector=projector, rankdir=rankdir, legend=legend,
                          quiz=quiz, ask=ask, data_leaves=data_leaves)[0])


def _page(root: Value, lang: str | None, title: str | None,
          params: Iterable[Value] | None = None, *,
          groups: Mapping[Value, str] | Callable | None = None, model: object | None = None,
          projector: bool = False, rankdir: str = "LR", legend: bool = False,
          quiz: bool = False, ask: str = "contribution",
          data_leaves: Iterable[Value] | None = None) -> tuple[str, int]:
    """The page and its number of chain-rule steps."""
    lang = check_lang(lang)
    if rankdir not in RANKDIRS:
        raise ValueError(t("viz_rankdir", value=show(rankdir), choices=", ".join(RANKDIRS)))
    ls = network_snapshot(root, params=params, groups=groups, model=model, data_leaves=data_leaves)
    steps = ls.steps
    locals_ = _locals(ls, lang)  # written on the edges (shown by L): the layout leaves room for them
    svg = _svg(ls, lang, rankdir=rankdir, projector=projector, locals_=locals_)  # legend: in HTML
    pages = step_pages(ls, lang)
    # pages: forward pass, one per step, then the leaves' totals (shown with the last step)
    states = pages[:-1]
    states[-1] = states[-1] + "\n\n" + pages[-1]
    data = {"pages": states, "n": len(ls.nodes), "root": ls.root,
            "rootGrad": num(1.0, DIGITS), "gradWord": t("viz_grad", lang),
            "flowWord": t("page_flow_back", lang),
            "steps": [{"out": s.output, "inp": s.input, "grad": num(s.grad_after, DIGITS),
                       # the nodes the step's local derivative is made of (b for ∂(a·b)/∂a)
                       "reads": list(_reads(ls, s)),
                       # the step that completes a gradient of several terms: it as their sum
                       "sum": sum_line(ls, s.input) if s.share == s.shares > 1 else ""}
                      for s in steps]}
    data["locals"] = locals_
    if quiz:
        # until answered: the last step's page without the leaves' totals, the edges'
        # local derivatives without their numbers
        data["quiz"] = _quiz_data(ls, ask, lang) | {
            "lastPage": pages[-2], "heldLocals": _locals(ls, lang, held=True)}
    heading = t("page_title", lang, expr=title) if title else t("page_title_plain", lang)
    return "\n".join([
        *page_head(lang, heading, ("stage.css", "step.css", "quiz.css") if quiz
                   else ("stage.css", "step.css"), projector),
        '<header id="bar">',
        f"<h1>{html.escape(heading)}</h1>",
        '<div id="controls">',
        f'<button id="prev" type="button">{html.escape(t("page_prev", lang))}</button>',
        f'<span id="step">0 / {len(steps)}</span>',
        f'<button id="next" type="button">{html.escape(t("page_next", lang))}</button>',
        "</div>",
        stage_tools(lang, locals=True),
        "</header>",
        '<main id="stage">',
        f'<div id="graph">{svg}</div>',
        '<aside id="side">',
        '<p id="key-text">'
        f'<span class="key-out">{html.escape(t("page_key_out", lang))}</span> '
        f'<span class="key-op">{html.escape(t("page_key_op", lang))}</span> '
        f'<span class="key-edge">{html.escape(t("page_key_edge", lang))}</span> '
        f'<span class="key-in">{html.escape(t("page_key_in", lang))}</span> '
        f'<span class="key-from">{html.escape(t("page_key_from", lang))}</span></p>',
        f'<pre id="formula">{html.escape(states[0])}</pre>',
        *(_quiz_html(ls, ask, lang) if quiz else []),  # the question above the answer box
        *([_legend(lang, grouped=any(node.group for node in ls.nodes))] if legend else []),
        "</aside>",
        "</main>",
        stage_overlays(lang, t("page_help", lang), locals=True),
        f'<script type="application/json" id="steps-data">{json_for_script(data)}</script>',
        scripts(*(("number.js", "quiz.js") if quiz else ()), "stage.js", "step.js"),
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
    write_output(target, text.encode("utf-8"))
    return steps
