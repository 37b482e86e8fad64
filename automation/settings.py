"""Pengaturan values parsed once into a typed, bounded Settings object (keys and defaults from schema.SETTINGS).

Whole-number settings are checked against bounds, numbering patterns against the fields they
may hold and the width of each field. A value that cannot be used becomes a Finding on its
Pengaturan row, and the schema default is used instead: no command crashes, hangs or fills the
memory because of one cell (``jumlah_cadangan`` = 1e400, ``batas_hari_kerja`` = 10000000,
``{seq:0100000000d}``).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .findings import Finding
from .schema import PENGATURAN, SETTING_BY_KEY, SETTINGS, Setting
from .values import as_text, parse_int

if TYPE_CHECKING:
    from .register import Register

# Bounds of the whole-number settings (the keys and defaults themselves come from schema.SETTINGS).
INT_BOUNDS: dict[str, tuple[int, int]] = {
    "batas_hari_kerja": (1, 60),
    "perpanjangan_hari_kerja": (0, 60),
    "ambang_mendekati": (0, 60),
    "batas_keberatan": (1, 365),
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


def parse_settings(raw: Mapping[str, Any], rows: Mapping[str, int] | None = None, *, sheet: str = "") -> Settings:
    """Check every setting of ``raw`` (key -> value as read); unusable ones fall back to the default."""
    rows = rows or {}
    values: dict[str, Any] = {}
    findings: list[Finding] = []
    for setting in SETTINGS:
        value = raw.get(setting.key, setting.default)
        usable, problem = check(setting, value)
        values[setting.key] = usable
        if problem:
            message = (f"Pengaturan '{setting.label}' {problem}; dipakai nilai bawaan "
                       f"{setting.default!r}. Perbaiki nilainya di lembar {PENGATURAN.name}.")
            findings.append(Finding(sheet or PENGATURAN.name, rows.get(setting.key, 0), "Nilai", CODE, message,
                                    key=setting.key, level="peringatan"))
    return Settings(MappingProxyType(values), tuple(findings), MappingProxyType(dict(raw)))


def check(setting: Setting, value: Any) -> tuple[Any, str]:
    """(usable value, '' or why the value was replaced by the default)."""
    if value is None or (isinstance(value, str) and not value.strip()):
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
    """A whole-number setting; the schema default when the cell is empty or not a number."""
    value, error = parse_int(reg.settings.get(key))
    if value is None or error:
        value, _ = parse_int(SETTING_BY_KEY[key].default)
    return int(value or 0)
