"""Helpers shared by the workflow tests (no tests here): staff rows, one advance run, staff typing."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from _factories import make_register

from automation.changes import Changes
from automation.memory import apply_changes
from automation.register import Record, Register
from automation.workflow import AdvanceSummary, plan_advance
from automation.workflow.routes import REQUEST_SHEETS, is_done

MONDAY = date(2026, 7, 6)
NOW = datetime(2026, 7, 6, 9, 0)


def intake_row(
    rincian: str = "Salinan kontrak pengadaan server tahun 2025", **overrides: Any
) -> dict[str, Any]:
    """A 1 Permohonan row as the Tim Kerja types it: complete at entry level, no number yet."""
    row = {
        "waktu_diterima": datetime(2026, 7, 6, 8, 30),
        "saluran": "Datang langsung",
        "kategori_pemohon": "Perorangan",
        "nama_pemohon": "Budi Santoso",
        "jenis_identitas": "KTP",
        "nik": "6171014506900001",
        "alamat": "Jl. Gajah Mada No. 1, Pontianak",
        "telepon": "081234567890",
        "rincian_informasi": rincian,
        "tujuan": "Penelitian",
        "cara_memperoleh": "Mendapatkan salinan (softcopy)",
        "perangkat_daerah": "Dinas Komunikasi dan Informatika",
    }
    row.update(overrides)
    return row


def register(intake: list[dict[str, Any]], **rows: list[dict[str, Any]]) -> Register:
    return make_register({"permohonan": intake, **rows})


def advance(reg: Register, today: date = MONDAY, **kw: Any) -> tuple[Changes, AdvanceSummary]:
    """One ``advance`` run applied to the in-memory register (as the writers would place it)."""
    now = datetime.combine(today, time(9, 0))
    changes, summary = plan_advance(reg, today=today, now=now, **kw)
    apply_changes(reg, changes)
    return changes, summary


def rows_of(reg: Register, key: str, number: str) -> list[Record]:
    return [r for r in reg.records(key) if str(r.get("no_registrasi") or "") == number]


def open_sheets(reg: Register, number: str) -> list[str]:
    return [k for k in REQUEST_SHEETS if any(not is_done(r.values) for r in rows_of(reg, k, number))]


def type_in(reg: Register, key: str, number: str, **values: Any) -> None:
    """Staff fill the open rows of a request on one sheet."""
    rows = [r for r in rows_of(reg, key, number) if not is_done(r.values)]
    assert rows, f"no open row of {number} on {key}"
    for rec in rows:
        rec.values.update(values)


def numbers(reg: Register) -> list[str]:
    return [str(r.get("no_registrasi")) for r in reg.records("permohonan") if r.get("no_registrasi")]


def intake_of(reg: Register, number: str) -> Record:
    (rec,) = rows_of(reg, "permohonan", number)
    return rec
