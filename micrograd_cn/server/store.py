"""The classroom's answers in SQLite: the schema (one place, one version), and every read and write.

One database file holds any number of classes ("sessions", e.g. one per day); a class
holds its deck's question pages, its students and their answers, and where the teacher
is: the current page, whether its question is open, which pages are revealed.

Reliability rules (Python's ``sqlite3`` documentation and Datasette's practice):
- WAL journal, ``synchronous=NORMAL``: a committed write survives the server process being
  killed (``kill -9``); only a power cut may lose the last commits.
- Every write is committed before the caller replies "accepted"; a write that fails (a
  read-only file, a full disk) raises ``StoreError`` with a clear message and nothing is
  reported accepted.
- Parameters are always bound (``?``), never formatted into SQL.
- One connection per thread (``threading.local``): the server's event loop uses one, the
  test client's thread another, and ``forget``/``report`` their own.
- Cookies are stored as their SHA-256, so a copied database cannot act as a student.

Imports: the standard library and the classroom messages.
"""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from micrograd_cn.i18n import t

# The schema, in this one place. Raise SCHEMA_VERSION with every change of it.
SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    name     TEXT PRIMARY KEY,
    title    TEXT NOT NULL,
    pages    INTEGER NOT NULL,
    page     INTEGER NOT NULL DEFAULT 1,   -- the teacher's current page, from 1
    open     INTEGER NOT NULL DEFAULT 0,   -- whether the current page's question is open
    created  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS questions (
    session  TEXT NOT NULL REFERENCES sessions(name) ON DELETE CASCADE,
    page     INTEGER NOT NULL,
    expr     TEXT NOT NULL,
    "values" TEXT NOT NULL,                -- JSON object name -> number
    wrt      TEXT NOT NULL,
    answer   REAL NOT NULL,
    prompt   TEXT NOT NULL,
    revealed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session, page)
);
CREATE TABLE IF NOT EXISTS students (
    id       INTEGER PRIMARY KEY,
    session  TEXT NOT NULL REFERENCES sessions(name) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    cookie   TEXT NOT NULL UNIQUE,         -- SHA-256 of the student's cookie
    joined   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS students_by_session ON students (session);
CREATE TABLE IF NOT EXISTS answers (
    session  TEXT NOT NULL,
    page     INTEGER NOT NULL,
    student  INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    text     TEXT NOT NULL,                -- as typed
    value    REAL NOT NULL,                -- as read by the quiz's number reader
    right    INTEGER NOT NULL,
    at       TEXT NOT NULL,
    PRIMARY KEY (session, page, student),
    FOREIGN KEY (session, page) REFERENCES questions(session, page) ON DELETE CASCADE
);
"""


class StoreError(OSError):
    """The database cannot be opened, read or written; the message says which file and why."""


@dataclass(frozen=True)
class QuestionRecord:
    """A quiz page as stored: enough to judge and report without the lesson file."""

    page: int
    expr: str
    values: dict[str, float]
    wrt: str
    answer: float
    prompt: str


@dataclass(frozen=True)
class Room:
    """Where the class is: the teacher's page, its question open or not, the revealed pages."""

    page: int
    open: bool
    revealed: frozenset[int]


@dataclass(frozen=True)
class Answer:
    student: int
    text: str
    value: float
    right: bool


def cookie_hash(cookie: str) -> str:
    return hashlib.sha256(cookie.encode("utf-8", "surrogatepass")).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _connect(path: Path) -> sqlite3.Connection:
    # check_same_thread=False only so that close() may run on another thread at shutdown;
    # each connection is used by the one thread that opened it.
    conn = sqlite3.connect(path, timeout=5.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


class Store:
    """One class (``session``) in one database file; see the module docstring."""

    def __init__(self, path: str | Path, session: str, lang: str | None = None) -> None:
        self.path = Path(path)
        self.session = session
        self.lang = lang
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        with self._errors():
            conn = self._conn()
            conn.execute("PRAGMA journal_mode = WAL")
            found = conn.execute("PRAGMA user_version").fetchone()[0]
            if found == 0:  # a new file (IF NOT EXISTS: another process may be creating it too)
                conn.executescript(f"BEGIN IMMEDIATE;\n{SCHEMA}\nPRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;")
                found = SCHEMA_VERSION
        if found != SCHEMA_VERSION:
            self.close()
            raise StoreError(t("classroom_db_version", self.lang, path=str(self.path), found=found,
                               expected=SCHEMA_VERSION))

    # --- connections and errors --------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = _connect(self.path)
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as err:
            raise StoreError(t("classroom_db_failed", self.lang, path=str(self.path), detail=str(err))) from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT; the commit has happened when the block is left without error."""
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")  # a full disk or a read-only file fails here at the latest
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    # --- the class ---------------------------------------------------------------------
    def start(self, title: str, pages: int, questions: list[QuestionRecord]) -> Room:
        """Create the class, or check that the stored one was run with the same questions."""
        with self._errors(), self._transaction() as conn:
            row = conn.execute("SELECT pages FROM sessions WHERE name = ?", (self.session,)).fetchone()
            if row is None:
                conn.execute("INSERT INTO sessions (name, title, pages, created) VALUES (?, ?, ?, ?)",
                             (self.session, title, pages, _now()))
                conn.executemany(
                    'INSERT INTO questions (session, page, expr, "values", wrt, answer, prompt) '
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(self.session, q.page, q.expr, json.dumps(q.values, sort_keys=True), q.wrt,
                      q.answer, q.prompt) for q in questions])
            else:
                stored = {q.page: q for q in self._questions(conn, self.session)}
                given = {q.page: q for q in questions}
                differs = sorted(p for p in stored.keys() | given.keys()
                                 if not _same(stored.get(p), given.get(p)))
                if row[0] != pages and not differs:
                    differs = [min(row[0], pages) + 1]
                if differs:
                    raise StoreError(t("classroom_db_other_lesson", self.lang, path=str(self.path),
                                       session=self.session, page=differs[0]))
                conn.execute("UPDATE sessions SET title = ? WHERE name = ?", (title, self.session))
        return self.room()

    @staticmethod
    def _questions(conn: sqlite3.Connection, session: str) -> list[QuestionRecord]:
        rows = conn.execute('SELECT page, expr, "values", wrt, answer, prompt FROM questions '
                            "WHERE session = ? ORDER BY page", (session,)).fetchall()
        return [QuestionRecord(p, e, json.loads(v), w, a, pr) for p, e, v, w, a, pr in rows]

    def room(self) -> Room:
        with self._errors():
            conn = self._conn()
            page, is_open = conn.execute("SELECT page, open FROM sessions WHERE name = ?",
                                         (self.session,)).fetchone()
            revealed = conn.execute("SELECT page FROM questions WHERE session = ? AND revealed = 1",
                                    (self.session,)).fetchall()
        return Room(page, bool(is_open), frozenset(p for (p,) in revealed))

    def set_page(self, page: int) -> None:
        """The teacher arrives at ``page``: its question starts closed."""
        with self._errors(), self._transaction() as conn:
            conn.execute("UPDATE sessions SET page = ?, open = 0 WHERE name = ?", (page, self.session))

    def set_open(self, is_open: bool) -> None:
        with self._errors(), self._transaction() as conn:
            conn.execute("UPDATE sessions SET open = ? WHERE name = ?", (int(is_open), self.session))

    def reveal(self, page: int) -> None:
        """Reveal ``page``'s answer; a revealed question is closed."""
        with self._errors(), self._transaction() as conn:
            conn.execute("UPDATE questions SET revealed = 1 WHERE session = ? AND page = ?",
                         (self.session, page))
            conn.execute("UPDATE sessions SET open = 0 WHERE name = ?", (self.session,))

    # --- students and answers ------------------------------------------------------------
    def join(self, name: str, cookie: str, cap: int) -> int | None:
        """A new student's id, or None when the class already has ``cap`` students."""
        with self._errors(), self._transaction() as conn:
            (count,) = conn.execute("SELECT COUNT(*) FROM students WHERE session = ?",
                                    (self.session,)).fetchone()
            if count >= cap:
                return None
            cur = conn.execute("INSERT INTO students (session, name, cookie, joined) VALUES (?, ?, ?, ?)",
                               (self.session, name, cookie_hash(cookie), _now()))
            return int(cur.lastrowid or 0)

    def student(self, cookie: str) -> int | None:
        """The id of the student of this class holding ``cookie``, or None."""
        with self._errors():
            row = self._conn().execute("SELECT id FROM students WHERE cookie = ? AND session = ?",
                                       (cookie_hash(cookie), self.session)).fetchone()
        return None if row is None else int(row[0])

    def students(self) -> int:
        with self._errors():
            (count,) = self._conn().execute("SELECT COUNT(*) FROM students WHERE session = ?",
                                            (self.session,)).fetchone()
        return int(count)

    def put_answer(self, page: int, student: int, text: str, value: float, right: bool) -> None:
        """Store (or replace) a student's answer to ``page``; committed when this returns."""
        with self._errors(), self._transaction() as conn:
            conn.execute("INSERT INTO answers (session, page, student, text, value, right, at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session, page, student) DO UPDATE "
                         "SET text = excluded.text, value = excluded.value, right = excluded.right, "
                         "at = excluded.at",
                         (self.session, page, student, text, value, int(right), _now()))

    def answers(self, page: int) -> list[Answer]:
        with self._errors():
            rows = self._conn().execute("SELECT student, text, value, right FROM answers "
                                        "WHERE session = ? AND page = ? ORDER BY student",
                                        (self.session, page)).fetchall()
        return [Answer(s, tx, v, bool(r)) for s, tx, v, r in rows]

    def answer_of(self, page: int, student: int) -> Answer | None:
        with self._errors():
            row = self._conn().execute("SELECT student, text, value, right FROM answers "
                                       "WHERE session = ? AND page = ? AND student = ?",
                                       (self.session, page, student)).fetchone()
        return None if row is None else Answer(row[0], row[1], row[2], bool(row[3]))


def _same(a: QuestionRecord | None, b: QuestionRecord | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.expr, a.wrt, a.values) == (b.expr, b.wrt, b.values) and math.isclose(
        a.answer, b.answer, rel_tol=1e-12, abs_tol=1e-15)


# --- after class: reading and forgetting without a server ---------------------------------
def _open_existing(path: str | Path) -> sqlite3.Connection:
    path = Path(path)
    if not path.is_file():
        raise StoreError(t("classroom_db_missing", path=str(path)))
    try:
        conn = _connect(path)
        found = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as err:
        raise StoreError(t("classroom_db_failed", path=str(path), detail=str(err))) from None
    if found != SCHEMA_VERSION:
        conn.close()
        raise StoreError(t("classroom_db_version", path=str(path), found=found, expected=SCHEMA_VERSION))
    return conn


def forget(path: str | Path, session: str | None = None) -> tuple[int, int]:
    """Delete the students' names and answers (of one class, or of all); (students, answers) deleted."""
    conn = _open_existing(path)
    try:
        where, args = ("WHERE session = ?", (session,)) if session is not None else ("", ())
        if session is not None and conn.execute("SELECT 1 FROM sessions WHERE name = ?",
                                                (session,)).fetchone() is None:
            raise StoreError(t("classroom_no_session", path=str(path), session=session))
        conn.execute("BEGIN IMMEDIATE")
        answers = conn.execute(f"DELETE FROM answers {where}", args).rowcount  # noqa: S608 (fixed text)
        students = conn.execute(f"DELETE FROM students {where}", args).rowcount  # noqa: S608
        conn.execute("COMMIT")
        conn.execute("VACUUM")  # the deleted names leave the file, not just the index
        return students, answers
    except sqlite3.Error as err:
        raise StoreError(t("classroom_db_failed", path=str(path), detail=str(err))) from None
    finally:
        conn.close()


@dataclass(frozen=True)
class QuestionResults:
    session: str
    question: QuestionRecord
    answers: list[Answer]


def results(path: str | Path, session: str | None = None) -> list[QuestionResults]:
    """Every question of every class (or of ``session``) with its answers, for the report."""
    conn = _open_existing(path)
    try:
        names = [n for (n,) in conn.execute("SELECT name FROM sessions ORDER BY created, name")]
        if session is not None:
            if session not in names:
                raise StoreError(t("classroom_no_session", path=str(path), session=session))
            names = [session]
        out = []
        for name in names:
            for q in Store._questions(conn, name):
                rows = conn.execute("SELECT student, text, value, right FROM answers "
                                    "WHERE session = ? AND page = ? ORDER BY student", (name, q.page))
                out.append(QuestionResults(name, q, [Answer(s, tx, v, bool(r)) for s, tx, v, r in rows]))
        return out
    except sqlite3.Error as err:
        raise StoreError(t("classroom_db_failed", path=str(path), detail=str(err))) from None
    finally:
        conn.close()
