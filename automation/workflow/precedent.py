"""Earlier exemption decisions as reference: matching a request against Register DIK by topic terms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz import utils

from ..reference import JangkaWaktu, StatusDik, canonical
from ..register import Record, Register
from ..values import as_text, parse_date
from .scoring import TermScorer

IN_FORCE, RETEST, OPENED = StatusDik
DIK_SHEET = "register_dik"
EARLY_STEPS = ("1 ", "2 ", "3 ")  # Tahap Saat Ini of requests whose review has not started
EVENT, UNLIMITED = JangkaWaktu.PERISTIWA, JangkaWaktu.TIDAK_TERBATAS


def threshold(reg: Register) -> int:
    return reg.config.precedent_threshold  # bounded 0-100 by automation.settings


def in_force(entry: Record) -> bool:
    return canonical(StatusDik, entry.get("status_dik")) == IN_FORCE


def ended(entry: Record, today: date) -> bool:
    """An entry in force whose period (Berlaku Sampai) is over: it needs a new consequence test."""
    until, _error = parse_date(entry.get("berlaku_sampai"))
    return in_force(entry) and until is not None and until < today


def active(entries: list[Record], today: date) -> list[Record]:
    return [e for e in entries if in_force(e) and not ended(e, today) and as_text(e.get("informasi"))]


def lapsed(entries: list[Record], today: date) -> list[Record]:
    """Entries whose exemption ended ('Perlu uji ulang', or in force with Berlaku Sampai passed)."""
    return [
        e
        for e in entries
        if as_text(e.get("informasi"))
        and (canonical(StatusDik, e.get("status_dik")) == RETEST or ended(e, today))
    ]


@dataclass(frozen=True)
class Precedent:
    entry: Record
    score: int
    lapsed: bool = False  # the entry's period is over: the topic needs a new consequence test

    def text(self) -> str:
        """'mirip DIK-2026-003 (skor 87), BA no. 001/BA-UK/..., berlaku s.d. 31/12/2027'."""
        e = self.entry
        parts = [f"mirip {as_text(e.get('no_dik')) or 'entri tanpa nomor'} (skor {self.score})"]
        if self.lapsed:
            until, _error = parse_date(e.get("berlaku_sampai"))
            ended_on = f" {until:%d/%m/%Y}" if until else ""
            return (
                f"{parts[0]}, masa pengecualian berakhir{ended_on}: bukan acuan, topik ini perlu uji"
                " konsekuensi ulang"
            )
        ba = as_text(e.get("nomor_ba"))
        if ba:
            parts.append(f"BA no. {ba}")
        parts.append(validity_text(e))
        return ", ".join(parts)


def validity_text(entry: Record) -> str:
    until, _error = parse_date(entry.get("berlaku_sampai"))
    if until is not None:
        return f"berlaku s.d. {until:%d/%m/%Y}"
    kind = canonical(JangkaWaktu, entry.get("jenis_jangka_waktu"))
    if kind == EVENT:
        return f"berlaku s.d. {as_text(entry.get('jangka_waktu')) or 'peristiwa tertentu'}"
    if kind == UNLIMITED:
        return "berlaku tanpa batas waktu"
    return "masa berlaku belum diisi"


class Matcher:
    """Best active Register DIK entry for a text, by topic terms (``automation.workflow.terms``).

    The score is the weighted F-measure of the two term sets (how much of the request the entry
    covers, and how much of the entry the request covers), so a one-word request never scores 100
    against a longer entry. Entries with the same text are scored once (the first stands for them,
    as it would win a tie) and answers are kept per query.
    """

    def __init__(self, entries: list[Record], cutoff: int, ended_entries: list[Record] | None = None) -> None:
        self.entries = _distinct(entries)
        self.scorer = TermScorer([as_text(e.get("informasi")) for e in self.entries])
        self.ended = _distinct(ended_entries or [])
        self.ended_scorer = (
            TermScorer([as_text(e.get("informasi")) for e in self.ended]) if self.ended else None
        )
        self.cutoff = cutoff
        self._answers: dict[str, Precedent | None] = {}

    def best(self, text: Any) -> Precedent | None:
        """The best active entry; failing that, an ended one (flagged: the topic needs a new test)."""
        query = utils.default_process(as_text(text))
        if not query:
            return None
        if query not in self._answers:
            found = self._hit(self.scorer, self.entries, query)
            if found is None and self.ended_scorer is not None:
                found = self._hit(self.ended_scorer, self.ended, query, lapsed=True)
            self._answers[query] = found
        return self._answers[query]

    def _hit(
        self, scorer: TermScorer, entries: list[Record], query: str, lapsed: bool = False
    ) -> Precedent | None:
        found = scorer.best(query) if entries else None
        if found is None or found[1] < self.cutoff:
            return None
        return Precedent(entries[found[0]], found[1], lapsed)


def _distinct(entries: list[Record]) -> list[Record]:
    """The first entry of each distinct Informasi text (it would win a tie)."""
    first: dict[str, Record] = {}
    for entry in entries:
        first.setdefault(utils.default_process(as_text(entry.get("informasi"))), entry)
    return list(first.values())


def matcher_for(reg: Register, today: date) -> Matcher:
    entries = reg.records(DIK_SHEET)
    return Matcher(active(entries, today), threshold(reg), lapsed(entries, today))


def open_precedents(reg: Register, today: date) -> list[str]:
    """'1 Permohonan baris 8 (PPID-…/0003): mirip DIK-…' for requests not yet past step 3 (for validate)."""
    matcher = matcher_for(reg, today)
    lines = []
    for rec in reg.records("permohonan"):
        stage = as_text(rec.get("tahap_saat_ini"))
        if stage and not stage.startswith(EARLY_STEPS):
            continue
        found = matcher.best(rec.get("rincian_informasi"))
        if found:
            number = as_text(rec.get("no_registrasi"))
            lines.append(f"baris {rec.row}" + (f" ({number})" if number else "") + f": {found.text()}")
    return lines


def request_precedent(reg: Register, reg_no: str, today: date) -> str:
    """The precedent line ``ppid status`` prints for one request, from its Rincian Informasi."""
    rincian = next(
        (
            r.get("rincian_informasi")
            for r in reg.records("permohonan")
            if as_text(r.get("no_registrasi")) == as_text(reg_no)
        ),
        None,
    )
    found = matcher_for(reg, today).best(rincian)
    if found:
        return f"Preseden DIK: {found.text()}."
    return f"Preseden DIK: tidak ada entri Register DIK berlaku yang mirip (ambang {threshold(reg)})."
