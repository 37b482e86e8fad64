"""The legal chain of a request read like the SOP: dates in order, floor, working days, extension,
BA number, confirmed grounds, conclusion; plus a property test over random date orders."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta

import pytest
from _factories import make_register
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from automation.validation import validate_register
from automation.validation.grounds import hint_problems

LONG = os.environ.get("PPID_LONG_TESTS") == "1"
TODAY = date(2026, 11, 24)  # a Tuesday; floor = 01/01/2025 (no Hari Libur rows: register year = 2026)
REG = "PPID-KOMINFO/2026/11/0001"
BA_NO = "001/BA-UK/PPID-DISKOMINFO/XI/2026"
CHAIN_CODES = {
    "urutan_tanggal",
    "perpanjangan_sesudah_keputusan",
    "tanggal_sebelum_batas_awal",
    "tindakan_hari_libur",
    "perpanjangan_terlambat",
    "persetujuan_tanpa_nomor_ba",
    "kesimpulan_tidak_sesuai",
    "dasar_hukum_belum_dikonfirmasi",
    "alasan_tidak_sesuai_angka",
    "alasan_tidak_sesuai_huruf",
}

ITEM = {
    "no_registrasi": REG,
    "informasi_diuji": "Rincian gaji dan nomor rekening pegawai",
    "dikecualikan": "YA",
    "pasal17": "17h3",
    "konsekuensi": "Mengungkap keuangan pribadi pegawai",
    "kepentingan_publik": "Privasi",
    "jenis_jangka_waktu": "Tahun",
    "jangka_waktu": 5,
    "status_tahap": "Selesai",
    "diteruskan_ke": "5 Berita Acara",
}


def chain(**dates: object) -> dict[str, list[dict]]:
    """A request through all ten steps in November 2026 (working days), with ``dates`` overridden."""
    d = {
        "waktu_diterima": datetime(2026, 11, 2, 9),
        "tanggal_koordinasi": date(2026, 11, 3),
        "tanggal_kajian": date(2026, 11, 4),
        "tanggal_uji": date(2026, 11, 5),
        "tanggal_ba": date(2026, 11, 5),
        "tanggal_persetujuan": date(2026, 11, 6),
        "tanggal_keputusan": date(2026, 11, 9),
        "tanggal_penyampaian": date(2026, 11, 9),
        "tanggal_diterima": date(2026, 11, 10),
        "tanggal_arsip": date(2026, 11, 11),
        **dates,
    }
    r = {"no_registrasi": REG}
    return {
        "permohonan": [
            {
                **r,
                "waktu_diterima": d["waktu_diterima"],
                "diperpanjang": d.get("diperpanjang"),
                "tanggal_perpanjangan": d.get("tanggal_perpanjangan"),
            }
        ],
        "koordinasi": [{**r, "tanggal_koordinasi": d["tanggal_koordinasi"]}],
        "kajian": [{**r, "tanggal_kajian": d["tanggal_kajian"]}],
        "klasifikasi": [ITEM],
        "berita_acara": [
            {
                **r,
                "tanggal_uji": d["tanggal_uji"],
                "tanggal_ba": d["tanggal_ba"],
                "nomor_ba": BA_NO,
                "kesimpulan": d.get("kesimpulan"),
            }
        ],
        "persetujuan": [
            {
                **r,
                "keputusan_atasan": "Disetujui",
                "tanggal_persetujuan": d["tanggal_persetujuan"],
                "nomor_ba": d.get("nomor_ba", BA_NO),
            }
        ],
        "keputusan": [
            {
                **r,
                "tanggal_keputusan": d["tanggal_keputusan"],
                "tanggal_penyampaian": d["tanggal_penyampaian"],
            }
        ],
        "tanda_terima": [{**r, "tanggal_diterima": d["tanggal_diterima"]}],
        "arsip": [{**r, "tanggal_arsip": d["tanggal_arsip"]}],
    }


def found(rows: dict[str, list[dict]], settings_: dict | None = None) -> list[tuple[str, str, int, str]]:
    report = validate_register(make_register(rows, settings_), today=TODAY)
    return sorted((f.code, f.sheet, f.row, f.key) for f in report.findings if f.code in CHAIN_CODES)


CASES = [
    ("clean chain", {}, []),
    (
        "approval dated before the consequence test",
        {"tanggal_persetujuan": date(2026, 11, 4)},
        [("urutan_tanggal", "6 Persetujuan", 7, "tanggal_persetujuan")],
    ),
    (
        "refusal letter dated before the approval",
        {"tanggal_keputusan": date(2026, 11, 5)},
        [("urutan_tanggal", "8 Keputusan", 7, "tanggal_keputusan")],
    ),
    (
        "delivered before the letter is dated",
        {"tanggal_penyampaian": date(2026, 11, 6)},
        [("urutan_tanggal", "8 Keputusan", 7, "tanggal_penyampaian")],
    ),
    (
        "archived before the requester received it",
        {"tanggal_arsip": date(2026, 11, 9)},
        [("urutan_tanggal", "10 Arsip", 7, "tanggal_arsip")],
    ),
    (
        "coordination before receipt",
        {"tanggal_koordinasi": date(2026, 10, 30)},
        [("urutan_tanggal", "2 Koordinasi", 7, "tanggal_koordinasi")],
    ),
    (
        "receipt in 1900: one finding, not one per later date",
        {"waktu_diterima": datetime(1900, 11, 2, 9)},
        [("tanggal_sebelum_batas_awal", "1 Permohonan", 7, "waktu_diterima")],
    ),
    (
        "approval on a Sunday",
        {"tanggal_persetujuan": date(2026, 11, 8)},
        [("tindakan_hari_libur", "6 Persetujuan", 7, "tanggal_persetujuan")],
    ),
    (
        "extension within the first 10 working days",
        {"diperpanjang": "Ya", "tanggal_perpanjangan": date(2026, 11, 4)},
        [],
    ),
    (
        "extension recorded after day 10",
        {
            "diperpanjang": "Ya",
            "tanggal_perpanjangan": date(2026, 11, 18),
            "tanggal_keputusan": date(2026, 11, 20),
            "tanggal_penyampaian": date(2026, 11, 20),
            "tanggal_diterima": date(2026, 11, 23),
            "tanggal_arsip": date(2026, 11, 23),
        },
        [("perpanjangan_terlambat", "1 Permohonan", 7, "tanggal_perpanjangan")],
    ),
    (
        "extension after the decision went out",
        {"diperpanjang": "Ya", "tanggal_perpanjangan": date(2026, 11, 12)},
        [("perpanjangan_sesudah_keputusan", "1 Permohonan", 7, "tanggal_perpanjangan")],
    ),
    (
        "approval of a BA without a number",
        {"nomor_ba": None},
        [("persetujuan_tanpa_nomor_ba", "6 Persetujuan", 7, "nomor_ba")],
    ),
    (
        "conclusion says open, the item is exempt",
        {"kesimpulan": "Informasi tidak dikecualikan dan dapat dibuka."},
        [("kesimpulan_tidak_sesuai", "5 Berita Acara", 7, "kesimpulan")],
    ),
]


@pytest.mark.parametrize(("case", "dates", "expected"), CASES, ids=[c[0] for c in CASES])
def test_chain(case, dates, expected):
    assert found(chain(**dates)) == expected


def test_every_finding_names_both_dates_and_both_cells():
    report = validate_register(make_register(chain(tanggal_persetujuan=date(2026, 11, 4))), today=TODAY)
    (f,) = [f for f in report.findings if f.code == "urutan_tanggal"]
    assert "04/11/2026" in f.message and "05/11/2026" in f.message
    assert (
        f.column == "Tanggal Persetujuan"
        and "kolom 'Tanggal Berita Acara' lembar 5 Berita Acara baris 7" in f.message
    )
    assert "Perbaiki" in f.message


def test_late_extension_says_what_the_law_requires_instead():
    rows = chain(
        diperpanjang="Ya",
        tanggal_perpanjangan=date(2026, 11, 18),
        tanggal_keputusan=date(2026, 11, 20),
        tanggal_penyampaian=date(2026, 11, 20),
        tanggal_diterima=date(2026, 11, 23),
        tanggal_arsip=date(2026, 11, 23),
    )
    report = validate_register(make_register(rows), today=TODAY)
    (f,) = [f for f in report.findings if f.code == "perpanjangan_terlambat"]
    assert (
        "16/11/2026" in f.message
        and "Pasal 22 ayat (7) dan (8)" in f.message
        and "pemberitahuan tertulis" in f.message
    )


def test_floor_follows_the_setting():
    rows = chain(tanggal_arsip=date(2026, 11, 11))
    assert found(rows, {"tahun_paling_awal": 2027}) == sorted(
        ("tanggal_sebelum_batas_awal", sheet, 7, key)
        for sheet, key in (
            ("1 Permohonan", "waktu_diterima"),
            ("2 Koordinasi", "tanggal_koordinasi"),
            ("3 Kajian", "tanggal_kajian"),
            ("5 Berita Acara", "tanggal_uji"),
            ("5 Berita Acara", "tanggal_ba"),
            ("6 Persetujuan", "tanggal_persetujuan"),
            ("8 Keputusan", "tanggal_keputusan"),
            ("8 Keputusan", "tanggal_penyampaian"),
            ("9 Tanda Terima", "tanggal_diterima"),
            ("10 Arsip", "tanggal_arsip"),
        )
    )


def test_revision_round_must_postdate_the_revision_request():
    rows = chain()
    ba, ok = rows["berita_acara"][0], rows["persetujuan"][0]
    rows["berita_acara"] = [ba, {**ba, "tanggal_uji": date(2026, 11, 5), "tanggal_ba": date(2026, 11, 9)}]
    rows["persetujuan"] = [
        {**ok, "keputusan_atasan": "Revisi", "tanggal_persetujuan": date(2026, 11, 6)},
        {**ok, "tanggal_persetujuan": date(2026, 11, 9)},
    ]
    assert found(rows) == [("urutan_tanggal", "5 Berita Acara", 8, "tanggal_uji")]


def test_flagged_ground_is_repeated_on_the_ba_until_confirmed():
    rows = chain()
    rows["klasifikasi"] = [
        {**ITEM, "informasi_diuji": "Salinan rekam medis pegawai", "konsekuensi": "Data pribadi"}
    ]
    assert found(rows) == [
        ("alasan_tidak_sesuai_angka", "4 Klasifikasi", 7, "pasal17"),
        ("dasar_hukum_belum_dikonfirmasi", "5 Berita Acara", 7, "dasar_dikonfirmasi"),
    ]
    rows["berita_acara"][0]["dasar_dikonfirmasi"] = "Ya"
    assert found(rows) == [("alasan_tidak_sesuai_angka", "4 Klasifikasi", 7, "pasal17")]
    rows["klasifikasi"][0]["dasar_dikonfirmasi"] = "Ya"
    assert found(rows) == []


# ---------------------------------------------------------------- reason vs ground, point level
# Realistic reason texts as they appear in published DIK tables -> the warning expected.
REASONS = [
    ("17h2", "Rekam medis dan riwayat pengobatan pasien RSUD", None),
    ("17h3", "Rekam medis dan riwayat pengobatan pasien RSUD", ("alasan_tidak_sesuai_angka", "17h2")),
    ("17h1", "Data kartu keluarga dan status perkawinan penerima bantuan", None),
    (
        "17h3",
        "Data kartu keluarga dan status perkawinan penerima bantuan",
        ("alasan_tidak_sesuai_angka", "17h1"),
    ),
    ("17h3", "Slip gaji dan nomor rekening ASN", None),
    ("17h2", "Slip gaji dan nomor rekening ASN", ("alasan_tidak_sesuai_angka", "17h3")),
    ("17h4", "Hasil psikotes dan asesmen kompetensi calon pejabat", None),
    ("17h5", "Hasil psikotes dan asesmen kompetensi calon pejabat", ("alasan_tidak_sesuai_angka", "17h4")),
    ("17h5", "Ijazah, transkrip, dan rapor peserta didik", None),
    ("17h4", "Ijazah, transkrip, dan rapor peserta didik", ("alasan_tidak_sesuai_angka", "17h5")),
    ("17a2", "Identitas pelapor dan saksi dugaan pungutan liar", None),
    ("17a1", "Identitas pelapor dan saksi dugaan pungutan liar", ("alasan_tidak_sesuai_angka", "17a2")),
    (
        "17h1",
        "Identitas pelapor dan saksi dugaan pungutan liar",
        ("alasan_tidak_sesuai_huruf", "17h1"),
    ),  # h vs a
    ("17g", "Rencana kenaikan tarif retribusi daerah", ("alasan_tidak_sesuai_huruf", "17g")),  # g vs e
    (
        "17i",
        "Rahasia dagang dalam dokumen penawaran peserta tender",
        ("alasan_tidak_sesuai_huruf", "17i"),
    ),  # i vs b
    (
        "17c1",
        "Nota dinas internal Sekretaris Daerah tentang mutasi",
        ("alasan_tidak_sesuai_huruf", "17c1"),
    ),  # c vs i
    ("17e4", "Rencana awal pembelian lahan kantor terpadu", None),
    ("17e3", "Rencana awal pembelian lahan kantor terpadu", ("alasan_tidak_sesuai_angka", "17e4")),
    (
        "17h2",
        "Memorandum rahasia Sekretaris Daerah kepada Bupati",
        ("alasan_tidak_sesuai_huruf", "17h2"),
    ),  # h vs i
    ("17j", "Data kependudukan NIK dan nomor KK warga", None),  # another law: any subject
]


@pytest.mark.parametrize(("code", "text", "expected"), REASONS, ids=[f"{c}: {t}" for c, t, _e in REASONS])
def test_reason_text_against_the_cited_point(code, text, expected):
    problems = hint_problems(text.lower(), [code])
    # the code cited for a letter mismatch, the better point for a point mismatch
    assert [(c, f.get("kode_lain", f["kode"])) for c, f in problems] == ([expected] if expected else [])


# ---------------------------------------------------------------- property: random date orders
SLOTS = [("permohonan", "waktu_diterima"), ("koordinasi", "tanggal_koordinasi"), ("kajian", "tanggal_kajian")]
ROUND = [
    ("berita_acara", "tanggal_uji"),
    ("berita_acara", "tanggal_ba"),
    ("persetujuan", "tanggal_persetujuan"),
]
AFTER = [
    ("keputusan", "tanggal_keputusan"),
    ("keputusan", "tanggal_penyampaian"),
    ("tanda_terima", "tanggal_diterima"),
    ("arsip", "tanggal_arsip"),
]
FLOOR = date(2025, 1, 1)
NAMES = {
    "permohonan": "1 Permohonan",
    "koordinasi": "2 Koordinasi",
    "kajian": "3 Kajian",
    "berita_acara": "5 Berita Acara",
    "persetujuan": "6 Persetujuan",
    "keputusan": "8 Keputusan",
    "tanda_terima": "9 Tanda Terima",
    "arsip": "10 Arsip",
}
day_or_none = st.one_of(st.none(), st.integers(-40, 690).map(lambda n: FLOOR + timedelta(days=n)))


@settings(max_examples=500 if LONG else 30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 2), st.data())
def test_every_order_violation_gives_exactly_one_located_finding(rounds, data):
    slots = SLOTS + ROUND * rounds + AFTER
    days = [
        data.draw(st.dates(FLOOR - timedelta(days=40), TODAY)) if i == 0 else data.draw(day_or_none)
        for i in range(len(slots))
    ]
    rows: dict[str, list[dict]] = {}
    places = []
    for (sheet, key), day in zip(slots, days, strict=True):
        sheet_rows = rows.setdefault(sheet, [])
        if not sheet_rows or key in sheet_rows[-1]:  # a new row per round (BA, approval)
            sheet_rows.append({"no_registrasi": REG})
        value = datetime.combine(day, datetime.min.time()) if day and key == "waktu_diterima" else day
        sheet_rows[-1][key] = value
        places.append((NAMES[sheet], 6 + len(sheet_rows), key))
    for rec in rows.get("persetujuan", []):
        rec.update(keputusan_atasan="Revisi", nomor_ba=BA_NO)

    # the oracle: a date before the floor is its own finding; among the rest, a date is misplaced
    # when any earlier step carries a later date
    expected_floor = {p for p, d in zip(places, days, strict=True) if d is not None and d < FLOOR}
    kept = [(p, d) for p, d in zip(places, days, strict=True) if d is not None and d >= FLOOR]
    late = [any(e > d for _q, e in kept[:i]) for i, (_p, d) in enumerate(kept)]
    # ... except a date repeating the one just flagged on the same row (BA date = test date): one typo
    expected_order = {
        p
        for i, (p, d) in enumerate(kept)
        if late[i] and not (i > 0 and late[i - 1] and kept[i - 1][0][:2] == p[:2] and kept[i - 1][1] == d)
    }

    report = validate_register(make_register(rows), today=TODAY)
    order = [(f.sheet, f.row, f.key) for f in report.findings if f.code == "urutan_tanggal"]
    floor = [(f.sheet, f.row, f.key) for f in report.findings if f.code == "tanggal_sebelum_batas_awal"]
    assert sorted(order) == sorted(expected_order) and len(order) == len(set(order))
    assert sorted(floor) == sorted(expected_floor) and len(floor) == len(set(floor))
