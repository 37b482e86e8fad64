"""What every rule works on: the run's context and one row being checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..findings import Finding
from ..register import Record, SheetData
from ..schema import Column
from ..values import as_text
from ..workdays import WorkCalendar
from .codes import level, message


@dataclass(frozen=True)
class Context:
    """Facts shared by all rows of one run: today, accepted choices, the working-day calendar."""

    today: date
    choices: dict[str, dict[str, str]]  # list key -> {normalised value: value as listed}
    calendar: WorkCalendar  # Hari Libur sheet + Pengaturan office hours
    floor: date = date.min  # no event before this day (chain.floor_date: Pengaturan or register year - 1)
    receipts: dict[str, date] = field(default_factory=dict)  # no_registrasi -> day the request was received


@dataclass
class RowCheck:
    """One record under check; rules read values through it and add findings to it."""

    ctx: Context
    data: SheetData
    record: Record
    completing: bool
    findings: list[Finding] = field(default_factory=list)
    parsed: dict[str, Any] = field(default_factory=dict)  # key -> parsed value of a good cell
    bad: set[str] = field(default_factory=set)  # keys whose cell already has a galat

    @property
    def sheet_key(self) -> str:
        return self.data.spec.key

    def has(self, key: str) -> bool:
        """The column exists in the file (and is not reported missing)."""
        return key in self.data.columns and key not in self.data.missing

    def value(self, key: str) -> Any:
        """Raw value of a usable cell; None when the column is missing or the cell is bad."""
        if key in self.bad or not self.has(key):
            return None
        return self.record.values.get(key)

    def text(self, key: str) -> str:
        return as_text(self.value(key))

    def column(self, key: str) -> Column | None:
        try:
            return self.data.spec.column(key)
        except KeyError:
            return None

    def add(self, key: str, code: str, **fields: str) -> None:
        header = self.data.header(key) if key else ""
        fields.setdefault("kolom", header)
        self.findings.append(
            Finding(
                sheet=self.data.name,
                row=self.record.row,
                column=header,
                code=code,
                message=message(code, **fields),
                key=key,
                level=level(code),
            )
        )
        if level(code) == "galat" and key:
            self.bad.add(key)
