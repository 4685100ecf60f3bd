"""trace --format md|latex|json and -o: golden files, numbers as numbers, one writer."""

from __future__ import annotations

import json
import re

import pytest

from micrograd_cn.cli import main
from micrograd_cn.teach.expr import build

EXAMPLE = ["tanh(w*x + b) + x*x", "w=-0.5", "x=2", "b=0.25"]


def run(capsys, *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("fmt, name", [("md", "cli_trace_zh.md"), ("latex", "cli_trace_zh.tex"),
                                       ("json", "cli_trace.json")])
def test_exports_golden(capsys, golden, fmt, name):
    golden(name, run(capsys, "trace", *EXAMPLE, "--format", fmt))


def test_english_markdown_narrative(capsys, golden):
    golden("cli_trace_narrative_en.md", run(capsys, "trace", "sigmoid(w*x + b)", "w=0.5", "x=2",
                                            "b=-1", "--format", "md", "--style", "narrative",
                                            "--lang", "en"))


def test_json_numbers_are_the_engines_numbers(capsys):
    data = json.loads(run(capsys, "trace", *EXAMPLE, "--format", "json"))
    root, leaves = build(EXAMPLE[0], {"w": -0.5, "x": 2.0, "b": 0.25})
    root.backward()
    assert data["expression"] == EXAMPLE[0] and data["root"] == "f"
    assert data["gradients"] == {name: leaf.grad for name, leaf in leaves.items()}
    assert len(data["steps"]) == 9
    for step in data["steps"]:
        assert set(step) == {"k", "output", "input", "upstream", "local", "contribution",
                             "formula", "rule", "grad_before", "grad_after"}
        assert all(isinstance(step[key], float) for key in (
            "upstream", "local", "contribution", "grad_before", "grad_after"))
        assert step["contribution"] == step["upstream"] * step["local"]
    last = data["steps"][-1]
    assert (last["output"], last["input"], last["formula"]) == ("v1", "x", "w")
    assert last["grad_after"] == leaves["x"].grad  # the last step into x leaves its gradient


def test_latex_is_math_mode_throughout(capsys):
    """Every formula character became a LaTeX command; only Chinese text stays Unicode."""
    text = run(capsys, "trace", *EXAMPLE, "--format", "latex")
    assert text.count(r"\begin{align*}") == text.count(r"\end{align*}") == 3
    assert r"\partial f/\partial w &= \partial f/\partial v_{1} \cdot x = 0.596586 \times 2" in text
    assert r"\partial f/\partial x &\mathrel{+}= " in text  # x receives three contributions
    leftover = {ch for ch in text if ord(ch) > 127 and not re.match(r"[\u3000-\u9fff\uff00-\uffef]", ch)}
    assert leftover == set(), leftover
    assert text.count("{") == text.count("}") and text.count("$") % 2 == 0


def test_format_and_style_agree(capsys):
    table = run(capsys, "trace", *EXAMPLE)
    assert run(capsys, "trace", *EXAMPLE, "--format", "table") == table
    narrative = run(capsys, "trace", *EXAMPLE, "--style", "narrative")
    assert run(capsys, "trace", *EXAMPLE, "--format", "narrative") == narrative
    equations = run(capsys, "trace", *EXAMPLE, "--style", "equations")
    assert "    ∂f/∂w   = ∂f/∂v1 · x = 0.596586 × 2 = 1.19317" in equations


def test_output_file_is_written_whole(capsys, tmp_path):
    out = tmp_path / "trace.tex"
    assert main(["trace", *EXAMPLE, "--format", "latex", "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"已写入 {out}\n"
    assert out.read_text(encoding="utf-8") == run(capsys, "trace", *EXAMPLE, "--format", "latex")
    assert [p.name for p in tmp_path.iterdir()] == ["trace.tex"]


def test_output_into_a_missing_folder_fails_before_any_work(capsys, tmp_path):
    assert main(["trace", "log(x)", "x=0", "-o", str(tmp_path / "no" / "t.md")]) == 2
    err = capsys.readouterr().err
    assert err == f"micrograd-cn: 错误：输出目录 {tmp_path / 'no'} 不存在；请先创建它\n"
