"""Reading register rows for letters: typed values, required fields and the problems found."""

from __future__ import annotations

from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..register import Record, Register
from ..schema import SHEET_BY_KEY
from ..values import as_text, parse_date, parse_datetime, parse_int, parse_money, parse_pasal
from ..workdays import WorkCalendar
from . import bahasa

if TYPE_CHECKING:
    from ..workflow.cited import Citations

EMPTY = "-"  # shown in a letter for an optional value that is not filled


class Sources:
    """The register as the letters see it: settings, lookups by registration number, the calendar."""

    def __init__(self, reg: Register) -> None:
        self.reg = reg
        self._calendar: WorkCalendar | None = None
        self.issued: dict[tuple[str, int], dict[str, Any]] = {}  # numbers handed out in this run
        self.requests: dict[str, Record] = {}
        for rec in reg.records("permohonan"):
            self.requests.setdefault(as_text(rec.get("no_registrasi")), rec)

    @property
    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            self._calendar = WorkCalendar.from_register(self.reg)
        return self._calendar

    @cached_property
    def citations(self) -> Citations:
        """The Register DIK precedents of tested requests, scored once per run
        (``automation.workflow.cited``)."""
        from ..workflow.cited import Citations  # loads the scorer (rapidfuzz) only when a BA needs it

        return Citations(self.reg)

    def rows_of(self, sheet_key: str, reg_no: str) -> list[Record]:
        return [r for r in self.reg.records(sheet_key) if as_text(r.get("no_registrasi")) == reg_no]

    def value(self, sheet_key: str, rec: Record, key: str) -> Any:
        """A cell value, seeing numbers issued earlier in the same run."""
        return self.issued.get((sheet_key, rec.row), {}).get(key, rec.get(key))

    def setting(self, key: str) -> str:
        return self.reg.config.text(key)  # Settings already put the default in an empty cell

    def setting_int(self, key: str) -> int:
        return self.reg.config.int(key)

    def deadline(self, received: date | datetime, days: int) -> date | None:
        try:
            return self.calendar.deadline(received, days)
        except UsageError:
            return None


class Row:
    """One record of one sheet, read for a letter; every problem is kept as an Indonesian phrase."""

    def __init__(
        self, reg: Register, sheet_key: str, record: Record, problems: list[str], *, foreign: bool = False
    ):
        self.record = record
        self.problems = problems
        self.sheet_key = sheet_key
        self._data = reg.sheets.get(sheet_key)
        self._where = f" pada lembar {SHEET_BY_KEY[sheet_key].name}" if foreign else ""

    def label(self, key: str) -> str:
        if self._data is not None:
            return self._data.header(key)
        return SHEET_BY_KEY[self.sheet_key].column(key).header

    def _missing(self, key: str) -> None:
        self.problems.append(f"kolom {self.label(key)}{self._where} kosong")

    def _bad(self, key: str, error: str) -> None:
        self.problems.append(f"kolom {self.label(key)}{self._where} tidak valid ({error.rstrip('.')})")

    def raw(self, key: str) -> Any:
        return self.record.get(key)

    def text(self, key: str, *, required: bool = False, default: str = EMPTY) -> str:
        value = as_text(self.record.get(key))
        if not value:
            if required:
                self._missing(key)
            return default
        return value

    def date(self, key: str, *, required: bool = False) -> date | None:
        value, error = parse_date(self.record.get(key))
        self._check(key, value, error, required)
        return value

    def datetime(self, key: str, *, required: bool = False) -> datetime | None:
        value, error = parse_datetime(self.record.get(key))
        self._check(key, value, error, required)
        return value

    def int(self, key: str, *, required: bool = False, money: bool = False) -> int | None:
        value, error = (parse_money if money else parse_int)(self.record.get(key))
        self._check(key, value, error, required)
        if value is not None and value < 0:
            self._bad(key, "tidak boleh negatif")
            return None
        return value

    def _check(self, key: str, value: Any, error: str | None, required: bool) -> None:
        if error:
            self._bad(key, error)
        elif value is None and required:
            self._missing(key)

    def dasar(self, *, required: bool = True) -> list[str]:
        """The legal grounds: one line per Pasal 17 code, the other law for 17j (or added after)."""
        codes, error = parse_pasal(self.record.get("pasal17"))
        uu_lain = as_text(self.record.get("uu_lain"))
        if error:
            self._bad("pasal17", error)
            return []
        if not codes:
            if required:
                self._missing("pasal17")
            return []
        codes = [c.strip().lower() for c in codes]
        if "17j" in codes and not uu_lain:
            self.problems.append(
                f"kolom {self.label('uu_lain')}{self._where} kosong (wajib untuk Pasal 17 huruf j)"
            )
        lines = [bahasa.pasal_uraian(code, uu_lain) for code in codes]
        if uu_lain and "17j" not in codes:
            lines.append(uu_lain)
        return lines
