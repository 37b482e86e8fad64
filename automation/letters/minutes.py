"""The tested items of a request as the letters show them: every outcome, the conclusion, the gate.

A berita acara lists every item of the latest round with its outcome (dikecualikan /
dikecualikan sebagian / tidak dikecualikan) and a conclusion written from those outcomes; a
ground flagged by the reason-vs-ground hints stops every letter that cites it until someone
confirms it ("Dasar Hukum Dikonfirmasi" = Ya on the item or on the berita acara row).
"""

from __future__ import annotations

import re

from ..figures import latest_round
from ..reference import JangkaWaktu, Klasifikasi, Persetujuan, YaTidak, canonical, is_
from ..register import Record
from ..validation import links
from ..values import as_text, parse_date, parse_int
from . import bahasa
from .sources import EMPTY, Row, Sources

EXEMPT = (Klasifikasi.YA, Klasifikasi.SEBAGIAN)
OUTCOME = {
    Klasifikasi.YA: "Dikecualikan",
    Klasifikasi.SEBAGIAN: "Dikecualikan sebagian",
    Klasifikasi.TIDAK: "Tidak dikecualikan",
}
_MEMBER = re.compile(r"^(?P<nama>.*?)\s*\((?P<jabatan>[^()]*)\)\s*$")
CONFIRMED = YaTidak.YA


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


def round_rows(src: Sources, reg_no: str) -> list[Record]:
    """Klasifikasi rows of the latest round, every outcome (YA, TIDAK, SEBAGIAN).

    The latest round is ``automation.figures.latest_round`` (the one definition); a repeated
    Informasi keeps its last row.
    """
    latest: dict[str, Record] = {}
    for r in latest_round(src.rows_of("klasifikasi", reg_no)):
        if canonical(Klasifikasi, r.get("dikecualikan")) in OUTCOME:
            latest.pop(as_text(r.get("informasi_diuji")).casefold(), None)
            latest[as_text(r.get("informasi_diuji")).casefold()] = r
    return list(latest.values())


def exempt_rows(src: Sources, reg_no: str) -> list[Record]:
    """Klasifikasi rows of the latest round that are exempt (YA / SEBAGIAN)."""
    return [r for r in round_rows(src, reg_no) if canonical(Klasifikasi, r.get("dikecualikan")) in EXEMPT]


def jangka_waktu(row: Row) -> str:
    typed = row.text("jenis_jangka_waktu", required=True, default="")
    kind = canonical(JangkaWaktu, typed)
    if kind is JangkaWaktu.TIDAK_TERBATAS:
        return JangkaWaktu.TIDAK_TERBATAS.value
    raw = row.raw("jangka_waktu")
    text = row.text("jangka_waktu", required=bool(typed))
    if kind is JangkaWaktu.TANGGAL:
        day = parse_date(raw)[0]
        return f"Sampai dengan {bahasa.tanggal(day)}" if day else text
    if kind is JangkaWaktu.TAHUN:
        years = parse_int(raw)[0]
        return f"{bahasa.angka_terbilang(years)} tahun" if years is not None else text
    return text


def tested_items(src: Sources, row: Row, reg_no: str) -> list[dict[str, str]]:
    """Every item of the latest round with its outcome; exempt ones with ground, consequence, period."""
    items: list[dict[str, str]] = []
    sheet = src.reg.sheets["klasifikasi"].name if "klasifikasi" in src.reg.sheets else "4 Klasifikasi"
    for rec in round_rows(src, reg_no):
        item = Row(src.reg, "klasifikasi", rec, [])
        outcome = canonical(Klasifikasi, rec.get("dikecualikan")) or Klasifikasi.TIDAK  # always classified
        informasi = item.text("informasi_diuji", required=True)
        entry = {
            "no": str(len(items) + 1),
            "informasi": informasi,
            "hasil": OUTCOME[outcome],
            "dasar": EMPTY,
            "konsekuensi": EMPTY,
            "kepentingan_publik": EMPTY,
            "jangka_waktu": EMPTY,
        }
        if outcome in EXEMPT:
            if outcome is Klasifikasi.SEBAGIAN:
                entry["informasi"] += "\nBagian yang dikecualikan: " + item.text(
                    "bagian_dikecualikan", required=True
                )
            entry.update(
                dasar="\n".join(item.dasar()),
                konsekuensi=item.text("konsekuensi", required=True),
                kepentingan_publik=item.text("kepentingan_publik", required=True),
                jangka_waktu=jangka_waktu(item),
            )
        items.append(entry)
        row.problems.extend(f"{sheet} baris {rec.row}: {p}" for p in item.problems)
    if not any(i["hasil"] != OUTCOME[Klasifikasi.TIDAK] for i in items):
        row.problems.append("tidak ada informasi yang dikecualikan (YA/SEBAGIAN) pada lembar 4 Klasifikasi")
    return items


def conclusion(items: list[dict[str, str]]) -> str:
    """The berita acara's conclusion, written from the outcomes so the two always agree."""
    counts = {label: sum(1 for i in items if i["hasil"] == label) for label in OUTCOME.values()}
    parts = [f"{bahasa.angka_terbilang(n)} informasi {label.lower()}" for label, n in counts.items() if n]
    closed = [i["no"] for i in items if i["hasil"] != OUTCOME[Klasifikasi.TIDAK]]
    text = (
        f"Dari {bahasa.angka_terbilang(len(items))} informasi yang diuji: {', '.join(parts)}. Informasi nomor"
        f" {', '.join(closed)} merupakan Informasi yang Dikecualikan berdasarkan Pasal 17 Undang-Undang Nomor"
        " 14 Tahun 2008 tentang Keterbukaan Informasi Publik, karena akibat yang timbul apabila informasi"
        " tersebut dibuka lebih besar daripada kepentingan publik yang dilindungi apabila informasi tersebut"
        " ditutup"
    )
    opened = [i["no"] for i in items if i["hasil"] == OUTCOME[Klasifikasi.TIDAK]]
    if opened:
        text += f"; informasi nomor {', '.join(opened)} terbuka dan diberikan kepada pemohon"
    return text + "."


def unconfirmed_grounds(src: Sources, reg_no: str) -> list[str]:
    """Problems for every flagged ground of the latest round nobody has confirmed yet."""
    bas = src.rows_of("berita_acara", reg_no)
    if bas and is_(bas[-1].get("dasar_dikonfirmasi"), CONFIRMED):
        return []
    sheet = src.reg.sheets["klasifikasi"].name if "klasifikasi" in src.reg.sheets else "4 Klasifikasi"
    out = []
    for rec in exempt_rows(src, reg_no):
        if links.item_warnings(rec):
            out.append(
                f"dasar hukum pada {sheet} baris {rec.row} diberi peringatan dan belum dikonfirmasi "
                "(perbaiki Dasar Pasal 17 atau isi 'Dasar Hukum Dikonfirmasi' = Ya)"
            )
    return out


def contradicting_conclusion(src: Sources, ba: Record, reg_no: str) -> list[str]:
    """A typed Kesimpulan that says the opposite of the outcomes keeps the berita acara from being made."""
    return [
        f"{f.column}: {f.message}"
        for f in links.conclusion(src.reg, ba, links.current_items(src.reg, reg_no))
    ]


def approval(src: Sources, reg_no: str, number: str) -> tuple[str, str]:
    """(approval date in words or a line to date by hand, approved BA number) for the Atasan's block."""
    for rec in reversed(src.rows_of("persetujuan", reg_no)):
        if not is_(rec.get("keputusan_atasan"), Persetujuan.DISETUJUI):
            continue
        if number and as_text(rec.get("nomor_ba")) not in ("", number):
            continue
        day = parse_date(rec.get("tanggal_persetujuan"))[0]
        if day is not None:
            return bahasa.tanggal(day), number
    return "....................", number


def given_and_withheld(src: Sources, reg_no: str) -> tuple[list[str], list[dict[str, str]]]:
    """What a partial grant gives (open items, redacted items) and what it withholds, with ground."""
    given: list[str] = []
    withheld: list[dict[str, str]] = []
    for rec in round_rows(src, reg_no):
        item = Row(src.reg, "klasifikasi", rec, [])
        outcome = canonical(Klasifikasi, rec.get("dikecualikan"))
        informasi = item.text("informasi_diuji")
        if outcome is Klasifikasi.TIDAK:
            given.append(informasi)
            continue
        part = item.text("bagian_dikecualikan", default="") if outcome is Klasifikasi.SEBAGIAN else ""
        if part:
            given.append(f"{informasi}, kecuali bagian yang dikecualikan")
        withheld.append(
            {
                "informasi": part or informasi,
                "dasar": "; ".join(item.dasar(required=False)) or EMPTY,
                "konsekuensi": item.text("konsekuensi"),
            }
        )
    return given, withheld
