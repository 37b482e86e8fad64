"""Shared fixtures: a freshly built register (built once per worker) and a private copy per test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from _factories import PINNED_NOW

from automation.clock import PIN_VARIABLE
from automation.excel.builder import build_register

# Every `ppid` the tests start (in-process or as a subprocess) runs on the pinned moment, so the
# suite passes on any day of the year; tests/test_clock.py runs the one check on the real clock.
os.environ[PIN_VARIABLE] = PINNED_NOW.isoformat()


@pytest.fixture(scope="session")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_register(tmp_path_factory.mktemp("blank") / "register_ppid.xlsm", year=2026)


@pytest.fixture
def register(blank: Path, tmp_path: Path) -> Path:
    path = tmp_path / "register_ppid.xlsm"
    shutil.copy(blank, path)
    return path
