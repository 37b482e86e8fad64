"""Faults on real registers through the real CLI: kill -9 mid-run, concurrent runs, Excel open, disk full.

Every command runs as its own process (``python -m automation ...``) on a copy of one sample
register.  Quick profile by default; ``PPID_LONG_TESTS=1`` kills many more runs.
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import errno
import io
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from _factories import PINNED_TODAY
from _remote import sheet_values
from click.testing import CliRunner
from python_calamine import CalamineWorkbook

from automation.changes import Changes
from automation.cli import main
from automation.demo.data import scenarios
from automation.demo.simulate import intake_rows, staff_fill
from automation.excel.builder import build_register
from automation.excel.layout import resolve
from automation.excel.preserve import roundtrip_openpyxl
from automation.excel.reader import read_register
from automation.excel.writer import touched_rows, write_layout
from automation.memory import apply_changes
from automation.schema import DOCUMENTS, FIRST_DATA_ROW, LOG, STAGES, STATUS_ROW

LONG = os.environ.get("PPID_LONG_TESTS") == "1"
KILLS = 40 if LONG else 1  # each kill costs two CLI processes (~3 s)
NAME = "register_ppid.xlsm"
TODAY = PINNED_TODAY  # the CLI runs on the pinned clock (PPID_SEKARANG, set in conftest)
TIMEOUT = 180

pytestmark = pytest.mark.xdist_group("faults")  # these tests start many processes: keep them on one worker


# ------------------------------------------------------------- helpers (also used by test_fuzz, test_privacy)
def make_sample(path: Path, *, count: int, today: dt.date, rounds: int) -> Path:
    """A register of ``count`` demo requests moved ``rounds`` times in memory, open rows filled by staff.

    Written once with the product's layout writer, as the bench generator does.
    """
    from automation.workflow.advance import plan_advance

    plan = scenarios(count, today=today)
    build_register(path, force=True, year=min(s.received for s in plan).year)
    empty, reg = read_register(path), read_register(path)
    now = dt.datetime.combine(today, dt.time(9, 0))
    apply_changes(reg, Changes(appends={"permohonan": intake_rows(plan)}))
    for _ in range(rounds):
        changes, _summary = plan_advance(reg, today=today, now=now, trigger="Uji", user="uji")
        apply_changes(reg, changes)
        apply_changes(reg, staff_fill(reg, plan, today=today))
    changes = Changes()
    for key in [s.key for s in STAGES] + [LOG.key]:
        if reg.records(key):
            changes.appends[key] = [dict(r.values) for r in sorted(reg.records(key), key=lambda r: r.row)]
    layout = resolve(empty, changes)
    assert not layout.unplaced, layout.unplaced
    tmp = path.with_name(f"{path.stem}_tmp.xlsm")
    roundtrip_openpyxl(path, tmp, lambda wb: write_layout(wb, layout), rows=touched_rows(layout))
    tmp.replace(path)
    return path


def ppid(*args: Any, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "automation", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=cwd,
    )


def copy_into(src: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / NAME
    shutil.copyfile(src, target)
    return target


def snapshot(path: Path) -> dict[str, list[list[Any]]]:
    """Every cell value, minus what depends on the clock: status cells (A5) and Log timestamps."""
    values = sheet_values(path)
    for grid in values.values():
        if len(grid) >= STATUS_ROW and grid[STATUS_ROW - 1]:
            grid[STATUS_ROW - 1][0] = ""
    log = values.get(LOG.name, [])
    for line in log[FIRST_DATA_ROW - 1 :]:
        if line:
            line[0] = ""
    return values


def opens(path: Path) -> None:
    """The workbook opens in python-calamine (every sheet) and reads as a register."""
    book = CalamineWorkbook.from_path(str(path))
    try:
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()
    finally:
        book.close()
    read_register(path)


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr


@pytest.fixture(scope="session")
def sample(built_once: Callable[..., Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """16 demo requests over all steps, open rows completed by staff: advance and documents have work."""
    build = lambda p: make_sample(p, count=16, today=TODAY, rounds=4)  # noqa: E731
    return built_once("sample-16-4", build, tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def after_advance(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, float]:
    path = copy_into(sample, tmp_path_factory.mktemp("after_advance"))
    start = time.perf_counter()
    result = ppid("advance", path)
    assert result.returncode == 0, result.stderr
    return snapshot(path), time.perf_counter() - start


@pytest.fixture(scope="session")
def after_documents(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, float]:
    path = copy_into(sample, tmp_path_factory.mktemp("after_documents"))
    start = time.perf_counter()
    result = ppid("documents", path)
    assert result.returncode == 0, result.stdout + result.stderr
    return snapshot(path), time.perf_counter() - start


def test_sample_has_work_for_both_commands(
    sample: Path, after_advance: tuple, after_documents: tuple
) -> None:
    before = snapshot(sample)
    assert after_advance[0] != before and after_documents[0] != before


# ---------------------------------------------------------------- kill -9
def kill_during(command: str, path: Path, delay: float) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "automation", command, str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=TIMEOUT)


def delays(duration: float, count: int, seed: int) -> list[float]:
    """Kill moments spread over the run, weighted to its second half (where the file is written)."""
    rng = random.Random(seed)
    return [duration * rng.uniform(0.25, 1.05) for _ in range(count)]


def test_kill_during_advance_leaves_old_or_new_workbook(
    sample: Path, after_advance: tuple, tmp_path: Path
) -> None:
    before, (after, duration) = snapshot(sample), after_advance
    mid_write = 0  # kills that hit the save itself (its temp file was left behind)
    for i, delay in enumerate(delays(duration, KILLS, seed=7)):
        path = copy_into(sample, tmp_path / f"run{i}")
        kill_during("advance", path, delay)
        opens(path)
        assert snapshot(path) in (before, after), f"kill after {delay:.2f}s left a third state"
        mid_write += bool(list(path.parent.glob(".*.tmp-*")))
        rerun = ppid("advance", path)  # a run after the crash cleans up and completes the work
        assert rerun.returncode == 0, rerun.stderr
        assert snapshot(path) == after
        assert not list(path.parent.glob(".*.tmp-*")), "temp file of the killed run left behind"
    assert mid_write or not LONG, "no kill landed while the workbook was being written"


def test_kill_during_documents_never_reuses_a_number(
    sample: Path, after_documents: tuple, tmp_path: Path
) -> None:
    before, (after, duration) = snapshot(sample), after_documents
    for i, delay in enumerate(delays(duration, KILLS, seed=11)):
        path = copy_into(sample, tmp_path / f"run{i}")
        kill_during("documents", path, delay)
        opens(path)
        assert snapshot(path) in (before, after), f"kill after {delay:.2f}s left a third state"
        rerun = ppid("documents", path)
        assert rerun.returncode == 0, rerun.stdout + rerun.stderr
        assert snapshot(path) == after
        check_document_numbers(path)


NUMBER_COLUMNS = {(d.sheet, d.prefix) for d in DOCUMENTS}


def registered_documents(path: Path) -> dict[str, str]:
    """Document number -> its file, from every nomor_/berkas_ column pair; numbers must be unique."""
    reg = read_register(path)
    out: dict[str, str] = {}
    for sheet, prefix in sorted(NUMBER_COLUMNS):
        for rec in reg.records(sheet):
            number = rec.text(f"nomor_{prefix}")
            if number:
                assert number not in out, (
                    f"{number} used twice ({out[number]} and {rec.text(f'berkas_{prefix}')})"
                )
                out[number] = rec.text(f"berkas_{prefix}")
    return out


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        xml = "".join(
            zf.read(n).decode("utf-8") for n in zf.namelist() if n.startswith("word/") and n.endswith(".xml")
        )
    xml = xml.replace("<w:noBreakHyphen/>", "-")  # the letter number's non-breaking hyphens
    return re.sub(r"<[^>]+>", "", re.sub(r"</w:p>", "\n", xml))


def check_document_numbers(path: Path) -> None:
    numbers = registered_documents(path)
    files = {p.resolve() for p in (path.parent / "output").rglob("*.docx")}
    recorded = {(path.parent / f).resolve() for f in numbers.values()}
    assert files == recorded, f"files without a register entry: {sorted(map(str, files - recorded))}"
    for number, file in numbers.items():
        assert number in docx_text(path.parent / file), f"{file} does not carry its number {number}"
    log = [r.text("keterangan") for r in read_register(path).records("log") if r.text("ke") == "dokumen"]
    for number in numbers:
        assert sum(number in line for line in log) == 1, f"{number}: not logged exactly once"


# ---------------------------------------------------------------- concurrency
def test_four_concurrent_advance_runs_serialize(sample: Path, after_advance: tuple, tmp_path: Path) -> None:
    path = copy_into(sample, tmp_path / "shared")
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "automation", "advance", str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=TIMEOUT) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], [o[1] for o in outputs]
    assert snapshot(path) == after_advance[0]  # one run's result: no update lost, none applied twice
    known = len(read_register(sample).records("log"))
    added = [
        (r.text("no_registrasi"), r.text("dari"), r.text("ke"))
        for r in read_register(path).records("log")[known:]
    ]
    assert added and len(added) == len(set(added)), "the Log holds a move twice"
    assert sum("Tidak ada perubahan" in out for out, _ in outputs) == 3


# ---------------------------------------------------------------- Excel has the file open
@pytest.mark.parametrize("command", ["advance", "documents"])
def test_excel_owner_file_refuses_and_leaves_the_file(sample: Path, tmp_path: Path, command: str) -> None:
    path = copy_into(sample, tmp_path)
    owner = path.with_name("~$" + NAME)
    owner.write_bytes(bytes([5]) + b"staf1" + bytes(160))
    original = path.read_bytes()
    result = ppid(command, path)
    no_traceback(result)
    assert result.returncode == 3
    assert "Excel" in result.stderr and "tutup" in result.stderr.lower()
    assert len(result.stderr.strip().splitlines()) <= 3
    assert path.read_bytes() == original


# ---------------------------------------------------------------- disk full
@contextlib.contextmanager
def tiny_disk(folder: Path, size_kb: int) -> Iterator[bool]:
    """Mount a ``size_kb`` tmpfs on ``folder``; yields False when mounting is not permitted here."""
    folder.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None or os.geteuid() != 0:
        yield False
        return
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        yield False
        return
    try:
        yield True
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system of ``folder`` leaving about ``leave`` bytes."""
    free = shutil.disk_usage(folder).free - leave
    with contextlib.suppress(OSError), (folder / "pengisi.bin").open("wb") as fh:
        fh.write(b"\0" * max(0, free))


@contextlib.contextmanager
def simulated_no_space(folder: Path) -> Iterator[None]:
    """Without a mount: every file opened for writing inside ``folder`` fails with ENOSPC (in-process)."""
    real_open = io.open
    inside = str(folder.resolve())

    def full_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        writing = any(m in mode for m in "wax+")
        if writing and isinstance(file, str | os.PathLike) and str(Path(file).resolve()).startswith(inside):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(file))
        return real_open(file, mode, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(io, "open", full_open)
        mp.setattr(builtins, "open", full_open)
        yield


def run_full(command: str, path: Path, mounted: bool, folder: Path) -> tuple[int, str]:
    """Run ``command`` on a full disk: a real process when mounted, else in-process with ENOSPC simulated."""
    if mounted:
        result = ppid(command, path)
        no_traceback(result)
        return result.returncode, result.stdout + result.stderr
    with simulated_no_space(folder):
        outcome = CliRunner().invoke(main, [command, str(path)])
    assert outcome.exception is None or isinstance(outcome.exception, SystemExit), outcome.exception
    return outcome.exit_code, outcome.output


def test_disk_full_beside_the_register(sample: Path, tmp_path: Path) -> None:
    folder = tmp_path / "kantor"
    size = sample.stat().st_size
    with tiny_disk(folder, size_kb=size // 1024 + 64) as mounted:
        path = copy_into(sample, folder)
        if mounted:
            fill(folder, leave=16 * 1024)
        original = path.read_bytes()
        code, output = run_full("advance", path, mounted, folder)
        assert code == 3, output
        assert "disk penuh" in output.lower() and "tidak diubah" in output.lower(), output
        assert path.read_bytes() == original
        assert not list(folder.glob(".*.tmp-*"))


def test_disk_full_in_the_output_folder(sample: Path, tmp_path: Path) -> None:
    path = copy_into(sample, tmp_path)
    out = tmp_path / "output"
    with tiny_disk(out, size_kb=64) as mounted:
        if mounted:
            fill(out)
        original = path.read_bytes()
        code, output = run_full("documents", path, mounted, out)
        assert code in (1, 3), output
        assert "disk penuh" in output.lower(), output
        assert path.read_bytes() == original, "register changed although no document could be written"
        assert not [p for p in out.rglob("*.docx")]


# ---------------------------------------------------------------- damaged input and `ppid pulihkan`
def _cli(*args: Any) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.output.split())


def _with_work(register: Path) -> Path:
    """The register with one new request (so advance has something to write) and one backup."""
    from test_workflow_kit import intake_row

    from automation import operations

    operations.commit(register, lambda reg: (Changes(appends={"permohonan": [intake_row()]}), None))
    return register


def _openpyxl_save(path: Path) -> None:
    """Another tool's plain openpyxl save: VML drawings 10+ are dropped, relationships dangle."""
    import openpyxl

    wb = openpyxl.load_workbook(path, keep_vba=True)
    wb.save(path)
    wb.vba_archive.close()


def test_input_damaged_by_another_tool_is_named_as_such_and_can_be_restored(register: Path) -> None:
    path = _with_work(register)
    good = path.read_bytes()
    _openpyxl_save(path)
    damaged = path.read_bytes()
    code, out = _cli("advance", path)
    assert code == 3, out
    assert "sudah rusak sebelum disimpan ppid" in out and "vmlDrawing1" in out
    assert "Hasil simpan tidak utuh" not in out
    assert "cadangan/" in out and f'ppid pulihkan "{path}" --daftar' in out
    assert path.read_bytes() == damaged  # untouched

    code, out = _cli("pulihkan", path, "--daftar")
    assert code == 0 and "1 Permohonan: 0" not in out and "register_ppid" in out
    code, out = _cli("pulihkan", path, "1")
    assert code == 0 and "dipulihkan" in out, out
    from automation.excel.safety import list_backups

    kept = list_backups(path)
    assert kept[-1].read_bytes() == damaged  # the damaged file is kept as the newest backup
    assert path.read_bytes() != damaged and _cli("advance", path)[0] == 0
    assert good  # the restored copy is the backup taken before the intake was added


def test_pulihkan_lists_rows_per_sheet_and_refuses_an_unknown_choice(register: Path) -> None:
    path = _with_work(_with_work(register))
    code, out = _cli("pulihkan", path, "--daftar")
    assert code == 0 and "1 Permohonan: 1" in out, out
    assert _cli("pulihkan", path, "9")[0] == 2
    assert _cli("pulihkan", path, "tidak-ada.xlsm")[0] == 2


def test_xlsx_renamed_xlsm_is_named(register: Path, tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(_with_work(register))
    renamed = tmp_path / "salah.xlsm"
    wb.save(tmp_path / "asli.xlsx")
    (tmp_path / "asli.xlsx").rename(renamed)
    before = renamed.read_bytes()
    code, out = _cli("advance", renamed)
    assert code == 3 and ".xlsx tanpa makro" in out and "pulihkan" in out, out
    assert renamed.read_bytes() == before


def test_encrypted_workbook_says_so_in_indonesian(register: Path, tmp_path: Path) -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    encrypted = tmp_path / "terkunci.xlsm"
    with register.open("rb") as src, encrypted.open("wb") as out:
        ooxml.OOXMLFile(src).encrypt("rahasia", out)
    for command in ("validate", "advance"):
        code, out = _cli(command, encrypted)
        assert code == 2 and "kata sandi" in out and "Error" not in out and "pulihkan" in out, out


def test_disk_full_in_the_report_folder_is_exit_3(register: Path, tmp_path: Path) -> None:
    out = register.parent / "output"
    out.mkdir()
    with simulated_no_space(out):
        result = CliRunner().invoke(main, ["report", str(register), "--month", "2026-11"])
    assert result.exit_code == 3, result.output
    assert "disk penuh" in result.output.lower() and "laporan" in result.output.lower()
