"""The classroom demos, runnable from an installed package.

Each demo is one module here with ``run(lang="zh", out_dir=None, **options)``
returning a result object that holds the demo's key numbers and has
``render(lang) -> str`` (the text a teacher sees). ``micrograd-cn demo NAME``
and the thin scripts in the repository's ``demos/`` folder both call them.
A demo that prints progress while it runs also has ``intro(lang) -> str`` (what it
does and how to read the progress lines), shown before it starts; its result's
``render(lang, with_intro=False)`` is then the rest of the report.

Imports: the demo modules lazily (``load``), so listing the demos stays fast.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from micrograd_cn.i18n import show, t

# demo name (as typed on the command line) -> module inside this package
DEMOS: dict[str, str] = {
    "logistic": "logistic",
    "layer": "layer",
    "bp": "bp",
    "moons": "moons",
    "numeric-vs-backprop": "numeric_vs_backprop",
    "digits": "digits",
}


def load(name: str) -> ModuleType:
    """The module of demo ``name``, or a clear error listing the demos there are."""
    if name not in DEMOS:
        raise ValueError(t("demo_unknown", name=show(name), choices=", ".join(DEMOS)))
    return importlib.import_module(f"micrograd_cn.demos.{DEMOS[name]}")
