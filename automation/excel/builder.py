"""Build a new register workbook (.xlsm) from the schema: ``ppid init``.

The workbook is written with XlsxWriter in one pass: sheets in ``schema.SHEETS`` order, one Excel
table per table sheet, dropdowns fed by defined names on Referensi, highlighting, locking, print
setup, xlwings' standalone VBA project with one button per sheet, and a hidden ``xlwings.conf``
sheet.  The Python module the buttons import (``<workbook stem>.py``) is written beside it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from io import BytesIO
from pathlib import Path
from typing import Any

from xlsxwriter.exceptions import XlsxWriterException
from xlsxwriter.workbook import Workbook

from ..errors import UsageError, WriteRefused
from ..schema import SETTINGS, SHEETS, Kind, Sheet
from .builder_sheets import (
    holiday_rows,
    write_beranda,
    write_pengaturan,
    write_referensi,
    write_xlwings_conf,
)
from .builder_style import Styles
from .builder_tables import write_table_sheet
from .vba import CONF_SHEET, EXAMPLE_NAME, check_button_module, module_name, vba_project, write_button_module

WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
TAB_COLORS = {Kind.HOME: "#1F4E78", Kind.STAGE: "#2E75B6"}


def build_register(
    path: Path,
    *,
    year: int,
    force: bool = False,
    settings: dict | None = None,
    protect: bool = True,
) -> Path:
    """Write a new register at ``path`` (and ``<stem>.py`` beside it); returns the workbook path.

    ``year``: the register's year, first year of holidays prefilled on Hari Libur (that year and the
    next).  The builder never reads the clock: the CLI passes this year in.  ``settings``: Pengaturan
    values by key, overriding the schema defaults.  ``protect``: lock system columns by protecting
    the table sheets and Pengaturan (no password).
    """
    path = Path(path)
    if path.suffix.lower() != ".xlsm":
        raise UsageError(f"Berkas register harus berakhiran .xlsm (mis. {EXAMPLE_NAME}).")
    module_name(path)  # refuse names the button cannot import before touching the disk
    if path.exists() and not force:
        raise UsageError(f"Berkas {path} sudah ada; gunakan --force untuk menimpanya.")
    values = _settings(settings)
    holiday_year = year
    if not 1900 < holiday_year < 3000:
        raise UsageError(f"Tahun {holiday_year} tidak masuk akal untuk kalender hari libur.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteRefused(f"Folder {path.parent} tidak dapat dibuat: {exc.strerror or exc}.") from exc
    check_button_module(path, force=force)
    temp = path.with_name(f"~ppid-build-{path.name}")
    try:
        _write(temp, path, values, holiday_year=holiday_year, protect=protect)
        os.replace(temp, path)
    except (OSError, XlsxWriterException) as exc:
        raise WriteRefused(
            f"Register {path} tidak dapat ditulis (mungkin sedang dibuka di Excel atau disk penuh): {exc}."
        ) from exc
    finally:
        temp.unlink(missing_ok=True)
    try:
        write_button_module(path, force=True)
    except OSError as exc:
        raise WriteRefused(
            f"Berkas Python tombol di samping {path.name} tidak dapat ditulis: {exc}."
        ) from exc
    return path


def _settings(overrides: Mapping[str, Any] | None) -> dict[str, Any]:
    values = {s.key: s.default for s in SETTINGS}
    unknown = sorted(set(overrides or {}) - set(values))
    if unknown:
        raise UsageError(f"Kunci pengaturan tidak dikenal: {', '.join(unknown)}.")
    values.update(overrides or {})
    return values


def _write(temp: Path, final: Path, values: dict[str, Any], *, holiday_year: int, protect: bool) -> None:
    wb = Workbook(str(temp), WORKBOOK_OPTIONS)
    wb.add_vba_project(BytesIO(vba_project()), is_stream=True)
    wb.set_properties(
        {"title": "Register Uji Konsekuensi Informasi Publik", "company": str(values.get("instansi", ""))}
    )
    styles = Styles(wb)
    sheets = {sheet.key: wb.add_worksheet(sheet.name) for sheet in SHEETS}
    conf = wb.add_worksheet(CONF_SHEET)
    for sheet in SHEETS:
        _fill(wb, sheets[sheet.key], sheet, styles, values, holiday_year=holiday_year, protect=protect)
    write_xlwings_conf(conf, styles, final)
    sheets[SHEETS[0].key].activate()
    wb.close()


def _fill(wb: Workbook, ws: Any, sheet: Sheet, styles: Styles, values: dict[str, Any], **kw: Any) -> None:
    if sheet.kind in TAB_COLORS:
        ws.set_tab_color(TAB_COLORS[sheet.kind])
    if sheet.kind is Kind.HOME:
        write_beranda(ws, styles, values)
    elif sheet.kind is Kind.REFERENCE:
        write_referensi(wb, ws, styles)
    elif sheet.kind is Kind.SETTINGS:
        write_pengaturan(ws, styles, values, protect=kw["protect"])
    elif sheet.columns:
        rows = holiday_rows(kw["holiday_year"]) if sheet.kind is Kind.HOLIDAYS else ()
        write_table_sheet(ws, sheet, styles, rows=rows, protect=kw["protect"])
