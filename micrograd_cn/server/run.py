"""Running the classroom: the listening socket, the teacher's token file, uvicorn.

``listen`` binds the socket before anything is printed, so a port in use is one clear error
(and ``--port 0`` picks a free port that is then printed); ``write_token`` writes the
teacher's token with mode 0600 through a rename; ``serve`` raises the open-file limit (one
connection per phone), runs uvicorn on the socket without access logs (the teacher's
terminal may be on the projector) and stops within a second of Ctrl-C, live feeds included.

Imports: uvicorn (the ``classroom`` extra), the i18n catalog.
"""

from __future__ import annotations

import os
import re
import socket
import tempfile
from pathlib import Path
from typing import Any

from micrograd_cn.i18n import t

LOOPBACK = "127.0.0.1"
ALL = "0.0.0.0"


def listen(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as err:
        sock.close()
        raise OSError(t("classroom_cannot_listen", host=host, port=port,
                        detail=err.strerror or str(err))) from None
    return sock


def lan_address() -> str:
    """This machine's address on its local network (no packet is sent), or 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 1))  # a UDP "connect" only picks the route
            return str(probe.getsockname()[0])
        except OSError:
            return LOOPBACK


_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,128}")


def read_token(path: str | os.PathLike) -> str | None:
    """The token an earlier run wrote to ``path`` (so a restarted server keeps the teacher's page), or None."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read(200).strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text if _TOKEN.fullmatch(text) else None


def write_token(path: str | os.PathLike, token: str) -> None:
    """The teacher's token in ``path``, readable by its owner only (0600), all or nothing."""
    path = Path(path)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
        with os.fdopen(fd, "w", encoding="utf-8") as f:  # mkstemp makes it 0600
            f.write(token + "\n")
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError as err:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise OSError(t("classroom_token_file", path=str(path), detail=err.strerror or str(err))) from None


def raise_file_limit(wanted: int = 8192) -> int:
    """Allow ``wanted`` open files (or the hard limit) and return the new soft limit.

    Every student's page holds one connection open for the live feed; the usual soft limit
    of 1,024 files would refuse the 1,000th phone of a lecture hall.
    """
    try:
        import resource
    except ImportError:  # not on this system (Windows): its own limits apply
        return -1
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (OSError, ValueError):
            pass  # keep the old limit; the server still runs
    return int(soft)


def serve(app: Any, sock: socket.socket) -> None:
    """Run ``app`` on ``sock`` until Ctrl-C (or SIGTERM), with room for a lecture hall's feeds."""
    import uvicorn

    raise_file_limit()

    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            timeout_graceful_shutdown=1, server_header=False)
    uvicorn.Server(config).run(sockets=[sock])
