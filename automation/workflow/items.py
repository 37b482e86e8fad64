"""Tested items (4 Klasifikasi rows) of a request and the Register DIK entries made from them."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..figures import sent_to_minutes
from ..reference import Klasifikasi, canonical
from ..register import Record
from ..rownotes import SUPERSEDED as SUPERSEDED  # re-exported: advance imports it here
from ..values import as_text, parse_pasal
from .precedent import IN_FORCE
from .routes import SEBAGIAN, validity_end
from .state import Request


def latest_round(request: Request) -> list[Record]:
    """The item rows last sent to 5 Berita Acara and not replaced after a refusal or revision."""
    return sent_to_minutes(request.on("klasifikasi"))  # the one definition, shared with letters and reports


def latest(rows: list[Record], key: str) -> Any:
    """The value of ``key`` on the last row that has one."""
    for rec in reversed(rows):
        if as_text(rec.get(key)):
            return rec.get(key)
    return None


def pasal_codes(value: Any) -> Any:
    """'17h3,17j ' -> '17h3, 17j'; text that is not a list of codes is kept as typed."""
    codes, error = parse_pasal(value)
    return ", ".join(codes) if codes and not error else value


def join_values(values: list[Any], sep: str = "; ") -> Any:
    """One value stays exactly as it was (text stays text); several distinct ones are joined."""
    distinct: list[Any] = []
    seen: set[str] = set()
    for value in values:
        text = as_text(value)
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            distinct.append(value)
    if not distinct:
        return None
    if len(distinct) == 1:
        return distinct[0]
    if sep == ", ":  # Pasal 17 codes: one flat, de-duplicated list
        codes: list[str] = []
        for value in distinct:
            for code in as_text(value).split(","):
                if code.strip() and code.strip() not in codes:
                    codes.append(code.strip())
        return sep.join(codes)
    return sep.join(as_text(v) for v in distinct)


def dik_entry(
    number: str, request: Request, item: dict[str, Any], start: date | None, nomor_ba: Any
) -> dict[str, Any]:
    """A Register DIK row for one exempt item (Pasal 20: the period and the date it ends)."""
    informasi = item.get("informasi_diuji")
    part = as_text(item.get("bagian_dikecualikan"))
    if canonical(Klasifikasi, item.get("dikecualikan")) is SEBAGIAN and part:
        informasi = f"{as_text(informasi)} (bagian yang dikecualikan: {part})"
    intake = request.intake
    return {
        "no_dik": number,
        "no_registrasi": request.number,
        "informasi": informasi,
        "perangkat_daerah": intake.get("perangkat_daerah") if intake else item.get("perangkat_daerah"),
        "pasal17": item.get("pasal17"),
        "uu_lain": item.get("uu_lain"),
        "konsekuensi": item.get("konsekuensi"),
        "kepentingan_publik": item.get("kepentingan_publik"),
        "jenis_jangka_waktu": item.get("jenis_jangka_waktu"),
        "jangka_waktu": item.get("jangka_waktu"),
        "tanggal_mulai": start,
        "berlaku_sampai": validity_end(item.get("jenis_jangka_waktu"), item.get("jangka_waktu"), start),
        "nomor_ba": nomor_ba,
        "status_dik": IN_FORCE,
    }
