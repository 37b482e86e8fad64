"""``ppid dik``: the Penetapan DIK (.docx/.pdf) and the table for the website (.xlsx/.csv).

Only entries in force on ``today`` are published (Status DIK Berlaku, period not ended). No
personal data leaves the register: no registration numbers, and NIK, phone numbers, e-mail
addresses and requesters' names found inside the texts are masked.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..letters import bahasa
from ..letters.render import render_docx, template_file
from ..letters.sources import Sources
from ..reference import JangkaWaktu, canonical
from ..register import Record, Register
from ..report.text import MASK, redact
from ..values import as_text, parse_date, parse_int, parse_pasal
from ..workflow.precedent import active

TEMPLATE = "penetapan_dik.docx"
COLUMNS = (
    ("no", "No"),
    ("informasi", "Informasi yang Dikecualikan"),
    ("perangkat_daerah", "Perangkat Daerah"),
    ("dasar", "Dasar Hukum Pengecualian"),
    ("konsekuensi", "Konsekuensi apabila Dibuka"),
    ("kepentingan_publik", "Pertimbangan apabila Ditutup"),
    ("jangka_waktu", "Jangka Waktu Pengecualian"),
)
BY_DATE, BY_YEARS, BY_EVENT, UNLIMITED = JangkaWaktu


@dataclass
class Publication:
    items: list[dict[str, str]]
    paths: dict[str, Path] = field(default_factory=dict)
    left_out: int = 0  # entries not in force (ended, to be re-tested, opened)
    invalid: list[str] = field(default_factory=list)  # in force but without a valid Pasal 17 ground

    def lines(self) -> list[str]:
        out = [
            f"Penetapan DIK: {len(self.items)} informasi berlaku ({self.left_out} entri lain tidak dimuat)."
        ]
        if self.invalid:
            out.append(
                "Tidak dimuat karena Dasar Pasal 17 tidak sah (perbaiki di lembar 7 Register DIK): "
                + ", ".join(self.invalid)
                + "."
            )
        out += [f"{label}: {path}" for label, path in self.paths.items()]
        return out


def period_text(entry: Record, start: date | None) -> str:
    kind = canonical(JangkaWaktu, entry.get("jenis_jangka_waktu"))
    raw = entry.get("jangka_waktu")
    until = parse_date(entry.get("berlaku_sampai"))[0]
    if kind == UNLIMITED:
        return "Tidak terbatas"
    if kind == BY_YEARS and (years := parse_int(raw)[0] or _leading_int(raw)):
        text = f"{bahasa.angka_terbilang(years)} tahun"
        return f"{text}, sampai dengan {bahasa.tanggal(until)}" if until else text
    if until is not None:
        return f"Sampai dengan {bahasa.tanggal(until)}"
    return as_text(raw) or "-"


def _leading_int(raw: Any) -> int | None:
    m = re.match(r"\s*(\d+)", as_text(raw))
    return int(m[1]) if m else None


def basis_text(entry: Record) -> str:
    codes, _problem = parse_pasal(entry.get("pasal17"))
    other = as_text(entry.get("uu_lain"))
    lines = [bahasa.pasal(code, other) for code in codes]
    if other and "17j" not in codes:
        lines.append(other)
    return "\n".join(lines)


class Scrubber:
    """Masks personal data in free text: NIK, phone, e-mail shapes and the register's requester names."""

    def __init__(self, reg: Register) -> None:
        names = {as_text(r.get("nama_pemohon")) for r in reg.records("permohonan")}
        names = {n for n in names if len(n) >= 4}
        self.names = (
            re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)), re.I)
            if names
            else None
        )

    def __call__(self, value: Any) -> str:
        text = redact(as_text(value))
        return self.names.sub(MASK, text) if self.names else text


def table_rows(reg: Register, today: date) -> tuple[list[dict[str, str]], int, list[str]]:
    """The annex rows of the entries in force, how many entries were left out, and the invalid ones."""
    entries = reg.records("register_dik")
    in_force = active(entries, today)
    clean = Scrubber(reg)
    items: list[dict[str, str]] = []
    invalid = []
    for entry in in_force:
        codes, problem = parse_pasal(entry.get("pasal17"))
        if not codes or problem:
            invalid.append(as_text(entry.get("no_dik")) or f"baris {entry.row}")
            continue
        start = parse_date(entry.get("tanggal_mulai"))[0]
        items.append(
            {
                "no": str(len(items) + 1),
                "informasi": clean(entry.get("informasi")),
                "perangkat_daerah": clean(entry.get("perangkat_daerah")),
                "dasar": clean(basis_text(entry)),
                "konsekuensi": clean(entry.get("konsekuensi")),
                "kepentingan_publik": clean(entry.get("kepentingan_publik")),
                "jangka_waktu": clean(period_text(entry, start)),
            }
        )
    counted = [e for e in entries if as_text(e.get("informasi"))]
    return items, len(counted) - len(items) - len(invalid), invalid


def publish(
    reg: Register, *, out_dir: Path, today: date, pdf: bool = False, templates_dir: Path | None = None
) -> Publication:
    items, left_out, invalid = table_rows(reg, today)
    result = Publication(items, left_out=left_out, invalid=invalid)
    stem = f"DIK_{today:%Y-%m-%d}"
    out_dir.mkdir(parents=True, exist_ok=True)
    src = Sources(reg)
    from ..letters.context import kop

    context = {
        **kop(src),
        "nomor": "......../PPID/" + str(today.year),
        "tahun": str(today.year),
        "tanggal_surat": bahasa.tanggal(today),
        "tanggal_data": bahasa.tanggal(today),
        "jumlah": f"{len(items)} ({bahasa.terbilang(len(items))})",
        "items": items,
    }
    docx_path = render_docx(
        template_file(TEMPLATE, templates_dir), context, out_dir / f"Penetapan_{stem}.docx"
    )
    result.paths["Penetapan (Word)"] = docx_path
    if pdf:
        from ..letters.pdf import convert_to_pdf

        for made in convert_to_pdf([docx_path], out_dir):
            result.paths["Penetapan (PDF)"] = made
    result.paths["Tabel (Excel)"] = write_xlsx(items, out_dir / f"{stem}.xlsx")
    result.paths["Tabel (CSV)"] = write_csv(items, out_dir / f"{stem}.csv")
    return result


def write_csv(items: list[dict[str, str]], path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel reads UTF-8
        writer = csv.writer(handle)
        writer.writerow([head for _key, head in COLUMNS])
        writer.writerows([[_safe_cell(item[key]) for key, _head in COLUMNS] for item in items])
    return path


def _safe_cell(text: str) -> str:
    """A leading = + - @ would be read as a formula by a spreadsheet opening the CSV."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def write_xlsx(items: list[dict[str, str]], path: Path) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_numbers": False, "in_memory": True}
    )
    sheet = book.add_worksheet("DIK")
    wrap = book.add_format({"text_wrap": True, "valign": "top", "border": 1})
    head = book.add_format(
        {"bold": True, "text_wrap": True, "align": "center", "valign": "vcenter", "border": 1}
    )
    for col, (_key, header) in enumerate(COLUMNS):
        sheet.write_string(0, col, header, head)
        sheet.set_column(col, col, 6 if col == 0 else 32)
    for row, item in enumerate(items, start=1):
        for col, (key, _header) in enumerate(COLUMNS):
            sheet.write_string(row, col, item[key], wrap)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(1, len(items)), len(COLUMNS) - 1)
    book.close()
    return path
