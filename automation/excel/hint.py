"""The sentence every "file damaged" message ends with: where the good copies are, how to restore."""

from __future__ import annotations

from pathlib import Path

from .safety import BACKUP_DIR, list_backups, real_path

COMMAND = "ppid pulihkan"


def restore_hint(path: Path) -> str:
    """Where the backups of ``path`` are and the ``ppid pulihkan`` commands that list and restore them."""
    path = Path(path)
    where = f'"{path}"'
    count = (
        len(list_backups(real_path(path))) if path.exists() or path.is_symlink() else len(list_backups(path))
    )
    if count:
        return (
            f"Folder {BACKUP_DIR}/ di samping register menyimpan {count} salinan baik: lihat daftarnya dengan"
            f" '{COMMAND} {where} --daftar', lalu pulihkan dengan '{COMMAND} {where} 1' (salinan terbaru)."
        )
    return (
        f"Folder {BACKUP_DIR}/ belum berisi salinan register ini; '{COMMAND} {where} --daftar' menampilkan "
        "salinan bila ada."
    )
