"""``advance`` on a real workbook: values arrive as they left, and a second run writes nothing."""

from __future__ import annotations

from datetime import date, datetime

from test_workflow_kit import intake_row

from automation import operations
from automation.changes import Changes
from automation.excel.reader import read_register

NOW = datetime(2026, 7, 6, 9, 0)


def test_advance_on_a_workbook_carries_values_exactly_and_is_idempotent(register) -> None:
    path = register  # a copy of the blank 2026 register built once per run
    row = intake_row("=SUM(A1:A3) laporan keuangan", nama_pemohon="'0812 Budi", nik="6171014506900001")
    operations.commit(path, lambda reg: (Changes(appends={"permohonan": [row]}), None))

    first = operations.advance(path, now=NOW)
    assert first.written and first.result.registered == ["PPID-KOMINFO/2026/07/0001"]
    reg = read_register(path)
    (intake,) = reg.records("permohonan")
    (coord,) = reg.records("koordinasi")
    assert coord.get("rincian_informasi") == "=SUM(A1:A3) laporan keuangan"  # text, not a formula
    assert coord.get("nama_pemohon") == intake.get("nama_pemohon")
    assert intake.get("nik") == "6171014506900001"
    assert coord.get("batas_waktu") in (date(2026, 7, 20), datetime(2026, 7, 20))
    assert [r.get("ke") for r in reg.records("log")][-1] == "2 Koordinasi"

    second = operations.advance(path, now=NOW)
    assert not second.written


def test_a_write_plans_once_when_the_file_did_not_change_and_again_when_it_did(register, tmp_path) -> None:
    """The plan made before the lock is kept only for the very bytes it was made on."""
    import shutil

    other = tmp_path / "lain.xlsm"
    shutil.copy(register, other)
    operations.commit(other, lambda reg: (Changes(appends={"permohonan": [intake_row("lain")]}), None))
    seen: list[int] = []

    def planner(reg):
        seen.append(len(reg.records("permohonan")))
        return Changes(appends={"permohonan": [intake_row("satu")]}), None

    assert operations.commit(register, planner).written and seen == [0]

    def changed_meanwhile(reg):  # another run writes between this run's first plan and its lock
        seen.append(len(reg.records("permohonan")))
        if len(seen) == 2:
            shutil.copy(other, register)
        return Changes(appends={"permohonan": [intake_row("dua")]}), None

    assert operations.commit(register, changed_meanwhile).written
    assert seen == [0, 1, 1]  # planned again on what the other run wrote
    texts = [r.get("rincian_informasi") for r in read_register(register).records("permohonan")]
    assert texts == ["lain", "dua"]


def test_changes_then_keeps_both_and_the_later_value_of_a_cell() -> None:
    """What staff typed followed by what the advance planned on it (the demo's working day)."""
    typed = Changes(cells={("kajian", 7): {"hasil_kajian": "Ada", "catatan": "a"}})
    later = Changes(
        cells={("kajian", 7): {"catatan": "b"}},
        appends={"klasifikasi": [{"no_registrasi": "X"}]},
        log=[{"ke": "4 Klasifikasi"}],
        home=[["Beranda"]],
    )
    both = typed.then(later)
    assert both.cells == {("kajian", 7): {"hasil_kajian": "Ada", "catatan": "b"}}
    assert both.appends == {"klasifikasi": [{"no_registrasi": "X"}]} and both.log == later.log
    assert both.home == [["Beranda"]] and typed.cells[("kajian", 7)]["catatan"] == "a"
