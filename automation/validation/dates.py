"""Date rules: dates parse, events are not in the future, receipt within office hours."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ..schema import Column, Kind, T
from ..values import as_text, parse_date, parse_datetime
from ..workdays import MAX_YEAR, MIN_YEAR
from .row import RowCheck

DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
RECEIPT_KEY = "waktu_diterima"


def check_date(row: RowCheck, col: Column, value: Any) -> None:
    """A DATE/DATETIME cell must parse; on stage sheets it records an event, so not after today."""
    parsed, msg = (parse_datetime if col.type is T.DATETIME else parse_date)(value)
    if msg or parsed is None:
        row.add(col.key, "tanggal_tidak_terbaca", pesan=msg or "")
        return
    row.parsed[col.key] = parsed
    day = parsed.date() if isinstance(parsed, datetime) else parsed
    if row.data.spec.kind is Kind.STAGE and day > row.ctx.today:
        row.add(col.key, "tanggal_masa_depan", tanggal=_fmt(day), hari_ini=_fmt(row.ctx.today))


def _fmt(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def check_office_hours(row: RowCheck) -> None:
    """Warn when a request counts as received on a later day than the one entered.

    That happens on a non-working day (weekend, national holiday, cuti bersama, closure on the
    Hari Libur sheet) and after closing time (Pengaturan "Jam Layanan Tutup"); the deadline then
    runs from the next working day (WorkCalendar.effective_receipt).
    """
    received = row.parsed.get(RECEIPT_KEY)
    if not isinstance(received, datetime) or not MIN_YEAR <= received.year <= MAX_YEAR - 1:
        return
    cal = row.ctx.calendar
    day = received.date()
    counted = cal.effective_receipt(received)
    if counted == day:
        return
    if day.weekday() >= 5:
        reason = f"pada hari {DAY_NAMES[day.weekday()]}"
    elif not cal.is_working_day(day):
        reason = f"pada hari libur ({cal.holiday_name(day) or 'hari libur'})"
    else:
        reason = f"sesudah jam layanan tutup ({cal.office_close:%H:%M})"
    nxt = f"{DAY_NAMES[counted.weekday()]}, {_fmt(counted)}"
    row.add(RECEIPT_KEY, "di_luar_jam_layanan", waktu=as_text(received), sebab=reason, hari_kerja=nxt)
