"""The live feed: Server-Sent Events that tell every student page when the class moved on.

``Feed.publish()`` is called after each change of the room (page, open, close, reveal) has
been committed; every open ``/api/feed`` stream then sends one ``state`` event with the
public state (never a student's own answer, never the answer before the reveal). A stream
starts with ``retry: 1000`` so a browser's EventSource reconnects within a second when the
server restarts, sends a comment every ``PING`` seconds so proxies keep it open, and ends
after ``LIFETIME`` seconds (the browser reconnects at once) so no stream lives forever.

Imports: the standard library only.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable

PING = 15.0
LIFETIME = 600.0


class Feed:
    """A version number and one asyncio.Event per version: waiters wake on the next publish."""

    def __init__(self) -> None:
        self.version = 0
        self._changed: asyncio.Event | None = None
        self._event: tuple[int, str] = (-1, "")  # the last event's text, written once for all streams

    def publish(self) -> None:
        self.version += 1
        changed, self._changed = self._changed, None
        if changed is not None:
            changed.set()

    async def wait(self, version: int, timeout: float) -> None:
        """Return when the version differs from ``version`` or after ``timeout`` seconds."""
        if self.version != version:
            return
        if self._changed is None:
            self._changed = asyncio.Event()
        try:
            await asyncio.wait_for(self._changed.wait(), timeout)
        except asyncio.TimeoutError:
            pass

    def _text(self, state: Callable[[], dict]) -> str:
        if self._event[0] != self.version:
            data = json.dumps(state(), ensure_ascii=False, separators=(",", ":"))
            self._event = (self.version, f"event: state\ndata: {data}\n\n")
        return self._event[1]

    async def stream(self, state: Callable[[], dict], *, ping: float = PING,
                     lifetime: float = LIFETIME) -> AsyncIterator[str]:
        """The text of one SSE stream: the state now, then at every change, pings between."""
        loop = asyncio.get_running_loop()
        end = loop.time() + lifetime
        yield "retry: 1000\n\n"
        seen = -1
        while loop.time() < end:
            if seen != self.version:
                seen = self.version
                yield self._text(state)
            else:
                yield ": ping\n\n"
            await self.wait(seen, min(ping, max(0.0, end - loop.time())))
