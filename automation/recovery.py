"""Recovering the register from ``cadangan/``: list the backups and restore one atomically."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UsageError
from .excel.hint import COMMAND
from .excel.safety import BACKUP_DIR, list_backups, real_path, write_session


@dataclass
class BackupInfo:
    """One backup: its number in the list (1 = newest), file, time, size and rows per stage sheet."""

    number: int
    path: Path
    time: dt.datetime | None
    size: int
    rows: dict[str, int] = field(default_factory=dict)  # sheet name -> data rows
    problem: str = ""  # why the backup cannot be read (it is still listed)

    def cells(self) -> list[str]:
        stamp = f"{self.time:%d/%m/%Y %H:%M:%S}" if self.time else "?"
        rows = (
            self.problem
            or ", ".join(f"{name}: {n}" for name, n in self.rows.items() if n)
            or "tanpa baris data"
        )
        return [str(self.number), stamp, f"{self.size / 1024:,.0f} KB", self.path.name, rows]


def backups(path: Path, *, count_rows: bool = True) -> list[BackupInfo]:
    """The backups of ``path``, newest first, numbered from 1."""
    path = real_path(Path(path))
    found = list(reversed(list_backups(path)))
    return [_info(i, p, count_rows) for i, p in enumerate(found, start=1)]


def _info(number: int, backup: Path, count_rows: bool) -> BackupInfo:
    info = BackupInfo(number, backup, _stamp_time(backup), backup.stat().st_size)
    if count_rows:
        from .errors import AutomationError
        from .excel.reader import read_register

        try:
            reg = read_register(backup, with_log=False)
        except AutomationError as exc:
            info.problem = f"tidak terbaca: {exc}"
            return info
        info.rows = {
            data.name: len(data.records)
            for data in reg.sheets.values()
            if data.present and data.spec.step is not None
        }
    return info


def _stamp_time(backup: Path) -> dt.datetime | None:
    stamp = backup.stem.rsplit(" ", 1)[-1]
    try:
        return dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f")
    except ValueError:
        return None


def choose(path: Path, choice: str) -> BackupInfo:
    """The backup chosen by its number in the list (1 = newest) or by its file name."""
    found = backups(path, count_rows=False)
    if not found:
        raise UsageError(f"Tidak ada salinan register di folder {BACKUP_DIR}/ di samping {Path(path).name}.")
    text = choice.strip()
    if text.isdigit():
        index = int(text)
        if 1 <= index <= len(found):
            return found[index - 1]
        raise UsageError(
            f"Nomor salinan {text} tidak ada; pilih 1 sampai {len(found)} (lihat '{COMMAND} --daftar')."
        )
    for info in found:
        if text in (info.path.name, str(info.path)):
            return info
    raise UsageError(f"Salinan '{text}' tidak ditemukan di folder {BACKUP_DIR}/; lihat '{COMMAND} --daftar'.")


def restore(path: Path, choice: str) -> tuple[BackupInfo, Path | None]:
    """Put the chosen backup in place of the register, atomically; the current file becomes a backup.

    Runs through the same write session as every save (owner file, lock, temp file, check,
    replace): the register is either the old file or the restored copy, never half. Nothing is
    pruned, whatever ``jumlah_cadangan`` says, so the current file is always kept. Returns the
    backup restored and the backup of the file it replaced (None when there was no file).
    """
    path = Path(path)
    info = choose(path, choice)
    keep = len(list_backups(real_path(path))) + 1
    with write_session(path, backups=keep) as session:
        kept = session.save(lambda tmp: shutil.copyfile(info.path, tmp))
    return info, kept
