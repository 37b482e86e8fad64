"""The catalogue of finding codes: level, meaning and Indonesian message template of each.

Rules build messages only through :func:`message`, so ``docs/validation.md`` (rendered by
:func:`render_catalogue`) shows exactly what staff will read.  Codes are stable: reports, JSON
output and tests refer to them; never rename one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import values

GALAT = "galat"
PERINGATAN = "peringatan"


@dataclass(frozen=True)
class Code:
    code: str
    level: str
    family: str
    title: str  # what the finding means (Indonesian)
    template: str  # message; {fields} are filled by the rule
    example: dict[str, str] = field(default_factory=dict)


def _parsed(text: str) -> str:
    assert text, "example value must fail to parse"
    return text


_C = Code
# fmt: off
CODES_LIST: tuple[Code, ...] = (
    # ---- structure
    _C("lembar_hilang", GALAT, "Struktur", "Lembar register tidak ditemukan.",
       "Lembar '{lembar}' tidak ditemukan. Jangan mengganti nama atau menghapus lembar; pulihkan dari cadangan register.",
       {"lembar": "3 Kajian"}),
    _C("kolom_hilang", GALAT, "Struktur", "Kolom yang diharapkan tidak ada di baris judul (baris 6).",
       "Kolom '{kolom}' tidak ditemukan di baris judul.{saran} Kembalikan judul kolom menjadi '{kolom}' agar isinya dapat diperiksa.",
       {"kolom": "NIK", "saran": " Mungkin 'No. NIK'?"}),
    _C("sel_digabung", GALAT, "Struktur", "Sel digabung (merge) di area tabel membuat baris tidak terbaca.",
       "Sel {rentang} digabung. Pisahkan kembali (Beranda > Gabungkan & Tengahkan > Pisahkan Sel) dan isi setiap baris sendiri-sendiri.",
       {"rentang": "B7:B9"}),
    _C("sel_galat", GALAT, "Struktur", "Sel berisi nilai galat Excel (#N/A, #DIV/0!, ...).",
       "Kolom '{kolom}' berisi galat {nilai}, bukan isian. Ganti dengan isian yang benar; jangan memakai rumus di kolom isian.",
       {"kolom": "Tanggal Kajian", "nilai": "#N/A"}),
    # ---- required columns
    _C("wajib_diisi", GALAT, "Kelengkapan", "Kolom wajib masih kosong.",
       "Kolom '{kolom}' wajib diisi{syarat}; lengkapi isiannya.",
       {"kolom": "Alamat", "syarat": ""}),
    _C("badan_hukum_tanpa_dokumen", GALAT, "Identitas", "Pemohon badan hukum tanpa nomor pengesahan badan hukum.",
       "Pemohon Badan Hukum wajib menyertakan nomor SK pengesahan badan hukum dari Kementerian Hukum; isi kolom '{kolom}'.",
       {"kolom": "Nomor Pengesahan Badan Hukum"}),
    _C("kelompok_tanpa_surat_kuasa", GALAT, "Identitas", "Pemohon kelompok orang tanpa surat kuasa.",
       "Pemohon Kelompok Orang wajib menyertakan surat kuasa beserta KTP pemberi kuasa; isi nomor/tanggal surat kuasa di kolom '{kolom}'.",
       {"kolom": "Surat Kuasa"}),
    # ---- identity
    _C("nik_bukan_16_digit", GALAT, "Identitas", "NIK tidak terdiri atas 16 digit angka.",
       "{pesan}", {"pesan": _parsed(values.check_nik("617101234567")[2] or "")}),
    _C("nik_jadi_angka", GALAT, "Identitas", "NIK diketik sebagai angka sehingga Excel menghilangkan digit terakhir.",
       "{pesan}", {"pesan": _parsed(values.check_nik(6.171012345670001e15)[2] or "")}),
    _C("nik_kode_wilayah", GALAT, "Identitas", "Kode provinsi/kabupaten/kecamatan pada NIK (digit 1-6) tidak mungkin.",
       "NIK {nik}: {sebab}; periksa kembali NIK pada KTP pemohon.",
       {"nik": "9971********0001", "sebab": "kode provinsi '99' (dua digit pertama) tidak dikenal"}),
    _C("nik_tanggal_lahir", GALAT, "Identitas", "Digit 7-12 NIK bukan tanggal lahir yang mungkin.",
       "NIK {nik}: digit ke-7 sampai ke-12 bukan tanggal lahir yang mungkin (format DDMMYY, perempuan: tanggal + 40); periksa kembali NIK pada KTP pemohon.",
       {"nik": "6171********0001"}),
    _C("identitas_tidak_sesuai_kategori", PERINGATAN, "Identitas", "Jenis identitas tidak lazim untuk kategori pemohon.",
       "Jenis identitas '{nilai}' tidak lazim untuk pemohon {kategori}; yang lazim: {harap} (Perki 1/2013).",
       {"nilai": "KTP", "kategori": "Badan Hukum", "harap": "Akta Badan Hukum"}),
    # ---- contact
    _C("surel_tidak_valid", GALAT, "Kontak", "Alamat surel tidak sah.",
       "{pesan}", {"pesan": _parsed(values.parse_email("budi@gmail,com")[1] or "")}),
    _C("telepon_tidak_valid", GALAT, "Kontak", "Nomor telepon tidak sah (10-13 digit, diawali 0 atau +62).",
       "{pesan}", {"pesan": _parsed(values.parse_phone(81234567890.0)[1] or "")}),
    _C("kontak_kosong", PERINGATAN, "Kontak", "Pemohon tanpa nomor telepon maupun surel.",
       "Nomor telepon dan surel pemohon keduanya kosong; isi salah satu agar pemberitahuan tertulis dapat dikirim.",
       {}),
    # ---- dates and numbers
    _C("tanggal_tidak_terbaca", GALAT, "Tanggal", "Tanggal atau jam tidak dapat dibaca.",
       "{kolom}: {pesan}", {"kolom": "Tanggal Kajian", "pesan": _parsed(values.parse_date("31/02/2026")[1] or "")}),
    _C("tanggal_masa_depan", GALAT, "Tanggal", "Tanggal peristiwa sesudah hari ini.",
       "Kolom '{kolom}' berisi {tanggal}, sesudah hari ini ({hari_ini}); tanggal peristiwa tidak boleh di masa depan. Periksa kembali tanggalnya (mungkin hari dan bulan tertukar).",
       {"kolom": "Waktu Diterima", "tanggal": "11/12/2026", "hari_ini": "24/11/2026"}),
    _C("tanggal_berupa_teks", PERINGATAN, "Tanggal", "Tanggal diketik sebagai teks; dibaca dan ditulis ulang sebagai tanggal.",
       "Kolom '{kolom}' berisi teks '{nilai}', bukan tanggal Excel; dibaca sebagai {tanggal} dan ditulis ulang sebagai tanggal saat catatan disimpan. Periksa bahwa tanggalnya benar.",
       {"kolom": "Tanggal Kajian", "nilai": "2 Desember 2026", "tanggal": "02/12/2026"}),
    _C("tanggal_teks_ambigu", GALAT, "Tanggal", "Tanggal berupa teks yang dapat dibaca dua cara (hari dan bulan).",
       "Kolom '{kolom}' berisi teks '{nilai}' yang dapat dibaca {tanggal} atau {tukar}; hanya {tukar} cocok dengan permohonan yang diterima {diterima}. Ketik ulang tanggalnya dengan format dd/mm/yyyy.",
       {"kolom": "Tanggal Kajian", "nilai": "12/03/2026", "tanggal": "12/03/2026", "tukar": "03/12/2026", "diterima": "02/12/2026"}),
    _C("bulan_tertukar", PERINGATAN, "Tanggal", "Tanggal tidak mungkin untuk permohonannya; hari dan bulan tampaknya tertukar.",
       "Kolom '{kolom}' berisi {tanggal}, {sebab}; mungkin maksudnya {tukar} (hari dan bulan tertukar, misalnya karena format tanggal komputer Amerika). Periksa dan perbaiki tanggalnya.",
       {"kolom": "Tanggal Kajian", "tanggal": "12/03/2026", "sebab": "sebelum permohonan diterima (02/12/2026)", "tukar": "03/12/2026"}),
    _C("di_luar_jam_layanan", PERINGATAN, "Tanggal", "Permohonan diterima pada hari libur atau sesudah jam layanan tutup.",
       "Permohonan diterima {waktu}, {sebab}; permohonan dianggap diterima pada hari kerja berikutnya ({hari_kerja}) dan batas waktu dihitung dari hari itu. Pastikan waktu penerimaan benar.",
       {"waktu": "24/11/2026 17:10", "sebab": "sesudah jam layanan tutup (16:00)", "hari_kerja": "Rabu, 25/11/2026"}),
    _C("angka_tidak_terbaca", GALAT, "Angka", "Isian angka atau rupiah tidak dapat dibaca.",
       "{kolom}: {pesan}", {"kolom": "Biaya (Rp)", "pesan": _parsed(values.parse_money("lima ribu")[1] or "")}),
    _C("angka_negatif", GALAT, "Angka", "Angka atau biaya negatif.",
       "Kolom '{kolom}' berisi {nilai}; isian ini tidak boleh negatif.",
       {"kolom": "Biaya (Rp)", "nilai": "-5000"}),
    _C("pilihan_tidak_dikenal", GALAT, "Pilihan", "Isian tidak ada dalam daftar pilihan (lembar Referensi).",
       "Kolom '{kolom}' berisi '{nilai}' yang tidak ada dalam daftar pilihan.{saran} Pilih dari daftar (dropdown) atau tambahkan nilainya di lembar Referensi.",
       {"kolom": "Saluran", "nilai": "Whatsapp", "saran": ""}),
    # ---- decisions (Pasal 17, Pasal 20)
    _C("pasal17_tanpa_angka", GALAT, "Keputusan", "Dasar Pasal 17 tanpa huruf dan angka (mis. 'Pasal 17' atau '17h').",
       "{pesan}", {"pesan": _parsed(values.parse_pasal("Pasal 17")[1] or "")}),
    _C("pasal17_tidak_dikenal", GALAT, "Keputusan", "Kode Pasal 17 tidak ada dalam UU 14/2008.",
       "{pesan}", {"pesan": _parsed(values.parse_pasal("17k")[1] or "")}),
    _C("uu_lain_wajib", GALAT, "Keputusan", "Dasar 17j tanpa nama undang-undang lain dan pasalnya.",
       "Dasar 17j memerlukan nama undang-undang lain beserta pasalnya di kolom '{kolom}' ({keadaan}); tulis misalnya 'UU Nomor ... Tahun ... Pasal ...'.",
       {"kolom": "Undang-Undang Lain", "keadaan": "kolom ini kosong"}),
    _C("jangka_waktu_tidak_terbatas", GALAT, "Keputusan", "Jangka waktu 'Tidak terbatas' untuk dasar huruf a-f (Pasal 20 ayat (1)).",
       "Jangka waktu 'Tidak terbatas' tidak boleh untuk dasar {kode}: pengecualian Pasal 17 huruf a-f tidak bersifat permanen (Pasal 20 ayat (1) UU 14/2008); pilih Tanggal, Tahun, atau Peristiwa.",
       {"kode": "17a1"}),
    _C("jangka_waktu_kosong", GALAT, "Keputusan", "Jenis jangka waktu dipilih tetapi jangka waktunya kosong.",
       "Jenis jangka waktu '{jenis}' dipilih tetapi kolom '{kolom}' kosong; isi {harap}.",
       {"jenis": "Tahun", "kolom": "Jangka Waktu", "harap": "jumlah tahun, misalnya 5"}),
    _C("jangka_waktu_tidak_sesuai", GALAT, "Keputusan", "Jangka waktu tidak sesuai jenisnya (tanggal / jumlah tahun).",
       "Jenis jangka waktu '{jenis}' memerlukan {harap} di kolom '{kolom}', tetapi isinya '{nilai}'.",
       {"jenis": "Tanggal", "harap": "tanggal akhir (dd/mm/yyyy)", "kolom": "Jangka Waktu", "nilai": "lima tahun"}),
    _C("alasan_tidak_sesuai_huruf", PERINGATAN, "Keputusan", "Uraian alasan tidak cocok dengan huruf Pasal 17 yang dikutip.",
       "Dasar {kode} (huruf {huruf}: {tema}) dikutip, tetapi uraian menyebut '{kata}' yang lazim untuk huruf {huruf_lain} ({tema_lain}); periksa kembali huruf Pasal 17 yang dipakai.",
       {"kode": "17g", "huruf": "g", "tema": "akta otentik dan wasiat", "kata": "pajak", "huruf_lain": "e",
        "tema_lain": "ketahanan ekonomi nasional"}),
    # ---- references between sheets
    _C("nomor_registrasi_ganda", GALAT, "Rujukan", "Nomor registrasi dipakai lebih dari satu permohonan.",
       "Nomor Registrasi '{nilai}' juga dipakai di baris {baris_lain}; setiap permohonan harus bernomor unik. Periksa baris yang tersalin ganda.",
       {"nilai": "PPID-KOMINFO/2026/11/0007", "baris_lain": "12"}),
    _C("nomor_registrasi_kosong", GALAT, "Rujukan", "Baris tahap tanpa nomor registrasi.",
       "Baris ini tidak memiliki Nomor Registrasi sehingga tidak terhubung ke permohonan. Baris tahap dibuat oleh tombol 'Proses ke tahap berikutnya'; jangan menambah baris secara manual.",
       {}),
    _C("referensi_tidak_ada", GALAT, "Rujukan", "Nomor registrasi tidak ada di lembar 1 Permohonan.",
       "Nomor Registrasi '{nilai}' tidak ada di lembar '{lembar}'; periksa nomornya atau hapus baris yang tidak terhubung ini.",
       {"nilai": "PPID-KOMINFO/2026/11/0099", "lembar": "1 Permohonan"}),
)
# fmt: on
CODES: dict[str, Code] = {c.code: c for c in CODES_LIST}

# Required-but-empty columns that have their own, more telling code.
REQUIRED_CODES: dict[str, str] = {
    "dokumen_badan_hukum": "badan_hukum_tanpa_dokumen",
    "surat_kuasa": "kelompok_tanpa_surat_kuasa",
}


def message(code: str, **fields: str) -> str:
    """The Indonesian message of ``code`` with its fields filled."""
    return CODES[code].template.format(**fields)


def level(code: str) -> str:
    return CODES[code].level


def _placeholders(template: str) -> str:
    return re.sub(r"\{(\w+)\}", r"‹\1›", template)


def render_catalogue() -> str:
    """Markdown text of docs/validation.md (kept equal to the file by a test)."""
    lines = [
        "# Katalog temuan validasi",
        "",
        "Dokumen ini dibuat otomatis dari `automation/validation/codes.py` (fungsi `render_catalogue`);",
        "jangan disunting langsung. Setiap temuan memuat lembar, nomor baris Excel, judul kolom, kode di",
        'bawah ini, dan pesan berbahasa Indonesia yang ditulis ke kolom "Catatan Validasi" baris itu.',
        "",
        "Tingkat **galat** harus diperbaiki (perintah `ppid validate` keluar dengan kode 1); tingkat",
        "**peringatan** perlu diperiksa tetapi tidak menghalangi.",
        "",
        "| Kode | Kelompok | Tingkat | Arti |",
        "|---|---|---|---|",
    ]
    lines += [f"| `{c.code}` | {c.family} | {c.level} | {c.title} |" for c in CODES_LIST]
    lines += ["", "## Pesan", ""]
    for c in CODES_LIST:
        lines += [f"### `{c.code}`", ""]
        if "{" in c.template and c.template not in ("{pesan}", "{kolom}: {pesan}"):
            lines += [f"Pola: {_placeholders(c.template)}", ""]
        lines += [f"Contoh: {c.template.format(**c.example)}", ""]
    lines += _hint_section()
    return "\n".join(lines).rstrip() + "\n"


def _hint_section() -> list[str]:
    from .grounds import HINTS  # grounds imports this module through row.py

    lines = [
        "## Kata kunci huruf Pasal 17 (`alasan_tidak_sesuai_huruf`)",
        "",
        "Peringatan muncul bila uraian (informasi, konsekuensi, kepentingan publik, bagian yang",
        "dikecualikan, rincian informasi) tidak memuat satu pun kata kunci huruf yang dikutip, tetapi",
        "memuat kata kunci huruf lain. Huruf j (undang-undang lain) tidak diperiksa.",
        "",
        "| Huruf | Tema | Kata kunci |",
        "|---|---|---|",
    ]
    lines += [f"| {letter} | {theme} | {', '.join(words)} |" for letter, (theme, words) in HINTS.items()]
    return lines
