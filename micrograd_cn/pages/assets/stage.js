/* The stage every step page shares (the step page, its quiz, the layer view, the deck):
   - Stage.camera(svg, options): pans and zooms an SVG through its viewBox so that the
     current step's elements are in view, their text readable, and no node cut at the edge;
   - Stage.fit(el, largest, smallest): the largest font size (px) at which el's text fits el;
   - Stage.keys(actions): the keys and tool buttons (B blanks, F full screen, ? the keys);
   - stepNav(show, current, total, camera, extra): a step page's controls, all of the above.
   While the camera moves, <html data-camera="moving">; once it rests, "still". */
var Stage = (function () {
  "use strict";
  var DURATION = 280;  // ms of a camera move (settled well within 400 ms)
  var reduced = !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  var root = document.documentElement;

  function union(a, b) {
    if (!a) { return b; }
    if (!b) { return a; }
    var x = Math.min(a.x, b.x), y = Math.min(a.y, b.y);
    return { x: x, y: y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
  }
  function grow(r, by) { return { x: r.x - by, y: r.y - by, w: r.w + 2 * by, h: r.h + 2 * by }; }
  function inside(r, v) {
    return r.x >= v.x - 0.5 && r.y >= v.y - 0.5 && r.x + r.w <= v.x + v.w + 0.5 && r.y + r.h <= v.y + v.h + 0.5;
  }

  function camera(svg, options) {
    var opts = options || {};
    var parts = String(svg.getAttribute("viewBox") || "").trim().split(/[\s,]+/).map(Number);
    if (parts.length !== 4 || parts.some(isNaN)) {
      var b = svg.getBBox();
      parts = [b.x, b.y, b.width, b.height];
    }
    var world = { x: parts[0], y: parts[1], w: parts[2], h: parts[3] };  // the whole drawing
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    var view = null, frame = 0, timer = 0, overview = false, least = Infinity;
    if (opts.nodes) {  // the drawing is its viewBox and every node, even one reaching beyond it
      Array.prototype.forEach.call(svg.querySelectorAll(opts.nodes), function (n) { world = union(world, box(n)); });
    }

    function size() { return { w: Math.max(1, svg.clientWidth), h: Math.max(1, svg.clientHeight) }; }
    // an element's box in the drawing's own units (the viewBox's), whatever its transforms
    function box(el) {
      var b = el.getBBox(), outer = svg.getScreenCTM(), inner = el.getScreenCTM();
      if (!outer || !inner) { return { x: b.x, y: b.y, w: b.width, h: b.height }; }  // not laid out yet
      var m = outer.inverse().multiply(inner);
      var xs = [], ys = [];
      [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]]
        .forEach(function (p) {
          xs.push(m.a * p[0] + m.c * p[1] + m.e);
          ys.push(m.b * p[0] + m.d * p[1] + m.f);
        });
      var x = Math.min.apply(null, xs), y = Math.min.apply(null, ys);
      return { x: x, y: y, w: Math.max.apply(null, xs) - x, h: Math.max.apply(null, ys) - y };
    }
    function set(v) {
      view = v;
      svg.setAttribute("viewBox", [v.x, v.y, v.w, v.h].map(function (n) { return n.toFixed(2); }).join(" "));
    }
    function whole() {  // the drawing, centred, at the window's aspect ratio
      var s = size(), scale = Math.min(s.w / world.w, s.h / world.h);
      var w = s.w / scale, h = s.h / scale;
      return { x: world.x - (w - world.w) / 2, y: world.y - (h - world.h) / 2, w: w, h: h };
    }
    function move(target, instant) {
      if (frame) { cancelAnimationFrame(frame); frame = 0; }
      if (timer) { clearTimeout(timer); timer = 0; }
      var from = view;
      function rest() {  // the end of a move, on time even when frames come late
        if (frame) { cancelAnimationFrame(frame); frame = 0; }
        if (timer) { clearTimeout(timer); timer = 0; }
        set(target);
        root.setAttribute("data-camera", "still");
      }
      var same = from && Math.abs(from.x - target.x) + Math.abs(from.y - target.y) +
        Math.abs(from.w - target.w) + Math.abs(from.h - target.h) < 0.01;
      if (instant || reduced || !from || same) { rest(); return; }
      var start = null;
      root.setAttribute("data-camera", "moving");
      function tick(now) {
        if (start === null) { start = now; }
        var t = Math.min(1, (now - start) / DURATION), e = 1 - Math.pow(1 - t, 3);
        if (t >= 1) { rest(); return; }
        set({ x: from.x + (target.x - from.x) * e, y: from.y + (target.y - from.y) * e,
              w: from.w + (target.w - from.w) * e, h: from.h + (target.h - from.h) * e });
        frame = requestAnimationFrame(tick);
      }
      frame = requestAnimationFrame(tick);
      timer = setTimeout(rest, DURATION + 30);
    }
    // the start of a window of length len that shows [aLo, aLo + aLen], nearest to pos and
    // preferably inside the drawing [wLo, wLo + wLen]: its candidates, best first
    function starts(pos, len, aLo, aLen, wLo, wLen, spans) {
      if (len >= wLen) { return { want: wLo - (len - wLen) / 2, list: [wLo - (len - wLen) / 2] }; }
      var want = Math.min(Math.max(pos, wLo), wLo + wLen - len), lo = aLo + aLen - len, hi = aLo, gap = 4;
      var list = [Math.min(hi, Math.max(lo, want))];
      spans.forEach(function (s) { list.push(s[0] - gap, s[1] + gap, s[0] - gap - len, s[1] + gap - len); });
      list = list.filter(function (c) { return c >= lo - 1e-6 && c <= hi + 1e-6; });
      return { want: want, list: list.length ? list : [aLo + aLen / 2 - len / 2] };  // wider: centred
    }
    // the view that shows the step: the whole drawing if its text is readable so, else a
    // window around the active elements at the readable scale, kept still while they are in it
    function target() {
      var s = size(), all = whole();
      var active = opts.active ? Array.prototype.slice.call(svg.querySelectorAll(opts.active)) : [];
      if (overview || !active.length) { return all; }
      var area = null;
      active.forEach(function (el) {  // an edge by its line and arrow head (not its label)
        var parts = el.classList.contains("hl-edge") ? el.querySelectorAll("path, polygon, line") : [];
        if (!parts.length) { area = union(area, box(el)); }
        Array.prototype.forEach.call(parts, function (p) { area = union(area, box(p)); });
      });
      // one zoom for every step: the smallest text of the drawing's nodes sets it, measured
      // once per window size (a glyph box is rounded to whole pixels at each zoom, so a new
      // measure at every step would change the zoom a little); a margin for that rounding
      if (least === Infinity) {  // measured on the whole drawing, wherever the camera is
        var was = view;
        set(all);
        var texts = svg.querySelectorAll(opts.texts || "text");
        Array.prototype.forEach.call(texts, function (t) {
          if (t.textContent.trim()) { least = Math.min(least, box(t).h); }
        });
        if (was) { set(was); }
      }
      var px = opts.textPx ? opts.textPx() : 16, unit = least === Infinity ? 1 : least;
      var need = (px + 3) * 1.03 / unit, enough = (px + 1.5) / unit;  // a move zooms to need
      var fit = s.w / all.w;
      if (fit >= need) { return all; }
      // never below the smallest readable text (opts.minPx): when the active part is too big
      // for the window at that zoom, frame the first of opts.keep's parts that fits (the node
      // the step asks about and its op, then that node alone)
      var floor = opts.minPx ? (opts.minPx + 0.5) * 1.02 / unit : 0;
      var fits = function (r) { return Math.min(need, s.w / (r.w + 12), s.h / (r.h + 12)) >= floor; };
      (opts.keep || []).forEach(function (sel) {
        var part = null;
        Array.prototype.forEach.call(svg.querySelectorAll(sel), function (el) { part = union(part, box(el)); });
        if (part && !fits(area)) { area = part; }
      });
      var raw = area;
      area = grow(area, 6);  // a little air around the active part, inside the drawing
      var x0 = Math.max(area.x, world.x), y0 = Math.max(area.y, world.y);
      area = { x: x0, y: y0, w: Math.min(area.x + area.w, world.x + world.w) - x0,
               h: Math.min(area.y + area.h, world.y + world.h) - y0 };
      var scale = Math.max(floor, Math.min(need, s.w / area.w, s.h / area.h));
      var w = s.w / scale, h = s.h / scale;
      // still while the step's part is in view at a zoom between this one and the readable one
      var now = view ? s.w / view.w : 0;
      if (view && now >= Math.min(scale, enough) * 0.999 && now <= need * 1.001 && inside(raw, view)) {
        return view;
      }
      var nodes = opts.nodes ? Array.prototype.slice.call(svg.querySelectorAll(opts.nodes)).map(box) : [];
      // from where the camera is, the least move that shows the active part (centred on it
      // when the zoom changes); then the nearest place where no node is cut by an edge
      var kept = view && Math.abs(view.w - w) < 0.01 * w;
      function from(v, a, aLen, len) {
        return kept ? Math.min(Math.max(v, a + aLen - len), a) : a + aLen / 2 - len / 2;
      }
      var xs = starts(from(view && view.x, area.x, area.w, w), w, area.x, area.w, world.x, world.w,
                      nodes.map(function (n) { return [n.x, n.x + n.w]; }));
      var ys = starts(from(view && view.y, area.y, area.h, h), h, area.y, area.h, world.y, world.h,
                      nodes.map(function (n) { return [n.y, n.y + n.h]; }));
      var x = xs.list[0], y = ys.list[0], best = Infinity;
      xs.list.forEach(function (cx) {
        ys.list.forEach(function (cy) {
          var cuts = 0;
          nodes.forEach(function (n) {
            var across = n.x < cx + w && n.x + n.w > cx && n.y < cy + h && n.y + n.h > cy;
            if (across && !(n.x >= cx && n.x + n.w <= cx + w && n.y >= cy && n.y + n.h <= cy + h)) { cuts += 1; }
          });
          var cost = cuts * 1e9 + Math.abs(cx - xs.want) + Math.abs(cy - ys.want);
          if (cost < best) { best = cost; x = cx; y = cy; }
        });
      });
      return { x: x, y: y, w: w, h: h };
    }
    var cam = {
      focus: function (instant) { move(target(), instant); },  // after every step
      whole: function () { overview = !overview; move(target()); },  // the 0 key: toggles
      follow: function () { overview = false; },
      remeasure: function () { least = Infinity; cam.focus(true); },  // after the fonts load
      world: world,
      view: function () { return view; }
    };
    window.addEventListener("resize", cam.remeasure);
    return cam;
  }

  // the largest font size, from largest down to smallest px, at which el shows all its text
  function fit(el, largest, smallest) {
    var size = largest;
    el.style.fontSize = size + "px";
    while (size > smallest && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)) {
      size -= size > 20 ? 2 : 1;
      el.style.fontSize = size + "px";
    }
    return size;
  }

  function toggle(id, on) {
    var el = document.getElementById(id);
    if (!el) { return false; }
    var show = on === undefined ? el.hidden : on;
    el.hidden = !show;
    return show;
  }
  function fullscreen() {
    try {
      if (document.fullscreenElement) { document.exitFullscreen(); }
      else if (root.requestFullscreen) { root.requestFullscreen().catch(function () {}); }
    } catch (e) { /* a browser that refuses: nothing to do */ }
  }
  // actions: {next, prev, first, last, whole, locals}: the functions behind the keys;
  // B, F, ? and Escape are the stage's own. Typing in a text box never reaches these keys.
  function keys(actions) {
    var a = actions || {};
    function click(id, f) {
      var el = document.getElementById(id);
      if (el && f) { el.addEventListener("click", function () { f(); el.blur(); }); }
    }
    click("blank-button", function () { toggle("blank", true); });
    click("full-button", fullscreen);
    click("keys-button", function () { toggle("keys"); });
    click("whole-button", a.whole);
    click("locals-button", a.locals);
    var blank = document.getElementById("blank");
    if (blank) { blank.addEventListener("click", function () { toggle("blank", false); }); }
    var help = document.getElementById("keys");
    if (help) { help.addEventListener("click", function () { toggle("keys", false); }); }
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) { return; }
      var tag = e.target && e.target.tagName;  // in a text box: only the clicker's keys and Esc
      if ((tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") &&
          !/^(PageDown|PageUp|Escape)$/.test(e.key)) { return; }
      var key = e.key.length === 1 ? e.key.toLowerCase() : e.key, f = null;
      if (key === "ArrowRight" || key === "ArrowDown" || key === "PageDown" || key === " ") { f = a.next; }
      else if (key === "ArrowLeft" || key === "ArrowUp" || key === "PageUp") { f = a.prev; }
      else if (key === "Home") { f = a.first; }
      else if (key === "End") { f = a.last; }
      else if (key === "0") { f = a.whole; }
      else if (key === "l") { f = a.locals; }
      else if (key === "b" || key === ".") { f = function () { toggle("blank"); }; }
      else if (key === "f") { f = fullscreen; }
      else if (key === "?" || key === "h") { f = function () { toggle("keys"); }; }
      else if (key === "Escape") { f = function () { toggle("blank", false); toggle("keys", false); }; }
      if (f) { f(); e.preventDefault(); }
    });
  }

  return { camera: camera, fit: fit, keys: keys, toggle: toggle, reduced: reduced, duration: DURATION };
})();

/* A step page's controls: Next/Previous buttons, the stage's keys, its camera (may be null).
   show(n) shows state n; current() is the state shown; extra holds more actions (locals). */
function stepNav(show, current, total, camera, extra) {
  "use strict";
  function go(n) {
    if (camera) { camera.follow(); }
    show(n);
  }
  document.getElementById("next").addEventListener("click", function () { go(current() + 1); });
  document.getElementById("prev").addEventListener("click", function () { go(current() - 1); });
  var actions = {
    next: function () { go(current() + 1); }, prev: function () { go(current() - 1); },
    first: function () { go(0); }, last: function () { go(total); },
    whole: camera ? camera.whole : null
  };
  Object.keys(extra || {}).forEach(function (key) { actions[key] = extra[key]; });
  Stage.keys(actions);
  show(0);
}
