"""Staff edits at the edges of the register: moved header rows, renamed headers, formula cells."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

from _remote import edit
from test_workflow_kit import NOW, intake_row

from automation import operations
from automation.changes import Changes
from automation.excel.reader import read_register
from automation.schema import SHEET_BY_KEY

INTAKE = SHEET_BY_KEY["permohonan"].name


def add_intake(path: Path, **overrides: object) -> None:
    operations.commit(path, lambda reg: (Changes(appends={"permohonan": [intake_row(**overrides)]}), None))


def cell(path: Path, sheet: str, row: int, col: int = 1) -> object:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    grid = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    line = grid[row - 1] if len(grid) >= row else []
    return line[col - 1] if len(line) >= col else ""


def test_deleted_title_row_keeps_the_header_and_status_lands_above_it(register: Path) -> None:
    add_intake(register)
    edit(register, lambda wb: wb[INTAKE].delete_rows(2))
    assert cell(register, INTAKE, 5) == "Nomor Registrasi"
    outcome = operations.advance(register, now=NOW)
    assert outcome.written and outcome.result.registered
    assert cell(register, INTAKE, 5) == "Nomor Registrasi"  # not overwritten by the status text
    assert str(cell(register, INTAKE, 4)).startswith("Hasil proses terakhir")
    assert read_register(register).sheets["permohonan"].records[0].get("no_registrasi")


def test_inserted_title_row_keeps_the_template_lines(register: Path) -> None:
    add_intake(register)
    output_line = cell(register, INTAKE, 4)
    edit(register, lambda wb: wb[INTAKE].insert_rows(2))
    assert cell(register, INTAKE, 5) == output_line
    operations.advance(register, now=NOW)
    assert cell(register, INTAKE, 5) == output_line  # the template line is kept
    assert str(cell(register, INTAKE, 6)).startswith("Hasil proses terakhir")
    assert cell(register, INTAKE, 7) == "Nomor Registrasi"


def test_renamed_required_header_holds_the_request_with_a_located_reason(register: Path) -> None:
    add_intake(register)

    def rename(wb: object) -> None:
        ws = wb[INTAKE]  # type: ignore[index]
        for c in ws[6]:
            if c.value == "Nama Pemohon":
                c.value = "Nama Lengkap Pemohon"

    edit(register, rename)
    outcome = operations.advance(register, now=NOW)
    reg = read_register(register)
    assert not reg.records("koordinasi"), "the request must not move on without its name"
    assert not outcome.result.registered
    note = reg.sheets["permohonan"].records[0].get("catatan")  # located: on the row that waits
    assert "'Nama Pemohon'" in note and "tidak ditemukan" in note


def _inject_cached_value(path: Path, sheet_part: str, ref: str, value: str) -> None:
    """Give a formula cell the cached value Excel would have saved with it."""
    tmp = path.with_name("injected.xlsm")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == sheet_part:
                pattern = re.compile(rb'<c r="' + ref.encode() + rb'"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>')
                data, count = pattern.subn(
                    lambda m: b'<c r="' + ref.encode() + b'"' + m.group(1) + b' t="str"><f>' + m.group(2)
                    + b"</f><v>" + value.encode() + b"</v></c>", data)
                assert count == 1
            zout.writestr(info, data)
    shutil.move(tmp, path)


def _sheet_part(path: Path, name: str) -> str:
    from automation.excel.preserve import _Package

    with zipfile.ZipFile(path) as zf:
        return dict(_Package(zf).sheets())[name]


def test_a_staff_formula_keeps_its_value_through_a_save(register: Path) -> None:
    add_intake(register, nama_pemohon=None)
    reg = read_register(register)
    rec = reg.sheets["permohonan"].records[0]
    col = reg.sheets["permohonan"].columns["nama_pemohon"]
    letter = chr(64 + col)
    edit(register, lambda wb: wb[INTAKE].cell(rec.row, col, '=PROPER("budi santoso")'))
    _inject_cached_value(register, _sheet_part(register, INTAKE), f"{letter}{rec.row}", "Budi Santoso")
    assert read_register(register).sheets["permohonan"].records[0].get("nama_pemohon") == "Budi Santoso"
    outcome = operations.advance(register, now=NOW)  # a save by ppid
    assert outcome.written
    after = read_register(register)
    assert after.sheets["permohonan"].records[0].get("nama_pemohon") == "Budi Santoso"
    assert after.records("koordinasi")[0].get("nama_pemohon") == "Budi Santoso"
    operations.validate(register, now=NOW)  # a second save keeps it too
    assert read_register(register).sheets["permohonan"].records[0].get("nama_pemohon") == "Budi Santoso"
