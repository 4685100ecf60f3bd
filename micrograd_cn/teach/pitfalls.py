"""Common mistakes in code, run live on the engine: what a deck's ``mistake`` page shows.

* ``backward_twice``: ``backward()`` run a second time without zeroing: the leaves'
  gradients accumulate, so each leaf holds twice the true gradient (the engine resets
  the inner nodes, as PyTorch does, but never the leaves).
* ``no_zero_grad``: two training steps (SGD, learning rate 0.1, on the leaf ``wrt``) without
  ``zero_grad`` between them: the second step's gradient is the sum of both steps' gradients.
* ``shared_node``: a node used twice; counting only one of the paths from the root to it
  misses the other path's product: the right gradient is the sum over every path.

Each returns ``MistakeReport``: the rows of numbers (each one from a real ``backward()``
or a path product) and doc blocks in the user's language.

Imports: engine, nn, i18n, notation and teach's deck, doc, naming and paths.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from micrograd_cn.i18n import check_lang, t
from micrograd_cn.nn import SGD
from micrograd_cn.notation import num
from micrograd_cn.teach.deck import build
from micrograd_cn.teach.doc import Block, Math, Para, Table
from micrograd_cn.teach.naming import Naming, derivative
from micrograd_cn.teach.paths import node_named, paths

LR = 0.1  # the learning rate of no_zero_grad's two steps


@dataclass(frozen=True)
class MistakeReport:
    mistake: str
    wrong: float  # what the mistaken code holds for the gradient asked about
    right: float  # the true gradient
    blocks: tuple[Block, ...]


def mistake(spec: Mapping[str, Any], lang: str | None = None) -> MistakeReport:
    """The report of a checked ``mistake`` page."""
    lang = check_lang(lang)
    kind = spec["mistake"]
    if kind == "backward_twice":
        return _twice(spec, lang)
    if kind == "no_zero_grad":
        return _no_zero(spec, lang)
    return _shared(spec, lang)


def _twice(spec: Mapping[str, Any], lang: str) -> MistakeReport:
    built = build(spec, lang)
    names = Naming(built.root)
    leaves = list(built.leaves.items())
    built.root.backward()
    first = [v.grad for _, v in leaves]
    built.root.backward()
    second = [v.grad for _, v in leaves]
    rows = [(name, num(a), num(b)) for (name, _), a, b in zip(leaves, first, second)]
    focus = node_named(built.root, spec["wrt"])
    d = derivative(names.root_name, names.of(focus))
    blocks: list[Block] = [
        Para(t("deck_mistake_twice_intro", lang, root=names.root_name)),
        Table.of([t("deck_mistake_leaf", lang), t("deck_mistake_once", lang), t("deck_mistake_again", lang)],
                 rows, "<>>"),
        Para(t("deck_mistake_twice_why", lang, d=d, right=num(first[_index(leaves, focus)]),
               wrong=num(focus.grad))),
    ]
    return MistakeReport("backward_twice", focus.grad, first[_index(leaves, focus)], tuple(blocks))


def _index(leaves: list, node: object) -> int:
    for i, (_, v) in enumerate(leaves):
        if v is node:
            return i
    return 0


def _no_zero(spec: Mapping[str, Any], lang: str) -> MistakeReport:
    built = build(spec, lang)
    names = Naming(built.root)
    focus = node_named(built.root, spec["wrt"])
    opt = SGD([focus], lr=LR)  # only the parameter asked about moves
    built.root.backward()
    g1 = focus.grad
    opt.step()  # the data moved, the gradients stay: the forthcoming pass adds to them
    # a fresh forward pass at the new values (the graph is rebuilt from them)
    moved = dict(spec)
    moved["values"] = {name: v.data for name, v in built.leaves.items()}
    again = build(moved, lang)
    again.root.backward()
    focus2 = node_named(again.root, spec["wrt"])
    g2 = focus2.grad
    wrong = g1 + g2  # what the parameter's grad holds without zero_grad
    d = derivative(names.root_name, names.of(focus))
    blocks: list[Block] = [
        Para(t("deck_mistake_nozero_intro", lang, lr=num(LR))),
        Table.of([t("deck_mistake_quantity", lang), t("deck_mistake_value", lang)], [
            (t("deck_mistake_step1", lang, d=d), num(g1)),
            (t("deck_mistake_step2", lang, d=d), num(g2)),
            (t("deck_mistake_held", lang, name=names.of(focus)), num(wrong)),
        ], "<>"),
        Para(t("deck_mistake_nozero_why", lang, name=names.of(focus), right=num(g2), wrong=num(wrong))),
    ]
    return MistakeReport("no_zero_grad", wrong, g2, tuple(blocks))


def _shared(spec: Mapping[str, Any], lang: str) -> MistakeReport:
    built = build(spec, lang)
    names = Naming(built.root)
    focus = node_named(built.root, spec["wrt"])
    found = paths(built.root, focus)
    built.root.backward()
    right = focus.grad
    wrong = found[0].product
    d = derivative(names.root_name, names.of(focus))
    rows = [(" → ".join(p.names), num(p.product)) for p in found]
    blocks: list[Block] = [
        Para(t("deck_mistake_shared_intro", lang, name=names.of(focus), n=len(found))),
        Table.of([t("deck_mistake_path", lang), t("deck_mistake_product", lang)], rows, "<>"),
        Math.of(f"{d} = " + " + ".join(num(p.product) for p in found) + f" = {num(right)}"),
        Para(t("deck_mistake_shared_why", lang, d=d, wrong=num(wrong), right=num(right))),
    ]
    return MistakeReport("shared_node", wrong, right, tuple(blocks))
