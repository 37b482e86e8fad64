"""Report tables shared by the monthly and annual reports: columns fixed here, rows from the figures.

The Word templates are generated from the same column lists (tools/make_report_templates.py),
so a table's headers exist in one place only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from ..reference import KEPUTUSAN, Klasifikasi
from ..register import Register
from ..values import as_text
from .frame import Limits
from .metrics import NO_LETTER, PASAL17_LETTERS, Period, Tally, share_rows, within
from .model import DATE, INT, NUM, PCT, Chart, Col, Table
from .pending import Pending
from .text import month_name, tanggal

SHARE = (Col("Uraian", width=44), Col("Jumlah", INT, 10), Col("Persentase", PCT, 12))
COLUMNS: dict[str, tuple[Col, ...]] = {
    "perbandingan": (
        Col("Uraian", width=44),
        Col("Bulan lalu", NUM, 12),
        Col("Bulan ini", NUM, 12),
        Col("Tahun berjalan", NUM, 14),
    ),
    "ringkasan": (Col("Uraian", width=44), Col("Jumlah", NUM, 12)),
    "share": SHARE,
    "keputusan": SHARE,
    "pasal17": (Col("Pasal 17", width=16), Col("Uraian", width=44), Col("Jumlah permohonan", INT, 12)),
    "saluran": SHARE,
    "kategori": SHARE,
    "perangkat_daerah": SHARE,
    "waktu": (Col("Uraian", width=44), Col("Nilai", NUM, 12)),
    "lewat_batas": (
        Col("Nomor Registrasi", width=28),
        Col("Tanggal Diterima", DATE, 14),
        Col("Batas Waktu", DATE, 14),
        Col("Hari Kerja Terpakai", INT, 12),
        Col("Keterangan", width=26),
    ),
    "belum_selesai": (
        Col("Nomor Registrasi", width=26),
        Col("Tanggal Diterima", DATE, 15),
        Col("Perangkat Daerah", width=22),
        Col("Tahap Saat Ini", width=15),
        Col("Umur (hari kerja)", INT, 9),
        Col("Batas Waktu", DATE, 15),
        Col("Status", width=13),
    ),
    "dik": (
        Col("Nomor DIK", width=14),
        Col("Informasi yang Dikecualikan", width=34),
        Col("Perangkat Daerah", width=24),
        Col("Dasar Pasal 17", width=11),
        Col("Tanggal", DATE, 16),
        Col("Perubahan", width=18),
    ),
    "keberatan": (
        Col("Nomor Registrasi", width=28),
        Col("Tanggal Keberatan", DATE, 14),
        Col("Alasan Keberatan", width=32),
        Col("Putusan Atasan PPID", width=20),
        Col("Tanggal Tanggapan", DATE, 14),
        Col("Sengketa (Komisi Informasi)", width=22),
    ),
    "tren": (
        Col("Bulan", width=14),
        Col("Diterima", INT, 10),
        Col("Selesai", INT, 10),
        Col("Belum selesai (akhir bulan)", INT, 14),
    ),
    "bulanan": (
        Col("Bulan", width=13),
        Col("Diterima", INT, 11),
        Col("Selesai", INT, 10),
        *(Col(k, INT, 15) for k in KEPUTUSAN),
        Col("Median hari kerja", NUM, 10),
    ),
    "uji_konsekuensi": (Col("Hasil pengujian", width=44), Col("Jumlah permohonan", INT, 12)),
    "dik_preseden": (
        Col("Nomor Registrasi", width=28),
        Col("Tanggal Uji", DATE, 13),
        Col("Nomor DIK", width=14),
        Col("Informasi yang Dikecualikan", width=40),
        Col("Skor Kemiripan", INT, 10),
    ),
    "perlu_keputusan": (
        Col("Nomor Registrasi", width=28),
        Col("Perihal", width=40),
        Col("Sejak", DATE, 13),
        Col("Lama menunggu (hari kerja)", INT, 13),
    ),
}


def table(
    key: str,
    title: str,
    rows: list[list[Any]],
    *,
    columns: str | None = None,
    chart: Chart | None = None,
    empty: str = "Tidak ada data.",
) -> Table:
    return Table(key=key, title=title, cols=COLUMNS[columns or key], rows=rows, chart=chart, empty=empty)


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
    return table(
        "keputusan",
        "Keputusan atas permohonan yang selesai",
        rows if total else [],
        chart=Chart("pie", title="Keputusan"),
        empty="Tidak ada permohonan yang selesai diproses.",
    )


def letters_table(figs: dict[str, Any]) -> Table:
    rows = [
        [f"Huruf {k}" if k != NO_LETTER else NO_LETTER, PASAL17_LETTERS.get(k, "dasar tidak diisi"), v]
        for k, v in figs["letters"].items()
    ]
    return table(
        "pasal17",
        "Alasan penolakan (ditolak atau diberikan sebagian) menurut Pasal 17 UU 14/2008",
        rows,
        chart=Chart("bar", values=(2,), title="Alasan penolakan", category_title="Pasal 17"),
        empty="Tidak ada penolakan.",
    )


def breakdown_tables(frame: pd.DataFrame) -> list[Table]:
    total = len(frame)
    return [
        table(
            "saluran",
            "Permohonan diterima menurut saluran",
            share_rows(frame["saluran"], total),
            chart=Chart("bar", title="Saluran", category_title="Saluran"),
            empty="Tidak ada permohonan.",
        ),
        table(
            "kategori",
            "Permohonan diterima menurut kategori pemohon",
            share_rows(frame["kategori"], total),
            chart=Chart("pie", title="Kategori pemohon"),
            empty="Tidak ada permohonan.",
        ),
        table(
            "perangkat_daerah",
            "Permohonan diterima menurut Perangkat Daerah",
            share_rows(frame["pd"], total),
            chart=Chart("bar", title="Perangkat Daerah", category_title="Perangkat Daerah"),
            empty="Tidak ada permohonan.",
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
    return table("waktu", "Waktu penyelesaian", time_rows(figs, limits, tuple(TIME_ROWS)))


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
    return table(
        "lewat_batas",
        "Permohonan yang melewati batas waktu (menurut nomor registrasi)",
        rows,
        empty="Tidak ada permohonan yang melewati batas waktu.",
    )


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
    title = f"Permohonan belum selesai per {tanggal(tally.as_of(period))}"
    return table("belum_selesai", title, rows, empty="Semua permohonan telah selesai.")


DIK_CHANGE_TABLES = (  # key, title, change, date column, what happened, text when empty
    (
        "dik_baru",
        "Register DIK: entri baru (menurut Tanggal Mulai)",
        "added",
        "start",
        "Ditambahkan",
        "Tidak ada entri baru.",
    ),
    (
        "dik_berakhir",
        "Register DIK: masa pengecualian berakhir (menurut Berlaku Sampai)",
        "expired",
        "until",
        "Masa pengecualian berakhir",
        "Tidak ada masa pengecualian yang berakhir.",
    ),
    (
        "dik_uji_ulang",
        "Register DIK: berstatus Perlu uji ulang",
        "retest",
        "until",
        "Perlu uji ulang",
        "Tidak ada entri yang perlu diuji ulang.",
    ),
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
        table(key, title, rows(changes[change], date_col, what), columns="dik", empty=empty)
        for key, title, change, date_col, what, empty in DIK_CHANGE_TABLES
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
    days = setting_int(reg, NOTICE_SETTING)
    title = f"Register DIK: segera diuji ulang atau ditinjau ({days} hari sesudah {as_of:%d/%m/%Y})"
    return table(
        "dik_segera",
        title,
        rows,
        columns="dik",
        empty="Tidak ada entri yang segera berakhir atau jatuh tempo peninjauan.",
    )


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
    return table(
        "dik_preseden",
        "Permohonan yang diuji mengikuti preseden Register DIK",
        rows,
        empty="Tidak ada permohonan yang diuji dengan preseden Register DIK.",
    )


def objections_table(tally: Tally, period: Period) -> Table:
    found = tally.objections(period)
    rows = [
        [r.regno, _d(r.filed), r.reason, r.outcome, _d(r.answered), r.dispute or "-"]
        for r in found.sort_values("filed").itertuples()
    ]
    title = "Keberatan dan sengketa (diajukan, ditanggapi, atau diputus dalam periode)"
    return table("keberatan", title, rows, empty="Tidak ada keberatan yang tercatat.")


def objection_outcome_tables(tally: Tally, period: Period) -> list[Table]:
    """Keberatan filed in the period by ground and by outcome; sengketa filed in the period by outcome."""
    obj = tally.frames.objections
    filed = obj[within(obj["filed"], period)]
    disputed = obj[within(obj["disputed"], period)]
    return [
        table(
            "keberatan_alasan",
            "Keberatan menurut alasan (Pasal 35 ayat 1)",
            share_rows(filed["reason"]),
            columns="share",
            empty="Tidak ada keberatan.",
        ),
        table(
            "keberatan_putusan",
            "Keberatan menurut putusan Atasan PPID",
            share_rows(filed["outcome"]),
            columns="share",
            empty="Tidak ada keberatan.",
        ),
        table(
            "keberatan_sengketa",
            "Sengketa informasi menurut putusan Komisi Informasi",
            share_rows(disputed["dispute"]),
            columns="share",
            empty="Tidak ada sengketa informasi.",
        ),
    ]


def trend_table(months: list[dict[str, Any]], key: str = "tren") -> Table:
    rows = [[month_name(m["period"].start.month), m["received"], m["processed"], m["open"]] for m in months]
    return table(
        key,
        "Perkembangan bulanan tahun berjalan",
        rows,
        chart=Chart("column", values=(1, 2), title="Permohonan per bulan", category_title="Bulan"),
    )


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
    return table(
        "bulanan",
        "Rekapitulasi per bulan",
        rows,
        chart=Chart("column", values=(1, 2), title="Permohonan per bulan", category_title="Bulan"),
    )


def pending_table(items: list[Pending]) -> Table:
    return table(
        "perlu_keputusan",
        "Perlu keputusan Bapak/Ibu",
        [p.row() for p in items],
        empty="Tidak ada yang menunggu keputusan Bapak/Ibu.",
    )


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
    return table(
        "uji_konsekuensi",
        "Hasil uji konsekuensi, satu per permohonan (menurut tanggal pengujian)",
        rows,
        empty="Tidak ada uji konsekuensi pada periode ini.",
    )


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
