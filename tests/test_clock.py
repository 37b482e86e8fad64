"""Dates come from the register, never from the clock: only the adapters read "now".

The CLI (``automation/cli.py``) and the Excel buttons (``automation/buttons.py``) ask
``automation.clock.now()`` and pass the moment down; every other module takes it as an argument.
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from automation import clock
from automation.errors import UsageError

PACKAGE = Path(clock.__file__).parent
DATE_CALLS = {"today", "now", "utcnow"}  # on date/datetime (dt.date.today(), datetime.now())
TIME_CALLS = {"time", "time_ns", "localtime", "gmtime"}  # on the time module (time.time())
CLOCK_MODULE = PACKAGE / "clock.py"
ADAPTERS = {PACKAGE / "cli.py", PACKAGE / "buttons.py"}  # may call clock.now()


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _clock_reads(path: Path) -> list[str]:
    """Calls like date.today(), datetime.now(), time.time() (attribute calls on any object)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner, attr = ast.unparse(node.func.value), node.func.attr
        if (attr in DATE_CALLS and owner.split(".")[-1] in {"date", "datetime"}) or (
            attr in TIME_CALLS and owner == "time"
        ):
            found.append(f"{path.name}:{node.lineno} {ast.unparse(node.func)}()")
    return found


def _uses_clock_now(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and (node.module or "").endswith("clock")
            and any(alias.name == "now" for alias in node.names)
        ):
            return True
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "now"
            and ast.unparse(node.value).endswith("clock")
        ):
            return True
    return False


def test_no_module_but_the_clock_reads_the_wall_clock() -> None:
    reads = [hit for path in _modules() if path != CLOCK_MODULE for hit in _clock_reads(path)]
    assert reads == [], "library code reads the clock; take `now`/`today` as an argument instead"


def test_only_the_adapters_ask_the_clock_for_now() -> None:
    askers = {path for path in _modules() if path != CLOCK_MODULE and _uses_clock_now(path)}
    assert askers <= ADAPTERS, sorted(str(p.relative_to(PACKAGE)) for p in askers - ADAPTERS)


def test_the_scanner_sees_a_clock_read(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text(
        "import datetime as dt, time\nday = dt.date.today()\nat = dt.datetime.now()\n"
        "t = time.time()\nnoon = dt.time(12)\n"
    )
    assert len(_clock_reads(sample)) == 3


@pytest.mark.parametrize(
    ("day", "month"),
    [(dt.date(2026, 12, 2), "2026-11"), (dt.date(2027, 1, 1), "2026-12"), (dt.date(2026, 3, 31), "2026-02")],
)
def test_last_complete_month(day: dt.date, month: str) -> None:
    assert clock.last_complete_month(day) == month


def test_pinned_moment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.PIN_VARIABLE, "2027-01-01T08:30")
    assert clock.now() == dt.datetime(2027, 1, 1, 8, 30)
    monkeypatch.setenv(clock.PIN_VARIABLE, "besok")
    with pytest.raises(UsageError, match="PPID_SEKARANG"):
        clock.now()
    monkeypatch.delenv(clock.PIN_VARIABLE)
    assert abs(clock.now() - dt.datetime.now()) < dt.timedelta(seconds=5)
