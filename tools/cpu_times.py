"""CPU seconds per test (pytest plugin) and per file (report): the suite's cost on a busy machine.

Wall time (``--durations``) swells when other work shares the cores; CPU time (this process and
the children it waited for: ``ppid`` subprocesses, LibreOffice) does much less::

    PYTHONPATH=tools CPU_TIMES=/tmp/cpu .venv/bin/pytest -n 2 --dist loadgroup -p cpu_times
    .venv/bin/python tools/cpu_times.py /tmp/cpu   # per worker, per file, then the 40 costliest phases
"""

from __future__ import annotations

import collections
import os
import resource
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_ROWS: list[tuple[str, str, float]] = []
DEFAULT = Path(tempfile.gettempdir()) / "ppid-cpu-times"  # never inside the repository


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _timed(item: pytest.Item, phase: str) -> Iterator[None]:
    start = _cpu()
    yield
    _ROWS.append((item.nodeid, phase, _cpu() - start))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    yield from _timed(item, "setup")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    yield from _timed(item, "call")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    yield from _timed(item, "teardown")


def pytest_sessionfinish(session: pytest.Session) -> None:
    folder = Path(os.environ.get("CPU_TIMES") or DEFAULT)
    folder.mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "master")
    lines = [f"#total\t{_cpu():.2f}"] + [f"{node}\t{phase}\t{cpu:.3f}" for node, phase, cpu in _ROWS]
    (folder / f"{worker}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def report(folder: Path, top: int = 40) -> str:
    """Per worker total, per file total, then the ``top`` costliest (test, phase) pairs."""
    per_file: collections.Counter[str] = collections.Counter()
    per_phase: collections.Counter[tuple[str, str]] = collections.Counter()
    out = []
    for table in sorted(folder.glob("*.tsv")):
        for line in table.read_text(encoding="utf-8").splitlines():
            if line.startswith("#total"):
                total = float(line.split()[1])
                out.append(f"{table.stem}: {total:.1f} s CPU (with collection; master: the whole run)")
                continue
            node, phase, cpu = line.split("\t")
            per_file[node.split("::")[0]] += float(cpu)
            per_phase[(node, phase)] += float(cpu)
    out.append(f"tests: {sum(per_file.values()):.1f} s CPU")
    out += [f"{cpu:7.1f}  {name}" for name, cpu in per_file.most_common()]
    out += [f"{cpu:7.2f}  {phase:8} {node}" for (node, phase), cpu in per_phase.most_common(top)]
    return "\n".join(out)


if __name__ == "__main__":
    print(report(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
