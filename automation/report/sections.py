"""Report tables shared by the monthly and annual reports: layouts from data, rows from the figures.

Titles, empty lines and columns are in automation/data/report_tables.toml (``layouts``); the Word
templates are generated from the same lists (tools/make_report_templates.py), so a table's
headers exist in one place only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from ..reference import KEPUTUSAN, Klasifikasi
from ..register import Register
from ..values import as_text
from .frame import Limits
from .layouts import LAYOUTS
from .metrics import NO_LETTER, PASAL17_LETTERS, Period, Tally, share_rows, within
from .model import Chart, Table
from .pending import Pending
from .text import month_name, tanggal


def table(key: str, rows: list[list[Any]], *, chart: Chart | None = None, **title: Any) -> Table:
    """The table ``key`` laid out as :data:`LAYOUTS` says, holding ``rows``; ``title`` fills its title."""
    layout = LAYOUTS[key]
    return Table(key, layout.title.format(**title), layout.cols, rows, chart=chart, empty=layout.empty)


def r1(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def pct(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


# ---------------------------------------------------------------- figure tables
def comparison_rows(figs: list[dict[str, Any]], answer_days: int) -> list[list[Any]]:
    """Rows of key figures, one column per period (figures dicts in column order)."""

    def line(label: str, get: Any) -> list[Any]:
        return [label, *(get(f) for f in figs)]

    rows = [
        line("Permohonan diterima", lambda f: f["received"]),
        line("Permohonan selesai diproses", lambda f: f["processed"]),
        line("Belum selesai pada akhir periode", lambda f: f["open"]),
    ]
    rows += [line(f"Keputusan: {k}", lambda f, k=k: f["decisions"].get(k, 0)) for k in KEPUTUSAN]
    rows += [
        line("Median waktu penyelesaian (hari kerja)", lambda f: r1(f["median_days"])),
        line("Rata-rata waktu penyelesaian (hari kerja)", lambda f: r1(f["mean_days"])),
        line(f"Selesai dalam {answer_days} hari kerja (%)", lambda f: pct(f["within_limit"])),
        line("Diperpanjang (permohonan diterima)", lambda f: f["extended"]),
        line("Selesai melewati batas waktu", lambda f: f["late_done"]),
        line("Belum selesai, lewat batas waktu (akhir periode)", lambda f: f["open_late"]),
        line("Uji konsekuensi (permohonan)", lambda f: f["tests"]),
        line("Keberatan diajukan", lambda f: f["objections"]),
        line("Keberatan ditanggapi Atasan PPID", lambda f: f["objections_decided"]),
        line("Keberatan ditanggapi melewati batas waktu", lambda f: f["objections_late"]),
        line(
            "Keberatan belum ditanggapi, lewat batas waktu (akhir periode)",
            lambda f: f["objections_open_late"],
        ),
        line("Sengketa diajukan ke Komisi Informasi", lambda f: f["disputes"]),
        line("Sengketa diputus Komisi Informasi", lambda f: f["disputes_decided"]),
    ]
    return rows


def decisions_table(figs: dict[str, Any]) -> Table:
    total = sum(figs["decisions"].values())
    rows = [[k, v, (v / total) if total else None] for k, v in figs["decisions"].items()]
    return table("keputusan", rows if total else [], chart=Chart("pie", title="Keputusan"))


def letters_table(figs: dict[str, Any]) -> Table:
    rows = [
        [f"Huruf {k}" if k != NO_LETTER else NO_LETTER, PASAL17_LETTERS.get(k, "dasar tidak diisi"), v]
        for k, v in figs["letters"].items()
    ]
    chart = Chart("bar", values=(2,), title="Alasan penolakan", category_title="Pasal 17")
    return table("pasal17", rows, chart=chart)


def breakdown_tables(frame: pd.DataFrame) -> list[Table]:
    total = len(frame)
    return [
        table(
            "saluran",
            share_rows(frame["saluran"], total),
            chart=Chart("bar", title="Saluran", category_title="Saluran"),
        ),
        table("kategori", share_rows(frame["kategori"], total), chart=Chart("pie", title="Kategori pemohon")),
        table(
            "perangkat_daerah",
            share_rows(frame["pd"], total),
            chart=Chart("bar", title="Perangkat Daerah", category_title="Perangkat Daerah"),
        ),
    ]


# Time figures: key -> (label, how the value is shown); {answer} and {longest} are working days.
TIME_ROWS: dict[str, tuple[str, Any]] = {
    "timed": ("Permohonan selesai dengan tanggal keputusan", None),
    "median_days": ("Median waktu penyelesaian (hari kerja)", r1),
    "mean_days": ("Rata-rata waktu penyelesaian (hari kerja)", r1),
    "max_days": ("Waktu terlama (hari kerja)", None),
    "within_limit": ("Selesai dalam {answer} hari kerja (%)", pct),
    "extended": ("Diperpanjang (permohonan diterima dalam periode)", None),
    "extended_share": ("Diperpanjang (% dari permohonan diterima)", pct),
    "late_done": ("Selesai melewati batas waktu (permohonan)", None),
    "over_extension": ("Selesai lebih dari {longest} hari kerja (permohonan)", None),
}


def time_rows(figs: dict[str, Any], limits: Limits, keys: tuple[str, ...]) -> list[list[Any]]:
    """[label, value] of the time figures ``keys``, labelled and shown as in :data:`TIME_ROWS`."""
    longest = limits.answer + limits.extension
    out = []
    for key in keys:
        label, shown = TIME_ROWS[key]
        value = shown(figs[key]) if shown else figs[key]
        out.append([label.format(answer=limits.answer, longest=longest), value])
    return out


def time_table(figs: dict[str, Any], limits: Limits) -> Table:
    return table("waktu", time_rows(figs, limits, tuple(TIME_ROWS)))


def overdue_table(tally: Tally, period: Period) -> Table:
    late = tally.late_done(period)
    rows = [
        [r.regno, r.received_day.date(), r.deadline.date(), _int(r.days_taken), "Selesai terlambat"]
        for r in late.itertuples()
    ]
    still = tally.open(period)
    rows += [
        [r.regno, r.received_day.date(), r.deadline.date(), int(r.age), "Belum selesai, lewat batas"]
        for r in still[still["late"]].itertuples()
    ]
    rows.sort(key=lambda r: (r[2], r[0]))
    return table("lewat_batas", rows)


def open_table(tally: Tally, period: Period) -> Table:
    still = tally.open(period).sort_values(["received", "regno"])
    rows = [
        [
            r.regno,
            r.received_day.date(),
            r.pd,
            r.stage_text or "-",
            int(r.age),
            r.deadline.date(),
            "Lewat batas" if r.late else "Dalam batas",
        ]
        for r in still.itertuples()
    ]
    return table("belum_selesai", rows, tanggal=tanggal(tally.as_of(period)))


DIK_CHANGE_TABLES = (  # key, change, date column, what happened
    ("dik_baru", "added", "start", "Ditambahkan"),
    ("dik_berakhir", "expired", "until", "Masa pengecualian berakhir"),
    ("dik_uji_ulang", "retest", "until", "Perlu uji ulang"),
)


def dik_tables(tally: Tally, period: Period) -> list[Table]:
    changes = tally.dik_changes(period)

    def rows(frame: pd.DataFrame, date_col: str, what: str) -> list[list[Any]]:
        out = []
        for r in frame.itertuples():
            day = getattr(r, date_col)
            out.append(
                [
                    as_text(r.no_dik),
                    _short(as_text(r.informasi)),
                    as_text(r.perangkat_daerah),
                    as_text(r.pasal17),
                    None if pd.isna(day) else day.date(),
                    what,
                ]
            )
        return out

    return [
        table(key, rows(changes[change], date_col, what)) for key, change, date_col, what in DIK_CHANGE_TABLES
    ]


def dik_queue_table(reg: Register, as_of: date) -> Table:
    """Entries whose period ends, or whose periodic review falls, within the notice window after ``as_of``."""
    from ..workflow.deadlines import setting_int
    from ..workflow.queue import NOTICE_SETTING, due_entries

    rows = []
    for due in due_entries(reg, as_of):
        entry = due.entry.values if due.entry else {}
        rows.append(
            [
                due.number,
                _short(due.informasi),
                as_text(entry.get("perangkat_daerah")),
                as_text(entry.get("pasal17")),
                due.when,
                due.reason,
            ]
        )
    return table("dik_segera", rows, hari=setting_int(reg, NOTICE_SETTING), sejak=f"{as_of:%d/%m/%Y}")


def precedent_table(reg: Register, period: Period) -> Table:
    """Requests tested in the period that followed a Register DIK precedent
    (``automation.workflow.cited``)."""
    from ..workflow.cited import Citations

    citations = Citations(reg)
    rows = [
        [number, tested, c.number, _short(c.informasi), c.score]
        for number, tested in citations.tested_requests(period.start, period.end)
        for c in citations.of(number, tested)
    ]
    return table("dik_preseden", rows)


def objections_table(tally: Tally, period: Period) -> Table:
    found = tally.objections(period)
    rows = [
        [r.regno, _d(r.filed), r.reason, r.outcome, _d(r.answered), r.dispute or "-"]
        for r in found.sort_values("filed").itertuples()
    ]
    return table("keberatan", rows)


def objection_outcome_tables(tally: Tally, period: Period) -> list[Table]:
    """Keberatan filed in the period by ground and by outcome; sengketa filed in the period by outcome."""
    obj = tally.frames.objections
    filed = obj[within(obj["filed"], period)]
    disputed = obj[within(obj["disputed"], period)]
    return [
        table("keberatan_alasan", share_rows(filed["reason"])),
        table("keberatan_putusan", share_rows(filed["outcome"])),
        table("keberatan_sengketa", share_rows(disputed["dispute"])),
    ]


MONTHS_CHART = Chart("column", values=(1, 2), title="Permohonan per bulan", category_title="Bulan")


def trend_table(months: list[dict[str, Any]]) -> Table:
    rows = [[month_name(m["period"].start.month), m["received"], m["processed"], m["open"]] for m in months]
    return table("tren", rows, chart=MONTHS_CHART)


def monthly_breakdown(months: list[dict[str, Any]]) -> Table:
    rows = [
        [
            month_name(m["period"].start.month),
            m["received"],
            m["processed"],
            *(m["decisions"].get(k, 0) for k in KEPUTUSAN),
            r1(m["median_days"]),
        ]
        for m in months
    ]
    return table("bulanan", rows, chart=MONTHS_CHART)


def pending_table(items: list[Pending]) -> Table:
    return table("perlu_keputusan", [p.row() for p in items])


def tests_table(tally: Tally, period: Period) -> Table:
    counts = tally.tests(period)
    labels: dict[str, str] = {
        Klasifikasi.YA: "Dikecualikan (YA)",
        Klasifikasi.TIDAK: "Terbuka (TIDAK)",
        Klasifikasi.SEBAGIAN: "Dikecualikan sebagian (SEBAGIAN)",
    }
    order = [*labels, *(k for k in counts.index if k not in labels)]
    rows = [
        [labels.get(str(k), str(k)), int(counts.get(k, 0))] for k in order if k in labels or counts.get(k, 0)
    ]
    if not counts.sum():
        rows = []
    return table("uji_konsekuensi", rows)


# ---------------------------------------------------------------- helpers
def _int(value: float) -> int | None:
    return None if pd.isna(value) else int(value)


def _short(text: str, limit: int = 160) -> str:
    """At most ``limit`` characters, cut at a space (never inside a word) and marked with "…"."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + " …"


def _d(value: Any) -> Any:
    return None if value is None or pd.isna(value) else value.date()
