"""``ppid demo DIR``: build a sample register and run everything the tool can do on it."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console

from .. import operations
from ..changes import Changes
from ..clock import last_complete_month
from ..errors import EXIT_OK
from ..excel.reader import read_register
from ..memory import apply_changes
from ..operation import Operation
from ..reference import StatusTahap, is_
from ..register import Register
from .data import scenarios
from .dik import seed_dik, show_dik
from .objections import objection_rows, objection_scenarios
from .simulate import intake_rows, staff_fill

DEMO_REQUESTS = 60
MAX_ROUNDS = 14


def run_demo(directory: Path, console: Console, *, now: dt.datetime, count: int = DEMO_REQUESTS) -> int:
    from ..excel.builder import build_register

    today = now.date()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "register_ppid.xlsm"
    shutil.rmtree(directory / "output", ignore_errors=True)
    build_register(path, force=True, year=today.year)
    console.print(f"[bold]1.[/] Register contoh dibuat: {path}")

    plan = scenarios(count, today=today, legal=True)
    extra = objection_scenarios(len(plan), today)  # the keberatan block (three refused requests)
    plan += extra
    rows = intake_rows(plan, today=today)
    operations.commit(path, lambda reg: (Changes(appends={"permohonan": rows}), None))
    console.print(f"[bold]2.[/] {len(rows)} permohonan contoh dicatat di lembar 1 Permohonan.")
    seed_dik(path, directory, console, now=now, plan=plan)  # living Register DIK (automation/demo/dik.py)

    totals: Counter[tuple[str, str]] = Counter()
    advance = operations.planner_for(
        Operation.ADVANCE, operations.Request(path, now, "Demo", operations.current_user())
    )
    for round_no in range(1, MAX_ROUNDS + 1):
        typed: list[Changes] = []
        staff = (lambda reg: staff_fill(reg, plan, today=today)) if round_no > 1 else None
        outcome = operations.commit(path, _working_day(staff, advance, typed))
        moved = _moved(outcome.result)
        for pair, numbers in getattr(outcome.result, "moved", {}).items():
            totals[pair] += len(numbers)
        if not moved and not typed[0]:
            break
        console.print(f"   putaran {round_no}: {moved} perpindahan tahap")
    console.print(
        f"[bold]3.[/] Alur SOP dijalankan: {sum(totals.values())} perpindahan tahap, termasuk cabang:"
    )
    for (source, target), count in sorted(
        totals.items(), key=lambda kv: _step_of(kv[0][0]) * 100 + _step_of(kv[0][1])
    ):
        console.print(f"   {source} → {target}: {count}")

    _objections(path, plan, extra, now, console)

    report = operations.validate(path, now=now, trigger="Demo").result
    console.print(
        f"[bold]4.[/] Pemeriksaan isian: {len(report.findings)} temuan (lihat kolom Catatan Validasi)."
    )
    for finding in report.findings[:8]:
        console.print(f"   - {finding.location()}: {finding.message}")

    docs = operations.documents(path, pdf=shutil.which("soffice") is not None, now=now, trigger="Demo").result
    _print_docs(docs, console)

    month = last_complete_month(today)  # what the Beranda button reports by default
    result = operations.report(path, month=month, pdf=shutil.which("soffice") is not None, now=now, home=True)
    console.print(
        f"[bold]6.[/] Laporan bulanan {month}: " + ", ".join(str(p) for p in result.paths.values() if p)
    )
    show_dik(path, console, now=now)

    sample = _a_finished_request(read_register(path))
    if sample:
        console.print(f"[bold]7.[/] Riwayat {sample}:")
        for entry in operations.status(path, sample):
            console.print("   " + " | ".join(str(x) for x in entry.cells() if x not in (None, "")))
    console.print(f"Selesai. Buka {path} di Excel; keluaran ada di {directory / 'output'}.")
    return EXIT_OK


def _objections(path: Path, plan: list[Any], extra: list[Any], now: dt.datetime, console: Console) -> None:
    """The keberatan block: rows typed on the Keberatan sheet, then ``advance`` sets their clocks."""
    rows: list[dict[str, Any]] = []

    def plan_rows(reg: Register) -> tuple[Changes, None]:
        rows[:] = objection_rows(reg, plan, extra, now.date())  # planned twice: before and under the lock
        return Changes(appends={"keberatan": list(rows)}), None

    operations.commit(path, plan_rows)
    operations.advance(path, now=now, trigger="Demo")
    console.print(
        f"   Keberatan dicatat: {len(rows)} (ditanggapi, lewat batas tanggapan, "
        "diajukan ke Komisi Informasi)."
    )


def _working_day(
    staff: Callable[[Register], Changes] | None,
    advance: Callable[[Register], tuple[Changes, Any]],
    typed: list[Changes],
) -> Callable[[Register], tuple[Changes, Any]]:
    """One working day as one save: staff type what the open rows need (``staff``), then press
    Lanjutkan; the advance reads what they typed. ``typed`` receives what staff typed."""

    def planner(reg: Register) -> tuple[Changes, Any]:
        typed[:] = [staff(reg) if staff else Changes()]
        apply_changes(reg, typed[0])
        changes, result = advance(reg)
        return typed[0].then(changes), result

    return planner


def _step_of(sheet_name: str) -> int:
    head = sheet_name.split(" ", 1)[0]
    return int(head) if head.isdigit() else 99


def _moved(summary: Any) -> int:
    return int(getattr(summary, "moved_count", 0) or 0)


def _print_docs(result: Any, console: Console) -> None:
    made = getattr(result, "made", None)
    count = len(made) if made is not None else "?"
    console.print(f"[bold]5.[/] Dokumen dibuat: {count} berkas di folder output/.")


def _a_finished_request(reg: Register) -> str | None:
    for record in reg.records("arsip"):
        number = record.text("no_registrasi")
        if number and is_(record.get("status_tahap"), StatusTahap.SELESAI):
            return number
    return None
