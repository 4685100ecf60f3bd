"""The classroom app: Starlette routes over one deck, one store and one live feed.

The HTTP contract (README has the same table; pages are numbered from 1, as the deck's
counter):

- ``POST /api/join {"name": str}`` -> ``{"student": id}`` and the student's cookie.
- ``GET /api/state`` -> ``{"page", "pages", "kind", "title", "question", "open", "revealed"}``;
  after the reveal also ``"answer"`` and ``"working"``, and with the cookie ``"you"``.
- ``POST /api/answer {"page": k, "answer": str}`` with the cookie -> ``{"accepted": true}``;
  400 unreadable, 409 not open, 401 no valid cookie, 429 too many answers in a minute.
- ``GET /api/feed``: Server-Sent Events, one ``state`` event per change (see ``feed``).
- ``GET /graph/k.svg``: the graph of page k's question, forward values only.
- Teacher, each 401 without ``Authorization: Bearer <token>``: ``POST /api/teacher/goto
  {"page": k}``, ``POST /api/teacher/open | close | reveal``, ``GET /api/teacher/results?page=k``
  -> ``{"answered", "right", "histogram": [[value, count], ...]}``, ``GET /api/teacher/room``
  -> ``{"joined", "names"}`` (the latest names, for the teacher's panel).
- ``GET /`` the student page, ``GET /teacher?token=…`` the deck with the live panel.

Rules that the tests hold the app to: the answer (and the working, which contains it) is in
no response, page or event before the reveal; each accepted answer is committed to the store
before the reply; the room's state changes in memory only after its write was committed; a
failed write is 503 and nothing is reported accepted.

Imports: starlette (the ``classroom`` extra), the quiz's judge, server.store/feed/limits/pages.
"""

from __future__ import annotations

import hmac
import json
import math
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from micrograd_cn.i18n import language, t
from micrograd_cn.server.feed import Feed
from micrograd_cn.server.limits import BodyLimit, Limits, PerMinute
from micrograd_cn.server.store import QuestionRecord, Room, Store, StoreError
from micrograd_cn.teach.deck import Deck, Page

COOKIE = "micrograd_student"


def histogram_key(value: float) -> float:
    """Answers equal to 4 significant digits share one bar (-0 is 0)."""
    return float(f"{value:.4g}") + 0.0


def records(deck: Deck) -> list[QuestionRecord]:
    """The deck's question pages as the store keeps them."""
    return [QuestionRecord(p.number, q.expr, dict(q.values), q.wrt, float(q.answer), q.prompt)
            for p in deck.pages if (q := p.question) is not None]


@dataclass
class Classroom:
    """One class in progress: the deck, its store, and the room's state in memory."""

    deck: Deck
    store: Store
    token: str
    lang: str = "zh"
    limits: Limits = field(default_factory=Limits)
    student_html: str = ""
    teacher_html: str = ""
    login_html: str = ""
    graphs: dict[int, str] = field(default_factory=dict)  # page -> the question's graph (SVG)

    def __post_init__(self) -> None:
        self.room: Room = self.store.start(self.deck.title, len(self.deck.pages), records(self.deck))
        self.feed = Feed()
        self.answer_rate = PerMinute(self.limits.answers_per_minute)
        self.names: list[str] = []  # the latest joined names, for the teacher's panel
        self.joined = self.store.students()  # counted once; every join goes through this object
        self.questions: dict[int, dict[str, Any]] = {}  # page -> what students see of its question
        for page in self.deck.pages:
            q = page.question
            if q is not None:
                self.questions[page.number] = {"prompt": q.prompt, "expr": q.expr,
                                               "values": dict(q.values), "wrt": q.wrt}

    # --- what everyone may see -----------------------------------------------------------
    def page(self, k: int | None = None) -> Page:
        return self.deck.pages[(self.room.page if k is None else k) - 1]

    def public_state(self) -> dict[str, Any]:
        room, page = self.room, self.page()
        revealed = page.question is not None and room.page in room.revealed
        state: dict[str, Any] = {
            "page": room.page, "pages": len(self.deck.pages), "kind": page.kind, "title": page.title,
            "question": self.questions.get(room.page) if page.question is not None else None,
            "open": room.open and page.question is not None, "revealed": revealed}
        if revealed and page.question is not None:
            state["answer"] = page.question.answer
            state["working"] = page.question.working
        return state

    def state_for(self, student: int | None) -> dict[str, Any]:
        state = self.public_state()
        if student is not None and state["question"] is not None:
            mine = self.store.answer_of(self.room.page, student)
            if mine is None:
                state["you"] = None
            elif state["revealed"]:
                state["you"] = {"answer": mine.text, "right": mine.right}
            else:
                state["you"] = {"answer": mine.text}  # "received": never whether it is right
        return state

    # --- students ------------------------------------------------------------------------
    def check_name(self, name: object) -> str:
        if not isinstance(name, str):
            raise HTTPException(400, t("classroom_name_type", self.lang))
        name = " ".join(name.split())
        if not name or any(not ch.isprintable() for ch in name):
            raise HTTPException(400, t("classroom_name_empty", self.lang))
        if len(name) > self.limits.max_name:
            raise HTTPException(400, t("classroom_name_long", self.lang, limit=self.limits.max_name))
        return name

    def join(self, name: str) -> tuple[int, str]:
        full = HTTPException(403, t("classroom_full", self.lang, limit=self.limits.max_students))
        if self.joined >= self.limits.max_students:
            raise full  # without a write: a flood of joins costs no disk
        cookie = secrets.token_urlsafe(32)
        student = self.store.join(name, cookie, self.limits.max_students)
        if student is None:
            raise full
        self.joined += 1
        self.names = (self.names + [name])[-20:]
        return student, cookie

    def answer(self, student: int, page: object, text: object) -> None:
        if isinstance(page, bool) or not isinstance(page, int):
            raise HTTPException(400, t("classroom_page_type", self.lang))
        if not isinstance(text, str):
            raise HTTPException(400, t("classroom_answer_type", self.lang))
        if len(text) > self.limits.max_answer:
            raise HTTPException(400, t("classroom_answer_long", self.lang, limit=self.limits.max_answer))
        q = self.page().question
        if page != self.room.page or q is None or not self.room.open:
            raise HTTPException(409, t("classroom_not_open", self.lang, page=page))
        if not self.answer_rate.allow(student):
            raise HTTPException(429, t("classroom_too_many", self.lang,
                                       limit=self.limits.answers_per_minute))
        from micrograd_cn.teach.quiz import judge

        try:
            with language(self.lang):
                value, right = judge(text, q.answer)
            if not math.isfinite(value):
                raise ValueError(t("classroom_answer_unreadable", self.lang))
        except (ValueError, ArithmeticError, RecursionError) as err:
            raise HTTPException(400, str(err) or t("classroom_answer_unreadable", self.lang)) from None
        self.store.put_answer(page, student, text, value, right)

    # --- the teacher ---------------------------------------------------------------------
    def is_teacher(self, request: Request) -> bool:
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            given.strip().encode("utf-8", "surrogateescape"), self.token.encode("utf-8"))

    def goto(self, page: object) -> None:
        if isinstance(page, bool) or not isinstance(page, int) or not 1 <= page <= len(self.deck.pages):
            raise HTTPException(400, t("classroom_bad_page", self.lang, pages=len(self.deck.pages)))
        if page != self.room.page:
            self.store.set_page(page)
            self.room = Room(page, False, self.room.revealed)

    def set_open(self, is_open: bool) -> None:
        if self.page().question is None:
            raise HTTPException(409, t("classroom_no_question", self.lang, page=self.room.page))
        if is_open and self.room.page in self.room.revealed:
            raise HTTPException(409, t("classroom_already_revealed", self.lang, page=self.room.page))
        self.store.set_open(is_open)
        self.room = Room(self.room.page, is_open, self.room.revealed)

    def reveal(self) -> None:
        if self.page().question is None:
            raise HTTPException(409, t("classroom_no_question", self.lang, page=self.room.page))
        self.store.reveal(self.room.page)
        self.room = Room(self.room.page, False, self.room.revealed | {self.room.page})

    def results(self, page: int) -> dict[str, Any]:
        answers = self.store.answers(page)
        bars: dict[float, int] = {}
        for a in answers:
            key = histogram_key(a.value)
            bars[key] = bars.get(key, 0) + 1
        return {"answered": len(answers), "right": sum(a.right for a in answers),
                "histogram": [[v, n] for v, n in sorted(bars.items())]}


# --- HTTP ------------------------------------------------------------------------------------
# Pages inline their scripts and styles and load nothing from elsewhere: the policy says so,
# so that an injected <script src> or <img> to another host would not run or leak anything.
_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "img-src 'self' data: blob:; font-src 'self' data:; media-src 'self' data: blob:; connect-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
_PAGE_HEADERS = {"cache-control": "no-store", "referrer-policy": "no-referrer",
                 "x-content-type-options": "nosniff", "x-frame-options": "DENY",
                 "content-security-policy": _CSP}


def _json(data: object, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers={"cache-control": "no-store"})


async def _body(request: Request, lang: str) -> dict[str, Any]:
    try:
        data = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        raise HTTPException(400, t("classroom_bad_json", lang)) from None
    if not isinstance(data, dict):
        raise HTTPException(400, t("classroom_bad_json", lang))
    return data


def create_app(room: Classroom) -> Starlette:
    lang = room.lang

    def student_of(request: Request) -> int | None:
        cookie = request.cookies.get(COOKIE)
        return room.store.student(cookie) if cookie else None

    def teacher(request: Request) -> None:
        if not room.is_teacher(request):
            raise HTTPException(401, t("classroom_teacher_only", lang))

    async def student_page(request: Request) -> Response:
        return HTMLResponse(room.student_html, headers=_PAGE_HEADERS)

    async def teacher_page(request: Request) -> Response:
        given = request.query_params.get("token", "")
        if not hmac.compare_digest(given.encode("utf-8", "surrogateescape"), room.token.encode("utf-8")):
            return HTMLResponse(room.login_html, status_code=401, headers=_PAGE_HEADERS)
        return HTMLResponse(room.teacher_html, headers=_PAGE_HEADERS)

    async def no_icon(request: Request) -> Response:
        return Response(status_code=204, headers={"cache-control": "max-age=86400"})

    async def graph(request: Request) -> Response:
        svg = room.graphs.get(request.path_params["page"])
        if svg is None:
            raise HTTPException(404)
        return Response(svg, media_type="image/svg+xml", headers={"cache-control": "max-age=3600"})

    async def join(request: Request) -> Response:
        data = await _body(request, lang)
        name = room.check_name(data.get("name"))
        known = student_of(request)
        if known is not None:  # the same browser again (a reload): the same student
            return _json({"student": known})
        student, cookie = room.join(name)
        response = _json({"student": student})
        response.set_cookie(COOKIE, cookie, max_age=12 * 3600, httponly=True, samesite="strict")
        return response

    async def state(request: Request) -> Response:
        return _json(room.state_for(student_of(request)))

    async def answer(request: Request) -> Response:
        student = student_of(request)
        if student is None:
            raise HTTPException(401, t("classroom_not_joined", lang))
        data = await _body(request, lang)
        room.answer(student, data.get("page"), data.get("answer"))
        return _json({"accepted": True})

    async def feed(request: Request) -> Response:
        return StreamingResponse(room.feed.stream(room.public_state), media_type="text/event-stream",
                                 headers={"cache-control": "no-store", "x-accel-buffering": "no"})

    def teacher_action(act: Callable[[dict[str, Any]], None], needs_body: bool = False):
        async def endpoint(request: Request) -> Response:
            teacher(request)
            data = await _body(request, lang) if needs_body else {}
            act(data)
            room.feed.publish()
            return _json(room.public_state())
        return endpoint

    async def results(request: Request) -> Response:
        teacher(request)
        text = request.query_params.get("page", "")
        k = int(text) if text.isdecimal() and len(text) < 6 else 0
        if not 1 <= k <= len(room.deck.pages):
            raise HTTPException(400, t("classroom_bad_page", lang, pages=len(room.deck.pages)))
        return _json(room.results(k))

    async def room_info(request: Request) -> Response:
        teacher(request)
        return _json({"joined": room.joined, "names": room.names})

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        detail = exc.detail
        if exc.status_code == 404:
            detail = t("classroom_not_found", lang)
        elif exc.status_code == 405:
            detail = t("classroom_bad_method", lang)
        return _json({"error": detail}, exc.status_code)

    async def store_error(request: Request, exc: Exception) -> Response:
        # a failed write: nothing was accepted; the teacher's terminal says why too
        return _json({"error": str(exc)}, 503)

    routes = [
        Route("/", student_page),
        Route("/teacher", teacher_page),
        Route("/graph/{page:int}.svg", graph),
        Route("/favicon.ico", no_icon),  # browsers ask; an empty answer keeps their consoles clean
        Route("/api/join", join, methods=["POST"]),
        Route("/api/state", state),
        Route("/api/answer", answer, methods=["POST"]),
        Route("/api/feed", feed),
        Route("/api/teacher/goto", teacher_action(lambda d: room.goto(d.get("page")), True), methods=["POST"]),
        Route("/api/teacher/open", teacher_action(lambda d: room.set_open(True)), methods=["POST"]),
        Route("/api/teacher/close", teacher_action(lambda d: room.set_open(False)), methods=["POST"]),
        Route("/api/teacher/reveal", teacher_action(lambda d: room.reveal()), methods=["POST"]),
        Route("/api/teacher/results", results),
        Route("/api/teacher/room", room_info),
    ]
    return Starlette(routes=routes,
                     middleware=[Middleware(BodyLimit, max_body=room.limits.max_body, lang=lang)],
                     exception_handlers={HTTPException: http_error, StoreError: store_error})


def make_classroom(deck: Deck, *, db: str, session: str, token: str, lang: str, student_url: str,
                   deck_html: Callable[..., str], limits: Limits | None = None,
                   projector: bool = False) -> Classroom:
    """A class ready to serve: the store opened (or resumed), every page and graph drawn once."""
    from micrograd_cn.pages import classroom as pages

    graphs = {p.number: pages.question_svg(q.expr, q.values, lang)
              for p in deck.pages if (q := p.question) is not None}
    teacher = pages.teacher_page(deck, deck_html, lang, student_url, projector)
    store = Store(db, session, lang)
    try:
        return Classroom(deck, store, token, lang, limits or Limits(),
                         student_html=pages.student_page(lang, deck.title), teacher_html=teacher,
                         login_html=pages.login_page(lang), graphs=graphs)
    except BaseException:
        store.close()
        raise
