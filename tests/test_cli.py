"""The micrograd-cn command: help, version, language, one-line errors."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

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


SUBCOMMAND_NAMES = ["graph", "trace", "step", "logistic", "bp", "demo", "html", "exercise"]


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
    monkeypatch.setattr("micrograd_cn.cli.common.interactive", lambda: True)

    def interrupted(prompt: str = "") -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr("builtins.input", interrupted)
    assert main(["step", "a*b", "a=3", "b=-2"]) == 130
    captured = capsys.readouterr()
    assert "第 1/2 步" not in captured.out and captured.err == "\n"


# argv, and the exact error line in Chinese (argparse's own phrases included) and in English
ARGPARSE_ERRORS = [
    (["logistic"], "micrograd-cn logistic: 错误：缺少必需的参数：--x, --y, --w, --b",
     "micrograd-cn logistic: error: the following arguments are required: --x, --y, --w, --b"),
    (["trace", "x", "x=1", "--style", "foo"],
     "micrograd-cn trace: 错误：参数 --style：无效的取值 'foo'（可选：'table', 'narrative', 'equations'）",
     "micrograd-cn trace: error: argument --style: invalid choice: 'foo' "
     "(choose from 'table', 'narrative', 'equations')"),
    (["bp", "--seed", "x"], "micrograd-cn bp: 错误：参数 --seed：无效的 int 值：'x'",
     "micrograd-cn bp: error: argument --seed: invalid int value: 'x'"),
    (["bp", "--sizes", "2", "0"], "micrograd-cn bp: 错误：参数 --sizes：不是正整数：0",
     "micrograd-cn bp: error: argument --sizes: not a positive integer: 0"),
    (["bp", "--sizes", "2", "³", "2"], "micrograd-cn bp: 错误：参数 --sizes：不是正整数：³",
     "micrograd-cn bp: error: argument --sizes: not a positive integer: ³"),
    (["bp", "--sizes", "2", "9" * 5000, "2"], "micrograd-cn bp: 错误：参数 --sizes：不是正整数：" + "9" * 59 + "…",
     "micrograd-cn bp: error: argument --sizes: not a positive integer: " + "9" * 59 + "…"),
    (["bp", "--x", "1e999" * 100], "micrograd-cn bp: 错误：参数 --x：不是有限的数：" + ("1e999" * 12)[:59] + "…",
     "micrograd-cn bp: error: argument --x: not a finite number: " + ("1e999" * 12)[:59] + "…"),
    (["graph", "x", "x=1", "--bogus"], "micrograd-cn: 错误：无法识别的参数：--bogus",
     "micrograd-cn: error: unrecognized arguments: --bogus"),
    (["graph", "--legend=3", "x", "x=1"], "micrograd-cn graph: 错误：参数 --legend：这个选项不接受值 '3'",
     "micrograd-cn graph: error: argument --legend: ignored explicit argument '3'"),
    (["logistic", "--x", "1", "--y", "1", "--w", "1", "--b"],
     "micrograd-cn logistic: 错误：参数 --b：需要一个值",
     "micrograd-cn logistic: error: argument --b: expected one argument"),
    (["logistic", "--x", "1", "--y", "1", "--w", "--b", "0"],
     "micrograd-cn logistic: 错误：参数 --w：至少需要一个值",
     "micrograd-cn logistic: error: argument --w: expected at least one argument"),
]


@pytest.mark.parametrize("argv, zh, en", ARGPARSE_ERRORS)
def test_argparse_errors_are_one_line_in_the_users_language(capsys, argv, zh, en):
    import argparse

    english = argparse._
    for lang, line in (("zh", zh), ("en", en)):
        with pytest.raises(SystemExit) as exit_info:
            main([*argv, "--lang", lang] if argv[-1] != "--b" else ["--lang", lang, *argv])
        assert exit_info.value.code == 2
        assert capsys.readouterr().err == line + "\n"
        assert argparse._ is english  # argparse is left as it was found


def test_help_headings_are_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["trace", "--help"])
    out = capsys.readouterr().out
    assert "\n位置参数:\n" in out and "\n选项:\n" in out
    assert out.startswith("usage: micrograd-cn trace ")


ROOT = Path(__file__).resolve().parent.parent


def test_full_width_digits_are_sizes(capsys):
    assert main(["bp", "--sizes", "2", "２", "2", "--no-timing", "--lang", "en"]) == 0
    assert "network 2 → 2 (tanh) → 2 (sigmoid)" in capsys.readouterr().out


def test_a_closed_pipe_ends_quietly():
    """`micrograd-cn bp | head -1`: the reader had what it wanted; exit 0, nothing on stderr."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for argv in (["bp"], ["--help"], ["demo", "moons", "--no-plots"]):
        with subprocess.Popen([sys.executable, "-m", "micrograd_cn", *argv], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
            first = proc.stdout.readline()
            proc.stdout.close()  # what `head -1` does after its line
            err = proc.stderr.read()
            assert proc.wait(timeout=120) == 0, err
        assert first and err == b""


def test_ctrl_c_while_loading_is_quiet(monkeypatch, capsys):
    """The entry point catches Ctrl-C around the imports of the command line too."""
    from micrograd_cn import console

    class Interrupting:
        def find_spec(self, name, path=None, target=None):
            if name == "micrograd_cn.cli":
                raise KeyboardInterrupt
            return None

    monkeypatch.delitem(sys.modules, "micrograd_cn.cli")
    monkeypatch.setattr(sys, "meta_path", [Interrupting(), *sys.meta_path])
    monkeypatch.setattr(sys, "argv", ["micrograd-cn", "bp"])
    assert console.run() == 130
    assert capsys.readouterr() == ("", "\n")


def test_ctrl_c_while_building_the_parser_is_quiet(monkeypatch, capsys):
    def interrupted(lang):
        raise KeyboardInterrupt

    monkeypatch.setattr("micrograd_cn.cli.build_parser", interrupted)
    assert main(["bp"]) == 130
    assert capsys.readouterr() == ("", "\n")


def test_installed_script_is_the_console_entry_point():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'micrograd-cn = "micrograd_cn.console:run"' in text


# ------------------------------------------------------------------ edges (issue 22)
@pytest.mark.parametrize("numbers", [["1e300", "-1e300"], ["-1e-3", "2E+2"], ["-.5e1", "-3."],
                                     ["-2", "-0.5"]])
def test_negative_numbers_in_scientific_notation_are_numbers(capsys, numbers):
    """Every numeric nargs option reads ``-1e300`` as a number, not as an option."""
    assert main(["bp", "--sizes", "2", "2", "--x", *numbers, "--no-timing", "--lang", "en"]) == 0
    assert main(["logistic", "--x", "-1e-3", "-2E-1", "--y", "1", "--w", "0.5", "-0.5e-1", "--b", "-1e-2",
                 "--lang", "en"]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:  # an option is still an option
        main(["bp", "--sizes", "2", "2", "--x", "-1e300", "--bad"])
    assert exit_info.value.code == 2 and "--bad" in capsys.readouterr().err


def test_a_name_the_terminal_could_not_read_blames_its_encoding(capsys):
    """Under LANG=C (UTF-8 mode off) Python reads 中 in argv as surrogate escapes."""
    mangled = "中".encode("utf-8").decode("ascii", "surrogateescape")
    assert main(["trace", f"{mangled}*2", f"{mangled}=3"]) == 2
    err = capsys.readouterr().err
    assert "终端" in err and "编码" in err and "不合法" not in err and "\n" == err[-1]
    assert err.count("\n") == 1
    assert main(["trace", f"{mangled}*2", f"{mangled}=3", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "encoding" in err and "UTF-8" in err


def test_a_chinese_name_under_lang_c_says_the_encoding_is_the_cause(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith("LC_")}
    env.update(LANG="C", LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0",
               PYTHONPATH=str(ROOT), PYTHONIOENCODING="")
    done = subprocess.run([sys.executable, "-m", "micrograd_cn", "--lang", "en", "trace",
                           "中*2".encode("utf-8"), "中=3".encode("utf-8")], env=env,
                          capture_output=True, timeout=120)
    assert done.returncode == 2
    err = done.stderr.decode("utf-8", "replace")
    assert "encoding" in err and "Traceback" not in err, err
