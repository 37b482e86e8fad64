"""Contexts of the keberatan letters: the tanda terima keberatan and the Atasan PPID's tanggapan."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..clocks import Rules
from ..objections import Limits, objection, requests_of
from ..reference import PUTUSAN_KEBERATAN, PutusanKeberatan, canonical
from ..validation.objections import issues
from ..values import as_text
from . import bahasa
from .parties import carried, requester
from .sources import EMPTY, Row, Sources

ACCEPTED, REJECTED, AGREED = PUTUSAN_KEBERATAN


def _clock(src: Sources, row: Row) -> tuple[Any, Limits]:
    """The Keberatan row's clocks; its impossible dates become problems (a letter waits for them)."""
    rules = Rules.of(src.reg)
    limits = Limits.of(src.reg)
    request = requests_of(src.reg, rules).get(row.text("no_registrasi", default=""))
    if request is None:
        row.problems.append(
            f"permohonan {row.text('no_registrasi', default='')} tidak ditemukan pada lembar 1 Permohonan"
        )
    obj = objection(row.record, request, rules, limits)
    for key, code, _fields in issues(obj, limits):
        if code in ("keberatan_urutan_tanggal", "keberatan_tanpa_penolakan", "keberatan_tidak_lengkap"):
            row.problems.append(
                f"kolom {row.label(key)} belum benar (lihat Catatan Validasi; jalankan Periksa isian)"
            )
    return obj, limits


def _common(src: Sources, row: Row) -> dict[str, Any]:
    return {
        "no_registrasi": row.text("no_registrasi", required=True),
        "nama_pemohon": carried(src, row, "nama_pemohon", required=True),
        "rincian_informasi": carried(src, row, "rincian_informasi", required=True),
        **requester(src, row, need_address=True),
        "alasan_keberatan": row.text("alasan_keberatan", required=True),
        "uraian_keberatan": row.text("uraian_keberatan", default=""),
    }


def tanda_terima_keberatan(src: Sources, row: Row, today: date) -> tuple[dict[str, Any], date | None]:
    filed = row.date("tanggal_keberatan", required=True)
    obj, limits = _clock(src, row)
    return {
        **_common(src, row),
        "tanggal_keberatan": bahasa.hari_tanggal(filed) if filed else EMPTY,
        "batas_tanggapan": bahasa.tanggal(obj.answer_due) if obj.answer_due else EMPTY,
        "lama_tanggapan": bahasa.hari_kerja(limits.answer),
    }, filed


def tanggapan_keberatan(src: Sources, row: Row, today: date) -> tuple[dict[str, Any], date | None]:
    answered = row.date("tanggal_tanggapan", required=True)
    filed = row.date("tanggal_keberatan", required=True)
    verdict = canonical(PutusanKeberatan, row.text("putusan_keberatan", required=True, default=""))
    if as_text(row.raw("putusan_keberatan")) and verdict is None:
        row.problems.append(f"kolom {row.label('putusan_keberatan')} berisi nilai yang tidak dikenal")
    reasons = row.text("pertimbangan_atasan", required=verdict == REJECTED, default="")
    _obj, limits = _clock(src, row)  # its impossible dates stop the letter
    return {
        **_common(src, row),
        "nomor_keberatan": as_text(src.value("keberatan", row.record, "nomor_tanda_keberatan")) or EMPTY,
        "tanggal_keberatan": bahasa.tanggal(filed) if filed else EMPTY,
        "diterima": verdict == ACCEPTED,
        "ditolak": verdict == REJECTED,
        "kesepakatan": verdict == AGREED,
        "pertimbangan": reasons,
        "lama_sengketa": bahasa.hari_kerja(limits.dispute),
    }, answered
