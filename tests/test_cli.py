"""The micrograd-cn command: help, version, language, one-line errors."""

from __future__ import annotations

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
