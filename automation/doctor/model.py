"""What a doctor check returns (status, Indonesian message, what to do) and what the checks look at."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from .system import System


class Status(enum.Enum):
    OK = "ok"
    PERINGATAN = "peringatan"  # the buttons may work, but something will bite (a prompt, a slow path)
    MASALAH = "masalah"  # the buttons will not work until this is fixed
    LEWATI = "lewati"  # not applicable here (a Windows-only probe on another system, an earlier problem)


@dataclass(frozen=True)
class Result:
    """One check's verdict; ``action`` says what to do (empty when nothing is needed)."""

    code: str
    title: str
    status: Status
    message: str
    action: str = ""
    fixable: bool = False  # ``--perbaiki`` can fix it


@dataclass
class Context:
    """What every check reads: the register, its xlwings.conf values, and the PC (through ``system``)."""

    path: Path
    system: System
    conf: dict[str, str] | None  # None: the workbook has no xlwings.conf sheet
    versions: dict[str, str | None] = field(default_factory=dict)  # this ppid's own packages


@dataclass
class Diagnosis:
    """All results for one register, in check order."""

    path: Path
    results: list[Result]

    @property
    def problems(self) -> list[Result]:
        return [r for r in self.results if r.status in (Status.MASALAH, Status.PERINGATAN)]

    @property
    def ok(self) -> bool:
        return not self.problems
