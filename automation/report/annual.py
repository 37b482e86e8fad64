"""The annual Laporan Layanan Informasi Publik (Perki 1/2021 Pasal 56; figures of UU KIP Pasal 12)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..letters.bahasa import signature
from ..register import Register
from .build import Section, compose, prepare, write_report
from .frame import Limits
from .metrics import (
    GRANTED_ALL,
    GRANTED_PART,
    NOT_HELD,
    PASAL17_LETTERS,
    REFUSED,
    UNDOCUMENTED,
    Period,
)
from .model import Page, ReportDraft, ReportResult, Table
from .sections import (
    breakdown_tables,
    decisions_table,
    dik_queue_table,
    dik_tables,
    letters_table,
    monthly_breakdown,
    objection_outcome_tables,
    objections_table,
    overdue_table,
    precedent_table,
    table,
    tests_table,
    time_rows,
    time_table,
)
from .text import angka, persen, tanggal

PLACEHOLDER = "[DIISI OLEH PPID]"
DIK_TABLES = ("uji_konsekuensi", "dik_baru", "dik_berakhir", "dik_uji_ulang", "dik_segera", "dik_preseden")


@dataclass(frozen=True)
class Part:
    """A lettered part of the annual report (Perki 1/2021 Pasal 56 huruf a-f)."""

    letter: str
    heading: str
    placeholder: str  # guidance for the narrative staff write ("" = no narrative)
    sections: tuple[Section, ...] = ()
    sentences: bool = False  # the computed key-figure sentences go here


PARTS: tuple[Part, ...] = (
    Part(
        "A",
        "Gambaran Umum Kebijakan Pelayanan Informasi Publik",
        "Uraikan kebijakan pelayanan informasi publik: penetapan PPID, SOP, standar layanan, maklumat"
        " pelayanan, Daftar Informasi Publik dan Daftar Informasi yang Dikecualikan yang berlaku.",
    ),
    Part(
        "B",
        "Gambaran Umum Pelaksanaan Pelayanan Informasi Publik",
        "Uraikan sarana dan prasarana, sumber daya manusia yang menangani layanan informasi, dan anggaran "
        "pelayanan informasi.",
        (
            Section("Angka utama layanan informasi (Pasal 12 UU 14/2008)", ("ringkasan",)),
            Section("Permohonan menurut saluran dan kategori pemohon", ("saluran", "kategori")),
        ),
        sentences=True,
    ),
    Part(
        "C",
        "Rincian Pelayanan Informasi Publik",
        "",
        (
            Section("Rekapitulasi permohonan per bulan", ("bulanan",), "bulanan"),
            Section("Keputusan atas permohonan", ("keputusan",), "keputusan"),
            Section("Alasan penolakan menurut Pasal 17", ("pasal17",)),
            Section("Waktu penyelesaian", ("waktu", "lewat_batas")),
            Section("Permohonan menurut Perangkat Daerah", ("perangkat_daerah",), "perangkat_daerah"),
            Section("Uji konsekuensi dan Register DIK", DIK_TABLES),
        ),
    ),
    Part(
        "D",
        "Rincian Penyelesaian Sengketa Informasi Publik",
        "Uraikan sengketa informasi di Komisi Informasi Provinsi Kalimantan Barat (nomor register, pokok"
        " sengketa, tahap, putusan) bila ada; tulis 'Tidak ada sengketa' bila tidak ada.",
        (
            Section("Keberatan kepada Atasan PPID", ("keberatan", "keberatan_alasan", "keberatan_putusan")),
            Section("Sengketa di Komisi Informasi", ("keberatan_sengketa",)),
        ),
    ),
    Part(
        "E",
        "Kendala Internal dan Eksternal",
        "Uraikan kendala internal (SDM, sarana, koordinasi dengan Perangkat Daerah) dan eksternal dalam"
        " pelayanan.",
    ),
    Part(
        "F",
        "Rekomendasi dan Rencana Tindak Lanjut",
        "Uraikan rekomendasi dan rencana tindak lanjut untuk meningkatkan kualitas pelayanan informasi.",
    ),
)


PAGES: tuple[tuple[str, tuple[str, ...]], ...] = (  # the .xlsx sheets and the tables on each
    ("Ringkasan", ("ringkasan",)),
    ("Bulanan", ("bulanan",)),
    ("Keputusan", ("keputusan", "pasal17")),
    ("Waktu", ("waktu", "lewat_batas")),
    ("Permohonan", ("saluran", "kategori", "perangkat_daerah")),
    ("Uji Konsekuensi dan DIK", DIK_TABLES),
    ("Keberatan", ("keberatan", "keberatan_alasan", "keberatan_putusan", "keberatan_sengketa")),
)


def _check_year(year: Any, today: date) -> None:
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2200:
        raise UsageError(f"Tahun laporan '{year}' tidak dikenali; tulis empat angka, misalnya 2026.")
    if year > today.year:
        raise UsageError(
            f"Tahun {year} belum dimulai; laporan tahunan hanya untuk tahun berjalan atau sebelumnya."
        )


def _tables(
    reg: Register, tally: Any, period: Period, figs: dict[str, Any], months: list[dict[str, Any]], limits: Any
) -> dict[str, Table]:
    """Every table of the annual report, by key."""
    groups = (
        breakdown_tables(tally.received(period)),
        dik_tables(tally, period),
        objection_outcome_tables(tally, period),
    )
    return {
        "ringkasan": table("ringkasan", _summary_rows(figs, limits), periode=period.label),
        "bulanan": monthly_breakdown(months),
        "keputusan": decisions_table(figs),
        "pasal17": letters_table(figs),
        "waktu": time_table(figs, limits),
        "lewat_batas": overdue_table(tally, period),
        "uji_konsekuensi": tests_table(tally, period),
        "dik_segera": dik_queue_table(reg, tally.as_of(period)),
        "dik_preseden": precedent_table(reg, period),
        "keberatan": objections_table(tally, period),
        **{t.key: t for group in groups for t in group},
    }


def build_annual(reg: Register, year: int, *, out_dir: Path, today: date, pdf: bool = False) -> ReportResult:
    """Build laporan-tahunan-YYYY.xlsx/.docx (and .pdf) under ``out_dir``."""
    return write_report(plan_annual(reg, year, today=today), out_dir, pdf=pdf)


def plan_annual(reg: Register, year: int, *, today: date) -> ReportDraft:
    """The annual report of ``year`` as data; nothing is written."""
    _check_year(year, today)
    period = Period.year(year)
    prep = prepare(reg, today)
    tally, limits = prep.tally, prep.limits
    figs = tally.figures(period)
    months = tally.monthly_rows(year, 12 if year < today.year else today.month)
    tables = _tables(reg, tally, period, figs, months, limits)
    pages = [Page(title, [tables[k] for k in keys]) for title, keys in PAGES]
    lines = annual_sentences(figs, period, limits.answer, tally.as_of(period))
    context = {"tahun": year, "kalimat": lines, "tanggal": tanggal(today), **signature(reg.config)}
    return compose(
        prep,
        kind="tahunan",
        period_key=str(year),
        label=period.label,
        title=f"Laporan Layanan Informasi Publik Tahun {year}",
        pages=pages,
        tables=tables,
        layout=[sec for part in PARTS for sec in part.sections],
        context=context,
        template_name="laporan_tahunan.docx",
        figures=figs,
        today=today,
        summary=lines[0],
        years=[year],
    )


def _summary_rows(f: dict[str, Any], limits: Limits) -> list[list[Any]]:
    d = f["decisions"]
    return [
        ["Permohonan informasi diterima", f["received"]],
        ["Permohonan selesai diproses", f["processed"]],
        [GRANTED_ALL, d[GRANTED_ALL]],
        [GRANTED_PART, d[GRANTED_PART]],
        [REFUSED, d[REFUSED]],
        [NOT_HELD, d[NOT_HELD]],
        [UNDOCUMENTED, d[UNDOCUMENTED]],
        ["Belum selesai pada akhir periode", f["open"]],
        *time_rows(
            f, limits, ("mean_days", "median_days", "max_days", "within_limit", "extended", "late_done")
        ),
        ["Belum selesai dan melewati batas waktu pada akhir periode", f["open_late"]],
        ["Uji konsekuensi (permohonan)", f["tests"]],
        ["Keberatan diajukan", f["objections"]],
        ["Keberatan ditanggapi Atasan PPID", f["objections_decided"]],
        ["Keberatan ditanggapi melewati batas waktu", f["objections_late"]],
        ["Keberatan belum ditanggapi dan melewati batas waktu pada akhir periode", f["objections_open_late"]],
        ["Sengketa diajukan ke Komisi Informasi", f["disputes"]],
        ["Sengketa diputus Komisi Informasi", f["disputes_decided"]],
    ]


def annual_sentences(f: dict[str, Any], period: Period, answer: int, as_of: date) -> list[str]:
    """UU KIP Pasal 12 figures, one Indonesian sentence each."""
    d = f["decisions"]
    out = [
        (
            f"Sepanjang {period.label.lower()} diterima {f['received']} permohonan informasi publik."
            if f["received"]
            else f"Tidak ada permohonan informasi publik yang diterima sepanjang {period.label.lower()}."
        )
    ]
    out.append(
        f"Sebanyak {f['processed']} permohonan selesai diproses: {d[GRANTED_ALL]} diberikan seluruhnya,"
        f" {d[GRANTED_PART]} diberikan sebagian, {d[REFUSED]} ditolak, {d[NOT_HELD]} tidak dikuasai, dan"
        f" {d[UNDOCUMENTED]} belum didokumentasikan; per {tanggal(as_of)} {f['open']} permohonan belum"
        " selesai."
    )
    if f["timed"]:
        out.append(
            f"Waktu yang diperlukan untuk memenuhi permohonan rata-rata {angka(f['mean_days'])} hari kerja "
            f"(median {angka(f['median_days'])}, terlama {f['max_days']} hari kerja); "
            f"{persen(f['within_limit'])} selesai dalam {answer} hari kerja."
        )
    if f["letters"]:
        parts = [
            f"huruf {k} ({PASAL17_LETTERS[k]}) {v}" if k in PASAL17_LETTERS else f"{k} {v}"
            for k, v in f["letters"].items()
        ]
        out.append("Alasan penolakan menurut Pasal 17 UU 14/2008: " + "; ".join(parts) + " permohonan.")
    else:
        out.append("Tidak ada permohonan yang ditolak berdasarkan Pasal 17 UU 14/2008.")
    out.append(
        f"Keberatan yang diajukan kepada Atasan PPID sebanyak {f['objections']}, yang ditanggapi "
        f"{f['objections_decided']} ({f['objections_late']} melewati batas waktu); sengketa yang "
        f"diajukan ke Komisi Informasi sebanyak {f['disputes']}, yang diputus "
        f"{f['disputes_decided']}."
    )
    return out
