"""Keep workbook/ current: the blank register ``ppid init`` builds, its button module, pictures, README.

    python tools/make_workbook.py           # rebuild what differs from a fresh build (``make workbook``)
    python tools/make_workbook.py --check   # exit 1 when workbook/ is out of date (nothing written)
    python tools/make_workbook.py --images  # also re-render the sheet pictures (LibreOffice + pdftoppm)

The reference register is built for the fixed year ``REFERENCE_YEAR`` so it does not depend on the
day it is made.  It is compared with a fresh build by :func:`structure` (sheets, cell text of the
title/header rows, validations, defined names, tables, highlighting, protection, buttons, VBA,
button module) — never by zip bytes, which carry timestamps and this machine's paths.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
import zipfile
from pathlib import Path
from typing import Any
from unittest import mock

import openpyxl

from automation.excel import builder_sheets
from automation.excel.builder import build_register
from automation.excel.vba import conf_rows
from automation.schema import HEADER_ROW, SHEETS, By, Kind, Need, Sheet

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "workbook"
NAME = "register_ppid.xlsm"
REFERENCE_YEAR = 2027  # Hari Libur is prefilled for this year and the next
IMAGE_DPI = 72
IMAGE_WIDTH = 1280  # pixels: the left part of wide sheets (title block and the first columns)
IMAGE_HEIGHT = 520


# ---------------------------------------------------------------- structure
def structure(path: Path) -> dict[str, Any]:
    """What makes the register the register, as plain data comparable with ``==`` (JSON-able)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path, keep_vba=True)
    by_name = {s.name: s for s in SHEETS}
    return {
        "sheets": [[ws.title, ws.sheet_state] for ws in book.worksheets],
        "defined_names": sorted([name, d.attr_text] for name, d in book.defined_names.items()),
        "sheet": {ws.title: _sheet_structure(ws, by_name.get(ws.title)) for ws in book.worksheets},
        "buttons": _buttons(path),
        "module": path.with_suffix(".py").read_text(encoding="utf-8"),
    }


def _sheet_structure(ws: Any, spec: Sheet | None) -> dict[str, Any]:
    # Table sheets: title block and header row (Hari Libur's prefilled rows come from the holidays
    # package, not from our code); other sheets, xlwings.conf included (see portable_conf_rows): every cell.
    last = HEADER_ROW if spec is not None and spec.columns else ws.max_row
    cells = [[_text(c.value) for c in row] for row in ws.iter_rows(max_row=last)]
    return {
        "cells": cells,
        "validations": sorted(
            [
                str(dv.sqref),
                dv.type,
                dv.formula1,
                dv.formula2,
                dv.promptTitle,
                dv.prompt,
                dv.errorTitle,
                dv.error,
                bool(dv.showErrorMessage),
            ]
            for dv in ws.data_validations.dataValidation
        ),
        "tables": sorted(
            [t.name, t.ref.split(":")[0], t.tableStyleInfo.name if t.tableStyleInfo else None]
            for t in ws.tables.values()
        ),
        "highlighting": sorted(
            [str(cf.sqref), r.type, list(r.formula or [])]
            for cf in ws.conditional_formatting
            for r in cf.rules
        ),
        "protected": bool(ws.protection.sheet),
        "hidden_columns": sorted(k for k, d in ws.column_dimensions.items() if d.hidden),
        "freeze": ws.freeze_panes,
    }


def _text(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _buttons(path: Path) -> list[list[str]]:
    """(caption, macro) of every button, and a digest of the VBA project."""
    with zipfile.ZipFile(path) as z:
        vml = [z.read(n).decode() for n in z.namelist() if re.fullmatch(r"xl/drawings/vmlDrawing\d+\.vml", n)]
        vba = hashlib.sha256(z.read("xl/vbaProject.bin")).hexdigest()
    found = []
    for text in vml:
        caption = re.search(r"<font[^>]*>([^<]*)</font>", text)
        macro = re.search(r"<x:FmlaMacro>([^<]*)</x:FmlaMacro>", text)
        found.append([caption.group(1) if caption else "", macro.group(1) if macro else ""])
    return sorted(found) + [["vbaProject.bin", vba]]


PORTABLE_NOTE = (
    "Kosong pada salinan rujukan di workbook/: 'ppid init' mengisi folder register "
    "(tempat berkas .py tombol) dan folder paket automation komputer yang membuatnya."
)


def portable_conf_rows(workbook: Path, *, windows: bool | None = None) -> list[tuple[str, object, str]]:
    """The xlwings.conf rows of the reference copy: no interpreter and no folder of the machine that built it.

    ``ppid init`` (and ``ppid doctor --repair``) write the real ones on the office PC; an empty
    PYTHONPATH still finds the button module (ADD_WORKBOOK_TO_PYTHONPATH) and an installed package.
    """
    return [
        (key, "", PORTABLE_NOTE) if key == "PYTHONPATH" else (key, value, note)
        for key, value, note in conf_rows(workbook, windows=False)
    ]


def fresh(folder: Path) -> Path:
    """A new reference register (and its module) in ``folder``, the same on every machine."""
    with mock.patch.object(builder_sheets, "conf_rows", portable_conf_rows):
        return build_register(folder / NAME, year=REFERENCE_YEAR, force=True)


# ---------------------------------------------------------------- pictures
def render(workbook: Path, images: Path) -> list[Path]:
    """One PNG per visible sheet (its top-left part), through LibreOffice (PDF) and pdftoppm."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        raise SystemExit("LibreOffice (soffice) and pdftoppm (poppler-utils) are needed for the pictures.")
    with tempfile.TemporaryDirectory() as tmp:
        one_page = '{"SinglePageSheets":{"type":"boolean","value":"true"}}'  # one PDF page per sheet
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{tmp}/lo",
                "--headless",
                "--convert-to",
                f"pdf:calc_pdf_Export:{one_page}",
                "--outdir",
                tmp,
                str(workbook),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        pdf = Path(tmp) / workbook.with_suffix(".pdf").name
        images.mkdir(exist_ok=True)
        for old in images.glob("*.png"):
            old.unlink()
        out = []
        for page, sheet in enumerate(SHEETS, start=1):  # xlwings.conf comes last: its page is skipped
            target = images / f"{image_stem(sheet)}.png"
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-singlefile",
                    "-r",
                    str(IMAGE_DPI),
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-x",
                    "0",
                    "-y",
                    "0",
                    "-W",
                    str(IMAGE_WIDTH),
                    "-H",
                    str(IMAGE_HEIGHT),
                    str(pdf),
                    str(target.with_suffix("")),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
            out.append(target)
    return out


def image_stem(sheet: Sheet) -> str:
    return f"{SHEETS.index(sheet) + 1:02d}-{sheet.key}"


# ---------------------------------------------------------------- README
INTRO = f"""# The workbook

`register_ppid.xlsm` is the blank register exactly as `ppid init` builds it (for the year
{REFERENCE_YEAR}; a real register is built with `ppid init register_ppid_<year>.xlsm`, see
[docs/windows.md](../docs/windows.md)). `register_ppid.py` beside it is the module the buttons
import: a register and its module always travel together and keep the same name. Both files are
regenerated by `make workbook`; `tests/test_workbook.py` fails when they differ in structure from a
fresh build (sheets, headers, validations, defined names, tables, highlighting, buttons). The
`xlwings.conf` sheet of this copy names no interpreter and no folder, so it is the same on every
machine; `ppid init` writes the office PC's own paths there.

How the workbook is built and why: [docs/excel.md](../docs/excel.md). The staff guide (in
Indonesian): [docs/panduan-pengguna.md](../docs/panduan-pengguna.md).

Every sheet of the register follows the SOP step of the same number. Rows 1-4 say what the
step is, who does it, what it needs and what it produces; A5 shows the result of the last button
click or command; row 6 holds the headers of the sheet's Excel table and staff type from row 7
down. **White columns are typed by staff; grey columns are filled by the system** (locked: the
sheet is protected without a password). Every cell shows a help message when selected; choice
columns offer a dropdown fed by the lists on `Referensi`. After a check, problems are listed in
`Catatan Validasi` and the cells at fault turn red.

This file is generated by `tools/make_workbook.py` from the schema (`automation/data/schema.toml`,
read by `automation/schema.py`); edit the sheets and columns there.
The pictures show the top-left part of each sheet (rendered by LibreOffice, so without the buttons).
"""


def readme() -> str:
    parts = [INTRO]
    for sheet in SHEETS:
        parts.append(_sheet_section(sheet))
    return "\n".join(parts).rstrip() + "\n"


def _sheet_section(sheet: Sheet) -> str:
    lines = [
        f"## `{sheet.name}`",
        "",
        f"![{sheet.name}](img/{image_stem(sheet)}.png)",
        "",
        f"*{sheet.title}*",
    ]
    bullets = [f"- {text}" for text in (sheet.actor, sheet.inputs, sheet.output) if text]
    if bullets:
        lines += ["", *bullets]
    if sheet.button:
        lines += ["", f"Button: **{sheet.button}**."]
    lines += ["", *_what_staff_type(sheet)]
    return "\n".join(lines) + "\n"


SPECIAL = {
    Kind.HOME: (
        "Staff type nothing here except, optionally, the report month (YYYY-MM) in `C5`; the "
        "summary per step and the overdue list are rewritten by each click."
    ),
    Kind.REFERENCE: (
        "The lists behind the dropdowns. Staff may add a value below a list (no empty row "
        "in between); the defined names grow with the list."
    ),
    Kind.SETTINGS: (
        "Office settings in column C (officials' names, letter number patterns, office "
        "hours, backups...); each row says what it does. Keys in column A must not change."
    ),
}


def _what_staff_type(sheet: Sheet) -> list[str]:
    if sheet.kind in SPECIAL:
        return [SPECIAL[sheet.kind]]
    staff = [c for c in sheet.columns if c.by is By.STAFF]
    system = [c for c in sheet.columns if c.by is By.SYSTEM and not c.hidden]
    if not staff:
        return [
            "Written by the system only; staff read it and never type here.",
            "",
            f"Columns: {', '.join(f'`{c.header}`' for c in system)}.",
        ]
    headers = {c.key: c.header for c in sheet.columns}
    out = ["| column staff type | required | help shown in the cell |", "|---|---|---|"]
    for col in staff:
        need = {Need.ENTRY: "when the row is entered", Need.COMPLETE: "before the step is done"}.get(
            col.need, ""
        )
        if col.when is not None and need:
            need += f" if `{headers.get(col.when.key, col.when.key)}` = {' / '.join(col.when.values)}"
        out.append(f"| `{col.header}` | {need} | {col.help.replace('|', '/')} |")
    if system:
        out += ["", f"Filled by the system: {', '.join(f'`{c.header}`' for c in system)}."]
    return out


# ---------------------------------------------------------------- main
def out_of_date(folder: Path = FOLDER) -> list[str]:
    """What in ``folder`` differs from a fresh build (empty when current)."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        new = fresh(Path(tmp))
        old = folder / NAME
        if not old.exists() or not old.with_suffix(".py").exists():
            problems.append(f"{old.name} or its module is missing")
        else:
            a, b = structure(old), structure(new)
            problems += [f"{key} differs" for key in a if a[key] != b[key]]
    readme_path = folder / "README.md"
    if not readme_path.exists() or readme_path.read_text(encoding="utf-8") != readme():
        problems.append("README.md differs from the generated text")
    missing = [s.name for s in SHEETS if not (folder / "img" / f"{image_stem(s)}.png").exists()]
    if missing:
        problems.append(f"pictures missing for {missing}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report; exit 1 when out of date")
    parser.add_argument(
        "--images", action="store_true", help="re-render the pictures even if the workbook is current"
    )
    args = parser.parse_args(argv)
    problems = out_of_date()
    if args.check:
        print("\n".join(problems) or "workbook/ is current")
        return 1 if problems else 0
    FOLDER.mkdir(exist_ok=True)
    rebuild = any("README" not in p and "pictures" not in p for p in problems)
    if rebuild:
        fresh(FOLDER)
        print(f"rebuilt {FOLDER / NAME}: {'; '.join(problems)}")
    if rebuild or args.images or any("pictures" in p for p in problems):
        for image in render(FOLDER / NAME, FOLDER / "img"):
            print(f"rendered {image.relative_to(ROOT)}")
    (FOLDER / "README.md").write_text(readme(), encoding="utf-8")
    print(json.dumps({"workbook": str((FOLDER / NAME).relative_to(ROOT)), "current": not problems}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
