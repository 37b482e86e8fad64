"""The Excel buttons: xlwings' ``SampleCall`` runs ``main()`` on the live workbook (xlwings adapter).

A click reads every sheet once, builds the same Register the CLI reads, calls the same planner the
CLI calls, resolves the same Layout and writes it back in a fixed number of bulk writes
(``automation.excel.xlwings_io``).  It ends with a one-line summary in the clicked sheet's status
cell (A5) and a message box.  Problems are messages, never tracebacks.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlwings as xw

from . import clock
from .changes import Changes
from .clock import file_stamp, last_complete_month
from .errors import AutomationError, UsageError, WriteRefused, write_crash_log
from .excel.layout import Layout, SheetWrites, resolve
from .excel.reader import norm, register_from_grids
from .excel.safety import BACKUP_DIR, prune_backups
from .excel.vba import module_name
from .excel.xlwings_io import Snapshot, apply_plan, excel_user, month_text, plan_writes, read_book, save_book
from .operations import current_user, output_root, planner_for
from .register import Register
from .schema import BERANDA, BERANDA_MONTH_CELL, SHEETS, STATUS_ROW

TRIGGER = "Tombol"
TITLE = "Register PPID"
ACTIONS = ("validate", "advance", "documents", "report")
ACTION_NAMES = {
    "validate": "Periksa isian",
    "advance": "Proses ke tahap berikutnya",
    "documents": "Buat dokumen",
    "report": "Buat laporan bulanan",
}
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
    """Entry point of every button (``SampleCall``): the clicked sheet decides the operation."""
    try:
        book = xw.Book.caller()
    except Exception as exc:  # xlwings raises several types when not started from Excel
        print(f"Tombol register hanya dapat dijalankan dari Excel ({type(exc).__name__}: {exc}).")
        return
    try:
        run_button(book)
    except Exception as exc:  # last resort: never show a traceback to staff
        log = write_crash_log()
        text = f"Terjadi kesalahan internal: {type(exc).__name__}: {exc}\n\nRincian teknis: {log}"
        try:
            _alert(book, text, critical=True)
        except Exception:  # Excel itself is gone or busy: the log file keeps the details
            print(text)


def run_payload(payload: dict, *, action: str | None = None, now: dt.datetime | None = None,
                path: Path | None = None) -> tuple[ButtonResult, list[dict]]:
    """One click on xlwings' remote engine (the JSON of xlwings Server/Lite); returns the actions for Excel.

    Needs the XLWINGS_LICENSE_KEY environment variable (tests and bench use "noncommercial").
    """
    _remote_engine()
    book = xw.Book(json=payload)
    result = run_button(book, action, now=now, path=path)
    return result, book.json()["actions"]


def run_button(book: Any, action: str | None = None, *, now: dt.datetime | None = None,
               path: Path | None = None, alert: bool = True) -> ButtonResult:
    """Run one operation on the live ``book``: read once, plan, write once, report.

    ``action``: one of ACTIONS (default: the active sheet's button); ``path``: where the workbook
    file is (default ``book.fullname``; the remote engine only knows the name).
    """
    now = now or clock.now()  # the click's moment: the only clock read on the button path
    snap = read_book(book)
    outcome, reg, layout = _decide(book, snap, action, now=now, path=path)
    _status_cell(layout, snap.active, outcome.status)
    writes = plan_writes(reg, layout, snap.grids, outcome.action if outcome.ok else None)
    outcome.writes = apply_plan(book, writes, snap.grids)
    outcome.cells = writes.cells
    if outcome.ok:  # the register is left saved, as the CLI leaves it
        try:
            save_book(book)
        except WriteRefused as exc:
            outcome.message += f"\n\n{exc}"
    if alert:
        _alert(book, outcome.message, critical=not outcome.ok)
    return outcome


def _decide(book: Any, snap: Snapshot, action: str | None, *, now: dt.datetime,
            path: Path | None) -> tuple[ButtonResult, Register | None, Layout]:
    """Plan the click on the snapshot; a problem becomes a failed result with nothing to write."""
    reg: Register | None = None
    try:
        action = action or action_for(snap.active)
        if action not in ACTIONS:
            raise UsageError(f"Operasi '{action}' tidak dikenal; pilih salah satu: {', '.join(ACTIONS)}.")
        where = workbook_path(snap, path)
        reg = register_from_grids(where, snap.grids)
        backup_file(where, reg.settings.get("jumlah_cadangan"))  # the saved file, before anything is made
        changes, result = plan(action, reg, where, snap, now=now, user=excel_user(book) or current_user())
        layout = resolve(reg, changes)
        if layout.unplaced:
            raise WriteRefused(
                "Register tidak diubah karena " + "; ".join(sorted(set(layout.unplaced)))
                + ". Kembalikan nama lembar/judul kolom sesuai templat, lalu ulangi."
            )
        lines = summary_lines(action, result, where)
        outcome = ButtonResult(action, snap.active, True, "\n".join(lines), "", result, written=bool(changes))
    except AutomationError as exc:
        lines, layout = [f"Gagal: {exc}"], Layout()
        outcome = ButtonResult(action or "", snap.active, False, lines[0], "")
    outcome.status = _status_line(lines[0], now, outcome.action)
    return outcome, reg, layout


def _remote_engine() -> None:
    """xlwings registers its remote engine on import only if the license key was set by then."""
    if "remote" in xw.engines.engines_by_name:
        return
    try:
        from xlwings.pro import _xlremote
    except (ImportError, xw.LicenseError) as exc:
        raise UsageError(f"Mesin remote xlwings memerlukan XLWINGS_LICENSE_KEY ({exc}).") from exc
    xw.engines.add(xw.Engine(impl=_xlremote.engine))


# ---------------------------------------------------------------- which operation, which file
def action_for(sheet_name: str) -> str:
    """The operation of the button on ``sheet_name`` (schema ``Sheet.action``)."""
    spec = next((s for s in SHEETS if norm(s.name) == norm(sheet_name)), None)
    if spec is None or not spec.action:
        buttons = ", ".join(s.name for s in SHEETS if s.action)
        raise UsageError(f"Lembar '{sheet_name}' tidak memiliki tombol. Tombol ada di lembar: {buttons}.")
    return spec.action


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
def plan(action: str, reg: Register, path: Path, snap: Snapshot, *, now: dt.datetime, user: str) -> tuple[Changes, Any]:
    """The same planner the CLI uses (operations.planner_for); only the month comes from Beranda."""
    month = report_month(snap, now.date()) if action == "report" else None
    return planner_for(action, path, now=now, trigger=TRIGGER, user=user, month=month)(reg)


def report_month(snap: Snapshot, today: dt.date) -> str:
    """The month typed in Beranda's month cell (C5) as 'YYYY-MM'; empty: the last complete month."""
    name = next((n for n in snap.grids if norm(n) == norm(BERANDA.name)), None)
    if name is None:
        raise UsageError(f"Lembar '{BERANDA.name}' tidak ditemukan; bulan laporan dibaca dari sel {BERANDA_MONTH_CELL} di sana.")
    col = ord(BERANDA_MONTH_CELL[0]) - 64
    row = int(BERANDA_MONTH_CELL[1:])
    grid = snap.grids[name]
    value = grid[row - 1][col - 1] if row <= len(grid) and col <= len(grid[row - 1]) else None
    return month_text(value) or last_complete_month(today)


# ---------------------------------------------------------------- texts
def summary_lines(action: str, result: Any, path: Path) -> list[str]:
    """Indonesian lines for the message box; the first one also goes to the status cell."""
    if action == "validate":
        return _validate_lines(result)
    if action == "advance":
        return [result.status_text().rstrip(".") + ".", *result.lines()]
    if action == "documents":
        return _documents_lines(result, output_root(path))
    return [result.summary or f"Laporan bulanan {result.label} dibuat.",
            *(f"Berkas: {p}" for p in result.files()), *result.warnings]


def _validate_lines(report: Any) -> list[str]:
    findings = report.findings
    if not findings:
        return ["Pemeriksaan selesai: semua isian sudah benar."]
    per_sheet: dict[str, int] = {}
    for f in findings:
        per_sheet[f.sheet] = per_sheet.get(f.sheet, 0) + 1
    lines = [f"Pemeriksaan selesai: {len(findings)} temuan di {len(per_sheet)} lembar; lihat kolom Catatan Validasi."]
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


def backup_file(path: Path, keep: Any) -> Path | None:
    """Copy the saved file into ``cadangan/`` before the click saves over it (as the CLI keeps backups)."""
    try:
        count = int(float(keep))
    except (TypeError, ValueError):
        count = 10
    if count <= 0 or not path.is_file():
        return None
    folder = path.parent / BACKUP_DIR
    target = folder / f"{path.stem} {file_stamp()}{path.suffix}"
    try:
        folder.mkdir(exist_ok=True)
        shutil.copy2(path, target)
    except OSError as exc:
        raise WriteRefused(
            f"Cadangan register tidak dapat dibuat di {folder} ({exc.strerror or exc}); register tidak diubah. "
            "Periksa izin tulis dan ruang disk folder register, lalu ulangi."
        ) from exc
    prune_backups(path, count)
    return target


def _status_line(first: str, now: dt.datetime, action: str | None) -> str:
    caption = ACTION_NAMES.get(action or "", "")
    label = f"{TRIGGER} '{caption}'" if caption else TRIGGER
    return f"Hasil terakhir ({now:%d/%m/%Y %H:%M}, {label}): {first}"


def _status_cell(layout: Layout, sheet: str, text: str) -> None:
    """The clicked sheet's status cell gets the summary unless the planner wrote its own status there."""
    if norm(sheet) not in STATUS_SHEETS:
        return  # a sheet of the user's own or a support sheet: A5 may hold anything
    writes = layout.sheets.setdefault(sheet, SheetWrites(name=sheet))
    writes.cells.setdefault((STATUS_ROW, 1), text)


def _alert(book: Any, message: str, *, critical: bool = False) -> None:
    lines = message.splitlines()
    if len(lines) > MESSAGE_LINES:
        lines = [*lines[:MESSAGE_LINES], f"... dan {len(lines) - MESSAGE_LINES} baris lainnya."]
    book.app.alert("\n".join(lines), title=TITLE, mode="critical" if critical else "info")


