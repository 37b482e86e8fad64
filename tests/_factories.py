"""Build in-memory registers for tests: rows as staff would enter them, Excel rows from 7."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from automation.register import Record, Register, SheetData
from automation.schema import FIRST_DATA_ROW, HEADER_ROW, SETTINGS, SHEET_BY_KEY, TABLE_SHEETS

PINNED_NOW = dt.datetime(2026, 11, 20, 10, 0)  # the moment every CLI run in the tests sees (PPID_SEKARANG)
PINNED_TODAY = PINNED_NOW.date()


def make_sheet(
    key: str,
    rows: list[dict[str, Any]],
    *,
    missing: list[str] | None = None,
    renamed: dict[str, str] | None = None,
    merged: list[tuple[int, int, int, int]] | None = None,
) -> SheetData:
    """One sheet as the reader would deliver it.

    ``missing``: keys whose column is absent; ``renamed``: key -> header found instead (the
    column then counts as missing and its header as extra); ``merged``: merged ranges.
    """
    spec = SHEET_BY_KEY[key]
    renamed = renamed or {}
    gone = set(missing or []) | set(renamed)
    columns: dict[str, int] = {}
    extra: list[tuple[int, str]] = []
    for index, col in enumerate(spec.columns, start=1):
        if col.key in renamed:
            extra.append((index, renamed[col.key]))
        elif col.key not in gone:
            columns[col.key] = index
    records = [Record(FIRST_DATA_ROW + i, {k: row.get(k) for k in columns}) for i, row in enumerate(rows)]
    data = SheetData(
        spec=spec,
        header_row=HEADER_ROW,
        columns=columns,
        headers_found={k: spec.column(k).header for k in columns},
        missing=[c.key for c in spec.columns if c.key in gone],
        extra=extra,
        records=records,
        last_row=FIRST_DATA_ROW + len(rows) - 1,
    )
    data.merged = list(merged or [])  # type: ignore[attr-defined]
    return data


def make_register(
    rows_by_sheet: dict[str, list[dict[str, Any]]],
    settings: dict[str, Any] | None = None,
    **sheet_options: dict[str, Any],
) -> Register:
    """A register with every table sheet; ``rows_by_sheet`` fills some of them.

    ``sheet_options`` maps a sheet key to keyword arguments of :func:`make_sheet`, e.g.
    ``make_register({...}, permohonan={"renamed": {"nik": "No. NIK"}})``.
    """
    sheets = {
        spec.key: make_sheet(spec.key, rows_by_sheet.get(spec.key, []), **sheet_options.get(spec.key, {}))
        for spec in TABLE_SHEETS
    }
    values = {s.key: s.default for s in SETTINGS}
    values.update(settings or {})
    return Register(
        Path("register_uji.xlsm"), sheets=sheets, settings=values, sheet_names=[s.name for s in TABLE_SHEETS]
    )
