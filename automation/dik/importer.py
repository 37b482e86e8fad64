"""``ppid impor-dik``: an office's published DIK table as new Register DIK entries (planned, then one write).

Sub-numbered rows keep their numbers: a row "1" whose children are "a", "b" (or "1.a", "1.b")
is a heading when it has no legal basis of its own; its text is put before each child's
information, and cells a merged parent cell leaves empty are taken from the parent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..changes import Changes
from ..findings import Finding
from ..numbering import Numberer, compile_pattern
from ..reference import StatusDik
from ..register import Record, Register
from ..schema import SETTING_BY_KEY, SHEET_BY_KEY
from ..values import as_text
from ..workflow.routes import validity_end
from .periods import map_period
from .source import Table

DIK = "register_dik"
IN_FORCE, RETEST, _OPENED = StatusDik
INHERITED = ("dasar_hukum", "konsekuensi", "kepentingan_publik", "jangka_waktu", "perangkat_daerah")
_PASAL17 = re.compile(
    r"(?:pasal|ps\.?)\s*17\s*(?:ayat\s*\(?1\)?\s*)?(?:huruf|hrf\.?)?\s*([a-z])\b(?:\s*(?:angka|butir|ke)?\s*(\d+))?",
    re.I,
)
_CODE = re.compile(r"\b17\s*([a-z])\s*(\d*)\b", re.I)
_KIP = re.compile(r"(uu|undang[-\s]*undang)\s*(nomor|no\.?)?\s*14\s*(tahun|th\.?|/)\s*2008|uu\s*kip", re.I)
_OTHER_LAW = re.compile(r"\b(uu|undang[-\s]*undang|pp|peraturan|perda|perpres|permen\w*)\b", re.I)
_SUB = re.compile(r"^(?:(\d+)[.)]?\s*)?([a-z])[.)]?$", re.I)
_LEADING_SUB = re.compile(r"^([a-z])[.)]\s+", re.I)


@dataclass
class Imported:
    """One source row: its number as published, the Register DIK values, the findings."""

    number: str
    source_row: int
    values: dict[str, object]
    findings: list[Finding] = field(default_factory=list)


@dataclass
class ImportResult:
    file: str
    source: str = ""
    entries: list[Imported] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)  # sub-numbered group headings (not entries)
    dry_run: bool = False

    @property
    def problems(self) -> int:
        return sum(1 for e in self.entries for f in e.findings if f.level == "galat")

    def lines(self) -> list[str]:
        verb = "akan ditambahkan" if self.dry_run else "ditambahkan"
        out = [f"{len(self.entries)} entri DIK dari {self.file} ({self.source}) {verb} ke 7 Register DIK."]
        for e in self.entries:
            v = e.values
            out.append(
                f"  {e.number or '-'} -> {v['no_dik']}: {as_text(v['informasi'])[:70]} "
                f"[{as_text(v['pasal17']) or 'tanpa Pasal 17'}; {as_text(v['jenis_jangka_waktu']) or '?'}"
                f" {as_text(v['jangka_waktu'])}]".rstrip()
            )
            out.extend(f"      {f.level}: {f.message}" for f in e.findings)
        if self.problems:
            out.append(
                f"{self.problems} galat: perbaiki barisnya di lembar 7 Register DIK (lihat Catatan Validasi)."
            )
        return out


def split_basis(text: str) -> tuple[str, str]:
    """'Pasal 17 huruf h angka 3 UU 14/2008; Pasal 57 UU 24/2013' -> ('17h3', 'Pasal 57 UU 24/2013').

    Text with no recognisable Pasal 17 ground is kept whole as the ground, so that validation
    names the problem (a letter that does not exist, a bare "Pasal 17").
    """
    codes = [f"17{m[1].lower()}{m[2] or ''}" for m in _PASAL17.finditer(text)]
    rest = _PASAL17.sub(" ", text)
    if not codes:
        codes = [f"17{m[1].lower()}{m[2]}" for m in _CODE.finditer(text)]
        rest = _CODE.sub(" ", text)
    rest = re.sub(
        r"^(jo|juncto)\b\.?", "", " ".join(_KIP.sub(" ", rest).split()).strip(" ,;.-"), flags=re.I
    ).strip()
    other = rest if _OTHER_LAW.search(rest) else ""
    if not codes:
        return text, other if other != text else ""
    return ", ".join(dict.fromkeys(codes)), other


def number_of(raw: str, parent: str) -> tuple[str, bool]:
    """(number as published, is a sub-row) for a No cell: '1' -> ('1', False); 'a' under 1 -> ('1.a',
    True)."""
    text = raw.strip().rstrip(".")
    if m := _SUB.match(text):
        main = m[1] or parent
        return (f"{main}.{m[2].lower()}" if main else m[2].lower()), True
    return text, False


Row = tuple[str, int, dict[str, str], bool]  # number as published, source row, fields, is a sub-row


def source_entries(table: Table) -> tuple[list[tuple[str, int, dict[str, str]]], list[str]]:
    """(number, source row, fields) of every entry row, and the heading rows that only group others."""
    rows = _numbered_rows(table)
    entries, headings = [], []
    for i, (number, row, values, is_sub) in enumerate(rows):
        has_children = i + 1 < len(rows) and rows[i + 1][3] and not is_sub
        if has_children and not values.get("dasar_hukum"):
            headings.append(number)
            continue
        head = next((r for r in reversed(rows[:i]) if not r[3]), None) if is_sub else None
        if head is not None:
            values = _with_parent(values, head[2], heading=head[0] in headings)
        entries.append((number, row, values))
    return entries, headings


def _numbered_rows(table: Table) -> list[Row]:
    """Every row with information, numbered as published ('a' under '1' is '1.a')."""
    rows: list[Row] = []
    parent = ""
    for index in range(table.first_data_row, len(table.rows)):
        values = _row_fields(table, table.rows[index])
        if not values.get("informasi", ""):
            continue
        number, is_sub = number_of(values.pop("no", ""), parent)
        if not is_sub:
            parent = number
        rows.append((number, index + 1, values, is_sub))
    return rows


def _row_fields(table: Table, cells: list[str]) -> dict[str, str]:
    """Cell text by field; a number written into the information ('a. Data ...') is taken out of it."""
    values = {f: cells[c] if c < len(cells) else "" for c, f in table.fields.items()}
    info = values.get("informasi", "")
    if not values.get("no") and (m := _LEADING_SUB.match(info)):
        values["no"], values["informasi"] = m[1], info[m.end() :]
    return values


def _with_parent(values: dict[str, str], parent: dict[str, str], *, heading: bool) -> dict[str, str]:
    merged = {k: v or (parent.get(k, "") if k in INHERITED else "") for k, v in values.items()}
    if heading and parent.get("informasi"):
        merged["informasi"] = f"{parent['informasi'].rstrip(':')}: {values['informasi']}"
    return merged


def register_values(
    values: dict[str, str], *, number: str, start: date, office: str, basis: str
) -> dict[str, object]:
    pasal, other = split_basis(values.get("dasar_hukum", ""))
    kind, period = map_period(values.get("jangka_waktu", ""))
    closing = values.get("kepentingan_publik", "")
    return {
        "no_dik": number,
        "informasi": values.get("informasi"),
        "perangkat_daerah": values.get("perangkat_daerah") or office or None,
        "pasal17": pasal or None,
        "uu_lain": other or None,
        "konsekuensi": values.get("konsekuensi") or None,
        "kepentingan_publik": closing or None,
        "jenis_jangka_waktu": kind,
        "jangka_waktu": period,
        "tanggal_mulai": start,
        "berlaku_sampai": validity_end(kind, period, start),
        "nomor_ba": basis,
        "status_dik": IN_FORCE,
    }


def plan_import(
    reg: Register,
    table: Table,
    *,
    file_name: str,
    today: date,
    start: date | None = None,
    office: str = "",
    basis: str = "",
    dry_run: bool = False,
) -> tuple[Changes, ImportResult]:
    """Changes appending every entry of ``table`` to Register DIK (none when ``dry_run``)."""
    from ..settings import setting_int
    from ..validation import Validator
    from ..workflow.queue import REVIEW_SETTING, review_date

    start = start or today
    pattern = compile_pattern(reg.config.pattern("pola_dik"), SETTING_BY_KEY["pola_dik"].label)
    numberer = Numberer.from_register(reg)
    validator = Validator(reg, today=today)
    months = setting_int(reg, REVIEW_SETTING)
    result = ImportResult(file_name, table.source, dry_run=dry_run)
    entries, result.headings = source_entries(table)
    changes = Changes()
    first_row = (reg.sheets[DIK].last_row if DIK in reg.sheets else 0) + 1
    for offset, (published, row, values) in enumerate(entries):
        source = basis or f"DIK {file_name}"
        cited = f"{source}, no. {published}" if published else source
        mapped = register_values(
            values, number=numberer.issue(pattern, start), start=start, office=office, basis=cited
        )
        if mapped["berlaku_sampai"] is not None and mapped["berlaku_sampai"] < today:  # type: ignore[operator]
            mapped["status_dik"] = RETEST
        mapped["tinjau_berikutnya"] = review_date(Record(0, mapped), months)
        found = validator.row(DIK, Record(first_row + offset, dict(mapped)), completing=True)
        result.entries.append(
            Imported(published, row, mapped, [_relocate(f, row, table.source) for f in found])
        )
        if not dry_run:
            changes.append(DIK, mapped)
    return changes, result


def _relocate(finding: Finding, row: int, source: str) -> Finding:
    """A finding on the imported row, told by the source row (the sheet row does not exist yet)."""
    header = SHEET_BY_KEY[DIK].headers.get(finding.key, finding.column)
    return Finding(source, row, header, finding.code, finding.message, finding.key, finding.level)
