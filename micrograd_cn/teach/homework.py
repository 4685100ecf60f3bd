"""Homework for a class: one exercise sheet per student, one key, and marking the answers.

A roster is a UTF-8 text file with one student's name a line (a CSV export works too: the
first column is read; blank lines are skipped). Each student gets exercises drawn from
``random.Random(student_seed(name, seed, level, count))``: the same name with the same
options gives the same sheet on every machine, and no date or clock is read, so writing the
class again gives the same bytes. Two students never get the same sheet (a clash is drawn
again with the next salt); two students with the same name are refused, naming both lines.

What a run writes, and nothing else (``class_files``):

* one sheet per student (``01-<name>.md`` or ``.html``): the student's name, a name and
  student-number field, the problems written as mathematics, room to work; no answers;
* ``key.json``: ``{"students": [{"student", "sheet", "problems": [{"problem", "expression",
  "values", "answers": {input: ∂f/∂input}}]}], "seed", "level", "count"}``;
* ``key.md`` (and ``key.html`` with the html format): the same key for a person, every
  student's answers and their working on a page of their own;
* ``answers.csv``: the header ``student,problem,name,answer`` and one empty row per student
  and asked gradient, for the teacher to fill in.

Marking (``mark``) reads the key and a filled ``answers.csv``. Each answer is read by the
quiz's safe reader and judged with its tolerance (``quiz.judge``). The scores count answer
rows (one per asked gradient): ``student,right,total``. Unknown students, rows the key does
not ask for, missing rows and unreadable answers are reported, never raised. Each wrong
answer gets a probable mistake when the mistake catalogue (``teach.mistakes``) is installed;
without it that column stays empty.

Imports: i18n, notation, doc, exercise, quiz (judge), expr (its error type), written, and
``teach.mistakes`` when it exists.
"""

from __future__ import annotations

import csv
import hashlib
import importlib
import io
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.notation import num
from micrograd_cn.teach.doc import Block, Heading, Para, Pre, Table
from micrograd_cn.teach.exercise import Exercise, exercise, key_blocks, question_blocks

MAX_STUDENTS = 500
MAX_NAME = 80  # characters of one name
MAX_ROSTER_BYTES = 200_000
MAX_ANSWERS_BYTES = 5_000_000
MAX_ANSWER = 200  # characters of one answer
HEADER = ("student", "problem", "name", "answer")
SCORE_HEADER = ("student", "right", "total")
WORKING_LINES = 8  # blank lines of room under each problem


class HomeworkError(ValueError):
    """A roster, key or answers file that cannot be used (one line, naming the place)."""


# ------------------------------------------------------------------ the roster
def roster_from_text(text: str, source: str, lang: str | None = None) -> list[str]:
    """The names in a roster's text, in order (see the module docstring); errors name the line."""
    lang = check_lang(lang)
    text = text.lstrip("\ufeff")  # a spreadsheet's byte-order mark
    names: list[str] = []
    first_line: dict[str, int] = {}
    for number, row in enumerate(csv.reader(io.StringIO(text)), 1):
        name = unicodedata.normalize("NFC", row[0]).strip() if row else ""
        name = re.sub(r"\s+", " ", name)
        if not name:
            continue
        if any(unicodedata.category(ch).startswith("C") for ch in name):
            raise HomeworkError(t("hw_name_control", lang, source=source, line=number,
                                  name=show(name)))
        if len(name) > MAX_NAME:
            raise HomeworkError(t("hw_name_long", lang, source=source, line=number,
                                  limit=MAX_NAME))
        if name in first_line:
            raise HomeworkError(t("hw_name_twice", lang, source=source, line=number, name=name,
                                  first=first_line[name]))
        first_line[name] = number
        names.append(name)
        if len(names) > MAX_STUDENTS:
            raise HomeworkError(t("hw_too_many", lang, source=source, limit=MAX_STUDENTS))
    if not names:
        raise HomeworkError(t("hw_roster_empty", lang, source=source))
    return names


def _read_text(path: str | Path, limit: int, lang: str, what: str) -> str:
    path = Path(path)
    try:
        if path.stat().st_size > limit:
            raise HomeworkError(t("hw_file_big", lang, path=str(path), limit=f"{limit:,}"))
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise HomeworkError(t("hw_not_utf8", lang, path=str(path), what=what)) from None
    except OSError as err:
        raise HomeworkError(t("hw_unreadable", lang, path=str(path), what=what,
                              reason=err.strerror or type(err).__name__)) from None


def read_roster(path: str | Path, lang: str | None = None) -> list[str]:
    """``roster_from_text`` of a UTF-8 file."""
    lang = check_lang(lang)
    return roster_from_text(_read_text(path, MAX_ROSTER_BYTES, lang, "roster"), str(path), lang)


# ------------------------------------------------------------------ one sheet per student
def student_seed(name: str, seed: int, level: int, count: int, salt: int = 0) -> int:
    """The seed of ``name``'s sheet: a hash of the name and the options (never ``hash()``,
    which changes between runs), so the same class gets the same sheets everywhere."""
    text = f"micrograd-cn homework\0{seed}\0{level}\0{count}\0{salt}\0{name}"
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


@dataclass(frozen=True)
class StudentSheet:
    student: str
    number: int  # 1 … n, in roster order
    file: str  # the sheet's file name inside the folder
    exercises: tuple[Exercise, ...]


def file_name(number: int, name: str, width: int, suffix: str) -> str:
    """``07-张三.md``: numbered in roster order; characters a file system refuses become ``_``."""
    safe = re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._") or "student"
    return f"{number:0{width}d}-{safe}.{suffix}"


def class_sheets(names: list[str], seed: int = 0, count: int = 3, level: int = 2,
                 suffix: str = "md") -> list[StudentSheet]:
    """One sheet per name; no two students get the same problems."""
    import random

    from micrograd_cn.teach.exercise import sheet

    sheet(seed, count, level)  # the same checks of count and level as a single sheet
    width = max(2, len(str(len(names))))
    seen: set[tuple] = set()
    out = []
    for number, name in enumerate(names, 1):
        salt = 0
        while True:
            rng = random.Random(student_seed(name, seed, level, count, salt))
            exercises = tuple(exercise(rng, level, k) for k in range(1, count + 1))
            fingerprint = tuple((ex.expression, tuple(ex.values.items())) for ex in exercises)
            if fingerprint not in seen:
                break
            salt += 1
        seen.add(fingerprint)
        out.append(StudentSheet(name, number, file_name(number, name, width, suffix), exercises))
    return out


def sheet_blocks(student: StudentSheet, seed: int, level: int, lang: str | None = None) -> list[Block]:
    """A student's sheet: the name field, the problems as mathematics, room to work; no answers."""
    lang = check_lang(lang)
    blocks: list[Block] = [
        Heading(t("hw_sheet_title", lang, student=student.student, level=level)),
        Para(t("hw_fields", lang)),
        Para(t("exercise_intro", lang))]
    for ex in student.exercises:
        blocks += question_blocks(ex, lang)
        blocks += [Para(t("hw_working", lang)), Pre("\n" * (WORKING_LINES - 1))]
    return blocks


def key_json(students: list[StudentSheet], seed: int, level: int, count: int) -> dict:
    """The one key of the class (see the module docstring)."""
    return {
        "seed": seed, "level": level, "count": count,
        "students": [{
            "student": s.student, "sheet": s.file,
            "problems": [{"problem": ex.number, "expression": ex.expression,
                          "values": dict(ex.values), "answers": dict(ex.answers)}
                         for ex in s.exercises]} for s in students]}


def key_blocks_for(student: StudentSheet, lang: str) -> list[Block]:
    """One student's answers and working (a page of its own in print)."""
    blocks: list[Block] = [Heading(t("hw_key_student", lang, student=student.student,
                                     sheet=student.file))]
    for ex in student.exercises:
        blocks += key_blocks(ex, lang)
    return blocks


def class_key_blocks(students: list[StudentSheet], seed: int, level: int,
                     lang: str | None = None) -> list[Block]:
    lang = check_lang(lang)
    blocks: list[Block] = [Heading(t("hw_key_title", lang, n=len(students), seed=seed,
                                     level=level))]
    for student in students:
        blocks += key_blocks_for(student, lang)
    return blocks


def answers_template(students: list[StudentSheet]) -> str:
    """The blank answers.csv: the header and one row per student and asked gradient."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for s in students:
        for ex in s.exercises:
            for name in ex.answers:
                writer.writerow([s.student, ex.number, name, ""])
    return out.getvalue()


def class_files(names: list[str], *, seed: int = 0, count: int = 3, level: int = 2,
                fmt: str = "md", lang: str | None = None,
                html_sheet: Callable[[list[Block], str, str], str] | None = None,
                html_key: Callable[[list[list[Block]], str, str], str] | None = None,
                md: Callable[[list[Block]], str] | None = None) -> dict[str, str]:
    """Every file of a class's homework, name -> text (nothing is written here).

    ``md`` writes doc blocks as Markdown; with ``fmt="html"`` the sheets and ``key.html``
    are written by ``html_sheet(blocks, title, lang)`` and ``html_key(pages, title, lang)``
    (the page makers live in ``pages``; teach does not write HTML).
    """
    lang = check_lang(lang)
    if fmt not in ("md", "html"):
        raise HomeworkError(t("hw_bad_format", lang, fmt=show(fmt)))
    if md is None or (fmt == "html" and (html_sheet is None or html_key is None)):
        raise TypeError("class_files needs the writers of its formats")
    students = class_sheets(names, seed, count, level, fmt)
    files: dict[str, str] = {}
    for s in students:
        blocks = sheet_blocks(s, seed, level, lang)
        title = t("hw_sheet_title", lang, student=s.student, level=level)
        files[s.file] = html_sheet(blocks, title, lang) if fmt == "html" and html_sheet \
            else md(blocks)
    files["key.json"] = json.dumps(key_json(students, seed, level, count), ensure_ascii=False,
                                   indent=1) + "\n"
    files["key.md"] = md(class_key_blocks(students, seed, level, lang))
    if fmt == "html" and html_key is not None:
        title = t("hw_key_title", lang, n=len(students), seed=seed, level=level)
        files["key.html"] = html_key([key_blocks_for(s, lang) for s in students], title, lang)
    files["answers.csv"] = answers_template(students)
    return files


# ------------------------------------------------------------------ marking
@dataclass(frozen=True)
class Verdict:
    """One answer row, judged."""

    line: int  # its line in answers.csv
    student: str
    problem: int
    name: str  # the input whose gradient is asked
    answer: str  # as written
    expected: float
    value: float | None  # as read (None: unreadable or empty)
    right: bool
    mistake: str = ""  # the probable mistake (teach.mistakes), or ""


@dataclass
class Marking:
    scores: list[tuple[str, int, int]] = field(default_factory=list)  # student, right, total
    verdicts: list[Verdict] = field(default_factory=list)
    unknown_students: list[tuple[int, str]] = field(default_factory=list)  # line, student
    unknown_rows: list[tuple[int, str]] = field(default_factory=list)  # line, what
    missing: list[tuple[str, int, str]] = field(default_factory=list)  # student, problem, name
    unreadable: list[tuple[int, str, str]] = field(default_factory=list)  # line, answer, why
    duplicates: list[int] = field(default_factory=list)  # lines that repeat an earlier row
    bad_lines: list[tuple[int, str]] = field(default_factory=list)  # line, why


def read_key(path: str | Path, lang: str | None = None) -> dict:
    """A key.json, checked enough to mark with (errors name the file and the place)."""
    lang = check_lang(lang)
    text = _read_text(path, MAX_ANSWERS_BYTES, lang, "key")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise HomeworkError(t("hw_key_bad", lang, path=str(path), where="JSON")) from None
    return check_key(data, str(path), lang)


def read_answers(path: str | Path, lang: str | None = None) -> str:
    """The text of a filled answers.csv (UTF-8)."""
    return _read_text(path, MAX_ANSWERS_BYTES, check_lang(lang), "answers")


def check_key(data: Any, source: str, lang: str | None = None) -> dict:
    lang = check_lang(lang)

    def bad(where: str) -> HomeworkError:
        return HomeworkError(t("hw_key_bad", lang, path=source, where=where))

    if not isinstance(data, dict) or not isinstance(data.get("students"), list):
        raise bad("students")
    for i, s in enumerate(data["students"], 1):
        if not isinstance(s, dict) or not isinstance(s.get("student"), str) or \
                not isinstance(s.get("problems"), list):
            raise bad(f"students[{i}]")
        for p in s["problems"]:
            if not isinstance(p, dict) or not isinstance(p.get("problem"), int) or \
                    not isinstance(p.get("answers"), dict) or not all(
                        isinstance(k, str) and isinstance(v, (int, float)) and
                        not isinstance(v, bool) for k, v in p["answers"].items()):
                raise bad(f"students[{i}] ({s['student']})")
    return data


def _mistake_finder() -> Callable[[dict, str, float, str], str]:
    """The probable-mistake hook: ``teach.mistakes.diagnose_gradient`` when it exists."""
    try:
        mistakes = importlib.import_module("micrograd_cn.teach.mistakes")
    except ImportError:  # the catalogue is not there: the column stays empty
        return lambda problem, name, value, lang: ""
    diagnose = getattr(mistakes, "diagnose_gradient", None)
    if diagnose is None:
        return lambda problem, name, value, lang: ""

    def find(problem: dict, name: str, value: float, lang: str) -> str:
        if not isinstance(problem.get("expression"), str) or not isinstance(
                problem.get("values"), dict):
            return ""
        try:
            found = diagnose(problem["expression"], problem["values"], name, value, lang)
        except (ValueError, TypeError, ArithmeticError):
            return ""
        return found.label(lang) if found is not None else ""

    return find


def mark(key: dict, answers_text: str, lang: str | None = None,
         source: str = "answers.csv") -> Marking:
    """Judge every row of a filled answers.csv against ``key`` (never raises for a bad row)."""
    from micrograd_cn.teach.quiz import judge

    lang = check_lang(lang)
    find_mistake = _mistake_finder()
    students = {s["student"]: {p["problem"]: p for p in s["problems"]} for s in key["students"]}
    result = Marking()
    seen: set[tuple[str, int, str]] = set()
    rows = csv.reader(io.StringIO(answers_text.lstrip("\ufeff")))
    header = next(rows, None)
    if header is None or [h.strip().lower() for h in header[:4]] != list(HEADER):
        raise HomeworkError(t("hw_answers_header", lang, source=source, header=",".join(HEADER)))
    for line, row in enumerate(rows, 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 4:
            result.bad_lines.append((line, t("hw_row_short", lang)))
            continue
        student, problem_text, name, answer_text = (cell.strip() for cell in row[:4])
        student = unicodedata.normalize("NFC", student)
        if student not in students:
            result.unknown_students.append((line, student))
            continue
        try:
            problem_number = int(problem_text)
        except ValueError:
            problem_number = -1
        problem = students[student].get(problem_number)
        if problem is None or name not in problem["answers"]:
            result.unknown_rows.append((line, f"{student}, {problem_text}, {name}"))
            continue
        if (student, problem_number, name) in seen:
            result.duplicates.append(line)
            continue
        seen.add((student, problem_number, name))
        expected = float(problem["answers"][name])
        value: float | None = None
        right = False
        if not answer_text:
            result.unreadable.append((line, "", t("hw_answer_empty", lang)))
        elif len(answer_text) > MAX_ANSWER:
            result.unreadable.append((line, answer_text[:20] + "…", t("hw_answer_long", lang,
                                                                      limit=MAX_ANSWER)))
        else:
            try:
                value, right = judge(answer_text, expected)
            except (ValueError, TypeError, ArithmeticError, OverflowError) as err:
                result.unreadable.append((line, answer_text, str(err)))
        mistake = find_mistake(problem, name, value, lang) if value is not None and not right else ""
        result.verdicts.append(Verdict(line, student, problem_number, name, answer_text, expected,
                                       value, right, mistake))
    for student, problems in students.items():
        asked = [(number, name) for number, p in problems.items() for name in p["answers"]]
        for number, name in asked:
            if (student, number, name) not in seen:
                result.missing.append((student, number, name))
        score = sum(1 for v in result.verdicts if v.student == student and v.right)
        result.scores.append((student, score, len(asked)))
    return result


def scores_csv(marking: Marking) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SCORE_HEADER)
    writer.writerows(marking.scores)
    return out.getvalue()


def common_wrong(marking: Marking, top: int = 3) -> list[tuple[int, int, int, list[tuple[str, int]]]]:
    """Per problem: (problem, wrong, answered, the most common wrong answers or mistakes with
    their counts). Every student has their own numbers, so an answer is counted by what it
    probably means (the catalogue's mistake) when there is one, else by its value."""
    by_problem: dict[int, list[Verdict]] = {}
    for v in marking.verdicts:
        by_problem.setdefault(v.problem, []).append(v)
    out = []
    for problem in sorted(by_problem):
        verdicts = by_problem[problem]
        wrong = [v for v in verdicts if not v.right and v.value is not None]
        counts = Counter(v.mistake or num(v.value) for v in wrong if v.value is not None)
        out.append((problem, len(wrong), len(verdicts), counts.most_common(top)))
    return out


def marking_blocks(marking: Marking, lang: str | None = None) -> list[Block]:
    """The marking as a document: scores, then every problem's common wrong answers, then
    whatever could not be marked."""
    lang = check_lang(lang)
    sep = "，" if lang == "zh" else ", "
    blocks: list[Block] = [Heading(t("hw_marking_title", lang)),
                           Table.of(list(SCORE_HEADER), [[s, str(r), str(n)] for s, r, n in
                                                          marking.scores], "<>>")]
    lines = []
    for problem, wrong, answered, common in common_wrong(marking):
        if common:
            listed = ("；" if lang == "zh" else "; ").join(  # a mistake's label may hold a comma
                t("hw_times", lang, what=what, n=n) for what, n in common)
            lines.append(t("hw_problem_wrong", lang, k=problem, wrong=wrong, answered=answered,
                           common=listed))
        else:
            lines.append(t("hw_problem_right", lang, k=problem, answered=answered))
    if lines:
        blocks += [Para(""), Para(t("hw_common_title", lang)), Para("\n".join(lines))]
    mistakes = [v for v in marking.verdicts if v.mistake]
    if mistakes:
        blocks += [Para(""), Para(t("hw_mistakes_title", lang)), Table.of(
            [*HEADER, t("hw_col_mistake", lang)],
            [[v.student, str(v.problem), v.name, v.answer, v.mistake] for v in mistakes])]
    rows: list[tuple[int, str]] = []  # by line, as the teacher reads the file
    rows += [(line, t("hw_unknown_student", lang, line=line, student=show(s)))
             for line, s in marking.unknown_students]
    rows += [(line, t("hw_unknown_row", lang, line=line, row=row))
             for line, row in marking.unknown_rows]
    rows += [(line, t("hw_duplicate", lang, line=line)) for line in marking.duplicates]
    rows += [(line, t("hw_bad_line", lang, line=line, why=why)) for line, why in marking.bad_lines]
    rows += [(line, t("hw_unreadable_answer", lang, line=line, answer=show(a), why=why) if a
              else t("hw_no_answer", lang, line=line)) for line, a, why in marking.unreadable]
    report = [text for _, text in sorted(rows, key=lambda row: row[0])]
    if marking.missing:
        report.append(t("hw_missing", lang, n=len(marking.missing), rows=sep.join(
            f"{s} {k} {name}" for s, k, name in marking.missing[:10]) + (
            " …" if len(marking.missing) > 10 else "")))
    if report:
        blocks += [Para(""), Para(t("hw_problems_title", lang)), Para("\n".join(report))]
    return blocks
