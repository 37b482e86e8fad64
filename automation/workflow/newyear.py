"""Year rollover: which rows of the old register start the new one (open requests, DIK in force)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import UsageError
from ..register import Record, Register
from ..schema import SHEET_BY_KEY
from ..values import parse_date
from ..workdays import MAX_YEAR, MIN_YEAR
from .items import latest_round
from .objections import carry_open as carry_open_objections
from .precedent import RETEST, in_force
from .routes import DIK, FINISHED, INTAKE, REQUEST_SHEETS
from .state import collect

DROPPED = frozenset({"catatan_validasi", "kolom_bermasalah"})  # recomputed by validate in the new file
ROUND_NEEDED = ("berita_acara", "persetujuan")  # approval reads the tested items of sheet 4
DECISION_NEEDED = ("tanda_terima", "arsip")  # Status Waktu reads Tanggal Keputusan of sheet 8


def plan_new_year(old: Register, year: int) -> dict[str, list[dict[str, Any]]]:
    """Rows for the new register by sheet key, in the old row order; the old register is not changed.

    Carried: every request not yet archived (its 1 Permohonan row, its open rows, and the closed
    rows its next moves read: the tested items at steps 5-6, the decision at steps 9-10), rows
    at intake without a number, and Register DIK entries in force.  An entry whose period ended
    before 1 January of ``year`` is carried as "Perlu uji ulang".
    """
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise UsageError(f"Tahun {year} tidak masuk akal untuk register baru.")
    registry = collect(old)
    picked: dict[str, dict[int, Record]] = {key: {} for key in (INTAKE, *REQUEST_SHEETS)}
    for rec in registry.unnumbered_intake:
        picked[INTAKE][rec.row] = rec
    for request in registry.requests.values():
        current = request.current
        if current == FINISHED:
            continue
        own = [request.intake] if request.intake is not None else []
        picked[INTAKE].update((r.row, r) for r in [*own, *request.duplicates])
        for key in request.open_sheets():
            picked[key].update((r.row, r) for r in request.open_rows(key))
        if current in ROUND_NEEDED:
            picked["klasifikasi"].update((r.row, r) for r in latest_round(request))
        if current in DECISION_NEEDED and request.on("keputusan"):
            last = request.on("keputusan")[-1]
            picked["keputusan"][last.row] = last
    out = {key: [_values(key, rows[n]) for n in sorted(rows)] for key, rows in picked.items()}
    out[DIK] = [_entry(rec, year) for rec in old.records(DIK) if in_force(rec)]
    carry_open_objections(old, out)
    return out


def _values(key: str, rec: Record) -> dict[str, Any]:
    return {k: rec.values.get(k) for k in SHEET_BY_KEY[key].keys if k not in DROPPED}


def _entry(rec: Record, year: int) -> dict[str, Any]:
    values = _values(DIK, rec)
    until, _error = parse_date(rec.get("berlaku_sampai"))
    if until is not None and until < date(year, 1, 1):
        values["status_dik"] = RETEST
    return values
