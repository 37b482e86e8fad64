"""Exceptions for misuse of the tool (never for bad rows), with the CLI exit code each maps to."""

from __future__ import annotations

import tempfile
import traceback
from pathlib import Path

# Exit codes (documented in docs/cli.md and README):
EXIT_OK = 0  # done, nothing to report
EXIT_FINDINGS = 1  # validation findings, or some documents could not be made
EXIT_UNUSABLE = 2  # file missing, corrupt, not a register, or a usage error
EXIT_REFUSED = (
    3  # refused to write: Excel has it open, another run holds the lock, data would be lost, disk full
)
EXIT_INTERNAL = 4  # an unexpected internal error (a bug): one line on stderr, details in the log file


class AutomationError(Exception):
    """Base of every error the tool raises on purpose; ``str()`` is an Indonesian one-liner."""

    exit_code = EXIT_UNUSABLE


class UnusableFile(AutomationError):
    """The file is missing, corrupt, or not a register."""


class UsageError(AutomationError):
    """A command was called with arguments that cannot work (bad month, unknown registration)."""


class WriteRefused(AutomationError):
    """The register cannot be written safely right now (open in Excel, locked, would lose data)."""

    exit_code = EXIT_REFUSED


class TemplateError(AutomationError):
    """A Word template is missing or broken."""


def crash_log_path() -> Path:
    return Path(tempfile.gettempdir()) / "ppid-galat.log"


def write_crash_log() -> str:
    """Save the current traceback for the IT staff; staff see only its path (never the traceback)."""
    path = crash_log_path()
    try:
        path.write_text(traceback.format_exc(), encoding="utf-8")
    except OSError:
        return "(log tidak dapat ditulis)"
    return str(path)


# Library exception names -> the cause staff read (python-calamine, zipfile, openpyxl, lxml, msoffcrypto).
_CAUSES = {
    "PasswordError": "berkas dilindungi kata sandi; buka di Excel, hapus kata sandinya, simpan, lalu ulangi",
    "FileFormatError": "berkas terenkripsi atau bukan format Excel yang dikenal",
    "ZipError": "bukan berkas Excel (.xlsm) atau isinya terpotong",
    "BadZipFile": "bukan berkas Excel (.xlsm) atau isinya terpotong",
    "XmlError": "isi XML di dalam berkas rusak",
    "XMLSyntaxError": "isi XML di dalam berkas rusak",
    "ParseError": "isi XML di dalam berkas rusak",
    "PermissionError": "akses ke berkas ditolak; mungkin sedang dibuka program lain",
    "KeyError": "bagian buku kerja hilang",
}


def describe_cause(exc: BaseException) -> str:
    """An Indonesian cause for a library's exception, never its class name (staff cannot act on
    'ZipError')."""
    for kind in type(exc).__mro__:
        if kind.__name__ in _CAUSES:
            return _CAUSES[kind.__name__]
    return "format berkas tidak dikenali atau rusak"
