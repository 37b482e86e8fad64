"""The schema file automation/data/schema.toml: what it must hold, and the errors a broken one gives."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from automation import schema
from automation.schema import SchemaFileError, T, parse_schema

TEXT = resources.files("automation").joinpath("data", schema.SCHEMA_FILE).read_text(encoding="utf-8")


def test_the_module_objects_are_the_file_parsed() -> None:
    tables = parse_schema(TEXT)
    assert tables.sheets == schema.SHEETS
    assert tables.settings == schema.SETTINGS
    assert tables.documents == schema.DOCUMENTS


def test_sheets_in_workbook_order_and_named_by_their_key() -> None:
    assert [s.key for s in schema.SHEETS][:2] == ["beranda", "permohonan"]
    assert [s.step for s in schema.STAGES] == list(range(1, 11))
    assert [s.key for s in schema.SHEETS][11:] == [
        "keberatan",
        "hari_libur",
        "referensi",
        "pengaturan",
        "log",
    ]
    for sheet in schema.SHEETS:
        assert getattr(schema, sheet.key.upper()) is sheet, "reorder the sheet names in schema.py"


def test_stage_sheets_are_built_from_the_groups() -> None:
    for sheet in schema.STAGES:
        if sheet.key != "register_dik":  # the DIK archive has no request context or stage status
            assert sheet.columns[-len(schema.stage_status()) :] == schema.stage_status()
        if sheet.step and sheet.step > 1 and sheet.key != "register_dik":
            assert sheet.columns[:5] == schema.carried()
    assert schema.carried()[0] == schema.REG == schema.PERMOHONAN.columns[0]
    assert [c.key for c in schema.document_columns("ba", "Berita Acara")] == [
        "nomor_ba",
        "tanggal_ba",
        "berkas_ba",
    ]
    assert (
        schema.document_columns("ba", "Berita Acara")[0].help
        == "Nomor Berita Acara (diisi sistem saat dokumen dibuat)."
    )


def test_column_references_resolve() -> None:
    for sheet in schema.TABLE_SHEETS:
        keys = sheet.keys
        assert len(set(keys)) == len(keys), sheet.key  # the reader maps a key to one column
        for col in sheet.columns:
            assert col.when is None or col.when.key in keys, (sheet.key, col.key)
            assert col.type is not T.CHOICE or col.choices or col.by is schema.By.SYSTEM, (sheet.key, col.key)
    for doc in schema.DOCUMENTS:
        keys = schema.SHEET_BY_KEY[doc.sheet].keys
        assert {f"nomor_{doc.prefix}", f"tanggal_{doc.prefix}", f"berkas_{doc.prefix}"} <= set(keys), doc.key
        assert doc.pattern in schema.SETTING_BY_KEY, doc.key
    assert schema.PERMOHONAN.column("nik").when == schema.IDENTITY_NIK


def test_the_file_header_spells_every_enum_value() -> None:
    header = TEXT.split("[[group.", 1)[0]
    for enum in (schema.T, schema.Need, schema.By, schema.Kind, schema.Operation):
        entry = re.split(r"\n#(?! {5})", header.split(f" {enum.__name__}: ", 1)[1])[0]  # with continuations
        assert {m.name.lower() for m in enum} <= set(re.findall(r"[a-z]+", entry)), enum


def test_the_schema_names_no_columns_outside_the_file() -> None:
    source = resources.files("automation").joinpath("schema.py").read_text(encoding="utf-8")
    assert "Column(" not in source.replace("class Column(", "")


BASE = """
[[group.status]]
key = "catatan"
header = "Catatan"
type = "longtext"
width = 40
by = "system"
help = "Alasan."

[[group.document]]
key = "nomor_{prefix}"
header = "Nomor {title}"
type = "text"
width = 30
by = "system"
help = "Nomor {title}."

[[sheet]]
key = "uji"
name = "1 Uji"
kind = "stage"
step = 1
title = "Tahap Uji"
actions = ["validate", "advance"]
action = "advance"

[[sheet.column]]
key = "tanggal"
header = "Tanggal"
type = "date"
need = "entry"
when = { key = "jenis", values = ["Ya"] }
width = 14
help = "Tanggal."

[[sheet.column]]
include = "document"
prefix = "ba"
title = "Berita Acara"

[[sheet.column]]
include = "status"

[[setting]]
key = "kota"
label = "Kota"
default = "Pontianak"
help = "Tempat."

[[document]]
key = "ba"
title = "Berita Acara"
template = "ba.docx"
sheet = "uji"
prefix = "ba"
pattern = "pola_ba"
required = ["tanggal"]
"""


def test_a_small_schema_file_parses() -> None:
    tables = parse_schema(BASE)
    (sheet,) = tables.sheets
    assert sheet.keys == ("tanggal", "nomor_ba", "catatan")
    assert sheet.column("nomor_ba").header == "Nomor Berita Acara"
    assert sheet.column("tanggal").need is schema.Need.ENTRY
    assert sheet.column("tanggal").when == schema.When("jenis", ("Ya",))
    assert sheet.column("catatan").by is schema.By.SYSTEM
    assert sheet.actions == (schema.Operation.VALIDATE, schema.Operation.ADVANCE)
    assert tables.settings == (schema.Setting("kota", "Kota", "Pontianak", "Tempat."),)
    assert tables.documents[0].required == ("tanggal",)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'width = 14\nhelp = "Tanggal."',
            'widht = 14\nhelp = "Tanggal."',
            "sheet 'uji', column 'tanggal': unknown key 'widht'",
        ),
        (
            'type = "date"',
            'type = "datum"',
            "column 'tanggal', type: unknown value 'datum'; one of: text, longtext",
        ),
        (
            'need = "entry"',
            'need = "always"',
            "need: unknown value 'always'; one of: optional, entry, complete",
        ),
        (
            'by = "system"\nhelp = "Alasan."',
            'by = "robot"\nhelp = "Alasan."',
            "by: unknown value 'robot'; one of: staff, system",
        ),
        ('kind = "stage"', 'kind = "tahap"', "kind: unknown value 'tahap'"),
        ('action = "advance"', 'action = "report"', "action 'report' is not one of its actions"),
        (
            'actions = ["validate", "advance"]',
            'actions = ["validate", "move"]',
            "actions: unknown value 'move'",
        ),
        ("width = 14", 'width = "14"', "column 'tanggal', width: expected int, got '14'"),
        ('header = "Tanggal"\n', "", "column 'tanggal': missing key 'header'"),
        (
            'include = "status"',
            'include = "stage_status"',
            "unknown group 'stage_status'; known: status, document",
        ),
        ('prefix = "ba"\n', "", "cannot fill 'nomor_{prefix}'"),
        ('key = "tanggal"', 'key = "Tanggal"', "column key 'Tanggal' is not lower_case_with_underscores"),
        ('key = "tanggal"', 'key = "nomor_ba"', "and 'Nomor Berita Acara' share the key 'nomor_ba'"),
        ('values = ["Ya"]', 'values = "Ya"', "when, values: expected a list"),
        ('default = "Pontianak"', "default = 1.5", "setting 1, default: expected str, got 1.5"),
        ('pattern = "pola_ba"', 'pattern = "pola_ba"\nfile = "x"', "document 1: unknown key 'file'"),
        ("[[setting]]", "[[settings]]", "schema.toml: unknown key 'settings'"),
        ('title = "Tahap Uji"', 'title = "Tahap Uji', "schema.toml: not TOML"),
    ],
)
def test_a_broken_schema_file_names_the_mistake(old: str, new: str, message: str) -> None:
    assert old in BASE
    with pytest.raises(SchemaFileError) as err:
        parse_schema(BASE.replace(old, new, 1))
    assert message in str(err.value)
