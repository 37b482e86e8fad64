"""The CLI's progress display: one rich bar fed by the library's ``progress(done, total, label)`` calls.

Quiet when stdout is not a terminal (a file, a pipe, a scheduled task), except the one line that
says a run is waiting for another run's lock, which goes to stderr so a log shows the pause.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, Task, TextColumn, TimeElapsedColumn
from rich.table import Column
from rich.text import Text

from .progress import WAITING_FOR_LOCK
from .progress import Progress as ProgressCallback

LABEL_WIDTH = 34  # with the bar (24), the count and the clock a line stays under 80 columns


class CountColumn(MofNCompleteColumn):
    """``12/40`` when the step has a count; nothing (never ``0/?``) when it has none."""

    def render(self, task: Task) -> Text:
        return super().render(task) if task.total else Text("")


@contextmanager
def progress_view(console: Console, err_console: Console) -> Iterator[ProgressCallback]:
    """A progress callback: a transient bar on a terminal, silence otherwise."""
    if not console.is_terminal:

        def quiet(done: int, total: int, label: str) -> None:
            if label == WAITING_FOR_LOCK:
                err_console.print(label)

        yield quiet
        return
    columns = (
        TextColumn(
            "{task.description}", table_column=Column(width=LABEL_WIDTH, no_wrap=True, overflow="ellipsis")
        ),
        BarColumn(bar_width=24),
        CountColumn(),
        TimeElapsedColumn(),  # the bar pulses while a step has no count
    )
    with Progress(*columns, console=console, transient=True, expand=False) as bar:
        task = bar.add_task("Memulai…", total=None)

        def update(done: int, total: int, label: str) -> None:
            bar.update(task, completed=done, total=total or None, description=label)

        yield update
