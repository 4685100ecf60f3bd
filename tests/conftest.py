"""Shared test helpers: the PyTorch oracle and hypothesis settings."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

settings.register_profile("default", max_examples=200, deadline=None)
# CI draws the same examples on every run, so a red CI can always be reproduced
# (`CI=true make test`); locally each run explores new inputs.
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


def require_torch():
    """PyTorch, for float64 oracle tests.

    `make test` (and so CI) sets MICROGRAD_CN_REQUIRE_ORACLE=1 and installs the
    `oracle` extra, so there a missing torch is a failure, never a skip. A plain
    local `pytest` without torch skips these tests and says why.
    """
    if os.environ.get("MICROGRAD_CN_REQUIRE_ORACLE") == "1":
        import torch
    else:
        torch = pytest.importorskip(
            "torch", reason="PyTorch oracle not installed: pip install -e '.[oracle]'")
    torch.set_default_dtype(torch.float64)
    return torch


@pytest.fixture
def torch():
    return require_torch()


@pytest.fixture(autouse=True)
def _chinese_by_default():
    """Every test starts in the default language, whatever the previous one set."""
    from micrograd_cn.i18n import set_lang

    set_lang("zh")
    yield
    set_lang("zh")


GOLDEN = os.path.join(os.path.dirname(__file__), "golden")


@pytest.fixture
def golden():
    """Compare text with tests/golden/<name>; MICROGRAD_CN_UPDATE_GOLDEN=1 rewrites the file.

    The files fix the exact wording and layout a teacher sees; review a
    rewrite with `git diff tests/golden` before committing it.
    """
    def check(name: str, text: str) -> None:
        path = os.path.join(GOLDEN, name)
        if os.environ.get("MICROGRAD_CN_UPDATE_GOLDEN") == "1":
            os.makedirs(GOLDEN, exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        with open(path, encoding="utf-8") as f:
            assert text == f.read(), f"output differs from tests/golden/{name}"
    return check


def assert_clear_error(make, error: type[Exception], zh: str, en: str) -> None:
    """``make()`` raises ``error`` whose message contains ``zh``, and ``en`` in English."""
    from micrograd_cn.i18n import language

    with pytest.raises(error) as excinfo:
        make()
    assert zh in str(excinfo.value)
    with language("en"), pytest.raises(error) as excinfo:
        make()
    assert en in str(excinfo.value)


# Debian's chromium driven by playwright (scripts/system-deps.sh installs it; never
# `playwright install`): the step page, the quiz page and the layer view run in it.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    """A headless chromium, one per test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
