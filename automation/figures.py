"""One definition per reported figure: decided, finished, overdue, consequence test, keberatan, sengketa.

The monthly and annual reports (``automation.report``), their Excel files and the Beranda block
(``automation.workflow.home``) all count with these functions, so a number printed in two places
is the same number.  They take plain row values (dicts) and dates; no workbook, no pandas.
docs/reports.md ("Cara menghitung") states each rule in Indonesian.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Protocol, TypeVar

from .reference import Klasifikasi, StatusDik, StatusTahap, YaTidak, is_
from .rownotes import is_superseded
from .schema import SHEET_BY_KEY
from .values import as_text, parse_date

Row = Mapping[str, Any]
YEARS = (2000, 2100)  # dates outside are typing errors (left to validation), not service history
YA, TIDAK, SEBAGIAN = Klasifikasi
UNFILLED = "Belum diisi"
BA_SHEET = SHEET_BY_KEY["berita_acara"].name
DONE = StatusTahap.SELESAI


def day(value: Any) -> date | None:
    """A date the figures can count with (None when empty, unreadable or outside YEARS)."""
    found = parse_date(value)[0]
    return found if found is not None and YEARS[0] <= found.year <= YEARS[1] else None


def decided_on(decisions: Sequence[Row]) -> date | None:
    """**Decided**: the latest Tanggal Keputusan of the request's 8 Keputusan rows; when no row
    has one, the latest Tanggal Penyampaian."""
    for key in ("tanggal_keputusan", "tanggal_penyampaian"):
        days = [d for d in (day(r.get(key)) for r in decisions) if d is not None]
        if days:
            return max(days)
    return None


def finished_on(decided: date | None, reached_end: bool, later_days: Iterable[Any]) -> date | None:
    """**Finished**: the decision date; for a request already at 9 Tanda Terima / 10 Arsip without
    one, the first usable of Tanggal Selesai (8 Keputusan), Tanggal Diterima (9), Tanggal Arsip (10)."""
    if decided is not None or not reached_end:
        return decided
    return next((d for d in (day(v) for v in later_days) if d is not None), None)


def is_extended(intake: Row) -> bool:
    """**Extended**: Diperpanjang = Ya on 1 Permohonan, or a Nomor Surat Perpanjangan was issued."""
    return is_(intake.get("diperpanjang"), YaTidak.YA) or bool(as_text(intake.get("nomor_perpanjangan")))


def overdue_open(deadline: date | None, finished: date | None, undated_end: bool, as_of: date) -> bool:
    """**Overdue, still open** on ``as_of``: not finished by then and ``as_of`` is past Batas Waktu.
    A request at 9/10 with no date at all is not open (it cannot be placed in time)."""
    if deadline is None or undated_end:
        return False
    return (finished is None or finished > as_of) and as_of > deadline


def decided_late(deadline: date | None, decided: date | None) -> bool:
    """**Decided late**: Tanggal Keputusan after Batas Waktu (10 working days, 17 when extended)."""
    return deadline is not None and decided is not None and decided > deadline


class _Row(Protocol):
    def get(self, key: str, /) -> Any: ...


R = TypeVar("R", bound=_Row)


def sent_to_minutes(items: Sequence[R]) -> list[R]:
    """The 4 Klasifikasi rows ``advance`` sent to 5 Berita Acara and did not mark as replaced after
    the Atasan PPID sent them back (the trail the workflow leaves)."""
    return [
        r
        for r in items
        if is_(r.get("status_tahap"), DONE)
        and as_text(r.get("diteruskan_ke")).casefold() == BA_SHEET.casefold()
        and not is_superseded(r)
    ]


def latest_round(items: Sequence[R]) -> list[R]:
    """The 4 Klasifikasi rows of the request's last consequence test: those sent to 5 Berita Acara
    (:func:`sent_to_minutes`); rows typed without that trail: the last batch marked Selesai
    together (same Tanggal Selesai); else every row.  Letters, reports and Beranda share it."""
    done = [r for r in items if is_(r.get("status_tahap"), DONE)]
    sent = sent_to_minutes(done)
    if sent:
        return sent
    if done:
        last = day(done[-1].get("tanggal_selesai"))
        return [r for r in done if day(r.get("tanggal_selesai")) == last]
    return list(items)


def consequence_outcome(items: Sequence[Row]) -> str:
    """**Consequence test outcome, one per request**: YA when every tested item is exempt, TIDAK
    when none is, SEBAGIAN otherwise (mixed, or any item exempt in part)."""
    results = {as_text(r.get("dikecualikan")).upper() for r in latest_round(items)} - {""}
    if not results:
        return UNFILLED
    if results == {YA}:
        return YA
    if results == {TIDAK}:
        return TIDAK
    return SEBAGIAN


def tested_on(reports: Sequence[Row]) -> date | None:
    """**Tested**: the Tanggal Uji of the request's last 5 Berita Acara row that has one (a re-test
    moves the request to the later date; it is still one test)."""
    days = [d for d in (day(r.get("tanggal_uji")) for r in reports) if d is not None]
    return days[-1] if days else None


# ---------------------------------------------------------------- keberatan and sengketa (UU KIP Ps 35-38)
NOT_ANSWERED = "Belum ditanggapi"
NOT_RULED = "Belum diputus"


def objection_outcome(row: Row) -> str:
    """**Keberatan outcome**: Putusan Atasan PPID on the Keberatan row; "Belum ditanggapi" while
    empty (a Tanggal Tanggapan alone does not say how it was decided)."""
    return " ".join(as_text(row.get("putusan_keberatan")).split()) or NOT_ANSWERED


def dispute_outcome(row: Row) -> str:
    """**Sengketa outcome**: Putusan Komisi Informasi; "Belum diputus" for a sengketa filed and not
    yet ruled; "" when no sengketa was filed (Tanggal Sengketa and Putusan both empty)."""
    outcome = " ".join(as_text(row.get("putusan_sengketa")).split())
    if outcome:
        return outcome
    return NOT_RULED if day(row.get("tanggal_sengketa")) is not None else ""


def answered_late(answer_due: date | None, answered: date | None, as_of: date) -> bool:
    """**Keberatan answered late**: Tanggal Tanggapan after the answer deadline (30 working days from
    the keberatan), or still unanswered on ``as_of`` with that deadline passed."""
    if answer_due is None:
        return False
    return answered > answer_due if answered is not None else as_of > answer_due


def objection_open_late(
    answer_due: date | None, filed: date | None, answered: date | None, as_of: date
) -> bool:
    """**Keberatan unanswered and late** on ``as_of``: filed by then, not answered by then, and the
    answer deadline passed (Beranda counts the same on the run day)."""
    if filed is None or filed > as_of or (answered is not None and answered <= as_of):
        return False
    return answered_late(answer_due, None, as_of)


# ---------------------------------------------------------------- Register DIK precedents
def precedent_candidate(entry: Row, reg_no: str, tested: date) -> bool:
    """**Precedent** for a request tested on ``tested``: a Register DIK entry with Informasi that is
    not Dibuka, set on or before that day (Tanggal Mulai empty or not later), whose period had not
    ended by then (Berlaku Sampai empty or not earlier), and not made from the request itself
    (another No Registrasi). A request **followed a precedent** when its Rincian Informasi or an
    item of its last tested round matches such an entry at or above Ambang Kemiripan Preseden
    (``automation.workflow.cited``): its berita acara cites the entry and the reports count the
    request in the month of its Tanggal Uji."""
    if not as_text(entry.get("informasi")) or is_(entry.get("status_dik"), StatusDik.DIBUKA):
        return False
    if reg_no and as_text(entry.get("no_registrasi")) == reg_no:
        return False
    start, until = day(entry.get("tanggal_mulai")), day(entry.get("berlaku_sampai"))
    return (start is None or start <= tested) and (until is None or until >= tested)
