"""The requester's side of a letter: values carried from 1 Permohonan and the identity block."""

from __future__ import annotations

from typing import Any

from ..reference import KategoriPemohon, is_
from ..values import as_text
from . import bahasa
from .sources import EMPTY, Row, Sources


def carried(src: Sources, row: Row, key: str, *, required: bool = False) -> str:
    """A value carried from the request: this row's copy, else the Permohonan row."""
    value = row.text(key, default="")
    if not value:
        request = src.requests.get(row.text("no_registrasi", default=""))
        value = as_text(request.get(key)) if request else ""
    if not value and required:
        row.problems.append(f"kolom {row.label(key)} kosong")
    return value or EMPTY


def requester(src: Sources, row: Row, *, need_address: bool) -> dict[str, Any]:
    """Identity block of the requester (always from the Permohonan row)."""
    reg_no = row.text("no_registrasi", default="")
    if row.sheet_key == "permohonan":
        req = row
    else:
        rec = src.requests.get(reg_no)
        if rec is None:
            if need_address:
                row.problems.append(f"permohonan {reg_no} tidak ditemukan pada lembar 1 Permohonan")
            return {
                "alamat_pemohon": EMPTY,
                "pekerjaan_pemohon": EMPTY,
                "kontak_pemohon": EMPTY,
                "waktu_diterima": EMPTY,
                "badan_hukum": False,
                "nomor_badan_hukum": EMPTY,
                "wakil_pemohon": EMPTY,
            }
        req = Row(src.reg, "permohonan", rec, row.problems, foreign=True)
    contacts = [c for c in (req.text("telepon", default=""), req.text("email", default="")) if c]
    received = req.datetime("waktu_diterima")
    return {
        "waktu_diterima": bahasa.waktu(received) if received else EMPTY,
        "alamat_pemohon": req.text("alamat", required=need_address),
        "pekerjaan_pemohon": req.text("pekerjaan"),
        "kontak_pemohon": " / ".join(contacts) or EMPTY,
        # a legal entity: its legal-entity number replaces the occupation line
        "badan_hukum": is_(req.text("kategori_pemohon", default=""), KategoriPemohon.BADAN_HUKUM),
        "nomor_badan_hukum": req.text("dokumen_badan_hukum"),
        "wakil_pemohon": req.text("nama_wakil"),
    }
