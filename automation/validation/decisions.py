"""Decision rules: Pasal 17 grounds, 17j's other law, and the exemption period (Pasal 20)."""

from __future__ import annotations

import re
from typing import Any

from ..reference import PASAL20_LETTERS, JangkaWaktu, canonical
from ..schema import By, Column
from ..values import as_text, check_pasal, is_empty, parse_date, parse_int, short
from .grounds import check_hints
from .row import RowCheck

PERIOD_NEEDS = {
    JangkaWaktu.TANGGAL: "tanggal akhir (dd/mm/yyyy)",
    JangkaWaktu.TAHUN: "jumlah tahun, misalnya 5",
    JangkaWaktu.PERISTIWA: "uraian peristiwa yang mengakhiri pengecualian",
}
_LAW = re.compile(r"\b(uu|undang[-\s]*undang|perppu)\b", re.I)
_ARTICLE = re.compile(r"\b(pasal|ps\.?)\s*\d+", re.I)
_YEARS = re.compile(r"^(\d+)\s*(tahun|thn|th)?\.?$", re.I)
# Pasal 20 ayat (1): a-f are never permanent, whatever the spelling staff choose.
PERMANENT = re.compile(
    r"tidak\s*ter\s*batas|tanpa\s*batas|tak\s*terbatas|tidak\s*ada\s*batas|permanen|selama[-\s]*lamanya|"
    r"selamanya|seterusnya|sampai\s*kapan\s*pun|tidak\s*berakhir|abadi|unlimited|forever|\bn/?a\b|^-+$",
    re.I,
)


def check_pasal_cell(row: RowCheck, col: Column, value: Any) -> None:
    codes, problems = check_pasal(value)
    row.parsed[col.key] = codes
    for code, msg in problems:
        row.add(col.key, code, pesan=msg)


def check_decision(row: RowCheck) -> None:
    """For an exempt row (YA/SEBAGIAN, or any Register DIK row) check 17j, the period and the hints."""
    col = row.column("pasal17")
    if col is None or col.by is By.SYSTEM or not row.has("pasal17"):
        return
    values = row.record.values
    if col.when is not None and not col.when.applies(values):
        return
    codes: list[str] = row.parsed.get("pasal17", [])
    required = col.required_for(values, completing=row.completing)
    if "17j" in codes:
        _other_law(row, required)
    _period(row, codes)
    if codes:
        check_hints(row, codes)


def _other_law(row: RowCheck, required: bool) -> None:
    if not row.has("uu_lain") or "uu_lain" in row.bad:
        return
    text = row.text("uu_lain")
    if not text:
        if not required:
            return
        state = "kolom ini kosong"
    elif not _LAW.search(text):
        state = f"'{short(text)}' belum menyebut nama undang-undangnya"
    elif not _ARTICLE.search(text):
        state = f"'{short(text)}' belum menyebut pasalnya"
    else:
        return
    row.add("uu_lain", "uu_lain_wajib", keadaan=state)


def _period(row: RowCheck, codes: list[str]) -> None:
    kind_col = row.column("jenis_jangka_waktu")
    if kind_col is None or not row.has("jenis_jangka_waktu"):
        return
    typed = as_text(row.record.values.get("jenis_jangka_waktu"))
    kind = canonical(JangkaWaktu, typed)
    a_to_f = ", ".join(c for c in codes if len(c) > 2 and c[2] in PASAL20_LETTERS)
    if kind is None or kind not in PERIOD_NEEDS or "jenis_jangka_waktu" in row.bad:
        _kind_without_end(row, kind, typed, a_to_f)
    else:
        _period_value(row, kind_col, kind, a_to_f)


def _kind_without_end(row: RowCheck, kind: JangkaWaktu | None, typed: str, a_to_f: str) -> None:
    """Pasal 20 ayat (1): grounds a-f are never permanent, whatever period type staff chose or typed."""
    if not a_to_f or not typed:
        return
    if "jenis_jangka_waktu" in row.bad:  # not on the list: still say what the law requires for a-f
        if kind not in PERIOD_NEEDS and not any(f.code == "sel_galat" for f in row.findings):
            row.add("jenis_jangka_waktu", "jangka_waktu_permanen", kode=a_to_f, nilai=typed)
    elif kind is JangkaWaktu.TIDAK_TERBATAS:
        row.add("jenis_jangka_waktu", "jangka_waktu_tidak_terbatas", kode=a_to_f)
    else:  # a value staff added to Referensi: the law, not the list, decides
        row.add(
            "jenis_jangka_waktu", "jangka_waktu_permanen", kode=a_to_f, nilai=row.text("jenis_jangka_waktu")
        )


def _period_value(row: RowCheck, kind_col: Column, kind: JangkaWaktu, a_to_f: str) -> None:
    """Jangka Waktu against its type: a date, a number of years, an event; never 'permanent' for a-f."""
    if not row.has("jangka_waktu") or "jangka_waktu" in row.bad:
        return
    raw = row.value("jangka_waktu")
    fields = {"jenis": row.text("jenis_jangka_waktu"), "harap": PERIOD_NEEDS[kind]}
    if is_empty(raw):
        if kind_col.required_for(row.record.values, completing=row.completing):
            row.add("jangka_waktu", "jangka_waktu_kosong", **fields)
    elif a_to_f and PERMANENT.search(short(raw, 200)):
        row.add("jangka_waktu", "jangka_waktu_permanen", kode=a_to_f, nilai=short(raw))
    elif not _fits(kind, raw):
        row.add("jangka_waktu", "jangka_waktu_tidak_sesuai", nilai=short(raw), **fields)
    elif kind is JangkaWaktu.TANGGAL:
        _end_after_start(row, raw)


def _end_after_start(row: RowCheck, raw: Any) -> None:
    """A period cannot end before it starts (Tanggal Mulai; on 4 Klasifikasi the day the row closed, else
    today)."""
    end = parse_date(raw)[0]
    start = parse_date(row.record.values.get("tanggal_mulai") or row.record.values.get("tanggal_selesai"))[0]
    start = start or row.ctx.today
    if end is not None and end < start:
        row.add("jangka_waktu", "jangka_waktu_sebelum_mulai", akhir=as_text(end), mulai=as_text(start))


def _fits(kind: JangkaWaktu, raw: Any) -> bool:
    if kind is JangkaWaktu.TANGGAL:
        return parse_date(raw)[0] is not None
    if kind is JangkaWaktu.TAHUN:
        years, _msg = parse_int(raw)
        if years is None and (m := _YEARS.match(short(raw, 80))):
            years = int(m[1])
        return years is not None and years > 0
    return True


def check_review(row: RowCheck) -> None:
    """Register DIK: the last periodic review (Tanggal Tinjau Terakhir) cannot precede Tanggal Mulai."""
    if row.sheet_key != "register_dik" or "tinjau_terakhir" in row.bad or "tanggal_mulai" in row.bad:
        return
    review = parse_date(row.value("tinjau_terakhir"))[0]
    start = parse_date(row.value("tanggal_mulai"))[0]
    if review is not None and start is not None and review < start:
        row.add(
            "tinjau_terakhir", "tinjau_sebelum_mulai", tinjau=f"{review:%d/%m/%Y}", mulai=f"{start:%d/%m/%Y}"
        )
