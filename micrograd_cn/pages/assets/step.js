/* The step page: show state k (0 = the forward pass, k = chain-rule step k) on the stage. */
(function () {
  var data = JSON.parse(document.getElementById("steps-data").textContent);
  var total = data.steps.length, k = 0;
  var marks = ["hl-out", "hl-op", "hl-in", "hl-edge"];
  var svg = document.querySelector("#graph svg");
  var projector = document.body.classList.contains("projector");
  var camera = Stage.camera(svg, {
    active: ".hl-out, .hl-op, .hl-in, .hl-edge", nodes: "g.node", texts: "g.node text",
    textPx: function () { return projector ? 24 : 16; },
    minPx: 12, keep: [".hl-in, .hl-op", ".hl-in"]
  });
  // the "grad …" line of each value box v0 … v(n−1), the last line starting with that word
  var gradLines = [];
  for (var j = 0; j < data.n; j++) {
    var box = document.getElementById("v" + j), line = null;
    var texts = box ? box.getElementsByTagName("text") : [];
    for (var i = 0; i < texts.length; i++) {
      if (texts[i].textContent.indexOf(data.gradWord + " ") === 0) { line = texts[i]; }
    }
    if (line) {  // Graphviz anchors the line at its start: keep it centred as its text changes
      line.setAttribute("x", middle(box, line));
      line.setAttribute("text-anchor", "middle");
    }
    gradLines.push(line);
  }
  /* The middle of a node's outline, read from the outline's own coordinates: no layout or
     font is needed, so the line is placed right even when the page starts in a frame that is
     not laid out yet (a notebook's srcdoc iframe), where getBBox() still gives zeros. */
  function middle(node, line) {
    var shape = node.querySelector("path, polygon, ellipse"), xs = [];
    if (shape && shape.tagName === "ellipse") { return parseFloat(shape.getAttribute("cx")); }
    if (shape) {
      var coords = (shape.getAttribute("d") || shape.getAttribute("points") || "")
        .match(/-?\d+(\.\d+)?(e-?\d+)?/gi) || [];
      for (var c = 0; c + 1 < coords.length; c += 2) { xs.push(parseFloat(coords[c])); }
    }
    if (xs.length) { return (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2; }
    var b = line.getBBox();
    return b.x + b.width / 2;
  }
  // each edge's local derivative: Graphviz wrote it on the edge in two lines (room is left
  // for them): "∂(x·w)/∂w" over "= x = 2". They become one <text> (two <tspan>s, so its
  // textContent is the whole "∂(x·w)/∂w = x = 2"), shown by L
  var ns = "http://www.w3.org/2000/svg", localTexts = {};  // edge id -> its two <tspan>s
  function split(text) {
    var cut = text.indexOf(" = ");
    return cut < 0 ? [text, ""] : [text.slice(0, cut), text.slice(cut)];
  }
  Object.keys(data.locals).forEach(function (id) {
    var edge = document.getElementById(id), lines = split(data.locals[id]), found = [];
    var texts = edge ? edge.getElementsByTagName("text") : [];
    for (var i = 0; i < texts.length; i++) {
      var n = texts[i].textContent === lines[0] ? 0 : texts[i].textContent === lines[1].slice(1) ? 1 : -1;
      if (n >= 0 && !found[n]) { found[n] = texts[i]; }
    }
    if (!found[0]) { return; }
    var text = document.createElementNS(ns, "text"), spans = [];
    ["text-anchor", "font-family", "font-size"].forEach(function (name) {
      if (found[0].getAttribute(name)) { text.setAttribute(name, found[0].getAttribute(name)); }
    });
    text.setAttribute("class", "local");
    found.forEach(function (line) {
      var span = document.createElementNS(ns, "tspan");
      span.setAttribute("x", line.getAttribute("x"));
      span.setAttribute("y", line.getAttribute("y"));
      text.appendChild(span);
      spans.push(span);
      line.parentNode.removeChild(line);
    });
    edge.appendChild(text);
    localTexts[id] = spans;
    setLocal(id, data.locals[id]);
  });
  function setLocal(id, text) {
    var lines = split(text), spans = localTexts[id];
    spans[0].textContent = spans.length > 1 ? lines[0] : text;
    if (spans.length > 1) { spans[1].textContent = lines[1]; }
  }
  var locals = false;
  function toggleLocals() {
    locals = !locals;
    document.documentElement.classList.toggle("show-locals", locals);
    var button = document.getElementById("locals-button");
    if (button) { button.setAttribute("aria-pressed", String(locals)); }
  }

  // On a quiz page only the numbers of unanswered steps stay hidden, wherever the student
  // moves (→, End): a gradient some unanswered step adds to shows "?" from that step on
  // (a later total would give its part away), and so does that edge's local derivative.
  function answered(i) {  // step i (1-based) may show its numbers
    return !window.stepQuiz || window.stepQuiz.answered(i);
  }
  function showGrads(upto) {  // the gradients after step ``upto`` ("?" = not reached yet)
    var grads = {}, hidden = {};
    if (k > 0) { grads[data.root] = data.rootGrad; }
    for (var i = 0; i < upto; i++) {
      var s = data.steps[i];
      if (!answered(i + 1)) { hidden[s.inp] = true; }
      if (!hidden[s.inp]) { grads[s.inp] = s.grad; } else { delete grads[s.inp]; }
    }
    gradLines.forEach(function (line, j) {
      if (line) { line.textContent = data.gradWord + " " + (j in grads ? grads[j] : "?"); }
    });
    if (data.quiz) {  // an edge of x·x is two steps: held while either is unanswered
      var held = {};
      data.steps.forEach(function (s, i) { if (!answered(i + 1)) { held["e" + s.inp + "_" + s.out] = true; } });
      Object.keys(localTexts).forEach(function (id) {
        setLocal(id, (held[id] ? data.quiz.heldLocals : data.locals)[id]);
      });
    }
  }
  // where the gradient goes: the step's edge drawn once more, pointing backward (input end),
  // over the forward arrow; and the nodes its local derivative is made of (b for ∂(a·b)/∂a)
  var flow = document.createElementNS(ns, "g"), flowPath = document.createElementNS(ns, "path");
  var flowHead = document.createElementNS(ns, "polygon"), flowTitle = document.createElementNS(ns, "title");
  flow.setAttribute("class", "grad-flow");
  flowTitle.textContent = data.flowWord;
  flow.appendChild(flowTitle);
  flow.appendChild(flowPath);
  flow.appendChild(flowHead);
  (svg.querySelector("g.graph") || svg).appendChild(flow);
  function showFlow(s) {
    var edge = s ? document.getElementById("e" + s.inp + "_" + s.out) : null;
    var path = edge ? edge.querySelector("path") : null;
    if (path) {  // the edge runs input → op: its head goes at the start, pointing at the input
      flowPath.setAttribute("d", path.getAttribute("d"));
      var a = path.getPointAtLength(0), b = path.getPointAtLength(Math.min(6, path.getTotalLength()));
      var dx = a.x - b.x, dy = a.y - b.y, len = Math.hypot(dx, dy) || 1, ux = dx / len, uy = dy / len;
      var w = 5, l = 10;  // half width and length of the head, in the drawing's units
      flowHead.setAttribute("points", [[a.x, a.y], [a.x - l * ux + w * uy, a.y - l * uy - w * ux],
        [a.x - l * ux - w * uy, a.y - l * uy + w * ux]].map(function (p) {
          return p[0].toFixed(2) + "," + p[1].toFixed(2); }).join(" "));
    }
    flow.style.display = path ? "" : "none";
    Array.prototype.slice.call(document.getElementsByClassName("local-from")).forEach(
      function (el) { el.classList.remove("local-from"); });
    (s ? s.reads : []).forEach(function (j) { mark("v" + j, "local-from"); });
  }
  function mark(id, cls) {
    var el = document.getElementById(id);
    if (el) { el.classList.add(cls); }
  }
  var formula = document.getElementById("formula");
  var largest = parseFloat(getComputedStyle(formula).fontSize);
  var smallest = projector ? 18 : 12;
  function show(n) {
    k = Math.max(0, Math.min(total, n));
    marks.forEach(function (cls) {
      Array.prototype.slice.call(document.getElementsByClassName(cls)).forEach(
        function (el) { el.classList.remove(cls); });
    });
    showFlow(k > 0 ? data.steps[k - 1] : null);  // first: the hl-* marks stay each element's last class
    if (k > 0) {
      var s = data.steps[k - 1];
      mark("v" + s.out, "hl-out");
      mark("o" + s.out, "hl-op");
      mark("e" + s.inp + "_" + s.out, "hl-edge");
      mark("v" + s.inp, "hl-in");
    }
    var quiz = window.stepQuiz, held = quiz ? quiz.holds(k) : false;  // set on a quiz page
    showGrads(k);  // a step not answered yet keeps its result hidden
    document.getElementById("step").textContent = k + " / " + total;
    var all = true;  // the last page adds up every leaf: only once every step is answered
    for (var i = 1; quiz && i <= total; i++) { all = all && answered(i); }
    formula.textContent = held ? quiz.prompt(k) : (k === total && !all) ? data.quiz.lastPage
      : data.pages[k];
    Stage.fit(formula, largest, smallest);
    document.getElementById("prev").disabled = (k === 0);
    document.getElementById("next").disabled = (k === total);
    var whole = document.getElementById("whole-button");
    if (whole) { whole.setAttribute("aria-pressed", "false"); }
    camera.focus();
    if (quiz) { quiz.shown(k, show); }
  }
  var wholeButton = document.getElementById("whole-button");
  function whole() {
    camera.whole();
    if (wholeButton) {
      wholeButton.setAttribute("aria-pressed", String(wholeButton.getAttribute("aria-pressed") !== "true"));
    }
  }
  window.addEventListener("resize", function () { Stage.fit(formula, largest, smallest); });

  stepNav(show, function () { return k; }, total, { whole: whole, follow: camera.follow },
          { locals: toggleLocals });
  camera.focus(true);
  if (document.fonts && document.fonts.ready) {
    document.fonts.ready.then(function () { camera.remeasure(); });
  }
})();
