"""The register on paper: stage sheets print their working columns landscape at most 2 pages wide with
the header row repeated, Beranda on one page, and no cell shows ### at the built column widths."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from test_cli import REPORT, add_request, invoke

from automation.excel.builder_tables import PAGE_CHARACTERS, pages_wide, printed_columns
from automation.letters.pdf import find_soffice
from automation.schema import BERANDA, STAGES, TABLE_SHEETS

PRINT_AREA = re.compile(
    r'<definedName name="_xlnm\.Print_Area" localSheetId="(\d+)"[^>]*>([^<]+)</definedName>'
)


def print_areas(path: Path) -> dict[str, str]:
    wb = openpyxl.load_workbook(path, read_only=True)
    names = wb.sheetnames
    wb.close()
    xml = zipfile.ZipFile(path).read("xl/workbook.xml").decode()
    return {names[int(i)]: text.replace("&apos;", "'") for i, text in PRINT_AREA.findall(xml)}


def test_stage_sheets_print_their_working_columns(register: Path) -> None:
    add_request(register)  # a save through openpyxl, which on its own would drop whole-column print areas
    areas = print_areas(register)
    wb = openpyxl.load_workbook(register)
    for sheet in STAGES:
        ws = wb[sheet.name]
        last = openpyxl.utils.get_column_letter(printed_columns(sheet))
        assert areas[sheet.name].endswith(f"!$A:${last}"), sheet.name
        assert "catatan_validasi" not in [c.key for c in sheet.columns[: printed_columns(sheet)]]
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize in (9, "9")
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert int(ws.page_setup.fitToWidth) == pages_wide(sheet) >= 2 and int(ws.page_setup.fitToHeight) == 0
        assert ws.print_title_rows == "$6:$6" and ws.print_title_cols == "$A:$A"
    home = wb[BERANDA.name].page_setup
    assert int(home.fitToWidth or 1) == 1 and int(home.fitToHeight or 1) == 1  # Beranda on one page


def test_printed_width_is_readable() -> None:
    """A4 landscape pages of about 150 character widths each at 100 % (2, or 3 for the widest sheets): no
    sheet below 55 %."""
    for sheet in TABLE_SHEETS:
        if sheet not in STAGES:
            continue
        width = sum(c.width for c in sheet.columns[: printed_columns(sheet)] if not c.hidden)
        assert pages_wide(sheet) <= 3, (sheet.name, width)
        assert PAGE_CHARACTERS * pages_wide(sheet) / width >= 0.55, (sheet.name, width)


@pytest.mark.skipif(
    find_soffice() is None or shutil.which("pdftotext") is None, reason="LibreOffice/pdftotext"
)
def test_no_cell_prints_hashes(register: Path, tmp_path: Path, soffice_profile_uri: str) -> None:
    add_request(register)
    assert invoke("advance", str(register))[0] == 0
    assert invoke(REPORT[0], str(register), *REPORT[1:], "--beranda")[0] == 0
    subprocess.run(
        [
            find_soffice(),
            f"-env:UserInstallation={soffice_profile_uri}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(register),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "pdf" / "register_ppid.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Dibuat pada" in text and "Laporan terakhir" in text
    assert "###" not in text
