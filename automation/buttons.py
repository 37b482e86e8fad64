"""The Excel buttons: xlwings' ``SampleCall`` runs ``main()`` on the live workbook (xlwings adapter).

A click shows a status-bar message, reads every sheet once, refuses a read-only workbook, takes
the CLI's run lock, backs the saved file up, builds the same Register the CLI reads, calls the same
planner the CLI calls, resolves the same Layout and writes it back in a fixed number of bulk writes
(``automation.excel.xlwings_read`` / ``xlwings_plan`` / ``xlwings_write``), saves, and only then
publishes the letters it made.  It ends with a one-line summary in the clicked sheet's status
cell (A5) and a message box.  Problems are messages, never tracebacks, and never silence (see
:func:`last_resort`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import xlwings as xw

from . import clock
from .changes import Changes, status_text
from .clock import last_complete_month
from .errors import AutomationError, UsageError, WriteRefused, write_crash_log
from .excel.layout import Layout, SheetWrites, placed, status_row_of
from .excel.reader import norm, register_from_grids
from .excel.safety import back_up, run_lock
from .excel.vba import module_name
from .excel.xlwings_plan import plan_writes
from .excel.xlwings_read import Grid, Snapshot, excel_user, month_text, read_book
from .excel.xlwings_write import apply_plan, save_book
from .operation import Operation
from .operations import Request, current_user, output_root, planner_for, write_report
from .register import Register
from .schema import (
    BERANDA,
    BERANDA_MONTH_CELL,
    CHOICE_CELL,
    HEADER_ROW,
    RUN_CAPTION,
    SHEETS,
    Sheet,
)

if TYPE_CHECKING:
    from .letters.documents import Staging

TRIGGER = "Tombol"
TITLE = "Register PPID"
STATUS_SHEETS = {norm(s.name) for s in SHEETS if s.columns or s is BERANDA}
MESSAGE_LINES = 12  # lines shown in the message box before "..."


@dataclass
class ButtonResult:
    """What one click did: the operation, where, the texts shown, and what was written."""

    action: str
    sheet: str
    ok: bool
    message: str  # message box text (several lines)
    status: str  # the one line written to the clicked sheet's status cell
    result: Any = None  # the planner's result (Report, AdvanceSummary, DocumentsResult, ReportResult)
    written: bool = False  # the planner changed the register
    writes: int = 0  # bulk writes made (value blocks + table resizes)
    cells: int = 0  # cells holding planned values


def main() -> None:
    """Entry point of every button (``SampleCall``): the clicked sheet (and its dropdown) decides the
    operation.

    Never silent: every outcome ends in a message box, in Excel when it can show one, else in a
    Windows message box or, failing that, on stderr with exit code 1 (xlwings' VBA then shows it).
    """
    try:
        book = xw.Book.caller()
    except Exception as exc:  # xlwings raises several types when not started from Excel or Excel is busy
        last_resort(
            f"Tombol register tidak dapat terhubung ke Excel ({type(exc).__name__}: {exc}). Tutup kotak"
            " dialog yang masih terbuka di Excel, simpan register, lalu tekan tombol lagi; bila tetap gagal"
            " jalankan 'ppid doctor' pada register ini."
        )
        return
    click(book)


def click(book: Any, action: str | None = None, **kw: Any) -> ButtonResult | None:
    """:func:`run_button` with every unexpected failure turned into a message (and the crash log)."""
    try:
        return run_button(book, action, **kw)
    except Exception as exc:  # last resort: never show a traceback to staff
        log = write_crash_log()
        text = f"Terjadi kesalahan internal: {type(exc).__name__}: {exc}\n\nRincian teknis: {log}"
        try:
            _alert(book, text, critical=True)
        except Exception:  # Excel itself is gone or busy: a native box, else stderr for xlwings' VBA
            last_resort(text, log=log)
        return None


def last_resort(text: str, *, log: str | None = None) -> None:
    """Where Excel cannot show a message: crash log, then a Windows message box, else stderr + exit 1.

    xlwings' ``RunPython`` shows the captured stderr in a message box when Python exits with a
    non-zero code, so the stderr route still reaches the staff member.
    """
    log = log or write_crash_log()
    full = text if "Rincian teknis" in text else f"{text}\n\nRincian teknis: {log}"
    if HOST.message_box(full):
        return
    stream = sys.stderr
    if stream is not None:  # a cp1252 stderr must not fail on the text it is asked to show
        encoding = getattr(stream, "encoding", None) or "utf-8"
        print(full.encode(encoding, errors="replace").decode(encoding, errors="replace"), file=stream)
    raise SystemExit(1)


class Host:
    """What a click needs from the PC outside the workbook (a seam; tests replace ``HOST``)."""

    def message_box(self, text: str) -> bool:
        """A native Windows message box; False where there is none (then stderr is used)."""
        if not sys.platform.startswith("win"):
            return False
        try:
            import ctypes

            ctypes.windll.user32.MessageBoxW(None, text, TITLE, 0x10 | 0x40000)  # MB_ICONERROR | MB_TOPMOST
        except Exception:  # no user32 (service session) or ctypes missing: fall back to stderr
            return False
        return True

    def read_only(self, book: Any, path: Path) -> bool:
        """Excel's Workbook.ReadOnly over COM; elsewhere the file's permissions."""
        flag = getattr(getattr(book, "api", None), "ReadOnly", None)
        if isinstance(flag, bool):
            return flag
        return file_read_only(path)


def file_read_only(path: Path) -> bool:
    """The file (or its folder, where backups and the lock go) cannot be written by this user."""
    path = Path(path)
    if not path.exists():
        return False
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


HOST = Host()
CLICK_LOCK_TIMEOUT = 3.0  # seconds a click waits for the CLI or an earlier click
CHECKING = "PPID: sedang memeriksa…"
READ_ONLY = (
    "Register {name} terbuka hanya-baca (dibuka orang lain, berkas hanya-baca, atau dari lampiran/unduhan); "
    "register tidak diubah. Tutup berkas, buka dari folder register dengan izin tulis (atau 'Aktifkan "
    "Pengeditan'), lalu tekan tombol lagi."
)


def run_button(
    book: Any,
    action: str | None = None,
    *,
    now: dt.datetime | None = None,
    path: Path | None = None,
    alert: bool = True,
) -> ButtonResult:
    """Run one operation on the live ``book``: status bar, read once, lock, plan, write once, save, report.

    ``action``: an Operation or its name (default: the active sheet's button and dropdown); ``path``: where
    workbook file is (default ``book.fullname``; the remote engine only knows the name).
    """
    now = now or clock.now()  # the click's moment: the only clock read on the button path
    _status_bar(book, CHECKING)
    try:
        snap = read_book(book)
        with contextlib.ExitStack() as held:
            outcome, reg, layout, stage = _decide(book, snap, action, now=now, path=path, held=held)
            try:
                _write(book, snap, outcome, reg, layout, stage)
            except BaseException:
                if stage is not None:
                    stage.discard()
                raise
    finally:
        _status_bar(book, False)
    if alert:
        _alert(book, outcome.message, critical=not outcome.ok)
    return outcome


def _write(
    book: Any,
    snap: Snapshot,
    outcome: ButtonResult,
    reg: Register | None,
    layout: Layout,
    stage: Staging | None,
) -> None:
    """Write the plan into Excel and save; letters reach output/ only after the save (under the lock)."""
    _status_cell(layout, snap.active, outcome.status, reg)
    writes = plan_writes(reg, layout, snap.grids, outcome.action if outcome.ok else None)
    outcome.writes = apply_plan(book, writes, snap.grids)
    outcome.cells = writes.cells
    if not outcome.ok:
        return
    try:  # the register is left saved, as the CLI leaves it
        save_book(book)
    except WriteRefused as exc:
        outcome.ok = False
        outcome.message += f"\n\n{exc}"
        if stage is not None and stage.discard():
            outcome.message += f" {_discarded()} Setelah register tersimpan, tekan 'Buat dokumen' lagi."
        return
    if stage is not None:
        notes = stage.publish()
        if notes:
            outcome.message += "\n" + "\n".join(notes)


def _decide(
    book: Any,
    snap: Snapshot,
    action: str | None,
    *,
    now: dt.datetime,
    path: Path | None,
    held: contextlib.ExitStack,
) -> tuple[ButtonResult, Register | None, Layout, Staging | None]:
    """Check, lock (held until ``held`` closes) and plan; a problem becomes a failed result."""
    reg: Register | None = None
    stage: Staging | None = None
    try:
        where = workbook_path(snap, path)
        action = Operation.parse(action or action_for(snap.active, snap.grids.get(snap.active)))
        if HOST.read_only(book, where):
            raise WriteRefused(READ_ONLY.format(name=where.name))
        held.enter_context(run_lock(where, timeout=CLICK_LOCK_TIMEOUT))
        _status_bar(book, f"PPID: {action.caption}…")
        reg = register_from_grids(where, snap.grids)
        back_up(where, reg.config.backups)  # bounded by automation.settings
        stage = _staging(where) if action is Operation.DOCUMENTS else None
        changes, result = plan(
            action, reg, where, snap, now=now, user=excel_user(book) or current_user(), stage=stage
        )
        layout = placed(reg, changes)
        lines = summary_lines(action, result, where)
        lines += [f"Perhatian: {f.message}" for f in reg.setting_findings]  # the CLI says them too
        outcome = ButtonResult(action, snap.active, True, "\n".join(lines), "", result, written=bool(changes))
    except AutomationError as exc:
        text = f"Gagal: {exc}"
        if stage is not None and stage.discard():
            text += f" {_discarded()}"
        lines, layout, stage = [text], Layout(), None
        outcome = ButtonResult(action or "", snap.active, False, text, "")
    outcome.status = _status_line(lines[0], now, outcome.action)
    return outcome, reg, layout, stage


def _staging(where: Path) -> Staging:
    from .letters.documents import Staging  # docxtpl is imported only for "Buat dokumen"

    return Staging(output_root(where))


def _discarded() -> str:
    from .letters.documents import DISCARDED

    return DISCARDED


def _status_bar(book: Any, text: str | bool) -> None:
    """Excel's status bar (False gives it back to Excel); engines without one are skipped."""
    try:
        book.app.status_bar = text
    except Exception:  # the remote engine raises NotImplementedError; a busy Excel a COM error: cosmetic only
        return


# ---------------------------------------------------------------- which operation, which file
def action_for(sheet_name: str, grid: Grid | None = None) -> Operation:
    """The operation the button on ``sheet_name`` runs: its only one, or the one chosen in its dropdown.

    Without ``grid`` (the sheet's values) the sheet's default operation (schema ``Sheet.action``).
    """
    spec = next((s for s in SHEETS if norm(s.name) == norm(sheet_name)), None)
    if spec is None or not spec.actions:
        buttons = ", ".join(s.name for s in SHEETS if s.actions)
        raise UsageError(f"Lembar '{sheet_name}' tidak memiliki tombol. Tombol ada di lembar: {buttons}.")
    if not spec.has_choice or grid is None:
        return spec.action or spec.actions[0]
    chosen = chosen_action(spec, grid)
    if chosen is None:
        captions = ", ".join(f"'{a.caption}'" for a in spec.actions)
        raise UsageError(
            f"Pilih operasi di sel {CHOICE_CELL} lembar '{spec.name}' ({captions}), lalu tekan"
            f" '{RUN_CAPTION}' lagi."
        )
    return chosen


def chosen_action(spec: Sheet, grid: Grid) -> Operation | None:
    """The operation whose caption stands in the dropdown (searched above the table: rows may be inserted)."""
    captions = {norm(a.caption): a for a in spec.actions}
    for line in grid[: HEADER_ROW + CHOICE_SEARCH_ROWS]:
        for value in line:
            if isinstance(value, str) and norm(value) in captions:
                return captions[norm(value)]
    return None


CHOICE_SEARCH_ROWS = 4  # staff may insert a few rows above the table


def workbook_path(snap: Snapshot, path: Path | None) -> Path:
    """The workbook file on disk: generated files go beside it, its name must be importable."""
    if path is None:
        if snap.name.startswith(("http://", "https://")):
            raise UsageError(
                "Register dibuka dari OneDrive/SharePoint (alamat web). Buka berkas dari folder lokal "
                "(mis. C:\\PPID) atau aktifkan 'Selalu simpan di perangkat ini', lalu ulangi; periksa "
                "berkas itu dengan: ppid doctor <berkas>."
            )
        path = Path(snap.name)
        if not path.is_absolute() or path.suffix.lower() != ".xlsm":
            raise UsageError(
                "Simpan register sebagai berkas .xlsm di folder lokal terlebih dahulu, lalu ulangi; "
                "periksa berkas itu dengan: ppid doctor <berkas>."
            )
    module_name(Path(path))
    return Path(path)


# ---------------------------------------------------------------- the planners (same calls as the CLI)
def plan(
    action: Operation,
    reg: Register,
    path: Path,
    snap: Snapshot,
    *,
    now: dt.datetime,
    user: str,
    stage: Staging | None = None,
) -> tuple[Changes, Any]:
    """The same planner the CLI uses (operations.planner_for); only the month comes from Beranda."""
    month = report_month(snap, now.date()) if action is Operation.REPORT else None
    changes, result = planner_for(action, Request(path, now, TRIGGER, user, month=month))(reg)
    if action is Operation.REPORT:  # the planner drafts the report; its files are written before the save
        result = write_report(path, result)
    if stage is not None:  # the planner rendered the letters; they wait in the staging folder until the save
        stage.write(result)
    return changes, result


def report_month(snap: Snapshot, today: dt.date) -> str:
    """The month typed in Beranda's month cell (C5) as 'YYYY-MM'; empty: the last complete month."""
    name = next((n for n in snap.grids if norm(n) == norm(BERANDA.name)), None)
    if name is None:
        raise UsageError(
            f"Lembar '{BERANDA.name}' tidak ditemukan; bulan laporan dibaca dari sel {BERANDA_MONTH_CELL} di"
            " sana."
        )
    col = ord(BERANDA_MONTH_CELL[0]) - 64
    row = int(BERANDA_MONTH_CELL[1:])
    grid = snap.grids[name]
    value = grid[row - 1][col - 1] if row <= len(grid) and col <= len(grid[row - 1]) else None
    return month_text(value) or last_complete_month(today)


# ---------------------------------------------------------------- texts
def summary_lines(action: Operation, result: Any, path: Path) -> list[str]:
    """Indonesian lines for the message box; the first one also goes to the status cell."""
    if action is Operation.VALIDATE:
        return _validate_lines(result)
    if action is Operation.ADVANCE:
        return [result.status_text().rstrip(".") + ".", *result.lines()]
    if action is Operation.DOCUMENTS:
        return _documents_lines(result, output_root(path))
    return [
        result.summary or f"Laporan bulanan {result.label} dibuat.",
        *(f"Berkas: {p}" for p in result.files()),
        *result.warnings,
    ]


def _validate_lines(report: Any) -> list[str]:
    findings = report.findings
    if not findings:
        return ["Pemeriksaan selesai: semua isian sudah benar."]
    per_sheet: dict[str, int] = {}
    for f in findings:
        per_sheet[f.sheet] = per_sheet.get(f.sheet, 0) + 1
    lines = [
        f"Pemeriksaan selesai: {len(findings)} temuan di {len(per_sheet)} lembar; lihat kolom Catatan"
        " Validasi."
    ]
    lines += [f"{sheet}: {count} temuan" for sheet, count in per_sheet.items()]
    return lines


def _documents_lines(result: Any, folder: Path) -> list[str]:
    made, failed = len(result.made), len(result.failed)
    lines = [f"{made} dokumen dibuat, {failed} belum dapat dibuat, {result.skipped} sudah ada sebelumnya."]
    if made or result.skipped:
        lines.append(f"Berkas ada di folder {folder}.")
    lines += [f"{r.reg_no}: {r.message}" for r in result.failed]
    lines += list(result.notes)
    if result.pdf_note:
        lines.append(result.pdf_note)
    return lines


def _status_line(first: str, now: dt.datetime, action: str | None) -> str:
    caption = action.caption if isinstance(action, Operation) else ""
    label = f"{TRIGGER} '{caption}'" if caption else TRIGGER
    return status_text(now, label, first)


def _status_cell(layout: Layout, sheet: str, text: str, reg: Register | None) -> None:
    """The clicked sheet's status cell gets the summary unless the planner wrote its own status there."""
    if norm(sheet) not in STATUS_SHEETS:
        return  # a sheet of the user's own or a support sheet: A5 may hold anything
    row = status_row_of(reg, sheet)  # above the header as found: staff may have moved it
    if row:
        layout.sheets.setdefault(sheet, SheetWrites(name=sheet)).cells.setdefault((row, 1), text)


def _alert(book: Any, message: str, *, critical: bool = False) -> None:
    lines = message.splitlines()
    if len(lines) > MESSAGE_LINES:
        lines = [*lines[:MESSAGE_LINES], f"... dan {len(lines) - MESSAGE_LINES} baris lainnya."]
    book.app.alert("\n".join(lines), title=TITLE, mode="critical" if critical else "info")
