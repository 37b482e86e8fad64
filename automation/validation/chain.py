"""Rules along the legal chain of one request: dates in SOP order, floor, working days, extension.

A request's dates must follow the SOP (and UU KIP Pasal 22): receipt ≤ coordination ≤ review ≤
test ≤ berita acara ≤ approval ≤ decision letter ≤ delivery ≤ receipt of the letter ≤ archive,
round after round when the Atasan PPID sends a berita acara back.  Each violation is ONE finding,
placed at the later cell, naming both dates and both cells.  A date before the floor (Pengaturan
"Tahun Paling Awal", else the register's year − 1) is its own finding and is left out of the
order check, so one typo gives one finding.  Dates after today are ``dates.check_date``'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from ..errors import UsageError
from ..findings import Finding
from ..reference import YaTidak, is_
from ..register import Record, Register
from ..schema import By, Kind
from ..settings import setting_int
from ..values import as_text, parse_date, parse_datetime
from ..workdays import MAX_YEAR, MIN_YEAR, WorkCalendar
from .codes import level, message
from .dates import DAY_NAMES
from .row import RowCheck

KEY = "no_registrasi"

# (sheet, column, what happened) in SOP order; a sheet's rows of one request are taken in row order.
RECEIPT = ("permohonan", "waktu_diterima", "permohonan diterima")
BEFORE_TEST = (
    ("koordinasi", "tanggal_koordinasi", "koordinasi dengan Perangkat Daerah"),
    ("kajian", "tanggal_kajian", "kajian bersama Tim Pertimbangan"),
)
ROUND = (
    ("berita_acara", "tanggal_uji", "pengujian konsekuensi"),
    ("berita_acara", "tanggal_ba", "berita acara ditandatangani"),
    ("persetujuan", "tanggal_persetujuan", "keputusan Atasan PPID"),
)
AFTER_TEST = (
    ("keputusan", "tanggal_keputusan", "pemberitahuan tertulis/keputusan"),
    ("keputusan", "tanggal_penyampaian", "penyampaian kepada pemohon"),
    ("tanda_terima", "tanggal_diterima", "diterima pemohon"),
    ("arsip", "tanggal_arsip", "pengarsipan"),
)
# Official acts (SOP "pada hari dan jam kerja"): a date on a non-working day is a warning.
OFFICIAL = frozenset(
    {
        "tanggal_kajian",
        "tanggal_uji",
        "tanggal_ba",
        "tanggal_persetujuan",
        "tanggal_keputusan",
        "tanggal_perpanjangan",
        "tanggal_arsip",
    }
)


@dataclass(frozen=True)
class Point:
    """One dated event of a request's chain, at one cell."""

    sheet: str
    record: Record
    key: str
    day: date
    event: str


class Chain:
    """The chain rules of one register as of ``today``."""

    def __init__(self, reg: Register, *, today: date, calendar: WorkCalendar) -> None:
        self.reg, self.today, self.calendar = reg, today, calendar
        self.floor = floor_date(reg, today)
        self.findings: list[Finding] = []
        self.by_request: dict[str, dict[str, list[Record]]] = {}
        for sheet in ("permohonan", *{s for s, _k, _e in (*BEFORE_TEST, *ROUND, *AFTER_TEST)}):
            for rec in reg.records(sheet):
                number = as_text(rec.get(KEY))
                if number:
                    self.by_request.setdefault(number, {}).setdefault(sheet, []).append(rec)

    def run(self) -> list[Finding]:
        for sheets in self.by_request.values():
            intake = sheets.get("permohonan", [])
            if len(intake) != 1:
                continue  # duplicates and dangling rows are references.py's findings
            points = [p for p in self.points(sheets) if self.above_floor(p)]
            self.order(points)
            for point in points:
                self.working_day(point)
            self.extension(intake[0], points)
        return self.findings

    # ------------------------------------------------------------ the chain
    def points(self, sheets: dict[str, list[Record]]) -> Iterator[Point]:
        yield from self._one(RECEIPT[0], sheets[RECEIPT[0]][0], RECEIPT[1], RECEIPT[2])
        for sheet, key, event in BEFORE_TEST:
            for rec in sheets.get(sheet, []):
                yield from self._one(sheet, rec, key, event)
        rounds = max(len(sheets.get("berita_acara", [])), len(sheets.get("persetujuan", [])))
        for i in range(rounds):
            for sheet, key, event in ROUND:
                rows = sheets.get(sheet, [])
                if i < len(rows):
                    yield from self._one(
                        sheet, rows[i], key, event if rounds == 1 else f"{event} (putaran {i + 1})"
                    )
        for sheet, key, event in AFTER_TEST:
            for rec in sheets.get(sheet, []):
                yield from self._one(sheet, rec, key, event)

    def _one(self, sheet: str, rec: Record, key: str, event: str) -> Iterator[Point]:
        value = rec.values.get(key)
        if value is None:  # most cells of a chain are empty: no parse, no point
            return
        day = day_of(value)
        if day is not None:
            yield Point(sheet, rec, key, day, event)

    def order(self, points: list[Point]) -> None:
        """Each point not earlier than the latest point before it (one finding per late-placed date)."""
        latest: Point | None = None
        flagged: Point | None = None
        for point in points:
            if latest is not None and point.day < latest.day:
                if not _same_entry(
                    point, flagged
                ):  # Tanggal Berita Acara copied from Tanggal Pengujian: one typo
                    self.add(point, "urutan_tanggal", **self.pair(point, latest))
                flagged = point
            else:
                latest = point

    def pair(self, point: Point, other: Point) -> dict[str, str]:
        return {
            "peristiwa": point.event,
            "tanggal": fmt(point.day),
            "peristiwa_lain": other.event,
            "tanggal_lain": fmt(other.day),
            "sel_lain": self.cell(other),
        }

    def above_floor(self, point: Point) -> bool:
        """Dates before the floor are left out of the order check; staff columns get their finding from
        :func:`check_floor` (so that ``advance`` is blocked too), system columns get it here."""
        if point.day >= self.floor:
            return True
        if self.reg.sheets[point.sheet].spec.column(point.key).by is By.SYSTEM:
            self.add(point, "tanggal_sebelum_batas_awal", tanggal=fmt(point.day), batas=fmt(self.floor))
        return False

    def working_day(self, point: Point) -> None:
        if point.key not in OFFICIAL or not MIN_YEAR <= point.day.year <= MAX_YEAR:
            return
        try:
            if self.calendar.is_working_day(point.day):
                return
            name = self.calendar.holiday_name(point.day)
        except UsageError:
            return
        why = f"hari {DAY_NAMES[point.day.weekday()]}" + (f", {name}" if name else "")
        self.add(point, "tindakan_hari_libur", peristiwa=point.event, tanggal=fmt(point.day), sebab=why)

    # ------------------------------------------------------------ the extension (Pasal 22 ayat 8)
    def extension(self, intake: Record, points: list[Point]) -> None:
        point = self._extension_point(intake)
        if point is None:
            return
        receipt = points[0] if points and points[0].key == "waktu_diterima" else None
        if receipt is not None and point.day < receipt.day:
            self.add(point, "urutan_tanggal", **self.pair(point, receipt))
            return
        self._extension_in_time(intake, point, points)

    def _extension_point(self, intake: Record) -> Point | None:
        """Tanggal Surat Perpanjangan of an extended request, when it and the receipt are usable dates."""
        if not is_(intake.get("diperpanjang"), YaTidak.YA):
            return None
        day = day_of(intake.get("tanggal_perpanjangan"))
        received = day_of(intake.get("waktu_diterima"))
        if day is None or received is None or day < self.floor or received < self.floor:
            return None
        return Point("permohonan", intake, "tanggal_perpanjangan", day, "pemberitahuan perpanjangan")

    def _extension_in_time(self, intake: Record, point: Point, points: list[Point]) -> None:
        """The notice goes out within the first answer period and before the decision."""
        limit = self.first_deadline(intake)
        if limit is not None and point.day > limit:
            self.add(
                point,
                "perpanjangan_terlambat",
                tanggal=fmt(point.day),
                batas=fmt(limit),
                hari=str(setting(self.reg, "batas_hari_kerja")),
            )
            return
        decision = next((p for p in points if p.key == "tanggal_keputusan"), None)
        if decision is not None and point.day > decision.day:
            self.add(
                point,
                "perpanjangan_sesudah_keputusan",
                tanggal=fmt(point.day),
                tanggal_lain=fmt(decision.day),
                sel_lain=self.cell(decision),
            )

    def first_deadline(self, intake: Record) -> date | None:
        received, _error = parse_datetime(intake.get("waktu_diterima"))
        if received is None or not MIN_YEAR <= received.year <= MAX_YEAR - 1:
            return None
        try:
            return self.calendar.deadline(received, setting(self.reg, "batas_hari_kerja"))
        except UsageError:
            return None

    # ------------------------------------------------------------ findings
    def cell(self, point: Point) -> str:
        data = self.reg.sheets[point.sheet]
        return f"kolom '{data.header(point.key)}' lembar {data.name} baris {point.record.row}"

    def add(self, point: Point, code: str, **fields: str) -> None:
        data = self.reg.sheets[point.sheet]
        header = data.header(point.key)
        fields.setdefault("kolom", header)
        self.findings.append(
            Finding(
                data.name,
                point.record.row,
                header,
                code,
                message(code, **fields),
                key=point.key,
                level=level(code),
            )
        )


def _same_entry(point: Point, flagged: Point | None) -> bool:
    """The point repeats the date just flagged on the same row (the BA date that copies the test date)."""
    return flagged is not None and flagged.record is point.record and flagged.day == point.day


def check_floor(row: RowCheck) -> None:
    """Row rule: no event date on a stage sheet before the register's floor (a 1900 receipt would be
    numbered)."""
    if row.data.spec.kind is not Kind.STAGE:
        return
    floor = row.ctx.floor
    for key, value in list(row.parsed.items()):
        day = value.date() if isinstance(value, datetime) else value
        if isinstance(day, date) and day < floor:
            row.add(key, "tanggal_sebelum_batas_awal", tanggal=fmt(day), batas=fmt(floor))


def check_chain(reg: Register, *, today: date, calendar: WorkCalendar) -> list[Finding]:
    """Every chain finding of the register (order, floor, working days, extension deadline)."""
    return Chain(reg, today=today, calendar=calendar).run()


def day_of(value: object) -> date | None:
    parsed, _error = parse_date(value)
    if isinstance(parsed, datetime):
        return parsed.date()
    return parsed


def fmt(day: date) -> str:
    return as_text(day)  # the register's one dd/mm/yyyy


def setting(reg: Register, key: str) -> int:
    return setting_int(reg, key)


def register_year(reg: Register, today: date) -> int:
    """The register's year: the first year its Hari Libur sheet was filled for, else today's year."""
    years = []
    for rec in reg.records("hari_libur"):
        day = day_of(rec.get("tanggal"))
        if day is not None and as_text(rec.get("sumber")).casefold().startswith("paket"):
            years.append(day.year)
    return min(years) if years else today.year


def floor_date(reg: Register, today: date) -> date:
    """1 January of Pengaturan "Tahun Paling Awal", else of the register's year − 1."""
    year = reg.config.earliest_year
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        year = register_year(reg, today) - 1
    return date(max(year, MIN_YEAR), 1, 1)


def chain_errors(reg: Register, *, today: date) -> dict[str, list[tuple[int, str, str]]]:
    """Registration number -> (SOP step, column key, message) of every chain *galat*: letters wait for
    these."""
    from ..schema import SHEET_BY_KEY

    steps = {data.name: (SHEET_BY_KEY[key].step or 0, data) for key, data in reg.sheets.items()}
    out: dict[str, list[tuple[int, str, str]]] = {}
    for f in check_chain(reg, today=today, calendar=WorkCalendar.from_register(reg)):
        if f.level != "galat" or f.sheet not in steps:
            continue
        step, data = steps[f.sheet]
        rec = next((r for r in data.records if r.row == f.row), None)
        if rec is not None:
            out.setdefault(as_text(rec.get(KEY)), []).append((step, f.key, f"{f.location()}: {f.message}"))
    return out
