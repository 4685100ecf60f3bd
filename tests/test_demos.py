"""The demo registry, `micrograd-cn demo`, the thin scripts and life without matplotlib."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from micrograd_cn.cli import main
from micrograd_cn.demos import DEMOS, _common, layer, load

ROOT = Path(__file__).resolve().parent.parent


def test_every_demo_has_a_module_and_no_shim_script():
    assert list(DEMOS) == ["logistic", "layer", "bp", "moons", "numeric-vs-backprop", "digits"]
    for name, module in DEMOS.items():
        assert callable(load(name).run)
        # the demo is its module in the package; demos/ holds only the notebook
        assert not (ROOT / "demos" / f"{module}.py").exists()


def test_unknown_demo_is_a_clear_error():
    with pytest.raises(ValueError, match="没有名为 'nope' 的演示；可选：logistic, layer"):
        load("nope")


def test_cli_unknown_demo_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "nope"])
    assert exit_info.value.code == 2
    assert "nope" in capsys.readouterr().err


def test_cli_help_lists_the_demos(capsys):
    with pytest.raises(SystemExit):
        main(["demo", "--help", "--lang", "en"])
    out = " ".join(capsys.readouterr().out.split())  # argparse wraps long help lines
    assert "which demo: logistic, layer, bp, moons, numeric-vs-backprop, digits" in out
    assert "--no-plots" in out and "--quick a quick run (digits: 400 training images" in out


def test_without_matplotlib_numbers_still_print(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib -> ImportError
    assert main(["demo", "layer", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "第 1000 步之后的代价 C = 0.0027846224530" in out
    assert out.endswith("（未画图：没有安装 matplotlib。运行 pip install 'micrograd-cn[demos]' "
                        "或 make demo 后即可得到图片；上面的数字不受影响）\n")
    assert list(tmp_path.iterdir()) == []
    result = layer.run(steps=2, out_dir=tmp_path, lang="en")
    assert result.pictures.lines("en") == [
        "(no pictures: matplotlib is not installed. Run pip install 'micrograd-cn[demos]' or "
        "make demo to get them; the numbers above are complete)"]


def test_labels_fall_back_to_english_without_a_cjk_font(monkeypatch):
    monkeypatch.setattr(_common, "CJK_FONTS", ("No Such Font",))
    plt, label_lang = _common.pyplot("zh")
    assert label_lang == "en"
    monkeypatch.undo()
    plt, label_lang = _common.pyplot("zh")
    assert label_lang == "zh"  # scripts/system-deps.sh installs WenQuanYi Micro Hei
    assert plt.get_backend().lower() == "agg"


def test_out_folder_is_created(tmp_path):
    assert _common.out_folder(tmp_path / "a" / "b", "x") == tmp_path / "a" / "b"
    assert (tmp_path / "a" / "b").is_dir()


def test_vector_is_full_precision():
    assert _common.vector([0.1 + 0.2, 1]) == "[0.30000000000000004, 1.0]"


def test_out_naming_a_file_is_a_clear_message(tmp_path, capsys):
    (tmp_path / "f").write_text("", encoding="utf-8")
    assert main(["demo", "layer", "--out", str(tmp_path / "f")]) == 2
    assert capsys.readouterr().err == (f"micrograd-cn: 错误：--out 需要一个文件夹，{tmp_path / 'f'} "
                                       "却是一个文件；请换一个文件夹名\n")
    assert main(["demo", "layer", "--out", str(tmp_path / "f" / "g"), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (f"micrograd-cn: error: cannot create the folder "
                                       f"{tmp_path / 'f' / 'g'}: Not a directory\n")


def test_plots_are_written_whole_and_readable_by_others(tmp_path):
    import os

    old = os.umask(0o022)
    try:
        result = layer.run(steps=2, out_dir=tmp_path, lang="en")
    finally:
        os.umask(old)
    [path] = result.pictures.paths
    assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert path.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cost.png"]  # no temporary file left
