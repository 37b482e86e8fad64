"""Reference lists of the register (the Referensi sheet): one tuple per dropdown source.

Every dropdown in the workbook is fed from one of these lists through a defined name
(``daftar_<key>``).  Staff may extend the lists on the Referensi sheet; the values here are the
defaults written by ``ppid init`` and the values the validator accepts when the sheet is absent.
"""

from __future__ import annotations

from dataclasses import dataclass

# UU 14/2008 Pasal 17: code -> short Indonesian description (kip-reference.md section 3).
PASAL17: dict[str, str] = {
    "17a1": "menghambat proses penyelidikan dan penyidikan tindak pidana",
    "17a2": "mengungkap identitas informan, pelapor, saksi, dan/atau korban",
    "17a3": "mengungkapkan data intelijen kriminal dan rencana pencegahan kejahatan transnasional",
    "17a4": "membahayakan keselamatan dan kehidupan penegak hukum dan/atau keluarganya",
    "17a5": "membahayakan keamanan peralatan, sarana, dan/atau prasarana penegak hukum",
    "17b": "mengganggu perlindungan HKI dan persaingan usaha tidak sehat",
    "17c1": "strategi, intelijen, operasi, taktik, dan teknik sistem pertahanan dan keamanan negara",
    "17c2": "dokumen strategi, intelijen, operasi, taktik, dan teknik pertahanan dan keamanan",
    "17c3": "jumlah, komposisi, disposisi, atau dislokasi kekuatan dan kemampuan pertahanan",
    "17c4": "gambar dan data situasi dan keadaan pangkalan dan/atau instalasi militer",
    "17c5": "data perkiraan kemampuan militer dan pertahanan negara lain",
    "17c6": "sistem persandian negara",
    "17c7": "sistem intelijen negara",
    "17d": "mengungkapkan kekayaan alam Indonesia",
    "17e1": "rencana awal pembelian dan penjualan mata uang, saham, dan aset vital milik negara",
    "17e2": "rencana awal perubahan nilai tukar, suku bunga, dan model operasi institusi keuangan",
    "17e3": "rencana awal perubahan suku bunga bank, pinjaman pemerintah, pajak, tarif, pendapatan",
    "17e4": "rencana awal penjualan atau pembelian tanah atau properti",
    "17e5": "rencana awal investasi asing",
    "17e6": "proses dan hasil pengawasan perbankan, asuransi, atau lembaga keuangan lainnya",
    "17e7": "hal-hal yang berkaitan dengan proses pencetakan uang",
    "17f1": "posisi, daya tawar, dan strategi dalam perundingan internasional",
    "17f2": "korespondensi diplomatik antarnegara",
    "17f3": "sistem komunikasi dan persandian dalam hubungan internasional",
    "17f4": "perlindungan dan pengamanan infrastruktur strategis Indonesia di luar negeri",
    "17g": "isi akta otentik yang bersifat pribadi dan kemauan terakhir atau wasiat seseorang",
    "17h1": "riwayat dan kondisi anggota keluarga",
    "17h2": "riwayat, kondisi, perawatan, pengobatan kesehatan fisik dan psikis seseorang",
    "17h3": "kondisi keuangan, aset, pendapatan, dan rekening bank seseorang",
    "17h4": "hasil evaluasi kapabilitas, intelektualitas, dan rekomendasi kemampuan seseorang",
    "17h5": "catatan pribadi seseorang terkait kegiatan satuan pendidikan",
    "17i": "memorandum atau surat antar/intra Badan Publik yang menurut sifatnya dirahasiakan",
    "17j": "informasi yang tidak boleh diungkapkan berdasarkan Undang-Undang lain",
}

# Pasal 20 ayat (1): exemptions under letters a-f are not permanent.
PASAL20_LETTERS = frozenset("abcdef")

PERANGKAT_DAERAH: tuple[str, ...] = (
    "Sekretariat Daerah",
    "Sekretariat DPRD",
    "Inspektorat",
    "Badan Perencanaan Pembangunan Daerah",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Badan Pendapatan Daerah",
    "Badan Kepegawaian Daerah",
    "Badan Pengembangan Sumber Daya Manusia",
    "Badan Kesatuan Bangsa dan Politik",
    "Badan Penanggulangan Bencana Daerah",
    "Badan Penghubung Daerah",
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Kesehatan",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perumahan Rakyat dan Kawasan Permukiman",
    "Dinas Sosial",
    "Dinas Tenaga Kerja dan Transmigrasi",
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
    "Dinas Pangan, Peternakan dan Kesehatan Hewan",
    "Dinas Lingkungan Hidup dan Kehutanan",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Pemberdayaan Masyarakat dan Desa",
    "Dinas Perhubungan",
    "Dinas Komunikasi dan Informatika",
    "Dinas Koperasi dan Usaha Kecil Menengah",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Dinas Kepemudaan dan Olahraga",
    "Dinas Perpustakaan dan Kearsipan",
    "Dinas Kelautan dan Perikanan",
    "Dinas Pariwisata",
    "Dinas Perkebunan",
    "Dinas Energi dan Sumber Daya Mineral",
    "Dinas Perindustrian dan Perdagangan",
    "Satuan Polisi Pamong Praja",
    "RSUD dr. Soedarso",
)


@dataclass(frozen=True)
class RefList:
    """One dropdown source: key (defined name ``daftar_<key>``), header and default values."""

    key: str
    header: str
    values: tuple[str, ...]

    @property
    def defined_name(self) -> str:
        return f"daftar_{self.key}"


KATEGORI_PEMOHON = ("Perorangan", "Kelompok Orang", "Badan Hukum")
YA_TIDAK = ("Ya", "Tidak")
KLASIFIKASI = ("YA", "TIDAK", "SEBAGIAN")
PERSETUJUAN = ("Disetujui", "Ditolak", "Revisi")
PENGUASAAN = ("Dikuasai", "Tidak dikuasai", "Belum didokumentasikan")
KEPUTUSAN = (
    "Diberikan seluruhnya",
    "Diberikan sebagian",
    "Ditolak",
    "Tidak dikuasai",
    "Belum didokumentasikan",
)
JANGKA_WAKTU = ("Tanggal", "Tahun", "Peristiwa", "Tidak terbatas")
STATUS_DIK = ("Berlaku", "Perlu uji ulang", "Dibuka")
STATUS_TAHAP = ("Dalam proses", "Selesai")
STATUS_WAKTU = ("Tepat waktu", "Mendekati batas", "Lewat batas", "Selesai tepat waktu", "Selesai terlambat")
ALASAN_KEBERATAN = (  # UU KIP Pasal 35 ayat (1) huruf a-g
    "a. Penolakan berdasarkan Pasal 17",
    "b. Informasi berkala tidak disediakan",
    "c. Permintaan tidak ditanggapi",
    "d. Ditanggapi tidak sebagaimana diminta",
    "e. Permintaan tidak dipenuhi",
    "f. Biaya tidak wajar",
    "g. Melebihi jangka waktu",
)
PUTUSAN_KEBERATAN = ("Diterima", "Ditolak", "Diselesaikan dengan kesepakatan")
PUTUSAN_SENGKETA = (  # mediation, or the adjudication ruling of the Komisi Informasi (UU KIP Ps 38-39)
    "Mediasi berhasil", "Dikabulkan seluruhnya", "Dikabulkan sebagian", "Ditolak", "Dicabut/gugur",
)
JENIS_LIBUR = ("Libur nasional", "Cuti bersama", "Penutupan kantor", "Bukan hari libur")

REF_LISTS: tuple[RefList, ...] = (
    RefList("perangkat_daerah", "Perangkat Daerah", PERANGKAT_DAERAH),
    RefList("pasal17", "Kode Pasal 17", tuple(PASAL17)),
    RefList("kategori_pemohon", "Kategori Pemohon", KATEGORI_PEMOHON),
    RefList(
        "jenis_identitas",
        "Jenis Identitas",
        ("KTP", "Paspor", "Surat Keterangan Kependudukan", "Akta Badan Hukum", "Surat Kuasa dan KTP"),
    ),
    RefList("saluran", "Saluran Permohonan", ("Datang langsung", "Surel", "Pos", "Faksimile", "Laman PPID", "Telepon")),
    RefList(
        "cara_memperoleh",
        "Cara Memperoleh Informasi",
        ("Melihat/membaca/mendengarkan/mencatat", "Mendapatkan salinan (softcopy)", "Mendapatkan salinan (hardcopy)"),
    ),
    RefList("cara_salinan", "Cara Mendapatkan Salinan", ("Mengambil langsung", "Kurir", "Pos", "Faksimile", "Surel")),
    RefList("ya_tidak", "Ya/Tidak", YA_TIDAK),
    RefList("penguasaan", "Status Penguasaan", PENGUASAAN),
    RefList("klasifikasi", "Dikecualikan", KLASIFIKASI),
    RefList("persetujuan", "Keputusan Atasan PPID", PERSETUJUAN),
    RefList("keputusan", "Keputusan Permohonan", KEPUTUSAN),
    RefList("jangka_waktu", "Jenis Jangka Waktu", JANGKA_WAKTU),
    RefList("bentuk_informasi", "Bentuk Informasi", ("Softcopy", "Hardcopy", "Softcopy dan hardcopy")),
    RefList("status_dik", "Status DIK", STATUS_DIK),
    RefList(
        "alasan_keberatan",
        "Alasan Keberatan (Pasal 35)",
        ALASAN_KEBERATAN,
    ),
    RefList("putusan_keberatan", "Putusan Atasan PPID", PUTUSAN_KEBERATAN),
    RefList("putusan_sengketa", "Putusan Komisi Informasi", PUTUSAN_SENGKETA),
    RefList("jenis_libur", "Jenis Hari Libur", JENIS_LIBUR),
)

REF_BY_KEY: dict[str, RefList] = {r.key: r for r in REF_LISTS}
