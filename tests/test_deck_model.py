"""The lesson deck's data model (teach.deck): lesson files checked page by page.

Hostile files each give one line in the user's language naming the page and the key;
a good file gives pages whose quiz answers are the engine's gradients, checked here
against central differences.
"""

from __future__ import annotations

import math

import pytest

from micrograd_cn.teach.deck import (
    MAX_FILE_BYTES,
    Deck,
    DeckError,
    Page,
    QuizQuestion,
    example_text,
    load_deck,
    parse_deck,
)

NEURON = 'expr = "z = x*w + b; a = sigmoid(z)"\nvalues = { x = 2, w = -1, b = 0.5 }\n'


def page(body: str, kind: str = "graph", title: str = '"t"') -> str:
    return f"[[page]]\nkind = \"{kind}\"\ntitle = {title}\n{body}\n"


GOOD = page("text = \"hello\"", "text")
NET = 'sizes = [2, 2, 1]\n'

# (file text, page named in the message or None for the whole file, the key named)
HOSTILE: list[tuple[str, int | None, str]] = [
    (GOOD + page(NEURON, "slides"), 2, "kind"),
    (GOOD + page(NEURON + "colour = 3"), 2, "colour"),
    (page(NEURON, "graph", title='"ok"').replace('title = "ok"\n', ""), 1, "title"),
    (page(NEURON, title='"' + "长" * 200_000 + '"'), 1, "title"),
    (page(NEURON, title="3"), 1, "title"),
    (page(NEURON, title='"two\\nlines"'), 1, "title"),
    (page('expr = "__import__(\'os\')"'), 1, "expr"),
    (page('expr = "x +"\nvalues = { x = 1 }'), 1, "expr"),
    (page('expr = "log(x)"\nvalues = { x = -1 }'), 1, "values"),
    (page('expr = "x*2"\nvalues = { x = nan }'), 1, "values"),
    (page('expr = "x*2"\nvalues = { x = inf }'), 1, "values"),
    (page('expr = "x*2"\nvalues = { x = "2" }'), 1, "values"),
    (page('expr = "x*y"\nvalues = { x = 1 }'), 1, "values"),
    (page('expr = "x*2"\nvalues = { x = 1, q = 2 }'), 1, "values"),
    (GOOD + page(NET + "weights = { W = [[[1, 2]], [[1, 2]]], b = [[0, 0], [0]] }", "network"), 2, "weights"),
    (page(NET + "weights = { W = [[[1, 2], [3, 4]]], b = [[0, 0]] }", "network"), 1, "weights"),
    (page(NET + "weights = { W = [[[1, 2], [3, 4]], [[1, 2]]], b = [[0, 0], [nan]] }", "network"), 1, "weights"),
    (page("sizes = [2, 99, 1]", "network"), 1, "sizes"),
    (page('sizes = "2 2 1"', "network"), 1, "sizes"),
    (page(NET + "x = [1, 2, 3]", "network"), 1, "x"),
    (page(NET + 'cost = "mae"', "network"), 1, "cost"),
    (page(NET + 'cost = "ce"\ny = [2]', "network"), 1, "y"),
    (page(NET + 'cost = "ce"\noutput_activation = "linear"', "matrix"), 1, "output_activation"),
    (page(NET + 'numbering = "bourbaki"', "matrix"), 1, "numbering"),
    (page(NEURON + 'mode = "quiz"', "steps"), 1, "mode"),
    (page(NEURON + 'wrt = "q"', "quiz"), 1, "wrt"),
    (page(NEURON, "quiz"), 1, "wrt"),
    (page(NEURON + 'wrt = "a"', "quiz"), 1, "wrt"),
    (page(NEURON + 'params = ["w", "nope"]'), 1, "params"),
    (page('sizes = [2, 4, 1]\ndata = "moons"\nsteps = 20000', "train"), 1, "steps"),
    (page('sizes = [2, 4, 1]\ndata = "moons"\nlr = -0.1', "train"), 1, "lr"),
    (page('sizes = [2, 4, 1]\ndata = "mnist"', "train"), 1, "data"),
    (page('sizes = [2, 4, 1]\ndata = { x = [[1, 2]], y = [[1, 2]] }', "train"), 1, "data"),
    (page('sizes = [2, 16, 16, 1]\ndata = "moons"\nsamples = 2000\nsteps = 10000', "train"), 1, "steps"),
    (page("questions = []", "exit"), 1, "questions"),
    (page('questions = [{ expr = "x*", values = { x = 1 }, wrt = "x" }]', "exit"), 1, "questions"),
    (page("x = [1, 2]\ny = 1\nw = [0.5]\nb = 0", "logistic"), 1, "w"),
    (page("x = [1, 2]\ny = 3\nw = [0.5, 1]\nb = 0", "logistic"), 1, "y"),
    (page('text = "a\\u0000b"', "text"), 1, "text"),
    (page(NEURON + 'mistake = "typo"', "mistake"), 1, "mistake"),
    (page('text = "hi"').replace('kind = "graph"\n', ""), 1, "kind"),
    ('title = "x"\n', None, ""),
    ('page = 3\n', None, "page"),
    ('colour = "red"\n' + GOOD, None, "colour"),
    ('[[page]\nkind = "text"\n', None, ""),
    (GOOD * 201, None, ""),
    ("title = 5\n" + GOOD, None, "title"),
]


def test_at_least_thirty_hostile_files():
    assert len(HOSTILE) >= 30


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("text,number,key", HOSTILE)
def test_hostile_files_name_the_page_and_the_key(text, number, key, lang):
    with pytest.raises(DeckError) as info:
        parse_deck(text, lang=lang, source="lesson.toml")
    message = str(info.value)
    assert "\n" not in message and message.startswith("lesson.toml")
    assert "Traceback" not in message and len(message) < 400
    if number is not None:
        assert (f"第 {number} 页" if lang == "zh" else f"page {number}") in message
    if key:
        assert (f"键 {key}：" if lang == "zh" else f"key {key}:") in message
    if lang == "zh":
        assert any("\u4e00" <= ch <= "\u9fff" for ch in message)
    else:
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in message)


def test_file_level_faults(tmp_path):
    big = tmp_path / "big.toml"
    big.write_text(GOOD + "# " + "x" * MAX_FILE_BYTES + "\n")
    with pytest.raises(DeckError, match="1,000,000"):
        load_deck(big, lang="en")
    with pytest.raises(DeckError, match="1,000,000"):
        parse_deck(big.read_text(), lang="en")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(GOOD.encode() + b"# \xff\xfe\n")
    with pytest.raises(DeckError, match="UTF-8"):
        load_deck(bad, lang="en")
    with pytest.raises(DeckError, match="missing.toml"):
        load_deck(tmp_path / "missing.toml", lang="en")


def central(f, x: float, h: float = 1e-6) -> float:
    return (f(x + h) - f(x - h)) / (2 * h)


def test_quiz_answer_is_the_gradient():
    deck = parse_deck(page(NEURON + 'wrt = "w"', "quiz"), lang="en")
    q = deck.pages[0].question
    assert isinstance(q, QuizQuestion)

    def f(w: float) -> float:
        return 1 / (1 + math.exp(-(2 * w + 0.5)))

    assert q.answer == pytest.approx(central(f, -1.0), rel=1e-7)
    assert "∂a/∂w" in q.prompt and "∂a/∂w" in q.working
    assert q.expr.startswith("z = ") and q.values == {"x": 2.0, "w": -1.0, "b": 0.5}


def test_exit_questions_and_shared_node_sum():
    text = page('questions = [{ expr = "u = x*y; f = u + x", values = { x = 3, y = -2 }, wrt = "x" }, '
                '{ expr = "x*x", values = { x = 4 }, wrt = "x", prompt = "d/dx?" }]', "exit")
    (p,) = parse_deck(text, lang="zh").pages
    assert [q.answer for q in p.questions] == [-1.0, 8.0]  # y + 1 and 2x
    assert p.questions[1].prompt == "d/dx?"


def test_builtin_lesson_in_both_languages():
    for lang in ("zh", "en"):
        deck = load_deck(lang=lang)
        assert isinstance(deck, Deck) and deck.lang == lang and len(deck.pages) >= 12
        assert all(isinstance(p, Page) for p in deck.pages)
        assert [p.number for p in deck.pages] == list(range(1, len(deck.pages) + 1))
        kinds = {p.kind for p in deck.pages}
        assert {"text", "graph", "steps", "locals", "paths", "logistic", "network", "matrix", "train",
                "quiz", "exit", "mistake"} <= kinds
        quiz = next(p for p in deck.pages if p.kind == "quiz")
        assert quiz.question is not None
    zh, en = load_deck(lang="zh"), load_deck(lang="en")
    assert zh.title != en.title and zh.pages[1].spec["expr"] == en.pages[1].spec["expr"]


def test_example_file_parses_and_bilingual_text():
    deck = parse_deck(example_text(), lang="en")
    assert len(deck.pages) >= 1
    text = page('text = { zh = "你好", en = "hello" }', "text", title='{ zh = "标题", en = "Title" }')
    assert parse_deck(text, lang="en").pages[0].spec["text"] == "hello"
    assert parse_deck(text, lang="zh").pages[0].title == "标题"


def test_html_in_a_title_is_kept_as_text():
    deck = parse_deck(page('text = "<b>x</b>"', "text", title='"<script>alert(1)</script>"'))
    assert deck.pages[0].title == "<script>alert(1)</script>"  # pages escape it when drawn


def test_a_network_page_takes_the_numbering_of_bp():
    from micrograd_cn.teach.deck import parse_deck

    deck = parse_deck(page(NET + 'numbering = "ng"', "matrix"), lang="en")
    assert deck.pages[0].spec["numbering"] == "ng"
    deck = parse_deck(page(NET, "network"), lang="en")
    assert deck.pages[0].spec["numbering"] == "nielsen"


def test_the_package_names_the_deck_api(tmp_path):
    """Issue 24: Python `write_lesson(...)`, `Deck` and `write_deck` from the package itself."""
    import micrograd_cn
    from micrograd_cn import Deck, load_deck, parse_deck, write_deck, write_lesson

    assert write_lesson is write_deck and {"Deck", "write_deck", "write_lesson"} <= set(dir(micrograd_cn))
    deck = parse_deck('[[page]]\nkind = "quiz"\ntitle = "q"\nexpr = "L = a*b - a"\n'
                      'values = { a = 3, b = -2 }\nwrt = "a"\n', lang="en")
    assert isinstance(deck, Deck) and deck.pages[0].question.answer == pytest.approx(-3.0)
    out = tmp_path / "l.html"
    write_lesson(out, deck, lang="en")
    assert "∂L/∂a" in out.read_text(encoding="utf-8")
    assert load_deck(None, lang="en").pages


def test_a_bare_logistic_page_takes_the_running_neuron():
    """Issue 24 lists `logistic` with no keys: a page of only kind and title builds (the lesson's neuron)."""
    from micrograd_cn.engine import Value

    deck = parse_deck('[[page]]\nkind = "logistic"\ntitle = "neuron"\n', lang="en")
    spec = deck.pages[0].spec
    assert spec["x"] == [1.0, 2.0] and spec["y"] == 1.0 and spec["w"] == [0.5, -0.3] and spec["b"] == 0.1
    w = [Value(v) for v in spec["w"]]
    z = w[0] * spec["x"][0] + w[1] * spec["x"][1] + spec["b"]
    a = z.sigmoid()
    loss = -(a.log())
    loss.backward()
    h = 1e-6  # oracle: ∂L/∂w₁ by central differences on L = −log σ(z)
    f = lambda w1: -math.log(1 / (1 + math.exp(-(w1 * 1 + -0.3 * 2 + 0.1))))  # noqa: E731
    assert w[0].grad == pytest.approx((f(0.5 + h) - f(0.5 - h)) / (2 * h), rel=1e-6)
    parse_deck('[[page]]\nkind = "logistic"\ntitle = "n"\nx = [1, 2, 3]\nw = [1, 0, -1]\n', lang="en")
