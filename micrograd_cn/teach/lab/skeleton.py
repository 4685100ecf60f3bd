"""The files of a new lab folder: the skeleton in the user's language, or the reference answer.

They are package data under ``micrograd_cn/templates/lab/``: ``zh/`` and ``en/`` hold
the skeleton (teaching docstrings in that language) and the README listing the
tasks, ``solution/`` the one reference answer. This module only reads them; the
command line writes them (all or nothing).

Imports: the standard library only.
"""

from __future__ import annotations

from importlib import resources

PACKAGE_FILES = ("__init__.py", "engine.py", "nn.py", "bp.py")


def files(lang: str = "zh", solution: bool = False) -> dict[str, str]:
    """{relative path: text} of a new lab: README.md and my_micrograd/*.py."""
    if lang not in ("zh", "en"):
        raise ValueError(f"no lab skeleton in {lang!r}")
    root = resources.files("micrograd_cn") / "templates" / "lab"
    code = root / ("solution" if solution else lang) / "my_micrograd"
    found = {"README.md": (root / lang / "README.md").read_text(encoding="utf-8")}
    for name in PACKAGE_FILES:
        found[f"my_micrograd/{name}"] = (code / name).read_text(encoding="utf-8")
    return found
