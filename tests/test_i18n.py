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
