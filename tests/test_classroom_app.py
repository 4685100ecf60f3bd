"""The classroom's HTTP contract through Starlette's TestClient (README's table, literally).

Also the rules around it: judging with the quiz's reader, the histogram's 4 significant
digits, the answer in no response before the reveal, students who cannot act as the teacher
or for each other, and hostile input (bad JSON, wrong types, huge bodies, a flood of joins).
"""

from __future__ import annotations

import json

import pytest

from micrograd_cn.server.app import COOKIE, histogram_key  # noqa: E402  (after the skip)
from micrograd_cn.server.limits import Limits, PerMinute  # noqa: E402
from micrograd_cn.teach.quiz import judge  # noqa: E402
from tests.classroom_support import TEACHER, TOKEN, client, deck, leaks, make_room


@pytest.fixture
def room(tmp_path):
    r = make_room(tmp_path / "class.sqlite")
    yield r
    r.store.close()


@pytest.fixture
def app(room):
    with client(room) as c:
        yield c


def as_student(cookie):
    return {"cookie": f"{COOKIE}={cookie}"}


def join(app, name="Ada"):
    """A new student: (student id, the headers that carry their cookie); the client's jar stays empty."""
    app.cookies.clear()
    r = app.post("/api/join", json={"name": name})
    assert r.status_code == 200, r.text
    cookie = r.cookies.get(COOKIE)
    assert cookie
    app.cookies.clear()
    return r.json()["student"], as_student(cookie)


def teacher(app, action, body=None):
    r = app.post(f"/api/teacher/{action}", json=body, headers=TEACHER)
    assert r.status_code == 200, r.text
    return r.json()


def answer(app, cookies, page, text):
    app.cookies.clear()
    return app.post("/api/answer", json={"page": page, "answer": text}, headers=cookies)


# --- the contract -----------------------------------------------------------------------
def test_state_starts_on_page_1_numbered_like_the_deck(app):
    s = app.get("/api/state").json()
    assert s == {"page": 1, "pages": 5, "kind": "text", "title": "Welcome", "question": None,
                 "open": False, "revealed": False}


def test_join_gives_an_id_and_a_cookie_and_the_same_browser_stays_one_student(app):
    r = app.post("/api/join", json={"name": "Ada"})
    assert r.status_code == 200
    first = r.json()["student"]
    assert isinstance(first, int)
    cookie = r.headers["set-cookie"]
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
    again = app.post("/api/join", json={"name": "Ada"})  # a reload: the cookie is sent back
    assert again.json()["student"] == first
    app.cookies.clear()
    assert app.post("/api/join", json={"name": "Bob"}).json()["student"] != first


def test_a_question_is_closed_on_arrival_and_opens_only_when_the_teacher_opens_it(app):
    _, ada = join(app)
    s = teacher(app, "goto", {"page": 2})
    assert (s["page"], s["kind"], s["open"], s["revealed"]) == (2, "quiz", False, False)
    assert s["question"]["expr"] == "sigmoid(w*x + b)" and s["question"]["wrt"] == "w"
    assert answer(app, ada, 2, "0.3").status_code == 409
    assert teacher(app, "open")["open"] is True
    assert answer(app, ada, 2, "0.3").json() == {"accepted": True}
    assert teacher(app, "close")["open"] is False
    assert answer(app, ada, 2, "0.3").status_code == 409
    teacher(app, "open")
    teacher(app, "goto", {"page": 3})
    teacher(app, "goto", {"page": 2})  # arriving again: closed again
    assert app.get("/api/state").json()["open"] is False


def test_goto_the_current_page_keeps_its_question_open(app):
    teacher(app, "goto", {"page": 2})
    teacher(app, "open")
    assert teacher(app, "goto", {"page": 2})["open"] is True  # the teacher's page reloaded


def test_answers_are_judged_by_the_quiz_reader_and_the_histogram_groups_4_digits(app, room):
    expected = room.deck.pages[1].question.answer
    teacher(app, "goto", {"page": 2})
    teacher(app, "open")
    typed = ["0.30475", "0.304750001", "0.3047503", "-0.30475", "0.2344*1.3", "0.5", "0.5"]
    for i, text in enumerate(typed):
        _, c = join(app, f"s{i}")
        assert answer(app, c, 2, text).status_code == 200
    r = app.get("/api/teacher/results?page=2", headers=TEACHER).json()
    assert r["answered"] == len(typed)
    assert r["right"] == sum(judge(t, expected)[1] for t in typed)
    bars = dict((v, n) for v, n in r["histogram"])
    assert bars[0.3048] == 3  # 0.30475, 0.304750001 and 0.3047503 are one bar
    assert bars[-0.3048] == 1 and bars[0.5] == 2
    assert bars[histogram_key(0.2344 * 1.3)] == 1
    assert [v for v, _ in r["histogram"]] == sorted(bars)
    assert sum(bars.values()) == r["answered"]


def test_a_later_answer_replaces_the_earlier_one(app):
    _, ada = join(app)
    teacher(app, "goto", {"page": 2})
    teacher(app, "open")
    answer(app, ada, 2, "0.5")
    answer(app, ada, 2, "0.30475")
    r = app.get("/api/teacher/results?page=2", headers=TEACHER).json()
    assert r == {"answered": 1, "right": 1, "histogram": [[0.3048, 1]]}


def test_the_reveal_shows_the_answer_and_each_student_their_verdict(app, room):
    _, ada = join(app, "Ada")
    _, bob = join(app, "Bob")
    _, cy = join(app, "Cy")
    teacher(app, "goto", {"page": 2})
    teacher(app, "open")
    answer(app, ada, 2, "0.30475")
    answer(app, bob, 2, "0.2344")
    app.cookies.clear()
    before = app.get("/api/state", headers=ada).json()
    assert before["you"] == {"answer": "0.30475"} and "answer" not in before  # received, no verdict
    s = teacher(app, "reveal")
    assert s["revealed"] is True and s["open"] is False
    assert s["answer"] == room.deck.pages[1].question.answer
    app.cookies.clear()
    assert app.get("/api/state", headers=ada).json()["you"] == {"answer": "0.30475", "right": True}
    app.cookies.clear()
    assert app.get("/api/state", headers=bob).json()["you"] == {"answer": "0.2344", "right": False}
    app.cookies.clear()
    assert app.get("/api/state", headers=cy).json()["you"] is None
    assert "you" not in app.get("/api/state").json()
    assert answer(app, ada, 2, "1").status_code == 409  # a revealed question is closed
    r = app.post("/api/teacher/open", headers=TEACHER)
    assert r.status_code == 409 and "revealed" in r.json()["error"]


@pytest.mark.parametrize("text", ["abc", "import os", "__import__('os')", "1e999", "", "   ",
                                  "1" * 101, "x + 1", "(1", "2**10000", "log(-1)", "1/0"])
def test_an_unreadable_answer_is_400_with_a_message(app, text):
    _, ada = join(app)
    teacher(app, "goto", {"page": 2})
    teacher(app, "open")
    r = answer(app, ada, 2, text)
    assert r.status_code == 400, text
    assert r.json()["error"]
    assert app.get("/api/teacher/results?page=2", headers=TEACHER).json()["answered"] == 0


def test_answer_errors_are_in_the_server_language(tmp_path):
    room = make_room(tmp_path / "zh.sqlite", lang="zh", d=deck("zh"))
    with client(room) as app:
        _, c = join(app)
        teacher(app, "goto", {"page": 2})
        teacher(app, "open")
        r = answer(app, c, 2, "abc")
        assert r.status_code == 400 and "abc" in r.json()["error"]
        assert any("\u4e00" <= ch <= "\u9fff" for ch in r.json()["error"])
        app.cookies.clear()
        assert "请先加入课堂" in app.post("/api/answer", json={"page": 2, "answer": "1"}).json()["error"]
    room.store.close()


def test_401_without_a_valid_cookie_and_409_for_another_page(app):
    teacher(app, "goto", {"page": 2})
    teacher(app, "open")
    assert answer(app, {}, 2, "0.3").status_code == 401
    assert answer(app, as_student("forged"), 2, "0.3").status_code == 401
    assert answer(app, as_student(TOKEN), 2, "0.3").status_code == 401  # the teacher's token is no cookie
    _, ada = join(app)
    assert answer(app, ada, 4, "0.3").status_code == 409
    assert answer(app, ada, 1, "0.3").status_code == 409


def test_every_teacher_route_is_401_without_the_bearer_token(app):
    _, ada = join(app)
    routes = [("post", "/api/teacher/goto", {"page": 2}), ("post", "/api/teacher/open", None),
              ("post", "/api/teacher/close", None), ("post", "/api/teacher/reveal", None),
              ("get", "/api/teacher/results?page=2", None), ("get", "/api/teacher/room", None)]
    wrong = [{}, {"authorization": "Bearer"}, {"authorization": "Bearer wrong"},
             {"authorization": f"Basic {TOKEN}"}, {"authorization": TOKEN},
             {"authorization": f"Bearer {TOKEN}x"}, {"authorization": "Bearer " + ada["cookie"].split("=", 1)[1]},
             {"authorization": "Bearer \u00e9\u00e9".encode("utf-8")}]
    for method, path, body in routes:
        for headers in wrong:
            app.cookies.clear()
            kw = {"json": body} if method == "post" else {}
            r = getattr(app, method)(path, headers={**headers, **ada}, **kw)
            assert r.status_code == 401, (path, headers)
    assert app.get("/api/state").json()["page"] == 1  # nothing moved


def test_the_teacher_page_needs_the_token_and_the_login_page_holds_no_deck(app, room):
    r = app.get("/teacher")
    assert r.status_code == 401
    assert "Q1" not in r.text and "sigmoid" not in r.text
    assert app.get("/teacher?token=wrong").status_code == 401
    ok = app.get(f"/teacher?token={TOKEN}")
    assert ok.status_code == 200 and "classroom-panel" in ok.text
    assert ok.headers["cache-control"] == "no-store" and ok.headers["referrer-policy"] == "no-referrer"
    assert "<svg" in ok.text and "segno" in ok.text  # the QR code of the student URL
    assert TOKEN not in ok.text  # the page reads the token from its address, never from its source


def test_results_and_goto_check_their_page(app):
    for bad in ["0", "6", "-1", "x", "", "1e3", "99999999999"]:
        assert app.get(f"/api/teacher/results?page={bad}", headers=TEACHER).status_code == 400
    for bad in [0, 6, -1, "2", 2.0, True, None, [2]]:
        r = app.post("/api/teacher/goto", json={"page": bad}, headers=TEACHER)
        assert r.status_code == 400, bad
    assert app.post("/api/teacher/open", headers=TEACHER).status_code == 409  # page 1: no question
    assert app.post("/api/teacher/reveal", headers=TEACHER).status_code == 409


def test_the_room_route_counts_students_and_lists_the_latest_names(app):
    for i in range(25):
        join(app, f"n{i}")
    r = app.get("/api/teacher/room", headers=TEACHER).json()
    assert r["joined"] == 25 and r["names"] == [f"n{i}" for i in range(5, 25)]


def test_the_graph_of_a_question_shows_values_not_derivatives(app, room):
    svg = app.get("/graph/2.svg")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in svg.text and "title" not in svg.text
    assert not leaks(svg.text, room.deck)
    assert app.get("/graph/1.svg").status_code == 404
    assert app.get("/graph/x.svg").status_code == 404


# --- security: the answer is nowhere before the reveal ---------------------------------------
def test_no_answer_in_any_response_before_the_reveal(app, room):
    d = room.deck
    seen = []
    _, ada = join(app)
    seen.append(app.get("/").text)
    seen.append(app.get("/teacher").text)
    for k in (2, 4):
        seen.append(json.dumps(teacher(app, "goto", {"page": k}), ensure_ascii=False))
        seen.append(json.dumps(teacher(app, "open"), ensure_ascii=False))
        app.cookies.clear()
        seen.append(app.get("/api/state", headers=ada).text)
        seen.append(app.get("/api/state").text)
        seen.append(answer(app, ada, k, "0.5").text)
        seen.append(answer(app, ada, k, "nonsense").text)
        seen.append(app.get(f"/graph/{k}.svg").text)
        seen.append(json.dumps(teacher(app, "close"), ensure_ascii=False))
        app.cookies.clear()
        seen.append(app.get("/api/state", headers=ada).text)
    for text in seen:
        assert not leaks(text, d), leaks(text, d)
    # the check itself finds an answer once it is revealed
    teacher(app, "goto", {"page": 2})
    assert leaks(json.dumps(teacher(app, "reveal"), ensure_ascii=False), d)


def test_a_student_cannot_answer_for_another_the_cookie_names_the_student(app, room):
    ada_id, ada = join(app, "Ada")
    bob_id, _ = join(app, "Bob")
    teacher(app, "goto", {"page": 2})
    teacher(app, "open")
    app.cookies.clear()
    app.post("/api/answer", json={"page": 2, "answer": "0.1", "student": bob_id}, headers=ada)
    assert {a.student: a.text for a in room.store.answers(2)} == {ada_id: "0.1"}


# --- hostile input --------------------------------------------------------------------------
def test_bad_json_and_wrong_types_are_400(app):
    _, ada = join(app)
    teacher(app, "goto", {"page": 2})
    teacher(app, "open")
    app.cookies.clear()
    for body in [b"", b"{", b"null", b"[]", b'"x"', b"\xff\xfe", b'{"name": 1}']:
        r = app.post("/api/join", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 400, body
        assert r.json()["error"]
    for body in [{"page": "2", "answer": "1"}, {"page": 2, "answer": 1}, {"page": True, "answer": "1"},
                 {"page": 2.0, "answer": "1"}, {"answer": "1"}, {"page": 2}, {"page": 2, "answer": None}]:
        app.cookies.clear()
        assert app.post("/api/answer", json=body, headers=ada).status_code == 400, body
    for name in [None, 7, ["a"], {"a": 1}, "", "   ", "a\x00b", "x" * 41]:
        app.cookies.clear()
        assert app.post("/api/join", json={"name": name}).status_code == 400, name


def test_a_2mb_body_is_413_and_an_unknown_route_404(app):
    big = b'{"name": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    r = app.post("/api/join", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]

    def chunks():
        for _ in range(40):
            yield b"x" * 65536
    r = app.post("/api/answer", content=chunks())  # no Content-Length: counted as it arrives
    assert r.status_code == 413
    assert app.get("/api/nothing").status_code == 404
    assert app.get("/api/nothing").json()["error"]
    assert app.delete("/api/join").status_code == 405
    assert app.get("/api/join").status_code == 405


def test_the_class_is_capped_and_a_flood_of_joins_stops_at_the_cap(tmp_path):
    room = make_room(tmp_path / "cap.sqlite", limits=Limits(max_students=2000))
    with client(room) as app:
        codes: dict[int, int] = {}
        for i in range(10_000):
            r = app.post("/api/join", json={"name": f"bot{i}"})
            app.cookies.clear()
            codes[r.status_code] = codes.get(r.status_code, 0) + 1
        assert codes == {200: 2000, 403: 8000}
        assert "2000" in r.json()["error"]
        assert room.store.students() == 2000
    room.store.close()


def test_answers_per_student_per_minute_are_limited(tmp_path):
    room = make_room(tmp_path / "rate.sqlite", limits=Limits(answers_per_minute=5))
    with client(room) as app:
        _, ada = join(app)
        _, bob = join(app, "Bob")
        teacher(app, "goto", {"page": 2})
        teacher(app, "open")
        codes = [answer(app, ada, 2, "0.3").status_code for _ in range(8)]
        assert codes == [200] * 5 + [429] * 3
        assert answer(app, bob, 2, "0.3").status_code == 200  # another student is not slowed
    room.store.close()


def test_per_minute_is_a_sliding_window():
    now = [0.0]
    limit = PerMinute(2, clock=lambda: now[0])
    assert limit.allow("a") and limit.allow("a") and not limit.allow("a")
    now[0] = 59.9
    assert not limit.allow("a")
    now[0] = 60.1
    assert limit.allow("a")


def test_1000_joins_from_one_address_in_a_minute_are_all_accepted(app):
    """A lecture hall behind one campus NAT: no limit per address below this."""
    for i in range(1000):
        r = app.post("/api/join", json={"name": f"student {i}"})
        app.cookies.clear()
        assert r.status_code == 200


def test_names_with_markup_are_stored_and_returned_as_text(app, room):
    name = '<img src=x onerror=alert(1)>&amp;"'
    join(app, name)
    assert app.get("/api/teacher/room", headers=TEACHER).json()["names"] == [name]
    assert name not in app.get(f"/teacher?token={TOKEN}").text  # the page gets names as data only


def test_histogram_key():
    assert histogram_key(0.30475) == histogram_key(0.304750001) == 0.3048
    assert histogram_key(-0.0) == 0.0 and str(histogram_key(-0.0)) == "0.0"
    assert histogram_key(12345.6) == 12350.0
