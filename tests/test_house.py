"""The house: imports point down the rooms, and op knowledge lives with the op (DESIGN.md).

i18n < the library (engine, nn, gradcheck, bridge, datasets, notation) < teach < render < pages
< server < cli and demos. Nothing imports cli. Outside the library no module compares an op's name
with a string literal. No Python file of the package holds JavaScript or CSS.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "micrograd_cn"
LIBRARY = {"engine", "ops", "checks", "nn", "gradcheck", "bridge", "datasets", "notation"}
# rank of each room; a module may import only its own rank or lower
RANKS = {"i18n": 0, "library": 1, "teach": 2, "render": 3, "pages": 4, "server": 5,
         "cli": 6, "demos": 6, "entry": 7}


def room(module: str) -> str:
    """The room of a dotted module name inside micrograd_cn."""
    parts = module.split(".")[1:]
    if not parts:
        return "entry"  # micrograd_cn/__init__.py may import anything (lazily)
    head = parts[0]
    if head in LIBRARY:
        return "library"
    if head in RANKS:
        return head
    if head in ("console", "__main__", "notebook"):
        return "entry"  # entry points: the console script, python -m, %load_ext
    raise AssertionError(f"{module}: not in any room of the house")


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        if "templates" in parts or "assets" in parts:
            continue  # files written for students or pages, not modules of the package
        found.append((".".join(parts), path))
    return found


def imports(path: Path, module: str) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            if base == "micrograd_cn":
                names += [f"micrograd_cn.{a.name}" for a in node.names]
            else:
                names.append(base)
    return [n for n in names if n == "micrograd_cn" or n.startswith("micrograd_cn.")]


def test_every_module_is_in_a_room():
    for module, _ in modules():
        room(module)


def test_imports_point_down():
    wrong = []
    for module, path in modules():
        mine = room(module)
        for target in imports(path, module):
            if target == "micrograd_cn":
                if mine != "entry":
                    wrong.append(f"{module} imports the package itself")
                continue
            if target.split(".")[1] == "__version__":
                continue
            theirs = room(target)
            if theirs == "cli" and mine != "entry" and not module.startswith("micrograd_cn.cli"):
                wrong.append(f"{module} imports {target} (nothing imports cli)")
            elif RANKS[theirs] > RANKS[mine]:
                wrong.append(f"{module} ({mine}) imports {target} ({theirs})")
    assert not wrong, "\n".join(wrong)


def test_i18n_imports_nothing_of_ours_but_its_catalogs():
    for module, path in modules():
        if room(module) == "i18n":
            assert all(t.startswith("micrograd_cn.i18n") for t in imports(path, module)), module


_OP_NAME = {"_op", "op"}


def _compares_op_name(tree: ast.AST) -> list[int]:
    """Lines where an ``_op``/``op`` attribute or name is compared with a string literal."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        named = any((isinstance(s, ast.Attribute) and s.attr in _OP_NAME)
                    or (isinstance(s, ast.Name) and s.id in _OP_NAME) for s in sides)
        literal = any((isinstance(s, ast.Constant) and isinstance(s.value, str))
                      or (isinstance(s, (ast.Tuple, ast.List, ast.Set))
                          and any(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in s.elts))
                      for s in sides)
        if named and literal:
            lines.append(node.lineno)
    return lines


def test_no_op_name_compared_outside_the_library():
    wrong = []
    for module, path in modules():
        if room(module) in ("library", "i18n"):
            continue
        for line in _compares_op_name(ast.parse(path.read_text(encoding="utf-8"))):
            wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}")
    assert not wrong, "\n".join(wrong)


def test_the_op_check_itself_finds_a_comparison():
    assert _compares_op_name(ast.parse("if node._op == 'wsum': pass")) == [1]
    assert _compares_op_name(ast.parse("x = op in ('+', '-')")) == [1]
    assert _compares_op_name(ast.parse("x = spec.arity == 2")) == []


_JS = re.compile(r"\b(function\s*\w*\s*\([\w, ]*\)\s*\{|document\.\w+|addEventListener|=>\s*\{|querySelector)")
_CSS = re.compile(r"[#.]?[\w-]+\s*\{\s*[\w-]+\s*:\s*[^;{}]+;")


def test_no_javascript_or_css_inside_python():
    wrong = []
    for _, path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if _JS.search(text) or len(_CSS.findall(text)) >= 2:
                    wrong.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert not wrong, "\n".join(wrong)


def test_engine_reads_in_one_sitting():
    lines = (PACKAGE / "engine.py").read_text(encoding="utf-8").count("\n")
    assert lines <= 450, f"engine.py has {lines} lines"


def test_top_level_api_loads_lazily():
    code = ("import sys, micrograd_cn\n"
            "heavy = [m for m in ('graphviz', 'micrograd_cn.render.graph', 'micrograd_cn.pages.step',"
            " 'micrograd_cn.teach.trace', 'torch', 'numpy') if m in sys.modules]\n"
            "assert not heavy, heavy\n"
            "from micrograd_cn import Value, MLP, draw, trace, render_trace, step_page, layer_view, paths,"
            " gradcheck, to_torch\n"
            "assert 'micrograd_cn.render.graph' in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_page_scripts_parse():
    assert shutil.which("node"), "nodejs is installed by scripts/system-deps.sh --test (make test)"
    scripts = sorted((PACKAGE / "pages" / "assets").rglob("*.js"))
    assert scripts
    for script in scripts:
        if "vendor" in script.parts:
            continue
        done = subprocess.run(["node", "--check", str(script)], capture_output=True, text=True)
        assert done.returncode == 0, f"{script.name}: {done.stderr}"


def test_a_new_function_op_is_named_in_the_expression_help(monkeypatch, capsys):
    """The EXPR help lists the engine's function ops (one source): an op added to engine.py
    appears in every subcommand's help with no edit to the CLI or its catalog."""
    from micrograd_cn.cli import main
    from micrograd_cn.ops import OPS, Op

    monkeypatch.setitem(OPS, "sinh", Op("sinh", "sinh", "sinh({x})", ("cosh({x})",), domain=lambda x: True))
    from micrograd_cn.ops import function_ops

    named = " ".join(spec.name for spec in function_ops())
    assert named.endswith(" sinh") and "exp" in named
    for command in ("trace", "step", "graph", "html", "paths"):
        with pytest.raises(SystemExit) as done:
            main([command, "--help", "--lang", "en"])
        assert done.value.code == 0
        helped = " ".join(capsys.readouterr().out.split())
        assert named in helped, (command, helped)


def test_readme_code_map_names_every_room():
    """README's 代码地图 / Code map names every folder and top-level module of the package."""
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("## 代码地图 / Code map")
    block = readme[start:readme.index("```", readme.index("```", start) + 3)]
    missing = [f"{p.name}/" for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith("__")
               and not p.name.endswith(".egg-info") and f"{p.name}/" not in block]
    missing += [p.name for p in PACKAGE.glob("*.py")
                if p.name not in ("__init__.py", "__main__.py") and p.name not in block]
    assert not missing, missing
