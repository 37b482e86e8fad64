"""``ppid status``: one request's history, step by step (date, actor, status, note)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..errors import UsageError
from ..register import Record, Register
from ..schema import SHEET_BY_KEY
from ..values import as_text, parse_datetime, short
from .objections import day_of, status_of
from .precedent import validity_text
from .routes import DIK, DONE, FINISHED, INTAKE, NAME, OPEN, REQUEST_SHEETS, STEP, is_done
from .state import reg_no as number_of

# The date that tells when each step happened, and the column naming who acted (if any).
# 4 Klasifikasi has no date of its own: its Tanggal Selesai is the day `advance` forwarded the row,
# not the day the classification was made, so it only orders the step and is not shown.
EVENT_DATE = {
    "permohonan": "waktu_diterima",
    "koordinasi": "tanggal_koordinasi",
    "kajian": "tanggal_kajian",
    "klasifikasi": "",
    "berita_acara": "tanggal_uji",
    "persetujuan": "tanggal_persetujuan",
    "register_dik": "tanggal_mulai",
    "keputusan": "tanggal_keputusan",
    "tanda_terima": "tanggal_diterima",
    "arsip": "tanggal_arsip",
    "keberatan": "tanggal_keberatan",
}
ACTOR = {"koordinasi": "petugas_pd", "persetujuan": "nama_atasan", "tanda_terima": "nama_penerima"}
# Columns worth a glance per step (no personal data).
DETAILS = {
    "permohonan": ("rincian_informasi", "preseden_dik"),
    "koordinasi": ("status_penguasaan", "badan_publik_lain"),
    "kajian": ("hasil_kajian", "preseden_dik"),
    "klasifikasi": ("informasi_diuji", "dikecualikan", "pasal17", "catatan_atasan"),
    "berita_acara": ("nomor_ba", "kesimpulan"),
    "persetujuan": ("keputusan_atasan", "catatan_atasan"),
    "keputusan": ("jenis_keputusan", "nomor_surat"),
    "tanda_terima": ("nomor_tanda_terima",),
    "arsip": ("lokasi_arsip",),
    "keberatan": ("alasan_keberatan", "putusan_keberatan", "status_waktu", "putusan_sengketa"),
}
OBJECTIONS = "keberatan"  # after the SOP: listed after step 10, its status is Status Keberatan


@dataclass(frozen=True)
class TimelineEntry:
    step: int
    sheet: str
    date: date | datetime | None
    actor: str
    status: str
    note: str

    def cells(self) -> list[str]:
        """Tahap, Tanggal, Pelaksana, Status, Catatan, as printed by ``ppid status``."""
        when = as_text(self.date) if self.date is not None else ""
        return [self.sheet, when, self.actor, self.status, self.note]


def timeline(reg: Register, reg_no: str) -> list[TimelineEntry]:
    """Every row of the request on 1-10 in the order the steps happened; unknown number -> UsageError."""
    wanted = as_text(reg_no)
    found: list[tuple[Any, str, Record]] = []
    for key in (INTAKE, *REQUEST_SHEETS, DIK, OBJECTIONS):
        found.extend((_sort_key(key, rec), key, rec) for rec in reg.records(key) if number_of(rec) == wanted)
    if not any(key == INTAKE for _, key, _ in found):
        raise UsageError(f"Nomor registrasi {wanted or '(kosong)'} tidak ditemukan di lembar 1 Permohonan.")
    found.sort(key=lambda item: item[0])
    return [_entry(key, rec) for _, key, rec in found]


def _event(key: str, rec: Record) -> datetime | None:
    """The step's own date (what staff entered), None when it has none."""
    column = EVENT_DATE[key]
    return parse_datetime(rec.get(column))[0] if column else None


def _sort_key(key: str, rec: Record) -> tuple[int, datetime, int, int]:
    when = _event(key, rec) or parse_datetime(rec.get("tanggal_selesai"))[0]  # the day it was forwarded
    return (0 if key == INTAKE else 1, when or datetime.max, STEP.get(key, 11), rec.row)


def _entry(key: str, rec: Record) -> TimelineEntry:
    when = _event(key, rec)
    shown: date | datetime | None = when
    if when is not None and key != INTAKE:
        shown = when.date()
    name = NAME.get(key, SHEET_BY_KEY[key].name)
    return TimelineEntry(STEP.get(key, 11), name, shown, _actor(key, rec), _status(key, rec), _note(key, rec))


def _actor(key: str, rec: Record) -> str:
    column = ACTOR.get(key)
    if column and as_text(rec.get(column)):
        return as_text(rec.get(column))
    role = SHEET_BY_KEY[key].actor
    return role.removeprefix("Pelaksana: ").split(";")[0].split(" (")[0]


def _status(key: str, rec: Record) -> str:
    if key == DIK:
        return as_text(rec.get("status_dik"))
    if key == OBJECTIONS:  # worked out from its dates, as advance would write it
        days = (
            day_of(rec.get(k))
            for k in (
                "tanggal_keberatan",
                "tanggal_tanggapan",
                "tanggal_sengketa",
                "tanggal_putusan_sengketa",
            )
        )
        return status_of(rec, *days) or OPEN
    if is_done(rec.values):
        target = as_text(rec.get("diteruskan_ke"))
        if target == FINISHED:
            return FINISHED
        return f"{DONE} → {target}" if target else DONE
    return as_text(rec.get("status_tahap")) or OPEN


def _note(key: str, rec: Record) -> str:
    spec = SHEET_BY_KEY[key]
    if key == DIK:
        parts = [f"{as_text(rec.get('no_dik'))}: {short(rec.get('informasi'), 60)}", validity_text(rec)]
    else:
        parts = [
            f"{spec.column(c).header}: {short(rec.get(c), 60)}" for c in DETAILS[key] if as_text(rec.get(c))
        ]
    if key != DIK and as_text(rec.get("catatan")):
        parts.append(as_text(rec.get("catatan")))
    return "; ".join(parts)
