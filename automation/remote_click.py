"""Clicks on xlwings' remote engine (the JSON of xlwings Server/Lite): the tests' and the bench's button.

The product's buttons run on Excel over COM (:func:`automation.buttons.main`); this module feeds the
same :func:`automation.buttons.run_button` a workbook given as remote-engine JSON
(:mod:`automation.excel.remote` builds it from a file) and returns what Excel would be asked to do.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import xlwings as xw

from .buttons import ButtonResult, run_button
from .errors import AutomationError, UsageError
from .excel.remote import button_sheet, payload_from_file

LICENSE_VARIABLE = "XLWINGS_LICENSE_KEY"


def run_payload(
    payload: dict, *, action: str | None = None, now: dt.datetime | None = None, path: Path | None = None
) -> tuple[ButtonResult, list[dict]]:
    """One click on xlwings' remote engine (the JSON of xlwings Server/Lite); returns the actions for Excel.

    Needs the XLWINGS_LICENSE_KEY environment variable (tests and bench use "noncommercial").
    """
    _remote_engine()
    book = xw.Book(json=payload)
    result = run_button(book, action, now=now, path=path)
    return result, book.json()["actions"]


def _remote_engine() -> None:
    """xlwings registers its remote engine on import only if the license key was set by then."""
    if "remote" in xw.engines.engines_by_name:
        return
    try:
        from xlwings.pro import _xlremote
    except (ImportError, xw.LicenseError) as exc:
        raise UsageError(f"Mesin remote xlwings memerlukan XLWINGS_LICENSE_KEY ({exc}).") from exc
    xw.engines.add(xw.Engine(impl=_xlremote.engine))


def count_actions(path: Path, action: str, *, now: dt.datetime) -> int:
    """Actions xlwings' remote engine returns for one click of ``action`` on a copy of ``path``.

    A measuring tool for tests and the bench (never called by the product): it sets
    XLWINGS_LICENSE_KEY=noncommercial for its own call when unset (PolyForm Noncommercial).
    """
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="ppid-klik-") as tmp:
        copy = Path(tmp) / path.name
        shutil.copy2(path, copy)
        payload = payload_from_file(copy, active=button_sheet(action))
        had_key = LICENSE_VARIABLE in os.environ
        os.environ.setdefault(LICENSE_VARIABLE, "noncommercial")
        try:
            result, actions = run_payload(payload, action=action, now=now, path=copy)
        finally:
            if not had_key:
                os.environ.pop(LICENSE_VARIABLE, None)
    if not result.ok:
        raise AutomationError(f"Klik '{action}' pada {path.name} gagal: {result.message}")
    return len(actions)
