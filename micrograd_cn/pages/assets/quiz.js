/* The quiz on the step page (see pages/step.py). */
(function () {
  var data = JSON.parse(document.getElementById("steps-data").textContent);
  var quiz = data.quiz, total = quiz.questions.length;
  var state = [], verdicts = [], right = 0, k = 0, redraw = null;
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
