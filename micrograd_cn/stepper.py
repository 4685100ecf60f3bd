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

Imports: engine, files, i18n, trace, viz (and so the ``graphviz`` package and ``dot``).
"""

from __future__ import annotations

import html
import json
import os

from micrograd_cn.engine import Value, topo_sort
from micrograd_cn.i18n import check_lang, t
from micrograd_cn.trace import node_names, step_pages, trace
from micrograd_cn.table import num
from micrograd_cn.files import write_atomic
from micrograd_cn.viz import DIGITS, FONT, check_output, draw, pipe

# The page's text uses the same font stack as the picture it shows (viz.FONT).
_FONTS = ", ".join(f'"{f}"' if " " in f else f for f in FONT.split(","))
_STYLE = "body { font-family: " + _FONTS + """; margin: 1.2em; color: #222; background: #fff; }
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
  function showGrads() {  // the gradients as they stand after step k ("?" = not reached yet)
    var grads = {};
    if (k > 0) { grads[data.root] = data.rootGrad; }
    for (var i = 0; i < k; i++) { grads[data.steps[i].inp] = data.steps[i].grad; }
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
    showGrads();
    document.getElementById("step").textContent = k + " / " + total;
    document.getElementById("formula").textContent = data.pages[k];
    document.getElementById("prev").disabled = (k === 0);
    document.getElementById("next").disabled = (k === total);
  }
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


def _svg(root: Value, lang: str) -> str:
    """The graph as an inline <svg> element (no XML prolog, no DOCTYPE).

    Drawn after the trace, so every box is sized for its final gradient; the
    page's script rewrites those lines step by step.
    """
    svg = pipe(draw(root, lang=lang), "svg", t("page_dot_missing")).decode("utf-8")
    return svg[svg.index("<svg"):]


def _json_for_script(data: object) -> str:
    """JSON that cannot end the <script> element it sits in."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def step_page(root: Value, *, lang: str | None = None, title: str | None = None) -> str:
    """The whole step-through page for ``root`` as one HTML string.

    Runs ``trace(root)`` (which sets every ``.grad`` as ``backward()`` would).
    """
    return _page(root, lang, title)[0]


def _page(root: Value, lang: str | None, title: str | None) -> tuple[str, int]:
    """The page and its number of chain-rule steps."""
    if not isinstance(root, Value):
        raise TypeError(t("viz_not_value", kind=type(root).__name__))
    lang = check_lang(lang)
    order = topo_sort(root)
    # Unnamed results get the names the step texts use (v3, f, ...), so that what the
    # text says can be found in the picture; the user's graph is left as it was.
    unnamed = [(node, name) for node, name in zip(order, node_names(order))
               if node._prev and not node.label]
    for node, name in unnamed:
        node.label = name
    try:
        steps = trace(root)
        svg = _svg(root, lang)
        pages = step_pages(root, steps, lang)
    finally:
        for node, _ in unnamed:
            node.label = ""
    # pages: forward pass, one per step, then the leaves' totals (shown with the last step)
    states = pages[:-1]
    states[-1] = states[-1] + "\n\n" + pages[-1]
    data = {"pages": states, "n": len(order), "root": len(order) - 1,
            "rootGrad": num(root.grad, DIGITS), "gradWord": t("viz_grad", lang),
            "steps": [{"out": s.output_index, "inp": s.input_index,
                       "grad": num(s.grad_after, DIGITS)} for s in steps]}
    heading = t("page_title", lang, expr=title) if title else t("page_title_plain", lang)
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(heading)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
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
        f'<pre id="formula">{html.escape(states[0])}</pre>',
        f'<div id="graph">{svg}</div>',
        f'<script type="application/json" id="steps-data">{_json_for_script(data)}</script>',
        f"<script>{_SCRIPT}</script>",
        "</body>",
        "</html>",
        "",
    ]), len(steps)


def write_step_page(root: Value, path: str | os.PathLike, *, lang: str | None = None,
                    title: str | None = None) -> int:
    """Write the page to ``path`` (all or nothing); return its number of steps."""
    target = check_output(path, ("html", "htm"))  # before any work: a wrong path fails at once
    text, steps = _page(root, lang, title)
    write_atomic(target, text.encode("utf-8"))
    return steps
