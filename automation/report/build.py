"""Steps shared by the monthly and annual reports: count, compose the draft (pure), write the files."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..register import Register
from ..workdays import WorkCalendar
from .charts import bar_chart, column_chart
from .docx import TEMPLATES, render_report_docx, to_pdf
from .frame import Frames, Limits, build_frames
from .metrics import Tally
from .model import Page, ReportDraft, ReportResult, Table
from .text import tanggal
from .xlsx import write_xlsx

PRIVACY_NOTE = (
    "Laporan ini tidak memuat data pribadi pemohon (NIK, nomor telepon, surel, alamat, nama); "
    "permohonan disebut dengan nomor registrasinya."
)
BAR_LIMIT = 12  # bars drawn in a Word chart (the last one "Lainnya"); the Excel table keeps every row
OTHERS = "Lainnya"
WORD_ROWS = 60  # rows of one table printed in Word; the Excel table keeps every row


@dataclass(frozen=True)
class Section:
    """A numbered part of the Word attachment: heading, the tables under it, an optional chart."""

    heading: str
    tables: tuple[str, ...]
    chart: str = ""  # key of the table drawn as an image (template variable ``g_<key>``)


@dataclass
class Counts:
    """What every report is counted from: the register, its calendar and limits, the frames, the tally."""

    reg: Register
    cal: WorkCalendar
    limits: Limits
    frames: Frames
    tally: Tally

    def notes(self, years: list[int]) -> list[str]:
        return [*self.frames.notes, self.cal.describe(years), PRIVACY_NOTE]


def prepare(reg: Register, today: date) -> Counts:
    cal = WorkCalendar.from_register(reg)
    limits = Limits.from_register(reg)
    frames = build_frames(reg, cal, limits)
    return Counts(reg, cal, limits, frames, Tally(frames, cal, limits, today))


def compose(
    counts: Counts,
    *,
    kind: str,
    period_key: str,
    label: str,
    title: str,
    pages: list[Page],
    tables: dict[str, Table],
    layout: list[Section],
    context: dict[str, Any],
    template_name: str,
    figures: dict[str, Any],
    today: date,
    summary: str,
    years: list[int],
) -> ReportDraft:
    """The report as data (pure): the Excel pages, the Word values and charts, the key figures."""
    settings = counts.reg.config
    instansi = settings.text("instansi")
    notes = counts.notes(years)
    ctx = {
        **context,
        "judul_laporan": title,
        "instansi": instansi,
        "pemerintah": settings.text("pemerintah"),
        "t": {k: t.text_rows(WORD_ROWS) for k, t in tables.items()},
        "judul": {k: t.title for k, t in tables.items()},
        "catatan": notes,
    }
    return ReportDraft(
        kind=kind,
        period=period_key,
        label=label,
        stem=f"laporan-{kind}-{period_key}",
        title=title,
        subtitle=f"{instansi} — dibuat {tanggal(today)}",
        pages=pages,
        notes=notes,
        context=ctx,
        charts={f"g_{s.chart}": tables[s.chart] for s in layout if s.chart},
        template=template_name,
        figures=figures,
        made_on=today,
        summary=summary,
    )


def write_report(draft: ReportDraft, out_dir: Path, *, pdf: bool = False) -> ReportResult:
    """Write laporan-<kind>-<period>.xlsx and .docx (and .pdf) under ``out_dir`` and describe them."""
    out_dir.mkdir(parents=True, exist_ok=True)
    xlsx = write_xlsx(
        out_dir / draft.xlsx_name,
        title=draft.title,
        subtitle=draft.subtitle,
        pages=draft.pages,
        notes=draft.notes,
    )
    with tempfile.TemporaryDirectory(prefix="ppid-grafik-") as tmp:
        images = {key: draw(table, Path(tmp) / f"{key}.png") for key, table in draft.charts.items()}
        docx = render_report_docx(
            TEMPLATES / draft.template, draft.context, out_dir / f"{draft.stem}.docx", images=images
        )
    pdf_path, problem = to_pdf(docx) if pdf else (None, "")
    return ReportResult(
        kind=draft.kind,
        period=draft.period,
        label=draft.label,
        paths={"xlsx": xlsx, "docx": docx, "pdf": pdf_path},
        figures=draft.figures,
        made_on=draft.made_on,
        summary=draft.summary,
        warnings=[problem] if problem else [],
    )


def draw(table: Table, path: Path) -> Path:
    """The table's chart as a PNG: grouped columns for trends, horizontal bars otherwise."""
    spec = table.chart
    cat = spec.category if spec else 0
    values = spec.values if spec else (1,)
    title = (spec.title if spec else "") or table.title
    axes = (spec.category_title, spec.value_title) if spec else ("", "Jumlah permohonan")
    if spec is not None and spec.type == "column":
        series = {table.cols[v].header: [row[v] or 0 for row in table.rows] for v in values}
        return column_chart(path, [str(row[cat])[:3] for row in table.rows], series, title, axes)
    labels, counts = top_with_rest([(str(row[cat]), row[values[0]] or 0) for row in table.rows], BAR_LIMIT)
    return bar_chart(path, labels, counts, title, axes)


def top_with_rest(items: list[tuple[str, int]], limit: int) -> tuple[list[str], list[int]]:
    """At most ``limit`` bars: the largest ``limit - 1`` and one "Lainnya (n kategori)" bar with
    the rest, so the bars always add up to the table total."""
    if len(items) <= limit:
        return [k for k, _ in items], [v for _, v in items]
    ranked = sorted(items, key=lambda kv: -kv[1])
    head, rest = ranked[: limit - 1], ranked[limit - 1 :]
    return (
        [k for k, _ in head] + [f"{OTHERS} ({len(rest)} kategori)"],
        [v for _, v in head] + [sum(v for _, v in rest)],
    )
