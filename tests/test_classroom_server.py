"""The classroom end to end: ``micrograd-cn classroom`` as its own process, uvicorn on 127.0.0.1.

Start-up (the token printed and written 0600, loopback only), the live feed (Server-Sent
Events, no answer before the reveal), and ``kill -9`` in the middle of a question: started
again on the same --db, the page, open/revealed, every accepted answer and every student's
cookie are still there.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import time

import httpx2 as httpx  # noqa: E402  (after the skip in classroom_support)
import pytest

from micrograd_cn.server.app import COOKIE  # noqa: E402
from micrograd_cn.teach.deck import parse_deck  # noqa: E402
from tests.classroom_support import LESSON, free_port, leaks, start_server, stop


@pytest.fixture
def lesson(tmp_path):
    path = tmp_path / "lesson.toml"
    path.write_text(LESSON, encoding="utf-8")
    return path


def token_of(proc) -> str:
    """The teacher's token from the server's start-up lines (read until the line appears)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.startswith("teacher token: "):
            return line.split(": ", 1)[1].strip()
    raise AssertionError("no token line")


_OPEN: list[httpx.Client] = []


@pytest.fixture(autouse=True)
def _close_clients():
    yield
    while _OPEN:
        _OPEN.pop().close()


class Class:
    def __init__(self, port: int, token: str) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.teacher = {"authorization": f"Bearer {token}"}
        self.http = httpx.Client(base_url=self.base, timeout=10)
        _OPEN.append(self.http)

    def join(self, name: str) -> dict[str, str]:
        r = self.http.post("/api/join", json={"name": name})
        assert r.status_code == 200
        self.http.cookies.clear()
        return {"cookie": f"{COOKIE}={r.cookies[COOKIE]}"}

    def act(self, action: str, body: dict | None = None) -> dict:
        r = self.http.post(f"/api/teacher/{action}", json=body, headers=self.teacher)
        assert r.status_code == 200, r.text
        return r.json()

    def answer(self, who: dict[str, str], page: int, text: str) -> httpx.Response:
        return self.http.post("/api/answer", json={"page": page, "answer": text}, headers=who)

    def results(self, page: int) -> dict:
        return self.http.get(f"/api/teacher/results?page={page}", headers=self.teacher).json()


def test_start_up_prints_and_writes_the_token_and_listens_on_loopback(tmp_path, lesson):
    port = free_port()
    token_file = tmp_path / "token.txt"
    proc = start_server(tmp_path / "c.sqlite", port, token_file=token_file, lesson=lesson)
    try:
        token = token_of(proc)
        assert token_file.read_text(encoding="utf-8").strip() == token
        assert stat.S_IMODE(os.stat(token_file).st_mode) == 0o600
        c = Class(port, token)
        assert c.http.get("/api/teacher/room", headers=c.teacher).status_code == 200
        assert c.http.get("/api/teacher/room").status_code == 401
        page = c.http.get(f"/teacher?token={token}")
        assert page.status_code == 200 and "classroom-panel" in page.text
        assert "server" not in page.headers  # uvicorn does not announce itself
        from micrograd_cn.server.run import lan_address

        address = lan_address()  # loopback only by default: this machine's LAN address is refused
        if address != "127.0.0.1":
            with pytest.raises(httpx.ConnectError):
                httpx.get(f"http://{address}:{port}/api/state", timeout=3)
    finally:
        stop(proc)


def _events(c: Class, until, limit: float = 10.0) -> list[dict]:
    """State events of one SSE stream until ``until(events)`` is true (bounded in time)."""
    events: list[dict] = []
    deadline = time.monotonic() + limit
    with c.http.stream("GET", "/api/feed", timeout=httpx.Timeout(limit, read=limit)) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        for line in r.iter_lines():
            if line.startswith("data: "):
                events.append(json.loads(line[6:]))
                if until(events):
                    break
            if time.monotonic() > deadline:
                break
    return events


def test_the_feed_sends_each_change_and_no_answer_before_the_reveal(tmp_path, lesson):
    import threading

    port = free_port()
    proc = start_server(tmp_path / "c.sqlite", port, lesson=lesson)
    deck = parse_deck(LESSON, lang="en")
    try:
        c = Class(port, token_of(proc))
        got: list[dict] = []
        connected = threading.Event()

        def done(events: list[dict]) -> bool:
            connected.set()  # the stream's first event: the reader is listening
            return events[-1].get("revealed") is True

        def listen() -> None:
            got.extend(_events(Class(port, ""), done, limit=30))

        reader = threading.Thread(target=listen)
        reader.start()
        assert connected.wait(30)
        ada = c.join("Ada")
        c.act("goto", {"page": 2})
        c.act("open")
        assert c.answer(ada, 2, "0.30475").status_code == 200
        c.act("close")
        c.act("reveal")
        reader.join(30)
        assert not reader.is_alive()
        pages = [(e["page"], e["open"], e["revealed"]) for e in got]
        assert pages[0] == (1, False, False) and pages[-1] == (2, False, True)
        assert (2, True, False) in pages
        for e in got[:-1]:
            assert not leaks(json.dumps(e, ensure_ascii=False), deck)
            assert "you" not in e  # the feed is public: no student's own answer
        assert got[-1]["answer"] == deck.pages[1].question.answer
    finally:
        stop(proc)


def test_kill_9_mid_question_loses_nothing_accepted(tmp_path, lesson):
    db = tmp_path / "c.sqlite"
    port = free_port()
    token_file = tmp_path / "token"
    proc = start_server(db, port, lesson=lesson, token_file=token_file)
    try:
        token = token_of(proc)
        c = Class(port, token)
        ada, bob, cy = c.join("Ada"), c.join("Bob"), c.join("Cy")
        c.act("goto", {"page": 2})
        c.act("open")
        assert c.answer(ada, 2, "0.30475").status_code == 200
        assert c.answer(bob, 2, "0.5").status_code == 200
        before = c.results(2)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        stop(proc)

    proc = start_server(db, port, lesson=lesson, token_file=token_file)
    try:
        assert token_of(proc) == token  # the same --token-file: the teacher's open page goes on working
        c = Class(port, token)  # and the students' cookies stay valid
        state = c.http.get("/api/state", headers=ada).json()
        assert (state["page"], state["open"], state["revealed"]) == (2, True, False)
        assert state["you"] == {"answer": "0.30475"}
        assert c.results(2) == before == {"answered": 2, "right": 1, "histogram": [[0.3048, 1], [0.5, 1]]}
        assert c.answer(cy, 2, "0.2344").status_code == 200  # Cy's session survived
        assert c.answer(bob, 2, "0.3047").status_code == 200  # Bob changes his mind
        assert c.http.get("/api/teacher/room", headers=c.teacher).json()["joined"] == 3
        c.act("reveal")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        stop(proc)

    proc = start_server(db, port, lesson=lesson)
    try:
        c = Class(port, token_of(proc))
        state = c.http.get("/api/state", headers=bob).json()
        assert (state["page"], state["open"], state["revealed"]) == (2, False, True)
        assert state["you"] == {"answer": "0.3047", "right": True}
        assert c.results(2)["answered"] == 3 and c.results(2)["right"] == 2
    finally:
        stop(proc)


def test_a_port_in_use_and_a_bad_lesson_are_one_line_errors(tmp_path, lesson):
    import subprocess
    import sys

    port = free_port()
    proc = start_server(tmp_path / "c.sqlite", port, lesson=lesson)
    try:
        done = subprocess.run([sys.executable, "-m", "micrograd_cn", "classroom", str(lesson), "--port", str(port),
                               "--db", str(tmp_path / "d.sqlite"), "--lang", "en"],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2 and done.stderr.count("\n") == 1
        assert f"127.0.0.1:{port}" in done.stderr and "Traceback" not in done.stderr
    finally:
        stop(proc)
    bad = tmp_path / "bad.toml"
    bad.write_text('[[page]]\nkind = "quiz"\ntitle = "x"\nexpr = "log(a)"\nvalues = { a = -1 }\nwrt = "a"\n')
    done = subprocess.run([sys.executable, "-m", "micrograd_cn", "classroom", str(bad), "--port", "0",
                           "--db", str(tmp_path / "e.sqlite"), "--lang", "en"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "page 1" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "e.sqlite").exists()


def test_the_load_benchmark_runs_and_finds_every_answer_stored():
    """A smoke run of benchmarks/classroom_load.py (not timed: the numbers are README's)."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "benchmarks" / "classroom_load.py"
    done = subprocess.run([sys.executable, str(script), "--students", "30", "--concurrency", "6", "--feeds", "10",
                           "--quick"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "accepted 30, in db 30, in histogram 30" in done.stdout
    assert "the reveal reached 10 of them" in done.stdout
