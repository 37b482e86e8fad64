"""Contact rules: phone and e-mail formats, and a way to reach the requester."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..schema import Column
from ..values import is_empty, parse_email, parse_phone
from .row import RowCheck


def check_phone(row: RowCheck, col: Column, value: Any) -> None:
    parsed = _text_phone(value) if type(value) is str else parse_phone(value)
    _check_parsed(row, col, parsed, "telepon_tidak_valid")


def check_email(row: RowCheck, col: Column, value: Any) -> None:
    parsed = _text_email(value) if type(value) is str else parse_email(value)
    _check_parsed(row, col, parsed, "surel_tidak_valid")


# The parsers are pure: a requester who asks again types the same number and address.
_text_phone = lru_cache(maxsize=4096)(parse_phone)
_text_email = lru_cache(maxsize=4096)(parse_email)


def _check_parsed(row: RowCheck, col: Column, parsed: tuple[str | None, str | None], code: str) -> None:
    """The parser's message as a finding ``code``, else the parsed value kept for later rules."""
    found, msg = parsed
    if msg:
        row.add(col.key, code, pesan=msg)
    else:
        row.parsed[col.key] = found


def check_contact_present(row: RowCheck) -> None:
    """A request with neither phone nor e-mail cannot receive the written notice quickly."""
    if row.sheet_key != "permohonan" or not (row.has("telepon") and row.has("email")):
        return
    values = row.record.values
    if is_empty(values.get("telepon")) and is_empty(values.get("email")):
        row.add("telepon", "kontak_kosong")
