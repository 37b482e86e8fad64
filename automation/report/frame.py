"""Register -> pandas DataFrames: raw sheets by schema key, and one parsed row per request.

Personal data never enters a frame: the columns in ``schema.PERSONAL_KEYS`` and requester /
recipient names are left out here, so nothing downstream can print them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pandas as pd

from .. import figures as fig
from ..privacy import allowed_values, controlled
from ..reference import Keputusan, Klasifikasi, StatusTahap, canonical
from ..register import Register
from ..schema import PERSONAL_KEYS, SHEET_BY_KEY
from ..values import as_text, parse_datetime, parse_pasal
from ..workdays import WorkCalendar

EXCLUDED = PERSONAL_KEYS | {"nama_pemohon", "nama_penerima", "nama_wakil"}
YEARS = fig.YEARS  # dates outside are typing errors (left to validation), not service history
UNDECIDED = "Belum diisi"
OTHER = "Lainnya"
_STAGE = re.compile(r"^\s*(?:tahap\s*)?(\d{1,2})\b", re.IGNORECASE)
_LETTER = re.compile(r"^17([a-j])", re.IGNORECASE)


def sheet_frame(reg: Register, key: str, *, exclude: frozenset[str] = EXCLUDED) -> pd.DataFrame:
    """The records of one sheet: column ``_row`` (Excel row) plus one column per schema key."""
    keys = [k for k in SHEET_BY_KEY[key].keys if k not in exclude]
    records = reg.records(key)
    data: dict[str, list[Any]] = {"_row": [r.row for r in records]}
    for k in keys:
        data[k] = [r.values.get(k) for r in records]
    return pd.DataFrame(data, columns=["_row", *keys], dtype=object)


@dataclass
class Frames:
    """Everything the reports count, parsed once."""

    requests: pd.DataFrame  # one row per 1 Permohonan record (see ``requests_frame``)
    dik: pd.DataFrame  # 7 Register DIK with parsed dates
    tests: pd.DataFrame  # 5 Berita Acara test dates joined to 4 Klasifikasi results
    objections: pd.DataFrame  # one row per Keberatan row (see ``objections_frame``)
    notes: list[str] = field(default_factory=list)  # data problems worth a line in the report


@dataclass(frozen=True)
class Limits:
    """Answer period and extension in working days (Pengaturan; UU KIP Pasal 22 ayat 7-8)."""

    answer: int = 10
    extension: int = 7

    @classmethod
    def from_register(cls, reg: Register) -> Limits:
        return cls(answer=reg.config.days.answer, extension=reg.config.days.extension)

    def allowed(self, extended: bool) -> int:
        return self.answer + (self.extension if extended else 0)


def build_frames(reg: Register, cal: WorkCalendar, limits: Limits) -> Frames:
    notes: list[str] = []
    return Frames(
        requests=requests_frame(reg, cal, limits, notes),
        dik=dik_frame(reg),
        tests=tests_frame(reg),
        objections=objections_frame(reg),
        notes=notes,
    )


_date = fig.day  # a parsed date, None when empty, unreadable or outside the years a report can count


def _all_by_regno(reg: Register, key: str) -> dict[str, list[dict[str, Any]]]:
    """Values of every row of ``key`` per registration number, in Excel row order."""
    out: dict[str, list[dict[str, Any]]] = {}
    for rec in reg.records(key):
        regno = rec.text("no_registrasi")
        if regno:
            out.setdefault(regno, []).append(rec.values)
    return out


def _last_by_regno(reg: Register, key: str) -> dict[str, dict[str, Any]]:
    """Values of the last row of ``key`` per registration number (later rows win)."""
    out: dict[str, dict[str, Any]] = {}
    for rec in reg.records(key):
        regno = rec.text("no_registrasi")
        if regno:
            out[regno] = rec.values
    return out


def decision_label(value: Any) -> str:
    text = as_text(value)
    if not text:
        return UNDECIDED
    found = canonical(Keputusan, text)
    return OTHER if found is None else found.value


def pasal_letters(value: Any) -> tuple[str, ...]:
    """Distinct Pasal 17 letters of a code list: "17h3, 17h1, 17j" -> ("h", "j")."""
    codes, _error = parse_pasal(value)
    letters = {m.group(1).lower() for c in codes if (m := _LETTER.match(c.strip()))}
    return tuple(sorted(letters))


def _stage(text: str) -> int | None:
    if not text:
        return None
    match = _STAGE.match(text)
    if match:
        return int(match.group(1))
    return 10 if StatusTahap.SELESAI.casefold() in text.casefold() else None  # "Selesai (diarsipkan)"


def _exempt_letters(reg: Register) -> dict[str, tuple[str, ...]]:
    """Pasal 17 letters of the classified items (YA/SEBAGIAN) per registration number."""
    found: dict[str, set[str]] = {}
    exempt = (Klasifikasi.YA, Klasifikasi.SEBAGIAN)
    for rec in reg.records("klasifikasi"):
        if canonical(Klasifikasi, rec.get("dikecualikan")) in exempt and rec.text("no_registrasi"):
            found.setdefault(rec.text("no_registrasi"), set()).update(pasal_letters(rec.get("pasal17")))
    return {k: tuple(sorted(v)) for k, v in found.items()}


def requests_frame(
    reg: Register, cal: WorkCalendar, limits: Limits, notes: list[str] | None = None
) -> pd.DataFrame:
    """One row per request with receipt, outcome, dates and working days already worked out.

    Columns: row, regno, received (datetime), received_day (Timestamp), saluran, kategori, pd,
    extended, stage, stage_text, decision, letters, decision_date, finish_date, undated_finish;
    from the calendar: receipt
    (effective receipt day), allowed (working days, 10 or 17), deadline (Timestamp) and days_taken
    (working days used up to the decision date, NaN when undecided).
    """
    notes = notes if notes is not None else []
    decisions = _all_by_regno(reg, "keputusan")
    receipts = _last_by_regno(reg, "tanda_terima")
    archive = _last_by_regno(reg, "arsip")
    exempt = _exempt_letters(reg)
    rows: list[dict[str, Any]] = []
    undated = 0
    for rec in reg.records("permohonan"):
        received, _err = parse_datetime(rec.get("waktu_diterima"))
        if received is None or not YEARS[0] <= received.year <= YEARS[1]:
            undated += 1
            continue
        regno = rec.text("no_registrasi")
        rows.append(
            _request_row(
                rec.row,
                regno,
                received,
                rec.values,
                decisions.get(regno, []),
                receipts.get(regno),
                archive.get(regno),
                exempt.get(regno, ()),
            )
        )
    if undated:
        notes.append(
            f"{undated} baris pada lembar 1 Permohonan tidak memiliki Waktu Diterima yang sah "
            f"(tahun {YEARS[0]}–{YEARS[1]}) "
            "sehingga tidak dihitung; periksa isian dengan tombol Periksa isian."
        )
    frame = pd.DataFrame(rows, columns=list(_EMPTY_ROW))
    for col, key in (("saluran", "saluran"), ("kategori", "kategori_pemohon"), ("pd", "perangkat_daerah")):
        allowed = allowed_values(reg, key)  # a name typed into a report-visible field becomes "Lainnya"
        frame[col] = [controlled(v, allowed) for v in frame[col]]
    for col in ("received_day", "decision_date", "finish_date"):
        frame[col] = pd.to_datetime(frame[col])
    frame["receipt"] = [cal.effective_receipt(r) for r in frame["received"]]
    frame["allowed"] = [limits.allowed(bool(e)) for e in frame["extended"]]
    frame["deadline"] = pd.to_datetime(
        pd.Series(
            [
                cal.add_working_days(cal.day_one(r), a - 1)
                for r, a in zip(frame["receipt"], frame["allowed"], strict=True)
            ],
            index=frame.index,
            dtype=object,
        )
    )
    frame["days_taken"] = pd.Series(
        [
            float(cal.working_days_used(r, d.date())) if not pd.isna(d) else float("nan")
            for r, d in zip(frame["receipt"], frame["decision_date"], strict=True)
        ],
        index=frame.index,
        dtype=float,
    )
    return frame


_EMPTY_ROW: dict[str, Any] = dict.fromkeys(
    (  # the parsed columns, before the calendar ones
        "row",
        "regno",
        "received",
        "received_day",
        "saluran",
        "kategori",
        "pd",
        "extended",
        "stage",
        "stage_text",
        "decision",
        "letters",
        "decision_date",
        "finish_date",
        "undated_finish",
    )
)


def _request_row(
    row: int,
    regno: str,
    received: datetime,
    values: dict[str, Any],
    decisions: list[dict[str, Any]],
    receipt: dict[str, Any] | None,
    archive: dict[str, Any] | None,
    exempt: tuple[str, ...],
) -> dict[str, Any]:
    stage_text = as_text(values.get("tahap_saat_ini"))
    stage = _stage(stage_text)
    dec = decisions[-1] if decisions else {}
    decision_date = fig.decided_on(decisions)
    reached = (stage or 0) >= 9 or receipt is not None or archive is not None
    finish = fig.finished_on(
        decision_date,
        reached,
        (
            dec.get("tanggal_selesai"),
            (receipt or {}).get("tanggal_diterima"),
            (archive or {}).get("tanggal_arsip"),
        ),
    )
    return {
        "row": row,
        "regno": regno or f"(baris {row})",
        "received": received,
        "received_day": received.date(),
        "saluran": as_text(values.get("saluran")) or "Tidak diisi",
        "kategori": as_text(values.get("kategori_pemohon")) or "Tidak diisi",
        "pd": as_text(values.get("perangkat_daerah")) or "Tidak diisi",
        "extended": fig.is_extended(values),
        "stage": stage,
        "stage_text": stage_text,
        "decision": decision_label(dec.get("jenis_keputusan")),
        "letters": pasal_letters(dec.get("pasal17")) or exempt,
        "decision_date": decision_date,
        "finish_date": finish,
        "undated_finish": reached and finish is None,
    }


def dik_frame(reg: Register) -> pd.DataFrame:
    """7 Register DIK with ``start`` and ``until`` parsed to Timestamps (NaT when empty or bad)."""
    frame = sheet_frame(reg, "register_dik")
    frame["start"] = pd.to_datetime(pd.Series([_date(v) for v in frame["tanggal_mulai"]], dtype=object))
    frame["until"] = pd.to_datetime(pd.Series([_date(v) for v in frame["berlaku_sampai"]], dtype=object))
    frame["status"] = pd.Series([as_text(v) for v in frame["status_dik"]], index=frame.index, dtype=object)
    return frame


def tests_frame(reg: Register) -> pd.DataFrame:
    """Consequence tests, one row per request with a 5 Berita Acara row: the test date of its last
    round and one outcome (YA / TIDAK / SEBAGIAN) over the items of that round (``figures``)."""
    items = _all_by_regno(reg, "klasifikasi")
    rows = [
        {
            "regno": regno,
            "result": fig.consequence_outcome(items.get(regno, [])),
            "test_day": fig.tested_on(reports),
        }
        for regno, reports in _all_by_regno(reg, "berita_acara").items()
    ]
    frame = pd.DataFrame(rows, columns=["regno", "result", "test_day"])
    frame["test_day"] = pd.to_datetime(frame["test_day"])
    return frame


OBJECTION_DATES = ("filed", "answered", "answer_due", "disputed", "ruled")
OBJECTION_COLUMNS = [
    "regno",
    "filed",
    "reason",
    "outcome",
    "answered",
    "answer_due",
    "dispute",
    "disputed",
    "ruled",
]


def objections_frame(reg: Register) -> pd.DataFrame:
    """One row per started Keberatan row: regno, filed, reason, outcome (``figures.objection_outcome``),
    answered, answer_due, dispute (``figures.dispute_outcome``), disputed, ruled; dates as Timestamps."""
    from ..objections import objections

    rows = [
        {
            "regno": as_text(o.record.get("no_registrasi")),
            "filed": _date(o.record.get("tanggal_keberatan")),
            "reason": as_text(o.record.get("alasan_keberatan")) or "Tidak diisi",
            "outcome": fig.objection_outcome(o.record.values),
            "answered": _date(o.record.get("tanggal_tanggapan")),
            "answer_due": o.answer_due,
            "dispute": fig.dispute_outcome(o.record.values),
            "disputed": _date(o.record.get("tanggal_sengketa")),
            "ruled": _date(o.record.get("tanggal_putusan_sengketa")),
        }
        for o in objections(reg)
    ]
    frame = pd.DataFrame(rows, columns=OBJECTION_COLUMNS)
    for col in OBJECTION_DATES:
        frame[col] = pd.to_datetime(frame[col])
    return frame
