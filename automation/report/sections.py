"""Report tables shared by the monthly and annual reports: columns fixed here, rows from the figures.

The Word templates are generated from the same column lists (tools/make_report_templates.py),
so a table's headers exist in one place only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from ..reference import KEPUTUSAN
from ..register import Register
from ..values import as_text
from .frame import Limits
from .metrics import NO_LETTER, PASAL17_LETTERS, Period, Tally, share_rows, within
from .model import DATE, INT, NUM, PCT, Chart, Col, Table
from .pending import Pending
from .text import month_name, tanggal

SHARE = (Col("Uraian", width=44), Col("Jumlah", INT, 10), Col("Persentase", PCT, 12))
COLUMNS: dict[str, tuple[Col, ...]] = {
    "perbandingan": (Col("Uraian", width=44), Col("Bulan lalu", NUM, 12), Col("Bulan ini", NUM, 12),
                     Col("Tahun berjalan", NUM, 14)),
    "ringkasan": (Col("Uraian", width=44), Col("Jumlah", NUM, 12)),
    "share": SHARE,
    "keputusan": SHARE,
    "pasal17": (Col("Pasal 17", width=16), Col("Uraian", width=44), Col("Jumlah permohonan", INT, 12)),
    "saluran": SHARE,
    "kategori": SHARE,
    "perangkat_daerah": SHARE,
    "waktu": (Col("Uraian", width=44), Col("Nilai", NUM, 12)),
    "lewat_batas": (Col("Nomor Registrasi", width=28), Col("Tanggal Diterima", DATE, 14), Col("Batas Waktu", DATE, 14),
                    Col("Hari Kerja Terpakai", INT, 12), Col("Keterangan", width=26)),
    "belum_selesai": (Col("Nomor Registrasi", width=26), Col("Tanggal Diterima", DATE, 15),
                      Col("Perangkat Daerah", width=22), Col("Tahap Saat Ini", width=15),
                      Col("Umur (hari kerja)", INT, 9), Col("Batas Waktu", DATE, 15), Col("Status", width=13)),
    "dik": (Col("Nomor DIK", width=14), Col("Informasi yang Dikecualikan", width=34), Col("Perangkat Daerah", width=24),
            Col("Dasar Pasal 17", width=11), Col("Tanggal", DATE, 16), Col("Perubahan", width=18)),
    "keberatan": (Col("Nomor Registrasi", width=28), Col("Tanggal Keberatan", DATE, 14),
                  Col("Alasan Keberatan", width=36), Col("Putusan", width=22), Col("Tanggal Putusan", DATE, 14)),
    "tren": (Col("Bulan", width=14), Col("Diterima", INT, 10), Col("Selesai", INT, 10),
             Col("Belum selesai (akhir bulan)", INT, 14)),
    "bulanan": (Col("Bulan", width=13), Col("Diterima", INT, 11), Col("Selesai", INT, 10),
                *(Col(k, INT, 15) for k in KEPUTUSAN), Col("Median hari kerja", NUM, 10)),
    "uji_konsekuensi": (Col("Hasil pengujian", width=44), Col("Jumlah permohonan", INT, 12)),
    "dik_preseden": (Col("Nomor Registrasi", width=28), Col("Tanggal Uji", DATE, 13),
                     Col("Nomor DIK", width=14), Col("Informasi yang Dikecualikan", width=40),
                     Col("Skor Kemiripan", INT, 10)),
    "perlu_keputusan": (Col("Nomor Registrasi", width=28), Col("Perihal", width=40), Col("Sejak", DATE, 13),
                        Col("Lama menunggu (hari kerja)", INT, 13)),
}


def table(key: str, title: str, rows: list[list[Any]], *, columns: str | None = None,
          chart: Chart | None = None, empty: str = "Tidak ada data.") -> Table:
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
    ]
    return rows


def decisions_table(figs: dict[str, Any]) -> Table:
    total = sum(figs["decisions"].values())
    rows = [[k, v, (v / total) if total else None] for k, v in figs["decisions"].items()]
    return table("keputusan", "Keputusan atas permohonan yang selesai", rows if total else [],
                 chart=Chart("pie", title="Keputusan"), empty="Tidak ada permohonan yang selesai diproses.")


def letters_table(figs: dict[str, Any]) -> Table:
    rows = [[f"Huruf {k}" if k != NO_LETTER else NO_LETTER, PASAL17_LETTERS.get(k, "dasar tidak diisi"), v]
            for k, v in figs["letters"].items()]
    return table("pasal17", "Alasan penolakan (ditolak atau diberikan sebagian) menurut Pasal 17 UU 14/2008", rows,
                 chart=Chart("bar", values=(2,), title="Alasan penolakan", category_title="Pasal 17"), empty="Tidak ada penolakan.")


def breakdown_tables(frame: pd.DataFrame) -> list[Table]:
    total = len(frame)
    return [
        table("saluran", "Permohonan diterima menurut saluran", share_rows(frame["saluran"], total),
              chart=Chart("bar", title="Saluran", category_title="Saluran"), empty="Tidak ada permohonan."),
        table("kategori", "Permohonan diterima menurut kategori pemohon", share_rows(frame["kategori"], total),
              chart=Chart("pie", title="Kategori pemohon"), empty="Tidak ada permohonan."),
        table("perangkat_daerah", "Permohonan diterima menurut Perangkat Daerah", share_rows(frame["pd"], total),
              chart=Chart("bar", title="Perangkat Daerah", category_title="Perangkat Daerah"), empty="Tidak ada permohonan."),
    ]


def time_table(figs: dict[str, Any], limits: Limits) -> Table:
    rows = [
        ["Permohonan selesai dengan tanggal keputusan", figs["timed"]],
        ["Median waktu penyelesaian (hari kerja)", r1(figs["median_days"])],
        ["Rata-rata waktu penyelesaian (hari kerja)", r1(figs["mean_days"])],
        ["Waktu terlama (hari kerja)", figs["max_days"]],
        [f"Selesai dalam {limits.answer} hari kerja (%)", pct(figs["within_limit"])],
        ["Diperpanjang (permohonan diterima dalam periode)", figs["extended"]],
        ["Diperpanjang (% dari permohonan diterima)", pct(figs["extended_share"])],
        ["Selesai melewati batas waktu (permohonan)", figs["late_done"]],
        [f"Selesai lebih dari {limits.answer + limits.extension} hari kerja (permohonan)", figs["over_extension"]],
    ]
    return table("waktu", "Waktu penyelesaian", rows)


def overdue_table(tally: Tally, period: Period) -> Table:
    late = tally.late_done(period)
    rows = [[r.regno, r.received_day.date(), r.deadline.date(), _int(r.days_taken), "Selesai terlambat"]
            for r in late.itertuples()]
    still = tally.open(period)
    rows += [[r.regno, r.received_day.date(), r.deadline.date(), int(r.age), "Belum selesai, lewat batas"]
             for r in still[still["late"]].itertuples()]
    rows.sort(key=lambda r: (r[2], r[0]))
    return table("lewat_batas", "Permohonan yang melewati batas waktu (menurut nomor registrasi)", rows,
                 empty="Tidak ada permohonan yang melewati batas waktu.")


def open_table(tally: Tally, period: Period) -> Table:
    still = tally.open(period).sort_values(["received", "regno"])
    rows = [[r.regno, r.received_day.date(), r.pd, r.stage_text or "-", int(r.age), r.deadline.date(),
             "Lewat batas" if r.late else "Dalam batas"] for r in still.itertuples()]
    title = f"Permohonan belum selesai per {tanggal(tally.as_of(period))}"
    return table("belum_selesai", title, rows, empty="Semua permohonan telah selesai.")


def dik_tables(tally: Tally, period: Period) -> list[Table]:
    changes = tally.dik_changes(period)

    def rows(frame: pd.DataFrame, date_col: str, what: str) -> list[list[Any]]:
        out = []
        for r in frame.itertuples():
            day = getattr(r, date_col)
            out.append([as_text(r.no_dik), _short(as_text(r.informasi)), as_text(r.perangkat_daerah), as_text(r.pasal17),
                        None if pd.isna(day) else day.date(), what])
        return out

    return [
        table("dik_baru", "Register DIK: entri baru (menurut Tanggal Mulai)", rows(changes["added"], "start", "Ditambahkan"),
              columns="dik", empty="Tidak ada entri baru."),
        table("dik_berakhir", "Register DIK: masa pengecualian berakhir (menurut Berlaku Sampai)",
              rows(changes["expired"], "until", "Masa pengecualian berakhir"), columns="dik",
              empty="Tidak ada masa pengecualian yang berakhir."),
        table("dik_uji_ulang", "Register DIK: berstatus Perlu uji ulang", rows(changes["retest"], "until", "Perlu uji ulang"),
              columns="dik", empty="Tidak ada entri yang perlu diuji ulang."),
    ]


def dik_queue_table(reg: Register, as_of: date) -> Table:
    """Entries whose period ends, or whose periodic review falls, within the notice window after ``as_of``."""
    from ..dik.queue import NOTICE_SETTING, due_entries
    from ..workflow.deadlines import setting_int

    rows = []
    for due in due_entries(reg, as_of):
        entry = due.entry.values if due.entry else {}
        rows.append([due.number, _short(due.informasi), as_text(entry.get("perangkat_daerah")),
                     as_text(entry.get("pasal17")), due.when, due.reason])
    days = setting_int(reg, NOTICE_SETTING)
    title = f"Register DIK: segera diuji ulang atau ditinjau ({days} hari sesudah {as_of:%d/%m/%Y})"
    return table("dik_segera", title, rows, columns="dik",
                 empty="Tidak ada entri yang segera berakhir atau jatuh tempo peninjauan.")


def precedent_table(reg: Register, period: Period) -> Table:
    """Requests tested in the period that followed a Register DIK precedent (``automation.dik.cited``)."""
    from ..dik.cited import Citations

    citations = Citations(reg)
    rows = [[number, tested, c.number, _short(c.informasi), c.score]
            for number, tested in citations.tested_requests(period.start, period.end)
            for c in citations.of(number, tested)]
    return table("dik_preseden", "Permohonan yang diuji mengikuti preseden Register DIK", rows,
                 empty="Tidak ada permohonan yang diuji dengan preseden Register DIK.")


def objections_table(tally: Tally, period: Period) -> Table:
    rq = tally.rq
    filed = rq[within(rq["objection_date"], period) | within(rq["verdict_date"], period)]
    rows = [[r.regno, _d(r.objection_date), r.objection_reason or "-", r.objection_verdict or "Belum diputus",
             _d(r.verdict_date)] for r in filed.sort_values("objection_date").itertuples()]
    return table("keberatan", "Keberatan (diajukan atau diputus dalam periode)", rows,
                 empty="Tidak ada keberatan yang tercatat.")


def trend_table(months: list[dict[str, Any]], key: str = "tren") -> Table:
    rows = [[month_name(m["period"].start.month), m["received"], m["processed"], m["open"]] for m in months]
    return table(key, "Perkembangan bulanan tahun berjalan", rows,
                 chart=Chart("column", values=(1, 2), title="Permohonan per bulan", category_title="Bulan"))


def monthly_breakdown(months: list[dict[str, Any]]) -> Table:
    rows = [[month_name(m["period"].start.month), m["received"], m["processed"],
             *(m["decisions"].get(k, 0) for k in KEPUTUSAN), r1(m["median_days"])] for m in months]
    return table("bulanan", "Rekapitulasi per bulan", rows, chart=Chart("column", values=(1, 2), title="Permohonan per bulan", category_title="Bulan"))


def pending_table(items: list[Pending]) -> Table:
    return table("perlu_keputusan", "Perlu keputusan Bapak/Ibu", [p.row() for p in items],
                 empty="Tidak ada yang menunggu keputusan Bapak/Ibu.")


def tests_table(tally: Tally, period: Period) -> Table:
    counts = tally.tests(period)
    labels = {"YA": "Dikecualikan (YA)", "TIDAK": "Terbuka (TIDAK)", "SEBAGIAN": "Dikecualikan sebagian (SEBAGIAN)"}
    order = [*labels, *(k for k in counts.index if k not in labels)]
    rows = [[labels.get(str(k), str(k)), int(counts.get(k, 0))] for k in order if k in labels or counts.get(k, 0)]
    if not counts.sum():
        rows = []
    return table("uji_konsekuensi", "Hasil uji konsekuensi, satu per permohonan (menurut tanggal pengujian)", rows,
                 empty="Tidak ada uji konsekuensi pada periode ini.")


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

