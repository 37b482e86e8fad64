"""Beranda summary block: requests per step and the overdue list (registration numbers only).

"Lewat batas" is ``automation.figures.overdue_open`` on the run day, the same rule the reports
use for "belum selesai, lewat batas waktu" at the end of a period.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .. import figures as fig
from ..register import Register
from ..schema import BERANDA_SUMMARY_HEIGHT, STAGES
from .deadlines import NEAR, Rules, received_at, time_status
from .objections import home_rows as objection_rows
from .routes import DIK, FINISHED, NAME
from .state import CONFLICT, LOST, Registry, collect

CHECK = "Perlu diperiksa (tahap ganda/hilang)"
Overdue = list[tuple[date, str, str, int | None]]  # (due, registration number, step label, working days used)


def home_rows(
    reg: Register, *, today: date, rules: Rules | None = None, registry: Registry | None = None
) -> list[list[Any]]:
    """Rows for the Beranda block (at most BERANDA_SUMMARY_HEIGHT rows, 4 columns); no personal data.

    ``rules`` and ``registry`` let ``advance`` reuse what it already built for the same register.
    """
    from .queue import home_rows as dik_rows

    rules = rules or Rules.of(reg)
    registry = registry or collect(reg)
    counts, overdue = _tally(registry, rules, today)
    out = _stage_rows(counts, today)
    out.append(["Belum bernomor (1 Permohonan)", len(registry.unnumbered_intake), None, None])
    out += dik_rows(reg, today)
    out += objection_rows(reg, today=today, rules=rules)
    out.append([])
    out += _overdue_rows(overdue, today, max(0, BERANDA_SUMMARY_HEIGHT - len(out) - 3))
    return out


def _tally(registry: Registry, rules: Rules, today: date) -> tuple[dict[str, list[int]], Overdue]:
    """label -> [requests, overdue, near], and the overdue requests (due, number, label, days used)."""
    counts: dict[str, list[int]] = {}
    overdue: Overdue = []
    for request in registry.requests.values():
        if request.intake is None:
            continue
        current = request.current
        label = CHECK if current in (CONFLICT, LOST) else NAME.get(current, current)
        row = counts.setdefault(label, [0, 0, 0])
        row[0] += 1
        due = rules.deadline(request.intake)
        _decided, finished, undated = finish_of(request)
        if fig.overdue_open(due, finished, undated, today) and due is not None:
            row[1] += 1
            received = received_at(request.intake)
            used = rules.used(received, today) if received else None
            overdue.append((due, request.number, label, used))
        elif finished is None and not undated and time_status(due, None, rules, today) == NEAR:
            row[2] += 1
    return counts, overdue


def _stage_rows(counts: dict[str, list[int]], today: date) -> list[list[Any]]:
    out: list[list[Any]] = [
        [f"Posisi permohonan per {today:%d/%m/%Y}"],
        ["Tahap", "Jumlah", "Lewat batas", "Mendekati batas"],
    ]
    for label in [s.name for s in STAGES if s.key != DIK] + [FINISHED, CHECK]:
        found = counts.get(label, [0, 0, 0])
        if label != CHECK or found[0]:
            out.append([label, *found])
    return out


def _overdue_rows(overdue: Overdue, today: date, room: int) -> list[list[Any]]:
    out: list[list[Any]] = [[f"Belum selesai dan lewat batas waktu per {today:%d/%m/%Y}: {len(overdue)}"]]
    if overdue:
        out.append(["Nomor Registrasi", "Tahap Saat Ini", "Batas Waktu", "Hari Kerja Terpakai"])
        overdue.sort()
        for due, number, label, used in overdue[:room]:
            out.append([number, label, due, used])
        if len(overdue) > room:
            out.append([f"… dan {len(overdue) - room} permohonan lainnya (lihat lembar 1 Permohonan)."])
    return out


def finish_of(request: Any) -> tuple[date | None, date | None, bool]:
    """(decided, finished, finished without any date) by ``automation.figures``, as the reports count."""
    decisions = [r.values for r in request.on("keputusan")]
    decided = fig.decided_on(decisions)
    later = [*request.on("tanda_terima"), *request.on("arsip")]
    reached = bool(later) or request.current == FINISHED
    last = decisions[-1] if decisions else {}
    finished = fig.finished_on(
        decided,
        reached,
        (
            last.get("tanggal_selesai"),
            *(r.get("tanggal_diterima") for r in request.on("tanda_terima")[-1:]),
            *(r.get("tanggal_arsip") for r in request.on("arsip")[-1:]),
        ),
    )
    return decided, finished, reached and finished is None
