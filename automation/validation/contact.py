"""Contact rules: phone and e-mail formats, and a way to reach the requester."""

from __future__ import annotations

from typing import Any

from ..schema import Column
from ..values import is_empty, parse_email, parse_phone
from .row import RowCheck


def check_phone(row: RowCheck, col: Column, value: Any) -> None:
    number, msg = parse_phone(value)
    if msg:
        row.add(col.key, "telepon_tidak_valid", pesan=msg)
    else:
        row.parsed[col.key] = number


def check_email(row: RowCheck, col: Column, value: Any) -> None:
    address, msg = parse_email(value)
    if msg:
        row.add(col.key, "surel_tidak_valid", pesan=msg)
    else:
        row.parsed[col.key] = address


def check_contact_present(row: RowCheck) -> None:
    """A request with neither phone nor e-mail cannot receive the written notice quickly."""
    if row.sheet_key != "permohonan" or not (row.has("telepon") and row.has("email")):
        return
    values = row.record.values
    if is_empty(values.get("telepon")) and is_empty(values.get("email")):
        row.add("telepon", "kontak_kosong")
