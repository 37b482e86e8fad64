"""The ``ppid`` command line: one Indonesian line per failure, documented exit codes, no tracebacks."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from automation import operations
from automation.changes import Changes
from automation.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def add_request(path: Path, **values: object) -> None:
    row = {
        "waktu_diterima": dt.datetime(2026, 11, 2, 9, 0), "saluran": "Surel", "kategori_pemohon": "Perorangan",
        "nama_pemohon": "Dewi Anggraini", "jenis_identitas": "KTP", "nik": "6171015203900002",
        "alamat": "Jl. Diponegoro No. 3, Singkawang", "email": "dewi@contoh.id", "rincian_informasi": "RKPD 2027",
        "tujuan": "Diskusi publik", "cara_memperoleh": "Mendapatkan salinan (softcopy)",
        "perangkat_daerah": "Badan Perencanaan Pembangunan Daerah",
    }
    row.update(values)
    operations.commit(path, lambda reg: (Changes(appends={"permohonan": [row]}), None))


def test_init_refuses_an_existing_file_without_force(register: Path) -> None:
    code, out = run("init", register)
    assert code == 2 and "--force" in out
    assert run("init", register, "--force")[0] == 0


def test_init_refuses_a_name_the_buttons_cannot_import(tmp_path: Path) -> None:
    code, out = run("init", tmp_path / "Register PPID 2026.xlsm")
    assert code == 2 and len(out.strip().splitlines()) == 1


@pytest.mark.parametrize("content", [None, b"", b"bukan excel"])
def test_unusable_files_exit_2_with_one_line(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "register_ppid.xlsm"
    if content is not None:
        path.write_bytes(content)
    for command in ("validate", "advance", "documents"):
        code, out = run(command, path)
        assert code == 2, (command, out)
        assert out.strip().startswith("Gagal:") and len(out.strip().splitlines()) == 1


def test_validate_clean_register_exits_0_without_writing(register: Path) -> None:
    add_request(register)
    before = register.stat().st_mtime_ns
    code, out = run("validate", register)
    assert code == 0 and "Tidak ada temuan" in out
    assert register.stat().st_mtime_ns == before  # nothing to change: no write at all


def test_validate_findings_exit_1_and_json_lists_locations(register: Path) -> None:
    add_request(register, nik="617101520390000", email="dewi@contoh")
    code, out = run("validate", register, "--json")
    assert code == 1
    findings = json.loads(out)
    assert {(f["sheet"], f["row"], f["code"]) for f in findings} >= {
        ("1 Permohonan", 7, "nik_bukan_16_digit"),
        ("1 Permohonan", 7, "surel_tidak_valid"),
    }
    assert all(set(f) >= {"sheet", "row", "column", "code", "message"} for f in findings)


def test_a_workbook_open_in_excel_is_not_written(register: Path) -> None:
    add_request(register)
    owner = register.with_name("~$" + register.name)
    owner.write_bytes(b"\x05staf ppid")
    before = register.read_bytes()
    code, out = run("advance", register)
    assert code == 3 and "Excel" in out
    assert register.read_bytes() == before


def test_validate_still_reports_while_excel_holds_the_file(register: Path) -> None:
    add_request(register, email="dewi@contoh")
    register.with_name("~$" + register.name).write_bytes(b"\x05staf")
    code, out = run("validate", register)
    assert code == 1 and "tidak ditulis" in out


def test_status_of_an_unknown_request_is_a_usage_error(register: Path) -> None:
    code, out = run("status", register, "PPID-KOMINFO/2026/11/9999")
    assert code == 2 and "tidak ditemukan" in out


def test_report_with_a_bad_month_is_a_usage_error(register: Path) -> None:
    code, out = run("report", register, "--month", "November")
    assert code == 2 and "TTTT-BB" in out


def test_every_command_is_documented() -> None:
    cli_doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"ppid {name}" in cli_doc, name
    for code in range(5):
        assert re.search(rf"^\| {code} \|", cli_doc, re.M), code
