"""``ppid new-year OLD NEW``: start next year's register, carrying what is still open.

The old register is only read.  The new one is built fresh (settings carried over), then the
open requests and the Register DIK entries still in force are appended in one safe write.
Letter numbers restart per year because numbering sequences are per document type and year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from . import operations
from .changes import Changes
from .errors import UsageError
from .excel.reader import read_register
from .progress import Progress, silent
from .register import Register
from .schema import SHEET_BY_KEY


@dataclass
class NewYearSummary:
    path: Path
    year: int
    carried: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [f"Register {self.year} dibuat: {self.path}"]
        for key, count in self.carried.items():
            out.append(f"  {SHEET_BY_KEY[key].name}: {count} baris dibawa")
        if not self.carried:
            out.append("  Tidak ada permohonan terbuka atau entri DIK berlaku yang perlu dibawa.")
        out.append("Register lama tidak diubah.")
        return out


def start_new_year(old: Path, new: Path, *, today: dt.date, year: int | None = None,
                   progress: Progress = silent) -> NewYearSummary:
    from .excel.builder import build_register
    from .workflow.newyear import plan_new_year

    old_reg = read_register(old, progress=progress)
    if Path(new).exists():
        raise UsageError(f"Berkas {new} sudah ada; pilih nama lain untuk register tahun baru.")
    year = year or _guess_year(old_reg, today) + 1
    settings = dict(old_reg.config.values)
    progress(0, 0, "Membuat register baru")
    build_register(Path(new), year=year, settings=settings)
    rows = plan_new_year(old_reg, year)
    rows = {k: v for k, v in rows.items() if v}
    if rows:
        operations.commit(Path(new), lambda reg: (Changes(appends=dict(rows)), None), progress=progress)
    return NewYearSummary(path=Path(new), year=year, carried={k: len(v) for k, v in rows.items()})


def _guess_year(reg: Register, today: dt.date) -> int:
    from .values import parse_datetime

    years = []
    for record in reg.records("permohonan"):
        when, _ = parse_datetime(record.get("waktu_diterima"))
        if when:
            years.append(when.year)
    return max(years) if years else today.year
