"""The benchmark scripts: their oracles agree, and a quick run gives well-formed results.

No timing is asserted here (timings belong to the benchmark's table, not to a test);
what is asserted is that the two sides of each comparison compute the same thing.
"""

from __future__ import annotations

import json
import math

import pytest

from benchmarks import child, common, vs_micrograd, vs_numpy
from micrograd_cn.engine import Value, topo_sort


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-15)


@pytest.mark.parametrize("fused", [True, False])
def test_micrograd_gives_the_same_loss_and_gradients(fused: bool) -> None:
    # The PyPI micrograd is an independent implementation of the same step.
    r = vs_micrograd.moons_both(40, fused=fused)
    assert 0.0 < r["loss_cn"] and _close(r["loss_cn"], r["loss_mg"])
    assert len(r["grads_cn"]) == len(r["grads_mg"]) == 337
    assert all(_close(a, b) for a, b in zip(r["grads_cn"], r["grads_mg"]))
    assert sum(g != 0.0 for g in r["grads_cn"]) > 100  # not a vacuous comparison


def test_own_process_children_do_the_same_work() -> None:
    """The two children of the own-process benchmark train the same network identically."""
    X, y = common.moons(30)
    spec = {"X": X, "y": y, "sizes": common.SIZES, "alpha": common.ALPHA, "lr": common.LR,
            "weights": [p.data for p in common.cn_model().parameters()]}
    steps = {name: child._moons_step({**spec, "library": library, "fused": fused})
             for name, (library, fused) in {"mg": ("micrograd", True), "cn": ("micrograd_cn", True),
                                            "unfused": ("micrograd_cn", False)}.items()}
    seen = []
    for _ in range(3):  # the losses agree before each update, so the updates did too
        losses = {name: step() for name, step in steps.items()}
        assert _close(losses["mg"], losses["cn"]) and _close(losses["cn"], losses["unfused"])
        seen.append(losses["cn"])
    assert seen[0] > seen[1] > seen[2]  # the weights really moved


def test_numpy_gives_the_same_loss_and_gradients() -> None:
    r = vs_numpy.compare(40)
    assert _close(r["loss_numpy"], r["loss_cn"])
    assert len(r["grads_numpy"]) == len(r["grads_cn"]) == 337
    assert all(math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-15)
               for a, b in zip(r["grads_numpy"], r["grads_cn"]))
    assert sum(g != 0.0 for g in r["grads_cn"]) > 100


def test_numpy_step_moves_the_weights_like_sgd() -> None:
    X, y = common.moons(20)
    model = common.cn_model()
    params = vs_numpy.params_of(model)
    before = [(W.copy(), b.copy()) for W, b in params]
    loss, grads = vs_numpy.loss_and_grads(params, vs_numpy.np.array(X),
                                          vs_numpy.np.array(y, float))
    assert vs_numpy.numpy_step(params, vs_numpy.np.array(X), vs_numpy.np.array(y, float)) == loss
    for (W, b), (W0, b0), (gW, gb) in zip(params, before, grads):
        assert vs_numpy.np.allclose(W, W0 - common.LR * gW, rtol=0.0, atol=1e-15)
        assert vs_numpy.np.allclose(b, b0 - common.LR * gb, rtol=0.0, atol=1e-15)
    assert any(vs_numpy.np.any(gb != 0.0) for _, gb in grads)  # the biases did move


def test_relu_chain_has_the_same_shape_in_both_libraries() -> None:
    ours = vs_micrograd.relu_chain(Value, 300)
    theirs = vs_micrograd.relu_chain(vs_micrograd.mg_engine.Value, 300)
    # 3 leaves (a, b, v₀) and 3 nodes per step
    assert vs_micrograd.count_nodes(ours) == vs_micrograd.count_nodes(theirs) == 303
    assert len(topo_sort(ours)) == 303
    assert _close(ours.data, theirs.data)


def test_quick_vs_micrograd_run_is_well_formed(tmp_path, capsys) -> None:
    out = tmp_path / "bench.json"
    assert vs_micrograd.main(["--quick", "--out", str(out)]) == 0
    r = json.loads(out.read_text(encoding="utf-8"))
    assert r["quick"] is True and r["machine"]["nproc"] >= 1
    for setting in ("default_gc", "gc_off"):
        ms = r["moons"][setting]["median_ms"]
        assert set(ms) == {"micrograd", "micrograd_cn", "micrograd_cn_unfused"}
        assert all(v > 0.0 for v in ms.values())
        assert r["moons"][setting]["speedup"] == round(ms["micrograd"] / ms["micrograd_cn"], 2)
    own = r["moons_own_process"]
    assert (own["processes"], own["steps_per_process"]) == (1, 2)
    for setting in ("default_gc", "gc_off"):
        ms = own[setting]["median_ms"]
        assert set(ms) == {"micrograd", "micrograd_cn", "micrograd_cn_unfused"}
        assert all(v > 0.0 for v in ms.values())
        assert own[setting]["speedup"] == round(ms["micrograd"] / ms["micrograd_cn"], 2)
        assert all(len(v) == 1 for v in own[setting]["process_medians_ms"].values())
    digits = r["digits"]
    assert digits["quick"] is True and len(digits["default_gc"]["epoch_s"]) == 1
    assert digits["gc_off"]["median_s"] > 0.0
    mem = r["memory"]
    assert mem["micrograd"]["nodes"] == mem["micrograd_cn"]["nodes"] == 3_003
    assert mem["micrograd_cn"]["bytes_per_node"] > 0.0
    chains = r["chains"]
    assert chains["sizes"] == [500, 1_000, 10_000]
    assert isinstance(chains["micrograd"]["500"], float)
    assert chains["micrograd"]["10000"] == "RecursionError"  # recursive topological sort
    assert all(v > 0.0 for v in chains["micrograd_cn"].values())
    assert r["import"]["import_ms"] > 0.0 and r["import"]["cli_help_ms"] > 0.0
    printed = capsys.readouterr().out
    assert printed.startswith("Machine: ")
    assert "| moons step, same process, default GC (ms) |" in printed
    assert "| moons step, own process, GC off in both, fused=False (ms) |" in printed
    assert "| digits epoch, MLP(64, [32, 10]), 400 images, own process (s) | no exp/log |" in printed
    assert "| chain of 10,000 nodes, forward+backward (ms) | RecursionError |" in printed
    assert printed.rstrip().endswith(f"JSON: {out}")


def test_quick_vs_numpy_run_is_well_formed(tmp_path, capsys) -> None:
    out = tmp_path / "numpy.json"
    assert vs_numpy.main(["--quick", "--out", str(out)]) == 0
    r = json.loads(out.read_text(encoding="utf-8"))
    assert r["gradients_agree"] is True and r["points"] == 30
    assert r["median_ms"]["numpy"] > 0.0 and r["median_ms"]["micrograd_cn"] > 0.0
    assert "| 30 points, MLP(2, [16, 16, 1]) |" in capsys.readouterr().out


def test_time_blocks_alternates_and_restores_the_collector() -> None:
    calls: list[str] = []
    times = common.time_blocks({"a": lambda: calls.append("a"), "b": lambda: calls.append("b")},
                               rounds=2, steps=2, gc_off=True)
    assert calls == ["a", "a", "b", "b", "a", "a", "b", "b"]
    assert [len(t) for t in times.values()] == [4, 4]
    assert common.gc.isenabled()
