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

With ``quiz=True`` the page asks each step before it shows it (see ``_QUIZ_SCRIPT``):
the questions, expected numbers and tolerance come from ``quiz``, so the page checks
answers offline.

Imports: engine, files, i18n, lesson, table, trace, viz (and so the ``graphviz`` package and
``dot``); quiz for a quiz page.
"""

from __future__ import annotations

import html
import json
import os
from typing import Callable, Iterable, Mapping

from micrograd_cn.engine import Value
from micrograd_cn.files import write_atomic
from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.lesson import Lesson
from micrograd_cn.table import num
from micrograd_cn.trace import step_pages
from micrograd_cn.viz import DIGITS, FONT, RANKDIRS, check_output, draw_lesson, network_lesson, pipe

# The page's text uses the same font stack as the picture it shows (viz.FONT).
PAGE_FONTS = ", ".join(f'"{f}"' if " " in f else f for f in FONT.split(","))
_STYLE = "body { font-family: " + PAGE_FONTS + """; margin: 1.2em; color: #222; background: #fff; }
h1 { font-size: 1.3em; margin: 0 0 .3em 0; }
#help, #legend-text { color: #555; margin: .2em 0; }
#controls { margin: .6em 0; display: flex; gap: .8em; align-items: center; }
button { font-size: 1.1em; padding: .3em 1em; cursor: pointer; }
#step { font-size: 1.3em; font-weight: bold; min-width: 5em; text-align: center; }
#graph svg { width: 100%; max-width: 1400px; height: auto; max-height: 75vh; }
#formula { font-family: "DejaVu Sans Mono", "WenQuanYi Micro Hei Mono", monospace;
           font-size: 1.15em; background: #f6f6f6; border-left: 5px solid #d35400;
           padding: .6em 1em; white-space: pre-wrap; }
.hl-out polygon, .hl-out ellipse, .hl-out path { stroke: #d35400; stroke-width: 4px; }
.hl-op ellipse { stroke: #d35400; stroke-width: 3px; }
.hl-in polygon, .hl-in ellipse, .hl-in path { stroke: #1e8449; stroke-width: 4px; }
.hl-edge path { stroke: #c0392b; stroke-width: 4px; }
.hl-edge polygon { stroke: #c0392b; fill: #c0392b; }
.key-out { color: #d35400; font-weight: bold; }
.key-in { color: #1e8449; font-weight: bold; }
.key-edge { color: #c0392b; font-weight: bold; }
body.projector { font-size: 150%; margin: .6em; }
body.projector #graph svg { max-width: none; max-height: 78vh; }
body.projector #formula { font-size: 1.25em; }
body.projector button { font-size: 1.3em; }
"""

# The controls every step page shares (this one and layerview's): Next/Previous buttons,
# arrow keys, Page Up/Down, Home/End. The page's own script defines k, total and show(n).
NAV_SCRIPT = """
  document.getElementById("next").addEventListener("click", function () { show(k + 1); });
  document.getElementById("prev").addEventListener("click", function () { show(k - 1); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "ArrowRight" || e.key === "ArrowDown" || e.key === "PageDown") {
      show(k + 1); e.preventDefault();
    } else if (e.key === "ArrowLeft" || e.key === "ArrowUp" || e.key === "PageUp") {
      show(k - 1); e.preventDefault();
    } else if (e.key === "Home") { show(0); } else if (e.key === "End") { show(total); }
  });
  show(0);
})();
"""

# The page's behaviour: show state k (0 = forward pass, k = chain-rule step k).
_SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById("steps-data").textContent);
  var total = data.steps.length, k = 0;
  var marks = ["hl-out", "hl-op", "hl-in", "hl-edge"];
  // the "grad …" line of each value box v0 … v(n−1), the last line starting with that word
  var gradLines = [];
  for (var j = 0; j < data.n; j++) {
    var box = document.getElementById("v" + j), line = null;
    var texts = box ? box.getElementsByTagName("text") : [];
    for (var i = 0; i < texts.length; i++) {
      if (texts[i].textContent.indexOf(data.gradWord + " ") === 0) { line = texts[i]; }
    }
    if (line) {  // Graphviz anchors the line at its start: keep it centred as its text changes
      var box = line.getBBox();
      line.setAttribute("x", box.x + box.width / 2);
      line.setAttribute("text-anchor", "middle");
    }
    gradLines.push(line);
  }
  function showGrads(upto) {  // the gradients after step ``upto`` ("?" = not reached yet)
    var grads = {};
    if (k > 0) { grads[data.root] = data.rootGrad; }
    for (var i = 0; i < upto; i++) { grads[data.steps[i].inp] = data.steps[i].grad; }
    gradLines.forEach(function (line, j) {
      if (line) { line.textContent = data.gradWord + " " + (j in grads ? grads[j] : "?"); }
    });
  }
  function mark(id, cls) {
    var el = document.getElementById(id);
    if (el) { el.classList.add(cls); }
  }
  function show(n) {
    k = Math.max(0, Math.min(total, n));
    marks.forEach(function (cls) {
      Array.prototype.slice.call(document.getElementsByClassName(cls)).forEach(
        function (el) { el.classList.remove(cls); });
    });
    if (k > 0) {
      var s = data.steps[k - 1];
      mark("v" + s.out, "hl-out");
      mark("o" + s.out, "hl-op");
      mark("e" + s.inp + "_" + s.out, "hl-edge");
      mark("v" + s.inp, "hl-in");
    }
    var quiz = window.stepQuiz, held = quiz ? quiz.holds(k) : false;  // set on a quiz page
    showGrads(held ? k - 1 : k);  // a step not answered yet keeps its result hidden
    document.getElementById("step").textContent = k + " / " + total;
    document.getElementById("formula").textContent = held ? quiz.prompt(k) : data.pages[k];
    document.getElementById("prev").disabled = (k === 0);
    document.getElementById("next").disabled = (k === total);
    if (quiz) { quiz.shown(k, show); }
  }
""" + NAV_SCRIPT

# The quiz (``quiz=True``): per step an answer box, Check, Reveal, a verdict and the score.
# It runs before the page's script and hands it ``window.stepQuiz``: which step to hold
# back (its result hidden until answered) and a callback after each step is shown.
# Answers are read by a small recursive-descent parser (numbers, + − × ÷, parentheses),
# never by eval, and judged with quiz.is_right's tolerance.
_QUIZ_STYLE = """
#quiz { margin: .6em 0; display: flex; gap: .6em; align-items: center; flex-wrap: wrap; }
#answer { font-size: 1.1em; padding: .25em .4em; width: 12em; }
#verdict { white-space: pre-wrap; }
#verdict.right { color: #1e8449; font-weight: bold; }
#verdict.wrong { color: #c0392b; }
#score { font-weight: bold; margin-left: auto; }
.quiz-right path { stroke: #1e8449; stroke-width: 5px; }
.quiz-right polygon { stroke: #1e8449; fill: #1e8449; }
"""
_QUIZ_SCRIPT = r"""
(function () {
  var data = JSON.parse(document.getElementById("steps-data").textContent);
  var quiz = data.quiz, total = quiz.questions.length;
  var state = [], verdicts = [], right = 0, k = 0, redraw = null;
  var $ = function (id) { return document.getElementById(id); };
  function parse(text) {  // a number or arithmetic of numbers, or null
    var s = String(text).replace(/[\u2212\u2013]/g, "-").replace(/[\u00d7\u00b7]/g, "*")
      .replace(/\u00f7/g, "/").replace(/\uff08/g, "(").replace(/\uff09/g, ")")
      .replace(/[\uff10-\uff19\uff0e]/g, function (c) {
        return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
      .replace(/\s+/g, "");
    var i = 0;
    function peek() { return s.charAt(i); }
    function sum() {
      var v = product();
      while (peek() === "+" || peek() === "-") {
        var op = s.charAt(i++), r = product();
        v = op === "+" ? v + r : v - r;
      }
      return v;
    }
    function product() {
      var v = factor();
      while (peek() === "*" || peek() === "/") {
        var op = s.charAt(i++), r = factor();
        v = op === "*" ? v * r : v / r;
      }
      return v;
    }
    function factor() {
      if (peek() === "-") { i++; return -factor(); }
      if (peek() === "+") { i++; return factor(); }
      if (peek() === "(") {
        i++;
        var v = sum();
        if (peek() !== ")") { throw new Error("no )"); }
        i++;
        return v;
      }
      var m = s.slice(i).match(/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i);
      if (!m) { throw new Error("no number"); }
      i += m[0].length;
      return parseFloat(m[0]);
    }
    if (!s || s.length > 200) { return null; }
    try {
      var v = sum();
      return (i === s.length && isFinite(v)) ? v : null;
    } catch (e) { return null; }  // also a nesting too deep for the stack
  }
  function close(v, expected) {
    return Math.abs(v - expected) <= Math.max(quiz.absTol, quiz.relTol * Math.abs(expected));
  }
  function done(j) { return state[j] === "right" || state[j] === "revealed"; }
  function say(j, text, cls) { verdicts[j] = [text, cls]; }
  function controls() {
    var open = k > 0 && !done(k - 1), v = k > 0 ? verdicts[k - 1] : null;
    $("answer").disabled = !open;
    $("check").disabled = !open;
    $("reveal").disabled = !open;
    $("verdict").textContent = v ? v[0] : (k === 0 ? quiz.words.start : "");
    $("verdict").className = v ? v[1] : "";
    $("score").textContent = right + " / " + total;
  }
  function finish(j, how) {
    state[j] = how;
    redraw(k);  // the page now shows the step's result
  }
  function check() {
    if (!(k > 0) || done(k - 1)) { return; }
    var j = k - 1, q = quiz.questions[j], v = parse($("answer").value);
    if (v === null) {
      say(j, quiz.words.unreadable, "wrong");
      controls();
      $("answer").select();
      return;
    }
    if (close(v, q.expected)) {
      right += 1;
      var edge = $("e" + q.inp + "_" + q.out);
      if (edge) { edge.classList.add("quiz-right"); }
      say(j, quiz.words.right, "right");
      finish(j, "right");
    } else if (state[j] === "tried") {
      say(j, quiz.words.reveal + quiz.words.gap + q.working, "wrong");
      finish(j, "revealed");
    } else {
      state[j] = "tried";
      say(j, quiz.words.wrong + quiz.words.gap + q.hint, "wrong");
      controls();
      $("answer").select();  // ready for the second try
    }
  }
  window.stepQuiz = {
    parse: parse,  // for the tests: the same reading as Check
    holds: function (j) { return j > 0 && !done(j - 1); },
    prompt: function (j) { return quiz.questions[j - 1].prompt; },
    shown: function (j, show) {
      if (j !== k) { $("answer").value = ""; }
      k = j;
      redraw = show;
      controls();
    }
  };
  $("check").addEventListener("click", check);
  $("reveal").addEventListener("click", function () {
    if (k > 0 && !done(k - 1)) {
      say(k - 1, quiz.words.revealed + quiz.words.gap + quiz.questions[k - 1].working, "wrong");
      finish(k - 1, "revealed");
    }
  });
  $("answer").addEventListener("keydown", function (e) {
    e.stopPropagation();  // arrow keys move the caret here, not the page's step
    if (e.key === "Enter") { check(); e.preventDefault(); }
  });
})();
"""


def _quiz_data(ls: Lesson, ask: str, lang: str) -> dict:
    """What the quiz script needs: each step's question and answer, words, the tolerance."""
    from micrograd_cn.quiz import ABS_TOL, REL_TOL, questions

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


def _quiz_html(ls: Lesson, ask: str, lang: str) -> list[str]:
    """The quiz's help line and controls, placed above the formula box."""
    from micrograd_cn.quiz import check_ask

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


def _svg(ls: Lesson, lang: str, *, rankdir: str, legend: bool, projector: bool) -> str:
    """The graph as an inline <svg> element (no XML prolog, no DOCTYPE).

    Every box is sized for its final gradient; the page's script rewrites those
    lines step by step. The keyword arguments are ``viz.draw_lesson``'s.
    """
    picture = draw_lesson(ls, lang=lang, rankdir=rankdir, legend=legend, projector=projector)
    svg = pipe(picture, "svg", t("page_dot_missing")).decode("utf-8")
    return svg[svg.index("<svg"):]


def page_head(lang: str, heading: str, style: str, projector: bool) -> list[str]:
    """The lines every self-contained page starts with, up to and including <body>."""
    return [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(heading)}</title>",
        f"<style>{style}</style>",
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
    ls = network_lesson(root, params=params, groups=groups, model=model)
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
        *page_head(lang, heading, _STYLE + (_QUIZ_STYLE if quiz else ""), projector),
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
        *([f"<script>{_QUIZ_SCRIPT}</script>"] if quiz else []),
        f"<script>{_SCRIPT}</script>",
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
