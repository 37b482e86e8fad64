"""Beranda summary block: requests per step and the overdue list (registration numbers only).

"Lewat batas" is ``automation.figures.overdue_open`` on the run day, the same rule the reports
use for "belum selesai, lewat batas waktu" at the end of a period.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .. import figures as fig
from ..reference import StatusDik, canonical
from ..register import Register
from ..schema import BERANDA_SUMMARY_HEIGHT, STAGES
from .deadlines import NEAR, Rules, received_at, time_status
from .precedent import RETEST, in_force
from .routes import DIK, FINISHED, NAME
from .state import CONFLICT, LOST, Registry, collect

CHECK = "Perlu diperiksa (tahap ganda/hilang)"


def home_rows(
    reg: Register, *, today: date, rules: Rules | None = None, registry: Registry | None = None
) -> list[list[Any]]:
    """Rows for the Beranda block (at most BERANDA_SUMMARY_HEIGHT rows, 4 columns); no personal data.

    ``rules`` and ``registry`` let ``advance`` reuse what it already built for the same register.
    """
    rules = rules or Rules.of(reg)
    registry = registry or collect(reg)
    counts: dict[str, list[int]] = {}  # label -> [requests, overdue, near]
    overdue: list[tuple[date, str, str, int | None]] = []
    for request in registry.requests.values():
        if request.intake is None:
            continue
        current = request.current
        label = CHECK if current in (CONFLICT, LOST) else NAME.get(current, current)
        row = counts.setdefault(label, [0, 0, 0])
        row[0] += 1
        due = rules.deadline(request.intake)
        decided, finished, undated = finish_of(request)
        if fig.overdue_open(due, finished, undated, today) and due is not None:
            row[1] += 1
            received = received_at(request.intake)
            used = rules.used(received, today) if received else None
            overdue.append((due, request.number, label, used))
        elif finished is None and not undated and time_status(due, None, rules, today) == NEAR:
            row[2] += 1
    out: list[list[Any]] = [
        [f"Posisi permohonan per {today:%d/%m/%Y}"],
        ["Tahap", "Jumlah", "Lewat batas", "Mendekati batas"],
    ]
    labels = [s.name for s in STAGES if s.key != DIK] + [FINISHED, CHECK]
    for label in labels:
        found = counts.get(label, [0, 0, 0])
        if label == CHECK and not found[0]:
            continue
        out.append([label, *found])
    out.append(["Belum bernomor (1 Permohonan)", len(registry.unnumbered_intake), None, None])
    entries = reg.records(DIK)
    out.append(["Register DIK berlaku", sum(1 for e in entries if in_force(e)), None, None])
    out.append(["Register DIK perlu uji ulang", sum(1 for e in entries if _retest(e)), None, None])
    out.append([])
    out.append([f"Belum selesai dan lewat batas waktu per {today:%d/%m/%Y}: {len(overdue)}"])
    if overdue:
        out.append(["Nomor Registrasi", "Tahap Saat Ini", "Batas Waktu", "Hari Kerja Terpakai"])
        room = BERANDA_SUMMARY_HEIGHT - len(out) - 1
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
    finished = fig.finished_on(decided, reached, (last.get("tanggal_selesai"),
                                                  *(r.get("tanggal_diterima") for r in request.on("tanda_terima")[-1:]),
                                                  *(r.get("tanggal_arsip") for r in request.on("arsip")[-1:])))
    return decided, finished, reached and finished is None


def _retest(entry: Any) -> bool:
    return canonical(StatusDik, entry.get("status_dik")) == RETEST
