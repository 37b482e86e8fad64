"""Shared fixtures: a freshly built register (built once per worker) and a private copy per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from automation.excel.builder import build_register


@pytest.fixture(scope="session")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_register(tmp_path_factory.mktemp("blank") / "register_ppid.xlsm", year=2026)


@pytest.fixture
def register(blank: Path, tmp_path: Path) -> Path:
    path = tmp_path / "register_ppid.xlsm"
    shutil.copy(blank, path)
    return path
