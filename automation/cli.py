"""The ``ppid`` command line: parse arguments, call one library operation, render the result.

Every failure becomes one Indonesian line and a documented exit code (see docs/cli.md):
0 selesai, 1 ada temuan / sebagian dokumen gagal, 2 berkas tidak dapat dipakai atau argumen
salah, 3 penulisan ditolak (dibuka di Excel, terkunci, data akan hilang, disk penuh),
4 kesalahan internal.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from . import clock, operations
from .cli_frame import Group
from .cli_progress import progress_view
from .errors import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_REFUSED,
    AutomationError,
    UsageError,
    write_crash_log,
)
from .operation import Operation

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)  # one line per message


def guarded(func: Callable[..., int | None]) -> Callable[..., None]:
    """Turn AutomationError into one line + exit code; anything else into one line + exit 4."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        sys.unraisablehook = _quiet_unraisable
        try:
            code = func(*args, **kwargs) or EXIT_OK
        except AutomationError as exc:
            err_console.print(f"[bold red]Gagal:[/] {exc}")
            code = exc.exit_code
        except KeyboardInterrupt:
            err_console.print("Dibatalkan oleh pengguna; register tidak diubah.")
            code = 130
        except Exception as exc:  # last resort: never show a traceback to staff
            log = write_crash_log()
            err_console.print(
                f"[bold red]Kesalahan internal:[/] {type(exc).__name__}: {exc}. Rincian teknis: {log}"
            )
            code = EXIT_INTERNAL
        sys.exit(code)

    return wrapper


def _quiet_unraisable(unraisable: Any) -> None:
    """Errors raised while Python cleans up (a half-written zip on a full disk closing itself) go to
    the crash log, not to the staff's screen: the command has already said what happened."""
    import traceback

    from .errors import crash_log_path

    try:
        with crash_log_path().open("a", encoding="utf-8") as log:
            log.write("".join(traceback.format_exception(unraisable.exc_value)))
    except OSError:
        pass


@click.group(cls=Group, help="Register Uji Konsekuensi Informasi Publik — PPID Diskominfo Kalbar.")
@click.version_option(package_name="ppid")
def main() -> None:
    pass


@main.command("init", help="Membuat register baru (.xlsm) di PATH.")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada.")
@click.option("--year", type=int, default=None, help="Tahun register (bawaan: tahun ini).")
@guarded
def init_cmd(path: Path, force: bool, year: int | None) -> int:
    from .excel.builder import build_register

    built = build_register(path, force=force, year=year or clock.now().year)
    console.print(f"Register dibuat: {built}")
    return EXIT_OK


@main.command(Operation.VALIDATE.value, help="Memeriksa semua baris dan menulis Catatan Validasi.")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Cetak temuan sebagai JSON.")
@click.option("--no-write", is_flag=True, help="Hanya periksa; jangan tulis catatan ke register.")
@guarded
def validate_cmd(path: Path, as_json: bool, no_write: bool) -> int:
    with progress_view(console, err_console) as progress:
        outcome = operations.validate(path, now=clock.now(), write=not no_write, progress=progress)
    report = outcome.result
    if as_json:
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        render_report(report, written=outcome.written)
    if outcome.warning:  # the notes could not be written (open in Excel, locked, disk full)
        err_console.print(f"Perhatian: {outcome.warning}")
        return EXIT_REFUSED
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _notes(notes: list[str]) -> None:
    for note in notes:
        err_console.print(f"Perhatian: {note}")


def render_report(report: Any, *, written: bool) -> None:
    if not report.findings:
        console.print("Tidak ada temuan: semua isian sesuai.")
    else:
        table = Table(title=f"{len(report.findings)} temuan", show_lines=False)
        for head in ("Lembar", "Baris", "Kolom", "Kode", "Pesan"):
            table.add_column(head, overflow="fold")
        for f in report.findings[:500]:
            table.add_row(f.sheet, str(f.row or ""), f.column, f.code, f.message)
        console.print(table)
        if len(report.findings) > 500:
            console.print(f"... dan {len(report.findings) - 500} temuan lain (lihat kolom Catatan Validasi).")
    for line in report.precedents:
        console.print(f"Preseden DIK, 1 Permohonan {line}", markup=False)
    if written:
        console.print("Catatan Validasi di register diperbarui.")


@main.command(Operation.ADVANCE.value, help="Meneruskan permohonan yang lengkap ke tahap berikutnya.")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--izinkan-hilang", "allow_loss", is_flag=True, help="Tetap simpan walau bagian tertentu akan hilang."
)
@guarded
def advance_cmd(path: Path, allow_loss: bool) -> int:
    with progress_view(console, err_console) as progress:
        outcome = operations.advance(path, now=clock.now(), allow_loss=allow_loss, progress=progress)
    _notes(outcome.notes)
    for line in outcome.result.lines():
        console.print(line)
    if not outcome.written:
        console.print("Tidak ada perubahan; register tidak ditulis.")
    return EXIT_OK


@main.command("status", help="Menampilkan riwayat satu permohonan.")
@click.argument("path", type=click.Path(path_type=Path))
@click.argument("reg_no")
@guarded
def status_cmd(path: Path, reg_no: str) -> int:
    entries = operations.status(path, reg_no)
    table = Table(title=f"Riwayat {reg_no}")
    for head in ("Tahap", "Tanggal", "Pelaksana", "Status", "Catatan"):
        table.add_column(head, overflow="fold")
    for e in entries:
        table.add_row(*(str(x) if x is not None else "" for x in e.cells()))
    console.print(table)
    console.print(operations.status_precedent(path, reg_no, now=clock.now()), markup=False)
    return EXIT_OK


@main.command(
    Operation.DOCUMENTS.value, help="Membuat dokumen yang jatuh tempo (tanda bukti, berita acara, surat)."
)
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--reg", "reg_no", default=None, help="Hanya untuk satu nomor registrasi.")
@click.option("--pdf", is_flag=True, help="Konversi juga ke PDF dengan LibreOffice.")
@click.option(
    "--izinkan-hilang", "allow_loss", is_flag=True, help="Tetap simpan walau bagian tertentu akan hilang."
)
@guarded
def documents_cmd(path: Path, reg_no: str | None, pdf: bool, allow_loss: bool) -> int:
    from .letters.summary import print_summary

    with progress_view(console, err_console) as progress:
        outcome = operations.documents(
            path, now=clock.now(), reg_no=reg_no, pdf=pdf, allow_loss=allow_loss, progress=progress
        )
    _notes(outcome.notes)
    print_summary(outcome.result, console)
    return EXIT_FINDINGS if outcome.result.failed or outcome.result.pdf_failed else EXIT_OK


@main.command(Operation.REPORT.value, help="Membuat laporan bulanan (--month) atau tahunan (--year).")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--month", default=None, help="Bulan laporan, TTTT-BB.")
@click.option("--year", type=int, default=None, help="Tahun laporan tahunan.")
@click.option("--pdf", is_flag=True, help="Konversi juga ke PDF dengan LibreOffice.")
@click.option(
    "--beranda", is_flag=True, help="Tulis juga angka laporan ke lembar Beranda (menyimpan register)."
)
@guarded
def report_cmd(path: Path, month: str | None, year: int | None, pdf: bool, beranda: bool) -> int:
    if beranda and not month:
        raise UsageError("--beranda hanya untuk laporan bulanan; sebutkan juga --month TTTT-BB.")
    with progress_view(console, err_console) as progress:
        result = operations.report(path, now=clock.now(), month=month, year=year, pdf=pdf, progress=progress)
    if result.summary:
        console.print(result.summary)
    for label, out in result.paths.items():
        if out:
            console.print(f"{label}: {out}")
    for warning in result.warnings:
        err_console.print(f"Perhatian: {warning}")
    if beranda:  # refused (open in Excel, locked, disk full) -> one line and exit 3; the report files stay
        with progress_view(console, err_console) as progress:
            operations.show_on_home(path, result, progress=progress)
        console.print("Angka laporan ditulis ke lembar Beranda.")
    return EXIT_FINDINGS if pdf and result.pdf is None else EXIT_OK


@main.command(
    "impor-dik", help="Mengimpor tabel DIK yang sudah terbit (.xlsx/.docx) ke lembar 7 Register DIK."
)
@click.argument("path", type=click.Path(path_type=Path))
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--coba", "dry_run", is_flag=True, help="Hanya tampilkan yang akan diimpor; register tidak diubah."
)
@click.option(
    "--tanggal-mulai", default=None, help="Tanggal penetapan DIK lama, dd/mm/yyyy (bawaan: hari ini)."
)
@click.option("--perangkat-daerah", default="", help="Perangkat Daerah bila tabel tidak memuat kolomnya.")
@click.option(
    "--dasar", default="", help="Dasar penetapan lama, mis. 'SK PPID No. 12/2025' (bawaan: nama berkas)."
)
@guarded
def impor_dik_cmd(
    path: Path, file: Path, dry_run: bool, tanggal_mulai: str | None, perangkat_daerah: str, dasar: str
) -> int:
    from .dik.commands import import_dik, parse_start

    outcome = import_dik(
        path,
        file,
        now=clock.now(),
        dry_run=dry_run,
        start=parse_start(tanggal_mulai),
        office=perangkat_daerah,
        basis=dasar,
    )
    for line in outcome.result.lines():
        console.print(line, markup=False)
    return EXIT_FINDINGS if outcome.result.problems else EXIT_OK


@main.command("dik", help="Membuat Penetapan DIK (.docx/.pdf) dan tabel DIK untuk situs web (.xlsx/.csv).")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--pdf", is_flag=True, help="Konversi juga ke PDF dengan LibreOffice.")
@guarded
def dik_cmd(path: Path, pdf: bool) -> int:
    from .dik.commands import publish_dik

    result = publish_dik(path, now=clock.now(), pdf=pdf)
    for line in result.lines():
        console.print(line, markup=False)
    return EXIT_OK


@main.command("new-year", help="Memulai register tahun baru dari register lama (yang lama tidak diubah).")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--year", type=int, default=None, help="Tahun register baru (bawaan: tahun lama + 1).")
@guarded
def new_year_cmd(old: Path, new: Path, year: int | None) -> int:
    from .newyear import start_new_year

    with progress_view(console, err_console) as progress:
        summary = start_new_year(old, new, today=clock.now().date(), year=year, progress=progress)
    for line in summary.lines():
        console.print(line)
    return EXIT_OK


@main.command(
    "doctor", help="Memeriksa mengapa tombol Excel register tidak berjalan di PC ini (dan memperbaikinya)."
)
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--perbaiki",
    "fix",
    is_flag=True,
    help="Perbaiki yang dapat diperbaiki: nama berkas, berkas .py tombol, Python di xlwings.conf.",
)
@click.option(
    "--buka-blokir",
    "unblock",
    is_flag=True,
    help="Dengan --perbaiki: hapus juga tanda unduhan (Mark of the Web).",
)
@guarded
def doctor_cmd(path: Path, fix: bool, unblock: bool) -> int:
    from .doctor import diagnose, repair

    if fix:
        done = repair(path, unblock=unblock)
        for line in done.done:
            console.print(f"Diperbaiki: {line}")
        for line in done.failed:
            err_console.print(f"Tidak dapat diperbaiki: {line}")
        path = done.path
    diagnosis = diagnose(path)
    render_diagnosis(diagnosis)
    return EXIT_OK if diagnosis.ok else EXIT_FINDINGS


def render_diagnosis(diagnosis: Any) -> None:
    table = Table(title=f"ppid doctor: {diagnosis.path}", show_lines=True)
    for head in ("Pemeriksaan", "Hasil", "Keterangan", "Yang perlu dilakukan"):
        table.add_column(head, overflow="fold")
    colours = {"ok": "green", "peringatan": "yellow", "masalah": "bold red", "lewati": "dim"}
    for r in diagnosis.results:
        status = r.status.value
        table.add_row(r.title, f"[{colours[status]}]{status}[/]", r.message, r.action)
    console.print(table)
    count = len(diagnosis.problems)
    console.print(
        "Semua pemeriksaan lulus." if not count else f"{count} hal perlu ditangani (lihat kolom terakhir)."
    )


@main.command("demo", help="Membuat register contoh berisi ~60 permohonan dan menjalankan semua langkah.")
@click.argument("directory", type=click.Path(path_type=Path), default=Path("demo-out"))
@guarded
def demo_cmd(directory: Path) -> int:
    from .demo import run_demo

    return run_demo(directory, console, now=clock.now())


@main.command(
    "pulihkan", help="Menampilkan salinan cadangan register (--daftar) atau memulihkan salah satunya."
)
@click.argument("path", type=click.Path(path_type=Path))
@click.argument("pilihan", required=False)
@click.option("--daftar", is_flag=True, help="Tampilkan daftar salinan di folder cadangan/.")
@guarded
def restore_cmd(path: Path, pilihan: str | None, daftar: bool) -> int:
    from . import recovery

    if daftar or not pilihan:
        table = Table(title=f"Salinan cadangan {path.name} (1 = terbaru)")
        for head in ("No.", "Waktu", "Ukuran", "Berkas", "Baris per lembar"):
            table.add_column(head, overflow="fold")
        for info in recovery.backups(path):
            table.add_row(*info.cells())
        console.print(table)
        if not pilihan:
            console.print(
                f'Untuk memulihkan: ppid pulihkan "{path}" NOMOR (berkas sekarang disimpan dulu sebagai'
                " cadangan)."
            )
            return EXIT_OK
    info, kept = recovery.restore(path, pilihan)
    console.print(f"Register dipulihkan dari {info.path.name}.")
    if kept is not None:
        console.print(f"Berkas sebelumnya disimpan sebagai {kept}.")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    main()
