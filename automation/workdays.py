"""Working-day calendar: Indonesian holidays and cuti bersama, office hours and the receipt rule."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

import holidays
import numpy as np

from .errors import UsageError
from .reference import JenisLibur, is_
from .settings import default_clock
from .values import parse_date

if TYPE_CHECKING:
    from .register import Register

CATEGORIES = ("public", "government")  # government = cuti bersama (SKB 3 Menteri)
NOT_A_HOLIDAY = JenisLibur.BUKAN_HARI_LIBUR  # "Bukan hari libur": cancels a date of the package calendar
PACKAGE_SOURCE = "Paket holidays"  # Hari Libur "Sumber" of rows copied from the package
ESTIMATED_MARKS = ("perkiraan", "estimated")  # how the package labels unconfirmed dates
MIN_YEAR, MAX_YEAR = 1950, 2200  # outside this range a date is a typing error, not a request
_WEEKMASK = "1111100"


@cache
def package_holidays(year: int) -> Mapping[date, str]:
    """The package's Indonesian holidays (incl. cuti bersama) of one year, names in Indonesian."""
    cal = holidays.country_holidays("ID", years=year, categories=CATEGORIES, language="id")
    return MappingProxyType(dict(cal.items()))


class WorkCalendar:
    """Monday–Friday minus package holidays, plus ``added`` closures, minus ``removed`` dates."""

    def __init__(
        self,
        *,
        added: Iterable[tuple[date, str]] = (),
        removed: Iterable[date] = (),
        receipt_day_counts: bool = False,
        office_open: time = time(7, 30),
        office_close: time = time(16, 0),
    ) -> None:
        if office_open >= office_close:
            raise UsageError(
                f"Jam layanan tidak masuk akal: buka {office_open:%H.%M}, tutup {office_close:%H.%M}."
            )
        self.removed: frozenset[date] = frozenset(_day(d) for d in removed)
        self.added: dict[date, str] = {_day(d): name for d, name in added}
        self.receipt_day_counts = receipt_day_counts
        self.office_open = office_open
        self.office_close = office_close
        self.notes: list[str] = []  # settings that could not be read (defaults used)
        self._lo = self._hi = 0  # loaded year range, inclusive (empty while _lo == 0)
        self._off: set[date] = set()  # non-working weekdays of the loaded years
        self._cal = np.busdaycalendar(weekmask=_WEEKMASK)
        self._offsets: dict[tuple[date, int], date] = {}

    # ------------------------------------------------------------ construction from the register
    @classmethod
    def from_register(cls, reg: Register) -> WorkCalendar:
        """The calendar of a register: Hari Libur rows and the Pengaturan hours and day-1 rule."""
        added: list[tuple[date, str]] = []
        removed: list[date] = []
        for rec in reg.records("hari_libur"):
            parsed, _error = parse_date(rec.get("tanggal"))
            day = _day(parsed) if parsed is not None else None
            if day is None or not MIN_YEAR <= day.year <= MAX_YEAR:
                continue  # bad or empty dates are validation findings, not calendar input
            if is_(rec.get("jenis"), NOT_A_HOLIDAY):
                removed.append(day)
            elif rec.text("sumber").casefold().startswith("paket") and day in package_holidays(day.year):
                continue  # the package already has it: count it once
            else:
                added.append((day, rec.text("keterangan") or rec.text("jenis") or "Hari libur kantor"))
        notes: list[str] = []
        settings = reg.config
        counts = settings.flag("hari_ke_1", notes)
        office_open = settings.clock("jam_buka", notes)
        office_close = settings.clock("jam_tutup", notes)
        if office_open >= office_close:
            notes.append("Jam buka tidak lebih awal dari jam tutup; dipakai jam layanan bawaan.")
            office_open, office_close = default_clock("jam_buka"), default_clock("jam_tutup")
        cal = cls(
            added=added,
            removed=removed,
            receipt_day_counts=counts,
            office_open=office_open,
            office_close=office_close,
        )
        cal.notes = notes
        return cal

    # ------------------------------------------------------------ single days
    def is_working_day(self, d: date) -> bool:
        d = _day(d)
        self._ensure(d.year, d.year)
        return d.weekday() < 5 and d not in self._off

    def holiday_name(self, d: date) -> str | None:
        """Name of the holiday or closure on ``d`` (also on weekends); None for a cancelled date."""
        d = _day(d)
        if d in self.removed:
            return None
        if d in self.added:
            return self.added[d]
        _check_year(d.year)
        return package_holidays(d.year).get(d)

    def effective_receipt(self, received: date | datetime) -> date:
        """The working day a request counts as received on.

        Received on a non-working day or after closing time: the next working day.  Received before
        opening time on a working day (also a date without a time): that same day, since the
        office's next service day is that day.
        """
        day = _day(received)
        if not self.is_working_day(day):
            return self.add_working_days(day, 1)
        if isinstance(received, datetime) and received.time() > self.office_close:
            return self.add_working_days(day, 1)
        return day

    # ------------------------------------------------------------ counting
    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (n < 0: before it; n == 0: ``start`` itself)."""
        start = _day(start)
        key = (start, n)
        found = self._offsets.get(key)
        if found is not None:
            return found
        if n == 0:
            return start
        lo = hi = start.year  # widened below while the result falls outside the loaded years
        roll = "backward" if n > 0 else "forward"
        while True:
            self._ensure(lo, hi)
            value = np.busday_offset(np.datetime64(start, "D"), n, roll=roll, busdaycal=self._cal)  # type: ignore[call-overload]
            result: date = value.item()
            if self._lo <= result.year <= self._hi:
                break
            lo, hi = min(lo, result.year), max(hi, result.year)
        self._offsets[key] = result
        return result

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative (working days in (end, start]) when end < start."""
        start, end = _day(start), _day(end)
        self._ensure(min(start.year, end.year), max(start.year, end.year))
        one = timedelta(days=1)
        if end < start:
            return -self.working_days_between(end, start)
        return int(np.busday_count(start + one, end + one, busdaycal=self._cal))

    def day_one(self, received: date | datetime) -> date:
        """The first working day counted for a request (hari ke-1)."""
        receipt = self.effective_receipt(received)
        return receipt if self.receipt_day_counts else self.add_working_days(receipt, 1)

    def deadline(self, received: date | datetime, days: int) -> date:
        """The ``days``-th working day counted from day 1 (10 for an answer, 17 with the extension)."""
        if days < 1:
            raise UsageError(f"Jumlah hari kerja harus 1 atau lebih, bukan {days}.")
        return self.add_working_days(self.day_one(received), days - 1)

    def working_days_used(self, received: date | datetime, today: date) -> int:
        """Working days from day 1 through ``today`` inclusive (0 before day 1)."""
        receipt = self.effective_receipt(received)
        used = self.working_days_between(receipt, _day(today))
        if self.receipt_day_counts and _day(today) >= receipt:
            used += 1
        return max(used, 0)

    # ------------------------------------------------------------ description
    def describe(self, years: Iterable[int] | None = None) -> str:
        """Indonesian account of the calendar used; ``years`` defaults to the years computed so far."""
        chosen = sorted(
            set(years) if years is not None else range(self._lo, self._hi + 1) if self._lo else ()
        )
        parts = [
            (
                "Hari kerja: Senin sampai Jumat, kecuali libur nasional dan cuti bersama menurut kalender"
                f" libur Indonesia bawaan aplikasi (pustaka holidays versi {holidays.__version__})."
            ),
            (
                f"Lembar Hari Libur: {len(self.added)} hari libur/penutupan kantor ditambahkan, "
                f"{len(self.removed)} hari dibatalkan ({NOT_A_HOLIDAY})."
            ),
            (
                f"Jam layanan {self.office_open:%H.%M}–{self.office_close:%H.%M}; permohonan sesudah jam"
                " tutup atau pada hari libur dianggap diterima hari kerja berikutnya."
            ),
            (
                "Hari penerimaan dihitung sebagai hari ke-1."
                if self.receipt_day_counts
                else "Hari ke-1 adalah hari kerja sesudah hari penerimaan."
            ),
        ]
        if chosen:
            parts.append(f"Tahun yang dihitung: {', '.join(map(str, chosen))}.")
        for year in chosen:
            estimated = [d for d, name in package_holidays(year).items() if _is_estimated(name)]
            if estimated:
                parts.append(
                    f"Tahun {year}: {len(estimated)} tanggal libur (terutama hari besar Islam) masih"
                    " perkiraan karena belum ditetapkan pemerintah; sesuaikan lembar Hari Libur bila SKB"
                    " berbeda."
                )
            if not any(name.startswith("Cuti Bersama") for name in package_holidays(year).values()):
                parts.append(
                    f"Tahun {year}: cuti bersama belum tercantum dalam paket; isi lembar Hari Libur sesuai"
                    " SKB."
                )
        parts.extend(self.notes)
        return " ".join(parts)

    # ------------------------------------------------------------ internals
    def _ensure(self, lo: int, hi: int) -> None:
        """Load the package years lo..hi (kept contiguous) and rebuild the numpy calendar."""
        if self._lo and self._lo <= lo and hi <= self._hi:
            return
        _check_year(lo)
        _check_year(hi)
        if self._lo:
            lo, hi = min(lo, self._lo), max(hi, self._hi)
        off: set[date] = set()
        for year in range(lo, hi + 1):
            off.update(package_holidays(year))
        off.update(d for d in self.added if lo <= d.year <= hi)
        self._off = {d for d in off if d.weekday() < 5 and d not in self.removed}
        self._cal = np.busdaycalendar(weekmask=_WEEKMASK, holidays=sorted(self._off))
        self._lo, self._hi = lo, hi


# ---------------------------------------------------------------- helpers
def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise UsageError(f"Tahun {year} di luar rentang kalender hari kerja ({MIN_YEAR}–{MAX_YEAR}).")


def _is_estimated(name: str) -> bool:
    lowered = name.casefold()
    return any(mark in lowered for mark in ESTIMATED_MARKS)
