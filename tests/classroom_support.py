"""Shared helpers of the classroom tests: a small lesson, a class on a temporary db, the secrets.

The lesson has two quiz pages whose answers (0.30475… and −6.3265…) appear nowhere in the
question, so "the answer is in no response before the reveal" can be checked by searching
every response for the answer written in each way a page could write it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the classroom extra: pip install -e '.[classroom]'")

from starlette.testclient import TestClient  # noqa: E402

from micrograd_cn.notation import num  # noqa: E402
from micrograd_cn.pages.deck import deck_html  # noqa: E402
from micrograd_cn.server.app import Classroom, create_app, make_classroom  # noqa: E402
from micrograd_cn.server.limits import Limits  # noqa: E402
from micrograd_cn.teach.deck import Deck, parse_deck  # noqa: E402

TOKEN = "teacher-secret-token-for-tests-0123456789"

LESSON = """\
title = "Classroom test <b>lesson</b>"
[[page]]
kind = "text"
title = "Welcome"
text = "Hello"
[[page]]
kind = "quiz"
title = "Q1"
expr = "sigmoid(w*x + b)"
values = { w = 0.7, x = 1.3, b = -0.4 }
wrt = "w"
[[page]]
kind = "text"
title = "Between"
text = "Think"
[[page]]
kind = "quiz"
title = "Q2"
expr = "(x - y) / y"
values = { x = 3.1, y = 0.7 }
wrt = "y"
[[page]]
kind = "text"
title = "The end"
text = "Bye"
"""


def deck(lang: str = "en") -> Deck:
    return parse_deck(LESSON, lang=lang, source="classroom_test.toml")


def make_room(db: Path, *, lang: str = "en", session: str = "test", limits: Limits | None = None,
              d: Deck | None = None) -> Classroom:
    return make_classroom(d or deck(lang), db=str(db), session=session, token=TOKEN, lang=lang,
                          student_url="http://127.0.0.1:8000/", deck_html=deck_html, limits=limits)


def client(room: Classroom) -> TestClient:
    return TestClient(create_app(room), base_url="http://127.0.0.1")


TEACHER = {"authorization": f"Bearer {TOKEN}"}


def secrets(d: Deck) -> list[str]:
    """Every way a page could write a quiz answer (and its working, which holds it)."""
    out = []
    for p in d.pages:
        q = p.question
        if q is None:
            continue
        a = q.answer
        for text in (repr(a), num(a), f"{a:.4g}", f"{a:.5g}", f"{a:.6g}", f"{a:.4f}", q.working):
            out += [text, text.replace("-", "\u2212"), text.replace("\u2212", "-")]
    return sorted(set(out))


def leaks(text: str, d: Deck) -> list[str]:
    return [s for s in secrets(d) if s in text]


# --- a real server --------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, *extra: str, token_file: Path | None = None,
                 lesson: Path | None = None) -> subprocess.Popen:
    """``micrograd-cn classroom`` in its own process on 127.0.0.1:port; waits until it answers."""
    import httpx2 as httpx

    args = [sys.executable, "-m", "micrograd_cn", "classroom"]
    if lesson is not None:
        args.append(str(lesson))
    args += ["--port", str(port), "--db", str(db), "--session", "test", "--lang", "en"]
    if token_file is not None:
        args += ["--token-file", str(token_file)]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(args + list(extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the server ended: {proc.stderr.read() if proc.stderr else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/state", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise AssertionError("the server did not answer within 30 s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
