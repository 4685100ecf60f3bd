"""A lesson deck as plain data: the teacher's TOML file read, checked and turned into pages.

A lesson file is an optional ``title`` and one or more ``[[page]]`` tables, in order:
page k of the deck is the file's k-th ``[[page]]`` (nothing is added). Every page has a
``kind`` and a ``title`` (at most 200 characters) and may have ``notes`` (the presenter's
notes); the other keys depend on the kind (``KEYS``). Text keys (``title``, ``text``,
``notes``, a quiz's ``prompt``) are a string or a table ``{ zh = "…", en = "…" }``, so one
file can carry both languages (the built-in lesson does).

``parse_deck`` checks everything a page will need before a page is drawn: every key and
its type, each expression against the safe parser's whitelist, the values against the
engine (``log`` of a negative number fails here), the network's sizes and weight shapes,
the training budget. A fault is one ``DeckError`` whose message is one line in the
user's language naming the page (``第 2 页`` / ``page 2``) and the key. Quiz pages get
their ``QuizQuestion`` here (the gradient comes from the engine's ``backward()``), so the
deck page and the classroom server ask the same question with the same answer.

Nothing here writes HTML: ``pages.deck`` draws the pages, calling the existing builders.

Imports: engine, nn, datasets, i18n, and teach's expr, naming and paths.
"""

from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Mapping

from micrograd_cn.engine import Value
from micrograd_cn.i18n import check_lang, language, show
from micrograd_cn.nn import ACTIVATIONS
from micrograd_cn.notation import num
from micrograd_cn.teach import doc
from micrograd_cn.teach.expr import ExprError, build_program, check_name
from micrograd_cn.teach.expr import parse as parse_expr
from micrograd_cn.teach.naming import Naming, derivative
from micrograd_cn.teach.paths import MAX_PATHS, count_paths, node_named, paths_blocks

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 reads TOML with the tomli backport (pyproject pins it)
    import tomli as tomllib

# ------------------------------------------------------------------ limits and keys
MAX_FILE_BYTES = 1_000_000  # a lesson file over 1 MB is refused before it is parsed
MAX_PAGES = 200
MAX_TITLE = 200  # characters of a title
MAX_TEXT = 4000  # characters of a page's text or notes
MAX_QUESTIONS = 10  # questions on one exit page
MAX_LAYERS = 6  # sizes of a network page, the input included (what a projected drawing shows)
MAX_NEURONS = 8  # neurons per layer on a network page
MAX_TRAIN_PARAMETERS = 2000  # parameters of a trained network
MAX_STEPS = 10_000  # training steps
MAX_SAMPLES = 2000  # training points
# steps × samples × parameters: about what the engine does in a few seconds on one core
MAX_TRAIN_WORK = 3_000_000

KINDS = ("text", "graph", "steps", "locals", "paths", "logistic", "network", "matrix", "train",
         "quiz", "exit", "mistake")
MODES = ("show", "ask", "reveal")  # a steps page: show every step, ask before each, or reveal on a key
ASKS = ("contribution", "local", "grad")  # what an "ask" page asks (as the quiz does)
COSTS = ("half_sse", "mse", "ce")  # ½Σ(a − y)², the mean of (a − y)², binary cross-entropy
# training: also the plain sum Σ(a − y)² (seed 004's cost) and micrograd's max-margin loss
LOSSES = ("half_sse", "mse", "sse", "ce", "hinge")
DATASETS = ("moons", "digits")
MISTAKES = ("backward_twice", "no_zero_grad", "shared_node")

_COMMON = ("kind", "title", "notes")
_NETWORK = ("sizes", "activation", "output_activation", "cost", "x", "y", "weights", "seed")
KEYS: dict[str, tuple[str, ...]] = {  # the keys each kind accepts besides kind, title, notes
    "text": ("text",),
    "graph": ("expr", "values", "params", "text"),
    "steps": ("expr", "values", "params", "mode", "ask", "text"),
    "locals": ("expr", "values", "params", "mode", "text"),
    "paths": ("expr", "values", "wrt", "text"),
    "logistic": ("x", "y", "w", "b", "text"),
    "network": _NETWORK + ("text",),
    "matrix": _NETWORK + ("text",),
    "train": ("sizes", "activation", "output_activation", "weights", "seed", "data", "samples",
              "noise", "loss", "steps", "lr", "text"),
    "quiz": ("expr", "values", "wrt", "prompt", "text"),
    "exit": ("questions", "text"),
    "mistake": ("expr", "values", "mistake", "wrt", "text"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "text": ("text",), "graph": ("expr",), "steps": ("expr",), "locals": ("expr",),
    "paths": ("expr", "wrt"), "logistic": ("x", "y", "w", "b"), "network": ("sizes",),
    "matrix": ("sizes",), "train": ("sizes", "data"), "quiz": ("expr", "wrt"),
    "exit": ("questions",), "mistake": ("expr", "mistake"),
}
_QUESTION_KEYS = ("expr", "values", "wrt", "prompt")
_TOP_KEYS = ("title", "page")
_TEXT_KEYS = ("title", "text", "notes", "prompt")

# ------------------------------------------------------------------ messages
# key -> (Chinese, English); moves to the i18n catalog part ``i18n/deck.py``.
MESSAGES: dict[str, tuple[str, str]] = {
    "deck_at_page": ("{source}：第 {page} 页，键 {key}：{detail}",
                     "{source}: page {page}, key {key}: {detail}"),
    "deck_at_file": ("{source}：{detail}", "{source}: {detail}"),
    "deck_at_top": ("{source}：键 {key}：{detail}", "{source}: key {key}: {detail}"),
    "deck_too_big": ("文件有 {size} 字节，超过上限 {limit} 字节",
                     "the file has {size} bytes, more than the limit of {limit}"),
    "deck_not_utf8": ("文件不是 UTF-8 文本（第 {offset} 个字节）",
                      "the file is not UTF-8 text (byte {offset})"),
    "deck_bad_toml": ("不是有效的 TOML：{detail}", "not valid TOML: {detail}"),
    "deck_no_file": ("无法读取课件文件：{detail}", "cannot read the lesson file: {detail}"),
    "deck_no_pages": ("至少需要一个 [[page]] 表", "at least one [[page]] table is needed"),
    "deck_pages_not_list": ("page 必须是 [[page]] 表的列表", "page must be a list of [[page]] tables"),
    "deck_too_many_pages": ("有 {n} 页，超过上限 {limit} 页", "{n} pages, more than the limit of {limit}"),
    "deck_page_not_table": ("每一页必须是一个表", "every page must be a table"),
    "deck_unknown_top": ("未知的键；文件顶层只允许：{choices}",
                         "unknown key; the top level of the file allows only: {choices}"),
    "deck_unknown_key": ("“{kind}”页不认识这个键；可用的键：{choices}",
                         "a “{kind}” page does not know this key; its keys are: {choices}"),
    "deck_missing": ("“{kind}”页必须有这个键", "a “{kind}” page needs this key"),
    "deck_unknown_kind": ("未知的页类型 {value}；可选：{choices}",
                          "unknown page kind {value}; choose one of: {choices}"),
    "deck_not_text": ("需要字符串（或 {{ zh = \"…\", en = \"…\" }} 表），收到 {value}",
                      "expected a string (or a table {{ zh = \"…\", en = \"…\" }}), got {value}"),
    "deck_text_lang": ("双语文本表必须正好有 zh 和 en 两个字符串，收到 {value}",
                       "a two-language text table needs exactly the strings zh and en, got {value}"),
    "deck_text_long": ("有 {n} 个字符，超过上限 {limit}", "{n} characters, more than the limit of {limit}"),
    "deck_text_empty": ("不能为空", "must not be empty"),
    "deck_text_control": ("含有控制字符 {char}", "contains the control character {char}"),
    "deck_title_line": ("标题必须是一行", "a title must be one line"),
    "deck_not_number": ("需要一个有限的数，收到 {value}", "expected a finite number, got {value}"),
    "deck_not_int": ("需要 {low} 到 {high} 之间的整数，收到 {value}",
                     "expected a whole number from {low} to {high}, got {value}"),
    "deck_not_positive": ("需要大于 0 的有限数，收到 {value}", "expected a finite number above 0, got {value}"),
    "deck_not_values": ("需要一个名字到数的内联表，如 {{ x = 2, w = -3 }}，收到 {value}",
                        "expected an inline table of names to numbers, like {{ x = 2, w = -3 }}, got {value}"),
    "deck_value": ("{name} 需要一个有限的数，收到 {value}", "{name} needs a finite number, got {value}"),
    "deck_not_names": ("需要名字的列表，如 [\"w\", \"b\"]，收到 {value}",
                       "expected a list of names, like [\"w\", \"b\"], got {value}"),
    "deck_param_unknown": ("{name} 不是表达式的叶子；叶子有：{names}",
                           "{name} is not a leaf of the expression; its leaves are: {names}"),
    "deck_choice": ("未知的值 {value}；可选：{choices}", "unknown value {value}; choose one of: {choices}"),
    "deck_vector": ("需要 {n} 个有限的数的列表，收到 {value}",
                    "expected a list of {n} finite numbers, got {value}"),
    "deck_vector_any": ("需要非空的有限数列表，收到 {value}",
                        "expected a non-empty list of finite numbers, got {value}"),
    "deck_sizes": ("需要 2 到 {layers} 个 1 到 {neurons} 之间的整数（每层神经元数，输入层在前），收到 {value}",
                   "expected 2 to {layers} whole numbers from 1 to {neurons} (neurons per layer, the input first), "
                   "got {value}"),
    "deck_weights_table": ("需要 {{ W = [...], b = [...] }}：每层一个 W（nˡ 行、每行 nˡ⁻¹ 个数）和一个 b（nˡ 个数），"
                           "收到 {value}",
                           "expected {{ W = [...], b = [...] }}: one W per layer (nˡ rows of nˡ⁻¹ numbers) and one b "
                           "(nˡ numbers), got {value}"),
    "deck_weights_layers": ("{what} 需要 {n} 层（每个权重层一个），收到 {got} 层",
                            "{what} needs {n} layers (one per weight layer), got {got}"),
    "deck_weights_shape": ("第 {layer} 层的 {what} 形状应为 {expected}，收到 {value}",
                           "layer {layer}'s {what} should be {expected}, got {value}"),
    "deck_ce_needs_sigmoid": ("交叉熵需要 sigmoid 输出层（output_activation = \"sigmoid\"），现在是 {act}",
                              "cross-entropy needs a sigmoid output layer (output_activation = \"sigmoid\"), "
                              "not {act}"),
    "deck_label01": ("交叉熵的目标必须在 0 到 1 之间，收到 {value}",
                     "a cross-entropy target must be between 0 and 1, got {value}"),
    "deck_batch": ("需要一个样本（{n} 个数）或一批样本（每个 {n} 个数的列表），收到 {value}",
                   "expected one sample ({n} numbers) or a batch (lists of {n} numbers), got {value}"),
    "deck_batch_len": ("x 有 {m} 个样本，y 有 {k} 个", "x has {m} samples but y has {k}"),
    "deck_data": ("需要 \"moons\"、\"digits\" 或 {{ x = [[...], ...], y = [...] }}，收到 {value}",
                  "expected \"moons\", \"digits\" or {{ x = [[...], ...], y = [...] }}, got {value}"),
    "deck_data_points": ("每个点需要 {n} 个数（sizes 的第一个数），第 {i} 个点是 {value}",
                         "every point needs {n} numbers (the first of sizes); point {i} is {value}"),
    "deck_data_labels": ("每个标签需要 {n} 个数（sizes 的最后一个数）或一个数，第 {i} 个是 {value}",
                         "every label needs {n} numbers (the last of sizes) or one number; label {i} is {value}"),
    "deck_hinge_labels": ("hinge 损失需要一个输出和标签 −1 或 +1，第 {i} 个是 {value}",
                          "the hinge loss needs one output and labels −1 or +1; label {i} is {value}"),
    "deck_digits_sizes": ("digits 数据需要 64 个输入和 10 个输出（sizes = [64, …, 10]），收到 {value}",
                          "the digits data needs 64 inputs and 10 outputs (sizes = [64, …, 10]), got {value}"),
    "deck_moons_sizes": ("moons 数据需要 2 个输入（sizes 的第一个数），收到 {value}",
                         "the moons data needs 2 inputs (the first of sizes), got {value}"),
    "deck_train_params": ("网络有 {count} 个参数，超过上限 {limit}",
                          "the network has {count} parameters, more than the limit of {limit}"),
    "deck_train_work": ("训练量 {steps} 步 × {samples} 个样本 × {params} 个参数 超过上限 {limit}："
                        "减少 steps、samples 或网络大小",
                        "training {steps} steps × {samples} samples × {params} parameters exceeds the limit of "
                        "{limit}: use fewer steps, samples or a smaller network"),
    "deck_train_diverged": ("训练在第 {step} 步发散（{detail}）：请减小 lr",
                            "training diverged at step {step} ({detail}): use a smaller lr"),
    "deck_no_question": ("需要 1 到 {limit} 个问题，每个是 {{ expr = \"…\", values = {{…}}, wrt = \"…\" }}，"
                         "收到 {value}",
                         "expected 1 to {limit} questions, each {{ expr = \"…\", values = {{…}}, wrt = \"…\" }}, "
                         "got {value}"),
    "deck_question_key": ("第 {i} 个问题：{detail}", "question {i}: {detail}"),
    "deck_unknown_qkey": ("问题不认识键 {key}；可用的键：{choices}",
                          "a question does not know the key {key}; its keys are: {choices}"),
    "deck_missing_qkey": ("问题缺少键 {key}", "the question needs the key {key}"),
    "deck_wrt_constant": ("根节点不依赖 {name}（导数恒为 0）：请问一个有路径到根的量",
                          "the root does not depend on {name} (the derivative is always 0): ask about a node "
                          "with a path to the root"),
    "deck_wrt_paths": ("从根到 {name} 有 {n} 条路径，超过上限 {limit}",
                       "{n} paths lead from the root to {name}, more than the limit of {limit}"),
    "deck_wrt_root": ("{name} 就是根节点本身（导数为 1）：请问一个叶子或中间步骤",
                      "{name} is the root itself (the derivative is 1): ask about a leaf or an inner step"),
    "deck_mistake_shared": ("“shared_node”需要一个被使用两次以上的叶子或步骤（wrt）",
                            "“shared_node” needs a leaf or step used more than once (wrt)"),
    "deck_quiz_prompt": ("已知 {values}，计算 {expr}。求 {d}。",
                         "Given {values}, compute {expr}. What is {d}?"),
    "deck_quiz_prompt_novalues": ("计算 {expr}。求 {d}。", "Compute {expr}. What is {d}?"),
}


def _t(message: str, lang: str, **fields: object) -> str:
    zh, en = MESSAGES[message]
    text = en if lang == "en" else zh
    return text.format(**fields) if fields else text


# ------------------------------------------------------------------ the data
class DeckError(ValueError):
    """A lesson file that cannot become a deck; ``str(e)`` is one line naming the page and key."""


@dataclass(frozen=True)
class QuizQuestion:
    """One question: the gradient of ``expr``'s root with respect to ``wrt``, at ``values``."""

    expr: str
    values: dict[str, float]
    wrt: str
    answer: float  # the engine's backward() at these values
    prompt: str  # what the student reads (the user's language)
    working: str  # the answer as a sum over paths of products of local derivatives (text)
    root: str = ""  # the root's name (naming)
    d: str = ""  # the derivative asked for, ``∂L/∂w``


@dataclass(frozen=True)
class Page:
    """Page ``number`` (1-based) of a deck: its kind, title, notes and checked keys."""

    number: int
    kind: str
    title: str
    notes: str
    spec: dict  # the validated keys of the [[page]] table (text keys in the deck's language)
    question: QuizQuestion | None  # set for kind == "quiz"
    questions: tuple[QuizQuestion, ...] = ()  # an exit page's questions, scored together


@dataclass(frozen=True)
class Deck:
    """A checked lesson: its title, its pages in order and the language it is shown in."""

    title: str
    pages: tuple[Page, ...]
    lang: str
    source: str = field(default="<string>", compare=False)


class _Fault(Exception):
    """A fault inside one key: the message without the page and key (they are added above)."""

    def __init__(self, detail: str, key: str | None = None) -> None:
        super().__init__(detail)
        self.detail = " ".join(detail.split())  # one line, whatever the inner message held
        self.key = key


# ------------------------------------------------------------------ reading values
def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _number(value: object, lang: str) -> float:
    if not _is_number(value) or not math.isfinite(float(value)):  # type: ignore[arg-type]
        raise _Fault(_t("deck_not_number", lang, value=show(value)))
    return float(value)  # type: ignore[arg-type]


def _integer(value: object, low: int, high: int, lang: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _Fault(_t("deck_not_int", lang, low=low, high=high, value=show(value)))
    return value


def _positive(value: object, lang: str) -> float:
    if not _is_number(value) or not 0 < float(value) < math.inf:  # type: ignore[arg-type]
        raise _Fault(_t("deck_not_positive", lang, value=show(value)))
    return float(value)  # type: ignore[arg-type]


def _choice(value: object, choices: tuple[str, ...], lang: str) -> str:
    if not isinstance(value, str) or value not in choices:
        raise _Fault(_t("deck_choice", lang, value=show(value), choices=", ".join(choices)))
    return value


def _vector(value: object, n: int | None, lang: str) -> list[float]:
    if (not isinstance(value, list) or not value or (n is not None and len(value) != n)
            or not all(_is_number(v) and math.isfinite(v) for v in value)):
        if n is None:
            raise _Fault(_t("deck_vector_any", lang, value=show(value)))
        raise _Fault(_t("deck_vector", lang, n=n, value=show(value)))
    return [float(v) for v in value]


def _text(value: object, key: str, lang: str) -> str:
    """A text key: a string or ``{ zh = "…", en = "…" }``, checked, in the deck's language."""
    if isinstance(value, dict):
        if set(value) != {"zh", "en"} or not all(isinstance(v, str) for v in value.values()):
            raise _Fault(_t("deck_text_lang", lang, value=show(value)))
        value = value[lang]
    if not isinstance(value, str):
        raise _Fault(_t("deck_not_text", lang, value=show(value)))
    limit = MAX_TITLE if key == "title" else MAX_TEXT
    if len(value) > limit:
        raise _Fault(_t("deck_text_long", lang, n=len(value), limit=limit))
    allowed = "" if key == "title" else "\n\t"
    for ch in value:
        if (ord(ch) < 32 and ch not in allowed) or 0x7F <= ord(ch) < 0xA0:
            if ch == "\n":
                raise _Fault(_t("deck_title_line", lang))
            raise _Fault(_t("deck_text_control", lang, char=f"U+{ord(ch):04X}"))
    if key in ("title", "text") and not value.strip():
        raise _Fault(_t("deck_text_empty", lang))
    return value


def _values(value: object, lang: str) -> dict[str, float]:
    if not isinstance(value, dict):
        raise _Fault(_t("deck_not_values", lang, value=show(value)))
    out: dict[str, float] = {}
    for name, v in value.items():
        if not _is_number(v) or not math.isfinite(v):
            raise _Fault(_t("deck_value", lang, name=show(name), value=show(v)))
        try:
            with language(lang):
                out[check_name(name)] = float(v)
        except ExprError as err:
            raise _Fault(str(err)) from None
    return out


def _names(value: object, lang: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Fault(_t("deck_not_names", lang, value=show(value)))
    return list(value)


# ------------------------------------------------------------------ expressions
@dataclass(frozen=True)
class Built:
    """An expression built from Values (a fresh graph each time it is asked for)."""

    root: Value
    leaves: dict[str, Value]
    steps: dict[str, Value]


def build(spec: Mapping[str, Any], lang: str) -> Built:
    """The graph of a page's ``expr`` at its ``values`` (checked already by ``parse_deck``)."""
    values = spec.get("values", {})
    try:
        with language(lang):
            parse_expr(spec["expr"], values)
    except ExprError as err:
        raise _Fault(str(err), "expr") from None
    try:
        with language(lang):
            program = build_program(spec["expr"], values)
    except (ExprError, ArithmeticError, ValueError) as err:
        raise _Fault(str(err), "values" if values else "expr") from None
    return Built(program.root, program.leaves, program.steps)


def _wrt(built: Built, name: object, lang: str, key: str = "wrt") -> Value:
    if not isinstance(name, str):
        raise _Fault(_t("deck_not_text", lang, value=show(name)), key)
    try:
        with language(lang):
            node = node_named(built.root, name)
    except ValueError as err:
        raise _Fault(str(err), key) from None
    if node is built.root:
        raise _Fault(_t("deck_wrt_root", lang, name=name), key)
    n = count_paths(built.root, node)
    if n == 0:  # pragma: no cover - naming only lists nodes below the root
        raise _Fault(_t("deck_wrt_constant", lang, name=name), key)
    if n > MAX_PATHS:
        raise _Fault(_t("deck_wrt_paths", lang, name=name, n=n, limit=MAX_PATHS), key)
    return node


def _shown_values(values: Mapping[str, float]) -> str:
    return ", ".join(f"{name} = {num(v)}" for name, v in values.items())


def question(spec: Mapping[str, Any], lang: str) -> QuizQuestion:
    """The quiz question of ``spec`` (keys expr, values, wrt, optional prompt): engine's answer."""
    built = build(spec, lang)
    node = _wrt(built, spec["wrt"], lang)
    built.root.backward()
    answer = node.grad
    names = Naming(built.root)
    d = derivative(names.root_name, names.of(node))
    values = spec.get("values", {})
    expr = " ".join(spec["expr"].split())
    if "prompt" in spec:
        prompt = spec["prompt"]
    elif values:
        prompt = _t("deck_quiz_prompt", lang, values=_shown_values(values), expr=expr, d=d)
    else:
        prompt = _t("deck_quiz_prompt_novalues", lang, expr=expr, d=d)
    with language(lang):
        working = doc.render(paths_blocks(built.root, node, lang))
    return QuizQuestion(spec["expr"], dict(values), spec["wrt"], answer, prompt, working,
                        names.root_name, d)


# ------------------------------------------------------------------ networks
def _sizes(value: object, lang: str, *, layers: int = MAX_LAYERS, neurons: int = MAX_NEURONS) -> list[int]:
    if (not isinstance(value, list) or not 2 <= len(value) <= layers
            or not all(isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= neurons for n in value)):
        raise _Fault(_t("deck_sizes", lang, layers=layers, neurons=neurons, value=show(value)))
    return list(value)


def _weights(value: object, sizes: list[int], lang: str) -> dict[str, list]:
    """``{ W = [W², W³, …], b = [b², b³, …] }``: Wˡ is nˡ rows of nˡ⁻¹ numbers, bˡ nˡ numbers."""
    if not isinstance(value, dict) or set(value) != {"W", "b"}:
        raise _Fault(_t("deck_weights_table", lang, value=show(value)))
    n = len(sizes) - 1
    Ws, bs = value["W"], value["b"]
    for what, got in (("W", Ws), ("b", bs)):
        if not isinstance(got, list) or len(got) != n:
            raise _Fault(_t("deck_weights_layers", lang, what=what, n=n,
                            got=len(got) if isinstance(got, list) else show(got)))
    out_W, out_b = [], []
    for i, (W, b) in enumerate(zip(Ws, bs)):
        rows, cols = sizes[i + 1], sizes[i]
        layer = i + 2  # the input is layer 1 (Nielsen)
        if (not isinstance(W, list) or len(W) != rows
                or not all(isinstance(r, list) and len(r) == cols for r in W)):
            raise _Fault(_t("deck_weights_shape", lang, layer=layer, what="W",
                            expected=f"{rows}×{cols}", value=show(W)))
        try:
            out_W.append([_vector(r, cols, lang) for r in W])
            if not isinstance(b, list) or len(b) != rows:
                raise _Fault("")
            out_b.append(_vector(b, rows, lang))
        except _Fault as fault:
            if fault.detail and isinstance(b, list) and len(b) == rows:
                raise
            raise _Fault(_t("deck_weights_shape", lang, layer=layer, what="b",
                            expected=f"{rows}", value=show(b))) from None
    return {"W": out_W, "b": out_b}


def _samples(value: object, n: int, lang: str) -> tuple[list[list[float]], bool]:
    """x as one sample (n numbers) or a batch (lists of n numbers); True when a batch."""
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        if len(value) > 64:
            raise _Fault(_t("deck_batch", lang, n=n, value=show(value)))
        try:
            return [_vector(v, n, lang) for v in value], True
        except _Fault:
            raise _Fault(_t("deck_batch", lang, n=n, value=show(value))) from None
    try:
        return [_vector(value, n, lang)], False
    except _Fault:
        raise _Fault(_t("deck_batch", lang, n=n, value=show(value))) from None


def default_sample(n_inputs: int, n_outputs: int) -> tuple[list[float], list[float]]:
    """The sample of a network page without x or y: bp's (x cycles 0.5, −1; y cycles 1, 0)."""
    return ([(0.5, -1.0)[k % 2] for k in range(n_inputs)], [(1.0, 0.0)[j % 2] for j in range(n_outputs)])


def _network(spec: dict, raw: Mapping[str, Any], kind: str, lang: str) -> None:
    limits = {"layers": 5, "neurons": 64} if kind == "train" else {}
    sizes = spec["sizes"] = _at("sizes", _sizes, raw["sizes"], lang, **limits)
    spec["activation"] = _at("activation", _choice, raw.get("activation", "sigmoid"), ACTIVATIONS, lang)
    spec["output_activation"] = _at("output_activation", _choice, raw.get("output_activation", "sigmoid"),
                                    ACTIVATIONS, lang)
    if kind == "train":
        spec["loss"] = _at("loss", _choice, raw.get("loss", "half_sse"), LOSSES, lang)
        cost = spec["loss"]
    else:
        spec["cost"] = cost = _at("cost", _choice, raw.get("cost", "half_sse"), COSTS, lang)
    if cost == "ce" and spec["output_activation"] != "sigmoid":
        raise _Fault(_t("deck_ce_needs_sigmoid", lang, act=spec["output_activation"]),
                     "output_activation" if "output_activation" in raw else "cost")
    spec["seed"] = _at("seed", _integer, raw.get("seed", 0), 0, 2**31 - 1, lang)
    if "weights" in raw:
        spec["weights"] = _at("weights", _weights, raw["weights"], sizes, lang)
    if kind == "train":
        return
    dx, dy = default_sample(sizes[0], sizes[-1])
    X, batch = _at("x", _samples, raw.get("x", dx), sizes[0], lang)
    if "y" in raw:
        Y, ybatch = _at("y", _samples, raw["y"], sizes[-1], lang)
    else:
        Y, ybatch = [dy] * len(X), batch
    if batch and kind != "matrix":
        raise _Fault(_t("deck_vector", lang, n=sizes[0], value=show(raw.get("x"))), "x")
    if len(X) != len(Y) or batch != ybatch:
        raise _Fault(_t("deck_batch_len", lang, m=len(X), k=len(Y)), "y")
    if cost == "ce":
        for row in Y:
            for v in row:
                if not 0.0 <= v <= 1.0:
                    raise _Fault(_t("deck_label01", lang, value=num(v)), "y")
    spec["x"] = X if batch else X[0]
    spec["y"] = Y if batch else Y[0]
    spec["batch"] = batch


def _train(spec: dict, raw: Mapping[str, Any], lang: str) -> None:
    from micrograd_cn.datasets import make_moons  # small and dependency-free

    _network(spec, raw, "train", lang)
    sizes = spec["sizes"]
    params = sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))
    if params > MAX_TRAIN_PARAMETERS:
        raise _Fault(_t("deck_train_params", lang, count=params, limit=MAX_TRAIN_PARAMETERS), "sizes")
    spec["steps"] = _at("steps", _integer, raw.get("steps", 100), 1, MAX_STEPS, lang)
    spec["lr"] = _at("lr", _positive, raw.get("lr", 0.1), lang)
    spec["noise"] = _at("noise", _number, raw.get("noise", 0.1), lang)
    if spec["noise"] < 0:
        raise _Fault(_t("deck_not_positive", lang, value=show(raw.get("noise"))), "noise")
    data = raw["data"]
    loss = spec["loss"]
    if data == "moons":
        if sizes[0] != 2:
            raise _Fault(_t("deck_moons_sizes", lang, value=show(sizes)), "sizes")
        n = _at("samples", _integer, raw.get("samples", 60), 2, MAX_SAMPLES, lang)
        X, labels = make_moons(n, spec["noise"], spec["seed"])
        Y = [[float(v)] if loss == "hinge" else [1.0 if v > 0 else 0.0] for v in labels]
        if sizes[-1] != 1:
            raise _Fault(_t("deck_data_labels", lang, n=sizes[-1], i=1, value=show(labels[0])), "sizes")
    elif data == "digits":
        from micrograd_cn.datasets import load_digits

        if sizes[0] != 64 or sizes[-1] != 10:
            raise _Fault(_t("deck_digits_sizes", lang, value=show(sizes)), "sizes")
        n = _at("samples", _integer, raw.get("samples", 100), 1, MAX_SAMPLES, lang)
        Xi, labels = load_digits()
        X = [[v / 16.0 for v in row] for row in Xi[:n]]
        Y = [[1.0 if j == c else 0.0 for j in range(10)] for c in labels[:n]]
    elif isinstance(data, dict) and set(data) == {"x", "y"} and isinstance(data["x"], list) \
            and isinstance(data["y"], list) and 1 <= len(data["x"]) == len(data["y"]) <= MAX_SAMPLES:
        X, Y = [], []
        for i, (p, label) in enumerate(zip(data["x"], data["y"]), 1):
            try:
                X.append(_vector(p, sizes[0], lang))
            except _Fault:
                raise _Fault(_t("deck_data_points", lang, n=sizes[0], i=i, value=show(p)), "data") from None
            try:
                Y.append([_number(label, lang)] if sizes[-1] == 1 and not isinstance(label, list)
                         else _vector(label, sizes[-1], lang))
            except _Fault:
                raise _Fault(_t("deck_data_labels", lang, n=sizes[-1], i=i, value=show(label)), "data") from None
        n = len(X)
        if "samples" in raw:
            raise _Fault(_t("deck_unknown_key", lang, kind="train (inline data)",
                            choices=", ".join(k for k in KEYS["train"] if k != "samples")), "samples")
    else:
        raise _Fault(_t("deck_data", lang, value=show(data)), "data")
    for i, row in enumerate(Y, 1):
        if loss == "hinge" and (sizes[-1] != 1 or row[0] not in (-1.0, 1.0)):
            raise _Fault(_t("deck_hinge_labels", lang, i=i, value=show(row)), "data")
        if loss == "ce" and not all(0.0 <= v <= 1.0 for v in row):
            raise _Fault(_t("deck_label01", lang, value=show(row)), "data")
    if not isinstance(data, str):
        spec["data"] = {"x": X, "y": Y}
    else:
        spec["data"] = data
        spec["samples"] = n
    work = spec["steps"] * n * params
    if work > MAX_TRAIN_WORK:
        raise _Fault(_t("deck_train_work", lang, steps=spec["steps"], samples=n, params=params,
                        limit=f"{MAX_TRAIN_WORK:,}"), "steps")


def training_data(spec: Mapping[str, Any]) -> tuple[list[list[float]], list[list[float]]]:
    """The points and targets a checked ``train`` spec trains on (the same every time)."""
    from micrograd_cn.datasets import load_digits, make_moons

    data = spec["data"]
    if isinstance(data, dict):
        return data["x"], data["y"]
    if data == "moons":
        X, labels = make_moons(spec["samples"], spec["noise"], spec["seed"])
        return X, [[float(v)] if spec["loss"] == "hinge" else [1.0 if v > 0 else 0.0] for v in labels]
    Xi, labels = load_digits()
    n = spec["samples"]
    return ([[v / 16.0 for v in row] for row in Xi[:n]],
            [[1.0 if j == c else 0.0 for j in range(10)] for c in labels[:n]])


# ------------------------------------------------------------------ pages
def _key(key: str) -> str:
    """A key as the message names it: bare when it reads plainly, else quoted and cut short."""
    return key if key.isidentifier() and len(key) <= 40 else show(key, 40)


def _at(key: str, check: Any, *args: Any, **kwargs: Any) -> Any:
    """``check(*args)`` with its fault blamed on ``key`` (unless the fault names its own key)."""
    try:
        return check(*args, **kwargs)
    except _Fault as fault:
        if fault.key is None:
            fault.key = key
        raise


def _expression_page(spec: dict, raw: Mapping[str, Any], lang: str) -> Built:
    if not isinstance(raw["expr"], str):
        raise _Fault(_t("deck_not_text", lang, value=show(raw["expr"])), "expr")
    spec["expr"] = raw["expr"]
    spec["values"] = _at("values", _values, raw.get("values", {}), lang)
    built = build(spec, lang)
    if "params" in raw:
        names = _at("params", _names, raw["params"], lang)
        for name in names:
            if name not in built.leaves:
                raise _Fault(_t("deck_param_unknown", lang, name=show(name),
                                names=", ".join(built.leaves) or "—"), "params")
        spec["params"] = names
    return built


def _question_spec(raw: object, lang: str) -> dict:
    if not isinstance(raw, dict):
        raise _Fault(_t("deck_not_values", lang, value=show(raw)))
    for key in raw:
        if key not in _QUESTION_KEYS:
            raise _Fault(_t("deck_unknown_qkey", lang, key=show(key), choices=", ".join(_QUESTION_KEYS)))
    for key in ("expr", "wrt"):
        if key not in raw:
            raise _Fault(_t("deck_missing_qkey", lang, key=key))
    spec: dict = {}
    _expression_page(spec, raw, lang)
    spec["wrt"] = raw["wrt"]
    if "prompt" in raw:
        spec["prompt"] = _at("prompt", _text, raw["prompt"], "prompt", lang)
    return spec


def _page(number: int, raw: object, lang: str) -> Page:
    if not isinstance(raw, dict):
        raise _Fault(_t("deck_page_not_table", lang), "page")
    if "kind" not in raw:
        raise _Fault(_t("deck_missing", lang, kind="?"), "kind")
    kind = raw["kind"]
    if not isinstance(kind, str) or kind not in KINDS:
        raise _Fault(_t("deck_unknown_kind", lang, value=show(kind), choices=", ".join(KINDS)), "kind")
    allowed = _COMMON + KEYS[kind]
    for key in raw:
        if key not in allowed:
            raise _Fault(_t("deck_unknown_key", lang, kind=kind, choices=", ".join(allowed)), _key(key))
    for key in ("title",) + REQUIRED[kind]:
        if key not in raw:
            raise _Fault(_t("deck_missing", lang, kind=kind), key)
    spec: dict = {}
    for key in _TEXT_KEYS:
        if key in raw:
            spec[key] = _at(key, _text, raw[key], key, lang)
    title, notes = spec.pop("title"), spec.pop("notes", "")
    quiz: QuizQuestion | None = None
    questions: tuple[QuizQuestion, ...] = ()
    if kind in ("graph", "steps", "locals", "paths", "quiz", "mistake"):
        built = _expression_page(spec, raw, lang)
        if kind in ("steps", "locals"):
            spec["mode"] = _at("mode", _choice, raw.get("mode", "show" if kind == "steps" else "ask"), MODES, lang)
        if kind == "steps":
            spec["ask"] = _at("ask", _choice, raw.get("ask", "contribution"), ASKS, lang)
        if kind == "paths":
            _wrt(built, raw["wrt"], lang)
            spec["wrt"] = raw["wrt"]
        if kind == "quiz":
            spec["wrt"] = raw["wrt"]
            quiz = question(spec, lang)
        if kind == "mistake":
            spec["mistake"] = _at("mistake", _choice, raw["mistake"], MISTAKES, lang)
            if "wrt" in raw:
                node = _wrt(built, raw["wrt"], lang)
                spec["wrt"] = raw["wrt"]
            else:
                names = Naming(built.root)
                leaves = [n for n in names.order if names.kind(n) in ("param", "data")]
                if not leaves:
                    raise _Fault(_t("deck_mistake_shared", lang), "expr")
                node = leaves[0]
                spec["wrt"] = names.of(node)
            if spec["mistake"] == "shared_node" and count_paths(built.root, node) < 2:
                raise _Fault(_t("deck_mistake_shared", lang), "wrt" if "wrt" in raw else "expr")
    elif kind == "logistic":
        first = raw["x"][0] if isinstance(raw["x"], list) and raw["x"] else None
        width = len(first) if isinstance(first, list) else len(raw["x"]) if isinstance(raw["x"], list) else 1
        X, batch = _at("x", _samples, raw["x"], max(width, 1), lang)
        spec["w"] = _at("w", _vector, raw["w"], len(X[0]), lang)
        spec["b"] = _at("b", _number, raw["b"], lang)
        if batch:
            Y = _at("y", _vector, raw["y"], len(X), lang)
        else:
            Y = [_at("y", _number, raw["y"], lang)]
        for v in Y:
            if not 0.0 <= v <= 1.0:
                raise _Fault(_t("deck_label01", lang, value=num(v)), "y")
        spec["x"], spec["y"], spec["batch"] = (X, Y, True) if batch else (X[0], Y[0], False)
        _check_logistic(spec, lang)
    elif kind in ("network", "matrix"):
        _network(spec, raw, kind, lang)
    elif kind == "train":
        _train(spec, raw, lang)
    elif kind == "exit":
        items = raw["questions"]
        if not isinstance(items, list) or not 1 <= len(items) <= MAX_QUESTIONS:
            raise _Fault(_t("deck_no_question", lang, limit=MAX_QUESTIONS, value=show(items)), "questions")
        specs = []
        for i, item in enumerate(items, 1):
            try:
                q = _question_spec(item, lang)
                questions += (question(q, lang),)
                specs.append(q)
            except _Fault as fault:
                detail = fault.detail if fault.key is None else f"{fault.key}: {fault.detail}"
                raise _Fault(_t("deck_question_key", lang, i=i, detail=detail), "questions") from None
        spec["questions"] = specs
    return Page(number, kind, title, notes, spec, quiz, questions)


def _check_logistic(spec: Mapping[str, Any], lang: str) -> None:
    """The neuron must have a loss: a saturated σ (a = 0 or 1) makes log fail."""
    X = spec["x"] if spec["batch"] else [spec["x"]]
    for x in X:
        z = sum(w * v for w, v in zip(spec["w"], x)) + spec["b"]
        if abs(z) > 30:
            raise _Fault(_t("deck_not_number", lang, value=f"z = {num(z)}"), "w")


# ------------------------------------------------------------------ parsing
def _top_error(source: str, lang: str, detail: str, key: str | None = None) -> DeckError:
    if key is None:
        return DeckError(_t("deck_at_file", lang, source=source, detail=" ".join(detail.split())))
    return DeckError(_t("deck_at_top", lang, source=source, key=key, detail=" ".join(detail.split())))


def parse_deck(text: str, *, lang: str | None = None, source: str = "<string>") -> Deck:
    """Check a lesson file's text and return its Deck (``DeckError`` names the page and key)."""
    lang = check_lang(lang)
    if not isinstance(text, str):
        raise _top_error(source, lang, _t("deck_not_text", lang, value=show(text)))
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:
        raise _top_error(source, lang, _t("deck_too_big", lang, size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}"))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise _top_error(source, lang, _t("deck_bad_toml", lang, detail=str(err))) from None
    except RecursionError:
        raise _top_error(source, lang, _t("deck_bad_toml", lang, detail="nesting too deep")) from None
    for key in data:
        if key not in _TOP_KEYS:
            raise _top_error(source, lang, _t("deck_unknown_top", lang, choices=", ".join(_TOP_KEYS)), _key(key))
    title = ""
    if "title" in data:
        try:
            title = _text(data["title"], "title", lang)
        except _Fault as fault:
            raise _top_error(source, lang, fault.detail, "title") from None
    raw_pages = data.get("page")
    if raw_pages is None:
        raise _top_error(source, lang, _t("deck_no_pages", lang))
    if not isinstance(raw_pages, list):
        raise _top_error(source, lang, _t("deck_pages_not_list", lang), "page")
    if not raw_pages:
        raise _top_error(source, lang, _t("deck_no_pages", lang))
    if len(raw_pages) > MAX_PAGES:
        raise _top_error(source, lang, _t("deck_too_many_pages", lang, n=len(raw_pages), limit=MAX_PAGES))
    pages = []
    for number, raw in enumerate(raw_pages, 1):
        try:
            pages.append(_page(number, raw, lang))
        except _Fault as fault:
            raise DeckError(_t("deck_at_page", lang, source=source, page=number, key=fault.key or "?",
                               detail=fault.detail)) from None
        except RecursionError:  # pragma: no cover - the parser bounds nesting first
            raise DeckError(_t("deck_at_page", lang, source=source, page=number, key="expr",
                               detail="too deep")) from None
    if not title:
        title = pages[0].title
    return Deck(title, tuple(pages), lang, source)


def lesson_file(name: str) -> str:
    """The text of a lesson shipped in the package (``builtin.toml``, ``example.toml``)."""
    folder = resources.files("micrograd_cn").joinpath("data").joinpath("lessons")
    return folder.joinpath(name).read_text(encoding="utf-8")


def builtin_text() -> str:
    """The built-in lesson's file (a bilingual lesson file like any other)."""
    return lesson_file("builtin.toml")


def example_text() -> str:
    """The shipped example lesson file (what ``micrograd-cn lesson --example`` prints)."""
    return lesson_file("example.toml")


def load_deck(path: str | os.PathLike | None = None, *, lang: str | None = None) -> Deck:
    """Read and check a lesson file (None: the built-in lesson)."""
    lang = check_lang(lang)
    if path is None:
        return parse_deck(builtin_text(), lang=lang, source="builtin.toml")
    source = os.fspath(path)
    try:
        with open(source, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise _top_error(source, lang, _t("deck_no_file", lang, detail=err.strerror or str(err))) from None
    if len(data) > MAX_FILE_BYTES:
        size = os.path.getsize(source)
        raise _top_error(source, lang, _t("deck_too_big", lang, size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise _top_error(source, lang, _t("deck_not_utf8", lang, offset=err.start + 1)) from None
    return parse_deck(text.removeprefix("\ufeff"), lang=lang, source=source)
