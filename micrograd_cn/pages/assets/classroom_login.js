// /teacher without a valid token: ask for it, or retry once with the one this tab already has.
(function () {
  "use strict";
  var KEY = "micrograd_teacher_token";
  var tried = new URLSearchParams(location.search).has("token");
  var stored = null;
  try { stored = sessionStorage.getItem(KEY); } catch (err) { /* no storage */ }
  if (tried) {
    try { sessionStorage.removeItem(KEY); } catch (err) { /* no storage */ }
    document.getElementById("login-error").hidden = false;
  } else if (stored) {
    location.replace("/teacher?token=" + encodeURIComponent(stored) + location.hash);
    return;
  }
  document.getElementById("login-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var token = document.getElementById("token").value.trim();
    location.href = "/teacher?token=" + encodeURIComponent(token) + location.hash;
  });
})();
