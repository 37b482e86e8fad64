"""Tolerant parsers for raw cell values: each returns (value, None) or (None, Indonesian message).

Cells arrive as python-calamine gives them (str, float, bool, date, datetime, time, None) but
every parser accepts any object and never raises.  Messages name the offending value (shortened,
personal data masked) and say how to fix it.  ``check_*`` variants also return a stable finding
code, for the validator.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from .reference import PASAL17

EXCEL_EPOCH = datetime(1899, 12, 30)
MAX_SERIAL = 2958465  # 31/12/9999
DATE_HINT = "tulis dengan format dd/mm/yyyy, misalnya 24/11/2026"

_MONTH_NAMES = (
    "januari jan january",
    "februari feb pebruari peb february",
    "maret mar march",
    "april apr",
    "mei may",
    "juni jun june",
    "juli jul july",
    "agustus agu agt ags aug august",
    "september sep sept",
    "oktober okt oct october",
    "november nov nop nopember",
    "desember des dec december",
)
MONTHS: dict[str, int] = {name: n for n, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()}

_WEEKDAY = re.compile(r"^(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,?\s*", re.I)
_ISO = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2,4})$")
_DMONY = re.compile(r"^(\d{1,2})[\s\-./]*([a-z]+)\.?[\s\-./,]*(\d{2,4})$", re.I)
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(?:wib|wita|wit)?$", re.I)
_TRAILING_TIME = re.compile(
    r"(?:\s+|T|,\s*)(?:(?:pukul|pkl\.?|jam)\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?\s*(?:wib|wita|wit)?$",
    re.I,
)
_SCIENTIFIC = re.compile(r"^\d[.,]\d*e\+?\d+$", re.I)
_EXCEL_ERRORS = frozenset(
    [
        "#N/A",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
        "#FIELD!",
        "#BLOCKED!",
        "#UNKNOWN!",
        "#CONNECT!",
        "#BUSY!",
    ]
)

Result = tuple[Any, str | None]


# ---------------------------------------------------------------- text
def short(value: Any, limit: int = 40) -> str:
    """The value as text for a message, cut to ``limit`` characters."""
    text = as_text(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def as_text(value: Any) -> str:
    """Text of a cell: '' for None, stripped, one leading apostrophe dropped, 12.0 -> '12'."""
    if type(value) is str:
        text = value.strip()
        return text[1:].strip() if text.startswith("'") else text
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M" if (value.hour, value.minute) != (0, 0) else "%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    try:
        text = str(value)
    except Exception:  # a foreign object whose __str__ fails: show its type, never raise
        text = f"<{type(value).__name__}>"
    return as_text(text) if type(text) is str else ""


def is_empty(value: Any) -> bool:
    """None, or text that is blank (a lone apostrophe counts as blank)."""
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    text = value.strip()
    return not text or (text[0] == "'" and not text[1:].strip())


def is_error_cell(value: Any) -> bool:
    """True for Excel error values (#N/A, #DIV/0! ...) as the reader delivers them."""
    return isinstance(value, str) and "#" in value[:4] and value.strip().upper() in _EXCEL_ERRORS


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# ---------------------------------------------------------------- dates and times
def _make_date(y: int, m: int, d: int, raw: str) -> Result:
    if y < 100:
        return None, f"Tanggal '{raw}' memakai tahun dua digit; tulis tahun empat digit, misalnya 24/11/2026."
    if not 1900 <= y <= 2200:
        return None, f"Tahun {y} pada tanggal '{raw}' tidak wajar; periksa kembali tahunnya ({DATE_HINT})."
    if m > 12 and d <= 12:
        return (
            None,
            f"Tanggal '{raw}' tidak ada (bulan {m}); gunakan urutan hari/bulan/tahun, misalnya 24/11/2026.",
        )
    try:
        return date(y, m, d), None
    except ValueError:
        return None, f"Tanggal '{raw}' tidak ada di kalender; periksa hari dan bulannya ({DATE_HINT})."


def _date_from_text(text: str) -> Result:
    raw = text
    text = _WEEKDAY.sub("", text.strip())
    if m := _ISO.match(text):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), raw)
    if m := _DMY.match(text):
        return _make_date(int(m[3]), int(m[2]), int(m[1]), raw)
    if m := _DMONY.match(text):
        month = MONTHS.get(m[2].lower())
        if month is None:
            return None, f"Nama bulan '{m[2]}' pada tanggal '{raw}' tidak dikenal; {DATE_HINT}."
        return _make_date(int(m[3]), month, int(m[1]), raw)
    return None, f"Tanggal '{short(raw)}' tidak terbaca; {DATE_HINT}."


def _serial(value: float) -> tuple[datetime | None, str | None]:
    if not math.isfinite(value) or not 1 <= value < MAX_SERIAL + 1:
        return None, f"Angka {short(value)} bukan tanggal; ketik ulang tanggalnya, {DATE_HINT}."
    return EXCEL_EPOCH + timedelta(days=round(value * 86400) / 86400), None


def parse_date(value: Any) -> tuple[date | None, str | None]:
    """A date from a date/datetime, an Excel serial number or Indonesian/ISO text."""
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, time):
        return None, f"Isian '{short(value)}' hanya berisi jam tanpa tanggal; {DATE_HINT}."
    if _is_number(value):
        moment, msg = _serial(float(value))
        return (moment.date() if moment else None), msg
    if isinstance(value, bool):
        return None, f"Isian '{as_text(value)}' bukan tanggal; {DATE_HINT}."
    text = as_text(value)
    if not text:
        return None, None
    found = _trailing_time(text)
    if found:
        text = text[: found.start()]
    return _date_from_text(text)


def parse_time(value: Any) -> tuple[time | None, str | None]:
    """A time of day from a time, a datetime, a day fraction (0.3125) or text like 07:30 / 7.30 WIB."""
    if isinstance(value, datetime):
        return value.time(), None
    if isinstance(value, time):
        return value, None
    hint = "tulis jam dengan format jj:mm, misalnya 07:30"
    if _is_number(value):
        v = float(value)
        if math.isfinite(v) and 0 <= v < 1:
            seconds = round(v * 86400)
            return time(seconds // 3600 % 24, seconds // 60 % 60, seconds % 60), None
        return None, f"Angka {short(value)} bukan jam; {hint}."
    text = as_text(value)
    if not text:
        return None, None
    m = _TIME.match(text)
    if m and int(m[1]) < 24 and int(m[2]) < 60 and int(m[3] or 0) < 60:
        return time(int(m[1]), int(m[2]), int(m[3] or 0)), None
    return None, f"Jam '{short(text)}' tidak terbaca; {hint}."


def parse_datetime(value: Any) -> tuple[datetime | None, str | None]:
    """A date and time; a date without time gives 00:00."""
    if isinstance(value, datetime):
        return value, None
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day), None
    if isinstance(value, time):
        return None, f"Isian '{short(value)}' hanya berisi jam tanpa tanggal; tulis dd/mm/yyyy jj:mm."
    if _is_number(value):
        return _serial(float(value))
    text = as_text(value)
    if not text or isinstance(value, bool):
        return _fail_bool(value)
    return _datetime_from_text(text)


def _trailing_time(text: str) -> re.Match[str] | None:
    """A time written after the date ('24/11/2026 09.15 WIB'); None for a bare ISO or d/m/y date."""
    found = _TRAILING_TIME.search(text)
    return found if found and not _ISO.match(text) and not _DMY.match(text) else None


def _datetime_from_text(text: str) -> tuple[datetime | None, str | None]:
    clock = time(0, 0)
    found = _trailing_time(text)
    if found:
        h, mi, s = int(found[1]), int(found[2]), int(found[3] or 0)
        if h > 23 or mi > 59 or s > 59:
            return (
                None,
                f"Jam pada '{short(text)}' tidak ada; tulis dd/mm/yyyy jj:mm, misalnya 24/11/2026 09:15.",
            )
        clock = time(h, mi, s)
        text = text[: found.start()]
    day, msg = _date_from_text(text)
    if day is None:
        return None, msg
    return datetime.combine(day, clock), None


def _fail_bool(value: Any) -> tuple[None, str | None]:
    if isinstance(value, bool):
        return None, f"Isian '{as_text(value)}' bukan tanggal; {DATE_HINT}."
    return None, None


# ---------------------------------------------------------------- numbers
_INT = re.compile(r"^[+-]?\d+$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*$")
_ZERO_DECIMALS = re.compile(r"^([+-]?[\d.,\s]*?)[.,]0+$")


def _int_from_text(text: str) -> int | None:
    text = text.strip()
    if _INT.match(text):
        return int(text)
    if _GROUPED.match(text):
        return int(re.sub(r"[.,\s]", "", text))
    m = _ZERO_DECIMALS.match(text)
    if m and m[1] and m[1][-1].isdigit():
        return _int_from_text(m[1])
    return None


def _int_from_number(value: Any) -> int | None:
    if isinstance(value, int):
        return value
    if math.isfinite(value) and float(value).is_integer():
        return int(value)
    return None


@dataclass(frozen=True)
class WholeNumber:
    """A parser of whole numbers: a number cell as it is, text read by ``from_text``.

    The two messages take ``{value}`` (the value shortened): ``fraction`` for a number with a
    fraction, ``unreadable`` for text that is not a number.
    """

    from_text: Callable[[str], int | None]
    fraction: str
    unreadable: str

    def __call__(self, value: Any) -> tuple[int | None, str | None]:
        if _is_number(value):
            number = _int_from_number(value)
            return (number, None) if number is not None else (None, self.fraction.format(value=short(value)))
        text = as_text(value)
        if not text and not isinstance(value, bool):
            return None, None
        number = self.from_text(text) if not isinstance(value, bool) else None
        return (number, None) if number is not None else (None, self.unreadable.format(value=short(text)))


_CURRENCY = re.compile(r"^(?:rp\.?|idr)\s*", re.I)
_FREE = frozenset({"-", "nihil", "gratis", "tanpa biaya", "tidak dipungut biaya"})


def _rupiah_from_text(text: str) -> int | None:
    if text.casefold() in _FREE:
        return 0
    return _int_from_text(re.sub(r"[.,]-$", "", _CURRENCY.sub("", text)).strip())


# A whole number from a number or text ('12', '1.500', '12,0').
parse_int = WholeNumber(
    _int_from_text,
    fraction="'{value}' bukan bilangan bulat; isi angka tanpa pecahan, misalnya 5.",
    unreadable="'{value}' bukan bilangan bulat; isi angka saja, misalnya 5.",
)
# Rupiah as a whole number: 15000.0, 'Rp 15.000', '15.000,00', 'Rp15.000,-'; '-'/'gratis' = 0.
parse_money = WholeNumber(
    _rupiah_from_text,
    fraction="Biaya '{value}' memuat sen; tulis rupiah tanpa sen, misalnya 15000.",
    unreadable="Biaya '{value}' tidak terbaca; tulis angka rupiah, misalnya 15000 atau Rp 15.000.",
)


# ---------------------------------------------------------------- Pasal 17 grounds
_POINTS: dict[str, set[str]] = {}
for _code in PASAL17:
    _POINTS.setdefault(_code[2], set()).add(_code[3:])
_LAW = re.compile(
    r"(uu\s*kip|undang[-\s]*undang\s*(nomor|no\.?)?\s*14\s*tahun\s*2008|uu\s*(nomor|no\.?)?\s*14\s*(/|tahun)\s*2008)",
    re.I,
)
_NOISE = re.compile(r"\b(pasal|ps|huruf|hrf|angka|butir|ayat\s*\(?1\)?)\b\.?", re.I)
_SPLIT = re.compile(r"[,;/\n]|\bdan\b|&", re.I)
_GROUND = re.compile(r"^(?:17)?([a-z])(\d+)?$")


def check_pasal(value: Any) -> tuple[list[str], list[tuple[str, str]]]:
    """Pasal 17 codes in a cell and the problems found as (code, message) pairs.

    A bare "17" next to real grounds ("Pasal 17: h3, j") is a prefix and ignored; alone it is
    not a ground.
    """
    text = as_text(value)
    codes: list[str] = []
    problems: list[tuple[str, str]] = []
    tokens = [
        t for t in _SPLIT.split(_NOISE.sub(" ", _LAW.sub(" ", text.lower()))) if re.search(r"[0-9a-z]", t)
    ]
    for token in tokens:
        compact = re.sub(r"[^0-9a-z]", "", token)
        if compact == "17":
            continue
        code, problem = _one_ground(compact, text if len(tokens) == 1 else token.strip())
        if problem:
            problems.append(problem)
        elif code and code not in codes:
            codes.append(code)
    if text and not codes and not problems:
        problems.append(("pasal17_tanpa_angka", _bare(text)))
    return codes, problems


def _bare(raw: str) -> str:
    return (
        f"'{short(raw)}' bukan dasar pengecualian: sebutkan huruf dan angka Pasal 17 "
        "UU 14/2008, misalnya 17h3 (beberapa dasar dipisah koma)."
    )


def _one_ground(compact: str, raw: str) -> tuple[str | None, tuple[str, str] | None]:
    m = _GROUND.match(compact)
    if not m or m[1] not in _POINTS:
        return None, (
            "pasal17_tidak_dikenal",
            (
                f"Dasar '{short(raw)}' tidak dikenal; pilih kode Pasal 17 dari daftar (17a1 sampai 17j),"
                " misalnya 17h3."
            ),
        )
    letter, point = m[1], m[2] or ""
    points = _POINTS[letter]
    if point in points:
        return f"17{letter}{point}", None
    if not point:
        listed = ", ".join(f"17{letter}{p}" for p in sorted(points, key=int))
        return None, (
            "pasal17_tanpa_angka",
            (
                f"Dasar '{short(raw)}' belum menyebut angka: huruf {letter} terdiri atas {listed}; pilih"
                " salah satu."
            ),
        )
    if points == {""}:
        hint = f"huruf {letter} tidak memiliki angka; tulis 17{letter}"
    else:
        hint = f"huruf {letter} hanya memiliki angka 1 sampai {max(int(p) for p in points)}"
    return None, ("pasal17_tidak_dikenal", f"Dasar '{short(raw)}' tidak dikenal: {hint}.")


def parse_pasal(value: Any) -> tuple[list[str], str | None]:
    """'17h3, 17j' -> ['17h3', '17j']; the message of the first problem (bare 'Pasal 17', '17h', '17k')."""
    codes, problems = check_pasal(value)
    return codes, (problems[0][1] if problems else None)


# ---------------------------------------------------------------- identity and contact
def mask_nik(value: Any) -> str:
    """'6171012345670001' -> '6171********0001' (first and last four kept)."""
    text = as_text(value)
    if len(text) <= 8:
        return "*" * len(text)
    return text[:4] + "*" * (len(text) - 8) + text[-4:]


def _mask_phone(text: str) -> str:
    if len(text) <= 6:
        return text[:2] + "*" * max(len(text) - 2, 0)
    middle = re.sub(r"\d", "*", text[4:-2])
    return text[:4] + middle + text[-2:]


def _mask_email(text: str) -> str:
    local, at, domain = text.partition("@")
    if not at:
        return short(text[:3] + "…" if len(text) > 3 else text)
    return short((local[:1] + "***" if local else "") + "@" + domain)


_RETYPE = "ketik ulang ke-16 digit NIK dengan tanda petik di depan atau format kolom sebagai Teks"


def check_nik(value: Any) -> tuple[str | None, str | None, str | None]:
    """(nik, None, None) for 16 digits typed as text, else (None, code, message)."""
    if _is_number(value):
        number = _int_from_number(value)
        digits = str(abs(number)) if number is not None else ""
        if len(digits) >= 15:
            msg = "NIK tersimpan sebagai angka sehingga digit terakhir hilang; ketik ulang dengan tanda petik"
            return (
                None,
                "nik_jadi_angka",
                f"{msg} di depan ('{digits[:4]}...) atau format kolom sebagai Teks.",
            )
        size = f"{len(digits)} digit" if digits else "pecahan"
        return None, "nik_bukan_16_digit", f"NIK tersimpan sebagai angka ({size}), bukan 16 digit; {_RETYPE}."
    text = as_text(value)
    if not text and not isinstance(value, bool):
        return None, None, None
    if _SCIENTIFIC.match(text.replace(" ", "")):
        msg = f"NIK '{short(text)}' tertulis dalam notasi ilmiah karena tersimpan sebagai angka"
        return None, "nik_jadi_angka", f"{msg} sehingga digit terakhir hilang; {_RETYPE}."
    digits = re.sub(r"[\s.\-]", "", text)
    if not digits.isascii() or not digits.isdigit():
        msg = (
            f"NIK '{mask_nik(digits)}' memuat karakter selain angka; NIK terdiri atas 16 digit angka sesuai"
            " KTP."
        )
        return None, "nik_bukan_16_digit", msg
    if len(digits) != 16:
        msg = f"NIK '{mask_nik(digits)}' berisi {len(digits)} digit; NIK harus tepat 16 digit sesuai KTP."
        return None, "nik_bukan_16_digit", msg
    return digits, None, None


def parse_nik(value: Any) -> tuple[str | None, str | None]:
    """16 NIK digits, or a message (explains a NIK that Excel turned into a number)."""
    nik, _code, msg = check_nik(value)
    return nik, msg


_PHONE_JUNK = re.compile(r"[\s\-.()]")
PHONE_HINT = "tulis angka saja, misalnya 081234567890"
PHONE_EXAMPLE = "misalnya 081234567890 atau 0561-734567"


def _one_phone(text: str) -> tuple[str | None, str | None]:
    raw = text
    text = _PHONE_JUNK.sub("", re.sub(r"^tel:", "", text, flags=re.I))
    if not text:
        return None, None
    international = text.startswith("+")
    digits = text[1:] if international else text
    if not digits.isascii() or not digits.isdigit():
        return None, f"Nomor telepon '{_mask_phone(raw)}' memuat huruf atau tanda selain angka; {PHONE_HINT}."
    if international and not digits.startswith("62"):
        return _foreign_phone(digits, _mask_phone(text))
    if digits.startswith("62") and (international or len(digits) >= 11):
        digits = "0" + digits[2:].lstrip("0")
    return _domestic_phone(digits, _mask_phone(text))


def _foreign_phone(digits: str, shown: str) -> tuple[str | None, str | None]:
    if 8 <= len(digits) <= 15:
        return "+" + digits, None
    return (
        None,
        f"Nomor telepon '{shown}' tidak lengkap; tulis kode negara dan nomornya, mis. +62 812 3456 7890.",
    )


def _domestic_phone(digits: str, shown: str) -> tuple[str | None, str | None]:
    """An Indonesian number written with its leading 0 (62... already turned into 0...)."""
    if digits.startswith("8") and 9 <= len(digits) <= 12:
        return (
            None,
            (
                f"Nomor telepon '{shown}' tidak diawali 0 atau +62; bila angka 0 di depan hilang karena sel "
                "berformat angka, ketik ulang dengan tanda petik di depan, misalnya '081234567890."
            ),
        )
    if not digits.startswith("0"):
        return (
            None,
            f"Nomor telepon '{shown}' tidak diawali 0 atau +62; tulis nomor lengkap, {PHONE_EXAMPLE}.",
        )
    if not 10 <= len(digits) <= 13:
        msg = (
            f"Nomor telepon '{shown}' berisi {len(digits)} digit; nomor Indonesia terdiri atas 10 sampai 13"
            " digit"
        )
        return None, f"{msg} ({PHONE_EXAMPLE})."
    return digits, None


def parse_phone(value: Any) -> tuple[str | None, str | None]:
    """Indonesian phone numbers (08..., +62..., 62..., 0561-...; 10-13 digits), several split by / , ;"""
    if _is_number(value):
        number = _int_from_number(value)
        digits = str(number) if number is not None and number > 0 else ""
        if digits.startswith("62") and 11 <= len(digits) <= 15:
            return "0" + digits[2:], None
        return (
            None,
            (
                f"Nomor telepon tersimpan sebagai angka ('{_mask_phone(digits or short(value))}') sehingga"
                " angka 0 di depan hilang; ketik ulang dengan tanda petik di depan ('0812...) atau format"
                " kolom sebagai Teks."
            ),
        )
    text = as_text(value)
    if not text and not isinstance(value, bool):
        return None, None
    found: list[str] = []
    for part in re.split(r"[/,;]|\batau\b", text):
        if not part.strip():
            continue
        phone, msg = _one_phone(part.strip())
        if msg:
            return None, msg
        if phone:
            found.append(phone)
    if not found:
        return None, f"Nomor telepon '{_mask_phone(text)}' tidak terbaca; tulis misalnya 081234567890."
    return ", ".join(found), None


_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$")


def parse_email(value: Any) -> tuple[str | None, str | None]:
    """One e-mail address (name@domain.tld); the domain is lower-cased."""
    text = re.sub(r"^mailto:", "", as_text(value), flags=re.I).strip()
    if not text and not isinstance(value, bool):
        return None, None
    shown = _mask_email(text)
    example = "tulis satu alamat, misalnya nama@gmail.com"
    if re.search(r"\s", text):
        return None, f"Alamat surel '{shown}' mengandung spasi; {example}."
    if text.count("@") != 1:
        what = "tidak memuat tanda @" if "@" not in text else "memuat lebih dari satu tanda @"
        return None, f"Alamat surel '{shown}' {what}; {example}."
    local, domain = text.split("@")
    if "," in domain:
        return None, f"Alamat surel '{shown}' memakai koma; ganti koma dengan titik (mis. gmail.com)."
    labels = domain.split(".")
    if len(labels) < 2 and _LABEL.match(domain):
        return (
            None,
            f"Alamat surel '{shown}' belum lengkap: nama domain harus memuat titik, misalnya gmail.com.",
        )
    domain_ok = (
        len(labels) > 1 and all(map(_LABEL.match, labels)) and re.fullmatch(r"[A-Za-z]{2,}", labels[-1])
    )
    if not _LOCAL.match(local) or not domain_ok:
        return None, f"Alamat surel '{shown}' tidak sah; {example}."
    return f"{local}@{domain.lower()}", None
