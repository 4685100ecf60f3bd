"""Instructions per moons training step, counted by valgrind (repeatable on a noisy machine).

    python benchmarks/instructions.py                 # micrograd_cn, GC on and off
    python benchmarks/instructions.py --library micrograd

Wall-clock times on a shared machine drift with the CPU's speed; instruction
counts do not, so they rank speed-ups (README, 性能 / Performance, levers).
Runs ``benchmarks/child.py`` under ``valgrind --tool=callgrind`` twice, with 2
and with 7 timed steps after one untimed step, and prints
(instructions₇ − instructions₂) / 5 in millions: the cost of one step, without
the interpreter's start-up and imports. Needs valgrind (apt package ``valgrind``).

Imports: benchmarks.common and the standard library.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ALPHA, LR, REPO, SIZES, cn_model, moons  # noqa: E402


def spec(library: str, gc_off: bool, steps: int) -> dict[str, Any]:
    """The child's moons task: the benchmark's points and weights, ``steps`` timed steps."""
    X, y = moons(100)
    return {"task": "moons", "library": library, "fused": True, "gc_off": gc_off, "X": X, "y": y,
            "sizes": SIZES, "alpha": ALPHA, "lr": LR, "warmup": 1, "steps": steps,
            "weights": [p.data for p in cn_model().parameters()]}


def instructions(task: dict[str, Any]) -> int:
    """Instructions valgrind counts for one child process running ``task``."""
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                           sys.executable, "-m", "benchmarks.child"], input=json.dumps(task),
                          check=True, capture_output=True, text=True, cwd=REPO,
                          env=dict(os.environ, PYTHONPATH=str(REPO)))
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError("no instruction count in valgrind's output")
    return int(found.group(1))


def per_step(library: str, gc_off: bool) -> float:
    """Millions of instructions per step: (7 steps − 2 steps) / 5."""
    few, more = (instructions(spec(library, gc_off, n)) for n in (2, 7))
    return round((more - few) / 5 / 1e6, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--library", choices=["micrograd_cn", "micrograd"], default="micrograd_cn")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind not found: apt-get install valgrind", file=sys.stderr)
        return 1
    for setting, gc_off in (("default GC", False), ("GC off", True)):
        print(f"{args.library}, {setting}: {per_step(args.library, gc_off)} Mi instructions per step")
    return 0


if __name__ == "__main__":
    sys.exit(main())
