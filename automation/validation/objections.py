"""Rules of the Keberatan sheet: the request objected to, the order of the dates, the three clocks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..findings import Finding
from ..objections import SHEET, Limits, Objection, objections
from ..reference import ALASAN_KEBERATAN, KEPUTUSAN, PUTUSAN_KEBERATAN
from ..register import Register
from ..schema import SHEET_BY_KEY
from ..values import as_text, parse_date
from .codes import level, message

REJECTED = PUTUSAN_KEBERATAN[1]
GROUND_REFUSAL = ALASAN_KEBERATAN[0]
REFUSED_KINDS = (KEPUTUSAN[1], KEPUTUSAN[2])  # Diberikan sebagian, Ditolak
Issue = tuple[str, str, dict[str, str]]  # (column key, code, fields)
PAIRS = (  # (column, its partner): one filled without the other
    ("tanggal_tanggapan", "putusan_keberatan"),
    ("tanggal_putusan_sengketa", "putusan_sengketa"),
)


def _fmt(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def check_objections(reg: Register) -> list[Finding]:
    """Findings of every started Keberatan row, located on its cell."""
    data = reg.sheets.get(SHEET)
    if data is None or not data.present:
        return []
    limits = Limits.of(reg)
    out = []
    for obj in objections(reg):
        for key, code, fields in issues(obj, limits):
            out.append(
                Finding(
                    data.name,
                    obj.record.row,
                    data.header(key),
                    code,
                    message(code, **fields),
                    key=key,
                    level=level(code),
                )
            )
    return out


def issues(obj: Objection, limits: Limits) -> list[Issue]:
    return [*_refusal(obj), *_order(obj), *_late(obj, limits), *_pairs(obj), *_reasons(obj)]


def _refusal(obj: Objection) -> Iterator[Issue]:
    """Ground a (refusal under Pasal 17) needs a request refused wholly or in part."""
    request = obj.request
    if request is None or obj.ground != GROUND_REFUSAL or request.decision in REFUSED_KINDS:
        return
    yield (
        "alasan_keberatan",
        "keberatan_tanpa_penolakan",
        {"alasan": GROUND_REFUSAL, "nomor": request.number, "keputusan": request.decision or "belum diputus"},
    )


def _order(obj: Objection) -> Iterator[Issue]:
    """Each event after the one it answers (impossible dates are errors, not warnings)."""
    rec = obj.record
    steps = (
        (
            "tanggal_keberatan",
            obj.filed,
            "keputusan diterima pemohon" if obj.request and obj.request.delivered else "permohonan diterima",
            obj.basis or (obj.request.received if obj.request else None),
            "Periksa tanggal keberatan atau Tanggal Diterima pada lembar 9 Tanda Terima.",
        ),
        (
            "tanggal_tanggapan",
            obj.answered,
            "keberatan diterima",
            obj.filed,
            "Tanggapan Atasan PPID menjawab keberatan yang sudah diterima; periksa kedua tanggal.",
        ),
        (
            "tanggapan_diterima",
            parse_date(rec.get("tanggapan_diterima"))[0],
            "tanggapan Atasan PPID",
            obj.answered,
            "Periksa kedua tanggal.",
        ),
        (
            "tanggal_sengketa",
            obj.disputed,
            "keberatan diterima",
            obj.filed,
            "Sengketa diajukan sesudah keberatan (Pasal 37 ayat (2)); periksa kedua tanggal.",
        ),
        (
            "tanggal_sengketa",
            obj.disputed,
            "tanggapan Atasan PPID",
            obj.answered,
            "Sengketa diajukan sesudah tanggapan Atasan PPID; periksa kedua tanggal.",
        ),
        ("tanggal_putusan_sengketa", obj.ruled, "sengketa diajukan", obj.disputed, "Periksa kedua tanggal."),
    )
    for key, day, before, reference, fix in steps:
        if day is not None and reference is not None and day < reference:
            yield (
                key,
                "keberatan_urutan_tanggal",
                {
                    "kolom": _header(key),
                    "tanggal": _fmt(day),
                    "acuan": before,
                    "tanggal_acuan": _fmt(reference),
                    "saran": fix,
                },
            )
    yield from _early_dispute(obj)


def _early_dispute(obj: Objection) -> Iterator[Issue]:
    """Without an answer, a sengketa can follow only once the answer period is over."""
    if obj.disputed is None or obj.answered is not None or obj.answer_due is None or obj.filed is None:
        return
    if obj.filed <= obj.disputed <= obj.answer_due:
        yield (
            "tanggal_sengketa",
            "keberatan_urutan_tanggal",
            {
                "kolom": _header("tanggal_sengketa"),
                "tanggal": _fmt(obj.disputed),
                "acuan": "berakhirnya batas tanggapan",
                "tanggal_acuan": _fmt(obj.answer_due),
                "saran": (
                    "Tanpa tanggapan, sengketa baru dapat diajukan sesudah batas tanggapan lewat; "
                    "isi Tanggal Tanggapan bila ada."
                ),
            },
        )


def _late(obj: Objection, limits: Limits) -> Iterator[Issue]:
    clocks = (  # (column, code, the day it was done, its deadline, the period in days, counted from)
        ("tanggal_keberatan", "keberatan_lewat_batas", obj.filed, obj.filing_due, limits.filing, obj.basis),
        (
            "tanggal_sengketa",
            "sengketa_lewat_batas",
            obj.disputed,
            obj.dispute_due,
            limits.dispute,
            obj.dispute_from,
        ),
    )
    for key, code, done, due, days, basis in clocks:
        if done and due and basis and done > due:
            fields = {"tanggal": _fmt(done), "batas": _fmt(due), "hari": str(days), "dasar": _fmt(basis)}
            yield (key, code, fields)


def _pairs(obj: Objection) -> Iterator[Issue]:
    rec = obj.record
    for one, other in PAIRS:
        for filled, empty in ((one, other), (other, one)):
            if as_text(rec.get(filled)) and not as_text(rec.get(empty)):
                yield (
                    empty,
                    "keberatan_tidak_lengkap",
                    {"kolom": _header(empty), "isi": f"'{_header(filled)}'"},
                )
    if obj.ruled is None and not as_text(rec.get("putusan_sengketa")):
        return
    if obj.disputed is None:
        yield (
            "tanggal_sengketa",
            "keberatan_tidak_lengkap",
            {"kolom": _header("tanggal_sengketa"), "isi": f"'{_header('putusan_sengketa')}'"},
        )


def _reasons(obj: Objection) -> Iterator[Issue]:
    verdict = " ".join(as_text(obj.record.get("putusan_keberatan")).split()).casefold()
    if verdict == REJECTED.casefold() and not as_text(obj.record.get("pertimbangan_atasan")):
        yield "pertimbangan_atasan", "keberatan_tanpa_pertimbangan", {}


def _header(key: str) -> str:
    return SHEET_BY_KEY[SHEET].column(key).header
