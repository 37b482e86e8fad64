"""Measuring tools for the benchmarks: timed subprocesses with their peak memory, medians, figures."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


@dataclass
class Run:
    """One finished process: wall seconds, peak resident memory (MB), exit code, last stderr line."""

    seconds: float
    rss_mb: float
    code: int
    error: str = ""


@dataclass
class Figure:
    name: str
    value: float | None
    unit: str
    baseline: float | None
    note: str
    target: str = ""  # e.g. "<= 2.0"; shown in the table and the note

    def ok(self) -> bool | None:
        if self.value is None or not self.target:
            return None
        op, limit = self.target.split()
        value, bound = round(self.value, 2), float(limit)
        return {"<=": value <= bound, ">=": value >= bound, "==": value == bound}[op]

    def as_json(self) -> dict:
        note = self.note + (f" Target {self.target}." if self.target else "")
        return {
            "value": None if self.value is None else round(self.value, 3),
            "unit": self.unit,
            "baseline": None if self.baseline is None else round(self.baseline, 3),
            "note": note.strip(),
        }


@dataclass
class Series:
    """Repeated runs of one thing; the figure uses the median."""

    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.rss_mb for r in self.runs)

    @property
    def codes(self) -> set[int]:
        return {r.code for r in self.runs}

    def failed(self, allowed: Sequence[int] = (0,)) -> str:
        bad = [r for r in self.runs if r.code not in allowed]
        return f"exit {bad[0].code}: {bad[0].error}" if bad else ""


def run_process(args: Sequence[str], *, cwd: Path | None = None, env: dict | None = None) -> Run:
    """Run ``python args...``; wall time and the process's own peak resident memory.

    The peak is the kernel's high-water mark of the child's address space (``VmHWM``), polled while
    it runs: ``ru_maxrss`` from ``wait4`` is no good here, it inherits the high-water mark of the
    (large) bench process that forked the child.
    """
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [PYTHON, *args],
            cwd=cwd or ROOT,
            stdout=subprocess.DEVNULL,
            stderr=err,
            env={**os.environ, **(env or {})},
        )
        peak_kb = 0
        while proc.poll() is None:
            peak_kb = max(peak_kb, _high_water_kb(proc.pid))
            time.sleep(POLL)
        seconds = time.perf_counter() - start
        err.seek(0)
        lines = [x for x in err.read().decode("utf-8", "replace").splitlines() if x.strip()]
    return Run(seconds, peak_kb / 1024, proc.returncode, lines[-1] if lines else "")


POLL = 0.01  # seconds between memory samples (also the resolution of the wall time)


def _high_water_kb(pid: int) -> int:
    """VmHWM of ``pid`` from /proc (Linux); elsewhere the current RSS through psutil."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss // 1024
    except Exception:  # the process may have ended between poll() and here
        return 0


def repeat(
    times: int,
    make_args: Callable[[int], Sequence[str]],
    *,
    cwd: Path | None = None,
    before: Callable[[int], None] | None = None,
) -> Series:
    """Run ``times`` processes; ``before(i)`` prepares each (e.g. a fresh copy) outside the timing."""
    series = Series()
    for i in range(times):
        if before is not None:
            before(i)
        series.runs.append(run_process(make_args(i), cwd=cwd))
    return series


def timed(times: int, func: Callable[[], object]) -> list[float]:
    """In-process timings (seconds) of ``func``."""
    out = []
    for _ in range(times):
        start = time.perf_counter()
        func()
        out.append(time.perf_counter() - start)
    return out


def fresh_copy(src: Path, folder: Path, name: str = "register_bench.xlsm") -> Path:
    """A pristine copy of ``src`` in an emptied ``folder`` (no output/, backups or locks left)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    target = folder / name
    shutil.copyfile(src, target)
    return target


def ratio(value: float | None, baseline: float | None) -> float | None:
    if value is None or not baseline:
        return None
    return value / baseline
