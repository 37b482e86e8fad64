"""Planned values encoded for a live workbook so that Excel keeps their type (no xlwings import).

Text Excel could read as a number, date, boolean or formula gets a leading apostrophe; dates are
datetimes; times are fractions of a day.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

# openpyxl's ILLEGAL_CHARACTERS_RE and Excel's cell limit (as in excel.writer.excel_text), kept here so
# that a click does not import openpyxl (~0.4 s of the cold start); tests/test_buttons.py checks both match.
ILLEGAL_CHARACTERS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
EXCEL_MAX_TEXT = 32767
ERROR_LITERALS = frozenset(
    {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#DATA!", "#SPILL!", "#CALC!"}
)
BOOL_WORDS = frozenset({"true", "false", "benar", "salah"})


def needs_quote(text: str) -> bool:
    """True when Excel could read ``text`` as something else (number, date, formula, boolean, error)."""
    if not text:
        return False
    return not text[0].isalpha() or any(ch.isdigit() for ch in text) or text.strip().casefold() in BOOL_WORDS


def to_excel(value: Any) -> Any:
    """A planned value as Excel must receive it to keep its type."""
    if value is None:
        return None
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS.sub("", value)[:EXCEL_MAX_TEXT]
        return "'" + text if needs_quote(text) else text
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    if isinstance(value, dt.time):
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    return to_excel(str(value))


def as_read(value: Any) -> Any:
    """A value read from the sheet, written back unchanged (error values stay errors)."""
    if isinstance(value, str) and value in ERROR_LITERALS:
        return value
    return to_excel(value)
