"""Document numbers from Pengaturan patterns: one sequence per document type and year, never reused."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date

from ..errors import UsageError
from ..register import Register
from .bahasa import romawi

FIELDS = ("seq", "romawi", "bulan", "tahun")
_FIELD_REGEX = {"seq": r"\d+", "romawi": r"[IVXLCivxlc]+", "bulan": r"\d+", "tahun": r"\d{4}"}
LOG_PREFIX = "Nomor "  # Log keterangan: "Nomor <document title>: <number>"


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
        raise PatternError(f"{label} '{text}' tidak dapat dibaca; periksa tanda kurung kurawal {{ }}.") from None
    for literal, name, _spec, _conv in parsed:
        parts.append(re.escape(literal))
        if name is None:
            continue
        if name not in FIELDS:
            raise PatternError(
                f"{label} '{text}' memuat {{{name}}}; yang dikenal hanya " + ", ".join(f"{{{f}}}" for f in FIELDS) + "."
            )
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>{_FIELD_REGEX[name]})")
        seen.add(name)
    if "seq" not in seen:
        raise PatternError(f"{label} '{text}' tidak memuat {{seq}} (nomor urut).")
    try:
        text.format(seq=1, romawi="I", bulan=1, tahun=2000)
    except (ValueError, KeyError, IndexError):
        raise PatternError(f"{label} '{text}' tidak dapat dipakai; contoh yang benar: {{seq:03d}}/PT/{{romawi}}/{{tahun}}.") from None
    return Pattern(text, re.compile("".join(parts), re.IGNORECASE), "tahun" in seen)


def numbers_in_register(reg: Register) -> list[str]:
    """Every number ever issued: ``nomor_*`` cells of all sheets and numbers recorded in the Log."""
    found: list[str] = []
    for data in reg.sheets.values():
        keys = [k for k in data.spec.keys if k.startswith("nomor_")]
        for rec in data.records:
            found.extend(rec.text(k) for k in keys if rec.text(k))
    for rec in reg.records("log"):
        text = rec.text("keterangan")
        if text.startswith(LOG_PREFIX) and ": " in text:
            found.append(text.rpartition(": ")[2].strip())
    return found


def log_text(title: str, number: str) -> str:
    return f"{LOG_PREFIX}{title}: {number}"


class Numberer:
    """Hands out the next free number per (pattern, year); numbers once seen are never reused."""

    def __init__(self, known: list[str]) -> None:
        self._known = known
        self._used: dict[tuple[str, int | None], set[int]] = {}

    @classmethod
    def from_register(cls, reg: Register) -> Numberer:
        return cls(numbers_in_register(reg))

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
