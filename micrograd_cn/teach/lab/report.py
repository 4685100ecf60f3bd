"""What a check found, in the user's language: one sentence per task, and the teacher's JSON.

A probe reports a failing case as plain data (the op, its inputs, expected, got, a
hint key); ``message`` writes it as a sentence such as
"∂(a·b)/∂a should be b = 3, got 2 (a = 2, b = 3): are the two local derivatives swapped?".

Imports: i18n, notation (numbers), tasks and runner's result type.
"""

from __future__ import annotations

from typing import Any, Sequence

from micrograd_cn.i18n import MESSAGES, check_lang, lang_record, t
from micrograd_cn.notation import CHECK, num
from micrograd_cn.teach.lab.runner import NotALab, TaskResult, score
from micrograd_cn.teach.lab.tasks import CHAIN, OPS, TASKS


def task_name(number: int, lang: str | None = None) -> str:
    """The name of task ``number`` in the user's language."""
    return t(TASKS[number - 1].name, check_lang(lang))


def _show(x: Any, digits: int = 6) -> str:
    if isinstance(x, bool):
        return str(x)
    if isinstance(x, (int, float)):
        return num(float(x), digits)
    if isinstance(x, (list, tuple)):
        return "[" + ", ".join(_show(v, digits) for v in x) + "]"
    return str(x)


def _pair(expected: Any, got: Any) -> tuple[str, str]:
    """Expected and got, with more digits when six would make them look equal."""
    e, g = _show(expected), _show(got)
    if e == g and expected != got:
        e, g = _show(expected, CHECK), _show(got, CHECK)
    return e, g


def _case_inputs(info: dict[str, Any], lang: str) -> str:
    """"a = 2, b = 3" for an op case, with the notes its form needs."""
    spec = OPS[info["op"]]
    form = info.get("form", "")
    parts = []
    for i, (name, value) in enumerate(info.get("inputs", [])):
        if form == "same" and i == 1:
            continue
        text = f"{name} = {_show(value)}"
        if (form == "vn" and i == 1) or (form == "nv" and i == 0):
            text += t("lab_in_parens", lang, text=t("lab_a_number", lang, name=name))
        parts.append(text)
    if form == "pre":
        parts += [t("lab_grad_before", lang, name=name, value=_show(info.get("pre", 0.0)))
                  for name in spec.inputs[: len(spec.local)]]
    return lang_record(lang).comma.join(parts)


def _expr(info: dict[str, Any]) -> str:
    spec = OPS[info["op"]]
    return spec.expr.replace("b", "a") if info.get("form") == "same" else spec.expr


def _paren(formula: str) -> str:
    return f"({formula})" if any(c in formula for c in " +−/") else formula


def _case(info: dict[str, Any], lang: str) -> str:
    """The case a failure or an exception happened in, for "while computing ..."."""
    if "op" in info:
        return _expr(info) + t("lab_in_parens", lang, text=_case_inputs(info, lang))
    if "graph" in info:
        return _graph(info["graph"], lang)
    if "call" in info:
        return str(info["call"])
    return ""


def _graph(name: str, lang: str) -> str:
    if name == "chain":
        return t("lab_graph_chain", lang, n=f"{CHAIN:,}")
    keys = {"simple": "lab_graph_simple", "leaf": "lab_graph_leaf", "shared": "lab_graph_shared",
            "random": "lab_graph_random"}
    return t(keys[name], lang)


def _hint(info: dict[str, Any], lang: str, default: str) -> str:
    key = info.get("hint") or default
    return t(key, lang, task=info.get("task", "")) if key in MESSAGES else ""


def _at(info: dict[str, Any], lang: str) -> str:
    return t("lab_at", lang, file=info["file"], line=info.get("line", 0)) if info.get("file") else "?"


def failure_text(info: dict[str, Any], lang: str, task: int = 0) -> str:
    """One sentence for a failing case: what was expected, what arrived, and a hint."""
    kind = info.get("kind", "")
    sep = lang_record(lang).colon
    head, hint = "", ""
    if kind in ("value", "grad") and "op" in info:
        spec = OPS[info["op"]]
        form = info.get("form", "")
        expected, got = _pair(info["expected"], info["got"])
        inputs = t("lab_in_parens", lang, text=_case_inputs(info, lang))
        if kind == "value":
            head = t("lab_value", lang, what=_expr(info), expected=expected, got=got) + inputs
        else:
            position = info.get("wrt", 0)
            name = spec.inputs[position]
            local = spec.same if form == "same" else spec.local[position]
            if form == "up":
                what, formula = f"{name}.grad", f"out.grad·{_paren(local)}"
            elif form == "pre":
                what, formula = f"{name}.grad", f"{_show(info.get('pre', 0.0))} + {local}"
            else:
                what, formula = f"∂({_expr(info)})/∂{name}", local
            head = t("lab_value_formula", lang, what=what, formula=formula, expected=expected, got=got) + inputs
        hint = _hint(info, lang, "lab_hint_local")
    elif kind == "grad" and "graph" in info:
        graph = _graph(info["graph"], lang)
        if info.get("what") == "root":
            head = t("lab_root_grad", lang, got=_show(info["got"]), graph=graph)
        else:
            i, n = info.get("leaf", 0), info.get("leaves", 1)
            leaf = {"shared": ("a", "b", "c")}.get(info["graph"], ("x",))
            name = leaf[i] if i < len(leaf) and info["graph"] != "random" else t("lab_leaf_of", lang, i=i + 1, n=n)
            expected, got = _pair(info["expected"], info["got"])
            head = t("lab_leaf_grad", lang, leaf=name, expected=expected, got=got, graph=graph)
        hint = _hint(info, lang, "lab_hint_order")
    elif kind == "not_value":
        head = t("lab_not_value", lang, expr=_case(info, lang), kind=info.get("got_type", ""), got=info.get("got", ""))
        hint = t("lab_hint_children", lang)
    elif kind == "children":
        head = t("lab_children", lang, expr=_case(info, lang))
        hint = t("lab_hint_children", lang)
    elif kind == "type":
        head = t("lab_type", lang, what=info.get("what", ""), kind=info.get("got_type", ""), got=info.get("got", ""))
        case = _case(info, lang)
        if case:
            head = t("lab_while", lang, case=case) + head
    elif kind == "missing":
        head = t("lab_missing", lang, names=lang_record(lang).sep.join(info.get("names", [])))
        hint = t("lab_hint_missing", lang, task=task)
    elif kind in ("missing_class", "missing_function"):
        file = "my_micrograd/nn.py" if kind == "missing_class" else "my_micrograd/bp.py"
        head = t("lab_missing_names", lang, file=file, names=lang_record(lang).sep.join(info.get("names", [])))
        hint = t("lab_hint_missing", lang, task=task)
    elif kind == "no_file":
        head = t("lab_no_file", lang, file=info.get("file", ""))
        hint = t("lab_hint_no_file", lang)
    elif kind == "no_value":
        head = t("lab_no_value", lang, file=info.get("file", ""))
    elif kind == "elsewhere":
        head = t("lab_elsewhere", lang, where=info.get("where", ""))
    elif kind == "syntax":
        head = t("lab_syntax", lang, file=info.get("file", ""), line=info.get("line", 0), text=info.get("text", ""))
        hint = t("lab_hint_syntax", lang)
    elif kind == "todo":
        head = t("lab_todo", lang, function=info.get("function", "?"), at=_at(info, lang))
        hint = t("lab_hint_todo", lang)
    elif kind == "exit":
        head = t("lab_exit", lang, code=info.get("text", ""), at=_at(info, lang))
        hint = t("lab_hint_exit", lang)
    elif kind == "stdin":
        head = t("lab_stdin", lang, at=_at(info, lang))
        hint = t("lab_hint_stdin", lang)
    elif kind == "memory":
        limit = info.get("limit", 0)
        head = t("lab_memory", lang, limit=f"{limit / 2**30:g} GB" if limit else "?", at=_at(info, lang))
        hint = t("lab_hint_memory", lang)
    elif kind == "timeout":
        head = t("lab_timeout", lang, seconds=_show(info.get("seconds", 0)))
        hint = t("lab_hint_timeout", lang)
    elif kind == "killed":
        head = t("lab_killed", lang, signal=info.get("signal", "?"))
        hint = t("lab_hint_crash" if info.get("signal") == "SIGSEGV" else "lab_hint_killed", lang)
    elif kind == "no_result":
        head = t("lab_no_result", lang, code=info.get("code", "?"))
        hint = t("lab_hint_no_result", lang)
    elif kind == "raised":
        if info.get("file") and info.get("function") == "<module>":
            head = t("lab_raised_at", lang, exc=info.get("exc", ""), text=info.get("text", ""), at=_at(info, lang))
        elif info.get("file"):
            head = t("lab_raised", lang, function=info.get("function", "?"), exc=info.get("exc", ""),
                     text=info.get("text", ""), at=_at(info, lang))
        else:
            head = t("lab_raised_somewhere", lang, exc=info.get("exc", ""), text=info.get("text", ""))
        if info.get("stage") == "import":
            head = t("lab_while_import", lang, file=f"my_micrograd/{info.get('module', 'engine')}.py") + head
            hint = _hint(info, lang, "lab_hint_import")
        else:
            case = _case(info, lang)
            if case:
                head = t("lab_while", lang, case=case) + head
            hint = _hint(info, lang, "lab_hint_raised")
    elif kind == "structure":
        head = t("lab_structure", lang, what=info.get("what", ""), expected=_show(info.get("expected", "")),
                 got=info.get("got", ""))
        hint = _hint(info, lang, "lab_hint_neuron_parts")
    elif kind == "params":
        head = t("lab_params", lang, what=info.get("what", ""), expected=info.get("expected", ""),
                 got=info.get("got", ""))
        hint = t("lab_hint_parameters", lang)
    elif kind == "nn_value":
        expected, got = _pair(info["expected"], info["got"])
        inputs = lang_record(lang).comma.join(f"{n} = {_show(v)}" for n, v in info.get("inputs", []))
        head = t("lab_value_formula", lang, what=info.get("call", ""), formula=info.get("formula", ""),
                 expected=expected, got=got) + t("lab_in_parens", lang, text=inputs)
        hint = _hint(info, lang, "lab_hint_neuron")
    elif kind == "zero_grad":
        head = t("lab_zero_grad", lang, what=info.get("what", ""), got=_show(info.get("got", "")))
        hint = t("lab_hint_zero_grad", lang)
    elif kind == "nn_grad":
        expected, got = _pair(info["expected"], info["got"])
        head = t("lab_nn_grad", lang, what=info.get("what", ""), expected=expected, got=got)
        hint = t("lab_hint_central", lang)
    elif kind == "sgd":
        expected, got = _pair(info["expected"], info["got"])
        head = t("lab_sgd", lang, rate=_show(info.get("rate", 0)), expected=expected, got=got)
        hint = t("lab_hint_sgd", lang)
    elif kind == "bp_type":
        head = t("lab_bp_type", lang, kind=info.get("got_type", ""))
        hint = t("lab_hint_bp_dict", lang)
    elif kind == "bp_key":
        head = t("lab_bp_key", lang, name=info.get("key", ""))
        hint = t("lab_hint_bp_dict", lang)
    elif kind == "bp_shape":
        head = t("lab_bp_shape", lang, name=info.get("key", ""), expected=info.get("expected", ""),
                 got=info.get("got", ""))
        hint = t("lab_hint_bp_dict", lang)
    elif kind == "bp_value":
        expected, got = _pair(info["expected"], info["got"])
        head = t("lab_bp_value", lang, what=info.get("what", ""), expected=expected, got=got,
                 x=_show(info.get("x", [])), y=_show(info.get("y", [])))
        hint = _hint(info, lang, "lab_hint_bp1")
    else:
        head = kind
    return head + sep + hint if hint else head


def message(result: TaskResult, lang: str | None = None) -> str:
    """The sentence for one task: all cases pass, or the first failing case with a hint."""
    lang = check_lang(lang)
    if result.passed:
        text = t("lab_pass", lang, n=result.cases)
        agrees = result.extra.get("engine_agrees", "")
        if agrees is None:  # the check process was stopped while the student's engine ran
            text += t("lab_engine_unfinished", lang)
        elif agrees != "":
            text += t("lab_engine_agrees" if agrees else "lab_engine_differs", lang)
    else:
        text = failure_text(result.failure or {}, lang, result.task)
    if result.printed:
        text += t("lab_printed", lang, size=t("lab_chars", lang, n=f"{result.printed:,}"))
    return text


def to_json(results: Sequence[TaskResult], lang: str | None = None) -> dict[str, Any]:
    """The teacher's record: {"tasks": [{task, name, passed, message}], "score": k, "total": N}.

    ``score`` and ``total`` count tasks 1–5 only; the bonus is in ``tasks`` but not in them.
    """
    lang = check_lang(lang)
    passed, total = score(results)
    return {"tasks": [{"task": r.task, "name": task_name(r.task, lang), "passed": r.passed,
                       "message": message(r, lang)} for r in results],
            "score": passed, "total": total}


def folder_error(error: NotALab, lang: str | None = None) -> str:
    """One line naming the folder that is not a lab, and why."""
    key = "lab_not_found" if error.kind == "missing" else "lab_not_a_lab"
    return t(key, check_lang(lang), path=str(error.path))
