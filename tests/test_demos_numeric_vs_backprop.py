"""Demo ``numeric-vs-backprop``: exact forward-pass counts, agreeing gradients, medians of
repeated timings (checked with a fake clock; the one real-time check has a margin of ~50×)."""

from __future__ import annotations

import pytest

from micrograd_cn.cli import main
from micrograd_cn.demos import numeric_vs_backprop as nvb
from micrograd_cn.gradcheck import numerical_grad_in_place


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return nvb.run(out_dir=tmp_path_factory.mktemp("nvb"))


def mlp_params(nin: int, sizes: tuple[int, ...]) -> int:
    total, fan_in = 0, nin
    for n in (*sizes, 1):
        total += n * (fan_in + 1)
        fan_in = n
    return total


def test_counts_are_exact(result):
    assert [r.hidden for r in result.rows] == list(nvb.HIDDEN)
    for r in result.rows:
        assert r.n_params == mlp_params(2, r.hidden)
        assert r.numeric_forwards == 2 * r.n_params  # central differences: 2 per parameter
        assert r.backprop_forwards == 1
    assert [r.n_params for r in result.rows] == [9, 37, 105, 337, 697]


def test_gradients_agree(result):
    for r in result.rows:
        assert r.agree
        assert r.max_abs_diff < 1e-7


def test_agreement_check_can_fail(monkeypatch):
    """A wrong gradient is caught: ``measure`` with the differences shifted by 1e-3."""
    exact_row = nvb.measure((2,))
    assert exact_row.agree and exact_row.max_abs_diff < 1e-7

    def shifted(forward, params):
        return [g + 1e-3 for g in numerical_grad_in_place(forward, params)]

    monkeypatch.setattr(nvb, "numerical_grad_in_place", shifted)
    row = nvb.measure((2,))
    assert not row.agree
    assert row.max_abs_diff == pytest.approx(1e-3, rel=1e-4)


def test_loss_is_built_from_the_current_parameters():
    model, loss = nvb.network((2,))
    p = model.parameters()[0]
    base = loss().data
    p.data += 0.1
    assert loss().data != base
    p.data -= 0.1
    assert loss().data == base


def test_table_and_picture(result):
    text = result.render("en").splitlines()
    assert text[2].startswith("Each time is the median of 3–25 runs")
    assert "the ratio grows roughly in proportion to N" in text[2]
    assert text[3].startswith("network | N params | differences: forwards | differences: ms")
    assert text[4].startswith("MLP(2, [2, 1]) | 9 | 18 | ")
    assert text[4].split(" | ")[4] == "1"
    assert text[8].startswith("MLP(2, [24, 24, 1]) | 697 | 1394 | ")
    assert text[9].startswith("The two gradients agree")
    assert result.pictures.paths[0].name == "comparison.png"
    assert result.pictures.paths[0].read_bytes()[:4] == b"\x89PNG"
    zh = result.render("zh").splitlines()
    assert zh[2].startswith("每个时间是重复运行 3–25 次的中位数")
    assert zh[9].startswith("两种方法的梯度一致")


def test_every_time_is_a_median_of_repeated_runs(result):
    for r in result.rows:
        assert nvb.MIN_REPEATS <= r.numeric_runs <= nvb.MAX_REPEATS
        assert nvb.MIN_REPEATS <= r.backprop_runs <= nvb.MAX_REPEATS
    assert result.rows[0].backprop_runs == nvb.MAX_REPEATS  # short runs: as many as allowed
    # The ratio grows with the network: ~12× for 9 parameters against ~700× for 697 (the
    # medians keep single slow runs from turning this around).
    assert result.rows[-1].speedup > 5 * result.rows[0].speedup


class FakeClock:
    """perf_counter that advances by the given durations, one per timed run."""

    def __init__(self, durations):
        self.durations = list(durations)
        self.now = 0.0
        self.started = False

    def perf_counter(self):
        if self.started:  # the end of a run
            self.now += self.durations.pop(0)
        self.started = not self.started
        return self.now


def test_timed_takes_the_median_and_stops_on_time(monkeypatch):
    clock = FakeClock([0.2, 5.0, 0.1])  # one slow run (a garbage collection) among three
    monkeypatch.setattr(nvb.time, "perf_counter", clock.perf_counter)
    assert nvb.timed(lambda: None) == (0.2, 3)
    clock = FakeClock([0.0625] * 10)  # short runs: repeated until 0.3 s are spent (5 × 1/16 s)
    monkeypatch.setattr(nvb.time, "perf_counter", clock.perf_counter)
    assert nvb.timed(lambda: None) == (0.0625, 5)
    clock = FakeClock([2.0 ** -20] * 30)  # very short runs: at most MAX_REPEATS
    monkeypatch.setattr(nvb.time, "perf_counter", clock.perf_counter)
    assert nvb.timed(lambda: None) == (2.0 ** -20, nvb.MAX_REPEATS)


def test_milliseconds_are_written_without_exponents():
    assert [nvb.milliseconds(s) for s in (1.84, 0.262, 0.0397, 0.00794, 0.00102, 7.75e-5)] == [
        "1840", "262", "39.7", "7.94", "1.02", "0.0775"]


def test_disagreement_is_reported():
    row = nvb.SizeRow((2,), 9, 18, 0.1, 1, 0.01, 0.5, False)
    text = nvb.NumericResult([row], nvb.Pictures(skipped="demo_plots_off")).render("en")
    assert "DISAGREE" in text and "| 9 | 18 | 100 | 1 | 10.0 | 10× | 5.00e-01" in text


@pytest.mark.parametrize("hidden", [(), ((0,),), (("a",),), ((),)])
def test_bad_sizes_are_clear_errors(hidden):
    with pytest.raises(ValueError, match="numeric-vs-backprop"):
        nvb.run(hidden=hidden, plots=False)


def test_cli_small(capsys, monkeypatch):
    monkeypatch.setattr(nvb, "HIDDEN", ((2,),))
    assert main(["demo", "numeric-vs-backprop", "--no-plots"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("演示 numeric-vs-backprop")
    assert out[4].startswith("MLP(2, [2, 1]) | 9 | 18 | ")
