"""The wall clock, read only by the adapters (the CLI and the Excel buttons).

Library code never asks what day it is: the register's dates decide every legal fact, and the
adapters pass "now" down.  ``tests/test_clock.py`` fails when any other module reads the clock.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from .errors import UsageError

PIN_VARIABLE = "PPID_SEKARANG"  # e.g. 2026-11-20T10:00: run as if it were that moment (tests, training)


def now() -> dt.datetime:
    """This moment, to the second (local time of the PC), or the moment pinned in PPID_SEKARANG."""
    pinned = os.environ.get(PIN_VARIABLE, "").strip()
    if pinned:
        try:
            return dt.datetime.fromisoformat(pinned).replace(microsecond=0)
        except ValueError:
            raise UsageError(
                f"Variabel {PIN_VARIABLE}='{pinned}' bukan waktu yang sah; tulis seperti 2026-11-20T10:00 "
                "atau hapus variabel itu."
            ) from None
    return dt.datetime.now().replace(microsecond=0)


def last_complete_month(day: dt.date) -> str:
    """'YYYY-MM' of the month before ``day``'s month: the month a monthly report covers by default."""
    first = day.replace(day=1)
    previous = first - dt.timedelta(days=1)
    return f"{previous.year}-{previous.month:02d}"


_MONTH = re.compile(r"^\s*(\d{4})\s*-\s*(\d{1,2})\s*$")


def parse_month(month: str) -> tuple[int, int]:
    """'2026-03' or '2026-3' -> (2026, 3); anything else is a UsageError in Indonesian."""
    match = _MONTH.match(month or "")
    if not match or not 1 <= int(match.group(2)) <= 12 or not 1900 <= int(match.group(1)) <= 2200:
        raise UsageError(
            f"Bulan laporan '{month}' tidak dikenali; tulis dalam bentuk TTTT-BB, misalnya 2026-03."
        )
    return int(match.group(1)), int(match.group(2))


def file_stamp() -> str:
    """A timestamp for a backup's or crash log's file name: when the file was made, never a legal date."""
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
