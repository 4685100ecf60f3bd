"""The lab's results as text: the check table a student reads, and a class's scores as CSV.

Imports: i18n, render.layout and teach.lab.
"""

from __future__ import annotations

import csv
import io
from typing import Sequence

from micrograd_cn.i18n import t
from micrograd_cn.render.layout import table
from micrograd_cn.teach.lab.report import message, task_name
from micrograd_cn.teach.lab.runner import StudentResult, TaskResult, score
from micrograd_cn.teach.lab.tasks import TASKS

MARK = {True: "✓", False: "✗"}


def check_text(results: Sequence[TaskResult], lang: str) -> str:
    """A table of the tasks (✓/✗ and the message of each), then the score of tasks 1–5 and the bonus."""
    rows = [[str(r.task), task_name(r.task, lang), MARK[r.passed], message(r, lang)] for r in results]
    header = [t("lab_col_task", lang), t("lab_col_name", lang), t("lab_col_result", lang), t("lab_col_message", lang)]
    lines = table(header, rows, aligns="<<<<")
    passed, total = score(results)
    summary = []
    if total:
        summary.append(t("lab_score", lang, score=passed, total=total))
    bonus = [r for r in results if TASKS[r.task - 1].bonus]
    if bonus:
        summary.append(t("lab_bonus", lang, mark=MARK[bonus[0].passed]))
    return "\n".join(lines + [""] + summary)


CSV_HEADER = ("student", "task1", "task2", "task3", "task4", "task5", "bonus", "score", "total", "note")


def scores_csv(graded: Sequence[StudentResult], lang: str) -> str:
    """One row per student: 1/0 per task, the bonus, the score of tasks 1–5, and a note.

    The note is the first failing task's message (or why the folder is not a lab), so a
    teacher sees at a glance where a student is stuck.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for student in graded:
        if student.results is None:
            writer.writerow([student.name, "", "", "", "", "", "", 0, 5, t("lab_note_not_a_lab", lang)])
            continue
        marks = {r.task: int(r.passed) for r in student.results}
        passed, total = score(student.results)
        first = next((r for r in student.results if not r.passed and not TASKS[r.task - 1].bonus), None)
        note = t("lab_note_task", lang, task=first.task, message=message(first, lang)) if first else ""
        writer.writerow([student.name, *(marks.get(n, "") for n in range(1, 7)), passed, total, note])
    return out.getvalue()


def grade_text(graded: Sequence[StudentResult], lang: str) -> str:
    """A short table for the terminal: each student's score and bonus."""
    rows = []
    for student in graded:
        if student.results is None:
            rows.append([student.name, "—", "", t("lab_note_not_a_lab", lang)])
            continue
        passed, total = score(student.results)
        bonus = [r for r in student.results if TASKS[r.task - 1].bonus]
        rows.append([student.name, f"{passed}/{total}", MARK[bonus[0].passed] if bonus else "", ""])
    header = [t("lab_col_student", lang), t("lab_col_score", lang), t("lab_col_bonus", lang), ""]
    return "\n".join(table(header, rows, aligns="<><<"))
