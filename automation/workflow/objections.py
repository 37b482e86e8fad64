"""Keberatan in the workflow: the system columns ``advance`` writes, Beranda lines, the new-year carry.

The model and its clocks are core (automation/objections.py): validation and letters read them too.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from .. import figures as fig
from ..clocks import NEAR, Rules, time_status
from ..objections import (
    DISPUTE,
    SHEET,
    WAITING,
    archive_blockers,
    day_of,
    objections,
    status_of,
    system_values,
)
from ..register import Record, Register
from ..values import as_text

if TYPE_CHECKING:
    from .advance import Run

__all__ = ["SHEET", "archive_blockers", "carry_open", "day_of", "home_rows", "status_of", "write_columns"]


def write_columns(run: Run) -> None:
    """Set the system columns of every started Keberatan row (``advance``, after the moves)."""
    if SHEET not in run.reg.sheets or not run.reg.sheets[SHEET].present:
        return
    for obj in objections(run.draft.view(), run.rules):
        for key, value in system_values(obj, run.rules, run.today).items():
            run.draft.set(SHEET, obj.record, key, value)


def home_rows(reg: Register, *, today: date, rules: Rules) -> list[list[Any]]:
    """Beranda lines: keberatan awaiting the Atasan PPID (late, near) and sengketa before the KI."""
    found = objections(reg, rules)
    waiting = [o for o in found if o.status == WAITING]
    late = sum(1 for o in waiting if fig.objection_open_late(o.answer_due, o.filed, o.answered, today))
    near = sum(1 for o in waiting if time_status(o.answer_due, None, rules, today) == NEAR)
    disputes = sum(1 for o in found if o.status == DISPUTE)
    return [
        ["Keberatan menunggu tanggapan Atasan PPID", len(waiting), late, near],
        ["Sengketa di Komisi Informasi (belum diputus)", disputes, None, None],
    ]


def carry_open(old: Register, rows: dict[str, list[dict[str, Any]]]) -> None:
    """New year: every open keberatan or sengketa goes on in the new register, with the rows of its
    request that its clocks and letters read (1 Permohonan, the last 8, 9 and 10 rows) when the
    request itself is not carried already (it was archived)."""
    from ..schema import SHEET_BY_KEY

    def copy(key: str, rec: Record) -> dict[str, Any]:
        dropped = ("catatan_validasi", "kolom_bermasalah")  # recomputed by validate in the new file
        return {k: rec.values.get(k) for k in SHEET_BY_KEY[key].keys if k not in dropped}

    carried = {as_text(r.get("no_registrasi")) for r in rows.get("permohonan", [])}
    for obj in objections(old):
        if not obj.is_open:
            continue
        number = as_text(obj.record.get("no_registrasi"))
        rows.setdefault(SHEET, []).append(copy(SHEET, obj.record))
        if number in carried:
            continue
        carried.add(number)
        for key in ("permohonan", "keputusan", "tanda_terima", "arsip"):
            own = [r for r in old.records(key) if as_text(r.get("no_registrasi")) == number]
            rows.setdefault(key, []).extend(copy(key, r) for r in own[-1:])
