"""Numbers from Pengaturan patterns: one sequence per pattern and year, never reused.

The one place that knows which numbers were already issued (``issued_numbers``); the workflow
planner, the document planner, the DIK importer and the settings check all use it.  Depends only
on the core modules, so importing it never loads the letter or workflow packages.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .errors import UsageError
from .values import as_text

if TYPE_CHECKING:
    from .register import Register

FIELDS = ("seq", "romawi", "bulan", "tahun")
_FIELD_REGEX = {"seq": r"\d+", "romawi": r"[IVXLCivxlc]+", "bulan": r"\d+", "tahun": r"\d{4}"}
LOG_PREFIX = "Nomor "  # Log keterangan: "Nomor <document title>: <number>"
REGISTERED = "Nomor registrasi diberikan"  # Log keterangan of a registration number ppid issued
_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_NUMBER_KEYS = ("no_registrasi", "no_dik")  # besides every ``nomor_*`` column


def romawi(month: int) -> str:
    """11 -> XI"""
    return _NUMERALS[month - 1]


class PatternError(UsageError):
    """A numbering pattern in Pengaturan cannot be used."""


@dataclass(frozen=True)
class Pattern:
    """A compiled numbering pattern such as ``{seq:03d}/PT/PPID-DISKOMINFO/{romawi}/{tahun}``."""

    text: str
    regex: re.Pattern[str]
    has_year: bool

    def format(self, seq: int, day: date) -> str:
        return self.text.format(seq=seq, romawi=romawi(day.month), bulan=day.month, tahun=day.year)

    def parse(self, number: str) -> tuple[int, int | None] | None:
        """(seq, year or None) when ``number`` was made by this pattern, else None."""
        m = self.regex.fullmatch(number.strip())
        if not m:
            return None
        year = int(m.group("tahun")) if self.has_year else None
        return int(m.group("seq")), year


def compile_pattern(text: str, label: str = "Pola nomor") -> Pattern:
    """Check a pattern and build the expression that recognises numbers made from it."""
    text = str(text or "").strip()
    parts: list[str] = []
    seen: set[str] = set()
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise PatternError(
            f"{label} '{text}' tidak dapat dibaca; periksa tanda kurung kurawal {{ }}."
        ) from None
    for literal, name, _spec, _conv in parsed:
        parts.append(re.escape(literal))
        if name is None:
            continue
        if name not in FIELDS:
            raise PatternError(
                f"{label} '{text}' memuat {{{name}}}; yang dikenal hanya "
                + ", ".join(f"{{{f}}}" for f in FIELDS)
                + "."
            )
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>{_FIELD_REGEX[name]})")
        seen.add(name)
    if "seq" not in seen:
        raise PatternError(f"{label} '{text}' tidak memuat {{seq}} (nomor urut).")
    try:
        text.format(seq=1, romawi="I", bulan=1, tahun=2000)
    except (ValueError, KeyError, IndexError):
        raise PatternError(
            f"{label} '{text}' tidak dapat dipakai; contoh yang benar: {{seq:03d}}/PT/{{romawi}}/{{tahun}}."
        ) from None
    return Pattern(text, re.compile("".join(parts), re.IGNORECASE), "tahun" in seen)


def issued_numbers(reg: Register) -> list[str]:
    """Every number ever issued: registration, DIK and ``nomor_*`` cells of all sheets, and the Log.

    The Log keeps numbers whose rows were deleted: its registration numbers and the
    "Nomor <title>: <number>" notes written when a document or DIK number was given.
    """
    found: list[str] = []
    for data in reg.sheets.values():
        keys = [k for k in data.spec.keys if k.startswith("nomor_") or k in _NUMBER_KEYS]
        for rec in data.records:
            found.extend(as_text(rec.values.get(k)) for k in keys)
    for rec in reg.records("log"):
        text = as_text(rec.get("keterangan"))
        if text.startswith(LOG_PREFIX) and ": " in text:
            found.append(text.rpartition(": ")[2].strip())
    return [n for n in found if n]


def log_text(title: str, number: str) -> str:
    return f"{LOG_PREFIX}{title}: {number}"


class Numberer:
    """Hands out the next free number per (pattern, year); numbers once seen are never reused."""

    def __init__(self, known: list[str]) -> None:
        self._known = known
        self._used: dict[tuple[str, int | None], set[int]] = {}

    @classmethod
    def from_register(cls, reg: Register) -> Numberer:
        return cls(issued_numbers(reg))

    def _seqs(self, pattern: Pattern, year: int | None) -> set[int]:
        key = (pattern.text, year if pattern.has_year else None)
        if key not in self._used:
            seqs: set[int] = set()
            for number in self._known:
                parsed = pattern.parse(number)
                if parsed and (not pattern.has_year or parsed[1] == year):
                    seqs.add(parsed[0])
            self._used[key] = seqs
        return self._used[key]

    def issue(self, pattern: Pattern, day: date) -> str:
        """The next number: 1 + the highest sequence used for this pattern in ``day``'s year."""
        seqs = self._seqs(pattern, day.year)
        seq = max(seqs, default=0) + 1
        seqs.add(seq)
        return pattern.format(seq, day)

    def release(self, pattern: Pattern, number: str) -> None:
        """Give back a number that was issued but never used (rendering failed, nothing logged)."""
        parsed = pattern.parse(number)
        if parsed:
            self._seqs(pattern, parsed[1] if pattern.has_year else None).discard(parsed[0])
