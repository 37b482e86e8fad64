"""Keberatan and sengketa (UU KIP Ps 35-38): the three clocks, the status of each objection, archive guard.

Core model (below validation, workflow and letters, which all read it).

Clocks, in working days by the register's calendar (Hari Libur, day-1 rule) like the main clock:

- filing: ``batas_keberatan`` (30) from the *basis* — the day the requester received the decision
  (9 Tanda Terima), else the day it was sent (8 Keputusan), else, for a request never answered in
  time (Ps 35(1) c and g), its Batas Waktu;
- answer: ``batas_tanggapan_keberatan`` (30) from the day the keberatan was received (Ps 36(2));
- sengketa: ``batas_sengketa`` (14) from the day the requester received the answer (or the answer
  date), or — setting ``sengketa_tanpa_tanggapan`` — from the end of the answer period (Ps 37(2)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .clocks import Rules, time_status, usable
from .reference import ALASAN_KEBERATAN, AlasanKeberatan, Keputusan, YaTidak, canonical
from .register import Record, Register
from .values import as_text, parse_date, parse_datetime

SHEET = "keberatan"  # the Keberatan sheet
GROUNDS_UNANSWERED = (ALASAN_KEBERATAN[2], ALASAN_KEBERATAN[6])  # c. not answered, g. too late
WAITING = "Menunggu tanggapan Atasan PPID"
ANSWERED = "Ditanggapi Atasan PPID"
DISPUTE = "Sengketa di Komisi Informasi"
CLOSED = "Selesai (putusan Komisi Informasi)"
OPEN_STATES = (WAITING, DISPUTE)


def day_of(value: Any) -> date | None:
    found = parse_date(value)[0]
    return found if usable(found) else None


@dataclass(frozen=True)
class Limits:
    """The keberatan settings of a register (Pengaturan, with the schema defaults)."""

    filing: int
    answer: int
    dispute: int
    dispute_without_answer: bool

    @classmethod
    def of(cls, reg: Register) -> Limits:
        config = reg.config
        lapse = canonical(YaTidak, config.get("sengketa_tanpa_tanggapan"))
        return cls(
            filing=max(1, config.int("batas_keberatan")),
            answer=max(1, config.int("batas_tanggapan_keberatan")),
            dispute=max(1, config.int("batas_sengketa")),
            dispute_without_answer=lapse is not YaTidak.TIDAK,
        )


@dataclass(frozen=True)
class Request:
    """What a keberatan needs to know about the request it objects to."""

    number: str
    name: str
    received: date | None
    decision: str  # Jenis Keputusan of the last 8 Keputusan row ('' when none)
    delivered: date | None  # Tanggal Diterima (9) or Tanggal Penyampaian (8)
    due: date | None  # the request's Batas Waktu


def requests_of(reg: Register, rules: Rules) -> dict[str, Request]:
    """Every numbered request with its decision and the days a keberatan counts from."""
    decisions = _last_by_number(reg, "keputusan")
    receipts = _last_by_number(reg, "tanda_terima")
    out: dict[str, Request] = {}
    for rec in reg.records("permohonan"):
        number = as_text(rec.get("no_registrasi"))
        if not number or number in out:
            continue
        dec, rcpt = decisions.get(number, {}), receipts.get(number, {})
        received = parse_datetime(rec.get("waktu_diterima"))[0]
        delivered = day_of(rcpt.get("tanggal_diterima")) or day_of(dec.get("tanggal_penyampaian"))
        out[number] = Request(
            number,
            as_text(rec.get("nama_pemohon")),
            received.date() if received and usable(received) else None,
            canonical(Keputusan, dec.get("jenis_keputusan")) or as_text(dec.get("jenis_keputusan")),
            delivered,
            rules.deadline(rec) if received and usable(received) else None,
        )
    return out


def _last_by_number(reg: Register, key: str) -> dict[str, dict[str, Any]]:
    return {
        as_text(r.get("no_registrasi")): r.values for r in reg.records(key) if as_text(r.get("no_registrasi"))
    }


@dataclass(frozen=True)
class Objection:
    """One Keberatan row with its clocks worked out (dates None when they cannot be known)."""

    record: Record
    request: Request | None
    basis: date | None
    filed: date | None
    filing_due: date | None
    answer_due: date | None
    answered: date | None
    dispute_from: date | None
    dispute_due: date | None
    disputed: date | None
    ruled: date | None
    status: str

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES

    @property
    def ground(self) -> str:
        return canonical(AlasanKeberatan, self.record.get("alasan_keberatan")) or ""


def basis_of(request: Request | None, ground: str) -> date | None:
    """The day the ground of the keberatan arose (the filing clock's start)."""
    if request is None:
        return None
    if request.delivered is not None:
        return request.delivered
    return request.due if ground in GROUNDS_UNANSWERED else None


def objection(rec: Record, request: Request | None, rules: Rules, limits: Limits) -> Objection:
    cal = rules.calendar
    ground = canonical(AlasanKeberatan, rec.get("alasan_keberatan")) or ""
    basis = basis_of(request, ground)
    filed, answered = day_of(rec.get("tanggal_keberatan")), day_of(rec.get("tanggal_tanggapan"))
    disputed, ruled = day_of(rec.get("tanggal_sengketa")), day_of(rec.get("tanggal_putusan_sengketa"))
    answer_due = cal.deadline(filed, limits.answer) if filed else None
    start = day_of(rec.get("tanggapan_diterima")) or answered
    if start is None and limits.dispute_without_answer:
        start = answer_due
    return Objection(
        record=rec,
        request=request,
        basis=basis,
        filed=filed,
        filing_due=cal.deadline(basis, limits.filing) if basis else None,
        answer_due=answer_due,
        answered=answered,
        dispute_from=start,
        dispute_due=cal.deadline(start, limits.dispute) if start else None,
        disputed=disputed,
        ruled=ruled,
        status=status_of(rec, filed, answered, disputed, ruled),
    )


def status_of(
    rec: Record, filed: date | None, answered: date | None, disputed: date | None, ruled: date | None
) -> str:
    if ruled is not None or as_text(rec.get("putusan_sengketa")):
        return CLOSED
    if disputed is not None:
        return DISPUTE
    if answered is not None:
        return ANSWERED
    return WAITING if filed is not None else ""


def objections(reg: Register, rules: Rules | None = None) -> list[Objection]:
    """Every Keberatan row that has been started, with its clocks."""
    rules = rules or Rules.of(reg)
    limits = Limits.of(reg)
    started = [rec for rec in reg.records(SHEET) if _started(rec)]
    requests = requests_of(reg, rules) if started else {}  # most registers have no keberatan: skip the scan
    return [objection(rec, requests.get(as_text(rec.get("no_registrasi"))), rules, limits) for rec in started]


def _started(rec: Record) -> bool:
    return any(as_text(rec.get(k)) for k in ("no_registrasi", "tanggal_keberatan", "alasan_keberatan"))


def system_values(obj: Objection, rules: Rules, today: date) -> dict[str, Any]:
    """The system columns of a Keberatan row as they should read today."""
    return {
        "nama_pemohon": obj.request.name if obj.request else None,
        "tanggal_dasar": obj.basis,
        "batas_pengajuan": obj.filing_due,
        "batas_waktu": obj.answer_due,
        "status_waktu": time_status(obj.answer_due, obj.answered, rules, today),
        "batas_sengketa": obj.dispute_due if obj.answered or obj.dispute_from else None,
        "status_keberatan": obj.status or None,
    }


def archive_blockers(reg: Register, rules: Rules) -> dict[str, str]:
    """Registration number -> why it cannot be archived yet: its first open keberatan or sengketa."""
    out: dict[str, str] = {}
    for obj in objections(reg, rules):
        number = as_text(obj.record.get("no_registrasi"))
        if obj.is_open and number not in out:
            out[number] = _blocker(obj)
    return out


def _blocker(first: Objection) -> str:
    fix = (
        "isi Tanggal Putusan Komisi Informasi dan Putusan Komisi Informasi"
        if first.status == DISPUTE
        else "isi Tanggal Tanggapan dan Putusan Atasan PPID"
    )
    return (
        f"Belum dapat diarsipkan: keberatan atas permohonan ini masih terbuka ({first.status}; lembar "
        f"Keberatan baris {first.record.row}). Setelah selesai, {fix} pada baris itu, lalu proses lagi."
    )
