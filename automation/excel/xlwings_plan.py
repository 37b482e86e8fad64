"""The write plan of a click (pure): which blocks of which sheets to write, and which tables to grow.

Its shape depends on the operation and the workbook's structure, never on the data: per sheet of
the operation's footprint one block for the status cell, one 2-D block per run of adjacent written
columns (from the first to the last changed row; unchanged cells inside are written back as read,
a run without changes rewrites its first row), one block for appended rows (a blank row when
nothing is appended) and one table resize.  So the number of Excel calls per click is the same on
100 or 10,000 requests.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..notes import MARK_KEY, NOTE_KEY
from ..operation import Operation
from ..register import Register, SheetData
from ..schema import (
    BERANDA,
    BERANDA_SUMMARY_HEIGHT,
    BERANDA_SUMMARY_ROW,
    BERANDA_SUMMARY_WIDTH,
    DOCUMENTS,
    KEBERATAN,
    LOG,
    STAGES,
    STATUS_ROW,
    TABLE_SHEETS,
    By,
    Kind,
)
from .layout import Layout, SheetWrites
from .reader import norm
from .xlwings_read import Grid
from .xlwings_values import as_read, to_excel


@dataclass(frozen=True)
class Footprint:
    """What an operation writes back on every click, whatever the data (the Log body is never rewritten)."""

    sheets: frozenset[str]  # sheet keys: status cell, body columns, appended rows
    columns: str  # "notes": validation note columns; "system": every system column
    appends: bool | frozenset[str]  # sheets that may get rows (True: all); blank row + resize every click
    home: bool = False  # the operation rewrites Beranda's status cell and summary block


FOOTPRINTS: dict[str, Footprint] = {  # by Operation (a str)
    Operation.VALIDATE: Footprint(
        frozenset([*(s.key for s in TABLE_SHEETS if NOTE_KEY in s.keys), LOG.key]),
        "notes",
        appends=frozenset([LOG.key]),
    ),
    Operation.ADVANCE: Footprint(
        frozenset([*(s.key for s in STAGES), KEBERATAN.key, LOG.key]), "system", appends=True, home=True
    ),
    Operation.DOCUMENTS: Footprint(
        frozenset([*(d.sheet for d in DOCUMENTS), LOG.key]), "system", appends=True
    ),
}


@dataclass
class Block:
    sheet: str
    row: int
    col: int
    values: list[list[Any]]
    planned: set[tuple[int, int]] = field(default_factory=set)  # absolute cells holding planned values

    @property
    def height(self) -> int:
        return len(self.values)

    @property
    def width(self) -> int:
        return len(self.values[0])


@dataclass
class Resize:
    sheet: str
    table: str
    header_row: int
    last_row: int


@dataclass
class WritePlan:
    blocks: list[Block] = field(default_factory=list)
    resizes: list[Resize] = field(default_factory=list)

    def sheets(self) -> list[str]:
        return list(dict.fromkeys([*(r.sheet for r in self.resizes), *(b.sheet for b in self.blocks)]))

    @property
    def cells(self) -> int:
        return sum(len(b.planned) for b in self.blocks)


@dataclass
class _Scope:
    """Which sheets a click writes: those the operation always rewrites, and those with a status cell."""

    tables: dict[str, SheetData]  # sheet name -> data, for the register's table sheets
    covered: set[str]  # sheets in the operation's footprint
    status: set[str]  # sheets whose status cell is rewritten on every click
    footprint: Footprint | None

    def order(self, names: list[str], layout: Layout) -> list[str]:
        """The sheets to write, in workbook order, then any the layout adds."""
        order = [n for n in names if n in self.covered or n in self.status or n in layout.sheets]
        return order + [n for n in layout.sheets if n not in order]


def _scope(reg: Register | None, action: str | None) -> _Scope:
    if reg is None:
        return _Scope({}, set(), set(), None)
    footprint = FOOTPRINTS.get(action or "")
    tables = {d.name: d for d in reg.sheets.values() if d.present and d.spec.columns}
    if footprint is None:
        return _Scope(tables, set(), set(), None)
    homes = {n for n in reg.sheet_names if norm(n) == norm(BERANDA.name)}
    covered = {n for n, d in tables.items() if d.spec.key in footprint.sheets} | (
        homes if footprint.home else set()
    )
    # every status cell a planner may write (all register sheets and Beranda) is in the footprint
    status = {d.name for d in reg.sheets.values() if d.present} | homes
    return _Scope(tables, covered, status, footprint)


def plan_writes(
    reg: Register | None, layout: Layout, grids: dict[str, Grid], action: str | None
) -> WritePlan:
    """Blocks and resizes for ``layout``; the operation's footprint is written even where unchanged."""
    plan = WritePlan()
    scope = _scope(reg, action)
    for name in scope.order(reg.sheet_names if reg else [], layout):
        writes = layout.sheets.get(name) or SheetWrites(name=name)
        data = scope.tables.get(name)
        fp = scope.footprint if name in scope.covered else None
        row = data.status_row if data is not None else STATUS_ROW  # above the header as found
        head = {(row, 1)} if name in scope.status and row else set()
        if data is None:
            _free_sheet(plan, writes, grids.get(name, []), fp, head)
        else:
            _table_sheet(plan, writes, grids.get(name, []), data, fp, head)
    return plan


def _free_sheet(plan: WritePlan, writes: SheetWrites, grid: Grid, fp: Footprint | None, head: set) -> None:
    """A sheet without a table (Beranda): the status cell, the summary block, what the layout asks for."""
    top = {k: v for k, v in writes.cells.items() if k[0] <= STATUS_ROW}
    _runs_by_rows(plan, writes.name, top, grid, extra=head)
    summary = set()
    if fp and fp.home:
        rows = range(BERANDA_SUMMARY_ROW, BERANDA_SUMMARY_ROW + BERANDA_SUMMARY_HEIGHT)
        summary = {(r, c) for r in rows for c in range(1, BERANDA_SUMMARY_WIDTH + 1)}
    body = {k: v for k, v in writes.cells.items() if k[0] > STATUS_ROW}
    _runs_by_rows(plan, writes.name, body, grid, extra=summary)


def _table_sheet(
    plan: WritePlan, writes: SheetWrites, grid: Grid, data: SheetData, fp: Footprint | None, head: set
) -> None:
    """A register sheet: cells above the header, the changed (and footprint) columns, appended rows."""
    name, header, last = writes.name, data.header_row, data.last_row
    _runs_by_rows(plan, name, {k: v for k, v in writes.cells.items() if k[0] < header}, grid, extra=head)
    _body_blocks(plan, writes, grid, data, fp)
    new = {k: v for k, v in writes.cells.items() if k[0] > last}
    if (new or _appends(fp, data.spec.key)) and data.columns:
        _append_block(plan, writes, grid, data, new)


def _body_blocks(
    plan: WritePlan, writes: SheetWrites, grid: Grid, data: SheetData, fp: Footprint | None
) -> None:
    """One block per run of adjacent changed or footprint columns, over the rows changed in it."""
    header = data.header_row
    body = {k: v for k, v in writes.cells.items() if header < k[0] <= data.last_row}
    columns = set(_footprint_columns(data, fp)) | {c for _, c in body}
    for first, end in _runs(sorted(columns)):
        rows = [r for r, c in body if first <= c <= end] or [header + 1]  # unchanged run: first row as read
        plan.blocks.append(_block(writes.name, min(rows), max(rows), first, end, body, grid))


def _append_block(
    plan: WritePlan, writes: SheetWrites, grid: Grid, data: SheetData, new: dict[tuple[int, int], Any]
) -> None:
    """The appended rows (a blank row when there are none) and the table resize that covers them."""
    start = max(data.last_row, data.header_row) + 1
    stop = max([start, *(r for r, _ in new)])
    left, right = min(data.columns.values()), max(data.columns.values())
    plan.blocks.append(_block(writes.name, start, stop, left, right, new, grid))
    plan.resizes.append(
        Resize(writes.name, writes.table or data.spec.table, data.header_row, stop if new else 0)
    )


def _appends(fp: Footprint | None, key: str) -> bool:
    if fp is None:
        return False
    return fp.appends is True or (isinstance(fp.appends, frozenset) and key in fp.appends)


def _footprint_columns(data: SheetData, fp: Footprint | None) -> Iterable[int]:
    if fp is None or data.spec.kind is Kind.LOG:
        return []
    if fp.columns == "notes":
        return [data.columns[k] for k in (NOTE_KEY, MARK_KEY) if k in data.columns]
    return [index for key, index in data.columns.items() if data.spec.column(key).by is By.SYSTEM]


def _runs(columns: list[int]) -> Iterator[tuple[int, int]]:
    """Maximal runs of adjacent column numbers: [1, 2, 5] -> (1, 2), (5, 5)."""
    start = prev = 0
    for col in columns:
        if start and col == prev + 1:
            prev = col
            continue
        if start:
            yield start, prev
        start = prev = col
    if start:
        yield start, prev


def _runs_by_rows(
    plan: WritePlan,
    name: str,
    cells: dict[tuple[int, int], Any],
    grid: Grid,
    extra: set[tuple[int, int]] | None = None,
) -> None:
    """Blocks over the rows the cells span, one per run of adjacent columns; ``extra`` cells as read."""
    spots = set(cells) | (extra or set())
    for first, end in _runs(sorted({c for _, c in spots})):
        rows = [r for r, c in spots if first <= c <= end]
        plan.blocks.append(_block(name, min(rows), max(rows), first, end, cells, grid))


def _block(
    name: str, top: int, bottom: int, left: int, right: int, cells: dict[tuple[int, int], Any], grid: Grid
) -> Block:
    """Planned values where ``cells`` has them, the value as read everywhere else."""
    block = Block(name, top, left, [])
    for row in range(top, bottom + 1):
        line = []
        for col in range(left, right + 1):
            if (row, col) in cells:
                block.planned.add((row, col))
                line.append(to_excel(cells[(row, col)]))
            else:
                line.append(as_read(cell_at(grid, row, col)))
        block.values.append(line)
    return block


def cell_at(grid: Grid, row: int, col: int) -> Any:
    if row - 1 < len(grid):
        line = grid[row - 1]
        if col - 1 < len(line):
            return line[col - 1]
    return None
