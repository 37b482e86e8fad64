"""The catalogue of finding codes: level, meaning and Indonesian message template of each.

Rules build messages only through :func:`message`, so ``docs/validation.md`` (rendered by
:func:`render_catalogue`) shows exactly what staff will read.  Codes are stable: reports, JSON
output and tests refer to them; never rename one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import values
from ..resources import load_data

GALAT = "galat"
PERINGATAN = "peringatan"


@dataclass(frozen=True)
class Code:
    code: str
    level: str
    family: str
    title: str  # what the finding means (Indonesian)
    template: str  # message; {fields} are filled by the rule
    example: dict[str, str] = field(default_factory=dict)


def _parsed(text: str) -> str:
    assert text, "example value must fail to parse"
    return text


def _code(entry: dict[str, Any]) -> Code:
    """One catalogue entry; a ``parsed`` example field is the real parser's message for its value."""
    example = dict(entry.get("example", {}))
    if "parsed" in entry:
        spec = entry["parsed"]
        example[spec["field"]] = _parsed(getattr(values, spec["parser"])(spec["value"])[-1] or "")
    return Code(entry["code"], entry["level"], entry["family"], entry["title"], entry["template"], example)


def _catalogue() -> tuple[Code, ...]:
    return tuple(_code(entry) for entry in load_data(CATALOGUE_FILE)["code"])


CATALOGUE_FILE = "finding_codes.toml"  # automation/data/: the codes as data, in the order of the docs
CODES_LIST: tuple[Code, ...] = _catalogue()
CODES: dict[str, Code] = {c.code: c for c in CODES_LIST}

# Required-but-empty columns that have their own, more telling code.
REQUIRED_CODES: dict[str, str] = {
    "dokumen_badan_hukum": "badan_hukum_tanpa_dokumen",
    "surat_kuasa": "kelompok_tanpa_surat_kuasa",
}


def message(code: str, **fields: str) -> str:
    """The Indonesian message of ``code`` with its fields filled."""
    return CODES[code].template.format(**fields)


def level(code: str) -> str:
    return CODES[code].level


def _placeholders(template: str) -> str:
    return re.sub(r"\{(\w+)\}", r"‹\1›", template)


def render_catalogue() -> str:
    """Markdown text of docs/validation.md (kept equal to the file by a test)."""
    lines = [
        "# Katalog temuan validasi",
        "",
        "Dokumen ini dibuat otomatis dari `automation/data/finding_codes.toml` (fungsi `render_catalogue`",
        "di `automation/validation/codes.py`);",
        "jangan disunting langsung. Setiap temuan memuat lembar, nomor baris Excel, judul kolom, kode di",
        'bawah ini, dan pesan berbahasa Indonesia yang ditulis ke kolom "Catatan Validasi" baris itu.',
        "",
        "Tingkat **galat** harus diperbaiki (perintah `ppid validate` keluar dengan kode 1); tingkat",
        "**peringatan** perlu diperiksa tetapi tidak menghalangi.",
        "",
        "| Kode | Kelompok | Tingkat | Arti |",
        "|---|---|---|---|",
    ]
    lines += [f"| `{c.code}` | {c.family} | {c.level} | {c.title} |" for c in CODES_LIST]
    lines += ["", "## Pesan", ""]
    for c in CODES_LIST:
        lines += [f"### `{c.code}`", ""]
        if "{" in c.template and c.template not in ("{pesan}", "{kolom}: {pesan}"):
            lines += [f"Pola: {_placeholders(c.template)}", ""]
        lines += [f"Contoh: {c.template.format(**c.example)}", ""]
    lines += _hint_section()
    return "\n".join(lines).rstrip() + "\n"


def _hint_section() -> list[str]:
    from .grounds import HINTS, POINT_HINTS  # grounds imports this module through row.py

    lines = [
        "## Kata kunci huruf Pasal 17 (`alasan_tidak_sesuai_huruf`)",
        "",
        "Peringatan muncul bila uraian (informasi, konsekuensi, kepentingan publik, bagian yang",
        "dikecualikan, rincian informasi) tidak memuat satu pun kata kunci huruf yang dikutip, tetapi",
        "memuat kata kunci huruf lain. Huruf j (undang-undang lain) tidak diperiksa.",
        "",
        "| Huruf | Tema | Kata kunci |",
        "|---|---|---|",
    ]
    lines += [f"| {letter} | {theme} | {', '.join(words)} |" for letter, (theme, words) in HINTS.items()]
    lines += [
        "",
        "## Kata kunci angka Pasal 17 (`alasan_tidak_sesuai_angka`)",
        "",
        "Bila hurufnya cocok tetapi uraian tidak memuat kata kunci angka yang dikutip dan memuat kata kunci",
        "angka lain dari huruf yang sama (mis. 17h3 untuk rekam medis, yang termasuk 17h2), muncul",
        "peringatan. Peringatan ini diulang pada baris 5 Berita Acara (`dasar_hukum_belum_dikonfirmasi`)",
        "dan berita acara tidak dibuat sampai dasar hukumnya diperbaiki atau kolom 'Dasar Hukum",
        "Dikonfirmasi' diisi Ya.",
        "",
        "| Angka | Tema | Kata kunci |",
        "|---|---|---|",
    ]
    lines += [f"| {code} | {theme} | {', '.join(words)} |" for code, (theme, words) in POINT_HINTS.items()]
    return lines
