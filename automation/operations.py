"""The operations behind every command: read, plan (pure), write safely.

The CLI calls these; the Excel buttons call the same planners through ``automation.buttons``.
Reading happens twice when a write is needed: once to plan without any lock (a run that
changes nothing never takes the lock or loads openpyxl), and once more inside the write
session, so that concurrent runs serialise and none works on stale data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .changes import Changes
from .clock import last_complete_month
from .errors import AutomationError, UsageError, WriteRefused
from .excel.layout import placed
from .excel.reader import read_register
from .findings import Finding, Report
from .notes import plan_notes
from .operation import Operation
from .progress import PLANNING, SAVING, WAITING_FOR_LOCK, Progress, silent
from .register import Register

R = TypeVar("R")
Planner = Callable[[Register], tuple[Changes, R]]


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getpass raises different errors per platform when no user is known
        return ""


def output_root(path: Path) -> Path:
    """Generated files go to ``output/`` beside the register."""
    return Path(path).resolve().parent / "output"


@dataclass
class Outcome:
    """What a command did: its planner's result, whether the file was written, and why not."""

    result: Any
    written: bool = False
    changes: Changes = field(default_factory=Changes)
    warning: str = ""  # why the workbook was not written although there was something to write
    notes: list[str] = field(
        default_factory=list
    )  # warnings for staff (a Pengaturan value replaced by its default)


def commit(
    path: Path,
    planner: Planner[R],
    *,
    allow_loss: bool = False,
    preplan: bool = True,
    with_log: bool = True,
    before_save: Callable[[Any], None] | None = None,
    after_save: Callable[[], None] | None = None,
    progress: Progress = silent,
) -> Outcome:
    """Plan on a fresh read; when there is something to write, take the lock, re-plan and save.

    The plan is made again under the lock on a new read, unless the file is byte for byte the one
    the first plan read (its digest before and after that read and under the lock): the planners
    are pure, so the same bytes give the same plan (one read and one plan less per write).

    ``preplan=False`` skips the lock-free first plan, for costly planners (rendering documents) that
    should run once, under the lock.  ``before_save`` gets the planner's result under the lock, before
    anything is saved (the documents operation writes the rendered letters into its staging folder).
    ``with_log=False`` lets the first plan skip the Log sheet; the read under the lock always includes
    it (a write may append Log rows).
    ``after_save`` runs under the lock once the register is saved (or had nothing to save).
    ``progress`` hears of every sheet read, the wait for another run's lock, and the save.
    """
    from .excel.safety import refuse_if_open, write_session

    path = Path(path)
    if not path.is_file():  # before the lock, so that a mistyped name leaves no lock file behind
        read_register(path, with_log=False)  # raises the one-line "not found" / "is a folder"
    planned: tuple[str | None, Register, Changes, R] | None = None
    if preplan:
        digest = _digest(path)
        reg = read_register(path, with_log=with_log, progress=progress)
        progress(0, 0, PLANNING)
        changes, result = planner(reg)
        if not changes:
            return Outcome(result=result, written=False, changes=changes, notes=setting_warnings(reg))
        if with_log and digest is not None and _digest(path) == digest:
            planned = (digest, reg, changes, result)
        del reg, changes, result  # never two registers in memory at once
    refuse_if_open(path)
    with write_session(path, on_wait=lambda: progress(0, 0, WAITING_FOR_LOCK)) as session:
        if planned is not None and _digest(path) == planned[0]:
            _, reg, changes, result = planned
        else:
            planned = None  # released before the new read
            reg = read_register(path, progress=progress)
            progress(0, 0, PLANNING)
            changes, result = planner(reg)
        planned = None
        session.backups = reg.config.backups  # bounded by automation.settings
        if before_save:
            before_save(result)
        if not changes:
            if after_save:
                after_save()
            return Outcome(result=result, written=False, changes=changes, notes=setting_warnings(reg))
        layout = placed(reg, changes)
        _refuse_losses(path, allow_loss)
        notes = setting_warnings(reg)
        del reg  # the register read is not needed while the workbook is saved
        progress(0, 0, SAVING)
        session.save(lambda tmp: _roundtrip(path, tmp, layout))
        if after_save:
            after_save()
    return Outcome(result=result, written=True, changes=changes, notes=notes)


def _digest(path: Path) -> str | None:
    """The file's content digest (a few milliseconds even for a year's register); None when it
    cannot be read (the read that follows says why)."""
    import hashlib

    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "blake2b").hexdigest()
    except OSError:
        return None


def setting_warnings(reg: Register) -> list[str]:
    """Pengaturan values that could not be used (the default was): said on every command."""
    return [f.message for f in reg.setting_findings]


def _roundtrip(path: Path, tmp: Path, layout: Any) -> None:
    from .excel.preserve import roundtrip_openpyxl
    from .excel.writer import touched_rows, write_layout  # openpyxl: imported only when writing

    roundtrip_openpyxl(path, tmp, lambda wb: write_layout(wb, layout), rows=touched_rows(layout))


def _refuse_losses(path: Path, allow_loss: bool) -> None:
    from .excel.preserve import check_losses

    losses = check_losses(path)
    if losses and not allow_loss:
        raise WriteRefused(
            "Register tidak diubah karena penyimpanan akan menghilangkan: "
            + "; ".join(losses)
            + ". Simpan salinan lalu jalankan ulang dengan --izinkan-hilang bila bagian itu boleh hilang."
        )


# ---------------------------------------------------------------- validate
def structural_findings(reg: Register) -> list[Finding]:
    """Support sheets that are missing (stage and Hari Libur sheets are checked by validation)."""
    from .excel.reader import norm
    from .regnumbers import registration_findings
    from .schema import BERANDA, LOG, PENGATURAN, REFERENSI

    found = {norm(n) for n in reg.sheet_names}
    return (
        list(reg.setting_findings)
        + registration_findings(reg)
        + [
            Finding(
                spec.name,
                0,
                "",
                "lembar_hilang",
                f"Lembar '{spec.name}' tidak ditemukan; kembalikan nama lembar sesuai templat.",
                level="peringatan",
            )
            for spec in (BERANDA, REFERENSI, PENGATURAN, LOG)
            if norm(spec.name) not in found
        ]
    )


def plan_validate(reg: Register, *, now: dt.datetime, trigger: str, user: str = "") -> tuple[Changes, Report]:
    from .validation import validate_register
    from .validation.dates import text_date_fixes
    from .workflow.precedent import open_precedents

    report = validate_register(reg, today=now.date())
    report.findings[:0] = structural_findings(reg)
    report.precedents = open_precedents(reg, now.date())
    changes = plan_notes(reg, report, now=now, trigger=trigger, user=user)
    text_date_fixes(reg, report.findings, changes)
    return changes, report


def validate(
    path: Path, *, now: dt.datetime, write: bool = True, trigger: str = "CLI", progress: Progress = silent
) -> Outcome:
    """Check every row; write notes and highlights (only when they change)."""
    if not write:
        reg = read_register(path, with_log=False, progress=progress)
        progress(0, 0, PLANNING)
        changes, report = plan_validate(reg, now=now, trigger=trigger)
        return Outcome(result=report, written=False, changes=changes)
    try:
        planner = planner_for(Operation.VALIDATE, Request(path, now, trigger, current_user()))
        return commit(path, planner, with_log=False, progress=progress)
    except WriteRefused as exc:  # still report the findings; only the notes could not be written
        changes, report = plan_validate(read_register(path, with_log=False), now=now, trigger=trigger)
        return Outcome(
            result=report, written=False, changes=changes, warning=f"Catatan Validasi tidak ditulis: {exc}"
        )


# ---------------------------------------------------------------- advance / status
@dataclass(frozen=True)
class Request:
    """What a planner needs besides the register: where, when, who, and the operation's options."""

    path: Path
    now: dt.datetime
    trigger: str
    user: str = ""
    month: str | None = None  # report: 'YYYY-MM' (default: the last complete month)
    reg_no: str | None = None  # documents: one request only
    progress: Any = None


def _validate_planner(req: Request) -> Planner[Any]:
    return lambda reg: plan_validate(reg, now=req.now, trigger=req.trigger, user=req.user)


def _advance_planner(req: Request) -> Planner[Any]:
    from .workflow.advance import plan_advance

    today = req.now.date()
    return lambda reg: plan_advance(reg, today=today, now=req.now, trigger=req.trigger, user=req.user)


def _documents_planner(req: Request) -> Planner[Any]:
    from .letters.documents import DocumentsRequest, plan_documents

    def documents_planner(reg: Register) -> tuple[Changes, Any]:
        request = DocumentsRequest(
            output_root(req.path),
            req.now.date(),
            reg_no=req.reg_no,
            trigger=req.trigger,
            user=req.user,
            now=req.now,
            progress=req.progress,
        )
        return plan_documents(reg, request)

    return documents_planner


def _report_planner(req: Request) -> Planner[Any]:
    def report_planner(reg: Register) -> tuple[Changes, Any]:
        draft = plan_report(reg, today=req.now.date(), month=req.month or last_complete_month(req.now.date()))
        return Changes(home_report=draft.home_rows()), draft

    return report_planner


PLANNERS: dict[Operation, Callable[[Request], Planner[Any]]] = {
    Operation.VALIDATE: _validate_planner,
    Operation.ADVANCE: _advance_planner,
    Operation.DOCUMENTS: _documents_planner,
    Operation.REPORT: _report_planner,
}
"""The one planner per operation, shared by the CLI and the Excel buttons."""


def planner_for(operation: Operation | str, request: Request) -> Planner[Any]:
    """The planner of ``operation`` (UsageError when there is no such operation)."""
    return PLANNERS[Operation.parse(operation)](request)


def advance(
    path: Path,
    *,
    now: dt.datetime,
    trigger: str = "CLI",
    allow_loss: bool = False,
    progress: Progress = silent,
) -> Outcome:
    planner = planner_for(Operation.ADVANCE, Request(path, now, trigger, current_user()))
    return commit(path, planner, allow_loss=allow_loss, progress=progress)


def status(path: Path, reg_no: str) -> Any:
    from .workflow.timeline import timeline

    return timeline(read_register(path), reg_no)


def status_precedent(path: Path, reg_no: str, *, now: dt.datetime) -> str:
    from .workflow.precedent import request_precedent

    return request_precedent(read_register(path, with_log=False), reg_no, now.date())


# ---------------------------------------------------------------- documents / report
def documents(
    path: Path,
    *,
    now: dt.datetime,
    reg_no: str | None = None,
    pdf: bool = False,
    trigger: str = "CLI",
    allow_loss: bool = False,
    progress: Progress = silent,
) -> Outcome:
    """Render the due documents under the lock into a staging folder, save the numbers, then publish.

    The letters reach ``output/`` only after the register was saved; when the save does not
    happen (refused, disk full, killed) they are removed, so no number is on a file the register
    does not know.  Then the PDFs, in batches.
    """
    from .letters.documents import Staging, add_pdfs

    stage = Staging(output_root(path))
    request = Request(path, now, trigger, current_user(), reg_no=reg_no, progress=progress)
    planner = planner_for(Operation.DOCUMENTS, request)
    notes: list[str] = []
    with discard_on_failure(stage):
        outcome = commit(
            path,
            planner,
            allow_loss=allow_loss,
            preplan=False,
            progress=progress,
            before_save=stage.write,
            after_save=lambda: notes.extend(stage.publish()),
        )
    outcome.result.notes.extend(notes)
    if pdf:
        add_pdfs(outcome.result, progress=progress)
    return outcome


@contextlib.contextmanager
def discard_on_failure(stage: Any) -> Iterator[None]:
    """Remove the staged letters when the run fails; a refusal then says the numbers are unused."""
    from .letters.documents import DISCARDED

    try:
        yield
    except AutomationError as exc:
        if stage.discard():
            raise type(exc)(f"{str(exc).rstrip()} {DISCARDED}") from exc
        raise
    except BaseException:
        stage.discard()
        raise


def plan_report(reg: Register, *, today: dt.date, month: str | None = None, year: int | None = None) -> Any:
    """The one report planner (CLI and button): the monthly or annual report as a draft; nothing written."""
    from .report import plan_annual, plan_monthly

    if month and year is not None:
        raise UsageError(
            "Pilih salah satu: --month TTTT-BB untuk laporan bulanan atau --year TTTT untuk laporan tahunan."
        )
    if month:
        return plan_monthly(reg, month, today=today)
    if year is None:
        raise UsageError("Sebutkan --month TTTT-BB atau --year TTTT.")
    return plan_annual(reg, year, today=today)


def write_report(path: Path, draft: Any, *, pdf: bool = False) -> Any:
    """Write a planned report into ``output/laporan`` beside the register (the one report writer)."""
    from .report import write_report as write_files

    out_dir = output_root(path) / "laporan"
    with _output_errors(out_dir):
        result = write_files(draft, out_dir, pdf=pdf)
    if not pdf:  # a PDF left from an earlier run would no longer match the new .docx
        result.docx.with_suffix(".pdf").unlink(missing_ok=True)
    return result


def report(
    path: Path,
    *,
    now: dt.datetime,
    month: str | None = None,
    year: int | None = None,
    pdf: bool = False,
    home: bool = False,
    progress: Progress = silent,
) -> Any:
    """Build a report (read-only); ``home=True`` also puts the figures on Beranda (a full save)."""
    reg = read_register(path, with_log=False, progress=progress)
    progress(0, 0, "Menyusun laporan")
    result = write_report(path, plan_report(reg, today=now.date(), month=month, year=year), pdf=pdf)
    result.warnings[:0] = setting_warnings(reg)
    if home and month:
        _show_on_home(path, result)
    return result


@contextlib.contextmanager
def _output_errors(folder: Path) -> Iterator[None]:
    """A report folder that cannot be written (read-only, not a folder, disk full) is exit 3, not a crash."""
    from .excel.safety import _is_disk_full

    try:
        yield
    except Exception as caught:  # XlsxWriter wraps the OSError in its FileCreateError
        exc = (
            caught
            if isinstance(caught, OSError)
            else next((a for a in getattr(caught, "args", ()) if isinstance(a, OSError)), None)
        )
        if exc is None:
            raise
        if _is_disk_full(exc):
            raise WriteRefused(
                f"Ruang disk penuh: laporan tidak dibuat di {folder}; register tidak diubah. "
                "Kosongkan ruang disk lalu ulangi."
            ) from caught
        reason = (
            "izin ditolak"
            if isinstance(exc, PermissionError)
            else (
                "ada berkas bernama sama yang bukan folder"
                if isinstance(exc, NotADirectoryError | FileExistsError)
                else "galat sistem berkas"
            )
        )
        raise WriteRefused(
            f"Laporan tidak dapat ditulis ke folder {folder} ({reason}); register tidak diubah. Pastikan"
            " folder output/ di samping register adalah folder yang dapat ditulis, lalu ulangi."
        ) from caught


def show_on_home(path: Path, result: Any, progress: Progress = silent) -> None:
    """Put the monthly figures on Beranda (a full save); raises WriteRefused when it cannot."""
    rows = result.home_rows()

    def planner(reg: Register) -> tuple[Changes, None]:
        return Changes(home_report=rows), None

    commit(path, planner, progress=progress)


def _show_on_home(path: Path, result: Any) -> None:
    """:func:`show_on_home` for the demo and the buttons: a register open in Excel only gets a warning."""
    try:
        show_on_home(path, result)
    except WriteRefused as exc:
        result.warnings.append(f"Beranda tidak diperbarui: {exc}")
