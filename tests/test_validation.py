"""Validation read like the SOP: a row as entered -> the findings staff will see, as (code, key)."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from _factories import make_register, make_sheet
from hypothesis import given, settings
from hypothesis import strategies as st
from test_objections import CASES as OBJECTION_CASES
from test_validation_chain import CASES as CHAIN_CASES

from automation.errors import UsageError
from automation.excel.builder import build_register
from automation.excel.reader import read_register
from automation.register import Record, SheetData
from automation.schema import PERMOHONAN, REFERENSI, SHEET_BY_KEY
from automation.validation import CODES, Validator, render_catalogue, row_findings, validate_register

TODAY = date(2026, 11, 24)  # a Tuesday
REG = "PPID-KOMINFO/2026/11/0001"

REQUEST = {
    "no_registrasi": REG,
    "waktu_diterima": datetime(2026, 11, 23, 9, 15),  # Monday, office hours
    "saluran": "Datang langsung",
    "kategori_pemohon": "Perorangan",
    "nama_pemohon": "Yohana Sari",
    "jenis_identitas": "KTP",
    "nik": "6171054508900003",  # Kota Pontianak; born 05/08/1990 (woman: day + 40)
    "alamat": "Jl. Gajah Mada No. 12, Pontianak",
    "telepon": "081234567890",
    "email": "yohana@gmail.com",
    "rincian_informasi": "Daftar penerima beasiswa 2026",
    "tujuan": "Penelitian skripsi",
    "cara_memperoleh": "Mendapatkan salinan (softcopy)",
    "perangkat_daerah": "Dinas Pendidikan dan Kebudayaan",
}
BADAN_HUKUM = {
    "kategori_pemohon": "Badan Hukum",
    "jenis_identitas": "Akta Badan Hukum",
    "nik": None,
    "dokumen_badan_hukum": "AHU-0012345.AH.01.07.2020",
}
KELOMPOK = {
    "kategori_pemohon": "Kelompok Orang",
    "jenis_identitas": "Surat Kuasa dan KTP",
    "surat_kuasa": "SK-01/2026",
}


def findings(
    sheet: str, row: dict, *, completing: bool = False, settings: dict | None = None, **rows: list[dict]
):
    """(code, key) of the findings of ``row`` entered on ``sheet`` (other sheets from ``rows``)."""
    reg = make_register({sheet: [row], **rows}, settings)
    record = reg.sheets[sheet].records[0]
    return [(f.code, f.key) for f in row_findings(reg, sheet, record, completing=completing, today=TODAY)]


# ---------------------------------------------------------------- step 1: the request
REQUEST_CASES = [
    ("complete request", {}, []),
    ("name missing", {"nama_pemohon": "  "}, [("wajib_diisi", "nama_pemohon")]),
    ("address missing", {"alamat": None}, [("wajib_diisi", "alamat")]),
    ("lone apostrophe is empty", {"tujuan": "'"}, [("wajib_diisi", "tujuan")]),
    # identity per requester category
    ("perorangan needs a NIK", {"nik": None}, [("wajib_diisi", "nik")]),
    ("badan hukum: no NIK needed, document given", BADAN_HUKUM, []),
    (
        "badan hukum without its document",
        {**BADAN_HUKUM, "dokumen_badan_hukum": None},
        [("badan_hukum_tanpa_dokumen", "dokumen_badan_hukum")],
    ),
    ("kelompok orang with power of attorney", KELOMPOK, []),
    (
        "kelompok orang without power of attorney",
        {**KELOMPOK, "surat_kuasa": None},
        [("kelompok_tanpa_surat_kuasa", "surat_kuasa")],
    ),
    ("kelompok orang needs a NIK too", {**KELOMPOK, "nik": None}, [("wajib_diisi", "nik")]),
    ("category typed in lower case", {**BADAN_HUKUM, "kategori_pemohon": "badan hukum"}, []),
    (
        "identity document unusual for the category",
        {**BADAN_HUKUM, "jenis_identitas": "KTP"},
        [("identitas_tidak_sesuai_kategori", "jenis_identitas")],
    ),
    # NIK shape, region, birth date
    ("NIK with apostrophe and spaces", {"nik": "'6171 0545 0890 0003"}, []),
    ("NIK of a man (day not + 40)", {"nik": "6171050508900003"}, []),
    ("NIK turned into a number by Excel", {"nik": 6.171054508900003e15}, [("nik_jadi_angka", "nik")]),
    ("NIK of 15 digits", {"nik": "617105450890000"}, [("nik_bukan_16_digit", "nik")]),
    ("NIK with a letter O", {"nik": "6171O54508900003"}, [("nik_bukan_16_digit", "nik")]),
    ("NIK province 99 does not exist", {"nik": "9971054508900003"}, [("nik_kode_wilayah", "nik")]),
    ("NIK regency 00", {"nik": "6100054508900003"}, [("nik_kode_wilayah", "nik")]),
    ("NIK district 00", {"nik": "6171004508900003"}, [("nik_kode_wilayah", "nik")]),
    ("NIK from Papua Pegunungan (95)", {"nik": "9501054508900003"}, []),
    ("NIK birth day 32", {"nik": "6171053208900003"}, [("nik_tanggal_lahir", "nik")]),
    ("NIK birth month 13", {"nik": "6171050513900003"}, [("nik_tanggal_lahir", "nik")]),
    ("NIK 31 February", {"nik": "6171057102900003"}, [("nik_tanggal_lahir", "nik")]),
    # contact
    ("mobile with +62", {"telepon": "+62 812-3456-7890"}, []),
    ("office landline", {"telepon": "0561-734567"}, []),
    ("phone turned into a number", {"telepon": 81234567890.0}, [("telepon_tidak_valid", "telepon")]),
    ("phone too short", {"telepon": "0812345"}, [("telepon_tidak_valid", "telepon")]),
    ("e-mail with a comma", {"email": "yohana@gmail,com"}, [("surel_tidak_valid", "email")]),
    ("e-mail without @", {"email": "yohana.gmail.com"}, [("surel_tidak_valid", "email")]),
    ("only e-mail is enough", {"telepon": None}, []),
    ("no phone and no e-mail", {"telepon": None, "email": None}, [("kontak_kosong", "telepon")]),
    # receipt date and office hours
    (
        "date typed as Indonesian text",
        {"waktu_diterima": "23 November 2026 pukul 09.15"},
        [("tanggal_berupa_teks", "waktu_diterima")],
    ),
    (
        "date typed dd-mm-yyyy",
        {"waktu_diterima": "23-11-2026 09:15"},
        [("tanggal_berupa_teks", "waktu_diterima")],
    ),
    ("date only (no time)", {"waktu_diterima": date(2026, 11, 23)}, []),
    (
        "date that does not exist",
        {"waktu_diterima": "31/11/2026 09:00"},
        [("tanggal_tidak_terbaca", "waktu_diterima")],
    ),
    (
        "date in the future",
        {"waktu_diterima": datetime(2026, 12, 1, 9)},
        [("tanggal_masa_depan", "waktu_diterima")],
    ),
    (
        "received after closing",
        {"waktu_diterima": datetime(2026, 11, 23, 16, 30)},
        [("di_luar_jam_layanan", "waktu_diterima")],
    ),
    ("received before opening counts that same day", {"waktu_diterima": datetime(2026, 11, 23, 6, 45)}, []),
    ("received at closing time", {"waktu_diterima": datetime(2026, 11, 23, 16, 0)}, []),
    (
        "received on Independence Day",
        {"waktu_diterima": datetime(2026, 8, 17, 10)},
        [("di_luar_jam_layanan", "waktu_diterima")],
    ),
    (
        "received on a Saturday",
        {"waktu_diterima": datetime(2026, 11, 21, 10)},
        [("di_luar_jam_layanan", "waktu_diterima")],
    ),
    # choices
    ("choice in other case and spacing", {"saluran": "  datang   LANGSUNG "}, []),
    ("choice not on the list", {"saluran": "WhatsApp"}, [("pilihan_tidak_dikenal", "saluran")]),
    (
        "extension without a reason",
        {"diperpanjang": "Ya"},
        [("wajib_diisi", "alasan_perpanjangan"), ("wajib_diisi", "tanggal_perpanjangan")],
    ),
    (
        "extension with a reason and its date",
        {
            "diperpanjang": "Ya",
            "alasan_perpanjangan": "Menunggu uji konsekuensi",
            "tanggal_perpanjangan": date(2026, 11, 24),
        },
        [],
    ),
    # odd cells
    (
        "text that looks like a formula stays text",
        {"rincian_informasi": '=HYPERLINK("http://x.id","Data")'},
        [],
    ),
    ("error value in a cell", {"alamat": "#N/A"}, [("sel_galat", "alamat")]),
    ("error value in a date cell", {"waktu_diterima": "#VALUE!"}, [("sel_galat", "waktu_diterima")]),
    ("number in a text column", {"pekerjaan": 12.0}, []),
]


@pytest.mark.parametrize(("case", "entered", "expected"), REQUEST_CASES, ids=[c[0] for c in REQUEST_CASES])
def test_request_rows(case, entered, expected):
    assert findings("permohonan", {**REQUEST, **entered}) == expected


def test_hari_libur_sheet_closes_a_day_and_can_reopen_one():
    closed = [
        {"tanggal": "20/11/2026", "keterangan": "Penutupan kantor (banjir)", "jenis": "Penutupan kantor"}
    ]
    friday = {**REQUEST, "waktu_diterima": datetime(2026, 11, 20, 10)}
    assert findings("permohonan", friday, hari_libur=closed) == [("di_luar_jam_layanan", "waktu_diterima")]
    reopened = [*closed, {"tanggal": date(2026, 11, 20), "keterangan": "Batal", "jenis": "Bukan hari libur"}]
    assert findings("permohonan", friday, hari_libur=reopened) == []


@pytest.mark.parametrize("closing", ["15:00", time(15, 0), 0.625, "15.00"])
def test_office_hours_come_from_pengaturan(closing):
    row = {**REQUEST, "waktu_diterima": datetime(2026, 11, 23, 15, 30)}
    assert findings("permohonan", row, settings={"jam_tutup": closing}) == [
        ("di_luar_jam_layanan", "waktu_diterima")
    ]
    assert findings("permohonan", row) == []


def test_after_hours_message_names_the_day_the_request_counts_from():
    reg = make_register({"permohonan": [{**REQUEST, "waktu_diterima": datetime(2026, 8, 14, 16, 30)}]})
    (finding,) = validate_register(reg, today=TODAY).findings
    assert "sesudah jam layanan tutup (16:00)" in finding.message
    assert "(Selasa, 18/08/2026)" in finding.message  # Monday 17 August is Independence Day


def test_unreadable_office_hours_fall_back_to_the_default():
    row = {**REQUEST, "waktu_diterima": datetime(2026, 11, 23, 15, 30)}
    assert findings("permohonan", row, settings={"jam_tutup": "sore"}) == []


# ---------------------------------------------------------------- step 4: classification
EXEMPT = {
    "no_registrasi": REG,
    "informasi_diuji": "Nomor rekening bank pribadi penerima beasiswa",
    "dikecualikan": "YA",
    "pasal17": "17h3",
    "konsekuensi": "Mengungkap kondisi keuangan pribadi seseorang",
    "kepentingan_publik": "Melindungi hak atas data pribadi lebih besar daripada manfaat membukanya",
    "jenis_jangka_waktu": "Tahun",
    "jangka_waktu": "5",
}
INVESTIGATION = {
    "informasi_diuji": "Berkas penyidikan dugaan korupsi dana hibah",
    "konsekuensi": "Menghambat penyidikan dan mengungkap identitas saksi",
    "kepentingan_publik": "Proses hukum harus berjalan",
    "pasal17": "17a1",
}
KLASIFIKASI_CASES = [
    ("complete exemption", {}, True, []),
    (
        "in progress: nothing else needed yet",
        {
            "pasal17": None,
            "konsekuensi": None,
            "kepentingan_publik": None,
            "jenis_jangka_waktu": None,
            "jangka_waktu": None,
        },
        False,
        [],
    ),
    (
        "exempt YA must name ground, consequence, public interest and period",
        {
            "pasal17": None,
            "konsekuensi": None,
            "kepentingan_publik": None,
            "jenis_jangka_waktu": None,
            "jangka_waktu": None,
        },
        True,
        [
            ("wajib_diisi", "pasal17"),
            ("wajib_diisi", "konsekuensi"),
            ("wajib_diisi", "kepentingan_publik"),
            ("wajib_diisi", "jenis_jangka_waktu"),
        ],
    ),
    (
        "not exempt needs no ground",
        {
            "dikecualikan": "TIDAK",
            "pasal17": None,
            "konsekuensi": None,
            "kepentingan_publik": None,
            "jenis_jangka_waktu": None,
            "jangka_waktu": None,
        },
        True,
        [],
    ),
    (
        "SEBAGIAN also names the blacked-out part",
        {"dikecualikan": "SEBAGIAN"},
        True,
        [("wajib_diisi", "bagian_dikecualikan")],
    ),
    (
        "information tested is always needed to finish",
        {"informasi_diuji": None},
        True,
        [("wajib_diisi", "informasi_diuji")],
    ),
    # the ground
    ("bare 'Pasal 17' is not a ground", {"pasal17": "Pasal 17"}, False, [("pasal17_tanpa_angka", "pasal17")]),
    ("bare '17' is not a ground", {"pasal17": 17.0}, False, [("pasal17_tanpa_angka", "pasal17")]),
    ("17h needs its point", {"pasal17": "17h"}, False, [("pasal17_tanpa_angka", "pasal17")]),
    (
        "17b has no points",
        {
            **INVESTIGATION,
            "pasal17": "17b",
            "informasi_diuji": "Desain paten mesin",
            "konsekuensi": "Merugikan perlindungan hak kekayaan intelektual",
        },
        True,
        [],
    ),
    ("written out in words", {"pasal17": "Pasal 17 huruf h angka 3 UU 14/2008"}, True, []),
    ("unknown letter", {"pasal17": "17k"}, False, [("pasal17_tidak_dikenal", "pasal17")]),
    ("unknown point", {"pasal17": "17h7"}, False, [("pasal17_tidak_dikenal", "pasal17")]),
    # 17j and the other law
    (
        "17j names the law and article",
        {"pasal17": "17h3, 17j", "uu_lain": "UU Nomor 27 Tahun 2022 Pasal 4"},
        True,
        [],
    ),
    ("17j without the other law", {"pasal17": "17j"}, True, [("uu_lain_wajib", "uu_lain")]),
    ("17j without the other law, still in progress", {"pasal17": "17j"}, False, []),
    (
        "17j with a law but no article",
        {"pasal17": "17j", "uu_lain": "UU Pelindungan Data Pribadi"},
        False,
        [("uu_lain_wajib", "uu_lain")],
    ),
    (
        "17j with an article but no law",
        {"pasal17": "17j", "uu_lain": "Pasal 4 ayat (2)"},
        False,
        [("uu_lain_wajib", "uu_lain")],
    ),
    # the period (Pasal 20)
    (
        "unlimited period for a personal secret (h)",
        {"jenis_jangka_waktu": "Tidak terbatas", "jangka_waktu": None},
        True,
        [],
    ),
    (
        "unlimited period for law enforcement (a)",
        {**INVESTIGATION, "jenis_jangka_waktu": "Tidak terbatas"},
        True,
        [("jangka_waktu_tidak_terbatas", "jenis_jangka_waktu")],
    ),
    (
        "unlimited period, one of two grounds is a-f",
        {
            "pasal17": "17h3, 17e6",
            "jenis_jangka_waktu": "Tidak terbatas",
            "konsekuensi": "Mengungkap rekening pribadi dan pengawasan perbankan",
        },
        True,
        [("jangka_waktu_tidak_terbatas", "jenis_jangka_waktu")],
    ),
    (
        "law enforcement with an event",
        {
            **INVESTIGATION,
            "jenis_jangka_waktu": "Peristiwa",
            "jangka_waktu": "Sampai putusan berkekuatan hukum tetap",
        },
        True,
        [],
    ),
    ("period type Tahun with '5 tahun'", {"jangka_waktu": "5 tahun"}, True, []),
    ("period type Tahun with a number", {"jangka_waktu": 5.0}, True, []),
    (
        "period type Tahun with zero",
        {"jangka_waktu": "0"},
        True,
        [("jangka_waktu_tidak_sesuai", "jangka_waktu")],
    ),
    (
        "period type Tahun with words",
        {"jangka_waktu": "lima tahun"},
        False,
        [("jangka_waktu_tidak_sesuai", "jangka_waktu")],
    ),
    (
        "period type Tanggal with a date",
        {"jenis_jangka_waktu": "Tanggal", "jangka_waktu": "31 Desember 2030"},
        True,
        [],
    ),
    (
        "period type Tanggal with a real date cell",
        {"jenis_jangka_waktu": "Tanggal", "jangka_waktu": date(2030, 12, 31)},
        True,
        [],
    ),
    (
        "period type Tanggal with text",
        {"jenis_jangka_waktu": "Tanggal", "jangka_waktu": "akhir tahun"},
        False,
        [("jangka_waktu_tidak_sesuai", "jangka_waktu")],
    ),
    ("period type chosen but empty", {"jangka_waktu": None}, True, [("jangka_waktu_kosong", "jangka_waktu")]),
    ("period type chosen but empty, in progress", {"jangka_waktu": None}, False, []),
    # Pasal 20 by law, not by list: a-f are never permanent, whatever the spelling
    (
        "a-f: event 'tidak terbatas'",
        {**INVESTIGATION, "jenis_jangka_waktu": "Peristiwa", "jangka_waktu": "tidak terbatas"},
        True,
        [("jangka_waktu_permanen", "jangka_waktu")],
    ),
    (
        "a-f: event 'selama-lamanya'",
        {**INVESTIGATION, "jenis_jangka_waktu": "Peristiwa", "jangka_waktu": "Selama-lamanya"},
        True,
        [("jangka_waktu_permanen", "jangka_waktu")],
    ),
    (
        "a-f: event 'tanpa batas waktu'",
        {**INVESTIGATION, "jenis_jangka_waktu": "Peristiwa", "jangka_waktu": "Tanpa batas waktu"},
        True,
        [("jangka_waktu_permanen", "jangka_waktu")],
    ),
    (
        "end date before the start",
        {"jenis_jangka_waktu": "Tanggal", "jangka_waktu": "31/12/2025"},
        True,
        [("jangka_waktu_sebelum_mulai", "jangka_waktu")],
    ),
    # does the reason fit the letter?
    (
        "economic reason cited as a private deed (17g)",
        {
            "pasal17": "17g",
            "informasi_diuji": "Rencana kenaikan tarif pajak daerah",
            "konsekuensi": "Spekulasi harga",
        },
        True,
        [("alasan_tidak_sesuai_huruf", "pasal17")],
    ),
    (
        "economic reason cited as economic (17e3)",
        {
            "pasal17": "17e3",
            "informasi_diuji": "Rencana kenaikan tarif pajak daerah",
            "konsekuensi": "Spekulasi harga",
            "jenis_jangka_waktu": "Peristiwa",
            "jangka_waktu": "Sampai perda ditetapkan",
        },
        True,
        [],
    ),
    # ... at point level (17h1-h5): the letter fits, the point does not
    (
        "medical record cited as finances (17h3)",
        {
            "informasi_diuji": "Salinan rekam medis pasien rawat inap",
            "konsekuensi": "Mengungkap data pribadi pasien",
        },
        True,
        [("alasan_tidak_sesuai_angka", "pasal17")],
    ),
    (
        "confirmed by the Tim Pertimbangan",
        {
            "informasi_diuji": "Salinan rekam medis pasien rawat inap",
            "konsekuensi": "Mengungkap data pribadi pasien",
            "dasar_dikonfirmasi": "Ya",
        },
        True,
        [],
    ),
]


@pytest.mark.parametrize(
    ("case", "entered", "completing", "expected"), KLASIFIKASI_CASES, ids=[c[0] for c in KLASIFIKASI_CASES]
)
def test_classification_rows(case, entered, completing, expected):
    assert findings("klasifikasi", {**EXEMPT, **entered}, completing=completing) == expected


@pytest.mark.parametrize(
    ("entered", "expected"),
    [
        (
            INVESTIGATION,
            [("jangka_waktu_permanen", "jenis_jangka_waktu")],
        ),  # a-f: the law decides, not the list
        ({}, []),  # h may be closed without an end
    ],
)
def test_period_value_added_to_referensi(entered, expected):
    reg = make_register(
        {"klasifikasi": [{**EXEMPT, **entered, "jenis_jangka_waktu": "Permanen", "jangka_waktu": None}]}
    )
    reg.sheets["referensi"] = SheetData(spec=REFERENSI, records=[Record(7, {"jangka_waktu": "Permanen"})])
    record = reg.sheets["klasifikasi"].records[0]
    found = row_findings(reg, "klasifikasi", record, completing=True, today=TODAY)
    assert [(f.code, f.key) for f in found] == expected


# ---------------------------------------------------------------- the other stages
DIK = {
    "no_registrasi": REG,
    "informasi": "Rekam medis pasien RSUD",
    "perangkat_daerah": "RSUD dr. Soedarso",
    "pasal17": "17h2",
    "konsekuensi": "Mengungkap riwayat kesehatan pribadi",
    "kepentingan_publik": "Privasi pasien",
    "jenis_jangka_waktu": "Tidak terbatas",
    "tanggal_mulai": date(2026, 10, 1),
    "nomor_ba": "001/BA-UK/PPID-DISKOMINFO/X/2026",
}
OBJECTION = {
    "no_registrasi": REG,
    "tanggal_keberatan": date(2026, 11, 19),
    "alasan_keberatan": "a. Penolakan berdasarkan Pasal 17",
}
OTHER_CASES = [
    ("register_dik", "complete DIK entry", DIK, False, []),
    ("register_dik", "DIK entry before any request", {**DIK, "no_registrasi": None}, False, []),
    (
        "register_dik",
        "DIK fields are required at entry",
        {**DIK, "konsekuensi": None},
        False,
        [("wajib_diisi", "konsekuensi")],
    ),
    (
        "register_dik",
        "DIK: defence ground cannot be unlimited",
        {
            **DIK,
            "pasal17": "17c1",
            "informasi": "Denah pangkalan militer",
            "konsekuensi": "Membahayakan pertahanan",
        },
        False,
        [("jangka_waktu_tidak_terbatas", "jenis_jangka_waktu")],
    ),
    (
        "register_dik",
        "DIK start date in the future",
        {**DIK, "tanggal_mulai": date(2027, 1, 1)},
        False,
        [("tanggal_masa_depan", "tanggal_mulai")],
    ),
    (
        "register_dik",
        "DIK reviewed before it was set",
        {**DIK, "tinjau_terakhir": date(2026, 9, 2)},
        False,
        [("tinjau_sebelum_mulai", "tinjau_terakhir")],
    ),
    ("register_dik", "DIK review recorded", {**DIK, "tinjau_terakhir": date(2026, 11, 2)}, False, []),
    ("koordinasi", "coordination in progress", {"no_registrasi": REG, "petugas_pd": "Andi"}, False, []),
    (
        "koordinasi",
        "coordination finished without its facts",
        {"no_registrasi": REG, "petugas_pd": "Andi"},
        True,
        [("wajib_diisi", "tanggal_koordinasi"), ("wajib_diisi", "status_penguasaan")],
    ),
    (
        "persetujuan",
        "revision needs a note",
        {"keputusan_atasan": "Revisi", "nama_atasan": "Samuel", "tanggal_persetujuan": date(2026, 11, 20)},
        True,
        [("wajib_diisi", "catatan_atasan")],
    ),
    (
        "persetujuan",
        "approval needs no note",
        {"keputusan_atasan": "disetujui", "nama_atasan": "Samuel", "tanggal_persetujuan": date(2026, 11, 20)},
        True,
        [],
    ),
    (
        "keputusan",
        "fee typed with Rp and thousands dot",
        {"biaya": "Rp 15.000", "waktu_penyediaan": "3"},
        False,
        [],
    ),
    ("keputusan", "fee in words", {"biaya": "lima ribu"}, False, [("angka_tidak_terbaca", "biaya")]),
    ("keputusan", "negative fee", {"biaya": -5000.0}, False, [("angka_negatif", "biaya")]),
    (
        "keputusan",
        "days with a fraction",
        {"waktu_penyediaan": 2.5},
        False,
        [("angka_tidak_terbaca", "waktu_penyediaan")],
    ),
    (
        "keberatan",
        "objection date in the future",
        {**OBJECTION, "tanggal_keberatan": date(2026, 12, 2)},
        False,
        [("tanggal_masa_depan", "tanggal_keberatan")],
    ),
    ("keberatan", "objection ground from Pasal 35", OBJECTION, False, []),
    (
        "keberatan",
        "objection ground outside Pasal 35",
        {**OBJECTION, "alasan_keberatan": "h. Lainnya"},
        False,
        [("pilihan_tidak_dikenal", "alasan_keberatan")],
    ),
    (
        "hari_libur",
        "holidays may lie in the future",
        {"tanggal": date(2027, 12, 25), "keterangan": "Natal", "jenis": "Libur nasional"},
        False,
        [],
    ),
    (
        "hari_libur",
        "unknown holiday type",
        {"tanggal": date(2027, 12, 25), "keterangan": "Natal", "jenis": "Libur"},
        False,
        [("pilihan_tidak_dikenal", "jenis")],
    ),
    (
        "hari_libur",
        "holiday date unreadable",
        {"tanggal": "25/13/2027", "keterangan": "X", "jenis": "Cuti bersama"},
        False,
        [("tanggal_tidak_terbaca", "tanggal")],
    ),
]


@pytest.mark.parametrize(
    ("sheet", "case", "entered", "completing", "expected"),
    OTHER_CASES,
    ids=[f"{c[0]}: {c[1]}" for c in OTHER_CASES],
)
def test_other_stage_rows(sheet, case, entered, completing, expected):
    assert findings(sheet, entered, completing=completing) == expected


# ---------------------------------------------------------------- dates typed as text, day and month swapped
EARLY = {**REQUEST, "waktu_diterima": datetime(2026, 11, 2, 9)}  # an event of it falls on 2-24 November
DATE_CASES = [
    ("real date inside the window", date(2026, 11, 5), []),
    ("text dd-mm-yyyy inside the window", "05-11-2026", [("tanggal_berupa_teks", "tanggal_kajian")]),
    ("text dd.mm.yyyy", "05.11.2026", [("tanggal_berupa_teks", "tanggal_kajian")]),
    ("text with an Indonesian month", "5 November 2026", [("tanggal_berupa_teks", "tanggal_kajian")]),
    ("US swap: 11 February read from 2/11", date(2026, 2, 11), [("bulan_tertukar", "tanggal_kajian")]),
    (
        "text readable both ways, only the swap fits",
        "11/02/2026",
        [("tanggal_teks_ambigu", "tanggal_kajian")],
    ),
    ("before the request and no swap fits", date(2026, 10, 20), []),
    ("future date whose swap fits", date(2026, 12, 11), [("bulan_tertukar", "tanggal_kajian")]),
    ("future date, no swap possible", date(2026, 11, 30), [("tanggal_masa_depan", "tanggal_kajian")]),
]


@pytest.mark.parametrize(("case", "entered", "expected"), DATE_CASES, ids=[c[0] for c in DATE_CASES])
def test_dates_against_their_request(case, entered, expected):
    row = {"no_registrasi": REG, "tanggal_kajian": entered}
    assert findings("kajian", row, permohonan=[EARLY]) == expected


def test_a_text_date_is_written_back_as_a_real_date():
    from automation.operations import plan_validate

    reg = make_register({"permohonan": [{**REQUEST, "waktu_diterima": "23 November 2026 pukul 09.15"}]})
    changes, report = plan_validate(reg, now=datetime(2026, 11, 24, 10), trigger="CLI")
    (finding,) = [
        f for f in report.findings if f.code != "lembar_hilang"
    ]  # no support sheets in this register
    assert finding.code == "tanggal_berupa_teks" and "dibaca sebagai 23/11/2026 09:15" in finding.message
    assert changes.cells[("permohonan", 7)]["waktu_diterima"] == datetime(2026, 11, 23, 9, 15)
    assert "23 November 2026" in changes.cells[("permohonan", 7)]["catatan_validasi"]


# ---------------------------------------------------------------- the whole register
def codes_of(report) -> list[tuple[str, int, str, str]]:
    return [(f.sheet, f.row, f.code, f.key) for f in report.findings]


def test_clean_register_has_no_findings():
    reg = make_register({"permohonan": [REQUEST], "klasifikasi": [EXEMPT], "register_dik": [DIK]})
    report = validate_register(reg, today=TODAY)
    assert report.findings == [] and report.ok


def test_finding_carries_sheet_name_excel_row_header_as_found_and_key():
    reg = make_register({"permohonan": [{}, REQUEST, {**REQUEST, "no_registrasi": "B", "nik": "12"}]})
    reg.sheets["permohonan"].headers_found["nik"] = "NIK Pemohon"
    (finding,) = validate_register(reg, today=TODAY).findings
    assert (finding.sheet, finding.row, finding.column, finding.key) == (
        "1 Permohonan",
        9,
        "NIK Pemohon",
        "nik",
    )
    assert finding.level == "galat" and finding.code == "nik_bukan_16_digit"


def test_blank_rows_in_the_middle_are_skipped_not_reported():
    rows = [
        REQUEST,
        {},
        {"nama_pemohon": "   ", "alamat": None},
        {**REQUEST, "no_registrasi": "B", "alamat": None},
    ]
    report = validate_register(make_register({"permohonan": rows}), today=TODAY)
    assert codes_of(report) == [("1 Permohonan", 10, "wajib_diisi", "alamat")]


def test_a_finished_row_must_be_complete():
    rows = [
        {"no_registrasi": REG, "petugas_pd": "Andi", "status_tahap": "Selesai"},
        {"no_registrasi": REG, "petugas_pd": "Andi", "status_tahap": "Dalam proses"},
    ]
    reg = make_register({"permohonan": [REQUEST], "koordinasi": rows})
    assert codes_of(validate_register(reg, today=TODAY)) == [
        ("2 Koordinasi", 7, "wajib_diisi", "tanggal_koordinasi"),
        ("2 Koordinasi", 7, "wajib_diisi", "status_penguasaan"),
    ]


def test_completing_a_blank_stage_row_reports_what_is_missing():
    reg = make_register({"permohonan": [REQUEST], "kajian": [{"no_registrasi": REG}]})
    record = reg.sheets["kajian"].records[0]
    assert row_findings(reg, "kajian", record, completing=False, today=TODAY) == []
    found = row_findings(reg, "kajian", record, completing=True, today=TODAY)
    assert [(f.code, f.key) for f in found] == [
        ("wajib_diisi", "tanggal_kajian"),
        ("wajib_diisi", "hasil_kajian"),
    ]


def test_registration_numbers_are_unique():
    rows = [REQUEST, {**REQUEST, "nama_pemohon": "Salinan"}, {**REQUEST, "no_registrasi": "B"}, REQUEST]
    report = validate_register(make_register({"permohonan": rows}), today=TODAY)
    assert codes_of(report) == [
        ("1 Permohonan", r, "nomor_registrasi_ganda", "no_registrasi") for r in (7, 8, 10)
    ]
    assert "baris 8, 10" in report.findings[0].message


def test_a_request_without_number_yet_is_fine():
    report = validate_register(
        make_register({"permohonan": [{**REQUEST, "no_registrasi": None}]}), today=TODAY
    )
    assert report.findings == []


def test_stage_rows_must_point_at_a_request():
    reg = make_register(
        {
            "permohonan": [REQUEST],
            "kajian": [
                {"no_registrasi": REG},
                {"no_registrasi": "PPID-KOMINFO/2026/11/0099"},
                {"hasil_kajian": "Tanpa nomor"},
                {},
            ],
            "register_dik": [{**DIK, "no_registrasi": "PPID-X"}, {**DIK, "no_registrasi": None}],
        }
    )
    assert codes_of(validate_register(reg, today=TODAY)) == [
        ("3 Kajian", 8, "referensi_tidak_ada", "no_registrasi"),
        ("3 Kajian", 9, "nomor_registrasi_kosong", "no_registrasi"),
        ("7 Register DIK", 7, "referensi_tidak_ada", "no_registrasi"),
    ]


def test_renamed_column_is_reported_once_with_a_suggestion_and_not_checked():
    reg = make_register(
        {"permohonan": [{**REQUEST, "nik": None}] * 3}, permohonan={"renamed": {"nik": "No. NIK"}}
    )
    reg.sheets["permohonan"].records[1].values["no_registrasi"] = "B"
    reg.sheets["permohonan"].records[2].values["no_registrasi"] = "C"
    (finding,) = validate_register(reg, today=TODAY).findings
    assert (finding.row, finding.code, finding.key, finding.column) == (0, "kolom_hilang", "nik", "NIK")
    assert finding.message.startswith("Kolom 'NIK' tidak ditemukan di baris judul. Mungkin 'No. NIK'?")


def test_missing_column_without_a_close_header():
    reg = make_register({"permohonan": [REQUEST]}, permohonan={"missing": ["email", "tujuan"]})
    reg.sheets["permohonan"].extra = [(40, "Keterangan Lain")]
    report = validate_register(reg, today=TODAY)
    assert [(f.code, f.key) for f in report.findings] == [
        ("kolom_hilang", "email"),
        ("kolom_hilang", "tujuan"),
    ]
    assert all("Mungkin" not in f.message for f in report.findings)


def test_missing_sheet_is_reported():
    reg = make_register({"permohonan": [REQUEST]})
    del reg.sheets["kajian"]
    reg.sheets["arsip"].present = False
    report = validate_register(reg, today=TODAY)
    assert codes_of(report) == [("3 Kajian", 0, "lembar_hilang", ""), ("10 Arsip", 0, "lembar_hilang", "")]


def test_merged_cells_in_the_table_are_reported():
    merged = [(1, 1, 1, 4), (8, 5, 9, 5)]  # the title row is fine; E8:E9 is in the table
    reg = make_register({"permohonan": [REQUEST]}, permohonan={"merged": merged})
    (finding,) = validate_register(reg, today=TODAY).findings
    assert (finding.row, finding.code, finding.key) == (8, "sel_digabung", "nama_pemohon")
    assert "E8:E9" in finding.message


def test_values_added_on_the_referensi_sheet_are_accepted():
    reg = make_register({"permohonan": [{**REQUEST, "saluran": "WhatsApp"}]})
    assert [f.code for f in validate_register(reg, today=TODAY).findings] == ["pilihan_tidak_dikenal"]
    reg.sheets["referensi"] = SheetData(spec=REFERENSI, records=[Record(7, {"saluran": "WhatsApp"})])
    assert validate_register(reg, today=TODAY).findings == []


def test_choice_suggestion_names_the_closest_value():
    reg = make_register({"permohonan": [{**REQUEST, "kategori_pemohon": "Perorangan."}]})
    (finding,) = validate_register(reg, today=TODAY).findings
    assert "Mungkin maksudnya 'Perorangan'?" in finding.message


def test_warnings_do_not_make_the_register_invalid():
    late = {**REQUEST, "waktu_diterima": datetime(2026, 11, 23, 18)}
    report = validate_register(make_register({"permohonan": [late]}), today=TODAY)
    assert [f.level for f in report.findings] == ["peringatan"] and report.ok


def test_messages_never_print_a_whole_nik():
    nik = "9971054508900003"
    report = validate_register(make_register({"permohonan": [{**REQUEST, "nik": nik}]}), today=TODAY)
    assert report.findings and all(nik not in f.message for f in report.findings)


def test_row_findings_refuses_an_unknown_sheet():
    reg = make_register({})
    with pytest.raises(UsageError):
        row_findings(reg, "tidak_ada", Record(7, {}), completing=False, today=TODAY)


def test_today_may_be_given_as_a_datetime():
    reg = make_register({"permohonan": [REQUEST]})
    assert validate_register(reg, today=datetime(2026, 11, 24, 8)).findings == []


def test_validator_can_be_reused_for_many_rows():
    reg = make_register({"permohonan": [REQUEST, {**REQUEST, "email": "x"}]})
    validator = Validator(reg, today=TODAY)
    records = reg.sheets["permohonan"].records
    assert [len(validator.row("permohonan", r, completing=False)) for r in records] == [0, 1]


# ---------------------------------------------------------------- a real workbook, typed into as staff do
def typed_workbook(path: Path) -> Path:
    """A fresh register with the usual mistakes typed into 1 Permohonan (rows 7-12)."""
    build_register(path, year=2026)
    wb = openpyxl.load_workbook(path, keep_vba=True)
    ws = wb[PERMOHONAN.name]
    where = {cell.value: cell.column for cell in ws[6] if cell.value}

    def put(row: int, values: dict) -> None:
        for key, value in values.items():
            cell = ws.cell(row, where[PERMOHONAN.column(key).header])
            cell.value = value
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # typed text that looks like a formula

    put(
        7,
        {
            **REQUEST,
            "waktu_diterima": "23 November 2026 09.15",
            "rincian_informasi": '=HYPERLINK("http://contoh.id","Data")',
        },
    )
    # row 8 left blank in the middle
    put(9, {**REQUEST, "no_registrasi": "B", "nik": 6171054508900003, "email": "yohana@gmail,com"})
    put(10, {**REQUEST, "no_registrasi": "C", "alamat": "#N/A", "waktu_diterima": "31/02/2026 10:00"})
    put(11, {**REQUEST, "no_registrasi": "D"})
    put(12, {**REQUEST, "no_registrasi": "E", "nama_pemohon": None})
    ws.merge_cells(
        start_row=11, start_column=where["Nama Pemohon"], end_row=12, end_column=where["Nama Pemohon"]
    )
    ws.cell(6, where["Tujuan Penggunaan"]).value = "Tujuan"
    wb.save(path)
    return path


def test_mistakes_typed_into_a_real_workbook(tmp_path):
    reg = read_register(typed_workbook(tmp_path / "register_ppid.xlsm"))
    report = validate_register(reg, today=TODAY)
    found = [(f.row, f.code, f.key) for f in report.findings if f.sheet == PERMOHONAN.name]
    assert found == [
        (0, "kolom_hilang", "tujuan"),
        (7, "tanggal_berupa_teks", "waktu_diterima"),  # typed as text: read, noted, written back as a date
        (9, "nik_jadi_angka", "nik"),
        (9, "surel_tidak_valid", "email"),
        (10, "tanggal_tidak_terbaca", "waktu_diterima"),
        (10, "sel_galat", "alamat"),
        (11, "sel_digabung", "nama_pemohon"),
        (12, "wajib_diisi", "nama_pemohon"),
    ]
    assert "Mungkin 'Tujuan'?" in report.findings[0].message
    assert all(f.sheet == PERMOHONAN.name for f in report.findings)


# ---------------------------------------------------------------- never raise, whatever a cell holds
class Weird:
    def __str__(self):
        raise ValueError("boom")


RAW = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(
        [
            "#N/A",
            "'",
            "=SUM(A1)",
            "Ya",
            "YA",
            "17j",
            "Tidak terbatas",
            "Badan Hukum",
            "Selesai",
            "Tahun",
            "Tanggal",
        ]
    ),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.just(object()),
    st.decimals(allow_nan=False),
)
# An object whose str() raises never comes out of the reader; the calendar (Record.text) reads the
# Hari Libur sheet without guarding against it, so such cells are fuzzed on stage sheets only.
RAW_ODD = st.one_of(RAW, st.just(Weird()))
CHECKED = [k for k, s in SHEET_BY_KEY.items() if s.kind.value in ("tahap", "hari libur")]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(CHECKED), st.data(), st.booleans())
def test_any_cell_content_gives_findings_never_an_exception(sheet, data, completing):
    spec = SHEET_BY_KEY[sheet]
    raw = RAW if sheet == "hari_libur" else RAW_ODD
    row = {c.key: data.draw(raw) for c in spec.columns}
    reg = make_register({sheet: [row], "permohonan": [REQUEST]})
    record = reg.sheets[sheet].records[0]
    found = row_findings(reg, sheet, record, completing=completing, today=TODAY)
    found += validate_register(reg, today=TODAY).findings
    for f in found:
        assert f.code in CODES and f.level == CODES[f.code].level
        assert f.sheet in (spec.name, "1 Permohonan") and f.row in (0, 7) and f.message


# ---------------------------------------------------------------- the catalogue
def test_docs_catalogue_is_the_rendered_catalogue():
    path = Path(__file__).resolve().parent.parent / "docs" / "validation.md"
    assert path.read_text(encoding="utf-8") == render_catalogue(), (
        "regenerate docs/validation.md (see its header)"
    )


def test_every_code_in_the_catalogue_is_exercised_by_these_tables():
    seen = {code for _c, _e, expected in REQUEST_CASES for code, _k in expected}
    seen |= {code for _c, _e, _x, expected in KLASIFIKASI_CASES for code, _k in expected}
    seen |= {code for _s, _c, _e, _x, expected in OTHER_CASES for code, _k in expected}
    seen |= {"jangka_waktu_permanen"}  # test_period_value_added_to_referensi
    seen |= {
        code for _c, _d, expected in CHAIN_CASES for code, *_ in expected
    }  # tests/test_validation_chain.py
    seen |= {"dasar_hukum_belum_dikonfirmasi"}  # test_flagged_ground_is_repeated_on_the_ba_until_confirmed
    seen |= {code for _c, _e, expected in DATE_CASES for code, _k in expected}
    seen |= {code for _c, _e, expected in OBJECTION_CASES for code, _k in expected}  # test_objections.py
    seen |= {"keberatan_tanpa_penolakan"}  # tests/test_objections.py::test_ground_a_needs_a_refused_request
    structural = {
        "lembar_hilang",
        "lembar_belum_ada",
        "kolom_hilang",
        "sel_digabung",
        "nomor_registrasi_ganda",
        "nomor_registrasi_kosong",
        "referensi_tidak_ada",
    }
    assert seen | structural == set(CODES)


def test_each_catalogue_entry_renders_its_example():
    for code in CODES.values():
        assert code.template.format(**code.example)
        assert code.level in ("galat", "peringatan")


def test_make_sheet_places_records_from_row_seven():
    data = make_sheet("kajian", [{}, {"hasil_kajian": "x"}])
    assert [r.row for r in data.records] == [7, 8]
