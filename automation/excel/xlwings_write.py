"""Apply a write plan to a live workbook through xlwings objects: value blocks, table resizes, save.

Duck-typed like :mod:`automation.excel.xlwings_read` (no xlwings import).  xlwings' automatic
chunking is switched off, so every block is one Excel call; on Excel the screen is frozen, sheet
protection is lifted and restored, and cells rewritten as read keep their formulas.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import WriteRefused
from .xlwings_plan import Block, Resize, WritePlan, cell_at
from .xlwings_read import Grid

PROTECTION_FLAGS = (
    "AllowFormattingCells",
    "AllowFormattingColumns",
    "AllowFormattingRows",
    "AllowInsertingColumns",
    "AllowInsertingRows",
    "AllowInsertingHyperlinks",
    "AllowDeletingColumns",
    "AllowDeletingRows",
    "AllowSorting",
    "AllowFiltering",
    "AllowUsingPivotTables",
)


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
            f"Register sudah diperbarui di Excel tetapi belum tersimpan ({exc}). Simpan dengan Ctrl+S; "
            "bila berkas hanya-baca, gunakan 'Simpan Sebagai' ke folder register."
        ) from exc


def keep_formulas(rng: Any, block: Block, grid: Grid) -> list[list[Any]]:
    """On Excel, cells rewritten as read keep their formula (one read per block); remote has none."""
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
            if text != cell_at(grid, row, col):  # text "=x" stored as text reads back as itself
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
            f"Lembar '{sheet.name}' dilindungi dengan kata sandi; buka proteksinya (Tinjau > Buka "
            "Proteksi Lembar) atau hapus kata sandinya, lalu tekan tombol lagi."
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
