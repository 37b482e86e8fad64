"""Pengaturan values parsed once into a typed, bounded Settings object (keys and defaults from
schema.SETTINGS).

Whole-number settings are checked against bounds, numbering patterns against the fields they
may hold and the width of each field. A value that cannot be used becomes a Finding on its
Pengaturan row, and the schema default is used instead: no command crashes, hangs or fills the
memory because of one cell (``jumlah_cadangan`` = 1e400, ``batas_hari_kerja`` = 10000000,
``{seq:0100000000d}``).
"""

from __future__ import annotations

import builtins
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from .findings import Finding
from .reference import YaTidak
from .schema import PENGATURAN, SETTING_BY_KEY, SETTINGS, Setting
from .values import as_text, is_empty, parse_int, parse_time

if TYPE_CHECKING:
    from .register import Register

# Bounds of the whole-number settings (the keys and defaults themselves come from schema.SETTINGS).
INT_BOUNDS: dict[str, tuple[int, int]] = {
    "batas_hari_kerja": (1, 60),
    "dik_hari_pemberitahuan": (0, 3650),
    "dik_bulan_tinjau": (1, 120),
    "perpanjangan_hari_kerja": (0, 60),
    "ambang_mendekati": (0, 60),
    "batas_keberatan": (1, 365),
    "batas_tanggapan_keberatan": (1, 365),
    "batas_sengketa": (1, 365),
    "jumlah_cadangan": (0, 1000),
    "ambang_preseden": (0, 100),
}
DEFAULT_INT_BOUNDS = (0, 10_000)
PATTERN_PREFIX = "pola_"
MAX_FIELD_WIDTH = 12  # {seq:012d} at most: a number is never wider than that
MAX_NUMBER_LENGTH = 120  # a formatted number must fit a file name and a cell comfortably
MAX_TEXT_LENGTH = 1000
CODE = "pengaturan_tidak_sah"
_WIDTH = re.compile(r"\d+")


def kind_of(setting: Setting) -> str:
    """'int', 'pattern' or 'text', derived from the schema default and key."""
    if isinstance(setting.default, int) and not isinstance(setting.default, bool):
        return "int"
    if setting.key.startswith(PATTERN_PREFIX):
        return "pattern"
    return "text"


class WorkingDays(NamedTuple):
    """The day limits of Pengaturan, in working days (UU KIP Pasal 22 ayat 7-8, Pasal 36 ayat 1)."""

    answer: int
    extension: int
    near: int
    objection: int


_DAY_KEYS = ("batas_hari_kerja", "perpanjangan_hari_kerja", "ambang_mendekati", "batas_keberatan")


@dataclass(frozen=True)
class Settings:
    """Every Pengaturan value after checking (``values``: key -> usable value) and what was replaced."""

    values: Mapping[str, Any]
    findings: tuple[Finding, ...] = ()
    raw: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        return self.values[key]

    def int(self, key: str) -> int:
        return int(self.values[key])

    def text(self, key: str) -> str:
        return as_text(self.values[key])

    def warnings(self) -> list[str]:
        return [f.message for f in self.findings]

    def pattern(self, key: str) -> str:
        """A numbering pattern (``pola_*``), the schema default when the cell is empty."""
        return self.text(key) or str(SETTING_BY_KEY[key].default)

    # ------------------------------------------------------------ typed views used by the planners
    @property
    def days(self) -> WorkingDays:
        """The day limits: answer, extension, 'near' warning and objection period."""
        return WorkingDays(*(self.int(key) for key in _DAY_KEYS))

    @property
    def backups(self) -> builtins.int:
        return self.int("jumlah_cadangan")

    @property
    def precedent_threshold(self) -> builtins.int:
        return self.int("ambang_preseden")

    @property
    def earliest_year(self) -> builtins.int | None:
        """Pengaturan "Tahun Paling Awal" as a number, None when empty or not a number."""
        year, _error = parse_int(self.values.get("tahun_paling_awal"))
        return year

    def flag(self, key: str, notes: list[str]) -> bool:
        """A Ya/Tidak setting; an unknown value adds a note to ``notes`` and gives the default."""
        value = self.raw.get(key, self.values[key])
        if isinstance(value, bool):
            return value
        text = as_text(value).casefold()
        if text in _TRUE or text in _FALSE:
            return text in _TRUE
        setting = SETTING_BY_KEY[key]
        if text:
            notes.append(
                f"Pengaturan {setting.label} ({value!r}) tidak dikenali; dipakai {setting.default!r}."
            )
        return str(setting.default) == YaTidak.YA

    def clock(self, key: str, notes: list[str]) -> time:
        """A time-of-day setting (07:30, 7.30, 0.3125); an unknown value adds a note and gives the default."""
        value = self.raw.get(key, self.values[key])
        parsed, _error = parse_time(value)
        if parsed is not None:
            return parsed
        if value not in (None, ""):
            notes.append(
                f"Pengaturan {SETTING_BY_KEY[key].label} ({value!r}) tidak dikenali; "
                f"dipakai {SETTING_BY_KEY[key].default}."
            )
        return default_clock(key)


_TRUE = frozenset({"ya", "y", "true", "1", "1.0", "benar"})
_FALSE = frozenset({"tidak", "t", "false", "0", "0.0", "salah"})


def default_clock(key: str) -> time:
    """The schema default of a time-of-day setting."""
    parsed, _error = parse_time(SETTING_BY_KEY[key].default)
    return parsed or time(0, 0)


def parse_settings(
    raw: Mapping[str, Any], rows: Mapping[str, int] | None = None, *, sheet: str = ""
) -> Settings:
    """Check every setting of ``raw`` (key -> value as read); unusable ones fall back to the default."""
    rows = rows or {}
    values: dict[str, Any] = {}
    findings: list[Finding] = []
    for setting in SETTINGS:
        value = raw.get(setting.key, setting.default)
        usable, problem = check(setting, value)
        values[setting.key] = usable
        if problem:
            message = (
                f"Pengaturan '{setting.label}' {problem}; dipakai nilai bawaan "
                f"{setting.default!r}. Perbaiki nilainya di lembar {PENGATURAN.name}."
            )
            findings.append(
                Finding(
                    sheet or PENGATURAN.name,
                    rows.get(setting.key, 0),
                    "Nilai",
                    CODE,
                    message,
                    key=setting.key,
                    level="peringatan",
                )
            )
    return Settings(MappingProxyType(values), tuple(findings), MappingProxyType(dict(raw)))


def check(setting: Setting, value: Any) -> tuple[Any, str]:
    """(usable value, '' or why the value was replaced by the default)."""
    if is_empty(value):  # None, blank, or a lone apostrophe
        return setting.default, ""
    kind = kind_of(setting)
    if kind == "int":
        return _check_int(setting, value)
    if kind == "pattern":
        return _check_pattern(setting, value)
    if isinstance(value, str) and len(value) > MAX_TEXT_LENGTH:
        return setting.default, f"lebih dari {MAX_TEXT_LENGTH} karakter"
    return value, ""


def _check_int(setting: Setting, value: Any) -> tuple[Any, str]:
    number, error = parse_int(value)
    low, high = INT_BOUNDS.get(setting.key, DEFAULT_INT_BOUNDS)
    shown = as_text(value)[:40]
    if number is None or error:
        return setting.default, f"bernilai '{shown}', bukan bilangan bulat ({low}–{high})"
    if not low <= number <= high:
        return setting.default, f"bernilai {shown}, di luar batas {low}–{high}"
    return number, ""


def _check_pattern(setting: Setting, value: Any) -> tuple[Any, str]:
    from .numbering import PatternError, compile_pattern

    text = as_text(value)
    shown = text[:60]
    if len(text) > MAX_NUMBER_LENGTH:
        return setting.default, f"lebih dari {MAX_NUMBER_LENGTH} karakter"
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return setting.default, f"'{shown}' tidak dapat dibaca (periksa tanda kurung kurawal {{ }})"
    for _literal, _name, spec, _conv in parsed:  # checked before any formatting: {seq:0100000000d}
        if spec and any(int(w) > MAX_FIELD_WIDTH for w in _WIDTH.findall(spec)):
            return setting.default, f"'{shown}' memuat lebar angka lebih dari {MAX_FIELD_WIDTH}"
    try:
        compile_pattern(text, setting.label)
    except PatternError as exc:
        return setting.default, f"tidak dapat dipakai ({exc})"
    return text, ""


def setting_int(reg: Register, key: str) -> int:
    """A whole-number setting, bounded by :data:`INT_BOUNDS` (the default when unusable)."""
    return reg.config.int(key)
