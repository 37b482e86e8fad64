"""The annual Laporan Layanan Informasi Publik (Perki 1/2021 Pasal 56; figures of UU KIP Pasal 12)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..letters.bahasa import nip
from ..register import Register
from .build import Section, compose, prepare, write_report
from .metrics import (
    GRANTED_ALL,
    GRANTED_PART,
    NOT_HELD,
    PASAL17_LETTERS,
    REFUSED,
    UNDOCUMENTED,
    Period,
    share_rows,
    within,
)
from .model import Page, ReportDraft, ReportResult, Table
from .sections import (
    breakdown_tables,
    decisions_table,
    dik_queue_table,
    dik_tables,
    letters_table,
    monthly_breakdown,
    objections_table,
    overdue_table,
    pct,
    precedent_table,
    r1,
    table,
    tests_table,
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
    Part("A", "Gambaran Umum Kebijakan Pelayanan Informasi Publik",
         "Uraikan kebijakan pelayanan informasi publik: penetapan PPID, SOP, standar layanan, maklumat pelayanan, "
         "Daftar Informasi Publik dan Daftar Informasi yang Dikecualikan yang berlaku."),
    Part("B", "Gambaran Umum Pelaksanaan Pelayanan Informasi Publik",
         "Uraikan sarana dan prasarana, sumber daya manusia yang menangani layanan informasi, dan anggaran "
         "pelayanan informasi.",
         (Section("Angka utama layanan informasi (Pasal 12 UU 14/2008)", ("ringkasan",)),
          Section("Permohonan menurut saluran dan kategori pemohon", ("saluran", "kategori"))),
         sentences=True),
    Part("C", "Rincian Pelayanan Informasi Publik", "",
         (Section("Rekapitulasi permohonan per bulan", ("bulanan",), "bulanan"),
          Section("Keputusan atas permohonan", ("keputusan",), "keputusan"),
          Section("Alasan penolakan menurut Pasal 17", ("pasal17",)),
          Section("Waktu penyelesaian", ("waktu", "lewat_batas")),
          Section("Permohonan menurut Perangkat Daerah", ("perangkat_daerah",), "perangkat_daerah"),
          Section("Uji konsekuensi dan Register DIK", DIK_TABLES))),
    Part("D", "Rincian Penyelesaian Sengketa Informasi Publik",
         "Uraikan sengketa informasi di Komisi Informasi Provinsi Kalimantan Barat (nomor register, pokok sengketa, "
         "tahap, putusan) bila ada; tulis 'Tidak ada sengketa' bila tidak ada.",
         (Section("Keberatan kepada Atasan PPID", ("keberatan", "keberatan_alasan", "keberatan_putusan")),)),
    Part("E", "Kendala Internal dan Eksternal",
         "Uraikan kendala internal (SDM, sarana, koordinasi dengan Perangkat Daerah) dan eksternal dalam pelayanan."),
    Part("F", "Rekomendasi dan Rencana Tindak Lanjut",
         "Uraikan rekomendasi dan rencana tindak lanjut untuk meningkatkan kualitas pelayanan informasi."),
)


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
    objections = tally.rq[within(tally.rq["objection_date"], period)]
    tables: dict[str, Table] = {
        "ringkasan": table("ringkasan", f"Angka utama layanan informasi {period.label}", _summary_rows(figs, limits.answer)),
        "bulanan": monthly_breakdown(months),
        "keputusan": decisions_table(figs),
        "pasal17": letters_table(figs),
        "waktu": time_table(figs, limits),
        "lewat_batas": overdue_table(tally, period),
        **{t.key: t for t in breakdown_tables(tally.received(period))},
        "uji_konsekuensi": tests_table(tally, period),
        **{t.key: t for t in dik_tables(tally, period)},
        "dik_segera": dik_queue_table(reg, tally.as_of(period)),
        "dik_preseden": precedent_table(reg, period),
        "keberatan": objections_table(tally, period),
        "keberatan_alasan": table("keberatan_alasan", "Keberatan menurut alasan (Pasal 35 ayat 1)",
                                  share_rows(objections["objection_reason"].replace("", "Tidak diisi")),
                                  columns="share", empty="Tidak ada keberatan."),
        "keberatan_putusan": table("keberatan_putusan", "Keberatan menurut putusan Atasan PPID",
                                   share_rows(objections["objection_verdict"].replace("", "Belum diputus")),
                                   columns="share", empty="Tidak ada keberatan."),
    }
    pages = [
        Page("Ringkasan", [tables["ringkasan"]]),
        Page("Bulanan", [tables["bulanan"]]),
        Page("Keputusan", [tables["keputusan"], tables["pasal17"]]),
        Page("Waktu", [tables["waktu"], tables["lewat_batas"]]),
        Page("Permohonan", [tables["saluran"], tables["kategori"], tables["perangkat_daerah"]]),
        Page("Uji Konsekuensi dan DIK", [tables[k] for k in DIK_TABLES]),
        Page("Keberatan", [tables["keberatan"], tables["keberatan_alasan"], tables["keberatan_putusan"]]),
    ]
    lines = annual_sentences(figs, period, limits.answer, tally.as_of(period))
    s = reg.settings
    context = {
        "tahun": year,
        "kalimat": lines,
        "tanggal": tanggal(today),
        "kota": str(s.get("kota") or ""),
        "nama_ppid": str(s.get("nama_ppid") or ""),
        "nip_ppid": nip(str(s.get("nip_ppid") or "")),
        "jabatan_ppid": str(s.get("jabatan_ppid") or ""),
        "pangkat_ppid": str(s.get("pangkat_ppid") or ""),
    }
    return compose(prep, kind="tahunan", period_key=str(year), label=period.label,
                   title=f"Laporan Layanan Informasi Publik Tahun {year}", pages=pages, tables=tables,
                   layout=[sec for part in PARTS for sec in part.sections], context=context,
                   template_name="laporan_tahunan.docx", figures=figs, today=today, summary=lines[0],
                   years=[year])


def _check_year(year: int, today: date) -> None:
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2200:
        raise UsageError(f"Tahun laporan '{year}' tidak dikenali; tulis empat angka, misalnya 2026.")
    if year > today.year:
        raise UsageError(
            f"Tahun {year} belum dimulai; laporan tahunan hanya untuk tahun berjalan atau sebelumnya."
        )


def _summary_rows(f: dict[str, Any], answer: int) -> list[list[Any]]:
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
        ["Rata-rata waktu penyelesaian (hari kerja)", r1(f["mean_days"])],
        ["Median waktu penyelesaian (hari kerja)", r1(f["median_days"])],
        ["Waktu terlama (hari kerja)", f["max_days"]],
        [f"Selesai dalam {answer} hari kerja (%)", pct(f["within_limit"])],
        ["Diperpanjang (permohonan diterima dalam periode)", f["extended"]],
        ["Selesai melewati batas waktu (permohonan)", f["late_done"]],
        ["Belum selesai dan melewati batas waktu pada akhir periode", f["open_late"]],
        ["Uji konsekuensi (permohonan)", f["tests"]],
        ["Keberatan diajukan", f["objections"]],
        ["Keberatan diputus", f["objections_decided"]],
    ]


def annual_sentences(f: dict[str, Any], period: Period, answer: int, as_of: date) -> list[str]:
    """UU KIP Pasal 12 figures, one Indonesian sentence each."""
    d = f["decisions"]
    out = [f"Sepanjang {period.label.lower()} diterima {f['received']} permohonan informasi publik."
           if f["received"] else f"Tidak ada permohonan informasi publik yang diterima sepanjang {period.label.lower()}."]
    out.append(f"Sebanyak {f['processed']} permohonan selesai diproses: {d[GRANTED_ALL]} diberikan seluruhnya, "
               f"{d[GRANTED_PART]} diberikan sebagian, {d[REFUSED]} ditolak, {d[NOT_HELD]} tidak dikuasai, dan "
               f"{d[UNDOCUMENTED]} belum didokumentasikan; per {tanggal(as_of)} {f['open']} permohonan belum selesai.")
    if f["timed"]:
        out.append(f"Waktu yang diperlukan untuk memenuhi permohonan rata-rata {angka(f['mean_days'])} hari kerja "
                   f"(median {angka(f['median_days'])}, terlama {f['max_days']} hari kerja); "
                   f"{persen(f['within_limit'])} selesai dalam {answer} hari kerja.")
    if f["letters"]:
        parts = [f"huruf {k} ({PASAL17_LETTERS[k]}) {v}" if k in PASAL17_LETTERS else f"{k} {v}"
                 for k, v in f["letters"].items()]
        out.append("Alasan penolakan menurut Pasal 17 UU 14/2008: " + "; ".join(parts) + " permohonan.")
    else:
        out.append("Tidak ada permohonan yang ditolak berdasarkan Pasal 17 UU 14/2008.")
    out.append(f"Keberatan yang diajukan kepada Atasan PPID sebanyak {f['objections']}, yang diputus "
               f"{f['objections_decided']}.")
    return out
