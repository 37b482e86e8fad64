"""A working copy of the register that records every write as Changes, keeping only real changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from typing import Any

from ..changes import Changes
from ..register import Record, Register


def comparable(value: Any) -> Any:
    """The form two cell values are compared in: blank text is empty, midnight datetimes are dates."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        return text or None
    if isinstance(value, datetime):
        return value.date() if value.time() == time(0) else value.replace(microsecond=0)
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def same(old: Any, new: Any) -> bool:
    a, b = comparable(old), comparable(new)
    if isinstance(a, date) and isinstance(b, date):  # a date never equals a datetime in Python
        return type(a) is type(b) and a == b
    return a == b


class Draft:
    """Records of a register that can be changed and appended to; ``changes`` holds the difference.

    The draft's records are its own objects; their values are shared with the register read until
    the first write to a record (copy on write), so the register passed in is never modified.
    Writes to rows read from the workbook land in ``changes.cells`` only when the new value differs
    from the value read; appended rows share their value dict with ``changes.appends``, so values
    set on them later are part of the append.
    """

    def __init__(self, reg: Register, sheets: tuple[str, ...]) -> None:
        self.base = reg
        self.changes = Changes()
        self._read: dict[tuple[str, int], dict[str, Any]] = {}
        self._rows: dict[str, list[Record]] = {}
        self._last: dict[str, int] = {}
        self._new: set[tuple[str, int]] = set()
        self._copied: set[tuple[str, int]] = set()
        for key in sheets:
            data = reg.sheets.get(key)
            if data is None:
                continue
            self._rows[key] = [Record(rec.row, rec.values) for rec in data.records]
            self._read.update(((key, rec.row), rec.values) for rec in data.records)
            self._last[key] = max([data.last_row, data.header_row, *(r.row for r in data.records)])

    def records(self, key: str) -> list[Record]:
        return self._rows.get(key, [])

    def is_new(self, key: str, rec: Record) -> bool:
        return (key, rec.row) in self._new

    def set(self, key: str, rec: Record, col: str, value: Any) -> None:
        old = rec.values.get(col)
        if old is value or (type(old) is type(value) and old == value):
            return  # already so (read that way, or written earlier in this run)
        spot = (key, rec.row)
        if spot in self._new:
            rec.values[col] = value
            return
        read = self._read.get(spot, {})
        if spot not in self._copied:
            if same(rec.values.get(col), value):
                return  # nothing written to this record yet and nothing to write
            rec.values = dict(rec.values)
            self._copied.add(spot)
        rec.values[col] = value
        cell = self.changes.cells.get(spot)
        if not same(read.get(col), value):
            self.changes.set(key, rec.row, col, value)
        elif cell is not None and col in cell:
            del cell[col]
            if not cell:
                del self.changes.cells[spot]

    def append(self, key: str, values: dict[str, Any]) -> Record:
        """A new row after the table's last row (the row number the writers will give it)."""
        self._last[key] = self._last.get(key, 0) + 1
        rec = Record(self._last[key], values)
        self._rows.setdefault(key, []).append(rec)
        self._new.add((key, rec.row))
        self.changes.append(key, values)
        return rec

    def view(self) -> Register:
        """The register as it will be after the changes (appended rows included)."""
        sheets = {
            key: replace(data, records=self._rows[key]) if key in self._rows else data
            for key, data in self.base.sheets.items()
        }
        return Register(self.base.path, sheets, self.base.settings, self.base.sheet_names)
