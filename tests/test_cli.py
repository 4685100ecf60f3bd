"""The micrograd-cn command: help, version, language, one-line errors."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from micrograd_cn import __version__
from micrograd_cn.cli import main


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"micrograd-cn {__version__}"


def test_help_is_chinese_by_default_and_english_on_request(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    zh = capsys.readouterr().out
    assert "逐个标量的反向传播教学工具" in zh
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    en = capsys.readouterr().out
    assert "teach backpropagation one scalar at a time" in en
    assert "逐个" not in en


def test_no_command_prints_help(capsys):
    assert main([]) == 0
    assert "micrograd-cn" in capsys.readouterr().out


def test_unknown_command_is_one_line_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["no-such-command"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "错误：" in err and "Traceback" not in err


def test_console_entry_point_runs():
    """`python -m micrograd_cn` is the same program as the installed `micrograd-cn`."""
    done = subprocess.run([sys.executable, "-m", "micrograd_cn", "--version"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout.strip() == f"micrograd-cn {__version__}"


SUBCOMMAND_NAMES = ["graph", "trace", "step", "logistic", "bp", "demo", "html"]


@pytest.mark.parametrize("name", SUBCOMMAND_NAMES)
def test_every_subcommand_help_is_wholly_english_on_request(capsys, name):
    with pytest.raises(SystemExit) as exit_info:
        main([name, "--help", "--lang", "en"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "show this help and exit" in out and "output language: zh (default) or en" in out
    assert not re.search(r"[\u4e00-\u9fff]", out), out  # no Chinese left over
    with pytest.raises(SystemExit):
        main([name, "--help"])
    zh = capsys.readouterr().out
    assert "显示本帮助并退出" in zh and "输出语言：zh（默认）或 en" in zh


@pytest.mark.parametrize("name", ["graph", "trace", "step", "html"])
def test_expression_subcommands_share_one_declaration(capsys, name):
    with pytest.raises(SystemExit):
        main([name, "--help", "--lang", "en"])
    out = capsys.readouterr().out
    assert "EXPR [NAME=VALUE ...]" in out
    assert "each name's value, e.g. w=0.5 x=2 b=-1" in out


def test_ctrl_c_quits_quietly(capsys, monkeypatch):
    monkeypatch.setattr("micrograd_cn.cli._interactive", lambda: True)

    def interrupted(prompt: str = "") -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("builtins.input", interrupted)
    assert main(["step", "a*b", "a=3", "b=-2"]) == 130
    captured = capsys.readouterr()
    assert "第 1/2 步" not in captured.out and captured.err == "\n"
