"""Checking a lab: one process per task, with a time and a memory limit, never an import here.

``check(lab)`` starts ``probe.py`` once per task (two at a time by default), each in
its own session with stdin, stdout and stderr on /dev/null and one extra pipe for
its result; waits at most ``seconds`` for it; then kills its whole process group.
An endless loop, a crash, a memory bomb or a ``sys.exit`` costs that task and
nothing else: the grader's process never imports a line of the student's code.

Imports: the standard library and tasks (the report and messages are ``report``'s).
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple, Sequence

from micrograd_cn.teach.lab.tasks import NUMBERS, TASKS

SECONDS = 20.0  # per task: six tasks that all loop forever are graded in 2 minutes
MEMORY = 1 << 30  # bytes of address space per task
PROBE = Path(__file__).with_name("probe.py")
RESULT_LIMIT = 1 << 20  # bytes read from a probe's pipe at most


class TaskResult(NamedTuple):
    """What one check process found (``failure`` is None when the task passed)."""

    task: int
    passed: bool
    cases: int  # how many cases passed (before the first failing one)
    failure: dict[str, Any] | None
    printed: int  # characters the student's code printed (counted, not kept)
    seconds: float
    extra: dict[str, Any]  # e.g. {"engine_agrees": True} for the bonus


class NotALab(ValueError):
    """The folder is not a lab: ``kind`` is "missing" (no such folder) or "no_package"."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path}: {kind}")
        self.path = path
        self.kind = kind


def is_lab(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` holds a student's package (``my_micrograd/engine.py``)."""
    return (Path(path) / "my_micrograd" / "engine.py").is_file()


def require_lab(path: str | os.PathLike[str]) -> Path:
    """``path`` resolved, or NotALab saying what is missing."""
    folder = Path(path)
    if not folder.is_dir():
        raise NotALab(folder, "missing")
    if not is_lab(folder):
        raise NotALab(folder, "no_package")
    return folder.resolve()


def _environment() -> dict[str, str]:
    """The parent's environment without PYTHON* settings, with a fixed hash seed and UTF-8.

    PYTHONPATH names the folder this micrograd_cn came from, so the check process uses the
    grader's own copy (an installed wheel, or a checkout run without installing it).
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8",
               PYTHONPATH=str(PROBE.resolve().parents[3]))
    return env


def _kill(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass  # already gone


def run_task(lab: Path, task: int, seconds: float = SECONDS, memory: int = MEMORY) -> TaskResult:
    """Check one task in a child process; see the module docstring."""
    read, write = os.pipe()
    start = time.monotonic()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-s", "-B", str(PROBE), str(lab), str(task), str(write), repr(seconds), str(memory)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(write,), cwd=lab, env=_environment(), start_new_session=True)
    finally:
        os.close(write)
    data = bytearray()
    timed_out = False
    with selectors.DefaultSelector() as selector, os.fdopen(read, "rb", buffering=0) as pipe:
        selector.register(pipe, selectors.EVENT_READ)
        while True:
            left = start + seconds - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            if not selector.select(left):
                continue
            chunk = pipe.read(65536)
            if not chunk:
                break  # every writer is gone: the probe ended
            if len(data) < RESULT_LIMIT:
                data += chunk
            if b'"final": true' in data:
                break  # the last line has come: done, even if something the student started holds the pipe
    if timed_out:
        _kill(proc.pid)
    try:
        code = proc.wait(timeout=max(1.0, start + seconds - time.monotonic()))
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill(proc.pid)
        code = proc.wait()
    _kill(proc.pid)  # anything it started and left behind
    elapsed = time.monotonic() - start
    result = _parse(bytes(data))
    if result is None:
        return TaskResult(task, False, 0, _no_result(code, timed_out, seconds, memory), 0, elapsed, {})
    extra = {k: v for k, v in result.items()
             if k not in ("task", "passed", "cases", "failure", "printed", "stdin", "final")}
    failure = result.get("failure")
    if isinstance(failure, dict) and failure.get("kind") == "memory":
        failure["limit"] = memory
    return TaskResult(task, bool(result.get("passed")) and failure is None, int(result.get("cases", 0)),
                      failure, int(result.get("printed", 0)), elapsed, extra)


def _parse(data: bytes) -> dict[str, Any] | None:
    for line in reversed(data.decode("utf-8", "replace").splitlines()):
        try:
            result = json.loads(line)
        except ValueError:
            continue
        if isinstance(result, dict):
            return result
    return None


def _no_result(code: int, timed_out: bool, seconds: float, memory: int) -> dict[str, Any]:
    """Why a probe ended without writing its result."""
    if timed_out or code == -signal.SIGXCPU:  # the wall clock, or the CPU limit it set on itself
        return {"kind": "timeout", "seconds": seconds}
    if code < 0:
        name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
        return {"kind": "killed", "signal": name, "memory": memory}
    return {"kind": "no_result", "code": code}


def check(lab: str | os.PathLike[str], tasks: Sequence[int] | None = None, *, seconds: float = SECONDS,
          memory: int = MEMORY, jobs: int | None = None) -> list[TaskResult]:
    """Check the lab in folder ``lab``: one TaskResult per task, in task order.

    Raises NotALab when ``lab`` is not a lab folder and ValueError for an unknown task.
    """
    folder = require_lab(lab)
    numbers = list(NUMBERS if tasks is None else tasks)
    for n in numbers:
        if n not in NUMBERS:
            raise ValueError(f"no task {n}")
    workers = max(1, min(len(numbers), jobs or os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda n: run_task(folder, n, seconds, memory), numbers))


def score(results: Sequence[TaskResult]) -> tuple[int, int]:
    """(tasks passed, tasks checked), counting tasks 1–5 only: the bonus is reported apart."""
    counted = [r for r in results if not TASKS[r.task - 1].bonus]
    return sum(r.passed for r in counted), len(counted)


def all_passed(results: Sequence[TaskResult]) -> bool:
    """Whether every counted task passed (the bonus counts only when it alone was checked)."""
    counted = [r for r in results if not TASKS[r.task - 1].bonus] or list(results)
    return all(r.passed for r in counted)


def student_folders(class_dir: str | os.PathLike[str]) -> list[Path]:
    """The folders of a class (one per student), by name; hidden folders are skipped."""
    folder = Path(class_dir)
    if not folder.is_dir():
        raise NotALab(folder, "missing")
    return sorted((p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))),
                  key=lambda p: p.name)


class StudentResult(NamedTuple):
    """One student's folder of a class: its name and results (None when it is not a lab)."""

    name: str
    results: list[TaskResult] | None


def grade(class_dir: str | os.PathLike[str], *, seconds: float = SECONDS, memory: int = MEMORY,
          jobs: int | None = None) -> list[StudentResult]:
    """Check every student's folder under ``class_dir`` (one folder per student), in name order."""
    graded = []
    for folder in student_folders(class_dir):
        results = check(folder, seconds=seconds, memory=memory, jobs=jobs) if is_lab(folder) else None
        graded.append(StudentResult(folder.name, results))
    return graded
