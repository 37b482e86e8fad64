"""One LibreOffice per test worker, kept running: each ``soffice --convert-to`` of the worker is handed to it.

A cold soffice start costs about a second of CPU and the suite converts a few dozen times. A second
``soffice`` call on the same profile passes its command line to the instance already running there
(LibreOffice's single-instance pipe) and waits until the conversion is done. That instance quits once
no document is open in it, so it is started with a small document of its own open.

The product's call is unchanged (``PPID_LIBREOFFICE_PROFILE`` names the profile). In the office
every call starts its own LibreOffice; ``.ci/run`` takes that path with the installed wheel's demo.
The running instance, not the calling soffice, prints why a file could not be loaded: tests of that
message use a profile of their own (``cold_libreoffice`` in conftest).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from automation.letters.pdf import find_soffice

SWITCH = "PPID_TEST_LIBREOFFICE_TETAP"  # "0": every conversion starts its own LibreOffice, as in the office
TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "tanda_terima.docx"


def pipe_path(profile_uri: str) -> Path:
    """The socket LibreOffice listens on for ``profile_uri``: MD5 of the UTF-16 URL, bytes in unpadded hex."""
    digest = hashlib.md5(profile_uri.encode("utf-16-le")).digest()  # LibreOffice's own naming
    return Path("/tmp") / f"OSL_PIPE_{os.getuid()}_SingleOfficeIPC_{''.join(f'{b:x}' for b in digest)}"


@contextlib.contextmanager
def kept_running(profile: Path, folder: Path, timeout: float = 60.0) -> Iterator[bool]:
    """Run one LibreOffice on ``profile`` for the block; yields whether conversions are handed to it.

    Falls back to nothing (every call starts its own LibreOffice, as before) when soffice is missing,
    on Windows, or when the instance does not take a first conversion as expected.
    """
    exe = find_soffice()
    off = os.environ.get(SWITCH) == "0"
    if off or exe is None or os.name != "posix" or not TEMPLATE.is_file():
        yield False
        return
    uri = profile.as_uri()
    base = [exe, f"-env:UserInstallation={uri}", "--headless", "--norestore"]
    folder.mkdir(parents=True, exist_ok=True)
    # A first start on a new profile restarts LibreOffice once; that restart must not meet a call.
    subprocess.run([*base, "--terminate_after_init"], capture_output=True, timeout=timeout, check=False)
    keep = folder / "tetap-terbuka.docx"  # never locked by anyone else: it opens without a question
    shutil.copyfile(TEMPLATE, keep)
    keeper = subprocess.Popen(
        [*base, str(keep)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    pipe = pipe_path(uri)
    try:
        ready = _first_conversion_handed_over(base, pipe, keeper, folder, timeout)
        if not ready:
            print(
                "LibreOffice tetap-berjalan tidak siap; setiap konversi memulai LibreOffice sendiri",
                file=sys.stderr,
            )
            _stop(keeper, pipe)
        yield ready
    finally:
        _stop(keeper, pipe)


def _first_conversion_handed_over(
    base: list[str], pipe: Path, keeper: subprocess.Popen[bytes], folder: Path, timeout: float
) -> bool:
    start = time.monotonic()
    while not pipe.exists():
        if not _alive(keeper) or time.monotonic() - start > timeout:
            return False
        time.sleep(0.02)
    with tempfile.TemporaryDirectory(dir=folder) as scratch:
        probe = Path(scratch) / "uji.docx"
        shutil.copyfile(TEMPLATE, probe)
        done = subprocess.run(
            [*base, "--convert-to", "pdf", "--outdir", scratch, str(probe)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        converted = probe.with_suffix(".pdf").is_file()
    # A call that converted by itself prints "convert ..."; one handed over prints nothing.
    return converted and "convert " not in done.stdout and _alive(keeper)


def _alive(keeper: subprocess.Popen[bytes]) -> bool:
    """Whether any process of the keeper's group runs (the soffice script may hand over and end)."""
    keeper.poll()  # reap the script if it ended
    try:
        os.killpg(keeper.pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def _stop(keeper: subprocess.Popen[bytes], pipe: Path) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(keeper.pid, sig)
        deadline = time.monotonic() + 10
        while _alive(keeper) and time.monotonic() < deadline:
            time.sleep(0.05)
        if not _alive(keeper):
            break
    with contextlib.suppress(FileNotFoundError):
        pipe.unlink()  # left behind by a terminated LibreOffice
