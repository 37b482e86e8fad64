"""Staff-typed Register DIK rows made first-class during ``advance``: number, status, end date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..numbering import log_text
from ..values import as_text, parse_date
from .precedent import IN_FORCE
from .routes import DIK, NAME, validity_end

if TYPE_CHECKING:
    from ..register import Record
    from .advance import Run

LOG_TITLE = "DIK"  # the same Log text as entries made at step 6: numbers are never given twice


def needs_adoption(rec: Record) -> bool:
    """A row with information typed by staff that lacks a number, a status or a computable end date."""
    if not as_text(rec.get("informasi")):
        return False
    missing_end = rec.get("berlaku_sampai") in (None, "") and _end(rec) is not None
    return not as_text(rec.get("no_dik")) or not as_text(rec.get("status_dik")) or missing_end


def _end(rec: Record) -> object:
    start, _error = parse_date(rec.get("tanggal_mulai"))
    return validity_end(rec.get("jenis_jangka_waktu"), rec.get("jangka_waktu"), start)


def adopt_staff_entries(run: Run) -> None:
    """Give every valid staff-typed entry its Nomor DIK, Status DIK Berlaku and Berlaku Sampai.

    A row with a galat (a Pasal 17 letter that does not exist, 'Tidak terbatas' for a-f, an
    event period left empty) waits: ``validate`` marks it, and the next run adopts it once fixed.
    Expiry (``passes.expire_entries``) runs afterwards, so an adopted entry whose period is over
    is flagged 'Perlu uji ulang' in the same run.
    """
    for rec in run.draft.records(DIK):
        if run.draft.is_new(DIK, rec) or not needs_adoption(rec):
            continue
        if run.findings_reason(DIK, rec, completing=True):
            continue
        if not as_text(rec.get("no_dik")):
            number = run.issue("pola_dik")
            run.draft.set(DIK, rec, "no_dik", number)
            run.summary.dik_created.append(number)
            run.log(as_text(rec.get("no_registrasi")), DIK, NAME[DIK], log_text(LOG_TITLE, number))
        if not as_text(rec.get("status_dik")):
            run.draft.set(DIK, rec, "status_dik", IN_FORCE)
        if rec.get("berlaku_sampai") in (None, ""):
            run.draft.set(DIK, rec, "berlaku_sampai", _end(rec))
