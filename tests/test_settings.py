"""Hostile Pengaturan values: parsed once, bounded, reported on their row, defaults used instead."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from _remote import edit
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from test_workflow_kit import intake_row

from automation import operations
from automation.changes import Changes
from automation.cli import main
from automation.excel.reader import read_register
from automation.schema import PENGATURAN, SETTING_BY_KEY, SETTINGS
from automation.settings import CODE, INT_BOUNDS, kind_of, parse_settings


def set_setting(path: Path, key: str, value: object) -> int:
    """Type ``value`` into the Nilai cell of ``key`` on Pengaturan (as text when it is a string)."""
    found: list[int] = []

    def mutate(wb: object) -> None:
        ws = wb[PENGATURAN.name]  # type: ignore[index]
        for row in ws.iter_rows():
            if any(c.value == key for c in row):
                heads = {
                    str(c.value).strip().casefold(): c.column
                    for r in ws.iter_rows(max_row=10)
                    for c in r
                    if c.value
                }
                cell = ws.cell(row[0].row, heads["nilai"])
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"
                found.append(row[0].row)

    edit(path, mutate)
    assert found, key
    return found[0]


def cli(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.output.split())


def test_every_setting_has_a_kind_and_every_bound_key_exists() -> None:
    assert {kind_of(s) for s in SETTINGS} <= {"int", "pattern", "text"}
    assert set(INT_BOUNDS) <= {s.key for s in SETTINGS if kind_of(s) == "int"}
    assert parse_settings({s.key: s.default for s in SETTINGS}).findings == ()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("jumlah_cadangan", "1e400"),
        ("jumlah_cadangan", -3),
        ("batas_hari_kerja", 10_000_000),
        ("pola_registrasi", "PPID/{tahun}/{seq:0100000000d}"),
        ("pola_dik", "DIK-{nomor}"),
    ],
)
def test_hostile_value_becomes_a_finding_on_its_row_and_the_default_is_used(key: str, value: object) -> None:
    checked = parse_settings({key: value}, {key: 12})
    assert checked.values[key] == SETTING_BY_KEY[key].default
    (finding,) = checked.findings
    assert (finding.sheet, finding.row, finding.code, finding.key) == (PENGATURAN.name, 12, CODE, key)
    assert SETTING_BY_KEY[key].label in finding.message


@settings(max_examples=200 if os.environ.get("PPID_LONG_TESTS") == "1" else 40, deadline=None)
@given(
    st.sampled_from([s.key for s in SETTINGS]),
    st.one_of(st.integers(), st.floats(allow_nan=True), st.text(max_size=300), st.booleans(), st.none()),
)
def test_any_value_is_checked_quickly_and_never_raises(key: str, value: object) -> None:
    start = time.perf_counter()
    checked = parse_settings({key: value})
    assert time.perf_counter() - start < 0.5
    if kind_of(SETTING_BY_KEY[key]) == "int":
        low, high = INT_BOUNDS.get(key, (0, 10_000))
        assert low <= checked.values[key] <= high


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("jumlah_cadangan", "1e400"),
        ("batas_hari_kerja", 10_000_000),
        ("pola_registrasi", "PPID/{tahun}/{seq:0100000000d}"),
    ],
)
def test_advance_with_a_hostile_setting_warns_and_uses_the_default(
    register: Path, key: str, value: object
) -> None:
    operations.commit(register, lambda reg: (Changes(appends={"permohonan": [intake_row()]}), None))
    row = set_setting(register, key, value)
    start = time.perf_counter()
    code, out = cli("advance", register)
    assert time.perf_counter() - start < 60
    assert code == 0, out
    assert SETTING_BY_KEY[key].label in out and "nilai bawaan" in out
    reg = read_register(register)
    assert reg.records("koordinasi"), "the request moved on with the default"
    assert [f.row for f in reg.setting_findings] == [row]
    code, out = cli("validate", register, "--no-write", "--json")
    assert CODE in out


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_report_into_a_read_only_output_folder_is_exit_3(register: Path) -> None:
    out = register.parent / "output"
    out.mkdir()
    out.chmod(0o555)
    try:
        code, text = cli("report", register, "--month", "2026-11")
    finally:
        out.chmod(0o755)
    assert code == 3 and "output" in text, text


def test_report_when_output_is_not_a_folder_is_exit_3(register: Path) -> None:
    (register.parent / "output").write_text("bukan folder")
    code, text = cli("report", register, "--month", "2026-11")
    assert code == 3 and "output" in text and "laporan" in text, text


def test_validate_writes_its_notes_with_a_hostile_setting(register: Path) -> None:
    operations.commit(
        register, lambda reg: (Changes(appends={"permohonan": [intake_row(nama_pemohon=None)]}), None)
    )
    set_setting(register, "jumlah_cadangan", "1e400")
    code, out = cli("validate", register)
    assert code == 1 and "'1e400'" in out and "Catatan Validasi di register diperbarui" in out, out


# ---------------------------------------------------------------- one typed Settings, read everywhere
_RAW_READERS = {"settings.py", "register.py", "excel/reader.py"}  # the parser, the holder, the reader


def _raw_setting_reads(path: Path) -> list[str]:
    """``x.settings.get(...)`` / ``x.settings[...]`` in one module: Pengaturan read by raw key."""
    import ast

    hits = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        target = node.value if isinstance(node, ast.Subscript | ast.Attribute) else None
        if isinstance(node, ast.Attribute) and node.attr != "get":
            continue
        if isinstance(target, ast.Attribute) and target.attr == "settings":
            hits.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:60]}")
    return hits


def test_only_the_settings_module_reads_pengaturan_by_raw_key() -> None:
    package = Path(parse_settings.__code__.co_filename).parent
    modules = [p for p in package.rglob("*.py") if p.relative_to(package).as_posix() not in _RAW_READERS]
    hits = [hit for path in modules for hit in _raw_setting_reads(path)]
    assert hits == [], "read Pengaturan through reg.config (automation.settings.Settings), not reg.settings"


def test_typed_views_of_the_settings() -> None:
    config = parse_settings(
        {
            "batas_hari_kerja": "12",
            "perpanjangan_hari_kerja": 0,
            "hari_ke_1": "ya",
            "jam_tutup": "15.30",
            "jam_buka": "pagi",
            "tahun_paling_awal": "'2024",
        }
    )
    assert config.days == (12, 0, 2, 30)  # answer, extension, near, objection
    assert config.earliest_year == 2024
    notes: list[str] = []
    assert config.flag("hari_ke_1", notes) is True
    assert config.clock("jam_tutup", notes).strftime("%H:%M") == "15:30"
    assert config.clock("jam_buka", notes).strftime("%H:%M") == "07:30"  # the default, with a note
    assert len(notes) == 1 and "pagi" in notes[0]
    assert config.pattern("pola_dik") == SETTING_BY_KEY["pola_dik"].default
