"""What every demo shares: its output folder, matplotlib (optional) and picture lines.

matplotlib is the optional ``demos`` extra. It is imported only when a demo
draws, always with the file-only Agg backend (no window, works on a server or
in CI). Without it a demo still computes and prints every number and says
plainly that the pictures were skipped and how to get them.

Imports: engine, files and i18n (matplotlib lazily).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from micrograd_cn.engine import Value
from micrograd_cn.i18n import check_lang, show, t
from micrograd_cn.render.files import write_output

# Fonts that contain Chinese glyphs; scripts/system-deps.sh installs the first.
CJK_FONTS = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans CJK JP")

Progress = Callable[[str], None]


def single(out: Value | list[Value]) -> Value:
    """The output of a network whose last layer has one neuron (MLP returns it bare)."""
    assert isinstance(out, Value)
    return out


def several(out: Value | list[Value]) -> list[Value]:
    """The outputs of a network whose last layer has more than one neuron."""
    assert isinstance(out, list)
    return out


def out_folder(out_dir: str | Path | None, name: str) -> Path:
    """The folder a demo writes its pictures into (default out/<name>/), created."""
    folder = Path(out_dir) if out_dir is not None else Path("out") / name
    if folder.exists() and not folder.is_dir():
        raise ValueError(t("demo_out_not_dir", path=str(folder)))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:  # a file where a parent folder should be, no permission, ...
        raise OSError(t("demo_out_failed", path=str(folder), detail=err.strerror or err)) from None
    return folder


def pyplot(lang: str) -> tuple[Any, str] | None:
    """``(matplotlib.pyplot, label language)``, or None when matplotlib is missing.

    Chinese labels need a CJK font; when none is installed the labels fall back
    to English rather than drawing empty boxes.
    """
    try:
        import matplotlib
    except ImportError:
        return None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    cjk = [name for name in CJK_FONTS if name in installed]
    plt.rcParams["font.sans-serif"] = cjk + ["DejaVu Sans"]
    plt.rcParams["axes.unicode_minus"] = False  # not every CJK font has U+2212
    return plt, (lang if cjk else "en")


@dataclass
class Pictures:
    """The files a demo drew, or why it drew none."""

    paths: list[Path] = field(default_factory=list)
    skipped: str | None = None  # message key: why there are no pictures

    def lines(self, lang: str) -> list[str]:
        if self.skipped is not None:
            return [t(self.skipped, lang)]
        return [t("demo_picture", lang, path=str(path)) for path in self.paths]


def draw(plots: bool, lang: str, painter: Callable[[Any, str], list[Path]]) -> Pictures:
    """Run ``painter(plt, label_lang)`` if plots are wanted and matplotlib is there."""
    if not plots:
        return Pictures(skipped="demo_plots_off")
    found = pyplot(check_lang(lang))
    if found is None:
        return Pictures(skipped="demo_no_matplotlib")
    plt, label_lang = found
    return Pictures(paths=painter(plt, label_lang))


def save(plt: Any, fig: Any, path: Path, **layout: Any) -> Path:
    """Lay out ``fig`` (``layout``: tight_layout's options), write it to ``path``, free it.

    Drawn into memory first, then written like every other file of ours
    (``files.write_output``): all or nothing, readable by others as the umask allows.
    """
    fig.tight_layout(**layout)
    buffer = io.BytesIO()
    try:
        fig.savefig(buffer, format=path.suffix.lstrip(".").lower() or "png", dpi=110)
    finally:
        plt.close(fig)  # pyplot keeps every open figure alive until closed
    write_output(path, buffer.getvalue())
    return path


def vector(values: Sequence[float]) -> str:
    """A list of floats at full precision (repr), as Python would print it."""
    return "[" + ", ".join(repr(float(v)) for v in values) + "]"


def check_count(value: object, where: str, what: str) -> int:
    """A positive integer option (steps, points), or a clear localized error."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(t("nn_bad_size", where=where, what=what, value=show(value)))
    return value
