"""Chart images for the Word reports (matplotlib Figure on the Agg canvas, no pyplot state)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

_COLORS = ("#1f5f99", "#e08a1e", "#4f9a4a", "#b03a2e", "#7a5195", "#6c757d")
_DPI = 110


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
    height = 1.5 + 0.4 * max(len(labels), 2)
    fig = _figure(6.4, min(height, 9.0))
    ax = fig.add_subplot()
    if not labels or not any(values):
        return _empty(fig, ax, path, title)
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
    fig.savefig(path, format="png")
    return path


def column_chart(
    path: Path,
    categories: Sequence[str],
    series: Mapping[str, Sequence[float]],
    title: str,
    axes: tuple[str, str] = ("", "Jumlah permohonan"),
) -> Path:
    """Grouped columns, one group per category (e.g. month) and one color per series; whole-number
    count axis with titles."""
    fig = _figure(6.4, 3.4)
    ax = fig.add_subplot()
    if not categories or not any(any(v) for v in series.values()):
        return _empty(fig, ax, path, title)
    width = 0.8 / max(len(series), 1)
    for i, (name, values) in enumerate(series.items()):
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
    fig.savefig(path, format="png")
    return path


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=_DPI)
    FigureCanvasAgg(fig)  # the Agg canvas: no pyplot, no global backend state
    return fig


def _finish(fig: Figure, ax: object, title: str) -> None:  # fixed margins: tight_layout costs a draw
    ax.set_title(title, fontsize=10)  # type: ignore[attr-defined]
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)  # type: ignore[attr-defined]


def _empty(fig: Figure, ax: object, path: Path, title: str) -> Path:
    ax.set_axis_off()  # type: ignore[attr-defined]
    ax.text(0.5, 0.5, "Tidak ada data pada periode ini", ha="center", va="center", fontsize=10)  # type: ignore[attr-defined]
    ax.set_title(title, fontsize=10)  # type: ignore[attr-defined]
    fig.savefig(path, format="png")
    return path
