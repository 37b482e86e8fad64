"""Indonesian formatting for reports (dates, numbers, percentages) and the personal-data scrubber."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

from .. import privacy
from ..letters.bahasa import bulan, tanggal
from ..numbering import romawi
from ..values import as_text

MASK = privacy.MASK
__all__ = ["MASK", "angka", "cell_text", "month_label", "month_name", "persen", "redact", "romawi", "tanggal"]


def redact(text: str) -> str:
    """``text`` with personal data masked: the one redaction function, ``automation.privacy.redact``."""
    return privacy.redact(text)


def month_name(month: int) -> str:
    """'Maret': the letters' month name (``letters.bahasa.bulan``)."""
    return bulan(date(2000, month, 1))


def month_label(year: int, month: int) -> str:
    """'Maret 2026'."""
    return f"{month_name(month)} {year}"


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
        return as_text(value)  # the register's own date text: dd/mm/yyyy, with the time when it has one
    if isinstance(value, int):
        return angka(value)
    if isinstance(value, float):
        return angka(value, 0 if value.is_integer() else 1)
    return redact(str(value))
