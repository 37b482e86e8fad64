"""The validator: runs every rule over a whole register or over one row.

``Validator`` holds what all rows share (today, choice lists, the working-day calendar, the
columns present per sheet), so a caller checking many rows (``advance``) builds it once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from ..errors import UsageError
from ..findings import Finding, Report
from ..reference import REF_LISTS, StatusTahap, is_
from ..register import Record, Register, SheetData
from ..schema import SHEET_BY_KEY, SHEETS, By, Column, Kind, T
from ..values import as_text, is_empty, is_error_cell
from ..workdays import WorkCalendar
from . import contact, dates, decisions, identity
from .chain import check_chain, check_floor, floor_date
from .fields import check_choice, check_number, check_required, normalise
from .links import check_links
from .objections import check_objections
from .references import dangling_rows, duplicate_numbers, known_numbers
from .row import Context, RowCheck
from .structure import merged_cells, missing_columns, missing_sheet

CellRule = Callable[[RowCheck, Column, Any], None]
CellPlan = tuple[tuple[Column, str, "CellRule | None"], ...]  # (column, key, its type's cell rule)
TYPE_RULES: dict[T, CellRule] = {
    T.DATE: dates.check_date,
    T.DATETIME: dates.check_date,
    T.INT: check_number,
    T.MONEY: check_number,
    T.CHOICE: check_choice,
    T.NIK: identity.check_nik,
    T.PHONE: contact.check_phone,
    T.EMAIL: contact.check_email,
    T.PASAL: decisions.check_pasal_cell,
}
RowRule = Callable[[RowCheck], None]
ROW_RULES: tuple[RowRule, ...] = (
    identity.check_identity_type,
    contact.check_contact_present,
    dates.check_office_hours,
    decisions.check_decision,
    decisions.check_review,
    check_floor,
)
# The column a row rule reads first: on a sheet without it (or where it is reported missing) the rule
# does nothing, so it is not called there (validation calls the row rules ~70,000 times on a year).
RULE_NEEDS: dict[RowRule, str] = {
    identity.check_identity_type: "kategori_pemohon",
    contact.check_contact_present: "telepon",
    dates.check_office_hours: dates.RECEIPT_KEY,
    decisions.check_decision: "pasal17",
    decisions.check_review: "tinjau_terakhir",
}
CHECKED_KINDS = (Kind.STAGE, Kind.HOLIDAYS)


def _choices(reg: Register) -> dict[str, dict[str, str]]:
    choices = {ref.key: {normalise(v): v for v in ref.values} for ref in REF_LISTS}
    data = reg.sheets.get("referensi")
    for record in data.records if data else []:
        for key, value in record.values.items():
            text = as_text(value)
            if key in choices and text:
                choices[key].setdefault(normalise(text), text)
    return choices


def build_context(reg: Register, today: date) -> Context:
    if isinstance(today, datetime):
        today = today.date()
    if not isinstance(today, date):
        raise UsageError(f"Tanggal hari ini tidak sah: {today!r}")
    return Context(
        today=today,
        choices=_choices(reg),
        calendar=WorkCalendar.from_register(reg),
        floor=floor_date(reg, today),
        receipts=dates.receipts(reg),
    )


def is_completing(record: Record) -> bool:
    """A row marked Selesai must be complete (Need.COMPLETE columns apply)."""
    return is_(record.values.get("status_tahap"), StatusTahap.SELESAI)


class Validator:
    """Validation of one register as of ``today``."""

    def __init__(self, reg: Register, *, today: date) -> None:
        self.reg = reg
        self.ctx = build_context(reg, today)
        self._plans: dict[str, tuple[Column, ...]] = {}
        self._cells: dict[str, CellPlan] = {}
        self._row_rules: dict[str, tuple[RowRule, ...]] = {}

    def _data(self, sheet_key: str) -> SheetData:
        data = self.reg.sheets.get(sheet_key)
        if sheet_key not in SHEET_BY_KEY or data is None or not data.present:
            raise UsageError(f"Lembar '{sheet_key}' tidak ada dalam register.")
        return data

    def _plan(self, data: SheetData) -> tuple[Column, ...]:
        """Staff columns of the sheet that exist in the file (missing ones are reported once, not per row)."""
        key = data.spec.key
        if key not in self._plans:
            self._plans[key] = tuple(
                c
                for c in data.spec.columns
                if c.by is By.STAFF and c.key in data.columns and c.key not in data.missing
            )
        return self._plans[key]

    def _rules(self, data: SheetData) -> tuple[CellPlan, tuple[RowRule, ...]]:
        """(column, key, cell rule) of each staff column, and the row rules that can apply to the sheet."""
        key = data.spec.key
        if key not in self._cells:
            self._cells[key] = tuple((c, c.key, TYPE_RULES.get(c.type)) for c in self._plan(data))
            usable = {k for k in data.columns if k not in data.missing}  # RowCheck.has
            self._row_rules[key] = tuple(r for r in ROW_RULES if RULE_NEEDS.get(r, "") in usable | {""})
        return self._cells[key], self._row_rules[key]

    def row(self, sheet_key: str, record: Record, *, completing: bool) -> list[Finding]:
        data = self._data(sheet_key)
        cells, row_rules = self._rules(data)
        values = record.values
        if not completing and all(is_empty(values.get(key)) for _col, key, _rule in cells):
            return []
        check = RowCheck(self.ctx, data, record, completing)
        for col, key, rule in cells:
            value = values.get(key)
            if value is None:  # the common case first: most cells of a register are empty
                check_required(check, col)
            elif isinstance(value, str) and "#" in value[:4] and is_error_cell(value):
                check.add(key, "sel_galat", nilai=str(value).strip())
            elif is_empty(value):
                check_required(check, col)
            elif rule is not None:
                rule(check, col, value)
        for row_rule in row_rules:
            row_rule(check)
        return check.findings

    def sheet(self, sheet_key: str, known: set[str] | None = None) -> list[Finding]:
        data = self._data(sheet_key)
        findings = missing_columns(data) + merged_cells(data)
        for record in data.records:
            findings += self.row(sheet_key, record, completing=is_completing(record))
        findings += duplicate_numbers(data) if sheet_key == "permohonan" else dangling_rows(data, known)
        findings.sort(key=lambda f: f.row)
        return findings

    def register(self) -> Report:
        report = Report()
        known = known_numbers(self.reg)
        for spec in SHEETS:
            if spec.kind not in CHECKED_KINDS:
                continue
            data = self.reg.sheets.get(spec.key)
            if data is None or not data.present:
                report.add(missing_sheet(spec))
            else:
                report.extend(self.sheet(spec.key, known))
        report.extend(check_chain(self.reg, today=self.ctx.today, calendar=self.ctx.calendar))
        report.extend(check_links(self.reg, self.ctx))
        report.extend(check_objections(self.reg))
        return report


def validate_register(reg: Register, *, today: date) -> Report:
    """Every row of every stage sheet and of Hari Libur, plus structure and cross-sheet checks."""
    return Validator(reg, today=today).register()


def row_findings(
    reg: Register, sheet_key: str, record: Record, *, completing: bool, today: date
) -> list[Finding]:
    """Findings of one row (no cross-row checks); ``completing`` adds the columns a finished stage needs."""
    return Validator(reg, today=today).row(sheet_key, record, completing=completing)
