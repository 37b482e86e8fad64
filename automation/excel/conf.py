"""Reading and rewriting the hidden ``xlwings.conf`` sheet of an existing register (``ppid doctor``)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import UnusableFile, WriteRefused
from .vba import CONF_SHEET


def read_conf(path: Path) -> dict[str, str] | None:
    """Key -> value (as text) of the xlwings.conf sheet, read like xlwings does (A1 down to a blank); None
    without the sheet."""
    sheet = _conf_sheet(path)
    if sheet is None:
        return None
    _name, rows = sheet
    conf: dict[str, str] = {}
    for row in rows:
        key = str(row[0]).strip() if row and row[0] is not None else ""
        if not key:
            break
        value = row[1] if len(row) > 1 else ""
        conf[key] = "" if value is None else str(value)
    return conf


def _conf_sheet(path: Path) -> tuple[str, list[list[Any]]] | None:
    """(name as spelled in the workbook, rows from A1) of the xlwings.conf sheet; None without it."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        names = {n.casefold(): n for n in book.sheet_names}
        if CONF_SHEET.casefold() not in names:
            return None
        name = names[CONF_SHEET.casefold()]
        return name, book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises its own types for corrupt or foreign files
        raise UnusableFile(f"Berkas {path.name} tidak dapat dibaca sebagai register .xlsm ({exc}).") from exc


def write_conf(path: Path, values: Mapping[str, str], *, backups: int = 10) -> Path | None:
    """Set ``values`` (by key) in xlwings.conf through the safe write path; returns the backup made.

    The workbook is rewritten with openpyxl (VBA and buttons kept and repaired by ``preserve``),
    under the run lock, refused while Excel holds it or when the save would lose a part.
    """
    from .preserve import check_losses, roundtrip_openpyxl
    from .safety import write_session

    losses = check_losses(path)
    if losses:
        raise WriteRefused(
            "xlwings.conf tidak diubah karena penyimpanan akan menghilangkan: " + "; ".join(losses) + "."
        )

    def mutate(wb: object) -> None:
        ws = next(s for s in wb.worksheets if s.title.casefold() == CONF_SHEET.casefold())  # type: ignore[attr-defined]
        rows = {str(ws.cell(r, 1).value or "").strip(): r for r in range(1, ws.max_row + 1)}
        for key, value in values.items():
            if key in rows:
                ws.cell(rows[key], 2).value = value

    with write_session(path, backups=backups) as session:
        return session.save(lambda tmp: roundtrip_openpyxl(path, tmp, mutate, rows=_conf_rows(path)))


def _conf_rows(path: Path) -> dict[str, set[int]]:
    """Every row of the xlwings.conf sheet: openpyxl loads only these, the other sheets' rows are
    spliced back verbatim."""
    sheet = _conf_sheet(path)
    if sheet is None:
        return {}
    name, rows = sheet
    return {name: set(range(1, len(rows) + 2))}
