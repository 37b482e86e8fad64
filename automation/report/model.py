"""Plain data of a built report: tables with typed columns, chart hints, and the result handed back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .text import angka, cell_text, persen

# Column kinds: how a value is written to Excel and printed in Word.
TEXT, INT, NUM, PCT, DATE = "text", "int", "num", "pct", "date"


@dataclass(frozen=True)
class Col:
    header: str
    kind: str = TEXT
    width: int = 14


@dataclass(frozen=True)
class Chart:
    """A native Excel chart over a table: category column and value columns (0-based)."""

    type: str  # "bar" (horizontal), "column", "pie"
    values: tuple[int, ...] = (1,)
    category: int = 0
    title: str = ""
    category_title: str = ""  # axis titles (bar and column charts)
    value_title: str = "Jumlah permohonan"


@dataclass
class Table:
    key: str  # Excel table name suffix and Word template variable (``t.<key>``)
    title: str
    cols: tuple[Col, ...]
    rows: list[list[Any]] = field(default_factory=list)
    chart: Chart | None = None
    empty: str = "Tidak ada data."

    def text_rows(self, limit: int | None = None) -> list[list[str]]:
        """Rows as printed in Word: at most ``limit`` rows plus a line saying how many more the
        Excel file lists; one row saying ``empty`` when there are none."""
        pad = [""] * (len(self.cols) - 1)
        if not self.rows:
            return [[self.empty, *pad]]
        shown = self.rows if limit is None else self.rows[:limit]
        out = [[_fmt(v, c.kind) for v, c in zip(row, self.cols, strict=False)] for row in shown]
        if len(shown) < len(self.rows):
            out.append(
                [f"… dan {len(self.rows) - len(shown)} baris lain; daftar lengkap pada berkas Excel.", *pad]
            )
        return out


def _fmt(value: Any, kind: str) -> str:
    if value is None:
        return "-" if kind in (NUM, PCT) else ""
    if kind == PCT:
        return persen(float(value))
    if kind == NUM and isinstance(value, float):
        return angka(value, 1)
    return cell_text(value)


@dataclass
class Page:
    """One worksheet of the Excel report: a name and tables stacked top to bottom."""

    name: str
    tables: list[Table]


@dataclass
class ReportResult:
    """What ``build_monthly`` / ``build_annual`` made: files, key figures, Beranda rows."""

    kind: str  # "bulanan" or "tahunan"
    period: str  # "2026-03" or "2026"
    label: str  # "Maret 2026" / "Tahun 2026"
    paths: dict[str, Path | None]  # "xlsx", "docx", "pdf" (None unless asked for)
    figures: dict[str, Any]
    made_on: date
    summary: str = ""  # first key-figure sentence (for a status cell or the terminal)
    warnings: list[str] = field(default_factory=list)  # e.g. the PDF could not be made

    @property
    def xlsx(self) -> Path:
        return self.paths["xlsx"]  # type: ignore[return-value]

    @property
    def docx(self) -> Path:
        return self.paths["docx"]  # type: ignore[return-value]

    @property
    def pdf(self) -> Path | None:
        return self.paths.get("pdf")

    def files(self) -> list[Path]:
        return [p for p in self.paths.values() if p is not None]

    def home_rows(self) -> list[list[Any]]:
        """Rows for the Beranda block "Laporan terakhir" (label, value)."""
        return home_rows(self.kind, self.label, self.made_on, self.figures, self.xlsx.name)


@dataclass
class ReportDraft:
    """A report planned but not written: everything its files will hold, as plain data.

    The planners (``plan_monthly`` / ``plan_annual``) return it; ``report.build.write_report`` (called
    by ``automation.operations``) writes the Excel and Word files (and the PDF) from it.
    """

    kind: str  # "bulanan" or "tahunan"
    period: str  # "2026-03" or "2026"
    label: str  # "Maret 2026" / "Tahun 2026"
    stem: str  # file name without suffix: laporan-<kind>-<period>
    title: str
    subtitle: str  # Excel title block: office and date made
    pages: list[Page]  # the Excel workbook, sheet by sheet
    notes: list[str]  # notes under the tables (Excel) and at the end (Word)
    context: dict[str, Any]  # the Word template's values (without the chart images)
    charts: dict[str, Table]  # Word image variable (``g_<key>``) -> the table drawn
    template: str  # Word template file name under the report templates
    figures: dict[str, Any]
    made_on: date
    summary: str = ""

    @property
    def xlsx_name(self) -> str:
        return f"{self.stem}.xlsx"

    def home_rows(self) -> list[list[Any]]:
        """Rows for the Beranda block "Laporan terakhir" (label, value)."""
        return home_rows(self.kind, self.label, self.made_on, self.figures, self.xlsx_name)


def home_rows(
    kind: str, label: str, made_on: date, figures: dict[str, Any], file_name: str
) -> list[list[Any]]:
    """The Beranda block "Laporan terakhir" of a report (label, value)."""
    f = figures
    title = "Laporan bulanan" if kind == "bulanan" else "Laporan tahunan"
    return [
        ["Laporan terakhir", f"{title} {label}"],
        ["Dibuat pada", made_on],
        ["Permohonan diterima", f.get("received", 0)],
        ["Selesai diproses", f.get("processed", 0)],
        ["Belum selesai (akhir periode)", f.get("open", 0)],
        ["Belum selesai, lewat batas waktu", f.get("open_late", 0)],
        ["Selesai terlambat", f.get("late_done", 0)],
        ["Berkas", file_name],
    ]
