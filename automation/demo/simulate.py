"""Simulated staff work for the demo and the bench generator: fill each open stage row.

For every request whose scenario should get past its current step, the open row of that step
gets what staff would type there (dates, decisions, grounds, signatures); ``advance`` then moves
it.  Only empty cells are filled: what the workflow prefilled stays.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..changes import Changes
from ..reference import Klasifikasi, Persetujuan, StatusTahap, YaTidak, is_
from ..register import Record, Register
from ..schema import FIRST_DATA_ROW, STAGES, Sheet
from ..values import as_text
from ..workdays import WorkCalendar
from .data import Scenario

DONE = StatusTahap.SELESAI  # rows already moved on are not filled again
FORCE = "_force"  # values a mistake overwrites even when the cell is filled


def scenario_map(reg: Register, scenarios: list[Scenario]) -> dict[str, Scenario]:
    """Registration number -> scenario (intake rows were written in scenario order)."""
    out = {}
    for record in reg.records("permohonan"):
        index = record.row - FIRST_DATA_ROW
        number = as_text(record.get("no_registrasi"))
        if number and 0 <= index < len(scenarios):
            out[number] = scenarios[index]
    return out


def staff_fill(
    reg: Register, scenarios: list[Scenario], *, today: dt.date, calendar: WorkCalendar | None = None
) -> Changes:
    calendar = calendar or WorkCalendar.from_register(reg)
    by_reg = scenario_map(reg, scenarios)
    changes = Changes()
    for sheet in STAGES:
        if sheet.step in (1, 7):
            continue
        for record in reg.records(sheet.key):
            if is_(record.get("status_tahap"), DONE):
                continue
            scenario = by_reg.get(as_text(record.get("no_registrasi")))
            if scenario is None or scenario.target_step <= (sheet.step or 0):
                continue
            _fill_row(changes, reg, sheet, record, scenario, calendar=calendar, today=today)
    return changes


def _fill_row(
    changes: Changes,
    reg: Register,
    sheet: Sheet,
    record: Record,
    scenario: Scenario,
    *,
    calendar: WorkCalendar,
    today: dt.date,
) -> None:
    """What staff type on one row: empty cells filled; a deliberate mistake typed once (not every round)."""
    round_no = _round(reg, sheet.key, record)
    day = _step_day(scenario, sheet.step or 1, calendar, today, round_no)
    values = FILLERS[sheet.key](reg, record, scenario, day)
    values.update(legal_mistake(scenario, sheet.key, day, calendar, today, round_no))
    forced = values.pop(FORCE, {})
    for key, value in values.items():
        if key in reg.sheets[sheet.key].columns and record.get(key) in (None, ""):
            changes.set(sheet.key, record.row, key, value)
    for key, value in forced.items():
        if record.get(key) != value:
            changes.set(sheet.key, record.row, key, value)


def _round(reg: Register, sheet_key: str, record: Record) -> int:
    """1 for a request's first row on the sheet, 2 for the row of a revision round, ..."""
    number = as_text(record.get("no_registrasi"))
    return sum(
        1 for r in reg.records(sheet_key) if as_text(r.get("no_registrasi")) == number and r.row <= record.row
    )


def _step_day(s: Scenario, step: int, calendar: WorkCalendar, today: dt.date, round_no: int = 1) -> dt.date:
    """Step n happens n-1 working days after receipt; a revision round (and all after it) 2 days later."""
    later = 2 if s.revise_once and (round_no > 1 or step > 6) else 0
    day = calendar.add_working_days(calendar.effective_receipt(s.received), max(1, step - 1) + later)
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
        "draf_dik": (
            s.topic.bagian
            or ("Tidak ada usulan pengecualian" if outcome == Klasifikasi.TIDAK else s.topic.rincian)
        ),
    }


def _kajian(reg: Register, r: Record, s: Scenario, day: dt.date) -> dict[str, Any]:
    return {
        "tanggal_kajian": day,
        "termasuk_dip": YaTidak.TIDAK.value,
        "hasil_kajian": (
            "Informasi tidak tercantum dalam DIP; diusulkan uji konsekuensi oleh Tim Pertimbangan."
        ),
    }


def _klasifikasi(reg: Register, r: Record, s: Scenario, day: dt.date) -> dict[str, Any]:
    t = s.topic
    if t.outcome == Klasifikasi.TIDAK:
        return {"dikecualikan": Klasifikasi.TIDAK.value}
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
    members = reg.config.text("tim_pertimbangan")
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
        return {
            "keputusan_atasan": Persetujuan.REVISI.value,
            "nama_atasan": reg.config.text("nama_atasan"),
            "tanggal_persetujuan": day,
            "catatan_atasan": (
                "Uraikan konsekuensi secara lebih spesifik dan sebutkan jangka waktu yang jelas."
            ),
        }
    return {
        "keputusan_atasan": Persetujuan.DISETUJUI.value,
        "nama_atasan": reg.config.text("nama_atasan"),
        "tanggal_persetujuan": day,
    }


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
    return {
        "tanggal_diterima": day,
        "nama_penerima": s.values.get("nama_pemohon"),
        "cara_diterima": s.values.get("cara_salinan"),
    }


def _arsip(reg: Register, r: Record, s: Scenario, day: dt.date) -> dict[str, Any]:
    place = f"Lemari arsip PPID rak {1 + s.index % 6}; folder digital /arsip/{day.year}"
    return {"tanggal_arsip": day, "lokasi_arsip": place}


def legal_mistake(
    s: Scenario, sheet: str, day: dt.date, calendar: WorkCalendar, today: dt.date, round_no: int
) -> dict[str, Any]:
    """The values a legal-chain mistake puts in place of (or on top of) the correct ones."""
    before = calendar.add_working_days(day, -2)
    mistakes: dict[tuple[str, str], dict[str, Any]] = {
        ("keputusan_sebelum_persetujuan", "keputusan"): {
            "tanggal_keputusan": calendar.add_working_days(day, -3)
        },
        ("persetujuan_sebelum_uji", "persetujuan"): {"tanggal_persetujuan": before},
        ("persetujuan_tanpa_nomor_ba", "persetujuan"): {FORCE: {"nomor_ba": None}},
        ("kesimpulan_bertentangan", "berita_acara"): {
            "kesimpulan": "Informasi yang diuji tidak dikecualikan dan dapat dibuka seluruhnya."
        },
        ("arsip_hari_libur", "arsip"): {"tanggal_arsip": _next_sunday(day, today)},
        ("alasan_angka_lain", "klasifikasi"): {
            "dikecualikan": "YA",
            "pasal17": "17h3",
            "informasi_diuji": "Salinan rekam medis pasien rawat inap",
            "konsekuensi": "Membuka data pribadi pasien tanpa persetujuannya.",
            "kepentingan_publik": "Perlindungan data pribadi lebih besar.",
            "jenis_jangka_waktu": "Tidak terbatas",
        },
        ("jangka_tidak_terbatas", "klasifikasi"): {
            "dikecualikan": "YA",
            "pasal17": "17a1",
            "konsekuensi": "Menghambat penyidikan yang sedang berjalan.",
            "kepentingan_publik": "Penegakan hukum.",
            "jenis_jangka_waktu": "Peristiwa",
            "jangka_waktu": "tidak terbatas",
        },
        ("jangka_permanen", "klasifikasi"): {
            "dikecualikan": "YA",
            "pasal17": "17e4",
            "konsekuensi": "Rencana awal pembelian lahan memicu spekulasi harga tanah.",
            "kepentingan_publik": "Keuangan daerah.",
            "jenis_jangka_waktu": "Permanen",
        },
        ("akhir_sebelum_mulai", "klasifikasi"): {
            "dikecualikan": "YA",
            "pasal17": "17e4",
            "konsekuensi": "Rencana awal pembelian lahan memicu spekulasi harga tanah.",
            "kepentingan_publik": "Keuangan daerah.",
            "jenis_jangka_waktu": "Tanggal",
            "jangka_waktu": (day - dt.timedelta(days=365)).strftime("%d/%m/%Y"),
        },
    }
    if s.legal == "revisi_sebelum_permintaan" and sheet == "berita_acara" and round_no > 1:
        return {"tanggal_uji": calendar.add_working_days(day, -3)}
    values = mistakes.get((s.legal, sheet), {})
    return {FORCE: values} if sheet == "klasifikasi" and values else values


def _next_sunday(day: dt.date, today: dt.date) -> dt.date:
    sunday = day + dt.timedelta(days=6 - day.weekday())
    return sunday if sunday <= today else day


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


def intake_rows(
    scenarios: list[Scenario], *, today: dt.date | None = None, calendar: WorkCalendar | None = None
) -> list[dict[str, Any]]:
    """1 Permohonan rows; ``today`` (default: the last receipt) caps the extension notices' dates."""
    calendar = calendar or WorkCalendar()
    today = today or max((s.received.date() for s in scenarios), default=dt.date.min)
    rows = []
    for s in scenarios:
        values = dict(s.values)
        if s.extended:
            values.update(
                diperpanjang="Ya",
                alasan_perpanjangan=(
                    "Informasi masih dikumpulkan dari Perangkat Daerah dan memerlukan uji konsekuensi."
                ),
                tanggal_perpanjangan=_extension_day(s, calendar, today),
            )
        rows.append(values)
    return rows


def _extension_day(s: Scenario, calendar: WorkCalendar, today: dt.date) -> dt.date:
    """The notice goes out on the 3rd working day (within the first 10, before the decision);
    the demo's late-extension mistake records it 2 working days after the 10th."""
    start = calendar.effective_receipt(s.received)
    if s.legal == "perpanjangan_terlambat":
        return min(calendar.add_working_days(calendar.deadline(s.received, 10), 2), today)
    return max(min(calendar.add_working_days(start, 2), today), s.received.date())
