"""``ppid doctor``: why the Excel buttons of a register would not run on this PC, and the fixes a file allows.

    from automation.doctor import diagnose, repair
    diagnosis = diagnose(Path("register_ppid_2026.xlsm"))      # one Result per check
    done = repair(Path("register_ppid_2026 (1).xlsm"))         # rename, module, interpreter

The checks are data (``checks.CHECKS``); the PC is asked only through ``system.System``.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

from ..errors import UnusableFile
from ..excel.conf import read_conf
from .checks import CHECKS
from .model import Context, Diagnosis, Result, Status
from .repair import Repair, repair_register
from .system import LocalSystem, System

__all__ = ["Diagnosis", "Repair", "Result", "Status", "System", "diagnose", "repair"]


def diagnose(path: Path, system: System | None = None) -> Diagnosis:
    """Run every check on the register at ``path``; UnusableFile when it is not a readable .xlsm."""
    ctx = context(Path(path), system or LocalSystem())
    return Diagnosis(path=ctx.path, results=[check(ctx) for check in CHECKS])


def repair(path: Path, system: System | None = None, *, unblock: bool = False) -> Repair:
    """Fix what the file allows (name, button module, interpreter, Mark of the Web when ``unblock``)."""
    system = system or LocalSystem()
    return repair_register(context(Path(path), system), unblock=unblock, reread=lambda p: context(p, system))


def context(path: Path, system: System) -> Context:
    if not path.is_file():
        raise UnusableFile(f"Berkas {path} tidak ditemukan.")
    if path.suffix.lower() != ".xlsm":
        raise UnusableFile(f"{path.name} bukan register .xlsm; tombol hanya ada di berkas .xlsm.")
    return Context(path=path.absolute(), system=system, conf=read_conf(path), versions=own_versions())


def own_versions() -> dict[str, str | None]:
    """Versions of the packages the button needs, as installed with this ppid."""
    found: dict[str, str | None] = {}
    for dist in ("xlwings", "ppid", "pywin32"):
        try:
            found[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            found[dist] = None
    return found
