"""The Excel layer on real .xlsm files: columns found by header, values written back unchanged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from automation import operations
from automation.changes import Changes
from automation.errors import UnusableFile, WriteRefused
from automation.excel.reader import read_register
from automation.schema import FIRST_DATA_ROW, HEADER_ROW, PERMOHONAN

HOSTILE_TEXT = '=HYPERLINK("http://contoh.id","klik")'


def intake(**values: object) -> dict:
    row = {
        "waktu_diterima": dt.datetime(2026, 11, 24, 9, 30),
        "saluran": "Surel",
        "kategori_pemohon": "Perorangan",
        "nama_pemohon": "Siti Rahmawati",
        "jenis_identitas": "KTP",
        "nik": "6171014506900001",
        "alamat": "Jl. Gajah Mada No. 12, Pontianak",
        "telepon": "081234567890",
        "email": "siti@contoh.id",
        "rincian_informasi": "DPA Dinas Pendidikan 2026",
        "tujuan": "Penelitian",
        "cara_memperoleh": "Mendapatkan salinan (softcopy)",
        "perangkat_daerah": "Dinas Pendidikan dan Kebudayaan",
    }
    row.update(values)
    return row


def append(path: Path, rows: list[dict]) -> None:
    operations.commit(path, lambda reg: (Changes(appends={"permohonan": rows}), None))


def test_written_values_read_back_with_their_types(register: Path) -> None:
    append(
        register, [intake(rincian_informasi=HOSTILE_TEXT, nik="6171014506900001", telepon="+6281234567890")]
    )
    record = read_register(register).records("permohonan")[0]
    assert record.row == FIRST_DATA_ROW
    assert record.get("rincian_informasi") == HOSTILE_TEXT  # text, not a formula
    assert record.get("nik") == "6171014506900001"  # all 16 digits
    assert record.get("telepon") == "+6281234567890"
    assert record.get("waktu_diterima") == dt.datetime(2026, 11, 24, 9, 30)
    ws = openpyxl.load_workbook(register)["1 Permohonan"]
    cell = ws.cell(FIRST_DATA_ROW, 1 + PERMOHONAN.keys.index("rincian_informasi"))
    assert cell.data_type == "s" and cell.quotePrefix
    table = ws.tables[PERMOHONAN.table]
    assert table.ref.endswith(str(FIRST_DATA_ROW)) and table.autoFilter.ref == table.ref


def test_columns_are_found_by_header_wherever_they_are(register: Path) -> None:
    append(register, [intake()])
    wb = openpyxl.load_workbook(register, keep_vba=True)
    ws = wb["1 Permohonan"]
    ws.move_range("A6:A7", cols=60)  # the registration-number column moved far right
    nik_col = 1 + PERMOHONAN.keys.index("nik")
    ws.cell(HEADER_ROW, nik_col).value = "No. NIK"  # renamed by staff
    wb.save(register)
    data = read_register(register).sheet("permohonan")
    assert data.columns["no_registrasi"] == 61
    assert "nik" in data.missing
    assert data.records[0].get("nama_pemohon") == "Siti Rahmawati"


def test_blank_rows_in_the_middle_keep_every_record(register: Path) -> None:
    wb = openpyxl.load_workbook(register, keep_vba=True)
    ws = wb["1 Permohonan"]
    name_col = 1 + PERMOHONAN.keys.index("nama_pemohon")
    ws.cell(7, name_col).value = "Pertama"
    ws.cell(12, name_col).value = "Kedua"  # rows 8-11 left blank
    wb.save(register)
    records = read_register(register).records("permohonan")
    assert [(r.row, r.get("nama_pemohon")) for r in records] == [(7, "Pertama"), (12, "Kedua")]


def test_error_values_and_merged_cells_are_visible(register: Path) -> None:
    wb = openpyxl.load_workbook(register, keep_vba=True)
    ws = wb["1 Permohonan"]
    name_col = 1 + PERMOHONAN.keys.index("nama_pemohon")
    ws.cell(7, name_col).value = "Budi"
    ws.cell(7, name_col + 1).value = "#N/A"  # openpyxl stores this as an error cell
    ws.merge_cells(start_row=8, start_column=name_col, end_row=9, end_column=name_col)
    ws.cell(8, name_col).value = "Gabungan"
    wb.save(register)
    data = read_register(register).sheet("permohonan")
    assert data.records[0].get("jenis_identitas") == "#N/A"
    assert (8, name_col, 9, name_col) in data.merged


def test_appended_rows_land_after_the_last_row_and_log_is_appended(register: Path) -> None:
    append(register, [intake(nama_pemohon="A")])
    append(register, [intake(nama_pemohon="B"), intake(nama_pemohon="C")])
    names = [r.get("nama_pemohon") for r in read_register(register).records("permohonan")]
    assert names == ["A", "B", "C"]


def test_a_renamed_column_refuses_the_write_instead_of_dropping_values(register: Path) -> None:
    wb = openpyxl.load_workbook(register, keep_vba=True)
    wb["1 Permohonan"].cell(HEADER_ROW, 1 + PERMOHONAN.keys.index("tujuan")).value = "Maksud"
    wb.save(register)
    before = register.read_bytes()
    with pytest.raises(WriteRefused, match="Tujuan Penggunaan"):
        append(register, [intake()])
    assert register.read_bytes() == before


@pytest.mark.parametrize("content", [b"", b"bukan excel", b"PK\x03\x04rusak"])
def test_unreadable_files_are_unusable(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "register_ppid.xlsm"
    path.write_bytes(content)
    with pytest.raises(UnusableFile):
        read_register(path)


def test_a_workbook_that_is_not_a_register_is_unusable(tmp_path: Path) -> None:
    path = tmp_path / "lain.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Data"
    wb.save(path)
    with pytest.raises(UnusableFile, match="bukan register"):
        read_register(path)


def test_missing_file_is_unusable(tmp_path: Path) -> None:
    with pytest.raises(UnusableFile, match="tidak ditemukan"):
        read_register(tmp_path / "tidak-ada.xlsm")


def test_the_threaded_read_equals_one_sheet_after_another(register: Path) -> None:
    """read_register parses every other sheet on a second thread: same grids, same order, same errors."""
    from python_calamine import CalamineWorkbook

    from automation.excel.reader import _read_sheets, error_cells, register_from_grids

    append(register, [intake(), intake(nama_pemohon="Budi")])
    book = CalamineWorkbook.from_path(str(register))
    names = list(book.sheet_names)
    sheets = _read_sheets(book, names)
    book.close()
    sequential = register_from_grids(
        register,
        {n: sheets[n][0] for n in names},
        merged={n: sheets[n][1] for n in names},
        errors=error_cells(register),
        sheet_names=names,
    )
    threaded = read_register(register)
    assert threaded.sheet_names == sequential.sheet_names == names
    assert list(threaded.sheets) == list(sequential.sheets)
    for key, data in sequential.sheets.items():
        other = threaded.sheets[key]
        assert (other.present, other.actual_name, other.columns, other.merged) == (
            data.present,
            data.actual_name,
            data.columns,
            data.merged,
        )
        assert [(r.row, r.values) for r in other.records] == [(r.row, r.values) for r in data.records]
    assert threaded.settings == sequential.settings
