"""Apply a resolved Layout to an openpyxl workbook: text stays text, dates stay dates, tables grow."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Protection
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..schema import HEADER_ROW, NUMBER_FORMATS, By, Column, T
from .layout import Layout, SheetWrites

EXCEL_MAX_TEXT = 32767
FORMULA_LEADS = ("=", "+", "-", "@")


def excel_text(value: str) -> str:
    """Text as Excel can hold it: no XML-illegal control characters, at most 32,767 characters."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)[:EXCEL_MAX_TEXT]


def set_value(cell: Any, value: Any, column: Column | None) -> None:
    """Write one value so that it reads back as the same type (see pitfalls: '=' text, dates)."""
    if isinstance(value, str):
        text = excel_text(value)
        cell.value = text
        cell.data_type = "s"  # never a formula, whatever the first character
        if text.startswith(FORMULA_LEADS):
            cell.quotePrefix = True
        return
    cell.value = value
    if isinstance(value, dt.datetime):
        is_date_col = column is not None and column.type is T.DATE
        cell.number_format = (
            NUMBER_FORMATS[T.DATE]
            if is_date_col and value.time() == dt.time()
            else NUMBER_FORMATS[T.DATETIME]
        )
    elif isinstance(value, dt.date):
        cell.number_format = NUMBER_FORMATS[T.DATE]


def write_layout(wb: Workbook, layout: Layout) -> None:
    for name, writes in layout.sheets.items():
        ws = wb[name]
        if writes.first_new_row:
            _style_new_rows(ws, writes)
        for (row, col), value in writes.cells.items():
            set_value(ws.cell(row=row, column=col), value, writes.columns.get(col))
        if writes.table:
            _grow_table(ws, writes)  # also covers rows staff typed below the table


def touched_rows(layout: Layout) -> dict[str, set[int]]:
    """Sheet name -> every row :func:`write_layout` writes (for a save that loads only those rows)."""
    out: dict[str, set[int]] = {}
    for name, writes in layout.sheets.items():
        rows = {row for row, _col in writes.cells}
        if writes.first_new_row:
            rows.update(range(writes.first_new_row, writes.last_row + 1))
        out[name] = rows
    return out


def _style_new_rows(ws: Worksheet, writes: SheetWrites) -> None:
    """Appended cells do not inherit column formats in openpyxl: set format and lock per column."""
    for row in range(writes.first_new_row, writes.last_row + 1):
        for col, column in writes.columns.items():
            cell = ws.cell(row=row, column=col)
            cell.number_format = NUMBER_FORMATS.get(column.type, "General")
            cell.protection = Protection(locked=column.by is By.SYSTEM)
            if column.type is T.LONGTEXT:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def _grow_table(ws: Worksheet, writes: SheetWrites) -> None:
    table = ws.tables.get(writes.table)
    if table is None:
        table = next(
            (t for t in ws.tables.values() if _ref_top(t.ref) == (writes.header_row or HEADER_ROW)), None
        )
    if table is None:
        return
    first, last = table.ref.split(":")
    last_col = "".join(ch for ch in last if ch.isalpha())
    bottom = int("".join(ch for ch in last if ch.isdigit()))
    if writes.last_row > bottom:
        table.ref = f"{first}:{last_col}{writes.last_row}"
        if table.autoFilter is not None:
            table.autoFilter.ref = table.ref  # pitfall: openpyxl leaves the filter range stale


def _ref_top(ref: str) -> int:
    first = ref.split(":")[0]
    return int("".join(ch for ch in first if ch.isdigit()) or 0)
