"""Safe writing of the register: owner-file check, run lock, atomic replace, rotating backups."""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import re
import shutil
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import filelock

from automation.clock import file_stamp
from automation.errors import WriteRefused

BACKUP_DIR = "cadangan"
"""Folder beside the workbook that holds the timestamped backups."""

_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED = {errno.EACCES, errno.EPERM}
IS_WINDOWS = os.name == "nt"
_FILE_ATTRIBUTE_HIDDEN = 0x2


def lock_path(path: Path) -> Path:
    """The lock file beside the workbook that serializes runs: ``.<name>.ppid.lock``."""
    path = Path(path)
    return path.with_name(f".{path.name}.ppid.lock")


def temp_path(path: Path) -> Path:
    """The temporary file one process writes before the replace: ``.<stem>.tmp-<pid><suffix>``."""
    path = Path(path)
    return path.with_name(f".{path.stem}.tmp-{os.getpid()}{path.suffix}")


def excel_owner_file(path: Path) -> Path | None:
    """The owner file Excel or LibreOffice keeps beside an open workbook, if there is one.

    Excel writes ``~$<name>`` (for long names Office drops the first two characters:
    ``~$<name[2:]>``); LibreOffice writes ``.~lock.<name>#``.
    """
    path = Path(path)
    name = path.name
    for candidate in (f"~${name}", f"~${name[2:]}", f".~lock.{name}#"):
        owner = path.with_name(candidate)
        if owner.is_file():
            return owner
    return None


def owner_user(owner: Path) -> str | None:
    """The user name recorded in an Excel or LibreOffice owner file, when it can be read."""
    try:
        data = owner.read_bytes()[:512]
    except OSError:
        return None
    if owner.name.startswith(".~lock."):
        first = data.decode("utf-8", errors="replace").split(",", 1)[0].strip()
        return first or None
    return _excel_owner_name(data)


def _excel_owner_name(data: bytes) -> str | None:
    """Excel: byte 0 = length, ANSI name; from offset 54 a 2-byte length and the UTF-16 name."""
    if len(data) >= 56:
        count = int.from_bytes(data[54:56], "little")
        raw = data[56 : 56 + 2 * count]
        if 0 < count <= 100 and len(raw) == 2 * count:
            with contextlib.suppress(UnicodeDecodeError):
                return raw.decode("utf-16-le").strip() or None
    count = data[0] if data else 0
    if 0 < count <= min(53, len(data) - 1):
        return data[1 : 1 + count].decode("cp1252", errors="replace").strip() or None
    return None


def real_path(path: Path) -> Path:
    """The file a (chain of) symbolic link(s) points at; ``path`` itself when it is no link.

    Writes go to the real file so that the link stays a link and the register really changes;
    the owner file, the lock, the temp file and the backups all live beside the real file.
    """
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def refuse_if_read_only(path: Path) -> None:
    """Raise WriteRefused when the register file itself is read-only (whatever the backup setting)."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    if not mode & 0o222 or not os.access(path, os.W_OK):
        raise WriteRefused(
            f"Register {path.name} bertanda hanya-baca (read-only); register tidak diubah. Hapus tanda "
            "hanya-baca (klik kanan berkas > Properties > hilangkan centang Read-only) lalu ulangi."
        )


def refuse_if_open(path: Path) -> None:
    """Raise WriteRefused when Excel (or LibreOffice) has the workbook open (beside a link or its target)."""
    path = Path(path)
    owner = excel_owner_file(path) or (excel_owner_file(real_path(path)) if path.is_symlink() else None)
    if owner is None:
        return
    user = owner_user(owner)
    app = "LibreOffice" if owner.name.startswith(".~lock.") else "Excel"
    who = f" oleh {user}" if user else ""
    raise WriteRefused(
        f"Berkas sedang dibuka di {app}{who}; tutup berkas lalu ulangi "
        f"(jika {app} sudah ditutup, hapus berkas penanda {owner.name})."
    )


@dataclass
class WriteSession:
    """A held lock on one workbook; ``save`` replaces the workbook atomically, with a backup."""

    path: Path
    backups: int = 10
    link: Path | None = (
        None  # the symbolic link the register was opened through (Excel's owner file sits beside it)
    )

    def save(self, write_fn: Callable[[Path], object]) -> Path | None:
        """Let ``write_fn`` write the new workbook to a temp file, check it, back up, replace.

        Returns the backup of the previous version (None when there was no previous file or
        ``backups`` is 0). On any failure the temp file is removed and the workbook is untouched.
        """
        tmp = temp_path(self.path)
        backup: Path | None = None
        stage = "write"
        try:
            _remove(tmp)
            write_fn(tmp)
            hide_while_written(tmp, True)  # a partial copy with personal data: hidden while it exists
            _fsync_file(tmp)
            check_written(tmp)
            refuse_if_open(self.link or self.path)
            refuse_if_read_only(self.path)
            stage = "backup"
            backup = self._backup()
            stage = "replace"
            hide_while_written(
                tmp, False
            )  # the attribute moves with the file: show it before it becomes the register
            os.replace(tmp, self.path)
        except BaseException as exc:
            _collect_quietly()  # a half-written zip closes itself on collection and would print a traceback
            _remove(tmp)
            if backup is not None:
                _remove(backup)
            if stage == "backup" and not _is_disk_full(exc) and _os_error(exc, _DENIED) is not None:
                raise backup_refused(self.path, exc) from exc
            if _is_disk_full(exc):
                raise WriteRefused(
                    f"Ruang disk penuh: register {self.path.name} tidak diubah; "
                    "kosongkan ruang disk lalu ulangi."
                ) from exc
            if (
                _os_error(exc, {errno.EACCES, errno.EPERM}) is not None
            ):  # read-only folder; on Windows also: open in another program
                raise WriteRefused(
                    f"Register {self.path.name} tidak dapat ditulis (izin ditolak); register tidak diubah. "
                    "Tutup berkas di program lain dan pastikan folder dapat ditulis, lalu ulangi."
                ) from exc
            raise
        _fsync_dir(self.path.parent)
        prune_backups(self.path, self.backups)
        return backup

    def _backup(self) -> Path | None:
        """Copy the current workbook into the backup folder (via a temp name, then rename)."""
        return make_backup(self.path, self.backups)


@contextlib.contextmanager
def write_session(
    path: Path,
    *,
    backups: int = 10,
    timeout: float = 30,
    on_wait: Callable[[], None] | None = None,
) -> Iterator[WriteSession]:
    """Hold the run lock of ``path`` for a read -> plan -> save cycle.

    A second run waits up to ``timeout`` seconds for the lock (calling ``on_wait`` once when it
    has to wait), then gets WriteRefused. The
    session refuses while Excel has the file open (checked on entry and again before the replace).
    Read the workbook inside the ``with`` so concurrent runs never lose each other's updates.
    """
    refuse_if_open(path)
    link = Path(path) if Path(path).is_symlink() else None
    path = real_path(path)  # a symlinked register: lock, check and replace the real file
    with run_lock(path, timeout=timeout, on_wait=on_wait):
        refuse_if_open(link or path)
        refuse_if_read_only(path)
        _remove_stale_temps(path)
        yield WriteSession(path=path, backups=backups, link=link)


BUSY = (
    "Register {name} sedang ditulis oleh proses lain (perintah ppid atau klik tombol sebelumnya); tunggu"
    " sebentar lalu ulangi."
)


@contextlib.contextmanager
def run_lock(path: Path, *, timeout: float = 30, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """The one lock every writer of ``path`` takes: the CLI (via write_session) and the Excel buttons.

    WriteRefused when another run holds it for ``timeout`` seconds, or when the lock file cannot
    be made (read-only folder, disk full).  ``on_wait`` is called once when the lock is busy.
    """
    path = real_path(Path(path))
    lock = filelock.FileLock(lock_path(path), timeout=timeout)
    try:
        try:
            lock.acquire(timeout=0)
        except filelock.Timeout:
            if on_wait is not None:
                on_wait()
            lock.acquire()
    except filelock.Timeout:
        raise WriteRefused(BUSY.format(name=path.name)) from None
    except OSError as exc:
        raise WriteRefused(
            f"Kunci register tidak dapat dibuat di folder {path.parent}; periksa izin tulis folder itu "
            "dan ruang disk, lalu ulangi."
        ) from exc
    try:
        yield
    finally:
        lock.release()


def check_written(tmp: Path) -> None:
    """Raise WriteRefused unless ``tmp`` is a complete, readable workbook package."""
    problem = _package_problem(tmp)
    if problem:
        raise WriteRefused(f"Hasil tulis tidak valid ({problem}); register tidak diubah.")


def _package_problem(tmp: Path) -> str | None:
    if not tmp.is_file():
        return "berkas sementara tidak dibuat"
    try:
        with zipfile.ZipFile(tmp) as zf:
            if "[Content_Types].xml" not in zf.namelist():
                return "[Content_Types].xml tidak ada"
            bad = zf.testzip()
            if bad:
                return f"bagian {bad} rusak"
    except (zipfile.BadZipFile, OSError) as exc:
        if _is_disk_full(exc):
            raise
        return "bukan berkas zip"
    return _calamine_problem(tmp)


def _calamine_problem(tmp: Path) -> str | None:
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:  # the reader is optional here; the zip check above still ran
        return None
    try:
        book = CalamineWorkbook.from_path(str(tmp))
        if book.sheet_names:
            book.get_sheet_by_index(0).to_python(nrows=1)
    except Exception as exc:  # calamine raises its own error types for broken workbooks
        return f"tidak terbaca: {exc}"
    return None


def list_backups(path: Path) -> list[Path]:
    """Backups of ``path`` in the backup folder, oldest first (the names sort by time)."""
    path = Path(path)
    folder = path.parent / BACKUP_DIR
    if not folder.is_dir():
        return []
    pattern = re.compile(re.escape(path.stem) + r" \d{8}-\d{6}-\d{6}" + re.escape(path.suffix) + "$")
    return sorted(p for p in folder.iterdir() if pattern.match(p.name))


def make_backup(path: Path, keep: int) -> Path | None:
    """Copy ``path`` into ``cadangan/`` (temp name, fsync, rename); None when ``keep`` <= 0 or no file.

    The one backup function of the CLI (before the replace) and the buttons (before Excel saves).
    """
    path = Path(path)
    if keep <= 0 or not path.exists():
        return None
    folder = path.parent / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    target = folder / f"{path.stem} {file_stamp()}{path.suffix}"
    partial = target.with_name(f".{target.name}.partial")
    try:
        shutil.copy2(path, partial)
        _fsync_file(partial)
        os.replace(partial, target)
    except BaseException:
        _remove(partial)
        raise
    return target


def back_up(path: Path, keep: int) -> Path | None:
    """The button's backup before Excel saves over the file: :func:`make_backup`, then prune.

    The CLI makes the same copy inside :meth:`WriteSession.save`, right before the replace.
    """
    try:
        target = make_backup(path, keep)
    except OSError as exc:
        raise backup_refused(path, exc) from exc
    prune_backups(path, keep)
    return target


def backup_refused(path: Path, exc: BaseException) -> WriteRefused:
    """The one refusal, for the CLI and the buttons, when the backup copy cannot be made."""
    error = _os_error(exc, _DENIED) or _os_error(exc, _NO_SPACE)
    reason = (
        "izin ditolak"
        if error is not None and _errno_of(error) in _DENIED
        else "ruang disk penuh"
        if error is not None
        else str(getattr(exc, "strerror", "") or exc)
    )
    path = Path(path)
    return WriteRefused(
        f"Cadangan register tidak dapat dibuat di folder {path.parent / BACKUP_DIR} ({reason}); register "
        f"{path.name} tidak diubah. Periksa izin tulis dan ruang disk folder itu, lalu ulangi."
    )


def backups_to_keep(names: list[str], keep: int) -> set[str]:
    """The newest ``keep`` backups, plus the newest backup of each of the last ``keep`` days.

    ``names`` sort by time (the stamp is YYYYMMDD-HHMMSS-ffffff).  Ten quick clicks therefore never
    rotate out yesterday's copy; at most ``2 * keep`` files remain.
    """
    if keep <= 0:
        return set()
    ordered = sorted(names)
    kept = set(ordered[-keep:])
    per_day: dict[str, str] = {}
    for name in ordered:  # later names overwrite earlier ones: the newest of each day wins
        match = _STAMP.search(name)
        if match:
            per_day[match.group(1)] = name
    kept.update(per_day[day] for day in sorted(per_day)[-keep:])
    return kept


_STAMP = re.compile(r" (\d{8})-\d{6}-\d{6}\.[^.]+$")


def prune_backups(path: Path, keep: int) -> list[Path]:
    """Delete the backups of ``path`` that :func:`backups_to_keep` does not keep; returns them."""
    old = list_backups(path)
    kept = backups_to_keep([p.name for p in old], keep) if keep > 0 else {p.name for p in old}
    doomed = [p for p in old if p.name not in kept]
    for backup in doomed:
        _remove(backup)
    return doomed


def _remove_stale_temps(path: Path) -> None:
    """Remove temp files left by runs that were killed mid-write (safe: we hold the lock)."""
    prefix = f".{path.stem}.tmp-"
    with contextlib.suppress(OSError):
        for p in path.parent.iterdir():
            if p.name.startswith(prefix) and p.name.endswith(path.suffix):
                _remove(p)
            elif p.name.startswith("." + prefix) and p.name.endswith(path.suffix + ".repair"):
                _remove(p)  # preserve.repair's own temp file (``.<temp name>.repair``)
    folder = path.parent / BACKUP_DIR
    if folder.is_dir():
        for p in folder.glob(f".{path.stem} *.partial"):
            _remove(p)


def hide_while_written(path: Path, hidden: bool) -> None:
    """On Windows, set or clear the hidden attribute of a temp file (names starting with '.' are
    not hidden there); elsewhere the leading dot already hides it. Best effort: never fails."""
    if not IS_WINDOWS:
        return
    with contextlib.suppress(OSError, AttributeError, ValueError):
        _set_windows_hidden(Path(path), hidden)


def _set_windows_hidden(path: Path, hidden: bool) -> None:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    attrs = kernel32.GetFileAttributesW(str(path))
    if attrs == -1 or attrs == 0xFFFFFFFF:
        return
    attrs = attrs | _FILE_ATTRIBUTE_HIDDEN if hidden else attrs & ~_FILE_ATTRIBUTE_HIDDEN
    kernel32.SetFileAttributesW(str(path), attrs or 0x80)  # 0x80: FILE_ATTRIBUTE_NORMAL


def _is_disk_full(exc: BaseException | None) -> bool:
    """True when ``exc`` or anything in its cause/context chain is ENOSPC/EDQUOT."""
    return _os_error(exc, _NO_SPACE) is not None


def _os_error(exc: BaseException | None, codes: set[int]) -> OSError | None:
    """The first OSError with one of ``codes`` in the cause/context chain of ``exc``.

    Also looks into ``args``: XlsxWriter wraps the OSError in its own FileCreateError.
    """
    for _ in range(20):
        if exc is None:
            return None
        for candidate in (exc, *getattr(exc, "args", ())):
            if isinstance(candidate, OSError) and _errno_of(candidate) in codes:
                return candidate
        exc = exc.__cause__ or exc.__context__
    return None


def _errno_of(exc: OSError) -> int | None:
    """``OSError(errno.ENOSPC)`` built with one argument leaves ``.errno`` unset: use args[0]."""
    if exc.errno is not None:
        return exc.errno
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, int) else None


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows fsync needs write access
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable; not possible (nor needed) on Windows."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _collect_quietly() -> None:
    """Collect abandoned file objects now, keeping their close() errors (disk full) off stderr."""
    previous = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        gc.collect()
    finally:
        sys.unraisablehook = previous
