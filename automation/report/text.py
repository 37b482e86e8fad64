"""Indonesian formatting for reports (dates, numbers, percentages) and the personal-data scrubber."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

# Personal-data shapes that must never reach a report, even inside free text.
NIK_RE = re.compile(r"(?<!\d)\d{16}(?!\d)")
PHONE_RE = re.compile(r"(?<![\d+])(?:\+62|62|0)[\s.-]?8\d(?:[\s.-]?\d){7,10}(?!\d)")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
MASK = "[disamarkan]"


def redact(text: str) -> str:
    """``text`` with NIK, phone numbers and e-mail addresses replaced and control characters removed."""
    text = _CONTROL.sub(" ", text)
    for pattern in (EMAIL_RE, NIK_RE, PHONE_RE):
        text = pattern.sub(MASK, text)
    return text


def month_name(month: int) -> str:
    return BULAN[month - 1]


def month_label(year: int, month: int) -> str:
    """'Maret 2026'."""
    return f"{BULAN[month - 1]} {year}"


def tanggal(value: date | datetime | None) -> str:
    """'24 November 2026' ('' for None)."""
    if value is None:
        return ""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def tgl(value: date | datetime | None) -> str:
    """'24/11/2026' ('' for None)."""
    return "" if value is None else f"{value.day:02d}/{value.month:02d}/{value.year}"


def angka(value: float | int | None, decimals: int = 1) -> str:
    """Indonesian number: 1.234 / 6,5; '-' for None or NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if isinstance(value, int) or float(value).is_integer() and decimals == 0:
        return f"{int(round(value)):,}".replace(",", ".")
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def persen(value: float | None) -> str:
    """Share 0..1 as '90,0%'; '-' when undefined."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{angka(value * 100, 1)}%"


def cell_text(value: Any) -> str:
    """A value as report text (Indonesian numbers and dates, scrubbed)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, datetime | date):
        return tgl(value)
    if isinstance(value, int):
        return angka(value)
    if isinstance(value, float):
        return angka(value, 0 if value.is_integer() else 1)
    return redact(str(value))
