"""What an openpyxl round trip keeps, what repair() restores and what check_losses() names."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook

from automation.excel.preserve import check_losses, repair, roundtrip_openpyxl, verify_package

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@pytest.fixture(scope="module")
def vba_bin(tmp_path_factory) -> Path:
    """The VBA project of xlwings' standalone quickstart workbook."""
    import xlwings

    source = Path(xlwings.__file__).parent / "quickstart_standalone.xlsm"
    target = tmp_path_factory.mktemp("vba") / "vbaProject.bin"
    with zipfile.ZipFile(source) as zf:
        target.write_bytes(zf.read("xl/vbaProject.bin"))
    return target


@pytest.fixture(scope="module")
def png(tmp_path_factory) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    target = tmp_path_factory.mktemp("img") / "logo.png"
    fig = plt.figure(figsize=(0.5, 0.5))
    fig.savefig(target)
    plt.close(fig)
    return target


def build(path: Path, vba_bin: Path, *, sheets: int = 11, extras=None) -> Path:
    """A macro workbook with one form button per sheet (XlsxWriter writes them as VML)."""
    wb = xlsxwriter.Workbook(path, {"in_memory": True})
    wb.add_vba_project(str(vba_bin))
    for i in range(sheets):
        ws = wb.add_worksheet(f"Lembar{i + 1}")
        ws.write_string(5, 0, "Nomor")
        ws.write_number(6, 0, i + 1)
        ws.insert_button("F1", {"macro": "SampleCall", "caption": f"Proses {i + 1}"})
        if extras and i == 0:
            extras(wb, ws)
    wb.close()
    return path


def rewrite(path: Path, edit) -> None:
    """Edit the parts of a zip package in place (``edit`` gets and changes a name -> bytes dict)."""
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    edit(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def replace_in(parts: dict, name: str, old: str, new: str) -> None:
    text = parts[name].decode()
    assert old in text
    parts[name] = text.replace(old, new, 1).encode()


def names(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as zf:
        return set(zf.namelist())


def set_b1(wb) -> None:
    wb.worksheets[0]["B1"] = "diubah"


# ------------------------------------------------------------------ buttons on 11 sheets
def test_openpyxl_alone_still_drops_vml_drawings_10_and_up(tmp_path, vba_bin):
    """Pins the pitfall repair() exists for: if openpyxl fixes it, this test says so."""
    src = build(tmp_path / "tombol.xlsm", vba_bin)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(src, keep_vba=True)
    wb.save(tmp_path / "polos.xlsm")
    kept = names(tmp_path / "polos.xlsm")
    assert "xl/drawings/vmlDrawing9.vml" in kept
    assert "xl/drawings/vmlDrawing10.vml" not in kept
    assert "xl/drawings/vmlDrawing11.vml" not in kept
    assert any("vmlDrawing10.vml" in p for p in verify_package(tmp_path / "polos.xlsm"))


def test_roundtrip_keeps_all_11_buttons(tmp_path, vba_bin):
    src = build(tmp_path / "tombol.xlsm", vba_bin)
    dest = tmp_path / "hasil.xlsm"
    restored = roundtrip_openpyxl(src, dest, set_b1)
    assert restored == [
        f"tombol formulir/catatan (VML) pada lembar 'Lembar{n}' dipulihkan (xl/drawings/vmlDrawing{n}.vml)"
        for n in (10, 11)
    ]
    assert verify_package(dest) == []
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dest) as b:
        for n in range(1, 12):
            vml = f"xl/drawings/vmlDrawing{n}.vml"
            assert b.read(vml) == a.read(vml)
            assert f"Proses {n}".encode() in b.read(vml)
        assert b.read("xl/vbaProject.bin") == a.read("xl/vbaProject.bin")
    book = CalamineWorkbook.from_path(str(dest))
    assert len(book.sheet_names) == 11
    assert book.get_sheet_by_index(0).to_python(skip_empty_area=False)[0][1] == "diubah"


def test_repair_is_a_no_op_when_nothing_is_missing(tmp_path, vba_bin):
    src = build(tmp_path / "tombol.xlsm", vba_bin, sheets=2)
    saved = tmp_path / "hasil.xlsm"
    openpyxl.load_workbook(src, keep_vba=True).save(saved)
    before = saved.read_bytes()
    assert repair(src, saved) == []
    assert saved.read_bytes() == before


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_repaired_workbook(tmp_path, vba_bin, soffice_profile_uri):
    src = build(tmp_path / "tombol.xlsm", vba_bin)
    dest = tmp_path / "hasil.xlsm"
    roundtrip_openpyxl(src, dest, set_b1)
    out = tmp_path / "lo"
    run = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={soffice_profile_uri}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(dest),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    converted = CalamineWorkbook.from_path(str(out / "hasil.xlsx"))
    assert converted.sheet_names == [f"Lembar{n}" for n in range(1, 12)]


# ------------------------------------------------------------------ generic restore
def test_repair_restores_relationships_of_parts_copied_verbatim(tmp_path, vba_bin):
    """openpyxl copies xl/vbaProject.bin but not its .rels: the macro signature part came back."""
    src = build(tmp_path / "bertanda.xlsm", vba_bin, sheets=1)

    def add_signature(parts):
        parts["xl/_rels/vbaProject.bin.rels"] = (
            b'<?xml version="1.0" encoding="UTF-8"?><Relationships'
            b' xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1"'
            b' Type="http://schemas.microsoft.com/office/2006/relationships/vbaProjectSignature"'
            b' Target="vbaProjectSignature.bin"/></Relationships>'
        )
        parts["xl/vbaProjectSignature.bin"] = b"\x00signature"
        replace_in(
            parts,
            "[Content_Types].xml",
            "</Types>",
            '<Override PartName="/xl/vbaProjectSignature.bin" '
            'ContentType="application/vnd.ms-office.vbaProjectSignature"/></Types>',
        )

    rewrite(src, add_signature)
    dest = tmp_path / "hasil.xlsm"
    restored = roundtrip_openpyxl(src, dest, set_b1)
    assert restored == ["tanda tangan digital makro dipulihkan (xl/vbaProjectSignature.bin)"]
    assert verify_package(dest) == []
    with zipfile.ZipFile(dest) as zf:
        assert zf.read("xl/vbaProjectSignature.bin") == b"\x00signature"
        assert b"vbaProjectSignature" in zf.read("[Content_Types].xml")


def excel2010_controls(parts: dict) -> None:
    """What Excel 2010+ adds for a form button: <controls> plus a ctrlProp part (kept as VML too)."""
    sheet = "xl/worksheets/sheet1.xml"
    controls = (
        f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="x14"><controls>'
        f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="x14">'
        '<control shapeId="1025" r:id="rId9" name="Button 1"><controlPr defaultSize="0" print="0" '
        'autoFill="0" autoPict="0" macro="[0]!SampleCall"/></control>'
        "</mc:Choice></mc:AlternateContent></controls></mc:Choice></mc:AlternateContent>"
    )
    replace_in(parts, sheet, "<worksheet ", f'<worksheet xmlns:x14="{X14}" ')
    replace_in(parts, sheet, "</worksheet>", controls + "</worksheet>")
    replace_in(
        parts,
        "xl/worksheets/_rels/sheet1.xml.rels",
        "</Relationships>",
        '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/ctrlProp" '
        'Target="../ctrlProps/ctrlProp1.xml"/></Relationships>',
    )
    parts["xl/ctrlProps/ctrlProp1.xml"] = (
        f'<formControlPr xmlns="{X14}" objectType="Button" lockText="1"/>'.encode()
    )
    replace_in(
        parts,
        "[Content_Types].xml",
        "</Types>",
        '<Override PartName="/xl/ctrlProps/ctrlProp1.xml" '
        'ContentType="application/vnd.ms-excel.controlproperties+xml"/></Types>',
    )


def test_excel2010_form_controls_keep_their_vml_and_are_not_a_loss(tmp_path, vba_bin):
    src = build(tmp_path / "excel.xlsm", vba_bin, sheets=1)
    rewrite(src, excel2010_controls)
    assert check_losses(src) == []
    dest = tmp_path / "hasil.xlsm"
    roundtrip_openpyxl(src, dest, set_b1)
    kept = names(dest)
    assert "xl/drawings/vmlDrawing1.vml" in kept
    assert "xl/ctrlProps/ctrlProp1.xml" not in kept  # openpyxl dropped its link; repair drops the orphan
    assert verify_package(dest) == []


# ------------------------------------------------------------------ check_losses
def test_check_losses_names_a_textbox(tmp_path, vba_bin):
    src = build(
        tmp_path / "kotak.xlsm",
        vba_bin,
        sheets=2,
        extras=lambda wb, ws: ws.insert_textbox("H2", "Petunjuk pengisian"),
    )
    assert check_losses(src) == ["kotak teks atau bentuk (shape) 'TextBox 1' pada lembar 'Lembar1'"]


def test_check_losses_is_empty_for_what_openpyxl_keeps(tmp_path, vba_bin, png):
    def keepable(wb, ws):
        ws.insert_image("H10", str(png))
        chart = wb.add_chart({"type": "line"})
        chart.add_series({"values": "='Lembar1'!$A$7:$A$9"})
        ws.insert_chart("H20", chart)
        ws.write_comment("A7", "catatan")
        ws.data_validation("B7:B20", {"validate": "list", "source": ["Ya", "Tidak"]})
        ws.data_validation("C7:C20", {"validate": "list", "source": "='Lembar2'!$A$1:$A$5"})
        ws.conditional_format(
            "A7:A20",
            {
                "type": "formula",
                "criteria": '=ISNUMBER(SEARCH("|nik|",$Z7))',
                "format": wb.add_format({"bg_color": "#FFC7CE"}),
            },
        )
        ws.add_table("A30:C32", {"name": "TabelUji", "columns": [{"header": h} for h in "xyz"]})

    src = build(tmp_path / "aman.xlsm", vba_bin, extras=keepable)
    assert check_losses(src) == []
    dest = tmp_path / "hasil.xlsm"
    roundtrip_openpyxl(src, dest, set_b1)
    kept = names(dest)
    assert {"xl/media/image1.png", "xl/charts/chart1.xml", "xl/tables/table1.xml"} <= kept
    assert verify_package(dest) == []


def test_check_losses_names_excel2010_extensions(tmp_path, vba_bin):
    def extended(wb, ws):
        ws.write_row(8, 0, [1, 2, 3, 4])
        ws.add_sparkline("F9", {"range": "Lembar1!A9:D9"})
        ws.conditional_format("A7:A20", {"type": "data_bar", "data_bar_2010": True})

    src = build(tmp_path / "x14.xlsm", vba_bin, sheets=1, extras=extended)
    x14_validation = (
        f'<ext uri="{{CCE6A557-97BC-4B89-ADB6-D9C93CAAB3DF}}" xmlns:x14="{X14}">'
        '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
        '<x14:dataValidation type="list"><x14:formula1><xm:f>Lembar1!$A$1:$A$2</xm:f></x14:formula1>'
        "<xm:sqref>B2:B10</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>"
    )
    rewrite(
        src,
        lambda parts: replace_in(parts, "xl/worksheets/sheet1.xml", "</extLst></worksheet>", x14_validation),
    )
    assert check_losses(src) == [
        "format bersyarat bentuk Excel 2010 (bilah data/ikon) pada lembar 'Lembar1'",
        "sparkline pada lembar 'Lembar1'",
        "validasi data bentuk Excel 2010 (daftar pilihan dari lembar lain) pada lembar 'Lembar1'",
    ]


@pytest.mark.parametrize(
    ("rel_type", "target", "expected"),
    [
        (
            "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
            "../threadedComments/threadedComment1.xml",
            "komentar berutas (threaded comment)",
        ),
        (f"{REL}/control", "../activeX/activeX1.xml", "kontrol ActiveX"),
        (f"{REL}/oleObject", "../embeddings/oleObject1.bin", "objek tersemat (OLE)"),
    ],
)
def test_check_losses_names_parts_openpyxl_cannot_keep(tmp_path, vba_bin, rel_type, target, expected):
    src = build(tmp_path / "bagian.xlsm", vba_bin, sheets=1)
    part = "xl/" + target.removeprefix("../")

    def add(parts):
        replace_in(
            parts,
            "xl/worksheets/_rels/sheet1.xml.rels",
            "</Relationships>",
            f'<Relationship Id="rId7" Type="{rel_type}" Target="{target}"/></Relationships>',
        )
        parts[part] = b"<x/>"

    rewrite(src, add)
    assert check_losses(src) == [f"{expected} pada lembar 'Lembar1'"]


def test_check_losses_names_an_emf_picture_openpyxl_drops(tmp_path, vba_bin, png):
    header = struct.pack(
        "<II4i4iIIIIHHIIIiiii",
        1,
        88,
        0,
        0,
        100,
        100,
        0,
        0,
        2000,
        2000,
        0x464D4520,
        0x10000,
        108,
        2,
        1,
        0,
        0,
        0,
        0,
        1920,
        1080,
        508,
        286,
    )
    emf = tmp_path / "lambang.emf"
    emf.write_bytes(header + struct.pack("<IIIII", 14, 20, 0, 16, 20))

    def pictures(wb, ws):
        ws.insert_image("B2", str(emf))
        ws.insert_image("D2", str(png))

    src = build(tmp_path / "emf.xlsm", vba_bin, sheets=1, extras=pictures)
    assert check_losses(src) == ["gambar berformat EMF/WMF 'Picture 1' pada lembar 'Lembar1'"]


def test_check_losses_names_sheet_elements_openpyxl_does_not_read(tmp_path, vba_bin):
    src = build(tmp_path / "elemen.xlsm", vba_bin, sheets=1)

    def add(parts):
        sheet = "xl/worksheets/sheet1.xml"
        replace_in(
            parts,
            sheet,
            "<pageMargins",
            '<protectedRanges><protectedRange sqref="A7:B20" name="Isian"/></protectedRanges><pageMargins',
        )
        replace_in(parts, sheet, "</worksheet>", '<legacyDrawingHF r:id="rId1"/></worksheet>')

    rewrite(src, add)
    assert check_losses(src) == [
        "rentang yang boleh diedit (lembar terlindungi) pada lembar 'Lembar1'",
        "gambar di header/footer pada lembar 'Lembar1'",
    ]


def test_roundtrip_keeps_rich_text(tmp_path, vba_bin):
    def rich(wb, ws):
        ws.write_rich_string("A2", "biasa ", wb.add_format({"bold": True}), "tebal")

    src = build(tmp_path / "kaya.xlsm", vba_bin, sheets=1, extras=rich)
    dest = tmp_path / "hasil.xlsm"
    roundtrip_openpyxl(src, dest, set_b1)
    with zipfile.ZipFile(dest) as zf:
        assert b'<b val="1"/>' in zf.read("xl/worksheets/sheet1.xml")


def test_check_losses_on_a_broken_file_is_an_unusable_file(tmp_path):
    from automation.errors import UnusableFile

    bad = tmp_path / "rusak.xlsm"
    bad.write_bytes(os.urandom(64))
    with pytest.raises(UnusableFile):
        check_losses(bad)


# ------------------------------------------------------------------ a register saved once by LibreOffice
@pytest.fixture(scope="module")
def saved_by_libreoffice(built_once, tmp_path_factory, soffice_profile) -> Path:
    """The real register, opened and saved as .xlsm by LibreOffice (staff do this); converted once per run."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    from automation.excel.builder import build_register

    def build(target: Path) -> Path:
        src = build_register(target.parent / "src" / target.name, year=2026)
        run = subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={soffice_profile.as_uri()}",
                "--headless",
                "--convert-to",
                "xlsm:Calc MS Excel 2007 VBA XML",
                "--outdir",
                str(target.parent),
                str(src),
            ],
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert run.returncode == 0, run.stderr
        return target

    return built_once(
        "saved-by-libreoffice", build, tmp_path_factory.mktemp("lo_saved"), name="register.xlsm"
    )


def test_libreoffice_copies_of_form_buttons_are_not_losses(saved_by_libreoffice):
    with zipfile.ZipFile(saved_by_libreoffice) as zf:
        drawings = [zf.read(n) for n in zf.namelist() if n.startswith("xl/drawings/drawing")]
    assert any(b"mc:AlternateContent" in d and b"Button 1" in d for d in drawings)  # the copies are there
    assert check_losses(saved_by_libreoffice) == []


def test_a_register_saved_by_libreoffice_can_be_written_again(saved_by_libreoffice, tmp_path):
    from test_workflow_kit import intake_row

    from automation import operations
    from automation.changes import Changes

    path = tmp_path / "register.xlsm"
    shutil.copy(saved_by_libreoffice, path)
    outcome = operations.commit(path, lambda reg: (Changes(appends={"permohonan": [intake_row()]}), None))
    assert outcome.written and check_losses(path) == [] and verify_package(path) == []


def test_a_real_text_box_beside_libreoffice_button_copies_is_still_named(saved_by_libreoffice, tmp_path):
    path = tmp_path / "dengan_kotak.xlsm"
    with (
        zipfile.ZipFile(saved_by_libreoffice) as zin,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/drawings/drawing1.xml":
                box = (
                    b"<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp><xdr:nvSpPr><xdr:cNvPr"
                    b' id="9"'
                    b' name="Petunjuk"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr/>'
                    b"<xdr:txBody><a:bodyPr/><a:p><a:r><a:t>Isi"
                    b" kolom"
                    b" kuning</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>"
                )
                data = data.replace(b"</xdr:wsDr>", box + b"</xdr:wsDr>")
            zout.writestr(info, data)
    assert check_losses(path) == ["kotak teks atau bentuk (shape) 'Petunjuk' pada lembar 'Beranda'"]
