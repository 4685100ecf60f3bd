"""Limits that keep one classroom server up in a hostile lecture hall.

``Limits`` holds the numbers (one place); ``BodyLimit`` is ASGI middleware that answers 413
to any request body over ``max_body`` bytes, whether announced by Content-Length or sent in
chunks, before a route reads it; ``PerMinute`` counts events per key in a sliding minute
(answers per student). Joins are deliberately not limited per address: a lecture hall
behind one campus NAT is one address, and 1,000 students joining in one minute must work;
the cap on students per class bounds what a flood of joins can do.

Imports: the standard library and the classroom messages.
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from micrograd_cn.i18n import t

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True)
class Limits:
    max_body: int = 64 * 1024  # bytes of any request body
    max_name: int = 40  # characters of a display name
    max_answer: int = 100  # characters of an answer
    max_students: int = 2000  # per class
    answers_per_minute: int = 30  # per student


class BodyLimit:
    """413 for a request body over ``max_body`` bytes; the route then sees the whole body at once."""

    def __init__(self, app: ASGIApp, max_body: int, lang: str) -> None:
        self.app, self.max_body, self.lang = app, max_body, lang

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.strip().isdigit() or int(length) > self.max_body):
            await self._too_large(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._too_large(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect, as a server would

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send) -> None:
        body = json.dumps({"error": t("classroom_too_large", self.lang, limit=self.max_body)},
                          ensure_ascii=False).encode("utf-8")
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json; charset=utf-8"),
                                (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


class PerMinute:
    """At most ``limit`` events per key in any 60 seconds (a sliding window of timestamps)."""

    def __init__(self, limit: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.clock = limit, clock
        self._seen: dict[object, deque[float]] = {}

    def allow(self, key: object) -> bool:
        now = self.clock()
        seen = self._seen.setdefault(key, deque())
        while seen and seen[0] <= now - 60.0:
            seen.popleft()
        if len(seen) >= self.limit:
            return False
        seen.append(now)
        return True
