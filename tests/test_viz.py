"""micrograd_cn.render.graph: SVGs read back as XML (labels, numbers, ids), escaping, files, limits.

Every SVG here is made by the real ``dot`` program, so a broken DOT source or an
invalid SVG fails the test."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import graphviz
import pytest

from micrograd_cn import MLP, Value, topo_sort
from micrograd_cn.notation import num
from micrograd_cn.render.graph import DIGITS, DotNotFound, draw, escape, render
from micrograd_cn.teach.expr import build

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def svg_groups(path: Path) -> dict[str, ET.Element]:
    """Every <g> with an id, by id (parsing fails if the SVG is not valid XML)."""
    root = ET.parse(path).getroot()
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}


def lines(group: ET.Element) -> list[str]:
    """The text lines drawn inside a node or edge, top to bottom."""
    return [text.text or "" for text in group.iter(f"{SVG}text")]


def tooltip(group: ET.Element) -> str:
    return next(group.iter(f"{SVG}a")).get(f"{XLINK}title")


@pytest.fixture
def neuron():
    """The logistic neuron σ(w·x + b) at w=0.5, x=2, b=−1, after backward()."""
    root, leaves = build("sigmoid(w*x + b)", {"w": 0.5, "x": 2.0, "b": -1.0})
    root.backward()
    return root, leaves


def test_boxes_use_the_terminals_numbers_with_4_digits(tmp_path):
    # table.num writes every number the terminal shows; a box writes the same, to 4 digits,
    # so the classroom page's picture and its trace agree (−1, not -1; 1.235e6, −2e−5).
    values = [-1.0, 0.7310585786300049, 1234567.0, -2e-5, -0.0]
    leaves = [Value(v, label=f"n{i}") for i, v in enumerate(values)]
    root = leaves[0] + leaves[1] + leaves[2] + leaves[3] + leaves[4]
    g = svg_groups(render(root, tmp_path / "n.svg", show_grad=False))
    shown = [lines(g[f"v{k}"])[-1] for k, v in enumerate(topo_sort(root)) if not v._prev]
    assert shown == ["值 −1", "值 0.7311", "值 1.235e6", "值 −2e−5", "值 0"]
    assert [num(v, 4) for v in values] == [s.split()[1] for s in shown]


def test_logistic_neuron_svg_has_every_value_gradient_and_id(neuron, tmp_path):
    root, leaves = neuron
    out = render(root, tmp_path / "neuron.svg", params=[leaves["w"], leaves["b"]])
    assert out == tmp_path / "neuron.svg"
    assert (tmp_path / "neuron.dot").read_text(encoding="utf-8").startswith("digraph")
    g = svg_groups(out)
    # topo order: w, x, w·x, b, z = w·x + b, σ(z). Hand values: z = 0, σ(0) = 1/2,
    # σ'(0) = 1/4, so ∂a/∂w = x/4, ∂a/∂x = w/4, ∂a/∂b = 1/4.
    # x is data (not a parameter): drawn without a gradient, as seed 002 never asks for it.
    assert lines(g["v0"]) == ["w", "值 0.5", "梯度 0.5"]
    assert lines(g["v1"]) == ["x", "值 2"]
    assert lines(g["v2"]) == ["v1", "值 1", "梯度 0.25"]
    assert lines(g["v3"]) == ["b", "值 −1", "梯度 0.25"]
    assert lines(g["v4"]) == ["v2", "值 0", "梯度 0.25"]
    assert lines(g["v5"]) == ["f", "值 0.5", "梯度 1"]
    assert tooltip(g["e4_5"]) == "f 对这个输入的局部导数 = σ′(v2) = 0.25"
    assert tooltip(g["o5"]) == "f = σ(v2)"


def test_ids_follow_topo_sort_for_any_graph(tmp_path):
    x = Value(1.5, label="x")
    y = Value(-0.5, label="y")
    root = ((x * y).tanh() + (x ** 3) / y.exp() - 2).relu() + x
    root.backward()
    order = topo_sort(root)
    g = svg_groups(render(root, tmp_path / "g.svg", order=True))
    index = {id(v): k for k, v in enumerate(order)}
    for k, node in enumerate(order):
        box = lines(g[f"v{k}"])
        assert box[0] == f"#{len(order) - k}"  # backward visits reversed(order); 1 = root
        if node._prev or node.label:
            assert box[-2:] == [f"值 {num(node.data, DIGITS)}", f"梯度 {num(node.grad, DIGITS)}"]
        else:  # a constant: its number, no name and no gradient
            assert box[1:] == [f"值 {num(node.data, DIGITS)}"]
        assert (f"o{k}" in g) == bool(node._prev) == (f"r{k}" in g)
        for child in node._prev:
            assert f"e{index[id(child)]}_{k}" in g
    powers = [k for k, v in enumerate(order) if v._op == "**"]
    assert [lines(g[f"o{k}"]) for k in powers] == [["x³"]]


def test_value_exponent_and_fused_sum_use_the_engine_symbols(tmp_path):
    a, n = Value(2.0, label="a"), Value(3.0, label="n")
    root = a ** n
    root.backward()
    g = svg_groups(render(root, tmp_path / "p.svg"))
    assert lines(g["o2"]) == ["xʸ"]
    assert tooltip(g["e1_2"]) == "f 对这个输入的局部导数 = a^n·log(a) = 5.54518"  # 8·ln 2


def test_a_value_used_twice_gets_one_arrow_marked_x2(tmp_path):
    x = Value(3.0, label="x")
    root = x * x
    root.backward()
    g = svg_groups(render(root, tmp_path / "sq.svg"))
    assert lines(g["e0_1"]) == ["×2"]
    assert tooltip(g["e0_1"]) == ("f 对这个输入的局部导数 = x = 3; "
                                  "f 对这个输入的局部导数 = x = 3")
    assert lines(g["v0"]) == ["x", "值 3", "梯度 6"]  # d(x²)/dx = 2x


def test_small_fused_mlp(tmp_path):
    mlp = MLP(2, [2, 1], activation="tanh", seed=3)
    mlp.layers[0].set_weights([[0.5, -1.0], [2.0, 0.25]], [0.1, -0.2])
    mlp.layers[1].set_weights([[1.5, -0.5]], [0.3])
    x = [Value(1.0, label="x1"), Value(-2.0, label="x2")]
    out = mlp(x)
    out.backward()
    g = svg_groups(render(out, tmp_path / "mlp.svg", params=mlp.parameters(), legend=True,
                          lang="en"))
    order = topo_sort(out)
    assert len(order) == 2 + 9 + 3 + 2  # inputs, parameters, 3 weighted sums, 2 tanh
    params = {id(p) for p in mlp.parameters()}
    for k, node in enumerate(order):
        kind = ("result" if node._prev else "param" if id(node) in params else "data")
        assert g[f"v{k}"].get("class") == f"node {kind}"
        box = lines(g[f"v{k}"])
        if kind == "data":  # the inputs x1, x2 are data: no gradient asked for
            assert box[-1] == f"data {num(node.data, DIGITS)}"
        else:
            assert box[-2:] == [f"data {num(node.data, DIGITS)}", f"grad {num(node.grad, DIGITS)}"]
    assert sorted(lines(g[f"o{k}"])[0] for k, v in enumerate(order) if v._prev) == [
        "tanh", "tanh", "Σwx+b", "Σwx+b", "Σwx+b"]
    # Hand check of one number: h1 = tanh(0.5·1 − 1·(−2) + 0.1) = tanh(2.6).
    h1 = next(k for k, v in enumerate(order) if v._op == "tanh")
    assert lines(g[f"v{h1}"])[1] == "data 0.989"  # tanh(2.6) = 0.98903…
    assert lines(g["legend"]) == ["legend", "parameter", "data (a named leaf, such as x, y)", "constant",
                                  "intermediate result (double border: output)", "operation"]


HOSTILE_LABELS = [
    'say "hi"', "<b>bold</b> & &amp;", "back\\slash \\N \\G \\", "two\nlines", "权重 ω",
    "]]> <!-- -->", "'single' {braces}; [x]", "a\tb", "x\x01y\x7f",
]


def test_hostile_labels_survive_dot_and_svg(tmp_path):
    leaves = [Value(float(i), label=label) for i, label in enumerate(HOSTILE_LABELS)]
    root = leaves[0]
    for leaf in leaves[1:]:
        root = root + leaf
    root.backward()
    title = 'title <with> "quotes" & \\back\\slashes\\'
    g = svg_groups(render(root, tmp_path / "hostile.svg", title=title))
    order = topo_sort(root)
    shown = {}
    for k, node in enumerate(order):
        if node.label:
            shown[node.label] = lines(g[f"v{k}"])[:-2]
    assert shown == {
        'say "hi"': ['say "hi"'],
        "<b>bold</b> & &amp;": ["<b>bold</b> & &amp;"],
        "back\\slash \\N \\G \\": ["back\\slash \\N \\G \\"],
        "two\nlines": ["two", "lines"],
        "权重 ω": ["权重 ω"],
        "]]> <!-- -->": ["]]> <!-- -->"],
        "'single' {braces}; [x]": ["'single' {braces}; [x]"],
        "a\tb": ["a b"],
        "x\x01y\x7f": ["x\\x01y\\x7f"],
    }
    svg_text = (tmp_path / "hostile.svg").read_text(encoding="utf-8")
    assert "title &lt;with&gt; &quot;quotes&quot; &amp; \\back\\slashes\\" in svg_text


def test_escape():
    assert escape('<a href="x">&\\') == "&lt;a href=&quot;x&quot;&gt;&amp;\\\\"
    assert escape("a\r\nb\nc\rd\te\x00") == "a<BR/>b<BR/>c<BR/>d e\\\\x00"
    assert escape("x" * 50) == "x" * 39 + "…"


def test_show_grad_false_highlight_and_english(tmp_path, neuron):
    root, leaves = neuron
    g = svg_groups(render(root, tmp_path / "h.svg", show_grad=False, lang="en",
                          highlight=[leaves["x"], "e1_2", "o5"]))
    assert lines(g["v1"]) == ["x", "data 2"]
    red = [k for k, v in g.items() if v.get("class") != "graph" and not k.startswith("a_")
           and any(e.get("stroke") == "#d62728" for e in v.iter())]
    assert sorted(red) == ["e1_2", "o5", "v1"]


def test_bad_arguments_are_refused_with_a_message(neuron):
    root, _ = neuron
    with pytest.raises(ValueError, match=r"^要高亮的 'v99' 不是这张图里的编号"):
        draw(root, highlight=["v99"])
    with pytest.raises(ValueError, match=r"^要高亮的 Value 不在这张图里"):
        draw(root, highlight=[Value(1.0)])
    with pytest.raises(ValueError, match=r"^rankdir 取值无效：'XY'"):
        draw(root, rankdir="XY")
    with pytest.raises(TypeError, match=r"^画图需要一个 Value，收到 float$"):
        draw(1.0)
    with pytest.raises(ValueError, match=r"^未知的语言"):
        draw(root, lang="fr")


def test_draw_returns_a_digraph_for_jupyter(neuron):
    root, _ = neuron
    graph = draw(root, rankdir="TB")
    assert isinstance(graph, graphviz.Digraph)
    assert hasattr(graph, "_repr_mimebundle_")  # what Jupyter calls to show it inline
    assert "rankdir=TB" in graph.source


def test_render_refuses_a_missing_directory_and_unknown_format(neuron, tmp_path):
    root, _ = neuron
    with pytest.raises(ValueError, match=r"^输出目录 .*missing 不存在；请先创建它$"):
        render(root, tmp_path / "missing" / "g.svg")
    with pytest.raises(ValueError, match=r"^无法识别输出文件 .*g\.txt 的格式；文件名须以下列之一结尾："
                                         r"\.svg, \.png, \.pdf$"):
        render(root, tmp_path / "g.txt")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".pdf", b"%PDF")])
def test_render_png_and_pdf(neuron, tmp_path, suffix, magic):
    root, _ = neuron
    path = render(root, tmp_path / f"g{suffix}")
    assert path.read_bytes()[:4] == magic
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.dot", f"g{suffix}"]


def test_missing_dot_says_how_to_install_and_keeps_the_dot_file(neuron, tmp_path, monkeypatch):
    root, _ = neuron
    empty = tmp_path / "empty_path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # no `dot` anywhere
    with pytest.raises(DotNotFound) as err:
        render(root, tmp_path / "g.svg")
    assert str(err.value) == (
        f"找不到 Graphviz 的 dot 程序，无法生成 {tmp_path / 'g.svg'}（DOT 源文件已写入 "
        f"{tmp_path / 'g.dot'}）。请安装 Graphviz：sudo apt-get install graphviz"
        "（macOS：brew install graphviz）")
    assert isinstance(err.value, OSError)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty_path", "g.dot"]
    assert (tmp_path / "g.dot").read_text(encoding="utf-8") == draw(root).source


def test_a_failing_dot_leaves_the_old_file_untouched(neuron, tmp_path, monkeypatch):
    root, _ = neuron
    old = tmp_path / "g.svg"
    old.write_text("old picture", encoding="utf-8")

    def failing_pipe(self, **kw):
        raise graphviz.CalledProcessError(1, ["dot"], stderr=b"Error: layout failed\nmore")

    monkeypatch.setattr(graphviz.Digraph, "pipe", failing_pipe)
    with pytest.raises(OSError, match=r"^Graphviz 的 dot 运行失败：Error: layout failed$"):
        render(root, old)
    assert old.read_text(encoding="utf-8") == "old picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.dot", "g.svg"]  # no temp files


def test_a_write_failure_names_the_file_not_the_temporary_one(neuron, tmp_path):
    root, _ = neuron
    (tmp_path / "g.svg").mkdir()  # a folder where the picture should go
    with pytest.raises(OSError) as err:
        render(root, tmp_path / "g.svg")
    assert str(err.value) == f"无法写入 {tmp_path / 'g.svg'}：Is a directory"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.dot", "g.svg"]  # no temp files


def test_large_graphs_are_refused_fast():
    x = Value(1.0, label="x")
    root = x
    for _ in range(30_000):
        root = root + 1.0
    start = time.perf_counter()
    with pytest.raises(ValueError, match=r"^计算图超过 200 个值.*融合神经元（fused=True）"):
        draw(root)
    assert time.perf_counter() - start < 0.5  # stops counting at the limit
    small = x
    for _ in range(99):
        small = small + 1.0  # 99 sums + 99 constants + x = 199 values
    assert len(topo_sort(small)) == 199
    assert "\tv198 [" in draw(small).source
    with pytest.raises(ValueError, match=r"超过 198 个值"):
        draw(small, max_nodes=198)


def test_a_big_mlp_is_refused_with_advice():
    mlp = MLP(2, [16, 16, 1], seed=0)
    out = mlp([0.5, -0.5])
    with pytest.raises(ValueError, match=r"^计算图超过 200 个值"):
        draw(out)


def test_chinese_font_is_installed_and_used(neuron):
    root, _ = neuron
    assert 'fontname="WenQuanYi Micro Hei,' in draw(root).source
    fonts = subprocess.run(["fc-list"], capture_output=True, text=True, check=True).stdout
    # scripts/system-deps.sh installs WenQuanYi unless a Noto CJK font is already there;
    # both are in the font stack.
    assert "WenQuanYi Micro Hei" in fonts or "Noto Sans CJK" in fonts


def test_import_micrograd_cn_does_not_import_graphviz():
    code = "import sys, micrograd_cn; print('graphviz' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parents[1],
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert done.stdout.strip() == "False"


# ------------------------------------------------------------------ networks and projector (issue 11)
def clusters(path: Path) -> dict[str, list[str]]:
    """Each Graphviz cluster's caption and the names of the value boxes drawn inside its outline."""
    root = ET.parse(path).getroot()

    def numbers(text: str) -> list[float]:
        return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", text)]

    inside: dict[str, list[str]] = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") != "cluster":
            continue
        outline = g.find(f"{SVG}path")
        pts = numbers(outline.get("d") if outline is not None else g.find(f"{SVG}polygon").get("points"))
        xs, ys = pts[0::2], pts[1::2]
        names = []
        for box in root.iter(f"{SVG}g"):
            if box.get("class", "").startswith("node") and (box.get("id") or "").startswith("v"):
                text = next(box.iter(f"{SVG}text"))
                x, y = float(text.get("x")), float(text.get("y"))
                if min(xs) <= x <= max(xs) and min(ys) <= y <= max(ys):
                    names.append(text.text)
        inside[lines(g)[0]] = sorted(names)
    return inside


def test_an_mlp_loss_is_drawn_with_named_parameters_and_one_box_per_layer(tmp_path):
    from micrograd_cn.nn import mse_loss

    mlp = MLP(2, [2, 1], activation="tanh", output_activation="sigmoid", seed=0)
    loss = mse_loss(mlp([1.0, -2.0]), [1.0])
    loss.label = "L"
    g = svg_groups(render(loss, tmp_path / "mlp.svg", model=mlp, legend=True))
    inside = clusters(tmp_path / "mlp.svg")
    assert inside == {
        "第 1 层（输入）": ["x₁", "x₂"],
        "第 2 层": ["a²₁", "a²₂", "b²₁", "b²₂", "w²₁₁", "w²₁₂", "w²₂₁", "w²₂₂", "z²₁", "z²₂"],
        "第 3 层": ["a³₁", "b³₁", "w³₁₁", "w³₁₂", "z³₁"],
    }
    # every parameter in the parameter colour, x and y as data
    kinds = {lines(b)[0]: b.get("class") for k, b in g.items() if k.startswith("v")}
    assert all(kinds[p.label] == "node param" for p in mlp.parameters())
    assert kinds["x₁"] == kinds["y₁"] == "node data"
    assert lines(g["legend"])[-1] == "网络的一层（虚线框：一个神经元）"
    # layers left to right: each layer's output box is right of the previous layer's
    def x_of(label: str) -> float:
        box = next(b for k, b in g.items() if k.startswith("v") and lines(b)[0] == label)
        return float(next(box.iter(f"{SVG}text")).get("x"))
    assert x_of("x₁") < x_of("a²₁") < x_of("a³₁") < x_of("L")


def test_an_unfused_mlp_has_a_box_per_neuron_inside_its_layer(tmp_path):
    from micrograd_cn.nn import mse_loss

    mlp = MLP(2, [2, 1], seed=0, fused=False)
    loss = mse_loss(mlp([1.0, -2.0]), [1.0])
    out = render(loss, tmp_path / "mlp.svg", model=mlp, lang="en")
    inside = clusters(out)
    assert set(inside) == {"layer 1 (input)", "layer 2", "neuron 1", "neuron 2", "layer 3"}
    assert {"w²₂₁", "w²₂₂", "b²₂", "z²₂", "a²₂"} <= set(inside["neuron 2"])
    assert set(inside["neuron 2"]) <= set(inside["layer 2"])


def test_groups_can_be_any_mapping_and_bad_models_are_refused(tmp_path):
    x = Value(2.0, label="x")
    y = x * x
    g = draw(y, groups={x: "输入", y: "my part/N2"})
    assert "输入" in g.source and "neuron 2" not in g.source and "神经元 2" in g.source
    with pytest.raises(TypeError, match="model 需要一个 nn 的网络"):
        draw(y, model=[x])


def test_projector_png_is_at_least_1600_pixels_wide(neuron, tmp_path):
    from PIL import Image

    def size(path: Path) -> tuple[int, int]:
        with Image.open(path) as image:
            return image.size

    root, _ = neuron
    small = size(render(root, tmp_path / "small.png"))
    big = size(render(root, tmp_path / "big.png", projector=True))
    assert small[0] < 1000 and 1600 <= big[0] <= 1700
    tall = size(render(root, tmp_path / "tb.png", projector=True, rankdir="TB"))
    assert tall[0] >= 1600 and tall[1] > tall[0]  # top to bottom
    # large type: every font size doubled
    assert "fontsize=22" in draw(root, projector=True).source
    assert "fontsize=22" not in draw(root).source
    assert "dpi" in (tmp_path / "big.dot").read_text(encoding="utf-8")
def test_a_custom_op_is_drawn_by_its_name(tmp_path):
    """micrograd's way of adding an op (no entry in OPS) draws, labelled with the op's name."""
    import math

    x = Value(0.5, label="x")
    out = Value(math.sin(x.data), (x,), "sin")

    def _backward() -> None:
        x.grad += math.cos(x.data) * out.grad

    out._backward = _backward
    root = out * 2
    root.backward()
    order = topo_sort(root)
    k = order.index(out)
    g = svg_groups(render(root, tmp_path / "custom.svg"))
    assert lines(g[f"o{k}"]) == ["sin"]
    assert tooltip(g[f"o{k}"]) == "v1 = sin(x)"
    assert lines(g[f"v{order.index(x)}"])[-1] == f"梯度 {num(2 * math.cos(0.5), DIGITS)}"


def test_every_file_written_is_readable_by_others_as_the_umask_allows(neuron, tmp_path):
    root, _ = neuron
    old = os.umask(0o022)
    try:
        target = tmp_path / "g.svg"
        target.write_text("old", encoding="utf-8")
        target.chmod(0o600)  # replacing a private file gives the umask's mode too
        render(root, target)
        assert (target.stat().st_mode & 0o777, target.with_suffix(".dot").stat().st_mode & 0o777) \
            == (0o644, 0o644)
        os.umask(0o077)  # a user who wants private files keeps them private
        render(root, tmp_path / "private.svg")
        assert (tmp_path / "private.svg").stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)


def test_a_custom_op_with_a_repeated_input_labels_each_edge_with_its_own_slope(tmp_path):
    x, y = Value(2.0, label="x"), Value(3.0, label="y")
    out = Value(x.data * x.data * y.data, (x, x, y), "cu")

    def _backward() -> None:
        x.grad += 2 * x.data * y.data * out.grad
        y.grad += x.data * x.data * out.grad

    out._backward = _backward
    g = svg_groups(render(out, tmp_path / "cu.svg"))
    assert tooltip(g["e0_2"]) == "f 对这个输入的局部导数 = ∂cu/∂x = 12"  # ∂(x²y)/∂x = 2xy, probed once
    assert tooltip(g["e1_2"]) == "f 对这个输入的局部导数 = ∂cu/∂y = 4"
