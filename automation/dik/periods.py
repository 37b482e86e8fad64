"""Textual exemption periods of published DIK lists as (Jenis Jangka Waktu, Jangka Waktu)."""

from __future__ import annotations

import re
from datetime import date

from ..reference import JANGKA_WAKTU
from ..values import as_text, parse_date

BY_DATE, BY_YEARS, BY_EVENT, UNLIMITED = JANGKA_WAKTU

MONTHS = {
    "januari": 1,
    "februari": 2,
    "pebruari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "nopember": 11,
    "desember": 12,
}
NUMBER_WORDS = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "lima belas": 15,
    "dua puluh": 20,
    "dua puluh lima": 25,
    "tiga puluh": 30,
}
UNLIMITED_WORDS = ("tidak terbatas", "tanpa batas", "selamanya", "seterusnya", "permanen", "tidak ditentukan")
EVENT_WORDS = (
    "selama",
    "sampai",
    "hingga",
    "sejak",
    "setelah",
    "sebelum",
    "sampai dengan",
    "s.d",
    "s/d",
    "apabila",
    "jika",
    "sepanjang",
    "berakhir",
)
_YEARS = re.compile(r"(\d+)\s*(?:\(\s*[a-z ]+\s*\)\s*)?(?:tahun|thn|th)\b")
_WORD_YEARS = re.compile(r"\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\s+tahun\b")
_TEXT_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b")
_NUM_DATE = re.compile(r"\b(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\b")


def text_date(text: str) -> date | None:
    """'31 Desember 2027' or '31/12/2027' inside a text."""
    low = text.casefold()
    if m := _TEXT_DATE.search(low):
        try:
            return date(int(m[3]), MONTHS[m[2]], int(m[1]))
        except ValueError:
            return None
    if m := _NUM_DATE.search(low):
        return parse_date(m[1].replace(".", "/").replace("-", "/"))[0]
    return None


def map_period(value: object) -> tuple[str | None, str | None]:
    """('Tahun', '5') / ('Tanggal', '31/12/2027') / ('Peristiwa', text) / ('Tidak terbatas', text).

    (None, None) for an empty cell. A date or a number of years wins over event words
    ("sampai 31 Desember 2027" is a date; "selama 5 tahun" is 5 years).
    """
    if isinstance(value, date):
        return BY_DATE, f"{value:%d/%m/%Y}"
    text = " ".join(as_text(value).split())
    if not text:
        return None, None
    low = text.casefold()
    if any(w in low for w in UNLIMITED_WORDS):
        return UNLIMITED, (None if low == UNLIMITED.casefold() else text)
    end = text_date(text)
    if end is not None:
        return BY_DATE, f"{end:%d/%m/%Y}"
    if m := _YEARS.search(low):
        return BY_YEARS, m[1]
    if m := _WORD_YEARS.search(low):
        return BY_YEARS, str(NUMBER_WORDS[m[1]])
    if re.fullmatch(r"\d+", low):
        return BY_YEARS, low
    return BY_EVENT, text
