"""Structure rules: missing sheets and columns (with a suggestion), merged cells, error values."""

from __future__ import annotations

from rapidfuzz import fuzz, process, utils

from ..findings import Finding
from ..register import SheetData
from ..schema import HEADER_ROW, Sheet
from .codes import level, message


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _finding(sheet: str, row: int, column: str, code: str, key: str = "", **fields: str) -> Finding:
    return Finding(sheet, row, column, code, message(code, **fields), key=key, level=level(code))


ADDED_LATER = frozenset({"keberatan"})  # sheets a register built by an older version does not have


def missing_sheet(spec: Sheet) -> Finding:
    if spec.key in ADDED_LATER:
        return _finding(spec.name, 0, "", "lembar_belum_ada", lembar=spec.name)
    return _finding(spec.name, 0, "", "lembar_hilang", lembar=spec.name)


def missing_columns(data: SheetData) -> list[Finding]:
    """One finding (row 0) per schema column not found; suggests the closest unknown header."""
    unknown = [header for _col, header in data.extra if header]
    out = []
    for key in data.missing:
        header = data.spec.column(key).header
        best = (
            process.extractOne(
                header, unknown, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=70
            )
            if unknown
            else None
        )
        saran = f" Mungkin '{best[0]}'?" if best else ""
        out.append(_finding(data.name, 0, header, "kolom_hilang", key=key, kolom=header, saran=saran))
    return out


def merged_cells(data: SheetData) -> list[Finding]:
    """Merged ranges reaching the table area (header row and below), one finding per range."""
    by_column = {index: key for key, index in data.columns.items()}
    out = []
    for first_row, first_col, last_row, last_col in getattr(data, "merged", None) or []:
        if last_row < (data.header_row or HEADER_ROW):
            continue
        key = by_column.get(first_col, "")
        span = f"{column_letter(first_col)}{first_row}:{column_letter(last_col)}{last_row}"
        header = data.header(key) if key else ""
        out.append(_finding(data.name, first_row, header, "sel_digabung", key=key, rentang=span))
    return out
