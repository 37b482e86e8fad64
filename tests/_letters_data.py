"""Registers with rows for every letter, and helpers to read generated letters (letters tests)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import docx
from _factories import make_register

from automation.changes import Changes
from automation.register import Record, Register

REG1 = "PPID-KOMINFO/2026/11/0001"  # rejected after a consequence test, with an extension
REG2 = "PPID-KOMINFO/2026/11/0002"  # granted in part
REG3 = "PPID-KOMINFO/2026/11/0003"  # not held by this office


def request(no: str, name: str, received: Any, **extra: Any) -> dict[str, Any]:
    return {
        "no_registrasi": no,
        "waktu_diterima": received,
        "saluran": "Datang langsung",
        "kategori_pemohon": "Perorangan",
        "nama_pemohon": name,
        "jenis_identitas": "KTP",
        "nik": "6171010101010001",
        "alamat": "Jl. Gajah Mada No. 1, Pontianak",
        "pekerjaan": "Wiraswasta",
        "telepon": "081234567890",
        "email": "pemohon@contoh.id",
        "rincian_informasi": f"Daftar gaji pegawai ({no})",
        "tujuan": "Penelitian",
        "cara_memperoleh": "Mendapatkan salinan (softcopy)",
        "cara_salinan": "Surel",
        "perangkat_daerah": "Badan Kepegawaian Daerah",
        **extra,
    }


def carried(no: str, name: str) -> dict[str, Any]:
    return {
        "no_registrasi": no,
        "nama_pemohon": name,
        "rincian_informasi": f"Daftar gaji pegawai ({no})",
        "perangkat_daerah": "Badan Kepegawaian Daerah",
    }


def demo_rows() -> dict[str, list[dict[str, Any]]]:
    c1, c2, c3 = carried(REG1, "Budi Santoso"), carried(REG2, "Siti Aminah"), carried(REG3, "Yohanes")
    done = {"status_tahap": "Selesai", "tanggal_selesai": date(2026, 11, 24)}
    return {
        "permohonan": [
            request(
                REG1,
                "Budi Santoso",
                datetime(2026, 11, 24, 9, 15),
                diperpanjang="Ya",
                alasan_perpanjangan="Informasi masih dalam proses uji konsekuensi.",
                tanggal_perpanjangan=date(2026, 11, 26),
            ),
            request(REG2, "Siti Aminah", "25/11/2026 10:00"),
            request(REG3, "Yohanes", 46352.5),  # Excel serial: 26/11/2026 12:00
        ],
        "klasifikasi": [
            {
                **c1,
                "informasi_diuji": "Rincian gaji per pegawai",
                "dikecualikan": "YA",
                "pasal17": "17h3",
                "konsekuensi": "Mengungkap kondisi keuangan pribadi pegawai.",
                "kepentingan_publik": "Perlindungan data pribadi.",
                "jenis_jangka_waktu": "Tahun",
                "jangka_waktu": 5.0,
                **done,
            },
            {
                **c1,
                "informasi_diuji": "Nomor rekening pegawai",
                "dikecualikan": "SEBAGIAN",
                "pasal17": "17h3, 17j",
                "uu_lain": "UU 27/2022 tentang Pelindungan Data Pribadi",
                "konsekuensi": "Rekening dapat disalahgunakan.",
                "kepentingan_publik": "Keamanan keuangan pegawai.",
                "jenis_jangka_waktu": "Tidak terbatas",
                "bagian_dikecualikan": "Nomor rekening",
                **done,
            },
            {**c1, "informasi_diuji": "Jumlah pegawai", "dikecualikan": "TIDAK", **done},
        ],
        "berita_acara": [
            {
                **c1,
                "tanggal_uji": date(2026, 11, 24),
                "tempat_uji": "Ruang Rapat Diskominfo",
                "anggota_hadir": "Drs. Agus Salim (Ketua); Maria Goreti, S.H. (Anggota)\nYohanes Edi, S.Sos.",
            },
        ],
        "keputusan": [
            {
                **c1,
                "jenis_keputusan": "Ditolak",
                "pasal17": "17h3",
                "konsekuensi": "Mengungkap kondisi keuangan pribadi pegawai.",
                "tanggal_keputusan": "01/12/2026",
                "tanggal_penyampaian": "01/12/2026",
            },
            {
                **c2,
                "jenis_keputusan": "Diberikan sebagian",
                "pasal17": "17h3",
                "konsekuensi": "Data pribadi terbuka.",
                "bagian_dikecualikan": "Nomor rekening pegawai",
                "bentuk_informasi": "Softcopy",
                "cara_penyampaian": "Surel",
                "biaya": "Rp 15.000",
                "waktu_penyediaan": 3.0,
                "tanggal_keputusan": date(2026, 12, 2),
                "tanggal_penyampaian": date(2026, 12, 2),
            },
            {
                **c3,
                "jenis_keputusan": "Tidak dikuasai",
                "badan_publik_lain": "Badan Kepegawaian Daerah",
                "tanggal_keputusan": date(2026, 12, 3),
                "tanggal_penyampaian": date(2026, 12, 3),
            },
        ],
        "tanda_terima": [
            {
                **c1,
                "jenis_keputusan": "Ditolak",
                "tanggal_diterima": date(2026, 12, 2),
                "nama_penerima": "Budi Santoso",
                "cara_diterima": "Surel",
            },
        ],
    }


def demo_register(
    tmp_path: Path,
    rows: dict[str, list[dict[str, Any]]] | None = None,
    settings: dict[str, Any] | None = None,
) -> Register:
    reg = make_register(demo_rows() if rows is None else rows, settings)
    reg.path = tmp_path / "register.xlsm"
    return reg


def apply(reg: Register, changes: Changes) -> None:
    """What the Excel writer does with the changes, on the in-memory register."""
    for (sheet, row), values in changes.cells.items():
        record = next(r for r in reg.sheets[sheet].records if r.row == row)
        record.values.update(values)
    log = reg.sheets["log"].records
    for entry in changes.log:
        log.append(Record(7 + len(log), dict(entry)))


def text_of(path: Path) -> str:
    """All text of a .docx: body paragraphs and table cells (nested too), in document order."""
    document = docx.Document(str(path))
    body = document.element.body
    parts = []
    for p in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
        parts.append(docx.text.paragraph.Paragraph(p, document).text)
    return "\n".join(parts)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)
