"""``make bench``: the seven performance figures, each a ratio against a baseline from the same run.

    python -m bench.run [--quick] [--only NAME ...]

Writes ``bench/results.json`` ({name: {value, unit, baseline, note}}) and prints a table.  Every
command runs as its own process on a fresh copy of the cached synthetic register (see
``bench.generate``); the figure is the median of several runs.  Growth from 1,000 to 10,000
requests is recorded too (``growth_*``: time at 10,000 / time at 1,000; 10 = linear).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from . import figures
from .generate import ensure_register, reference_day
from .measure import Figure

MEMORY = ("peak_rss_mb_10k", "peak_rss_vs_openpyxl_roundtrip")  # measured from the other figures' runs
RESULTS = Path(__file__).resolve().parent / "results.json"
ORDER = (
    "validate_clean_vs_calamine_read",
    "advance_vs_openpyxl_roundtrip",
    "report_vs_calamine_read",
    "pdf_batch_vs_per_file",
    "letter_render_ms",
    "button_actions_10k_vs_100",
    "peak_rss_mb_10k",
    "peak_rss_vs_openpyxl_roundtrip",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="PPID benchmarks")
    parser.add_argument(
        "--quick", action="store_true", help="fewer repeats (a smoke run, not for the record)"
    )
    parser.add_argument("--only", nargs="*", default=None, help="figure names to run (default: all)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    console = Console(highlight=False)
    started = time.perf_counter()
    today = reference_day()
    sizes = {n: ensure_register(n, today=today, log=console.print) for n in (100, 1000, 10000)}
    console.print(f"Register sintetis siap ({time.perf_counter() - started:.0f} s).")
    work = Path(tempfile.mkdtemp(prefix="ppid-bench-"))
    ctx = figures.Context(sizes=sizes, work=work, today=today, quick=args.quick, log=console.print)
    results: dict[str, Figure] = {}
    try:
        for name, func in _selected(args.only):
            t0 = time.perf_counter()
            console.print(f"[bold]{name}[/] ...")
            for figure in _safe(func, ctx, name):
                results[figure.name] = figure
            console.print(f"   {time.perf_counter() - t0:.0f} s")
        results.update({f.name: f for f in figures.growth(ctx)})
        if args.only is None or set(MEMORY) & set(args.only):
            peak = figures.peak_rss(ctx)
            results[peak.name] = peak
            ratio = figures.peak_rss_ratio(ctx)
            results[ratio.name] = ratio
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = time.perf_counter() - started
    _write(args.output, results, total=total, quick=args.quick, merge=args.only is not None)
    print_table(console, results, total, args.output)
    return 0


def _selected(only: list[str] | None) -> list[tuple[str, Callable[[figures.Context], list[Figure]]]]:
    if only and "peak_rss_vs_openpyxl_roundtrip" in only:  # needs advance and its openpyxl baseline
        only = [*only, "advance_vs_openpyxl_roundtrip"]
    chosen = [(n, f) for n, f in figures.FIGURES.items() if only is None or n in only]
    unknown = set(only or ()) - set(figures.FIGURES) - set(MEMORY)
    if unknown:
        raise SystemExit(f"unknown figure(s): {', '.join(sorted(unknown))}")
    return chosen


def _safe(func: Callable[[figures.Context], list[Figure]], ctx: figures.Context, name: str) -> list[Figure]:
    """A figure that cannot be measured is recorded with its reason, never aborting the bench."""
    try:
        return func(ctx)
    except Exception as exc:  # a missing or broken product module must not stop the other figures
        return [Figure(name, None, "", None, f"tidak terukur: {type(exc).__name__}: {exc}")]


def _write(path: Path, results: dict[str, Figure], *, total: float, quick: bool, merge: bool = False) -> None:
    """Write the figures; with ``merge`` (a partial run) the other figures already in the file stay."""
    old = json.loads(path.read_text(encoding="utf-8")) if merge and path.exists() else {}
    fresh = {n: f.as_json() for n, f in results.items()}
    combined = {**{k: v for k, v in old.items() if k != "_run"}, **fresh}
    ordered = {n: combined[n] for n in ORDER if n in combined}
    ordered.update({n: v for n, v in sorted(combined.items()) if n not in ORDER})
    ordered["_run"] = {
        "value": round(total, 1),
        "unit": "s",
        "baseline": None,
        "note": (
            f"{dt.datetime.now():%Y-%m-%d %H:%M}; {'quick' if quick else 'full'} profile; "
            f"Python {sys.version.split()[0]}"
        ),
    }
    path.write_text(json.dumps(ordered, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def print_table(console: Console, results: dict[str, Figure], total: float, path: Path = RESULTS) -> None:
    table = Table(title=f"Hasil benchmark ({total / 60:.1f} menit)")
    for head in ("Ukuran", "Nilai", "Satuan", "Pembanding", "Target", "OK"):
        table.add_column(head, overflow="fold")
    names = [n for n in ORDER if n in results] + sorted(n for n in results if n not in ORDER)
    for name in names:
        f = results[name]
        ok = f.ok()
        mark = "" if ok is None else ("ya" if ok else "[red]TIDAK[/]")
        table.add_row(name, _num(f.value), f.unit, _num(f.baseline), f.target, mark)
    console.print(table)
    for name in names:
        console.print(f"[bold]{name}[/]: {results[name].note}")
    console.print(f"Tersimpan di {path}.")


def _num(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"


if __name__ == "__main__":
    sys.exit(main())
