"""Deadline columns of 1 Permohonan: working days used, Batas Waktu, Status Waktu and the calendar used."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..clocks import DONE_LATE, DONE_ON_TIME, LATE, NEAR, ON_TIME, Rules, received_at, time_status, usable
from ..settings import setting_int
from ..values import parse_date
from .state import Request

__all__ = [  # the clock itself lives in automation/clocks.py (core); re-exported for the workflow
    "DONE_LATE",
    "DONE_ON_TIME",
    "LATE",
    "NEAR",
    "ON_TIME",
    "STATUS_KEYS",
    "Rules",
    "decision_date",
    "received_at",
    "setting_int",
    "status_values",
    "time_status",
    "usable",
]
STATUS_KEYS = ("tahap_saat_ini", "hari_kerja_terpakai", "batas_waktu", "status_waktu", "kalender")


def decision_date(request: Request) -> date | None:
    """Tanggal Keputusan on 8 Keputusan (the latest one when the request was decided twice)."""
    found = [parse_date(r.get("tanggal_keputusan"))[0] for r in request.on("keputusan")]
    days = [d for d in found if d is not None and usable(d)]
    return max(days) if days else None


def status_values(request: Request, rules: Rules, today: date) -> dict[str, Any]:
    """The system columns of the request's 1 Permohonan row, as they should read today."""
    intake = request.intake
    assert intake is not None
    due = rules.deadline(intake)
    received = received_at(intake)
    decided = decision_date(request)
    used = rules.used(received, min(today, decided) if decided else today) if received else None
    return {
        "tahap_saat_ini": request.label(),
        "hari_kerja_terpakai": used,
        "batas_waktu": due,
        "status_waktu": time_status(due, decided, rules, today),
        "kalender": rules.label(),
    }
