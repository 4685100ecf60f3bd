/* The layer view: show state k (0 = the network and the sample). */
(function () {
  var data = JSON.parse(document.getElementById("layer-data").textContent);
  var total = data.steps.length - 1, k = 0;
  function each(selector, f) {
    Array.prototype.slice.call(document.querySelectorAll(selector)).forEach(f);
  }
  function add(ids, cls) {
    ids.forEach(function (id) {
      var el = document.getElementById(id);
      if (el) { el.classList.add(cls); }
    });
  }
  function show(n) {
    k = Math.max(0, Math.min(total, n));
    var s = data.steps[k];
    each(".on, .used, .hl", function (el) { el.classList.remove("on", "used", "hl"); });
    add(s.used, "used");
    add(s.on, "on");
    add(s.edges, "hl");
    Object.keys(data.neurons).forEach(function (id) {
      var v = data.neurons[id], known = s.known.indexOf(id) >= 0;
      var tail = id.slice(1);
      var z = document.getElementById("z" + tail), a = document.getElementById("a" + tail);
      var d = document.getElementById("d" + tail);
      if (z) { z.textContent = "z = " + (known ? v.z : "?"); }
      if (a) { a.textContent = "a = " + (known ? v.a : "?"); }
      if (d) { d.textContent = "δ = " + (s.deltas.indexOf(id) >= 0 ? v.d : "?"); }
    });
    each(".panel", function (el) { el.classList.remove("shown"); });
    var panel = document.getElementById("panel-" + s.panel);
    if (panel) { panel.classList.add("shown"); panel.setAttribute("data-phase", s.phase); }
    document.getElementById("step").textContent = k + " / " + total;
    document.getElementById("title").textContent = s.title;
    document.getElementById("formula").textContent = s.lines.join("\n");
    document.getElementById("prev").disabled = (k === 0);
    document.getElementById("next").disabled = (k === total);
  }

  stepNav(show, function () { return k; }, total);
})();
