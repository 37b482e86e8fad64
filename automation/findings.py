"""Findings as data: one problem at one cell, and the report that collects them."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Finding:
    """A problem located at sheet / Excel row / column, with a stable code and an Indonesian message.

    ``row`` is the Excel row number (0 when the problem concerns the whole sheet), ``column`` the
    header text as found in the workbook ("" for the whole row), ``key`` the schema key of that
    column ("" when none).  ``level`` is "galat" (must be fixed) or "peringatan" (worth a look).
    """

    sheet: str
    row: int
    column: str
    code: str
    message: str
    key: str = ""
    level: str = "galat"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def location(self) -> str:
        where = self.sheet
        if self.row:
            where += f" baris {self.row}"
        if self.column:
            where += f", kolom {self.column}"
        return where


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    precedents: list[str] = field(
        default_factory=list
    )  # Preseden DIK of early requests (shown, not findings)

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def extend(self, findings: list[Finding]) -> None:
        self.findings.extend(findings)

    @property
    def ok(self) -> bool:
        return not any(f.level == "galat" for f in self.findings)

    def counts(self) -> Counter[str]:
        return Counter(f.code for f in self.findings)

    def by_row(self) -> dict[tuple[str, int], list[Finding]]:
        out: dict[tuple[str, int], list[Finding]] = {}
        for f in self.findings:
            out.setdefault((f.sheet, f.row), []).append(f)
        return out

    def as_json(self) -> list[dict[str, Any]]:
        return [
            {
                "sheet": f.sheet,
                "row": f.row,
                "column": f.column,
                "code": f.code,
                "message": f.message,
                "level": f.level,
            }
            for f in self.findings
        ]
