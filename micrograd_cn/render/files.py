"""Writing files people can share: atomic, and with the mode a plain ``open`` would give.

``write_atomic(path, data)`` writes through a temporary file in the same folder
and a rename, so a reader never sees half a file. ``tempfile.mkstemp`` creates
that file readable by its owner only (0600); it is set to what the umask allows
(0644 under the usual 022) before the rename, also when it replaces an older
file, so a page copied to a course web server can be read there.

Imports: i18n only.
"""

from __future__ import annotations

import os
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


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: all or nothing.

    The file gets the umask's mode (see the module docstring). A failure (a
    directory in the way, a read-only folder, a full disk) is an OSError that
    names ``path``, not the temporary file.
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
        raise OSError(t("viz_write_failed", path=str(path), detail=err.strerror or err)) from None
    except BaseException:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise
