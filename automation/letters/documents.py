"""The documents planner: which letters are due, their numbers, rendering, and what to write back."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from ..changes import Changes, status_text
from ..errors import TemplateError, UsageError, WriteRefused
from ..numbering import Numberer, Pattern, PatternError, compile_pattern, log_text
from ..paths import os_error_reason, safe_component
from ..reference import Keputusan, YaTidak, canonical, is_
from ..register import Record, Register
from ..rownotes import KEY as NOTE
from ..rownotes import RowNote, document_sentence
from ..schema import DOCUMENT_BY_KEY, SHEET_BY_KEY, STAGES, Document
from ..validation.chain import chain_errors
from ..values import as_text, parse_date
from . import bahasa
from .context import Built, build
from .pdf import CHUNK, PDF_MISSING, convert_beside_report, find_soffice
from .render import render_bytes, template_file, usable_logo, write_docx
from .sources import Sources

MADE, REMADE, FAILED = "Dibuat", "Dibuat ulang (nomor tetap)", "Belum dapat dibuat"
_STEP = {s.key: s.step or 0 for s in STAGES} | {"keberatan": 11}  # keberatan letters after the SOP's
Progress = Callable[[int, int, str], None]  # (done, total, label)


@dataclass
class DocumentRow:
    """One document handled in this run, for the summary table."""

    reg_no: str
    document: str
    number: str
    path: Path | None
    status: str
    message: str = ""
    sheet: str = ""
    row: int = 0


@dataclass
class DocumentsResult:
    rows: list[DocumentRow] = field(default_factory=list)
    skipped: int = 0  # due documents already made (number filled and file present)
    pdfs: list[Path] = field(default_factory=list)
    pdf_note: str = ""  # PDF_MISSING when LibreOffice is absent
    pdf_pending: list[Path] = field(default_factory=list)  # made earlier, still without a PDF
    notes: list[str] = field(default_factory=list)  # run-wide remarks (logo not usable, ...)
    pdf_failed: dict[Path, str] = field(default_factory=dict)  # .docx -> why no PDF could be made
    files: dict[Path, bytes] = field(default_factory=dict, repr=False)  # final path -> rendered .docx

    @property
    def made(self) -> list[DocumentRow]:
        return [r for r in self.rows if r.status != FAILED]

    @property
    def failed(self) -> list[DocumentRow]:
        return [r for r in self.rows if r.status == FAILED]


@dataclass
class Due:
    doc: Document
    sheet_key: str
    record: Record
    reg_no: str
    name: str  # output file name
    built: Built | None = None
    number: str = ""  # number already in the row
    day: date | None = None  # date already in the row (kept on regeneration)


# A stage row calls for its document once staff have started filling it (or it has a number):
# a fresh row forwarded by ``advance`` is not an error, a half-filled one is.
STARTED: dict[str, tuple[str, ...]] = {
    "berita_acara": ("tanggal_uji", "tempat_uji", "anggota_hadir", "kesimpulan"),
    # Jenis Keputusan is pre-filled by advance, so it does not count as started
    "keputusan": (
        "tanggal_keputusan",
        "tanggal_penyampaian",
        "bentuk_informasi",
        "cara_penyampaian",
        "biaya",
        "waktu_penyediaan",
    ),
    "tanda_terima": ("tanggal_diterima", "nama_penerima", "cara_diterima"),
}
OBJECTION_LETTERS = (  # (document, the columns that call for it) on the Keberatan sheet
    ("tanda_terima_keberatan", ("tanggal_keberatan",)),
    ("tanggapan_keberatan", ("tanggal_tanggapan", "putusan_keberatan")),
)


def due_documents(reg: Register, reg_no: str | None = None) -> list[Due]:
    """Every document the register's rows call for, whether made already or not."""
    out: list[Due] = []

    def add(doc_key: str, sheet_key: str, rec: Record, position: int) -> None:
        no = as_text(rec.get("no_registrasi"))
        if not no or (reg_no is not None and no != reg_no):
            return
        doc = DOCUMENT_BY_KEY[doc_key]
        started = STARTED.get(sheet_key, ())
        if started and not any(as_text(rec.get(k)) for k in (*started, f"nomor_{doc.prefix}")):
            return
        out.append(
            Due(doc, sheet_key, rec, no, f"{doc_key}-{position}.docx" if position > 1 else f"{doc_key}.docx")
        )

    for rec, n in _numbered(reg, "permohonan"):
        add("tanda_bukti", "permohonan", rec, n)
        if is_(rec.get("diperpanjang"), YaTidak.YA):
            add("perpanjangan", "permohonan", rec, n)
    for rec, n in _numbered(reg, "berita_acara"):
        add("berita_acara", "berita_acara", rec, n)
    for rec, n in _numbered(reg, "keputusan"):
        kind = canonical(Keputusan, rec.get("jenis_keputusan"))
        if kind is Keputusan.DIBERIKAN_SEBAGIAN:  # the withheld part: its own decree, numbered first
            add("penolakan_sebagian", "keputusan", rec, n)
        add("penolakan" if kind is Keputusan.DITOLAK else "pemberitahuan", "keputusan", rec, n)
    for rec, n in _numbered(reg, "tanda_terima"):
        add("tanda_terima", "tanda_terima", rec, n)
    for rec, n in _numbered(reg, "keberatan"):
        for doc_key, calls in OBJECTION_LETTERS:
            if any(as_text(rec.get(k)) for k in (*calls, f"nomor_{DOCUMENT_BY_KEY[doc_key].prefix}")):
                add(doc_key, "keberatan", rec, n)
    return out


def _numbered(reg: Register, sheet_key: str) -> list[tuple[Record, int]]:
    """Rows with their position among the same request's rows on the sheet (a 2nd round is 2)."""
    seen: dict[str, int] = {}
    out = []
    for rec in reg.records(sheet_key):
        no = as_text(rec.get("no_registrasi"))
        seen[no] = seen.get(no, 0) + 1
        out.append((rec, seen[no]))
    return out


def folder_name(reg_no: str) -> str:
    return safe_component(reg_no)  # CON, newlines, 300 characters: see automation.paths


@dataclass(frozen=True)
class DocumentsRequest:
    """What a documents run makes, for whom, where and when (everything but the register)."""

    out_root: Path  # letters go to <out_root>/<year>/<registration number>/
    today: date
    reg_no: str | None = None  # one request only (None: every request with a letter due)
    trigger: str = "CLI"
    user: str = ""
    now: datetime | None = None  # the Log's time (None: midnight of ``today``)
    templates_dir: Path | None = None  # None: the installed templates
    progress: Progress | None = None


def make_documents(
    reg: Register, request: DocumentsRequest, *, pdf: bool = False
) -> tuple[Changes, DocumentsResult]:
    """:func:`plan_documents`, then the letters written straight to ``out_root`` (and their PDFs).

    The operations write through a :class:`Staging` folder instead (published after the save).
    """
    changes, result = plan_documents(reg, request)
    write_letters(result)
    if pdf:
        add_pdfs(result)
    return changes, result


def plan_documents(reg: Register, request: DocumentsRequest) -> tuple[Changes, DocumentsResult]:
    """Render every due document not yet made, in memory; return the cells/log to write and a summary.

    Nothing is written: the letters are in ``result.files`` under their final paths below
    ``out_root`` (the paths the register gets); :func:`write_letters` or :meth:`Staging.write` write them.
    """
    reg_no = request.reg_no.strip() if request.reg_no else None
    run = _Run(reg, request)
    items = due_documents(reg, reg_no)
    if reg_no is not None and not items:
        _check_known(reg, reg_no)
    run.make_all([d for d in items if not run.already_made(d)], request.progress)
    run.finish()
    return run.changes, run.result


def _check_known(reg: Register, reg_no: str) -> None:
    """Refuse a registration number that no stage sheet holds (nothing due is not an error)."""
    if not any(as_text(r.get("no_registrasi")) == reg_no for s in STAGES for r in reg.records(s.key)):
        raise UsageError(f"Nomor registrasi {reg_no} tidak ditemukan di register.")


def write_letters(result: DocumentsResult, stage: Staging | None = None) -> None:
    """Write the letters a plan rendered: to their final paths, or into ``stage`` until the save.

    A full disk refuses the run (WriteRefused); so does any file that cannot be written, since the
    register would otherwise hold a number for a letter that does not exist.
    """
    for final, data in result.files.items():
        target = stage.place(final) if stage is not None else final
        try:
            write_docx(data, target)
        except OSError as exc:
            folder = final.parent
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise WriteRefused(
                    f"Ruang disk penuh di folder keluaran {folder}: dokumen tidak dibuat dan register tidak "
                    "diubah; kosongkan ruang disk lalu ulangi."
                ) from exc
            raise WriteRefused(
                f"Berkas {final.name} tidak dapat ditulis ke {folder} ({os_error_reason(exc)}): dokumen "
                "tidak dibuat dan register tidak diubah. Periksa folder output/ di samping register, "
                "lalu ulangi."
            ) from exc
    result.files.clear()


def add_pdfs(result: DocumentsResult, progress: Progress | None = None, chunk: int = CHUNK) -> None:
    """Convert the letters of a run (and earlier ones still without a PDF) in batches of ``chunk``.

    Separate from :func:`make_documents` so that a caller which plans twice (once without the
    lock, once under it) converts only once, after the write.
    """
    paths = [r.path for r in result.made if r.path] + result.pdf_pending
    if not paths:
        return
    if find_soffice() is None:
        result.pdf_note = PDF_MISSING
        return
    conversion = convert_beside_report(paths, chunk=chunk, progress=progress)
    result.pdfs, result.pdf_failed = conversion.pdfs, conversion.failed
    if conversion.failed:
        result.notes.append(f"{len(conversion.failed)} berkas tidak dapat dikonversi ke PDF:")
        failed = list(conversion.failed.items())
        result.notes += [f"  {path}: {why}." for path, why in failed[:20]]
        if len(failed) > 20:
            result.notes.append(
                f"  ... dan {len(failed) - 20} berkas lain; jalankan ulang dengan --pdf untuk mencoba lagi."
            )


STAGING_PREFIX = ".staging-"
DISCARDED = "Berkas surat yang sudah dibuat pada proses ini dihapus; nomor surat tidak terpakai."


class Staging:
    """A private folder under ``output/`` that holds one run's letters until the register is saved.

    Use it under the register's lock: :meth:`open` removes folders left by killed runs (no other
    run can be writing one while we hold the lock) and makes this run's folder; :meth:`publish`
    moves the files to their final place (one rename each, same file system); :meth:`discard`
    removes them when the save did not happen.
    """

    def __init__(self, out_root: Path) -> None:
        self.out_root = Path(out_root)
        self.folder = self.out_root / f"{STAGING_PREFIX}{os.getpid()}"
        self.placed: dict[Path, Path] = {}  # final path -> staged path

    def open(self) -> Staging:
        remove_stale_staging(self.out_root)
        self.placed.clear()
        return self

    def place(self, final: Path) -> Path:
        """Where to write the file that will end up at ``final``."""
        staged = self.folder / Path(final).relative_to(self.out_root)
        self.placed[Path(final)] = staged
        return staged

    @property
    def made(self) -> int:
        return sum(1 for p in self.placed.values() if p.is_file())

    def write(self, result: DocumentsResult) -> None:
        """Write the letters of a plan into this run's folder (under the lock, before the save)."""
        write_letters(result, self.open())

    def publish(self) -> list[str]:
        """Move every staged file to its final path; returns a note per file that could not move."""
        notes = []
        for final, staged in self.placed.items():
            if not staged.is_file():
                continue
            try:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staged, final)
            except OSError as exc:
                notes.append(
                    f"Berkas {final.name} tidak dapat dipindahkan ke {final.parent} ({exc.strerror or exc}); "
                    "tutup berkas itu di Word lalu tekan 'Buat dokumen' lagi (nomornya tetap)."
                )
        self.discard()
        return notes

    def discard(self) -> bool:
        """Remove this run's folder; True when it held letters (the caller says so)."""
        had = self.made > 0
        shutil.rmtree(self.folder, ignore_errors=True)
        self.placed.clear()
        return had


def remove_stale_staging(out_root: Path) -> None:
    """Staging folders of runs that were killed (call only while holding the register's lock)."""
    with contextlib.suppress(OSError):
        for folder in Path(out_root).glob(f"{STAGING_PREFIX}*"):
            shutil.rmtree(folder, ignore_errors=True)


class _Run:
    """State of one documents run: numbers handed out, changes and the result rows."""

    def __init__(self, reg: Register, request: DocumentsRequest) -> None:
        self.reg, self.request, self.out_root = reg, request, Path(request.out_root)
        self.today, self.now = request.today, request.now or datetime.combine(request.today, time())
        self.base = Path(reg.path).resolve().parent
        self.src = Sources(reg)
        self.numberer = Numberer.from_register(reg)
        self.changes = Changes()
        self.result = DocumentsResult()
        self.row_messages: dict[tuple[str, int], list[str]] = {}
        self.chain = chain_errors(reg, today=self.today)
        self.logo, note = usable_logo(reg.config.get("logo"), self.base)
        if note:
            self.result.notes.append(note)

    # ------------------------------------------------------------ what is made already
    def _cell_path(self, due: Due) -> Path | None:
        text = as_text(due.record.get(f"berkas_{due.doc.prefix}"))
        if not text:
            return None
        path = Path(text)
        return path if path.is_absolute() else self.base / path

    def target(self, due: Due, day: date) -> Path:
        return self.out_root / str(day.year) / folder_name(due.reg_no) / due.name

    def already_made(self, due: Due) -> bool:
        rec, prefix = due.record, due.doc.prefix
        due.number = as_text(rec.get(f"nomor_{prefix}"))
        due.day = parse_date(rec.get(f"tanggal_{prefix}"))[0] if due.number else None
        due.built = build(due.doc.key, self.src, due.sheet_key, rec, today=self.today)
        if not due.number:
            return False
        day = due.day or due.built.day
        for path in (self._cell_path(due), self.target(due, day) if day else None):
            if path is not None and path.is_file():
                self.result.skipped += 1
                self.row_messages.setdefault((due.sheet_key, rec.row), [])
                if not path.with_suffix(".pdf").is_file():
                    self.result.pdf_pending.append(path)
                return True
        return False

    # ------------------------------------------------------------ making the documents
    def make_all(self, pending: list[Due], progress: Progress | None) -> None:
        """Make the documents in date order (a decision's number exists before its Tanda Terima)."""
        pending.sort(
            key=lambda d: (
                d.built.day if d.built and d.built.day else date.max,
                _STEP.get(d.sheet_key, 0),
                d.record.row,
            )
        )
        for i, due in enumerate(pending):
            if progress:
                progress(i, len(pending), "Membuat dokumen")
            self.make(due)
        if progress:
            progress(len(pending), len(pending), "Membuat dokumen")

    def make(self, due: Due) -> None:
        # rebuilt so that numbers issued earlier in this run (a decision's, for a Tanda Terima) show
        due.built = build(due.doc.key, self.src, due.sheet_key, due.record, today=self.today)
        problems = list(due.built.problems)
        step = _STEP.get(due.sheet_key, 0)
        problems += [
            f"tanggal pada rantai permohonan belum benar ({m})"
            for s, key, m in self.chain.get(due.reg_no, [])
            if (due.doc.key == "perpanjangan" if key == "tanggal_perpanjangan" else s <= step)
        ]
        day = due.day or due.built.day
        if day is None and not problems:
            problems.append("tanggal dokumen tidak dapat ditentukan")
        if problems:
            self.fail(due, "; ".join(problems))
            return
        assert day is not None
        pattern: Pattern | None = None
        number = due.number
        try:
            if not number:
                pattern = compile_pattern(self.src.setting(due.doc.pattern), f"Pola nomor {due.doc.title}")
                number = self.numberer.issue(pattern, day)
            out = self.target(due, day)
            context = {**due.built.context, "nomor": number, "tanggal_surat": bahasa.tanggal(day)}
            template = template_file(due.doc.template, self.request.templates_dir)
            self.result.files[out] = render_bytes(template, context, logo=self.logo)
        except (PatternError, TemplateError) as exc:
            self._release(pattern, number)
            self.fail(due, str(exc).rstrip("."))
            return
        self.written(due, number, day, out, new=pattern is not None)

    def _release(self, pattern: Pattern | None, number: str) -> None:
        if pattern is not None and number:
            self.numberer.release(pattern, number)

    def written(self, due: Due, number: str, day: date, out: Path, *, new: bool) -> None:
        sheet, row, prefix = due.sheet_key, due.record.row, due.doc.prefix
        if as_text(due.record.get(f"nomor_{prefix}")) != number:
            self.changes.set(sheet, row, f"nomor_{prefix}", number)
        if parse_date(due.record.get(f"tanggal_{prefix}"))[0] != day:
            self.changes.set(sheet, row, f"tanggal_{prefix}", day)
        stored = self._stored_path(out)
        if as_text(due.record.get(f"berkas_{prefix}")) != stored:
            self.changes.set(sheet, row, f"berkas_{prefix}", stored)
        self.src.issued.setdefault((sheet, row), {})[f"nomor_{prefix}"] = number
        if new:
            self.changes.log.append(
                {
                    "waktu": self.now,
                    "no_registrasi": due.reg_no,
                    "dari": self._sheet_name(sheet),
                    "ke": "dokumen",
                    "keterangan": log_text(due.doc.title, number),
                    "pemicu": self.request.trigger,
                    "pengguna": self.request.user,
                }
            )
        self.row_messages.setdefault((sheet, row), [])
        self.result.rows.append(
            DocumentRow(
                due.reg_no,
                due.doc.title,
                number,
                out,
                MADE if new else REMADE,
                sheet=self._sheet_name(sheet),
                row=row,
            )
        )

    def fail(self, due: Due, why: str) -> None:
        message = document_sentence(due.doc.title, why)
        self.row_messages.setdefault((due.sheet_key, due.record.row), []).append(message)
        self.result.rows.append(
            DocumentRow(
                due.reg_no,
                due.doc.title,
                due.number,
                None,
                FAILED,
                message,
                sheet=self._sheet_name(due.sheet_key),
                row=due.record.row,
            )
        )

    def _stored_path(self, out: Path) -> str:
        try:
            return str(out.resolve().relative_to(self.base))
        except ValueError:
            return str(out.resolve())

    def _sheet_name(self, key: str) -> str:
        data = self.reg.sheets.get(key)
        return data.name if data else SHEET_BY_KEY[key].name

    # ------------------------------------------------------------ the end of the run
    def finish(self) -> None:
        """Catatan of every row handled: the reasons it failed, or cleared when it was ours."""
        sheets = ("permohonan", "berita_acara", "keputusan", "tanda_terima", "keberatan")
        records = {(key, rec.row): rec for key in sheets for rec in self.reg.records(key)}
        for (sheet, row), messages in self.row_messages.items():
            rec = records[(sheet, row)]
            new = RowNote.of_record(rec).with_documents(messages).text()
            if (new or "") != as_text(rec.get(NOTE)):
                self.changes.set(sheet, row, NOTE, new)
        if self.result.rows:
            for key in {k for k, _ in self.row_messages}:
                name = self._sheet_name(key)
                made = sum(1 for r in self.result.made if r.sheet == name)
                failed = sum(1 for r in self.result.failed if r.sheet == name)
                body = f"{made} dibuat, {failed} belum dapat dibuat."
                self.changes.status[key] = status_text(
                    self.now, self.request.trigger, body, what="pembuatan dokumen"
                )
