"""``ppid dik``: the Penetapan DIK carries every entry in force, nothing expired, no personal data."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import docx
from click.testing import CliRunner
from openpyxl import load_workbook

from automation import operations
from automation.changes import Changes
from automation.cli import main

BASE = {
    "perangkat_daerah": "Dinas Komunikasi dan Informatika",
    "konsekuensi": "Mengganggu proses.",
    "kepentingan_publik": "Melindungi kepentingan yang lebih besar.",
    "tanggal_mulai": dt.date(2026, 1, 5),
    "status_dik": "Berlaku",
}
ENTRIES = [
    {
        **BASE,
        "no_dik": "DIK-2026-001",
        "informasi": "Daftar gaji dan tunjangan ASN",
        "pasal17": "17h3",
        "jenis_jangka_waktu": "Tahun",
        "jangka_waktu": "5",
        "berlaku_sampai": dt.date(2031, 1, 5),
    },
    {
        **BASE,
        "no_dik": "DIK-2026-002",
        "no_registrasi": "PPID-KOMINFO/2026/03/0007",
        "informasi": "Rekam medis Dewi Anggraini (NIK 6171015203900002, HP 0812-3456-7890, dewi@contoh.id)",
        "pasal17": "17h2",
        "jenis_jangka_waktu": "Tidak terbatas",
    },
    {
        **BASE,
        "no_dik": "DIK-2026-003",
        "informasi": "Berkas penyidikan pelanggaran Perda",
        "pasal17": "17a1",
        "jenis_jangka_waktu": "Peristiwa",
        "jangka_waktu": "Selama proses penyidikan berlangsung",
    },
    {
        **BASE,
        "no_dik": "DIK-2025-009",
        "informasi": "HPS pengadaan jalan 2025 yang sudah berakhir",
        "pasal17": "17b",
        "jenis_jangka_waktu": "Tanggal",
        "jangka_waktu": "30/06/2026",
        "berlaku_sampai": dt.date(2026, 6, 30),
    },
    {
        **BASE,
        "no_dik": "DIK-2025-010",
        "informasi": "Memo rapat yang perlu diuji ulang",
        "pasal17": "17i",
        "jenis_jangka_waktu": "Tidak terbatas",
        "status_dik": "Perlu uji ulang",
    },
    {
        **BASE,
        "no_dik": "DIK-2025-011",
        "informasi": "Kontrak yang sudah dibuka",
        "pasal17": "17b",
        "jenis_jangka_waktu": "Tahun",
        "jangka_waktu": "2",
        "status_dik": "Dibuka",
    },
    {
        **BASE,
        "no_dik": "DIK-2026-004",
        "informasi": "Rencana pertahanan dengan dasar keliru",
        "pasal17": "17k",
        "jenis_jangka_waktu": "Tidak terbatas",
    },
]
REQUEST = {
    "no_registrasi": "PPID-KOMINFO/2026/03/0007",
    "nama_pemohon": "Dewi Anggraini",
    "rincian_informasi": "Rekam medis",
}


def published(register: Path, *args: str) -> tuple[str, Path]:
    operations.commit(
        register, lambda reg: (Changes(appends={"register_dik": ENTRIES, "permohonan": [REQUEST]}), None)
    )
    result = CliRunner().invoke(main, ["dik", str(register), *args])
    assert result.exit_code == 0, result.output
    return result.output, register.parent / "output" / "dik"


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def assert_no_personal_data(text: str) -> None:
    assert not re.search(r"\d{16}", text)
    for personal in ("0812-3456-7890", "dewi@contoh.id", "Dewi", "Anggraini", "PPID-KOMINFO/2026/03/0007"):
        assert personal not in text, personal


def test_penetapan_holds_entries_in_force_only_and_no_personal_data(register: Path) -> None:
    out, folder = published(register)
    assert "Penetapan DIK: 3 informasi berlaku (3 entri lain tidak dimuat)." in out
    assert "Dasar Pasal 17 tidak sah" in out and "DIK-2026-004" in out
    text = docx_text(folder / "Penetapan_DIK_2026-11-20.docx")
    for present in (
        "Daftar gaji dan tunjangan ASN",
        "Rekam medis",
        "Berkas penyidikan pelanggaran Perda",
        "Pasal 17 huruf h angka 3",
        "5 (lima) tahun, sampai dengan 5 Januari 2031",
        "Selama proses penyidikan berlangsung",
        "Menimbang",
        "Mengingat",
        "Peraturan Pemerintah Nomor 61 Tahun 2010",
        "Peraturan Komisi Informasi Nomor 1 Tahun 2021",
        "MEMUTUSKAN",
        "3 (tiga) informasi",
    ):
        assert present.casefold() in text.casefold(), present
    for absent in ("sudah berakhir", "perlu diuji ulang", "sudah dibuka", "dasar keliru", "{{", "{%"):
        assert absent not in text, absent
    assert_no_personal_data(text)


def test_website_tables_match_the_annex(register: Path) -> None:
    _out, folder = published(register)
    with (folder / "DIK_2026-11-20.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:2] == ["No", "Informasi yang Dikecualikan"] and len(rows) == 4
    sheet = load_workbook(folder / "DIK_2026-11-20.xlsx").active
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert cells == rows
    flat = "\n".join(" ".join(r) for r in rows)
    assert "[disamarkan]" in flat
    assert_no_personal_data(flat)
