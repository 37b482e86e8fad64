"""Keberatan and sengketa (UU KIP Ps 35-38): the three clocks at holiday boundaries, date-order
findings, the archive guard, Beranda counts, the two letters and the report figures."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from _factories import make_register

from automation.letters import DocumentsRequest, make_documents
from automation.letters.pdf import convert_beside_report, find_soffice
from automation.objections import CLOSED, DISPUTE, WAITING, objections
from automation.register import SheetData
from automation.report.build import prepare
from automation.report.metrics import Period
from automation.schema import KEBERATAN
from automation.validation import validate_register
from automation.workflow import plan_advance
from automation.workflow.deadlines import Rules
from automation.workflow.home import home_rows

REG = "PPID-KOMINFO/2026/11/0001"
GROUND_A = "a. Penolakan berdasarkan Pasal 17"
GROUND_C = "c. Permintaan tidak ditanggapi"
LATER = date(2027, 3, 1)  # a day after every event below (no "tanggal di masa depan")
KEBERATAN_CODES = {
    "keberatan_urutan_tanggal",
    "keberatan_tanpa_penolakan",
    "keberatan_lewat_batas",
    "sengketa_lewat_batas",
    "keberatan_tidak_lengkap",
    "keberatan_tanpa_pertimbangan",
}


def rows(decision: str = "Ditolak", delivered: date | None = date(2026, 11, 20), *objection: dict) -> dict:
    """A request received 2 Nov 2026, decided 9 Nov, the decision received on ``delivered``; archived."""
    r = {"no_registrasi": REG}
    out: dict = {
        "permohonan": [
            {
                **r,
                "waktu_diterima": datetime(2026, 11, 2, 9),
                "nama_pemohon": "Budi Santoso",
                "rincian_informasi": "Daftar gaji pegawai",
                "tahap_saat_ini": "10 Arsip",
            }
        ],
        "keberatan": [{**r, **o} for o in objection],
    }
    if decision:
        out["keputusan"] = [
            {
                **r,
                "jenis_keputusan": decision,
                "tanggal_keputusan": date(2026, 11, 9),
                "tanggal_penyampaian": date(2026, 11, 9),
                "status_tahap": "Selesai",
            }
        ]
    if delivered is not None:
        out["tanda_terima"] = [{**r, "tanggal_diterima": delivered, "status_tahap": "Selesai"}]
    return out


def one(reg_rows: dict, settings: dict | None = None):
    (obj,) = objections(make_register(reg_rows, settings))
    return obj


# ---------------------------------------------------------------- the clocks at holiday boundaries
# Basis Fri 20 Nov 2026; day 1 = Mon 23 Nov. In the way: 24 Dec (cuti bersama), 25 Dec (Natal),
# 1 Jan 2027 (Tahun Baru), 5 Jan 2027 (Isra Mikraj) from the holidays package.
CLOSED_31_DEC = {
    "tanggal": date(2026, 12, 31),
    "keterangan": "Penutupan kantor akhir tahun",
    "jenis": "Penutupan kantor",
}
WORKING_24_DEC = {
    "tanggal": date(2026, 12, 24),
    "keterangan": "Kantor tetap buka",
    "jenis": "Bukan hari libur",
}
CLOCK_CASES = [
    ("filing: 30 HK over Natal, Tahun Baru and Isra Mikraj", {}, None, "filing_due", date(2027, 1, 7)),
    (
        "filing: an office closure on the Hari Libur sheet adds a day",
        {},
        [CLOSED_31_DEC],
        "filing_due",
        date(2027, 1, 8),
    ),
    (
        "filing: receipt day counted as day 1 (Pengaturan)",
        {"hari_ke_1": "Ya"},
        None,
        "filing_due",
        date(2027, 1, 6),
    ),
    ("filing: Pengaturan period of 20 HK", {"batas_keberatan": 20}, None, "filing_due", date(2026, 12, 18)),
]


@pytest.mark.parametrize(
    ("case", "settings", "holidays", "clock", "expected"), CLOCK_CASES, ids=[c[0] for c in CLOCK_CASES]
)
def test_filing_clock_at_holiday_boundaries(case, settings, holidays, clock, expected):
    reg_rows = rows(
        "Ditolak", date(2026, 11, 20), {"tanggal_keberatan": date(2026, 11, 26), "alasan_keberatan": GROUND_A}
    )
    if holidays:
        reg_rows["hari_libur"] = holidays
    assert getattr(one(reg_rows, settings), clock) == expected


def test_answer_clock_runs_30_working_days_from_the_keberatan():
    # filed Thu 26 Nov; day 1 = 27 Nov; 24/25 Dec, 1 Jan and 5 Jan are not counted
    obj = one(
        rows(
            "Ditolak",
            date(2026, 11, 20),
            {"tanggal_keberatan": date(2026, 11, 26), "alasan_keberatan": GROUND_A},
        )
    )
    assert obj.answer_due == date(2027, 1, 13)
    assert obj.status == WAITING


@pytest.mark.parametrize(
    ("case", "holidays", "expected"),
    [
        ("14 HK across Christmas and New Year", None, date(2027, 1, 6)),
        ("24 Dec made a working day on the Hari Libur sheet", [WORKING_24_DEC], date(2027, 1, 4)),
    ],
)
def test_dispute_clock_counts_from_the_answer_received(case, holidays, expected):
    reg_rows = rows(
        "Ditolak",
        date(2026, 11, 20),
        {
            "tanggal_keberatan": date(2026, 11, 26),
            "alasan_keberatan": GROUND_A,
            "tanggal_tanggapan": date(2026, 12, 10),
            "putusan_keberatan": "Ditolak",
            "pertimbangan_atasan": "Data pribadi.",
            "tanggapan_diterima": date(2026, 12, 11),
        },
    )
    if holidays:
        reg_rows["hari_libur"] = holidays
    assert one(reg_rows).dispute_due == expected


def test_dispute_clock_without_an_answer_runs_from_the_end_of_the_answer_period():
    base = rows(
        "Ditolak", date(2026, 11, 20), {"tanggal_keberatan": date(2026, 11, 26), "alasan_keberatan": GROUND_A}
    )
    assert one(base).dispute_due == date(2027, 2, 2)  # 13 Jan 2027 + 14 HK
    assert one(base, {"sengketa_tanpa_tanggapan": "Tidak"}).dispute_due is None


def test_unanswered_request_counts_from_its_own_deadline():
    # ground c: no decision ever reached the requester; the request's 10 HK ended Mon 16 Nov 2026
    obj = one(rows("", None, {"tanggal_keberatan": date(2026, 11, 26), "alasan_keberatan": GROUND_C}))
    assert obj.basis == date(2026, 11, 16)
    assert obj.filing_due == date(2026, 12, 30)


# ---------------------------------------------------------------- date order and the other findings
FILED = {"tanggal_keberatan": date(2026, 11, 26), "alasan_keberatan": GROUND_A}
ANSWER = {
    "tanggal_tanggapan": date(2026, 12, 10),
    "putusan_keberatan": "Ditolak",
    "pertimbangan_atasan": "Data pribadi.",
}
CASES = [
    ("answered keberatan in order", {**FILED, **ANSWER}, []),
    (
        "keberatan before the decision was received",
        {**FILED, "tanggal_keberatan": date(2026, 11, 18)},
        [("keberatan_urutan_tanggal", "tanggal_keberatan")],
    ),
    (
        "answer before the keberatan",
        {**FILED, **ANSWER, "tanggal_tanggapan": date(2026, 11, 25)},
        [("keberatan_urutan_tanggal", "tanggal_tanggapan")],
    ),
    (
        "answer received before it was written",
        {**FILED, **ANSWER, "tanggapan_diterima": date(2026, 12, 9)},
        [("keberatan_urutan_tanggal", "tanggapan_diterima")],
    ),
    (
        "sengketa before the answer",
        {**FILED, **ANSWER, "tanggal_sengketa": date(2026, 12, 8)},
        [("keberatan_urutan_tanggal", "tanggal_sengketa")],
    ),
    (
        "sengketa while the answer period still runs",
        {**FILED, "tanggal_sengketa": date(2026, 12, 8)},
        [("keberatan_urutan_tanggal", "tanggal_sengketa")],
    ),
    (
        "KI ruling before the sengketa",
        {
            **FILED,
            **ANSWER,
            "tanggal_sengketa": date(2026, 12, 14),
            "putusan_sengketa": "Ditolak",
            "tanggal_putusan_sengketa": date(2026, 12, 11),
        },
        [("keberatan_urutan_tanggal", "tanggal_putusan_sengketa")],
    ),
    (
        "keberatan filed after 30 working days",
        {**FILED, "tanggal_keberatan": date(2027, 1, 8)},
        [("keberatan_lewat_batas", "tanggal_keberatan")],
    ),
    (
        "sengketa filed after 14 working days",
        {**FILED, **ANSWER, "tanggal_sengketa": date(2027, 1, 5)},
        [("sengketa_lewat_batas", "tanggal_sengketa")],
    ),
    (
        "verdict without its date",
        {**FILED, "putusan_keberatan": "Diterima"},
        [("keberatan_tidak_lengkap", "tanggal_tanggapan")],
    ),
    (
        "KI ruling without a sengketa",
        {
            **FILED,
            **ANSWER,
            "putusan_sengketa": "Mediasi berhasil",
            "tanggal_putusan_sengketa": date(2026, 12, 20),
        },
        [("keberatan_tidak_lengkap", "tanggal_sengketa")],
    ),
    (
        "refused keberatan without written reasons",
        {**FILED, **ANSWER, "pertimbangan_atasan": None},
        [("keberatan_tanpa_pertimbangan", "pertimbangan_atasan")],
    ),
]


@pytest.mark.parametrize(("case", "entered", "expected"), CASES, ids=[c[0] for c in CASES])
def test_keberatan_findings(case, entered, expected):
    report = validate_register(make_register(rows("Ditolak", date(2026, 11, 20), entered)), today=LATER)
    found = [(f.code, f.key) for f in report.findings if f.code in KEBERATAN_CODES]
    assert found == expected
    assert all(f.sheet == "Keberatan" and f.row == 7 for f in report.findings if f.code in KEBERATAN_CODES)


def test_ground_a_needs_a_refused_request():
    report = validate_register(
        make_register(rows("Diberikan seluruhnya", date(2026, 11, 20), FILED)), today=LATER
    )
    (finding,) = [f for f in report.findings if f.code in KEBERATAN_CODES]
    assert (finding.code, finding.key, finding.column) == (
        "keberatan_tanpa_penolakan",
        "alasan_keberatan",
        "Alasan Keberatan",
    )
    assert "Diberikan seluruhnya" in finding.message and REG in finding.message
    partial = validate_register(
        make_register(rows("Diberikan sebagian", date(2026, 11, 20), FILED)), today=LATER
    )
    assert not [f for f in partial.findings if f.code in KEBERATAN_CODES]


def test_unknown_request_is_a_dangling_reference():
    reg_rows = rows("Ditolak", date(2026, 11, 20))
    reg_rows["keberatan"] = [{"no_registrasi": "PPID-KOMINFO/2026/11/0099", **FILED}]
    report = validate_register(make_register(reg_rows), today=LATER)
    assert ("referensi_tidak_ada", "Keberatan") in {(f.code, f.sheet) for f in report.findings}


def test_a_register_without_the_keberatan_sheet_still_works():
    """A register built before this sheet existed: a warning, and advance archives as before."""
    reg = make_register(at_archive())
    reg.sheets["keberatan"] = SheetData(spec=KEBERATAN, present=False)
    report = validate_register(reg, today=LATER)
    (finding,) = [f for f in report.findings if f.sheet == "Keberatan"]
    assert (finding.code, finding.level) == ("lembar_belum_ada", "peringatan")
    changes, _summary = plan_advance(reg, today=LATER, now=datetime(2027, 3, 1, 10))
    assert changes.cells[("arsip", 7)]["status_tahap"] == "Selesai"


# ---------------------------------------------------------------- archive guard, Beranda, system columns
ARCHIVE = {"no_registrasi": REG, "tanggal_arsip": date(2026, 11, 27), "lokasi_arsip": "Lemari 2"}


def at_archive(*objection: dict) -> dict:
    reg_rows = rows("Ditolak", date(2026, 11, 20), *objection)
    reg_rows["arsip"] = [dict(ARCHIVE)]
    return reg_rows


@pytest.mark.parametrize(
    ("case", "objection", "archived"),
    [
        ("no keberatan", None, True),
        ("keberatan waiting for the Atasan PPID", FILED, False),
        ("keberatan answered", {**FILED, **ANSWER}, True),
        ("sengketa before the KI", {**FILED, **ANSWER, "tanggal_sengketa": date(2026, 12, 14)}, False),
        (
            "sengketa ruled",
            {
                **FILED,
                **ANSWER,
                "tanggal_sengketa": date(2026, 12, 14),
                "putusan_sengketa": "Ditolak",
                "tanggal_putusan_sengketa": date(2027, 2, 1),
            },
            True,
        ),
    ],
)
def test_archive_waits_for_an_open_keberatan_or_sengketa(case, objection, archived):
    reg = make_register(at_archive(*([objection] if objection else [])))
    changes, summary = plan_advance(reg, today=LATER, now=datetime(2027, 3, 1, 10))
    closed = changes.cells.get(("arsip", 7), {}).get("status_tahap") == "Selesai"
    assert closed is archived
    note = changes.cells.get(("arsip", 7), {}).get("catatan") or ""
    if not archived:
        assert "Belum dapat diarsipkan: keberatan atas permohonan ini masih terbuka" in note
        assert "lembar Keberatan baris 7" in note and "lalu proses lagi" in note


def test_advance_fills_the_keberatan_clock_columns():
    reg = make_register(at_archive(FILED))
    changes, _summary = plan_advance(reg, today=date(2027, 1, 14), now=datetime(2027, 1, 14, 10))
    cell = changes.cells[("keberatan", 7)]
    assert cell["nama_pemohon"] == "Budi Santoso"
    assert cell["tanggal_dasar"] == date(2026, 11, 20)
    assert cell["batas_pengajuan"] == date(2027, 1, 7)
    assert cell["batas_waktu"] == date(2027, 1, 13)
    assert cell["status_waktu"] == "Lewat batas"
    assert cell["status_keberatan"] == WAITING


def test_beranda_counts_keberatan_waiting_late_near_and_sengketa():
    late = {**FILED}
    near = {**FILED, "tanggal_keberatan": date(2026, 12, 1)}  # answer due 18 Jan 2027
    dispute = {**FILED, **ANSWER, "tanggal_sengketa": date(2026, 12, 14)}
    reg = make_register(rows("Ditolak", date(2026, 11, 20), late, near, dispute))
    lines = home_rows(reg, today=date(2027, 1, 14), rules=Rules.of(reg))
    assert ["Keberatan menunggu tanggapan Atasan PPID", 2, 1, 1] in lines
    assert ["Sengketa di Komisi Informasi (belum diputus)", 1, None, None] in lines
    assert [o.status for o in objections(reg)] == [WAITING, WAITING, DISPUTE]


def test_a_ruling_closes_the_sengketa():
    obj = one(
        rows(
            "Ditolak",
            date(2026, 11, 20),
            {
                **FILED,
                **ANSWER,
                "tanggal_sengketa": date(2026, 12, 14),
                "putusan_sengketa": "Mediasi berhasil",
                "tanggal_putusan_sengketa": date(2027, 2, 1),
            },
        )
    )
    assert obj.status == CLOSED and not obj.is_open


def test_new_year_carries_an_open_keberatan_with_its_archived_request():
    from automation.newyear import plan_new_year

    finished = {"status_tahap": "Selesai", "diteruskan_ke": "Selesai (diarsipkan)"}
    waiting = make_register(at_archive(FILED))
    waiting.sheets["arsip"].records[0].values.update(finished)
    rows_2027 = plan_new_year(waiting, 2027)
    assert [r["no_registrasi"] for r in rows_2027["keberatan"]] == [REG]
    assert [r["no_registrasi"] for r in rows_2027["permohonan"]] == [REG]
    assert rows_2027["arsip"][0]["diteruskan_ke"] == "Selesai (diarsipkan)"
    assert rows_2027["tanda_terima"][0]["tanggal_diterima"] == date(2026, 11, 20)  # the filing clock's basis
    answered = make_register(at_archive({**FILED, **ANSWER}))
    answered.sheets["arsip"].records[0].values.update(finished)
    assert not plan_new_year(answered, 2027).get("keberatan")


def test_status_lists_the_keberatan_after_the_sop():
    from automation.workflow.timeline import timeline

    reg = make_register(
        at_archive(
            {**FILED, **ANSWER, "tanggal_sengketa": date(2026, 12, 14)},
            {**FILED, "tanggal_keberatan": date(2026, 11, 27)},
        )
    )
    entries = [e.cells() for e in timeline(reg, REG) if e.sheet == "Keberatan"]
    assert [(e[1], e[3]) for e in entries] == [("26/11/2026", DISPUTE), ("27/11/2026", WAITING)]
    assert "Putusan Atasan PPID: Ditolak" in entries[0][4]


# ---------------------------------------------------------------- letters as real .docx (and one PDF)
def letter_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_keberatan_letters_are_rendered_from_the_templates(tmp_path: Path):
    reg_rows = rows("Ditolak", date(2026, 11, 20), {**FILED, **ANSWER})
    reg_rows["permohonan"][0].update(alamat="Jl. Gajah Mada No. 1, Pontianak", pekerjaan="Wiraswasta")
    reg = make_register(reg_rows)
    reg.path = tmp_path / "register.xlsm"
    changes, result = make_documents(reg, DocumentsRequest(tmp_path / "output", LATER))
    made = {r.document: r for r in result.made if r.sheet == "Keberatan"}
    assert set(made) == {"Tanda Terima Keberatan", "Tanggapan atas Keberatan"}, [
        r.message for r in result.failed
    ]
    receipt = letter_text(made["Tanda Terima Keberatan"].path)
    assert "Nomor: 001/KEB/PPID-DISKOMINFO/XI/2026" in receipt  # numbered and dated by the keberatan
    assert "26 November 2026" in receipt and "13 Januari 2027" in receipt and GROUND_A in receipt
    answer = letter_text(made["Tanggapan atas Keberatan"].path)
    assert "Nomor: 001/TGP-KEB/PPID-DISKOMINFO/XII/2026" in answer and "Pontianak, 10 Desember 2026" in answer
    assert "Keberatan DITOLAK" in answer and "Data pribadi." in answer and "DITERIMA" not in answer
    assert "Samuel, S.E., M.Si." in answer and "14 (empat belas) hari kerja" in answer
    assert changes.cells[("keberatan", 7)]["nomor_tanda_keberatan"] == "001/KEB/PPID-DISKOMINFO/XI/2026"
    if find_soffice() is not None:
        conversion = convert_beside_report([made["Tanggapan atas Keberatan"].path])
        assert [p.suffix for p in conversion.pdfs] == [".pdf"]


def test_letters_wait_for_impossible_keberatan_dates(tmp_path: Path):
    reg = make_register(
        rows("Ditolak", date(2026, 11, 20), {**FILED, "tanggal_keberatan": date(2026, 11, 18)})
    )
    reg.path = tmp_path / "register.xlsm"
    _changes, result = make_documents(reg, DocumentsRequest(tmp_path / "output", LATER))
    (failed,) = [r for r in result.failed if r.sheet == "Keberatan"]
    assert "Tanggal Keberatan Diterima" in failed.message
    assert not [r for r in result.made if r.sheet == "Keberatan"]


# ---------------------------------------------------------------- report figures
def test_reports_count_keberatan_and_sengketa_by_outcome():
    answered = {**FILED, **ANSWER}
    waiting = {**FILED, "tanggal_keberatan": date(2026, 11, 27)}
    agreed = {
        **FILED,
        "tanggal_tanggapan": date(2026, 12, 4),
        "putusan_keberatan": "Diselesaikan dengan kesepakatan",
    }
    disputed = {
        **FILED,
        **ANSWER,
        "tanggal_sengketa": date(2026, 12, 14),
        "putusan_sengketa": "Mediasi berhasil",
        "tanggal_putusan_sengketa": date(2026, 12, 30),
    }
    reg = make_register(rows("Ditolak", date(2026, 11, 20), answered, waiting, agreed, disputed))
    tally = prepare(reg, date(2027, 1, 20)).tally
    nov, dec = tally.figures(Period.month(2026, 11)), tally.figures(Period.month(2026, 12))
    assert (nov["objections"], nov["objections_decided"], nov["disputes"]) == (4, 0, 0)
    assert (dec["objections_decided"], dec["disputes"], dec["disputes_decided"]) == (3, 1, 1)
    year = tally.figures(Period.year(2026))
    assert year["objections_open_late"] == 0
    assert (
        tally.figures(Period.month(2027, 1))["objections_open_late"] == 1
    )  # due 12 Jan 2027, still open on 20 Jan
    outcomes = tally.frames.objections["outcome"].value_counts().to_dict()
    assert outcomes == {"Ditolak": 2, "Belum ditanggapi": 1, "Diselesaikan dengan kesepakatan": 1}
    assert tally.frames.objections["dispute"].tolist() == ["", "", "", "Mediasi berhasil"]


def test_the_answer_date_staff_type_is_the_one_read(register: Path):
    """Staff type the Atasan PPID's answer into "Tanggal Tanggapan"; the letter's own date column
    ("Tanggal Tanggapan atas Keberatan") is another column with another key."""
    from openpyxl import load_workbook

    from automation.excel.reader import read_register

    wb = load_workbook(register, keep_vba=True)
    ws = wb[KEBERATAN.name]
    header = next(r for r in ws.iter_rows(max_row=12) if any(c.value == "Tanggal Tanggapan" for c in r))
    column = {c.value: c.column for c in header}
    row = header[0].row + 1
    ws.cell(row, column["Tanggal Tanggapan"]).value = datetime(2026, 12, 10)
    wb.save(register)
    (record,) = [r for r in read_register(register).records("keberatan") if r.get("tanggal_tanggapan")]
    assert record.get("tanggal_tanggapan") == date(2026, 12, 10)
    assert not record.get("tanggal_surat_tanggapan")
