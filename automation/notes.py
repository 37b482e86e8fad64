"""Turn a validation Report into Changes: row notes, highlight keys, sheet status lines.

Only cells whose text differs are written, so a clean register that was already clean needs
no write at all; stale notes are cleared.
"""

from __future__ import annotations

import datetime as dt

from .changes import Changes, status_text
from .findings import Finding, Report
from .register import Register, SheetData

NOTE_KEY = "catatan_validasi"
MARK_KEY = "kolom_bermasalah"
NOTE_LIMIT = 3000


def note_text(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        prefix = f"[{f.column}] " if f.column else ""
        lines.append(f"• {prefix}{f.message}")
    text = "\n".join(lines)
    return text if len(text) <= NOTE_LIMIT else text[: NOTE_LIMIT - 1] + "…"


def mark_text(findings: list[Finding]) -> str:
    keys = sorted({f.key for f in findings if f.key})
    return f"|{'|'.join(keys)}|" if keys else ""


def plan_notes(reg: Register, report: Report, *, now: dt.datetime, trigger: str, user: str = "") -> Changes:
    changes = Changes()
    by_row = report.by_row()
    for key, data in reg.sheets.items():
        if data.present and NOTE_KEY in data.columns:
            _plan_sheet_notes(changes, key, data, by_row)
    if changes:
        rows = len(changes.cells)
        changes.log.append(
            {
                "waktu": now,
                "no_registrasi": None,
                "dari": None,
                "ke": "Catatan Validasi",
                "keterangan": (
                    f"Catatan Validasi diperbarui pada {rows} baris; {len(report.findings)} temuan."
                ),
                "pemicu": trigger,
                "pengguna": user,
            }
        )
        for key, data in reg.sheets.items():
            if data.present:
                count = sum(1 for f in report.findings if f.sheet == data.name)
                changes.status[key] = status_text(now, trigger, f"{count} temuan.", what="pemeriksaan")
    return changes


def _plan_sheet_notes(
    changes: Changes, key: str, data: SheetData, by_row: dict[tuple[str, int], list[Finding]]
) -> None:
    """The Catatan Validasi (and the marks) of one sheet's rows, where they change."""
    marks = MARK_KEY in data.columns
    for record in data.records:
        found = by_row.get((data.name, record.row), [])
        values = record.values
        if not found and _blank(values.get(NOTE_KEY)) and (not marks or _blank(values.get(MARK_KEY))):
            continue  # a clean row without a note: nothing to write (most rows of a register)
        _set_if_changed(changes, key, record.row, NOTE_KEY, note_text(found), values.get(NOTE_KEY))
        if marks:
            _set_if_changed(changes, key, record.row, MARK_KEY, mark_text(found), values.get(MARK_KEY))


def _blank(old: object) -> bool:
    return old is None or not str(old).strip()


def _set_if_changed(changes: Changes, key: str, row: int, col: str, new: str, old: object) -> None:
    old_text = "" if old is None else str(old)
    if old_text.strip() != new.strip():
        changes.set(key, row, col, new or None)
