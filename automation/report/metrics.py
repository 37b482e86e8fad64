"""The figures of a report period, counted with pandas from the parsed request frame."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from .. import figures as fig
from ..reference import KEPUTUSAN, StatusDik, is_
from ..workdays import WorkCalendar
from .frame import OTHER, UNDECIDED, Frames, Limits
from .text import month_label

GRANTED_ALL, GRANTED_PART, REFUSED, NOT_HELD, UNDOCUMENTED = KEPUTUSAN
RETEST = StatusDik.PERLU_UJI_ULANG
NO_LETTER = "Tidak tercatat"

# UU KIP Pasal 17: a short description per letter (kip-reference.md section 3).
PASAL17_LETTERS: dict[str, str] = {
    "a": "menghambat proses penegakan hukum",
    "b": "mengganggu perlindungan HKI dan persaingan usaha yang sehat",
    "c": "membahayakan pertahanan dan keamanan negara",
    "d": "mengungkapkan kekayaan alam Indonesia",
    "e": "merugikan ketahanan ekonomi nasional",
    "f": "merugikan kepentingan hubungan luar negeri",
    "g": "mengungkapkan isi akta otentik yang bersifat pribadi atau wasiat",
    "h": "mengungkap rahasia pribadi",
    "i": "memorandum atau surat antar/intra Badan Publik yang dirahasiakan",
    "j": "dilarang diungkapkan berdasarkan Undang-Undang lain",
}


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), month_label(year, month))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), f"Tahun {year}")

    def previous_month(self) -> Period:
        year, month = (
            (self.start.year, self.start.month - 1) if self.start.month > 1 else (self.start.year - 1, 12)
        )
        return Period.month(year, month)

    def year_to_date(self) -> Period:
        return Period(date(self.start.year, 1, 1), self.end, f"Januari–{self.label}")


def within(series: pd.Series, period: Period) -> pd.Series:
    """Mask: the Timestamp column falls inside the period (NaT never does)."""
    return (series >= pd.Timestamp(period.start)) & (series <= pd.Timestamp(period.end))


def open_at(rq: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Requests received by ``as_of`` and not finished by then."""
    ts = pd.Timestamp(as_of)
    unfinished = rq["finish_date"].isna() | (rq["finish_date"] > ts)
    return rq[(rq["received_day"] <= ts) & unfinished & ~rq["undated_finish"].astype(bool)]


def _d(value: Any) -> date | None:
    return None if pd.isna(value) else value.date()


def late_mask(rows: pd.DataFrame, as_of: date) -> pd.Series:
    """``figures.overdue_open`` for each row: still open on ``as_of`` and past Batas Waktu."""
    return pd.Series(
        [
            fig.overdue_open(_d(r.deadline), _d(r.finish_date), bool(r.undated_finish), as_of)
            for r in rows.itertuples()
        ],
        index=rows.index,
        dtype=bool,
    )


def decided_late_mask(rows: pd.DataFrame) -> pd.Series:
    """``figures.decided_late`` for each row."""
    return pd.Series(
        [fig.decided_late(_d(r.deadline), _d(r.decision_date)) for r in rows.itertuples()],
        index=rows.index,
        dtype=bool,
    )


class Tally:
    """Counts any period of one register; ``today`` caps the as-of date of periods not yet over."""

    def __init__(self, frames: Frames, cal: WorkCalendar, limits: Limits, today: date) -> None:
        self.frames = frames
        self.rq = frames.requests
        self.cal = cal
        self.limits = limits
        self.today = today
        self._ages: dict[tuple[date, date], int] = {}

    def as_of(self, period: Period) -> date:
        return min(period.end, self.today)

    def received(self, period: Period) -> pd.DataFrame:
        return self.rq[within(self.rq["received_day"], period)]

    def processed(self, period: Period) -> pd.DataFrame:
        return self.rq[within(self.rq["finish_date"], period)]

    def open(self, period: Period) -> pd.DataFrame:
        """Open at the end of the period (or today), with age in working days and whether it is late."""
        as_of = self.as_of(period)
        rows = open_at(self.rq, as_of).copy()
        rows["age"] = [self._used(r, as_of) for r in rows["receipt"]]
        rows["late"] = late_mask(rows, as_of)
        return rows

    def _used(self, receipt: date, as_of: date) -> int:
        key = (receipt, as_of)
        if key not in self._ages:
            self._ages[key] = self.cal.working_days_used(receipt, as_of)
        return self._ages[key]

    def late_done(self, period: Period) -> pd.DataFrame:
        """Finished in the period with a decision dated after the deadline (10 or 17 working days)."""
        done = self.processed(period)
        return done[decided_late_mask(done)]

    def figures(self, period: Period) -> dict[str, Any]:
        """Scalar figures and counts of a period, keyed in English (also the ReportResult figures)."""
        recv = self.received(period)
        done = self.processed(period)
        days = done["days_taken"].dropna()
        still_open = open_at(self.rq, self.as_of(period))
        open_late = int(late_mask(still_open, self.as_of(period)).sum())
        late_done = int(decided_late_mask(done).sum())
        decisions = decision_counts(done)
        return {
            "received": len(recv),
            "processed": len(done),
            "open": len(still_open),
            "open_late": open_late,
            "late_done": late_done,
            "overdue": open_late + late_done,
            "decisions": decisions,
            "granted": decisions[GRANTED_ALL] + decisions[GRANTED_PART],
            "refused": decisions[REFUSED],
            "letters": letter_counts(done),
            "timed": len(days),
            "median_days": float(days.median()) if len(days) else None,
            "mean_days": float(days.mean()) if len(days) else None,
            "max_days": int(days.max()) if len(days) else None,
            "within_limit": float((days <= self.limits.answer).mean()) if len(days) else None,
            "over_extension": int((days > self.limits.answer + self.limits.extension).sum()),
            "extended": int(
                recv["extended"].astype(bool).sum()
            ),  # figures.is_extended, received in the period
            "extended_share": float(recv["extended"].astype(bool).mean()) if len(recv) else None,
            "tests": int(within(self.frames.tests["test_day"], period).sum()),
            **self.objection_figures(period),
        }

    def objection_figures(self, period: Period) -> dict[str, Any]:
        """Keberatan filed / answered / answered late, sengketa filed / ruled in the period (``figures``)."""
        obj = self.frames.objections
        answered = obj[within(obj["answered"], period)]
        as_of = self.as_of(period)
        late = [
            fig.answered_late(_day(d), _day(a), as_of)
            for d, a in zip(answered["answer_due"], answered["answered"], strict=True)
        ]
        waiting = [
            fig.objection_open_late(_day(d), _day(f), _day(a), as_of)
            for d, f, a in zip(obj["answer_due"], obj["filed"], obj["answered"], strict=True)
        ]
        return {
            "objections": int(within(obj["filed"], period).sum()),
            "objections_decided": len(answered),
            "objections_late": int(sum(late)),
            "objections_open_late": int(sum(waiting)),
            "disputes": int(within(obj["disputed"], period).sum()),
            "disputes_decided": int(within(obj["ruled"], period).sum()),
        }

    def objections(self, period: Period) -> pd.DataFrame:
        """Keberatan filed, answered, taken to the KI or ruled on in the period."""
        obj = self.frames.objections
        mask = within(obj["filed"], period)
        for col in ("answered", "disputed", "ruled"):
            mask |= within(obj[col], period)
        return obj[mask]

    def monthly_rows(self, year: int, last_month: int) -> list[dict[str, Any]]:
        """Figures of each month January..last_month (for the trend table and chart)."""
        return [
            {"period": p, **self.figures(p)}
            for p in (Period.month(year, m) for m in range(1, last_month + 1))
        ]

    def dik_changes(self, period: Period) -> dict[str, pd.DataFrame]:
        dik = self.frames.dik
        return {
            "added": dik[within(dik["start"], period)],
            "expired": dik[within(dik["until"], period)],
            "retest": dik[[is_(s, RETEST) for s in dik["status"]]],
        }

    def tests(self, period: Period) -> pd.Series:
        """Consequence tests in the period, one per request (last round), by outcome YA/TIDAK/SEBAGIAN."""
        tests = self.frames.tests
        return tests[within(tests["test_day"], period)]["result"].value_counts()


def _day(value: Any) -> date | None:
    return None if pd.isna(value) else value.date()


def decision_counts(done: pd.DataFrame) -> dict[str, int]:
    """Count per decision in the fixed order of the reference list; extra labels only when used."""
    counts = done["decision"].value_counts()
    out: dict[str, int] = {label: int(counts.get(label, 0)) for label in KEPUTUSAN}
    for extra in (UNDECIDED, OTHER):
        if counts.get(extra, 0):
            out[extra] = int(counts[extra])
    return out


def letter_counts(done: pd.DataFrame) -> dict[str, int]:
    """Requests refused in whole or in part per Pasal 17 letter (a request counts once per letter)."""
    refused = done[done["decision"].isin([REFUSED, GRANTED_PART])]
    letters = refused["letters"].map(lambda t: t or (NO_LETTER,)).explode()
    counts = letters.value_counts()
    ordered = [k for k in PASAL17_LETTERS if k in counts] + ([NO_LETTER] if NO_LETTER in counts else [])
    return {k: int(counts[k]) for k in ordered}


def share_rows(series: pd.Series, total: int | None = None) -> list[list[Any]]:
    """[label, count, share] rows, largest first (ties by label)."""
    counts = series.value_counts()
    total = total if total is not None else int(counts.sum())
    items = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return [[str(k), int(v), (v / total) if total else None] for k, v in items]
