/* The quiz on the step page (see pages/step.py). */
(function () {
  var data = JSON.parse(document.getElementById("steps-data").textContent);
  var quiz = data.quiz, total = quiz.questions.length;
  var state = [], verdicts = [], right = 0, k = 0, redraw = null;
  var hinted = [], mistakes = [];  // steps right after a hint; [step, label] of each diagnosis
  var $ = function (id) { return document.getElementById(id); };
  var parse = readNumber;  // number.js: the same reader as the lesson deck's quizzes
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
  function fill(text, fields) {
    return text.replace(/\{(\w+)\}/g, function (m, name) {
      return name in fields ? fields[name] : m; });
  }
  function review() {  // the end: steps missed, right after a hint, and the mistakes diagnosed
    var missed = [], late = [], lines = [];
    for (var j = 0; j < total; j++) {
      if (!done(j)) { return; }
      if (state[j] === "revealed") { missed.push(j + 1); }
      else if (hinted[j]) { late.push(j + 1); }
    }
    if (missed.length) { lines.push(fill(quiz.words.missed, {steps: missed.join(", ")})); }
    if (late.length) { lines.push(fill(quiz.words.hinted, {steps: late.join(", ")})); }
    if (!missed.length && !late.length) { lines.push(quiz.words.allFirst); }
    if (mistakes.length) {
      lines.push(quiz.words.mistakes);
      mistakes.forEach(function (m) {
        lines.push("  " + fill(quiz.words.mistakeLine, {k: m[0], label: m[1]})); });
    }
    $("review").textContent = lines.join("\n");
    $("review").hidden = false;
  }
  function finish(j, how) {
    state[j] = how;
    redraw(k);  // the page now shows the step's result
    review();
  }
  function diagnosis(q, v) {  // the first rung: the mistake this number shows, if any
    for (var i = 0; i < q.diagnoses.length; i++) {
      if (close(v, q.diagnoses[i].value)) { return q.diagnoses[i]; }
    }
    return null;
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
      hinted[j] = state[j] === "tried";
      say(j, hinted[j] ? quiz.words.rightAfterHint : quiz.words.right, "right");
      finish(j, "right");
    } else if (state[j] === "tried") {  // the second rung: the working
      say(j, quiz.words.reveal + quiz.words.gap + q.working, "wrong");
      finish(j, "revealed");
    } else {  // the first rung: the mistake named, or the rule without numbers
      var d = diagnosis(q, v);
      if (d) { mistakes.push([j + 1, d.label]); }
      state[j] = "tried";
      say(j, quiz.words.wrong + quiz.words.gap + (d ? d.text : q.hint), "wrong");
      controls();
      $("answer").select();  // ready for the second try
    }
  }
  window.stepQuiz = {
    parse: parse,  // for the tests: the same reading as Check
    holds: function (j) { return j > 0 && !done(j - 1); },
    // step j's numbers may be shown: it was answered right or revealed (1-based)
    answered: function (j) { return j > 0 && done(j - 1); },
    prompt: function (j) { return quiz.questions[j - 1].prompt; },
    shown: function (j, show) {
      if (j !== k) { $("answer").value = ""; }
      k = j;
      redraw = show;
      controls();
      if (!$("answer").disabled && document.activeElement !== $("answer")) {
        $("answer").focus();  // each step's box is ready for typing (and a phone's keyboard)
      }
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
    // a clicker's PageUp/PageDown still move the steps, Esc leaves the box (then B, F, L, ?,
    // Home, End work again); every other key is the box's: arrows, Home, End move the caret
    if (/^(PageDown|PageUp|Escape)$/.test(e.key)) { $("answer").blur(); return; }
    e.stopPropagation();
    if (e.key === "Enter") { check(); e.preventDefault(); }
  });
})();
