"""The classroom web app: every student answers the deck's quiz pages, the teacher sees the room.

``app`` (Starlette routes and the classroom's rules), ``store`` (SQLite: the one place the
schema lives), ``feed`` (Server-Sent Events), ``limits`` (body size and rate middleware),
``pages`` (the student and teacher pages, assets in ``assets/``), ``report`` (after class).
Imports: pages, render, teach, i18n and the optional ``classroom`` extra (starlette, uvicorn,
segno); ``import micrograd_cn`` never imports this package.
"""

from __future__ import annotations

from importlib.util import find_spec

EXTRA = ("starlette", "uvicorn", "segno")


def missing() -> list[str]:
    """The packages of the ``classroom`` extra that are not installed (without importing them)."""
    return [name for name in EXTRA if find_spec(name) is None]
