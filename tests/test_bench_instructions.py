"""benchmarks/instructions.py counts the instructions of the step the benchmark times."""

from __future__ import annotations

from benchmarks import child, instructions, vs_micrograd


def test_instruction_count_runs_the_benchmarked_step(monkeypatch) -> None:
    """Its child task is the own-process benchmark's: same points, weights, sizes, constants."""
    timed_specs = []

    def own_process(spec: dict) -> list[float]:  # record what would be timed, time nothing
        timed_specs.append(spec)
        return [0.001]

    monkeypatch.setattr(vs_micrograd, "own_process", own_process)
    vs_micrograd.bench_moons_own(100, 1, 0, 1)
    timed = next(s for s in timed_specs if s["library"] == "micrograd_cn" and s["fused"])
    counted = instructions.spec("micrograd_cn", True, 7)
    for key in ("task", "X", "y", "sizes", "alpha", "lr", "weights", "fused"):
        assert counted[key] == timed[key], key
    assert counted["steps"] == 7 and counted["warmup"] == 1 and counted["gc_off"] is True
    # and the child can run it (two steps, no valgrind needed here)
    assert len(child.moons({**counted, "steps": 2})) == 2
