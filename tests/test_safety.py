"""Writing the register safely: owner files, the run lock, backups, disk full, kill -9."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
import traceback
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook

from automation.errors import WriteRefused
from automation.excel.safety import (
    excel_owner_file,
    list_backups,
    lock_path,
    write_session,
)

ROOT = Path(__file__).resolve().parents[1]
ROWS = 50

# A separate process: `times` times, read the counter n under the lock and write n + 1 to every row.
WRITER = """
import sys
from pathlib import Path
import xlsxwriter
from python_calamine import CalamineWorkbook
from automation.excel.safety import write_session

def write(path, n):
    wb = xlsxwriter.Workbook(path, {"in_memory": True})
    ws = wb.add_worksheet("Data")
    for row in range({rows}):
        ws.write_number(row, 0, n)
    wb.close()

path, times = Path(sys.argv[1]), int(sys.argv[2])
for _ in range(times):
    with write_session(path, backups=3) as session:
        n = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()[0][0]
        session.save(lambda tmp: write(tmp, int(n) + 1))
""".replace("{rows}", str(ROWS))


def write_counter(path: Path, n: int, text: str = "") -> None:
    wb = xlsxwriter.Workbook(path, {"in_memory": True})
    ws = wb.add_worksheet("Data")
    for row in range(ROWS):
        ws.write_number(row, 0, n)
        if text:
            ws.write_string(row, 1, f"baris {row} {text}")
    wb.close()


def read_counter(path: Path) -> int:
    """The counter; asserts every row holds the same one (no half-written version)."""
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    values = {row[0] for row in rows}
    assert len(rows) == ROWS and len(values) == 1, values
    return int(values.pop())


def spawn(code: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=env,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.fixture
def register(tmp_path) -> Path:
    path = tmp_path / "Register PPID.xlsm"
    write_counter(path, 0)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name or p.name.endswith(".partial"))


# ------------------------------------------------------------------ owner file
def excel_owner_bytes(user: str) -> bytes:
    """The 165-byte owner file Excel writes: ANSI name padded to 54, then UTF-16 name."""
    ansi = user.encode("cp1252")
    head = bytes([len(ansi)]) + ansi.ljust(53, b" ")
    return (head + len(user).to_bytes(2, "little") + user.encode("utf-16-le")).ljust(165, b" ")


@pytest.mark.parametrize(
    ("owner_name", "content", "expected"),
    [
        ("~$Register PPID.xlsm", excel_owner_bytes("Siti Aminah"), "dibuka di Excel oleh Siti Aminah"),
        ("~$gister PPID.xlsm", excel_owner_bytes("Budi"), "dibuka di Excel oleh Budi"),
        (
            ".~lock.Register PPID.xlsm#",
            b"Rina,PC-PPID,rina,24.11.2026 10:00,file:///x;",
            "LibreOffice oleh Rina",
        ),
        ("~$Register PPID.xlsm", b"", "dibuka di Excel; tutup berkas"),
    ],
)
def test_open_in_excel_refuses(register, owner_name, content, expected):
    owner = register.with_name(owner_name)
    owner.write_bytes(content)
    assert excel_owner_file(register) == owner
    before = register.read_bytes()
    with pytest.raises(WriteRefused, match=expected), write_session(register):
        pass
    assert register.read_bytes() == before


def test_owner_file_appearing_before_the_replace_refuses(register):
    before = register.read_bytes()

    def write_while_excel_opens(tmp: Path) -> None:
        write_counter(tmp, 1)
        register.with_name("~$Register PPID.xlsm").write_bytes(excel_owner_bytes("Budi"))

    with pytest.raises(WriteRefused, match="oleh Budi"), write_session(register) as session:
        session.save(write_while_excel_opens)
    assert register.read_bytes() == before
    assert leftovers(register.parent) == [] and list_backups(register) == []


# ------------------------------------------------------------------ run lock
HOLDER = """
import sys, filelock
lock = filelock.FileLock(sys.argv[1])
lock.acquire()
print("terkunci", flush=True)
sys.stdin.read()
"""


def test_second_run_is_refused_while_another_process_holds_the_lock(register):
    holder = spawn(HOLDER, str(lock_path(register)))
    try:
        assert holder.stdout.readline().strip() == "terkunci"
        with (
            pytest.raises(WriteRefused, match="sedang ditulis oleh proses lain"),
            write_session(register, timeout=0.2),
        ):
            pass
    finally:
        holder.communicate("")
    with write_session(register, timeout=5) as session:  # released with the process
        session.save(lambda tmp: write_counter(tmp, 1))
    assert read_counter(register) == 1


def test_second_run_waits_for_the_lock(register):
    holder = spawn(HOLDER, str(lock_path(register)))
    assert holder.stdout.readline().strip() == "terkunci"
    holder.stdin.close()  # the holder exits on its own; the session below waits for it
    with write_session(register, timeout=30) as session:
        session.save(lambda tmp: write_counter(tmp, 7))
    holder.wait()
    assert read_counter(register) == 7


def test_concurrent_runs_serialize_without_lost_updates(register):
    runs = [spawn(WRITER, str(register), "5") for _ in range(4)]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    assert read_counter(register) == 20
    assert len(list_backups(register)) == 3


# ------------------------------------------------------------------ save
def test_backups_rotate_to_the_newest_n(register):
    for n in range(1, 6):
        with write_session(register, backups=3) as session:
            backup = session.save(lambda tmp, n=n: write_counter(tmp, n))
    kept = list_backups(register)
    assert [read_counter(p) for p in kept] == [2, 3, 4]
    assert kept[-1] == backup and backup.parent.name == "cadangan"
    assert read_counter(register) == 5


def test_failed_write_leaves_the_register_untouched(register):
    before = register.read_bytes()

    def half_then_fail(tmp: Path) -> None:
        tmp.write_bytes(b"PK\x03\x04 setengah")
        raise ValueError("gagal di tengah")

    with pytest.raises(ValueError), write_session(register) as session:
        session.save(half_then_fail)
    assert register.read_bytes() == before
    assert leftovers(register.parent) == [] and list_backups(register) == []


def test_unreadable_output_is_refused(register):
    before = register.read_bytes()
    with pytest.raises(WriteRefused, match="Hasil tulis tidak valid"), write_session(register) as session:
        session.save(lambda tmp: tmp.write_bytes(b"bukan zip"))
    assert register.read_bytes() == before
    assert leftovers(register.parent) == []


def test_disk_full_is_refused_and_the_register_is_byte_identical(register):
    before = register.read_bytes()

    def disk_full(tmp: Path) -> None:
        tmp.write_bytes(b"PK")
        raise OSError(errno.ENOSPC)

    with (
        pytest.raises(WriteRefused, match="Ruang disk penuh: register Register PPID.xlsm tidak diubah"),
        write_session(register) as session,
    ):
        session.save(disk_full)
    assert register.read_bytes() == before
    assert leftovers(register.parent) == []


def test_disk_full_on_a_tiny_tmpfs(tmp_path):
    mount = tmp_path / "kecil"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"tmpfs mount not permitted here: {done.stderr.decode(errors='replace').strip()}")
    try:
        register = mount / "Register PPID.xlsm"
        write_counter(register, 0)
        before = register.read_bytes()

        def big(tmp: Path) -> None:
            with open(tmp, "wb") as fh:
                fh.write(os.urandom(256 * 1024))

        with pytest.raises(WriteRefused, match="Ruang disk penuh"), write_session(register) as session:
            session.save(big)
        assert register.read_bytes() == before
        assert leftovers(mount) == []

        # Room for the new version but not for the backup copy: still refused, nothing changed.
        page = os.statvfs(mount).f_frsize
        free = os.statvfs(mount).f_bavail * page
        pages = -(-len(before) // page)
        (mount / "pengisi").write_bytes(b"x" * (free - (pages + 1) * page))
        with pytest.raises(WriteRefused, match="Ruang disk penuh"), write_session(register) as session:
            session.save(lambda tmp: write_counter(tmp, 1))
        assert register.read_bytes() == before
        assert leftovers(mount) == [] and leftovers(mount / "cadangan") == []
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_folder_is_refused(register):
    before = register.read_bytes()
    with write_session(register) as session:
        register.parent.chmod(0o555)
        try:
            with pytest.raises(WriteRefused, match="tidak dapat ditulis"):
                session.save(lambda tmp: write_counter(tmp, 1))
        finally:
            register.parent.chmod(0o755)
    assert register.read_bytes() == before


def test_stale_temp_files_of_killed_runs_are_removed(register):
    stale = register.with_name(".Register PPID.tmp-999999.xlsm")
    stale.write_bytes(b"sisa")
    with write_session(register):
        pass
    assert not stale.exists()


# ------------------------------------------------------------------ kill -9
def write_versions_forever(path: Path) -> None:
    """What the killed process does: read the counter under the lock, write counter + 1, again."""
    while True:
        with write_session(path, backups=3) as session:
            n = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()[0][0]
            session.save(lambda tmp, n=int(n): write_counter(tmp, n + 1, text=f"versi {n + 1} " * 40))


def forked(fn, *args) -> int:
    """Run ``fn`` in a forked child (already has every import, so each run starts at once)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        try:
            fn(*args)
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(1)
    return pid


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_kill_9_at_random_moments_never_breaks_the_register(register):
    runs = 200 if os.environ.get("PPID_LONG_TESTS") == "1" else 12
    rng = random.Random(20261124)
    last = read_counter(register)
    for _ in range(runs):
        pid = forked(write_versions_forever, register)
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL  # still writing
        now = read_counter(register)  # opens, and every row holds one version
        assert now >= last
        last = now
    assert last > 0
    with write_session(register) as session:  # the lock died with the process; temps are swept
        session.save(lambda tmp: write_counter(tmp, last + 1))
    assert read_counter(register) == last + 1
    assert leftovers(register.parent) == [] and leftovers(register.parent / "cadangan") == []
    assert all(read_counter(p) <= last for p in list_backups(register))


# ------------------------------------------------------------------ edges: links, read-only, leftovers
def test_symlinked_register_is_written_through_the_link(register, tmp_path):
    link_dir = tmp_path / "pintasan"
    link_dir.mkdir()
    link = link_dir / "Register PPID.xlsm"
    link.symlink_to(register)
    with write_session(link, backups=2) as session:
        session.save(lambda tmp: write_counter(tmp, 7))
    assert link.is_symlink() and link.resolve() == register.resolve()
    assert read_counter(register) == 7
    assert [read_counter(p) for p in list_backups(register)] == [0]  # beside the real file
    assert leftovers(link_dir) == [] and leftovers(register.parent) == []


def test_owner_file_beside_the_real_target_refuses_a_linked_register(register, tmp_path):
    link = tmp_path / "Pintasan.xlsm"
    link.symlink_to(register)
    register.with_name(f"~${register.name}").write_bytes(excel_owner_bytes("Siti Aminah"))
    with pytest.raises(WriteRefused, match="Siti Aminah"), write_session(link) as session:
        session.save(lambda tmp: write_counter(tmp, 1))
    assert read_counter(register) == 0


def test_owner_file_beside_the_link_appearing_mid_run_refuses(register, tmp_path):
    folder = tmp_path / "pintasan"
    folder.mkdir()
    link = folder / "Register PPID.xlsm"
    link.symlink_to(register)

    def opened_in_excel_meanwhile(tmp: Path) -> None:
        write_counter(tmp, 1)
        folder.joinpath(f"~${link.name}").write_bytes(excel_owner_bytes("Rina"))

    with pytest.raises(WriteRefused, match="Rina"), write_session(link) as session:
        session.save(opened_in_excel_meanwhile)
    assert read_counter(register) == 0


@pytest.mark.parametrize("backups", [0, 3])
def test_read_only_register_is_refused_as_read_only(register, backups):
    register.chmod(0o444)
    before = register.read_bytes()
    try:
        with (
            pytest.raises(WriteRefused, match="hanya-baca"),
            write_session(register, backups=backups) as session,
        ):
            session.save(lambda tmp: write_counter(tmp, 1))
        assert register.read_bytes() == before
        assert not os.stat(register).st_mode & 0o222  # still read-only, never replaced by a writable copy
        assert list_backups(register) == [] and leftovers(register.parent) == []
    finally:
        register.chmod(0o644)


def test_read_only_register_still_gets_a_writable_backup_when_it_is_writable_again(register):
    register.chmod(0o444)
    register.chmod(0o644)
    with write_session(register, backups=2) as session:
        backup = session.save(lambda tmp: write_counter(tmp, 1))
    assert backup is not None and os.stat(backup).st_mode & 0o200


def _as_nobody(fn, *args) -> str:
    """Run ``fn(*args)`` in a forked child as user nobody; the WriteRefused text it raised, or ''."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        os.close(read_end)
        message = ""
        try:
            os.setgid(65534)
            os.setuid(65534)
            fn(*args)
        except WriteRefused as exc:
            message = str(exc)
        except BaseException as exc:
            message = f"{type(exc).__name__}: {exc}"
        os.write(write_end, message.encode())
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as fh:
        text = fh.read().decode()
    os.waitpid(pid, 0)
    return text


@pytest.mark.skipif(
    os.name == "nt" or not hasattr(os, "fork") or os.geteuid() != 0,
    reason="needs root to switch to user nobody (a non-root run cannot lock itself out)",
)
def test_unwritable_backup_folder_is_named_not_the_register():
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="ppid-nobody-"))
    try:
        folder.chmod(0o777)
        register = folder / "Register PPID.xlsm"
        write_counter(register, 0)
        (folder / "cadangan").mkdir(mode=0o755)  # owned by root: nobody cannot write there
        os.chown(register, 65534, 65534)
        before = register.read_bytes()

        def save(path: Path) -> None:
            with write_session(path, backups=2) as session:
                session.save(lambda tmp: write_counter(tmp, 1))

        message = _as_nobody(save, register)
        assert "cadangan" in message and "izin" in message, message
        assert "Register PPID.xlsm tidak dapat ditulis" not in message
        assert register.read_bytes() == before
    finally:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


def test_repair_leftovers_of_killed_runs_are_removed(register):
    stale = register.with_name("..Register PPID.tmp-999999.xlsm.repair")
    stale.write_bytes(b"sisa data pribadi")
    other = register.with_name("..Lain.tmp-1.xlsm.repair")
    other.write_bytes(b"milik register lain")
    with write_session(register):
        pass
    assert not stale.exists() and other.exists()


def test_temp_files_are_hidden_on_windows_while_they_exist(register, monkeypatch):
    """The Windows attribute call is faked (no Windows here); the order of hide/unhide is real."""
    from automation.excel import safety

    calls: list[tuple[str, bool]] = []
    monkeypatch.setattr(
        safety, "_set_windows_hidden", lambda path, hidden: calls.append((Path(path).name, hidden))
    )
    monkeypatch.setattr(safety, "IS_WINDOWS", True)
    with write_session(register) as session:
        session.save(lambda tmp: write_counter(tmp, 1))
    tmp_name = f".Register PPID.tmp-{os.getpid()}.xlsm"
    assert (tmp_name, True) in calls and (tmp_name, False) in calls
    assert calls.index((tmp_name, True)) < calls.index(
        (tmp_name, False)
    )  # shown again before it becomes the register
