"""Rules between the rows of one request that are not dates: BA number, confirmed grounds, conclusion."""

from __future__ import annotations

from ..findings import Finding
from ..reference import Klasifikasi, Persetujuan, canonical, is_
from ..register import Record, Register
from ..rownotes import is_superseded
from ..values import as_text, parse_pasal, short
from .codes import level, message
from .grounds import CONFIRMED, hint_problems, reason_text
from .row import Context

KEY = "no_registrasi"
APPROVED = Persetujuan.DISETUJUI
EXEMPT = (Klasifikasi.YA, Klasifikasi.SEBAGIAN)


def check_links(reg: Register, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for rec in reg.records("persetujuan"):
        if is_(rec.get("keputusan_atasan"), APPROVED) and not as_text(rec.get("nomor_ba")):
            out.append(_finding(reg, "persetujuan", rec, "nomor_ba", "persetujuan_tanpa_nomor_ba"))
    for rec in reg.records("register_dik"):
        if as_text(rec.get(KEY)) and not as_text(rec.get("nomor_ba")):
            out.append(_finding(reg, "register_dik", rec, "nomor_ba", "persetujuan_tanpa_nomor_ba"))
    items_of = _current_items_by_request(reg)
    for ba in last_rows(reg, "berita_acara"):
        items = items_of.get(as_text(ba.get(KEY)), [])
        out += unconfirmed(reg, ba, items)
        out += conclusion(reg, ba, items)
    return out


def last_rows(reg: Register, sheet: str) -> list[Record]:
    """The last row of each request on ``sheet`` (the current round)."""
    last: dict[str, Record] = {}
    for rec in reg.records(sheet):
        if as_text(rec.get(KEY)):
            last[as_text(rec.get(KEY))] = rec
    return list(last.values())


def current_items(reg: Register, number: str) -> list[Record]:
    """4 Klasifikasi rows of the request that were not replaced after a revision or refusal."""
    return [r for r in reg.records("klasifikasi") if as_text(r.get(KEY)) == number and _current(r)]


def _current(item: Record) -> bool:
    return not is_superseded(item) and bool(as_text(item.get("dikecualikan")))


def _current_items_by_request(reg: Register) -> dict[str, list[Record]]:
    """:func:`current_items` of every request at once (one pass over 4 Klasifikasi, not one per request)."""
    out: dict[str, list[Record]] = {}
    for item in reg.records("klasifikasi"):
        if _current(item):
            out.setdefault(as_text(item.get(KEY)), []).append(item)
    return out


def item_warnings(item: Record) -> list[str]:
    """Messages of the ground hints of one exempt item (none when its ground is confirmed)."""
    if is_(item.get("dasar_dikonfirmasi"), CONFIRMED):
        return []
    if canonical(Klasifikasi, item.get("dikecualikan")) not in EXEMPT:
        return []
    codes, error = parse_pasal(item.get("pasal17"))
    if error or not codes:
        return []
    return [message(code, **fields) for code, fields in hint_problems(reason_text(item.values), codes)]


def unconfirmed(reg: Register, ba: Record, items: list[Record]) -> list[Finding]:
    """A flagged ground repeated on the berita acara row until someone confirms it."""
    if is_(ba.get("dasar_dikonfirmasi"), CONFIRMED):
        return []
    out = []
    for item in items:
        for warning in item_warnings(item):
            out.append(
                _finding(
                    reg,
                    "berita_acara",
                    ba,
                    "dasar_dikonfirmasi",
                    "dasar_hukum_belum_dikonfirmasi",
                    baris=str(item.row),
                    informasi=short(as_text(item.get("informasi_diuji")), 60),
                    peringatan=warning,
                )
            )
    return out


def outcome_counts(items: list[Record]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        value = as_text(item.get("dikecualikan")).upper()
        counts[value] = counts.get(value, 0) + 1
    return counts


def conclusion(reg: Register, ba: Record, items: list[Record]) -> list[Finding]:
    """A typed conclusion that says the opposite of the outcomes (exempt vs. open)."""
    text = as_text(ba.get("kesimpulan")).casefold()
    if not text or not items:
        return []
    counts = outcome_counts(items)
    word = _contradiction(text, counts)
    if not word:
        return []
    hasil = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    return [
        _finding(reg, "berita_acara", ba, "kesimpulan", "kesimpulan_tidak_sesuai", kata=word, hasil=hasil)
    ]


def _contradiction(text: str, counts: dict[str, int]) -> str:
    """The word of the conclusion that contradicts the outcome counts, '' when it agrees."""
    exempt = counts.get(Klasifikasi.YA, 0) + counts.get(Klasifikasi.SEBAGIAN, 0)
    says_open = any(w in text for w in ("tidak dikecualikan", "terbuka", "dapat dibuka seluruhnya"))
    says_closed = "dikecualikan" in text.replace("tidak dikecualikan", "")
    if (exempt and says_open and not says_closed) or (not exempt and says_closed):
        return "tidak dikecualikan/terbuka" if says_open else "dikecualikan"
    partial = counts.get(Klasifikasi.TIDAK, 0) > 0 and exempt > 0
    if partial and says_closed and not says_open and "sebagian" not in text:
        return "dikecualikan (seluruhnya)"
    return ""


def _finding(reg: Register, sheet: str, rec: Record, key: str, code: str, **fields: str) -> Finding:
    data = reg.sheets[sheet]
    header = data.header(key) if key in data.columns or key in data.spec.keys else ""
    fields.setdefault("kolom", header)
    return Finding(data.name, rec.row, header, code, message(code, **fields), key=key, level=level(code))
