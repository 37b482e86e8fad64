"""``ppid impor-dik``: a published DIK table (.xlsx, .docx) with sub-numbered rows becomes Register DIK
entries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from _dik_files import write_docx, write_xlsx
from click.testing import CliRunner

from automation.cli import main
from automation.dik.importer import number_of, split_basis
from automation.dik.periods import map_period
from automation.excel.reader import read_register

OFFICE = "Dinas Komunikasi dan Informatika"


def run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 tahun", ("Tahun", "5")),
        ("Selama 5 (lima) tahun", ("Tahun", "5")),
        ("tiga puluh tahun", ("Tahun", "30")),
        ("sampai 31 Desember 2027", ("Tanggal", "31/12/2027")),
        ("s.d. 30/06/2028", ("Tanggal", "30/06/2028")),
        ("Selama proses penyidikan berlangsung", ("Peristiwa", "Selama proses penyidikan berlangsung")),
        ("sampai ada persetujuan tertulis", ("Peristiwa", "sampai ada persetujuan tertulis")),
        ("Tidak terbatas", ("Tidak terbatas", None)),
        ("selamanya", ("Tidak terbatas", "selamanya")),
        ("", (None, None)),
    ],
)
def test_textual_periods_are_mapped(text: str, expected: tuple[str | None, str | None]) -> None:
    assert map_period(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pasal 17 huruf h angka 3 UU 14/2008", ("17h3", "")),
        ("Pasal 17 huruf j UU KIP jo. Pasal 79 UU 24/2013", ("17j", "Pasal 79 UU 24/2013")),
        ("17h3, 17j", ("17h3, 17j", "")),
        ("Pasal 17 huruf k", ("17k", "")),
        ("rahasia negara", ("rahasia negara", "")),
    ],
)
def test_legal_basis_splits_into_pasal17_codes_and_other_law(text: str, expected: tuple[str, str]) -> None:
    assert split_basis(text) == expected


@pytest.mark.parametrize(
    ("raw", "parent", "expected"),
    [
        ("1", "", ("1", False)),
        ("a.", "1", ("1.a", True)),
        ("1.b", "1", ("1.b", True)),
        ("b)", "2", ("2.b", True)),
    ],
)
def test_sub_numbers_are_kept(raw: str, parent: str, expected: tuple[str, bool]) -> None:
    assert number_of(raw, parent) == expected


@pytest.mark.parametrize("writer", [write_xlsx, write_docx], ids=["xlsx", "docx"])
def test_import_of_a_sub_numbered_table(register: Path, tmp_path: Path, writer: object) -> None:
    source = writer(tmp_path / f"dik_lama.{'xlsx' if writer is write_xlsx else 'docx'}")  # type: ignore[operator]
    code, out = run(
        "impor-dik", register, source, "--perangkat-daerah", OFFICE, "--tanggal-mulai", "02/01/2026"
    )
    assert code == 1, out  # row 4 cites a Pasal 17 letter that does not exist
    assert "1.a -> DIK-2026-001" in out and "1.b -> DIK-2026-002" in out and "5 -> DIK-2026-006" in out
    entries = read_register(register).records("register_dik")
    assert [e.get("no_dik") for e in entries] == [f"DIK-2026-00{i}" for i in range(1, 7)]
    gaji, asesmen, hps, sidik, wrong, sandi = (e.values for e in entries)
    assert gaji["informasi"] == "Informasi kepegawaian: Data gaji dan tunjangan pegawai"
    assert gaji["nomor_ba"].endswith(", no. 1.a")
    assert (gaji["pasal17"], gaji["jenis_jangka_waktu"], gaji["jangka_waktu"]) == ("17h3", "Tahun", "5")
    assert gaji["berlaku_sampai"] == dt.date(2031, 1, 2) and gaji["status_dik"] == "Berlaku"
    assert (gaji["konsekuensi"], gaji["kepentingan_publik"]) == (
        "Mengungkap kondisi keuangan pribadi pegawai",
        "Melindungi data pribadi pegawai",
    )
    assert asesmen["jenis_jangka_waktu"] == "Tidak terbatas" and asesmen["berlaku_sampai"] is None
    assert asesmen["tinjau_berikutnya"] == dt.date(2027, 1, 2)  # yearly review of an unlimited entry
    assert gaji["tinjau_berikutnya"] is None
    assert hps["berlaku_sampai"] == dt.date(2027, 12, 31)
    assert sidik["jenis_jangka_waktu"] == "Peristiwa"
    assert wrong["pasal17"] == "17k"
    assert sandi["pasal17"] == "17c6" and sandi["jenis_jangka_waktu"] == "Tidak terbatas"
    log = [r.get("keterangan") for r in read_register(register).records("log")]
    assert "Nomor DIK: DIK-2026-006" in log


def test_dry_run_shows_findings_and_writes_nothing(register: Path, tmp_path: Path) -> None:
    before = register.read_bytes()
    code, out = run(
        "impor-dik", register, write_xlsx(tmp_path / "dik.xlsx"), "--coba", "--perangkat-daerah", OFFICE
    )
    assert code == 1
    assert "6 entri DIK dari dik.xlsx (lembar 'DIK 2025') akan ditambahkan" in out
    assert "Dasar '17k' tidak dikenal" in out  # wrong Pasal 17 letter
    assert "tidak boleh untuk dasar 17c6" in out  # Pasal 20: a-f need an end or an event
    assert register.read_bytes() == before


def test_a_file_without_a_dik_table_is_refused_in_one_line(register: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Nama", "Alamat"])
    book.save(tmp_path / "lain.xlsx")
    code, out = run("impor-dik", register, tmp_path / "lain.xlsx")
    assert code == 2 and out.strip().startswith("Gagal:") and len(out.strip().splitlines()) == 1
