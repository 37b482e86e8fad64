"""What waits for the Kepala Dinas / Atasan PPID: the opening list of the nota dinas.

Three kinds, each with the registration number, the day it started waiting and the working days
since (``automation.workdays``):

- a berita acara awaiting approval: the request's current step is 6 Persetujuan;
- a keberatan awaiting the Atasan PPID's answer: a Keberatan row filed and not yet answered;
- a request stuck after its decision: decided (``figures.decided_on``) but not yet at 10 Arsip,
  the letter not delivered for more than ``STUCK_AFTER`` working days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .. import figures as fig
from ..objections import WAITING, objections
from ..register import Register
from ..values import as_text
from ..workdays import WorkCalendar
from ..workflow.routes import FINISHED
from ..workflow.state import collect

APPROVAL = "Berita acara uji konsekuensi menunggu persetujuan Atasan PPID"
OBJECTION = "Keberatan menunggu putusan Atasan PPID"
STUCK = "Sudah diputus, surat belum diterima pemohon"
STUCK_AFTER = 2  # working days between the decision and the receipt before a request counts as stuck


@dataclass(frozen=True)
class Pending:
    regno: str
    what: str
    since: date | None
    days: int | None  # working days waited up to the memo date

    def row(self) -> list[Any]:
        return [self.regno, self.what, self.since, self.days]


def pending_decisions(reg: Register, cal: WorkCalendar, as_of: date) -> list[Pending]:
    """Items waiting for the head of office on ``as_of``, longest wait first."""
    out: list[Pending] = []
    for request in collect(reg).requests.values():
        out += _of(request, cal, as_of)
    out += [
        _pending(as_text(o.record.get("no_registrasi")), OBJECTION, o.filed, cal, as_of)
        for o in objections(reg)
        if o.status == WAITING
    ]
    return sorted(out, key=lambda p: (-(p.days or 0), p.regno, p.what))


def _of(request: Any, cal: WorkCalendar, as_of: date) -> list[Pending]:
    found = []
    if request.current == "persetujuan":
        reports = [r.values for r in request.on("berita_acara")]
        since = _last_day(reports, "tanggal_ba", "tanggal_selesai", "tanggal_uji")
        found.append(_pending(request.number, APPROVAL, since, cal, as_of))
    decided = fig.decided_on([r.values for r in request.on("keputusan")])
    if decided is not None and request.current not in ("arsip", FINISHED) and not request.on("arsip"):
        waited = _pending(request.number, STUCK, decided, cal, as_of)
        if (waited.days or 0) > STUCK_AFTER:
            found.append(waited)
    return found


def _last_day(rows: list[dict[str, Any]], *keys: str) -> date | None:
    for values in reversed(rows):
        for key in keys:
            found = fig.day(values.get(key))
            if found is not None:
                return found
    return None


def _pending(regno: str, what: str, since: date | None, cal: WorkCalendar, as_of: date) -> Pending:
    days = max(cal.working_days_between(since, as_of), 0) if since is not None and since <= as_of else None
    return Pending(regno, what, since, days)
