"""The package installs anywhere: its wheel, alone in a clean virtual environment, runs the
command from a folder far from this checkout.

The sources are copied to a temporary folder first (building in place would leave
build/ and *.egg-info here); ``pip wheel`` builds the wheel as a user's pip would
(setuptools from PyPI in an isolated build environment); a new venv without this
project's site-packages installs the wheel and its two dependencies (wcwidth and
graphviz, from PyPI); then ``micrograd-cn`` runs there with no PYTHONPATH, in an
empty folder. matplotlib is not installed there, so the demos say that they skip
their pictures.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from micrograd_cn import __version__

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], cwd: Path, timeout: int = 600) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MICROGRAD_CN_LANG")}
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path, Path]:
    """(the wheel, the clean venv's bin folder, an empty working folder)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "micrograd_cn", src / "micrograd_cn",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check",
          "--no-deps", "-w", str(dist), str(src)], cwd=tmp)
    (wheel,) = dist.glob("micrograd_cn-*.whl")
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp)
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
          "--disable-pip-version-check", str(wheel)], cwd=tmp)
    work = tmp / "elsewhere"
    work.mkdir()
    return wheel, venv / "bin", work


def test_wheel_holds_the_package_its_data_and_py_typed(installed):
    wheel, _, _ = installed
    assert wheel.name == f"micrograd_cn-{__version__}-py3-none-any.whl"
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("micrograd_cn/__init__.py", "micrograd_cn/py.typed", "micrograd_cn/bridge.py",
                 "micrograd_cn/data/digits.csv.gz", "micrograd_cn/data/digits.LICENSE.md",
                 "micrograd_cn/demos/__init__.py", "micrograd_cn/demos/digits.py"):
        assert name in names, name
    assert not any(n.startswith(("tests/", "demos/", "benchmarks/", "scripts/")) for n in names)
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "micrograd-cn = micrograd_cn.console:run" in zipfile.ZipFile(wheel).read(entry).decode()


def test_version_is_the_package_version(installed):
    _, bin_dir, work = installed
    assert _run([str(bin_dir / "micrograd-cn"), "--version"], work).strip() == \
        f"micrograd-cn {__version__}"
    code = ("import importlib.metadata as m, micrograd_cn as p; "
            "print(m.version('micrograd-cn'), p.__version__, p.__file__)")
    metadata, package, where = _run([str(bin_dir / "python"), "-c", code], work).split()
    assert metadata == package == __version__
    assert str(bin_dir.parent) in where and str(ROOT) not in where  # the wheel, not this checkout
    typed = _run([str(bin_dir / "python"), "-c",
                  "import micrograd_cn, pathlib; "
                  "print((pathlib.Path(micrograd_cn.__file__).parent / 'py.typed').is_file())"], work)
    assert typed.strip() == "True"


def test_demo_logistic_runs_from_the_wheel(installed):
    _, bin_dir, work = installed
    out = _run([str(bin_dir / "micrograd-cn"), "demo", "logistic", "--no-plots"], work)
    assert out.startswith("演示 logistic：一个逻辑回归神经元")
    assert "（未画图：已用 --no-plots 关闭）" in out
    out = _run([str(bin_dir / "micrograd-cn"), "demo", "logistic", "--lang", "en"], work)
    assert "(no pictures: matplotlib is not installed." in out
    assert not (work / "out").exists()


def test_demo_digits_reads_its_data_from_the_wheel(installed):
    _, bin_dir, work = installed
    out = _run([str(bin_dir / "micrograd-cn"), "demo", "digits", "--quick", "--no-plots",
                "--lang", "en"], work)
    assert "400 for training, 359 for testing" in out
    assert "test accuracy " in out


def test_html_and_graph_from_the_wheel(installed):
    _, bin_dir, work = installed
    cli = str(bin_dir / "micrograd-cn")
    out = _run([cli, "html", "sigmoid(w*x + b)", "w=0.5", "x=2", "b=-1", "-o", "step.html"], work)
    assert out.startswith("已写入 step.html")
    page = (work / "step.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    out = _run([cli, "graph", "sigmoid(w*x + b)", "w=0.5", "x=2", "b=-1", "-o", "g.svg",
                "--lang", "en"], work)
    assert out.startswith("result = 0.5")
    assert (work / "g.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_lab_from_the_wheel(installed):
    """The lab's templates ship as package data, and the check process runs from site-packages."""
    wheel, bin_dir, work = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for lang in ("zh", "en", "solution"):
        for name in ("engine.py", "nn.py", "bp.py", "__init__.py"):
            assert f"micrograd_cn/templates/lab/{lang}/my_micrograd/{name}" in names
    assert {"micrograd_cn/templates/lab/zh/README.md", "micrograd_cn/templates/lab/en/README.md",
            "micrograd_cn/teach/lab/probe.py"} <= names
    cli = str(bin_dir / "micrograd-cn")
    assert _run([cli, "lab", "new", "answer", "--solution", "--lang", "en"], work).startswith("wrote the lab answer")
    out = _run([cli, "lab", "check", "answer", "--lang", "en"], work)
    assert out.rstrip().endswith("score 5/5 (tasks 1–5)\nbonus (task 6): ✓")
    _run([cli, "lab", "new", "skeleton"], work)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MICROGRAD_CN_LANG")}
    done = subprocess.run([cli, "lab", "check", "skeleton", "--task", "4"], cwd=work, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Value.backward 还没写" in done.stdout

