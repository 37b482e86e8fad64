"""``ppid doctor --perbaiki``: the fixes a file allows -- rename, button module, interpreter, Mark of the Web.

Order matters: an unusable name is fixed first (the module and the lock follow the name), then
the module beside the workbook, then ``xlwings.conf`` (a safe rewrite with backup), last the
Mark of the Web, only on request.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import AutomationError
from ..excel.conf import write_conf
from ..excel.safety import refuse_if_open, write_session
from ..excel.vba import conf_rows, is_own_module, safe_name, write_button_module
from .checks import button_module, file_name, interpreter, mark_of_the_web
from .model import Context, Result, Status


@dataclass
class Repair:
    """What ``--perbaiki`` did: the register's path afterwards and one Indonesian line per action."""

    path: Path
    done: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def repair_register(ctx: Context, *, unblock: bool, reread: Callable[[Path], Context]) -> Repair:
    outcome = Repair(path=ctx.path)
    steps: list[tuple[Callable[[Context], Result], Callable[[Context, Repair], Context]]] = [
        (file_name, _rename),
        (button_module, _write_module),
        (interpreter, _set_interpreter),
    ]
    if unblock:
        steps.append((mark_of_the_web, _unblock))
    for check, fix in steps:
        result = check(ctx)
        if result.status in (Status.MASALAH, Status.PERINGATAN) and result.fixable:
            try:
                ctx = fix(ctx, outcome)
            except (AutomationError, OSError) as exc:
                outcome.failed.append(f"{result.title}: {exc}")
                break
            ctx = reread(ctx.path)
    outcome.path = ctx.path
    return outcome


def _rename(ctx: Context, outcome: Repair) -> Context:
    """Give the workbook a usable name, only while neither Excel nor another ppid run holds it."""
    old, new = ctx.path, safe_name(ctx.path)
    refuse_if_open(old)
    with write_session(old, backups=0):
        os.rename(old, new)  # same folder: atomic; fails instead of replacing on Windows
    _remove_lock_file(old)
    outcome.done.append(f"Nama berkas diganti: '{old.name}' → '{new.name}'.")
    ctx.path = new
    return ctx


def _remove_lock_file(old: Path) -> None:
    from ..excel.safety import lock_path

    with contextlib.suppress(OSError):
        lock_path(old).unlink(missing_ok=True)


def _write_module(ctx: Context, outcome: Repair) -> Context:
    target = ctx.path.with_suffix(".py")
    write_button_module(ctx.path, force=is_own_module(target))
    outcome.done.append(f"Berkas tombol ditulis: {target.name}.")
    return ctx


def _set_interpreter(ctx: Context, outcome: Repair) -> Context:
    rows = {key: value for key, value, _ in conf_rows(ctx.path, windows=ctx.system.windows)}
    values = {key: str(rows[key]) for key in ("Interpreter_Win", "PYTHONPATH")}
    backup = write_conf(ctx.path, values)
    where = f" (cadangan: {backup})" if backup else ""
    outcome.done.append(f"xlwings.conf diperbarui: Interpreter_Win = {values['Interpreter_Win']}{where}.")
    return ctx


def _unblock(ctx: Context, outcome: Repair) -> Context:
    ctx.system.remove_zone_identifier(ctx.path)
    outcome.done.append("Tanda unduhan (Zone.Identifier) dihapus dari berkas.")
    return ctx
