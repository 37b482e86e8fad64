"""Shared fixtures and the test profile: registers built once per run, nothing written inside the repo.

Quick profile by default (``make test``); ``PPID_LONG_TESTS=1`` (``make test-long``) runs the long
one: more hypothesis examples, more kills, larger registers.  Sizes live next to the tests as
``LONG``-dependent constants.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from _factories import PINNED_NOW
from _libreoffice import kept_running
from filelock import FileLock
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir
from hypothesis.database import DirectoryBasedExampleDatabase

from automation.clock import PIN_VARIABLE
from automation.excel.builder import build_register
from automation.letters.pdf import PROFILE_VARIABLE

LONG = os.environ.get("PPID_LONG_TESTS") == "1"
REPO = Path(__file__).resolve().parent.parent

# Every `ppid` the tests start (in-process or as a subprocess) runs on the pinned moment, so the
# suite passes on any day of the year; tests/test_clock.py runs the one check on the real clock.
os.environ[PIN_VARIABLE] = PINNED_NOW.isoformat()

# Hypothesis keeps its example database (failing examples are replayed on the next run) outside the
# repository: one folder per user in the system temp directory, instead of ./.hypothesis.
HYPOTHESIS_HOME = (
    Path(tempfile.gettempdir()) / f"ppid-hypothesis-{os.getuid() if hasattr(os, 'getuid') else 0}"
)
set_hypothesis_home_dir(HYPOTHESIS_HOME)
settings.register_profile("ppid", database=DirectoryBasedExampleDatabase(HYPOTHESIS_HOME / "examples"))
settings.load_profile("ppid")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Stop when ``--dist loadgroup`` silently stops grouping (pytest-xdist#1386, pytest 9.2):
    grouped tests would then build their expensive module fixtures on both workers."""
    if getattr(config.option, "loadgroup", False):
        lost = [
            item.nodeid for item in items if item.get_closest_marker("xdist_group") and "@" not in item.nodeid
        ]
        if lost:
            raise pytest.UsageError(
                f"xdist_group ignored by this pytest/pytest-xdist pair (e.g. {lost[0]}); "
                "install the versions pinned in pyproject.toml"
            )


# ---------------------------------------------------------------- registers built once per run
@pytest.fixture(scope="session")
def built_once(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Callable[..., Path]:
    """``built_once(key, build, into)``: ``build(path)`` runs once per run for ``key`` (shared by the
    xdist workers); each call returns a private copy of the result in the folder ``into``.

    ``key`` must name every parameter of the build (e.g. ``"sample-16-8"``).
    """
    base = tmp_path_factory.getbasetemp()
    cache = (base if worker_id == "master" else base.parent) / "built-once"
    cache.mkdir(exist_ok=True)

    def get(key: str, build: Callable[[Path], Path], into: Path, name: str = "register_ppid.xlsm") -> Path:
        folder = cache / key
        with FileLock(str(cache / f"{key}.lock")):
            if not (folder / ".done").exists():
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir()
                build(folder / name)
                (folder / ".done").touch()
        into.mkdir(parents=True, exist_ok=True)
        return Path(shutil.copyfile(folder / name, into / name))

    return get


@pytest.fixture(scope="session")
def blank(built_once: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_once(
        "blank-2026", lambda p: build_register(p, year=2026, force=True), tmp_path_factory.mktemp("blank")
    )


@pytest.fixture
def register(blank: Path, tmp_path: Path) -> Path:
    path = tmp_path / "register_ppid.xlsm"
    shutil.copy(blank, path)
    return path


# ---------------------------------------------------------------- LibreOffice
@pytest.fixture(scope="session", autouse=True)
def soffice_profile(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Iterator[Path]:
    """One LibreOffice profile per worker, reused by every conversion (in-process and ``ppid`` subprocesses),
    and one LibreOffice kept running on it that takes each conversion over (:mod:`_libreoffice`).

    A fresh profile costs each soffice call its first-start set-up; calls within a worker never overlap.
    """
    base = tmp_path_factory.getbasetemp()
    profile = base / f"libreoffice-{worker_id}"
    with pytest.MonkeyPatch.context() as mp, kept_running(profile, base / f"libreoffice-doc-{worker_id}"):
        mp.setenv(PROFILE_VARIABLE, str(profile))
        yield profile


@pytest.fixture
def cold_libreoffice(tmp_path_factory: pytest.TempPathFactory, worker_id: str, monkeypatch) -> Path:
    """A profile nothing keeps running: soffice converts itself and prints why a file could not be loaded."""
    profile = tmp_path_factory.getbasetemp() / f"libreoffice-dingin-{worker_id}"
    monkeypatch.setenv(PROFILE_VARIABLE, str(profile))
    return profile


@pytest.fixture
def soffice_profile_uri(soffice_profile: Path) -> str:
    """``-env:UserInstallation=`` value for tests that start soffice themselves."""
    return soffice_profile.as_uri()


# ---------------------------------------------------------------- nothing written inside the repo
def _repo_files() -> set[str] | None:
    """Untracked and ignored paths of the repository (bytecode caches aside); None without git."""
    if not (REPO / ".git").exists() or shutil.which("git") is None:
        return None
    done = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"], cwd=REPO, capture_output=True, text=True
    )
    if done.returncode != 0:
        return None
    return {
        line[3:]
        for line in done.stdout.splitlines()
        if line[:2] in ("??", "!!") and "__pycache__" not in line
    }


@pytest.fixture(scope="session", autouse=True)
def nothing_written_in_the_repo(worker_id: str) -> Iterator[None]:
    """The suite fails when a test leaves a new file inside the repository (checked once per worker)."""
    before = _repo_files()
    yield
    after = _repo_files()
    if before is not None and after is not None:
        new = sorted(after - before)
        assert not new, f"tests wrote inside the repository: {new[:20]}"
