"""What the benchmark scripts share: the moons training step, timing, machine notes.

The moons step is micrograd's demo, with the points, network sizes and loss
of ``micrograd_cn.demos.moons``: MLP(2, [16, 16, 1]) on 100 points, max-margin
loss mean ReLU(1 − yᵢ·scoreᵢ) + α·Σp² with α = 1e-4, then backward and one
SGD update. Every script uses the same points and the same weights.

Imports: micrograd_cn and the standard library (no NumPy, no micrograd).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

from micrograd_cn.demos import moons as demo
from micrograd_cn.engine import Value
from micrograd_cn.nn import MLP, SGD

REPO = Path(__file__).resolve().parent.parent
SIZES = demo.SIZES  # MLP(2, SIZES), 337 parameters
ALPHA = demo.ALPHA  # weight of the L2 penalty
LR = 0.05  # a fixed step, so every library makes the same update
moons = demo.data  # moons(n_points): the demo's points with labels ±1 (deterministic)


def cn_model(fused: bool = True) -> MLP:
    return MLP(2, SIZES, seed=0, fused=fused)


def cn_loss(model: MLP, X: list[list[float]], y: list[int]) -> Value:
    return demo.loss(model, [model(x) for x in X], y)


def cn_step(model: MLP, opt: SGD, X: list[list[float]], y: list[int]) -> float:
    """One training step with micrograd_cn: forward, backward, SGD update."""
    loss = cn_loss(model, X, y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.data


def time_blocks(runners: dict[str, Callable[[], object]], rounds: int, steps: int,
                gc_off: bool = False) -> dict[str, list[float]]:
    """Seconds per call of each runner, measured in alternating blocks.

    Each round runs every runner ``steps`` times in a row (like a training
    loop, so a library pays for freeing its own previous graph), timing each
    call. Before each block the collector is run untimed, so no runner pays
    for another's garbage. ``gc_off`` disables the cyclic collector during
    the blocks only (this harness, never the library).
    """
    times: dict[str, list[float]] = {name: [] for name in runners}
    for _ in range(rounds):
        for name, run in runners.items():
            gc.collect()
            if gc_off:
                gc.disable()
            try:
                for _ in range(steps):
                    start = time.perf_counter()
                    run()
                    times[name].append(time.perf_counter() - start)
            finally:
                gc.enable()
    gc.collect()
    return times


def median_ms(seconds: list[float]) -> float:
    return round(statistics.median(seconds) * 1000.0, 3)


def machine() -> dict[str, object]:
    """The machine a table was measured on (for README)."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass  # not Linux: keep platform's guess
    return {"cpu": cpu, "nproc": os.cpu_count(), "python": platform.python_version(),
            "implementation": platform.python_implementation(), "platform": sys.platform}


def machine_line(info: dict[str, object]) -> str:
    return f"{info['cpu']}, nproc={info['nproc']}, {info['implementation']} {info['python']}"


def main(argv: list[str] | None, doc: str, default_out: str,
         run: Callable[[bool], dict[str, Any]], table: Callable[[dict[str, Any]], str]) -> int:
    """A benchmark script's command line: --quick, --out; writes JSON, prints the table."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument("--out", default=str(REPO / "out" / default_out),
                        help="where to write the JSON results")
    args = parser.parse_args(argv)
    results = run(args.quick)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nJSON: {out}")
    return 0
