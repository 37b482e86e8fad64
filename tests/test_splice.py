"""Saving only the written rows (automation.excel.splice) gives the same workbook as a full openpyxl save."""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from automation.excel.preserve import roundtrip_openpyxl
from automation.excel.splice import Unspliceable, check_sheet, reduced_sheet, spliced_sheet, stub_sheet


def _source(path: Path) -> Path:
    """A workbook as Excel-like writers leave it: shared strings, rich text, formulas with values, links."""
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    bold = wb.add_format({"bold": True, "bg_color": "#FFFF00"})
    date = wb.add_format({"num_format": "dd/mm/yyyy", "locked": False})
    wrap = wb.add_format({"text_wrap": True})
    data = wb.add_worksheet("Data")
    data.write_row(0, 0, ["Nama", "Tanggal", "Jumlah", "Catatan", "Rumus"], bold)
    for r in range(1, 120):
        data.write_string(r, 0, f"Pemohon {r % 7}")  # repeated: one shared string each
        data.write_datetime(r, 1, dt.datetime(2026, 1, 1) + dt.timedelta(days=r), date)
        data.write_number(r, 2, r * 1.5)
        data.write_string(r, 3, "=bukan rumus" if r % 10 == 0 else f"catatan {r}", wrap)
        data.write_formula(r, 4, f"=C{r + 1}*2", None, r * 3.0)
    data.write_rich_string(40, 3, "teks ", bold, "tebal", " biasa")
    data.write_url(60, 0, "https://ppid.kalbarprov.go.id", string="situs")
    data.write_comment(70, 2, "catatan staf")
    data.merge_range("G80:H82", "gabungan", bold)
    data.set_row(90, 30)
    data.data_validation("C2:C200", {"validate": "integer", "criteria": ">=", "value": 0})
    late = wb.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"})
    data.conditional_format("C2:C200", {"type": "cell", "criteria": ">", "value": 100, "format": late})
    other_cf = {"type": "text", "criteria": "containing", "value": "=bukan", "format": bold}
    data.conditional_format("D2:D200", other_cf)
    heads = ("Nama", "Tanggal", "Jumlah", "Catatan", "Rumus")
    data.add_table("A1:E120", {"name": "TabelData", "columns": [{"header": h} for h in heads]})
    other = wb.add_worksheet("Lain")
    for r in range(50):
        other.write_row(r, 0, [f"baris {r}", r])
    wb.close()
    return path


ROWS = {"Data": {3, 61, 121, 122}}


def _mutate(wb) -> None:
    ws = wb["Data"]
    ws.cell(row=3, column=3).value = 999
    ws.cell(row=61, column=4).value = "ditulis"
    ws.cell(row=121, column=1).value = "baru"
    ws.cell(row=122, column=2).value = dt.datetime(2026, 11, 20)


def _snapshot(path: Path) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(path, rich_text=True)
    out: dict = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style:
                    continue
                out[(ws.title, c.coordinate)] = (
                    str(c.value),
                    c.number_format,
                    c.font.b,
                    c.fill.fgColor.rgb,
                    c.protection.locked,
                    c.alignment.wrap_text,
                    c.hyperlink.target if c.hyperlink else None,
                    c.comment.text if c.comment else None,
                )
        out[(ws.title, "merged")] = sorted(str(r) for r in ws.merged_cells.ranges)
        out[(ws.title, "heights")] = {k: d.height for k, d in ws.row_dimensions.items() if d.height}
        out[(ws.title, "validation")] = [
            (str(v.sqref), v.type, v.operator, v.formula1) for v in ws.data_validations.dataValidation
        ]
        out[(ws.title, "conditional")] = sorted(
            (str(cf.sqref), r.type, r.operator, tuple(r.formula), r.dxf.fill.fgColor.rgb if r.dxf else None)
            for cf in ws.conditional_formatting
            for r in cf.rules
        )
        out[(ws.title, "tables")] = dict(ws.tables.items())
    return out


def _calamine(path: Path) -> dict:
    book = CalamineWorkbook.from_path(str(path))
    return {n: book.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in book.sheet_names}


def test_saving_only_the_written_rows_equals_a_full_save(tmp_path) -> None:
    src = _source(tmp_path / "src.xlsx")
    whole, rows = tmp_path / "whole.xlsx", tmp_path / "rows.xlsx"
    roundtrip_openpyxl(src, whole, _mutate)
    roundtrip_openpyxl(src, rows, _mutate, rows=ROWS)
    assert _snapshot(rows) == _snapshot(whole)
    assert _calamine(rows) == _calamine(whole)
    values = _calamine(rows)["Data"]
    assert values[2][2] == 999 and values[60][3] == "ditulis" and values[120][0] == "baru"
    assert values[5][4] == 15.0  # a formula's cached value survives in an untouched row


def test_conditional_formatting_and_validation_come_back_byte_for_byte(register: Path, tmp_path) -> None:
    """openpyxl never sees them (ppid does not write them): each sheet's blocks are the original bytes."""
    dest = tmp_path / "rows.xlsm"
    roundtrip_openpyxl(register, dest, lambda wb: None, rows={"1 Permohonan": {7}})
    blocks = re.compile(rb"<(conditionalFormatting|dataValidations)\b.*?</\1>", re.S)
    with zipfile.ZipFile(register) as a, zipfile.ZipFile(dest) as b:
        sheets = [n for n in a.namelist() if n.startswith("xl/worksheets/sheet")]
        before = {n: [m.group(0) for m in blocks.finditer(a.read(n))] for n in sheets}
        after = {n: [m.group(0) for m in blocks.finditer(b.read(n))] for n in sheets}
    assert sum(map(len, before.values())) > 20
    assert after == before


def test_untouched_sheets_are_not_loaded_and_come_back_verbatim(tmp_path) -> None:
    src = _source(tmp_path / "src.xlsx")
    dest = tmp_path / "rows.xlsx"
    roundtrip_openpyxl(src, dest, _mutate, rows=ROWS)
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dest) as b:
        old, new = a.read("xl/worksheets/sheet2.xml"), b.read("xl/worksheets/sheet2.xml")
    assert old.count(b"<row ") == new.count(b"<row ") == 50
    assert b't="s"' not in new and b"inlineStr" in new  # shared strings became inline, as openpyxl does


def test_a_round_trip_never_writes_over_its_original(tmp_path) -> None:
    """The result is written while the original is still being read: the same path is a caller's bug."""
    src = _source(tmp_path / "src.xlsx")
    before = src.read_bytes()
    with pytest.raises(ValueError):
        roundtrip_openpyxl(src, tmp_path / "." / "src.xlsx", _mutate, rows=ROWS)
    assert src.read_bytes() == before


def test_one_pass_gives_spliced_rows_and_restored_parts_together(register, tmp_path) -> None:
    """The splice, the cached values and repair are one pass over the saved package, compressed once."""
    dest = tmp_path / "rows.xlsm"
    restored = roundtrip_openpyxl(register, dest, lambda wb: None, rows={"1 Permohonan": {7}})
    assert any("VML" in line for line in restored)  # the form buttons openpyxl drops came back
    with zipfile.ZipFile(register) as a, zipfile.ZipFile(dest) as b:
        rows = [(x.read(n).count(b"<row "), n) for x in (a, b) for n in ["xl/worksheets/sheet2.xml"]]
        assert rows[0][0] == rows[1][0] > 1
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in b.infolist())


def test_a_sheet_nobody_writes_comes_back_whole_with_openpyxls_relationship_ids(register, tmp_path) -> None:
    """openpyxl gets a stub of each unwritten sheet; the saved sheet is the original, byte for byte,
    apart from the elements naming its table and buttons (openpyxl numbers them anew) and shared
    strings written inline (openpyxl writes its own string table)."""
    dest = tmp_path / "rows.xlsm"
    roundtrip_openpyxl(register, dest, lambda wb: None, rows={"1 Permohonan": {7}})
    outside = re.compile(rb"<(legacyDrawing|tableParts|sheetData)\b[^>]*?(?:/>|>.*?</\1>)", re.S)
    with zipfile.ZipFile(register) as a, zipfile.ZipFile(dest) as b:
        untouched = [
            n for n in a.namelist() if n.startswith("xl/worksheets/sheet") and n != "xl/worksheets/sheet2.xml"
        ]
        assert len(untouched) > 10
        for name in untouched:
            old, new = a.read(name), b.read(name)
            assert outside.sub(b"", old) == outside.sub(b"", new), name
            assert old.count(b"<row ") == new.count(b"<row ") and old.count(b"<c ") == new.count(b"<c "), name
    assert _calamine(dest) == _calamine(register)


def test_a_value_written_on_a_sheet_said_to_be_untouched_is_not_lost(tmp_path) -> None:
    """A caller that writes a sheet it did not name gets a whole load, not a silently dropped value."""
    src = _source(tmp_path / "src.xlsx")
    dest = tmp_path / "rows.xlsx"

    def also_other(wb) -> None:
        _mutate(wb)
        wb["Lain"]["C3"] = "tidak hilang"

    roundtrip_openpyxl(src, dest, also_other, rows=ROWS)
    assert _calamine(dest)["Lain"][2][2] == "tidak hilang"
    assert _calamine(dest)["Data"][2][2] == 999


def test_a_sheet_with_another_relationship_is_not_stubbed() -> None:
    """A hyperlink, a drawing or printer settings: openpyxl loads the sheet's other elements as before."""
    head = b'<worksheet xmlns="m" xmlns:r="r"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'
    table = b'<tableParts count="1"><tablePart r:id="rId1"/></tableParts>'
    assert (
        stub_sheet(head + table + b"</worksheet>")
        == b'<worksheet xmlns="m" xmlns:r="r"><sheetData/>' + table + b"</worksheet>"
    )
    link = b'<hyperlinks><hyperlink ref="A1" r:id="rId2"/></hyperlinks>'
    assert stub_sheet(head + link + table + b"</worksheet>") is None
    assert stub_sheet(head + b'<pageSetup paperSize="9" r:id="rId3"/>' + b"</worksheet>") is None


def test_a_write_outside_the_loaded_rows_is_impossible_to_lose_silently(tmp_path) -> None:
    """The rows given are the only rows openpyxl has: a cell written elsewhere lands in a new row."""
    src = _source(tmp_path / "src.xlsx")
    dest = tmp_path / "rows.xlsx"
    roundtrip_openpyxl(src, dest, _mutate, rows=ROWS)
    assert _calamine(dest)["Data"][9][0] == "Pemohon 2"  # row 10 untouched, from the original


@pytest.mark.parametrize(
    "body",
    [
        b'<c r="A2"><f t="shared" ref="A2:A3" si="0">B2</f><v>1</v></c>',
        b'<c r="A2"><f t="array" ref="A2:A3">B2:B3</f><v>1</v></c>',
        b'<c r="A2"><x14:thing/></c>',
        b'<c r="A2" cm="1"><f>SORT(B1:B3)</f><v>1</v></c>',
    ],
)
def test_rows_with_shared_formulas_or_foreign_content_are_loaded_whole(body: bytes) -> None:
    xml = (
        b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2">'
        + body
        + b"</row></sheetData></worksheet>"
    )
    with pytest.raises(Unspliceable):
        check_sheet(xml)


def test_splice_keeps_openpyxl_rows_for_written_rows_and_the_original_elsewhere() -> None:
    original = (
        b'<worksheet><dimension ref="A1:B3"/><sheetData><row r="1" x14ac:dyDescent="0.25">'
        b'<c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>'
        b'<row r="3"><c r="A3"><v>3</v></c></row>'
        b"</sheetData></worksheet>"
    )
    reduced = reduced_sheet(original, {2})
    assert b'r="1"' not in reduced and b'<row r="2">' in reduced
    saved = (
        b'<worksheet><dimension ref="A2:C4"/><sheetData><row r="2"><c r="A2"><v>20</v></c></row>'
        b'<row r="4"><c r="C4"><v>4</v></c></row></sheetData></worksheet>'
    )
    out = spliced_sheet(original, saved, {2, 4}, [b"<t>halo</t>"])
    assert (
        out == b'<worksheet><dimension ref="A1:C4"/><sheetData><row r="1"><c r="A1" t="inlineStr">'
        b'<is><t>halo</t></is></c></row><row r="2"><c r="A2"><v>20</v></c></row>'
        b'<row r="3"><c r="A3"><v>3</v></c></row>'
        b'<row r="4"><c r="C4"><v>4</v></c></row></sheetData></worksheet>'
    )


def test_touched_rows_cover_every_cell_the_layout_writer_changes(tmp_path) -> None:
    """The rows openpyxl is given are exactly the rows ``write_layout`` changes (else a write would be
    lost)."""
    from test_workflow_kit import intake_row

    from automation import operations
    from automation.changes import Changes
    from automation.excel.builder import build_register
    from automation.excel.layout import resolve
    from automation.excel.reader import read_register
    from automation.excel.writer import touched_rows, write_layout
    from automation.workflow.advance import plan_advance

    path = build_register(tmp_path / "register.xlsm", year=2026)
    rows = [intake_row(f"Dokumen {i}") for i in range(3)]
    operations.commit(path, lambda reg: (Changes(appends={"permohonan": rows}), None))
    now = dt.datetime(2026, 7, 6, 9, 0)
    reg = read_register(path)
    changes, _summary = plan_advance(reg, today=now.date(), now=now)
    layout = resolve(reg, changes)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(path, keep_vba=True, rich_text=True)

    def state() -> dict:
        return {
            (ws.title, key): (c.value, c.style_id) for ws in wb.worksheets for key, c in ws._cells.items()
        }

    before = state()
    write_layout(wb, layout)
    after = state()
    changed = {
        (sheet, key[0])
        for sheet, key in after.keys() | before.keys()
        if before.get((sheet, key)) != after.get((sheet, key))
    }
    allowed = {(sheet, row) for sheet, numbers in touched_rows(layout).items() for row in numbers}
    assert changed and changed <= allowed
