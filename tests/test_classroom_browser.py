"""The classroom in headless Chromium: one teacher and three students (phones, 390×844).

Join, answer, the teacher's histogram shows 3, reveal, each student sees right or wrong,
the next page follows; a name with markup is text on the teacher's page; the QR code shows
on page 1 and on Q; after ``kill -9`` and a restart the students' pages reconnect by
themselves and follow the teacher again.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from tests.classroom_support import LESSON, free_port, start_server, stop

pytest.importorskip("playwright", reason="the browser extra")

PHONE = {"width": 390, "height": 844}
WAIT = 15_000  # ms


def until(page, expression: str, seconds: float = 15.0) -> None:
    """Poll ``expression`` with page.evaluate (the pages' CSP forbids the eval of wait_for_function)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"not true within {seconds} s: {expression}"
        time.sleep(0.1)


def watch(page, errors: list[str]) -> None:
    """Collect what the page's console and the CSP refuse: a classroom page must cause neither."""
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))


def _token(proc) -> str:
    for _ in range(20):
        line = proc.stdout.readline()
        if line.startswith("teacher token: "):
            return line.split(": ", 1)[1].strip()
    raise AssertionError("no token line")


def test_one_teacher_three_students(browser, tmp_path):
    lesson = tmp_path / "lesson.toml"
    lesson.write_text(LESSON, encoding="utf-8")
    db = tmp_path / "c.sqlite"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    token_file = tmp_path / "token"
    proc = start_server(db, port, lesson=lesson, token_file=token_file)
    contexts = []
    try:
        token = _token(proc)
        teacher_ctx = browser.new_context(viewport={"width": 1600, "height": 900})
        contexts.append(teacher_ctx)
        teacher = teacher_ctx.new_page()
        errors: list[str] = []
        watch(teacher, errors)
        dialogs: list[str] = []
        teacher.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        teacher.goto(f"{base}/teacher?token={token}")
        teacher.wait_for_selector("#classroom-panel:not([hidden])", timeout=WAIT)
        assert "token" not in teacher.url  # the token left the address bar
        assert teacher.is_visible("#classroom-qr")  # page 1 shows the QR code
        assert teacher.inner_text("#cr-url") == f"{base}/"

        students = []
        names = ["Ada", "Bob", "<img src=x onerror=window.__pwned=1>"]
        for name in names:
            ctx = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
            contexts.append(ctx)
            page = ctx.new_page()
            watch(page, errors)
            page.goto(f"{base}/")
            page.fill("#name", name)
            page.click("#join")
            page.wait_for_selector("#wait-view:not([hidden])", timeout=WAIT)
            assert page.inner_text("#wait-title") == "Welcome"
            students.append(page)

        until(teacher, "document.getElementById('cr-joined').textContent.startsWith('3')")
        shown = teacher.eval_on_selector_all("#cr-names li", "els => els.map(e => e.textContent)")
        assert names[2] in shown  # the markup is text
        assert teacher.evaluate("window.__pwned") is None and not dialogs
        assert teacher.evaluate("document.querySelectorAll('#cr-names img').length") == 0

        teacher.click("#cr-next")  # the deck goes to page 2, the class follows
        for page in students:
            page.wait_for_selector("#question-view:not([hidden])", timeout=WAIT)
            assert page.is_visible("#q-closed") and not page.is_visible("#answer-form")
        assert not teacher.is_visible("#classroom-qr")
        teacher.keyboard.press("q")
        assert teacher.is_visible("#classroom-qr")
        teacher.keyboard.press("q")
        assert not teacher.is_visible("#classroom-qr")

        teacher.click("#cr-open")
        typed = ["0.30475", "0.5", "0.3048"]
        for page, text in zip(students, typed):
            page.wait_for_selector("#answer-form:not([hidden])", timeout=WAIT)
            page.fill("#answer", text)
            page.click("#send")
            page.wait_for_selector("#received:not([hidden])", timeout=WAIT)
            assert text in page.inner_text("#received")
        phone = students[0]
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert phone.evaluate("document.getElementById('q-img').naturalWidth") > 0
        # the graph is drawn at its own size (11 pt text), never shrunk to the phone's width
        assert phone.evaluate("(i => i.getBoundingClientRect().width >= 0.99 * i.naturalWidth)"
                              "(document.getElementById('q-img'))")
        box = phone.eval_on_selector("#answer", "e => e.getBoundingClientRect().bottom")
        assert box <= PHONE["height"] * 2  # the answer box is reachable without a long scroll

        until(teacher, "[...document.querySelectorAll('#cr-histogram .cr-count')]"
            ".reduce((s, e) => s + Number(e.textContent), 0) === 3")
        bars = teacher.eval_on_selector_all("#cr-histogram .cr-bar", "els => els.length")
        assert bars == 2  # 0.30475 and 0.3048 are one bar to 4 significant digits

        teacher.click("#cr-reveal")
        for page, right in zip(students, [True, False, True]):
            page.wait_for_selector("#result:not([hidden])", timeout=WAIT)
            assert page.get_attribute("#verdict", "class") == ("right" if right else "wrong")
            assert "0.30475" in page.inner_text("#working")
        until(teacher, "document.getElementById('cr-right').textContent.includes('67')")

        teacher.evaluate("document.activeElement && document.activeElement.blur()")
        for _ in range(10):  # the clicker's PageDown: the page's steps, then the next page
            if teacher.evaluate("window.MicrogradDeck.page()") == 3:
                break
            teacher.keyboard.press("PageDown")
            time.sleep(0.2)
        for page in students:
            until(page, "document.getElementById('wait-title').textContent === 'Between'")

        assert not errors, errors  # no script error, nothing the Content-Security-Policy refused

        # kill -9, start again on the same db and port: the students' pages reconnect by themselves
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        stop(proc)
        proc = start_server(db, port, lesson=lesson, token_file=token_file)
        assert _token(proc) == token  # the teacher's page, never reloaded, goes on working
        until(teacher, "document.getElementById('cr-error').textContent === ''")
        assert teacher.evaluate("window.MicrogradDeck.page()") == 3
        teacher.click("#cr-next")
        for page in students:
            until(page, "document.getElementById('q-title').textContent === 'Q2'")
    finally:
        for ctx in contexts:
            ctx.close()
        stop(proc)
