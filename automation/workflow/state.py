"""Where each request stands: its intake row, its rows on the later sheets, and its current step."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..register import Record, Register
from ..schema import PERMOHONAN, By
from ..values import as_text
from .routes import DIK, FINISHED, INTAKE, NAME, REQUEST_SHEETS, is_done

STAFF_KEYS = tuple(c.key for c in PERMOHONAN.columns if c.by is By.STAFF)
CONFLICT = "conflict"  # more than one sheet holds open rows
LOST = "lost"  # no open row anywhere and not archived


def reg_no(rec: Record) -> str:
    value = rec.values.get("no_registrasi")
    if value is None:
        return ""
    if type(value) is str and value[:1] != "'":
        return value.strip()  # the usual case, without the general conversion
    return as_text(value)


def has_staff_data(rec: Record) -> bool:
    return any(as_text(rec.get(k)) for k in STAFF_KEYS)


@dataclass
class Request:
    """One registration number and every row that carries it."""

    number: str
    intake: Record | None = None
    duplicates: list[Record] = field(default_factory=list)  # further 1 Permohonan rows, same number
    rows: dict[str, list[Record]] = field(default_factory=dict)  # sheet key -> rows, Excel row order
    entries: list[Record] = field(default_factory=list)  # its Register DIK entries

    def on(self, key: str) -> list[Record]:
        return self.rows.get(key, [])

    def open_rows(self, key: str) -> list[Record]:
        return [r for r in self.on(key) if not is_done(r.values)]

    def open_sheets(self) -> list[str]:
        rows = self.rows
        return [k for k in REQUEST_SHEETS if k in rows and any(not is_done(r.values) for r in rows[k])]

    @property
    def current(self) -> str:
        """Sheet key of the current step, FINISHED, CONFLICT or LOST."""
        if not any(self.rows.values()):
            return INTAKE
        opened = self.open_sheets()
        if len(opened) == 1:
            return opened[0]
        if opened:
            return CONFLICT
        return FINISHED if self.on("arsip") else LOST

    def label(self) -> str:
        """Tahap Saat Ini as shown on 1 Permohonan."""
        current = self.current
        if current == CONFLICT:
            return " + ".join(NAME[k] for k in self.open_sheets())
        if current == LOST:
            return "Tidak diketahui"
        return NAME.get(current, current)


@dataclass
class Registry:
    """All requests of a register, plus rows that belong to none."""

    requests: dict[str, Request] = field(default_factory=dict)
    unnumbered_intake: list[Record] = field(default_factory=list)  # staff data, no number yet
    unnumbered: list[tuple[str, Record]] = field(default_factory=list)  # later-sheet rows, no number

    def get(self, number: str) -> Request:
        if number not in self.requests:
            self.requests[number] = Request(number)
        return self.requests[number]


def collect(reg: Register) -> Registry:
    out = Registry()
    for rec in reg.records(INTAKE):
        number = reg_no(rec)
        if not number:
            if has_staff_data(rec):
                out.unnumbered_intake.append(rec)
            continue
        request = out.get(number)
        if request.intake is None:
            request.intake = rec
        else:
            request.duplicates.append(rec)
    for key in REQUEST_SHEETS:
        for rec in reg.records(key):
            number = reg_no(rec)
            if number:
                out.get(number).rows.setdefault(key, []).append(rec)
            else:
                out.unnumbered.append((key, rec))
    for rec in reg.records(DIK):
        number = reg_no(rec)
        if number and number in out.requests:
            out.requests[number].entries.append(rec)
    return out
