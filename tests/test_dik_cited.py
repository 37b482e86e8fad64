"""A Register DIK precedent shows where a PPID office looks: the berita acara and the reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
from _letters_data import REG1, REG2, demo_register, demo_rows, flat, text_of

from automation.letters.documents import MADE, DocumentsRequest, make_documents
from automation.report import build_monthly
from automation.report.annual import plan_annual
from automation.report.monthly import plan_monthly
from automation.workflow.cited import Citations

TODAY = date(2026, 12, 10)
ENTRY = {
    "perangkat_daerah": "Badan Kepegawaian Daerah",
    "pasal17": "17h3",
    "konsekuensi": "Membuka keuangan pribadi.",
    "kepentingan_publik": "Rekapitulasi belanja pegawai diumumkan.",
    "jenis_jangka_waktu": "Tidak terbatas",
    "status_dik": "Berlaku",
}
FOLLOWED = {
    **ENTRY,
    "no_dik": "DIK-2026-001",
    "informasi": "Daftar gaji dan tunjangan ASN",
    "tanggal_mulai": date(2026, 10, 2),
    "nomor_ba": "DIK terbitan 2025 no. 1.a",
}
LATER = {
    **ENTRY,
    "no_dik": "DIK-2026-002",
    "informasi": "Rincian gaji per pegawai",
    "tanggal_mulai": date(2026, 11, 30),
}  # set after the test: not a precedent of it
OWN = {
    **ENTRY,
    "no_dik": "DIK-2026-003",
    "no_registrasi": REG1,
    "informasi": "Nomor rekening pegawai",
    "tanggal_mulai": date(2026, 11, 24),
}  # made from the request itself
OPENED = {
    **ENTRY,
    "no_dik": "DIK-2026-004",
    "informasi": "Rincian gaji per pegawai negeri",
    "tanggal_mulai": date(2026, 1, 5),
    "status_dik": "Dibuka",
}


def tables(draft) -> dict:
    return {t.key: t for page in draft.pages for t in page.tables}


def rows(*entries: dict) -> dict:
    return {**demo_rows(), "register_dik": [dict(e) for e in entries]}


def ba_text(tmp_path: Path, *entries: dict) -> str:
    reg = demo_register(tmp_path, rows(*entries))
    _changes, result = make_documents(reg, DocumentsRequest(tmp_path / "output", TODAY))
    row = next(r for r in result.rows if r.reg_no == REG1 and r.document == "Berita Acara Uji Konsekuensi")
    assert row.status == MADE, row.message
    return flat(text_of(row.path))


def test_the_berita_acara_cites_the_entry_the_tested_information_follows(tmp_path: Path) -> None:
    text = ba_text(tmp_path, FOLLOWED, LATER, OWN, OPENED)
    assert "Preseden: Sesuai preseden dalam Register Daftar Informasi yang Dikecualikan" in text
    assert (
        "1. Register DIK Nomor DIK-2026-001, \u201cDaftar gaji dan tunjangan ASN\u201d, ditetapkan "
        "2 Oktober 2026 berdasarkan DIK terbitan 2025 no. 1.a, dasar Pasal 17 huruf h angka 3 "
        "UU 14/2008, berlaku tanpa batas waktu; serupa dengan" in text
    )
    for other in ("DIK-2026-002", "DIK-2026-003", "DIK-2026-004"):
        assert other not in text, other
    assert text.index("Preseden:") < text.index("Kesimpulan:")  # after the results, before the conclusion


def test_a_berita_acara_without_a_precedent_says_nothing_about_it(tmp_path: Path) -> None:
    text = ba_text(tmp_path, LATER, OWN, OPENED)
    assert "Preseden" not in text and "Register DIK Nomor" not in text


def test_one_rule_for_the_letter_and_the_report(tmp_path: Path) -> None:
    reg = demo_register(tmp_path, rows(FOLLOWED, LATER, OWN, OPENED))
    cited = Citations(reg).of(REG1)
    assert [c.number for c in cited] == ["DIK-2026-001"] and cited[0].score >= 70
    assert Citations(reg).of(REG2) == []  # not tested: no berita acara, no precedent
    assert Citations(reg).of(REG1, date(2026, 10, 1)) == []  # before the entry was set


def test_the_monthly_report_counts_and_lists_requests_that_followed_a_precedent(tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from test_report import docx_text

    reg = demo_register(tmp_path, rows(FOLLOWED, LATER, OWN))
    draft = plan_monthly(reg, "2026-11", today=TODAY)
    table = tables(draft)["dik_preseden"]
    assert [r[:3] for r in table.rows] == [[REG1, date(2026, 11, 24), "DIK-2026-001"]]
    result = build_monthly(reg, "2026-11", out_dir=tmp_path / "laporan", today=TODAY)
    text = docx_text(result.docx)
    assert "Sebanyak 1 permohonan yang diuji bulan ini mengikuti preseden Register DIK" in text
    word = [
        t
        for t in docx.Document(str(result.docx)).tables
        if any("DIK-2026-001" in c.text for row in t.rows for c in row.cells)
    ]
    assert word and word[0].rows[0].cells[2].text == "Nomor DIK"
    cells = [
        c
        for ws in load_workbook(result.xlsx).worksheets
        for row in ws.iter_rows(values_only=True)
        for c in row
    ]
    assert "Permohonan yang diuji mengikuti preseden Register DIK" in cells and "DIK-2026-001" in cells
    october = plan_monthly(reg, "2026-10", today=TODAY)
    assert tables(october)["dik_preseden"].rows == []  # counted in the month of its Tanggal Uji


def test_the_annual_report_has_the_precedents_and_the_retest_queue(tmp_path: Path) -> None:
    soon = {
        **FOLLOWED,
        "no_dik": "DIK-2026-009",
        "informasi": "HPS pengadaan server",
        "jenis_jangka_waktu": "Tanggal",
        "jangka_waktu": "31/01/2027",
        "berlaku_sampai": date(2027, 1, 31),
    }
    reg = demo_register(tmp_path, rows(FOLLOWED, soon))
    draft = plan_annual(reg, 2026, today=TODAY)
    assert [r[2] for r in tables(draft)["dik_preseden"].rows] == ["DIK-2026-001"]
    assert [r[0] for r in tables(draft)["dik_segera"].rows] == ["DIK-2026-009"]
    from test_report import docx_text

    from automation.report import build_annual

    text = docx_text(build_annual(reg, 2026, out_dir=tmp_path / "laporan", today=TODAY).docx)
    assert "DIK-2026-009" in text and "Register DIK: segera diuji ulang atau ditinjau" in text
    assert "Permohonan yang diuji mengikuti preseden Register DIK" in text
