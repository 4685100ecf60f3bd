/* The step page: show state k (0 = the forward pass, k = chain-rule step k). */
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

  stepNav(show, function () { return k; }, total);
})();
