"""Test helpers for the Excel buttons: sample registers, xlwings remote actions applied like Excel,
comparison.

``apply_actions`` plays the part of Excel: it applies the actions xlwings' remote engine returns
to a copy of the register with openpyxl, the way Excel treats them — a leading apostrophe makes
the rest text, ISO date text becomes a date (unless the cell is formatted as text), new cells take
their column's format, tables are resized.  ``sheet_values`` reads every sheet through
python-calamine, the same way for both copies, so the button path and the CLI path can be compared.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineWorkbook

from automation.changes import Changes
from automation.demo.data import scenarios
from automation.demo.simulate import intake_rows, staff_fill
from automation.excel.builder import build_register
from automation.excel.layout import resolve
from automation.excel.preserve import roundtrip_openpyxl
from automation.excel.reader import error_cells, read_register
from automation.excel.writer import touched_rows, write_layout
from automation.memory import apply_changes
from automation.register import Register

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?$")
ERRORS = {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"}
KNOWN = {"setValues", "resizeTable", "alert", "save"}


# ---------------------------------------------------------------- sample registers
def make_register(
    path: Path,
    *,
    count: int,
    today: dt.date,
    rounds: int = 0,
    ready: bool = False,
    mistakes: bool = True,
    seed: int = 2026,
) -> Path:
    """A register of ``count`` demo requests moved ``rounds`` times; ``ready``: staff filled the open rows."""
    plan = scenarios(count, today=today, seed=seed)
    if not mistakes:
        for s in plan:
            s.mistake = ""
    build_register(path, force=True, year=min(s.received for s in plan).year)
    empty = read_register(path)
    reg = read_register(path)
    now = dt.datetime.combine(today, dt.time(9, 0))
    apply_changes(reg, Changes(appends={"permohonan": intake_rows(plan)}))
    from automation.workflow.advance import plan_advance

    home = None
    for _ in range(rounds):
        changes, _summary = plan_advance(reg, today=today, now=now, trigger="Uji", user="uji")
        apply_changes(reg, changes)
        home = changes.home if changes.home is not None else home
        apply_changes(reg, staff_fill(reg, plan, today=today))
    if ready and not rounds:
        apply_changes(reg, staff_fill(reg, plan, today=today))
    _write_all(path, empty, reg, home)
    return path


def _write_all(path: Path, empty: Register, reg: Register, home: list[list[Any]] | None) -> None:
    changes = Changes(home=home)
    for key, data in reg.sheets.items():
        if key == "hari_libur" or not data.spec.columns:
            continue  # holidays come from the builder; Referensi lists are not appended to
        records = sorted(data.records, key=lambda r: r.row)
        if records:
            changes.appends[key] = [dict(r.values) for r in records]
    layout = resolve(empty, changes)
    assert not layout.unplaced, layout.unplaced
    tmp = path.with_name(f"{path.stem}_tmp.xlsm")
    roundtrip_openpyxl(path, tmp, lambda wb: write_layout(wb, layout), rows=touched_rows(layout))
    tmp.replace(path)


def edit(path: Path, mutate: Any, rows: dict[str, set[int]] | None = None) -> None:
    """Change the register at ``path`` with openpyxl the safe way (keeps buttons and VBA); with
    ``rows`` (sheet -> the rows ``mutate`` writes) only those rows are loaded."""
    tmp = path.with_name(f"{path.stem}_edit.xlsm")
    roundtrip_openpyxl(path, tmp, mutate, rows=rows)
    tmp.replace(path)


# ---------------------------------------------------------------- Excel's part: apply remote actions
def apply_actions(path: Path, payload: dict[str, Any], actions: list[dict[str, Any]]) -> list[str]:
    """Apply the remote engine's ``actions`` to the register at ``path`` (in place); returns the alerts."""
    unknown = {a["func"] for a in actions} - KNOWN
    assert not unknown, f"actions Excel would have to run that the test cannot mimic: {unknown}"
    alerts = [a["args"][0] for a in actions if a["func"] == "alert"]
    names = [s["name"] for s in payload["sheets"]]

    def mutate(wb: Workbook) -> None:
        for action in actions:
            if action["func"] in ("alert", "save"):
                continue
            ws = wb[names[action["sheet_position"]]]
            if action["func"] == "setValues":
                _set_values(ws, action)
            else:
                table_name = payload["sheets"][action["sheet_position"]]["tables"][action["args"][0]]["name"]
                _resize(ws, table_name, action["args"][1])

    rows: dict[str, set[int]] = {}  # Excel's part touches only these rows (a table resize is no row)
    for action in actions:
        if action["func"] == "setValues":
            first = action["start_row"] + 1
            sheet_rows = rows.setdefault(names[action["sheet_position"]], set())
            sheet_rows.update(range(first, first + action["row_count"]))
    tmp = path.with_name(f"{path.stem}_applied.xlsm")
    roundtrip_openpyxl(path, tmp, mutate, rows=rows)
    tmp.replace(path)
    return alerts


def _set_values(ws: Worksheet, action: dict[str, Any]) -> None:
    values = action["values"]
    assert len(values) == action["row_count"] and all(len(line) == action["column_count"] for line in values)
    for i, line in enumerate(values):
        for j, value in enumerate(line):
            cell = ws.cell(row=action["start_row"] + 1 + i, column=action["start_column"] + 1 + j)
            if not cell.has_style:
                _column_style(ws, cell)
            _excel_sets(cell, value)


def _column_style(ws: Worksheet, cell: Any) -> None:
    """Excel gives a new cell its column's format (number format, lock, alignment)."""
    for dim in ws.column_dimensions.values():
        if dim.min and dim.max and dim.min <= cell.column <= dim.max and dim.has_style:
            cell._style = copy.copy(dim._style)
            return


def _excel_sets(cell: Any, value: Any) -> None:
    """What Excel stores when a value arrives through Range.values (Office.js) or Range.Value (COM)."""
    text_cell = cell.number_format == "@"
    if value == "" or value is None:
        cell.value = None
    elif isinstance(value, bool | int | float):
        cell.value = value
    elif value.startswith("'"):
        cell.value, cell.data_type, cell.quotePrefix = value[1:], "s", True
    elif text_cell:
        cell.value, cell.data_type = value, "s"
    elif ISO_DATE.match(value):
        moment = dt.datetime.fromisoformat(value)
        cell.value = moment
        if cell.number_format == "General":
            cell.number_format = "dd/mm/yyyy" if moment.time() == dt.time() else "dd/mm/yyyy hh:mm"
    elif value in ERRORS or value.startswith("="):
        cell.value = value  # an error literal, or a formula: the adapter must never send text like this
    else:
        try:
            cell.value = float(value.replace(",", ""))  # Excel turns number-like text into a number
        except ValueError:
            cell.value, cell.data_type = value, "s"


def _resize(ws: Worksheet, name: str, address: str) -> None:
    table = ws.tables[name]
    table.ref = address.replace("$", "")
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref


# ---------------------------------------------------------------- comparison
def sheet_values(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's values through python-calamine (error cells as their text), trailing blanks trimmed."""
    book = CalamineWorkbook.from_path(str(path))
    try:
        grids = {n: book.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in book.sheet_names}
    finally:
        book.close()
    for sheet, cells in error_cells(path).items():
        for (row, col), text in cells.items():
            grids[sheet][row - 1][col - 1] = text
    return {name: _trim(grid) for name, grid in grids.items()}


def _trim(grid: list[list[Any]]) -> list[list[Any]]:
    rows = [list(line) for line in grid]
    for line in rows:
        while line and line[-1] in ("", None):
            line.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def differences(
    left: dict[str, list[list[Any]]],
    right: dict[str, list[list[Any]]],
    *,
    skip: set[tuple[str, int, int]] = frozenset(),
    limit: int = 20,
) -> list[str]:
    """Cells that differ, as 'Sheet!A1: left != right' (``skip``: (sheet, row, col) to ignore)."""
    out = [f"sheets differ: {sorted(left)} != {sorted(right)}"] if list(left) != list(right) else []
    for name in left:
        a, b = left[name], right.get(name, [])
        for r in range(max(len(a), len(b))):
            la = a[r] if r < len(a) else []
            lb = b[r] if r < len(b) else []
            for c in range(max(len(la), len(lb))):
                va = la[c] if c < len(la) else ""
                vb = lb[c] if c < len(lb) else ""
                if va != vb and (name, r + 1, c + 1) not in skip:
                    out.append(f"{name}!{get_column_letter(c + 1)}{r + 1}: {va!r} != {vb!r}")
                    if len(out) >= limit:
                        return out
    return out


def files_under(folder: Path) -> set[str]:
    return (
        {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()
    )
