"""teach.naming: a user's names always win, automatic names never take one (issue 22)."""

from __future__ import annotations

import pytest

from micrograd_cn.cli import main
from micrograd_cn.engine import Value
from micrograd_cn.teach.naming import Naming


def textbook_graph() -> tuple[Value, Value, Value, Value]:
    """Output weights named v1, v2 as in the textbook, and unlabelled steps between."""
    v1, v2, x = Value(2.0, label="v1"), Value(1.0, label="v2"), Value(3.0, label="x")
    return v1, v2, x, (v1 * x).tanh() + v2 * x


def test_automatic_names_skip_the_names_users_gave():
    v1, v2, x, f = textbook_graph()
    names = Naming(f)
    assert (names.of(v1), names.of(v2), names.of(x), names.of(f)) == ("v1", "v2", "x", "f")
    assert not any("#" in name for name in names.names)
    assert len(set(names.names)) == len(names.names)  # every node its own name
    assert [n for n in names.names if n not in ("v1", "v2", "x", "f")] == ["v3", "v4", "v5"]


def test_a_leaf_called_f_keeps_it_and_the_root_takes_another_name():
    f_leaf, x = Value(2.0, label="f"), Value(3.0, label="x")
    root = f_leaf * x + x
    names = Naming(root)
    assert names.of(f_leaf) == "f" and names.of(root) != "f" and "#" not in names.of(root)


def test_two_leaves_the_user_named_alike_are_still_told_apart():
    a, b = Value(1.0, label="x"), Value(2.0, label="x")
    assert Naming(a * b).names == ["x#1", "x#2", "f"]


@pytest.mark.parametrize("command", [["graph", "-o", "{tmp}/g.svg"], ["trace"], ["html", "-o", "{tmp}/s.html"],
                                     ["paths", "--wrt", "v1"], ["step", "--all"]])
def test_v1_and_v2_on_the_command_line(command, tmp_path, capsys):
    argv = [command[0], "tanh(v1*x) + v2*x", "v1=2", "v2=1", "x=3",
            *(arg.format(tmp=tmp_path) for arg in command[1:])]
    assert main(argv) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "#" not in out and "v1" in out or command[0] == "html"


def test_paths_finds_the_users_v1(capsys):
    assert main(["paths", "tanh(v1*x) + v2*x", "v1=2", "v2=1", "x=3", "--wrt", "v1",
                 "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "∂f/∂v1" in out and "#" not in out


# ------------------------------------------------------------------ labels that are not text
@pytest.mark.parametrize("label, shown", [(5, "5"), (b"x", "b'x'"), (2.5, "2.5")])
def test_a_label_that_is_not_text_is_shown_as_its_str_everywhere(label, shown):
    from micrograd_cn.notebook import values_html
    from micrograd_cn.pages.step import step_page
    from micrograd_cn.teach.trace import render_trace

    a, b = Value(0.5), Value(2.0, label="b")
    a.label = label  # what micrograd code does
    root = (a * b).tanh()
    assert Naming(root).of(a) == shown
    assert f">{shown}<".replace("'", "&#x27;") in values_html([a, b, root])
    assert f"{shown} " in render_trace(root) or f"{shown}·" in render_trace(root)
    assert shown.replace("'", "&#x27;") in step_page(root) or shown in step_page(root)


def test_an_error_message_names_a_node_by_its_non_text_label():
    from micrograd_cn.checks import describe

    a = Value(0.5)
    a.label = 5
    assert describe(a) == "5"
