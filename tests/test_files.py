"""files.write_atomic: all or nothing, with the mode a plain open() would give."""

from __future__ import annotations

import os

import pytest

from micrograd_cn.cli import main
from micrograd_cn.render.files import shared_mode, write_atomic


@pytest.fixture
def umask():
    """Set the process umask for one test, and put the old one back."""
    old = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(old)


def mode(path) -> int:
    return path.stat().st_mode & 0o777


def test_new_and_replaced_files_get_the_umasks_mode(tmp_path, umask):
    target = tmp_path / "page.html"
    write_atomic(target, b"one")
    assert mode(target) == 0o644 == shared_mode()
    target.chmod(0o600)
    write_atomic(target, b"two")  # replacing: the umask's mode again, not the old file's
    assert (target.read_bytes(), mode(target)) == (b"two", 0o644)
    umask(0o002)
    write_atomic(target, b"three")
    assert mode(target) == 0o664
    assert os.umask(0o002) == 0o002  # reading the umask put it back unchanged
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]


def test_a_failed_write_names_the_file_and_leaves_nothing(tmp_path):
    (tmp_path / "x.svg").mkdir()
    with pytest.raises(OSError, match=r"^无法写入 .*x\.svg：Is a directory$"):
        write_atomic(tmp_path / "x.svg", b"data")
    assert [p.name for p in tmp_path.iterdir()] == ["x.svg"]


def test_the_step_page_is_shareable(tmp_path, umask, capsys):
    assert main(["html", "w*x", "w=2", "x=3", "-o", str(tmp_path / "step.html")]) == 0
    assert mode(tmp_path / "step.html") == 0o644
    assert main(["graph", "w*x", "w=2", "x=3", "-o", str(tmp_path / "g.svg")]) == 0
    assert (mode(tmp_path / "g.svg"), mode(tmp_path / "g.dot")) == (0o644, 0o644)
