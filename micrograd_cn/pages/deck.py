"""The lesson deck as ONE offline HTML file: reveal.js shows the pages of a ``teach.deck.Deck``.

Every page's content comes from the builders that already exist: a ``steps`` or ``locals``
page is the step page (``pages.step.step_page``; ``mode = "ask"`` is its quiz), a
``network`` page the layer view (``pages.layer.layer_view``), each in its own frame, so
it keeps its own ids, keys and stage, and only the current page's frame is driven by the
deck's keys; ``graph``, ``paths``, ``quiz`` and ``exit`` pages show the Graphviz picture
(``render.graph``) beside the trace or path sums (``teach.paths``); ``logistic`` pages the
logistic neuron's report (``teach.neuron``); a ``matrix`` page is the layer view of a batch (its matrix panels,
``teach.matrices``); ``train`` pages a training run of ``teach.training``, stored as frames and
played with a slider; ``mistake`` pages ``teach.pitfalls``. Text keys are escaped everywhere; a
``text`` page's short Markdown is rendered here from escaped text (no raw HTML passes).

reveal.js 6.0.2 (MIT; ``assets/vendor/reveal``) and the deck's script and style are inlined:
the file loads nothing from the network. reveal.js's own layout scaling is off
(``disableLayout``): each page fills the window with the deck's CSS, so the stage inside a
step page sees the real window size. Its keys are remapped where they clash: B blanks with
``#blank`` (reveal's pause is off), T toggles ``#toc``, P (and S) open the speaker notes.

Printing gives one sheet per page, each step page in its final state (the same blocks as
the handout); ``handout_markdown`` is that handout as Markdown.

Imports: i18n, notation, nn, teach (deck, training, pitfalls, paths, trace, snapshot, neuron,
backprop, quiz, doc), render (document, graph, files), pages (base, step, layer).
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Any, Callable

from micrograd_cn.i18n import language, t
from micrograd_cn.notation import num
from micrograd_cn.pages.base import asset, json_for_script
from micrograd_cn.render.document import to_html, to_md
from micrograd_cn.render.files import write_output
from micrograd_cn.render.graph import draw, pipe
from micrograd_cn.teach import backprop
from micrograd_cn.teach.deck import Deck, DeckError, Page, QuizQuestion, build, load_deck
from micrograd_cn.teach.doc import Block, Heading, Math, Para, Table
from micrograd_cn.teach.paths import node_named, paths_blocks
from micrograd_cn.teach.pitfalls import mistake
from micrograd_cn.teach.quiz import ABS_TOL, REL_TOL
from micrograd_cn.teach.snapshot import snapshot
from micrograd_cn.teach.trace import forward_blocks, trace_blocks
from micrograd_cn.teach.training import TrainRun, network, train

REVEAL_VERSION = "6.0.2"
_VENDOR = "vendor/reveal/"
HANDOUT_FRAMES = 11  # rows of a training page's table in the handout and on paper


class _Built:
    """One page drawn: its screen HTML, the blocks printed and written to the handout, its data."""

    def __init__(self, screen: str, blocks: list[Block] | None = None, data: dict | None = None,
                 split: bool = False, fit: bool = True, print_blocks: bool = False, column: bool = False) -> None:
        self.screen = screen
        self.blocks = blocks or []
        self.data = data or {}
        self.split = split
        self.fit = fit
        self.print_blocks = print_blocks  # the screen cannot be printed (a frame): print the blocks
        self.column = column  # a picture that takes the room its caption leaves


# ------------------------------------------------------------------ small pieces
def _e(text: str) -> str:
    return html.escape(text, quote=True)


_INLINE = [
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\*\*([^*]+)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![*\w])\*([^*\s][^*]*)\*(?![*\w])"), r"<em>\1</em>"),
    (re.compile(r"\$([^$]+)\$"), r'<span class="math">\1</span>'),
    (re.compile(r"\[([^\]]+)\]\((https?://[^\s)&\"']+)\)"), r'<a href="\2">\1</a>'),
]


def _inline(text: str) -> str:
    """One line of short Markdown, escaped first: only the markup below becomes HTML."""
    out = _e(text)
    for pattern, repl in _INLINE:
        out = pattern.sub(repl, out)
    return out


def markdown_html(text: str) -> str:
    """Short Markdown (paragraphs, ``-``/``1.`` lists, ``#`` headings, bold, italic, code, $math$,
    http links) as HTML; everything else is shown as text."""
    parts: list[str] = []
    para: list[str] = []
    items: list[str] = []
    ordered = False

    def flush() -> None:
        nonlocal para, items
        if para:
            parts.append("<p>" + "<br>".join(_inline(line) for line in para) + "</p>")
            para = []
        if items:
            tag = "ol" if ordered else "ul"
            parts.append(f"<{tag}>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + f"</{tag}>")
            items = []

    for raw in text.strip().splitlines():
        line = raw.strip()
        bullet = re.match(r"^[-*]\s+(.*)$", line)
        number = re.match(r"^\d+[.)]\s+(.*)$", line)
        heading = re.match(r"^#{1,3}\s+(.*)$", line)
        if not line:
            flush()
        elif heading:
            flush()
            parts.append(f"<h3>{_inline(heading.group(1))}</h3>")
        elif bullet or number:
            if para:
                flush()
            if items and ordered != bool(number):
                flush()
            ordered = bool(number)
            items.append((bullet or number).group(1))  # type: ignore[union-attr]
        else:
            if items:
                flush()
            para.append(line)
    flush()
    return "\n".join(parts)


_SVG_ID = re.compile(r'\s(id)="[^"]*"')


def _svg(graph: Any) -> str:
    """A Graphviz picture as inline SVG, without ids (several pictures share one document)."""
    svg = pipe(graph, "svg", t("page_dot_missing")).decode("utf-8")
    return _SVG_ID.sub("", svg[svg.index("<svg"):])


def _frame(page_html: str, number: int, title: str) -> str:
    # the page goes into the frame when the deck first shows it (deck.js): a stage laid out in a
    # hidden frame would measure a window of size 0
    return (f'<iframe class="stage" data-page="{number}" title="{_e(title)}" '
            f'data-srcdoc="{html.escape(page_html, quote=True)}"></iframe>')


def _values_line(values: dict[str, float]) -> str:
    return ", ".join(f"{name} = {num(v)}" for name, v in values.items())


def _bp_cost(page: Page) -> str:
    """The page's cost in bp's names (before bp knew half_sse, its "mse" was ½Σ(a − y)²)."""
    cost = page.spec["cost"]
    if cost in backprop.COSTS:
        return cost
    if cost == "half_sse" and "half_sse" not in backprop.COSTS:
        return "mse"
    raise DeckError(t("deck_at_page", None, source="", page=page.number, field="cost",
                      detail=t("deck_choice", None, value=cost, choices=", ".join(backprop.COSTS))))


# ------------------------------------------------------------------ kinds
def _text(page: Page, lang: str, projector: bool) -> _Built:
    return _Built(f'<div class="markdown">{markdown_html(page.spec["text"])}</div>',
                  [Para(page.spec["text"])])


def _caption(page: Page) -> str:
    return f'<p class="caption">{_inline(page.spec["text"])}</p>' if "text" in page.spec else ""


def _params(built: Any, page: Page) -> list:
    return [built.leaves[name] for name in page.spec.get("params", [])]


def _graph(page: Page, lang: str, projector: bool) -> _Built:
    built = build(page.spec, lang)
    params = _params(built, page)
    picture = _svg(draw(built.root, lang=lang, show_grad=False, params=params or None, projector=projector))
    ls = snapshot(built.root, params or None)
    blocks: list[Block] = [Para(f"{page.spec['expr']}"), Para(_values_line(page.spec["values"]))]
    blocks += forward_blocks(ls, lang)
    screen = (f'<div class="picture">{picture}</div>{_caption(page)}')
    return _Built(screen, blocks, fit=False, column=True)


def _steps(page: Page, lang: str, projector: bool) -> _Built:
    from micrograd_cn.pages.step import step_page

    built = build(page.spec, lang)
    params = _params(built, page) or None
    mode = page.spec["mode"]
    ask = "local" if page.kind == "locals" else page.spec.get("ask", "contribution")
    inner = step_page(built.root, lang=lang, title=page.title, params=params, projector=projector,
                      quiz=mode == "ask", ask=ask)
    ls = snapshot(built.root, params)
    blocks = trace_blocks(ls, lang)
    data: dict[str, Any] = {"stepping": True}
    if mode == "show":
        data["open"] = "end"
    if page.kind == "locals" and mode != "ask":
        data["labels"] = True
    return _Built(_caption(page) + _frame(str(inner), page.number, page.title), blocks, data, fit=False,
                  print_blocks=True, column=True)


def _paths(page: Page, lang: str, projector: bool) -> _Built:
    built = build(page.spec, lang)
    node = node_named(built.root, page.spec["wrt"])
    with language(lang):
        blocks = paths_blocks(built.root, node, lang)
    picture = _svg(draw(built.root, lang=lang, highlight=[node], projector=projector))
    screen = (f'<div class="left"><div class="picture">{picture}</div></div>'
              f'<div class="right fit-inner">{_caption(page)}{to_html(blocks)}</div>')
    return _Built(screen, [Para(page.spec["expr"]), Para(_values_line(page.spec["values"]))] + blocks, split=True)


def _logistic(page: Page, lang: str, projector: bool) -> _Built:
    from micrograd_cn.teach.neuron import logistic_batch, logistic_neuron

    s = page.spec
    with language(lang):
        if s["batch"]:
            report: Any = logistic_batch(s["x"], s["y"], s["w"], s["b"])
        else:
            report = logistic_neuron(s["x"], s["y"], s["w"], s["b"])
        blocks = report.blocks(lang)
        picture = _svg(draw(report.root, lang=lang, params=list(report.params), projector=projector))
    if s["batch"]:
        head = t("deck_logistic_batch", lang, m=len(report.losses), cost=num(report.cost))
    else:
        head = t("deck_logistic_one", lang, z=num(report.z), a=num(report.a), loss=num(report.loss))
    rows = "".join(f"<tr><td>{_e(c.name)}</td><td>{_e(c.formula)}</td><td>{_e(num(c.engine))}</td>"
                   f"<td>{_e(num(c.closed))}</td></tr>" for c in report.checks)
    table = (f'<table class="checks"><tr><th>{_e(t("deck_logistic_derivative", lang))}</th>'
             f'<th>{_e(t("deck_logistic_formula", lang))}</th><th>{_e(t("deck_logistic_engine", lang))}</th>'
             f'<th>{_e(t("deck_logistic_closed", lang))}</th></tr>{rows}</table>')
    screen = f'{_caption(page)}<p>{_e(head)}</p>{table}<div class="picture">{picture}</div>'
    return _Built(screen, blocks, column=True)


def _network(page: Page, lang: str, projector: bool) -> _Built:
    from micrograd_cn.pages.layer import layer_view

    s = page.spec
    cost = _bp_cost(page)
    with language(lang):
        inner = layer_view(network(s), s["x"], s["y"], cost, lang=lang, projector=projector)
        report = backprop.bp_report(network(s), s["x"], s["y"], cost)
        blocks = report.blocks(lang, timing=False)
    return _Built(_caption(page) + _frame(str(inner), page.number, page.title), blocks, {"stepping": True},
                  fit=False, print_blocks=True, column=True)


def _matrix(page: Page, lang: str, projector: bool) -> _Built:
    """The matrix form on a batch, samples as columns: the layer view of the batch (its matrix
    panels step by step), printed as the batch report's matrices."""
    from micrograd_cn.pages.layer import layer_view
    from micrograd_cn.teach.matrices import bp_batch

    s = page.spec
    cost = _bp_cost(page)
    X = s["x"] if s["batch"] else [s["x"]]
    Y = s["y"] if s["batch"] else [s["y"]]
    with language(lang):
        inner = layer_view(network(s), X, Y, cost, lang=lang, projector=projector)
        blocks = bp_batch(network(s), X, Y, cost, sample=1).blocks(lang, timing=False)
    return _Built(_caption(page) + _frame(str(inner), page.number, page.title), blocks, {"stepping": True},
                  fit=False, print_blocks=True, column=True)


def _frame_text(run: TrainRun, i: int, lang: str) -> str:
    f = run.frames[i]
    return t("deck_train_frame", lang, step=f.step, steps=run.frames[-1].step, cost=num(f.cost, 6),
             accuracy=f"{f.accuracy * 100:.0f}")


def _grid(grid: Any, threshold: float) -> list[str] | None:
    """The boundary grid as rows of "1" (the output above the threshold) and "0"."""
    if grid is None:
        return None
    return ["".join("1" if v > threshold else "0" for v in row) for row in grid]


def train_summary(run: TrainRun, lang: str) -> str:
    """The line the lesson command prints for a training page: the cost after the last step."""
    return t("deck_train_done", lang, steps=run.frames[-1].step, cost=num(run.final_cost, 6),
             accuracy=f"{run.accuracies[-1] * 100:.0f}")


def _train(page: Page, lang: str, projector: bool) -> _Built:
    try:
        run = train(page.spec)
    except (ArithmeticError, ValueError) as err:
        raise DeckError(t("deck_at_page", lang, source="", page=page.number, field="lr",
                          detail=t("deck_train_diverged", lang, detail=" ".join(str(err).split())))) from None
    frames = [{"step": f.step, "text": _frame_text(run, i, lang), "grid": _grid(f.grid, run.threshold),
               "weights": "  ".join(f"{n} = {num(w, 4)}" for n, w in zip(run.weight_names, f.weights))}
              for i, f in enumerate(run.frames)]
    data = {"train": {"costs": list(run.costs), "frames": frames, "box": run.box, "points": run.points,
                      "labels": run.labels, "threshold": run.threshold}}
    right = ('<canvas class="boundary"></canvas>' if run.frames[0].grid is not None
             else '<div class="weights"></div>')
    screen = (f'<div class="train">{_caption(page)}'
              f'<div class="plots"><svg class="curve" role="img" aria-label="{_e(t("deck_train_curve", lang))}"></svg>'
              f'{right}</div>'
              f'<div class="row"><button class="play" type="button">{_e(t("deck_play", lang))}</button>'
              f'<input class="slider" type="range" min="0" max="{len(frames) - 1}" value="0" step="1" '
              f'aria-label="{_e(t("deck_train_slider", lang))}">'
              f'<output class="train-readout">{_e(_frame_text(run, 0, lang))}</output></div></div>')
    picks = sorted({round(i * (len(run.frames) - 1) / (HANDOUT_FRAMES - 1)) for i in range(HANDOUT_FRAMES)})
    table = Table.of([t("deck_train_step", lang), t("deck_train_cost", lang), t("deck_train_accuracy", lang)],
                     [(str(run.frames[i].step), num(run.frames[i].cost, 6),
                       f"{run.frames[i].accuracy * 100:.0f}%") for i in picks], ">>>")
    blocks: list[Block] = [Para(page.spec["text"])] if "text" in page.spec else []
    blocks += [Para(train_summary(run, lang)), table]
    built = _Built(screen, blocks, data, fit=False, print_blocks=True)
    built.data["summary"] = train_summary(run, lang)
    return built


def _question_html(q: QuizQuestion, lang: str, projector: bool, picture: bool) -> str:
    svg = ""
    if picture:
        built = build({"expr": q.expr, "values": q.values}, lang)
        svg = f'<div class="picture">{_svg(draw(built.root, lang=lang, show_grad=False, projector=projector))}</div>'
    return (f'<div class="quiz" data-answer="{q.answer!r}">'
            f'<div class="prompt">{_e(q.prompt)}</div>{svg}'
            f'<div class="row"><input class="answer" type="text" inputmode="decimal" autocomplete="off" '
            f'aria-label="{_e(t("page_quiz_answer", lang))}">'
            f'<button class="check" type="button">{_e(t("page_quiz_check", lang))}</button>'
            f'<button class="show-answer" type="button">{_e(t("page_quiz_show", lang))}</button>'
            f'<span class="verdict"></span></div>'
            f'<pre class="working">{_e(q.working)}</pre></div>')


def _question_blocks(q: QuizQuestion, lang: str) -> list[Block]:
    return [Para(q.prompt), Math.of(q.working)]


def _quiz(page: Page, lang: str, projector: bool) -> _Built:
    assert page.question is not None
    return _Built(_caption(page) + _question_html(page.question, lang, projector, True),
                  _question_blocks(page.question, lang), fit=False)


def _exit(page: Page, lang: str, projector: bool) -> _Built:
    boxes = "".join(_question_html(q, lang, projector, False) for q in page.questions)
    blocks: list[Block] = []
    for i, q in enumerate(page.questions, 1):
        blocks += [Para(f"{i}. {q.prompt}"), Math.of(q.working)]
    score = (f'<div class="score" data-right="0" data-answered="0">'
             f'{_e(t("deck_score", lang))} 0 / {len(page.questions)}</div>')
    return _Built(f'{_caption(page)}<div class="exit-list">{boxes}</div>{score}', blocks)


def _mistake(page: Page, lang: str, projector: bool) -> _Built:
    report = mistake(page.spec, lang)
    blocks = [Para(page.spec["expr"]), Para(_values_line(page.spec["values"]))] + list(report.blocks)
    return _Built(f"{_caption(page)}<pre>{_e(page.spec['expr'])}\n{_e(_values_line(page.spec['values']))}</pre>"
                  + to_html(list(report.blocks)), blocks)


_KINDS: dict[str, Callable[[Page, str, bool], _Built]] = {
    "text": _text, "graph": _graph, "steps": _steps, "locals": _steps, "paths": _paths,
    "logistic": _logistic, "network": _network, "matrix": _matrix, "train": _train, "quiz": _quiz,
    "exit": _exit, "mistake": _mistake,
}
_MAIN_KEY = {"network": "weights", "matrix": "weights", "train": "lr", "logistic": "w", "text": "text"}


def _build_page(page: Page, lang: str, projector: bool, source: str) -> _Built:
    """One page, any fault of the builders named by page and key (a DeckError)."""
    try:
        with language(lang):
            return _KINDS[page.kind](page, lang, projector)
    except DeckError as err:
        text = str(err)
        if text.startswith(("：", ": ")):  # raised without the source: add it
            text = source + text
        raise DeckError(text) from None
    except (ValueError, ArithmeticError) as err:
        raise DeckError(t("deck_at_page", lang, source=source, page=page.number,
                          field=_MAIN_KEY.get(page.kind, "expr"), detail=" ".join(str(err).split()))) from None


# ------------------------------------------------------------------ the deck
class DeckPages:
    """A deck drawn once: its pages' HTML, handout blocks and training summaries."""

    def __init__(self, deck: Deck, projector: bool = False) -> None:
        self.deck = deck
        self.projector = projector
        self.built = [_build_page(p, deck.lang, projector, deck.source) for p in deck.pages]

    @property
    def summaries(self) -> list[tuple[int, str]]:
        """(page, the training line) for every training page."""
        return [(p.number, b.data["summary"]) for p, b in zip(self.deck.pages, self.built) if "summary" in b.data]

    def html(self, *, extra_head: str = "", extra_body: str = "") -> str:
        deck, lang = self.deck, self.deck.lang
        sections = []
        for page, b in zip(deck.pages, self.built):
            classes = ("page-body" + (" split" if b.split else "") + (" fit" if b.fit else "")
                       + (" column" if b.column else ""))
            printed = f'<div class="print-only">{to_html(b.blocks)}</div>' if b.print_blocks else ""
            notes = f'<aside class="notes">{_e(page.notes)}</aside>' if page.notes else ""
            framed = ' class="framed"' if b.data.get("stepping") else ""
            sections.append(
                f'<section data-page="{page.number}" data-kind="{page.kind}"{framed}>'
                f'<h2 class="page-title">{_e(page.title)}</h2>'
                f'<div class="{classes}">{b.screen}</div>{printed}{notes}</section>')
        toc = "".join(f'<li><a href="#/{p.number}" data-page="{p.number}">{_e(p.title)}</a></li>'
                      for p in deck.pages)
        data = {
            "pages": [{"kind": p.kind, "stepping": bool(b.data.get("stepping")), "open": b.data.get("open"),
                       "labels": bool(b.data.get("labels")), "train": b.data.get("train")}
                      for p, b in zip(deck.pages, self.built)],
            "relTol": REL_TOL, "absTol": ABS_TOL,
            "words": {"right": t("quiz_right", lang),
                      "wrong": t("quiz_wrong", lang), "again": t("deck_try_again", lang),
                      "revealed": t("deck_revealed", lang), "unreadable": t("page_quiz_unreadable", lang),
                      "score": t("deck_score", lang), "play": t("deck_play", lang), "pause": t("deck_pause", lang)},
        }
        return "\n".join([
            "<!DOCTYPE html>",
            f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="micrograd-cn lesson (reveal.js {REVEAL_VERSION})">',
            f"<title>{_e(deck.title)}</title>",
            f"<style>{asset(_VENDOR + 'reveal.css')}</style>",
            f"<style>{asset('deck.css')}</style>",
            extra_head,
            "</head>",
            f'<body class="deck{" projector" if self.projector else ""}">',
            '<div class="reveal"><div class="slides">',
            *sections,
            "</div></div>",
            '<footer id="deck-bar">'
            f'<span id="page">1 / {len(deck.pages)}</span>'
            f'<span id="step-box" hidden>{_e(t("deck_word_step", lang))} <span id="step"></span></span>'
            f'<span class="deck-title">{_e(deck.title)}</span>'
            f'<span id="timer" title="{_e(t("deck_timer", lang))}">00:00</span>'
            f'<button id="toc-button" type="button">{_e(t("deck_toc", lang))} (T)</button></footer>',
            f'<nav id="toc" hidden><h2>{_e(t("deck_toc", lang))}</h2><ol>{toc}</ol></nav>',
            '<div id="blank" hidden></div>',
            f'<script type="application/json" id="deck-data">{json_for_script(data)}</script>',
            _script(_VENDOR + "reveal.js"),
            _script(_VENDOR + "notes.js"),
            _script("number.js"),
            _script("deck.js"),
            extra_body,
            "</body>",
            "</html>",
            "",
        ])

    def handout(self) -> str:
        """The deck as Markdown: one section per page, each step page in its final state."""
        deck = self.deck
        parts = [f"# {_md_line(deck.title)}", ""]
        for page, b in zip(deck.pages, self.built):
            parts += [f"## {page.number}. {_md_line(page.title)}", ""]
            if page.kind == "text":
                parts += [page.spec["text"].strip(), ""]
            else:
                parts += [to_md(_below_page_title(b.blocks)).rstrip(), ""]
        return "\n".join(parts)


def _below_page_title(blocks: list[Block]) -> list[Block]:
    """Headings of a page's blocks two levels down, under the page's own "## k. title"."""
    return [Heading(b.text, min(b.level + 2, 6)) if isinstance(b, Heading) else b for b in blocks]


def _md_line(text: str) -> str:
    """A title as one line of Markdown text (markup characters escaped)."""
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", text)


def _script(name: str) -> str:
    return "<script>" + asset(name).replace("</script", "<\\/script") + "</script>"


def deck_html(deck: Deck, *, projector: bool = False, extra_head: str = "", extra_body: str = "") -> str:
    """The whole deck as one self-contained HTML page (``extra_head``/``extra_body`` are put in
    as they are: the classroom's teacher page adds its own script and panels)."""
    return DeckPages(deck, projector).html(extra_head=extra_head, extra_body=extra_body)


def handout_markdown(deck: Deck) -> str:
    return DeckPages(deck).handout()


def write_deck(path: str | os.PathLike, deck: Deck | str | os.PathLike | None = None, *,
               lang: str | None = None, projector: bool = False,
               handout: str | os.PathLike | None = None) -> DeckPages:
    """Write the deck to ``path`` (and its Markdown handout): all or nothing.

    ``deck``: a Deck, a lesson file's path, or None for the built-in lesson. Every page is
    built before any file is written, so a fault leaves no file behind.
    """
    target = _output(path, (".html", ".htm"), lang)
    notes_target = _output(handout, (".md", ".markdown", ".txt"), lang) if handout is not None else None
    if not isinstance(deck, Deck):
        deck = load_deck(deck, lang=lang)
    pages = DeckPages(deck, projector)
    text = pages.html()
    md = pages.handout() if notes_target is not None else None
    write_output(target, text.encode("utf-8"))
    if notes_target is not None and md is not None:
        write_output(notes_target, md.encode("utf-8"))
    return pages


def _output(path: str | os.PathLike, suffixes: tuple[str, ...], lang: str | None) -> Path:
    target = Path(path)
    if target.suffix.lower() not in suffixes:
        raise DeckError(t("deck_bad_output", lang, path=str(target), suffixes=", ".join(suffixes)))
    if not target.parent.is_dir():
        raise DeckError(t("deck_no_folder", lang, path=str(target.parent)))
    return target


# the lesson of ``micrograd-cn lesson`` in Python: the same as write_deck
write_lesson = write_deck
