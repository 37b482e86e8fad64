"""Each document's template context, built from its register row, related rows and Pengaturan."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..reference import KATEGORI_PEMOHON, KEPUTUSAN, Keputusan, canonical
from ..register import Record
from ..schema import DOCUMENT_BY_KEY
from ..values import as_text, parse_date
from ..workflow.cited import Citation
from ..workflow.precedent import validity_text
from . import bahasa
from .minutes import (
    approval,
    conclusion,
    contradicting_conclusion,
    given_and_withheld,
    members,
    tested_items,
    unconfirmed_grounds,
)
from .objections import tanda_terima_keberatan, tanggapan_keberatan
from .parties import carried, requester
from .sources import EMPTY, Row, Sources

DITOLAK = KEPUTUSAN[2]
SELURUHNYA, SEBAGIAN, TIDAK_DIKUASAI, BELUM_DIDOKUMENTASIKAN = (
    KEPUTUSAN[0],
    KEPUTUSAN[1],
    KEPUTUSAN[3],
    KEPUTUSAN[4],
)
BADAN_HUKUM = KATEGORI_PEMOHON[2]
SUREL = "Surel"  # Cara Diterima of a delivery by e-mail: no wet signature


@dataclass
class Built:
    """A document's context, its natural date (number year and folder) and what stops it."""

    context: dict[str, Any]
    day: date | None
    problems: list[str] = field(default_factory=list)


def build(doc_key: str, src: Sources, sheet_key: str, record: Record, *, today: date) -> Built:
    """The context of one document; ``problems`` lists every missing or invalid value."""
    problems: list[str] = []
    row = Row(src.reg, sheet_key, record, problems)
    for key in DOCUMENT_BY_KEY[doc_key].required:
        if key in row_keys(src, sheet_key) and key not in _CARRIED:
            row.text(key, required=True)
    context, day = BUILDERS[doc_key](src, row, today)
    context = {**kop(src), **context}
    return Built(context, day, list(dict.fromkeys(problems)))


def row_keys(src: Sources, sheet_key: str) -> tuple[str, ...]:
    return src.reg.sheets[sheet_key].spec.keys if sheet_key in src.reg.sheets else ()


def kop(src: Sources) -> dict[str, Any]:
    """Letterhead and officials, from Pengaturan."""
    return {
        "pemerintah": src.setting("pemerintah"),
        "instansi": src.setting("instansi"),
        "alamat_instansi": src.setting("alamat"),
        "telepon_instansi": src.setting("telepon"),
        "laman": src.setting("laman"),
        "surel_instansi": src.setting("surel"),
        "kota": src.setting("kota"),
        "logo": "",
        **bahasa.signature(src.reg.config),
    }


_CARRIED = ("nama_pemohon", "rincian_informasi", "perangkat_daerah")


def _base(src: Sources, row: Row) -> dict[str, str]:
    return {
        "no_registrasi": row.text("no_registrasi", required=True),
        "nama_pemohon": carried(src, row, "nama_pemohon", required=True),
        "rincian_informasi": carried(src, row, "rincian_informasi", required=True),
    }


def _tanda_bukti(src: Sources, row: Row, today: date) -> tuple[dict[str, Any], date | None]:
    received = row.datetime("waktu_diterima", required=True)
    deadline = src.deadline(received, src.setting_int("batas_hari_kerja")) if received else None
    return {
        **_base(src, row),
        **requester(src, row, need_address=False),
        "waktu_diterima": bahasa.waktu(received) if received else EMPTY,
        "saluran": row.text("saluran"),
        "tujuan": row.text("tujuan"),
        "cara_memperoleh": row.text("cara_memperoleh"),
        "cara_salinan": row.text("cara_salinan"),
        "batas_waktu": bahasa.tanggal(deadline) if deadline else EMPTY,
        "batas_hari_kerja": bahasa.hari_kerja(src.setting_int("batas_hari_kerja")),
        "lama_perpanjangan": bahasa.hari_kerja(src.setting_int("perpanjangan_hari_kerja")),
    }, (received.date() if received else None)


def _perpanjangan(src: Sources, row: Row, today: date) -> tuple[dict[str, Any], date | None]:
    received = row.datetime("waktu_diterima", required=True)
    base, extra = src.setting_int("batas_hari_kerja"), src.setting_int("perpanjangan_hari_kerja")
    first = src.deadline(received, base) if received else None
    new = src.deadline(received, base + extra) if received else None
    return {
        **_base(src, row),
        **requester(src, row, need_address=False),
        "waktu_diterima": bahasa.waktu(received) if received else EMPTY,
        "alasan_perpanjangan": row.text("alasan_perpanjangan", required=True),
        "lama_perpanjangan": bahasa.hari_kerja(extra),
        "batas_waktu_awal": bahasa.tanggal(first) if first else EMPTY,
        "batas_waktu": bahasa.tanggal(new) if new else EMPTY,
    }, _extension_day(row, first)


def _extension_day(row: Row, first: date | None) -> date | None:
    """The notice's own date (Tanggal Surat Perpanjangan); none once the first 10 working days are over."""
    day = row.date("tanggal_perpanjangan", required=True)
    if day is not None and first is not None and day > first:
        row.problems.append(
            f"perpanjangan bertanggal {bahasa.tanggal(day)}, sesudah batas waktu {bahasa.tanggal(first)}; "
            "Pasal 22 ayat (8) UU 14/2008 hanya membolehkan perpanjangan dalam 10 hari kerja pertama — "
            "kirim pemberitahuan tertulis, bukan surat perpanjangan"
        )
    return day


def _berita_acara(src: Sources, row: Row, today: date) -> tuple[dict[str, Any], date | None]:
    test_day = row.date("tanggal_uji", required=True)
    day = row.date("tanggal_ba") or test_day
    anggota = members(row.text("anggota_hadir", default=""))
    if not anggota:
        row.problems.append(f"kolom {row.label('anggota_hadir')} kosong")
    reg_no = row.text("no_registrasi", default="")
    spelled = (
        bahasa.tanggal_terbilang(test_day)
        if test_day
        else dict.fromkeys(("hari", "tanggal_terbilang", "bulan", "tahun_terbilang"), "")
    )
    items = tested_items(src, row, reg_no)
    row.problems.extend(unconfirmed_grounds(src, reg_no))
    row.problems.extend(contradicting_conclusion(src, row.record, reg_no))
    approved_on, _number = approval(src, reg_no, row.text("nomor_ba", default=""))
    replaced = row.text("menggantikan_ba", default="")
    return {
        "no_registrasi": row.text("no_registrasi", required=True),
        "rincian_informasi": carried(src, row, "rincian_informasi", required=True),
        **spelled,
        "tanggal_uji": bahasa.tanggal(test_day) if test_day else EMPTY,
        "tempat_uji": row.text("tempat_uji", required=True),
        "perangkat_daerah": carried(src, row, "perangkat_daerah", required=True),
        "anggota": anggota,
        "items": items,
        "kesimpulan": conclusion(items) if items else EMPTY,
        "preseden": precedents(src, reg_no, test_day),
        "catatan_tim": row.text("kesimpulan", default=""),
        "menggantikan_ba": replaced,
        "tanggal_persetujuan": approved_on,
    }, day


def precedents(src: Sources, reg_no: str, test_day: date | None) -> list[dict[str, str]]:
    """Numbered lines citing the Register DIK entries the request followed on its test day."""
    if not reg_no or test_day is None:
        return []
    return [
        {"no": str(n), "teks": citation_sentence(c)}
        for n, c in enumerate(src.citations.of(reg_no, test_day), 1)
    ]


def _penolakan(src: Sources, row: Row, today: date) -> tuple[dict[str, Any], date | None]:
    day = row.date("tanggal_keputusan", required=True)
    partial = decision_kind(row.text("jenis_keputusan", default="")) == SEBAGIAN
    row.problems.extend(unconfirmed_grounds(src, row.text("no_registrasi", default="")))
    return {
        **_base(src, row),
        **requester(src, row, need_address=True),
        **keberatan(src),
        "sebagian": partial,
        "bagian_dikecualikan": row.text("bagian_dikecualikan", required=partial),
        "perangkat_daerah": carried(src, row, "perangkat_daerah", required=True),
        "dasar": row.dasar(),
        "konsekuensi": row.text("konsekuensi", required=True),
    }, day


def keberatan(src: Sources) -> dict[str, str]:
    """The requester's right to object (UU KIP Ps 35-36): period, the Atasan PPID by name, where to file."""
    return {
        "batas_keberatan": bahasa.hari_kerja(src.setting_int("batas_keberatan")),
        "tempat_keberatan": f"{src.setting('instansi')}, {src.setting('alamat')}",
    }


def decision_kind(text: str) -> str | None:
    """The reference spelling of a Jenis Keputusan value, None when unknown."""
    return canonical(Keputusan, text)


def _pemberitahuan(src: Sources, row: Row, today: date) -> tuple[dict[str, Any], date | None]:
    day = row.date("tanggal_keputusan", required=True)
    raw = row.text("jenis_keputusan", required=True, default="")
    kind = decision_kind(raw)
    given_items, withheld = _partial_items(src, row) if kind == SEBAGIAN else ([], [])
    if raw and (kind is None or kind == DITOLAK):
        row.problems.append(f"kolom {row.label('jenis_keputusan')} berisi '{raw}' yang tidak dikenal")
    given = kind in (SELURUHNYA, SEBAGIAN)
    partial = kind == SEBAGIAN
    cost = row.int("biaya", money=True) if given else None
    days = row.int("waktu_penyediaan", required=given or kind == BELUM_DIDOKUMENTASIKAN)
    return {
        **_base(src, row),
        **requester(src, row, need_address=False),
        "jenis_keputusan": kind or raw,
        "diberikan": given,
        "sebagian": partial,
        "tidak_dikuasai": kind == TIDAK_DIKUASAI,
        "belum_didokumentasikan": kind == BELUM_DIDOKUMENTASIKAN,
        "bentuk_informasi": row.text("bentuk_informasi", required=given),
        "cara_penyampaian": row.text("cara_penyampaian", required=given),
        "biaya": bahasa.rupiah_terbilang(cost) if cost else "Tidak dikenakan biaya",
        "waktu_penyediaan": _days_text(days),
        "bagian_dikecualikan": row.text("bagian_dikecualikan", required=partial),
        "dasar": row.dasar(required=partial) if partial else [],
        "konsekuensi": row.text("konsekuensi", required=partial),
        "badan_publik_lain": row.text("badan_publik_lain", default="tidak diketahui"),
        "perangkat_daerah": carried(src, row, "perangkat_daerah", required=True),
        "diberikan_daftar": given_items,
        "dikecualikan_daftar": withheld,
        "nomor_penolakan": as_text(src.value("keputusan", row.record, "nomor_penolakan")) if partial else "",
        **keberatan(src),
    }, day


def _partial_items(src: Sources, row: Row) -> tuple[list[str], list[dict[str, str]]]:
    """A partial refusal: the items given and withheld, from 4 Klasifikasi or the row's own copy."""
    reg_no = row.text("no_registrasi", default="")
    given_items, withheld = given_and_withheld(src, reg_no)
    row.problems.extend(unconfirmed_grounds(src, reg_no))
    if not withheld:  # typed without a 4 Klasifikasi trail: the row's own copy of the withheld part
        withheld = [
            {
                "informasi": row.text("bagian_dikecualikan", required=True),
                "dasar": "; ".join(row.dasar()),
                "konsekuensi": row.text("konsekuensi", required=True),
            }
        ]
    return given_items, withheld


def _days_text(days: int | None) -> str:
    if days is None:
        return EMPTY
    return "pada hari yang sama" if days == 0 else bahasa.hari_kerja(days)


def _tanda_terima(src: Sources, row: Row, today: date) -> tuple[dict[str, Any], date | None]:
    day = row.date("tanggal_diterima", required=True)
    reg_no = row.text("no_registrasi", default="")
    decisions = src.rows_of("keputusan", reg_no)
    decision = decisions[-1] if decisions else None
    kind = decision_kind(
        row.text("jenis_keputusan", default="")
        or (as_text(decision.get("jenis_keputusan")) if decision else "")
    )
    number = as_text(src.value("keputusan", decision, "nomor_surat")) if decision else ""
    refusal = as_text(src.value("keputusan", decision, "nomor_penolakan")) if decision else ""
    return {
        **_base(src, row),
        "nama_penerima": row.text("nama_penerima", required=True),
        "tanggal_diterima": bahasa.hari_tanggal(day) if day else EMPTY,
        "cara_diterima": row.text("cara_diterima"),
        "elektronik": row.text("cara_diterima", default="").casefold() == SUREL.casefold(),
        "yang_diterima": received_items(
            kind,
            number,
            carried(src, row, "rincian_informasi"),
            as_text(decision.get("bentuk_informasi")) if decision else "",
            refusal,
        ),
    }, day


def received_items(kind: str | None, number: str, rincian: str, bentuk: str, refusal: str = "") -> str:
    """What the requester received, in words, with the letters' numbers when known."""
    ref = f" Nomor {number}" if number else ""
    if kind == DITOLAK:
        return f"Surat Keputusan PPID tentang Penolakan Permohonan Informasi{ref}"
    if kind in (SELURUHNYA, SEBAGIAN):
        form = f" dalam bentuk {bentuk.lower()}" if bentuk else ""
        part = " (sebagian)" if kind == SEBAGIAN else ""
        also = (
            f" dan Keputusan PPID tentang Penolakan Sebagian Nomor {refusal}"
            if kind == SEBAGIAN and refusal
            else ""
        )
        return (
            f"Informasi/dokumen yang dimohon{part}{form}, yaitu: {rincian}; beserta Pemberitahuan"
            f" Tertulis{ref}{also}"
        )
    return f"Pemberitahuan Tertulis{ref} atas permohonan informasi: {rincian}"


Builder = Callable[[Sources, Row, date], tuple[dict[str, Any], "date | None"]]
BUILDERS: dict[str, Builder] = {
    "tanda_bukti": _tanda_bukti,
    "perpanjangan": _perpanjangan,
    "berita_acara": _berita_acara,
    "penolakan": _penolakan,
    "penolakan_sebagian": _penolakan,
    "pemberitahuan": _pemberitahuan,
    "tanda_terima": _tanda_terima,
    "tanda_terima_keberatan": tanda_terima_keberatan,
    "tanggapan_keberatan": tanggapan_keberatan,
}


def citation_sentence(citation: Citation) -> str:
    """The berita acara's line for a precedent: number, information, when and on what basis it was set,
    ground, period, the text that matched and the score."""
    entry = citation.entry
    start, _error = parse_date(entry.get("tanggal_mulai"))
    when = f", ditetapkan {bahasa.tanggal(start)}" if start else ""
    basis = as_text(entry.get("nomor_ba"))
    pasal = as_text(entry.get("pasal17"))
    return (
        f"Register DIK Nomor {citation.number}, \u201c{citation.informasi}\u201d{when}"
        + (f" berdasarkan {basis}" if basis else "")
        + (f", dasar {bahasa.pasal(pasal, as_text(entry.get('uu_lain')))}" if pasal else "")
        + f", {validity_text(entry)}; serupa dengan \u201c{citation.matched}\u201d"
        + f" (skor kemiripan {citation.score})."
    )
