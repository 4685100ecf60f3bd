"""The message catalog: both languages, every placeholder filled, language switching."""

from __future__ import annotations

import string

import pytest

from micrograd_cn.i18n import MESSAGES, check_lang, get_lang, language, set_lang, shorten, show, t


def test_every_message_has_the_same_placeholders_in_both_languages():
    fields = string.Formatter()
    for key, (zh, en) in MESSAGES.items():
        zh_fields = {name for _, name, _, _ in fields.parse(zh) if name}
        en_fields = {name for _, name, _, _ in fields.parse(en) if name}
        assert zh_fields == en_fields, key
        assert "lang" not in zh_fields, f"{key}: 'lang' clashes with t()'s own argument"


def test_unknown_language_is_named_in_the_error():
    with pytest.raises(ValueError) as excinfo:
        check_lang("fr")
    assert str(excinfo.value) == "未知的语言 'fr'；可选：zh、en"
    with language("en"), pytest.raises(ValueError) as excinfo:
        set_lang("klingon")
    assert str(excinfo.value) == "unknown language 'klingon'; choose zh or en"


def test_switching_language():
    assert get_lang() == "zh"
    with language("en"):
        assert t("nn_empty", where="x") == "x: the input is empty"
    assert t("nn_empty", where="x") == "x：输入为空"
    assert t("nn_empty", "en", where="y") == "y: the input is empty"


def test_show_does_bounded_work_on_huge_values():
    import time

    from micrograd_cn.engine import Value

    huge = [0.5] * 30_000_000
    start = time.perf_counter()
    assert show(huge) == "[0.5, 0.5, 0.5, 0.5, 0.5, 0.5, ...]"
    with pytest.raises(TypeError) as err:
        Value(huge)  # describing the bad value must not cost seconds and memory
    assert time.perf_counter() - start < 0.5  # repr() of the list takes seconds
    assert str(err.value) == "Value：需要数字（int/float）或 Value，收到 list [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, ...]"
    assert show("x" * 10_000_000) == "'" + "x" * 58 + "…"
    assert show({"a": [1, 2]}) == "{'a': [1, 2]}" and show((1,)) == "(1,)"
    assert show(10 ** 5000) == "<int 16610 bits>"
    assert shorten("9" * 5000) == "9" * 59 + "…" and shorten("short") == "short"


# ---------------------------------------------------------------- every key used, every key defined
def _package_strings() -> tuple[set[str], list[str]]:
    """Every string literal in the package, and the f-string keys passed to t() (there must be none)."""
    import ast
    from pathlib import Path

    strings: set[str] = set()
    built: list[str] = []
    for path in (Path(__file__).resolve().parent.parent / "micrograd_cn").rglob("*.py"):
        if "i18n" in path.parts and path.name != "__init__.py":
            continue  # the catalogs define keys; using one means naming it elsewhere
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args
                    and isinstance(node.args[0], ast.JoinedStr)):
                built.append(f"{path.name}:{node.lineno}")
    return strings, built


def test_no_key_is_built_with_an_f_string():
    assert _package_strings()[1] == []


def test_every_key_is_used_and_every_used_key_is_defined():
    import ast
    from pathlib import Path

    from micrograd_cn.i18n import MESSAGES

    strings, _ = _package_strings()
    unused = sorted(key for key in MESSAGES if key not in strings)
    assert not unused, f"keys defined but never used: {unused}"
    undefined = []
    for path in (Path(__file__).resolve().parent.parent / "micrograd_cn").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args
                    and isinstance(node.args[0], ast.Constant) and node.args[0].value not in MESSAGES):
                undefined.append(f"{path.name}:{node.lineno}: {node.args[0].value}")
    assert not undefined, undefined


def test_every_key_has_both_languages_with_the_same_fields():
    import string

    from micrograd_cn.i18n import MESSAGES

    fields = string.Formatter()
    for key, (zh, en) in MESSAGES.items():
        assert zh.strip() and en.strip(), key
        named = [{f for _, f, _, _ in fields.parse(text) if f} for text in (zh, en)]
        assert named[0] == named[1], key


def test_no_catalog_file_is_over_500_lines():
    from pathlib import Path

    for path in (Path(__file__).resolve().parent.parent / "micrograd_cn" / "i18n").glob("*.py"):
        assert path.read_text(encoding="utf-8").count("\n") <= 500, path.name
