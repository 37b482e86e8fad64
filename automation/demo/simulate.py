"""Simulated staff work for the demo and the bench generator: fill each open stage row.

For every request whose scenario should get past its current step, the open row of that step
gets what staff would type there (dates, decisions, grounds, signatures); ``advance`` then moves
it.  Only empty cells are filled: what the workflow prefilled stays.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..changes import Changes
from ..register import Record, Register
from ..schema import FIRST_DATA_ROW, STAGES
from ..values import as_text
from ..workdays import WorkCalendar
from .data import Scenario

OPEN = "Selesai"


def scenario_map(reg: Register, scenarios: list[Scenario]) -> dict[str, Scenario]:
    """Registration number -> scenario (intake rows were written in scenario order)."""
    out = {}
    for record in reg.records("permohonan"):
        index = record.row - FIRST_DATA_ROW
        number = as_text(record.get("no_registrasi"))
        if number and 0 <= index < len(scenarios):
            out[number] = scenarios[index]
    return out


def staff_fill(reg: Register, scenarios: list[Scenario], *, today: dt.date, calendar: WorkCalendar | None = None) -> Changes:
    calendar = calendar or WorkCalendar.from_register(reg)
    by_reg = scenario_map(reg, scenarios)
    changes = Changes()
    for sheet in STAGES:
        if sheet.step in (1, 7):
            continue
        for record in reg.records(sheet.key):
            if as_text(record.get("status_tahap")) == OPEN:
                continue
            scenario = by_reg.get(as_text(record.get("no_registrasi")))
            if scenario is None or scenario.target_step <= (sheet.step or 0):
                continue
            day = _step_day(scenario, sheet.step or 1, calendar, today)
            values = FILLERS[sheet.key](reg, record, scenario, day)
            for key, value in values.items():
                if key in reg.sheets[sheet.key].columns and record.get(key) in (None, ""):
                    changes.set(sheet.key, record.row, key, value)
    return changes


def _step_day(s: Scenario, step: int, calendar: WorkCalendar, today: dt.date) -> dt.date:
    day = calendar.add_working_days(calendar.effective_receipt(s.received), max(1, step - 1))
    return min(day, today)


def _koordinasi(reg: Register, r: Record, s: Scenario, day: dt.date) -> dict[str, Any]:
    outcome = s.topic.outcome
    held = outcome if outcome in ("Tidak dikuasai", "Belum didokumentasikan") else "Dikuasai"
    return {
        "tanggal_koordinasi": day,
        "petugas_pd": "Sekretaris selaku PPID Pelaksana " + s.topic.pd,
        "status_penguasaan": held,
        "badan_publik_lain": s.topic.holder or None,
        "dokumen_terkait": "Dokumen sumber pada " + s.topic.pd,
        "draf_dik": s.topic.bagian or ("Tidak ada usulan pengecualian" if outcome == "TIDAK" else s.topic.rincian),
    }


def _kajian(reg: Register, r: Record, s: Scenario, day: dt.date) -> dict[str, Any]:
    return {
        "tanggal_kajian": day,
        "termasuk_dip": "Tidak",
        "hasil_kajian": "Informasi tidak tercantum dalam DIP; diusulkan uji konsekuensi oleh Tim Pertimbangan.",
    }


def _klasifikasi(reg: Register, r: Record, s: Scenario, day: dt.date) -> dict[str, Any]:
    t = s.topic
    if t.outcome == "TIDAK":
        return {"dikecualikan": "TIDAK"}
    kind, length = t.jangka
    if kind == "Tanggal":
        length = (day + dt.timedelta(days=730)).strftime("%d/%m/%Y")
    return {
        "dikecualikan": t.outcome,
        "pasal17": t.pasal,
        "uu_lain": t.uu_lain or None,
        "konsekuensi": t.konsekuensi,
        "kepentingan_publik": t.kepentingan,
        "jenis_jangka_waktu": kind,
        "jangka_waktu": length or None,
        "bagian_dikecualikan": t.bagian or None,
    }


def _berita_acara(reg: Register, r: Record, s: Scenario, day: dt.date) -> dict[str, Any]:
    members = str(reg.settings.get("tim_pertimbangan") or "")
    return {
        "tanggal_uji": day,
        "tempat_uji": "Ruang Rapat Diskominfo Provinsi Kalimantan Barat",
        "anggota_hadir": members,
        "kesimpulan": "Informasi yang diuji dinyatakan dikecualikan sebagaimana tercantum dalam tabel.",
    }


def _persetujuan(reg: Register, r: Record, s: Scenario, day: dt.date) -> dict[str, Any]:
    number = as_text(r.get("no_registrasi"))
    rounds = sum(1 for x in reg.records("persetujuan") if as_text(x.get("no_registrasi")) == number)
    if s.revise_once and rounds == 1:
        return {"keputusan_atasan": "Revisi", "nama_atasan": reg.settings.get("nama_atasan"), "tanggal_persetujuan": day,
                "catatan_atasan": "Uraikan konsekuensi secara lebih spesifik dan sebutkan jangka waktu yang jelas."}
    return {"keputusan_atasan": "Disetujui", "nama_atasan": reg.settings.get("nama_atasan"), "tanggal_persetujuan": day}


def _keputusan(reg: Register, r: Record, s: Scenario, day: dt.date) -> dict[str, Any]:
    hard = "hardcopy" in str(s.values.get("cara_memperoleh", ""))
    return {
        "bentuk_informasi": "Hardcopy" if hard else "Softcopy",
        "cara_penyampaian": s.values.get("cara_salinan") or "Surel",
        "biaya": 15000 if hard else 0,
        "waktu_penyediaan": 3 if hard else 1,
        "tanggal_keputusan": day,
        "tanggal_penyampaian": day,
    }


def _tanda_terima(reg: Register, r: Record, s: Scenario, day: dt.date) -> dict[str, Any]:
    return {"tanggal_diterima": day, "nama_penerima": s.values.get("nama_pemohon"), "cara_diterima": s.values.get("cara_salinan")}


def _arsip(reg: Register, r: Record, s: Scenario, day: dt.date) -> dict[str, Any]:
    values: dict[str, Any] = {"tanggal_arsip": day, "lokasi_arsip": f"Lemari arsip PPID rak {1 + s.index % 6}; folder digital /arsip/{day.year}"}
    if s.topic.outcome == "YA" and s.index % 2 == 0:
        values.update(tanggal_keberatan=day, alasan_keberatan="a. Penolakan berdasarkan Pasal 17")
    return values


FILLERS = {
    "koordinasi": _koordinasi,
    "kajian": _kajian,
    "klasifikasi": _klasifikasi,
    "berita_acara": _berita_acara,
    "persetujuan": _persetujuan,
    "keputusan": _keputusan,
    "tanda_terima": _tanda_terima,
    "arsip": _arsip,
}


def intake_rows(scenarios: list[Scenario]) -> list[dict[str, Any]]:
    rows = []
    for s in scenarios:
        values = dict(s.values)
        if s.extended:
            values.update(diperpanjang="Ya", alasan_perpanjangan="Informasi masih dikumpulkan dari Perangkat Daerah dan memerlukan uji konsekuensi.")
        rows.append(values)
    return rows
