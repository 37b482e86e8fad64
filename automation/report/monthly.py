"""The monthly report for the Kepala Dinas: Excel tables and charts, and a nota dinas in Word."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ..clock import parse_month
from ..errors import UsageError
from ..letters.bahasa import signature
from ..register import Register
from .build import Counts, Section, compose, prepare, write_report
from .layouts import COLUMNS
from .metrics import GRANTED_ALL, GRANTED_PART, NOT_HELD, PASAL17_LETTERS, REFUSED, UNDOCUMENTED, Period
from .model import Page, ReportDraft, ReportResult, Table
from .pending import pending_decisions
from .sections import (
    breakdown_tables,
    comparison_rows,
    decisions_table,
    dik_queue_table,
    dik_tables,
    letters_table,
    objection_outcome_tables,
    objections_table,
    open_table,
    overdue_table,
    pending_table,
    precedent_table,
    table,
    time_table,
    trend_table,
)
from .text import angka, month_label, persen, romawi, tanggal

DIK_TABLES = ("dik_baru", "dik_berakhir", "dik_uji_ulang", "dik_segera", "dik_preseden")

# What the Word attachment shows, in order: heading, table keys, table drawn as a chart ("" = none).
DOCX_LAYOUT: list[Section] = [
    Section("Perbandingan dengan bulan lalu dan tahun berjalan", ("perbandingan",), ""),
    Section("Keputusan atas permohonan", ("keputusan",), "keputusan"),
    Section("Alasan penolakan menurut Pasal 17", ("pasal17",), ""),
    Section("Waktu penyelesaian", ("waktu",), ""),
    Section("Permohonan yang melewati batas waktu", ("lewat_batas",), ""),
    Section("Permohonan yang belum selesai", ("belum_selesai",), ""),
    Section("Permohonan menurut saluran dan kategori pemohon", ("saluran", "kategori"), ""),
    Section("Permohonan menurut Perangkat Daerah", ("perangkat_daerah",), "perangkat_daerah"),
    Section("Perubahan Register Daftar Informasi yang Dikecualikan", DIK_TABLES, ""),
    Section("Keberatan dan sengketa informasi", ("keberatan", "keberatan_putusan", "keberatan_sengketa"), ""),
    Section("Perkembangan bulanan tahun berjalan", ("tren",), "tren"),
]


def build_monthly(
    reg: Register, month: str, *, out_dir: Path, today: date, pdf: bool = False
) -> ReportResult:
    """Build laporan-bulanan-YYYY-MM.xlsx/.docx (and .pdf) under ``out_dir`` for one month."""
    return write_report(plan_monthly(reg, month, today=today), out_dir, pdf=pdf)


def plan_monthly(reg: Register, month: str, *, today: date) -> ReportDraft:
    """The monthly report of ``month`` ('YYYY-MM') as data; nothing is written."""
    year, mon = parse_month(month)
    period = Period.month(year, mon)
    if period.start > today:
        raise UsageError(
            f"Bulan {period.label} belum dimulai; laporan bulanan hanya untuk bulan berjalan atau sebelumnya."
        )
    prep = prepare(reg, today)
    tally, limits = prep.tally, prep.limits
    cur = tally.figures(period)
    prev = tally.figures(period.previous_month())
    ytd = tally.figures(period.year_to_date())
    months = tally.monthly_rows(year, mon)
    received = tally.received(period)
    waiting = pending_decisions(reg, prep.cal, today)
    tables: dict[str, Table] = {
        "perlu_keputusan": pending_table(waiting),
        "perbandingan": table(
            "perbandingan", comparison_rows([prev, cur, ytd], limits.answer), periode=period.label
        ),
        "keputusan": decisions_table(cur),
        "pasal17": letters_table(cur),
        "waktu": time_table(cur, limits),
        "lewat_batas": overdue_table(tally, period),
        "belum_selesai": open_table(tally, period),
        **{t.key: t for t in breakdown_tables(received)},
        **{t.key: t for t in dik_tables(tally, period)},
        "dik_segera": dik_queue_table(reg, tally.as_of(period)),
        "dik_preseden": precedent_table(reg, period),
        "keberatan": objections_table(tally, period),
        **{t.key: t for t in objection_outcome_tables(tally, period)},
        "tren": trend_table(months),
    }
    pages = [
        Page("Ringkasan", [tables["perlu_keputusan"], tables["perbandingan"]]),
        Page("Permohonan", [tables["saluran"], tables["kategori"], tables["perangkat_daerah"]]),
        Page("Keputusan", [tables["keputusan"], tables["pasal17"]]),
        Page("Waktu", [tables["waktu"], tables["lewat_batas"]]),
        Page("Belum Selesai", [tables["belum_selesai"]]),
        Page("Register DIK", [tables[k] for k in DIK_TABLES]),
        Page("Keberatan", [tables[k] for k in ("keberatan", "keberatan_putusan", "keberatan_sengketa")]),
        Page("Tren", [tables["tren"]]),
    ]
    lines = sentences(cur, prev, ytd, period, limits.answer, tally.as_of(period), tables)
    context = {**_memo_context(prep, period, today, lines), "menunggu": _waiting_sentence(len(waiting))}
    return compose(
        prep,
        kind="bulanan",
        period_key=f"{year}-{mon:02d}",
        label=period.label,
        title=f"Laporan Layanan Informasi Publik Bulan {period.label}",
        pages=pages,
        tables=tables,
        context=context,
        template_name="laporan_bulanan.docx",
        layout=DOCX_LAYOUT,
        years=sorted({period.previous_month().start.year, year}),
        figures=cur,
        today=today,
        summary=lines[0],
    )


def sentences(
    cur: dict[str, Any],
    prev: dict[str, Any],
    ytd: dict[str, Any],
    period: Period,
    answer: int,
    as_of: date,
    tables: dict[str, Table],
) -> list[str]:
    """The key figures, one Indonesian sentence each (the body of the nota dinas)."""
    label = period.label
    out = []
    if cur["received"]:
        out.append(
            f"Permohonan informasi yang diterima pada bulan {label} sebanyak {cur['received']} permohonan "
            f"(bulan sebelumnya {prev['received']}; sejak Januari {ytd['received']})."
        )
    else:
        out.append(
            f"Tidak ada permohonan informasi yang diterima pada bulan {label} "
            f"(bulan sebelumnya {prev['received']}; sejak Januari {ytd['received']})."
        )
    d = cur["decisions"]
    if cur["processed"]:
        out.append(
            f"Permohonan yang selesai diproses sebanyak {cur['processed']}: {d[GRANTED_ALL]} diberikan "
            f"seluruhnya, {d[GRANTED_PART]} diberikan sebagian, {d[REFUSED]} ditolak, {d[NOT_HELD]} tidak "
            f"dikuasai, dan {d[UNDOCUMENTED]} belum didokumentasikan."
        )
    else:
        out.append(f"Tidak ada permohonan yang selesai diproses pada bulan {label}.")
    if cur["timed"]:
        out.append(
            f"Waktu penyelesaian rata-rata {angka(cur['mean_days'])} hari kerja (median "
            f"{angka(cur['median_days'])} hari kerja); {persen(cur['within_limit'])} selesai dalam {answer} "
            f"hari kerja. Permohonan yang diperpanjang: {cur['extended']} dari {cur['received']} permohonan "
            "yang diterima bulan ini."
        )
    if cur["open"]:
        out.append(
            f"Per {tanggal(as_of)} masih ada {cur['open']} permohonan yang belum selesai; "
            f"{cur['open_late']} di antaranya telah melewati batas waktu."
        )
    else:
        out.append(f"Per {tanggal(as_of)} tidak ada permohonan yang belum selesai.")
    if cur["overdue"]:
        out.append(
            f"Sebanyak {cur['overdue']} permohonan melewati batas waktu ({cur['late_done']} selesai"
            f" terlambat, {cur['open_late']} belum selesai); nomor registrasinya tercantum pada lampiran."
        )
    else:
        out.append("Tidak ada permohonan yang melewati batas waktu.")
    if cur["letters"]:
        parts = [
            (
                f"huruf {k} ({PASAL17_LETTERS[k]}) {v} permohonan"
                if k in PASAL17_LETTERS
                else f"{k} {v} permohonan"
            )
            for k, v in cur["letters"].items()
        ]
        out.append("Alasan penolakan menurut Pasal 17 UU 14/2008: " + "; ".join(parts) + ".")
    dik = [len(tables[k].rows) for k in ("dik_baru", "dik_berakhir", "dik_uji_ulang")]
    out.append(
        f"Register DIK: {dik[0]} entri baru, {dik[1]} entri berakhir masa pengecualiannya, dan {dik[2]} "
        "entri berstatus Perlu uji ulang."
    )
    out.append(dik_queue_sentence(len(tables["dik_segera"].rows)))
    out.append(precedent_sentence(tables["dik_preseden"].rows))
    if cur["objections"] or cur["objections_decided"] or cur["disputes"] or cur["disputes_decided"]:
        out.append(
            f"Keberatan yang diajukan sebanyak {cur['objections']} dan yang ditanggapi Atasan PPID "
            f"sebanyak {cur['objections_decided']} ({cur['objections_late']} melewati batas waktu); "
            f"sengketa yang diajukan ke Komisi Informasi {cur['disputes']}, yang diputus "
            f"{cur['disputes_decided']}."
        )
    else:
        out.append(f"Tidak ada keberatan yang diajukan pada bulan {label}.")
    return out


def dik_queue_sentence(count: int) -> str:
    if not count:
        return "Tidak ada entri Register DIK yang segera berakhir atau jatuh tempo peninjauan berkala."
    return (
        f"Sebanyak {count} entri Register DIK segera berakhir atau jatuh tempo peninjauan berkala "
        "dan perlu dijadwalkan uji konsekuensi ulang; rinciannya tercantum pada lampiran."
    )


def precedent_sentence(rows: list[list[Any]]) -> str:
    """How many requests tested in the month followed a Register DIK precedent (one row per entry cited)."""
    requests = len({row[0] for row in rows})
    if not requests:
        return "Tidak ada permohonan yang diuji bulan ini dengan preseden Register DIK."
    return (
        f"Sebanyak {requests} permohonan yang diuji bulan ini mengikuti preseden Register DIK; "
        "berita acaranya menyebut entri yang menjadi acuan, rinciannya tercantum pada lampiran."
    )


def _waiting_sentence(count: int) -> str:
    if not count:
        return "Saat ini tidak ada permohonan atau keberatan yang menunggu keputusan Bapak/Ibu."
    return (
        f"Sebanyak {count} hal menunggu keputusan atau tindak lanjut Bapak/Ibu selaku Atasan PPID, dengan"
        " lama menunggu dalam hari kerja sampai tanggal nota dinas ini:"
    )


def _memo_context(prep: Counts, period: Period, today: date, lines: list[str]) -> dict[str, Any]:
    settings = prep.reg.config
    return {
        **signature(settings),
        "kepada": settings.text("jabatan_atasan"),
        "dari": settings.text("jabatan_ppid") or "PPID",
        "tanggal": tanggal(today),
        "nomor": f"........../PPID-DISKOMINFO/{romawi(today.month)}/{today.year}",
        "sifat": "Biasa",
        "lampiran": "1 (satu) berkas",
        "hal": f"Laporan Layanan Informasi Publik Bulan {period.label}",
        "bulan": month_label(period.start.year, period.start.month),
        "kalimat": lines,
    }


__all__ = ["COLUMNS", "DOCX_LAYOUT", "build_monthly", "parse_month", "sentences"]
