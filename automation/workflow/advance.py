"""The ``advance`` planner: move every complete request one step along the SOP graph (pure)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ..changes import Changes
from ..findings import Finding
from ..numbering import REGISTERED, Numberer, Pattern, compile_pattern, log_text
from ..reference import KLASIFIKASI, PENGUASAAN, PERSETUJUAN, Klasifikasi, Penguasaan, Persetujuan, canonical
from ..register import Record, Register
from ..rownotes import KEY as NOTE
from ..rownotes import SUPERSEDED, superseded_sentence
from ..schema import SETTING_BY_KEY, SHEET_BY_KEY, By, stage_status
from ..values import as_text, parse_date, parse_datetime
from .deadlines import Rules
from .draft import Draft
from .items import dik_entry, join_values, latest, latest_round, pasal_codes
from .objections import SHEET as OBJECTIONS
from .objections import archive_blockers
from .passes import WAITING, finish
from .routes import (
    DIK,
    DONE,
    FINISHED,
    INTAKE,
    NAME,
    OPEN,
    REQUEST_SHEETS,
    after_klasifikasi,
    after_koordinasi,
    approved,
    approved_decision,
    exempt_items,
    is_done,
)
from .state import CONFLICT, LOST, Registry, Request, collect
from .summary import AdvanceSummary

STATUS_KEYS = {c.key for c in stage_status()}
REQUIRED = "wajib_diisi"  # finding code of an empty required column
DIK_LOG_TITLE = "DIK"  # Log keterangan "Nomor DIK: DIK-2026-004" (read back to never reuse a number)
BA_LOG_TITLE = "Berita Acara Uji Konsekuensi"  # = the document's title, so documents never reuse it


def plan_advance(
    reg: Register, *, today: date, now: datetime, trigger: str = "CLI", user: str = ""
) -> tuple[Changes, AdvanceSummary]:
    """Plan one run of ``advance``: moves, Register DIK entries, status columns, notes and the Log."""
    run = Run(reg, today=today, now=now, trigger=trigger, user=user)
    run.move_all()
    finish(run)
    return run.draft.changes, run.summary


class Run:
    """State of one planning run; every write goes through ``draft``."""

    def __init__(self, reg: Register, *, today: date, now: datetime, trigger: str, user: str) -> None:
        self.reg, self.today, self.now, self.trigger, self.user = reg, today, now, trigger, user
        self.draft = Draft(reg, (INTAKE, *REQUEST_SHEETS, DIK, OBJECTIONS))
        self.registry = collect(self.draft.view())  # kept up to date with the rows appended
        self.summary = AdvanceSummary()
        self.rules = Rules.of(reg)
        self.reasons: dict[tuple[str, int], str] = {}  # rows that cannot move -> why
        self.at_intake: set[int] = set()  # 1 Permohonan rows that were at step 1 when the run began
        self.moved: set[str] = set()  # requests moved in this run (one step per run)
        self._numberer: Numberer | None = None
        self._patterns: dict[str, Pattern] = {}
        self._validator: Any = None  # automation.validation.Validator, built on first use
        self._blockers: dict[str, str] | None = None  # open keberatan/sengketa per request (10 Arsip)

    # ------------------------------------------------------------ the run
    def move_all(self) -> None:
        registry = self.registry
        self._intake(registry)
        for request in list(registry.requests.values()):
            self._advance(request)
        for key, rec in registry.unnumbered:
            if not is_done(rec.values):
                self.block(
                    key,
                    rec,
                    "Nomor Registrasi kosong; salin nomor registrasi permohonan dari lembar 1 Permohonan.",
                )

    def _intake(self, registry: Registry) -> None:
        waiting = []
        for rec in registry.unnumbered_intake:
            self.at_intake.add(rec.row)
            if self._entry_blocked(rec):
                waiting.append(rec)
                continue
            received, _ = parse_datetime(rec.get("waktu_diterima"))
            number = self.issue(
                "pola_registrasi", received.date() if received else None
            )  # numbered as received
            self.draft.set(INTAKE, rec, "no_registrasi", number)
            self.summary.registered.append(number)
            request = registry.requests[number] = Request(number, intake=rec)
            self._leave_intake(request, f"{REGISTERED}; permohonan dicatat.")
        registry.unnumbered_intake = waiting
        for request in list(registry.requests.values()):
            for dup in request.duplicates:
                first = request.intake.row if request.intake else 0
                self.block(
                    INTAKE,
                    dup,
                    f"Nomor registrasi {request.number} sudah dipakai di baris {first}; perbaiki salah"
                    " satunya.",
                )
            if request.intake is not None and request.current == INTAKE and request.number not in self.moved:
                self.at_intake.add(request.intake.row)
                if not self._entry_blocked(request.intake):
                    self._leave_intake(request, "Permohonan bernomor diteruskan.")

    def _entry_blocked(self, rec: Record) -> bool:
        reason = self.findings_reason(INTAKE, rec, completing=False)
        if reason:
            self.block(INTAKE, rec, reason)
        return bool(reason)

    def _leave_intake(self, request: Request, note: str) -> None:
        self.move(request, INTAKE, "koordinasi", [request.intake] if request.intake else [], {}, note)

    def _advance(self, request: Request) -> None:
        current = request.current
        if current in (INTAKE, FINISHED) or request.number in self.moved or self._unplaceable(request):
            return
        rows = request.open_rows(current)
        if current != "klasifikasi" and len(rows) > 1:
            for rec in rows:
                self.block(
                    current,
                    rec,
                    f"Ada {len(rows)} baris terbuka untuk permohonan ini di lembar ini; hapus baris ganda.",
                )
            return
        pending = self.completion_reasons(current, rows)
        if pending:
            for rec in rows:
                self.block(current, rec, pending.get(rec.row, WAITING))
            return
        STEP_RULES[current](self, request, rows)

    def _unplaceable(self, request: Request) -> bool:
        """Block a request whose intake row or current step cannot be told; True when blocked."""
        if request.intake is None:
            self._block_open(
                request,
                f"Nomor registrasi {request.number} tidak ditemukan di lembar 1 Permohonan; "
                "salin nomor yang benar.",
            )
        elif request.current == CONFLICT:
            names = ", ".join(NAME[k] for k in request.open_sheets())
            self._block_open(
                request,
                f"Permohonan ini terbuka di lebih dari satu tahap ({names}); "
                "hapus baris tahap yang tidak berlaku.",
            )
        elif request.current == LOST:
            self.block(
                INTAKE,
                request.intake,
                "Tidak ada baris terbuka untuk permohonan ini di lembar 2–10 dan "
                "belum diarsipkan; periksa baris yang terhapus.",
            )
        else:
            return False
        return True

    def _block_open(self, request: Request, reason: str) -> None:
        for key in request.open_sheets():
            for rec in request.open_rows(key):
                self.block(key, rec, reason)

    # ------------------------------------------------------------ the steps
    def _from_koordinasi(self, request: Request, rows: list[Record]) -> None:
        route = after_koordinasi(rows[0].values)
        if route is None:
            self._unknown("koordinasi", rows, "Status Penguasaan", PENGUASAAN)
            return
        target, extra = route
        held = canonical(Penguasaan, rows[0].get("status_penguasaan"))
        self.move(request, "koordinasi", target, rows, extra, f"Status penguasaan: {held}.")

    def _from_kajian(self, request: Request, rows: list[Record]) -> None:
        intake = request.intake
        extra = {"informasi_diuji": intake.get("rincian_informasi") if intake else None}
        self.move(
            request, "kajian", "klasifikasi", rows, extra, "Kajian selesai; informasi diuji Tim Pertimbangan."
        )

    def _from_klasifikasi(self, request: Request, rows: list[Record]) -> None:
        route = after_klasifikasi([r.values for r in rows])
        if route is None:
            unknown = [r for r in rows if canonical(Klasifikasi, r.get("dikecualikan")) is None]
            self._unknown("klasifikasi", unknown, "Dikecualikan", KLASIFIKASI)
            return
        target, extra = route
        replaced = latest(request.on("berita_acara"), "nomor_ba") if target == "berita_acara" else None
        if replaced:  # a new round after a revision or refusal: the new BA cites the one it replaces
            extra = {**extra, "menggantikan_ba": replaced}
        found = [canonical(Klasifikasi, r.get("dikecualikan")) for r in rows]
        counts = [f"{found.count(v)} {v}" for v in Klasifikasi]
        self.move(request, "klasifikasi", target, rows, extra, "Klasifikasi: " + ", ".join(counts) + ".")

    def _from_berita_acara(self, request: Request, rows: list[Record]) -> None:
        """The test is recorded: the berita acara gets its number (dated the test day) before step 6."""
        row = rows[0]
        number = as_text(row.get("nomor_ba"))
        if not number:
            day, _error = parse_date(row.get("tanggal_uji"))
            number = self.issue("pola_ba", day)
            self.draft.set("berita_acara", row, "nomor_ba", number)
            if not as_text(row.get("tanggal_ba")):
                self.draft.set("berita_acara", row, "tanggal_ba", day)
            self.log(request.number, "berita_acara", NAME["berita_acara"], log_text(BA_LOG_TITLE, number))
            self.summary.ba_numbered.append(number)
        extra = {"nomor_ba": number, "nama_atasan": self.setting_text("nama_atasan")}
        self.move(
            request,
            "berita_acara",
            "persetujuan",
            rows,
            extra,
            f"Berita acara {number} diajukan kepada Atasan PPID.",
        )

    def _from_persetujuan(self, request: Request, rows: list[Record]) -> None:
        row = rows[0]
        verdict = approved(row.values)
        if verdict is None:
            self._unknown("persetujuan", rows, "Keputusan Atasan", PERSETUJUAN)
            return
        items = latest_round(request)
        if not items:
            self.block(
                "persetujuan",
                row,
                "Baris 4 Klasifikasi permohonan ini tidak ditemukan; informasi yang diuji tidak dapat"
                " dibaca.",
            )
            return
        if verdict and not (
            as_text(row.get("nomor_ba")) or as_text(latest(request.on("berita_acara"), "nomor_ba"))
        ):
            self.block(
                "persetujuan",
                row,
                "Nomor Berita Acara kosong: Atasan PPID menyetujui berita acara yang bernomor. "
                "Salin nomor berita acara dari lembar 5 Berita Acara.",
            )
            return
        if verdict:
            self._approve(request, row, items)
        else:
            self._send_back(request, row, items)

    def _from_keputusan(self, request: Request, rows: list[Record]) -> None:
        extra = {"jenis_keputusan": rows[0].get("jenis_keputusan")}
        self.move(
            request,
            "keputusan",
            "tanda_terima",
            rows,
            extra,
            f"Keputusan: {as_text(extra['jenis_keputusan'])}.",
        )

    def _from_tanda_terima(self, request: Request, rows: list[Record]) -> None:
        extra = {"jenis_keputusan": rows[0].get("jenis_keputusan")}
        self.move(request, "tanda_terima", "arsip", rows, extra, "Diterima pemohon.")

    def _from_arsip(self, request: Request, rows: list[Record]) -> None:
        if self._objection_open(request, rows):
            return
        self.close("arsip", rows, FINISHED)
        self.log(request.number, "arsip", FINISHED, "Berkas diarsipkan; permohonan selesai.")
        self.note_move(NAME["arsip"], FINISHED, request.number)

    def _objection_open(self, request: Request, rows: list[Record]) -> bool:
        """The archive waits while a keberatan or sengketa on the request is open (UU KIP Ps 36-38)."""
        if self._blockers is None:  # worked out once per run, for every request at 10 Arsip
            self._blockers = archive_blockers(self.reg, self.rules)
        reason = self._blockers.get(request.number, "")
        for rec in rows if reason else ():
            self.block("arsip", rec, reason)
        return bool(reason)

    def _approve(self, request: Request, row: Record, items: list[Record]) -> None:
        if self.sheet_missing("persetujuan", [row], DIK, "keputusan"):
            return
        start, _error = parse_date(row.get("tanggal_persetujuan"))
        nomor_ba = row.get("nomor_ba") or latest(request.on("berita_acara"), "nomor_ba")
        exempt = exempt_items([r.values for r in items])
        for item in exempt:
            number = self.issue("pola_dik")
            request.entries.append(self.draft.append(DIK, dik_entry(number, request, item, start, nomor_ba)))
            self.summary.dik_created.append(number)
            self.log(request.number, "persetujuan", NAME[DIK], log_text(DIK_LOG_TITLE, number))
        self.note_move(NAME["persetujuan"], NAME[DIK], request.number)
        extra = {
            "jenis_keputusan": approved_decision([r.values for r in items]),
            "pasal17": join_values([pasal_codes(i.get("pasal17")) for i in exempt], ", "),
            "uu_lain": join_values([i.get("uu_lain") for i in exempt]),
            "konsekuensi": join_values([i.get("konsekuensi") for i in exempt]),
            "bagian_dikecualikan": join_values([i.get("bagian_dikecualikan") for i in exempt]),
        }
        note = f"Disetujui Atasan PPID; {len(exempt)} entri Register DIK; {extra['jenis_keputusan']}."
        self.move(
            request,
            "persetujuan",
            "keputusan",
            [row],
            extra,
            note,
            label=f"{NAME[DIK]} + {NAME['keputusan']}",
        )

    def _send_back(self, request: Request, row: Record, items: list[Record]) -> None:
        decision = canonical(Persetujuan, row.get("keputusan_atasan"))
        note = row.get("catatan_atasan")
        keep = [c.key for c in SHEET_BY_KEY["klasifikasi"].columns if c.key not in STATUS_KEYS]
        for item in items:
            values = {k: item.get(k) for k in keep}
            values.update(self.context(request), dikecualikan=None, catatan_atasan=note, status_tahap=OPEN)
            request.rows.setdefault("klasifikasi", []).append(self.draft.append("klasifikasi", values))
            self.draft.set(
                "klasifikasi", item, NOTE, superseded_sentence(str(decision), f"{self.today:%d/%m/%Y}")
            )
        self.close("persetujuan", [row], NAME["klasifikasi"])
        self.log(
            request.number, "persetujuan", NAME["klasifikasi"], f"{SUPERSEDED} ({decision}): {as_text(note)}"
        )
        self.note_move(NAME["persetujuan"], NAME["klasifikasi"], request.number)

    def _unknown(self, key: str, rows: list[Record], header: str, choices: tuple[str, ...]) -> None:
        for rec in rows:
            self.block(key, rec, f"{header} tidak dikenal; pilih {', '.join(choices)}.")

    # ------------------------------------------------------------ building blocks
    def move(
        self,
        request: Request,
        source: str,
        target: str,
        rows: list[Record],
        extra: dict[str, Any],
        note: str,
        *,
        label: str = "",
    ) -> None:
        if self.sheet_missing(source, rows, target):
            return
        self.close(source, rows, label or NAME[target])
        values = {**self.context(request), **extra, "status_tahap": OPEN}
        columns = set(SHEET_BY_KEY[target].keys)
        rec = self.draft.append(target, {k: v for k, v in values.items() if k in columns})
        request.rows.setdefault(target, []).append(rec)
        self.log(request.number, source, NAME[target], note)
        self.note_move(NAME[source], NAME[target], request.number)

    def sheet_missing(self, source: str, rows: list[Record], *targets: str) -> bool:
        """Block the rows when a target sheet is not in the workbook (renamed or deleted)."""
        for target in targets:
            data = self.reg.sheets.get(target)
            if data is None or not data.present:
                for rec in rows:
                    self.block(
                        source,
                        rec,
                        f"Lembar {NAME[target]} tidak ditemukan; kembalikan lembar itu agar permohonan dapat"
                        " diteruskan.",
                    )
                return True
        return False

    def close(self, key: str, rows: list[Record], label: str) -> None:
        for rec in rows:
            self.draft.set(key, rec, "status_tahap", DONE)
            self.draft.set(key, rec, "tanggal_selesai", self.today)
            self.draft.set(key, rec, "diteruskan_ke", label)
            self.draft.set(key, rec, NOTE, None)

    def context(self, request: Request) -> dict[str, Any]:
        intake = request.intake
        values: dict[str, Any] = {"no_registrasi": request.number}
        if intake is not None:
            values.update(
                {k: intake.get(k) for k in ("nama_pemohon", "rincian_informasi", "perangkat_daerah")}
            )
            values["batas_waktu"] = self.rules.deadline(intake)
        return values

    def note_move(self, source: str, target: str, number: str) -> None:
        self.summary.add_move(source, target, number)
        self.moved.add(number)

    def block(self, key: str, rec: Record, reason: str) -> None:
        self.reasons[(key, rec.row)] = reason
        self.summary.block(NAME[key], rec.row, reason)

    def log(self, number: str, source: str, target: str, note: str) -> None:
        self.draft.changes.log.append(
            {
                "waktu": self.now,
                "no_registrasi": number,
                "dari": NAME[source],
                "ke": target,
                "keterangan": note,
                "pemicu": self.trigger,
                "pengguna": self.user,
            }
        )

    def setting_text(self, key: str) -> str:
        return self.reg.config.pattern(key)

    def issue(self, setting: str, day: date | None = None) -> str:
        """The next registration or DIK number (1 + highest used that year; never reused)."""
        if setting not in self._patterns:
            self._patterns[setting] = compile_pattern(
                self.setting_text(setting), SETTING_BY_KEY[setting].label
            )
        if self._numberer is None:
            self._numberer = Numberer.from_register(self.reg)
        return self._numberer.issue(self._patterns[setting], day or self.today)

    def findings_reason(self, key: str, rec: Record, *, completing: bool) -> str:
        if self._validator is None:
            from ..validation import Validator

            self._validator = Validator(self.reg, today=self.today)
        found = self._validator.row(key, rec, completing=completing)
        return " ".join(
            filter(
                None,
                (
                    self.missing_reason(key, rec, completing=completing),
                    reason_text([f for f in found if f.level == "galat"]),
                ),
            )
        )

    def missing_reason(self, key: str, rec: Record, *, completing: bool) -> str:
        """A required staff column of the sheet that was not found (renamed header): the row waits.

        The validator checks only the columns it finds; without this a renamed required header
        would let the request move on with the value empty.
        """
        data = self.reg.sheets[key]
        gone = [
            data.spec.column(k).header
            for k in data.missing
            if data.spec.column(k).by is By.STAFF
            and data.spec.column(k).required_for(rec.values, completing=completing)
        ]
        if not gone:
            return ""
        names = ", ".join(f"'{h}'" for h in gone)
        return (
            f"Belum dapat diteruskan: kolom wajib {names} tidak ditemukan di lembar {data.name} "
            "(judul kolom diubah?); kembalikan judul kolom sesuai templat."
        )

    def completion_reasons(self, key: str, rows: list[Record]) -> dict[int, str]:
        out = {}
        for rec in rows:
            reason = self.findings_reason(key, rec, completing=True)
            if reason:
                out[rec.row] = reason
        return out


# What happens when the current step of a request is complete, per sheet.
STEP_RULES = {
    "koordinasi": Run._from_koordinasi,
    "kajian": Run._from_kajian,
    "klasifikasi": Run._from_klasifikasi,
    "berita_acara": Run._from_berita_acara,
    "persetujuan": Run._from_persetujuan,
    "keputusan": Run._from_keputusan,
    "tanda_terima": Run._from_tanda_terima,
    "arsip": Run._from_arsip,
}


def reason_text(findings: list[Finding]) -> str:
    """'Belum dapat diteruskan: kolom wajib belum diisi: 'Tanggal Kajian', 'Hasil Kajian'. ...'."""
    empty = [f"'{f.column}'" for f in findings if f.code == REQUIRED and f.column]
    parts = [f"kolom wajib belum diisi: {', '.join(dict.fromkeys(empty))}."] if empty else []
    for f in findings:
        if f.code == REQUIRED and f.column:
            continue
        text = (
            f.message.strip() if not f.column or f.column in f.message else f"{f.column}: {f.message.strip()}"
        )
        text = text if text.endswith((".", "!", "?")) else text + "."
        if text not in parts:
            parts.append(text)
    return ("Belum dapat diteruskan: " + " ".join(parts)) if parts else ""
