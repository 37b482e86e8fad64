"""Rules across rows: registration numbers unique, and every stage row tied to a request."""

from __future__ import annotations

from ..findings import Finding
from ..register import Register, SheetData
from ..schema import PERMOHONAN
from ..values import as_text, is_empty
from .codes import level, message

KEY = "no_registrasi"
OPTIONAL_LINK = frozenset({"register_dik"})  # DIK entries may come from a test held before any request


def _finding(data: SheetData, row: int, code: str, **fields: str) -> Finding:
    return Finding(
        data.name, row, data.header(KEY), code, message(code, **fields), key=KEY, level=level(code)
    )


def _usable(data: SheetData | None) -> bool:
    return data is not None and data.present and KEY in data.columns and KEY not in data.missing


def known_numbers(reg: Register) -> set[str] | None:
    """Registration numbers on 1 Permohonan, or None when they cannot be read."""
    data = reg.sheets.get(PERMOHONAN.key)
    if not _usable(data):
        return None
    assert data is not None
    return {as_text(r.values.get(KEY)) for r in data.records} - {""}


def duplicate_numbers(data: SheetData) -> list[Finding]:
    """Every row whose registration number is also on another row of 1 Permohonan."""
    if not _usable(data):
        return []
    rows: dict[str, list[int]] = {}
    for record in data.records:
        number = as_text(record.values.get(KEY))
        if number:
            rows.setdefault(number, []).append(record.row)
    out = []
    for number, where in rows.items():
        for row in where if len(where) > 1 else ():
            others = ", ".join(str(r) for r in where if r != row)
            out.append(_finding(data, row, "nomor_registrasi_ganda", nilai=number, baris_lain=others))
    return out


def dangling_rows(data: SheetData, known: set[str] | None) -> list[Finding]:
    """Stage rows (not blank) whose registration number is empty or not on 1 Permohonan."""
    if known is None or not _usable(data) or data.spec.key == PERMOHONAN.key:
        return []
    out = []
    for record in data.records:
        number = as_text(record.values.get(KEY))
        if not number:
            if data.spec.key not in OPTIONAL_LINK and not all(is_empty(v) for v in record.values.values()):
                out.append(_finding(data, record.row, "nomor_registrasi_kosong"))
        elif number not in known:
            out.append(
                _finding(data, record.row, "referensi_tidak_ada", nilai=number, lembar=PERMOHONAN.name)
            )
    return out
