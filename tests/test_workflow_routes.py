"""Branch rules as tables (row as entered -> next sheet) and rows that cannot move, with their reasons."""

from __future__ import annotations

from datetime import date

import pytest
from test_workflow_kit import MONDAY, advance, intake_row, register, rows_of

from automation.schema import STAGES
from automation.workflow.routes import (
    EDGES,
    after_klasifikasi,
    after_koordinasi,
    approved,
    approved_decision,
    validity_end,
)

NUMBER = "PPID-KOMINFO/2026/07/0001"
CONTEXT = {"no_registrasi": NUMBER, "nama_pemohon": "Budi", "rincian_informasi": "Data gaji"}


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"status_penguasaan": "Dikuasai"}, ("kajian", {})),
        (
            {"status_penguasaan": " tidak DIKUASAI "},
            ("keputusan", {"jenis_keputusan": "Tidak dikuasai", "badan_publik_lain": None}),
        ),
        (
            {"status_penguasaan": "Belum didokumentasikan", "badan_publik_lain": "BPN"},
            ("keputusan", {"jenis_keputusan": "Belum didokumentasikan", "badan_publik_lain": "BPN"}),
        ),
        ({"status_penguasaan": "Mungkin"}, None),
    ],
)
def test_step_2_branches_on_who_holds_the_information(row: dict, expected: object) -> None:
    assert after_koordinasi(row) == expected


@pytest.mark.parametrize(
    ("verdicts", "target", "decision_after_approval"),
    [
        (["TIDAK"], "keputusan", None),
        (["TIDAK", "tidak"], "keputusan", None),
        (["YA"], "berita_acara", "Ditolak"),
        (["YA", "YA"], "berita_acara", "Ditolak"),
        (["SEBAGIAN"], "berita_acara", "Diberikan sebagian"),
        (["YA", "TIDAK"], "berita_acara", "Diberikan sebagian"),
    ],
)
def test_step_4_branches_on_the_classification(
    verdicts: list[str], target: str, decision_after_approval: str | None
) -> None:
    items = [{"dikecualikan": v} for v in verdicts]
    route = after_klasifikasi(items)
    assert route is not None and route[0] == target
    if target == "keputusan":
        assert route[1] == {"jenis_keputusan": "Diberikan seluruhnya"}
    else:
        assert approved_decision(items) == decision_after_approval


def test_step_4_waits_for_every_item() -> None:
    assert after_klasifikasi([{"dikecualikan": "YA"}, {"dikecualikan": None}]) is None


@pytest.mark.parametrize(
    ("decision", "expected"), [("Disetujui", True), ("revisi", False), ("Ditolak", False), ("", None)]
)
def test_step_6_approval(decision: str, expected: bool | None) -> None:
    assert approved({"keputusan_atasan": decision}) is expected


@pytest.mark.parametrize(
    ("kind", "period", "expected"),
    [
        ("Tanggal", "31/12/2027", date(2027, 12, 31)),
        ("Tahun", "5", date(2031, 7, 15)),
        ("Tahun", 2.0, date(2028, 7, 15)),
        ("Tahun", "3 tahun", date(2029, 7, 15)),
        ("Peristiwa", "putusan pengadilan berkekuatan hukum tetap", None),
        ("Tidak terbatas", None, None),
    ],
)
def test_pasal_20_period_end(kind: str, period: object, expected: date | None) -> None:
    assert validity_end(kind, period, date(2026, 7, 15)) == expected


def test_leap_day_plus_years() -> None:
    assert validity_end("Tahun", "1", date(2028, 2, 29)) == date(2029, 2, 28)


def test_the_graph_covers_every_stage() -> None:
    touched = {e.source for e in EDGES} | {e.target for e in EDGES}
    assert touched == {s.key for s in STAGES}


# ---------------------------------------------------------------- rows that cannot move
def registered() -> dict:
    return intake_row("Data gaji", no_registrasi=NUMBER, status_tahap="Selesai")


OPEN = "Dalam proses"


def test_request_open_on_two_sheets_is_not_moved() -> None:
    done = {"tanggal_kajian": MONDAY, "hasil_kajian": "x"}
    reg = register(
        [registered()],
        koordinasi=[{**CONTEXT, "status_tahap": OPEN}],
        kajian=[{**CONTEXT, **done, "status_tahap": OPEN}],
    )
    _, summary = advance(reg)
    assert not summary.moved and summary.blocked == 2
    assert "lebih dari satu tahap (2 Koordinasi, 3 Kajian)" in rows_of(reg, "kajian", NUMBER)[0].get(
        "catatan"
    )
    assert rows_of(reg, "permohonan", NUMBER)[0].get("tahap_saat_ini") == "2 Koordinasi + 3 Kajian"


def test_stage_row_with_unknown_number_is_not_moved() -> None:
    reg = register(
        [registered()],
        koordinasi=[
            {**CONTEXT, "status_tahap": OPEN},
            {**CONTEXT, "no_registrasi": "SALAH-01", "status_tahap": OPEN},
        ],
    )
    advance(reg)
    assert "tidak ditemukan di lembar 1 Permohonan" in reg.records("koordinasi")[1].get("catatan")


def test_stage_row_without_number_is_not_moved() -> None:
    reg = register([registered()], koordinasi=[{**CONTEXT, "status_tahap": OPEN}, {"petugas_pd": "Andi"}])
    advance(reg)
    assert reg.records("koordinasi")[1].get("catatan").startswith("Nomor Registrasi kosong")


def test_two_open_rows_on_one_sheet_are_not_moved() -> None:
    row = {**CONTEXT, "tanggal_kajian": MONDAY, "hasil_kajian": "x", "status_tahap": OPEN}
    reg = register([registered()], kajian=[row, dict(row)])
    _, summary = advance(reg)
    assert not summary.moved
    assert all("hapus baris ganda" in r.get("catatan") for r in reg.records("kajian"))


def test_duplicate_registration_number_on_intake() -> None:
    reg = register([registered(), registered()], koordinasi=[{**CONTEXT, "status_tahap": OPEN}])
    advance(reg)
    assert "sudah dipakai di baris 7" in reg.records("permohonan")[1].get("catatan")


def test_value_outside_the_list_is_named() -> None:
    reg = register(
        [registered()],
        koordinasi=[
            {
                **CONTEXT,
                "tanggal_koordinasi": MONDAY,
                "petugas_pd": "Andi",
                "status_penguasaan": "Sebagian dikuasai",
                "status_tahap": OPEN,
            }
        ],
    )
    _, summary = advance(reg)
    assert not summary.moved
    assert "Status Penguasaan" in reg.records("koordinasi")[0].get("catatan")


def test_request_without_any_open_row_is_reported_on_intake() -> None:
    reg = register(
        [registered()], koordinasi=[{**CONTEXT, "status_tahap": "Selesai", "diteruskan_ke": "3 Kajian"}]
    )
    advance(reg)
    intake = reg.records("permohonan")[0]
    assert intake.get("tahap_saat_ini") == "Tidak diketahui"
    assert "Tidak ada baris terbuka" in intake.get("catatan")


def test_document_notes_written_by_documents_are_kept() -> None:
    letter = "Dokumen Pemberitahuan Tertulis belum dapat dibuat: Tanggal Keputusan kosong."
    row = {
        "no_registrasi": NUMBER,
        "jenis_keputusan": "Tidak dikuasai",
        "status_tahap": OPEN,
        "catatan": letter,
    }
    reg = register([registered()], keputusan=[row])
    advance(reg)
    note = reg.records("keputusan")[0].get("catatan")
    assert note.startswith("Belum dapat diteruskan:") and note.endswith(letter)


def test_docs_name_every_step_edge_and_completing_column() -> None:
    from pathlib import Path

    from automation.schema import Need
    from automation.workflow.routes import NAME

    text = (Path(__file__).parents[1] / "docs" / "workflow.md").read_text(encoding="utf-8")
    for sheet in STAGES:
        assert sheet.name in text
        for col in sheet.columns:
            if col.need is not Need.OPTIONAL:
                assert col.header in text, col.header
    for edge in EDGES:
        assert f"| {NAME[edge.source]} | {NAME[edge.target]} |" in text, edge


def test_no_move_to_a_sheet_that_is_not_in_the_workbook() -> None:
    reg = register(
        [registered()],
        koordinasi=[
            {
                **CONTEXT,
                "tanggal_koordinasi": MONDAY,
                "petugas_pd": "Andi",
                "status_penguasaan": "Dikuasai",
                "status_tahap": OPEN,
            }
        ],
    )
    reg.sheets["kajian"].present = False
    changes, summary = advance(reg)
    assert not summary.moved and "kajian" not in changes.appends
    assert "Lembar 3 Kajian tidak ditemukan" in reg.records("koordinasi")[0].get("catatan")
