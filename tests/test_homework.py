"""Homework for a class: ``exercise --roster`` and ``exercise check``.

Oracles: PyTorch float64 computes every student's key again from the key's own expression
text; a synthetic class (one student all right, one all wrong, one right on exactly half of
the rows) must score exactly so; the quiz's tolerance (``quiz.is_right``) decides what a
rounded answer is. The sheets are checked to be deterministic (same bytes twice), distinct
(no two students share problems) and free of answers.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import re

import pytest

from micrograd_cn.cli import main
from micrograd_cn.teach.homework import (
    HomeworkError,
    class_sheets,
    mark,
    roster_from_text,
)
from micrograd_cn.teach.quiz import is_right

NAMES = ["张三", "李四", "Ada Lovelace", "王五", "O'Brien, Pat", "Émile Zola"]


def roster(tmp_path, names=NAMES, name="students.csv"):
    path = tmp_path / name
    path.write_text("\n".join(f'"{n}"' if "," in n else n for n in names) + "\n", encoding="utf-8")
    return path


def write_class(tmp_path, folder="out", *extra, names=NAMES):
    out = tmp_path / folder
    assert main(["exercise", "--roster", str(roster(tmp_path, names)), "-o", str(out),
                 "--count", "3", "--level", "2", *extra]) == 0
    return out


def test_the_folder_holds_exactly_the_class_files_and_rerun_gives_the_same_bytes(tmp_path, capsys):
    out = write_class(tmp_path)
    sheets = [f"{k:02d}-{n}.md" for k, n in enumerate(
        ["张三", "李四", "Ada_Lovelace", "王五", "O'Brien,_Pat", "Émile_Zola"], 1)]
    assert sorted(p.name for p in out.iterdir()) == sorted(sheets + ["answers.csv", "key.json", "key.md"])
    again = write_class(tmp_path, "again")
    for path in out.iterdir():
        assert path.read_bytes() == (again / path.name).read_bytes(), path.name
    write_class(tmp_path)  # into the same folder again: allowed, same bytes
    assert "6" in capsys.readouterr().out


def test_html_adds_key_html_with_each_student_on_a_new_page(tmp_path):
    out = write_class(tmp_path, "html", "--format", "html")
    names = sorted(p.name for p in out.iterdir())
    assert "key.html" in names and sum(n.endswith(".html") for n in names) == len(NAMES) + 1
    key = (out / "key.html").read_text(encoding="utf-8")
    assert key.count('<div class="key">') == len(NAMES)
    assert "break-before: page" in key  # the stylesheet puts each on its own page
    assert "<script" not in key and "http" not in key


def test_sheets_are_distinct_deterministic_and_carry_no_answers(tmp_path):
    out = write_class(tmp_path)
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    problems = [tuple(p["expression"] for p in s["problems"]) for s in key["students"]]
    assert len(set(problems)) == len(NAMES)  # no two students share a sheet
    for student in key["students"]:
        text = (out / student["sheet"]).read_text(encoding="utf-8")
        assert student["student"] in text
        assert not re.search(r"∂f/∂\w+ *=", text)  # no answer, no working
        assert "Answers" not in text and "答案" not in text
        assert ("姓名" in text and "学号" in text) and "演算" in text  # the fields, room to work
    # deterministic from the name, the seed and the options, not from the position
    alone = class_sheets(["王五"], 0, 3, 2)[0]
    assert [ex.expression for ex in alone.exercises] == [
        p["expression"] for p in key["students"][3]["problems"]]
    other_seed = class_sheets(["王五"], 1, 3, 2)[0]
    assert [ex.expression for ex in other_seed.exercises] != [ex.expression for ex in alone.exercises]


def test_sheets_write_mathematics_not_python(tmp_path):
    out = write_class(tmp_path)
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    for student in key["students"]:
        text = (out / student["sheet"]).read_text(encoding="utf-8")
        problem_lines = [line.rstrip() for line in text.splitlines() if re.match(r"^[fuh] = ", line)]
        assert len(problem_lines) >= len(student["problems"])
        for line in problem_lines:
            assert "*" not in line and "**" not in line and "-" not in line, line
        for p in student["problems"]:
            back = to_python(problem_lines_for(text, p["problem"]))
            from micrograd_cn.teach.expr import build_program

            mine = build_program(back, p["values"]).root.data
            theirs = build_program(p["expression"], p["values"]).root.data
            assert mine == pytest.approx(theirs, rel=1e-12, abs=1e-12)


def problem_lines_for(text: str, k: int) -> list[str]:
    part = re.split(r"^### ", text, flags=re.M)[k]
    return [line.rstrip() for line in part.splitlines() if re.match(r"^[fuh] = ", line)]


SUPERS = {"²": "**2", "³": "**3", "⁻¹": "**-1"}


def to_python(lines: list[str]) -> str:
    """The sheet's mathematics read back into the expression language (the test's own reader)."""
    out = []
    for line in lines:
        line = line.replace("·", "*").replace("−", "-").replace("σ(", "sigmoid(").replace("ReLU(", "relu(")
        for sup, power in SUPERS.items():
            line = line.replace(sup, power)
        while "√" in line:
            i = line.index("√")
            if line[i + 1] == "(":
                depth, j = 0, i + 1
                while True:
                    depth += {"(": 1, ")": -1}.get(line[j], 0)
                    if depth == 0:
                        break
                    j += 1
                line = line[:i] + "(" + line[i + 1:j + 1] + ")**0.5" + line[j + 1:]
            else:
                m = re.match(r"√(\w+)", line[i:])
                line = line[:i] + f"({m.group(1)})**0.5" + line[i + m.end():]
        out.append(line)
    return "; ".join(out)


def torch_eval(torch, text: str, values: dict[str, float]) -> dict[str, float]:
    """The exercise computed by PyTorch float64 from the key's own text (an independent oracle)."""
    env = {name: torch.tensor(value, dtype=torch.float64, requires_grad=True)
           for name, value in values.items()}
    leaves = dict(env)
    functions = {"exp": torch.exp, "log": torch.log, "sigmoid": torch.sigmoid,
                 "tanh": torch.tanh, "relu": torch.relu}
    binary = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
              ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b}

    def value(node):
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
    for part in text.split(";"):
        statement = ast.parse(part.strip()).body[0]
        if isinstance(statement, ast.Assign):
            env[statement.targets[0].id] = result = value(statement.value)
        else:
            result = value(statement.value)
    result.backward()
    return {name: leaf.grad.item() for name, leaf in leaves.items()}


def test_every_students_key_against_torch_float64(torch, tmp_path):
    out = write_class(tmp_path)
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    checked = 0
    for student in key["students"]:
        for p in student["problems"]:
            grads = torch_eval(torch, p["expression"], p["values"])
            assert set(grads) == set(p["answers"])
            for name, g in grads.items():
                assert p["answers"][name] == pytest.approx(g, rel=1e-12, abs=1e-12)
                checked += 1
    assert checked >= 3 * len(NAMES) * 2


def test_answers_csv_has_one_blank_row_per_student_and_asked_gradient(tmp_path):
    out = write_class(tmp_path)
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    rows = list(csv.reader(io.StringIO((out / "answers.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["student", "problem", "name", "answer"]
    expected = [[s["student"], str(p["problem"]), name, ""] for s in key["students"]
                for p in s["problems"] for name in p["answers"]]
    assert rows[1:] == expected


@pytest.mark.parametrize("text, line, first", [
    ("张三\n李四\n张三\n", 3, 1),
    ("Ada\n\n  Ada  \n", 3, 1),
])
def test_duplicate_names_are_refused_naming_the_lines(text, line, first, tmp_path, capsys):
    with pytest.raises(HomeworkError, match=f"line {line}.*line {first}"):
        roster_from_text(text, "students.csv", "en")
    path = tmp_path / "students.csv"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["exercise", "--roster", str(path), "-o", str(out), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"line {line}" in err and not out.exists()


@pytest.mark.parametrize("argv, words", [
    (["--format", "json"], "--roster writes md or html"),
    (["--no-key"], "--roster writes md or html"),
])
def test_roster_refuses_options_it_cannot_honour(argv, words, tmp_path, capsys):
    assert main(["exercise", "--roster", str(roster(tmp_path)), "-o", str(tmp_path / "o"),
                 "--lang", "en", *argv]) == 2
    assert words in capsys.readouterr().err and not (tmp_path / "o").exists()


def test_roster_errors_are_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe\x00")
    for argv, words in [
        (["--roster", str(bad), "-o", str(tmp_path / "o")], "not UTF-8"),
        (["--roster", str(tmp_path / "none.csv"), "-o", str(tmp_path / "o")], "cannot read"),
        (["--roster", str(roster(tmp_path))], "needs a folder"),
    ]:
        assert main(["exercise", *argv, "--lang", "en"]) == 2
        err = capsys.readouterr().err
        assert words in err and err.count("\n") == 1
    other = tmp_path / "busy"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["exercise", "--roster", str(roster(tmp_path)), "-o", str(other), "--lang", "en"]) == 2
    assert "notes.txt" in capsys.readouterr().err
    assert sorted(p.name for p in other.iterdir()) == ["notes.txt"]


# ------------------------------------------------------------------ marking
def filled(key: dict, answer) -> str:
    """answers.csv with ``answer(student_index, row_index, expected)`` in every row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", "problem", "name", "answer"])
    for i, s in enumerate(key["students"]):
        k = 0
        for p in s["problems"]:
            for name, expected in p["answers"].items():
                writer.writerow([s["student"], p["problem"], name, answer(i, k, expected)])
                k += 1
    return out.getvalue()


def wrong(x: float) -> str:
    return repr(x + 1.0 + abs(x))  # never within the tolerance


def test_a_synthetic_class_scores_exactly(tmp_path, capsys):
    out = write_class(tmp_path, names=["Right", "Wrong", "Half"])
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    totals = [sum(len(p["answers"]) for p in s["problems"]) for s in key["students"]]

    def answer(i, k, x):
        if i == 0:
            return f"{x:.4g}"  # four significant digits, as a student copies them: right
        if i == 1:
            return wrong(x)
        return f"{x:.6g}" if k < totals[2] // 2 else wrong(x)

    answers = tmp_path / "filled.csv"
    answers.write_text(filled(key, answer), encoding="utf-8")
    scores = tmp_path / "scores.csv"
    assert main(["exercise", "check", "--key", str(out / "key.json"), str(answers),
                 "-o", str(scores), "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert scores.read_text(encoding="utf-8") == (
        "student,right,total\n"
        f"Right,{totals[0]},{totals[0]}\nWrong,0,{totals[1]}\nHalf,{totals[2] // 2},{totals[2]}\n")
    assert re.search(rf"Right\s+{totals[0]}\s+{totals[0]}", printed)
    assert "most common" in printed and "could not be marked" not in printed


def test_judged_with_the_quizs_reader_and_tolerance():
    key = {"students": [{"student": "S", "problems": [
        {"problem": 1, "answers": {"x": 0.7500001, "y": -0.25, "z": 1 / 3, "w": 12.5}}]}]}
    text = "student,problem,name,answer\nS,1,x,3/4\nS,1,y,0.25\nS,1,z,0.3333\nS,1,w,12.49\n"
    marking = mark(key, text, "en")
    verdicts = {v.name: v.right for v in marking.verdicts}
    assert verdicts == {"x": True, "y": False, "z": True, "w": is_right(12.49, 12.5)}
    assert marking.scores == [("S", sum(verdicts.values()), 4)]


def test_unknown_missing_unreadable_are_reported_not_raised(tmp_path, capsys):
    out = write_class(tmp_path, names=["A", "B"])
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    rows = filled(key, lambda i, k, x: f"{x:.6g}").splitlines()
    b_rows = [r for r in rows if r.startswith("B,")]
    text = "\n".join([rows[0], *[r for r in rows[1:] if r.startswith("A,")][:-1],  # one A row left out
                      "Nobody,1,x,1", "A,9,x,1", "short,row",
                      b_rows[0].rsplit(",", 1)[0] + ",__import__('os')",
                      b_rows[1].rsplit(",", 1)[0] + ",1/0",
                      b_rows[2].rsplit(",", 1)[0] + ",", *b_rows[3:], b_rows[3]]) + "\n"
    answers = tmp_path / "a.csv"
    answers.write_text(text, encoding="utf-8")
    assert main(["exercise", "check", "--key", str(out / "key.json"), str(answers),
                 "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert "'Nobody' is not a student of the key" in printed
    assert "does not ask for A, 9, x" in printed
    assert "fewer than 4 columns" in printed
    assert printed.count("cannot be read") == 2 and "no answer; counted wrong" in printed
    assert "repeats an earlier row" in printed
    assert "1 answer row(s) missing" in printed
    total_a = sum(len(p["answers"]) for p in key["students"][0]["problems"])
    assert re.search(rf"^A\s+{total_a - 1}\s+{total_a}$", printed, re.M)


@pytest.mark.parametrize("content, words", [
    ("{", "is not a key"), ('{"students": [{"student": 3}]}', "students[1]"),
])
def test_a_bad_key_or_header_is_one_line(content, words, tmp_path, capsys):
    key = tmp_path / "key.json"
    key.write_text(content, encoding="utf-8")
    answers = tmp_path / "a.csv"
    answers.write_text("student,problem,name,answer\n", encoding="utf-8")
    assert main(["exercise", "check", "--key", str(key), str(answers), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1
    key.write_text('{"students": []}', encoding="utf-8")
    answers.write_text("name;answer\n", encoding="utf-8")
    assert main(["exercise", "check", "--key", str(key), str(answers), "--lang", "en"]) == 2
    assert "student,problem,name,answer" in capsys.readouterr().err


def test_plain_exercise_keeps_its_options(capsys):
    assert main(["exercise", "--seed", "3", "--count", "1", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["answers"]


def test_probable_mistake_hook_fills_a_column_when_the_catalogue_exists(monkeypatch):
    import sys
    import types

    from micrograd_cn.teach import homework

    class Found:
        def label(self, lang):
            return "sign"

    fake = types.ModuleType("micrograd_cn.teach.mistakes")
    fake.diagnose_gradient = lambda expr, values, wrt, value, lang: Found() if value < 0 else None
    monkeypatch.setitem(sys.modules, "micrograd_cn.teach.mistakes", fake)
    key = {"students": [{"student": "S", "problems": [
        {"problem": 1, "expression": "f = x*y", "values": {"x": 1.0, "y": 2.0},
         "answers": {"x": 2.0, "y": 1.0}}]}]}
    marking = mark(key, "student,problem,name,answer\nS,1,x,-2\nS,1,y,5\n", "en")
    assert [v.mistake for v in marking.verdicts] == ["sign", ""]
    text = "\n".join(b.text if hasattr(b, "text") else str(b) for b in homework.marking_blocks(marking, "en"))
    assert "sign" in text


def test_readme_shows_a_real_sheet_and_key(tmp_path):
    """README's roster example: its sheet excerpt and key excerpt are what the command writes."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    sheet_part = re.search(r"```markdown\n(u = a·a\n.*?)```", readme, re.S).group(1)
    key_part = re.search(r'```json\n(\{"student": "张三".*?), …\]\}\n```', readme, re.S).group(1)
    out = tmp_path / "作业"
    path = roster(tmp_path, ["张三", "李四", "王五"])
    assert main(["exercise", "--roster", str(path), "-o", str(out), "--level", "2",
                 "--count", "2"]) == 0
    sheet = [line.rstrip() for line in (out / "01-张三.md").read_text(encoding="utf-8").splitlines()]
    for line in sheet_part.splitlines():
        assert line in sheet, line
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))["students"][0]
    shown = json.loads(key_part + "]}")
    assert shown["student"] == key["student"] and shown["sheet"] == key["sheet"]
    assert shown["problems"][0] == key["problems"][0]


def test_check_writes_the_scores_to_standard_output_with_dash(tmp_path, capsys):
    out = write_class(tmp_path, names=["A", "B"])
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    answers = tmp_path / "a.csv"
    answers.write_text(filled(key, lambda i, k, x: f"{x:.6g}" if i == 0 else "0"), encoding="utf-8")
    capsys.readouterr()
    assert main(["exercise", "check", "--key", str(out / "key.json"), str(answers), "-o", "-"]) == 0
    captured = capsys.readouterr()
    totals = [sum(len(p["answers"]) for p in s["problems"]) for s in key["students"]]
    right_b = sum(1 for p in key["students"][1]["problems"] for v in p["answers"].values()
                  if is_right(0.0, v))
    assert captured.out == f"student,right,total\nA,{totals[0]},{totals[0]}\nB,{right_b},{totals[1]}\n"
    assert "student" in captured.err  # the report goes to stderr when stdout holds the scores
