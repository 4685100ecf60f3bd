"""Output on terminals that are not UTF-8: ASCII stand-ins, one hint, nothing lost."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from micrograd_cn.render.terminal import HANDLER, hint, plain, readable_output

ROOT = Path(__file__).resolve().parent.parent


def run(*argv: str, encoding: str = "gbk") -> subprocess.CompletedProcess:
    """``micrograd-cn argv`` in a fresh process whose stdout and stderr use ``encoding``."""
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONUTF8", None)
    return subprocess.run([sys.executable, "-m", "micrograd_cn", *argv], capture_output=True,
                          env=env, timeout=120)


def test_stand_ins():
    assert [plain(c) for c in "∂−½→₁ⱼℓ"] == ["d", "-", "1/2", "->", "1", "j", "l"]
    assert plain("中") == "?"  # nothing readable in ASCII: a question mark, never an exception
    text = "∂L/∂wˡⱼₖ = δⱼ·x₁ − ½Σ(a−y)²  e⁻ˣ  10⁻³  ŷ  ∇ₐC"
    assert text.encode("gbk", HANDLER).decode("gbk") == \
        "dL/dw^l_jk = δ_j·x1 - 1/2Σ(a-y)^2  e^-x  10^-3  y_hat  grad_aC"
    assert text.encode("ascii", HANDLER).decode("ascii") == \
        "dL/dw^l_jk = delta_j*x1 - 1/2sum(a-y)^2  e^-x  10^-3  y_hat  grad_aC"
    assert "σ".encode("gbk", HANDLER) == "σ".encode("gbk")  # what GBK has stays as it is


@pytest.mark.parametrize("argv, expected", [
    (["trace", "sigmoid(w*x + b)**2", "w=0.5", "x=2", "b=-1"],
     ["    v3 = σ(v2) = 0.5", "    f  = v3^2 = 0.25", "σ′(v2)", "    df/dw = 0.5"]),
    (["logistic", "--x", "1", "2", "--y", "1", "--w", "0.5", "-0.5", "--b", "0"],
     ["L = -[y·log(a) + (1 - y)·log(1 - a)]", "    l1         = y·log(a) = -0.974077"]),
    (["bp", "--no-timing"], ["代价 C = 1/2Σ_j(a^L_j - y_j)^2", "BP4：dC/dw^2_jk = a^1_k · δ^2_j"]),
])
def test_gbk_pipes_get_every_line_with_readable_stand_ins(argv, expected):
    done = run(*argv)
    assert done.returncode == 0, done.stderr.decode("gbk", "replace")
    out = done.stdout.decode("gbk")  # valid GBK throughout
    utf8 = run(*argv, encoding="utf-8").stdout.decode("utf-8")
    assert out.count("\n") == utf8.count("\n")  # every line is there
    for line in expected:
        assert line in out
    assert done.stderr.decode("gbk") == (
        "提示：输出编码 gbk 显示不了部分数学符号，已用 ASCII 近似代替。要看完整的符号，请设置环境变量 "
        "PYTHONIOENCODING=utf-8（或 PYTHONUTF8=1）；Windows 命令行也可先运行 chcp 65001\n")


def test_ascii_gets_the_hint_in_english_and_utf8_gets_no_hint():
    done = run("trace", "x*x", "x=3", "--lang", "en", encoding="ascii")
    assert done.returncode == 0
    assert "df/dx" in done.stdout.decode("ascii")
    assert done.stderr.decode("ascii").startswith("hint: the output encoding ascii lacks some")
    zh = run("trace", "x*x", "x=3", encoding="ascii")  # Chinese cannot be shown: the hint is English
    assert zh.stderr.decode("ascii").startswith("hint: ")
    full = run("trace", "x*x", "x=3", encoding="utf-8")
    assert full.returncode == 0 and full.stderr == b"" and "∂f/∂x" in full.stdout.decode("utf-8")


def test_streams_are_put_back_and_other_streams_left_alone(monkeypatch):
    raw = io.BytesIO()
    gbk = io.TextIOWrapper(raw, encoding="gbk", errors="strict")
    monkeypatch.setattr(sys, "stdout", gbk)
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # not a text file with an encoding
    with readable_output() as state:
        print("∂f/∂x = 2")
        assert state.used
    assert gbk.errors == "strict"
    gbk.flush()
    assert raw.getvalue() == b"df/dx = 2\n"
    assert hint("zh", io.TextIOWrapper(io.BytesIO(), encoding="ascii")).startswith("hint: ")
