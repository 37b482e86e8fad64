"""What a command wants to write, as plain data; applied by openpyxl (CLI) or xlwings (buttons).

Keeping writes as data is what lets the CLI and the Excel buttons share every line of logic and
lets the button path write each sheet in a fixed number of bulk range writes.
"""

from __future__ import annotations

import builtins
import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Changes:
    # (sheet key, Excel row) -> {column key: new value}; None clears the cell
    cells: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)
    # sheet key -> new rows (values by column key) appended after the last row of its table
    appends: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # sheet key -> text for the sheet's status cell ("Hasil terakhir: ...")
    status: dict[str, str] = field(default_factory=dict)
    # Beranda summary block: list of rows, written from the summary anchor down (None = leave)
    home: list[list[Any]] | None = None
    # Beranda "Laporan terakhir" block (figures of the latest monthly report)
    home_report: list[list[Any]] | None = None
    # entries for the Log sheet (already shaped as Log rows by column key)
    log: list[dict[str, Any]] = field(default_factory=list)

    def set(self, sheet: str, row: int, key: str, value: Any) -> None:
        self.cells.setdefault((sheet, row), {})[key] = value

    def append(self, sheet: str, values: dict[str, Any]) -> None:
        self.appends.setdefault(sheet, []).append(values)

    def __bool__(self) -> bool:
        return bool(
            self.cells or self.appends or self.log or self.home is not None or self.home_report is not None
        )

    def then(self, later: Changes) -> Changes:
        """These changes followed by ``later`` (planned on a register with these applied): a cell both
        write takes the later value; rows, log and status of both, Beranda blocks from the later."""
        cells = {key: dict(values) for key, values in self.cells.items()}
        for key, values in later.cells.items():
            cells.setdefault(key, {}).update(values)
        appends = {sheet: list(rows) for sheet, rows in self.appends.items()}
        for sheet, rows in later.appends.items():
            appends.setdefault(sheet, []).extend(rows)
        return Changes(
            cells=cells,
            appends=appends,
            status={**self.status, **later.status},
            home=later.home if later.home is not None else self.home,
            home_report=later.home_report if later.home_report is not None else self.home_report,
            log=[*self.log, *later.log],
        )

    def touched_sheets(self) -> builtins.set[str]:  # `set` alone names the method above
        sheets = {s for s, _ in self.cells} | set(self.appends)
        if self.log:
            sheets.add("log")
        return sheets


def status_text(now: dt.datetime, trigger: str, body: str, *, what: str = "") -> str:
    """The one shape of a sheet's status cell (row 5), for every planner and the buttons:
    ``Hasil <what> terakhir (dd/mm/yyyy HH:MM, <trigger>): <body>``."""
    head = f"Hasil {what} terakhir" if what else "Hasil terakhir"
    return f"{head} ({now:%d/%m/%Y %H:%M}, {trigger}): {body}"
