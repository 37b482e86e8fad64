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
    _C("lembar_belum_ada", PERINGATAN, "Struktur", "Lembar baru belum ada pada register versi lama.",
       "Lembar '{lembar}' belum ada karena register ini dibuat dengan versi aplikasi sebelumnya; isinya "
       "belum dapat dicatat. Register berikutnya yang dibuat dengan 'ppid new-year' atau 'ppid init' sudah "
       "memuatnya.",
       {"lembar": "Keberatan"}),
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
    # ---- legal chain (UU KIP Pasal 17, 20, 22; SOP steps 1-10)
    _C("urutan_tanggal", GALAT, "Rantai", "Tanggal lebih awal daripada tanggal langkah SOP sebelumnya.",
       "{kolom} {tanggal} ({peristiwa}) lebih awal daripada {tanggal_lain} ({peristiwa_lain}, {sel_lain}). Urutan SOP: permohonan diterima, koordinasi, kajian, pengujian, berita acara, persetujuan Atasan PPID, pemberitahuan/keputusan, penyampaian, diterima pemohon, arsip. Perbaiki tanggal yang salah ketik (di sel ini atau di sel yang disebut) sesuai dokumen aslinya.",
       {"kolom": "Tanggal Persetujuan", "tanggal": "03/11/2026", "peristiwa": "keputusan Atasan PPID", "tanggal_lain": "05/11/2026",
        "peristiwa_lain": "pengujian konsekuensi", "sel_lain": "kolom 'Tanggal Pengujian' lembar 5 Berita Acara baris 9"}),
    _C("tanggal_sebelum_batas_awal", GALAT, "Rantai", "Tanggal sebelum batas awal register (Pengaturan 'Tahun Paling Awal').",
       "{kolom} berisi {tanggal}, sebelum batas awal register ({batas}); tanggal ini hampir pasti salah ketik (mis. tahun 1900 atau dua digit tahun). Perbaiki tanggalnya; bila memang benar, ubah 'Tahun Paling Awal' di lembar Pengaturan.",
       {"kolom": "Waktu Diterima", "tanggal": "02/11/1900", "batas": "01/01/2025"}),
    _C("tindakan_hari_libur", PERINGATAN, "Rantai", "Tindakan resmi bertanggal hari libur.",
       "{kolom} {tanggal} ({peristiwa}) jatuh pada {sebab}, bukan hari kerja; SOP menetapkan langkah ini pada hari dan jam kerja. Periksa tanggalnya; bila kantor memang bekerja hari itu, catat tanggal itu sebagai 'Bukan hari libur' di lembar Hari Libur.",
       {"kolom": "Tanggal Persetujuan", "tanggal": "08/11/2026", "peristiwa": "keputusan Atasan PPID", "sebab": "hari Minggu"}),
    _C("perpanjangan_terlambat", GALAT, "Rantai", "Perpanjangan dicatat sesudah batas 10 hari kerja (Pasal 22 ayat (8)).",
       "Perpanjangan bertanggal {tanggal}, sesudah batas {hari} hari kerja ({batas}). Pasal 22 ayat (7) dan (8) UU 14/2008: pemberitahuan perpanjangan hanya sah bila dikirim dalam {hari} hari kerja pertama; batas itu sudah lewat dan tidak dapat diperpanjang lagi. Kosongkan 'Diperpanjang' dan tanggalnya, segera kirim pemberitahuan tertulis (Pasal 22 ayat (7)); pemohon berhak mengajukan keberatan atas keterlambatan (Pasal 35 ayat (1) huruf g).",
       {"tanggal": "02/12/2026", "hari": "10", "batas": "20/11/2026"}),
    _C("perpanjangan_sesudah_keputusan", GALAT, "Rantai", "Perpanjangan bertanggal sesudah pemberitahuan tertulis/keputusan.",
       "Perpanjangan bertanggal {tanggal}, sesudah keputusan {tanggal_lain} ({sel_lain}); perpanjangan hanya untuk permohonan yang belum dijawab (Pasal 22 ayat (8) UU 14/2008). Periksa kedua tanggal; bila permohonan sudah dijawab, kosongkan 'Diperpanjang' dan tanggalnya.",
       {"tanggal": "12/11/2026", "tanggal_lain": "09/11/2026", "sel_lain": "kolom 'Tanggal Keputusan' lembar 8 Keputusan baris 7"}),
    _C("persetujuan_tanpa_nomor_ba", GALAT, "Rantai", "Persetujuan atau entri DIK tanpa nomor berita acara.",
       "{kolom} kosong: Atasan PPID menyetujui berita acara yang bernomor (SOP langkah 5-6). Jalankan 'Proses ke tahap berikutnya' pada baris 5 Berita Acara agar nomor diberikan, atau salin nomor berita acara yang disetujui.",
       {"kolom": "Nomor Berita Acara"}),
    _C("kesimpulan_tidak_sesuai", PERINGATAN, "Rantai", "Kesimpulan berita acara tidak sesuai dengan hasil per informasi.",
       "Kesimpulan menyatakan '{kata}', padahal hasil pengujian pada 4 Klasifikasi: {hasil}. Sesuaikan kesimpulan dengan hasil setiap informasi, atau kosongkan agar kesimpulan disusun dari hasilnya.",
       {"kata": "dikecualikan", "hasil": "1 TIDAK"}),
    _C("jangka_waktu_permanen", GALAT, "Keputusan", "Jangka waktu huruf a-f ditulis permanen/tidak terbatas dengan ejaan lain (Pasal 20 ayat (1)).",
       "Dasar {kode}: jangka waktu '{nilai}' berarti permanen, padahal pengecualian Pasal 17 huruf a-f tidak permanen (Pasal 20 ayat (1) UU 14/2008). Isi tanggal akhir, jumlah tahun, atau peristiwa konkret yang mengakhiri pengecualian (mis. 'sampai putusan berkekuatan hukum tetap').",
       {"kode": "17a1", "nilai": "Permanen"}),
    _C("jangka_waktu_sebelum_mulai", GALAT, "Keputusan", "Tanggal akhir jangka waktu sebelum tanggal mulai.",
       "Jangka waktu berakhir {akhir}, sebelum tanggal mulai {mulai}; pengecualian tidak dapat berakhir sebelum ditetapkan. Periksa tahun tanggal akhirnya.",
       {"akhir": "31/12/2025", "mulai": "10/11/2026"}),
    _C("tinjau_sebelum_mulai", GALAT, "Keputusan", "Tanggal tinjau DIK sebelum tanggal mulai.",
       "Tanggal Tinjau Terakhir {tinjau} sebelum Tanggal Mulai {mulai}; entri tidak dapat ditinjau sebelum "
       "ditetapkan. Isi tanggal peninjauan yang benar-benar dilakukan.",
       {"tinjau": "02/01/2025", "mulai": "10/11/2026"}),
    _C("alasan_tidak_sesuai_angka", PERINGATAN, "Keputusan", "Uraian alasan lebih cocok dengan angka/huruf Pasal 17 lain.",
       "Dasar {kode} ({tema}) dikutip, tetapi uraian menyebut '{kata}' yang lazim untuk {kode_lain} ({tema_lain}). {saran} Bila dasar ini sudah diperiksa dan tetap benar, isi 'Dasar Hukum Dikonfirmasi' = Ya.",
       {"kode": "17h3", "tema": "keuangan dan aset pribadi", "kata": "rekam medis", "kode_lain": "17h2",
        "tema_lain": "riwayat dan kondisi kesehatan", "saran": "Ganti dengan 17h2 bila yang dikecualikan adalah data kesehatan."}),
    _C("dasar_hukum_belum_dikonfirmasi", PERINGATAN, "Keputusan", "Berita acara memuat dasar hukum yang diberi peringatan dan belum dikonfirmasi.",
       "Baris {baris} lembar 4 Klasifikasi ({informasi}) mendapat peringatan dasar hukum: {peringatan} Berita acara ini tidak dibuat sebelum Tim Pertimbangan memeriksanya: perbaiki dasar hukumnya, atau isi 'Dasar Hukum Dikonfirmasi' = Ya di baris ini.",
       {"baris": "12", "informasi": "Daftar gaji pegawai", "peringatan": "Dasar 17g dikutip, tetapi uraian menyebut 'pajak'."}),
    # ---- keberatan and sengketa (UU KIP Pasal 35-38)
    _C("keberatan_urutan_tanggal", GALAT, "Keberatan",
       "Tanggal keberatan/sengketa lebih awal daripada peristiwa yang mendahuluinya.",
       "{kolom} {tanggal} lebih awal daripada {acuan} {tanggal_acuan}. Urutan: keputusan diterima pemohon, "
       "keberatan diterima, tanggapan Atasan PPID, tanggapan diterima pemohon, sengketa ke Komisi "
       "Informasi, putusan Komisi Informasi. {saran}",
       {"kolom": "Tanggal Keberatan Diterima", "tanggal": "02/11/2026", "acuan": "keputusan diterima pemohon",
        "tanggal_acuan": "05/11/2026",
        "saran": "Periksa tanggal keberatan atau Tanggal Diterima pada lembar 9 Tanda Terima."}),
    _C("keberatan_tanpa_penolakan", GALAT, "Keberatan",
       "Keberatan huruf a atas permohonan yang tidak ditolak.",
       "Alasan '{alasan}' hanya untuk permohonan yang ditolak atau diberikan sebagian, tetapi keputusan "
       "permohonan {nomor} adalah '{keputusan}'. Periksa Nomor Registrasi Permohonan, atau pilih alasan "
       "Pasal 35 ayat (1) yang sesuai.",
       {"alasan": "a. Penolakan berdasarkan Pasal 17", "nomor": "PPID-KOMINFO/2026/11/0007",
        "keputusan": "Diberikan seluruhnya"}),
    _C("keberatan_lewat_batas", PERINGATAN, "Keberatan",
       "Keberatan diterima sesudah batas pengajuan (Pasal 36 ayat (1)).",
       "Keberatan diterima {tanggal}, sesudah batas {batas} ({hari} hari kerja sejak {dasar}). Periksa "
       "tanggalnya; bila benar, Atasan PPID menanggapi keberatan yang lewat waktu dengan pertimbangan "
       "tertulis.",
       {"tanggal": "20/01/2027", "batas": "18/12/2026", "hari": "30", "dasar": "05/11/2026"}),
    _C("sengketa_lewat_batas", PERINGATAN, "Keberatan",
       "Sengketa diajukan sesudah batas (Pasal 37 ayat (2)).",
       "Sengketa diajukan {tanggal}, sesudah batas {batas} ({hari} hari kerja sejak {dasar}). Periksa "
       "tanggalnya; Komisi Informasi yang menilai apakah sengketa masih dapat diterima.",
       {"tanggal": "20/01/2027", "batas": "08/01/2027", "hari": "14", "dasar": "18/12/2026"}),
    _C("keberatan_tidak_lengkap", GALAT, "Keberatan",
       "Isian keberatan/sengketa berpasangan hanya diisi sebagian.",
       "{kolom} kosong padahal {isi} sudah diisi; isi keduanya sesuai dokumen aslinya.",
       {"kolom": "Putusan Atasan PPID", "isi": "'Tanggal Tanggapan'"}),
    _C("keberatan_tanpa_pertimbangan", PERINGATAN, "Keberatan",
       "Keberatan ditolak tanpa pertimbangan tertulis.",
       "Putusan Atasan PPID 'Ditolak' memerlukan alasan tertulis dalam tanggapan; isi kolom 'Pertimbangan "
       "Atasan PPID' sebelum membuat surat tanggapan.",
       {}),
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
    from .grounds import HINTS, POINT_HINTS  # grounds imports this module through row.py

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
    lines += [
        "",
        "## Kata kunci angka Pasal 17 (`alasan_tidak_sesuai_angka`)",
        "",
        "Bila hurufnya cocok tetapi uraian tidak memuat kata kunci angka yang dikutip dan memuat kata kunci",
        "angka lain dari huruf yang sama (mis. 17h3 untuk rekam medis, yang termasuk 17h2), muncul",
        "peringatan. Peringatan ini diulang pada baris 5 Berita Acara (`dasar_hukum_belum_dikonfirmasi`)",
        "dan berita acara tidak dibuat sampai dasar hukumnya diperbaiki atau kolom 'Dasar Hukum",
        "Dikonfirmasi' diisi Ya.",
        "",
        "| Angka | Tema | Kata kunci |",
        "|---|---|---|",
    ]
    lines += [f"| {code} | {theme} | {', '.join(words)} |" for code, (theme, words) in POINT_HINTS.items()]
    return lines
