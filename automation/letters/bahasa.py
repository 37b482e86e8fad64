"""Indonesian wording for letters: dates (babel), numbers in words (num2words), rupiah, Pasal 17."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from babel.dates import format_date
from num2words import num2words

from ..reference import PASAL17

if TYPE_CHECKING:
    from ..settings import Settings

UU_KIP = "UU 14/2008"
_PASAL = re.compile(r"^17([a-j])(\d*)$")


def tanggal(d: date | None) -> str:
    """24 November 2026 ('' for None): the one long-date formatter of letters and reports."""
    return "" if d is None else format_date(d, "d MMMM y", locale="id")


def hari(d: date) -> str:
    """Selasa"""
    return format_date(d, "EEEE", locale="id")


def bulan(d: date) -> str:
    """November"""
    return format_date(d, "MMMM", locale="id")


def hari_tanggal(d: date) -> str:
    """Selasa, 24 November 2026"""
    return f"{hari(d)}, {tanggal(d)}"


def waktu(value: date | datetime) -> str:
    """Selasa, 24 November 2026 pukul 09.15 WIB (no time for a date or a midnight datetime)."""
    text = hari_tanggal(value if not isinstance(value, datetime) else value.date())
    if isinstance(value, datetime) and (value.hour or value.minute):
        text += f" pukul {value:%H.%M} WIB"
    return text


def terbilang(n: int) -> str:
    """24 -> dua puluh empat"""
    return str(num2words(int(n), lang="id"))


def angka_terbilang(n: int) -> str:
    """30 -> 30 (tiga puluh)"""
    return f"{n} ({terbilang(n)})"


def hari_kerja(n: int) -> str:
    """7 -> 7 (tujuh) hari kerja"""
    return f"{angka_terbilang(n)} hari kerja"


def rupiah(amount: int) -> str:
    """15000 -> Rp15.000,00"""
    return f"Rp{amount:,}".replace(",", ".") + ",00"


def rupiah_terbilang(amount: int) -> str:
    """15000 -> Rp15.000,00 (lima belas ribu rupiah)"""
    return f"{rupiah(amount)} ({terbilang(amount)} rupiah)"


def tanggal_terbilang(d: date) -> dict[str, str]:
    """The pieces of "Pada hari ini Selasa, tanggal dua puluh empat bulan November tahun ..."."""
    return {
        "hari": hari(d),
        "tanggal_terbilang": terbilang(d.day),
        "bulan": bulan(d),
        "tahun_terbilang": terbilang(d.year),
    }


def pasal(code: str, uu_lain: str = "") -> str:
    """17h3 -> Pasal 17 huruf h angka 3 UU 14/2008; 17j with the other law after "juncto"."""
    m = _PASAL.match(code.strip().lower())
    if not m:
        return code
    text = f"Pasal 17 huruf {m.group(1)}"
    if m.group(2):
        text += f" angka {m.group(2)}"
    text += f" {UU_KIP}"
    if m.group(1) == "j" and uu_lain:
        text += f" juncto {uu_lain}"
    return text


def pasal_uraian(code: str, uu_lain: str = "") -> str:
    """The reference with the short description of the ground, for letters to requesters."""
    description = PASAL17.get(code.strip().lower())
    text = pasal(code, uu_lain)
    return f"{text} ({description})" if description and code.strip().lower() != "17j" else text


def signature(settings: Settings) -> dict[str, str]:
    """The signature blocks of letters, memos and reports: city, PPID and Atasan PPID from Pengaturan."""
    text = settings.text
    block = {"kota": text("kota")}
    for who in ("ppid", "atasan"):
        block |= {
            f"nama_{who}": text(f"nama_{who}"),
            f"nip_{who}": nip(text(f"nip_{who}")),
            f"jabatan_{who}": text(f"jabatan_{who}"),
            f"pangkat_{who}": text(f"pangkat_{who}"),
        }
    return block


def nip(value: str) -> str:
    """196604081993031009 -> 19660408 199303 1 009 (other shapes unchanged)."""
    digits = value.replace(" ", "")
    if len(digits) == 18 and digits.isdigit():
        return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    return value
