/* A student's answer read as a number: a number or arithmetic of numbers, never eval. Shared by
   the step page's quiz and the lesson deck. It reads what the terminal's reader reads
   (teach/expr.py ``answer``): the same tables (tests/test_quiz_readers.py compares them and a
   shared list of typed answers), the same grammar and limits:
   - superscripts are powers (0.5² = 0.25, 2⁻¹ = 0.5), read before NFKC (which makes ² a 2);
   - then NFKC (full-width digits, signs and parentheses), then the printed signs (− – × · ÷)
     and a byte order mark dropped;
   - + − * / between numbers, unary + −, parentheses, ** with a signed number as exponent
     (|n| ≤ 100), exp log sigmoid tanh relu of a number; Python's number literals. */
var readNumber = (function () {
  "use strict";
  var SUPERSCRIPTS = {"\u2070": "0", "\u00b9": "1", "\u00b2": "2", "\u00b3": "3", "\u2074": "4",
    "\u2075": "5", "\u2076": "6", "\u2077": "7", "\u2078": "8", "\u2079": "9", "\u207b": "-",
    "\u207a": "+"};
  var SIGNS = {"\u2212": "-", "\u2013": "-", "\u00d7": "*", "\u00b7": "*", "\u00f7": "/",
    "\ufeff": ""};
  var LIMITS = {length: 1000, depth: 100, nodes: 300, exponent: 100};
  var FUNCTIONS = {
    exp: Math.exp,
    log: function (x) { return x > 0 ? Math.log(x) : NaN; },
    sigmoid: function (x) { return 1 / (1 + Math.exp(-x)); },
    tanh: Math.tanh,
    relu: function (x) { return x > 0 ? x : 0; }
  };
  var SUPER_RUN = new RegExp("[" + Object.keys(SUPERSCRIPTS).join("") + "]+", "g");
  // Python's literals: decimal (underscores between digits, no leading zero on an integer),
  // hexadecimal, octal and binary integers
  var DIGITS = "\\d(?:_?\\d)*";
  var DECIMAL = new RegExp("^(?:(" + DIGITS + ")?\\.(" + DIGITS + ")?|(" + DIGITS + "))" +
                           "(?:[eE][+-]?" + DIGITS + ")?");
  var BASED = /^0(?:[xX](?:_?[0-9a-fA-F])+|[oO](?:_?[0-7])+|[bB](?:_?[01])+)/;

  function ascii(text) {
    var s = String(text).replace(SUPER_RUN, function (run) {
      return "**(" + run.split("").map(function (c) { return SUPERSCRIPTS[c]; }).join("") + ")";
    });
    s = s.normalize("NFKC");
    return s.split("").map(function (c) { return c in SIGNS ? SIGNS[c] : c; }).join("").trim();
  }

  var CHAIN = {"+": 1, "-": 1, "*": 2, "/": 2};

  function parse(s) {  // the text as a tree: {k: "num"|"bin"|"neg"|"pos"|"pow"|"call", …}
    var i = 0;
    function fail() { throw new Error("unreadable"); }
    function blank() { while (s[i] === " " || s[i] === "\t" || s[i] === "\f") { i++; } }
    function peek(token) { blank(); return s.substr(i, token.length) === token; }
    function number() {  // a literal, as Python reads it
      blank();
      var rest = s.slice(i), m = rest.match(BASED), value;
      if (m) {
        var base = {x: 16, o: 8, b: 2}[m[0][1].toLowerCase()];
        value = parseInt(m[0].slice(2).replace(/_/g, ""), base);
      } else {
        m = rest.match(DECIMAL);
        if (!m || (!m[1] && !m[2] && !m[3])) { fail(); }
        if (m[3] && !/[.eE]/.test(m[0]) && /^0+[1-9]/.test(m[3].replace(/_/g, ""))) { fail(); }
        value = parseFloat(m[0].replace(/_/g, ""));
      }
      i += m[0].length;
      if (/^[\w.]/.test(s.slice(i)) || !isFinite(value)) { fail(); }  // 1x, 1.2.3, 1e, 1e999
      return value;
    }
    function exponent() {  // a number with at most one sign, in parentheses or not
      blank();
      var wrapped = s[i] === "(";
      if (wrapped) { i++; blank(); }
      var sign = 1;
      if (s[i] === "-" || s[i] === "+") { sign = s[i] === "-" ? -1 : 1; i++; }
      var n = sign * number();
      if (wrapped) { if (!peek(")")) { fail(); } i++; }
      if (Math.abs(n) > LIMITS.exponent) { fail(); }
      return n;
    }
    function sum() {
      var v = product();
      while (peek("+") || peek("-")) { var op = s[i++]; v = {k: "bin", op: op, l: v, r: product()}; }
      return v;
    }
    function product() {
      var v = unary();
      while ((peek("*") && !peek("**")) || (peek("/") && !peek("//"))) {
        var op = s[i++];
        v = {k: "bin", op: op, l: v, r: unary()};
      }
      return v;
    }
    function unary() {
      if (peek("-")) { i++; return {k: "neg", x: unary()}; }
      if (peek("+")) { i++; return {k: "pos", x: unary()}; }
      var base = primary();
      if (peek("**")) { i += 2; return {k: "pow", b: base, n: exponent()}; }
      return base;
    }
    function primary() {
      blank();
      if (s[i] === "(") {
        i++;
        var v = sum();
        if (!peek(")")) { fail(); }
        i++;
        return v;
      }
      var name = s.slice(i).match(/^[A-Za-z_]\w*/);
      if (name) {
        if (!Object.prototype.hasOwnProperty.call(FUNCTIONS, name[0])) { fail(); }
        i += name[0].length;
        if (!peek("(")) { fail(); }
        i++;
        var x = sum();
        if (!peek(")")) { fail(); }
        i++;
        return {k: "call", f: name[0], x: x};
      }
      return {k: "num", v: number()};
    }
    var tree = sum();
    blank();
    if (i !== s.length) { fail(); }
    return tree;
  }

  function kids(t) {  // what Python's reader counts below a node (an exponent is not a node)
    return t.k === "bin" ? [t.l, t.r] : t.k === "neg" || t.k === "pos" || t.k === "call" ? [t.x]
      : t.k === "pow" ? [t.b] : [];
  }

  function fits(tree) {  // the node and depth limits, counted as Python counts them
    var stack = [[tree, 1]], count = 0;
    while (stack.length) {
      var top = stack.pop(), t = top[0], level = top[1];
      count += 1;
      if (count > LIMITS.nodes || level > LIMITS.depth) { return false; }
      kids(t).forEach(function (child) {  // a + b − c is one chain: its left stays on the level
        var flat = t.k === "bin" && child === t.l && child.k === "bin" && CHAIN[child.op] === CHAIN[t.op];
        stack.push([child, flat ? level : level + 1]);
      });
    }
    return true;
  }

  function value(t) {  // every step finite, as the engine checks each result
    var v;
    if (t.k === "num") { v = t.v; }
    else if (t.k === "neg") { v = -value(t.x); }
    else if (t.k === "pos") { v = value(t.x); }
    else if (t.k === "call") { v = FUNCTIONS[t.f](value(t.x)); }
    else if (t.k === "pow") {
      var b = value(t.b);
      v = b === 0 && t.n < 0 ? NaN : Math.pow(b, t.n);
    } else {
      var l = value(t.l), r = value(t.r);
      v = t.op === "+" ? l + r : t.op === "-" ? l - r : t.op === "*" ? l * r : r === 0 ? NaN : l / r;
    }
    if (!isFinite(v)) { throw new Error("not a finite number"); }
    return v;
  }

  function read(text) {
    if (String(text).length > LIMITS.length) { return null; }
    var s = ascii(text), open = 0;
    for (var c = 0; c < s.length; c++) {  // as Python's reader: too deep before anything else
      open += (s[c] === "(") - (s[c] === ")");
      if (open > LIMITS.depth) { return null; }
    }
    if (!s) { return null; }
    try {
      var tree = parse(s);
      if (!fits(tree)) { return null; }
      var v = value(tree);
      return isFinite(v) ? v : null;
    } catch (e) { return null; }  // also a nesting too deep for the stack
  }
  read.superscripts = SUPERSCRIPTS;  // for the tests: the tables are Python's
  read.signs = SIGNS;
  read.limits = LIMITS;
  read.functions = Object.keys(FUNCTIONS);
  return read;
})();
