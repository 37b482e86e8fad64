"""The SOP graph: which sheet follows which, and the branch rules at steps 2, 4 and 6."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..reference import JangkaWaktu, Keputusan, Klasifikasi, Penguasaan, Persetujuan, StatusTahap, canonical
from ..schema import STAGES
from ..values import parse_date

NAME: dict[str, str] = {s.key: s.name for s in STAGES}  # sheet key -> sheet name ("4 Klasifikasi")
STEP: dict[str, int] = {s.key: s.step for s in STAGES if s.step is not None}

INTAKE = "permohonan"
DIK = "register_dik"
# Sheets a request passes through after intake (7 Register DIK holds entries, not a stage of a request).
REQUEST_SHEETS: tuple[str, ...] = tuple(s.key for s in STAGES if s.key not in (INTAKE, DIK))

DONE = StatusTahap.SELESAI  # status_tahap of a row that has moved on
OPEN = StatusTahap.DALAM_PROSES
FINISHED = "Selesai (diarsipkan)"  # tahap_saat_ini / diteruskan_ke of a request archived at step 10

# Steps that always go on to the same sheet.
SIMPLE_NEXT: dict[str, str] = {
    "permohonan": "koordinasi",
    "kajian": "klasifikasi",
    "berita_acara": "persetujuan",
    "keputusan": "tanda_terima",
    "tanda_terima": "arsip",
}

YA, TIDAK, SEBAGIAN = Klasifikasi
DISETUJUI = Persetujuan.DISETUJUI
DIKUASAI = Penguasaan.DIKUASAI
GIVEN_ALL, GIVEN_PART, REFUSED = (
    Keputusan.DIBERIKAN_SELURUHNYA,
    Keputusan.DIBERIKAN_SEBAGIAN,
    Keputusan.DITOLAK,
)
BY_DATE, BY_YEARS = JangkaWaktu.TANGGAL, JangkaWaktu.TAHUN


@dataclass(frozen=True)
class Edge:
    """One arrow of the SOP graph, with the rule (English) that selects it."""

    source: str
    target: str
    rule: str


# The SOP graph as a table: "source -> target: rule" (sheet keys; the rule in English).
_GRAPH = """
permohonan -> koordinasi: entry columns valid; a registration number is given
koordinasi -> kajian: Status Penguasaan = Dikuasai
koordinasi -> keputusan: Status Penguasaan = Tidak dikuasai / Belum didokumentasikan
kajian -> klasifikasi: always (one item row, Informasi yang Diuji = Rincian Informasi)
klasifikasi -> berita_acara: any item YA or SEBAGIAN
klasifikasi -> keputusan: every item TIDAK (Diberikan seluruhnya)
berita_acara -> persetujuan: always (Nomor Berita Acara carried)
persetujuan -> register_dik: Disetujui: one DIK entry per YA/SEBAGIAN item
persetujuan -> keputusan: Disetujui: Ditolak (all YA) or Diberikan sebagian
persetujuan -> klasifikasi: Ditolak / Revisi: the items go back with the superior's note
keputusan -> tanda_terima: always (Jenis Keputusan carried)
tanda_terima -> arsip: always (Jenis Keputusan carried)
"""


def _edge(line: str) -> Edge:
    source, rest = line.split(" -> ", 1)
    target, rule = rest.split(": ", 1)
    return Edge(source, target, rule)


EDGES: tuple[Edge, ...] = tuple(_edge(line) for line in _GRAPH.strip().splitlines())


def is_done(values: dict[str, Any]) -> bool:
    return canonical(StatusTahap, values.get("status_tahap")) is DONE


def after_koordinasi(row: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """Step 2: owned information goes to review, otherwise straight to the decision letter."""
    held = canonical(Penguasaan, row.get("status_penguasaan"))
    if held is None:
        return None
    if held == DIKUASAI:
        return "kajian", {}
    return "keputusan", {"jenis_keputusan": held, "badan_publik_lain": row.get("badan_publik_lain")}


def verdicts(items: list[dict[str, Any]]) -> list[str | None]:
    return [canonical(Klasifikasi, item.get("dikecualikan")) for item in items]


def after_klasifikasi(items: list[dict[str, Any]]) -> tuple[str, dict[str, Any]] | None:
    """Step 4: all TIDAK -> information given (8); any YA/SEBAGIAN -> berita acara (5)."""
    found = verdicts(items)
    if not found or None in found:
        return None
    if all(v == TIDAK for v in found):
        return "keputusan", {"jenis_keputusan": GIVEN_ALL}
    return "berita_acara", {}


def approved(row: dict[str, Any]) -> bool | None:
    """Step 6: True when approved, False when refused or sent back for revision, None if unknown."""
    decision = canonical(Persetujuan, row.get("keputusan_atasan"))
    return None if decision is None else decision == DISETUJUI


def approved_decision(items: list[dict[str, Any]]) -> str:
    """Jenis Keputusan after approval: refused when every item is exempt, else a partial grant."""
    return REFUSED if all(v == YA for v in verdicts(items)) else GIVEN_PART


def exempt_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item for item, v in zip(items, verdicts(items), strict=True) if v in (YA, SEBAGIAN)]


def validity_end(kind: Any, period: Any, start: date | None) -> date | None:
    """Berlaku Sampai (Pasal 20): a given date, or start + N years; empty for events / unlimited."""
    chosen = canonical(JangkaWaktu, kind)
    if chosen == BY_DATE:
        end, _error = parse_date(period)
        return end
    if chosen == BY_YEARS and start is not None:
        match = re.search(r"\d+", str(period or ""))
        if match is None:
            return None
        return add_years(start, int(match.group()))
    return None


def add_years(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February in a non-leap target year
        return start.replace(year=start.year + years, day=28)
