"""Reading a published DIK table (.xlsx or a .docx table) into rows of text, header found by its words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..values import as_text

# Field of a header cell, by the words in it; the first rule that fits wins (order matters:
# "konsekuensi jika ditutup" is the public-interest column, "dasar hukum" is not the information).
HEADER_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("no", ("no", "no.", "nomor", "no urut", "nomor urut")),  # whole-cell match
    ("kepentingan_publik", ("ditutup", "pertimbangan", "kepentingan publik")),
    ("konsekuensi", ("dibuka", "konsekuensi", "akibat", "uji konsekuensi")),
    ("dasar_hukum", ("dasar hukum", "dasar pengecualian", "pasal", "dasar")),
    ("jangka_waktu", ("jangka waktu", "batas waktu", "masa", "waktu pengecualian", "retensi", "waktu")),
    ("perangkat_daerah", ("perangkat daerah", "opd", "unit kerja", "satuan kerja", "penguasa", "pengelola")),
    ("informasi", ("informasi", "jenis informasi", "judul", "dokumen", "uraian")),
)
NEEDED = {"informasi"}
HEADER_SEARCH_ROWS = 15


@dataclass
class Table:
    """Rows of cell texts and the field of each column (column index -> field)."""

    rows: list[list[str]]
    fields: dict[int, str]
    first_data_row: int  # index into rows
    source: str  # "Lembar 'DIK'" / "tabel 2"


def cell_text(value: Any) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return " ".join(as_text(value).split())


def field_of(header: str) -> str | None:
    text = " ".join(re.sub(r"[^\w/.]+", " ", header.casefold()).split())
    if not text:
        return None
    for field, words in HEADER_RULES:
        if field == "no":
            if text.rstrip(".") in {w.rstrip(".") for w in words}:
                return field
        elif any(re.search(rf"\b{re.escape(w)}\b", text) for w in words):
            return field
    return None


def find_header(rows: list[list[str]]) -> tuple[dict[int, str], int] | None:
    """(fields by column, first data row) of the first row whose headers name the information column.

    A two-row header ("Konsekuensi" over "Jika dibuka" | "Jika ditutup") is read as one.
    """
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields = _fields(row)
        if not set(fields.values()) >= NEEDED or len(fields) < 2:
            continue
        below = rows[i + 1] if i + 1 < len(rows) else []
        if any(re.search(r"\b(dibuka|ditutup)\b", c.casefold()) for c in below):
            joined = [f"{a} {b}" if b != a else a for a, b in zip(row, below + [""] * len(row), strict=False)]
            return _fields(joined, prefer_last=True), i + 2
        return fields, i + 1
    return None


def _fields(row: list[str], prefer_last: bool = False) -> dict[int, str]:
    fields: dict[int, str] = {}
    for col, text in enumerate(row):
        words = text.split()
        field = field_of(" ".join(words[-2:])) if prefer_last and len(words) > 2 else None
        field = field or field_of(text)
        if field and field not in fields.values():
            fields[col] = field
    return fields


def read_table(path: Path) -> Table:
    path = Path(path)
    if not path.exists():
        raise UsageError(f"Berkas DIK '{path}' tidak ditemukan.")
    suffix = path.suffix.casefold()
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        candidates = _workbook_tables(path)
    elif suffix == ".docx":
        candidates = _docx_tables(path)
    else:
        raise UsageError(
            f"Berkas '{path.name}' bukan .xlsx atau .docx; simpan tabel DIK sebagai salah satunya."
        )
    for source, rows in candidates:
        found = find_header(rows)
        if found:
            return Table(rows, found[0], found[1], source)
    raise UsageError(
        f"Tidak ada tabel DIK di '{path.name}': baris judul kolom harus memuat kata 'Informasi' "
        "(dan misalnya 'Dasar Hukum', 'Konsekuensi', 'Jangka Waktu')."
    )


def _workbook_tables(path: Path) -> list[tuple[str, list[list[str]]]]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for unreadable files
        raise UsageError(f"Berkas '{path.name}' tidak dapat dibaca: {exc}") from None
    out = []
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name)
        rows = [[cell_text(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
        out.append((f"lembar '{name}'", rows))
    return out


def _docx_tables(path: Path) -> list[tuple[str, list[list[str]]]]:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises zip/XML errors for damaged files
        raise UsageError(f"Berkas '{path.name}' tidak dapat dibaca: {exc}") from None
    out = []
    for n, table in enumerate(document.tables, start=1):
        rows = [_docx_row(row) for row in table.rows]
        out.append((f"tabel {n}", rows))
    return out


def _docx_row(row: Any) -> list[str]:
    """Cell texts; a vertically merged continuation cell reads as empty (like a merged Excel cell)."""
    texts = []
    for cell in row.cells:
        merge = cell._tc.tcPr.vMerge if cell._tc.tcPr is not None else None
        continued = merge is not None and merge.val in (None, "continue")
        texts.append("" if continued else cell_text("\n".join(p.text for p in cell.paragraphs)))
    return texts
