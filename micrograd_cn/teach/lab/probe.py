"""The check process: runs ONE task on a student's lab and writes one JSON line to a pipe.

``runner`` starts it as ``python -s -B probe.py LAB_DIR TASK FD SECONDS BYTES`` with
stdin, stdout and stderr on /dev/null. Before it imports anything of the student's
it limits its own CPU time and address space (``resource``), replaces ``sys.stdout``
and ``sys.stderr`` by a sink that only counts characters (a student's megabytes of
print cost nothing and flood nothing), and ``sys.stdin`` by a reader that says it
was read. It then imports the student's ``my_micrograd`` from LAB_DIR, runs the
task's checks in order, stops at the first failing case and writes to the file
descriptor FD::

    {"task": 1, "passed": false, "cases": 3, "failure": {...}, "printed": 0, "stdin": false, "final": true}

``failure`` is plain data (the op, its inputs, expected, got, a hint key): the
grader turns it into a sentence in the user's language. Then the process ends with
``os._exit``, so no thread or ``atexit`` hook of the student's can keep it alive.
The checks themselves are in ``checks``.

Imports: the standard library, checks (with micrograd_cn.engine and tasks); then the
student's package.
"""

from __future__ import annotations

import importlib
import io
import json
import math
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

from micrograd_cn.teach.lab.checks import (
    Context,
    Failure,
    check_backward,
    check_bp,
    check_nn,
    check_ops,
    short,
    use_reference,
)

PACKAGE = "my_micrograd"


class Sink(io.TextIOBase):
    """Where the student's prints go: counted, never stored."""

    def __init__(self) -> None:
        self.count = 0
        self.buffer = _ByteSink(self)

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.count += len(text)
        return len(text)


class _ByteSink(io.RawIOBase):
    def __init__(self, owner: Sink) -> None:
        self.owner = owner

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.owner.count += len(data)
        return len(data)


class NoStdin(io.TextIOBase):
    """sys.stdin of the check: reading it is an error the message names."""

    def __init__(self) -> None:
        self.read_at: bool = False

    def readable(self) -> bool:
        return True

    def _eof(self, *args: Any) -> NoReturn:
        self.read_at = True
        raise EOFError("standard input is closed")

    read = readline = readlines = _eof

    def __iter__(self) -> NoReturn:
        self._eof()


# ------------------------------------------------------------------- the student's code

def import_student(ctx: Context, module: str) -> Any:
    """Import my_micrograd.<module> from the lab; an error there is the task's failure."""
    ctx.at(stage="import", module=module)
    path = ctx.lab / PACKAGE / f"{module}.py"
    if not path.is_file():
        raise Failure("no_file", file=f"{PACKAGE}/{module}.py")
    try:
        package = importlib.import_module(PACKAGE)
        where = [str(Path(p).resolve()) for p in getattr(package, "__path__", [])]
        if str((ctx.lab / PACKAGE).resolve()) not in where:
            raise Failure("elsewhere", where=", ".join(where))
        if module == "engine":
            engine = importlib.import_module(f"{PACKAGE}.engine")
            # micrograd's own nn.py says `from micrograd.engine import Value`: in a lab, that is the student's
            sys.modules["micrograd"] = package
            sys.modules["micrograd.engine"] = engine
            return engine
        import_student(ctx, "engine")
        ctx.at(stage="import", module=module)
        return importlib.import_module(f"{PACKAGE}.{module}")
    except SyntaxError as exc:
        raise Failure("syntax", file=_relative(ctx, exc.filename or str(path)), line=exc.lineno or 0,
                      text=short(exc.msg or "")) from None


def _relative(ctx: Context, filename: str) -> str:
    try:
        return Path(filename).resolve().relative_to(ctx.lab.resolve()).as_posix()
    except ValueError:
        return Path(filename).name


def student_frame(ctx: Context, tb: Any) -> dict[str, Any]:
    """The innermost frame of the traceback that is in the student's files: file, line, function."""
    lab = str(ctx.lab.resolve())
    found: dict[str, Any] = {}
    while tb is not None:
        code = tb.tb_frame.f_code
        if str(Path(code.co_filename).resolve()).startswith(lab):
            found = {"file": _relative(ctx, code.co_filename), "line": tb.tb_lineno,
                     "function": getattr(code, "co_qualname", code.co_name)}
        tb = tb.tb_next
    return found


def value_class(engine: Any) -> type:
    cls = getattr(engine, "Value", None)
    if not isinstance(cls, type):
        raise Failure("no_value", file=f"{PACKAGE}/engine.py")
    return cls


# ----------------------------------------------------------------------------- the run

def run_task(ctx: Context, task: int) -> None:
    engine = import_student(ctx, "engine")
    cls = value_class(engine)
    if task in (1, 2, 3):
        use_reference(cls, task)
        check_ops(ctx, cls, task)
    elif task == 4:
        use_reference(cls, task)
        check_backward(ctx, cls)
    elif task == 5:
        nn = import_student(ctx, "nn")
        use_reference(cls, 0)
        check_nn(ctx, cls, nn)
    elif task == 6:
        bp = import_student(ctx, "bp")
        check_bp(ctx, cls, bp)
    else:
        raise ValueError(f"no task {task}")


def raised(ctx: Context, exc: BaseException, stdin: NoStdin) -> dict[str, Any]:
    """An exception that left the student's code, as a failure naming where it came from."""
    info: dict[str, Any] = {"kind": "raised", **ctx.case, "exc": type(exc).__name__,
                            "text": short(str(exc)), **student_frame(ctx, exc.__traceback__)}
    if isinstance(exc, NotImplementedError):
        info["kind"] = "todo"
    elif isinstance(exc, SystemExit):
        info["kind"] = "exit"
        info["text"] = short(repr(exc.code))
    elif isinstance(exc, MemoryError):
        info["kind"] = "memory"
    elif isinstance(exc, RecursionError):
        info["hint"] = ctx.hint or "lab_hint_recursion"
    elif isinstance(exc, EOFError) and stdin.read_at:
        info["kind"] = "stdin"
    elif isinstance(exc, (OverflowError, ZeroDivisionError, ValueError)) and ctx.case.get("overflow"):
        info["hint"] = ctx.case["overflow"]
    if ctx.hint and "hint" not in info:
        info["hint"] = ctx.hint
    return info


def limit(seconds: float, memory: int) -> None:
    import resource

    cpu = max(1, math.ceil(seconds))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if memory > 0:
        cap = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def main(argv: list[str]) -> None:
    lab, task, fd, seconds, memory = Path(argv[0]), int(argv[1]), int(argv[2]), float(argv[3]), int(argv[4])
    pipe = os.fdopen(fd, "w", encoding="utf-8")
    limit(seconds, memory)
    sink, stdin = Sink(), NoStdin()
    sys.stdout = sys.stderr = sink
    sys.stdin = stdin
    reserve = bytearray(4 << 20)  # given back on a MemoryError, so the report can still be written
    ctx = Context(lab)
    result: dict[str, Any] = {"task": task, "passed": False, "cases": 0, "failure": None}

    def write(line: dict[str, Any]) -> None:
        line.update(cases=ctx.passed, printed=sink.count, stdin=stdin.read_at)
        pipe.write(json.dumps(line, ensure_ascii=False, default=repr) + "\n")
        pipe.flush()

    ctx.interim = lambda update: write({**result, **update})
    try:
        run_task(ctx, task)
        result["passed"] = True
        result.update(ctx.extra)
    except Failure as failure:
        result["failure"] = {**ctx.case, **failure.info}
    except BaseException as exc:  # the student's code may raise anything, even SystemExit
        del reserve
        try:
            result["failure"] = raised(ctx, exc, stdin)
        except BaseException:
            result["failure"] = {"kind": "raised", "exc": type(exc).__name__, "text": ""}
    result["final"] = True  # the grader stops reading here
    write(result)
    os._exit(0)


if __name__ == "__main__":
    # run as a script: its own folder must not shadow anything, and micrograd_cn comes from here
    root = str(Path(__file__).resolve().parents[3])
    sys.path[0] = root
    import micrograd_cn.engine  # noqa: F401  (ours, imported before the lab folder joins sys.path)
    import micrograd_cn.teach.lab.tasks  # noqa: F401

    sys.path.insert(1, str(Path(sys.argv[1]).resolve()))
    main(sys.argv[1:])
