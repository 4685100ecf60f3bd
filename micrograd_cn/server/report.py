"""After class: per question, how many answered, % right, and the most common wrong answers.

``report(path)`` reads a classroom database (every class in it, or one ``session``) and
returns plain data; ``to_md``, ``to_csv`` and ``to_json`` write it. Wrong answers are grouped
as the teacher's histogram groups them (equal to 4 significant digits), and each common
wrong answer gets what it probably means from the mistake catalogue
(``teach.mistakes.diagnose_gradient``: upstream forgotten, a sum missed, the sign of a
minus, …), or "?" when no known mistake gives that number.

Imports: server.store, teach (doc, mistakes), render.document, notation, i18n.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from micrograd_cn.i18n import check_lang, t
from micrograd_cn.notation import num
from micrograd_cn.server.store import QuestionRecord, results

FORMATS = ("md", "csv", "json")
TOP_WRONG = 3  # the most common wrong answers listed per question


@dataclass(frozen=True)
class WrongAnswer:
    value: float  # the bar's value (4 significant digits)
    count: int
    meaning: str | None  # the probable misconception, when the catalogue names one


@dataclass(frozen=True)
class QuestionReport:
    session: str
    page: int
    expr: str
    wrt: str
    answer: float
    answered: int
    right: int
    wrong: tuple[WrongAnswer, ...]

    @property
    def percent(self) -> float:
        return 100.0 * self.right / self.answered if self.answered else 0.0


def _meaning(q: QuestionRecord, value: float, lang: str) -> str | None:
    """What ``value`` as the question's gradient probably means (the mistake catalogue), or None."""
    from micrograd_cn.teach.mistakes import diagnose_gradient

    try:
        mistake = diagnose_gradient(q.expr, q.values, q.wrt, value, lang)
    except (ValueError, ArithmeticError):  # a question the catalogue cannot rebuild: no guess
        return None
    return None if mistake is None else mistake.label(lang)


def report(path: str | Path, session: str | None = None, lang: str | None = None) -> list[QuestionReport]:
    from micrograd_cn.server.app import histogram_key

    lang = check_lang(lang)
    out = []
    for item in results(path, session):
        bars: dict[float, int] = {}
        first: dict[float, float] = {}  # one answer as typed per bar, for the diagnosis
        for a in item.answers:
            if not a.right:
                key = histogram_key(a.value)
                bars[key] = bars.get(key, 0) + 1
                first.setdefault(key, a.value)
        common = sorted(bars.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_WRONG]
        q = item.question
        out.append(QuestionReport(
            item.session, q.page, q.expr, q.wrt, q.answer, len(item.answers),
            sum(a.right for a in item.answers),
            tuple(WrongAnswer(v, n, _meaning(q, first[v], lang)) for v, n in common)))
    return out


def to_md(rows: list[QuestionReport], lang: str | None = None) -> str:
    from micrograd_cn.render.document import to_md as blocks_to_md
    from micrograd_cn.teach.doc import Heading, Para, Table

    lang = check_lang(lang)
    blocks: list = [Heading(t("classroom_report_title", lang), 0)]
    if not rows:
        blocks.append(Para(t("classroom_report_empty", lang)))
    header = [t("classroom_report_session", lang), t("classroom_report_page", lang),
              t("classroom_report_question", lang), t("classroom_report_answer", lang),
              t("classroom_report_n", lang), t("classroom_report_right", lang),
              t("classroom_report_wrong", lang), t("classroom_report_meaning", lang)]
    table = []
    for r in rows:
        wrong = "; ".join(t("classroom_report_times", lang, value=num(w.value), count=w.count)
                          for w in r.wrong) or "—"
        cells = [r.session, str(r.page), f"∂/∂{r.wrt} `{r.expr}`", num(r.answer), str(r.answered),
                 f"{r.percent:.0f}%" if r.answered else "—", wrong,
                 "; ".join(w.meaning or "?" for w in r.wrong) or "—"]
        table.append(cells)
    if rows:
        blocks.append(Table.of(header, table, "<><>>><<"))
        blocks.append(Para(t("classroom_report_unknown", lang)))
    return blocks_to_md(blocks)


def to_csv(rows: list[QuestionReport]) -> str:
    """One line per common wrong answer (one line for a question without any)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["session", "page", "expr", "wrt", "answer", "answered", "right", "percent_right",
                     "wrong_answer", "wrong_count", "meaning"])
    for r in rows:
        base = [r.session, r.page, r.expr, r.wrt, repr(r.answer), r.answered, r.right, f"{r.percent:.1f}"]
        for w in r.wrong or (None,):
            line = base + ([repr(w.value), w.count, w.meaning or ""] if w else ["", "", ""])
            writer.writerow([_csv_cell(c) for c in line])
    return buffer.getvalue()


def _csv_cell(value: object) -> object:
    """A cell a spreadsheet will not run as a formula (=, +, -, @ at the start of text)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "@", "\t", "\r") and value:
        return "'" + value
    return value


def to_json(rows: list[QuestionReport]) -> str:
    data = [dict(asdict(r), percent_right=r.percent) for r in rows]
    return json.dumps(data, ensure_ascii=False, indent=1)


def render(rows: list[QuestionReport], fmt: str, lang: str | None = None) -> str:
    if fmt == "csv":
        return to_csv(rows)
    if fmt == "json":
        return to_json(rows)
    return to_md(rows, lang)
