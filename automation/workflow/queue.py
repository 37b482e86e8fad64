"""The Register DIK re-test queue: periods that end soon and periodic reviews of open-ended entries.

Pasal 20 UU 14/2008 makes exemptions under 17 a-f temporary; an entry whose period ends must be
tested again before it lapses. Entries in force whose Berlaku Sampai falls within the notice
window (Pengaturan ``dik_hari_pemberitahuan`` days, default 60) are listed ahead of time on the
Beranda and in the monthly report. Entries with an event period or without limit have no end
date, so they get a periodic review date instead (``dik_bulan_tinjau`` months after Tanggal
Mulai or after the last review staff recorded, default 12), listed the same way once due.
"""

from __future__ import annotations

import calendar
import textwrap
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..reference import JangkaWaktu, canonical
from ..register import Record, Register
from ..values import as_text, parse_date
from .deadlines import setting_int
from .precedent import EVENT, UNLIMITED, in_force, lapsed
from .routes import DIK

if TYPE_CHECKING:
    from .advance import Run

NOTICE_SETTING = "dik_hari_pemberitahuan"
REVIEW_SETTING = "dik_bulan_tinjau"
ENDS = "Masa pengecualian berakhir"
REVIEW = "Tinjau berkala"
SHORT = 80  # characters of Informasi on the Beranda
HOME_LIST_ROWS = 10  # queue rows shown on the Beranda; the rest are counted


@dataclass(frozen=True)
class Due:
    """One queued entry: its number, information, the day it falls due and why."""

    number: str
    informasi: str
    when: date
    reason: str
    entry: Record | None = field(default=None, compare=False, repr=False)

    def row(self) -> list[Any]:
        return [
            self.number,
            self.reason,
            self.when,
            textwrap.shorten(self.informasi, SHORT, placeholder=" …"),
        ]


def add_months(start: date, months: int) -> date:
    """``start`` moved by whole months; the 31st becomes the last day of a shorter month."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def review_date(entry: Record, months: int) -> date | None:
    """Next periodic review of an entry in force with an event period or no limit (else None)."""
    kind = canonical(JangkaWaktu, entry.get("jenis_jangka_waktu"))
    if kind not in (EVENT, UNLIMITED) or not in_force(entry):
        return None
    last, _error = parse_date(entry.get("tinjau_terakhir"))
    start, _error = parse_date(entry.get("tanggal_mulai"))
    base = last or start
    return add_months(base, max(1, months)) if base is not None else None


def due_entries(reg: Register, today: date) -> list[Due]:
    """The queue on ``today``: ends within the notice window, reviews due by then; soonest first."""
    horizon = today + timedelta(days=setting_int(reg, NOTICE_SETTING))
    months = setting_int(reg, REVIEW_SETTING)
    out = []
    for entry in reg.records(DIK):
        informasi = as_text(entry.get("informasi"))
        if not informasi or not in_force(entry):
            continue
        number = as_text(entry.get("no_dik")) or f"baris {entry.row}"
        until, _error = parse_date(entry.get("berlaku_sampai"))
        if until is not None and today <= until <= horizon:
            out.append(Due(number, informasi, until, ENDS, entry))
        review = review_date(entry, months)
        if review is not None and review <= horizon:
            out.append(Due(number, informasi, review, REVIEW, entry))
    return sorted(out, key=lambda d: (d.when, d.number))


def schedule_reviews(run: Run) -> None:
    """Tinjau Berikutnya on every Register DIK row: the review date, or empty when none applies."""
    months = setting_int(run.reg, REVIEW_SETTING)
    for rec in run.draft.records(DIK):
        if as_text(rec.get("informasi")) or rec.get("tinjau_berikutnya") not in (None, ""):
            run.draft.set(DIK, rec, "tinjau_berikutnya", review_date(rec, months))


def home_rows(reg: Register, today: date) -> list[list[Any]]:
    """Beranda rows: entries in force, entries waiting for a new test, and the queue (first rows listed)."""
    entries = reg.records(DIK)
    queue = due_entries(reg, today)
    days = setting_int(reg, NOTICE_SETTING)
    out: list[list[Any]] = [
        ["Register DIK berlaku", sum(1 for e in entries if in_force(e)), None, None],
        ["Register DIK perlu uji ulang", len(lapsed(entries, today)), None, None],
        [f"Register DIK segera diuji ulang/ditinjau ({days} hari)", len(queue), None, None],
    ]
    if queue:
        out.append(["Nomor DIK", "Alasan", "Tanggal", "Informasi"])
        out += [d.row() for d in queue[:HOME_LIST_ROWS]]
        if len(queue) > HOME_LIST_ROWS:
            out.append([f"… dan {len(queue) - HOME_LIST_ROWS} entri lainnya (lihat lembar 7 Register DIK)."])
    return out
