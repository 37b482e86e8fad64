"""Chart images for the Word reports (matplotlib Figure on the Agg canvas, no pyplot state).

A chart is a pure function of its data: the PNG of each distinct chart is drawn once per process
and kept (at most :data:`KEPT` of them), so a run that builds several reports, or the same report
again, does not draw an identical chart twice (a draw costs about 0.1 s of CPU).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping, Sequence
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

_COLORS = ("#1f5f99", "#e08a1e", "#4f9a4a", "#b03a2e", "#7a5195", "#6c757d")
_DPI = 110
KEPT = 64  # PNGs of 20-60 kB each


def _wrap(label: str, width: int = 28) -> str:
    if len(label) <= width:
        return label
    cut = label.rfind(" ", 0, width)
    cut = cut if cut > 0 else width
    return label[:cut] + "\n" + _wrap(label[cut:].strip(), width)


def bar_chart(
    path: Path,
    labels: Sequence[str],
    values: Sequence[float],
    title: str,
    axes: tuple[str, str] = ("", "Jumlah permohonan"),
) -> Path:
    """Horizontal bars, largest on top, every label shown; whole-number count axis with titles;
    an empty chart says there is no data."""
    path.write_bytes(_bar_png(tuple(labels), tuple(values), title, tuple(axes)))
    return path


@functools.lru_cache(maxsize=KEPT)
def _bar_png(labels: tuple[str, ...], values: tuple[float, ...], title: str, axes: tuple[str, ...]) -> bytes:
    height = 1.5 + 0.4 * max(len(labels), 2)
    fig = _figure(6.4, min(height, 9.0))
    ax = fig.add_subplot()
    if not labels or not any(values):
        return _empty(fig, ax, title)
    positions = range(len(labels))
    bars = ax.barh(list(positions), list(values), color=_COLORS[0])
    ax.set_yticks(list(positions), [_wrap(str(label)) for label in labels], fontsize=8)
    ax.invert_yaxis()
    ax.bar_label(bars, fmt="%d", fontsize=8, padding=2)
    ax.set_xlim(0, max(max(values) * 1.15, 1))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(axes[1], fontsize=8)
    if axes[0]:
        ax.set_ylabel(axes[0], fontsize=8)
    fig.subplots_adjust(
        left=0.4, right=0.96, top=1 - 0.45 / fig.get_figheight(), bottom=0.6 / fig.get_figheight()
    )
    _finish(fig, ax, title)
    return _png(fig)


def column_chart(
    path: Path,
    categories: Sequence[str],
    series: Mapping[str, Sequence[float]],
    title: str,
    axes: tuple[str, str] = ("", "Jumlah permohonan"),
) -> Path:
    """Grouped columns, one group per category (e.g. month) and one color per series; whole-number
    count axis with titles."""
    data = tuple((name, tuple(values)) for name, values in series.items())
    path.write_bytes(_column_png(tuple(categories), data, title, tuple(axes)))
    return path


@functools.lru_cache(maxsize=KEPT)
def _column_png(
    categories: tuple[str, ...],
    series: tuple[tuple[str, tuple[float, ...]], ...],
    title: str,
    axes: tuple[str, ...],
) -> bytes:
    fig = _figure(6.4, 3.4)
    ax = fig.add_subplot()
    if not categories or not any(any(v) for _name, v in series):
        return _empty(fig, ax, title)
    width = 0.8 / max(len(series), 1)
    for i, (name, values) in enumerate(series):
        xs = [c + (i - (len(series) - 1) / 2) * width for c in range(len(categories))]
        ax.bar(xs, list(values), width=width, label=name, color=_COLORS[i % len(_COLORS)])
    ax.set_xticks(list(range(len(categories))), list(categories), fontsize=8)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(axes[1], fontsize=8)
    if axes[0]:
        ax.set_xlabel(axes[0], fontsize=8)
    ax.legend(fontsize=8, frameon=False)
    fig.subplots_adjust(left=0.1, right=0.98, top=0.88, bottom=0.17)
    _finish(fig, ax, title)
    return _png(fig)


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=_DPI)
    FigureCanvasAgg(fig)  # the Agg canvas: no pyplot, no global backend state
    return fig


def _finish(fig: Figure, ax: object, title: str) -> None:  # fixed margins: tight_layout costs a draw
    ax.set_title(title, fontsize=10)  # type: ignore[attr-defined]
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)  # type: ignore[attr-defined]


def _empty(fig: Figure, ax: object, title: str) -> bytes:
    ax.set_axis_off()  # type: ignore[attr-defined]
    ax.text(0.5, 0.5, "Tidak ada data pada periode ini", ha="center", va="center", fontsize=10)  # type: ignore[attr-defined]
    ax.set_title(title, fontsize=10)  # type: ignore[attr-defined]
    return _png(fig)


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
