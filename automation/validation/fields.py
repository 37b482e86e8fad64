"""Rules on single cells that need no domain knowledge: required, choices, numbers."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from ..reference import fold
from ..schema import Column, Need, T
from ..values import as_text, parse_int, parse_money, short
from .codes import REQUIRED_CODES
from .row import RowCheck


@lru_cache(maxsize=4096)  # choices repeat down a column: "Selesai", "Ya", a unit's name
def normalise(text: str) -> str:
    """Comparison form of a choice: the one fold of controlled values (``automation.reference.fold``)."""
    return fold(text)


def check_required(row: RowCheck, col: Column) -> None:
    """An empty cell of a column that is required for this row (Need + When of the schema)."""
    if not col.required_for(row.record.values, completing=row.completing):
        return
    code = REQUIRED_CODES.get(col.key, "wajib_diisi")
    parts = []
    if col.when is not None:
        parts.append(" " + col.when.describe(_headers(row)))
    if col.need is Need.COMPLETE:
        parts.append(" sebelum tahap ini selesai")
    row.add(col.key, code, syarat="".join(parts))


def _headers(row: RowCheck) -> dict[str, str]:
    return {c.key: row.data.header(c.key) for c in row.data.spec.columns}


def check_choice(row: RowCheck, col: Column, value: Any) -> None:
    allowed = row.ctx.choices.get(col.choices or "", {})
    text = as_text(value)
    if not allowed or normalise(text) in allowed:
        return
    best = process.extractOne(text, list(allowed.values()), scorer=fuzz.WRatio, score_cutoff=80)
    saran = f" Mungkin maksudnya '{best[0]}'?" if best else ""
    row.add(col.key, "pilihan_tidak_dikenal", nilai=short(text), saran=saran)


def check_number(row: RowCheck, col: Column, value: Any) -> None:
    number, msg = (parse_money if col.type is T.MONEY else parse_int)(value)
    if msg:
        row.add(col.key, "angka_tidak_terbaca", pesan=msg)
    elif number is not None and number < 0:
        row.add(col.key, "angka_negatif", nilai=str(number))
    else:
        row.parsed[col.key] = number
