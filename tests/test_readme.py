"""Every command in README.md is run (or, for make and pip, checked against the files it uses).

* ```bash blocks: each `micrograd-cn …` line runs through ``cli.main`` and must exit 0;
  a block's commands run in order in one fresh folder, and a `printf '…' > FILE` line
  writes that file there first (README's roster and answers for `exercise --roster`);
  each `python demos/X.py` and `python scripts/X.py` must name a file here (the demo
  scripts call `micrograd-cn demo`, tested in test_demos*.py); each `make X` must be a
  Makefile target; each `pip install -e '.[extras]'` must name extras that pyproject.toml
  declares; `pip wheel` and the wheel's `pip install` are the commands tests/test_wheel.py runs.
* a ```text block right after a bash block is an excerpt: every line of it must be
  a line of the output of one of that block's commands.
* ```python blocks run; a `print(...)  # 1 2 3` comment made of numbers is the
  exact line it prints.
* commands written inline (`micrograd-cn demo moons`) parse; each demo named there is
  run by its own test module through ``main(["demo", NAME, ...])``; templates with
  NAME / EXPR / … only need their subcommand to exist.
* every picture README shows exists under docs/.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest
import tomllib
from conftest import require_torch

from micrograd_cn import __version__
from micrograd_cn.cli import build_parser, main
from micrograd_cn.demos import DEMOS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", README, re.S)
KNOWN = ("micrograd-cn", "make", "python", "pip", "printf")
INLINE = re.findall(r"`((?:micrograd-cn|make|python|pip) [^`]*)`", README)
PLACEHOLDERS = ("NAME", "EXPR", "名字", "...", "…")


def commands(block: str) -> list[str]:
    lines = []
    for raw in block.splitlines():
        line = raw.split("  #", 1)[0].strip()
        if line:
            lines.append(line)
    return lines


def cli_commands() -> list[tuple[str, str | None]]:
    """(command, the text excerpt after its block or None), in README order."""
    found = []
    for i, (kind, body) in enumerate(BLOCKS):
        if kind != "bash":
            continue
        excerpt = BLOCKS[i + 1][1] if i + 1 < len(BLOCKS) and BLOCKS[i + 1][0] == "text" else None
        for line in commands(body):
            found.append((line, excerpt))
    return found


def test_readme_has_only_known_commands():
    assert cli_commands()
    for line, _ in cli_commands():
        assert line.split()[0] in KNOWN, line


def run_cli(line: str, folder: Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.chdir(folder), contextlib.redirect_stdout(out):
        code = main(shlex.split(line)[1:])
    return code, out.getvalue()


def run_printf(line: str, folder: Path) -> None:
    """``printf 'a\\nb\\n' > file``: the one shell command README uses to make an input file."""
    words = shlex.split(line)
    assert len(words) == 4 and words[2] == ">", line
    (folder / words[3]).write_text(words[1].replace("\\n", "\n"), encoding="utf-8")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, tuple[int, str]]:
    """Each bash block's commands run in order in one fresh folder (a later command may read
    what an earlier one wrote, e.g. a roster made with printf, then the sheets)."""
    results = {}
    for kind, body in BLOCKS:
        if kind != "bash":
            continue
        folder = tmp_path_factory.mktemp("readme")
        for line in commands(body):
            if line.startswith("printf "):
                run_printf(line, folder)
            elif line.startswith("micrograd-cn ") and line not in results:
                results[line] = run_cli(line, folder)
    return results


def test_every_micrograd_cn_command_runs(outputs):
    assert len(outputs) >= 5
    for line, (code, out) in outputs.items():
        assert code == 0, line
        assert out.strip(), line


def test_excerpts_are_real_output(outputs):
    checked = 0
    for i, (kind, body) in enumerate(BLOCKS):
        if kind != "text" or i == 0 or BLOCKS[i - 1][0] != "bash":
            continue
        runs = [outputs[line][1].splitlines() for line in commands(BLOCKS[i - 1][1])
                if line in outputs]
        for line in body.splitlines():
            if line.strip():
                assert any(line in run for run in runs), line
                checked += 1
    assert checked >= 10


def test_make_targets_and_scripts_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = set(pyproject["project"]["optional-dependencies"])
    for line, _ in cli_commands():
        words = shlex.split(line)
        if words[0] == "make":
            assert re.search(rf"^{words[1]}:", makefile, re.M), line
        elif words[0] == "python":
            assert (ROOT / words[1]).is_file(), line
        elif words[0] == "pip" and words[1] == "wheel":  # what tests/test_wheel.py runs
            assert words[2:] == ["--no-deps", "-w", "dist", "."], line
        elif words[0] == "pip" and words[2].startswith("dist/"):  # the wheel just built
            assert words[1:] == ["install", f"dist/micrograd_cn-{__version__}-py3-none-any.whl"]
        elif words[0] == "pip":
            assert words[1:3] == ["install", "-e"], line
            wanted = re.fullmatch(r"\.\[([\w,]+)\]", words[3]).group(1).split(",")
            assert set(wanted) <= extras, line
    # `make demo` runs the main demo: `micrograd-cn demo logistic`
    assert "\t$(BIN)/python -m micrograd_cn demo logistic" in makefile
    assert "make docs" in README and "\t$(BIN)/python scripts/make_docs_images.py" in makefile


def test_make_test_lints_and_type_checks_first():
    """README says `make test` runs ruff and mypy before the tests: the recipe does, in that
    order, with the pinned lint extra installed."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^test:.*\n((?:\t.*\n)+)", makefile, re.M).group(1).splitlines()
    assert recipe == ["\t$(BIN)/ruff check $(LINT_PATHS)", "\t$(BIN)/mypy",
                      "\tMICROGRAD_CN_REQUIRE_ORACLE=1 $(BIN)/python -m pytest"]
    assert re.search(r"^LINT_PATHS := micrograd_cn tests benchmarks scripts demos$", makefile, re.M)
    assert "lint" in re.search(r"^EXTRAS := (.*)$", makefile, re.M).group(1).split(",")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    lint = pyproject["project"]["optional-dependencies"]["lint"]
    assert sorted(p.split("==")[0] for p in lint) == ["mypy", "ruff"] and all("==" in p for p in lint)
    for half in README.split("## English", 1):  # said in Chinese and in English
        assert "ruff" in half and "mypy" in half


def test_python_blocks_run_and_print_what_they_say(tmp_path):
    blocks = [body for kind, body in BLOCKS if kind == "python"]
    assert blocks
    for body in blocks:
        if "import torch" in body:  # the bridge's example: PyTorch is the oracle extra
            require_torch()
        out = io.StringIO()
        with contextlib.chdir(tmp_path), contextlib.redirect_stdout(out):
            exec(compile(body, "README.md", "exec"), {})
        printed = out.getvalue().splitlines()
        for line in body.splitlines():
            match = re.match(r"\s*print\(.*\)\s+#\s*([-\d. ]+|True|False)$", line)
            if match:
                assert match.group(1).strip() in printed, line


def test_pictures_exist():
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README)
    assert len(pictures) >= 6
    for picture in pictures:
        assert picture.startswith("docs/") and (ROOT / picture).is_file(), picture


def test_inline_commands_parse_and_demos_are_tested():
    parser = build_parser("zh")
    subcommands = parser._subparsers._group_actions[0].choices  # argparse keeps them here
    demos_named = set()
    for command in INLINE:
        words = shlex.split(command)
        if words[0] == "make":
            makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
            assert re.search(rf"^{words[1]}:", makefile, re.M), command
            continue
        if words[0] == "python":
            assert (ROOT / words[1]).is_file(), command
            continue
        if words[0] == "pip":  # the same command as in a bash block (checked there)
            assert command in [line for line, _ in cli_commands()], command
            continue
        if words[1].startswith("-"):  # an option of the command itself, e.g. --help
            assert any(words[1] in action.option_strings for action in parser._actions), command
            continue
        assert words[1] in subcommands, command
        if any(w in PLACEHOLDERS or w.startswith("name=") for w in words):
            continue  # a template, e.g. `micrograd-cn demo NAME --lang en`
        if len(words) == 2 and words[1] != "demo":
            continue  # the name of a subcommand, not a command line
        parser.parse_args(words[1:])  # exits (and fails this test) on a bad command
        if words[1] == "demo":
            demos_named.add(words[2])
            test = ROOT / "tests" / f"test_demos_{DEMOS[words[2]].replace('-', '_')}.py"
            assert f'"demo", "{words[2]}"' in test.read_text(encoding="utf-8"), command
    assert demos_named == set(DEMOS)
