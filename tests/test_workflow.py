"""The SOP path, read like the SOP: intake -> coordination -> review -> classification -> ... -> archive."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from test_workflow_kit import (
    MONDAY,
    NOW,
    advance,
    intake_of,
    intake_row,
    numbers,
    open_sheets,
    register,
    rows_of,
    type_in,
)

from automation.register import Record, Register
from automation.workdays import WorkCalendar
from automation.workflow import plan_advance, timeline
from automation.workflow.routes import FINISHED

CAL = WorkCalendar()
SETTINGS_ATASAN = "Samuel, S.E., M.Si."


def day(n: int) -> date:
    """The n-th working day after the Monday the requests arrive."""
    return CAL.add_working_days(MONDAY, n)


def run(reg: Register, n: int) -> list[str]:
    """Advance on working day n, check the run is idempotent and the one-step invariant holds."""
    changes, summary = advance(reg, day(n))
    again, _ = plan_advance(reg, today=day(n), now=NOW)
    assert not again, f"second run on day {n} still changes {again.cells or again.appends or again.log}"
    for number in numbers(reg):
        assert len(open_sheets(reg, number)) <= 1, number
    return summary.lines()


def add_item(reg: Register, number: str, **values: object) -> None:
    """Staff add an item row on 4 Klasifikasi by copying the registration number."""
    data = reg.sheets["klasifikasi"]
    data.last_row += 1
    data.records.append(
        Record(data.last_row, {k: None for k in data.columns} | {"no_registrasi": number, **values})
    )


COORDINATED = {"tanggal_koordinasi": day(1), "petugas_pd": "Andi (PPID Pelaksana)"}
REVIEWED = {"tanggal_kajian": day(2), "hasil_kajian": "Tidak termasuk DIP; diuji Tim Pertimbangan."}
# Later steps: staff type the date of the day they record the step (never in the future).
EXEMPT = {
    "konsekuensi": "Membuka data keuangan pribadi pegawai.",
    "kepentingan_publik": "Perlindungan data pribadi lebih besar manfaatnya.",
    "jenis_jangka_waktu": "Tahun",
    "jangka_waktu": "5",
}


def examined(n: int) -> dict[str, object]:
    return {
        "tanggal_uji": day(n),
        "tempat_uji": "Ruang Rapat Diskominfo",
        "anggota_hadir": "Drs. Agus Salim (Ketua)",
    }


def decided(n: int) -> dict[str, object]:
    return {"tanggal_keputusan": day(n), "tanggal_penyampaian": day(n)}


def received(n: int) -> dict[str, object]:
    return {"tanggal_diterima": day(n), "nama_penerima": "Budi Santoso"}


def archived(n: int) -> dict[str, object]:
    return {"tanggal_arsip": day(n), "lokasi_arsip": "Lemari A / folder PPID 2026"}


def test_sop_path_from_intake_to_archive() -> None:
    reg = register(
        [
            intake_row("Salinan kontrak pengadaan server tahun 2025"),  # A: TIDAK -> given in full
            intake_row("Daftar gaji dan tunjangan pegawai Diskominfo"),  # B: YA, sent back once, then refused
            intake_row("Laporan hasil audit inspektorat beserta lampiran"),  # C: SEBAGIAN + TIDAK -> partial
            intake_row("Peta bidang tanah kantor"),  # D: not held by this office
            intake_row("Data menara telekomunikasi", alamat=None),  # E: incomplete intake
        ]
    )

    # Step 1: four requests get a number and go to coordination; the fifth says what is missing.
    lines = run(reg, 0)
    a, b, c, d = numbers(reg)
    assert a == "PPID-KOMINFO/2026/07/0001" and d == "PPID-KOMINFO/2026/07/0004"
    assert "1 Permohonan → 2 Koordinasi: 4 permohonan" in " ".join(lines)
    e_row = reg.records("permohonan")[4]
    assert "'Alamat'" in e_row.get("catatan") and not e_row.get("no_registrasi")
    (coord,) = rows_of(reg, "koordinasi", a)
    assert coord.get("rincian_informasi") == "Salinan kontrak pengadaan server tahun 2025"
    assert coord.get("batas_waktu") == date(2026, 7, 20)
    assert "'Tanggal Koordinasi'" in coord.get("catatan")
    assert intake_of(reg, a).get("tahap_saat_ini") == "2 Koordinasi"

    # Step 2: held information goes to review; information held elsewhere straight to step 8.
    for number in (a, b, c):
        type_in(reg, "koordinasi", number, **COORDINATED, status_penguasaan="Dikuasai")
    type_in(
        reg,
        "koordinasi",
        d,
        **COORDINATED,
        status_penguasaan="Tidak dikuasai",
        badan_publik_lain="Kantor Pertanahan Kota Pontianak",
    )
    run(reg, 1)
    assert {open_sheets(reg, n)[0] for n in (a, b, c)} == {"kajian"}
    (letter_d,) = rows_of(reg, "keputusan", d)
    assert letter_d.get("jenis_keputusan") == "Tidak dikuasai"
    assert letter_d.get("badan_publik_lain") == "Kantor Pertanahan Kota Pontianak"
    (done,) = rows_of(reg, "koordinasi", d)
    assert (done.get("status_tahap"), done.get("tanggal_selesai"), done.get("diteruskan_ke")) == (
        "Selesai",
        day(1),
        "8 Keputusan",
    )
    assert done.get("catatan") is None

    # Step 3: review done -> one item row whose tested information is the request's rincian.
    for number in (a, b, c):
        type_in(reg, "kajian", number, **REVIEWED)
    type_in(reg, "keputusan", d, **decided(2))
    run(reg, 2)
    (item_c,) = rows_of(reg, "klasifikasi", c)
    assert item_c.get("informasi_diuji") == "Laporan hasil audit inspektorat beserta lampiran"
    assert open_sheets(reg, d) == ["tanda_terima"]
    assert rows_of(reg, "tanda_terima", d)[0].get("jenis_keputusan") == "Tidak dikuasai"

    # Step 4: TIDAK -> information given; YA -> berita acara; one item of C still being filled waits.
    type_in(reg, "klasifikasi", a, dikecualikan="TIDAK")
    type_in(reg, "klasifikasi", b, dikecualikan="YA", pasal17="17h3", **EXEMPT)
    type_in(
        reg,
        "klasifikasi",
        c,
        dikecualikan="SEBAGIAN",
        pasal17="17h2",
        bagian_dikecualikan="Nama dan NIP pegawai yang diperiksa",
        **EXEMPT,
    )
    add_item(reg, c, informasi_diuji="Lampiran daftar hadir rapat")
    type_in(reg, "tanda_terima", d, **received(3))
    run(reg, 3)
    assert rows_of(reg, "keputusan", a)[0].get("jenis_keputusan") == "Diberikan seluruhnya"
    assert open_sheets(reg, b) == ["berita_acara"]
    waiting = rows_of(reg, "klasifikasi", c)
    assert open_sheets(reg, c) == ["klasifikasi"]
    assert waiting[0].get("catatan").startswith("Lengkap; menunggu")
    assert "'Dikecualikan'" in waiting[1].get("catatan")
    assert open_sheets(reg, d) == ["arsip"]

    waiting[1].values["dikecualikan"] = "TIDAK"
    type_in(reg, "keputusan", a, **decided(3))
    type_in(reg, "arsip", d, **archived(3))
    run(reg, 3)
    assert open_sheets(reg, c) == ["berita_acara"]
    assert all(r.get("diteruskan_ke") == "5 Berita Acara" for r in rows_of(reg, "klasifikasi", c))
    assert intake_of(reg, d).get("tahap_saat_ini") == FINISHED

    # Step 5 -> 6: berita acara number carried, the superior's name prefilled.
    type_in(reg, "berita_acara", b, **examined(4), nomor_ba="001/BA-UK/PPID-DISKOMINFO/VII/2026")
    type_in(reg, "berita_acara", c, **examined(4), nomor_ba="002/BA-UK/PPID-DISKOMINFO/VII/2026")
    type_in(reg, "tanda_terima", a, **received(4))
    run(reg, 4)
    (approval_b,) = rows_of(reg, "persetujuan", b)
    assert approval_b.get("nomor_ba") == "001/BA-UK/PPID-DISKOMINFO/VII/2026"
    assert approval_b.get("nama_atasan") == SETTINGS_ATASAN

    # Step 6: B is sent back (Revisi) -> its items return to 4 with the note; C approved -> 7 and 8.
    type_in(
        reg,
        "persetujuan",
        b,
        keputusan_atasan="Revisi",
        tanggal_persetujuan=day(5),
        catatan_atasan="Uraikan konsekuensi lebih spesifik.",
    )
    type_in(reg, "persetujuan", c, keputusan_atasan="Disetujui", tanggal_persetujuan=day(5))
    type_in(reg, "arsip", a, **archived(5))
    lines = run(reg, 5)
    assert "6 Persetujuan → 4 Klasifikasi: 1 permohonan" in " ".join(lines)
    old, fresh = rows_of(reg, "klasifikasi", b)
    assert old.get("catatan").startswith("Dikembalikan Atasan PPID (Revisi)")
    assert fresh.get("catatan_atasan") == "Uraikan konsekuensi lebih spesifik."
    assert fresh.get("dikecualikan") is None and fresh.get("pasal17") == "17h3"
    assert fresh.get("status_tahap") == "Dalam proses"
    (entry_c,) = rows_of(reg, "register_dik", c)
    assert entry_c.get("no_dik") == "DIK-2026-001" and entry_c.get("status_dik") == "Berlaku"
    assert entry_c.get("nomor_ba") == "002/BA-UK/PPID-DISKOMINFO/VII/2026"
    assert entry_c.get("tanggal_mulai") == day(5)
    assert entry_c.get("berlaku_sampai") == day(5).replace(year=2031)
    assert "Nama dan NIP pegawai" in entry_c.get("informasi")
    (letter_c,) = rows_of(reg, "keputusan", c)
    assert letter_c.get("jenis_keputusan") == "Diberikan sebagian"
    assert letter_c.get("pasal17") == "17h2"
    assert letter_c.get("bagian_dikecualikan") == "Nama dan NIP pegawai yang diperiksa"
    assert intake_of(reg, a).get("tahap_saat_ini") == FINISHED

    # The revised round goes through 5 and 6 again; approval now refuses the request (all YA).
    fresh.values.update(dikecualikan="YA", konsekuensi="Membuka gaji, tunjangan dan rekening pegawai.")
    run(reg, 6)
    type_in(reg, "berita_acara", b, **examined(7), nomor_ba="003/BA-UK/PPID-DISKOMINFO/VII/2026")
    run(reg, 7)
    type_in(reg, "persetujuan", b, keputusan_atasan="Disetujui", tanggal_persetujuan=day(8))
    run(reg, 8)
    (entry_b,) = rows_of(reg, "register_dik", b)
    assert entry_b.get("no_dik") == "DIK-2026-002"
    assert entry_b.get("konsekuensi") == "Membuka gaji, tunjangan dan rekening pegawai."
    assert rows_of(reg, "keputusan", b)[0].get("jenis_keputusan") == "Ditolak"

    # Steps 8 -> 9 -> 10 -> archived, for B and C.
    for sheet, values, n in (
        ("keputusan", decided, 9),
        ("tanda_terima", received, 10),
        ("arsip", archived, 11),
    ):
        for number in (b, c):
            if open_sheets(reg, number) == [sheet]:
                type_in(reg, sheet, number, **values(n))
        run(reg, n)
    assert [intake_of(reg, n).get("tahap_saat_ini") for n in (a, b, c, d)] == [FINISHED] * 4
    assert all(open_sheets(reg, n) == [] for n in (a, b, c, d))
    assert rows_of(reg, "arsip", b)[0].get("jenis_keputusan") == "Ditolak"

    # The Log holds one row per move (plus one per DIK entry), never edited.
    moves = [(r.get("no_registrasi"), r.get("dari"), r.get("ke")) for r in reg.records("log")]
    assert (b, "6 Persetujuan", "4 Klasifikasi") in moves
    assert (c, "6 Persetujuan", "7 Register DIK") in moves
    assert sum(1 for m in moves if m[0] == a) == 7  # 1>2, 2>3, 3>4, 4>8, 8>9, 9>10, 10>selesai

    # ppid status: B's history shows the returned round.
    history = timeline(reg, b)
    sheets = [e.sheet for e in history]
    assert (
        sheets[0] == "1 Permohonan"
        and sheets.count("4 Klasifikasi") == 2
        and sheets.count("6 Persetujuan") == 2
    )
    assert any("Revisi" in e.note for e in history)
    assert history[-1].status == FINISHED
    # 4 Klasifikasi has no date of its own: no date rather than the day advance ran
    assert [e.date for e in history if e.sheet == "4 Klasifikasi"] == [None, None]
    assert all(e.date is not None for e in history if e.sheet in ("1 Permohonan", "6 Persetujuan"))


def test_intake_number_is_never_reused() -> None:
    reg = register(
        [intake_row(), intake_row()],
        log=[
            {
                "waktu": datetime(2026, 7, 1, 9, 0),
                "no_registrasi": "PPID-KOMINFO/2026/06/0007",
                "dari": "1 Permohonan",
                "ke": "2 Koordinasi",
                "keterangan": "x",
            },
        ],
    )
    reg.records("permohonan")[0].values["no_registrasi"] = "PPID-KOMINFO/2025/12/0099"  # typed by staff
    _, summary = advance(reg)
    assert summary.registered == ["PPID-KOMINFO/2026/07/0008"]
    moved = sorted(summary.moved[("1 Permohonan", "2 Koordinasi")])
    assert moved == ["PPID-KOMINFO/2025/12/0099", "PPID-KOMINFO/2026/07/0008"]


def test_catatan_is_cleared_when_the_row_moves() -> None:
    reg = register([intake_row(rincian_informasi=None)])
    advance(reg)
    row = reg.records("permohonan")[0]
    assert "'Rincian Informasi'" in row.get("catatan")
    row.values["rincian_informasi"] = "Data menara"
    advance(reg, MONDAY + timedelta(days=1))
    assert row.get("catatan") is None and row.get("no_registrasi")


def _to_minutes(reg: Register) -> str:
    """One request taken to 5 Berita Acara with one exempt item (working days 0-3)."""
    run(reg, 0)
    (number,) = numbers(reg)
    type_in(reg, "koordinasi", number, **COORDINATED, status_penguasaan="Dikuasai")
    run(reg, 1)
    type_in(reg, "kajian", number, **REVIEWED)
    run(reg, 2)
    type_in(reg, "klasifikasi", number, dikecualikan="YA", pasal17="17h3", **EXEMPT)
    run(reg, 3)
    return number


def test_berita_acara_is_numbered_when_the_test_is_recorded_and_a_new_round_cites_it() -> None:
    reg = register([intake_row("Daftar gaji dan tunjangan pegawai Diskominfo")])
    number = _to_minutes(reg)
    type_in(reg, "berita_acara", number, **examined(4))
    lines = run(reg, 4)
    (minutes,) = rows_of(reg, "berita_acara", number)
    assert minutes.get("nomor_ba") == "001/BA-UK/PPID-DISKOMINFO/VII/2026"
    assert minutes.get("tanggal_ba") == day(4)  # the BA is dated the test day, not the run day
    assert rows_of(reg, "persetujuan", number)[0].get("nomor_ba") == "001/BA-UK/PPID-DISKOMINFO/VII/2026"
    assert "Nomor berita acara diberikan: 1" in " ".join(lines)
    assert any(
        r.get("keterangan") == "Nomor Berita Acara Uji Konsekuensi: 001/BA-UK/PPID-DISKOMINFO/VII/2026"
        for r in reg.records("log")
    )

    type_in(
        reg,
        "persetujuan",
        number,
        keputusan_atasan="Revisi",
        tanggal_persetujuan=day(5),
        catatan_atasan="Uraikan konsekuensi lebih spesifik.",
    )
    run(reg, 5)
    rows_of(reg, "klasifikasi", number)[-1].values.update(dikecualikan="YA")
    run(reg, 6)
    first, second = rows_of(reg, "berita_acara", number)
    assert second.get("menggantikan_ba") == "001/BA-UK/PPID-DISKOMINFO/VII/2026"
    type_in(reg, "berita_acara", number, **examined(7))
    run(reg, 7)
    assert second.get("nomor_ba") == "002/BA-UK/PPID-DISKOMINFO/VII/2026"


def test_approval_without_a_ba_number_does_not_move() -> None:
    reg = register([intake_row("Daftar gaji dan tunjangan pegawai Diskominfo")])
    number = _to_minutes(reg)
    type_in(reg, "berita_acara", number, **examined(4))
    run(reg, 4)
    for sheet in ("berita_acara", "persetujuan"):
        rows_of(reg, sheet, number)[0].values["nomor_ba"] = None  # staff cleared the number
    type_in(reg, "persetujuan", number, keputusan_atasan="Disetujui", tanggal_persetujuan=day(5))
    run(reg, 5)
    assert open_sheets(reg, number) == ["persetujuan"]
    assert "Nomor Berita Acara kosong" in rows_of(reg, "persetujuan", number)[0].get("catatan")
