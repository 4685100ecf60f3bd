"""The classroom's SQLite store, and the commands that work on it after class (forget, report).

Faults: a read-only database or a full disk is a clear error, and an answer is never
reported accepted and then lost (the reply is 503 and the answer is not in the db nor in the
histogram). A full disk is simulated with SQLite's max_page_count, a read-only file with
query_only on the live connection (the same SQLITE_READONLY a read-only file gives) and, when
the tests do not run as root, with a real chmod.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3

import pytest

from micrograd_cn.cli import main  # noqa: E402
from micrograd_cn.server.app import COOKIE  # noqa: E402
from micrograd_cn.server.report import report  # noqa: E402
from micrograd_cn.server.store import SCHEMA_VERSION, Store, StoreError  # noqa: E402
from tests.classroom_support import LESSON, TEACHER, client, deck, make_room


def _class_with_answers(db, session="test", answers=(("Ada", "0.30475"), ("Bob", "0.2344"), ("Cy", "0.2344"),
                                                     ("Di", "-0.30475"), ("Ed", "0.5"))):
    room = make_room(db, session=session)
    with client(room) as app:
        app.post("/api/teacher/goto", json={"page": 2}, headers=TEACHER)
        app.post("/api/teacher/open", headers=TEACHER)
        for name, text in answers:
            app.cookies.clear()
            r = app.post("/api/join", json={"name": name})
            cookie = r.cookies[COOKIE]
            app.cookies.clear()
            ok = app.post("/api/answer", json={"page": 2, "answer": text}, headers={"cookie": f"{COOKIE}={cookie}"})
            assert ok.status_code == 200
    room.store.close()


def test_schema_has_one_version_and_wal(tmp_path):
    db = tmp_path / "c.sqlite"
    Store(db, "s").close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_a_db_of_another_schema_version_is_refused(tmp_path):
    db = tmp_path / "c.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="99"):
        Store(db, "s")


def test_a_file_that_is_not_a_db_is_a_clear_error(tmp_path):
    db = tmp_path / "c.sqlite"
    db.write_text("hello, not a database " * 100)
    with pytest.raises(StoreError, match="c.sqlite"):
        Store(db, "s")


def test_a_class_resumed_with_another_lesson_is_refused(tmp_path):
    db = tmp_path / "c.sqlite"
    make_room(db).store.close()
    from micrograd_cn.teach.deck import parse_deck

    other = parse_deck(LESSON.replace("w = 0.7", "w = 0.8"), lang="en")
    with pytest.raises(StoreError, match="page 2"):
        make_room(db, d=other)
    make_room(db, d=other, session="another").store.close()  # a new --session is fine


def test_sessions_keep_their_answers_apart(tmp_path):
    db = tmp_path / "c.sqlite"
    _class_with_answers(db, "monday", (("Ada", "0.30475"),))
    _class_with_answers(db, "tuesday", (("Bob", "1"), ("Cy", "2")))
    rows = {r.session: r for r in report(db) if r.page == 2}
    assert rows["monday"].answered == 1 and rows["tuesday"].answered == 2


def _readonly(room) -> None:
    for conn in room.store._all:  # the server thread's connection among them
        conn.execute("PRAGMA query_only = ON")


def _full(room) -> None:
    for conn in room.store._all:
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        conn.execute(f"PRAGMA max_page_count = {pages}")


@pytest.mark.parametrize("fault", [_readonly, _full], ids=["read-only", "full disk"])
def test_a_failed_write_is_503_and_never_accepted_then_lost(tmp_path, fault):
    room = make_room(tmp_path / "c.sqlite")
    accepted: dict[str, str] = {}  # name -> answer, for every 200
    refused = 0
    with client(room) as app:
        app.post("/api/teacher/goto", json={"page": 2}, headers=TEACHER)
        app.post("/api/teacher/open", headers=TEACHER)
        fault(room)
        for i in range(400):  # until the "disk" is full (bounded)
            name = f"student {i:04d} " + "x" * 26
            app.cookies.clear()
            joined = app.post("/api/join", json={"name": name})
            app.cookies.clear()
            if joined.status_code == 503:
                assert COOKIE not in joined.cookies and "c.sqlite" in joined.json()["error"]
                refused += 1
                continue
            assert joined.status_code == 200
            me = {"cookie": f"{COOKIE}={joined.cookies[COOKIE]}"}
            r = app.post("/api/answer", json={"page": 2, "answer": f"0.{i:04d}"}, headers=me)
            if r.status_code == 200:
                accepted[name] = f"0.{i:04d}"
            else:
                assert r.status_code == 503, r.text
                refused += 1
        assert refused > 0
        moved = app.post("/api/teacher/goto", json={"page": 3}, headers=TEACHER)
        if moved.status_code == 503:
            assert app.get("/api/state").json()["page"] == 2  # the room did not move without its write
        results = app.get("/api/teacher/results?page=2", headers=TEACHER).json()
        assert results["answered"] == len(accepted)
    room.store.close()
    conn = sqlite3.connect(tmp_path / "c.sqlite")
    stored = dict(conn.execute("SELECT s.name, a.text FROM answers a JOIN students s ON s.id = a.student"))
    conn.close()
    assert stored == accepted  # every accepted answer, and nothing else


def test_a_read_only_db_is_a_clear_error_at_start(tmp_path, monkeypatch):
    db = tmp_path / "c.sqlite"
    real = sqlite3.connect

    def read_only(path, *args, **kwargs):  # SQLite opens the file read-only, as for a 0444 file
        return real(f"file:{path}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)
    with pytest.raises(StoreError, match="c.sqlite"):
        Store(db, "s")


def test_the_cli_reports_a_db_it_cannot_open_in_one_line(tmp_path, capsys):
    assert main(["classroom", "report", "--db", str(tmp_path / "none.sqlite"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "none.sqlite" in err and "does not exist" in err
    folder = tmp_path / "dir.sqlite"
    folder.mkdir()
    assert main(["classroom", "forget", "--db", str(folder)]) == 2
    assert "dir.sqlite" in capsys.readouterr().err


# --- after class -----------------------------------------------------------------------------
def test_report_counts_right_and_lists_the_common_wrong_answers(tmp_path):
    db = tmp_path / "c.sqlite"
    _class_with_answers(db)
    rows = report(db)
    assert [r.page for r in rows] == [2, 4]
    q = rows[0]
    assert (q.answered, q.right, round(q.percent)) == (5, 1, 20)
    assert [(w.value, w.count) for w in q.wrong] == [(0.2344, 2), (-0.3048, 1), (0.5, 1)]
    # what each probably means: the mistake catalogue's diagnosis of that number
    from micrograd_cn.teach.mistakes import diagnose_gradient

    for w, typed in zip(q.wrong, (0.2344, -0.30475, 0.5)):
        m = diagnose_gradient(q.expr, deck().pages[1].question.values, q.wrt, typed, "zh")
        assert w.meaning == (m.label("zh") if m else None)
    assert [w.meaning is None for w in q.wrong] == [False, False, True]
    assert rows[1].answered == 0 and rows[1].wrong == ()
    assert q.answer == deck().pages[1].question.answer


def test_report_formats(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    _class_with_answers(db)
    assert main(["classroom", "report", "--db", str(db), "--lang", "en"]) == 0
    md = capsys.readouterr().out
    assert "| test | 2 |" in md and "20%" in md and "0.2344 (2×)" in md
    assert "right size, wrong sign" in md and "local derivative forgotten" in md
    assert main(["classroom", "report", "--db", str(db), "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["page"], r["wrong_answer"], r["wrong_count"]) for r in table] == [
        ("2", "0.2344", "2"), ("2", "-0.3048", "1"), ("2", "0.5", "1"), ("4", "", "")]
    assert table[1]["meaning"] == "大小对、符号反" and table[2]["meaning"] == ""
    assert main(["classroom", "report", "--db", str(db), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["answered"] == 5 and data[0]["right"] == 1 and data[0]["percent_right"] == 20.0
    out = tmp_path / "r.md"
    assert main(["classroom", "report", "--db", str(db), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# 课堂报告")


def test_forget_deletes_names_and_answers_of_one_class_or_all(tmp_path, capsys):
    db = tmp_path / "c.sqlite"
    _class_with_answers(db, "monday")
    _class_with_answers(db, "tuesday")
    assert main(["classroom", "forget", "--db", str(db), "--session", "monday", "--lang", "en"]) == 0
    assert "5 students" in capsys.readouterr().out
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT DISTINCT session FROM students").fetchall() == [("tuesday",)]
    assert conn.execute("SELECT DISTINCT session FROM answers").fetchall() == [("tuesday",)]
    conn.close()
    assert main(["classroom", "forget", "--db", str(db), "--session", "nope"]) == 2
    assert "nope" in capsys.readouterr().err
    assert main(["classroom", "forget", "--db", str(db)]) == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM students").fetchone() == (0,)
    assert conn.execute("SELECT COUNT(*) FROM answers").fetchone() == (0,)
    conn.close()
    assert b"Ada" not in db.read_bytes()  # the names leave the file (VACUUM), not just the index


def test_classroom_arguments_are_checked_in_one_line(tmp_path, capsys):
    cases = [["classroom", "forget"], ["classroom", "report", "--db", "x", "--lan"],
             ["classroom", "forget", "--db", "x", "--format", "csv"], ["classroom", "--format", "csv"],
             ["classroom", "--port", "70000"], ["classroom", "--port", "x"],
             ["classroom", "report", "--db", "x", "--session", "a\x01b"]]
    for argv in cases:
        try:
            code = main(argv + ["--lang", "en"])
        except SystemExit as exit:  # argparse's own errors
            code = exit.code
        assert code == 2, argv
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err, (argv, err)


def test_missing_extra_is_a_clear_error(monkeypatch, capsys):
    import micrograd_cn.server as server

    monkeypatch.setattr(server, "find_spec", lambda name: None if name == "uvicorn" else object())
    assert main(["classroom", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "uvicorn" in err and "pip install 'micrograd-cn[classroom]'" in err
    assert main(["classroom"]) == 2
    assert "需要 classroom 扩展" in capsys.readouterr().err


def test_import_micrograd_cn_imports_no_server_dependency():
    import subprocess
    import sys

    code = ("import sys, micrograd_cn\n"
            "bad = [m for m in ('starlette', 'uvicorn', 'segno', 'httpx2', 'micrograd_cn.server.app')"
            " if m in sys.modules]\nassert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_lan_binds_all_interfaces_and_prints_the_lan_address_and_a_warning(tmp_path, monkeypatch, capsys):
    """Checked without opening a socket on all interfaces (tests listen on 127.0.0.1 only)."""
    import micrograd_cn.server.run as run

    bound: list[tuple[str, int]] = []

    class Socket:
        def getsockname(self):
            return ("0.0.0.0", 8123)

        def close(self):
            pass

    monkeypatch.setattr(run, "listen", lambda host, port: bound.append((host, port)) or Socket())
    monkeypatch.setattr(run, "serve", lambda app, sock: None)
    monkeypatch.setattr(run, "lan_address", lambda: "192.168.7.20")
    lesson = tmp_path / "l.toml"
    lesson.write_text(LESSON, encoding="utf-8")
    token = tmp_path / "token"
    assert main(["classroom", str(lesson), "--lan", "--port", "8123", "--db", str(tmp_path / "c.sqlite"),
                 "--token-file", str(token), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert bound == [("0.0.0.0", 8123)]
    assert "students open: http://192.168.7.20:8123/" in out
    assert "warning: --lan" in out and "no HTTPS" in out
    assert token.read_text().strip() in out and oct(os.stat(token).st_mode & 0o777) == "0o600"
    assert main(["classroom", str(lesson), "--port", "8123", "--db", str(tmp_path / "c.sqlite")]) == 0
    assert bound[-1] == ("127.0.0.1", 8123)  # loopback by default
    assert "--lan" not in capsys.readouterr().out


def test_lan_address_is_an_ipv4_address():
    import ipaddress

    from micrograd_cn.server.run import lan_address

    assert ipaddress.ip_address(lan_address()).version == 4


def test_the_server_allows_a_lecture_hall_of_open_feeds():
    resource = pytest.importorskip("resource")
    from micrograd_cn.server.run import raise_file_limit

    before = resource.getrlimit(resource.RLIMIT_NOFILE)
    hard = before[1]
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (256, hard))  # the usual small soft limit
        soft = raise_file_limit(4096)
        assert soft == (4096 if hard == resource.RLIM_INFINITY else min(4096, hard)) > 256
        assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] == soft
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, before)


def test_a_token_file_is_reused_only_when_it_holds_a_token(tmp_path):
    from micrograd_cn.server.run import read_token, write_token

    path = tmp_path / "token"
    assert read_token(path) is None  # no file yet
    write_token(path, "A" * 32)
    assert read_token(path) == "A" * 32 and oct(os.stat(path).st_mode & 0o777) == "0o600"
    for text in ["short", "has space in it 1234567", "<script>alert(1)</script>xxxxxx", "\xff" * 40]:
        path.write_text(text, encoding="latin-1")
        assert read_token(path) is None, text
