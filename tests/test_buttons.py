"""The Excel buttons through xlwings' own remote engine: same result as the CLI, fixed number of writes."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

os.environ["XLWINGS_LICENSE_KEY"] = (
    "noncommercial"  # PolyForm Noncommercial (tests only), before xlwings loads
)

import xlwings as xw
from _remote import apply_actions, differences, edit, files_under, make_register, sheet_values
from openpyxl.workbook.workbook import Workbook

from automation import operations
from automation.buttons import action_for, main
from automation.clock import last_complete_month
from automation.excel.reader import read_register
from automation.excel.remote import button_sheet, payload_from_file
from automation.excel.xlwings_plan import plan_writes
from automation.excel.xlwings_read import month_text
from automation.excel.xlwings_values import needs_quote, to_excel
from automation.remote_click import count_actions, run_payload
from automation.schema import BERANDA, PERMOHONAN, STATUS_ROW, By

TODAY = dt.date(2026, 11, 20)
NOW = dt.datetime(2026, 11, 20, 10, 0)
NAME = "register_ppid.xlsm"
LONG = os.environ.get("PPID_LONG_TESTS") == "1"
ROWS_SMALL = 100 if LONG else 20
GROWN = 10 if LONG else 5  # against this many times as many rows


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
    assert len(result.result.made) == len(
        [p for p in files_under(button.parent / "output") if p.endswith(".docx")]
    )


def test_report_month_comes_from_beranda(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    edit(button, lambda wb: wb[BERANDA.name].cell(row=5, column=3, value="2026-10"), {BERANDA.name: {5}})
    result, _ = click(button, sheet=BERANDA.name)
    assert result.ok and result.result.period == "2026-10"
    assert (button.parent / "output" / "laporan" / "laporan-bulanan-2026-10.xlsx").is_file()


@pytest.mark.parametrize(
    ("value", "month"),
    [
        ("2026-11", "2026-11"),
        (" 2026-3 ", "2026-03"),
        (dt.date(2026, 11, 1), "2026-11"),
        (46327.0, "2026-11"),
        (None, ""),
        ("November", "November"),
    ],
)
def test_month_cell_values(value: object, month: str) -> None:
    assert month_text(value) == month


# ---------------------------------------------------------------- fixed number of Excel writes
def test_actions_per_click_do_not_grow_with_rows(tmp_path: Path) -> None:
    small = make_register(tmp_path / "small.xlsm", count=ROWS_SMALL, today=TODAY, rounds=1, ready=True)
    large = make_register(
        tmp_path / "large.xlsm", count=GROWN * ROWS_SMALL, today=TODAY, rounds=1, ready=True
    )
    for action in ("validate", "advance", "report"):
        assert count_actions(large, action, now=NOW) == count_actions(small, action, now=NOW), action


@pytest.mark.parametrize("action", ["validate", "advance", "documents", "report"])
def test_actions_per_click_do_not_depend_on_the_data(sample: Path, register: Path, action: str) -> None:
    empty = register  # the blank register of TODAY's year, built once per run
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
    [
        ("Selesai", "Selesai"),
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+62 812", "'+62 812"),
        ("-", "'-"),
        ("@tim", "'@tim"),
        ("0812345678", "'0812345678"),
        ("2026-11-01", "'2026-11-01"),
        ("TRUE", "'TRUE"),
        ("'kutip", "''kutip"),
        ("Nomor 5", "'Nomor 5"),
        ("", ""),
    ],
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
        edit(path, put, {PERMOHONAN.name: {7, 8, 9}})
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
    edit(
        button,
        lambda wb: wb[PERMOHONAN.name].cell(row=6, column=column, value="Status"),
        {PERMOHONAN.name: {6}},
    )
    before = sheet_values(button)
    result, _ = click(button, "advance")
    assert not result.ok and "Status Tahap" in result.message
    after = sheet_values(button)
    assert differences(before, after, skip={(PERMOHONAN.name, STATUS_ROW, 1)}) == []
    assert "Gagal" in after[PERMOHONAN.name][STATUS_ROW - 1][0]


def test_not_a_register_is_a_message(tmp_path: Path) -> None:
    payload = {
        "client": "Microsoft Excel",
        "version": xw.__version__,
        "book": {"name": "buku.xlsm", "active_sheet_index": 0},
        "names": [],
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
    assert action_for(BERANDA.name) == "report"
    assert action_for("10 Arsip") == "advance"


def test_click_keeps_a_backup_of_the_saved_file(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    original = button.read_bytes()
    click(button, "validate")
    backups = list((button.parent / "cadangan").iterdir())
    assert len(backups) == 1 and backups[0].read_bytes() == original


# ------------------------------------------------------------ Excel (COM) only: stand-ins for Excel's objects
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
    from automation.excel.xlwings_write import unprotected

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
    from automation.excel.xlwings_plan import Block
    from automation.excel.xlwings_write import keep_formulas

    block = Block("S", 7, 2, [["a", "'=teks"], [3.0, "x"]], planned={(8, 3)})
    grid = [[] for _ in range(6)] + [[None, "a", "=teks"], [None, 3.0, "lama"]]
    formulas = (("a", "=teks"), ("=1+2", "=B7"))  # B8 computes 3; C8 is planned; C7 is text "=teks"
    assert keep_formulas(_Range(formulas), block, grid) == [["a", "'=teks"], ["=1+2", "x"]]


def test_empty_month_cell_reports_the_last_complete_month(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    edit(button, lambda wb: wb[BERANDA.name].cell(row=5, column=3, value=None), {BERANDA.name: {5}})
    result, _ = click(button, sheet=BERANDA.name)
    assert result.ok and result.result.period == last_complete_month(NOW.date()) == "2026-10"


# ---------------------------------------------------------------- a click is never silent (issue 10 item 4)
class _App:
    """Excel's Application as the click sees it: the remote engine's, plus a status bar it lacks."""

    def __init__(self, app: object, alert_error: Exception | None = None) -> None:
        self._app, self.bar, self.alert_error = app, [], alert_error

    def __getattr__(self, name: str) -> object:
        return getattr(self._app, name)

    def __setattr__(self, name: str, value: object) -> None:
        if name == "status_bar":
            self.bar.append(value)
        else:
            object.__setattr__(self, name, value)

    def alert(self, *args: object, **kw: object) -> object:
        if self.alert_error:
            raise self.alert_error
        return self._app.alert(*args, **kw)


class _Api(dict):
    ReadOnly = False


class _Book:
    """The remote engine's Book with what only COM has: status bar, Workbook.ReadOnly, a save that fails."""

    def __init__(
        self,
        payload: dict,
        *,
        read_only: bool = False,
        save_error: Exception | None = None,
        alert_error: Exception | None = None,
        boom: Exception | None = None,
    ) -> None:
        self._book = xw.Book(json=payload)
        self.app = _App(self._book.app, alert_error)
        self.api = _Api()
        self.api.ReadOnly = read_only
        self.save_error, self.boom = save_error, boom

    def __getattr__(self, name: str) -> object:
        return getattr(self._book, name)

    @property
    def sheets(self) -> object:
        if self.boom:
            raise self.boom
        return self._book.sheets

    def save(self) -> None:
        if self.save_error:
            raise self.save_error
        self._book.save()

    def actions(self) -> list[dict]:
        return self._book.json()["actions"]

    def alerts(self) -> list[str]:
        return [a["args"][0] for a in self.actions() if a["func"] == "alert"]


def _book(path: Path, sheet: str = "7 Register DIK", **kw: object) -> _Book:
    from automation.remote_click import _remote_engine

    _remote_engine()
    payload = payload_from_file(path, active=sheet)
    payload["book"]["name"] = str(path)  # the full path, as COM reports it
    return _Book(payload, **kw)


def test_click_shows_and_clears_the_status_bar(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    book = _book(button)
    result = click_book(book)
    assert result.ok and book.app.bar == ["PPID: sedang memeriksa…", "PPID: Periksa isian…", False]
    assert "Pemeriksaan selesai" in book.alerts()[-1]


def click_book(book: _Book, action: str | None = None):
    from automation.buttons import click as click_entry

    return click_entry(book, action, now=NOW)


def test_read_only_workbook_is_refused_with_a_message(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    book = _book(button, read_only=True)  # Excel's Workbook.ReadOnly
    result = click_book(book)
    assert not result.ok and "hanya-baca" in book.alerts()[-1]
    assert not (button.parent / "cadangan").exists() and book.app.bar[-1] is False


def test_read_only_file_is_refused_where_excel_cannot_tell(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from automation import buttons

    button, _ = _copies(sample, tmp_path)
    monkeypatch.setattr(
        buttons.os, "access", lambda p, mode: Path(p) != button
    )  # chmod 444 (tests run as root)
    payload = payload_from_file(button, active="7 Register DIK")
    result, actions = run_payload(payload, now=NOW, path=button)
    assert not result.ok and "hanya-baca" in actions[-1]["args"][0]


def test_click_while_the_cli_writes_is_refused(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import sys

    from automation import buttons
    from automation.excel.safety import lock_path

    button, _ = _copies(sample, tmp_path)
    monkeypatch.setattr(buttons, "CLICK_LOCK_TIMEOUT", 0.2)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import filelock,sys,time; l=filelock.FileLock(sys.argv[1]); l.acquire(); "
                "print('held', flush=True); time.sleep(30)"
            ),
            str(lock_path(button)),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        book = _book(button)
        result = click_book(book)
    finally:
        holder.kill()
        holder.wait()
    assert not result.ok and "sedang ditulis oleh proses lain" in book.alerts()[-1]
    assert not (button.parent / "cadangan").exists()
    assert click_book(_book(button)).ok  # once the CLI is done, the click runs


def test_no_excel_to_attach_to_shows_a_windows_box(monkeypatch: pytest.MonkeyPatch) -> None:
    from automation import buttons
    from automation.errors import crash_log_path

    shown: list[str] = []
    monkeypatch.setattr(buttons.HOST, "message_box", lambda text: shown.append(text) or True)
    main()  # not started from Excel: xw.Book.caller() fails
    assert len(shown) == 1 and "tidak dapat terhubung ke Excel" in shown[0]
    assert str(crash_log_path()) in shown[0] and crash_log_path().is_file()


def test_without_any_box_the_message_goes_to_stderr_for_xlwings(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from automation import buttons

    monkeypatch.setattr(buttons.HOST, "message_box", lambda text: False)
    with pytest.raises(SystemExit) as ended:
        main()
    assert ended.value.code == 1  # xlwings' RunPython shows stderr in a message box on a non-zero exit
    err = capsys.readouterr().err
    assert "tidak dapat terhubung ke Excel" in err and "Rincian teknis" in err and "Traceback" not in err


def test_internal_error_is_a_message_with_the_log(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    book = _book(button, boom=RuntimeError("rusak"))
    assert click_book(book) is None
    alert = book.alerts()[-1]
    assert "kesalahan internal" in alert and "rusak" in alert and "ppid-galat.log" in alert
    assert book.app.bar == ["PPID: sedang memeriksa…", False]


def test_internal_error_when_excel_cannot_show_it(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from automation import buttons

    shown: list[str] = []
    monkeypatch.setattr(buttons.HOST, "message_box", lambda text: shown.append(text) or True)
    button, _ = _copies(sample, tmp_path)
    book = _book(button, boom=RuntimeError("rusak"), alert_error=RuntimeError("Excel sibuk"))
    assert click_book(book) is None
    assert len(shown) == 1 and "kesalahan internal" in shown[0] and "ppid-galat.log" in shown[0]


def test_failed_save_removes_the_letters_and_says_so(sample: Path, tmp_path: Path) -> None:
    from automation.errors import WriteRefused
    from automation.letters.documents import DISCARDED, STAGING_PREFIX

    button, _ = _copies(sample, tmp_path)
    book = _book(button, sheet="5 Berita Acara", save_error=WriteRefused("Register belum tersimpan."))
    result = click_book(book, "documents")
    assert not result.ok and result.result.made
    assert DISCARDED in book.alerts()[-1]
    assert files_under(button.parent / "output") == set()
    assert not list((button.parent / "output").glob(f"{STAGING_PREFIX}*"))


def test_letters_of_a_click_appear_after_the_save(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    seen: list[set[str]] = []

    class _Watching(_Book):
        def save(self) -> None:
            seen.append(files_under(button.parent / "output"))

    payload = payload_from_file(button, active="5 Berita Acara")
    payload["book"]["name"] = str(button)
    book = _Watching(payload)
    result = click_book(book, "documents")
    assert result.ok and seen and not any(p.endswith(".docx") and not p.startswith(".") for p in seen[0])
    assert len([p for p in files_under(button.parent / "output") if p.endswith(".docx")]) == len(
        result.result.made
    )


# ---------------------------------------------------------------- the operation dropdown
def _choose(path: Path, sheet: str, caption: str | None) -> dict:
    from automation.schema import CHOICE_CELL

    payload = payload_from_file(path, active=sheet)
    row, col = int(CHOICE_CELL[1:]) - 1, ord(CHOICE_CELL[0]) - 65
    values = next(s for s in payload["sheets"] if s["name"] == sheet)["values"]
    values[row][col] = caption or ""
    return payload


@pytest.mark.parametrize(
    ("sheet", "caption", "action"),
    [
        ("2 Koordinasi", "Periksa isian", "validate"),
        ("9 Tanda Terima", "Proses ke tahap berikutnya", "advance"),
        ("1 Permohonan", "buat dokumen", "documents"),
    ],
)
def test_the_dropdown_decides_the_operation(
    sample: Path, tmp_path: Path, sheet: str, caption: str, action: str
) -> None:
    button, _ = _copies(sample, tmp_path)
    result, _ = run_payload(_choose(button, sheet, caption), now=NOW, path=button)
    assert result.ok and result.action == action, result.message


def test_an_empty_dropdown_asks_for_a_choice(sample: Path, tmp_path: Path) -> None:
    button, _ = _copies(sample, tmp_path)
    result, actions = run_payload(_choose(button, "3 Kajian", None), now=NOW, path=button)
    assert not result.ok and "Pilih operasi di sel F2" in actions[-1]["args"][0]
    assert "'Periksa isian', 'Proses ke tahap berikutnya'" in result.message


def test_the_built_dropdown_defaults_to_the_sheets_operation(sample: Path) -> None:
    from automation.schema import STAGES

    for stage in STAGES:
        payload = payload_from_file(sample, active=stage.name)
        grid = next(s for s in payload["sheets"] if s["name"] == stage.name)["values"]
        assert action_for(stage.name, grid) == stage.action


# ---------------------------------------------------------------- backups: the last N and one per day
def test_backups_keep_the_last_n_and_one_per_day() -> None:
    from automation.excel.safety import backups_to_keep

    yesterday = [f"r 20261119-1{i}0000-000000.xlsm" for i in range(3)]
    today = [f"r 20261120-10{i:02d}00-000000.xlsm" for i in range(10)]  # ten quick clicks
    kept = backups_to_keep(yesterday + today, 3)
    assert kept == {*today[-3:], yesterday[-1]}
    assert backups_to_keep(today, 0) == set()


def test_quick_clicks_do_not_rotate_out_yesterdays_backup(tmp_path: Path) -> None:
    from automation.excel.builder import build_register

    button = build_register(tmp_path / NAME, year=TODAY.year)  # Pengaturan jumlah_cadangan is 10
    folder = button.parent / "cadangan"
    folder.mkdir()
    old = folder / f"{button.stem} 20261119-170000-000000.xlsm"
    old.write_bytes(button.read_bytes())
    payload = payload_from_file(button, active="7 Register DIK")
    for _ in range(12):
        result, _ = run_payload(payload, now=NOW, path=button)
        assert result.ok, result.message
    names = sorted(p.name for p in folder.iterdir())
    assert old.name in names and len(names) == 11


# ------------------------------------------------------------ the operation map: built workbook, schema, docs
def built_buttons(path: Path) -> dict[str, tuple[list[str], list[str], list[str]]]:
    """Per sheet of the built .xlsm: (button captions, their macros, the dropdown's choices) from the XML."""
    import posixpath
    import re
    import zipfile

    out = {}
    with zipfile.ZipFile(path) as zf:
        book = zf.read("xl/workbook.xml").decode()
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
        targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', rels))
        targets.update({k: v for v, k in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"', rels)})
        for name, rid in re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"', book):
            part = "xl/" + targets[rid].lstrip("/").removeprefix("xl/")
            xml = zf.read(part).decode()
            folder, file = part.rsplit("/", 1)
            sheet_rels = f"{folder}/_rels/{file}.rels"
            captions, macros = [], []
            if sheet_rels in zf.namelist():
                for target in re.findall(r'Target="([^"]+vmlDrawing\d+\.vml)"', zf.read(sheet_rels).decode()):
                    vml = zf.read(posixpath.normpath(f"{folder}/{target}")).decode()
                    captions += re.findall(r"<font[^>]*>([^<]*)</font>", vml)
                    macros += re.findall(r"<x:FmlaMacro>([^<]*)</x:FmlaMacro>", vml)
            choices = []
            for item in re.findall(r"<dataValidation [^>]*?(?:/>|>.*?</dataValidation>)", xml, re.S):
                sqref = re.search(r'sqref="([^"]+)"', item).group(1)
                formula = re.search(r"<formula1>([^<]*)</formula1>", item)
                if (
                    formula and int(re.search(r"\d+", sqref).group()) < 6
                ):  # above the table: the operation dropdown
                    choices = formula.group(1).strip('"').split(",")
            out[name] = (captions, macros, choices)
    return out


def test_the_built_workbook_has_the_schema_operation_map(register: Path) -> None:
    from automation.excel.vba import MACRO
    from automation.schema import RUN_CAPTION, SHEETS

    found = built_buttons(register)
    for sheet in SHEETS:
        captions, macros, choices = found[sheet.name]
        if not sheet.actions:
            assert captions == [] and choices == [], sheet.name
            continue
        assert macros == [f"[0]!{MACRO}"], sheet.name
        assert sheet.action in sheet.actions
        if sheet.has_choice:
            assert captions == [RUN_CAPTION] and choices == [a.caption for a in sheet.actions], sheet.name
        else:
            assert sheet.action is not None and captions == [sheet.action.caption] and choices == [], (
                sheet.name
            )
    stages = [s for s in SHEETS if s.step]
    assert all("advance" in s.actions for s in stages if s.step != 7)  # sheets 8-10 move requests on too
    assert {s.step for s in stages if "documents" in s.actions} == {1, 5, 8, 9}  # the sheets with letters


def test_docs_and_guide_state_the_operation_map(register: Path) -> None:
    from python_calamine import CalamineWorkbook

    from automation.operation import Operation
    from automation.schema import SHEETS

    root = Path(__file__).resolve().parents[1]
    book = CalamineWorkbook.from_path(str(register))
    guide = " ".join(str(v) for line in book.get_sheet_by_name(BERANDA.name).to_python() for v in line)
    for doc in ("docs/excel.md", "docs/panduan-pengguna.md"):
        text = (root / doc).read_text(encoding="utf-8")
        for sheet in (s for s in SHEETS if s.actions):
            rows = [
                line
                for line in text.splitlines()
                if line.startswith(f"| {sheet.name} |") and any(op.caption in line for op in Operation)
            ]
            assert len(rows) == 1, f"{doc}: no single row for {sheet.name} in the operation map"
            for action in sheet.actions:
                assert action.caption in rows[0], f"{doc}: {sheet.name} lacks '{action.caption}'"
            missing = set(Operation) - set(sheet.actions)
            assert not any(a.caption in rows[0] for a in missing), f"{doc}: {sheet.name} offers too much"
    for sheet in (s for s in SHEETS if s.step):
        assert f"{sheet.name}: " in guide and sheet.operations_text() in guide
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "Jalankan pilihan" in readme and "7 Register DIK" in readme


@pytest.mark.parametrize(
    ("spoil", "shown"),
    [
        ("backup", "Cadangan register tidak dapat dibuat"),
        ("lock", "Kunci register tidak dapat dibuat"),
    ],
)
def test_backup_or_lock_impossible_is_a_message(sample: Path, tmp_path: Path, spoil: str, shown: str) -> None:
    from automation.excel.safety import lock_path

    button, _ = _copies(sample, tmp_path)
    if spoil == "backup":
        (button.parent / "cadangan").write_text("not a folder")
    else:
        lock_path(button).mkdir()  # the lock file cannot be opened
    before = sheet_values(button)
    result, actions = click(button, "validate")
    assert not result.ok and shown in actions[-1]["args"][0] and actions[-1]["args"][3] == "critical"
    assert differences(before, sheet_values(button), skip={("7 Register DIK", STATUS_ROW, 1)}) == []


def test_unknown_operation_is_a_message(sample: Path) -> None:
    payload = payload_from_file(sample, active="7 Register DIK")
    result, actions = run_payload(payload, action="hapus", now=NOW, path=sample)
    assert not result.ok and "Operasi 'hapus' tidak dikenal" in actions[-1]["args"][0]


def test_click_text_cleaning_matches_the_cli_writer() -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from automation.excel import writer, xlwings_values

    assert xlwings_values.ILLEGAL_CHARACTERS.pattern == ILLEGAL_CHARACTERS_RE.pattern
    assert xlwings_values.EXCEL_MAX_TEXT == writer.EXCEL_MAX_TEXT
    text = "a\x01b\x0bc" + "x" * 40000
    assert to_excel(text) == writer.excel_text(text)


def test_a_click_does_not_import_openpyxl_or_docx_before_it_needs_them() -> None:
    import subprocess
    import sys

    code = (
        "import sys, automation.buttons; print(sorted(m for m in ('openpyxl', 'docxtpl') if m in"
        " sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_click_says_which_pengaturan_value_fell_back_to_its_default(sample: Path, tmp_path: Path) -> None:
    from automation.schema import PENGATURAN

    button, _ = _copies(sample, tmp_path)

    def hostile(wb: openpyxl.Workbook) -> None:
        ws = wb[PENGATURAN.name]
        for row in ws.iter_rows():
            if row[0].value == "jumlah_cadangan":
                row[2].value = "1e400"

    edit(button, hostile)
    result, actions = click(button, "validate")
    alert = [a for a in actions if a["func"] == "alert"][0]["args"][0]
    assert result.ok and "Perhatian:" in alert and "bawaan" in alert


def test_the_excel_layer_never_imports_the_adapters() -> None:
    """excel/ turns sheets into rows and back; the CLI, the buttons and the remote-engine harness sit above
    it."""
    import ast

    adapters = {"automation.buttons", "automation.cli", "automation.remote_click"}
    package = Path(__file__).resolve().parents[1] / "automation" / "excel"
    for module in package.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = {f"automation.{node.module}" if node.level == 2 else node.module or ""}
                names |= {f"automation.{a.name}" for a in node.names if node.level == 2 and not node.module}
            elif isinstance(node, ast.Import):
                names = {a.name for a in node.names}
            else:
                continue
            assert not names & adapters, f"{module.name} imports {names & adapters}"


def test_an_operation_is_named_once() -> None:
    from automation.errors import UsageError
    from automation.operation import Operation
    from automation.operations import PLANNERS

    assert set(PLANNERS) == set(Operation)
    assert (
        Operation.parse("report") is Operation.REPORT and Operation.REPORT.caption == "Buat laporan bulanan"
    )
    with pytest.raises(UsageError, match="Operasi 'hapus' tidak dikenal"):
        Operation.parse("hapus")
