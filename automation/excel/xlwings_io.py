"""Read a live workbook through xlwings objects in bulk, and write a Layout back in fixed bulk writes.

Works on any xlwings engine by duck typing (Excel over COM on Windows, the remote engine of xlwings
Server/Lite in tests) and does not import xlwings itself; ``automation.buttons`` does.

Reads: one ``.value`` of each sheet's used range.  Writes follow a *write plan* whose shape depends
on the operation and the workbook's structure, never on the data: per sheet of the operation's
footprint one block for the status cell, one 2-D block per run of adjacent written columns (from
the first to the last changed row; unchanged cells inside are written back as read, a run without
changes rewrites its first row), one block for appended rows (a blank row when nothing is
appended) and one table resize.  xlwings' automatic chunking is switched off, so the number of
Excel calls per click is the same on 100 or 10,000 requests.  Values are encoded so that Excel
keeps their type: text Excel could read as a number, date, boolean or formula gets a leading
apostrophe; dates are datetimes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..errors import WriteRefused
from ..notes import MARK_KEY, NOTE_KEY
from ..register import Register, SheetData
from ..schema import (
    BERANDA,
    BERANDA_SUMMARY_HEIGHT,
    BERANDA_SUMMARY_ROW,
    BERANDA_SUMMARY_WIDTH,
    DOCUMENTS,
    LOG,
    STAGES,
    STATUS_ROW,
    TABLE_SHEETS,
    By,
    Kind,
)
from .layout import Layout, SheetWrites
from .reader import norm

Grid = list[list[Any]]
# openpyxl's ILLEGAL_CHARACTERS_RE and Excel's cell limit (as in excel.writer.excel_text), kept here so
# that a click does not import openpyxl (~0.4 s of the cold start); tests/test_buttons.py checks both match.
ILLEGAL_CHARACTERS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
EXCEL_MAX_TEXT = 32767
EXCEL_EPOCH = dt.date(1899, 12, 30)
ERROR_LITERALS = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#DATA!", "#SPILL!", "#CALC!"})
BOOL_WORDS = frozenset({"true", "false", "benar", "salah"})
PROTECTION_FLAGS = (
    "AllowFormattingCells", "AllowFormattingColumns", "AllowFormattingRows", "AllowInsertingColumns",
    "AllowInsertingRows", "AllowInsertingHyperlinks", "AllowDeletingColumns", "AllowDeletingRows",
    "AllowSorting", "AllowFiltering", "AllowUsingPivotTables",
)


# ---------------------------------------------------------------- reading
@dataclass
class Snapshot:
    """Every sheet's values as calamine would give them, anchored at A1, and the active sheet."""

    grids: dict[str, Grid]
    active: str
    name: str  # the workbook's full name as the engine reports it (path on Windows)


def read_book(book: Any) -> Snapshot:
    """One bulk read per sheet (its used range); values normalised to the CLI reader's types."""
    grids = {sheet.name: read_sheet(sheet) for sheet in book.sheets}
    return Snapshot(grids=grids, active=book.sheets.active.name, name=book.fullname)


def read_sheet(sheet: Any) -> Grid:
    rng = sheet.used_range
    values = rng.options(ndim=2, err_to_str=True, chunksize=None).value or [[None]]
    top, left = rng.row, rng.column
    pad = [None] * (left - 1)
    grid: Grid = [[] for _ in range(top - 1)]
    grid.extend(pad + [normalize(v) for v in line] for line in values)
    return grid


def normalize(value: Any) -> Any:
    """What python-calamine returns for the same cell: floats, date at midnight, time below one day."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, dt.datetime):
        value = value.replace(tzinfo=None)
        if value.date() <= EXCEL_EPOCH:
            return value.time()
        return value.date() if value.time() == dt.time() else value
    if value == "":
        return None
    return value


# ---------------------------------------------------------------- encoding for Excel
def needs_quote(text: str) -> bool:
    """True when Excel could read ``text`` as something else (number, date, formula, boolean, error)."""
    if not text:
        return False
    return not text[0].isalpha() or any(ch.isdigit() for ch in text) or text.strip().casefold() in BOOL_WORDS


def to_excel(value: Any) -> Any:
    """A planned value as Excel must receive it to keep its type."""
    if value is None:
        return None
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS.sub("", value)[:EXCEL_MAX_TEXT]
        return "'" + text if needs_quote(text) else text
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    if isinstance(value, dt.time):
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    return to_excel(str(value))


def as_read(value: Any) -> Any:
    """A value read from the sheet, written back unchanged (error values stay errors)."""
    if isinstance(value, str) and value in ERROR_LITERALS:
        return value
    return to_excel(value)


# ---------------------------------------------------------------- the write plan (pure)
@dataclass(frozen=True)
class Footprint:
    """What an operation writes back on every click, whatever the data (the Log body is never rewritten)."""

    sheets: frozenset[str]  # sheet keys: status cell, body columns, appended rows
    columns: str  # "notes": validation note columns; "system": every system column
    appends: bool | frozenset[str]  # sheets that may get rows (True: all); blank row + resize every click
    home: bool = False  # the operation rewrites Beranda's status cell and summary block


FOOTPRINTS: dict[str, Footprint] = {
    "validate": Footprint(
        frozenset([*(s.key for s in TABLE_SHEETS if NOTE_KEY in s.keys), LOG.key]), "notes", appends=frozenset([LOG.key])
    ),
    "advance": Footprint(frozenset([*(s.key for s in STAGES), LOG.key]), "system", appends=True, home=True),
    "documents": Footprint(frozenset([*(d.sheet for d in DOCUMENTS), LOG.key]), "system", appends=True),
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
        seen: dict[str, None] = {}
        for item in [*self.resizes, *self.blocks]:
            seen.setdefault(item.sheet, None)  # type: ignore[attr-defined]  # mypy joins Resize|Block to object
        return list(seen)

    @property
    def cells(self) -> int:
        return sum(len(b.planned) for b in self.blocks)


def plan_writes(reg: Register | None, layout: Layout, grids: dict[str, Grid], action: str | None) -> WritePlan:
    """Blocks and resizes for ``layout``; the operation's footprint is written even where unchanged."""
    plan = WritePlan()
    footprint = FOOTPRINTS.get(action or "") if reg else None
    names = reg.sheet_names if reg else []
    by_name = {d.name: d for d in reg.sheets.values() if d.present and d.spec.columns} if reg else {}
    home = next((n for n in names if norm(n) == norm(BERANDA.name)), None)
    covered = {n for n, d in by_name.items() if footprint and d.spec.key in footprint.sheets}
    if footprint and footprint.home and home:
        covered.add(home)
    # every status cell a planner may write (all register sheets and Beranda) is in the footprint
    status: set[str] = set()
    if reg and footprint:
        status = {d.name for d in reg.sheets.values() if d.present} | ({home} if home else set())
    order = [n for n in names if n in covered or n in status or n in layout.sheets]
    order += [n for n in layout.sheets if n not in order]
    for name in order:
        writes = layout.sheets.get(name) or SheetWrites(name=name)
        grid = grids.get(name, [])
        data = by_name.get(name)
        fp = footprint if name in covered else None
        row = data.status_row if data is not None else STATUS_ROW  # above the header as found
        head = {(row, 1)} if name in status and row else set()
        if data is None:
            _free_sheet(plan, writes, grid, fp, head)
        else:
            _table_sheet(plan, writes, grid, data, fp, head)
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
    name, header, last = writes.name, data.header_row, data.last_row
    _runs_by_rows(plan, name, {k: v for k, v in writes.cells.items() if k[0] < header}, grid, extra=head)
    body = {k: v for k, v in writes.cells.items() if header < k[0] <= last}
    columns = set(_footprint_columns(data, fp)) | {c for _, c in body}
    for first, end in _runs(sorted(columns)):
        rows = [r for r, c in body if first <= c <= end] or [header + 1]  # unchanged run: first row as read
        plan.blocks.append(_block(name, min(rows), max(rows), first, end, body, grid))
    _appended_rows(plan, writes, grid, data, fp)


def _appended_rows(
    plan: WritePlan, writes: SheetWrites, grid: Grid, data: SheetData, fp: Footprint | None
) -> None:
    """One block over the rows appended below the table, and the table resized to hold them."""
    header, last = data.header_row, data.last_row
    new = {k: v for k, v in writes.cells.items() if k[0] > last}
    if (new or _appends(fp, data.spec.key)) and data.columns:
        start = max(last, header) + 1
        stop = max([start, *(r for r, _ in new)])
        left, right = min(data.columns.values()), max(data.columns.values())
        plan.blocks.append(_block(writes.name, start, stop, left, right, new, grid))
        plan.resizes.append(Resize(writes.name, writes.table or data.spec.table, header, stop if new else 0))


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
    plan: WritePlan, name: str, cells: dict[tuple[int, int], Any], grid: Grid, extra: set[tuple[int, int]] | None = None
) -> None:
    """Blocks over the rows the cells span, one per run of adjacent columns; ``extra`` cells as read."""
    spots = set(cells) | (extra or set())
    for first, end in _runs(sorted({c for _, c in spots})):
        rows = [r for r, c in spots if first <= c <= end]
        plan.blocks.append(_block(name, min(rows), max(rows), first, end, cells, grid))


def _block(name: str, top: int, bottom: int, left: int, right: int, cells: dict[tuple[int, int], Any], grid: Grid) -> Block:
    """Planned values where ``cells`` has them, the value as read everywhere else."""
    block = Block(name, top, left, [])
    for row in range(top, bottom + 1):
        line = []
        for col in range(left, right + 1):
            if (row, col) in cells:
                block.planned.add((row, col))
                line.append(to_excel(cells[(row, col)]))
            else:
                line.append(as_read(_cell(grid, row, col)))
        block.values.append(line)
    return block


def _cell(grid: Grid, row: int, col: int) -> Any:
    if row - 1 < len(grid):
        line = grid[row - 1]
        if col - 1 < len(line):
            return line[col - 1]
    return None


# ---------------------------------------------------------------- applying the plan to a workbook
def apply_plan(book: Any, plan: WritePlan, grids: dict[str, Grid]) -> int:
    """Write ``plan`` into ``book``; returns the number of bulk writes (value blocks + resizes)."""
    writes = 0
    with quiet_screen(book):
        for name in plan.sheets():
            sheet = book.sheets[name]
            with unprotected(sheet):
                for resize in (r for r in plan.resizes if r.sheet == name):
                    writes += grow_table(sheet, resize)
                for block in (b for b in plan.blocks if b.sheet == name):
                    bottom, right = block.row + block.height - 1, block.col + block.width - 1
                    rng = sheet.range((block.row, block.col), (bottom, right))
                    rng.options(chunksize=None).value = keep_formulas(rng, block, grids.get(name, []))
                    writes += 1
    return writes


def is_remote(book: Any) -> bool:
    """The remote engine (xlwings Server/Lite) keeps the workbook as a dict; COM hands out objects."""
    return isinstance(book.sheets[0].api, dict)


@contextmanager
def quiet_screen(book: Any) -> Iterator[None]:
    """On Excel, no repainting while the blocks are written (two calls)."""
    if is_remote(book):
        yield
        return
    book.app.screen_updating = False
    try:
        yield
    finally:
        book.app.screen_updating = True


def save_book(book: Any) -> None:
    """Save the workbook in place, as the CLI leaves the file saved; WriteRefused when Excel cannot."""
    try:
        book.save()
    except _com_errors() as exc:
        raise WriteRefused(
            f"Register sudah diperbarui di Excel tetapi belum tersimpan ({exc}). Simpan dengan Ctrl+S; bila berkas "
            "hanya-baca, gunakan 'Simpan Sebagai' ke folder register."
        ) from exc


def keep_formulas(rng: Any, block: Block, grid: Grid) -> list[list[Any]]:
    """On Excel, cells rewritten as read keep their formula (one read per block); the remote engine has none."""
    try:
        formulas = rng.formula
    except NotImplementedError:
        return block.values
    if isinstance(formulas, str):
        formulas = ((formulas,),)
    values = [list(line) for line in block.values]
    for i, line in enumerate(formulas):
        for j, text in enumerate(line):
            row, col = block.row + i, block.col + j
            if (row, col) in block.planned or not isinstance(text, str) or not text.startswith("="):
                continue
            if text != _cell(grid, row, col):  # text "=x" stored as text reads back as itself
                values[i][j] = text
    return values


def grow_table(sheet: Any, resize: Resize) -> int:
    """Resize the sheet's table to end at ``resize.last_row`` (never shrink); 1 call, 0 without a table."""
    table = _find_table(sheet, resize)
    if table is None:
        return 0
    rng = table.range
    height, width = rng.shape
    bottom = rng.row + height - 1
    last = max(bottom, resize.last_row)
    table.resize(sheet.range((rng.row, rng.column), (last, rng.column + width - 1)))
    return 1


def _find_table(sheet: Any, resize: Resize) -> Any:
    tables = list(sheet.tables)
    for table in tables:
        if table.name == resize.table:
            return table
    return next((t for t in tables if t.range is not None and t.range.row == resize.header_row), None)


@contextmanager
def unprotected(sheet: Any) -> Iterator[None]:
    """On Excel: lift the sheet protection (no password) around the write and restore it exactly.

    The remote engine (Office.js) has no protection API: writes to locked cells of a protected
    sheet fail there, so protected registers only work through the Windows COM engine.
    """
    api = sheet.api
    if isinstance(api, dict) or not getattr(api, "ProtectContents", False):
        yield
        return
    protection = api.Protection
    flags = {name: bool(getattr(protection, name)) for name in PROTECTION_FLAGS}
    drawing, scenarios = bool(api.ProtectDrawingObjects), bool(api.ProtectScenarios)
    try:
        api.Unprotect()
    except _com_errors() as exc:
        raise WriteRefused(
            f"Lembar '{sheet.name}' dilindungi dengan kata sandi; buka proteksinya (Tinjau > Buka Proteksi Lembar) "
            "atau hapus kata sandinya, lalu tekan tombol lagi."
        ) from exc
    try:
        yield
    finally:
        api.Protect(DrawingObjects=drawing, Contents=True, Scenarios=scenarios, **flags)


def _com_errors() -> tuple[type[BaseException], ...]:
    try:
        import pywintypes  # Windows only; part of pywin32, which xlwings installs there
    except ImportError:
        return ()
    return (pywintypes.com_error,)


# ---------------------------------------------------------------- small reads
ISO_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def month_text(value: Any) -> str:
    """The Beranda month cell as 'YYYY-MM': text stays text; a date Excel made of it becomes its month."""
    if isinstance(value, dt.date):
        return f"{value.year}-{value.month:02d}"
    if isinstance(value, float) and 1 < value < 2958466:  # an Excel serial shown without a date format
        day = EXCEL_EPOCH + dt.timedelta(days=int(value))
        return f"{day.year}-{day.month:02d}"
    text = "" if value is None else str(value).strip().lstrip("'")
    match = ISO_MONTH.match(text)
    return f"{match.group(1)}-{int(match.group(2)):02d}" if match else text


def excel_user(book: Any) -> str | None:
    """Excel's user name (File > Options > General) on Windows; None on engines without one."""
    try:
        name = book.app.api.UserName
    except (AttributeError, NotImplementedError):
        return None
    if not isinstance(name, str) or not name.strip():
        return None
    return name.strip()
