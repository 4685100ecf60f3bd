"""Every complete gradient is written as its sum, and the sum written is the sum computed.

Oracle: the engine's own steps (``trace.trace``: upstream × the op's recorded local, one per
edge) give the contributions into each node; ``backward()`` on a fresh graph gives the total,
and central differences check the leaves' totals. Every format that prints a trace (terminal
table, narrative, equations, Markdown, LaTeX, JSON), the step page, the quiz's summary and an
exercise key must write exactly those terms, in that order, and that total.
"""

from __future__ import annotations

import json
import re

import pytest

from micrograd_cn.cli import main
from micrograd_cn.engine import topo_sort
from micrograd_cn.notation import num
from micrograd_cn.render import document as doc
from micrograd_cn.teach.expr import build_program
from micrograd_cn.teach.quiz import summary
from micrograd_cn.teach.snapshot import snapshot
from micrograd_cn.teach.trace import trace, trace_blocks, trace_json

CASES = [
    ("u = x*y; f = u*u + u", {"x": 0.5, "y": -1.5}),  # the issue's example: 1 + (−0.75) + (−0.75)
    ("f = tanh(w*x + b) + x*x", {"w": -0.5, "x": 2.0, "b": 0.25}),
    ("u = a*b + c; h = u*u; f = h*u + exp(u) - h", {"a": 0.5, "b": -1.0, "c": 0.25}),
    ("f = x*x*x + sigmoid(x)", {"x": 0.75}),
]

NUMBER = r"\(?−?[0-9.]+(?:e−?[0-9]+)?\)?"
# ∂f/∂u = 1 + (−0.75) + (−0.75) = −0.5, in Unicode or as LaTeX (&= and \partial)
SUM = re.compile(r"(?P<lhs>(?:∂|\\partial ?)[^\s$]+/(?:∂|\\partial ?)(?P<name>[^\s$]+?))\s+&?= "
                 rf"(?P<terms>{NUMBER}(?: \+ {NUMBER})+) = (?P<total>{NUMBER})(?:\s*\\\\|。|\.|\$)*$")


def number(text: str) -> float:
    return float(text.strip("()").replace("−", "-"))


def latex_name(name: str) -> str:
    """How the LaTeX writer spells a node's name (v1 → v_{1})."""
    return re.sub(r"^([A-Za-z])(\d+)$", r"\1_{\2}", name)


def expected(text: str, values: dict[str, float]) -> tuple[dict[str, list[float]], dict[str, float]]:
    """Each node's contributions in the order the engine adds them, and backward()'s grads."""
    program = build_program(text, values)
    ls = snapshot(program.root)
    names = {id(node): ls.nodes[k].name for k, node in enumerate(topo_sort(program.root))}
    into: dict[str, list[float]] = {}
    for step in trace(program.root):
        into.setdefault(names[id(step.input)], []).append(step.contribution)
    twin = build_program(text, values)
    twin.root.backward()
    grads = {names[id(a)]: b.grad for a, b in zip(topo_sort(program.root), topo_sort(twin.root))}
    return into, grads


def sums_in(text: str) -> dict[str, list[tuple[list[str], str]]]:
    """Each sum line's node, terms and total, with the minus normalised to −."""
    found: dict[str, list[tuple[list[str], str]]] = {}
    for line in text.splitlines():
        m = SUM.search(line.strip().replace("-", "−"))
        if m:
            name = m.group("name")
            found.setdefault(name, []).append((m.group("terms").split(" + "), m.group("total")))
    return found


def check_sums(text: str, into: dict[str, list[float]], grads: dict[str, float], *,
               latex: bool = False, minimum: int = 1) -> int:
    """Every written sum has the engine's terms and total; return how many were checked."""
    minus = "−"  # sums_in writes every minus as −
    found = sums_in(text)
    spelled = {latex_name(n) if latex else n: n for n in into}
    checked = 0
    complete = set()
    for written, sums in found.items():
        name = spelled[written]
        contributions = [num(c, minus=minus) for c in into[name]]
        for terms, total in sums:
            for t in terms:  # negative terms in parentheses, others bare
                assert t.startswith("(") == (number(t) < 0), t
            if len(terms) < len(contributions):  # a running total: so far + this contribution
                assert len(terms) == 2 and terms[1].strip("()") in contributions, (name, terms)
                continue
            assert [t.strip("()") for t in terms] == contributions, name
            assert total == num(grads[name], minus=minus)
            assert abs(sum(into[name]) - grads[name]) <= 1e-12 * max(1.0, abs(grads[name]))
            complete.add(name)
            checked += 1
    # and every node that received several contributions has its whole sum written
    several = {n for n, c in into.items() if len(c) > 1}
    assert complete >= several
    assert checked >= minimum
    return checked


@pytest.mark.parametrize("text, values", CASES)
@pytest.mark.parametrize("style", ["table", "narrative", "equations"])
@pytest.mark.parametrize("fmt", ["text", "md", "latex"])
def test_every_style_and_format_writes_the_sums(text, values, style, fmt):
    into, grads = expected(text, values)
    ls = snapshot(build_program(text, values).root)
    out = doc.render(trace_blocks(ls, "en", style), fmt)
    check_sums(out, into, grads, latex=fmt in ("md", "latex"))


@pytest.mark.parametrize("text, values", CASES)
def test_json_terms_are_the_contributions(text, values):
    into, grads = expected(text, values)
    data = trace_json(snapshot(build_program(text, values).root))
    for node in data["nodes"]:
        assert node["terms"] == into.get(node["name"], [])  # bit for bit
        if node["terms"]:
            assert abs(sum(node["terms"]) - grads[node["name"]]) <= 1e-12
            assert node["grad"] == grads[node["name"]]


def test_the_issue_example_exactly(capsys):
    assert main(["trace", "u = x*y; f = u*u + u", "x=0.5", "y=-1.5", "--style", "equations"]) == 0
    out = capsys.readouterr().out
    assert "∂f/∂u   = 1 + (−0.75) + (−0.75) = −0.5" in out
    # the sum comes before the first line that uses ∂f/∂u as upstream
    assert out.index("= 1 + (−0.75) + (−0.75) = −0.5") < out.index("∂f/∂x   = ∂f/∂u")


def test_leaf_totals_against_central_differences():
    text, values = CASES[2]
    into, grads = expected(text, values)
    h = 1e-6
    for name in values:
        plus = build_program(text, {**values, name: values[name] + h}).root.data
        minus = build_program(text, {**values, name: values[name] - h}).root.data
        assert abs(sum(into[name]) - (plus - minus) / (2 * h)) < 1e-6


@pytest.mark.parametrize("text, values", CASES)
def test_quiz_summary_and_step_pages_write_the_sums(text, values):
    from micrograd_cn.teach.trace import step_pages

    into, grads = expected(text, values)
    ls = snapshot(build_program(text, values).root)
    check_sums(summary(ls, "zh"), into, grads)
    check_sums("\n".join(step_pages(ls, "en")), into, grads)


def test_quiz_working_for_a_completed_gradient_is_its_sum():
    from micrograd_cn.teach.quiz import questions

    ls = snapshot(build_program(*CASES[0]).root)
    last = [q for q in questions(ls, "grad", "en") if q.k == 4][0]  # the 3rd of 3 into u
    assert last.working.splitlines()[-1] == "∂f/∂u = 1 + (−0.75) + (−0.75) = −0.5"


def test_step_page_data_holds_the_sums(tmp_path):
    pytest.importorskip("graphviz")
    from micrograd_cn.pages.step import write_step_page

    text, values = CASES[0]
    into, grads = expected(text, values)
    path = tmp_path / "s.html"
    write_step_page(build_program(text, values).root, path, lang="en")
    page = path.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="steps-data">(.*?)</script>', page, re.S).group(1))
    assert [s["sum"] for s in data["steps"]][3] == "∂f/∂u = 1 + (−0.75) + (−0.75) = −0.5"
    check_sums("\n".join(data["pages"]), into, grads)


@pytest.mark.parametrize("seed", range(6))
def test_exercise_keys_write_the_sums(seed):
    from micrograd_cn.pages.exercise import sheet_html
    from micrograd_cn.render.document import to_md
    from micrograd_cn.teach.exercise import sheet, sheet_blocks

    for ex in sheet(seed, 3, 2):
        into, grads = expected(ex.expression, ex.values)
        one = [ex]
        md = to_md(sheet_blocks(one, seed, 2, "en"))
        check_sums(md, into, grads, latex=True)
        page = sheet_html(one, seed, 2, "en")
        key = re.sub("<[^>]+>", "\n", page[page.index('<div class="key">'):])
        check_sums(key, into, grads)


def test_latex_writes_a_numbered_name_with_its_power_as_math():
    from micrograd_cn.render.document import latex_math

    assert latex_math("v1³ + v12² − x2·w10") == r"v_{1}^{3} + v_{12}^{2} - x_{2}\cdot w_{10}"
    assert latex_math("3.5e2 + 1e−7") == "3.5e2 + 1e-7"  # numbers stay numbers
