"""Turn Changes (by sheet key, row, column key) into cell positions of the workbook as read.

Shared by the openpyxl writer (CLI) and the xlwings button adapter, so both write exactly the
same cells.  Values that have no place (a column or sheet staff renamed) are reported, never
silently dropped: the caller refuses to write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..changes import Changes
from ..errors import WriteRefused
from ..register import Register
from ..schema import (
    BERANDA,
    BERANDA_REPORT_COLUMN,
    BERANDA_REPORT_HEIGHT,
    BERANDA_REPORT_ROW,
    BERANDA_REPORT_WIDTH,
    BERANDA_SUMMARY_HEIGHT,
    BERANDA_SUMMARY_ROW,
    BERANDA_SUMMARY_WIDTH,
    SHEET_BY_KEY,
    STATUS_ROW,
    Column,
)
from .reader import norm


@dataclass
class SheetWrites:
    """Every cell to write on one sheet, plus what the table needs to grow."""

    name: str
    cells: dict[tuple[int, int], Any] = field(default_factory=dict)
    columns: dict[int, Column] = field(default_factory=dict)  # Excel column -> schema column
    first_new_row: int = 0  # first appended row (0 = none)
    last_row: int = 0  # last row of the table after the write
    table: str = ""
    header_row: int = 0  # the table's header row as found (staff may have moved it)


@dataclass
class Layout:
    sheets: dict[str, SheetWrites] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)  # Indonesian descriptions


def resolve(reg: Register, changes: Changes) -> Layout:
    """Every planned value at its cell in the workbook as read; values without a cell in ``unplaced``."""
    layout = Layout()
    for (key, row), values in changes.cells.items():
        target = _target(reg, layout, key)
        if target is not None:
            for col_key, value in values.items():
                _place(reg, layout, target, key, row, col_key, value)
    appends = dict(changes.appends)
    if changes.log:
        appends["log"] = [*appends.get("log", []), *changes.log]
    for key, rows in appends.items():
        _append(reg, layout, key, rows)
    for key, text in changes.status.items():
        name = _sheet_name(reg, key)
        row = status_row(reg, key)
        if name and row:
            layout.sheets.setdefault(name, SheetWrites(name=name)).cells[(row, 1)] = text
    _home_blocks(reg, layout, changes)
    return layout


def placed(reg: Register, changes: Changes) -> Layout:
    """:func:`resolve`, refused when a value has no cell: the one check of the CLI and the buttons."""
    layout = resolve(reg, changes)
    if layout.unplaced:
        raise WriteRefused(
            "Register tidak diubah karena "
            + "; ".join(sorted(set(layout.unplaced)))
            + ". Kembalikan nama lembar/judul kolom sesuai templat, lalu ulangi."
        )
    return layout


def _append(reg: Register, layout: Layout, key: str, rows: list[dict[str, Any]]) -> None:
    """New rows below the table's last row as read."""
    target = _target(reg, layout, key)
    if target is None or not rows:
        return
    data = reg.sheets[key]
    start = max(data.last_row, data.header_row) + 1
    target.first_new_row = start
    for offset, values in enumerate(rows):
        for col_key, value in values.items():
            _place(reg, layout, target, key, start + offset, col_key, value)
    target.last_row = start + len(rows) - 1


def _home_blocks(reg: Register, layout: Layout, changes: Changes) -> None:
    """Beranda's summary and "Laporan terakhir" blocks, when the changes carry them."""
    name = _sheet_name(reg, BERANDA.key)
    if name and changes.home is not None:
        _block(
            layout, name, changes.home, BERANDA_SUMMARY_ROW, 1, BERANDA_SUMMARY_HEIGHT, BERANDA_SUMMARY_WIDTH
        )
    if name and changes.home_report is not None:
        _block(
            layout,
            name,
            changes.home_report,
            BERANDA_REPORT_ROW,
            BERANDA_REPORT_COLUMN,
            BERANDA_REPORT_HEIGHT,
            BERANDA_REPORT_WIDTH,
        )


def _block(
    layout: Layout, name: str, rows: list[list[Any]], top: int, left: int, height: int, width: int
) -> None:
    """A fixed-size block: every cell written (None clears what an earlier run left)."""
    writes = layout.sheets.setdefault(name, SheetWrites(name=name))
    for r in range(height):
        line = rows[r] if r < len(rows) else []
        for c in range(width):
            writes.cells[(top + r, left + c)] = line[c] if c < len(line) else None


def status_row(reg: Register, key: str) -> int:
    """Row of a sheet's status cell (column A): right above its header as found; 0 = do not write.

    A table sheet whose header was not found, or whose row above the header holds anything but
    a status text, gets no status (a title line or a header is never overwritten). Sheets without
    a table (Beranda) keep the template's fixed status row.
    """
    data = reg.sheets.get(key)
    if data is None:
        return STATUS_ROW if _sheet_name(reg, key) else 0
    return data.status_row if data.present else 0


def status_row_of(reg: Register | None, sheet: str) -> int:
    """``status_row`` by sheet name as found in the workbook (the buttons know the clicked sheet's name)."""
    if reg is None:
        return STATUS_ROW
    for key, data in reg.sheets.items():
        if data.present and norm(data.name) == norm(sheet):
            return status_row(reg, key)
    return STATUS_ROW


def _sheet_name(reg: Register, key: str) -> str | None:
    data = reg.sheets.get(key)
    if data is not None:
        return data.name if data.present else None
    wanted = norm(SHEET_BY_KEY[key].name)
    return next((n for n in reg.sheet_names if norm(n) == wanted), None)


def _target(reg: Register, layout: Layout, key: str) -> SheetWrites | None:
    data = reg.sheets.get(key)
    if data is None or not data.present:
        layout.unplaced.append(f"lembar '{SHEET_BY_KEY[key].name}' tidak ditemukan")
        return None
    target = layout.sheets.setdefault(data.name, SheetWrites(name=data.name))
    target.table = data.spec.table
    target.header_row = data.header_row
    if not target.columns:
        target.columns = {idx: data.spec.column(k) for k, idx in data.columns.items()}
    target.last_row = max(target.last_row, data.last_row)
    return target


def _place(
    reg: Register, layout: Layout, target: SheetWrites, key: str, row: int, col_key: str, value: Any
) -> None:
    data = reg.sheets[key]
    col = data.columns.get(col_key)
    if col is None:
        if value not in (None, ""):
            header = data.spec.column(col_key).header
            layout.unplaced.append(f"kolom '{header}' di lembar '{data.name}' tidak ditemukan")
        return
    target.cells[(row, col)] = value
