"""Progress of long operations as plain calls ``progress(done, total, label)``; the adapters draw them.

Library code reports what it knows (sheets read, letters rendered, PDFs converted, the save);
``total`` 0 means "no count for this step" (waiting for the lock, saving). Nothing here imports a
terminal library: the CLI draws a rich bar, the Excel buttons may ignore it.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]  # (done, total, label)

WAITING_FOR_LOCK = "Menunggu register dilepas oleh proses lain…"
READING = "Membaca lembar"
PLANNING = "Menyusun perubahan"
SAVING = "Menyimpan register"


def silent(done: int, total: int, label: str) -> None:
    """The default: report nothing."""
