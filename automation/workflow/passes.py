"""After the moves of an ``advance`` run: DIK periods, precedents, deadline columns, notes, Beranda."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..changes import status_text
from ..rownotes import KEY as NOTE
from ..rownotes import RowNote
from ..values import as_text, parse_date
from .deadlines import status_values
from .home import home_rows
from .objections import SHEET as OBJECTIONS
from .objections import write_columns as write_objection_columns
from .precedent import RETEST, Matcher, active, ended, lapsed, threshold
from .routes import DIK, INTAKE, OPEN, REQUEST_SHEETS, is_done
from .state import has_staff_data, reg_no

WAITING = "Lengkap; menunggu baris lain permohonan ini di lembar ini selesai diisi."

if TYPE_CHECKING:
    from ..register import Record
    from .advance import Run


def finish(run: Run) -> None:
    from .adopt import adopt_staff_entries
    from .queue import schedule_reviews

    adopt_staff_entries(run)
    expire_entries(run)
    schedule_reviews(run)
    registry = run.registry
    write_precedents(run)
    for request in registry.requests.values():
        if request.intake is None:
            continue
        values = status_values(request, run.rules, run.today)
        for key, value in values.items():
            run.draft.set(INTAKE, request.intake, key, value)
        for key in REQUEST_SHEETS:
            for rec in request.on(key):
                run.draft.set(key, rec, "batas_waktu", values["batas_waktu"])
    write_objection_columns(run)
    write_notes(run)
    changes = run.draft.changes
    if changes:
        changes.home = home_rows(run.draft.view(), today=run.today, rules=run.rules, registry=registry)
        text = status_text(run.now, run.trigger, run.summary.status_text(), what="proses")
        for key in (INTAKE, *REQUEST_SHEETS, DIK, OBJECTIONS):
            data = run.reg.sheets.get(key)
            if data is not None and data.present:
                changes.status[key] = text


def expire_entries(run: Run) -> None:
    """Pasal 20: an entry whose period ended is marked for a new test and stops being a precedent."""
    for rec in run.draft.records(DIK):
        if not ended(rec, run.today):
            continue
        run.draft.set(DIK, rec, "status_dik", RETEST)
        if run.draft.is_new(DIK, rec):
            continue
        number = as_text(rec.get("no_dik")) or f"baris {rec.row}"
        until, _error = parse_date(rec.get("berlaku_sampai"))
        run.summary.dik_retest.append(number)
        note = f"{number}: masa pengecualian berakhir {until:%d/%m/%Y}; perlu uji konsekuensi ulang."
        run.log(reg_no(rec), DIK, RETEST, note)


def write_precedents(run: Run) -> None:
    """Preseden DIK on requests at intake (this run) and on open 3 Kajian rows."""
    entries = run.draft.records(DIK)
    matcher = Matcher(active(entries, run.today), threshold(run.reg), lapsed(entries, run.today))
    targets: list[tuple[str, Record]] = [
        (INTAKE, r) for r in run.draft.records(INTAKE) if r.row in run.at_intake
    ]
    targets += [("kajian", r) for r in run.draft.records("kajian") if not is_done(r.values)]
    for key, rec in targets:
        found = matcher.best(rec.get("rincian_informasi"))
        run.draft.set(key, rec, "preseden_dik", found.text() if found else None)


def write_notes(run: Run) -> None:
    """Catatan: the reason a row cannot move, cleared once it can; open rows get 'Dalam proses'."""
    for key in (INTAKE, *REQUEST_SHEETS):
        fresh: dict[str, list[Record]] = {}
        for rec in run.draft.records(key):
            blocked = (key, rec.row) in run.reasons
            if not blocked and run.draft.is_new(key, rec):
                fresh.setdefault(reg_no(rec), []).append(rec)
            elif blocked or not _left_alone(key, rec):
                _write_reason(run, key, rec, run.reasons.get((key, rec.row)))
        for rows in fresh.values():
            pending = run.completion_reasons(key, rows)
            for rec in rows:
                run.draft.set(key, rec, NOTE, pending.get(rec.row, WAITING if len(rows) > 1 else None))


def _left_alone(key: str, rec: Record) -> bool:
    """A row that moved on keeps its last note; an empty intake row gets none."""
    if key != INTAKE:
        return is_done(rec.values)
    return not (reg_no(rec) or has_staff_data(rec))


def _write_reason(run: Run, key: str, rec: Record, reason: str | None) -> None:
    """The workflow's part of the row's note (the letters' sentences are kept); an open row says so."""
    run.draft.set(key, rec, NOTE, RowNote.of_record(rec).with_reason(reason).text())
    if not is_done(rec.values) and not as_text(rec.get("status_tahap")):
        run.draft.set(key, rec, "status_tahap", OPEN)
