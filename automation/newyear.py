"""``ppid new-year OLD NEW``: start next year's register, carrying what is still open.

The old register is only read.  The new one is built fresh (settings carried over), then the
open requests, the Register DIK entries (in force, waiting for a new test, or typed by staff)
and the staff's Hari Libur rows of the coming year are written in one safe write; package
holidays staff deleted from the old sheet are left out of the new one (``deleted_holidays``).
Letter numbers restart per year because numbering sequences are per document type and year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import operations
from .changes import Changes
from .errors import UsageError
from .excel.reader import read_register
from .progress import Progress, silent
from .reference import StatusDik, canonical
from .register import Record, Register
from .schema import SHEET_BY_KEY
from .values import as_text, parse_date
from .workdays import MAX_YEAR, MIN_YEAR, PACKAGE_SOURCE
from .workflow.items import latest_round
from .workflow.objections import carry_open as carry_open_objections
from .workflow.precedent import IN_FORCE, OPENED, RETEST
from .workflow.routes import DIK, FINISHED, INTAKE, REQUEST_SHEETS
from .workflow.state import Request, collect

HOLIDAYS = "hari_libur"
DROPPED = frozenset({"catatan_validasi", "kolom_bermasalah"})  # recomputed by validate in the new file
ROUND_NEEDED = ("berita_acara", "persetujuan")  # approval reads the tested items of sheet 4
DECISION_NEEDED = ("tanda_terima", "arsip")  # Status Waktu reads Tanggal Keputusan of sheet 8
HOLIDAY_FIELDS = ("keterangan", "jenis", "dasar")  # a package row differing in these was edited by staff

Picked = dict[str, dict[int, Record]]


@dataclass
class NewYearSummary:
    path: Path
    year: int
    carried: dict[str, int] = field(default_factory=dict)
    retest: int = 0  # Register DIK entries carried as "Perlu uji ulang"
    removed: list[dt.date] = field(default_factory=list)  # package holidays staff had deleted

    def lines(self) -> list[str]:
        out = [f"Register {self.year} dibuat: {self.path}"]
        for key, count in self.carried.items():
            extra = f" ({self.retest} perlu uji ulang)" if key == DIK and self.retest else ""
            out.append(f"  {SHEET_BY_KEY[key].name}: {count} baris dibawa{extra}")
        if self.removed:
            days = ", ".join(f"{d:%d/%m/%Y}" for d in self.removed)
            out.append(
                f"  Hari Libur: {len(self.removed)} tanggal dari paket tidak dimasukkan karena sudah "
                f"dihapus staf di register lama: {days}."
            )
        if not self.carried and not self.removed:
            out.append(
                "  Tidak ada permohonan terbuka, entri DIK, atau hari libur ubahan staf yang perlu dibawa."
            )
        out.append("Register lama tidak diubah.")
        return out


def start_new_year(
    old: Path, new: Path, *, today: dt.date, year: int | None = None, progress: Progress = silent
) -> NewYearSummary:
    from .excel.builder import build_register

    old_reg = read_register(old, progress=progress)
    if Path(new).exists():
        raise UsageError(f"Berkas {new} sudah ada; pilih nama lain untuk register tahun baru.")
    year = year or _guess_year(old_reg, today) + 1
    settings = dict(old_reg.config.values)
    progress(0, 0, "Membuat register baru")
    build_register(Path(new), year=year, settings=settings)
    rows = {k: v for k, v in plan_new_year(old_reg, year).items() if v}
    kept = KeptHolidays.of(old_reg, year)
    counts: dict[str, int] = {}
    removed: list[dt.date] = []
    if rows or kept.years:
        outcome = operations.commit(Path(new), lambda reg: _changes(rows, reg, kept), progress=progress)
        counts, removed = outcome.result
    retest = sum(1 for v in rows.get(DIK, []) if v.get("status_dik") == RETEST)
    return NewYearSummary(path=Path(new), year=year, carried=counts, retest=retest, removed=removed)


def _changes(
    rows: dict[str, list[dict[str, Any]]], reg: Register, kept: KeptHolidays
) -> tuple[Changes, tuple[dict[str, int], list[dt.date]]]:
    """Appends for the carried rows; staff holidays merged with the package rows the new file already has,
    and the package rows staff deleted in the old register cleared."""
    appends = {k: v for k, v in rows.items() if k != HOLIDAYS}
    changes = Changes(appends=appends)
    removed = drop_deleted_holidays(kept, reg.records(HOLIDAYS), changes)
    holidays = merge_holidays(rows.get(HOLIDAYS, []), reg.records(HOLIDAYS), changes)
    counts = {k: len(v) for k, v in appends.items()}
    if holidays:
        counts[HOLIDAYS] = holidays
    return changes, (counts, removed)


def _guess_year(reg: Register, today: dt.date) -> int:
    from .values import parse_datetime

    years = []
    for record in reg.records("permohonan"):
        when, _ = parse_datetime(record.get("waktu_diterima"))
        if when:
            years.append(when.year)
    return max(years) if years else today.year


# ---------------------------------------------------------------- what is carried
def plan_new_year(old: Register, year: int) -> dict[str, list[dict[str, Any]]]:
    """Rows for the new register by sheet key, in the old row order; the old register is not changed.

    Carried: every request not yet archived (its 1 Permohonan row, its open rows, and the closed
    rows its next moves read: the tested items at steps 5-6, the decision at steps 9-10), rows
    at intake without a number, every Register DIK entry not opened (in force, "Perlu uji ulang",
    or typed by staff and not yet numbered) - an entry in force whose period ended before
    1 January of ``year`` is carried as "Perlu uji ulang" - and the Hari Libur rows dated in
    ``year`` or later (``merge_holidays`` keeps only what differs from the package calendar); every
    open keberatan or sengketa with the rows of its request that its clocks and letters read.
    """
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise UsageError(f"Tahun {year} tidak masuk akal untuk register baru.")
    picked = _open_requests(old)
    out = {key: [_values(key, rows[n]) for n in sorted(rows)] for key, rows in picked.items()}
    out[DIK] = [_entry(rec, year) for rec in old.records(DIK) if carried_entry(rec)]
    out[HOLIDAYS] = [_values(HOLIDAYS, rec) for rec in old.records(HOLIDAYS) if _day_of(rec, year)]
    carry_open_objections(old, out)
    return out


def _open_requests(old: Register) -> Picked:
    registry = collect(old)
    picked: Picked = {key: {} for key in (INTAKE, *REQUEST_SHEETS)}
    for rec in registry.unnumbered_intake:
        picked[INTAKE][rec.row] = rec
    for request in registry.requests.values():
        if request.current != FINISHED:
            _pick_request(picked, request)
    return picked


def _pick_request(picked: Picked, request: Request) -> None:
    own = [request.intake] if request.intake is not None else []
    picked[INTAKE].update((r.row, r) for r in [*own, *request.duplicates])
    for key in request.open_sheets():
        picked[key].update((r.row, r) for r in request.open_rows(key))
    current = request.current
    if current in ROUND_NEEDED:
        picked["klasifikasi"].update((r.row, r) for r in latest_round(request))
    if current in DECISION_NEEDED and request.on("keputusan"):
        last = request.on("keputusan")[-1]
        picked["keputusan"][last.row] = last


def carried_entry(rec: Record) -> bool:
    """An entry with information that was not opened: in force, waiting for a new test, or typed by staff."""
    return bool(as_text(rec.get("informasi"))) and canonical(StatusDik, rec.get("status_dik")) != OPENED


def _values(key: str, rec: Record) -> dict[str, Any]:
    return {k: rec.values.get(k) for k in SHEET_BY_KEY[key].keys if k not in DROPPED}


def _entry(rec: Record, year: int) -> dict[str, Any]:
    values = _values(DIK, rec)
    until, _error = parse_date(rec.get("berlaku_sampai"))
    status = canonical(StatusDik, rec.get("status_dik"))
    if until is not None and until < dt.date(year, 1, 1) and status == IN_FORCE:
        values["status_dik"] = RETEST
    return values


def _day_of(rec: Record, year: int) -> dt.date | None:
    day, _error = parse_date(rec.get("tanggal"))
    return day if day is not None and day.year >= year else None


# ---------------------------------------------------------------- staff edits to the coming year's holidays
def merge_holidays(old_rows: list[dict[str, Any]], new_rows: list[Record], changes: Changes) -> int:
    """Write the old register's holidays of the coming year that the fresh package rows lack.

    A row identical to a package row of the same date is skipped; one that differs (a renamed
    day, a cancelled date, a decree number) overwrites that package row; a date the package
    does not have (an office closure, a later cuti bersama) is appended. Returns the rows written.
    """
    fresh: dict[dt.date, list[Record]] = {}
    for rec in new_rows:
        day, _error = parse_date(rec.get("tanggal"))
        if day is not None:
            fresh.setdefault(day, []).append(rec)
    written = 0
    for values in old_rows:
        day, _error = parse_date(values.get("tanggal"))
        if day is None or any(_same(values, r.values) for r in fresh.get(day, [])):
            continue
        spare = [r for r in fresh.get(day, []) if (HOLIDAYS, r.row) not in changes.cells]
        if spare:
            for key, value in values.items():
                changes.set(HOLIDAYS, spare[0].row, key, value)
        else:
            changes.append(HOLIDAYS, values)
        written += 1
    return written


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(as_text(a.get(k)).casefold() == as_text(b.get(k)).casefold() for k in HOLIDAY_FIELDS)


# ---------------------------------------------------------------- holidays staff deleted
@dataclass(frozen=True)
class KeptHolidays:
    """What the old register's Hari Libur sheet says about the years from the new register's year on.

    ``years``: the years (>= the new year) in which the old sheet still holds at least one row
    whose Sumber is the package ("Paket holidays"): the old register was prefilled with those
    years, so a package date missing there was deleted by staff. A year without any package row
    is not judged (it was never prefilled, or staff emptied it wholesale: too unlike an edit).
    ``days``: every date of those years the old sheet has a row for, whatever its Jenis.
    """

    years: frozenset[int]
    days: frozenset[dt.date]

    @classmethod
    def of(cls, old: Register, year: int) -> KeptHolidays:
        rows = [(rec, day) for rec in old.records(HOLIDAYS) if (day := _day_of(rec, year)) is not None]
        years = frozenset(day.year for rec, day in rows if _from_package(rec.values))
        return cls(years, frozenset(day for _rec, day in rows if day.year in years))

    def deleted(self, rec: Record) -> dt.date | None:
        """The date of a fresh package row that staff deleted from the old sheet (else None)."""
        day, _error = parse_date(rec.get("tanggal"))
        if day is None or day.year not in self.years or not _from_package(rec.values):
            return None
        return day if day not in self.days else None


def _from_package(values: dict[str, Any]) -> bool:
    return as_text(values.get("sumber")).casefold().startswith(PACKAGE_SOURCE.casefold())


def drop_deleted_holidays(kept: KeptHolidays, new_rows: list[Record], changes: Changes) -> list[dt.date]:
    """Clear the fresh package rows whose date staff deleted from the old register; returns those dates.

    The row is emptied, not removed (a write never deletes table rows); the reader skips empty rows.
    The calendar still counts a package holiday without a row (only Jenis "Bukan hari libur" cancels
    one), so the new register counts the same days as the old one did.
    """
    removed = []
    for rec in new_rows:
        day = kept.deleted(rec)
        if day is None:
            continue
        for key in SHEET_BY_KEY[HOLIDAYS].keys:
            changes.set(HOLIDAYS, rec.row, key, None)
        removed.append(day)
    return sorted(removed)
