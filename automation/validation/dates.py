"""Date rules: dates parse, events are not in the future, receipt within office hours."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from ..changes import Changes
from ..findings import Finding
from ..register import Register
from ..schema import SHEET_BY_KEY, Column, Kind, T
from ..values import as_text, parse_date, parse_datetime, short
from ..workdays import MAX_YEAR, MIN_YEAR
from .row import RowCheck

DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
RECEIPT_KEY = "waktu_diterima"


def check_date(row: RowCheck, col: Column, value: Any) -> None:
    """A DATE/DATETIME cell must parse; on stage sheets it records an event, so not after today.

    A date typed as text is read (Indonesian month names, dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy) and
    noted so that :func:`text_date_fixes` writes it back as a real date, unless reading day and
    month the other way round is the only reading that fits the request: then it is ambiguous.
    An event date that does not fit its request while the day/month swap would, is a warning.
    """
    parsed, msg = parse_value(col, value)
    if msg or parsed is None:
        row.add(col.key, "tanggal_tidak_terbaca", pesan=msg or "")
        return
    row.parsed[col.key] = parsed
    day = parsed.date() if isinstance(parsed, datetime) else parsed
    swap = _swap_that_fits(row, col.key, day)
    if isinstance(value, str) and swap is not None and _NUMERIC.match(value.strip()):
        row.add(
            col.key,
            "tanggal_teks_ambigu",
            nilai=short(value),
            tanggal=as_text(day),
            tukar=as_text(swap),
            diterima=as_text(_window(row, col.key)[0] or day),
        )
        return
    if isinstance(value, str):
        row.add(col.key, "tanggal_berupa_teks", nilai=short(value), tanggal=as_text(parsed))
    if swap is not None:
        row.add(
            col.key,
            "bulan_tertukar",
            tanggal=as_text(day),
            sebab=_why_not(row, col.key, day),
            tukar=as_text(swap),
        )
    elif row.data.spec.kind is Kind.STAGE and day > row.ctx.today:
        row.add(col.key, "tanggal_masa_depan", tanggal=as_text(day), hari_ini=as_text(row.ctx.today))


def parse_value(col: Column, value: Any) -> tuple[Any, str | None]:
    return (parse_datetime if col.type is T.DATETIME else parse_date)(value)


_NUMERIC = re.compile(r"^\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}")
# Columns that are not events of the request (deadlines, validity) or are the reference itself.
NOT_EVENTS = frozenset({"batas_waktu", "berlaku_sampai", RECEIPT_KEY})


def receipts(reg: Register) -> dict[str, date]:
    """no_registrasi -> the day its request was received (from 1 Permohonan)."""
    out: dict[str, date] = {}
    for record in reg.records("permohonan"):
        received = parse_datetime(record.values.get(RECEIPT_KEY))[0]
        number = as_text(record.values.get("no_registrasi"))
        if received is not None and number:
            out.setdefault(number, received.date())
    return out


def _window(row: RowCheck, key: str) -> tuple[date | None, date]:
    """The days an event of this row can fall on: from the request's receipt to today."""
    if row.data.spec.kind is not Kind.STAGE or row.sheet_key == "register_dik" or key in NOT_EVENTS:
        return None, date.max
    received = row.ctx.receipts.get(as_text(row.record.values.get("no_registrasi")))
    return received, row.ctx.today


def _swap_that_fits(row: RowCheck, key: str, day: date) -> date | None:
    """``day`` with day and month exchanged, when only that reading lies within the row's window."""
    if day.day > 12 or day.day == day.month:  # no other reading (checked first: the window costs a lookup)
        return None
    low, high = _window(row, key)
    if low is None or low <= day <= high:
        return None
    swapped = day.replace(month=day.day, day=day.month)
    return swapped if low <= swapped <= high else None


def _why_not(row: RowCheck, key: str, day: date) -> str:
    low, high = _window(row, key)
    if low is not None and day < low:
        return f"sebelum permohonan diterima ({as_text(low)})"
    return f"sesudah hari ini ({as_text(high)})"


def text_date_fixes(reg: Register, findings: list[Finding], changes: Changes) -> None:
    """Write every date found typed as text back as the real date it was read as."""
    keys = {data.name: key for key, data in reg.sheets.items()}
    for finding in findings:
        key = keys.get(finding.sheet)
        if finding.code != "tanggal_berupa_teks" or key is None:
            continue
        record = next((r for r in reg.records(key) if r.row == finding.row), None)
        spec = SHEET_BY_KEY[key].column(finding.key)
        parsed = parse_value(spec, record.values.get(finding.key))[0] if record is not None else None
        if parsed is not None:
            changes.set(key, finding.row, finding.key, parsed)


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
    nxt = f"{DAY_NAMES[counted.weekday()]}, {as_text(counted)}"
    row.add(RECEIPT_KEY, "di_luar_jam_layanan", waktu=as_text(received), sebab=reason, hari_kerja=nxt)
