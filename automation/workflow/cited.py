"""The Register DIK entries a tested request followed: cited in its berita acara, counted in the reports.

One rule (``automation.figures.precedent_candidate``) says which entries could be a precedent on the
test day; the request's Rincian Informasi and the items of its last round are matched against them
with the same topic-term scorer as the Preseden DIK column (``automation.dik.scoring``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rapidfuzz import utils

from ..figures import latest_round, precedent_candidate, tested_on
from ..register import Record, Register
from ..values import as_text
from .precedent import DIK_SHEET, threshold
from .scoring import TermScorer


@dataclass(frozen=True)
class Citation:
    """One Register DIK entry a request followed, the request text that matched it, and the score."""

    entry: Record
    score: int
    matched: str

    @property
    def number(self) -> str:
        return as_text(self.entry.get("no_dik")) or f"baris {self.entry.row}"

    @property
    def informasi(self) -> str:
        return as_text(self.entry.get("informasi"))


class Citations:
    """Scores request texts against every Register DIK entry once; filters by the test day per request.

    The request's rows (1 Permohonan, 4 Klasifikasi, 5 Berita Acara) are indexed by No Registrasi
    once, so a report over thousands of requests reads each sheet once.
    """

    def __init__(self, reg: Register) -> None:
        self.entries = [e for e in reg.records(DIK_SHEET) if as_text(e.get("informasi"))]
        texts = [as_text(e.get("informasi")) for e in self.entries]
        self.scorer = TermScorer(texts) if texts else None
        self.cutoff = threshold(reg)
        self.rows = {key: _by_number(reg, key) for key in ("permohonan", "klasifikasi", "berita_acara")}

    def of(self, reg_no: str, tested: date | None = None) -> list[Citation]:
        """Entries request ``reg_no`` followed on ``tested`` (default: its last Tanggal Uji), best first."""
        tested = tested or self.tested_day(reg_no)
        if tested is None or self.scorer is None:
            return []
        best: dict[int, Citation] = {}
        for text in self.texts(reg_no):
            hit = self._best(text, reg_no, tested)
            if hit is not None and (hit[0] not in best or best[hit[0]].score < hit[1].score):
                best[hit[0]] = hit[1]
        return sorted(best.values(), key=lambda c: (-c.score, c.number))

    def _best(self, text: str, reg_no: str, tested: date) -> tuple[int, Citation] | None:
        assert self.scorer is not None
        scores = self.scorer.scores(utils.default_process(text))
        eligible = [
            (s, -i)
            for i, s in scores.items()
            if s >= self.cutoff and precedent_candidate(self.entries[i].values, reg_no, tested)
        ]
        if not eligible:
            return None
        score, index = max(eligible)
        return -index, Citation(self.entries[-index], score, text)

    def texts(self, reg_no: str) -> list[str]:
        """Rincian Informasi and the Informasi yang Diuji of the last round, distinct, in order."""
        rincian = [r.get("rincian_informasi") for r in self.rows["permohonan"].get(reg_no, [])]
        items = latest_round([r.values for r in self.rows["klasifikasi"].get(reg_no, [])])
        texts = [as_text(t) for t in (*rincian, *(i.get("informasi_diuji") for i in items))]
        return list(dict.fromkeys(t for t in texts if t))

    def tested_day(self, reg_no: str) -> date | None:
        return tested_on([r.values for r in self.rows["berita_acara"].get(reg_no, [])])

    def tested_requests(self, start: date, end: date) -> list[tuple[str, date]]:
        """(No Registrasi, Tanggal Uji) of the requests whose last test falls in ``start``..``end``."""
        out = [
            (n, d)
            for n in self.rows["berita_acara"]
            if n and (d := self.tested_day(n)) is not None and start <= d <= end
        ]
        return sorted(out, key=lambda pair: (pair[1], pair[0]))


def _by_number(reg: Register, key: str) -> dict[str, list[Record]]:
    out: dict[str, list[Record]] = {}
    for rec in reg.records(key):
        out.setdefault(rec.text("no_registrasi"), []).append(rec)
    return out
