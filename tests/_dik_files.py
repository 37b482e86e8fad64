"""Published-style DIK tables (.xlsx and .docx) built in tmp_path, with sub-numbered rows."""

from __future__ import annotations

from pathlib import Path

HEADER = [
    "No",
    "Jenis Informasi yang Dikecualikan",
    "Dasar Hukum",
    "Konsekuensi",
    "",
    "Jangka Waktu Pengecualian",
]
SUBHEADER = ["", "", "", "Jika Dibuka", "Jika Ditutup", ""]
ROWS = [
    ["1", "Informasi kepegawaian", "", "", "", ""],
    [
        "a.",
        "Data gaji dan tunjangan pegawai",
        "Pasal 17 huruf h angka 3 UU 14/2008",
        "Mengungkap kondisi keuangan pribadi pegawai",
        "Melindungi data pribadi pegawai",
        "5 (lima) tahun",
    ],
    [
        "b.",
        "Hasil asesmen kompetensi pejabat",
        "Pasal 17 huruf h angka 4 UU 14/2008",
        "Mengungkap evaluasi kemampuan seseorang",
        "Melindungi kehormatan pejabat",
        "Tidak terbatas",
    ],
    [
        "2",
        "Harga Perkiraan Sendiri (HPS) pengadaan jalan",
        "Pasal 17 huruf b UU KIP",
        "Persaingan usaha tidak sehat",
        "Menjaga persaingan yang sehat",
        "sampai 31 Desember 2027",
    ],
    [
        "3",
        "Berkas penyidikan pelanggaran Perda",
        "Pasal 17 huruf a angka 1",
        "Menghambat penyidikan",
        "Proses hukum berjalan",
        "Selama proses penyidikan berlangsung",
    ],
    [
        "4",
        "Rencana strategis pertahanan wilayah",
        "Pasal 17 huruf k",
        "Membahayakan pertahanan",
        "Keamanan wilayah",
        "Tidak terbatas",
    ],
    [
        "5",
        "Kunci sistem persandian daerah",
        "Pasal 17 huruf c angka 6",
        "Membahayakan keamanan komunikasi",
        "Komunikasi pemerintah aman",
        "Tidak terbatas",
    ],
]


def write_xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "DIK 2025"
    sheet.append(["DAFTAR INFORMASI YANG DIKECUALIKAN"])
    sheet.append(["PPID Dinas Komunikasi dan Informatika"])
    sheet.append([])
    sheet.append(HEADER)
    sheet.append(SUBHEADER)
    sheet.merge_cells("D4:E4")
    for row in ROWS:
        sheet.append(row)
    book.save(path)
    return path


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("DAFTAR INFORMASI YANG DIKECUALIKAN")
    table = document.add_table(rows=0, cols=len(HEADER))
    for values in (HEADER, SUBHEADER, *ROWS):
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    table.cell(0, 3).merge(table.cell(0, 4)).text = "Konsekuensi"
    document.save(str(path))
    return path
