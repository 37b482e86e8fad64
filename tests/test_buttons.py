"""The Excel buttons through xlwings' own remote engine: same result as the CLI, fixed number of writes."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"  # PolyForm Noncommercial (tests only), before xlwings loads

import xlwings as xw
from _remote import apply_actions, differences, edit, files_under, make_register, sheet_values
from openpyxl.workbook.workbook import Workbook

from automation import operations
from automation.buttons import action_for, main, run_payload
from automation.clock import last_complete_month
from automation.excel.reader import read_register
from automation.excel.remote import button_sheet, count_actions, payload_from_file
from automation.excel.xlwings_io import month_text, needs_quote, plan_writes, to_excel
from automation.schema import BERANDA, PERMOHONAN, STATUS_ROW, By

TODAY = dt.date(2026, 11, 20)
NOW = dt.datetime(2026, 11, 20, 10, 0)
NAME = "register_ppid.xlsm"
LONG = os.environ.get("PPID_LONG_TESTS") == "1"
ROWS_SMALL = 100 if LONG else 40  # against ten times as many rows


@pytest.fixture(scope="module")
def sample(built_once: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 demo requests (some with entry mistakes) spread over the stages, open rows ready to move."""
    build = lambda p: make_register(p, count=30, today=TODAY, rounds=6, ready=True)  # noqa: E731
    return built_once("remote-30-6-ready", build, tmp_path_factory.mktemp("sample"))


def _copies(src: Path, tmp_path: Path) -> tuple[Path, Path]:
    out = []
    for side in ("tombol", "cli"):
        (tmp_path / side).mkdir()
        out.append(Path(shutil.copy(src, tmp_path / side / NAME)))
    return out[0], out[1]


def click(path: Path, action: str | None = None, *, sheet: str | None = None):
    """Click the button of ``action`` (or of ``sheet``) on ``path``; apply Excel's part; return the result."""
    payload = payload_from_file(path, active=sheet or button_sheet(action or ""))
    result, actions = run_payload(payload, action=action, now=NOW, path=path)
    apply_actions(path, payload, actions)
    return result, actions


def _cli(action: str, path: Path) -> None:
    if action == "report":
        # an empty Beranda month cell means the last complete month; the button also shows it on Beranda
        operations.report(path, month=last_complete_month(TODAY), now=NOW, home=True)
    else:
        getattr(operations, action)(path, now=NOW, trigger="Tombol")


# ---------------------------------------------------------------- the button does what the CLI does
@pytest.mark.parametrize("action", ["validate", "advance", "documents", "report"])
def test_button_and_cli_leave_the_same_register(sample: Path, tmp_path: Path, action: str) -> None:
    button, cli = _copies(sample, tmp_path)
    result, _ = click(button, action)
    _cli(action, cli)
    assert result.ok, result.message
    sheet = button_sheet(action)
    assert differences(sheet_values(button), sheet_values(cli), skip={(sheet, STATUS_ROW, 1)}) == []
    assert differences(sheet_values(sample), sheet_values(button), limit=1) != [] or action == "report"
    status = sheet_values(button)[sheet][STATUS_ROW - 1][0]
    assert status.startswith("Hasil"), status
    assert files_under(button.parent / "output") == files_under(cli.parent / "output")


def test_advance_button_logs_trigger_and_user(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    result, _ = click(button, "advance")
    log = read_register(button).records("log")
    new = [r for r in log if r.get("pemicu") == "Tombol"]
    assert result.result.moved_count > 0 and new
    assert {r.get("pengguna") for r in new} == {operations.current_user()}


def test_documents_button_reports_made_and_failed(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    result, actions = click(button, "documents")
    alert = [a for a in actions if a["func"] == "alert"][0]["args"][0]
    assert "dokumen dibuat" in alert and str(button.parent / "output") in alert
    assert len(result.result.made) == len([p for p in files_under(button.parent / "output") if p.endswith(".docx")])


def test_report_month_comes_from_beranda(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    edit(button, lambda wb: wb[BERANDA.name].cell(row=5, column=3, value="2026-10"))
    result, _ = click(button, sheet=BERANDA.name)
    assert result.ok and result.result.period == "2026-10"
    assert (button.parent / "output" / "laporan" / "laporan-bulanan-2026-10.xlsx").is_file()


@pytest.mark.parametrize(
    ("value", "month"),
    [("2026-11", "2026-11"), (" 2026-3 ", "2026-03"), (dt.date(2026, 11, 1), "2026-11"), (46327.0, "2026-11"),
     (None, ""), ("November", "November")],
)
def test_month_cell_values(value: object, month: str) -> None:
    assert month_text(value) == month


# ---------------------------------------------------------------- fixed number of Excel writes
def test_actions_per_click_do_not_grow_with_rows(tmp_path: Path) -> None:
    small = make_register(tmp_path / "small.xlsm", count=ROWS_SMALL, today=TODAY, rounds=1, ready=True)
    large = make_register(tmp_path / "large.xlsm", count=10 * ROWS_SMALL, today=TODAY, rounds=1, ready=True)
    for action in ("validate", "advance", "report"):
        assert count_actions(large, action, now=NOW) == count_actions(small, action, now=NOW), action


@pytest.mark.parametrize("action", ["validate", "advance", "documents", "report"])
def test_actions_per_click_do_not_depend_on_the_data(sample: Path, tmp_path: Path, action: str) -> None:
    from automation.excel.builder import build_register

    empty = build_register(tmp_path / "kosong.xlsm", year=TODAY.year)
    assert count_actions(empty, action, now=NOW) == count_actions(sample, action, now=NOW)


def test_documents_actions_do_not_grow_with_rows(tmp_path: Path) -> None:
    small = make_register(tmp_path / "r10.xlsm", count=10, today=TODAY, rounds=3, ready=True)
    large = make_register(tmp_path / "r40.xlsm", count=40, today=TODAY, rounds=3, ready=True)
    assert count_actions(large, "documents", now=NOW) == count_actions(small, "documents", now=NOW)


@pytest.mark.skipif(not LONG, reason="10,000 requests: PPID_LONG_TESTS=1 (the bench measures it too)")
def test_actions_per_click_on_ten_thousand_requests(tmp_path: Path) -> None:
    small = make_register(tmp_path / "r100.xlsm", count=100, today=TODAY)
    large = make_register(tmp_path / "r10000.xlsm", count=10_000, today=TODAY)  # intake only: cheap to make
    for action in ("validate", "advance"):
        assert count_actions(large, action, now=NOW) == count_actions(small, action, now=NOW), action


def test_existing_rows_are_written_only_in_system_columns(sample: Path) -> None:
    from automation.excel.layout import resolve
    from automation.workflow.advance import plan_advance

    reg = read_register(sample)
    changes, _ = plan_advance(reg, today=TODAY, now=NOW, trigger="Tombol", user="uji")
    grids = {n: [] for n in reg.sheet_names}
    plan = plan_writes(reg, resolve(reg, changes), grids, "advance")
    data = reg.sheets[PERMOHONAN.key]
    system = {i for k, i in data.columns.items() if PERMOHONAN.column(k).by is By.SYSTEM}
    for block in plan.blocks:
        if block.sheet == data.name and data.header_row < block.row <= data.last_row:
            assert set(range(block.col, block.col + block.width)) <= system


# ---------------------------------------------------------------- values keep their type
@pytest.mark.parametrize(
    ("text", "sent"),
    [("Selesai", "Selesai"), ("=SUM(A1)", "'=SUM(A1)"), ("+62 812", "'+62 812"), ("-", "'-"), ("@tim", "'@tim"),
     ("0812345678", "'0812345678"), ("2026-11-01", "'2026-11-01"), ("TRUE", "'TRUE"), ("'kutip", "''kutip"),
     ("Nomor 5", "'Nomor 5"), ("", "")],
)
def test_text_is_sent_so_excel_keeps_it_text(text: str, sent: str) -> None:
    assert to_excel(text) == sent
    assert needs_quote(text) == (sent != text)


def test_formula_like_text_in_rewritten_columns_stays_text(sample: Path, tmp_path: Path) -> None:
    button, cli = _copies(sample, tmp_path)
    def put(wb: Workbook) -> None:
        ws = wb[PERMOHONAN.name]
        col = 1 + PERMOHONAN.keys.index("kalender")
        for row, text in ((7, "=SUM(1,2)"), (8, "0812"), (9, "2026-01-05")):
            cell = ws.cell(row=row, column=col, value=text)
            cell.data_type = "s"

    for path in (button, cli):
        edit(path, put)
    click(button, "advance")
    _cli("advance", cli)
    assert differences(sheet_values(button), sheet_values(cli), skip={(PERMOHONAN.name, STATUS_ROW, 1)}) == []


def test_dates_travel_as_dates() -> None:
    assert to_excel(dt.date(2026, 11, 20)) == dt.datetime(2026, 11, 20)
    assert to_excel(dt.time(12, 0)) == 0.5
    assert to_excel(3) == 3.0 and to_excel(True) is True and to_excel(None) is None


# ---------------------------------------------------------------- problems are messages
def test_sheet_without_button_is_a_message(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    before = sheet_values(button)
    result, actions = click(button, sheet="Referensi")
    assert not result.ok and "tidak memiliki tombol" in result.message
    assert [a["func"] for a in actions] == ["alert"] and actions[0]["args"][3] == "critical"
    assert sheet_values(button) == before


def test_renamed_column_refuses_to_write(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    column = 1 + PERMOHONAN.keys.index("status_tahap")
    edit(button, lambda wb: wb[PERMOHONAN.name].cell(row=6, column=column, value="Status"))
    before = sheet_values(button)
    result, _ = click(button, "advance")
    assert not result.ok and "Status Tahap" in result.message
    after = sheet_values(button)
    assert differences(before, after, skip={(PERMOHONAN.name, STATUS_ROW, 1)}) == []
    assert "Gagal" in after[PERMOHONAN.name][STATUS_ROW - 1][0]


def test_not_a_register_is_a_message(tmp_path: Path) -> None:
    payload = {
        "client": "Microsoft Excel", "version": xw.__version__,
        "book": {"name": "buku.xlsm", "active_sheet_index": 0}, "names": [],
        "sheets": [{"name": "Sheet1", "values": [["halo"]], "pictures": [], "tables": []}],
    }
    result, actions = run_payload(payload, action="validate", now=NOW, path=tmp_path / "buku.xlsm")
    assert not result.ok and "bukan register PPID" in result.message
    assert [a["func"] for a in actions] == ["alert"]


def test_unsaved_or_badly_named_workbook_is_a_message(sample: Path) -> None:
    payload = payload_from_file(sample, active="7 Register DIK")
    result, _ = run_payload(payload, now=NOW)  # the remote engine knows no folder
    assert not result.ok and "Simpan register" in result.message
    result, _ = run_payload(payload, now=NOW, path=sample.with_name("Register PPID (1).xlsm"))
    assert not result.ok and "tidak dapat dipakai tombol" in result.message


def test_main_runs_the_clicked_sheets_button(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    payload = payload_from_file(button, active="7 Register DIK")
    payload["book"]["name"] = str(button)  # lets the remote engine report the full path, as COM does
    book = xw.Book(json=payload)
    book.set_mock_caller()
    try:
        main()
    finally:
        del xw.Book._mock_caller
    funcs = [a["func"] for a in book.json()["actions"]]
    assert funcs[-1] == "alert" and "setValues" in funcs
    assert "Pemeriksaan selesai" in book.json()["actions"][-1]["args"][0]


def test_every_button_sheet_has_an_operation() -> None:
    assert action_for("1 Permohonan") == "advance"
    assert action_for("7 register dik") == "validate"
    assert action_for("5 Berita Acara") == "documents"
    assert action_for(BERANDA.name) == "report" == action_for("10 Arsip")


def test_click_keeps_a_backup_of_the_saved_file(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    original = button.read_bytes()
    click(button, "validate")
    backups = list((button.parent / "cadangan").iterdir())
    assert len(backups) == 1 and backups[0].read_bytes() == original


# ---------------------------------------------------------------- Excel (COM) only: stand-ins for Excel's objects
class _Protection:
    AllowFormattingColumns = AllowFormattingRows = AllowInsertingRows = AllowSorting = AllowFiltering = True
    AllowFormattingCells = AllowInsertingColumns = AllowInsertingHyperlinks = False
    AllowDeletingColumns = AllowDeletingRows = AllowUsingPivotTables = False


class _SheetApi:
    """What Excel's Worksheet object answers about protection (no password)."""

    def __init__(self) -> None:
        self.ProtectContents, self.ProtectDrawingObjects, self.ProtectScenarios = True, True, True
        self.Protection = _Protection()
        self.calls: list[tuple[str, dict]] = []

    def Unprotect(self) -> None:
        self.ProtectContents = False
        self.calls.append(("Unprotect", {}))

    def Protect(self, **kw: object) -> None:
        self.ProtectContents = True
        self.calls.append(("Protect", kw))


class _Sheet:
    name = "1 Permohonan"

    def __init__(self) -> None:
        self.api = _SheetApi()


def test_protected_sheet_is_unprotected_for_the_write_and_protected_again() -> None:
    from automation.excel.xlwings_io import unprotected

    sheet = _Sheet()
    with unprotected(sheet):
        assert not sheet.api.ProtectContents
    name, kw = sheet.api.calls[-1]
    assert name == "Protect" and kw["Contents"] and kw["AllowFiltering"] and kw["AllowSorting"]
    assert not kw["AllowDeletingRows"] and kw["DrawingObjects"]


class _Range:
    def __init__(self, formulas: object) -> None:
        self.formula = formulas


def test_rewritten_cells_keep_their_formulas_on_excel() -> None:
    from automation.excel.xlwings_io import Block, keep_formulas

    block = Block("S", 7, 2, [["a", "'=teks"], [3.0, "x"]], planned={(8, 3)})
    grid = [[] for _ in range(6)] + [[None, "a", "=teks"], [None, 3.0, "lama"]]
    formulas = (("a", "=teks"), ("=1+2", "=B7"))  # B8 computes 3; C8 is planned; C7 is text "=teks"
    assert keep_formulas(_Range(formulas), block, grid) == [["a", "'=teks"], ["=1+2", "x"]]


def test_empty_month_cell_reports_the_last_complete_month(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    edit(button, lambda wb: wb[BERANDA.name].cell(row=5, column=3, value=None))
    result, _ = click(button, sheet=BERANDA.name)
    assert result.ok and result.result.period == last_complete_month(NOW.date()) == "2026-10"
