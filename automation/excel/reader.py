"""Read a register workbook into plain data with python-calamine (no openpyxl load).

Columns are found by their header text, wherever they are; a header row is looked for in the
first rows of each sheet.  Cells keep their raw values (str, float, bool, date, datetime, time);
error cells (#N/A, ...) — which calamine returns as empty strings — are recovered from the sheet
XML so validation can point at them.
"""

from __future__ import annotations

import functools
import operator
import re
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from python_calamine import CalamineWorkbook

from ..errors import UnusableFile, describe_cause
from ..progress import READING, Progress, silent
from ..reference import REF_LISTS
from ..register import Record, Register, SheetData
from ..schema import HEADER_ROW, LOG, PENGATURAN, REFERENSI, SETTINGS, STAGES, TABLE_SHEETS, Sheet
from ..settings import parse_settings
from .hint import restore_hint

Grid = list[list[Any]]
STATUS_PREFIX = "Hasil "  # every status text starts so ("Hasil proses terakhir ...", "Hasil terakhir ...")
_SPACES = re.compile(r"\s+")
_HEADER_SCAN_ROWS = 20


def norm(text: Any) -> str:
    """Header comparison form: case-folded, single spaces, no surrounding blanks."""
    if isinstance(text, str) and len(text) <= _HEADER_LENGTH:
        return _norm_header(text)
    return _SPACES.sub(" ", str(text or "")).strip().casefold()


_HEADER_LENGTH = 120  # headers and titles are short; long cell text is not kept


@functools.lru_cache(maxsize=4096)
def _norm_header(text: str) -> str:  # the same headers and titles are compared on every read
    return _SPACES.sub(" ", text).strip().casefold()


def read_register(path: Path, *, with_log: bool = True, progress: Progress = silent) -> Register:
    """Read ``path`` with python-calamine; raise UnusableFile when it is not a readable register.

    ``with_log=False`` does not parse the Log sheet at all (it is then marked not present, so a
    write planned from this read is refused rather than appended at a wrong row): validation and
    reports never read the Log, which is the longest sheet. Writes always re-read with the Log.
    """
    path = Path(path)
    if not path.exists():
        raise UnusableFile(f"Berkas tidak ditemukan: {path}")
    if path.is_dir():
        raise UnusableFile(f"{path} adalah folder, bukan berkas register (.xlsm).")
    refuse_container(path)
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several private error types for broken files
        raise UnusableFile(
            f"Berkas {path.name} rusak atau bukan buku kerja Excel: {describe_cause(exc)}; berkas tidak"
            " diubah. " + restore_hint(path)
        ) from exc
    # Two more threads while the main one parses sheets: python-calamine parses a sheet without holding
    # the GIL and zlib inflates without it, so on a multi-core PC they run side by side. One parses
    # every other sheet with its own workbook handle; one scans the sheet XML for error cells.
    with ThreadPoolExecutor(max_workers=2) as pool:
        try:
            names = list(book.sheet_names)
            skipped = set() if with_log else {n for n in names if norm(n) == norm(LOG.name)}
            wanted = [n for n in names if n not in skipped]
            scan = pool.submit(error_cells, path, skip=frozenset(skipped))
            other = pool.submit(_read_other, path, wanted[1::2])
            mine = _read_sheets(
                book, wanted[0::2], lambda name: progress(names.index(name), len(names), f"{READING} {name}")
            )
            sheets = {**mine, **other.result()}
        except Exception as exc:
            raise UnusableFile(
                f"Isi berkas {path.name} rusak atau tidak lengkap: {describe_cause(exc)}; berkas tidak"
                " diubah. " + restore_hint(path)
            ) from exc
        finally:
            book.close()
        errors = scan.result()
    grids = {name: sheets[name][0] for name in wanted}  # in the workbook's order
    merged = {name: sheets[name][1] for name in wanted}
    return register_from_grids(path, grids, merged=merged, errors=errors, sheet_names=names)


Merged = list[tuple[int, int, int, int]]


def _read_sheets(
    book: CalamineWorkbook, names: list[str], progress: Callable[[str], None] = lambda _name: None
) -> dict[str, tuple[Grid, Merged]]:
    """Sheet name -> (grid from A1, merged ranges 1-based inclusive) of ``names``."""
    out: dict[str, tuple[Grid, Merged]] = {}
    for name in names:
        progress(name)
        sheet = book.get_sheet_by_name(name)
        ranges = getattr(sheet, "merged_cell_ranges", None) or []
        out[name] = (
            sheet.to_python(skip_empty_area=False),
            [(r0 + 1, c0 + 1, r1 + 1, c1 + 1) for (r0, c0), (r1, c1) in ranges],
        )
    return out


def _read_other(path: Path, names: list[str]) -> dict[str, tuple[Grid, Merged]]:
    """:func:`_read_sheets` with a workbook handle of this thread's own."""
    if not names:
        return {}
    book = CalamineWorkbook.from_path(str(path))
    try:
        return _read_sheets(book, names)
    finally:
        book.close()


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")


def refuse_container(path: Path) -> None:
    """An Office file that is not a zip package: encrypted with a password, or an old .xls renamed.

    Both are OLE compound files; python-calamine names the first only as "PasswordError".
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            if head != _OLE_MAGIC:
                return
            data = fh.read()
    except OSError:
        return
    if _ENCRYPTION_INFO in data:
        raise UnusableFile(
            f"Berkas {path.name} dikunci dengan kata sandi (terenkripsi), sehingga tidak dapat dibaca; berkas"
            " tidak diubah. Buka di Excel, hapus kata sandinya (File > Info > Proteksi Buku Kerja > Enkripsi"
            " dengan Kata Sandi, kosongkan isiannya), simpan, lalu ulangi. " + restore_hint(path)
        )
    raise UnusableFile(
        f"Berkas {path.name} berformat Excel lama (.xls), bukan register .xlsm; berkas tidak diubah. "
        + restore_hint(path)
    )


def register_from_grids(
    path: Path,
    grids: dict[str, Grid],
    *,
    merged: dict[str, list[tuple[int, int, int, int]]] | None = None,
    errors: dict[str, dict[tuple[int, int], str]] | None = None,
    sheet_names: list[str] | None = None,
) -> Register:
    """Build a Register from sheet grids that start at cell A1 (used by the CLI and the buttons)."""
    by_norm = {norm(n): n for n in grids}
    if not any(norm(s.name) in by_norm for s in STAGES):
        raise UnusableFile(
            f"Berkas {Path(path).name} bukan register PPID: lembar tahap (mis. '1 Permohonan') tidak"
            " ditemukan."
        )
    sheets = _table_sheets(grids, by_norm, merged or {}, errors or {})
    ref_name = by_norm.get(norm(REFERENSI.name))
    if ref_name:
        sheets[REFERENSI.key] = _reference_data(grids[ref_name], ref_name)
    settings_name = by_norm.get(norm(PENGATURAN.name))
    raw, rows = settings_cells(grids[settings_name]) if settings_name else ({}, {})
    checked = parse_settings(raw, rows, sheet=settings_name or PENGATURAN.name)
    return Register(
        path=Path(path),
        sheets=sheets,
        settings=dict(checked.values),
        sheet_names=sheet_names or list(grids),
        setting_findings=list(checked.findings),
    )


def _table_sheets(
    grids: dict[str, Grid],
    by_norm: dict[str, str],
    merged: dict[str, list[tuple[int, int, int, int]]],
    errors: dict[str, dict[tuple[int, int], str]],
) -> dict[str, SheetData]:
    """The stage sheets and the Log, by schema key (a missing sheet is marked not present)."""
    sheets: dict[str, SheetData] = {}
    for spec in TABLE_SHEETS:
        actual = by_norm.get(norm(spec.name))
        if actual is None:
            sheets[spec.key] = SheetData(spec=spec, present=False)
            continue
        grid = grids[actual]
        for (r, c), text in errors.get(actual, {}).items():
            _put(grid, r, c, text)
        data = _sheet_data(spec, grid)
        data.actual_name = actual
        data.merged = [m for m in merged.get(actual, []) if m[2] > data.header_row]
        sheets[spec.key] = data
    return sheets


def _put(grid: Grid, row: int, col: int, value: Any) -> None:
    while len(grid) < row:
        grid.append([])
    line = grid[row - 1]
    while len(line) < col:
        line.append("")
    line[col - 1] = value


def _find_header_row(spec: Sheet, grid: Grid) -> tuple[int, int]:
    """(header row, number of schema headers on it); (HEADER_ROW, 0) when no row has any."""
    wanted = {norm(c.header) for c in spec.columns}
    best_row, best_hits = HEADER_ROW, 0
    for index, line in enumerate(grid[:_HEADER_SCAN_ROWS]):
        hits = sum(1 for cell in line if isinstance(cell, str) and norm(cell) in wanted)
        if hits > best_hits:
            best_row, best_hits = index + 1, hits
    return best_row, best_hits


def status_row(grid: Grid, header_row: int, hits: int) -> int:
    """The status cell's row: right above the header found, when that cell is empty or a status.

    Staff may delete or insert rows among the title lines, so the status cell moves with the
    header. A row that holds anything else (a title line, a header) is never a status cell: 0.
    """
    row = header_row - 1
    if hits == 0 or row < 1:
        return 0
    line = grid[row - 1] if len(grid) >= row else []
    first = line[0] if line else ""
    if first in ("", None) or (isinstance(first, str) and first.startswith(STATUS_PREFIX)):
        return row
    return 0


def _sheet_data(spec: Sheet, grid: Grid) -> SheetData:
    header_row, hits = _find_header_row(spec, grid)
    header_line = grid[header_row - 1] if len(grid) >= header_row else []
    data = SheetData(spec=spec, header_row=header_row, status_row=status_row(grid, header_row, hits))
    _match_columns(data, header_line)
    data.last_row = _read_records(data, grid)
    return data


def _match_columns(data: SheetData, header_line: list[Any]) -> None:
    """Find each schema column by its header text; note the missing ones and the extra headers."""
    found: dict[str, int] = {}
    for i, cell in enumerate(header_line):
        if isinstance(cell, str) and cell.strip():
            found.setdefault(norm(cell), i + 1)
    known = set()
    for col in data.spec.columns:
        index = found.get(norm(col.header))
        if index is None:
            data.missing.append(col.key)
            continue
        data.columns[col.key] = index
        data.headers_found[col.key] = str(header_line[index - 1]).strip()
        known.add(index)
    data.extra = [
        (i + 1, str(c)) for i, c in enumerate(header_line) if i + 1 not in known and str(c or "").strip()
    ]


def _read_records(data: SheetData, grid: Grid) -> int:
    """Append a Record for every row below the header with a value in a schema column.

    Returns the last non-empty row."""
    header_row = data.header_row
    last = header_row
    keys = list(data.columns)
    indices = [data.columns[k] - 1 for k in keys]
    width = max(indices, default=-1) + 1
    pick = _picker(indices)
    for offset, line in enumerate(grid[header_row:]):
        if line.count("") + line.count(None) == len(line):  # C-level emptiness test (0 and False are data)
            continue
        last = header_row + 1 + offset
        if len(line) < width:
            line = line + [""] * (width - len(line))
        cells = pick(line)
        if cells.count("") + cells.count(None) == len(cells):
            continue
        values = {k: None if v == "" else v for k, v in zip(keys, cells, strict=True)}
        data.records.append(Record(row=last, values=values))
    return last


def _picker(indices: list[int]) -> Callable[[list[Any]], tuple[Any, ...]]:
    """The cells of a grid line at ``indices``, as a tuple (one C call per row)."""
    if len(indices) == 1:
        only = indices[0]
        return lambda line: (line[only],)
    if not indices:
        return lambda line: ()
    return operator.itemgetter(*indices)


def _reference_data(grid: Grid, name: str) -> SheetData:
    """Referensi: one dropdown list per column; records keyed by RefList.key (staff may add values)."""
    wanted = {norm(r.header): r.key for r in REF_LISTS}
    data = SheetData(spec=REFERENSI, actual_name=name, header_row=HEADER_ROW)
    for index, line in enumerate(grid[:_HEADER_SCAN_ROWS]):
        hits = {
            wanted[norm(c)]: i + 1 for i, c in enumerate(line) if isinstance(c, str) and norm(c) in wanted
        }
        if len(hits) > len(data.columns):
            data.columns, data.header_row = hits, index + 1
    for offset, line in enumerate(grid[data.header_row :]):
        values = {k: _clean(line[i - 1]) if i <= len(line) else None for k, i in data.columns.items()}
        if any(v is not None for v in values.values()):
            data.records.append(Record(row=data.header_row + 1 + offset, values=values))
    return data


def _filled(value: Any) -> bool:
    return value is not None and value != ""


def _clean(value: Any) -> Any:
    return None if value == "" else value


def read_settings(grid: Grid) -> dict[str, Any]:
    """Pengaturan: the row with a 'Kunci' header, then key -> 'Nilai'; schema defaults fill gaps."""
    return settings_cells(grid)[0]


def settings_cells(grid: Grid) -> tuple[dict[str, Any], dict[str, int]]:
    """(key -> value as typed, key -> Excel row) of the Pengaturan sheet; defaults fill gaps."""
    settings: dict[str, Any] = {s.key: s.default for s in SETTINGS}
    rows: dict[str, int] = {}
    found = _settings_header(grid)
    if found is None:
        return settings, rows
    start, (key_col, value_col, label_col) = found
    labels = {norm(s.label): s.key for s in SETTINGS}
    for offset, line in enumerate(grid[start:]):
        key = _cell_text(line, key_col).strip()
        if key not in settings:
            key = labels.get(norm(_cell_text(line, label_col)), "")
        if key:
            rows.setdefault(key, start + offset + 1)
            if value_col < len(line) and _filled(line[value_col]):
                settings[key] = line[value_col]
    return settings, rows


def _settings_header(grid: Grid) -> tuple[int, tuple[int | None, int, int | None]] | None:
    """(first value row, (Kunci, Nilai, Pengaturan) columns) of the Pengaturan header; None without one."""
    for index, line in enumerate(grid[:_HEADER_SCAN_ROWS]):
        heads = [norm(c) if isinstance(c, str) else "" for c in line]
        if "nilai" in heads:
            columns = tuple(heads.index(h) if h in heads else None for h in ("kunci", "nilai", "pengaturan"))
            return index + 1, (columns[0], heads.index("nilai"), columns[2])
    return None


def _cell_text(line: Sequence[Any], col: int | None) -> str:
    """The text in column ``col`` of a row ('' when absent or not text)."""
    value = line[col] if col is not None and col < len(line) else None
    return value if isinstance(value, str) else ""


# ---------------------------------------------------------------- error cells from the sheet XML
_CELL_ERR = re.compile(
    rb'<c r="([A-Z]+)(\d+)"[^>]*?t="e"[^>]*>(?:<f[^>]*>.*?</f>|<f[^>]*/>)?<v>([^<]*)</v>', re.S
)
_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def error_cells(
    path: Path, *, skip: set[str] | frozenset[str] = frozenset()
) -> dict[str, dict[tuple[int, int], str]]:
    """Sheet name -> {(row, col): '#N/A'} for cells holding Excel error values (``skip``: names not
    scanned)."""
    out: dict[str, dict[tuple[int, int], str]] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
            targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("rel:Relationship", _NS)}
            for sheet in book.iterfind("m:sheets/m:sheet", _NS):
                if sheet.get("name", "") in skip:
                    continue
                target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
                part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                try:
                    xml = zf.read(part)
                except KeyError:
                    continue
                if b't="e"' not in xml:
                    continue
                cells = {
                    (int(m.group(2)), _col_index(m.group(1))): m.group(3).decode()
                    for m in _CELL_ERR.finditer(xml)
                }
                if cells:
                    out[sheet.get("name", "")] = cells
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError):
        return out
    return out
