"""Writing files people can share: atomic, and with the mode a plain ``open`` would give.

``write_output(path, data)`` is how every -o/--html output is written; it looks at
what is at ``path`` first:

* ``-``: standard output (the bytes as they are);
* a symlink: written through to the file it points to (the link stays a link; a
  link to a file not made yet makes that file);
* a character device or a FIFO (``/dev/null``, ``mkfifo``): written as a stream,
  opened and written in place, with no temporary file and no rename, so the device
  stays a device;
* anything else: ``write_atomic``.

``write_atomic(path, data)`` writes through a temporary file in the same folder
and a rename, so a reader never sees half a file. ``tempfile.mkstemp`` creates
that file readable by its owner only (0600); it is set to what the umask allows
(0644 under the usual 022) before the rename, also when it replaces an older
file, so a page copied to a course web server can be read there.

Imports: i18n only.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
import threading
from pathlib import Path

from micrograd_cn.i18n import t

_UMASK_LOCK = threading.Lock()


def shared_mode() -> int:
    """The mode ``open(path, "w")`` gives a new file: 0o666 less the process umask."""
    with _UMASK_LOCK:  # the umask can only be read by setting it: put it straight back
        umask = os.umask(0o022)
        os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: str | os.PathLike, data: bytes, *, shown: str | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: all or nothing.

    The file gets the umask's mode (see the module docstring). A failure (a
    directory in the way, a read-only folder, a full disk) is an OSError that
    names ``path`` (or ``shown``, the name the user gave), not the temporary file.
    """
    path = Path(path)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, shared_mode())
        os.replace(tmp, path)
    except OSError as err:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise OSError(t("viz_write_failed", path=shown or str(path),
                        detail=err.strerror or err)) from None
    except BaseException:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise


STDOUT = "-"  # the path that means standard output


def is_stdout(path: str | os.PathLike) -> bool:
    """``path`` is ``-``: write to standard output."""
    return os.fspath(path) == STDOUT


def is_stream(path: str | os.PathLike) -> bool:
    """``path`` is ``-``, or (through its links) a character device or a FIFO: written as
    a stream. A writer uses the first of its formats when such a name has no suffix."""
    if is_stdout(path):
        return True
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def write_output(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` where ``path`` says (see the module docstring): stdout, through a
    symlink, as a stream into a device or FIFO, or atomically into a regular file.

    Failures are OSErrors that name ``path``.
    """
    if is_stdout(path):
        out = sys.stdout
        out.flush()
        buffer = getattr(out, "buffer", None)
        if buffer is None:  # a text-only stream (a test's capture): text it is
            out.write(data.decode("utf-8"))
        else:
            buffer.write(data)
            buffer.flush()
        return
    try:  # what the path leads to, following links as open() does (/dev/stdout → a pipe)
        mode = os.stat(path).st_mode
    except OSError:
        mode = 0  # nothing there yet (or unreadable: write_atomic names the error)
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        try:  # opened by its own name: /proc/self/fd/1 → pipe:[…] has no path to resolve
            with open(path, "wb") as stream:
                stream.write(data)
        except OSError as err:
            raise OSError(t("viz_write_failed", path=str(path), detail=err.strerror or err)) from None
        return
    target = Path(os.path.realpath(path))  # through every symlink, to what is written
    write_atomic(target, data, shown=str(path))
