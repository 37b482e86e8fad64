"""A living Register DIK: the re-test queue, periodic reviews, and what new-year carries."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from test_dik_staff_entries import TYPED
from test_workflow_kit import MONDAY, advance, register

from automation.changes import Changes
from automation.newyear import merge_holidays, plan_new_year
from automation.register import Record
from automation.workflow import home_rows as beranda
from automation.workflow.queue import ENDS, REVIEW, add_months, due_entries, home_rows

IN_FORCE = {**TYPED, "no_dik": "DIK-2026-001", "status_dik": "Berlaku"}
EVENT = {
    **TYPED,
    "no_dik": "DIK-2026-002",
    "status_dik": "Berlaku",
    "pasal17": "17a1",
    "jenis_jangka_waktu": "Peristiwa",
    "jangka_waktu": "Sampai penyidikan selesai",
    "tanggal_mulai": date(2025, 7, 1),
}


def test_add_months_keeps_the_day_or_takes_the_last_of_a_short_month() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2025, 11, 15), 12) == date(2026, 11, 15)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


def test_an_entry_ending_within_the_notice_window_is_queued_ahead_of_time() -> None:
    soon = {**IN_FORCE, "berlaku_sampai": date(2026, 8, 31)}  # 56 days after MONDAY
    later = {**IN_FORCE, "no_dik": "DIK-2026-003", "berlaku_sampai": date(2026, 9, 30)}
    reg = register([], register_dik=[soon, later])
    assert [(d.number, d.reason, d.when) for d in due_entries(reg, MONDAY)] == [
        ("DIK-2026-001", ENDS, date(2026, 8, 31))
    ]
    wider = register([], register_dik=[soon, later])  # Pengaturan is parsed once per register
    wider.settings["dik_hari_pemberitahuan"] = 90
    assert [d.number for d in due_entries(wider, MONDAY)] == ["DIK-2026-001", "DIK-2026-003"]
    none = register([], register_dik=[soon, later])
    none.settings["dik_hari_pemberitahuan"] = 0
    assert due_entries(none, MONDAY) == []


def test_event_and_unlimited_entries_get_a_periodic_review_date() -> None:
    reg = register([], register_dik=[EVENT])
    advance(reg)
    entry = reg.records("register_dik")[0]
    assert entry.get("tinjau_berikutnya") == date(2026, 7, 1)  # 12 months after Tanggal Mulai
    assert [(d.number, d.reason) for d in due_entries(reg, MONDAY)] == [("DIK-2026-002", REVIEW)]
    entry.values["tinjau_terakhir"] = date(2026, 7, 3)  # staff reviewed it
    advance(reg)
    assert entry.get("tinjau_berikutnya") == date(2027, 7, 3)
    assert due_entries(reg, MONDAY) == []


def test_a_date_entry_has_no_review_date_and_an_opened_one_is_never_queued() -> None:
    opened = {**EVENT, "status_dik": "Dibuka"}
    reg = register([], register_dik=[{**IN_FORCE, "berlaku_sampai": date(2030, 1, 2)}, opened])
    advance(reg)
    assert [r.get("tinjau_berikutnya") for r in reg.records("register_dik")] == [None, None]
    assert due_entries(reg, MONDAY) == []


def test_the_beranda_lists_the_queue_after_the_dik_counts() -> None:
    soon = {
        **IN_FORCE,
        "berlaku_sampai": date(2026, 8, 31),
        "informasi": "Daftar gaji " + "sangat panjang " * 20,
    }
    reg = register([], register_dik=[soon, EVENT])
    rows = beranda(reg, today=MONDAY)
    assert ["Register DIK berlaku", 2, None, None] in rows
    assert ["Register DIK segera diuji ulang/ditinjau (60 hari)", 2, None, None] in rows
    head = rows.index(["Nomor DIK", "Alasan", "Tanggal", "Informasi"])
    assert [r[:3] for r in rows[head + 1 : head + 3]] == [
        ["DIK-2026-002", REVIEW, date(2026, 7, 1)],
        ["DIK-2026-001", ENDS, date(2026, 8, 31)],
    ]
    assert len(rows[head + 2][3]) <= 80
    empty = home_rows(register([]), MONDAY)
    assert empty[2] == ["Register DIK segera diuji ulang/ditinjau (60 hari)", 0, None, None]


def test_a_long_queue_is_cut_on_the_beranda_and_counted() -> None:
    entries = [
        {**IN_FORCE, "no_dik": f"DIK-2026-{n:03d}", "berlaku_sampai": date(2026, 8, n)} for n in range(1, 15)
    ]
    rows = home_rows(register([], register_dik=entries), MONDAY)
    assert rows[-1] == ["… dan 4 entri lainnya (lihat lembar 7 Register DIK)."]


def test_new_year_carries_the_queue_staff_typed_rows_and_entries_waiting_for_a_test() -> None:
    retest = {**IN_FORCE, "no_dik": "DIK-2025-009", "status_dik": "Perlu uji ulang"}
    typed = {k: v for k, v in TYPED.items()}  # no number, no status yet
    opened = {**IN_FORCE, "no_dik": "DIK-2025-010", "status_dik": "Dibuka"}
    soon = {**IN_FORCE, "no_dik": "DIK-2026-004", "berlaku_sampai": date(2027, 1, 15)}
    reg = register([], register_dik=[retest, typed, opened, soon, EVENT])
    plan = plan_new_year(reg, 2027)
    carried = [(r.get("no_dik"), r.get("status_dik")) for r in plan["register_dik"]]
    assert carried == [
        ("DIK-2025-009", "Perlu uji ulang"),
        (None, None),
        ("DIK-2026-004", "Berlaku"),
        ("DIK-2026-002", "Berlaku"),
    ]
    assert plan["register_dik"][1]["informasi"] == TYPED["informasi"]


PACKAGE = {"jenis": "Libur nasional", "sumber": "paket holidays", "dasar": None}


def holiday(day: date, name: str, **kw: object) -> dict[str, object]:
    return {"tanggal": datetime.combine(day, datetime.min.time()), "keterangan": name, **PACKAGE, **kw}


def test_new_year_carries_staff_edits_to_the_coming_years_holidays() -> None:
    old = register(
        [],
        hari_libur=[
            holiday(date(2026, 12, 25), "Hari Raya Natal"),  # this year: not carried
            holiday(date(2027, 1, 1), "Tahun Baru 2027 Masehi"),  # untouched package row
            holiday(
                date(2027, 2, 17), "Tahun Baru Imlek", jenis="Bukan hari libur", dasar="SKB 3 Menteri 2026"
            ),
            holiday(
                date(2027, 3, 2), "Penutupan kantor (pindah gedung)", jenis="Penutupan kantor", sumber="staf"
            ),
        ],
    )
    plan = plan_new_year(old, 2027)
    assert [r["keterangan"] for r in plan["hari_libur"]][0] == "Tahun Baru 2027 Masehi"
    fresh = [
        Record(row=5, values=holiday(date(2027, 1, 1), "Tahun Baru 2027 Masehi")),
        Record(row=6, values=holiday(date(2027, 2, 17), "Tahun Baru Imlek")),
    ]
    changes = Changes()
    written = merge_holidays(plan["hari_libur"], fresh, changes)
    assert written == 2
    assert changes.cells[("hari_libur", 6)]["jenis"] == "Bukan hari libur"  # the package row is overwritten
    assert changes.cells[("hari_libur", 6)]["dasar"] == "SKB 3 Menteri 2026"
    assert [r["keterangan"] for r in changes.appends["hari_libur"]] == ["Penutupan kantor (pindah gedung)"]


def test_the_monthly_report_lists_the_queue_ahead_of_time(tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from test_report import docx_text

    from automation.report import build_monthly

    soon = {**IN_FORCE, "no_dik": "DIK-2026-007", "berlaku_sampai": date(2026, 8, 20)}
    far = {**IN_FORCE, "no_dik": "DIK-2026-008", "berlaku_sampai": date(2027, 8, 20)}
    result = build_monthly(register([], register_dik=[soon, far]), "2026-06", out_dir=tmp_path, today=MONDAY)
    text = docx_text(result.docx)
    assert "DIK-2026-007" in text and "DIK-2026-008" not in text
    assert "1 entri Register DIK segera berakhir" in text
    cells = [
        str(c)
        for ws in load_workbook(result.xlsx).worksheets
        for row in ws.iter_rows(values_only=True)
        for c in row
        if c
    ]
    assert "DIK-2026-007" in cells


def test_new_year_summary_names_the_entries_waiting_for_a_new_test() -> None:
    from automation.newyear import NewYearSummary

    lines = NewYearSummary(Path("baru.xlsm"), 2027, {"register_dik": 5, "hari_libur": 2}, retest=2).lines()
    assert "  7 Register DIK: 5 baris dibawa (2 perlu uji ulang)" in lines
    assert "  Hari Libur: 2 baris dibawa" in lines
    assert "hari libur ubahan staf" in NewYearSummary(Path("baru.xlsm"), 2027).lines()[1]


def _delete_holiday(path: Path, day: datetime) -> str:
    """Delete the Hari Libur row of ``day`` as staff would (the whole sheet row); returns its name."""
    from openpyxl import load_workbook

    book = load_workbook(path, keep_vba=True)
    sheet = book["Hari Libur"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == day)
    name = str(sheet.cell(row, 2).value)
    sheet.delete_rows(row)
    book.save(path)
    return name


def test_new_year_leaves_out_package_holidays_staff_deleted(register: Path, tmp_path: Path) -> None:
    from automation.excel.reader import read_register
    from automation.newyear import start_new_year
    from automation.values import parse_date
    from automation.workdays import package_holidays

    coming = sorted(d for d in package_holidays(2027) if d.month >= 2)[0]
    name = _delete_holiday(register, datetime.combine(coming, datetime.min.time()))
    summary = start_new_year(register, tmp_path / "baru.xlsm", today=MONDAY, year=2027)
    new = read_register(tmp_path / "baru.xlsm")
    days = [parse_date(r.get("tanggal"))[0] for r in new.records("hari_libur")]
    assert coming not in days, name  # a deliberate deletion is an edit too
    assert summary.removed == [coming]
    assert f"dihapus staf di register lama: {coming:%d/%m/%Y}" in "\n".join(summary.lines())
    assert set(package_holidays(2027)) - {coming} <= set(days)  # every other 2027 date is still there
    assert set(package_holidays(2028)) <= set(days)  # 2028 was never in the old sheet: not judged


def test_only_years_the_old_sheet_was_prefilled_with_are_judged() -> None:
    from automation.newyear import KeptHolidays, drop_deleted_holidays

    old = register(
        [],
        hari_libur=[
            holiday(date(2027, 1, 1), "Tahun Baru 2027 Masehi", sumber="Paket holidays"),
            holiday(date(2028, 3, 2), "Penutupan kantor", sumber="staf"),
        ],
    )
    kept = KeptHolidays.of(old, 2027)
    assert kept.years == {2027}
    fresh = [
        Record(row=5, values=holiday(date(2027, 1, 1), "Tahun Baru 2027 Masehi")),
        Record(row=6, values=holiday(date(2027, 3, 29), "Nyepi")),
        Record(row=7, values=holiday(date(2028, 1, 1), "Tahun Baru 2028 Masehi")),
    ]
    changes = Changes()
    assert drop_deleted_holidays(kept, fresh, changes) == [date(2027, 3, 29)]
    assert set(changes.cells) == {("hari_libur", 6)}
    assert all(v is None for v in changes.cells[("hari_libur", 6)].values())
