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


# ------------------------------------------------------------------ what is at the path (issue 22)
def test_a_symlink_is_written_through_to_its_target(tmp_path, capsys):
    from micrograd_cn.render.files import write_output

    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_output(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert main(["exercise", "--seed", "7", "-o", str(link)]) == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("## ")
    chain = tmp_path / "chain.md"  # a link to a link: the last target is written
    chain.symlink_to(link)
    write_output(chain, b"third")
    assert chain.is_symlink() and link.is_symlink() and real.read_bytes() == b"third"
    dangling = tmp_path / "dangling.md"  # a link to a file not made yet: made there
    dangling.symlink_to(tmp_path / "later.md")
    write_output(dangling, b"made")
    assert dangling.is_symlink() and (tmp_path / "later.md").read_bytes() == b"made"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "chain.md", "dangling.md", "later.md", "link.md", "real.md"]  # no temporary file left


def test_a_symlinked_page_and_picture_stay_links(tmp_path, capsys):
    for name, argv in (("step.html", ["html", "w*x", "w=2", "x=3"]),
                       ("g.svg", ["graph", "w*x", "w=2", "x=3"])):
        real = tmp_path / f"real-{name}"
        real.write_text("old")
        link = tmp_path / name
        link.symlink_to(real)
        assert main([*argv, "-o", str(link)]) == 0
        assert link.is_symlink() and real.read_text(encoding="utf-8") != "old"


def test_a_fifo_is_written_as_a_stream(tmp_path, capsys):
    import threading

    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    try:
        assert main(["exercise", "--seed", "7", "-o", str(fifo)]) == 0
    finally:
        reader.join(timeout=30)
    assert not reader.is_alive()
    assert fifo.is_fifo()  # still the FIFO, not a regular file put in its place
    assert got[0].decode("utf-8").startswith("## ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.md"]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_character_device_is_written_as_a_stream(tmp_path, capsys):
    import stat

    device = tmp_path / "mynull"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a second /dev/null
    assert main(["exercise", "--seed", "7", "-o", str(device)]) == 0
    assert stat.S_ISCHR(device.lstat().st_mode)  # not replaced by a regular file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mynull"]
    page = tmp_path / "null.html"
    os.mknod(page, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    assert main(["html", "w*x", "w=2", "x=3", "-o", str(page)]) == 0
    assert stat.S_ISCHR(page.lstat().st_mode)


def test_dash_writes_to_standard_output(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["exercise", "--seed", "7", "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## ") and "-" not in [p.name for p in tmp_path.iterdir()]
    assert main(["html", "w*x", "w=2", "x=3", "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert main(["graph", "w*x", "w=2", "x=3", "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert out.lstrip().startswith("<?xml") and out.rstrip().endswith("</svg>")
    assert main(["bp", "--html", "-"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    assert list(tmp_path.iterdir()) == []


def test_a_closed_pipe_does_not_cancel_the_picture(tmp_path):
    """`graph … -o f.svg | head -1`: the file the user asked for is written all the same."""
    import subprocess
    import sys

    out = tmp_path / "f.svg"
    with subprocess.Popen([sys.executable, "-m", "micrograd_cn", "graph", "x*y", "x=2", "y=3",
                           "-o", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        first = proc.stdout.readline()
        proc.stdout.close()  # what `head -1` does after its line
        err = proc.stderr.read()
        assert proc.wait(timeout=120) == 0, err
    assert first and err == b""
    assert out.read_text(encoding="utf-8").rstrip().endswith("</svg>")
    assert (tmp_path / "f.dot").exists()


def test_bp_writes_the_layer_view_and_the_report(tmp_path, capsys):
    page, report = tmp_path / "v.html", tmp_path / "x.tex"
    assert main(["bp", "--sizes", "2", "3", "2", "--html", str(page), "--format", "latex",
                 "-o", str(report), "--no-timing"]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "\\begin{" in report.read_text(encoding="utf-8")
    out = capsys.readouterr().out
    assert str(page) in out and str(report) in out


def test_every_writer_goes_through_write_output():
    """-o, --html, pages, decks, rosters: one function decides how a path is written."""
    from pathlib import Path

    import micrograd_cn

    package = Path(micrograd_cn.__file__).parent
    callers = [str(path.relative_to(package)) for path in package.rglob("*.py")
               if path.name != "files.py" and "write_atomic" in path.read_text(encoding="utf-8")]
    assert callers == []


def test_a_symlinked_deck_stays_a_link(tmp_path):
    from micrograd_cn.pages.deck import write_deck

    real = tmp_path / "real.html"
    real.write_text("old")
    link = tmp_path / "deck.html"
    link.symlink_to(real)
    write_deck(link)
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_dev_stdout_into_a_pipe_is_a_stream(tmp_path):
    """``-o /dev/stdout`` when standard output is a pipe: the pipe has no path to resolve."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys; from micrograd_cn.render.files import write_output; "
            "write_output('/dev/stdout', b'hello\\n')")
    root = str(Path(__file__).resolve().parent.parent)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": root})
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"hello\n"
