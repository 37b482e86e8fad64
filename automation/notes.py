"""Turn a validation Report into Changes: row notes, highlight keys, sheet status lines.

Only cells whose text differs are written, so a clean register that was already clean needs
no write at all; stale notes are cleared.
"""

from __future__ import annotations

import datetime as dt

from .changes import Changes, status_text
from .findings import Finding, Report
from .register import Register

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
        if not data.present or NOTE_KEY not in data.columns:
            continue
        for record in data.records:
            found = by_row.get((data.name, record.row), [])
            _set_if_changed(changes, key, record.row, NOTE_KEY, note_text(found), record.values.get(NOTE_KEY))
            if MARK_KEY in data.columns:
                _set_if_changed(
                    changes, key, record.row, MARK_KEY, mark_text(found), record.values.get(MARK_KEY)
                )
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


def _set_if_changed(changes: Changes, key: str, row: int, col: str, new: str, old: object) -> None:
    old_text = "" if old is None else str(old)
    if old_text.strip() != new.strip():
        changes.set(key, row, col, new or None)
