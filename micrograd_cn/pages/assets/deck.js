/* The lesson deck (see pages/deck.py). reveal.js shows the pages (speaker notes, overview,
   fullscreen, the URL hash, touch); this script adds what a backprop lesson needs on top:
   → / PageDown first walk the current page's steps (a step page lives in its own frame and keeps
   its own ids), then go to the next page; T contents (#toc), B blank (#blank), P or S the
   speaker notes, a page counter #page "k / N", a step counter #step, a timer, the quiz and exit
   pages, the training pages' slider. Other pages (the classroom's teacher page) read and drive
   the deck through window.MicrogradDeck and the "deckpage" event. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("deck-data").textContent);
  var pages = data.pages, N = pages.length, words = data.words;
  var current = 1;
  var $ = function (id) { return document.getElementById(id); };

  function section(k) {
    return document.querySelector('.reveal .slides > section[data-page="' + k + '"]');
  }
  function frameDoc(k) {
    var s = section(k), f = s ? s.querySelector("iframe.stage") : null;
    try { return f ? f.contentDocument : null; } catch (e) { return null; }
  }
  function stepOf(k) {  // the step counter of page k's frame: {k, n}, or null
    var d = frameDoc(k), el = d ? d.getElementById("step") : null;
    var m = el ? el.textContent.match(/(\d+)\s*\/\s*(\d+)/) : null;
    return m ? { k: +m[1], n: +m[2] } : null;
  }
  function press(d, id) {
    var b = d ? d.getElementById(id) : null;
    if (b && !b.disabled && b.offsetParent !== null) { b.click(); return true; }
    return false;
  }
  function stepping(k) { return pages[k - 1].stepping; }

  function next() {
    if (stepping(current)) {
      var st = stepOf(current), d = frameDoc(current);
      // the next step, else (an "ask" step waiting for its answer) reveal it: never stuck
      if (st && st.k < st.n && (press(d, "next") || press(d, "reveal"))) { update(); return; }
    }
    if (current < N) { Reveal.slide(current); }
  }
  function prev() {
    if (stepping(current)) {
      var st = stepOf(current);
      if (st && st.k > 0 && press(frameDoc(current), "prev")) { update(); return; }
    }
    if (current > 1) { Reveal.slide(current - 2); }
  }
  function goto(k) {
    k = Math.max(1, Math.min(N, Math.round(+k) || 1));
    Reveal.slide(k - 1);
  }
  function toggleBlank() { $("blank").hidden = !$("blank").hidden; }
  function toggleToc() {
    var toc = $("toc");
    toc.hidden = !toc.hidden;
    if (!toc.hidden) {
      var here = toc.querySelector('a[data-page="' + current + '"]');
      if (here) { here.focus(); }
    } else { window.focus(); }
  }
  function notes() {
    var plugin = Reveal.getPlugin ? Reveal.getPlugin("notes") : null;
    if (plugin && plugin.open) { plugin.open(); }
  }
  function fullscreen() {
    var el = document.documentElement;
    if (document.fullscreenElement) { document.exitFullscreen(); } else if (el.requestFullscreen) {
      el.requestFullscreen().catch(function () {});
    }
  }

  function update() {
    $("page").textContent = current + " / " + N;
    var st = stepping(current) ? stepOf(current) : null;
    $("step-box").hidden = !st;
    $("step").textContent = st ? st.k + " / " + st.n : "";  // exactly "k / N", as on a step page
    Array.prototype.forEach.call(document.querySelectorAll("#toc a"), function (a) {
      a.classList.toggle("current", +a.getAttribute("data-page") === current);
    });
  }

  // fit: shrink a page's text until it fits its box (a long table on a small screen)
  function fit(k) {
    var s = section(k), body = s ? s.querySelector(".page-body.fit") : null;
    if (!body) { return; }
    body.style.fontSize = "";
    var boxes = [body].concat(Array.prototype.slice.call(body.querySelectorAll(".right")));
    function over() {
      return boxes.some(function (b) {
        return b.scrollHeight > b.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1;
      });
    }
    var size = parseFloat(window.getComputedStyle(body).fontSize), guard = 0;
    while (over() && size > 8 && guard < 40) {
      size *= 0.93;
      guard += 1;
      body.style.fontSize = size + "px";
    }
  }

  // ------------------------------------------------------------ frames (step pages, layer views)
  var deckKeys = { PageDown: next, PageUp: prev };
  function frameKey(e) {
    if (!e.isTrusted) { return; }  // the deck's own synthetic keys go to the page
    var tag = e.target && e.target.tagName, typing = tag === "INPUT" || tag === "TEXTAREA";
    var key = e.key, action = deckKeys[key] || null;
    if (!action && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      if (key === "ArrowRight" || key === "ArrowDown" || key === " ") { action = next; }
      else if (key === "ArrowLeft" || key === "ArrowUp") { action = prev; }
      else if (key === "Home") { action = function () { goto(1); }; }
      else if (key === "End") { action = function () { goto(N); }; }
      else if (/^[bB.]$/.test(key)) { action = toggleBlank; }
      else if (/^[tT]$/.test(key)) { action = toggleToc; }
      else if (/^[pPsS]$/.test(key)) { action = notes; }
      else if (/^[fF]$/.test(key)) { action = fullscreen; }
    }
    if (action) { e.preventDefault(); e.stopImmediatePropagation(); action(); }
  }
  function send(d, key) {  // a key to the page in a frame (not trusted: frameKey lets it through)
    d.dispatchEvent(new KeyboardEvent("keydown", { key: key, bubbles: true }));
  }
  function wire(frame) {
    var k = +frame.getAttribute("data-page"), p = pages[k - 1];
    var w = frame.contentWindow, d = frame.contentDocument;
    if (!w || !d || frame.getAttribute("data-wired")) { return; }
    frame.setAttribute("data-wired", "1");
    w.addEventListener("keydown", frameKey, true);
    if (p.open === "end") { send(d, "End"); }
    if (p.labels) { send(d, "l"); }
    var counter = d.getElementById("step");
    if (counter && window.MutationObserver) {
      new MutationObserver(function () { if (k === current) { update(); } })
        .observe(counter, { childList: true, characterData: true, subtree: true });
    }
    if (k === current) { update(); }
  }
  Array.prototype.forEach.call(document.querySelectorAll("iframe.stage"), function (frame) {
    frame.addEventListener("load", function () { if (frame.hasAttribute("srcdoc")) { wire(frame); } });
  });

  // ------------------------------------------------------------ quiz and exit pages
  function close(v, expected) {
    return Math.abs(v - expected) <= Math.max(data.absTol, data.relTol * Math.abs(expected));
  }
  function setupQuestion(box, onScore) {
    var input = box.querySelector("input.answer"), verdict = box.querySelector(".verdict");
    var working = box.querySelector(".working"), expected = +box.getAttribute("data-answer");
    var tries = 0, done = false;
    function say(text, cls) { verdict.textContent = text; verdict.className = "verdict " + cls; }
    function finish(right) {
      done = true;
      working.classList.add("shown");
      input.disabled = true;
      onScore(right);
    }
    function check() {
      if (done) { return; }
      var v = readNumber(input.value);
      if (v === null) { say(words.unreadable, "wrong"); return; }
      tries += 1;
      if (close(v, expected)) { say(words.right, "right"); finish(true); }
      else if (tries >= 2) { say(words.wrong + " " + words.revealed, "wrong"); finish(false); }
      else { say(words.wrong + " " + words.again, "wrong"); input.select(); }
    }
    box.querySelector("button.check").addEventListener("click", check);
    box.querySelector("button.show-answer").addEventListener("click", function () {
      if (!done) { say(words.revealed, "wrong"); finish(false); }
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { check(); e.preventDefault(); }
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll(".reveal .slides > section"), function (s) {
    var boxes = s.querySelectorAll(".quiz"), score = s.querySelector(".score");
    var right = 0, answered = 0;
    Array.prototype.forEach.call(boxes, function (box) {
      setupQuestion(box, function (ok) {
        answered += 1;
        if (ok) { right += 1; }
        if (score) {
          score.textContent = words.score + " " + right + " / " + boxes.length;
          score.setAttribute("data-right", right);
          score.setAttribute("data-answered", answered);
        }
      });
    });
  });

  // ------------------------------------------------------------ training pages
  function setupTraining(s, run) {
    var slider = s.querySelector("input.slider"), out = s.querySelector("output.train-readout");
    var play = s.querySelector("button.play"), curve = s.querySelector("svg.curve");
    var canvas = s.querySelector("canvas.boundary"), weights = s.querySelector(".weights");
    var timer = null, costs = run.costs, n = costs.length - 1;
    var lo = Math.min.apply(null, costs), hi = Math.max.apply(null, costs);
    if (!(hi > lo)) { hi = lo + 1; }
    var W = 400, H = 240, M = 8, marker = null;
    function xAt(i) { return M + (W - 2 * M) * (n > 0 ? i / n : 0); }
    function yAt(c) { return H - M - (H - 2 * M) * (c - lo) / (hi - lo); }
    if (curve) {
      var pts = [], stride = Math.max(1, Math.floor(n / 400));
      for (var i = 0; i <= n; i += stride) { pts.push(xAt(i).toFixed(1) + "," + yAt(costs[i]).toFixed(1)); }
      pts.push(xAt(n).toFixed(1) + "," + yAt(costs[n]).toFixed(1));
      var ns = "http://www.w3.org/2000/svg";
      curve.setAttribute("viewBox", "0 0 " + W + " " + H);
      var axis = document.createElementNS(ns, "path");
      axis.setAttribute("d", "M" + M + " " + M + " V" + (H - M) + " H" + (W - M));
      axis.setAttribute("stroke", "#888"); axis.setAttribute("fill", "none");
      curve.appendChild(axis);
      var line = document.createElementNS(ns, "polyline");
      line.setAttribute("points", pts.join(" "));
      line.setAttribute("fill", "none"); line.setAttribute("stroke", "#1a5fb4"); line.setAttribute("stroke-width", "2.5");
      curve.appendChild(line);
      marker = document.createElementNS(ns, "circle");
      marker.setAttribute("r", "6"); marker.setAttribute("fill", "#c0392b");
      curve.appendChild(marker);
    }
    function drawBoundary(f) {
      if (!canvas || !f.grid) { return; }
      var g = f.grid, size = g.length, px = 12, ctx = canvas.getContext("2d");
      canvas.width = size * px; canvas.height = size * px;
      for (var r = 0; r < size; r++) {
        for (var c = 0; c < size; c++) {
          var on = g[r].charAt(c) === "1";
          ctx.fillStyle = on ? "#f6d3b5" : "#c9dcf2";
          ctx.fillRect(c * px, r * px, px, px);
        }
      }
      var b = run.box;
      run.points.forEach(function (p, i) {
        var x = (p[0] - b[0]) / (b[1] - b[0]) * size * px, y = (b[3] - p[1]) / (b[3] - b[2]) * size * px;
        ctx.beginPath();
        ctx.arc(x, y, px * 0.45, 0, 2 * Math.PI);
        var pos = run.labels[i] > run.threshold;
        ctx.fillStyle = pos ? "#c25400" : "#1a5fb4";
        ctx.fill();
        ctx.lineWidth = 1.5; ctx.strokeStyle = "#fff"; ctx.stroke();
        if (!pos) { ctx.strokeStyle = "#000"; ctx.strokeRect(x - px * 0.2, y - px * 0.2, px * 0.4, px * 0.4); }
      });
    }
    function show(j) {
      var f = run.frames[j];
      slider.value = j;
      out.textContent = f.text;
      out.setAttribute("data-step", f.step);
      if (marker) { marker.setAttribute("cx", xAt(f.step)); marker.setAttribute("cy", yAt(costs[f.step])); }
      drawBoundary(f);
      if (weights) { weights.textContent = f.weights; }
    }
    function stop() { if (timer) { clearInterval(timer); timer = null; } play.textContent = words.play; }
    slider.addEventListener("input", function () { stop(); show(+slider.value); });
    play.addEventListener("click", function () {
      if (timer) { stop(); return; }
      if (+slider.value >= run.frames.length - 1) { show(0); }
      play.textContent = words.pause;
      timer = setInterval(function () {
        var j = +slider.value + 1;
        if (j >= run.frames.length) { stop(); return; }
        show(j);
      }, 80);
    });
    show(0);
  }
  pages.forEach(function (p, i) { if (p.train) { setupTraining(section(i + 1), p.train); } });

  // ------------------------------------------------------------ timer, contents, blank
  var started = Date.now();
  function tick() {
    var s = Math.floor((Date.now() - started) / 1000);
    $("timer").textContent = String(Math.floor(s / 60)).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0");
  }
  setInterval(tick, 1000);
  $("timer").addEventListener("click", function () { started = Date.now(); tick(); });
  $("toc-button").addEventListener("click", toggleToc);
  $("blank").addEventListener("click", toggleBlank);
  Array.prototype.forEach.call(document.querySelectorAll("#toc a"), function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      $("toc").hidden = true;
      goto(+a.getAttribute("data-page"));
    });
  });

  // ------------------------------------------------------------ reveal.js
  function load(k) {  // a frame gets its page when it is first shown (its stage then sees its size)
    var s = section(k), f = s ? s.querySelector("iframe.stage") : null;
    if (f && !f.hasAttribute("srcdoc")) { f.setAttribute("srcdoc", f.getAttribute("data-srcdoc")); }
  }
  function changed() {
    var k = Reveal.getIndices().h + 1;
    load(k);
    var active = document.activeElement;
    if (active && active.tagName === "IFRAME") { active.blur(); window.focus(); }
    current = k;
    update();
    fit(k);
    setTimeout(function () { if (current === k) { fit(k); } }, 60);  // after the page's first layout
    document.dispatchEvent(new CustomEvent("deckpage", { detail: { page: k } }));
  }
  Reveal.initialize({
    hash: true, hashOneBasedIndex: true, respondToHashChanges: true, history: false,
    disableLayout: true, center: false, controls: false, progress: true, slideNumber: false,
    transition: "none", backgroundTransition: "none", pause: false, help: true, overview: true,
    jumpToSlide: false, fragments: true, embedded: false,
    keyboard: {
      39: next, 34: next, 32: next, 40: next, 37: prev, 33: prev, 38: prev,
      36: function () { goto(1); }, 35: function () { goto(N); },
      66: toggleBlank, 190: toggleBlank, 84: toggleToc, 80: notes, 83: notes
    },
    plugins: window.RevealNotes ? [window.RevealNotes] : []
  }).then(changed);
  Reveal.on("slidechanged", changed);
  window.addEventListener("resize", function () { fit(current); });

  window.MicrogradDeck = {
    page: function () { return current; },
    pages: N,
    goto: goto,
    next: next,
    prev: prev
  };
})();
