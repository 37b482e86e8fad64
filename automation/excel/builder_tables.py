"""One table sheet of the register: title block, Excel table, dropdowns, highlighting, locking, print."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from ..reference import StatusTahap
from ..schema import (
    BUTTON_COLUMN,
    CHOICE_CELL,
    CHOICE_LABEL,
    CHOICE_SPAN,
    FIRST_DATA_ROW,
    HEADER_ROW,
    STATUS_ROW,
    By,
    Column,
    Need,
    Sheet,
    T,
)
from .builder_style import BUTTON_WIDTH, LAST_RULE_ROW, ROW_HEIGHTS, TABLE_STYLE, Styles
from .vba import MACRO

HEADER = HEADER_ROW - 1  # 0-based index of the header row
FIRST = FIRST_DATA_ROW - 1  # 0-based index of the first data row
LAST = LAST_RULE_ROW - 1
DONE = StatusTahap.SELESAI
NEAR = "Mendekati batas"  # the text the workflow writes into status_waktu
PROTECT_OPTIONS = {
    "format_columns": True,
    "format_rows": True,
    "insert_rows": True,
    "sort": True,
    "autofilter": True,
    "select_locked_cells": True,
    "select_unlocked_cells": True,
}
DATE_RANGE = (dt.date(2000, 1, 1), dt.date(2100, 12, 31))


def write_table_sheet(
    ws: Worksheet, sheet: Sheet, styles: Styles, *, rows: Sequence[Sequence[Any]] = (), protect: bool = True
) -> None:
    """Everything on a sheet that has schema columns; ``rows`` prefill the table (column order)."""
    title_block(ws, sheet, styles, width=len(sheet.columns))
    table(ws, sheet, styles, rows)
    validations(ws, sheet)
    highlights(ws, sheet, styles)
    print_setup(ws, last_column=printed_columns(sheet) - 1, pages_wide=pages_wide(sheet))
    ws.freeze_panes(FIRST, 1)  # rows 1-6 and column A stay in view
    if sheet.button:
        add_button(ws, sheet, styles)
    if protect:
        ws.protect("", PROTECT_OPTIONS)


def title_block(ws: Worksheet, sheet: Sheet, styles: Styles, *, width: int) -> None:
    """Rows 1-4 (title, actor, inputs, output) and the status cell A5; rows 1-5 stay locked."""
    for row, height in ROW_HEIGHTS.items():
        ws.set_row(row, height)
    lines = (sheet.title, sheet.actor, sheet.inputs, sheet.output)
    for row, text in enumerate(lines):
        ws.write_string(row, 0, text, styles.title if row == 0 else styles.subtitle)
    ws.write_blank(STATUS_ROW - 1, 0, None, styles.status)
    for row in range(STATUS_ROW):
        for col in range(1, width):
            ws.write_blank(row, col, None, styles.plain)  # column formats unlock staff columns


def table(ws: Worksheet, sheet: Sheet, styles: Styles, rows: Sequence[Sequence[Any]]) -> None:
    for index, col in enumerate(sheet.columns):
        ws.set_column(index, index, col.width, styles.column(col), {"hidden": col.hidden})
    last_row = FIRST + max(len(rows), 1) - 1
    options: dict[str, Any] = {
        "name": sheet.table,
        "style": TABLE_STYLE,
        "autofilter": True,
        "columns": [
            {"header": c.header, "header_format": styles.header(c), "format": styles.column(c)}
            for c in sheet.columns
        ],
    }
    if rows:
        options["data"] = [list(r) for r in rows]
    ws.add_table(HEADER, 0, last_row, len(sheet.columns) - 1, options)
    if not rows:  # an explicit empty row keeps its format for readers that ignore column styles
        for index, col in enumerate(sheet.columns):
            ws.write_blank(FIRST, index, None, styles.column(col))


def requirement(col: Column, header_of: dict[str, str]) -> str:
    """When the column must be filled, in Indonesian (e.g. 'Wajib ... bila Kategori Pemohon = ...')."""
    if col.by is By.SYSTEM:
        return "Diisi sistem; jangan diubah."
    if col.need is Need.OPTIONAL:
        return "Opsional."
    base = "Wajib diisi saat baris dicatat" if col.need is Need.ENTRY else "Wajib diisi sebelum tahap selesai"
    return f"{base} {col.when.describe(header_of)}." if col.when else f"{base}."


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def validation_options(col: Column, header_of: dict[str, str]) -> dict[str, Any]:
    """The data validation of a column: a dropdown, a date/number check or just its help text."""
    options: dict[str, Any] = {
        "validate": "any",
        "input_title": _clip(col.header, 32),
        "input_message": _clip(f"{col.help} {requirement(col, header_of)}", 255),
    }
    if col.by is By.SYSTEM:
        return options
    if col.type is T.PASAL and col.choices:
        # Dropdown offers single codes but any text is accepted: "17h3, 17j" must be typeable.
        options.update(validate="list", source=f"=daftar_{col.choices}", show_error=False)
    elif col.choices:
        options.update(
            validate="list",
            source=f"=daftar_{col.choices}",
            error_title="Pilihan tidak dikenal",
            error_message="Pilih dari daftar. Nilai baru dapat ditambahkan di lembar Referensi.",
        )
    elif col.type in (T.DATE, T.DATETIME):
        options.update(
            validate="date",
            criteria="between",
            minimum=DATE_RANGE[0],
            maximum=DATE_RANGE[1],
            error_type="warning",
            error_title="Tanggal tidak dikenali",
            error_message="Ketik tanggal sebagai dd/mm/yyyy (mis. 24/11/2026)"
            + (" dan jam jj:mm." if col.type is T.DATETIME else "."),
        )
    elif col.type in (T.INT, T.MONEY):
        options.update(
            validate="integer" if col.type is T.INT else "decimal",
            criteria=">=",
            value=0,
            error_type="warning",
            error_title="Bukan angka",
            error_message="Ketik angka tanpa 'Rp' dan tanpa titik ribuan (mis. 15000).",
        )
    return options


def validations(ws: Worksheet, sheet: Sheet) -> None:
    header_of = sheet.headers
    for index, col in enumerate(sheet.columns):
        ws.data_validation(FIRST, index, LAST, index, validation_options(col, header_of))


def _range(index: int) -> str:
    letter = xl_col_to_name(index)
    return f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_RULE_ROW}"


def _ref(index: int) -> str:
    return f"${xl_col_to_name(index)}{FIRST_DATA_ROW}"


def highlights(ws: Worksheet, sheet: Sheet, styles: Styles) -> None:
    """Overdue (red), approaching (amber) and, per column, cells named in ``kolom_bermasalah``."""
    idx = {c.key: i for i, c in enumerate(sheet.columns)}
    flagged = [idx[k] for k in ("no_registrasi", "batas_waktu", "status_waktu") if k in idx]
    if "batas_waktu" in idx:
        due = _ref(idx["batas_waktu"])
        parts = [f'{due}<>""', f"ISNUMBER({due})", f"{due}<TODAY()"]
        if "status_waktu" in idx:
            # 1 Permohonan: the row is "Selesai" as soon as it moves on; the request's own state counts
            state = _ref(idx["status_waktu"])
            parts.append(f'LEFT({state},7)<>"{DONE}"')
            formula = f'=OR({state}="Lewat batas",AND({",".join(parts)}))'
        else:
            if "status_tahap" in idx:
                parts.append(f'{_ref(idx["status_tahap"])}<>"{DONE}"')
            formula = f"=AND({','.join(parts)})"
        _rule(ws, flagged, formula, styles.overdue)
    if "status_waktu" in idx:
        _rule(ws, flagged, f'={_ref(idx["status_waktu"])}="{NEAR}"', styles.approaching)
    if "kolom_bermasalah" in idx:
        problems = _ref(idx["kolom_bermasalah"])
        for col in sheet.columns:
            if col.key != "kolom_bermasalah":
                _rule(ws, [idx[col.key]], f'=ISNUMBER(SEARCH("|{col.key}|",{problems}))', styles.problem)


def _rule(ws: Worksheet, columns: list[int], formula: str, fmt: Any) -> None:
    ranges = [_range(i) for i in columns]
    ws.conditional_format(
        ranges[0], {"type": "formula", "criteria": formula, "format": fmt, "multi_range": " ".join(ranges)}
    )


# Where the paper copy of a stage sheet ends: before the validation notes (a screen aid), and on
# 1 Permohonan after the deadline status (the document numbers and file paths that follow are on screen).
PRINT_UNTIL = {"permohonan": "status_waktu"}
NOT_PRINTED = ("catatan_validasi", "kolom_bermasalah")


def printed_columns(sheet: Sheet) -> int:
    """How many columns from A the printed copy of ``sheet`` shows."""
    keys = [c.key for c in sheet.columns]
    last = PRINT_UNTIL.get(sheet.key)
    if last in keys:
        return keys.index(last) + 1
    return next((i for i, key in enumerate(keys) if key in NOT_PRINTED), len(keys))


PAGE_CHARACTERS = 150  # character widths on one A4 landscape page at 100 %
MIN_PRINT_SCALE = 0.55  # below this, text on paper is too small to read


def pages_wide(sheet: Sheet) -> int:
    """A4 landscape pages across for ``sheet``'s printed columns: 2, or more when 2 would print too small."""
    width = sum(c.width for c in sheet.columns[: printed_columns(sheet)] if not c.hidden)
    return max(2, math.ceil(width * MIN_PRINT_SCALE / PAGE_CHARACTERS))


def print_setup(
    ws: Worksheet,
    *,
    repeat_header: bool = True,
    last_column: int | None = None,
    pages_wide: int = 1,
    pages_tall: int = 0,
) -> None:
    """Landscape A4; at most ``pages_wide`` pages wide (``pages_tall`` 0: as many as needed).

    ``last_column`` (0-based) limits the print area to columns A..last, with the header row and
    column A (the registration number) repeated on every page.
    """
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(pages_wide, pages_tall)
    if last_column is not None:
        ws.print_area(0, 0, 1_048_575, last_column)  # whole columns: Excel prints only the rows in use
        ws.repeat_columns(0)
    if repeat_header:
        ws.repeat_rows(HEADER)  # the header row on every page
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.set_footer("&L&A&RHalaman &P dari &N")


def add_button(ws: Worksheet, sheet: Sheet, styles: Styles) -> None:
    """The sheet's button (rows 1-3) running xlwings' SampleCall, and its dropdown when it has several
    operations.

    One operation: the button at BUTTON_COLUMN, captioned with it.  Several: the label and the
    dropdown (CHOICE_CELL merged over CHOICE_SPAN columns, unlocked) at BUTTON_COLUMN and the
    "Jalankan pilihan" button right of them.
    """
    column = BUTTON_COLUMN - 1
    if sheet.has_choice:
        row, col = xl_cell_to_rowcol(CHOICE_CELL)
        captions = [a.caption for a in sheet.actions]
        ws.write_string(row - 1, col, CHOICE_LABEL, styles.choice_label)
        chosen = (sheet.action or sheet.actions[0]).caption
        ws.merge_range(row, col, row, col + CHOICE_SPAN - 1, chosen, styles.choice)
        ws.data_validation(
            row,
            col,
            row,
            col + CHOICE_SPAN - 1,
            {
                "validate": "list",
                "source": captions,
                "error_type": "stop",
                "input_title": "Operasi tombol",
                "input_message": "Pilih operasi, lalu tekan 'Jalankan pilihan'.",
                "error_title": "Operasi tidak dikenal",
                "error_message": "Pilih salah satu operasi dari daftar.",
            },
        )
        column = col + CHOICE_SPAN
    height = round(sum(ROW_HEIGHTS[r] for r in range(3)) * 4 / 3) - 6  # points -> pixels, 3 px margin
    ws.insert_button(
        0,
        column,
        {
            "macro": MACRO,
            "caption": sheet.button,
            "width": BUTTON_WIDTH,
            "height": height,
            "x_offset": 4,
            "y_offset": 3,
        },
    )
