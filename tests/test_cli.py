"""The ``ppid`` command line: one Indonesian line per failure, documented exit codes, no tracebacks."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from automation import operations
from automation.changes import Changes
from automation.cli import main
from automation.excel.reader import read_register
from automation.letters.pdf import find_soffice

ROOT = Path(__file__).resolve().parents[1]


def run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def add_request(path: Path, **values: object) -> None:
    row = {
        "waktu_diterima": dt.datetime(2026, 11, 2, 9, 0),
        "saluran": "Surel",
        "kategori_pemohon": "Perorangan",
        "nama_pemohon": "Dewi Anggraini",
        "jenis_identitas": "KTP",
        "nik": "6171015203900002",
        "alamat": "Jl. Diponegoro No. 3, Singkawang",
        "email": "dewi@contoh.id",
        "rincian_informasi": "RKPD 2027",
        "tujuan": "Diskusi publik",
        "cara_memperoleh": "Mendapatkan salinan (softcopy)",
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


@pytest.mark.parametrize("content", [None, b"", b"bukan excel", b"PK\x03\x04terpotong"])
def test_unusable_files_exit_2_with_one_line(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "register_ppid.xlsm"
    if content is not None:
        path.write_bytes(content)
    for command in ("validate", "advance", "documents"):
        code, out = run(command, path)
        assert code == 2, (command, out)
        assert out.strip().startswith("Gagal:") and len(out.strip().splitlines()) == 1
        assert "Error" not in out  # the cause in Indonesian, never a library's class name


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
    assert code == 3 and "tidak ditulis" in out  # findings shown, notes refused: docs/cli.md says 3


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


# ---------------------------------------------------------------- Windows consoles
def ppid_process(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """``python -m automation`` with stdout/stderr redirected to pipes (a file, a .bat log)."""
    return subprocess.run(
        [sys.executable, "-m", "automation", *map(str, args)],
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=240,
    )


def test_a_cp1252_console_with_redirected_output_still_exits_0(register: Path) -> None:
    add_request(register)
    cp1252 = {"PYTHONIOENCODING": "cp1252"}
    done = ppid_process("advance", register, env=cp1252)
    out = done.stdout.decode("cp1252")
    assert done.returncode == 0, done.stderr.decode("cp1252")
    assert "->" in out and "Kesalahan internal" not in out  # "→" written as its ASCII stand-in
    reg_no = read_register(register).records("permohonan")[0].text("no_registrasi")
    status = ppid_process("status", register, reg_no, env=cp1252)
    assert status.returncode == 0 and reg_no in status.stdout.decode("cp1252")
    bad = ppid_process("validat", register, env=cp1252)  # the Indonesian frame survives too
    assert bad.returncode == 2 and bad.stderr.decode("cp1252").startswith("Gagal: Perintah 'validat'")


def test_the_ascii_stand_in_covers_arrows_dashes_and_accents() -> None:
    text = "Permohonan → Uji — Catatan é"
    assert text.encode("cp1252", errors="ppid-ascii").decode("cp1252") == "Permohonan -> Uji — Catatan é"
    assert text.encode("ascii", errors="ppid-ascii").decode() == "Permohonan -> Uji - Catatan e"


# ---------------------------------------------------------------- the Indonesian click frame
ENGLISH = re.compile(
    r"Usage|Options|Commands|Show this|Show the|Error|Missing|No such|Try '|Got unexpected|is not a valid|"
    r"requires an|does not|Did you mean|Invalid value|\[OPTIONS\]|COMMAND|Aborted|version \d"
)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), prog_name="ppid")
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_help_is_indonesian(name: str) -> None:
    for flag in ("--help", "-h"):
        code, out, _ = invoke(name, flag)
        assert code == 0 and out.startswith(f"Penggunaan: ppid {name} [OPSI]")
        assert "Tampilkan bantuan ini lalu keluar." in out
        assert not ENGLISH.search(out), out


def test_the_group_help_and_version_are_indonesian() -> None:
    for args in (["--help"], ["-h"], [], ["--version"]):
        _, out, _ = invoke(*args)
        assert not ENGLISH.search(out), (args, out)
    assert invoke()[1].startswith("Penggunaan: ppid [OPSI] PERINTAH")


def usage_errors() -> list[tuple[str, ...]]:
    """For every command: a missing argument, an unknown option, an extra argument, an option without its
    value."""
    cases: list[tuple[str, ...]] = [("validat",), ("--tidak-ada",)]
    for name, command in sorted(main.commands.items()):
        arguments = [p for p in command.params if isinstance(p, click.Argument)]
        filled = ["x"] * len(arguments)
        if any(a.required for a in arguments):
            cases.append((name,))
        cases.append((name, *filled, "--tidak-ada"))
        cases.append((name, *filled, "berlebih", "lagi", "juga"))
        for option in command.params:
            if isinstance(option, click.Option) and not option.is_flag and option.opts[0].startswith("--"):
                cases.append((name, *filled, option.opts[0]))
                if option.type is click.INT:
                    cases.append((name, *filled, option.opts[0], "dua"))
    return cases


@pytest.mark.parametrize("args", usage_errors(), ids=" ".join)
def test_every_usage_error_is_one_indonesian_line_with_a_hint(args: tuple[str, ...]) -> None:
    code, out, err = invoke(*args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("Gagal: ") and err.rstrip().endswith("--help"), err
    assert not ENGLISH.search(err), err


# ---------------------------------------------------------------- exit codes as docs/cli.md says
def owner_file(path: Path) -> None:
    path.with_name("~$" + path.name).write_bytes(b"\x05staf ppid" + bytes(100))


def unusable(path: Path) -> None:
    path.write_bytes(b"bukan excel")


def with_request(path: Path) -> None:
    add_request(path)


def with_finding(path: Path) -> None:
    add_request(path, email="dewi@contoh")


def with_request_in_excel(path: Path) -> None:
    add_request(path)
    owner_file(path)


def with_finding_in_excel(path: Path) -> None:
    add_request(path, email="dewi@contoh")
    owner_file(path)


def with_figures_in_excel(path: Path) -> None:
    add_request(path)
    owner_file(path)


REPORT = ("report", "--month", "2026-11")
EXIT_TABLE = [
    # (command and options, situation, expected exit code)
    (("validate",), with_request, 0),
    (("validate",), with_finding, 1),
    (("validate",), unusable, 2),
    (("validate",), with_finding_in_excel, 3),
    (("validate", "--no-write"), with_finding_in_excel, 1),  # nothing to write: nothing refused
    (("advance",), with_request, 0),
    (("advance",), unusable, 2),
    (("advance",), with_request_in_excel, 3),
    (("documents",), with_request, 0),
    (("documents",), unusable, 2),
    (("documents",), with_request_in_excel, 3),
    (REPORT, with_request, 0),
    (REPORT, unusable, 2),
    ((*REPORT, "--beranda"), with_figures_in_excel, 3),
    ((*REPORT, "--year", "2026"), with_request, 2),
    (("status",), unusable, 2),
]


@pytest.mark.parametrize(
    ("command", "situation", "expected"),
    EXIT_TABLE,
    ids=[f"{' '.join(c)}-{s.__name__}" for c, s, _ in EXIT_TABLE],
)
def test_exit_codes(register: Path, command: tuple[str, ...], situation: Any, expected: int) -> None:
    situation(register)
    before = register.read_bytes()
    args = [command[0], str(register), *command[1:]]
    if command[0] == "status":
        args.append("PPID-KOMINFO/2026/11/0001")
    code, out, err = invoke(*args)
    assert code == expected, out + err
    assert "Traceback" not in out + err
    if expected in (2, 3):
        assert register.read_bytes() == before and err.startswith("Gagal:") or "Perhatian:" in err, err


@pytest.mark.parametrize("command", ["advance", "validate"])
def test_a_full_disk_exits_3_and_leaves_the_register(register: Path, command: str) -> None:
    from test_faults import simulated_no_space

    with_finding(register)
    before = register.read_bytes()
    with simulated_no_space(register.parent):
        code, out, err = invoke(command, str(register))
    assert code == 3, out + err
    assert register.read_bytes() == before


def test_a_failed_pdf_conversion_exits_1_and_names_the_file(register: Path, cold_libreoffice: Path) -> None:
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    add_request(register)
    assert invoke("advance", str(register))[0] == 0
    assert invoke("documents", str(register))[0] == 0
    letter = next((register.parent / "output").rglob("*.docx"))
    letter.write_bytes(letter.read_bytes()[:500])  # made earlier, still without a PDF, now truncated
    code, out, err = invoke("documents", str(register), "--pdf")
    assert code == 1, out + err
    assert "tidak dapat dikonversi ke PDF" in out and letter.name in out
    assert "tidak dapat membuka berkas" in out  # the reason, per file


def test_a_failed_report_pdf_exits_1(register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "bin"  # a LibreOffice that starts and converts nothing
    fake.mkdir()
    (fake / "soffice").write_text("#!/bin/sh\nexit 1\n")
    (fake / "soffice").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    add_request(register)
    code, out, err = invoke(*REPORT[:1], str(register), *REPORT[1:], "--pdf")
    assert code == 1 and "PDF" in err, out + err


def test_a_report_without_pdf_removes_the_stale_pdf(register: Path) -> None:
    add_request(register)
    assert invoke(*REPORT[:1], str(register), *REPORT[1:])[0] == 0
    docx = next((register.parent / "output" / "laporan").glob("*.docx"))
    stale = docx.with_suffix(".pdf")
    stale.write_bytes(b"%PDF-lama")
    assert invoke(*REPORT[:1], str(register), *REPORT[1:])[0] == 0
    assert not stale.exists()


@pytest.mark.parametrize("command", ["advance", "documents", "validate"])
def test_a_missing_register_leaves_no_lock_file(tmp_path: Path, command: str) -> None:
    path = tmp_path / "register_ppid.xlsm"
    code, _, err = invoke(command, str(path))
    assert code == 2 and err.startswith("Gagal:")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# ---------------------------------------------------------------- progress
def test_progress_is_quiet_when_stdout_is_not_a_terminal(register: Path) -> None:
    add_request(register)
    code, out, err = invoke("advance", str(register))
    assert code == 0 and "Membaca lembar" not in out + err and "Menyimpan" not in out + err


def test_the_bar_shows_a_known_count_and_fits_100_columns() -> None:
    from rich.console import Console

    from automation.cli_progress import progress_view

    screen = Console(file=io.StringIO(), force_terminal=True, width=100, color_system=None)
    with progress_view(screen, screen) as progress:
        progress(0, 0, "Menyimpan register")
        progress(120, 3000, "Membuat dokumen PPID-KOMINFO/2026/11/0001 dan seterusnya sampai selesai")
    frames = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.file.getvalue()).replace("\r", "\n")
    assert "120/3000" in frames and "?" not in frames
    assert all(len(line) <= 100 for line in frames.splitlines())


@pytest.mark.skipif(
    "faketime" in os.environ.get("LD_PRELOAD", ""),
    reason="libfaketime stalls timed waits of threads (the release timer never fires)",
)
def test_a_run_waiting_for_the_lock_says_so(register: Path) -> None:
    import threading

    import filelock

    from automation.excel.safety import lock_path

    add_request(register)
    held = filelock.FileLock(lock_path(register), thread_local=False)
    held.acquire()
    timer = threading.Timer(1.5, held.release)
    timer.daemon = True  # never keeps the test process alive
    timer.start()
    try:
        code, out, err = invoke("advance", str(register))
    finally:
        timer.cancel()
        held.release()
    assert code == 0, out + err
    assert "Menunggu register dilepas oleh proses lain" in err
