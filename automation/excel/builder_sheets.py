"""The register's support sheets: Beranda, Referensi, Pengaturan, Hari Libur rows and xlwings.conf."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import holidays
from xlsxwriter.utility import quote_sheetname, xl_cell_to_rowcol, xl_col_to_name
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from ..reference import PASAL17, REF_LISTS
from ..schema import (
    BERANDA,
    BERANDA_MONTH_CELL,
    BERANDA_SUMMARY_ROW,
    BERANDA_SUMMARY_WIDTH,
    FIRST_DATA_ROW,
    HARI_LIBUR,
    KEBERATAN,
    PENGATURAN,
    REFERENSI,
    SETTINGS,
    STAGES,
    STATUS_ROW,
)
from .builder_style import ROW_HEIGHTS, Styles
from .builder_tables import HEADER, PROTECT_OPTIONS, add_button, print_setup
from .vba import EXAMPLE_NAME, bad_name_formula, conf_rows

REF_LIMIT = 1000  # last Referensi row counted by the dropdown names
SETTINGS_HEADERS = ("Kunci", "Pengaturan", "Nilai", "Keterangan")
HOLIDAY_SOURCE = "paket holidays"
BAD_NAME_MESSAGE = (  # one Excel string literal: at most 255 characters
    "Tombol tidak dapat berjalan: nama berkas harus huruf, angka, dan garis bawah saja "
    f"(mis. {EXAMPLE_NAME}) dengan berkas .py bernama sama. Perbaiki dengan perintah: "
    "ppid doctor <berkas> --perbaiki"
)
WARNING_ROW = 6  # Beranda row 6: file-name warning; row 7: "Ringkasan" header
GUIDE_COLUMN = BERANDA_SUMMARY_WIDTH + 1  # 0-based: one empty column right of the summary block


# ---------------------------------------------------------------- Beranda
def write_beranda(ws: Worksheet, styles: Styles, settings: Mapping[str, Any]) -> None:
    for row, height in ROW_HEIGHTS.items():
        ws.set_row(row, height)
    ws.set_row(WARNING_ROW - 1, 18)
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 24)
    ws.set_column(2, BERANDA_SUMMARY_WIDTH - 1, 14)
    ws.set_column(GUIDE_COLUMN, GUIDE_COLUMN, 90)
    ws.set_column(GUIDE_COLUMN + 1, GUIDE_COLUMN + 1, 32)  # "Laporan terakhir" values: dates, file names
    ws.write_string(0, 0, BERANDA.title, styles.title)
    ws.write_string(1, 0, f"PPID {settings.get('instansi', '')}".strip(), styles.subtitle)
    ws.write_string(
        2, 0, "Isi lembar 1–10 sesuai urutan SOP, lalu tekan tombol di lembar itu.", styles.subtitle
    )
    ws.write_string(3, 0, BERANDA.output, styles.subtitle)
    ws.write_blank(STATUS_ROW - 1, 0, None, styles.status)
    month_row, month_col = xl_cell_to_rowcol(BERANDA_MONTH_CELL)
    ws.write_string(month_row, month_col - 1, "Bulan laporan (TTTT-BB)", styles.plain)
    ws.write_blank(month_row, month_col, None, styles.text_cell)
    ws.write_string(
        month_row, month_col + 1, "Kosongkan: bulan lalu (dihitung saat tombol ditekan).", styles.plain
    )
    ws.write_formula(WARNING_ROW - 1, 0, bad_name_formula(BAD_NAME_MESSAGE), styles.warning, "")
    ws.write_string(BERANDA_SUMMARY_ROW - 2, 0, "Ringkasan", styles.section)
    _guide(ws, styles)
    print_setup(ws, repeat_header=False, pages_tall=1)  # Beranda on one page
    if BERANDA.button:
        add_button(ws, BERANDA, styles)


def _guide(ws: Worksheet, styles: Styles) -> None:
    lines = ["Petunjuk"]
    for stage in STAGES:
        step = stage.title.split("—", 1)[-1].strip()
        lines.append(f"{stage.name}: {step}. {stage.operations_text()}")
    lines += [
        (
            f"{KEBERATAN.name}: keberatan kepada Atasan PPID dan sengketa di Komisi Informasi (sesudah SOP); "
            f"permohonan tidak diarsipkan selama keberatannya terbuka. {KEBERATAN.operations_text()}"
        ),
        f"{HARI_LIBUR.name}: hari libur nasional dan cuti bersama; tambahkan penutupan kantor di sini.",
        (
            f"{REFERENSI.name}: isi daftar pilihan (dropdown); tambahkan nilai di bawah daftar tanpa baris"
            " kosong."
        ),
        f"{PENGATURAN.name}: nama pejabat, pola nomor surat, jam layanan; ubah hanya kolom Nilai.",
        "Log: catatan setiap perubahan oleh sistem (jangan diubah).",
        "Kolom abu-abu diisi sistem dan terkunci; kolom putih diisi staf.",
        (
            "Merah: lewat batas waktu. Kuning: mendekati batas. Merah muda: isian bermasalah (lihat Catatan"
            " Validasi)."
        ),
        (
            "Tombol menjalankan Python (xlwings) dan memerlukan berkas .py bernama sama dengan berkas ini "
            f"di folder yang sama (mis. {EXAMPLE_NAME} dan {Path(EXAMPLE_NAME).stem}.py). Bila tombol tidak "
            "berjalan: ppid doctor <berkas> (tambah --perbaiki untuk memperbaiki)."
        ),
        (
            "Setiap operasi mengolah seluruh register (semua lembar), dari lembar mana pun tombol ditekan. "
            "'Proses ke tahap berikutnya' memindahkan setiap permohonan yang tahapnya sudah lengkap, "
            "juga dari lembar 8-10 (10 Arsip: permohonan diarsipkan)."
        ),
        (
            f"'{BERANDA.button}' (tombol di lembar ini) memakai bulan di sel {BERANDA_MONTH_CELL} "
            "(ketik TTTT-BB, mis. 2026-11; kosong: bulan lalu)."
        ),
    ]
    top = BERANDA_SUMMARY_ROW - 2
    for offset, text in enumerate(lines):
        ws.write_string(top + offset, GUIDE_COLUMN, text, styles.section if offset == 0 else styles.note)


# ---------------------------------------------------------------- Referensi
def write_referensi(wb: Workbook, ws: Worksheet, styles: Styles) -> None:
    """One column per reference list (header row 6, values from row 7) and the Pasal 17 table."""
    _titles(
        ws,
        styles,
        REFERENSI.title,
        "Tambahkan nilai baru di bawah daftar, tanpa baris kosong di tengah.",
        "Setiap kolom menjadi sumber dropdown (nama daftar_<kunci>).",
    )
    sheet = quote_sheetname(REFERENSI.name)
    for index, ref in enumerate(REF_LISTS):
        ws.set_column(index, index, min(max(len(ref.header), *(len(v) for v in ref.values)) + 2, 48))
        ws.write_string(HEADER, index, ref.header, styles.header_staff)
        for offset, value in enumerate(ref.values):
            ws.write_string(HEADER + 1 + offset, index, value, styles.plain)
        wb.define_name(ref.defined_name, dropdown_formula(sheet, index))
    first = len(REF_LISTS) + 1
    ws.set_column(first, first, 9)
    ws.set_column(first + 1, first + 1, 90)
    ws.add_table(
        HEADER,
        first,
        HEADER + len(PASAL17),
        first + 1,
        {
            "name": "tblPasal17",
            "style": "Table Style Light 9",
            "columns": [{"header": "Kode"}, {"header": "Uraian Pasal 17 UU 14/2008"}],
            "data": [[code, text] for code, text in PASAL17.items()],
        },
    )
    ws.freeze_panes(HEADER + 1, 0)
    print_setup(ws)


def dropdown_formula(sheet: str, index: int) -> str:
    """A list that grows with the column: from row 7 down to the last filled cell."""
    col = xl_col_to_name(index)
    top = f"{sheet}!${col}${FIRST_DATA_ROW}"
    return f"=OFFSET({top},0,0,COUNTA({top}:${col}${REF_LIMIT}),1)"


def _titles(ws: Worksheet, styles: Styles, title: str, *notes: str) -> None:
    for row, height in ROW_HEIGHTS.items():
        ws.set_row(row, height)
    ws.write_string(0, 0, title, styles.title)
    for row, text in enumerate(notes, start=1):
        ws.write_string(row, 0, text, styles.subtitle)


# ---------------------------------------------------------------- Pengaturan
def write_pengaturan(ws: Worksheet, styles: Styles, values: Mapping[str, Any], *, protect: bool) -> None:
    _titles(ws, styles, PENGATURAN.title, "Ubah hanya kolom Nilai. Kolom Kunci dibaca sistem: jangan diubah.")
    for index, width in enumerate((22, 36, 60, 70)):
        ws.set_column(index, index, width)
    for index, text in enumerate(SETTINGS_HEADERS):
        ws.write_string(HEADER, index, text, styles.header_system if index != 2 else styles.header_staff)
    for offset, setting in enumerate(SETTINGS):
        row = HEADER + 1 + offset
        ws.write_string(row, 0, setting.key, styles.key)
        ws.write_string(row, 1, setting.label, styles.key)
        _write_value(ws, row, 2, values.get(setting.key), styles)
        ws.write_string(row, 3, setting.help, styles.key)
    ws.freeze_panes(HEADER + 1, 0)
    print_setup(ws)
    if protect:
        ws.protect("", PROTECT_OPTIONS)


def _write_value(ws: Worksheet, row: int, col: int, value: Any, styles: Styles) -> None:
    if isinstance(value, bool):
        ws.write_boolean(row, col, value, styles.value("General", locked=False))
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, styles.value("General", locked=False))
    elif value is None or value == "":
        ws.write_blank(row, col, None, styles.value("@", locked=False))
    else:
        ws.write_string(row, col, str(value), styles.value("@", locked=False))


# ---------------------------------------------------------------- Hari Libur
def holiday_rows(year: int) -> list[list[Any]]:
    """Hari Libur rows (column order of the schema) for ``year`` and the next year."""
    years = [year, year + 1]
    both = holidays.country_holidays("ID", years=years, categories=("public", "government"), language="id")
    public = holidays.country_holidays("ID", years=years, categories=("public",), language="id")
    rows: list[list[Any]] = []
    for day, name in sorted(both.items()):
        kind = "Libur nasional" if day in public else "Cuti bersama"
        values = {
            "tanggal": dt.datetime.combine(day, dt.time()),
            "keterangan": name,
            "jenis": kind,
            "dasar": None,
            "sumber": HOLIDAY_SOURCE,
        }
        rows.append([values.get(key) for key in HARI_LIBUR.keys])
    return rows


# ---------------------------------------------------------------- xlwings.conf
def write_xlwings_conf(ws: Worksheet, styles: Styles, workbook: Path) -> None:
    """Key/value rows from A1 (xlwings stops at the first empty cell in column A); notes in C."""
    ws.set_column(0, 0, 28)
    ws.set_column(1, 1, 60)
    ws.set_column(2, 2, 90)
    rows = conf_rows(workbook)
    for row, (key, value, note) in enumerate(rows):
        ws.write_string(row, 0, key, styles.plain)
        if isinstance(value, bool):
            ws.write_boolean(row, 1, value, styles.plain)
        else:
            ws.write_string(row, 1, str(value), styles.plain)
        ws.write_string(row, 2, note, styles.note)
    notes = (
        (
            "Pengaturan xlwings untuk tombol register (dibaca oleh VBA xlwings, baris 1 ke bawah sampai sel"
            " kosong)."
        ),
        (
            "Kolom A = kunci, kolom B = nilai; kolom C hanya keterangan. Jangan menyisipkan baris kosong di"
            " atas."
        ),
    )
    for offset, text in enumerate(notes, start=len(rows) + 2):
        ws.write_string(offset, 0, text, styles.subtitle)
    ws.hide()
