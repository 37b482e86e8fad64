"""Excel output of a report with XlsxWriter: formatted tables and native Excel charts."""

from __future__ import annotations

import math
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from ..errors import WriteRefused
from .model import DATE, INT, NUM, PCT, Page, Table
from .text import redact

CHART_ROWS = 16  # a default chart (480 x 288 px) covers about 15 rows
CHART_COLUMNS = 9  # ... and about 8 default-width columns (beside the table, one column apart)
# Workbook options: user text that starts with "=" stays text; no automatic links or numbers.
# in_memory: no temporary file per part (a report is small; about 2.5 times faster to write)
OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "in_memory": True,
}


class _Formats:
    def __init__(self, wb: Workbook) -> None:
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.subtitle = wb.add_format({"italic": True, "font_color": "#444444"})
        self.heading = wb.add_format({"bold": True, "font_size": 11, "font_color": "#1f5f99"})
        self.header = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.note = wb.add_format({"text_wrap": True, "valign": "top"})
        self.kind = {
            INT: wb.add_format({"num_format": "#,##0", "valign": "top"}),
            NUM: wb.add_format({"valign": "top"}),  # General: values arrive rounded
            PCT: wb.add_format({"num_format": "0.0%", "valign": "top"}),
            DATE: wb.add_format({"num_format": "dd/mm/yyyy", "valign": "top", "align": "left"}),
        }
        self.text = wb.add_format({"text_wrap": True, "valign": "top"})


def write_xlsx(path: Path, *, title: str, subtitle: str, pages: list[Page], notes: list[str]) -> Path:
    """Write the report workbook atomically (a temp file replaced into place)."""
    tmp = path.with_name(f".{path.stem}.tmp.xlsx")
    wb = xlsxwriter.Workbook(str(tmp), OPTIONS)
    fmt = _Formats(wb)
    names: set[str] = set()
    for page in pages:
        ws = wb.add_worksheet(page.name[:31])
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.write_string(0, 0, title, fmt.title)
        ws.write_string(1, 0, subtitle, fmt.subtitle)
        widths = _widths(ws, page.tables)
        row = 3
        for table in page.tables:
            row = _table(wb, ws, fmt, table, row, names)
        if page is pages[0] and notes:
            row = _notes(ws, fmt, notes, row, widths)
        charts = any(t.chart is not None and t.rows for t in page.tables)
        ws.print_area(0, 0, row, len(widths) - 1 + (CHART_COLUMNS if charts else 0))
        ws.repeat_rows(0, 1)
    wb.close()
    _replace(tmp, path)
    return path


def _replace(tmp: Path, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except PermissionError as exc:  # Windows: the old report is open in Excel
        tmp.unlink(missing_ok=True)
        raise WriteRefused(
            f"Berkas {path.name} sedang dibuka (mungkin di Excel); tutup berkas itu lalu ulangi."
        ) from exc


def _widths(ws: Worksheet, tables: list[Table]) -> list[int]:
    widths: dict[int, int] = {}
    for table in tables:
        for i, col in enumerate(table.cols):
            widths[i] = max(widths.get(i, 0), col.width)
    for i, width in widths.items():
        ws.set_column(i, i, width)
    return [widths[i] for i in sorted(widths)]


def _notes(ws: Worksheet, fmt: _Formats, notes: list[str], row: int, widths: list[int]) -> int:
    """The notes wrapped inside the table width (long lines would make a fit-to-width print tiny)."""
    ws.write_string(row, 0, "Catatan", fmt.heading)
    chars = max(sum(widths), 40)
    for i, note in enumerate(notes, start=1):
        text = f"{i}. {redact(note)}"
        ws.merge_range(row + i, 0, row + i, max(len(widths) - 1, 1), text, fmt.note)
        ws.set_row(row + i, 15 * max(1, math.ceil(len(text) * 1.1 / chars)))
    return row + len(notes) + 1


def _table(wb: Workbook, ws: Worksheet, fmt: _Formats, table: Table, row: int, names: set[str]) -> int:
    """Write one titled table at ``row``; returns the next free row."""
    ws.write_string(row, 0, table.title, fmt.heading)
    top = row + 1
    count = max(len(table.rows), 1)
    name = _unique(f"tbl_{table.key}", names)
    ws.add_table(
        top,
        0,
        top + count,
        len(table.cols) - 1,
        {
            "name": name,
            "style": "Table Style Light 9",
            "autofilter": False,
            "columns": [{"header": c.header, "header_format": fmt.header} for c in table.cols],
        },
    )
    if not table.rows:
        ws.write_string(top + 1, 0, table.empty)
    for r, values in enumerate(table.rows, start=top + 1):
        for c, (value, col) in enumerate(zip(values, table.cols, strict=False)):
            _cell(ws, fmt, r, c, value, col.kind)
    height = count + 3
    if table.chart is not None and table.rows:
        _chart(wb, ws, table, top, row)
        height = max(height, _chart_rows(table) + 2)
    return row + height


def _cell(ws: Worksheet, fmt: _Formats, r: int, c: int, value: Any, kind: str) -> None:
    if value is None:
        ws.write_blank(r, c, None)
    elif isinstance(value, datetime | date):
        ws.write_datetime(r, c, value, fmt.kind[DATE])
    elif isinstance(value, bool):
        ws.write_string(r, c, "Ya" if value else "Tidak", fmt.text)
    elif isinstance(value, int | float) and kind in fmt.kind:
        ws.write_number(r, c, value, fmt.kind[kind])
    elif isinstance(value, int | float):
        ws.write_number(r, c, value)
    else:
        ws.write_string(r, c, redact(str(value)), fmt.text)  # text stays text, also "=..."


def _chart(wb: Workbook, ws: Worksheet, table: Table, top: int, row: int) -> None:
    spec = table.chart
    assert spec is not None
    first, last = top + 1, top + len(table.rows)
    chart = wb.add_chart({"type": spec.type})
    for v in spec.values:
        series: dict[str, Any] = {
            "name": [ws.name, top, v],
            "categories": [ws.name, first, spec.category, last, spec.category],
            "values": [ws.name, first, v, last, v],
        }
        if spec.type == "pie":
            series["data_labels"] = {"percentage": True}
        else:
            series["data_labels"] = {"value": True}
        chart.add_series(series)
    chart.set_title({"name": spec.title or table.title, "name_font": {"size": 11}})
    if spec.type != "pie":
        _axes(chart, spec, table)
    if len(spec.values) == 1 and spec.type != "pie":
        chart.set_legend({"none": True})
    if _chart_rows(table) > CHART_ROWS:  # one readable line per category
        chart.set_size({"width": 620, "height": 20 * _chart_rows(table)})
    ws.insert_chart(row, len(table.cols) + 1, chart)


def _axes(chart: Any, spec: Any, table: Table) -> None:
    """Whole-number count axis (0, 1, 2 ... never 0.2), axis titles, every category label shown."""
    top = max(
        (row[v] or 0 for row in table.rows for v in spec.values if isinstance(row[v], int | float)), default=0
    )
    unit = max(1, math.ceil(top / 8))
    counts = {
        "name": spec.value_title,
        "min": 0,
        "major_unit": unit,
        "num_format": "0",
        "major_gridlines": {"visible": True, "line": {"color": "#dddddd"}},
    }
    labels: dict[str, Any] = {"interval_unit": 1, "num_font": {"size": 8}}
    if spec.category_title:
        labels["name"] = spec.category_title
    if spec.type == "bar":  # xlsxwriter: in a bar chart the x axis is the value axis
        chart.set_x_axis(counts)
        chart.set_y_axis({**labels, "reverse": True})
    else:
        chart.set_y_axis(counts)
        chart.set_x_axis(labels)


def _chart_rows(table: Table) -> int:
    """Worksheet rows (20 px) a chart of this table covers: taller for bar charts of many categories."""
    if table.chart is not None and table.chart.type == "bar" and len(table.rows) > 10:
        return 6 + math.ceil(1.1 * len(table.rows))
    return CHART_ROWS


def _unique(name: str, names: set[str]) -> str:
    candidate, i = name, 2
    while candidate.casefold() in names:
        candidate = f"{name}_{i}"
        i += 1
    names.add(candidate.casefold())
    return candidate
