"""Jupyter: Values display as label/data/grad tables, and the demo notebook runs start to end."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import require_torch

from micrograd_cn.engine import Value
from micrograd_cn.notebook import load_ipython_extension, unload_ipython_extension, values_html

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "demos" / "logistic_neuron.ipynb"


def test_value_table_shows_label_data_grad():
    x = Value(0.1, label="x<1>")
    x.grad = 0.30000000000000004
    html = values_html([x, Value(2.0)])
    assert "<th" in html and "标签" in html and "梯度 grad" in html
    assert ">x&lt;1&gt;<" in html  # labels are escaped
    assert ">0.1<" in html and ">0.30000000000000004<" in html  # full precision
    assert "<i>—</i>" in html  # an unlabeled Value
    assert "label" in values_html([x], "en") and "标签" not in values_html([x], "en")


def test_unlabelled_values_take_naming_names():
    """One name per node: a list with its root shows the names trace and draw use."""
    from micrograd_cn.teach.snapshot import snapshot

    w, x, b = Value(2.0, label="w"), Value(3.0, label="x"), Value(1.0, label="b")
    wx = w * x
    f = (wx + b).tanh()
    html = values_html([w, wx, f])
    names = {node.name for node in snapshot(f).nodes}
    assert ">v1<" in html and ">f<" in html and {"v1", "f"} <= names
    assert "<i>—</i>" not in html
    assert "<i>—</i>" in values_html([wx, Value(5.0)])  # no Value is computed from the other


def test_extension_registers_and_unregisters():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    load_ipython_extension(shell)
    try:
        x = Value(3.0, label="x")
        data, _ = shell.display_formatter.format(x)
        assert data["text/plain"] == "Value(data=3.0, grad=0.0, label='x')"
        assert "<table" in data["text/html"] and ">3.0<" in data["text/html"]
        data, _ = shell.display_formatter.format([x, x * 2])
        assert data["text/html"].count("<tr>") == 3  # header + two Values
        data, _ = shell.display_formatter.format([1, 2])
        assert "text/html" not in data  # other lists keep their usual display
    finally:
        unload_ipython_extension(shell)
    assert "text/html" not in shell.display_formatter.format(Value(1.0))[0]


@pytest.fixture(scope="module")
def executed():
    """The demo notebook, run by a real kernel from the repository root.

    Its last section trains the same network in PyTorch, so it needs the oracle
    (a failure under `make test`, a skip in a plain local pytest without torch).
    """
    import nbformat
    from nbclient import NotebookClient

    require_torch()
    os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    return nb


def outputs(cell) -> list:
    return cell.get("outputs", [])


def test_notebook_is_committed_without_outputs():
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not outputs(c) for c in nb.cells if c.cell_type == "code")
    assert nb.cells[1].source.startswith("%load_ext micrograd_cn.notebook")


def test_notebook_runs_and_shows_values_graph_and_checks(executed):
    code = [c for c in executed.cells if c.cell_type == "code"]
    for cell in code:
        assert all(o.output_type != "error" for o in outputs(cell)), cell.source
    # the forward cell ends in L: shown as the label/data/grad table
    html = outputs(code[1])[0]["data"]["text/html"]
    assert "标签" in html and ">L<" in html
    # after backward, the list of Values is one table with six rows
    assert outputs(code[2])[0]["data"]["text/html"].count("<tr>") == 7
    # draw(L) is shown inline as SVG
    assert "<svg" in outputs(code[3])[0]["data"]["image/svg+xml"]
    # the closed-form cell printed its five lines (and its asserts held), ∂L/∂y = −z among them
    text = "".join(o.get("text", "") for o in outputs(code[4]))
    assert text.count("引擎") == 5 and "∂L/∂b" in text
    assert "∂L/∂y：引擎 −0.1，闭式 −0.1" in text  # z = 0.5·1 − 0.25·2 + 0.1
    # the picture draws parameters and data apart
    svg = outputs(code[3])[0]["data"]["image/svg+xml"]
    assert svg.count('class="node param"') == 3 and svg.count('class="node data"') == 3
    trace_text = "".join(o.get("text", "") for o in outputs(code[5]))
    assert "反向传播：12 步链式法则" in trace_text and "∂L/∂w₁ = −0.475021" in trace_text
    training = "".join(o.get("text", "") for o in outputs(code[6]))
    assert "第 10 步之后 J = 0.151379" in training and "准确率 1.0" in training
    bridge_cell = next(c for c in code if "micrograd_cn.bridge" in c.source)
    bridge = "".join(o.get("text", "") for o in outputs(bridge_cell)).splitlines()
    assert len(bridge) == 6 and bridge[0].startswith("第 1 步  micrograd_cn 损失 ")
    for line in bridge[:5]:  # the two losses printed to 15 decimals are the same digits
        ours, theirs = line.split("micrograd_cn 损失 ")[1].split("   PyTorch 损失 ")
        assert abs(float(ours) - float(theirs)) < 1e-12
    assert bridge[5].startswith("训练 5 步之后，42 个参数两边最大相差 ")
    assert float(bridge[5].rsplit(" ", 1)[1]) < 1e-12


def test_notebook_shows_the_step_page_inline(executed):
    last = next(c for c in executed.cells if c.cell_type == "code"
                and c.source.startswith("from micrograd_cn.pages.step import step_page"))
    html = outputs(last)[0]["data"]["text/html"]
    assert html.startswith("<iframe srcdoc=\"&lt;!DOCTYPE html&gt;")
    assert "&lt;svg" in html and "w₁" in html and "∂L/∂w₁" in html
    # no network: only the SVG namespaces name a URL
    assert set(re.findall(r"https?://[^\s\"'&<>)]+", html)) <= {
        "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


def test_a_long_list_is_capped_and_says_how_many():
    from micrograd_cn.notebook import MAX_ROWS

    values = [Value(float(k), label=f"x{k}") for k in range(100_000)]
    text = values_html(values)
    assert len(text) < 50_000  # was 24.5 MB
    assert text.count("<tr>") == MAX_ROWS + 1  # the header and the first rows
    assert "100000" in text.replace(",", "") and str(100_000 - MAX_ROWS) in text.replace(",", "")
    assert ">x0<" in text and f">x{MAX_ROWS - 1}<" in text and f">x{MAX_ROWS}<" not in text
    small = values_html(values[:3])
    assert small.count("<tr>") == 4 and "100000" not in small
