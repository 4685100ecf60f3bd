/* The controls every step page shares (the step page and the layer view): Next/Previous
   buttons, arrow keys, Page Up/Down, Home/End. The page's own script calls
   stepNav(show, current, total) once it has defined show(n). */
function stepNav(show, current, total) {
  "use strict";
  document.getElementById("next").addEventListener("click", function () { show(current() + 1); });
  document.getElementById("prev").addEventListener("click", function () { show(current() - 1); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "ArrowRight" || e.key === "ArrowDown" || e.key === "PageDown") {
      show(current() + 1); e.preventDefault();
    } else if (e.key === "ArrowLeft" || e.key === "ArrowUp" || e.key === "PageUp") {
      show(current() - 1); e.preventDefault();
    } else if (e.key === "Home") { show(0); } else if (e.key === "End") { show(total); }
  });
  show(0);
}
