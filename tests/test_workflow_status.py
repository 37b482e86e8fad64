"""Status everywhere: deadlines, precedents from Register DIK, the Beranda block, timeline, new year."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from test_workflow_kit import MONDAY, advance, intake_of, intake_row, numbers, register, rows_of

from automation.errors import UsageError
from automation.newyear import plan_new_year
from automation.workflow import home_rows, plan_advance, timeline
from automation.workflow.routes import FINISHED

NUMBER = "PPID-KOMINFO/2026/07/0001"
CONTEXT = {
    "no_registrasi": NUMBER,
    "nama_pemohon": "Budi Santoso",
    "rincian_informasi": "Daftar gaji pegawai",
}


def registered(**overrides: object) -> dict[str, object]:
    """An intake row already moved to 2 Koordinasi."""
    return intake_row("Daftar gaji pegawai", no_registrasi=NUMBER, status_tahap="Selesai", **overrides)


def at_coordination(**intake: object):
    return register([registered(**intake)], koordinasi=[{**CONTEXT, "status_tahap": "Dalam proses"}])


@pytest.mark.parametrize(
    ("today", "state", "used"),
    [
        (date(2026, 7, 15), "Tepat waktu", 7),
        (date(2026, 7, 16), "Mendekati batas", 8),  # 2 working days left = ambang_mendekati
        (date(2026, 7, 20), "Mendekati batas", 10),  # the last day
        (date(2026, 7, 21), "Lewat batas", 11),
    ],
)
def test_status_waktu_counts_working_days(today: date, state: str, used: int) -> None:
    reg = at_coordination()
    advance(reg, today)
    row = intake_of(reg, NUMBER)
    assert (row.get("batas_waktu"), row.get("status_waktu"), row.get("hari_kerja_terpakai")) == (
        date(2026, 7, 20),
        state,
        used,
    )
    assert row.get("tahap_saat_ini") == "2 Koordinasi"
    assert "holidays" in row.get("kalender")


def test_extension_adds_seven_working_days_everywhere() -> None:
    reg = at_coordination(diperpanjang="Ya", alasan_perpanjangan="Dokumen tersebar di tiga bidang.")
    advance(reg, date(2026, 7, 21))
    assert intake_of(reg, NUMBER).get("batas_waktu") == date(2026, 7, 29)
    assert intake_of(reg, NUMBER).get("status_waktu") == "Tepat waktu"
    assert rows_of(reg, "koordinasi", NUMBER)[0].get("batas_waktu") == date(2026, 7, 29)


def test_after_hours_receipt_counts_from_the_next_working_day() -> None:
    reg = at_coordination(waktu_diterima=datetime(2026, 7, 10, 17, 0))
    advance(reg, date(2026, 7, 13))
    assert intake_of(reg, NUMBER).get("batas_waktu") == date(2026, 7, 27)


@pytest.mark.parametrize(
    ("decided", "state"),
    [(date(2026, 7, 20), "Selesai tepat waktu"), (date(2026, 7, 21), "Selesai terlambat")],
)
def test_decided_requests_stop_the_clock(decided: date, state: str) -> None:
    reg = register(
        [registered()],
        keputusan=[{**CONTEXT, "jenis_keputusan": "Tidak dikuasai", "tanggal_keputusan": decided}],
    )
    advance(reg, date(2026, 8, 10))
    assert intake_of(reg, NUMBER).get("status_waktu") == state


def test_values_read_back_in_other_types_are_not_rewritten() -> None:
    reg = at_coordination()
    changes, _ = plan_advance(reg, today=date(2026, 7, 15), now=datetime(2026, 7, 15, 9))
    for (key, row), values in changes.cells.items():
        rec = next(r for r in reg.records(key) if r.row == row)
        for col, value in values.items():
            if isinstance(value, date):
                value = datetime.combine(value, datetime.min.time())  # calamine gives a datetime at midnight
            elif isinstance(value, int):
                value = float(value)  # and numbers as float
            rec.values[col] = value
    assert isinstance(intake_of(reg, NUMBER).get("batas_waktu"), datetime)
    again, _ = plan_advance(reg, today=date(2026, 7, 15), now=datetime(2026, 7, 15, 9))
    assert not again


def test_stage_row_added_by_staff_gets_status_and_waits_for_its_data() -> None:
    reg = at_coordination()
    reg.records("koordinasi")[0].values["status_tahap"] = None
    changes, summary = plan_advance(reg, today=MONDAY, now=datetime(2026, 7, 6, 9))
    cell = changes.cells[("koordinasi", 7)]
    assert cell["status_tahap"] == "Dalam proses"
    assert "'Tanggal Koordinasi'" in cell["catatan"] and "'Status Penguasaan'" in cell["catatan"]
    assert summary.blocked == 1


# ---------------------------------------------------------------- precedent (SOP step 7 -> step 3)
DIK_ROW = {
    "no_dik": "DIK-2026-003",
    "no_registrasi": "PPID-KOMINFO/2026/01/0001",
    "informasi": "Daftar gaji dan tunjangan pegawai Dinas Kominfo",
    "perangkat_daerah": "Dinas Komunikasi dan Informatika",
    "pasal17": "17h3",
    "konsekuensi": "Membuka data keuangan pribadi.",
    "kepentingan_publik": "Perlindungan data pribadi.",
    "jenis_jangka_waktu": "Tanggal",
    "jangka_waktu": "31/12/2027",
    "tanggal_mulai": date(2026, 1, 20),
    "berlaku_sampai": date(2027, 12, 31),
    "nomor_ba": "001/BA-UK/PPID-DISKOMINFO/I/2026",
    "status_dik": "Berlaku",
}


def test_intake_notes_the_closest_active_exemption() -> None:
    reg = register(
        [intake_row("daftar gaji pegawai dinas kominfo"), intake_row("jadwal pelantikan pejabat")],
        register_dik=[DIK_ROW],
    )
    advance(reg)
    first, second = reg.records("permohonan")
    assert first.get("preseden_dik").startswith("mirip DIK-2026-003 (skor ")
    assert first.get("preseden_dik").endswith(
        ", BA no. 001/BA-UK/PPID-DISKOMINFO/I/2026, berlaku s.d. 31/12/2027"
    )
    assert second.get("preseden_dik") is None


def test_review_rows_get_the_precedent_too() -> None:
    reg = register(
        [registered(rincian_informasi="Daftar gaji pegawai dinas kominfo")],
        kajian=[
            {
                **CONTEXT,
                "rincian_informasi": "Daftar gaji pegawai dinas kominfo",
                "status_tahap": "Dalam proses",
            }
        ],
        register_dik=[DIK_ROW],
    )
    advance(reg)
    assert rows_of(reg, "kajian", NUMBER)[0].get("preseden_dik").startswith("mirip DIK-2026-003")
    assert intake_of(reg, NUMBER).get("preseden_dik") is None  # past intake: left as it was


def test_ended_exemption_is_flagged_for_a_new_test_and_no_longer_counts() -> None:
    ended = {**DIK_ROW, "berlaku_sampai": date(2026, 6, 30)}
    reg = register([intake_row("daftar gaji pegawai dinas kominfo")], register_dik=[ended])
    changes, summary = advance(reg)
    assert reg.records("register_dik")[0].get("status_dik") == "Perlu uji ulang"
    assert summary.dik_retest == ["DIK-2026-003"]
    assert any(r["ke"] == "Perlu uji ulang" for r in changes.log)
    told = reg.records("permohonan")[0].get("preseden_dik")  # no longer a reference, but the request is told
    assert told.endswith(
        "masa pengecualian berakhir 30/06/2026: bukan acuan, topik ini perlu uji konsekuensi ulang"
    )


@pytest.mark.parametrize(("threshold", "found"), [(70, True), (90.0, False), ("80", True)])
def test_precedent_threshold_comes_from_settings(threshold: object, found: bool) -> None:
    reg = register([intake_row("tunjangan pegawai dinas pendidikan")], register_dik=[DIK_ROW])  # score 86
    reg.settings["ambang_preseden"] = threshold
    advance(reg)
    assert (reg.records("permohonan")[0].get("preseden_dik") is not None) is found


# ---------------------------------------------------------------- Beranda, timeline, new year
def test_home_rows_count_steps_and_list_overdue_numbers_only() -> None:
    reg = at_coordination()
    rows = home_rows(reg, today=date(2026, 7, 22))
    assert ["2 Koordinasi", 1, 1, 0] in rows
    overdue = rows[
        rows.index(["Nomor Registrasi", "Tahap Saat Ini", "Batas Waktu", "Hari Kerja Terpakai"]) + 1
    ]
    assert overdue == [NUMBER, "2 Koordinasi", date(2026, 7, 20), 12]
    flat = " ".join(str(c) for row in rows for c in row)
    assert "Budi" not in flat and "6171" not in flat
    assert all(len(row) <= 6 for row in rows)


def test_advance_writes_the_home_block_only_with_other_changes() -> None:
    reg = register([intake_row()])
    changes, _ = advance(reg)
    assert changes.home and ["2 Koordinasi", 1, 0, 0] in changes.home
    again, _ = plan_advance(reg, today=MONDAY, now=datetime(2026, 7, 6, 9))
    assert again.home is None


def test_timeline_of_an_unknown_number_is_a_usage_error() -> None:
    reg = at_coordination()
    with pytest.raises(UsageError, match="tidak ditemukan"):
        timeline(reg, "PPID-KOMINFO/2026/07/9999")
    entries = timeline(reg, NUMBER)
    assert [e.sheet for e in entries] == ["1 Permohonan", "2 Koordinasi"]
    assert entries[1].status == "Dalam proses"


def test_new_year_carries_open_requests_and_exemptions_in_force() -> None:
    done = "PPID-KOMINFO/2026/07/0002"
    reg = register(
        [registered(), intake_row(no_registrasi=done, status_tahap="Selesai"), intake_row("belum bernomor")],
        koordinasi=[{**CONTEXT, "status_tahap": "Dalam proses"}],
        arsip=[{"no_registrasi": done, "status_tahap": "Selesai", "diteruskan_ke": FINISHED}],
        register_dik=[
            DIK_ROW,
            {**DIK_ROW, "no_dik": "DIK-2026-004", "status_dik": "Dibuka"},
            {**DIK_ROW, "no_dik": "DIK-2026-005", "berlaku_sampai": date(2026, 12, 31)},
        ],
    )
    plan = plan_new_year(reg, 2027)
    assert [r["no_registrasi"] for r in plan["permohonan"]] == [NUMBER, None]
    assert [r["no_registrasi"] for r in plan["koordinasi"]] == [NUMBER]
    assert plan["arsip"] == []
    assert [(r["no_dik"], r["status_dik"]) for r in plan["register_dik"]] == [
        ("DIK-2026-003", "Berlaku"),
        ("DIK-2026-005", "Perlu uji ulang"),
    ]
    assert "catatan_validasi" not in plan["permohonan"][0]


def test_new_year_keeps_the_items_an_open_approval_needs() -> None:
    items = [
        {
            **CONTEXT,
            "informasi_diuji": "Gaji",
            "dikecualikan": "YA",
            "status_tahap": "Selesai",
            "diteruskan_ke": "5 Berita Acara",
        }
    ]
    reg = register(
        [registered()],
        klasifikasi=items,
        berita_acara=[{**CONTEXT, "status_tahap": "Selesai"}],
        persetujuan=[{**CONTEXT, "status_tahap": "Dalam proses"}],
    )
    plan = plan_new_year(reg, 2027)
    assert len(plan["klasifikasi"]) == 1 and len(plan["persetujuan"]) == 1 and plan["berita_acara"] == []


def test_registration_numbers_follow_the_pattern_setting() -> None:
    reg = register([intake_row()])
    reg.settings["pola_registrasi"] = "REG-{seq:03d}/{romawi}/{tahun}"
    advance(reg)
    assert numbers(reg) == ["REG-001/VII/2026"]
