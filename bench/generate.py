"""Synthetic registers for the benchmarks: 1,000 / 10,000 requests across all SOP steps (fixed seed).

The product code does the work: ``automation.demo`` invents the requests and the staff input,
the advance planner moves them, and everything happens in memory (``automation.memory``) — the
file is built once at the end (builder + one openpyxl pass through the layout writer).  The
register is *clean* (no validation findings) and about 5% of the open rows are complete and
ready to move, so ``ppid advance`` has real work.  Files are cached under ``bench/data/``.

    python -m bench.generate 1000 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from automation.changes import Changes
from automation.demo.data import Scenario, nik_for, scenarios
from automation.demo.simulate import intake_rows, staff_fill
from automation.excel.reader import read_register
from automation.memory import apply_changes
from automation.register import Register
from automation.schema import FIRST_DATA_ROW, STAGES
from automation.workdays import WorkCalendar

DATA_DIR = Path(__file__).resolve().parent / "data"
SEED = 2026
REFERENCE_DAY = dt.date(2026, 11, 26)  # the registers describe the year up to this day (or up to today)
SPAN_DAYS = 300  # requests received over the last ~ten months
SETTLED_AFTER = 60  # requests older than this many days are archived
READY_SHARE = 0.05  # share of open stage rows made complete (ready to move) but not moved
MAX_ROUNDS = 30
GENERATOR_VERSION = 2
DONE = "Selesai"


def reference_day() -> dt.date:
    """The day the synthetic registers end: fixed, so every run measures the same files (never in the
    future)."""
    return min(dt.date.today(), REFERENCE_DAY)


def register_path(count: int, today: dt.date, seed: int = SEED) -> Path:
    """Where the register of ``count`` requests generated on ``today`` is cached."""
    return DATA_DIR / f"register_{count}_s{seed}_v{GENERATOR_VERSION}_{today:%Y%m%d}.xlsm"


def ensure_register(count: int, *, today: dt.date | None = None, seed: int = SEED, log=print) -> Path:
    """The cached register for ``count`` requests, generated first when missing."""
    today = today or reference_day()
    path = register_path(count, today, seed)
    if path.exists() and path.with_suffix(".json").exists():
        return path
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    for old in DATA_DIR.glob(f"register_{count}_s{seed}_*.*"):
        old.unlink()  # an older day's or version's copy
    generate(path, count, today=today, seed=seed, log=log)
    return path


# ---------------------------------------------------------------- scenarios
def bench_scenarios(count: int, *, today: dt.date, seed: int) -> list[Scenario]:
    """The demo's scenarios, made clean and settled the way a year's register would look."""
    plan = scenarios(count, today=today, seed=seed, span_days=SPAN_DAYS)
    rng = random.Random(seed + 1)
    calendar = WorkCalendar()
    for s in plan:
        if s.mistake:
            _fix_mistake(s, rng)
        _office_hours(s, calendar)
        if (today - s.received.date()).days > SETTLED_AFTER:
            s.target_step = 11
    return plan


def _office_hours(s: Scenario, calendar: WorkCalendar) -> None:
    """Receipts on a working day within office hours (the demo puts a few outside on purpose)."""
    received = s.received
    day = received.date()
    while not calendar.is_working_day(day):
        day -= dt.timedelta(days=1)
    clock = received.time() if received.time() < dt.time(15, 30) else dt.time(15, 0)
    s.received = s.values["waktu_diterima"] = dt.datetime.combine(day, clock)


def _fix_mistake(s: Scenario, rng: random.Random) -> None:
    """Undo the entry mistake the demo injects (the bench register must validate clean)."""
    v = s.values
    v["nik"] = nik_for(rng, "6171", rng.random() < 0.5)
    v["email"] = f"pemohon{s.index}@contoh.id"
    v["telepon"] = f"0812{rng.randrange(10**7, 10**8)}"
    v["tujuan"] = v.get("tujuan") or s.topic.tujuan
    s.mistake = ""


# ---------------------------------------------------------------- in-memory drive
def apply_fast(reg: Register, changes: Changes) -> None:
    """``memory.apply_changes`` with an index for the cell updates (it scans rows per cell)."""
    rest = Changes(appends=changes.appends, log=changes.log, status=changes.status, home=changes.home)
    index = {key: {r.row: r for r in data.records} for key, data in reg.sheets.items()}
    for (key, row), values in changes.cells.items():
        record = index.get(key, {}).get(row)
        if record is None:
            rest.cells[(key, row)] = values
            continue
        columns = reg.sheets[key].columns
        record.values.update({k: v for k, v in values.items() if k in columns})
    apply_changes(reg, rest)


def drive(reg: Register, plan: list[Scenario], *, today: dt.date, now: dt.datetime, log=print) -> dict:
    """Run advance and simulated staff input in memory until nothing moves; return statistics."""
    from automation.workflow.advance import plan_advance

    apply_fast(reg, Changes(appends={"permohonan": intake_rows(plan)}))
    stats = {"rounds": 0, "moved": 0}
    last: Changes | None = None
    for _ in range(MAX_ROUNDS):
        changes, summary = plan_advance(reg, today=today, now=now, trigger="Bench", user="bench")
        apply_fast(reg, changes)
        if changes:
            last = changes
        moved = _moved(summary)
        fill = staff_fill(reg, plan, today=today)
        apply_fast(reg, fill)
        stats["rounds"] += 1
        stats["moved"] += moved
        log(f"  putaran {stats['rounds']}: {moved} pindah, {len(fill.cells)} baris diisi")
        if not moved and not fill:
            break
    stats["home"] = last.home if last is not None else None
    stats["status"] = dict(last.status) if last is not None else {}
    return stats


def _moved(summary: object) -> int:
    """Moves in an advance summary (``moved_count`` is a method or a number, by version)."""
    value = getattr(summary, "moved_count", 0)
    return int((value() if callable(value) else value) or 0)


def make_ready(reg: Register, plan: list[Scenario], *, today: dt.date, share: float, seed: int) -> int:
    """Complete ``share`` of the open stage rows (staff input) without moving them."""
    by_index = {s.index: s for s in plan}
    open_requests = []
    for record in reg.records("permohonan"):
        s = by_index.get(record.row - FIRST_DATA_ROW)
        if s is not None and s.target_step < 11:
            open_requests.append(s)
    rng = random.Random(seed + 2)
    chosen = rng.sample(open_requests, k=min(len(open_requests), round(share * len(plan))))
    for s in chosen:
        s.target_step = 11  # staff_fill completes the current row of every request aiming further
    fill = staff_fill(reg, plan, today=today)
    apply_fast(reg, fill)
    return len({row for _, row in fill.cells})


# ---------------------------------------------------------------- file
def write_file(path: Path, reg: Register, *, year: int, stats: dict) -> None:
    """Build an empty register, then write every record in one openpyxl pass (layout writer)."""
    from automation.excel.builder import build_register
    from automation.excel.layout import resolve
    from automation.excel.preserve import roundtrip_openpyxl
    from automation.excel.writer import write_layout

    tmp = path.with_name(f"{path.stem}_building.xlsm")
    empty_path = path.with_name(f"{path.stem}_empty.xlsm")
    build_register(empty_path, force=True, year=year)
    empty = read_register(empty_path)
    changes = Changes(home=stats.get("home"), status=dict(stats.get("status") or {}))
    for key in [s.key for s in STAGES] + ["log"]:
        records = sorted(reg.records(key), key=lambda r: r.row)
        if records:
            changes.appends[key] = [dict(r.values) for r in records]
    layout = resolve(empty, changes)
    if layout.unplaced:
        raise RuntimeError("; ".join(layout.unplaced))
    roundtrip_openpyxl(empty_path, tmp, lambda wb: write_layout(wb, layout))
    tmp.replace(path)
    for leftover in (empty_path, empty_path.with_suffix(".py")):
        leftover.unlink(missing_ok=True)


def findings_of(path: Path, today: dt.date) -> list:
    from automation.validation import validate_register

    return validate_register(read_register(path), today=today).findings


def generate(path: Path, count: int, *, today: dt.date, seed: int = SEED, log=print) -> dict:
    """Generate the register of ``count`` requests at ``path``; metadata goes to ``path.json``."""
    from automation.excel.builder import build_register

    started = time.perf_counter()
    now = dt.datetime.combine(today, dt.time(15, 0))
    plan = bench_scenarios(count, today=today, seed=seed)
    year = min(s.received for s in plan).year
    scratch = path.with_name(f"{path.stem}_scratch.xlsm")
    build_register(scratch, force=True, year=year)
    reg = read_register(scratch)
    scratch.unlink()
    scratch.with_suffix(".py").unlink(missing_ok=True)
    log(f"Membuat register sintetis {count} permohonan ({path.name})")
    stats = drive(reg, plan, today=today, now=now, log=log)
    stats["ready_rows"] = make_ready(reg, plan, today=today, share=READY_SHARE, seed=seed)
    write_file(path, reg, year=year, stats=stats)
    findings = findings_of(path, today)
    meta = {
        "count": count,
        "seed": seed,
        "today": today.isoformat(),
        "rounds": stats["rounds"],
        "moved": stats["moved"],
        "ready_rows": stats["ready_rows"],
        "rows": {key: len(reg.records(key)) for key in [s.key for s in STAGES] + ["log"]},
        "findings": len(findings),
        "finding_codes": sorted({f.code for f in findings}),
        "seconds": round(time.perf_counter() - started, 1),
    }
    if findings:
        log(f"  PERINGATAN: register tidak bersih ({len(findings)} temuan): {meta['finding_codes']}")
        for f in findings[:10]:
            log(f"   - {f.location()}: {f.code} {f.message}")
    path.with_suffix(".json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    log(f"  selesai dalam {meta['seconds']} s: {meta['rows']}")
    return meta


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--force", action="store_true", help="regenerate even when cached")
    args = parser.parse_args(list(argv) if argv is not None else None)
    for count in args.counts:
        if args.force:
            register_path(count, reference_day(), args.seed).unlink(missing_ok=True)
        print(ensure_register(count, seed=args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
