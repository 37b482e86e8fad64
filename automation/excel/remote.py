"""A register file as the JSON xlwings' remote engine receives from Excel, and a click counted on it.

Used by the tests (button path vs CLI path on the same file) and by the bench
(``button_actions_10k_vs_100``) through :mod:`automation.remote_click`; this module knows nothing
of the buttons.  The payload follows what xlwings' Office.js client sends
(``xlwings/pro/_xlremote.py``): per sheet its values anchored at A1 (dates as ISO text, empty
cells as ""), its tables, the defined names, and the active sheet.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from importlib.metadata import version
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from python_calamine import CalamineWorkbook

from ..errors import UsageError
from ..schema import BERANDA, SHEETS
from .reader import error_cells

CLIENT = "Microsoft Excel"
_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_TABLE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table"
_SIMPLE_REF = re.compile(r"^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$")


def button_sheet(action: str) -> str:
    """The sheet whose button runs ``action`` (Beranda for the monthly report)."""
    if BERANDA.action == action:
        return BERANDA.name
    for sheet in SHEETS:
        if sheet.action == action:
            return sheet.name
    raise UsageError(f"Tidak ada tombol untuk operasi '{action}'.")


def payload_from_file(path: Path, *, active: str) -> dict[str, Any]:
    """The remote-engine JSON for the workbook at ``path`` with ``active`` as the clicked sheet."""
    path = Path(path)
    book = CalamineWorkbook.from_path(str(path))
    try:
        names = list(book.sheet_names)
        grids = {n: book.get_sheet_by_name(n).to_python(skip_empty_area=False) for n in names}
    finally:
        book.close()
    for sheet, cells in error_cells(path).items():
        for (row, col), text in cells.items():
            grids[sheet][row - 1][col - 1] = text
    tables = _tables(path)
    if active not in names:
        raise UsageError(f"Lembar '{active}' tidak ada di {path.name}.")
    return {
        "client": CLIENT,
        "version": version("xlwings"),
        "book": {"name": path.name, "active_sheet_index": names.index(active), "selection": "A1"},
        "names": _names(path, names),
        "sheets": [
            {
                "name": n,
                "values": [[_json_value(v) for v in line] for line in grids[n]] or [[""]],
                "pictures": [],
                "tables": tables.get(n, []),
            }
            for n in names
        ],
    }


def _json_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="milliseconds") + "Z"
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time()).isoformat(timespec="milliseconds") + "Z"
    if isinstance(value, dt.time):
        return dt.datetime.combine(dt.date(1899, 12, 30), value).isoformat(timespec="milliseconds") + "Z"
    return value


def _sheet_parts(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, worksheet part) in workbook order."""
    book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("rel:Relationship", _NS)}
    out = []
    for sheet in book.iterfind("m:sheets/m:sheet", _NS):
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
        out.append((sheet.get("name", ""), target.lstrip("/") if target.startswith("/") else f"xl/{target}"))
    return out


def _tables(path: Path) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    with zipfile.ZipFile(path) as zf:
        for name, part in _sheet_parts(zf):
            folder, file = part.rsplit("/", 1)
            rels_part = f"{folder}/_rels/{file}.rels"
            if rels_part not in zf.namelist():
                continue
            rels = ElementTree.fromstring(zf.read(rels_part))
            for rel in rels.findall("rel:Relationship", _NS):
                if rel.get("Type") != _TABLE_REL:
                    continue
                ref = rel.get("Target", "")
                target = ref.lstrip("/") if ref.startswith("/") else posixpath.normpath(f"{folder}/{ref}")
                table = ElementTree.fromstring(zf.read(target))
                out.setdefault(name, []).append(_table_api(table))
    return out


def _table_api(table: ElementTree.Element) -> dict[str, Any]:
    ref = table.get("ref", "")
    first, last = ref.split(":")
    left, top = re.match(r"([A-Z]+)(\d+)", first).groups()  # type: ignore[union-attr]
    right, bottom = re.match(r"([A-Z]+)(\d+)", last).groups()  # type: ignore[union-attr]
    headers = table.get("headerRowCount", "1") != "0"
    totals = table.get("totalsRowCount", "0") not in ("0", "")
    body_top = int(top) + (1 if headers else 0)
    body_bottom = int(bottom) - (1 if totals else 0)
    style = table.find("m:tableStyleInfo", _NS)
    return {
        "name": table.get("displayName") or table.get("name", ""),
        "range_address": ref,
        "header_row_range_address": f"{left}{top}:{right}{top}" if headers else None,
        "data_body_range_address": (
            f"{left}{body_top}:{right}{body_bottom}" if body_bottom >= body_top else None
        ),
        "total_row_range_address": f"{left}{bottom}:{right}{bottom}" if totals else None,
        "show_headers": headers,
        "show_totals": totals,
        "table_style": style.get("name", "") if style is not None else "",
        "show_autofilter": table.find("m:autoFilter", _NS) is not None,
        "show_table_style_first_column": False,
        "show_table_style_last_column": False,
        "show_table_style_row_stripes": True,
        "show_table_style_column_stripes": False,
    }


def _names(path: Path, sheets: list[str]) -> list[dict[str, Any]]:
    with zipfile.ZipFile(path) as zf:
        book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    out = []
    for item in book.iterfind("m:definedNames/m:definedName", _NS):
        local = item.get("localSheetId")
        text = (item.text or "").strip()
        entry: dict[str, Any] = {
            "name": item.get("name", ""),
            "refers_to": f"={text}",
            "sheet_index": None,
            "address": None,
            "book_scope": local is None,
            "scope_sheet_index": int(local) if local is not None else None,
            "scope_sheet_name": (
                sheets[int(local)] if local is not None and int(local) < len(sheets) else None
            ),
        }
        match = _SIMPLE_REF.match(text)
        if match:
            sheet = (match.group(1) or match.group(2)).replace("''", "'")
            if sheet in sheets:
                entry["sheet_index"] = sheets.index(sheet)
                entry["address"] = match.group(3).replace("$", "")
        out.append(entry)
    return out
