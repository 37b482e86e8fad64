"""Each document's template context, built from its register row, related rows and Pengaturan."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..reference import KEPUTUSAN
from ..register import Record
from ..schema import DOCUMENT_BY_KEY, SHEET_BY_KEY
from ..values import as_text, parse_date, parse_int
from ..workflow.items import SUPERSEDED
from . import bahasa
from .sources import EMPTY, Row, Sources

DITOLAK = KEPUTUSAN[2]
SELURUHNYA, SEBAGIAN, TIDAK_DIKUASAI, BELUM_DIDOKUMENTASIKAN = KEPUTUSAN[0], KEPUTUSAN[1], KEPUTUSAN[3], KEPUTUSAN[4]
EXEMPT = ("ya", "sebagian")
DEFAULT_KESIMPULAN = (
    "Berdasarkan hasil pengujian konsekuensi tersebut, Tim Pertimbangan menyimpulkan bahwa informasi "
    "sebagaimana tercantum dalam tabel di atas merupakan Informasi yang Dikecualikan berdasarkan Pasal 17 "
    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik, karena akibat yang timbul "
    "apabila informasi tersebut dibuka lebih besar daripada kepentingan publik yang dilindungi apabila "
    "informasi tersebut ditutup."
)
_MEMBER = re.compile(r"^(?P<nama>.*?)\s*\((?P<jabatan>[^()]*)\)\s*$")


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
        "nama_ppid": src.setting("nama_ppid"),
        "nip_ppid": bahasa.nip(src.setting("nip_ppid")),
        "jabatan_ppid": src.setting("jabatan_ppid"),
        "nama_atasan": src.setting("nama_atasan"),
        "nip_atasan": bahasa.nip(src.setting("nip_atasan")),
        "jabatan_atasan": src.setting("jabatan_atasan"),
    }


_CARRIED = ("nama_pemohon", "rincian_informasi", "perangkat_daerah")


def carried(src: Sources, row: Row, key: str, *, required: bool = False) -> str:
    """A value carried from the request: this row's copy, else the Permohonan row."""
    value = row.text(key, default="")
    if not value:
        request = src.requests.get(row.text("no_registrasi", default=""))
        value = as_text(request.get(key)) if request else ""
    if not value and required:
        row.problems.append(f"kolom {row.label(key)} kosong")
    return value or EMPTY


def requester(src: Sources, row: Row, *, need_address: bool) -> dict[str, str]:
    """Identity block of the requester (always from the Permohonan row)."""
    reg_no = row.text("no_registrasi", default="")
    if row.sheet_key == "permohonan":
        req = row
    else:
        rec = src.requests.get(reg_no)
        if rec is None:
            if need_address:
                row.problems.append(f"permohonan {reg_no} tidak ditemukan pada lembar 1 Permohonan")
            return {"alamat_pemohon": EMPTY, "pekerjaan_pemohon": EMPTY, "kontak_pemohon": EMPTY, "waktu_diterima": EMPTY}
        req = Row(src.reg, "permohonan", rec, row.problems, foreign=True)
    contacts = [c for c in (req.text("telepon", default=""), req.text("email", default="")) if c]
    received = req.datetime("waktu_diterima")
    return {
        "waktu_diterima": bahasa.waktu(received) if received else EMPTY,
        "alamat_pemohon": req.text("alamat", required=need_address),
        "pekerjaan_pemohon": req.text("pekerjaan"),
        "kontak_pemohon": " / ".join(contacts) or EMPTY,
    }


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
    }, received.date() if received else None


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
    }, today


def members(text: str) -> list[dict[str, str]]:
    """'Nama (Jabatan); Nama (Jabatan)' or one per line -> numbered members."""
    out: list[dict[str, str]] = []
    for part in re.split(r"[;\n]+", text):
        part = part.strip().lstrip("-•").strip()
        if not part:
            continue
        m = _MEMBER.match(part)
        nama, jabatan = (m.group("nama"), m.group("jabatan").strip()) if m else (part, "Anggota")
        out.append({"no": str(len(out) + 1), "nama": nama.strip(), "jabatan": jabatan or "Anggota"})
    return out


def exempt_rows(src: Sources, reg_no: str) -> list[Record]:
    """Klasifikasi rows of the latest round that are exempt (YA / SEBAGIAN).

    The latest round is what ``advance`` sent to 5 Berita Acara and did not mark as replaced
    after the Atasan PPID sent it back (``automation.workflow.items.latest_round``).  Rows
    typed without that trail: the last batch marked Selesai together (same Tanggal Selesai),
    else the open rows.  A repeated Informasi keeps its last row.
    """
    rows = src.rows_of("klasifikasi", reg_no)
    done = [r for r in rows if as_text(r.get("status_tahap")).casefold() == "selesai"]
    sent = [
        r for r in done
        if as_text(r.get("diteruskan_ke")).casefold() == SHEET_BY_KEY["berita_acara"].name.casefold()
        and not as_text(r.get("catatan")).startswith(SUPERSEDED)
    ]
    if sent:
        rows = sent
    elif done:
        last_day = parse_date(done[-1].get("tanggal_selesai"))[0]
        rows = [r for r in done if parse_date(r.get("tanggal_selesai"))[0] == last_day]
    latest: dict[str, Record] = {}
    for r in rows:
        if as_text(r.get("dikecualikan")).casefold() in EXEMPT:
            latest.pop(as_text(r.get("informasi_diuji")).casefold(), None)
            latest[as_text(r.get("informasi_diuji")).casefold()] = r
    return list(latest.values())


def jangka_waktu(row: Row) -> str:
    kind = row.text("jenis_jangka_waktu", required=True, default="").casefold()
    if kind == "tidak terbatas":
        return "Tidak terbatas"
    raw = row.raw("jangka_waktu")
    text = row.text("jangka_waktu", required=bool(kind))
    if kind == "tanggal":
        day = parse_date(raw)[0]
        return f"Sampai dengan {bahasa.tanggal(day)}" if day else text
    if kind == "tahun":
        years = parse_int(raw)[0]
        return f"{bahasa.angka_terbilang(years)} tahun" if years is not None else text
    return text


def exempt_items(src: Sources, row: Row, reg_no: str) -> list[dict[str, str]]:
    items: list[dict[str, str]] = []
    for rec in exempt_rows(src, reg_no):
        item = Row(src.reg, "klasifikasi", rec, [])
        informasi = item.text("informasi_diuji", required=True)
        if as_text(rec.get("dikecualikan")).casefold() == "sebagian":
            informasi += "\nBagian yang dikecualikan: " + item.text("bagian_dikecualikan", required=True)
        items.append({
            "no": str(len(items) + 1),
            "informasi": informasi,
            "dasar": "\n".join(item.dasar()),
            "konsekuensi": item.text("konsekuensi", required=True),
            "kepentingan_publik": item.text("kepentingan_publik", required=True),
            "jangka_waktu": jangka_waktu(item),
        })
        sheet = src.reg.sheets["klasifikasi"].name if "klasifikasi" in src.reg.sheets else "4 Klasifikasi"
        row.problems.extend(f"{sheet} baris {rec.row}: {p}" for p in item.problems)
    if not items:
        row.problems.append("tidak ada informasi yang dikecualikan (YA/SEBAGIAN) pada lembar 4 Klasifikasi")
    return items


def _berita_acara(src: Sources, row: Row, today: date) -> tuple[dict[str, Any], date | None]:
    day = row.date("tanggal_uji", required=True)
    anggota = members(row.text("anggota_hadir", default=""))
    if not anggota:
        row.problems.append(f"kolom {row.label('anggota_hadir')} kosong")
    spelled = bahasa.tanggal_terbilang(day) if day else dict.fromkeys(("hari", "tanggal_terbilang", "bulan", "tahun_terbilang"), "")
    return {
        **_base(src, row),
        **spelled,
        "tanggal_uji": bahasa.tanggal(day) if day else EMPTY,
        "tempat_uji": row.text("tempat_uji", required=True),
        "perangkat_daerah": carried(src, row, "perangkat_daerah"),
        "anggota": anggota,
        "items": exempt_items(src, row, row.text("no_registrasi", default="")),
        "kesimpulan": row.text("kesimpulan", default=DEFAULT_KESIMPULAN),
    }, day


def _penolakan(src: Sources, row: Row, today: date) -> tuple[dict[str, Any], date | None]:
    day = row.date("tanggal_keputusan", required=True)
    return {
        **_base(src, row),
        **requester(src, row, need_address=True),
        "dasar": row.dasar(),
        "konsekuensi": row.text("konsekuensi", required=True),
        "batas_keberatan": bahasa.hari_kerja(src.setting_int("batas_keberatan")),
    }, day


def decision_kind(text: str) -> str | None:
    """The reference spelling of a Jenis Keputusan value, None when unknown."""
    for kind in KEPUTUSAN:
        if text.strip().casefold() == kind.casefold():
            return kind
    return None


def _pemberitahuan(src: Sources, row: Row, today: date) -> tuple[dict[str, Any], date | None]:
    day = row.date("tanggal_keputusan", required=True)
    raw = row.text("jenis_keputusan", required=True, default="")
    kind = decision_kind(raw)
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
        "waktu_penyediaan": ("pada hari yang sama" if days == 0 else bahasa.hari_kerja(days)) if days is not None else EMPTY,
        "bagian_dikecualikan": row.text("bagian_dikecualikan", required=partial),
        "dasar": row.dasar(required=partial) if partial else [],
        "konsekuensi": row.text("konsekuensi", required=partial),
        "badan_publik_lain": row.text("badan_publik_lain", default="tidak diketahui"),
    }, day


def _tanda_terima(src: Sources, row: Row, today: date) -> tuple[dict[str, Any], date | None]:
    day = row.date("tanggal_diterima", required=True)
    reg_no = row.text("no_registrasi", default="")
    decisions = src.rows_of("keputusan", reg_no)
    decision = decisions[-1] if decisions else None
    kind = decision_kind(row.text("jenis_keputusan", default="") or (as_text(decision.get("jenis_keputusan")) if decision else ""))
    number = as_text(src.value("keputusan", decision, "nomor_surat")) if decision else ""
    return {
        **_base(src, row),
        "nama_penerima": row.text("nama_penerima", required=True),
        "tanggal_diterima": bahasa.hari_tanggal(day) if day else EMPTY,
        "cara_diterima": row.text("cara_diterima"),
        "yang_diterima": received_items(kind, number, carried(src, row, "rincian_informasi"),
                                        as_text(decision.get("bentuk_informasi")) if decision else ""),
    }, day


def received_items(kind: str | None, number: str, rincian: str, bentuk: str) -> str:
    """What the requester received, in words, with the letter's number when known."""
    ref = f" Nomor {number}" if number else ""
    if kind == DITOLAK:
        return f"Surat Keputusan PPID tentang Penolakan Permohonan Informasi{ref}"
    if kind in (SELURUHNYA, SEBAGIAN):
        form = f" dalam bentuk {bentuk.lower()}" if bentuk else ""
        part = " (sebagian)" if kind == SEBAGIAN else ""
        return f"Informasi/dokumen yang dimohon{part}{form}, yaitu: {rincian}; beserta Pemberitahuan Tertulis{ref}"
    return f"Pemberitahuan Tertulis{ref} atas permohonan informasi: {rincian}"


Builder = Callable[[Sources, Row, date], tuple[dict[str, Any], "date | None"]]
BUILDERS: dict[str, Builder] = {
    "tanda_bukti": _tanda_bukti,
    "perpanjangan": _perpanjangan,
    "berita_acara": _berita_acara,
    "penolakan": _penolakan,
    "pemberitahuan": _pemberitahuan,
    "tanda_terima": _tanda_terima,
}
