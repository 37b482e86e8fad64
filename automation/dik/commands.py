"""The DIK operations behind ``ppid impor-dik`` and ``ppid dik`` (the CLI passes ``now``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..changes import Changes
from ..errors import UsageError
from ..excel.reader import read_register
from ..numbering import log_text
from ..operations import Outcome, commit, current_user, output_root
from ..register import Register
from ..values import parse_date
from .importer import ImportResult, plan_import
from .source import read_table


def parse_start(text: str | None) -> dt.date | None:
    if not text:
        return None
    day, _error = parse_date(text)
    if day is None:
        raise UsageError(f"Tanggal '{text}' tidak dikenali; tulis dd/mm/yyyy, misalnya 02/01/2026.")
    return day


def import_dik(
    path: Path,
    file: Path,
    *,
    now: dt.datetime,
    dry_run: bool = False,
    start: dt.date | None = None,
    office: str = "",
    basis: str = "",
) -> Outcome:
    """Append the entries of a published DIK table to Register DIK in one safe write (none for a dry run)."""
    table = read_table(file)
    options: dict[str, Any] = {
        "file_name": Path(file).name,
        "today": now.date(),
        "start": start,
        "office": office,
        "basis": basis,
    }

    def planner(reg: Register) -> tuple[Changes, ImportResult]:
        changes, result = plan_import(reg, table, dry_run=dry_run, **options)
        user = current_user()
        for entry in result.entries if changes else []:  # one Log row per number: never given twice
            changes.log.append(
                {
                    "waktu": now,
                    "no_registrasi": None,
                    "dari": f"Impor {Path(file).name}",
                    "ke": "7 Register DIK",
                    "keterangan": log_text("DIK", str(entry.values["no_dik"])),
                    "pemicu": "CLI",
                    "pengguna": user,
                }
            )
        return changes, result

    if dry_run:
        changes, result = planner(read_register(path, with_log=False))
        return Outcome(result=result, written=False, changes=changes)
    return commit(path, planner)


def publish_dik(path: Path, *, now: dt.datetime, pdf: bool = False) -> Any:
    """Write the Penetapan DIK (.docx, optional .pdf) and the website table (.xlsx, .csv)."""
    from .publish import publish

    reg = read_register(path, with_log=False)
    return publish(reg, out_dir=output_root(path) / "dik", today=now.date(), pdf=pdf)
