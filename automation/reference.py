"""Reference lists of the register (the Referensi sheet): one tuple per dropdown source.

Every dropdown in the workbook is fed from one of these lists through a defined name
(``daftar_<key>``).  Staff may extend the lists on the Referensi sheet; the values here are the
defaults written by ``ppid init`` and the values the validator accepts when the sheet is absent.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

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


# The controlled values: one StrEnum per closed list, member name -> the text staff see (the
# Referensi lists below are generated from them).  The lists are data that must stay code (mypy
# checks every ``Keputusan.DITOLAK``), so they are laid out as a table, a few members to a line,
# which the formatter would otherwise explode into one member a line.
# fmt: off
KategoriPemohon = StrEnum("KategoriPemohon", {
    "PERORANGAN": "Perorangan", "KELOMPOK_ORANG": "Kelompok Orang", "BADAN_HUKUM": "Badan Hukum",
})
YaTidak = StrEnum("YaTidak", {"YA": "Ya", "TIDAK": "Tidak"})
# Dikecualikan (step 4): the outcome of the consequence test of one item.
Klasifikasi = StrEnum("Klasifikasi", {"YA": "YA", "TIDAK": "TIDAK", "SEBAGIAN": "SEBAGIAN"})
# Keputusan Atasan PPID (step 6).
Persetujuan = StrEnum("Persetujuan", {"DISETUJUI": "Disetujui", "DITOLAK": "Ditolak", "REVISI": "Revisi"})
# Status Penguasaan (step 2).
Penguasaan = StrEnum("Penguasaan", {
    "DIKUASAI": "Dikuasai", "TIDAK_DIKUASAI": "Tidak dikuasai",
    "BELUM_DIDOKUMENTASIKAN": "Belum didokumentasikan",
})
# Jenis Keputusan (step 8).
Keputusan = StrEnum("Keputusan", {
    "DIBERIKAN_SELURUHNYA": "Diberikan seluruhnya", "DIBERIKAN_SEBAGIAN": "Diberikan sebagian",
    "DITOLAK": "Ditolak", "TIDAK_DIKUASAI": "Tidak dikuasai",
    "BELUM_DIDOKUMENTASIKAN": "Belum didokumentasikan",
})
# Jenis Jangka Waktu of an exemption (UU KIP Pasal 20).
JangkaWaktu = StrEnum("JangkaWaktu", {
    "TANGGAL": "Tanggal", "TAHUN": "Tahun", "PERISTIWA": "Peristiwa", "TIDAK_TERBATAS": "Tidak terbatas",
})
StatusDik = StrEnum("StatusDik", {
    "BERLAKU": "Berlaku", "PERLU_UJI_ULANG": "Perlu uji ulang", "DIBUKA": "Dibuka",
})
# Status Tahap of a stage row: still being worked on, or moved on.
StatusTahap = StrEnum("StatusTahap", {"DALAM_PROSES": "Dalam proses", "SELESAI": "Selesai"})
# Status Waktu of a request against its Batas Waktu.
StatusWaktu = StrEnum("StatusWaktu", {
    "TEPAT_WAKTU": "Tepat waktu", "MENDEKATI_BATAS": "Mendekati batas", "LEWAT_BATAS": "Lewat batas",
    "SELESAI_TEPAT_WAKTU": "Selesai tepat waktu", "SELESAI_TERLAMBAT": "Selesai terlambat",
})
# Alasan Keberatan (UU KIP Pasal 35 ayat (1) huruf a-g).
AlasanKeberatan = StrEnum("AlasanKeberatan", {
    "A": "a. Penolakan berdasarkan Pasal 17", "B": "b. Informasi berkala tidak disediakan",
    "C": "c. Permintaan tidak ditanggapi", "D": "d. Ditanggapi tidak sebagaimana diminta",
    "E": "e. Permintaan tidak dipenuhi", "F": "f. Biaya tidak wajar", "G": "g. Melebihi jangka waktu",
})
PutusanKeberatan = StrEnum("PutusanKeberatan", {
    "DITERIMA": "Diterima", "DITOLAK": "Ditolak", "KESEPAKATAN": "Diselesaikan dengan kesepakatan",
})
# Mediation, or the adjudication ruling of the Komisi Informasi (UU KIP Ps 38-39).
PutusanSengketa = StrEnum("PutusanSengketa", {
    "MEDIASI_BERHASIL": "Mediasi berhasil", "DIKABULKAN_SELURUHNYA": "Dikabulkan seluruhnya",
    "DIKABULKAN_SEBAGIAN": "Dikabulkan sebagian", "DITOLAK": "Ditolak", "DICABUT_GUGUR": "Dicabut/gugur",
})
JenisLibur = StrEnum("JenisLibur", {
    "LIBUR_NASIONAL": "Libur nasional", "CUTI_BERSAMA": "Cuti bersama",
    "PENUTUPAN_KANTOR": "Penutupan kantor", "BUKAN_HARI_LIBUR": "Bukan hari libur",
})
# fmt: on

E = TypeVar("E", bound=StrEnum)
_LOOKUP: dict[type[StrEnum], dict[str, StrEnum]] = {}
_SEEN: dict[type[StrEnum], dict[str, StrEnum | None]] = {}  # raw text -> member, per kind (bounded)
_SEEN_MAX = 4096


def fold(value: Any) -> str:
    """A controlled value as compared: text, leading apostrophe dropped, spaces collapsed, case folded."""
    if isinstance(value, bool):
        value = "Ya" if value else "Tidak"
    if value is None:
        return ""
    try:
        text = value if isinstance(value, str) else str(value)
    except Exception:  # a foreign object whose __str__ fails spells nothing
        return ""
    return " ".join(text.strip().removeprefix("'").split()).casefold()


def canonical(kind: type[E], value: Any) -> E | None:
    """The member of ``kind`` that ``value`` spells (case, spaces, a leading apostrophe ignored), or None.

    ``canonical(Klasifikasi, " ya ")`` is ``Klasifikasi.YA``; ``canonical(StatusTahap, "selesai")``
    is ``StatusTahap.SELESAI``; anything else is None.  The one normaliser of controlled values.
    """
    if type(value) is str:  # cells are text: remember what each spelling means (validation asks ~10^5 times)
        seen = _SEEN.get(kind)
        if seen is None:
            seen = _SEEN[kind] = {}
        if value in seen:
            return seen[value]  # type: ignore[return-value]
        found = _member(kind, value)
        if len(seen) < _SEEN_MAX:
            seen[value] = found
        return found
    return _member(kind, value)


def _member(kind: type[E], value: Any) -> E | None:
    table = _LOOKUP.get(kind)
    if table is None:
        table = _LOOKUP[kind] = {fold(m.value): m for m in kind}
    return table.get(fold(value))  # type: ignore[return-value]


def is_(value: Any, member: StrEnum) -> bool:
    """``value`` spells ``member`` (see :func:`canonical`)."""
    return canonical(type(member), value) is member


# The tuples other modules import: the members in dropdown order (derived, never typed again).
KATEGORI_PEMOHON = tuple(KategoriPemohon)
YA_TIDAK = tuple(YaTidak)
KLASIFIKASI = tuple(Klasifikasi)
PERSETUJUAN = tuple(Persetujuan)
PENGUASAAN = tuple(Penguasaan)
KEPUTUSAN = tuple(Keputusan)
JANGKA_WAKTU = tuple(JangkaWaktu)
STATUS_DIK = tuple(StatusDik)
STATUS_TAHAP = tuple(StatusTahap)
STATUS_WAKTU = tuple(StatusWaktu)
JENIS_LIBUR = tuple(JenisLibur)
ALASAN_KEBERATAN = tuple(AlasanKeberatan)
PUTUSAN_KEBERATAN = tuple(PutusanKeberatan)
PUTUSAN_SENGKETA = tuple(PutusanSengketa)


def values(kind: type[StrEnum]) -> tuple[str, ...]:
    """The plain text of every member, as the Referensi sheet lists it."""
    return tuple(m.value for m in kind)


REF_LISTS: tuple[RefList, ...] = (
    RefList("perangkat_daerah", "Perangkat Daerah", PERANGKAT_DAERAH),
    RefList("pasal17", "Kode Pasal 17", tuple(PASAL17)),
    RefList("kategori_pemohon", "Kategori Pemohon", values(KategoriPemohon)),
    RefList(
        "jenis_identitas",
        "Jenis Identitas",
        ("KTP", "Paspor", "Surat Keterangan Kependudukan", "Akta Badan Hukum", "Surat Kuasa dan KTP"),
    ),
    RefList(
        "saluran",
        "Saluran Permohonan",
        ("Datang langsung", "Surel", "Pos", "Faksimile", "Laman PPID", "Telepon"),
    ),
    RefList(
        "cara_memperoleh",
        "Cara Memperoleh Informasi",
        (
            "Melihat/membaca/mendengarkan/mencatat",
            "Mendapatkan salinan (softcopy)",
            "Mendapatkan salinan (hardcopy)",
        ),
    ),
    RefList(
        "cara_salinan",
        "Cara Mendapatkan Salinan",
        ("Mengambil langsung", "Kurir", "Pos", "Faksimile", "Surel"),
    ),
    RefList("ya_tidak", "Ya/Tidak", values(YaTidak)),
    RefList("penguasaan", "Status Penguasaan", values(Penguasaan)),
    RefList("klasifikasi", "Dikecualikan", values(Klasifikasi)),
    RefList("persetujuan", "Keputusan Atasan PPID", values(Persetujuan)),
    RefList("keputusan", "Keputusan Permohonan", values(Keputusan)),
    RefList("jangka_waktu", "Jenis Jangka Waktu", values(JangkaWaktu)),
    RefList("bentuk_informasi", "Bentuk Informasi", ("Softcopy", "Hardcopy", "Softcopy dan hardcopy")),
    RefList("status_dik", "Status DIK", values(StatusDik)),
    RefList("alasan_keberatan", "Alasan Keberatan (Pasal 35)", values(AlasanKeberatan)),
    RefList("putusan_keberatan", "Putusan Atasan PPID", values(PutusanKeberatan)),
    RefList("putusan_sengketa", "Putusan Komisi Informasi", values(PutusanSengketa)),
    RefList("jenis_libur", "Jenis Hari Libur", values(JenisLibur)),
)

REF_BY_KEY: dict[str, RefList] = {r.key: r for r in REF_LISTS}
