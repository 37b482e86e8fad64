"""Apply Changes to a Register in memory, exactly as the writers place them in the workbook.

Used by the demo and bench generators (simulate many runs, write once) and by tests that check
idempotence without a file round trip.
"""

from __future__ import annotations

from .changes import Changes
from .register import Record, Register


def apply_changes(reg: Register, changes: Changes) -> None:
    for (key, row), values in changes.cells.items():
        data = reg.sheets.get(key)
        if data is None:
            continue
        record = next((r for r in data.records if r.row == row), None)
        if record is None:
            record = Record(row=row, values={k: None for k in data.columns})
            data.records.append(record)
            data.records.sort(key=lambda r: r.row)
            data.last_row = max(data.last_row, row)
        for col, value in values.items():
            if col in data.columns:
                record.values[col] = value
    appends = dict(changes.appends)
    if changes.log:
        appends["log"] = [*appends.get("log", []), *changes.log]
    for key, rows in appends.items():
        data = reg.sheets.get(key)
        if data is None:
            continue
        start = max(data.last_row, data.header_row) + 1
        for offset, values in enumerate(rows):
            record = Record(row=start + offset, values={k: values.get(k) for k in data.columns})
            data.records.append(record)
        data.last_row = start + len(rows) - 1
