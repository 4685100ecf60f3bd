"""Exercise sheets: the same seed gives the same sheet, every text parses with the named-step
syntax, the key is the engine's and agrees with PyTorch float64, the formats are what they say."""

from __future__ import annotations

import ast
import json
import math
import re

import pytest

from micrograd_cn.cli import main
from micrograd_cn.engine import topo_sort
from micrograd_cn.pages.exercise import sheet_html
from micrograd_cn.render.document import to_md
from micrograd_cn.teach.exercise import MAX_COUNT, sheet, sheet_blocks, sheet_json
from micrograd_cn.teach.expr import FUNCTIONS, build_program
from micrograd_cn.teach.written import math_lines

CASES = [(seed, level) for level in (1, 2, 3) for seed in range(12)]


def statements(text: str) -> list[tuple[str | None, ast.expr]]:
    """An exercise's steps as (name, expression) pairs, read by Python's own parser."""
    out = []
    for stmt in ast.parse(text.replace("; ", "\n")).body:
        if isinstance(stmt, ast.Assign):
            out.append((stmt.targets[0].id, stmt.value))
        else:
            out.append((None, stmt.value))
    return out


def test_the_same_seed_gives_the_same_sheet():
    first = sheet_json(sheet(7, 5, 2))
    assert sheet_json(sheet(7, 5, 2)) == first
    assert sheet_json(sheet(8, 5, 2)) != first
    # fixed here, so a different platform or Python that drew differently would fail
    assert [ex["expression"] for ex in sheet_json(sheet(0, 3, 1))] == [
        "tanh(a**-1*c)", "(r*q)**0.5", "tanh(a**-1) + b + c"]


@pytest.mark.parametrize("seed, level", CASES)
def test_text_parses_and_the_key_is_the_engines(seed, level):
    for ex in sheet(seed, 2, level):
        steps = statements(ex.expression)
        names = [name for name, _ in steps[:-1]]
        assert len(names) == level - 1  # level 2: one named step, level 3: two
        program = build_program(ex.expression, ex.values)
        assert list(program.leaves) == list(ex.values)
        program.root.backward()
        assert {name: leaf.grad for name, leaf in program.leaves.items()} == ex.answers
        assert all(0.01 <= abs(g) <= 1000 for g in ex.answers.values())
        assert all(abs(node.data) <= 50 for node in topo_sort(program.root))
        if level >= 2:  # the first step is read twice or more: its gradient accumulates
            reads = [n.id for _, e in steps for n in ast.walk(e) if isinstance(n, ast.Name)]
            assert reads.count(names[0]) >= 2
            assert sum(1 for s in ex.snapshot.steps if ex.snapshot.nodes[s.input].name == names[0]) >= 2
        else:  # a tree: every input read once
            reads = [n.id for _, e in steps for n in ast.walk(e)
                     if isinstance(n, ast.Name) and n.id not in ("exp", "log", "sigmoid", "tanh",
                                                                  "relu")]
            assert len(reads) == len(set(reads)) >= 2


def torch_eval(torch, text: str, values: dict[str, float]):
    """The exercise computed by PyTorch from the same text (an independent oracle)."""
    env = {name: torch.tensor(value, dtype=torch.float64, requires_grad=True)
           for name, value in values.items()}
    leaves = dict(env)
    # torch's function of the same name (exp, log, sigmoid, tanh, relu; sin for a new op)
    functions = {name: getattr(torch, name) for name in FUNCTIONS}
    binary = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
              ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b}

    def value(node: ast.expr):
        if isinstance(node, ast.Name):
            return env[node.id]
        if isinstance(node, ast.Constant):
            return torch.tensor(float(node.value), dtype=torch.float64)
        if isinstance(node, ast.UnaryOp):
            return -value(node.operand)
        if isinstance(node, ast.Call):
            return functions[node.func.id](value(node.args[0]))
        if isinstance(node.op, ast.Pow):
            return value(node.left) ** ast.literal_eval(node.right)
        return binary[type(node.op)](value(node.left), value(node.right))

    result = None
    for name, expression in statements(text):
        result = value(expression)
        if name is not None:
            env[name] = result
    result.backward()
    return result.item(), {name: leaf.grad.item() for name, leaf in leaves.items()}


@pytest.mark.parametrize("seed, level", CASES)
def test_key_agrees_with_pytorch_float64(torch, seed, level):
    for ex in sheet(seed, 3, level):
        f, grads = torch_eval(torch, ex.expression, ex.values)
        assert math.isclose(f, ex.snapshot.nodes[ex.snapshot.root].value, rel_tol=1e-12, abs_tol=1e-12)
        assert grads.keys() == ex.answers.keys()
        for name, grad in ex.answers.items():
            assert math.isclose(grad, grads[name], rel_tol=1e-10, abs_tol=1e-12), (ex, name)


def test_markdown_sheet_golden(golden):
    golden("exercise_seed7_level2_zh.md", to_md(sheet_blocks(sheet(7, 3, 2), 7, 2, "zh")))


def test_markdown_sheet_has_questions_then_key():
    text = to_md(sheet_blocks(sheet(1, 2, 3), 1, 3, "en"))
    key = text.index("## Answer key")
    assert text.index("### Exercise 1") < text.index("### Exercise 2") < key
    assert text.count("Find: ") == 2 and text.count("Answers: ") == 2
    assert text.index("Answers: ") > key
    no_key = to_md(sheet_blocks(sheet(1, 2, 3), 1, 3, "en", key=False))
    assert "Answer key" not in no_key and no_key in text.replace(text[key:], "") + "\n"


def test_html_sheet_is_one_printable_page():
    exercises = sheet(3, 2, 3)
    text = sheet_html(exercises, 3, 3, "zh")
    assert text.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in text
    assert "<script" not in text and not re.search(r"https?://", text)
    assert text.count('<div class="key">') == 1 and "page-break-before: always" in text
    assert text.index("第 2 题") < text.index('<div class="key">')
    for ex in exercises:  # written as mathematics (issue 20): x², w·x, −
        assert math_lines(ex.expression)[-1] in text
    questions_only = sheet_html(exercises, 3, 3, "zh", key=False)
    assert '<div class="key">' not in questions_only and "答案" not in questions_only
    assert "第 2 题" in questions_only


def test_cli_json_and_output_file(capsys, tmp_path):
    assert main(["exercise", "--seed", "5", "--count", "2", "--level", "2", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == sheet_json(sheet(5, 2, 2))
    assert [set(item) for item in data] == [{"expression", "values", "answers"}] * 2
    assert all(isinstance(v, float) for item in data for v in item["answers"].values())
    out = tmp_path / "sheet.html"
    assert main(["exercise", "--seed", "5", "--format", "html", "-o", str(out), "--lang", "en"]) == 0
    assert capsys.readouterr().out == f"wrote {out}\n"
    assert out.read_text(encoding="utf-8") == sheet_html(sheet(5, 5, 1), 5, 1, "en")


@pytest.mark.parametrize("argv, message", [
    (["exercise", "--count", str(MAX_COUNT + 1)], "题目数量必须在 1 到 100 之间，收到 101"),
    (["exercise", "--count", "0"], "不是正整数：0"),
    (["exercise", "--level", "4"], "无效的取值 4"),
])
def test_cli_errors_are_one_line(capsys, argv, message):
    try:
        code = main(argv)
    except SystemExit as done:
        code = done.code
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


# ------------------------------------------------------------------ the generator writes what parses (issue 22)
def test_every_seed_and_level_gives_a_sheet_its_parser_reads():
    from micrograd_cn.teach.exercise import LEVELS, sheet
    from micrograd_cn.teach.expr import build_program

    for level in LEVELS:
        for seed in range(80):  # seed 69 at level 3 once drew "h = u", which the parser refuses
            for ex in sheet(seed, 30, level):  # sheet() itself parses each one: none may fail
                program = build_program(ex.expression, ex.values)
                assert all(v._prev for name, v in program.steps.items()), ex.expression


def test_a_full_sheet_at_level_3(capsys):
    assert main(["exercise", "--seed", "0", "--level", "3", "--count", "100"]) == 0
    assert "第 100 题" in capsys.readouterr().out


def test_json_without_the_key_carries_no_answers(capsys):
    assert main(["exercise", "--seed", "3", "--format", "json", "--no-key"]) == 0
    sheet = json.loads(capsys.readouterr().out)
    assert sheet and all(set(item) == {"expression", "values"} for item in sheet)
    assert main(["exercise", "--seed", "3", "--format", "json"]) == 0
    assert all("answers" in item for item in json.loads(capsys.readouterr().out))


def test_every_value_as_the_text_is_read_stays_small():
    """(A)*(B)/(C) is read as (A·B)/C: the product A·B is a value of the sheet too, and at most
    50 in size like every other (seed 48, level 3 drew one of −251 before)."""
    for ex in sheet(48, 5, 3):
        program = build_program(ex.expression, ex.values)
        assert all(abs(node.data) <= 50 for node in topo_sort(program.root)), ex.expression
