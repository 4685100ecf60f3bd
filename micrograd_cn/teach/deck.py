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
from micrograd_cn.i18n import check_lang, language, show, t
from micrograd_cn.nn import ACTIVATIONS
from micrograd_cn.notation import num
from micrograd_cn.teach import doc
from micrograd_cn.teach.expr import ExprError, build_program, check_name
from micrograd_cn.teach.expr import parse as parse_expr
from micrograd_cn.teach.naming import Naming, derivative
from micrograd_cn.teach.paths import MAX_PATHS, count_paths, node_named, paths_blocks
from micrograd_cn.teach.weights import WeightsError, weights_from_mapping

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
    "network": _NETWORK + ("numbering", "text"),
    "matrix": _NETWORK + ("numbering", "text"),
    "train": ("sizes", "activation", "output_activation", "weights", "seed", "data", "samples",
              "noise", "loss", "steps", "lr", "text"),
    "quiz": ("expr", "values", "wrt", "prompt", "text"),
    "exit": ("questions", "text"),
    "mistake": ("expr", "values", "mistake", "wrt", "text"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "text": ("text",), "graph": ("expr",), "steps": ("expr",), "locals": ("expr",),
    "paths": ("expr", "wrt"), "logistic": (), "network": ("sizes",),
    "matrix": ("sizes",), "train": ("sizes", "data"), "quiz": ("expr", "wrt"),
    "exit": ("questions",), "mistake": ("expr", "mistake"),
}
_QUESTION_KEYS = ("expr", "values", "wrt", "prompt")
_TOP_KEYS = ("title", "page")
_TEXT_KEYS = ("title", "text", "notes", "prompt")

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
        raise _Fault(t("deck_not_number", lang, value=show(value)))
    return float(value)  # type: ignore[arg-type]


def _integer(value: object, low: int, high: int, lang: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _Fault(t("deck_not_int", lang, low=low, high=high, value=show(value)))
    return value


def _positive(value: object, lang: str) -> float:
    if not _is_number(value) or not 0 < float(value) < math.inf:  # type: ignore[arg-type]
        raise _Fault(t("deck_not_positive", lang, value=show(value)))
    return float(value)  # type: ignore[arg-type]


def _choice(value: object, choices: tuple[str, ...], lang: str) -> str:
    if not isinstance(value, str) or value not in choices:
        raise _Fault(t("deck_choice", lang, value=show(value), choices=", ".join(choices)))
    return value


def _vector(value: object, n: int | None, lang: str) -> list[float]:
    if (not isinstance(value, list) or not value or (n is not None and len(value) != n)
            or not all(_is_number(v) and math.isfinite(v) for v in value)):
        if n is None:
            raise _Fault(t("deck_vector_any", lang, value=show(value)))
        raise _Fault(t("deck_vector", lang, n=n, value=show(value)))
    return [float(v) for v in value]


def _text(value: object, key: str, lang: str) -> str:
    """A text key: a string or ``{ zh = "…", en = "…" }``, checked, in the deck's language."""
    if isinstance(value, dict):
        if set(value) != {"zh", "en"} or not all(isinstance(v, str) for v in value.values()):
            raise _Fault(t("deck_text_lang", lang, value=show(value)))
        value = value[lang]
    if not isinstance(value, str):
        raise _Fault(t("deck_not_text", lang, value=show(value)))
    limit = MAX_TITLE if key == "title" else MAX_TEXT
    if len(value) > limit:
        raise _Fault(t("deck_text_long", lang, n=len(value), limit=limit))
    allowed = "" if key == "title" else "\n\t"
    for ch in value:
        if (ord(ch) < 32 and ch not in allowed) or 0x7F <= ord(ch) < 0xA0:
            if ch == "\n":
                raise _Fault(t("deck_title_line", lang))
            raise _Fault(t("deck_text_control", lang, char=f"U+{ord(ch):04X}"))
    if key in ("title", "text") and not value.strip():
        raise _Fault(t("deck_text_empty", lang))
    return value


def _values(value: object, lang: str) -> dict[str, float]:
    if not isinstance(value, dict):
        raise _Fault(t("deck_not_values", lang, value=show(value)))
    out: dict[str, float] = {}
    for name, v in value.items():
        if not _is_number(v) or not math.isfinite(v):
            raise _Fault(t("deck_value", lang, name=show(name), value=show(v)))
        try:
            with language(lang):
                out[check_name(name)] = float(v)
        except ExprError as err:
            raise _Fault(str(err)) from None
    return out


def _names(value: object, lang: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Fault(t("deck_not_names", lang, value=show(value)))
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
        raise _Fault(t("deck_not_text", lang, value=show(name)), key)
    try:
        with language(lang):
            node = node_named(built.root, name)
    except ValueError as err:
        raise _Fault(str(err), key) from None
    if node is built.root:
        raise _Fault(t("deck_wrt_root", lang, name=name), key)
    n = count_paths(built.root, node)
    if n == 0:  # pragma: no cover - naming only lists nodes below the root
        raise _Fault(t("deck_wrt_constant", lang, name=name), key)
    if n > MAX_PATHS:
        raise _Fault(t("deck_wrt_paths", lang, name=name, n=n, limit=MAX_PATHS), key)
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
        prompt = t("deck_quiz_prompt", lang, values=_shown_values(values), expr=expr, d=d)
    else:
        prompt = t("deck_quiz_prompt_novalues", lang, expr=expr, d=d)
    with language(lang):
        working = doc.render(paths_blocks(built.root, node, lang))
    return QuizQuestion(spec["expr"], dict(values), spec["wrt"], answer, prompt, working,
                        names.root_name, d)


# ------------------------------------------------------------------ networks
def _sizes(value: object, lang: str, *, layers: int = MAX_LAYERS, neurons: int = MAX_NEURONS) -> list[int]:
    if (not isinstance(value, list) or not 2 <= len(value) <= layers
            or not all(isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= neurons for n in value)):
        raise _Fault(t("deck_sizes", lang, layers=layers, neurons=neurons, value=show(value)))
    return list(value)


def _weights(value: object, sizes: list[int], lang: str) -> dict[str, list]:
    """``{ W = [W², W³, …], b = [b², b³, …] }``, checked as ``bp --weights`` checks its file."""
    try:
        Ws, bs = weights_from_mapping(value, sizes, lang)
    except WeightsError as err:
        raise _Fault(str(err)) from None
    return {"W": Ws, "b": bs}


def _samples(value: object, n: int, lang: str) -> tuple[list[list[float]], bool]:
    """x as one sample (n numbers) or a batch (lists of n numbers); True when a batch."""
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        if len(value) > 64:
            raise _Fault(t("deck_batch", lang, n=n, value=show(value)))
        try:
            return [_vector(v, n, lang) for v in value], True
        except _Fault:
            raise _Fault(t("deck_batch", lang, n=n, value=show(value))) from None
    try:
        return [_vector(value, n, lang)], False
    except _Fault:
        raise _Fault(t("deck_batch", lang, n=n, value=show(value))) from None


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
        raise _Fault(t("deck_ce_needs_sigmoid", lang, act=spec["output_activation"]),
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
        raise _Fault(t("deck_vector", lang, n=sizes[0], value=show(raw.get("x"))), "x")
    if len(X) != len(Y) or batch != ybatch:
        raise _Fault(t("deck_batch_len", lang, m=len(X), k=len(Y)), "y")
    if cost == "ce":
        for row in Y:
            for v in row:
                if not 0.0 <= v <= 1.0:
                    raise _Fault(t("deck_label01", lang, value=num(v)), "y")
    spec["x"] = X if batch else X[0]
    spec["y"] = Y if batch else Y[0]
    spec["batch"] = batch


def _train(spec: dict, raw: Mapping[str, Any], lang: str) -> None:
    from micrograd_cn.datasets import make_moons  # small and dependency-free

    _network(spec, raw, "train", lang)
    sizes = spec["sizes"]
    params = sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))
    if params > MAX_TRAIN_PARAMETERS:
        raise _Fault(t("deck_train_params", lang, count=params, limit=MAX_TRAIN_PARAMETERS), "sizes")
    spec["steps"] = _at("steps", _integer, raw.get("steps", 100), 1, MAX_STEPS, lang)
    spec["lr"] = _at("lr", _positive, raw.get("lr", 0.1), lang)
    spec["noise"] = _at("noise", _number, raw.get("noise", 0.1), lang)
    if spec["noise"] < 0:
        raise _Fault(t("deck_not_positive", lang, value=show(raw.get("noise"))), "noise")
    data = raw["data"]
    loss = spec["loss"]
    if data == "moons":
        if sizes[0] != 2:
            raise _Fault(t("deck_moons_sizes", lang, value=show(sizes)), "sizes")
        n = _at("samples", _integer, raw.get("samples", 60), 2, MAX_SAMPLES, lang)
        X, labels = make_moons(n, spec["noise"], spec["seed"])
        Y = [[float(v)] if loss == "hinge" else [1.0 if v > 0 else 0.0] for v in labels]
        if sizes[-1] != 1:
            raise _Fault(t("deck_data_labels", lang, n=sizes[-1], i=1, value=show(labels[0])), "sizes")
    elif data == "digits":
        from micrograd_cn.datasets import load_digits

        if sizes[0] != 64 or sizes[-1] != 10:
            raise _Fault(t("deck_digits_sizes", lang, value=show(sizes)), "sizes")
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
                raise _Fault(t("deck_data_points", lang, n=sizes[0], i=i, value=show(p)), "data") from None
            try:
                Y.append([_number(label, lang)] if sizes[-1] == 1 and not isinstance(label, list)
                         else _vector(label, sizes[-1], lang))
            except _Fault:
                raise _Fault(t("deck_data_labels", lang, n=sizes[-1], i=i, value=show(label)), "data") from None
        n = len(X)
        if "samples" in raw:
            raise _Fault(t("deck_unknown_key", lang, kind="train (inline data)",
                            choices=", ".join(k for k in KEYS["train"] if k != "samples")), "samples")
    else:
        raise _Fault(t("deck_data", lang, value=show(data)), "data")
    for i, row in enumerate(Y, 1):
        if loss == "hinge" and (sizes[-1] != 1 or row[0] not in (-1.0, 1.0)):
            raise _Fault(t("deck_hinge_labels", lang, i=i, value=show(row)), "data")
        if loss == "ce" and not all(0.0 <= v <= 1.0 for v in row):
            raise _Fault(t("deck_label01", lang, value=show(row)), "data")
    if not isinstance(data, str):
        spec["data"] = {"x": X, "y": Y}
    else:
        spec["data"] = data
        spec["samples"] = n
    work = spec["steps"] * n * params
    if work > MAX_TRAIN_WORK:
        raise _Fault(t("deck_train_work", lang, steps=spec["steps"], samples=n, params=params,
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
        raise _Fault(t("deck_not_text", lang, value=show(raw["expr"])), "expr")
    spec["expr"] = raw["expr"]
    spec["values"] = _at("values", _values, raw.get("values", {}), lang)
    built = build(spec, lang)
    if "params" in raw:
        names = _at("params", _names, raw["params"], lang)
        for name in names:
            if name not in built.leaves:
                raise _Fault(t("deck_param_unknown", lang, name=show(name),
                                names=", ".join(built.leaves) or "—"), "params")
        spec["params"] = names
    return built


def _question_spec(raw: object, lang: str) -> dict:
    if not isinstance(raw, dict):
        raise _Fault(t("deck_not_values", lang, value=show(raw)))
    for key in raw:
        if key not in _QUESTION_KEYS:
            raise _Fault(t("deck_unknown_qkey", lang, field=show(key), choices=", ".join(_QUESTION_KEYS)))
    for key in ("expr", "wrt"):
        if key not in raw:
            raise _Fault(t("deck_missing_qkey", lang, field=key))
    spec: dict = {}
    _expression_page(spec, raw, lang)
    spec["wrt"] = raw["wrt"]
    if "prompt" in raw:
        spec["prompt"] = _at("prompt", _text, raw["prompt"], "prompt", lang)
    return spec


def _page(number: int, raw: object, lang: str) -> Page:
    if not isinstance(raw, dict):
        raise _Fault(t("deck_page_not_table", lang), "page")
    if "kind" not in raw:
        raise _Fault(t("deck_missing", lang, kind="?"), "kind")
    kind = raw["kind"]
    if not isinstance(kind, str) or kind not in KINDS:
        raise _Fault(t("deck_unknown_kind", lang, value=show(kind), choices=", ".join(KINDS)), "kind")
    allowed = _COMMON + KEYS[kind]
    for key in raw:
        if key not in allowed:
            raise _Fault(t("deck_unknown_key", lang, kind=kind, choices=", ".join(allowed)), _key(key))
    for key in ("title",) + REQUIRED[kind]:
        if key not in raw:
            raise _Fault(t("deck_missing", lang, kind=kind), key)
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
            spec["mode"] = _at("mode", _choice, raw.get("mode", "reveal" if kind == "steps" else "ask"), MODES, lang)
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
                    raise _Fault(t("deck_mistake_shared", lang), "expr")
                node = leaves[0]
                spec["wrt"] = names.of(node)
            if spec["mistake"] != "shared_node" and spec["wrt"] not in built.leaves:
                raise _Fault(t("deck_mistake_leaf_wrt", lang, name=spec["wrt"], names=", ".join(built.leaves)),
                             "wrt")
            if spec["mistake"] == "shared_node" and count_paths(built.root, node) < 2:
                raise _Fault(t("deck_mistake_shared", lang), "wrt" if "wrt" in raw else "expr")
    elif kind == "logistic":
        # every key defaults to the built-in lesson's running neuron (x = (1, 2), w = (0.5, −0.3), b = 0.1, y = 1)
        raw_x = raw.get("x", [1.0, 2.0])
        first = raw_x[0] if isinstance(raw_x, list) and raw_x else None
        width = len(first) if isinstance(first, list) else len(raw_x) if isinstance(raw_x, list) else 1
        X, batch = _at("x", _samples, raw_x, max(width, 1), lang)
        default_w = [0.5, -0.3] if len(X[0]) == 2 else [0.0] * len(X[0])
        spec["w"] = _at("w", _vector, raw.get("w", default_w), len(X[0]), lang)
        spec["b"] = _at("b", _number, raw.get("b", 0.1), lang)
        if batch:
            Y = _at("y", _vector, raw.get("y", [1.0] * len(X)), len(X), lang)
        else:
            Y = [_at("y", _number, raw.get("y", 1.0), lang)]
        for v in Y:
            if not 0.0 <= v <= 1.0:
                raise _Fault(t("deck_label01", lang, value=num(v)), "y")
        spec["x"], spec["y"], spec["batch"] = (X, Y, True) if batch else (X[0], Y[0], False)
        _check_logistic(spec, lang)
    elif kind in ("network", "matrix"):
        _network(spec, raw, kind, lang)
        # layer numbers as bp --numbering: Nielsen's (input = layer 1) or Ng's (input = A⁰)
        spec["numbering"] = _at("numbering", _choice, raw.get("numbering", "nielsen"),
                                ("nielsen", "ng"), lang)
    elif kind == "train":
        _train(spec, raw, lang)
    elif kind == "exit":
        items = raw["questions"]
        if not isinstance(items, list) or not 1 <= len(items) <= MAX_QUESTIONS:
            raise _Fault(t("deck_no_question", lang, limit=MAX_QUESTIONS, value=show(items)), "questions")
        specs = []
        for i, item in enumerate(items, 1):
            try:
                q = _question_spec(item, lang)
                questions += (question(q, lang),)
                specs.append(q)
            except _Fault as fault:
                detail = fault.detail if fault.key is None else f"{fault.key}: {fault.detail}"
                raise _Fault(t("deck_question_key", lang, i=i, detail=detail), "questions") from None
        spec["questions"] = specs
    return Page(number, kind, title, notes, spec, quiz, questions)


def _check_logistic(spec: Mapping[str, Any], lang: str) -> None:
    """The neuron must have a loss: a saturated σ (a = 0 or 1) makes log fail."""
    X = spec["x"] if spec["batch"] else [spec["x"]]
    for x in X:
        z = sum(w * v for w, v in zip(spec["w"], x)) + spec["b"]
        if abs(z) > 30:
            raise _Fault(t("deck_not_number", lang, value=f"z = {num(z)}"), "w")


# ------------------------------------------------------------------ parsing
def _top_error(source: str, lang: str, detail: str, key: str | None = None) -> DeckError:
    if key is None:
        return DeckError(t("deck_at_file", lang, source=source, detail=" ".join(detail.split())))
    return DeckError(t("deck_at_top", lang, source=source, field=key, detail=" ".join(detail.split())))


def parse_deck(text: str, *, lang: str | None = None, source: str = "<string>") -> Deck:
    """Check a lesson file's text and return its Deck (``DeckError`` names the page and key)."""
    lang = check_lang(lang)
    if not isinstance(text, str):
        raise _top_error(source, lang, t("deck_not_text", lang, value=show(text)))
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:
        raise _top_error(source, lang, t("deck_too_big", lang, size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}"))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise _top_error(source, lang, t("deck_bad_toml", lang, detail=str(err))) from None
    except RecursionError:
        raise _top_error(source, lang, t("deck_bad_toml", lang, detail="nesting too deep")) from None
    for key in data:
        if key not in _TOP_KEYS:
            raise _top_error(source, lang, t("deck_unknown_top", lang, choices=", ".join(_TOP_KEYS)), _key(key))
    title = ""
    if "title" in data:
        try:
            title = _text(data["title"], "title", lang)
        except _Fault as fault:
            raise _top_error(source, lang, fault.detail, "title") from None
    raw_pages = data.get("page")
    if raw_pages is None:
        raise _top_error(source, lang, t("deck_no_pages", lang))
    if not isinstance(raw_pages, list):
        raise _top_error(source, lang, t("deck_pages_not_list", lang), "page")
    if not raw_pages:
        raise _top_error(source, lang, t("deck_no_pages", lang))
    if len(raw_pages) > MAX_PAGES:
        raise _top_error(source, lang, t("deck_too_many_pages", lang, n=len(raw_pages), limit=MAX_PAGES))
    pages = []
    for number, raw in enumerate(raw_pages, 1):
        try:
            pages.append(_page(number, raw, lang))
        except _Fault as fault:
            raise DeckError(t("deck_at_page", lang, source=source, page=number, field=fault.key or "?",
                               detail=fault.detail)) from None
        except RecursionError:  # pragma: no cover - the parser bounds nesting first
            raise DeckError(t("deck_at_page", lang, source=source, page=number, field="expr",
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
        raise _top_error(source, lang, t("deck_no_file", lang, detail=err.strerror or str(err))) from None
    if len(data) > MAX_FILE_BYTES:
        size = os.path.getsize(source)
        raise _top_error(source, lang, t("deck_too_big", lang, size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise _top_error(source, lang, t("deck_not_utf8", lang, offset=err.start + 1)) from None
    return parse_deck(text.removeprefix("\ufeff"), lang=lang, source=source)
