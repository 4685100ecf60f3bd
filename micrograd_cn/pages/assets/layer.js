/* The layer view: show state k (0 = the network and the sample) on the stage. */
(function () {
  var data = JSON.parse(document.getElementById("layer-data").textContent);
  var total = data.steps.length - 1, k = 0;
  var marks = ["hl-out", "hl-in", "hl-edge"];
  var projector = document.body.classList.contains("projector");
  var camera = Stage.camera(document.querySelector("#graph svg"), {
    active: ".hl-out, .hl-in, .hl-edge", nodes: "g.neuron", texts: "g.neuron text",
    textPx: function () { return projector ? 24 : 16; }
  });
  var text = document.getElementById("text");
  var largest = parseFloat(getComputedStyle(text).fontSize), smallest = 10;
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
    marks.forEach(function (cls) {
      each("." + cls, function (el) { el.classList.remove(cls); });
    });
    add(s.used, "hl-in");
    add(s.on, "hl-out");
    add(s.edges, "hl-edge");
    Object.keys(data.neurons).forEach(function (id) {
      var v = data.neurons[id], known = s.known.indexOf(id) >= 0;
      var tail = id.slice(1);
      var z = document.getElementById("z" + tail), a = document.getElementById("a" + tail);
      var d = document.getElementById("d" + tail);
      if (z) { z.textContent = "z = " + (known ? v.z : "?"); }
      if (a) { a.textContent = "a = " + (known ? v.a : "?"); }
      if (d) { d.textContent = "δ = " + (s.deltas.indexOf(id) >= 0 ? v.d : "?"); }
    });
    // the matrix panel: the step's layer, and in it what step k computes (inputs beside)
    each(".panel", function (el) { el.classList.toggle("shown", el.id === "panel-" + s.panel); });
    each(".mrow", function (el) { el.hidden = Number(el.getAttribute("data-from")) !== k; });
    document.getElementById("step").textContent = k + " / " + total;
    document.getElementById("title").textContent = s.title;
    document.getElementById("formula").textContent = s.lines.join("\n");
    Stage.fit(text, largest, smallest);
    document.getElementById("prev").disabled = (k === 0);
    document.getElementById("next").disabled = (k === total);
    camera.focus();
  }
  window.addEventListener("resize", function () { Stage.fit(text, largest, smallest); });

  stepNav(show, function () { return k; }, total, camera);
  if (document.fonts && document.fonts.ready) {
    document.fonts.ready.then(function () { camera.focus(true); });
  }
})();
