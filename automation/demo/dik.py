"""The demo's living Register DIK: an imported published DIK, staff-typed entries, a synonym precedent.

``seed_dik`` runs before the first ``advance``: it writes a small published DIK table (sub-numbered
rows), imports it with ``ppid impor-dik``, types two entries as staff would (one whose period ends
within the re-test notice window, one event-based entry due for its periodic review), and records
one request whose topic matches an imported entry only through the synonym lexicon; that request is
received in the month the demo reports on and driven to the archive, so its berita acara cites the
entry and the monthly report lists it (``synonym_scenario``).
``show_dik`` runs after the report: it publishes the Penetapan DIK and prints the queue and the
precedent of that request.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

from rich.console import Console

from .. import operations
from ..changes import Changes
from ..excel.reader import read_register
from .data import Scenario, Topic, person

TABLE_FILE = "contoh_dik_terbitan.xlsx"
HEADER = (
    "No",
    "Informasi yang Dikecualikan",
    "Dasar Hukum",
    "Konsekuensi jika Dibuka",
    "Konsekuensi jika Ditutup",
    "Jangka Waktu",
)
PUBLISHED: tuple[tuple[str, ...], ...] = (
    ("1", "Data kepegawaian:", "", "", "", ""),
    (
        "a",
        "Daftar gaji dan tunjangan ASN",
        "Pasal 17 huruf h angka 3 UU 14/2008",
        "Membuka keadaan keuangan pribadi pegawai.",
        "Rekapitulasi belanja pegawai tetap diumumkan berkala.",
        "Tidak terbatas",
    ),
    (
        "b",
        "Hasil pemeriksaan kesehatan berkala pegawai",
        "Pasal 17 huruf h angka 2 UU 14/2008",
        "Membuka riwayat kesehatan seseorang.",
        "Kerahasiaan data kesehatan melindungi pegawai.",
        "Tidak terbatas",
    ),
    (
        "2",
        "Berkas pemeriksaan pengaduan masyarakat yang sedang ditindaklanjuti Inspektorat",
        "Pasal 17 huruf a angka 1 UU 14/2008",
        "Menghambat proses pemeriksaan yang sedang berjalan.",
        "Kepentingan penegakan aturan lebih besar.",
        "Sampai pemeriksaan selesai",
    ),
)
SYNONYM_REQUEST = "Rincian penghasilan pegawai negeri sipil tahun 2026"  # "Daftar gaji dan tunjangan ASN"
OFFICE = "Dinas Komunikasi dan Informatika"


def write_table(path: Path) -> Path:
    """The sample published DIK (.xlsx), as offices post it: title rows, then the table."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "DIK"
    sheet.append(["DAFTAR INFORMASI YANG DIKECUALIKAN"])
    sheet.append([f"PPID {OFFICE} Provinsi Kalimantan Barat"])
    sheet.append([])
    sheet.append(list(HEADER))
    for row in PUBLISHED:
        sheet.append(list(row))
    book.save(path)
    return path


def staff_entries(today: dt.date) -> list[dict[str, Any]]:
    """Two rows typed by staff: a date period ending in 25 days, an event entry started 13 months ago."""
    ends = today + dt.timedelta(days=25)
    common = {
        "perangkat_daerah": OFFICE,
        "kepentingan_publik": "Menutup sementara melindungi proses pengadaan.",
    }
    return [
        {
            **common,
            "informasi": "Harga Perkiraan Sendiri (HPS) paket pengadaan server pusat data 2026",
            "pasal17": "17b",
            "konsekuensi": "Membuka HPS sebelum lelang merusak persaingan usaha yang sehat.",
            "jenis_jangka_waktu": "Tanggal",
            "jangka_waktu": f"{ends:%d/%m/%Y}",
            "tanggal_mulai": today - dt.timedelta(days=300),
        },
        {
            **common,
            "informasi": "Dokumen penyidikan dugaan pungutan liar perizinan menara telekomunikasi",
            "pasal17": "17a1",
            "konsekuensi": "Menghambat penyidikan yang sedang berjalan.",
            "kepentingan_publik": "Keberhasilan penegakan hukum lebih besar manfaatnya.",
            "jenis_jangka_waktu": "Peristiwa",
            "jangka_waktu": "Sampai perkara memperoleh kekuatan hukum tetap",
            "tanggal_mulai": today - dt.timedelta(days=400),
        },
    ]


SYNONYM_TOPIC = Topic(
    SYNONYM_REQUEST,
    "Penelitian remunerasi aparatur",
    OFFICE,
    "YA",
    "17h3",
    "",
    "Membuka penghasilan perorangan pegawai mengungkap keadaan keuangan pribadi.",
    "Rekapitulasi belanja pegawai tetap diumumkan secara berkala.",
    ("Tidak terbatas", ""),
)


def synonym_received(today: dt.date) -> dt.datetime:
    """A working morning near the 12th of the month before ``today`` (the month the demo reports on)."""
    day = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=12)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(9, 30))


def synonym_scenario(index: int, today: dt.date) -> Scenario:
    """The synonym request as a scenario the staff simulation drives to the archive (tested, exempt)."""
    return Scenario(index, SYNONYM_TOPIC, synonym_received(today), 11, synonym_request(today))


def synonym_request(today: dt.date) -> dict[str, Any]:
    return {
        **person(random.Random(16), 99),
        "waktu_diterima": synonym_received(today),
        "saluran": "Surel",
        "rincian_informasi": SYNONYM_REQUEST,
        "tujuan": "Penelitian remunerasi aparatur",
        "cara_memperoleh": "Mendapatkan salinan (softcopy)",
        "cara_salinan": "Surel",
        "perangkat_daerah": OFFICE,
    }


def seed_dik(
    path: Path, directory: Path, console: Console, *, now: dt.datetime, plan: list[Scenario] | None = None
) -> None:
    from ..dik.commands import import_dik

    today = now.date()
    table = write_table(directory / TABLE_FILE)
    start = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=2)  # in the month the report covers
    imported = import_dik(path, table, now=now, start=start, office=OFFICE).result
    console.print(
        f"   DIK terbitan diimpor dari {table.name}: {len(imported.entries)} entri "
        f"({', '.join(e.number for e in imported.entries)})."
    )
    rows = {"register_dik": staff_entries(today), "permohonan": [synonym_request(today)]}
    operations.commit(path, lambda reg: (Changes(appends=rows), None))
    if plan is not None:  # the request's row follows the plan's rows: its index is the plan's length
        plan.append(synonym_scenario(len(plan), today))
    console.print(
        "   2 entri DIK diketik staf (satu segera berakhir, satu perlu ditinjau berkala) dan "
        "1 permohonan bertopik sinonim dicatat."
    )


def show_dik(path: Path, console: Console, *, now: dt.datetime) -> None:
    from ..dik.commands import publish_dik
    from ..workflow.precedent import request_precedent
    from ..workflow.queue import due_entries

    reg = read_register(path, with_log=False)
    publication = publish_dik(path, now=now, pdf=shutil.which("soffice") is not None)  # like the letters
    console.print("[bold]DIK.[/] Penetapan DIK: " + ", ".join(str(p) for p in publication.paths.values()))
    for due in due_entries(reg, now.date()):
        console.print(f"   Perlu uji ulang/tinjau: {due.number} ({due.reason}, {due.when:%d/%m/%Y})")
    number = next(
        (
            r.text("no_registrasi")
            for r in reg.records("permohonan")
            if r.text("rincian_informasi") == SYNONYM_REQUEST
        ),
        "",
    )
    if number:
        console.print(f"   {number}: {request_precedent(reg, number, now.date())}")
        show_citations(reg, number, console)


def show_citations(reg: Any, number: str, console: Console) -> None:
    """What the request's berita acara cites (automation.workflow.cited), as the demo log shows it."""
    from ..workflow.cited import Citations

    for citation in Citations(reg).of(number):
        console.print(
            f"   Berita acara {number} mengutip preseden {citation.number} (skor {citation.score}).",
            markup=False,
        )
