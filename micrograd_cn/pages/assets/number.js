/* A student's answer read as a number: a number or arithmetic of numbers (+ − × ÷, parentheses,
   full-width digits), never eval. Shared by the step page's quiz and the lesson deck. */
function readNumber(text) {  // a number or arithmetic of numbers, or null
  var s = String(text).replace(/[\u2212\u2013]/g, "-").replace(/[\u00d7\u00b7]/g, "*")
    .replace(/\u00f7/g, "/").replace(/\uff08/g, "(").replace(/\uff09/g, ")")
    .replace(/[\uff10-\uff19\uff0e]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
    .replace(/\s+/g, "");
  var i = 0;
  function peek() { return s.charAt(i); }
  function sum() {
    var v = product();
    while (peek() === "+" || peek() === "-") {
      var op = s.charAt(i++), r = product();
      v = op === "+" ? v + r : v - r;
    }
    return v;
  }
  function product() {
    var v = factor();
    while (peek() === "*" || peek() === "/") {
      var op = s.charAt(i++), r = factor();
      v = op === "*" ? v * r : v / r;
    }
    return v;
  }
  function factor() {
    if (peek() === "-") { i++; return -factor(); }
    if (peek() === "+") { i++; return factor(); }
    if (peek() === "(") {
      i++;
      var v = sum();
      if (peek() !== ")") { throw new Error("no )"); }
      i++;
      return v;
    }
    var m = s.slice(i).match(/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i);
    if (!m) { throw new Error("no number"); }
    i += m[0].length;
    return parseFloat(m[0]);
  }
  if (!s || s.length > 200) { return null; }
  try {
    var v = sum();
    return (i === s.length && isFinite(v)) ? v : null;
  } catch (e) { return null; }  // also a nesting too deep for the stack
}
