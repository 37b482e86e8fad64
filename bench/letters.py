"""Rejection letters for the letter benchmarks, built from a synthetic register by the letters code."""

from __future__ import annotations

import datetime as dt
import statistics
import time
from pathlib import Path
from typing import Any

TEMPLATE = "keputusan_penolakan.docx"
NUMBER = "{:03d}/SK-TOLAK/PPID-DISKOMINFO/XI/2026"


def _rejection_rows(path: Path) -> tuple[Any, list]:
    from automation.excel.reader import read_register
    from automation.letters.context import DITOLAK
    from automation.letters.sources import Sources

    reg = read_register(path)
    rows = [r for r in reg.records("keputusan") if r.text("jenis_keputusan").casefold() == DITOLAK.casefold()]
    if not rows:
        raise RuntimeError(f"tidak ada baris '{DITOLAK}' di lembar 8 Keputusan pada {path.name}")
    return Sources(reg), rows


def _context(src: Any, record: Any, today: dt.date, seq: int) -> dict[str, Any]:
    from automation.letters import bahasa
    from automation.letters.context import build

    built = build("penolakan", src, "keputusan", record, today=today)
    if built.problems:
        raise RuntimeError(
            f"surat penolakan baris {record.row} tidak dapat dibuat: {'; '.join(built.problems)}"
        )
    return {**built.context, "nomor": NUMBER.format(seq), "tanggal_surat": bahasa.tanggal(built.day or today)}


def rejection_contexts(path: Path, today: dt.date, count: int) -> list[dict[str, Any]]:
    """Template contexts of ``count`` rejection letters (rows repeat when there are fewer)."""
    src, rows = _rejection_rows(path)
    return [_context(src, rows[i % len(rows)], today, i + 1) for i in range(count)]


def render_rejection(context: dict[str, Any], out: Path) -> Path:
    from automation.letters.render import render_docx, template_file

    return render_docx(template_file(TEMPLATE), context, out)


def render_ms(path: Path, today: dt.date, folder: Path, *, repeats: int) -> float:
    """Median milliseconds to build one rejection letter's context from the register and render it."""
    src, rows = _rejection_rows(path)
    folder.mkdir(parents=True, exist_ok=True)
    render_rejection(_context(src, rows[0], today, 1), folder / "warmup.docx")
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        render_rejection(_context(src, rows[i % len(rows)], today, i + 1), folder / f"surat_{i:03d}.docx")
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bare_docxtpl_ms(path: Path, today: dt.date, folder: Path, *, repeats: int) -> float:
    """Median milliseconds of a bare docxtpl render + save of the same template and context."""
    from docxtpl import DocxTemplate

    from automation.letters.render import jinja_env, template_file

    src, rows = _rejection_rows(path)
    template = template_file(TEMPLATE)
    contexts = [_context(src, rows[i % len(rows)], today, i + 1) for i in range(repeats)]
    folder.mkdir(parents=True, exist_ok=True)
    times = []
    for i, context in enumerate(contexts):
        start = time.perf_counter()
        tpl = DocxTemplate(template)
        tpl.render(context, jinja_env())  # autoescaping, with the filters the templates use
        tpl.save(folder / f"surat_{i:03d}.docx")
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000
