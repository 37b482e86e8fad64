"""Read a live workbook through xlwings objects in bulk: each sheet's used range in one call.

Works on any xlwings engine by duck typing (Excel over COM on Windows, the remote engine of xlwings
Server/Lite in tests) and does not import xlwings itself; ``automation.buttons`` does.  Values are
normalised to what python-calamine gives the CLI for the same cell.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

Grid = list[list[Any]]
EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass
class Snapshot:
    """Every sheet's values as calamine would give them, anchored at A1, and the active sheet."""

    grids: dict[str, Grid]
    active: str
    name: str  # the workbook's full name as the engine reports it (path on Windows)


def read_book(book: Any) -> Snapshot:
    """One bulk read per sheet (its used range); values normalised to the CLI reader's types."""
    grids = {sheet.name: read_sheet(sheet) for sheet in book.sheets}
    return Snapshot(grids=grids, active=book.sheets.active.name, name=book.fullname)


def read_sheet(sheet: Any) -> Grid:
    rng = sheet.used_range
    values = rng.options(ndim=2, err_to_str=True, chunksize=None).value or [[None]]
    top, left = rng.row, rng.column
    pad = [None] * (left - 1)
    grid: Grid = [[] for _ in range(top - 1)]
    grid.extend(pad + [normalize(v) for v in line] for line in values)
    return grid


def normalize(value: Any) -> Any:
    """What python-calamine returns for the same cell: floats, date at midnight, time below one day."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, dt.datetime):
        value = value.replace(tzinfo=None)
        if value.date() <= EXCEL_EPOCH:
            return value.time()
        return value.date() if value.time() == dt.time() else value
    if value == "":
        return None
    return value


ISO_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def month_text(value: Any) -> str:
    """The Beranda month cell as 'YYYY-MM': text stays text; a date Excel made of it becomes its month."""
    if isinstance(value, dt.date):
        return f"{value.year}-{value.month:02d}"
    if isinstance(value, float) and 1 < value < 2958466:  # an Excel serial shown without a date format
        day = EXCEL_EPOCH + dt.timedelta(days=int(value))
        return f"{day.year}-{day.month:02d}"
    text = "" if value is None else str(value).strip().lstrip("'")
    match = ISO_MONTH.match(text)
    return f"{match.group(1)}-{int(match.group(2)):02d}" if match else text


def excel_user(book: Any) -> str | None:
    """Excel's user name (File > Options > General) on Windows; None on engines without one."""
    try:
        name = book.app.api.UserName
    except (AttributeError, NotImplementedError):
        return None
    if not isinstance(name, str) or not name.strip():
        return None
    return name.strip()
