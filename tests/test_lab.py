"""The lab: skeletons, the reference answer, one bug per task, hostile code, grading a class.

Every check runs the student's code in child processes (micrograd_cn.teach.lab.probe);
the tests build small lab folders in tmp_path from the package's own templates,
with one line changed where a bug or a hostile act is wanted.
"""

from __future__ import annotations

import csv
import importlib.util
import math
import operator
import re
import shutil
import sys
import time
from pathlib import Path

import pytest

from micrograd_cn.engine import Value
from micrograd_cn.teach.lab import report, runner, skeleton, tasks
from micrograd_cn.teach.lab.runner import NotALab, check, grade

SOLUTION = skeleton.files("en", solution=True)


def make_lab(folder: Path, lang: str = "zh", solution: bool = False,
             edit: tuple[str, str, str] | None = None) -> Path:
    """A lab folder from the templates; ``edit`` = (file in my_micrograd, old text, new text)."""
    for name, text in skeleton.files(lang, solution).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if edit is not None:
        path = folder / "my_micrograd" / edit[0]
        text = path.read_text(encoding="utf-8")
        assert edit[1] in text, edit
        path.write_text(text.replace(edit[1], edit[2], 1), encoding="utf-8")
    return folder


def failing(results: list[runner.TaskResult]) -> set[int]:
    return {r.task for r in results if not r.passed}


def messages(results: list[runner.TaskResult], lang: str = "en") -> dict[int, str]:
    return {r.task: report.message(r, lang) for r in results}


# ------------------------------------------------------------------ the cases themselves

def _float_op(op: str, args: tuple[float, ...]) -> float:
    funcs = {"add": operator.add, "mul": operator.mul, "sub": operator.sub, "div": operator.truediv,
             "pow": operator.pow}
    if op in funcs:
        return funcs[op](*args)
    x = args[0]
    return {"neg": -x, "relu": max(x, 0.0), "exp": math.exp(x) if x < 700 else math.inf,
            "log": math.log(x) if x > 0 else math.nan, "tanh": math.tanh(x),
            "sigmoid": 0.5 * (1.0 + math.tanh(x / 2))}[op]


@pytest.mark.parametrize("task", [1, 2, 3])
def test_expected_derivatives_of_every_case_match_central_differences(task):
    """The oracle of the checks (micrograd_cn's engine) against central differences of plain floats."""
    for case in tasks.op_cases(task):
        spec = tasks.OPS[case.op]
        values = [Value(x) for x in case.args[: len(spec.local)]]
        args = [*values, *case.args[len(spec.local):]]
        fn = {"add": operator.add, "mul": operator.mul, "sub": operator.sub, "div": operator.truediv,
              "pow": operator.pow, "neg": operator.neg}.get(case.op)
        out = fn(*args) if fn else getattr(values[0], case.op)()
        out.backward()
        assert out.data == pytest.approx(_float_op(case.op, case.args), rel=1e-12, abs=1e-300)
        for i, value in enumerate(values):
            h = 1e-6 * max(1.0, abs(case.args[i]))
            up = list(case.args)
            down = list(case.args)
            up[i] += h
            down[i] -= h
            numeric = (_float_op(case.op, tuple(up)) - _float_op(case.op, tuple(down))) / (2 * h)
            assert value.grad == pytest.approx(numeric, rel=1e-6, abs=1e-8), case


def test_cases_are_seeded_and_inside_each_domain():
    for task in (1, 2, 3):
        assert tasks.op_cases(task) == tasks.op_cases(task)
    for case in tasks.op_cases(1) + tasks.op_cases(2):
        if len(tasks.OPS[case.op].local) == 2:
            a, b = case.args
            assert abs(abs(a) - abs(b)) >= 0.3 and abs(a) >= 0.5 and abs(b) >= 0.5  # swaps stay visible
        if case.op == "pow" and isinstance(case.args[1], float):
            assert case.args[0] > 0
    assert all(case.args[0] > 0 for case in tasks.op_cases(3) if case.op == "log")
    assert {(c.op, c.args[0]) for c in tasks.op_cases(3) if abs(c.args[0]) == 1000} == {
        ("sigmoid", -1000.0), ("sigmoid", 1000.0), ("tanh", -1000.0), ("tanh", 1000.0)}


# ------------------------------------------------------------------------ whole labs

def test_the_skeleton_scores_zero_with_a_message_per_task(tmp_path):
    results = check(make_lab(tmp_path, "zh"))
    assert [r.passed for r in results] == [False] * 6
    assert runner.score(results) == (0, 5)
    said = messages(results, "zh")
    for task, part, line in ((1, "Value.__add__", 45), (2, "Value.__pow__", 79), (3, "Value.relu", 113),
                             (4, "Value.backward", 153), (5, "Neuron.__init__", 36), (6, "backprop", 28)):
        file = {5: "nn.py", 6: "bp.py"}.get(task, "engine.py")
        assert said[task] == (f"{part} 还没写（my_micrograd/{file} 第 {line} 行抛出 NotImplementedError）："
                              "照它的文档字符串写出来"), said[task]
    en = check(make_lab(tmp_path / "en", "en"), [1])
    assert report.message(en[0], "en") == ("Value.__add__ is not written yet (my_micrograd/engine.py, line 47 "
                                           "raises NotImplementedError): write it as its docstring says")


def test_the_solution_scores_full_marks_and_the_bonus(tmp_path):
    start = time.monotonic()
    results = check(make_lab(tmp_path, "zh", solution=True))
    elapsed = time.monotonic() - start
    assert failing(results) == set(), messages(results)
    assert runner.score(results) == (5, 5) and runner.all_passed(results)
    said = messages(results, "zh")
    assert said[1] == "14 个用例全部通过"
    assert said[6] == "2 个用例全部通过；你自己的引擎算出的梯度相同"
    assert elapsed < 10, elapsed  # about 0.5 s on two cores
    # nothing of the student's was imported here: no loaded module comes from the lab folder
    assert not [name for name, module in list(sys.modules.items())
                if str(getattr(module, "__file__", None) or "").startswith(str(tmp_path))]


BUGS = {
    1: ("engine.py", "self.grad += other.data * out.grad\n            other.grad += self.data * out.grad",
        "self.grad += self.data * out.grad\n            other.grad += other.data * out.grad",
        "∂(a·b)/∂a should be b = 3.3, got 2.7 (a = 2.7, b = 3.3): are the two local derivatives swapped?"),
    2: ("engine.py", "self.grad += n * self.data", "self.grad = n * self.data",
        "a.grad should be 0.25 + n·a**(n − 1) = 1.65, got 1.4 (a = 0.7, n = 2, a.grad before = 0.25): "
        "an earlier gradient was overwritten: use += in _backward, not ="),
    3: ("engine.py", "        if x >= 0:\n            y = 1.0 / (1.0 + math.exp(-x))",
        "        if True:\n            y = 1.0 / (1.0 + math.exp(-x))",
        "while computing σ(x) (x = −1000), Value.sigmoid raised OverflowError: math range error "
        "(my_micrograd/engine.py, line 114): for x < 0 write σ(x) = eˣ/(1 + eˣ)"),
    4: ("engine.py", "        order, seen = [], set()\n",
        "        order, seen = [], set()\n\n        def visit(v):\n            if v not in seen:\n"
        "                seen.add(v)\n                for c in v._prev:\n                    visit(c)\n"
        "                order.append(v)\n\n        visit(self)\n        stack = []\n",
        "while computing a chain of 5,000 multiplications L = x·k₁·k₂·… at x = 0.5, "
        "Value.backward.<locals>.visit raised RecursionError"),
    5: ("nn.py", "z = self.b\n", "z = Value(0.0)\n",
        "Neuron(3)(x) should be relu(w·x + b) = 3.75, got 3.5 (w = [0.5, −1, 2], b = 0.25, x = [2, 0.5, 1.5]): "
        "the bias b is not added"),
}


@pytest.mark.parametrize("task", sorted(BUGS))
def test_one_bug_fails_exactly_its_task_and_names_it(tmp_path, task):
    file, old, new, said = BUGS[task]
    results = check(make_lab(tmp_path, "en", solution=True, edit=(file, old, new)))
    assert failing(results) == {task}, messages(results)
    assert runner.score(results) == (4, 5) and not runner.all_passed(results)
    assert messages(results)[task].startswith(said), messages(results)[task]
    if task == 4:
        assert "a recursive topological sort goes one call deeper per node" in messages(results)[4]
    # the bonus is graded on BP1–BP4 by hand, and says whether the student's own engine agrees
    assert messages(results)[6].endswith("but your own engine gives other gradients: see tasks 1–4" if task == 1
                                         else "; your own engine gives the same gradients")


BACKWARD_BUGS = {
    "root": ("        self.grad = 1.0  # ∂self/∂self\n", "",
             "root.grad should be 1, got 0 (L = 3x + 1 at x = 2): backward() must first set the root's own "
             "gradient to 1 (∂L/∂L = 1)"),
    "twice": ("            elif node not in seen:\n", "            else:\n",
              "∂L/∂a should be −3, got −5 (L = u + u·c with u = a·b (u is used twice) at a = 1.5, b = −2, c = 0.5): "
              "a node's _backward ran twice"),
    "order": ("        for node in reversed(order):", "        for node in order:",
              "∂L/∂x should be 3, got 0 (L = 3x + 1 at x = 2): call each node's _backward after every node that "
              "uses it: in reverse topological order"),
    "unreached": ("for child in node._prev if", "for child in node._prev[:1] if",
                  "∂L/∂a should be −3, got −2 (L = u + u·c with u = a·b (u is used twice) at a = 1.5, b = −2, "
                  "c = 0.5): a node's _backward never ran"),
}


@pytest.mark.parametrize("bug", sorted(BACKWARD_BUGS))
def test_backward_mistakes_are_told_apart(tmp_path, bug):
    """Task 4 logs which _backward ran when: the hint says twice, never, or too early."""
    old, new, said = BACKWARD_BUGS[bug]
    (result,) = check(make_lab(tmp_path, "en", solution=True, edit=("engine.py", old, new)), [4])
    assert report.message(result, "en").startswith(said), report.message(result, "en")


def test_pypi_micrograd_passes_tasks_1_2_5_and_is_told_what_it_lacks(tmp_path):
    spec = importlib.util.find_spec("micrograd")
    if spec is None or spec.origin is None:
        pytest.skip("PyPI micrograd is not installed (the bench extra)")
    make_lab(tmp_path, "en")
    for name in ("engine.py", "nn.py", "__init__.py"):  # micrograd's own files, unchanged
        shutil.copy(Path(spec.origin).parent / name, tmp_path / "my_micrograd" / name)
    (tmp_path / "my_micrograd" / "bp.py").unlink()
    results = check(tmp_path)
    assert failing(results) == {3, 4, 6}
    said = messages(results)
    assert said[3] == "Value has no method exp, log, tanh, sigmoid: task 3 asks for these methods"
    assert "raised RecursionError" in said[4] and "recursive topological sort" in said[4]
    assert said[6].startswith("the file my_micrograd/bp.py is missing")
    assert runner.score(results) == (3, 5)


# ---------------------------------------------------------------------- hostile code

ADD = "    def __add__(self, other):\n"


def hostile(tmp_path: Path, code: str, old: str = ADD) -> Path:
    return make_lab(tmp_path, "en", solution=True, edit=("engine.py", old, old + code if old == ADD else code))


def test_an_endless_loop_is_stopped_at_the_time_limit(tmp_path):
    lab = hostile(tmp_path, "        while True:\n            pass\n")
    start = time.monotonic()
    (result,) = check(lab, [1], seconds=1.5)
    elapsed = time.monotonic() - start
    assert 1.5 <= elapsed < 4.5, elapsed
    assert report.message(result, "en").startswith("still running after 1.5 s, stopped: an endless loop?")
    assert report.message(result, "zh").startswith("1.5 秒后仍未结束，已停止：死循环？")


def test_an_engine_that_hangs_in_the_bonus_does_not_cost_it(tmp_path):
    """The bonus grades BP1–BP4 by hand; its remark on the student's own engine comes after the pass."""
    lab = make_lab(tmp_path, "en", solution=True,
                   edit=("engine.py", "    def sigmoid(self):\n", "    def sigmoid(self):\n        while True:\n"
                                                                  "            pass\n"))
    results = check(lab, [3, 6], seconds=1.5)
    assert [r.passed for r in results] == [False, True]
    assert report.message(results[1], "en") == ("all 2 cases pass; your own engine did not finish this network "
                                                "in time: see tasks 1–4")


def test_a_memory_bomb_costs_its_task_only(tmp_path):
    lab = hostile(tmp_path, "        hog = []\n        while True:\n            hog.append(bytearray(10**7))\n")
    results = check(lab, [1, 2], memory=512 << 20)
    assert failing(results) == {1}
    assert report.message(results[0], "en").startswith(
        "your code used more than 0.5 GB of memory (my_micrograd/engine.py, line 31)")


def test_syntax_error_and_missing_import(tmp_path):
    (result,) = check(hostile(tmp_path / "a", "        return (\n"), [4])
    assert report.message(result, "en") == ("my_micrograd/engine.py, line 29: SyntaxError: '(' was never closed: "
                                            "Python cannot read this file: fix that line first")
    (result,) = check(hostile(tmp_path / "b", "import math\nimport numpyy\n", "import math\n"), [5])
    assert report.message(result, "zh") == ("导入 my_micrograd/engine.py 时，ModuleNotFoundError：No module "
                                            "named 'numpyy'（my_micrograd/engine.py 第 8 行）："
                                            "这个文件导入时就出错了：先让 import 成功")


def test_megabytes_of_print_are_counted_not_shown(tmp_path, capfd):
    lab = hostile(tmp_path, "        for i in range(300):\n            print('spam' * 10000)\n")
    (result,) = check(lab, [1])
    assert result.passed and result.printed > 10_000_000
    assert re.fullmatch(r"all 14 cases pass \(your code printed [\d,]{10} characters, not shown\)",
                        report.message(result, "en"))
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_stdin_sys_exit_and_os_exit_are_named(tmp_path):
    (stdin,) = check(hostile(tmp_path / "a", "        input('a number: ')\n"), [1])
    assert report.message(stdin, "en").startswith(
        "your code reads standard input (my_micrograd/engine.py, line 29): the checks type nothing")
    (leave,) = check(hostile(tmp_path / "b", "        import sys\n        sys.exit(3)\n"), [1])
    assert report.message(leave, "en") == ("your code called sys.exit(3) (my_micrograd/engine.py, line 30): "
                                           "a library function returns or raises; it never ends the program")
    (gone,) = check(hostile(tmp_path / "c", "        import os\n        os._exit(0)\n"), [1])
    assert report.message(gone, "en").startswith("the check process ended without a result (exit status 0)")


def test_a_folder_that_is_not_a_lab(tmp_path):
    with pytest.raises(NotALab) as missing:
        check(tmp_path / "nowhere")
    assert missing.value.kind == "missing"
    with pytest.raises(NotALab) as empty:
        check(tmp_path)
    assert empty.value.kind == "no_package"
    with pytest.raises(ValueError):
        check(make_lab(tmp_path / "lab"), [7])


# ------------------------------------------------------------------ JSON and grading

def test_json_counts_tasks_1_to_5_and_reports_the_bonus_apart(tmp_path):
    lab = make_lab(tmp_path, "en", solution=True, edit=BUGS[5][:3])
    record = report.to_json(check(lab), "en")
    assert set(record) == {"tasks", "score", "total"}
    assert (record["score"], record["total"]) == (4, 5)
    assert [set(entry) for entry in record["tasks"]] == [{"task", "name", "passed", "message"}] * 6
    assert [entry["passed"] for entry in record["tasks"]] == [True, True, True, True, False, True]
    assert record["tasks"][5]["name"] == "BP1–BP4 by hand (bonus)"
    only = report.to_json(check(lab, [6]), "zh")
    assert (only["score"], only["total"]) == (0, 0) and only["tasks"][0]["passed"]


def test_grade_checks_every_student_folder(tmp_path):
    make_lab(tmp_path / "li", "zh", solution=True)
    make_lab(tmp_path / "wang", "zh")
    (tmp_path / "zhao").mkdir()
    (tmp_path / ".hidden").mkdir()
    graded = grade(tmp_path, jobs=2)
    assert [s.name for s in graded] == ["li", "wang", "zhao"]
    assert runner.score(graded[0].results) == (5, 5)
    assert runner.score(graded[1].results) == (0, 5)
    assert graded[2].results is None
    with pytest.raises(NotALab):
        grade(tmp_path / "nowhere")


def test_skeleton_files_in_both_languages():
    zh, en = skeleton.files("zh"), skeleton.files("en")
    assert set(zh) == set(en) == set(SOLUTION) == {"README.md", "my_micrograd/__init__.py",
                                                   "my_micrograd/engine.py", "my_micrograd/nn.py",
                                                   "my_micrograd/bp.py"}
    assert "局部导数：∂out/∂a = b，∂out/∂b = a" in zh["my_micrograd/engine.py"]
    assert "Local derivatives: dout/da = b, dout/db = a" in en["my_micrograd/engine.py"]
    assert "NotImplementedError" not in SOLUTION["my_micrograd/engine.py"]
    for files in (zh, en):
        for name, text in files.items():
            if name.endswith(".py"):
                compile(text, name, "exec")
    with pytest.raises(ValueError):
        skeleton.files("fr")


# ------------------------------------------------------------------------ the command

def test_cli_new_check_fix_check(tmp_path, capsys, monkeypatch):
    from micrograd_cn.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["lab", "new", "mylab"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("已写入实验 mylab（5 个文件）\n下一步：打开 mylab/my_micrograd/engine.py")
    assert "局部导数：∂out/∂a = b" in (tmp_path / "mylab" / "my_micrograd" / "engine.py").read_text(encoding="utf-8")
    assert main(["lab", "new", "mylab"]) == 2
    assert capsys.readouterr().err == "micrograd-cn: 错误：mylab 已经存在：不会覆盖它（要覆盖请加 --force）\n"

    assert main(["lab", "check", "mylab", "--task", "1"]) == 1
    out = capsys.readouterr().out
    assert "Value.__add__ 还没写（my_micrograd/engine.py 第 45 行抛出 NotImplementedError）" in out
    assert out.rstrip().endswith("得分 0/1（只计任务 1–5）")

    # the student writes task 1 (here: the reference's + and *, pasted into the skeleton)
    engine = tmp_path / "mylab" / "my_micrograd" / "engine.py"
    text = engine.read_text(encoding="utf-8")
    answer = SOLUTION["my_micrograd/engine.py"]
    start, end = answer.index("    @staticmethod"), answer.index("    # task 2")
    head, tail = text.index("    # ------------------------------------------------------------ 任务 1"), \
        text.index("    # ---------------------------------------------------- 任务 2")
    engine.write_text(text[:head] + answer[start:end] + text[tail:], encoding="utf-8")
    assert main(["lab", "check", "mylab", "--task", "1"]) == 0
    out = capsys.readouterr().out
    assert "✓     14 个用例全部通过" in out and out.rstrip().endswith("得分 1/1（只计任务 1–5）")

    assert main(["lab", "new", "mylab", "--solution", "--force", "--lang", "en"]) == 0
    assert "for teachers" in capsys.readouterr().out
    assert main(["lab", "check", "mylab", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("score 5/5 (tasks 1–5)\nbonus (task 6): ✓")


def test_cli_new_refuses_what_it_cannot_write(tmp_path, capsys):
    from micrograd_cn.cli import main

    (tmp_path / "afile").write_text("mine", encoding="utf-8")
    assert main(["lab", "new", str(tmp_path / "afile"), "--force", "--lang", "en"]) == 2
    assert capsys.readouterr().err.endswith("afile is a file, not a folder: a lab goes into a new folder\n")
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine"
    assert main(["lab", "new", str(tmp_path / "no" / "lab")]) == 2
    assert "不存在" in capsys.readouterr().err and not (tmp_path / "no").exists()
    for argv in (["lab"], ["lab", "check", str(tmp_path), "--task", "7"]):
        with pytest.raises(SystemExit) as bad:  # argparse's one line and exit status 2
            main(argv)
        assert bad.value.code == 2
    assert capsys.readouterr().err.startswith("micrograd-cn lab: 错误：缺少必需的参数：{new,check,grade}\n")
    assert list(tmp_path.iterdir()) == [tmp_path / "afile"]  # nothing half-written anywhere


def test_cli_check_json_and_a_bad_folder(tmp_path, capsys):
    import json

    from micrograd_cn.cli import main

    lab = make_lab(tmp_path / "lab", "en", solution=True, edit=BUGS[1][:3])
    assert main(["lab", "check", str(lab), "--json", "--lang", "en"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert (record["score"], record["total"]) == (4, 5)
    assert record["tasks"][0] == {"task": 1, "name": "+ and *", "passed": False, "message": BUGS[1][3]}
    assert main(["lab", "check", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"micrograd-cn: 错误：{tmp_path} 不是实验文件夹：缺少 my_micrograd/engine.py"
                            "（用 micrograd-cn lab new 创建）\n")
    assert main(["lab", "check", str(tmp_path / "nowhere"), "--lang", "en"]) == 2
    assert capsys.readouterr().err.endswith("does not exist\n")


def test_cli_grade_writes_one_row_per_student(tmp_path, capsys):
    from micrograd_cn.cli import main

    make_lab(tmp_path / "class" / "li", "zh", solution=True)
    make_lab(tmp_path / "class" / "wang", "zh", solution=True, edit=BUGS[5][:3])
    (tmp_path / "class" / "zhao").mkdir()
    scores = tmp_path / "scores.csv"
    assert main(["lab", "grade", str(tmp_path / "class"), "-o", str(scores), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["student", "score", "bonus"]
    assert out.rstrip().endswith(f"wrote {scores}")
    rows = scores.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "student,task1,task2,task3,task4,task5,bonus,score,total,note"
    assert rows[1] == "li,1,1,1,1,1,1,5,5,"
    wang = next(csv.reader([rows[2]]))
    assert wang[:9] == ["wang", "1", "1", "1", "1", "0", "1", "4", "5"]
    assert wang[9].startswith("task 5: Neuron(3)(x) should be relu(w·x + b) = 3.75, got 3.5")
    assert rows[3] == "zhao,,,,,,,0,5,not a lab folder (my_micrograd/engine.py is missing)"
    assert main(["lab", "grade", str(tmp_path / "nowhere")]) == 2
    assert main(["lab", "grade", str(tmp_path / "class" / "zhao")]) == 2
    assert "里没有学生的文件夹" in capsys.readouterr().err


def _paste_task_1(engine: Path, swapped: bool) -> None:
    """What the student of README's session types: the reference + and *, with or without the swap."""
    text = engine.read_text(encoding="utf-8")
    answer = SOLUTION["my_micrograd/engine.py"]
    body = answer[answer.index("    @staticmethod"):answer.index("    # task 2")]
    if swapped:
        body = body.replace(BUGS[1][1], BUGS[1][2])
    start = text.index("    @staticmethod") if "@staticmethod" in text else \
        text.index("    # ------------------------------------------------------------ 任务 1")
    end = text.index("    # ---------------------------------------------------- 任务 2")
    engine.write_text(text[:start] + body + text[end:], encoding="utf-8")


def test_readme_lab_session_is_real_output(tmp_path, capsys, monkeypatch):
    """README's zh session (new → check → fix → check), replayed line by line: the same output."""
    import shlex

    from micrograd_cn.cli import main

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## 实验 / Lab"):]
    session = section[section.index("```console\n") + len("```console\n"):section.index("\n```\n")]
    monkeypatch.chdir(tmp_path)
    edits = iter([True, False])  # the student's two edits: a swapped __mul__, then the fix
    expected: list[str] = []
    commands = 0

    def compare() -> None:
        if expected:
            assert capsys.readouterr().out.rstrip("\n").splitlines() == expected
            expected.clear()

    for line in session.splitlines():
        if line.startswith("$ "):
            compare()
            main(shlex.split(line[2:])[1:])
            commands += 1
        elif line.startswith("# "):
            compare()
            _paste_task_1(tmp_path / "mylab" / "my_micrograd" / "engine.py", next(edits))
        else:
            expected.append(line)
    compare()
    assert commands == 4 and next(edits, None) is None
