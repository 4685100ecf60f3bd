"""A teacher's own weights for a small network: read, checked layer by layer, ready for ``MLP.set_weights``.

The file (JSON or TOML) holds one mapping::

    {"W": [W², W³, …], "b": [b², b³, …]}

in Nielsen's numbering (the input is layer 1, so the first weights are W²): each Wˡ is a
list of nˡ rows of nˡ⁻¹ numbers (row j holds the weights into neuron j, as in the matrix
form where samples are columns), each bˡ a list of nˡ numbers, layers in order. In TOML the
same two keys hold arrays of arrays (``W = [[[0.1, -0.2], …], …]``).

Everything is checked before any weight is set, and every refusal is one sentence naming
the layer (and the row or entry) at fault: a missing or extra layer, a wrong number of
rows or columns, a value that is not a finite number (NaN, inf, a string, true/false).
``weights_from_mapping`` checks a mapping already read (the lesson deck's ``weights`` key
gives one); ``load_weights`` reads a file first. Both return ``(Ws, bs)`` as plain floats,
which ``MLP.set_weights(Ws, bs)`` takes.

Imports: i18n, notation.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any, Sequence

from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.notation import sup

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 reads TOML with the tomli backport (pyproject pins it)
    import tomli as tomllib

MAX_FILE_BYTES = 1_000_000  # a weights file over 1 MB is refused before it is read

Weights = tuple[list[list[list[float]]], list[list[float]]]


class WeightsError(ValueError):
    """A weights file or mapping that does not fit the network (the message names the layer)."""


def _is_list(value: object) -> bool:
    return isinstance(value, (list, tuple))


def _number(value: object, where: str, lang: str) -> float:
    """A finite real (an int or a float, never a bool or a string), or an error naming ``where``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise WeightsError(t("weights_not_number", lang, where=where, value=show(value)))
    try:
        x = float(value)
    except OverflowError:  # an int with 400 digits
        x = math.inf
    if not math.isfinite(x):
        raise WeightsError(t("weights_not_finite", lang, where=where, value=show(value)))
    return x


def _check_sizes(sizes: Sequence[int], lang: str) -> list[int]:
    if not _is_list(sizes) or len(sizes) < 2 or not all(
            isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in sizes):
        raise WeightsError(t("weights_bad_sizes", lang, sizes=show(sizes)))
    return list(sizes)


def weights_from_mapping(obj: object, sizes: Sequence[int], lang: str | None = None) -> Weights:
    """Check ``{"W": [...], "b": [...]}`` against ``sizes`` ([n¹, …, nᴸ]); return ``(Ws, bs)``.

    Raises ``WeightsError`` (a ValueError) naming the layer, row or entry at fault.
    """
    lang = check_lang(lang)
    sizes = _check_sizes(sizes, lang)
    if not isinstance(obj, dict):
        raise WeightsError(t("weights_not_mapping", lang, value=show(obj)))
    extra = [key for key in obj if key not in ("W", "b")]
    if extra:
        raise WeightsError(t("weights_unknown_key", lang, part=show(extra[0])))
    layers = len(sizes) - 1
    names = ", ".join(f"W{sup(layer)}" for layer in range(2, len(sizes) + 1))
    out: list[list[list[float]]] = []
    biases: list[list[float]] = []
    for key in ("W", "b"):
        if key not in obj:
            raise WeightsError(t("weights_missing_key", lang, part=key, names=names))
        given = obj[key]
        if not _is_list(given):
            raise WeightsError(t("weights_not_list", lang, part=key, value=show(given)))
        if len(given) < layers:
            missing = ", ".join(f"{key}{sup(layer)}" for layer in range(len(given) + 2, layers + 2))
            raise WeightsError(t("weights_missing_layer", lang, part=key, got=len(given),
                                 n=layers, missing=missing))
        if len(given) > layers:
            raise WeightsError(t("weights_extra_layer", lang, part=key, got=len(given), n=layers,
                                 extra=f"{key}{sup(len(sizes) + 1)}", last=f"{key}{sup(len(sizes))}"))
    for li in range(layers):
        layer = li + 2
        rows, cols = sizes[li + 1], sizes[li]
        name = f"W{sup(layer)}"
        W = obj["W"][li]
        if not _is_list(W) or len(W) != rows:
            raise WeightsError(t("weights_rows", lang, name=name, rows=rows, cols=cols,
                                 got=_shape(W)))
        matrix = []
        for j, row in enumerate(W, 1):
            if not _is_list(row) or len(row) != cols:
                raise WeightsError(t("weights_cols", lang, name=name, j=j, cols=cols,
                                     got=_shape(row), rows=rows))
            matrix.append([_number(v, t("weights_entry", lang, name=name, j=j, k=k), lang)
                           for k, v in enumerate(row, 1)])
        out.append(matrix)
        bname = f"b{sup(layer)}"
        b = obj["b"][li]
        if not _is_list(b) or len(b) != rows:
            raise WeightsError(t("weights_bias", lang, name=bname, rows=rows, got=_shape(b)))
        biases.append([_number(v, t("weights_bias_entry", lang, name=bname, j=j), lang)
                       for j, v in enumerate(b, 1)])
    return out, biases


def _shape(value: object) -> str:
    """What arrived, in a few characters: ``3 × 2``, ``4 numbers``, or the value itself."""
    if _is_list(value):
        items: Any = value
        if items and all(_is_list(r) for r in items):
            widths = sorted({len(r) for r in items})
            return f"{len(items)} × {widths[0]}" if len(widths) == 1 else \
                f"{len(items)} × ({', '.join(map(str, widths))})"
        return f"[{len(items)}]"
    return show(value)


def load_weights(path: str | Path, sizes: Sequence[int], lang: str | None = None) -> Weights:
    """Read a JSON or TOML weights file (by its suffix: ``.toml`` is TOML, anything else JSON)
    and check it with ``weights_from_mapping``; every error names the file."""
    lang = check_lang(lang)
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WeightsError(t("weights_too_big", lang, path=str(path), size=f"{size:,}",
                                 limit=f"{MAX_FILE_BYTES:,}"))
        text = path.read_text(encoding="utf-8")
    except WeightsError:
        raise
    except UnicodeDecodeError:
        raise WeightsError(t("weights_not_utf8", lang, path=str(path))) from None
    except OSError as err:
        raise WeightsError(t("weights_unreadable", lang, path=str(path),
                             reason=err.strerror or type(err).__name__)) from None
    try:
        if path.suffix.lower() == ".toml":
            data: object = tomllib.loads(text)
        else:
            data = json.loads(text)
    except (ValueError, RecursionError) as err:  # JSONDecodeError and TOMLDecodeError are ValueErrors
        detail = str(err) if not isinstance(err, RecursionError) else "nesting too deep"
        raise WeightsError(t("weights_bad_syntax", lang, path=str(path),
                             kind="TOML" if path.suffix.lower() == ".toml" else "JSON",
                             detail=detail)) from None
    try:
        return weights_from_mapping(data, sizes, lang)
    except WeightsError as err:
        raise WeightsError(f"{path}: {err}") from None
