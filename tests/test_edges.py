"""Staff edits at the edges of the register: moved header rows, renamed headers, formula cells."""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from _remote import edit
from hypothesis import given, settings
from hypothesis import strategies as st
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
                pattern = re.compile(
                    rb'<c r="' + ref.encode() + rb'"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>'
                )
                data, count = pattern.subn(
                    lambda m: (
                        b'<c r="'
                        + ref.encode()
                        + b'"'
                        + m.group(1)
                        + b' t="str"><f>'
                        + m.group(2)
                        + b"</f><v>"
                        + value.encode()
                        + b"</v></c>"
                    ),
                    data,
                )
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


# ---------------------------------------------------------------- staff-typed numbers and folder names
WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


@pytest.mark.parametrize(
    "number",
    [
        "CON",
        "nul",
        "Com1",
        "AUX ",
        "a\nb",
        "x" * 300,
        "..",
        " . ",
        "PPID/2026/07/0001",
        "LPT9.docx",
        "a:b*c?d",
        "\x00\x07",
    ],
)
def test_folder_names_are_valid_everywhere(number: str) -> None:
    from automation.letters.documents import folder_name

    name = folder_name(number)
    assert_valid_component(name)


def assert_valid_component(name: str) -> None:
    assert name and len(name) <= 60 and name == name.strip(" .")
    assert not re.search(r'[\\/:*?"<>|\x00-\x1f]', name)
    assert name.split(".")[0].upper().rstrip() not in WINDOWS_RESERVED


@settings(max_examples=300 if os.environ.get("PPID_LONG_TESTS") == "1" else 60, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_a_valid_distinct_folder_name(text: str) -> None:
    from automation.paths import safe_component

    name = safe_component(text)
    assert_valid_component(name)
    if len(text) > 100:
        assert safe_component(text + "x") != name  # long numbers never share a folder


def test_file_name_too_long_gets_the_path_hint_not_word() -> None:
    import errno

    from automation.paths import os_error_reason

    reason = os_error_reason(OSError(errno.ENAMETOOLONG, "File name too long"))
    assert "terlalu panjang" in reason and "Word" not in reason


def test_staff_typed_numbers_off_the_pattern_are_findings(register: Path) -> None:
    rows = [
        intake_row(no_registrasi=n) for n in ("CON", "PPID-KOMINFO/2026/07/0009", "PPID\nKOMINFO", "x" * 300)
    ]
    operations.commit(register, lambda reg: (Changes(appends={"permohonan": rows}), None))
    report = operations.validate(register, now=NOW, write=False).result
    found = {f.row for f in report.findings if f.code == "nomor_tidak_sesuai_pola"}
    assert found == {7, 9, 10}  # the second number fits the pattern


def test_documents_for_a_staff_typed_con_number_land_in_a_safe_folder(register: Path) -> None:
    row = intake_row(no_registrasi="CON")
    operations.commit(register, lambda reg: (Changes(appends={"permohonan": [row]}), None))
    operations.documents(register, now=NOW)
    folders = [p.name for p in (register.parent / "output").rglob("*") if p.is_dir()]
    assert "CON_" in folders and "CON" not in folders


SHIFTS = [-5, -4, -2, 1, 3, 12] if os.environ.get("PPID_LONG_TESTS") == "1" else [-5, 3]


@pytest.mark.parametrize("shift", SHIFTS)
def test_any_number_of_title_rows_deleted_or_inserted_never_overwrites_a_line(
    register: Path, shift: int
) -> None:
    """-5 deletes the title lines and the status cell itself: the header is then row 1 and no status is
    written."""
    add_intake(register)

    def move(wb: object) -> None:
        ws = wb[INTAKE]  # type: ignore[index]
        if shift < 0:
            ws.delete_rows(1, -shift)
        else:
            ws.insert_rows(1, shift)

    edit(register, move)
    header = 6 + shift
    above = [cell(register, INTAKE, r) for r in range(1, header - 1)]
    outcome = operations.advance(register, now=NOW)
    assert outcome.written
    assert cell(register, INTAKE, header) == "Nomor Registrasi"
    assert [cell(register, INTAKE, r) for r in range(1, header - 1)] == above
    if header > 1:
        assert str(cell(register, INTAKE, header - 1)).startswith("Hasil proses terakhir")
