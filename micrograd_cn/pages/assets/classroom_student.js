// The student's page: join with a name, follow the teacher's page, answer its open question.
// Everything the user typed or the server sent is shown with textContent, never as markup.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("classroom-config").textContent);
  var words = config.words;
  var $ = function (id) { return document.getElementById(id); };
  var state = null;
  var joined = false;
  var feed = null;
  var lastQuestion = 0;

  function fill(text, fields) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return k in fields ? String(fields[k]) : m; });
  }
  function show(id, visible) { $(id).hidden = !visible; }
  function number(x) { return String(Number(x.toPrecision(6))).replace("-", "\u2212"); }

  function render() {
    if (!state) { return; }
    $("counter").textContent = state.page + " / " + state.pages;
    if (!joined) { show("join-view", true); show("wait-view", false); show("question-view", false); return; }
    show("join-view", false);
    var q = state.question;
    if (!q) {
      show("question-view", false); show("wait-view", true);
      $("wait-title").textContent = state.title;
      return;
    }
    show("wait-view", false); show("question-view", true);
    if (lastQuestion !== state.page) {  // a new question: a fresh box and picture
      lastQuestion = state.page;
      $("answer").value = "";
      $("answer-error").textContent = "";
      $("q-img").src = "/graph/" + state.page + ".svg";
    }
    $("q-title").textContent = state.title;
    $("q-prompt").textContent = q.prompt;
    $("q-expr").textContent = q.expr;
    $("q-values").textContent = Object.keys(q.values).map(function (k) {
      return k + " = " + number(q.values[k]);
    }).join(", ");
    var you = state.you || null;
    show("q-closed", !state.open && !state.revealed);
    show("answer-form", state.open);
    show("received", !!you && !state.revealed);
    if (you) { $("received").textContent = fill(words.received, { answer: you.answer }); }
    show("result", state.revealed);
    if (state.revealed) {
      var verdict = $("verdict");
      var judged = you && typeof you.right === "boolean";
      verdict.textContent = judged ? (you.right ? words.right : words.wrong) : words.no_answer;
      verdict.className = judged ? (you.right ? "right" : "wrong") : "";
      $("the-answer").textContent = fill(words.the_answer, { answer: number(state.answer) }) +
        (judged ? "  (" + fill(words.yours, { answer: you.answer }) + ")" : "");
      $("working").textContent = state.working || "";
    }
  }

  function refresh() {
    return fetch("/api/state", { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (data) { state = data; render(); })
      .catch(function () { /* the feed reconnects and refreshes again */ });
  }

  function connect() {
    if (feed) { feed.close(); }
    feed = new EventSource("/api/feed");
    feed.addEventListener("state", function () { refresh(); });
    feed.onopen = function () { show("conn", false); };
    feed.onerror = function () {
      $("conn").textContent = words.reconnecting; show("conn", true);
      if (feed.readyState === EventSource.CLOSED) { setTimeout(connect, 1500); }
    };
  }

  function post(path, body) {
    return fetch(path, {
      method: "POST", credentials: "same-origin", cache: "no-store",
      headers: { "content-type": "application/json" }, body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) { return { status: r.status, data: data }; });
    });
  }

  $("join-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var name = $("name").value;
    $("join").disabled = true;
    post("/api/join", { name: name }).then(function (r) {
      $("join").disabled = false;
      if (r.status === 200) {
        joined = true;
        try { localStorage.setItem("micrograd_classroom_name", name); } catch (err) { /* private mode */ }
        $("join-error").textContent = "";
        refresh();
      } else {
        $("join-error").textContent = r.data.error || fill(words.failed, { error: r.status });
      }
    }, function (err) {
      $("join").disabled = false;
      $("join-error").textContent = fill(words.failed, { error: String(err) });
    });
  });

  $("answer-form").addEventListener("submit", function (e) {
    e.preventDefault();
    if (!state) { return; }
    var text = $("answer").value;
    $("send").disabled = true;
    post("/api/answer", { page: state.page, answer: text }).then(function (r) {
      $("send").disabled = false;
      if (r.status === 200) {
        $("answer-error").textContent = "";
        state.you = { answer: text };
        render();
      } else if (r.status === 401) {
        joined = false;
        try { localStorage.removeItem("micrograd_classroom_name"); } catch (err) { /* private mode */ }
        $("join-error").textContent = words.rejoin;
        render();
      } else {
        $("answer-error").textContent = r.data.error || fill(words.failed, { error: r.status });
        if (r.status === 409) { refresh(); }
      }
    }, function (err) {
      $("send").disabled = false;
      $("answer-error").textContent = fill(words.failed, { error: String(err) });
    });
  });

  try {
    var name = localStorage.getItem("micrograd_classroom_name");
    if (name) { joined = true; $("name").value = name; }
  } catch (err) { /* private mode: join again after a reload */ }
  refresh();
  connect();
})();
