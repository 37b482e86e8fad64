"""Path components from register values (registration numbers) that every file system accepts."""

from __future__ import annotations

import errno
import hashlib
import re

from pathvalidate import is_valid_filename, sanitize_filename

MAX_COMPONENT = 60  # a folder under output/<year>/ stays well inside Windows' 260-character path limit
_BLANKS = re.compile(r"[\s\x00-\x1f\x7f]+")
_UNSAFE = re.compile(r'[\\/:*?"<>|]+')


def safe_component(text: str, *, fallback: str = "tanpa-nomor", max_len: int = MAX_COMPONENT) -> str:
    """``text`` as one folder or file name valid on Windows, macOS and Linux.

    Slashes and other reserved characters become '-', newlines and tabs a space; leading and
    trailing dots and spaces go; Windows device names (CON, NUL, COM1, ...) get a trailing '_';
    a name longer than ``max_len`` is cut and ends in a short hash of the full text, so two long
    numbers never share a folder. Empty -> ``fallback``.
    """
    raw = str(text or "")
    name = _UNSAFE.sub("-", _BLANKS.sub(" ", raw)).strip(" .")
    name = sanitize_filename(name, platform="windows", replacement_text="-", max_len=10_000).strip(" .")
    if len(name) > max_len:
        digest = hashlib.sha1(raw.encode("utf-8", errors="replace")).hexdigest()[:8]
        name = name[: max_len - 9].rstrip(" .") + "-" + digest
    if not name:
        return fallback
    if not is_valid_filename(name, platform="windows"):
        name = name + "_"
    return name


def os_error_reason(exc: OSError) -> str:
    """Why a file could not be written, in Indonesian, with the hint that fits the cause."""
    code = exc.errno
    if code == errno.ENAMETOOLONG:
        return (
            "nama atau lokasi berkas terlalu panjang; pindahkan register ke folder dengan lokasi lebih pendek"
            " (mis. C:\\PPID) lalu ulangi"
        )
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "ruang disk penuh; kosongkan ruang disk lalu ulangi"
    if code in (errno.EACCES, errno.EPERM):
        return (
            "izin ditolak; tutup berkas bila sedang dibuka di Word dan pastikan folder output/ dapat ditulis"
        )
    if code in (errno.ENOTDIR, errno.EEXIST, errno.EISDIR):
        return "ada berkas atau folder bernama sama yang menghalangi; pindahkan berkas itu lalu ulangi"
    if code == errno.EINVAL:
        return "nama berkas tidak diterima sistem berkas"
    return f"galat sistem berkas ({exc.strerror or type(exc).__name__})"
