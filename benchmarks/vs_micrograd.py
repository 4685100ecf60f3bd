"""micrograd_cn against the PyPI ``micrograd`` 0.1.0, in one process and each in its own.

    python benchmarks/vs_micrograd.py            # full run, about two minutes
    python benchmarks/vs_micrograd.py --quick    # smoke run, a few seconds

Measures, with alternating runs of the same work:

1. one moons training step (see ``common.py``), with default interpreter
   settings and with the cyclic garbage collector off in BOTH libraries
   (switched off by this harness around the timed blocks only), for
   micrograd_cn's fused neuron (one ``wsum`` node) and its elementary graph
   (``fused=False``, micrograd's own × and + nodes); measured twice: both
   libraries in this process, taking turns, and each alone in fresh
   processes (``child.py``), as a user's training loop runs. The two differ
   because a full collection walks every live object of the process:
   micrograd's graphs are reference cycles that only the collector frees,
   and in a shared process micrograd_cn pays for micrograd's garbage too;
1b. one epoch of ``micrograd-cn demo digits`` (own process; micrograd has no
   exp/log for a softmax);
2. bytes per node (tracemalloc) of the same 100,000-node graph;
3. forward + backward time of chains of 10³ … 10⁶ nodes (micrograd's
   recursive topological sort raises RecursionError past ~1,000 nodes);
4. import time of ``micrograd_cn`` and the time of ``micrograd-cn --help``.

Prints a Markdown table and writes all numbers as JSON (``--out``, default
``out/bench.json``; out/ is not committed, README carries the table).

Imports: micrograd_cn, micrograd, the standard library.
"""

from __future__ import annotations

import gc
import json
import os
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any, Callable

if __package__ in (None, ""):  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import micrograd.engine as mg_engine  # noqa: E402  (after the path set-up above)
import micrograd.nn as mg_nn  # noqa: E402

from benchmarks import child, common  # noqa: E402
from benchmarks.common import (  # noqa: E402
    ALPHA,
    LR,
    REPO,
    SIZES,
    cn_loss,
    cn_model,
    cn_step,
    machine,
    machine_line,
    median_ms,
    moons,
    time_blocks,
)
from micrograd_cn.engine import Value  # noqa: E402
from micrograd_cn.nn import MLP, SGD  # noqa: E402


# ---------------------------------------------------------------- micrograd's side
def mg_model_like(model: MLP) -> mg_nn.MLP:
    """A micrograd MLP(2, [16, 16, 1]) with exactly the weights of ``model``."""
    twin = mg_nn.MLP(2, SIZES)
    for ours, theirs in zip(model.parameters(), twin.parameters(), strict=True):
        theirs.data = ours.data
    return twin


def mg_loss(model: mg_nn.MLP, X: list[list[float]], y: list[int]) -> mg_engine.Value:
    """micrograd's demo loss, written as in its notebook (one copy, in child.py)."""
    return child.mg_loss(model, X, y, ALPHA)


def mg_step(model: mg_nn.MLP, X: list[list[float]], y: list[int]) -> float:
    return child.mg_step(model, X, y, ALPHA, LR)


def moons_both(n_points: int = 100, fused: bool = True) -> dict[str, Any]:
    """Loss and gradients of both libraries for the same weights and points (an oracle)."""
    X, y = moons(n_points)
    ours = cn_model(fused)
    theirs = mg_model_like(ours)
    loss_cn, loss_mg = cn_loss(ours, X, y), mg_loss(theirs, X, y)
    loss_cn.backward()
    loss_mg.backward()
    return {"loss_cn": loss_cn.data, "loss_mg": loss_mg.data,
            "grads_cn": [p.grad for p in ours.parameters()],
            "grads_mg": [p.grad for p in theirs.parameters()]}


# ---------------------------------------------------------------- 1. moons step
def bench_moons(n_points: int, rounds: int, steps: int) -> dict[str, Any]:
    X, y = moons(n_points)
    fused, elementary = cn_model(fused=True), cn_model(fused=False)
    theirs = mg_model_like(fused)
    opt_fused = SGD(fused.parameters(), lr=LR)
    opt_elementary = SGD(elementary.parameters(), lr=LR)
    runners: dict[str, Callable[[], object]] = {
        "micrograd": lambda: mg_step(theirs, X, y),
        "micrograd_cn": lambda: cn_step(fused, opt_fused, X, y),
        "micrograd_cn_unfused": lambda: cn_step(elementary, opt_elementary, X, y),
    }
    result: dict[str, Any] = {"points": n_points, "rounds": rounds, "steps_per_block": steps}
    for setting, gc_off in (("default_gc", False), ("gc_off", True)):
        times = time_blocks(runners, rounds, steps, gc_off=gc_off)
        ms = {name: median_ms(t) for name, t in times.items()}
        result[setting] = {
            "median_ms": ms,
            "speedup": round(ms["micrograd"] / ms["micrograd_cn"], 2),
            "speedup_unfused": round(ms["micrograd"] / ms["micrograd_cn_unfused"], 2),
        }
    return result


# ---------------------------------------------------------------- 1b. own process
def own_process(spec: dict[str, Any]) -> list[float]:
    """Run ``benchmarks.child`` on ``spec`` in a fresh interpreter: its seconds."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.child"], input=json.dumps(spec),
                          check=True, capture_output=True, text=True, cwd=REPO,
                          env=dict(os.environ, PYTHONPATH=str(REPO)))
    return json.loads(done.stdout)["seconds"]


def bench_moons_own(n_points: int, processes: int, warmup: int, steps: int) -> dict[str, Any]:
    """The moons step with each library alone in its own process (the way a user runs it).

    Each process gets the same points and initial weights, runs ``warmup``
    untimed steps, then times ``steps``; the libraries take turns, process by
    process, so a slow moment of the machine does not fall on one side only.
    The median is over every timed step of every process.
    """
    X, y = moons(n_points)
    base = {"task": "moons", "X": X, "y": y, "sizes": SIZES, "alpha": ALPHA, "lr": LR,
            "weights": [p.data for p in cn_model().parameters()], "warmup": warmup,
            "steps": steps}
    runs = {"micrograd": ("micrograd", True), "micrograd_cn": ("micrograd_cn", True),
            "micrograd_cn_unfused": ("micrograd_cn", False)}
    result: dict[str, Any] = {"points": n_points, "processes": processes, "warmup": warmup,
                              "steps_per_process": steps}
    for setting, gc_off in (("default_gc", False), ("gc_off", True)):
        times: dict[str, list[list[float]]] = {name: [] for name in runs}
        for _ in range(processes):
            for name, (library, fused) in runs.items():
                times[name].append(own_process({**base, "library": library, "fused": fused,
                                                "gc_off": gc_off}))
        ms = {name: median_ms([s for run in runs_ for s in run]) for name, runs_ in times.items()}
        result[setting] = {
            "median_ms": ms,
            "process_medians_ms": {name: [median_ms(run) for run in runs_]
                                   for name, runs_ in times.items()},
            "speedup": round(ms["micrograd"] / ms["micrograd_cn"], 2),
            "speedup_unfused": round(ms["micrograd"] / ms["micrograd_cn_unfused"], 2),
        }
    return result


def bench_digits(epochs: int, quick: bool) -> dict[str, Any]:
    """Seconds per training epoch of ``micrograd-cn demo digits``, in its own process.

    (micrograd has no exp or log, so it cannot build the softmax cross-entropy.)
    """
    result: dict[str, Any] = {"epochs": epochs, "quick": quick}
    for setting, gc_off in (("default_gc", False), ("gc_off", True)):
        seconds = own_process({"task": "digits", "gc_off": gc_off, "epochs": epochs,
                               "quick": quick})
        result[setting] = {"epoch_s": [round(s, 3) for s in seconds],
                           "median_s": round(statistics.median(seconds), 3)}
    return result


# ---------------------------------------------------------------- 2. memory
def relu_chain(value_type: type, nodes: int) -> Any:
    """v ← ReLU(v·a + b), repeated: a graph of about ``nodes`` nodes that both libraries build."""
    a, b, v = value_type(0.5), value_type(0.25), value_type(1.0)
    for _ in range(nodes // 3):
        v = (v * a + b).relu()
    return v


def count_nodes(root: Any) -> int:
    """Nodes reachable from root, for either library (both keep inputs in ``_prev``)."""
    seen, stack = {root}, [root]
    while stack:
        for node in stack.pop()._prev:  # not `child`: that name is the benchmarks.child module
            if node not in seen:
                seen.add(node)
                stack.append(node)
    return len(seen)


def bytes_per_node(value_type: type, nodes: int) -> dict[str, float]:
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    root = relu_chain(value_type, nodes)
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    count = count_nodes(root)
    del root
    gc.collect()
    return {"nodes": count, "bytes": used, "bytes_per_node": round(used / count, 1)}


def bench_memory(nodes: int) -> dict[str, Any]:
    result = {"micrograd": bytes_per_node(mg_engine.Value, nodes),
              "micrograd_cn": bytes_per_node(Value, nodes)}
    result["ratio"] = round(result["micrograd_cn"]["bytes_per_node"]
                            / result["micrograd"]["bytes_per_node"], 3)
    return result


# ---------------------------------------------------------------- 3. chains
def chain_child(library: str, nodes: int, gc_off: bool) -> None:
    """In a fresh interpreter: build one chain, backpropagate, print seconds as JSON.

    A fresh process per run, as a student's program would build its one deep
    expression: the collector's thresholds then do not depend on what ran before.
    """
    value_type = Value if library == "micrograd_cn" else mg_engine.Value
    if gc_off:
        gc.disable()  # this child process only
    start = time.perf_counter()
    try:
        relu_chain(value_type, nodes).backward()
    except RecursionError:
        print(json.dumps("RecursionError"))
    else:
        print(json.dumps(time.perf_counter() - start))


def chain_run(library: str, nodes: int, gc_off: bool = False) -> float | str:
    """Seconds for one chain in a fresh interpreter, or the name of the error it raised."""
    code = ("import sys; from benchmarks.vs_micrograd import chain_child; "
            "chain_child(sys.argv[1], int(sys.argv[2]), sys.argv[3] == 'off')")
    done = subprocess.run([sys.executable, "-c", code, library, str(nodes),
                           "off" if gc_off else "on"], check=True, capture_output=True,
                          text=True, cwd=REPO, env=dict(os.environ, PYTHONPATH=str(REPO)))
    return json.loads(done.stdout)


def bench_chains(sizes: list[int], repeats: int) -> dict[str, Any]:
    """Median ms per chain size; micrograd is not run again once it has failed."""
    runs = (("micrograd", "micrograd", False), ("micrograd_cn", "micrograd_cn", False),
            ("micrograd_cn_gc_off", "micrograd_cn", True))
    result: dict[str, Any] = {"sizes": sizes, "repeats": repeats}
    for key, library, gc_off in runs:
        result[key] = {}
        for n in sizes:
            failed = [v for v in result[key].values() if isinstance(v, str)]
            times = failed[:1] or [chain_run(library, n, gc_off) for _ in range(repeats)]
            errors = [t for t in times if isinstance(t, str)]
            result[key][str(n)] = errors[0] if errors else median_ms(times)
    big, small = str(sizes[-1]), str(sizes[-2])
    for key in ("micrograd_cn", "micrograd_cn_gc_off"):
        result[f"{key}_growth"] = round(result[key][big] / result[key][small], 2)
    return result


# ---------------------------------------------------------------- 4. import time
def _wall_ms(command: list[str]) -> float:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=REPO, env=env)
    return (time.perf_counter() - start) * 1000.0


def _import_ms() -> float:
    """Cumulative import time of the micrograd_cn package, from ``-X importtime``."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import micrograd_cn"],
                          check=True, capture_output=True, text=True, cwd=REPO, env=env)
    line = re.search(r"\|\s*(\d+) \| micrograd_cn$", done.stderr, re.MULTILINE)
    if line is None:
        raise RuntimeError("no micrograd_cn line in -X importtime output")
    return int(line.group(1)) / 1000.0


def bench_import(repeats: int) -> dict[str, float]:
    python = [sys.executable, "-c", "pass"]
    cli = [sys.executable, "-m", "micrograd_cn", "--help"]
    return {
        "import_ms": round(statistics.median(_import_ms() for _ in range(repeats)), 1),
        "python_startup_ms": round(statistics.median(_wall_ms(python) for _ in range(repeats)), 1),
        "cli_help_ms": round(statistics.median(_wall_ms(cli) for _ in range(repeats)), 1),
    }


# ---------------------------------------------------------------- the whole run
def run(quick: bool = False) -> dict[str, Any]:
    if quick:
        moons_args, own_args, digits_epochs = (30, 1, 2), (30, 1, 1, 2), 1
        nodes, sizes, repeats = 3_000, [500, 1_000, 10_000], 1
    else:
        moons_args, own_args, digits_epochs = (100, 3, 4), (100, 3, 3, 15), 3
        nodes, sizes, repeats = 100_000, [500, 1_000, 10_000, 100_000, 1_000_000], 5
    return {"quick": quick, "machine": machine(), "moons": bench_moons(*moons_args),
            "moons_own_process": bench_moons_own(*own_args),
            "digits": bench_digits(digits_epochs, quick),
            "memory": bench_memory(nodes), "chains": bench_chains(sizes, repeats),
            "import": bench_import(3 if quick else 7)}


def _cell(value: object) -> str:
    return value if isinstance(value, str) else f"{value:,.1f}"


def table(results: dict[str, Any]) -> str:
    """The results as a Markdown table (the one README shows)."""
    moons_r, mem, chains, imp = (results[k] for k in ("moons", "memory", "chains", "import"))
    rows = [f"Machine: {machine_line(results['machine'])}", "",
            "| benchmark | micrograd 0.1.0 | micrograd_cn | speed-up / ratio |",
            "|---|---:|---:|---:|"]
    for where, timed in (("same process", moons_r), ("own process", results["moons_own_process"])):
        for setting, label in (("default_gc", "default GC"), ("gc_off", "GC off in both")):
            r = timed[setting]
            ms = r["median_ms"]
            rows.append(f"| moons step, {where}, {label} (ms) | {_cell(ms['micrograd'])} | "
                        f"{_cell(ms['micrograd_cn'])} | {r['speedup']}× |")
            rows.append(f"| moons step, {where}, {label}, fused=False (ms) | "
                        f"{_cell(ms['micrograd'])} | {_cell(ms['micrograd_cn_unfused'])} | "
                        f"{r['speedup_unfused']}× |")
    dg = results["digits"]
    images = "400" if dg["quick"] else "1,438"
    rows.append(f"| digits epoch, MLP(64, [32, 10]), {images} images, own process (s) | "
                f"no exp/log | {dg['default_gc']['median_s']:.2f} "
                f"(GC off: {dg['gc_off']['median_s']:.2f}) | |")
    rows.append(f"| bytes per node ({mem['micrograd_cn']['nodes']:,} nodes) | "
                f"{_cell(mem['micrograd']['bytes_per_node'])} | "
                f"{_cell(mem['micrograd_cn']['bytes_per_node'])} | {mem['ratio']} |")
    for n in chains["sizes"]:
        key = str(n)
        rows.append(f"| chain of {n:,} nodes, forward+backward (ms) | "
                    f"{_cell(chains['micrograd'][key])} | {_cell(chains['micrograd_cn'][key])} "
                    f"(GC off: {_cell(chains['micrograd_cn_gc_off'][key])}) | |")
    big, small = chains["sizes"][-1], chains["sizes"][-2]
    rows.append(f"| chain growth {big:,} / {small:,} nodes | | "
                f"{chains['micrograd_cn_growth']}× (GC off: "
                f"{chains['micrograd_cn_gc_off_growth']}×) | |")
    rows.append(f"| `import micrograd_cn` (ms) | | {imp['import_ms']} | |")
    rows.append(f"| `micrograd-cn --help` (ms, Python start-up "
                f"{imp['python_startup_ms']}) | | {imp['cli_help_ms']} | |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    return common.main(argv, __doc__, "bench.json", run, table)


if __name__ == "__main__":
    sys.exit(main())
