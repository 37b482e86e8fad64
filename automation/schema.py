"""The one schema of the register: sheets in SOP order, their columns, settings and documents.

Everything else reads this module: the workbook builder (headers, widths, dropdowns, help
texts, locking), the reader (columns found by header), validation (types and requirements),
the workflow (what a stage needs before it is complete, what is carried forward), the letters
(numbering and where document numbers are written back) and the reports.  No other list of
columns exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Any

from .operation import Operation


class T(StrEnum):
    """Column types; each has one parser in ``automation.values``."""

    TEXT = "teks"
    LONGTEXT = "teks panjang"
    DATE = "tanggal"
    DATETIME = "tanggal dan jam"
    INT = "bilangan bulat"
    MONEY = "rupiah"
    CHOICE = "pilihan"
    NIK = "NIK"
    PHONE = "telepon"
    EMAIL = "surel"
    PASAL = "kode Pasal 17"
    REGNO = "nomor registrasi"


NUMBER_FORMATS: dict[T, str] = {
    T.DATE: "dd/mm/yyyy",
    T.DATETIME: "dd/mm/yyyy hh:mm",
    T.INT: "0",
    T.MONEY: "#,##0",
    T.TEXT: "@",
    T.LONGTEXT: "General",  # Excel shows #### for text-formatted cells over 255 characters
    T.NIK: "@",
    T.PHONE: "@",
    T.EMAIL: "@",
    T.PASAL: "@",
    T.REGNO: "@",
    T.CHOICE: "@",
}


class Need(StrEnum):
    """When a column becomes required."""

    OPTIONAL = "opsional"
    ENTRY = "wajib saat dicatat"
    COMPLETE = "wajib sebelum tahap selesai"


class By(StrEnum):
    """Who fills a column: staff type it, the system writes it (locked in the workbook)."""

    STAFF = "staf"
    SYSTEM = "sistem"


@lru_cache(maxsize=256)
def _folded(values: tuple[str, ...]) -> frozenset[str]:
    return frozenset(v.casefold() for v in values)


@dataclass(frozen=True)
class When:
    """A condition on another column of the same row (e.g. category == Badan Hukum)."""

    key: str
    values: tuple[str, ...]

    def applies(self, row: dict[str, Any]) -> bool:
        value = row.get(self.key)
        return isinstance(value, str) and value.strip().casefold() in _folded(self.values)

    def describe(self, header_of: dict[str, str]) -> str:
        return f"bila {header_of.get(self.key, self.key)} = {' / '.join(self.values)}"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    type: T
    help: str
    need: Need = Need.OPTIONAL
    when: When | None = None
    choices: str | None = None  # key of a reference list (automation.reference)
    width: int = 18
    by: By = By.STAFF
    hidden: bool = False

    def required_for(self, row: dict[str, Any], *, completing: bool) -> bool:
        if self.need is Need.OPTIONAL or (self.need is Need.COMPLETE and not completing):
            return False
        return self.when is None or self.when.applies(row)


class Kind(StrEnum):
    HOME = "beranda"
    STAGE = "tahap"
    HOLIDAYS = "hari libur"
    REFERENCE = "referensi"
    SETTINGS = "pengaturan"
    LOG = "log"


@dataclass(frozen=True)
class Sheet:
    key: str
    name: str
    kind: Kind
    title: str
    actor: str = ""
    inputs: str = ""
    output: str = ""
    step: int | None = None
    columns: tuple[Column, ...] = ()
    table: str = ""
    actions: tuple[Operation, ...] = ()  # operations offered on the sheet, in dropdown order
    action: Operation | None = None  # the operation chosen when the workbook is built (one of ``actions``)

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"{self.name} has no column {key!r}")

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)

    @property
    def button(self) -> str:
        """Caption of the sheet's one button: the operation itself, or "Jalankan pilihan" with a dropdown."""
        if not self.actions:
            return ""
        return self.actions[0].caption if len(self.actions) == 1 else RUN_CAPTION

    def operations_text(self) -> str:
        """The sheet's operations in one Indonesian sentence (Beranda guide, docs test)."""
        captions = ", ".join(f"'{a.caption}'" for a in self.actions)
        if self.has_choice:
            return f"Pilih di sel {CHOICE_CELL} lalu tekan '{RUN_CAPTION}': {captions}."
        return f"Tombol: {captions}." if captions else ""

    @property
    def has_choice(self) -> bool:
        """The sheet offers several operations: a dropdown cell (CHOICE_CELL) picks the one the button
        runs."""
        return len(self.actions) > 1

    @property
    def headers(self) -> dict[str, str]:
        return {c.key: c.header for c in self.columns}


# ---------------------------------------------------------------- layout of every table sheet
TITLE_ROWS = 4  # rows 1-4: title, actor, inputs, output
STATUS_ROW = 5  # row 5: "Hasil terakhir" status cell written by commands and buttons
HEADER_ROW = 6
FIRST_DATA_ROW = 7
BUTTON_COLUMN = 6  # the button sits right of the title block, over columns F-H of rows 1-3
# The operation map (issue 13): what each sheet's button can do (captions: automation.operation).
# A sheet with one operation has a button captioned with it; a sheet with several has a dropdown
# (CHOICE_CELL, merged over CHOICE_SPAN columns, label above it) and one button "Jalankan pilihan"
# right of the dropdown.
# Every button runs xlwings' SampleCall; Python reads the active sheet and its dropdown (docs/excel.md).
RUN_CAPTION = "Jalankan pilihan"
CHOICE_CELL = "F2"  # the dropdown (rows 1-4 are the title block; the label goes one row above)
CHOICE_LABEL = "Pilih operasi, lalu tekan 'Jalankan pilihan':"
CHOICE_SPAN = 3  # F2:H2 merged; the button sits right of it (column I)
CHECK = (Operation.VALIDATE,)
CHECK_MOVE = (Operation.VALIDATE, Operation.ADVANCE)
CHECK_MOVE_LETTERS = (Operation.VALIDATE, Operation.ADVANCE, Operation.DOCUMENTS)
REPORT = (Operation.REPORT,)
BERANDA_MONTH_CELL = "C5"  # month (YYYY-MM) used by the "Buat laporan bulanan" button
BERANDA_SUMMARY_ROW = 8  # the Beranda summary block is written from A8 down
BERANDA_SUMMARY_WIDTH = 6  # columns A-F of that block
BERANDA_SUMMARY_HEIGHT = 120  # rows cleared before the block is rewritten
BERANDA_REPORT_ROW = 30  # "Laporan terakhir" block: H30:I49, below the guide in column H
BERANDA_REPORT_COLUMN = 8
BERANDA_REPORT_HEIGHT = 20
BERANDA_REPORT_WIDTH = 2


def _c(key: str, header: str, type: T, help: str, **kw: Any) -> Column:
    return Column(key, header, type, help, **kw)


def _sys(key: str, header: str, type: T, help: str, **kw: Any) -> Column:
    return Column(key, header, type, help, by=By.SYSTEM, **kw)


REG = _sys(
    "no_registrasi", "Nomor Registrasi", T.REGNO, "Diisi sistem; kunci permohonan di semua lembar.", width=26
)


def carried() -> tuple[Column, ...]:
    """Context carried by ``advance`` from the request onto every later stage sheet."""
    return (
        REG,
        _sys("nama_pemohon", "Nama Pemohon", T.TEXT, "Disalin dari lembar Permohonan.", width=24),
        _sys(
            "rincian_informasi", "Rincian Informasi", T.LONGTEXT, "Disalin dari lembar Permohonan.", width=40
        ),
        _sys("perangkat_daerah", "Perangkat Daerah", T.TEXT, "Disalin dari lembar Permohonan.", width=28),
        _sys("batas_waktu", "Batas Waktu", T.DATE, "Batas waktu jawaban (hari kerja).", width=14),
    )


def stage_status() -> tuple[Column, ...]:
    """System columns at the right end of every stage sheet."""
    return (
        _sys("status_tahap", "Status Tahap", T.CHOICE, "Dalam proses / Selesai (diisi sistem).", width=14),
        _sys(
            "tanggal_selesai",
            "Tanggal Selesai",
            T.DATE,
            "Tanggal baris ini selesai dan diteruskan.",
            width=14,
        ),
        _sys("diteruskan_ke", "Diteruskan ke", T.TEXT, "Tahap tujuan saat baris diteruskan.", width=18),
        _sys("catatan", "Catatan", T.LONGTEXT, "Alasan baris belum dapat diteruskan.", width=40),
        _sys(
            "catatan_validasi",
            "Catatan Validasi",
            T.LONGTEXT,
            "Hasil pemeriksaan isian; dikosongkan bila sudah benar.",
            width=48,
        ),
        _sys(
            "kolom_bermasalah",
            "Kolom Bermasalah",
            T.TEXT,
            "Daftar kunci kolom bermasalah (untuk penyorotan).",
            width=10,
            hidden=True,
        ),
    )


def document_columns(prefix: str, title: str) -> tuple[Column, ...]:
    return (
        _sys(
            f"nomor_{prefix}",
            f"Nomor {title}",
            T.TEXT,
            f"Nomor {title} (diisi sistem saat dokumen dibuat).",
            width=30,
        ),
        _sys(f"tanggal_{prefix}", f"Tanggal {title}", T.DATE, f"Tanggal {title}.", width=14),
        _sys(f"berkas_{prefix}", f"Berkas {title}", T.TEXT, f"Lokasi berkas {title}.", width=30),
    )


IDENTITY_NIK = When("kategori_pemohon", ("Perorangan", "Kelompok Orang"))

PERMOHONAN = Sheet(
    key="permohonan",
    name="1 Permohonan",
    kind=Kind.STAGE,
    step=1,
    title="Tahap 1 — Mengajukan Permohonan Informasi",
    actor="Pelaksana: Pemohon; dicatat oleh Tim Kerja (petugas layanan)",
    inputs="Kelengkapan: identitas pemohon, permohonan informasi",
    output="Keluaran: permohonan informasi tercatat, nomor registrasi, tanda bukti penerimaan",
    table="tblPermohonan",
    actions=CHECK_MOVE_LETTERS,
    action=Operation.ADVANCE,
    columns=(
        REG,
        _c(
            "waktu_diterima",
            "Waktu Diterima",
            T.DATETIME,
            "Tanggal dan jam permohonan diterima (dd/mm/yyyy jj:mm).",
            need=Need.ENTRY,
            width=18,
        ),
        _c(
            "saluran",
            "Saluran",
            T.CHOICE,
            "Cara permohonan disampaikan.",
            need=Need.ENTRY,
            choices="saluran",
            width=16,
        ),
        _c(
            "kategori_pemohon",
            "Kategori Pemohon",
            T.CHOICE,
            "Perorangan, Kelompok Orang, atau Badan Hukum.",
            need=Need.ENTRY,
            choices="kategori_pemohon",
            width=16,
        ),
        _c(
            "nama_pemohon",
            "Nama Pemohon",
            T.TEXT,
            "Nama lengkap pemohon, badan hukum, atau kuasanya.",
            need=Need.ENTRY,
            width=24,
        ),
        _c(
            "jenis_identitas",
            "Jenis Identitas",
            T.CHOICE,
            "KTP, paspor, akta badan hukum, atau surat kuasa.",
            need=Need.ENTRY,
            choices="jenis_identitas",
            width=16,
        ),
        _c(
            "nik",
            "NIK",
            T.NIK,
            "16 digit NIK sesuai KTP; ketik sebagai teks.",
            need=Need.ENTRY,
            when=IDENTITY_NIK,
            width=20,
        ),
        _c(
            "dokumen_badan_hukum",
            "Nomor Pengesahan Badan Hukum",
            T.TEXT,
            "Nomor SK pengesahan Kementerian Hukum (wajib bagi badan hukum).",
            need=Need.ENTRY,
            when=When("kategori_pemohon", ("Badan Hukum",)),
            width=26,
        ),
        _c(
            "surat_kuasa",
            "Surat Kuasa",
            T.TEXT,
            "Nomor/tanggal surat kuasa (wajib bagi kelompok orang).",
            need=Need.ENTRY,
            when=When("kategori_pemohon", ("Kelompok Orang",)),
            width=20,
        ),
        _c(
            "nama_wakil",
            "Nama Wakil/Kuasa",
            T.TEXT,
            "Badan hukum atau kelompok orang: nama orang yang mewakili (sesuai akta atau surat kuasa); surat"
            " ditujukan kepadanya.",
            width=22,
        ),
        _c("alamat", "Alamat", T.LONGTEXT, "Alamat lengkap pemohon.", need=Need.ENTRY, width=32),
        _c("pekerjaan", "Pekerjaan", T.TEXT, "Pekerjaan pemohon.", width=16),
        _c("telepon", "Nomor Telepon", T.PHONE, "Contoh: 081234567890; ketik sebagai teks.", width=16),
        _c("email", "Surel", T.EMAIL, "Alamat surel pemohon.", width=24),
        _c(
            "rincian_informasi",
            "Rincian Informasi",
            T.LONGTEXT,
            "Informasi yang dimohon, sespesifik mungkin.",
            need=Need.ENTRY,
            width=40,
        ),
        _c(
            "tujuan",
            "Tujuan Penggunaan",
            T.LONGTEXT,
            "Tujuan penggunaan informasi.",
            need=Need.ENTRY,
            width=30,
        ),
        _c(
            "cara_memperoleh",
            "Cara Memperoleh Informasi",
            T.CHOICE,
            "Melihat/membaca atau mendapatkan salinan.",
            need=Need.ENTRY,
            choices="cara_memperoleh",
            width=22,
        ),
        _c(
            "cara_salinan",
            "Cara Mendapatkan Salinan",
            T.CHOICE,
            "Mengambil langsung, kurir, pos, faksimile, atau surel.",
            choices="cara_salinan",
            width=20,
        ),
        _c(
            "perangkat_daerah",
            "Perangkat Daerah",
            T.CHOICE,
            "Perangkat Daerah yang menguasai informasi.",
            need=Need.ENTRY,
            choices="perangkat_daerah",
            width=28,
        ),
        _c(
            "diperpanjang",
            "Diperpanjang",
            T.CHOICE,
            "Ya bila jangka waktu diperpanjang 7 hari kerja (Pasal 22 ayat 8).",
            choices="ya_tidak",
            width=12,
        ),
        _c(
            "alasan_perpanjangan",
            "Alasan Perpanjangan",
            T.LONGTEXT,
            "Alasan tertulis perpanjangan waktu.",
            need=Need.ENTRY,
            when=When("diperpanjang", ("Ya",)),
            width=30,
        ),
        _sys("tahap_saat_ini", "Tahap Saat Ini", T.TEXT, "Tahap SOP tempat permohonan berada.", width=18),
        _sys(
            "hari_kerja_terpakai",
            "Hari Kerja Terpakai",
            T.INT,
            "Hari kerja sejak permohonan diterima.",
            width=10,
        ),
        _sys("batas_waktu", "Batas Waktu", T.DATE, "10 hari kerja, +7 bila diperpanjang.", width=14),
        _sys(
            "status_waktu", "Status Waktu", T.TEXT, "Tepat waktu / mendekati batas / lewat batas.", width=16
        ),
        _sys("kalender", "Kalender", T.TEXT, "Kalender hari kerja yang dipakai.", width=22),
        _sys(
            "preseden_dik",
            "Preseden DIK",
            T.LONGTEXT,
            "Entri Register DIK yang mirip (acuan Tim Kerja).",
            width=36,
        ),
        *document_columns("tanda_bukti", "Tanda Bukti"),
        _sys(
            "nomor_perpanjangan",
            "Nomor Surat Perpanjangan",
            T.TEXT,
            "Nomor Surat Perpanjangan (diisi sistem saat dokumen dibuat).",
            width=30,
        ),
        _c(
            "tanggal_perpanjangan",
            "Tanggal Surat Perpanjangan",
            T.DATE,
            "Tanggal pemberitahuan perpanjangan; paling lambat hari kerja ke-10 (Pasal 22 ayat 8).",
            need=Need.ENTRY,
            when=When("diperpanjang", ("Ya",)),
            width=14,
        ),
        _sys(
            "berkas_perpanjangan",
            "Berkas Surat Perpanjangan",
            T.TEXT,
            "Lokasi berkas Surat Perpanjangan.",
            width=30,
        ),
        *stage_status(),
    ),
)

KOORDINASI = Sheet(
    key="koordinasi",
    name="2 Koordinasi",
    kind=Kind.STAGE,
    step=2,
    title="Tahap 2 — Koordinasi Tim Kerja dengan Komponen/Perangkat Daerah",
    actor="Pelaksana: Tim Kerja dan Komponen/Perangkat Daerah",
    inputs="Kelengkapan: permohonan informasi; draf Daftar Informasi yang Dikecualikan dari Perangkat Daerah",
    output="Keluaran: draf Daftar Informasi yang Dikecualikan dari Perangkat Daerah",
    table="tblKoordinasi",
    actions=CHECK_MOVE,
    action=Operation.ADVANCE,
    columns=(
        *carried(),
        _c(
            "tanggal_koordinasi",
            "Tanggal Koordinasi",
            T.DATE,
            "Tanggal koordinasi dengan Perangkat Daerah.",
            need=Need.COMPLETE,
            width=14,
        ),
        _c(
            "petugas_pd",
            "Petugas Perangkat Daerah",
            T.TEXT,
            "Nama petugas/PPID Pelaksana yang dihubungi.",
            need=Need.COMPLETE,
            width=22,
        ),
        _c(
            "status_penguasaan",
            "Status Penguasaan",
            T.CHOICE,
            "Dikuasai, tidak dikuasai, atau belum didokumentasikan.",
            need=Need.COMPLETE,
            choices="penguasaan",
            width=18,
        ),
        _c(
            "badan_publik_lain",
            "Badan Publik yang Menguasai",
            T.TEXT,
            "Bila tidak dikuasai: badan publik yang menguasai (jika diketahui).",
            width=24,
        ),
        _c(
            "dokumen_terkait",
            "Dokumen Terkait",
            T.LONGTEXT,
            "Dokumen yang memuat informasi yang dimohon.",
            width=30,
        ),
        _c(
            "draf_dik",
            "Draf DIK dari Perangkat Daerah",
            T.LONGTEXT,
            "Usulan informasi yang dikecualikan dari Perangkat Daerah.",
            width=30,
        ),
        *stage_status(),
    ),
)

KAJIAN = Sheet(
    key="kajian",
    name="3 Kajian",
    kind=Kind.STAGE,
    step=3,
    title="Tahap 3 — Kajian atas Informasi yang Tidak Termasuk DIP",
    actor="Pelaksana: Tim Kerja bersama Tim Pertimbangan Pelayanan Informasi",
    inputs="Kelengkapan: draf Daftar Informasi yang Dikecualikan dari Perangkat Daerah",
    output="Keluaran: draf Daftar Informasi yang Dikecualikan",
    table="tblKajian",
    actions=CHECK_MOVE,
    action=Operation.ADVANCE,
    columns=(
        *carried(),
        _sys(
            "preseden_dik",
            "Preseden DIK",
            T.LONGTEXT,
            "Entri Register DIK yang mirip (acuan kajian).",
            width=36,
        ),
        _c(
            "tanggal_kajian",
            "Tanggal Kajian",
            T.DATE,
            "Tanggal kajian dilaksanakan (hari kerja).",
            need=Need.COMPLETE,
            width=14,
        ),
        _c(
            "termasuk_dip",
            "Termasuk DIP",
            T.CHOICE,
            "Ya bila informasi sudah tercantum dalam Daftar Informasi Publik.",
            choices="ya_tidak",
            width=12,
        ),
        _c(
            "hasil_kajian",
            "Hasil Kajian",
            T.LONGTEXT,
            "Ringkasan kajian dan usulan klasifikasi.",
            need=Need.COMPLETE,
            width=40,
        ),
        *stage_status(),
    ),
)

KLASIFIKASI = Sheet(
    key="klasifikasi",
    name="4 Klasifikasi",
    kind=Kind.STAGE,
    step=4,
    title="Tahap 4 — Klasifikasi dan Pertimbangan Tim Pertimbangan",
    actor="Pelaksana: Tim Pertimbangan (satu baris per informasi yang diuji)",
    inputs="Dasar hukum: UU 14/2008, Perki 1/2013, Perki 1/2021",
    output="Keluaran: Daftar Informasi yang Dikecualikan (YA / TIDAK / SEBAGIAN)",
    table="tblKlasifikasi",
    actions=CHECK_MOVE,
    action=Operation.ADVANCE,
    columns=(
        *carried(),
        _c(
            "informasi_diuji",
            "Informasi yang Diuji",
            T.LONGTEXT,
            "Informasi spesifik yang diuji (bukan seluruh dokumen).",
            need=Need.COMPLETE,
            width=36,
        ),
        _c(
            "dikecualikan",
            "Dikecualikan",
            T.CHOICE,
            "YA, TIDAK, atau SEBAGIAN.",
            need=Need.COMPLETE,
            choices="klasifikasi",
            width=12,
        ),
        _c(
            "pasal17",
            "Dasar Pasal 17",
            T.PASAL,
            "Huruf dan angka, mis. 17h3; beberapa dipisah koma.",
            need=Need.COMPLETE,
            when=When("dikecualikan", ("YA", "SEBAGIAN")),
            choices="pasal17",
            width=14,
        ),
        _c("uu_lain", "Undang-Undang Lain", T.TEXT, "Wajib untuk 17j: nama UU dan pasalnya.", width=28),
        _c(
            "konsekuensi",
            "Konsekuensi bila Dibuka",
            T.LONGTEXT,
            "Akibat yang timbul bila informasi dibuka.",
            need=Need.COMPLETE,
            when=When("dikecualikan", ("YA", "SEBAGIAN")),
            width=36,
        ),
        _c(
            "kepentingan_publik",
            "Pertimbangan Kepentingan Publik",
            T.LONGTEXT,
            "Mengapa menutup melindungi kepentingan yang lebih besar.",
            need=Need.COMPLETE,
            when=When("dikecualikan", ("YA", "SEBAGIAN")),
            width=36,
        ),
        _c(
            "jenis_jangka_waktu",
            "Jenis Jangka Waktu",
            T.CHOICE,
            "Tanggal, Tahun, Peristiwa, atau Tidak terbatas (hanya g–j).",
            need=Need.COMPLETE,
            when=When("dikecualikan", ("YA", "SEBAGIAN")),
            choices="jangka_waktu",
            width=14,
        ),
        _c(
            "jangka_waktu",
            "Jangka Waktu",
            T.TEXT,
            "Tanggal akhir, jumlah tahun, atau peristiwa pengakhiran.",
            width=20,
        ),
        _c(
            "bagian_dikecualikan",
            "Bagian yang Dikecualikan",
            T.LONGTEXT,
            "Untuk SEBAGIAN: bagian yang dihitamkan/dikaburkan.",
            need=Need.COMPLETE,
            when=When("dikecualikan", ("SEBAGIAN",)),
            width=30,
        ),
        _c(
            "dasar_dikonfirmasi",
            "Dasar Hukum Dikonfirmasi",
            T.CHOICE,
            "Ya bila Tim Pertimbangan memeriksa peringatan dasar hukum dan tetap memakai huruf/angka Pasal 17"
            " ini.",
            choices="ya_tidak",
            width=12,
        ),
        _c(
            "catatan_atasan",
            "Catatan Atasan PPID",
            T.LONGTEXT,
            "Catatan bila dikembalikan oleh Atasan PPID.",
            width=30,
            by=By.SYSTEM,
        ),
        *stage_status(),
    ),
)

BERITA_ACARA = Sheet(
    key="berita_acara",
    name="5 Berita Acara",
    kind=Kind.STAGE,
    step=5,
    title="Tahap 5 — Berita Acara Pengujian Konsekuensi",
    actor="Pelaksana: Tim Pertimbangan",
    inputs="Kelengkapan: informasi yang dinyatakan dikecualikan",
    output="Keluaran: berita acara pengujian konsekuensi",
    table="tblBeritaAcara",
    actions=CHECK_MOVE_LETTERS,
    action=Operation.DOCUMENTS,
    columns=(
        *carried(),
        _c(
            "tanggal_uji",
            "Tanggal Pengujian",
            T.DATE,
            "Tanggal pengujian konsekuensi.",
            need=Need.COMPLETE,
            width=14,
        ),
        _c("tempat_uji", "Tempat", T.TEXT, "Tempat pengujian.", need=Need.COMPLETE, width=22),
        _c(
            "anggota_hadir",
            "Anggota Tim Pertimbangan Hadir",
            T.LONGTEXT,
            "Nama dan jabatan, satu per baris atau dipisah titik koma.",
            need=Need.COMPLETE,
            width=36,
        ),
        _c("kesimpulan", "Kesimpulan", T.LONGTEXT, "Kesimpulan pengujian.", width=30),
        _c(
            "dasar_dikonfirmasi",
            "Dasar Hukum Dikonfirmasi",
            T.CHOICE,
            "Ya bila Tim Pertimbangan telah memeriksa peringatan dasar hukum pada 4 Klasifikasi.",
            choices="ya_tidak",
            width=12,
        ),
        _sys(
            "menggantikan_ba",
            "Menggantikan Berita Acara",
            T.TEXT,
            "Nomor berita acara yang diganti (putaran sesudah revisi/penolakan Atasan PPID).",
            width=30,
        ),
        *document_columns("ba", "Berita Acara"),
        *stage_status(),
    ),
)

PERSETUJUAN = Sheet(
    key="persetujuan",
    name="6 Persetujuan",
    kind=Kind.STAGE,
    step=6,
    title="Tahap 6 — Persetujuan Atasan PPID",
    actor="Pelaksana: Atasan PPID",
    inputs="Kelengkapan: berita acara pengujian konsekuensi dan informasi dikecualikan terlampir",
    output="Keluaran: berita acara yang disetujui",
    table="tblPersetujuan",
    actions=CHECK_MOVE,
    action=Operation.ADVANCE,
    columns=(
        *carried(),
        _sys("nomor_ba", "Nomor Berita Acara", T.TEXT, "Disalin dari tahap 5.", width=30),
        _c(
            "keputusan_atasan",
            "Keputusan Atasan",
            T.CHOICE,
            "Disetujui, Ditolak, atau Revisi.",
            need=Need.COMPLETE,
            choices="persetujuan",
            width=14,
        ),
        _c(
            "nama_atasan",
            "Nama Atasan PPID",
            T.TEXT,
            "Nama Atasan PPID yang memutus.",
            need=Need.COMPLETE,
            width=24,
        ),
        _c(
            "tanggal_persetujuan",
            "Tanggal Persetujuan",
            T.DATE,
            "Tanggal keputusan Atasan PPID.",
            need=Need.COMPLETE,
            width=14,
        ),
        _c(
            "catatan_atasan",
            "Catatan Atasan",
            T.LONGTEXT,
            "Wajib bila ditolak atau revisi.",
            need=Need.COMPLETE,
            when=When("keputusan_atasan", ("Ditolak", "Revisi")),
            width=30,
        ),
        *stage_status(),
    ),
)

REGISTER_DIK = Sheet(
    key="register_dik",
    name="7 Register DIK",
    kind=Kind.STAGE,
    step=7,
    title="Tahap 7 — Register Daftar Informasi yang Dikecualikan (DIK)",
    actor="Pelaksana: Tim Kerja (arsip acuan permohonan berikutnya)",
    inputs="Kelengkapan: informasi/dokumen yang dikecualikan",
    output="Keluaran: arsip informasi yang dikecualikan",
    table="tblRegisterDIK",
    actions=CHECK,
    action=Operation.VALIDATE,
    columns=(
        _sys("no_dik", "Nomor DIK", T.TEXT, "Nomor entri DIK (diisi sistem).", width=16),
        REG,
        _c(
            "informasi",
            "Informasi yang Dikecualikan",
            T.LONGTEXT,
            "Informasi spesifik yang dikecualikan.",
            need=Need.ENTRY,
            width=40,
        ),
        _c(
            "perangkat_daerah",
            "Perangkat Daerah",
            T.CHOICE,
            "Perangkat Daerah yang menguasai.",
            need=Need.ENTRY,
            choices="perangkat_daerah",
            width=28,
        ),
        _c(
            "pasal17",
            "Dasar Pasal 17",
            T.PASAL,
            "Huruf dan angka, mis. 17h3.",
            need=Need.ENTRY,
            choices="pasal17",
            width=14,
        ),
        _c("uu_lain", "Undang-Undang Lain", T.TEXT, "Wajib untuk 17j.", width=28),
        _c(
            "konsekuensi",
            "Konsekuensi bila Dibuka",
            T.LONGTEXT,
            "Akibat bila dibuka.",
            need=Need.ENTRY,
            width=36,
        ),
        _c(
            "kepentingan_publik",
            "Pertimbangan Kepentingan Publik",
            T.LONGTEXT,
            "Pertimbangan jika ditutup.",
            need=Need.ENTRY,
            width=36,
        ),
        _c(
            "jenis_jangka_waktu",
            "Jenis Jangka Waktu",
            T.CHOICE,
            "Tanggal, Tahun, Peristiwa, Tidak terbatas.",
            need=Need.ENTRY,
            choices="jangka_waktu",
            width=14,
        ),
        _c("jangka_waktu", "Jangka Waktu", T.TEXT, "Tanggal akhir, jumlah tahun, atau peristiwa.", width=20),
        _c(
            "tanggal_mulai",
            "Tanggal Mulai",
            T.DATE,
            "Tanggal penetapan (persetujuan Atasan PPID).",
            need=Need.ENTRY,
            width=14,
        ),
        _sys("berlaku_sampai", "Berlaku Sampai", T.DATE, "Akhir masa pengecualian (Pasal 20).", width=14),
        _sys("nomor_ba", "Nomor Berita Acara", T.TEXT, "Berita acara dasar penetapan.", width=30),
        _sys(
            "status_dik",
            "Status DIK",
            T.CHOICE,
            "Berlaku, Perlu uji ulang, atau Dibuka.",
            choices="status_dik",
            width=14,
        ),
        _c(
            "tinjau_terakhir",
            "Tanggal Tinjau Terakhir",
            T.DATE,
            "Tanggal terakhir entri peristiwa/tidak terbatas ditinjau.",
            width=14,
        ),
        _sys(
            "tinjau_berikutnya",
            "Tinjau Berikutnya",
            T.DATE,
            "Peninjauan berkala berikutnya (peristiwa/tidak terbatas).",
            width=14,
        ),
        _sys("catatan_validasi", "Catatan Validasi", T.LONGTEXT, "Hasil pemeriksaan isian.", width=48),
        _sys(
            "kolom_bermasalah", "Kolom Bermasalah", T.TEXT, "Kunci kolom bermasalah.", width=10, hidden=True
        ),
    ),
)

KEPUTUSAN = Sheet(
    key="keputusan",
    name="8 Keputusan",
    kind=Kind.STAGE,
    step=8,
    title="Tahap 8 — Penyerahan Informasi atau Surat Penolakan",
    actor="Pelaksana: Tim Kerja / PPID",
    inputs="Kelengkapan: informasi/dokumen yang dimohon atau surat penolakan",
    output="Keluaran: pemberitahuan tertulis atau keputusan penolakan",
    table="tblKeputusan",
    actions=CHECK_MOVE_LETTERS,
    action=Operation.DOCUMENTS,
    columns=(
        *carried(),
        _c(
            "jenis_keputusan",
            "Jenis Keputusan",
            T.CHOICE,
            "Diberikan seluruhnya/sebagian, ditolak, tidak dikuasai, belum didokumentasikan.",
            need=Need.COMPLETE,
            choices="keputusan",
            width=22,
        ),
        _sys("pasal17", "Dasar Pasal 17", T.PASAL, "Disalin dari klasifikasi.", width=14),
        _sys("uu_lain", "Undang-Undang Lain", T.TEXT, "Disalin dari klasifikasi.", width=24),
        _sys("konsekuensi", "Konsekuensi bila Dibuka", T.LONGTEXT, "Disalin dari klasifikasi.", width=30),
        _sys(
            "bagian_dikecualikan",
            "Bagian yang Dikecualikan",
            T.LONGTEXT,
            "Disalin dari klasifikasi (sebagian).",
            width=30,
        ),
        _c("badan_publik_lain", "Badan Publik yang Menguasai", T.TEXT, "Bila tidak dikuasai.", width=24),
        _c(
            "bentuk_informasi",
            "Bentuk Informasi",
            T.CHOICE,
            "Softcopy atau hardcopy.",
            choices="bentuk_informasi",
            width=16,
        ),
        _c(
            "cara_penyampaian",
            "Cara Penyampaian",
            T.CHOICE,
            "Cara informasi atau surat disampaikan.",
            choices="cara_salinan",
            width=18,
        ),
        _c("biaya", "Biaya (Rp)", T.MONEY, "Biaya penggandaan/pengiriman; 0 bila tanpa biaya.", width=12),
        _c(
            "waktu_penyediaan",
            "Waktu Penyediaan (hari kerja)",
            T.INT,
            "Waktu penyediaan informasi dalam hari kerja.",
            width=12,
        ),
        _c(
            "tanggal_keputusan",
            "Tanggal Keputusan",
            T.DATE,
            "Tanggal pemberitahuan tertulis/keputusan.",
            need=Need.COMPLETE,
            width=14,
        ),
        _c(
            "tanggal_penyampaian",
            "Tanggal Penyampaian",
            T.DATE,
            "Tanggal informasi atau surat diserahkan/dikirim.",
            need=Need.COMPLETE,
            width=14,
        ),
        *document_columns("surat", "Surat Keputusan"),
        *document_columns("penolakan", "Keputusan Penolakan Sebagian"),
        *stage_status(),
    ),
)

TANDA_TERIMA = Sheet(
    key="tanda_terima",
    name="9 Tanda Terima",
    kind=Kind.STAGE,
    step=9,
    title="Tahap 9 — Penerimaan Informasi atau Surat Penolakan oleh Pemohon",
    actor="Pelaksana: Pemohon; dicatat oleh Tim Kerja",
    inputs="Kelengkapan: tanda terima informasi/dokumen atau surat penolakan",
    output="Keluaran: informasi/dokumen atau surat penolakan diterima",
    table="tblTandaTerima",
    actions=CHECK_MOVE_LETTERS,
    action=Operation.DOCUMENTS,
    columns=(
        *carried(),
        _sys("jenis_keputusan", "Jenis Keputusan", T.TEXT, "Disalin dari tahap 8.", width=22),
        _c(
            "tanggal_diterima",
            "Tanggal Diterima",
            T.DATE,
            "Tanggal pemohon menerima.",
            need=Need.COMPLETE,
            width=14,
        ),
        _c(
            "nama_penerima",
            "Nama Penerima",
            T.TEXT,
            "Nama yang menerima (pemohon atau kuasanya).",
            need=Need.COMPLETE,
            width=24,
        ),
        _c("cara_diterima", "Cara Diterima", T.CHOICE, "Cara penyerahan.", choices="cara_salinan", width=18),
        *document_columns("tanda_terima", "Tanda Terima"),
        *stage_status(),
    ),
)

ARSIP = Sheet(
    key="arsip",
    name="10 Arsip",
    kind=Kind.STAGE,
    step=10,
    title="Tahap 10 — Pengarsipan dan Laporan",
    actor="Pelaksana: Tim Kerja",
    inputs="Kelengkapan: berkas dan surat permohonan; data informasi yang dikecualikan",
    output="Keluaran: berkas terarsip (softcopy dan hardcopy); laporan",
    table="tblArsip",
    actions=CHECK_MOVE,
    action=Operation.ADVANCE,
    columns=(
        *carried(),
        _sys("jenis_keputusan", "Jenis Keputusan", T.TEXT, "Disalin dari tahap 8.", width=22),
        _c(
            "tanggal_arsip",
            "Tanggal Arsip",
            T.DATE,
            "Tanggal berkas diarsipkan.",
            need=Need.COMPLETE,
            width=14,
        ),
        _c(
            "lokasi_arsip",
            "Lokasi Arsip",
            T.TEXT,
            "Lokasi hardcopy dan/atau folder softcopy.",
            need=Need.COMPLETE,
            width=30,
        ),
        *stage_status(),
    ),
)

# After the SOP: an objection to the Atasan PPID (UU KIP Ps 35-36) and the dispute before the Komisi
# Informasi (Ps 37-38), one row per keberatan.  Not a step of the request: ``advance`` never moves
# rows here; it fills the system columns (clocks) and refuses to archive while one is open.
KEBERATAN = Sheet(
    key="keberatan",
    name="Keberatan",
    kind=Kind.STAGE,
    title="Keberatan kepada Atasan PPID dan Sengketa Informasi",
    actor="Pelaksana: Pemohon mengajukan; dicatat Tim Kerja; ditanggapi Atasan PPID",
    inputs="Kelengkapan: keberatan tertulis dengan nomor registrasi permohonan (Pasal 35-36 UU 14/2008)",
    output=(
        "Keluaran: tanda terima keberatan; tanggapan tertulis Atasan PPID; catatan sengketa di Komisi "
        "Informasi"
    ),
    table="tblKeberatan",
    actions=(Operation.VALIDATE, Operation.DOCUMENTS),
    action=Operation.DOCUMENTS,
    columns=(
        _c(
            "no_registrasi",
            "Nomor Registrasi Permohonan",
            T.REGNO,
            "Nomor registrasi permohonan yang menjadi pokok keberatan (lembar 1 Permohonan).",
            need=Need.ENTRY,
            width=26,
        ),
        _sys("nama_pemohon", "Nama Pemohon", T.TEXT, "Disalin dari lembar Permohonan.", width=24),
        _sys(
            "tanggal_dasar",
            "Tanggal Dasar Keberatan",
            T.DATE,
            "Tanggal keputusan diterima pemohon (9 Tanda Terima), tanggal penyampaian (8), atau batas waktu "
            "jawaban bila permohonan tidak ditanggapi.",
            width=14,
        ),
        _c(
            "tanggal_keberatan",
            "Tanggal Keberatan Diterima",
            T.DATE,
            "Tanggal keberatan tertulis diterima (Pasal 36 ayat 1).",
            need=Need.ENTRY,
            width=14,
        ),
        _c(
            "alasan_keberatan",
            "Alasan Keberatan",
            T.CHOICE,
            "Alasan keberatan menurut Pasal 35 ayat (1) huruf a-g.",
            need=Need.ENTRY,
            choices="alasan_keberatan",
            width=30,
        ),
        _c(
            "uraian_keberatan",
            "Uraian Keberatan",
            T.LONGTEXT,
            "Ringkasan keberatan dan kasus posisi menurut pemohon.",
            width=36,
        ),
        _sys(
            "batas_pengajuan",
            "Batas Pengajuan Keberatan",
            T.DATE,
            "30 hari kerja sejak tanggal dasar (Pasal 36 ayat 1).",
            width=14,
        ),
        _sys(
            "batas_waktu",
            "Batas Waktu Tanggapan",
            T.DATE,
            "30 hari kerja sejak keberatan diterima (Pasal 36 ayat 2).",
            width=14,
        ),
        _sys(
            "status_waktu",
            "Status Waktu",
            T.TEXT,
            "Tanggapan Atasan PPID: tepat waktu / mendekati batas / lewat batas.",
            width=16,
        ),
        _c(
            "tanggal_tanggapan",
            "Tanggal Tanggapan",
            T.DATE,
            "Tanggal tanggapan tertulis Atasan PPID.",
            width=14,
        ),
        _c(
            "putusan_keberatan",
            "Putusan Atasan PPID",
            T.CHOICE,
            "Keberatan diterima, ditolak, atau diselesaikan dengan kesepakatan.",
            choices="putusan_keberatan",
            width=22,
        ),
        _c(
            "pertimbangan_atasan",
            "Pertimbangan Atasan PPID",
            T.LONGTEXT,
            "Alasan tertulis tanggapan (wajib bila keberatan ditolak).",
            width=36,
        ),
        _c(
            "tanggapan_diterima",
            "Tanggal Tanggapan Diterima Pemohon",
            T.DATE,
            "Bila diketahui; batas sengketa dihitung sejak tanggal ini.",
            width=14,
        ),
        _sys(
            "batas_sengketa",
            "Batas Pengajuan Sengketa",
            T.DATE,
            "14 hari kerja sejak tanggapan diterima (Pasal 37 ayat 2).",
            width=14,
        ),
        _c(
            "tanggal_sengketa",
            "Tanggal Sengketa ke Komisi Informasi",
            T.DATE,
            "Tanggal pemohon mengajukan sengketa ke Komisi Informasi.",
            width=14,
        ),
        _c(
            "register_sengketa",
            "Nomor Register Sengketa",
            T.TEXT,
            "Nomor register perkara di Komisi Informasi.",
            width=24,
        ),
        _c(
            "putusan_sengketa",
            "Putusan Komisi Informasi",
            T.CHOICE,
            "Hasil mediasi atau putusan ajudikasi.",
            choices="putusan_sengketa",
            width=24,
        ),
        _c(
            "tanggal_putusan_sengketa",
            "Tanggal Putusan Komisi Informasi",
            T.DATE,
            "Tanggal mediasi berhasil atau putusan dibacakan.",
            width=14,
        ),
        _sys(
            "status_keberatan",
            "Status Keberatan",
            T.TEXT,
            "Menunggu tanggapan / ditanggapi / sengketa di Komisi Informasi / selesai.",
            width=22,
        ),
        *document_columns("tanda_keberatan", "Registrasi Keberatan"),
        *document_columns("tanggapan", "Tanggapan atas Keberatan"),
        _sys("catatan", "Catatan", T.LONGTEXT, "Alasan dokumen belum dapat dibuat.", width=40),
        _sys(
            "catatan_validasi",
            "Catatan Validasi",
            T.LONGTEXT,
            "Hasil pemeriksaan isian; dikosongkan bila sudah benar.",
            width=48,
        ),
        _sys(
            "kolom_bermasalah",
            "Kolom Bermasalah",
            T.TEXT,
            "Daftar kunci kolom bermasalah (untuk penyorotan).",
            width=10,
            hidden=True,
        ),
    ),
)


STAGES: tuple[Sheet, ...] = (
    PERMOHONAN,
    KOORDINASI,
    KAJIAN,
    KLASIFIKASI,
    BERITA_ACARA,
    PERSETUJUAN,
    REGISTER_DIK,
    KEPUTUSAN,
    TANDA_TERIMA,
    ARSIP,
)

HARI_LIBUR = Sheet(
    key="hari_libur",
    name="Hari Libur",
    kind=Kind.HOLIDAYS,
    title="Hari Libur dan Cuti Bersama",
    actor="Diisi paket holidays saat init; staf menambah/membatalkan hari sesuai SKB atau penutupan kantor",
    inputs="Jenis 'Bukan hari libur' membatalkan tanggal dari kalender nasional",
    output="Dipakai untuk menghitung hari kerja dan batas waktu",
    table="tblHariLibur",
    columns=(
        _c("tanggal", "Tanggal", T.DATE, "Tanggal libur (dd/mm/yyyy).", need=Need.ENTRY, width=14),
        _c("keterangan", "Keterangan", T.TEXT, "Nama hari libur.", need=Need.ENTRY, width=36),
        _c(
            "jenis",
            "Jenis",
            T.CHOICE,
            "Libur nasional, cuti bersama, penutupan kantor, atau bukan hari libur.",
            need=Need.ENTRY,
            choices="jenis_libur",
            width=18,
        ),
        _c("dasar", "Dasar (SK/SKB)", T.TEXT, "Nomor SK atau SKB yang menetapkan.", width=30),
        _sys("sumber", "Sumber", T.TEXT, "Paket holidays atau staf.", width=16),
        _sys("catatan_validasi", "Catatan Validasi", T.LONGTEXT, "Hasil pemeriksaan isian.", width=40),
        _sys(
            "kolom_bermasalah", "Kolom Bermasalah", T.TEXT, "Kunci kolom bermasalah.", width=10, hidden=True
        ),
    ),
)

LOG = Sheet(
    key="log",
    name="Log",
    kind=Kind.LOG,
    title="Log Perubahan (hanya ditambah, tidak pernah diubah)",
    actor="Diisi sistem setiap kali perintah atau tombol menulis ke register",
    table="tblLog",
    columns=(
        _sys("waktu", "Waktu", T.DATETIME, "Waktu kejadian.", width=18),
        _sys("no_registrasi", "Nomor Registrasi", T.TEXT, "Permohonan yang terdampak.", width=26),
        _sys("dari", "Dari", T.TEXT, "Tahap asal.", width=16),
        _sys("ke", "Ke", T.TEXT, "Tahap tujuan atau jenis tulisan.", width=16),
        _sys("keterangan", "Keterangan", T.LONGTEXT, "Uraian perubahan.", width=50),
        _sys("pemicu", "Pemicu", T.TEXT, "CLI atau Tombol.", width=10),
        _sys("pengguna", "Pengguna", T.TEXT, "Pengguna sistem operasi atau Excel.", width=16),
    ),
)

BERANDA = Sheet(
    key="beranda",
    name="Beranda",
    kind=Kind.HOME,
    title="Register Uji Konsekuensi Informasi Publik",
    actor="PPID Dinas Komunikasi dan Informatika Provinsi Kalimantan Barat",
    output="Ringkasan per tahap dan daftar permohonan lewat batas waktu (diperbarui setiap proses)",
    actions=REPORT,
    action=Operation.REPORT,
)

REFERENSI = Sheet(
    key="referensi", name="Referensi", kind=Kind.REFERENCE, title="Daftar Pilihan (sumber dropdown)"
)
PENGATURAN = Sheet(key="pengaturan", name="Pengaturan", kind=Kind.SETTINGS, title="Pengaturan Kantor")

# Workbook order: start page, the ten stages, then support sheets.
SHEETS: tuple[Sheet, ...] = (BERANDA, *STAGES, KEBERATAN, HARI_LIBUR, REFERENSI, PENGATURAN, LOG)
SHEET_BY_KEY: dict[str, Sheet] = {s.key: s for s in SHEETS}
STAGE_BY_STEP: dict[int, Sheet] = {s.step: s for s in STAGES if s.step is not None}
TABLE_SHEETS: tuple[Sheet, ...] = tuple(s for s in SHEETS if s.columns)


# ---------------------------------------------------------------- settings (Pengaturan sheet)
@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "instansi",
        "Nama Instansi",
        "Dinas Komunikasi dan Informatika Provinsi Kalimantan Barat",
        "Kop surat baris utama.",
    ),
    Setting("pemerintah", "Pemerintah", "Pemerintah Provinsi Kalimantan Barat", "Kop surat baris pertama."),
    Setting(
        "alamat",
        "Alamat",
        "Jl. Ahmad Yani, Gedung Pelayanan Terpadu Lt. 6, Pontianak, Kalimantan Barat 78124",
        "Alamat kantor.",
    ),
    Setting("telepon", "Telepon", "0896-9930-5225", "Nomor telepon layanan."),
    Setting("laman", "Laman", "https://diskominfo.kalbarprov.go.id", "Alamat situs web."),
    Setting("surel", "Surel", "diskominfo@kalbarprov.go.id", "Alamat surel resmi."),
    Setting("kota", "Kota Penandatanganan", "Pontianak", "Tempat penandatanganan surat."),
    Setting(
        "logo",
        "Berkas Logo (opsional)",
        "",
        "Lokasi berkas gambar logo untuk kop surat; kosongkan bila tidak ada.",
    ),
    Setting(
        "nama_ppid", "Nama PPID", "Rudi Hartono, S.Kom., M.M.", "Pejabat Pengelola Informasi dan Dokumentasi."
    ),
    Setting("nip_ppid", "NIP PPID", "197905122005011004", "NIP PPID (18 digit)."),
    Setting(
        "jabatan_ppid",
        "Jabatan PPID",
        "PPID Dinas Komunikasi dan Informatika",
        "Jabatan pada blok tanda tangan.",
    ),
    Setting("nama_atasan", "Nama Atasan PPID", "Samuel, S.E., M.Si.", "Atasan PPID (Kepala Dinas)."),
    Setting("nip_atasan", "NIP Atasan PPID", "196604081993031009", "NIP Atasan PPID."),
    Setting(
        "jabatan_atasan",
        "Jabatan Atasan PPID",
        "Kepala Dinas Komunikasi dan Informatika Provinsi Kalimantan Barat",
        "Jabatan Atasan PPID.",
    ),
    Setting(
        "pangkat_ppid",
        "Pangkat/Golongan PPID",
        "Pembina (IV/a)",
        "Baris pangkat di bawah nama PPID pada blok tanda tangan.",
    ),
    Setting(
        "pangkat_atasan",
        "Pangkat/Golongan Atasan PPID",
        "Pembina Utama Madya (IV/d)",
        "Baris pangkat di bawah nama Atasan PPID.",
    ),
    Setting(
        "tim_pertimbangan",
        "Anggota Tim Pertimbangan",
        "Drs. Agus Salim (Ketua); Maria Goreti, S.H. (Anggota); Yohanes Edi, S.Sos. (Anggota)",
        "Dipisah titik koma: nama (jabatan).",
    ),
    Setting(
        "pola_registrasi",
        "Pola Nomor Registrasi",
        "PPID-KOMINFO/{tahun}/{bulan:02d}/{seq:04d}",
        "Pola nomor registrasi permohonan.",
    ),
    Setting(
        "pola_tanda_bukti",
        "Pola Nomor Tanda Bukti",
        "{seq:03d}/TBP/PPID-DISKOMINFO/{romawi}/{tahun}",
        "Tanda bukti penerimaan permohonan.",
    ),
    Setting(
        "pola_ba",
        "Pola Nomor Berita Acara",
        "{seq:03d}/BA-UK/PPID-DISKOMINFO/{romawi}/{tahun}",
        "Berita acara uji konsekuensi.",
    ),
    Setting(
        "pola_penolakan",
        "Pola Nomor Keputusan Penolakan",
        "{seq:03d}/SK-TOLAK/PPID-DISKOMINFO/{romawi}/{tahun}",
        "Keputusan PPID tentang penolakan.",
    ),
    Setting(
        "pola_pemberitahuan",
        "Pola Nomor Pemberitahuan Tertulis",
        "{seq:03d}/PT/PPID-DISKOMINFO/{romawi}/{tahun}",
        "Pemberitahuan tertulis.",
    ),
    Setting(
        "pola_perpanjangan",
        "Pola Nomor Surat Perpanjangan",
        "{seq:03d}/PWP/PPID-DISKOMINFO/{romawi}/{tahun}",
        "Pemberitahuan perpanjangan waktu.",
    ),
    Setting(
        "pola_tanda_terima",
        "Pola Nomor Tanda Terima",
        "{seq:03d}/TT/PPID-DISKOMINFO/{romawi}/{tahun}",
        "Tanda terima informasi/surat.",
    ),
    Setting("pola_dik", "Pola Nomor DIK", "DIK-{tahun}-{seq:03d}", "Nomor entri Register DIK."),
    Setting(
        "pola_keberatan",
        "Pola Nomor Registrasi Keberatan",
        "{seq:03d}/KEB/PPID-DISKOMINFO/{romawi}/{tahun}",
        "Nomor registrasi keberatan (tanda terima keberatan).",
    ),
    Setting(
        "pola_tanggapan_keberatan",
        "Pola Nomor Tanggapan Keberatan",
        "{seq:03d}/TGP-KEB/PPID-DISKOMINFO/{romawi}/{tahun}",
        "Tanggapan Atasan PPID atas keberatan.",
    ),
    Setting("jam_buka", "Jam Layanan Buka", "07:30", "Awal jam layanan (jj:mm)."),
    Setting(
        "jam_tutup",
        "Jam Layanan Tutup",
        "16:00",
        "Akhir jam layanan; permohonan sesudahnya dianggap diterima hari kerja berikutnya.",
    ),
    Setting(
        "hari_ke_1",
        "Hari Penerimaan Dihitung",
        "Tidak",
        "Ya: hari penerimaan dihitung hari ke-1; Tidak: hari ke-1 adalah hari kerja berikutnya.",
    ),
    Setting("batas_hari_kerja", "Batas Jawaban (hari kerja)", 10, "Pasal 22 ayat (7) UU 14/2008."),
    Setting("perpanjangan_hari_kerja", "Perpanjangan (hari kerja)", 7, "Pasal 22 ayat (8) UU 14/2008."),
    Setting(
        "ambang_mendekati", "Ambang Mendekati Batas (hari kerja)", 2, "Sisa hari kerja yang ditandai kuning."
    ),
    Setting("batas_keberatan", "Batas Keberatan (hari kerja)", 30, "Pasal 36 ayat (1) UU 14/2008."),
    Setting(
        "batas_tanggapan_keberatan",
        "Batas Tanggapan Keberatan (hari kerja)",
        30,
        "Pasal 36 ayat (2) UU 14/2008: tanggapan tertulis Atasan PPID sejak keberatan diterima.",
    ),
    Setting(
        "batas_sengketa",
        "Batas Pengajuan Sengketa (hari kerja)",
        14,
        "Pasal 37 ayat (2) UU 14/2008: sejak tanggapan Atasan PPID diterima.",
    ),
    Setting(
        "sengketa_tanpa_tanggapan",
        "Sengketa bila Tidak Ditanggapi",
        "Ya",
        "Ya: bila Atasan PPID tidak menanggapi, batas sengketa dihitung sejak batas tanggapan berakhir "
        "(praktik Perki 1/2013); Tidak: hanya sejak tanggapan.",
    ),
    Setting(
        "jumlah_cadangan",
        "Jumlah Cadangan Disimpan",
        10,
        "Banyaknya salinan cadangan register yang disimpan.",
    ),
    Setting(
        "tahun_paling_awal",
        "Tahun Paling Awal",
        "",
        "Tanggal sebelum 1 Januari tahun ini ditolak; kosong: tahun register dikurangi 1.",
    ),
    Setting(
        "dik_hari_pemberitahuan",
        "Pemberitahuan Uji Ulang DIK (hari)",
        60,
        "Entri DIK yang berakhir dalam sekian hari didaftar di Beranda dan laporan bulanan.",
    ),
    Setting(
        "dik_bulan_tinjau",
        "Peninjauan Berkala DIK (bulan)",
        12,
        "Entri DIK peristiwa/tidak terbatas ditinjau setiap sekian bulan.",
    ),
    Setting(
        "ambang_preseden",
        "Ambang Kemiripan Preseden (0-100)",
        70,
        "Skor minimal kemiripan rincian dengan entri DIK.",
    ),
)
SETTING_BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


# ---------------------------------------------------------------- documents (letters)
@dataclass(frozen=True)
class Document:
    key: str
    title: str
    template: str  # file name in templates/
    sheet: str  # sheet key whose row gets number/date/path
    prefix: str  # document_columns prefix on that sheet
    pattern: str  # settings key of the numbering pattern
    required: tuple[str, ...] = field(default=())  # row keys that must be filled to render


DOCUMENTS: tuple[Document, ...] = (
    Document(
        "tanda_bukti",
        "Tanda Bukti Penerimaan Permohonan Informasi",
        "tanda_bukti_penerimaan.docx",
        "permohonan",
        "tanda_bukti",
        "pola_tanda_bukti",
        ("no_registrasi", "nama_pemohon", "rincian_informasi", "waktu_diterima"),
    ),
    Document(
        "perpanjangan",
        "Pemberitahuan Perpanjangan Waktu",
        "pemberitahuan_perpanjangan.docx",
        "permohonan",
        "perpanjangan",
        "pola_perpanjangan",
        ("no_registrasi", "nama_pemohon", "alasan_perpanjangan", "tanggal_perpanjangan"),
    ),
    Document(
        "berita_acara",
        "Berita Acara Uji Konsekuensi",
        "berita_acara_uji_konsekuensi.docx",
        "berita_acara",
        "ba",
        "pola_ba",
        ("no_registrasi", "tanggal_uji", "tempat_uji", "anggota_hadir"),
    ),
    Document(
        "penolakan",
        "Keputusan PPID tentang Penolakan Permohonan Informasi",
        "keputusan_penolakan.docx",
        "keputusan",
        "surat",
        "pola_penolakan",
        ("no_registrasi", "nama_pemohon", "pasal17", "konsekuensi", "tanggal_keputusan"),
    ),
    Document(
        "penolakan_sebagian",
        "Keputusan PPID tentang Penolakan Sebagian Permohonan Informasi",
        "keputusan_penolakan_sebagian.docx",
        "keputusan",
        "penolakan",
        "pola_penolakan",
        (
            "no_registrasi",
            "nama_pemohon",
            "pasal17",
            "konsekuensi",
            "bagian_dikecualikan",
            "tanggal_keputusan",
        ),
    ),
    Document(
        "pemberitahuan",
        "Pemberitahuan Tertulis",
        "pemberitahuan_tertulis.docx",
        "keputusan",
        "surat",
        "pola_pemberitahuan",
        ("no_registrasi", "nama_pemohon", "jenis_keputusan", "tanggal_keputusan"),
    ),
    Document(
        "tanda_terima",
        "Tanda Terima",
        "tanda_terima.docx",
        "tanda_terima",
        "tanda_terima",
        "pola_tanda_terima",
        ("no_registrasi", "nama_penerima", "tanggal_diterima"),
    ),
    Document(
        "tanda_terima_keberatan",
        "Tanda Terima Keberatan",
        "tanda_terima_keberatan.docx",
        "keberatan",
        "tanda_keberatan",
        "pola_keberatan",
        ("no_registrasi", "tanggal_keberatan", "alasan_keberatan"),
    ),
    Document(
        "tanggapan_keberatan",
        "Tanggapan atas Keberatan",
        "tanggapan_keberatan.docx",
        "keberatan",
        "tanggapan",
        "pola_tanggapan_keberatan",
        ("no_registrasi", "tanggal_tanggapan", "putusan_keberatan"),
    ),
)
DOCUMENT_BY_KEY: dict[str, Document] = {d.key: d for d in DOCUMENTS}

# Columns that hold personal data: never printed in full, never in a report.
PERSONAL_KEYS = frozenset({"nik", "telepon", "email", "alamat", "dokumen_badan_hukum", "surat_kuasa"})


def stage_label(step: int) -> str:
    return STAGE_BY_STEP[step].name
