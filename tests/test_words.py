"""Words a student can follow: no output names texts the user does not have.

Every command's real output (trace, step, paths, logistic, bp, the demos, the pages and
every --help), in zh and en, is scanned for "种子文本" / "seed text" (and "seed 00…",
which means the same); so are the message catalogs and the README.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from micrograd_cn.cli import main

ROOT = Path(__file__).resolve().parent.parent
BANNED = re.compile(r"种子文本|seed texts?\b|\bseeds? 00\d|种子 ?00\d", re.I)
SUBCOMMANDS = ["graph", "trace", "step", "paths", "logistic", "bp", "demo", "html", "exercise"]


def run(argv, capsys, monkeypatch, stdin=""):
    monkeypatch.setattr("micrograd_cn.cli.common.interactive", lambda: False)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        main(argv)
    except SystemExit:  # --help
        pass
    captured = capsys.readouterr()
    return captured.out + captured.err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_never_names_seed_texts(lang, capsys, monkeypatch):
    texts = [run(["--lang", lang, "--help"], capsys, monkeypatch)]
    for sub in SUBCOMMANDS:
        texts.append(run([sub, "--help", "--lang", lang], capsys, monkeypatch))
    assert all(texts)
    for text in texts:
        assert not BANNED.search(text), BANNED.search(text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_command_output_never_names_seed_texts(lang, capsys, monkeypatch, tmp_path):
    expr = ["sigmoid(w*x + b)", "w=0.5", "x=1.5", "b=0.25"]
    commands = [
        ["trace", *expr], ["trace", *expr, "--style", "narrative"],
        ["trace", *expr, "--format", "md"], ["trace", *expr, "--format", "latex"],
        ["paths", "x*x + y", "x=2", "y=1", "--wrt", "x"],
        ["logistic"], ["logistic", "--data-grads"],
        ["bp"], ["bp", "--format", "md"],
        ["exercise", "--seed", "3", "--count", "2", "--level", "2"],
    ]
    outputs = [run([*c, "--lang", lang], capsys, monkeypatch) for c in commands]
    outputs.append(run(["step", "--quiz", *expr, "--lang", lang], capsys, monkeypatch,
                       "1\n2\n0.2\n0.1\n0.3\n0.1\n0.2\n"))
    outputs.append(run(["step", *expr, "--lang", lang], capsys, monkeypatch, "\n" * 8))
    for demo in ("logistic", "layer", "bp", "numeric-vs-backprop"):
        outputs.append(run(["demo", demo, "--no-plots", "--lang", lang, "--out", str(tmp_path / demo)],
                           capsys, monkeypatch))
    pages = [("html", "--quiz", *expr, "-o", str(tmp_path / "q.html")),
             ("html", *expr, "-o", str(tmp_path / "s.html")),
             ("bp", "--sizes", "2", "3", "2", "--html", str(tmp_path / "l.html")),
             ("exercise", "--seed", "3", "--format", "html", "-o", str(tmp_path / "e.html"))]
    for page in pages:
        outputs.append(run([*page, "--lang", lang], capsys, monkeypatch))
        outputs.append(Path(page[page.index("-o") + 1] if "-o" in page else page[-1]).read_text("utf-8"))
    assert all(outputs)
    for text in outputs:
        found = BANNED.search(text)
        assert not found, text[max(0, found.start() - 80): found.end() + 80]


def test_catalogs_and_readme_never_name_seed_texts():
    files = sorted((ROOT / "micrograd_cn" / "i18n").glob("*.py")) + [ROOT / "README.md"]
    for path in files:
        found = BANNED.search(path.read_text(encoding="utf-8"))
        assert not found, f"{path.name}: {found.group(0)}"
