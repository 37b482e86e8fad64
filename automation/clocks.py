"""The request clock on the register's own calendar: Batas Waktu, working days used, Status Waktu.

Core (below validation and the workflow): the workflow fills the deadline columns with it, the
keberatan model (automation/objections.py) runs its three clocks with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import holidays

from .reference import StatusWaktu, YaTidak, canonical
from .register import Record, Register
from .values import parse_datetime
from .workdays import MAX_YEAR, MIN_YEAR, WorkCalendar

ON_TIME, NEAR, LATE, DONE_ON_TIME, DONE_LATE = StatusWaktu


@dataclass
class Rules:
    """The calendar and the deadline settings of one register (calendar sums cached per run)."""

    calendar: WorkCalendar
    days: int
    extension: int
    near: int
    _cache: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, reg: Register) -> Rules:
        days = reg.config.days  # bounded by automation.settings
        return cls(
            calendar=WorkCalendar.from_register(reg),
            days=days.answer,
            extension=days.extension,
            near=days.near,
        )

    def label(self) -> str:
        """Kalender column: short and stable (unlike describe(), it does not list computed years)."""
        return self._cached(("label",), self._label)

    def _label(self) -> str:
        cal = self.calendar
        first = (
            "hari penerimaan = hari ke-1" if cal.receipt_day_counts else "hari ke-1 = hari kerja berikutnya"
        )
        return (
            f"holidays {holidays.__version__} (ID) + Hari Libur: {len(cal.added)} ditambah, "
            f"{len(cal.removed)} dibatalkan; jam {cal.office_open:%H.%M}–{cal.office_close:%H.%M}; {first}"
        )

    def _cached(self, key: tuple[Any, ...], compute: Any) -> Any:
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def receipt(self, received: datetime) -> date:
        return self._cached(("receipt", received), lambda: self.calendar.effective_receipt(received))

    def deadline(self, intake: Record) -> date | None:
        """Batas Waktu: 10 working days (+ 7 when Diperpanjang = Ya) from day 1."""
        received = received_at(intake)
        if received is None:
            return None
        extended = canonical(YaTidak, intake.get("diperpanjang")) is YaTidak.YA
        days = self.days + (self.extension if extended else 0)
        receipt = self.receipt(received)  # a working day: the deadline counts from it like from ``received``
        return self._cached(("due", receipt, days), lambda: self.calendar.deadline(receipt, days))

    def used(self, received: datetime, end: date) -> int:
        receipt = self.receipt(received)
        return self._cached(("used", receipt, end), lambda: self.calendar.working_days_used(receipt, end))

    def left(self, today: date, due: date) -> int:
        return self._cached(("left", today, due), lambda: self.calendar.working_days_between(today, due))


def usable(day: date | None) -> bool:
    """A date the calendar can count with (typing errors such as year 206 are left out)."""
    return day is not None and MIN_YEAR <= day.year <= MAX_YEAR


def received_at(intake: Record) -> datetime | None:
    received, _error = parse_datetime(intake.get("waktu_diterima"))
    return received if received is not None and usable(received) else None


def time_status(due: date | None, decided: date | None, rules: Rules, today: date) -> str | None:
    if due is None:
        return None
    if decided is not None:
        return DONE_ON_TIME if decided <= due else DONE_LATE
    if today > due:
        return LATE
    return NEAR if rules.left(today, due) <= rules.near else ON_TIME
