"""The register as plain data: sheets of records keyed by schema column keys.

The Excel layer (``automation.excel``) turns a workbook into a :class:`Register` and applies
:class:`automation.changes.Changes` back; everything else works on these objects only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .schema import Sheet

if TYPE_CHECKING:
    from .settings import Settings


@dataclass
class Record:
    """One data row: its Excel row number and its values by column key (raw, as read)."""

    row: int
    values: dict[str, Any]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def text(self, key: str) -> str:
        """The value as stripped text ('' for empty)."""
        value = self.values.get(key)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        try:
            return str(value).strip()
        except Exception:  # a value whose str() fails is treated as unreadable text
            return ""


@dataclass
class SheetData:
    """A table sheet as found: where its columns are, which are missing, and its records."""

    spec: Sheet
    present: bool = True
    actual_name: str = ""  # the sheet name as found in the workbook
    header_row: int = 0
    status_row: int = 0  # the "Hasil terakhir" cell (column A) right above the header; 0 = none safe to write
    columns: dict[str, int] = field(default_factory=dict)  # key -> 1-based Excel column
    headers_found: dict[str, str] = field(default_factory=dict)  # key -> header text in the file
    missing: list[str] = field(default_factory=list)  # keys of schema columns not found
    extra: list[tuple[int, str]] = field(default_factory=list)  # (column, header) not in the schema
    records: list[Record] = field(default_factory=list)
    last_row: int = 0  # last non-empty Excel row of the table area
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # (r0, c0, r1, c1), 1-based

    @property
    def name(self) -> str:
        return self.actual_name or self.spec.name

    def header(self, key: str) -> str:
        return self.headers_found.get(key) or self.spec.column(key).header


@dataclass
class Register:
    path: Path
    sheets: dict[str, SheetData]
    settings: dict[
        str, Any
    ]  # Pengaturan values after automation.settings checked them (defaults for bad ones)
    sheet_names: list[str] = field(default_factory=list)
    setting_findings: list[Any] = field(
        default_factory=list
    )  # Findings on Pengaturan rows whose value was replaced

    def sheet(self, key: str) -> SheetData:
        return self.sheets[key]

    def records(self, key: str) -> list[Record]:
        data = self.sheets.get(key)
        return data.records if data else []

    @cached_property
    def config(self) -> Settings:
        """The typed, bounded Pengaturan values (automation.settings), parsed once, on first use.

        Code reads Pengaturan only through this (``tests/test_settings.py``); ``settings`` is the
        raw mapping the reader fills, and a change to it after the first use is not seen here.
        """
        from .settings import parse_settings  # settings imports values and schema, not the register

        return parse_settings(self.settings)
