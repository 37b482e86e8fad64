"""Baseline operations the benchmark figures are divided by, run as their own processes.

python -m bench.baselines calamine PATH      # python-calamine reads every sheet
python -m bench.baselines openpyxl PATH      # bare openpyxl load(keep_vba=True) + save in place
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path


def calamine_read(path: Path) -> int:
    """Read every sheet of ``path`` into Python values; returns the number of rows read."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    rows = 0
    for name in book.sheet_names:
        rows += len(book.get_sheet_by_name(name).to_python(skip_empty_area=False))
    book.close()
    return rows


def openpyxl_roundtrip(path: Path, dest: Path | None = None) -> None:
    """Load with openpyxl (keep_vba) and save (in place unless ``dest``)."""
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(path, keep_vba=True)
    wb.save(dest or path)
    if wb.vba_archive is not None:
        wb.vba_archive.close()


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("calamine", "openpyxl"):
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(argv[1])
    if argv[0] == "calamine":
        calamine_read(path)
    else:
        openpyxl_roundtrip(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
