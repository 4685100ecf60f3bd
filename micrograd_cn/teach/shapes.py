"""The shapes exercise: the matrix form's shapes for given nˡ, nˡ⁻¹ and m, and one dW by hand.

``shapes_sheet(seed, count)`` draws ``count`` problems from ``random.Random(seed)`` (the same
seed gives the same sheet everywhere): sizes nˡ, nˡ⁻¹ in 1…6 and m in 1…8, asking for the
shapes of W, Z, dZ, dW, db and dAˡ⁻¹; and one 2 × 2 problem with numbers (halves and small
integers): dW = dZ·(Aˡ⁻¹)ᵀ. The key is worked out from the shape rules of the matrix form
(samples as columns); the tests check it against NumPy.

Imports: i18n, notation, teach.doc.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from micrograd_cn.i18n import check_lang, t
from micrograd_cn.notation import num
from micrograd_cn.teach.doc import Block, Heading, Mat, MatrixMath, Para, Table

NAMES = ("W", "Z", "dZ", "dW", "db", "dA_prev")
_VALUES = (-2.0, -1.5, -1.0, -0.5, 0.5, 1.0, 1.5, 2.0)


@dataclass(frozen=True)
class ShapeProblem:
    number: int
    n: int  # nˡ
    n_prev: int  # nˡ⁻¹
    m: int

    def shapes(self) -> dict[str, tuple[int, int]]:
        """The key: each matrix's (rows, columns)."""
        n, p, m = self.n, self.n_prev, self.m
        return {"W": (n, p), "Z": (n, m), "dZ": (n, m), "dW": (n, p), "db": (n, 1),
                "dA_prev": (p, m)}


@dataclass(frozen=True)
class NumericProblem:
    dZ: tuple[tuple[float, ...], ...]  # 2 × 2
    A_prev: tuple[tuple[float, ...], ...]  # 2 × 2

    def dW(self) -> tuple[tuple[float, ...], ...]:
        return tuple(tuple(sum(self.dZ[i][s] * self.A_prev[j][s] for s in range(2))
                           for j in range(2)) for i in range(2))


def shapes_sheet(seed: int, count: int = 3) -> tuple[list[ShapeProblem], NumericProblem]:
    from micrograd_cn.teach.exercise import MAX_COUNT

    if not 1 <= count <= MAX_COUNT:
        raise ValueError(t("exercise_bad_count", count=count, limit=MAX_COUNT))
    rng = random.Random(seed)
    problems = []
    for k in range(1, count + 1):
        n, p, m = rng.randint(1, 6), rng.randint(1, 6), rng.randint(1, 8)
        while len({n, p, m}) < 3:  # three different numbers: a swapped shape shows
            n, p, m = rng.randint(1, 6), rng.randint(1, 6), rng.randint(2, 8)
        problems.append(ShapeProblem(k, n, p, m))
    def matrix() -> tuple[tuple[float, ...], ...]:
        return tuple(tuple(rng.choice(_VALUES) for _ in range(2)) for _ in range(2))
    return problems, NumericProblem(matrix(), matrix())


def _label(name: str) -> str:
    return "dAˡ⁻¹" if name == "dA_prev" else name


def _mat(values: tuple[tuple[float, ...], ...]) -> Mat:
    return Mat(tuple(tuple(num(v) for v in row) for row in values))


def shapes_blocks(problems: list[ShapeProblem], numeric: NumericProblem, seed: int,
                  lang: str | None = None, key: bool = True) -> list[Block]:
    """The questions, then (``key``) the answers with the reason for each shape."""
    lang = check_lang(lang)
    blocks: list[Block] = [Heading(t("shapes_title", lang, seed=seed)), Para(t("shapes_intro", lang))]
    for p in problems:
        blocks += [Heading(t("shapes_item", lang, k=p.number), 2),
                   Para(t("shapes_given", lang, n=p.n, p=p.n_prev, m=p.m))]
    blocks += [Heading(t("shapes_item", lang, k=len(problems) + 1), 2),
               Para(t("shapes_numeric", lang)),
               MatrixMath((("dZ = ", _mat(numeric.dZ)), ("Aˡ⁻¹ = ", _mat(numeric.A_prev))))]
    if not key:
        return blocks
    why = {"W": t("shapes_why_W", lang), "Z": t("shapes_why_Z", lang),
           "dZ": t("shapes_why_dZ", lang), "dW": t("shapes_why_dW", lang),
           "db": t("shapes_why_db", lang), "dA_prev": t("shapes_why_dA", lang)}
    blocks.append(Heading(t("shapes_key", lang)))
    for p in problems:
        blocks += [Heading(t("shapes_item", lang, k=p.number), 2),
                   Table.of([t("shapes_col_matrix", lang), t("shapes_col_shape", lang),
                             t("shapes_col_why", lang)],
                            [[_label(name), f"{r} × {c}", why[name]]
                             for name, (r, c) in p.shapes().items()], "<<<")]
    blocks += [Heading(t("shapes_item", lang, k=len(problems) + 1), 2),
               MatrixMath((("dW = dZ·(Aˡ⁻¹)ᵀ = ", _mat(numeric.dW()), "  (2 × 2)"),))]
    return blocks


def shapes_json(problems: list[ShapeProblem], numeric: NumericProblem) -> dict:
    """For other tools: each problem's sizes and shapes, the numeric problem and its dW."""
    return {"problems": [{"n": p.n, "n_prev": p.n_prev, "m": p.m,
                          "shapes": {k: list(v) for k, v in p.shapes().items()}}
                         for p in problems],
            "numeric": {"dZ": [list(r) for r in numeric.dZ],
                        "A_prev": [list(r) for r in numeric.A_prev],
                        "dW": [list(r) for r in numeric.dW()]}}
