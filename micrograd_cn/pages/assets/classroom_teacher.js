// The teacher's live panel on the deck: counts, histogram, open/close/reveal, prev/next, QR code.
// The deck (window.MicrogradDeck) owns the pages; every "deckpage" event moves the class with it.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("classroom-config").textContent);
  var words = config.words;
  var KEY = "micrograd_teacher_token";
  var $ = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(location.search);
  var token = params.get("token");
  try {
    if (token) { sessionStorage.setItem(KEY, token); } else { token = sessionStorage.getItem(KEY); }
  } catch (err) { /* no storage: keep the token in this page only */ }
  if (params.has("token")) {  // the token leaves the address bar (the projector shows it)
    history.replaceState(null, "", location.pathname + location.hash);
  }
  var state = null;
  var shown = 0;       // the page the server has
  var qrByHand = null; // Q toggles; a new page resets to "page 1 shows it"

  function fill(text, fields) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return k in fields ? String(fields[k]) : m; });
  }
  function number(x) { return String(Number(x.toPrecision(4))).replace("-", "\u2212"); }
  function error(text) { $("cr-error").textContent = text || ""; }

  function api(method, path, body) {
    var options = { method: method, cache: "no-store", headers: { authorization: "Bearer " + token } };
    if (body !== undefined) {
      options.headers["content-type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) { throw new Error(data.error || String(r.status)); }
        return data;
      });
    });
  }

  function deckPage() { return window.MicrogradDeck ? window.MicrogradDeck.page() : 1; }

  function showQr() {
    var visible = qrByHand === null ? deckPage() === 1 : qrByHand;
    $("classroom-qr").hidden = !visible;
  }

  function renderState() {
    if (!state) { return; }
    var asks = !!state.question;
    $("classroom-panel").hidden = false;
    $("cr-histogram").hidden = !asks;
    $("cr-open").hidden = !asks;
    $("cr-reveal").hidden = !asks;
    $("cr-answered").hidden = !asks;
    $("cr-right").hidden = !asks || !state.revealed;
    $("cr-open").textContent = state.open ? words.close : words.open;
    $("cr-open").disabled = state.revealed;
    $("cr-reveal").disabled = state.revealed;
    $("cr-prev").disabled = state.page <= 1;
    $("cr-next").disabled = state.page >= state.pages;
    $("cr-status").textContent = !asks ? "" :
      state.revealed ? words.is_revealed : state.open ? words.is_open : words.is_closed;
  }

  function renderResults(r) {
    $("cr-answered").textContent = fill(words.answered, { n: r.answered });
    $("cr-right").textContent = fill(words.right_share, {
      percent: r.answered ? Math.round(100 * r.right / r.answered) : 0 });
    var box = $("cr-histogram");
    var most = r.histogram.reduce(function (m, bar) { return Math.max(m, bar[1]); }, 1);
    var rows = r.histogram.map(function (bar) {
      var row = document.createElement("div");
      row.className = "cr-bar";
      row.dataset.value = String(bar[0]);
      var value = document.createElement("span");
      value.className = "cr-value";
      value.textContent = number(bar[0]);
      var fillBar = document.createElement("div");
      fillBar.className = "cr-fill";
      fillBar.style.width = (100 * bar[1] / most) + "%";
      var count = document.createElement("span");
      count.className = "cr-count";
      count.textContent = String(bar[1]);
      row.append(value, fillBar, count);
      return row;
    });
    box.replaceChildren.apply(box, rows);
  }

  function renderRoom(r) {
    $("cr-joined").textContent = fill(words.joined, { n: r.joined });
    var list = $("cr-names");
    var items = r.names.slice().reverse().map(function (name) {
      var li = document.createElement("li");
      li.textContent = name;  // a name is text, whatever it contains
      return li;
    });
    list.replaceChildren.apply(list, items);
  }

  function poll() {
    if (!token) { error(words.no_token); return; }
    var jobs = [api("GET", "/api/teacher/room").then(renderRoom),
                fetch("/api/state", { cache: "no-store" }).then(function (r) { return r.json(); })
                  .then(function (s) { state = s; renderState(); })];
    if (state && state.question) {
      jobs.push(api("GET", "/api/teacher/results?page=" + state.page).then(renderResults));
    }
    Promise.all(jobs).then(function () { error(""); }, function (err) {
      error(fill(words.failed, { error: err.message }));
    });
  }

  function act(path, body) {
    return api("POST", path, body).then(function (s) {
      state = s; shown = s.page; renderState(); poll(); error("");
    }, function (err) { error(fill(words.failed, { error: err.message })); });
  }

  function follow(k) {  // the deck moved to page k: the class follows
    if (!state) { return; }  // before the server's page is known, the deck's own start does not count
    if (!k || k === shown) { showQr(); return; }
    shown = k;
    qrByHand = null;
    showQr();
    act("/api/teacher/goto", { page: k });
  }

  function onDeckPage(e) { follow(e && e.detail ? e.detail.page : deckPage()); }
  window.addEventListener("deckpage", onDeckPage);
  if (document !== window) { document.addEventListener("deckpage", function (e) {
    if (e.target === document) { onDeckPage(e); } }); }

  $("cr-open").addEventListener("click", function () {
    act(state && state.open ? "/api/teacher/close" : "/api/teacher/open");
  });
  $("cr-reveal").addEventListener("click", function () { act("/api/teacher/reveal"); });
  $("cr-prev").addEventListener("click", function () {
    if (window.MicrogradDeck && state && state.page > 1) { window.MicrogradDeck.goto(state.page - 1); }
  });
  $("cr-next").addEventListener("click", function () {
    if (window.MicrogradDeck && state && state.page < state.pages) { window.MicrogradDeck.goto(state.page + 1); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var tag = (e.target && e.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA") { return; }
    if (e.key === "q" || e.key === "Q") {
      qrByHand = $("classroom-qr").hidden;
      showQr();
      e.preventDefault();
    }
  });

  // Start: the server's page wins (it survives a restart); the deck goes there.
  fetch("/api/state", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
    state = s; shown = s.page; renderState();
    if (window.MicrogradDeck && deckPage() !== s.page) { window.MicrogradDeck.goto(s.page); }
    showQr(); poll();
  });
  setInterval(poll, 1000);
  setInterval(function () {  // a missed event cannot leave the class behind the deck
    if (window.MicrogradDeck && deckPage() !== shown && state) { follow(deckPage()); }
  }, 1500);
})();
