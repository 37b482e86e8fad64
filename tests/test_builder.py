"""The register workbook built by ``ppid init``: layout, dropdowns, highlighting, buttons, VBA."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook

from automation.errors import UsageError
from automation.excel.builder import build_register
from automation.excel.builder_tables import NEAR
from automation.excel.vba import CONF_SHEET, MACRO, bad_name_formula, vba_project
from automation.reference import REF_BY_KEY, REF_LISTS, STATUS_WAKTU
from automation.schema import (
    BERANDA_MONTH_CELL,
    FIRST_DATA_ROW,
    HARI_LIBUR,
    HEADER_ROW,
    PERMOHONAN,
    SETTINGS,
    SHEETS,
    TABLE_SHEETS,
    By,
    T,
)

NAME = "register_ppid_2026.xlsm"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("register") / "sub" / NAME
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # XlsxWriter only warns when it drops a validation or a rule
        build_register(path, year=2026, settings={"kota": "Singkawang"})
    return path


@pytest.fixture(scope="module")
def book(built: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(built, keep_vba=True)


def col_of(sheet, key: str) -> int:
    return sheet.keys.index(key) + 1


def test_sheet_order_ends_with_hidden_xlwings_conf(book) -> None:
    assert book.sheetnames == [s.name for s in SHEETS] + [CONF_SHEET]
    assert book[CONF_SHEET].sheet_state == "hidden"


@pytest.mark.parametrize("sheet", TABLE_SHEETS, ids=lambda s: s.key)
def test_table_sheet_layout(book, sheet) -> None:
    ws = book[sheet.name]
    headers = [ws.cell(HEADER_ROW, c).value for c in range(1, len(sheet.columns) + 1)]
    assert headers == [c.header for c in sheet.columns]
    assert ws["A1"].value == sheet.title and ws["A1"].font.b
    table = ws.tables[sheet.table]
    first, last = table.ref.split(":")
    assert first == f"A{HEADER_ROW}"
    assert int(re.sub(r"[A-Z]", "", last)) >= FIRST_DATA_ROW
    assert ws.freeze_panes == f"B{FIRST_DATA_ROW}"
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0  # width 1 = default


@pytest.mark.parametrize("sheet", TABLE_SHEETS, ids=lambda s: s.key)
def test_every_column_has_help_and_choices_use_defined_names(book, sheet) -> None:
    ws = book[sheet.name]
    by_col = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            if rng.max_row < FIRST_DATA_ROW:
                continue  # the operation dropdown of the button (title block)
            assert (rng.min_row, rng.max_row) == (FIRST_DATA_ROW, 5000)
            by_col[rng.min_col] = dv
    assert sorted(by_col) == list(range(1, len(sheet.columns) + 1))  # none dropped by XlsxWriter
    for index, col in enumerate(sheet.columns, start=1):
        dv = by_col[index]
        assert dv.promptTitle and dv.prompt and len(dv.prompt) <= 255
        if col.choices and col.by is By.STAFF:
            assert dv.type == "list" and dv.formula1 == f"daftar_{col.choices}"
            assert col.choices in REF_BY_KEY
        if col.type is T.PASAL and col.by is By.STAFF:
            assert not dv.showErrorMessage  # "17h3, 17j" must be accepted


def test_requirement_is_described_in_the_input_message(book) -> None:
    ws = book[PERMOHONAN.name]
    dv = next(d for d in ws.data_validations.dataValidation if str(d.sqref).startswith("H7"))
    assert dv.promptTitle == "Nomor Pengesahan Badan Hukum"
    assert dv.prompt.endswith("Wajib diisi saat baris dicatat bila Kategori Pemohon = Badan Hukum.")


def test_defined_names_grow_with_the_referensi_columns(book) -> None:
    ws = book["Referensi"]
    for index, ref in enumerate(REF_LISTS, start=1):
        name = book.defined_names[ref.defined_name].attr_text
        letter = openpyxl.utils.get_column_letter(index)
        assert name == f"OFFSET(Referensi!${letter}$7,0,0,COUNTA(Referensi!${letter}$7:${letter}$1000),1)"
        assert ws.cell(HEADER_ROW, index).value == ref.header
        values = [ws.cell(FIRST_DATA_ROW + i, index).value for i in range(len(ref.values))]
        assert values == list(ref.values)
        assert ws.cell(FIRST_DATA_ROW + len(ref.values), index).value is None
    assert "tblPasal17" in ws.tables


def test_number_formats_and_locking(book) -> None:
    ws = book[PERMOHONAN.name]
    for key, fmt in (
        ("nik", "@"),
        ("telepon", "@"),
        ("waktu_diterima", "dd/mm/yyyy hh:mm"),
        ("batas_waktu", "dd/mm/yyyy"),
    ):
        col = col_of(PERMOHONAN, key)
        assert ws.cell(FIRST_DATA_ROW, col).number_format == fmt
        letter = openpyxl.utils.get_column_letter(col)
        assert ws.column_dimensions[letter].number_format == fmt  # new rows inherit it
    assert ws.protection.sheet and not ws.protection.password
    assert ws.protection.insertRows is False and ws.protection.autoFilter is False  # False = allowed
    for col in PERMOHONAN.columns:
        cell = ws.cell(FIRST_DATA_ROW, col_of(PERMOHONAN, col.key))
        assert cell.protection.locked == (col.by is By.SYSTEM), col.key
    hidden = openpyxl.utils.get_column_letter(col_of(PERMOHONAN, "kolom_bermasalah"))
    assert ws.column_dimensions[hidden].hidden


def test_highlighting_rules(book) -> None:
    ws = book[PERMOHONAN.name]
    formulas = [r.formula[0] for cf in ws.conditional_formatting for r in cf.rules]
    assert any("TODAY()" in f and '"Selesai"' in f for f in formulas)
    assert NEAR in STATUS_WAKTU and any(f'"{NEAR}"' in f for f in formulas)
    problem = openpyxl.utils.get_column_letter(col_of(PERMOHONAN, "kolom_bermasalah"))
    per_column = [f for f in formulas if f.startswith("ISNUMBER(SEARCH(")]
    assert len(per_column) == len(PERMOHONAN.columns) - 1
    assert f'ISNUMBER(SEARCH("|nik|",${problem}7))' in per_column


def test_vba_project_buttons_and_module(built: Path) -> None:
    with zipfile.ZipFile(built) as z:
        assert z.read("xl/vbaProject.bin") == vba_project()
        vml = [z.read(n).decode() for n in z.namelist() if re.fullmatch(r"xl/drawings/vmlDrawing\d+\.vml", n)]
        assert 'codeName="ThisWorkbook"' in z.read("xl/workbook.xml").decode()
    buttons = [s for s in SHEETS if s.button]
    assert len(buttons) == len(vml) == 12
    assert all(f"[0]!{MACRO}" in v for v in vml)
    assert sorted(re.search(r"<font[^>]*>([^<]*)</font>", v).group(1) for v in vml) == sorted(
        s.button for s in buttons
    )
    module = built.with_suffix(".py").read_text(encoding="utf-8")
    assert "from automation.buttons import main" in module
    compile(module, "module", "exec")


def test_support_sheets_read_by_calamine(built: Path) -> None:
    wb = CalamineWorkbook.from_path(str(built))
    grids = {n: wb.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in wb.sheet_names}
    assert set(grids) == {s.name for s in SHEETS} | {CONF_SHEET}
    home = grids["Beranda"]
    assert home[4][2] == "" and BERANDA_MONTH_CELL == "C5"  # empty: the button takes the last complete month
    assert home[5][0] == ""  # cached value of the file-name warning
    settings = {row[0]: row[2] for row in grids["Pengaturan"][HEADER_ROW:] if row[0]}
    assert list(settings) == [s.key for s in SETTINGS]
    assert settings["kota"] == "Singkawang" and settings["batas_hari_kerja"] == 10.0
    holidays = grids[HARI_LIBUR.name][HEADER_ROW:]
    assert all(isinstance(r[0], dt.date) and r[4] == "paket holidays" for r in holidays)
    assert {r[0].year for r in holidays} == {2026, 2027}
    assert (dt.date(2026, 12, 24), "Cuti bersama") in {(r[0], r[2]) for r in holidays}
    assert (dt.date(2026, 8, 17), "Libur nasional") in {(r[0], r[2]) for r in holidays}
    conf = {row[0]: row[1] for row in grids[CONF_SHEET] if row[0]}
    assert conf["Interpreter_Win"] == ""  # placeholder off Windows: xlwings falls back to "python"
    assert str(built.parent.resolve()) in conf["PYTHONPATH"].split(";")


def test_refuses_existing_file_without_force(tmp_path: Path) -> None:
    path = tmp_path / NAME
    build_register(path, year=2026)
    with pytest.raises(UsageError, match="--force"):
        build_register(path, year=2026)
    build_register(path, year=2026, force=True, protect=False)
    assert not openpyxl.load_workbook(path)[PERMOHONAN.name].protection.sheet


def test_refuses_a_foreign_module_beside_the_workbook(tmp_path: Path) -> None:
    (tmp_path / "register_ppid_2026.py").write_text("print('mine')\n")
    with pytest.raises(UsageError):
        build_register(tmp_path / NAME, year=2026)
    assert not (tmp_path / NAME).exists()


@pytest.mark.parametrize(
    "name",
    [
        "Register PPID 2026.xlsm",
        "register_ppid (1).xlsm",
        "register-ppid.xlsm",
        "2026_register.xlsm",
        "register.v2.xlsm",
        "automation.xlsm",
        "csv.xlsm",
        "class.xlsm",
        "register.xlsx",
    ],
)
def test_refuses_names_the_button_cannot_import(tmp_path: Path, name: str) -> None:
    with pytest.raises(UsageError):
        build_register(tmp_path / name, year=2026)
    assert list(tmp_path.iterdir()) == []


def test_unknown_setting_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="tidak_ada"):
        build_register(tmp_path / NAME, year=2026, settings={"tidak_ada": 1})


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_register_and_name_warning_works(
    built: Path, tmp_path: Path, soffice_profile_uri: str
) -> None:
    """LibreOffice loads the register; the Beranda formula flags exactly the unusable file names."""
    names = {
        "register_ppid_2026.xlsm": "",
        "Register PPID 2026.xlsm": "X",
        "register_ppid (1).xlsm": "X",
        "register-ppid.xlsm": "X",
        "2026_register.xlsm": "X",
        "register.v2.xlsm": "X",
        "RegisterPPID.xlsm": "",
    }
    probe = tmp_path / "probe.xlsx"
    with xlsxwriter.Workbook(str(probe)) as wb:
        ws = wb.add_worksheet()
        for row, name in enumerate(names):
            # NOW() makes the cell volatile so LibreOffice recalculates it on load.
            fake = f'IF(NOW()>0,"C:\\PPID\\[{name}]Beranda")'
            ws.write_formula(row, 0, bad_name_formula("X").replace('CELL("filename",$A$1)', fake), None, "?")
    register = tmp_path / NAME
    shutil.copy(built, register)
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={soffice_profile_uri}",
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            str(tmp_path / "out"),
            str(probe),
            str(register),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "register_ppid_2026.csv").stat().st_size > 0
    with open(tmp_path / "out" / "probe.csv", encoding="utf-8") as handle:
        got = [row[0] if row else "" for row in csv.reader(handle)]
    assert got == list(names.values())
