"""Excel round trips per button click, counted through xlwings' remote engine on a register file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from automation.operation import Operation

# "documents" is left out: on 10,000 requests one click would render every due letter of the year;
# tests/test_buttons.py checks that its action count does not grow with the number of rows.
ACTIONS = (Operation.VALIDATE, Operation.ADVANCE, Operation.REPORT)


def actions_per_click(path: Path, today: dt.date) -> dict[str, int]:
    """Action -> number of actions one click returns (each click on a fresh copy of ``path``)."""
    from automation.remote_click import count_actions

    now = dt.datetime.combine(today, dt.time(15, 0))
    return {action: count_actions(path, action, now=now) for action in ACTIONS}
