"""ppid doctor: one test per check (Windows probes through a fake System), the repair, the CLI."""

from __future__ import annotations

import shutil
import stat
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from automation.cli import main
from automation.doctor import Status, diagnose, repair
from automation.doctor.system import ASR_CHILD_PROCESS_RULE, LocalSystem
from automation.errors import UnusableFile, UsageError
from automation.excel.builder import build_register
from automation.excel.conf import read_conf
from automation.excel.vba import module_name, safe_name, write_button_module

DOWNLOADED = "register_ppid_2026 (1).xlsm"


@dataclass
class FakeSystem:
    """The Windows side of the PC as data; records what a repair changed."""

    windows: bool = True
    report: dict | None = None  # python_report answer; None: run the real probe
    on_path: str | None = None
    zone: int | None = 0
    locations: list[tuple[str, bool]] | None = field(default_factory=list)
    asr: int | None = 0
    roots: list[str] = field(default_factory=list)
    kept: bool | None = None
    unc: str | None = None
    unblocked: list[Path] = field(default_factory=list)

    def python_report(self, interpreter: str) -> dict | None:
        return self.report if self.report is not None else LocalSystem().python_report(interpreter)

    def python_on_path(self) -> str | None:
        return self.on_path

    def zone_id(self, path: Path) -> int | None:
        return self.zone

    def remove_zone_identifier(self, path: Path) -> None:
        self.unblocked.append(path)
        self.zone = 0

    def trusted_locations(self) -> list[tuple[str, bool]] | None:
        return self.locations

    def asr_rule(self, rule: str) -> int | None:
        assert rule == ASR_CHILD_PROCESS_RULE
        return self.asr

    def onedrive_roots(self) -> list[str]:
        return self.roots

    def kept_on_device(self, path: Path) -> bool | None:
        return self.kept

    def network_path(self, path: Path) -> str | None:
        return self.unc


GOOD = {"python": "3.11.7", "xlwings": "0.37.8", "pywin32": "311", "ppid": "0.1.0", "buttons": ""}


def result(path: Path, code: str, system: FakeSystem | None = None):
    found = {r.code: r for r in diagnose(path, system or FakeSystem(report=_good())).results}
    return found[code]


def _good() -> dict:
    from automation.doctor import own_versions

    mine = own_versions()
    return {**GOOD, "xlwings": mine["xlwings"], "ppid": mine["ppid"]}


@pytest.fixture
def register(register: Path) -> Path:
    """The shared built register with its button module beside it, as ``ppid init`` leaves them."""
    write_button_module(register)
    return register


@pytest.fixture
def healthy(register: Path) -> Path:
    """A built register on a 'Windows PC' whose xlwings.conf names this Python."""
    from automation.excel.conf import write_conf

    write_conf(register, {"Interpreter_Win": sys.executable}, backups=0)
    return register


def test_a_fresh_register_on_a_good_pc_passes_every_check(healthy: Path) -> None:
    system = FakeSystem(report=_good(), locations=[(str(healthy.parent), False)])
    diagnosis = diagnose(healthy, system)
    assert [(r.code, r.status) for r in diagnosis.problems] == []
    assert diagnosis.ok


# ---------------------------------------------------------------- name and module
def test_file_name_from_a_download_is_a_problem(register: Path) -> None:
    path = register.rename(register.with_name(DOWNLOADED))
    found = result(path, "nama_berkas")
    assert found.status is Status.MASALAH and found.fixable
    assert "register_ppid_2026_1.xlsm" in found.action
    assert result(path, "modul_tombol").status is Status.LEWATI


def test_file_name_shadowing_an_installed_package_is_a_problem(register: Path) -> None:
    path = register.rename(register.with_name("docx.xlsm"))
    found = result(path, "nama_berkas")
    assert found.status is Status.MASALAH and "'docx'" in found.message
    assert safe_name(path).name == "register_docx.xlsm"


def test_init_refuses_a_name_that_shadows_an_installed_module(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="'docx' yang sudah terpasang"):
        build_register(tmp_path / "docx.xlsm", year=2026)
    code = CliRunner().invoke(main, ["init", str(tmp_path / "pandas.xlsm")])
    assert code.exit_code == 2 and "pandas" in code.output
    assert not list(tmp_path.iterdir())


def test_the_button_module_itself_is_not_a_shadow(register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(register.parent))  # the button puts the workbook folder on sys.path
    assert module_name(register) == "register_ppid"


def test_missing_button_module_is_fixable(register: Path) -> None:
    register.with_suffix(".py").unlink(missing_ok=True)
    found = result(register, "modul_tombol")
    assert (
        found.status is Status.MASALAH and found.fixable and "No module named register_ppid" in found.message
    )
    repair(register, FakeSystem(report=_good()))
    assert result(register, "modul_tombol").status is Status.OK


def test_a_foreign_module_is_reported_not_overwritten(register: Path) -> None:
    module = register.with_suffix(".py")
    module.write_text("print('punya orang lain')\n", encoding="utf-8")
    found = result(register, "modul_tombol")
    assert found.status is Status.MASALAH and not found.fixable
    repair(register, FakeSystem(report=_good()))
    assert module.read_text(encoding="utf-8") == "print('punya orang lain')\n"


def test_the_module_written_by_init_passes(register: Path) -> None:
    assert result(register, "modul_tombol").status is Status.OK


# ---------------------------------------------------------------- interpreter
def test_interpreter_from_another_pc_is_fixed_without_losing_the_vba(register: Path) -> None:
    from automation.excel.conf import write_conf

    write_conf(register, {"Interpreter_Win": r"C:\Users\budi\venv\Scripts\python.exe"}, backups=0)
    found = result(register, "interpreter")
    assert found.status is Status.MASALAH and "tidak ada di PC ini" in found.message and found.fixable
    before = zipfile.ZipFile(register).read("xl/vbaProject.bin")
    done = repair(register, FakeSystem(report=_good()))
    assert any("Interpreter_Win" in line for line in done.done), done
    assert read_conf(register)["Interpreter_Win"] == sys.executable
    with zipfile.ZipFile(register) as book:
        assert book.read("xl/vbaProject.bin") == before
        assert any(n.startswith("xl/drawings/vmlDrawing") for n in book.namelist())  # the buttons
    assert result(register, "interpreter").status is Status.OK


def test_empty_interpreter_without_python_on_path_is_a_problem(register: Path) -> None:
    assert read_conf(register)["Interpreter_Win"] == ""  # built on Linux
    found = result(register, "interpreter", FakeSystem(report=_good(), on_path=None))
    assert found.status is Status.MASALAH and "PATH" in found.message
    assert (
        result(register, "interpreter", FakeSystem(report=_good(), on_path=sys.executable)).status
        is Status.OK
    )


def test_interpreter_without_pywin32_on_windows_is_a_problem(healthy: Path) -> None:
    found = result(healthy, "interpreter", FakeSystem(report={**_good(), "pywin32": None}))
    assert found.status is Status.MASALAH and "pywin32" in found.message


def test_interpreter_with_other_versions_is_a_warning(healthy: Path) -> None:
    found = result(healthy, "interpreter", FakeSystem(report={**_good(), "ppid": "0.0.1"}))
    assert found.status is Status.PERINGATAN and "0.0.1" in found.message


def test_interpreter_is_only_judged_on_windows(healthy: Path) -> None:
    assert result(healthy, "interpreter", FakeSystem(windows=False)).status is Status.LEWATI


def test_the_real_python_probe_reports_versions() -> None:
    """The probe runs this Python for real: it has xlwings and ppid, and the button module imports."""
    report = LocalSystem().python_report(sys.executable)
    assert report is not None and report["ppid"] and report["xlwings"] and report["buttons"] == ""
    assert bool(report["pywin32"]) == sys.platform.startswith("win")
    assert LocalSystem().python_report("/tidak/ada/python") is None


# ---------------------------------------------------------------- where the file lives
def test_read_only_register_is_a_problem(register: Path) -> None:
    register.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        assert result(register, "hanya_baca").status is Status.MASALAH
    finally:
        register.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert result(register, "hanya_baca").status is Status.OK


@pytest.mark.parametrize(
    ("kept", "status"), [(None, Status.PERINGATAN), (False, Status.PERINGATAN), (True, Status.OK)]
)
def test_onedrive_folder_needs_a_local_copy(register: Path, kept: bool | None, status: Status) -> None:
    system = FakeSystem(report=_good(), roots=[str(register.parent.parent)], kept=kept)
    assert result(register, "onedrive", system).status is status
    assert result(register, "onedrive", FakeSystem(report=_good(), roots=["/lain"])).status is Status.OK


@pytest.mark.parametrize(
    ("unc", "status"),
    [
        (r"\\10.20.1.5\ppid\register_ppid.xlsm", Status.MASALAH),
        (r"\\server-kominfo\ppid\register_ppid.xlsm", Status.PERINGATAN),
        (None, Status.OK),
    ],
)
def test_network_share_by_ip(register: Path, unc: str | None, status: Status) -> None:
    assert result(register, "jaringan", FakeSystem(report=_good(), unc=unc)).status is status


def test_a_unc_path_is_its_own_network_path() -> None:
    assert LocalSystem().network_path(
        Path(r"\\10.0.0.1\ppid\r.xlsm")
    ) is not None or not sys.platform.startswith("win")
    assert LocalSystem().network_path(Path("/tmp/r.xlsm")) is None


# ---------------------------------------------------------------- Windows security
@pytest.mark.parametrize(
    ("zone", "status"),
    [(3, Status.MASALAH), (4, Status.MASALAH), (1, Status.OK), (0, Status.OK), (None, Status.LEWATI)],
)
def test_mark_of_the_web(register: Path, zone: int | None, status: Status) -> None:
    assert result(register, "tanda_web", FakeSystem(report=_good(), zone=zone)).status is status


def test_mark_of_the_web_is_removed_only_on_request(register: Path) -> None:
    system = FakeSystem(report=_good(), zone=3)
    repair(register, system)
    assert system.unblocked == []
    done = repair(register, system, unblock=True)
    assert system.unblocked == [register.absolute()] and any("Zone.Identifier" in line for line in done.done)


def test_trusted_location(register: Path) -> None:
    folder, parent = str(register.parent), str(register.parent.parent)
    for locations, status in [
        ([(folder, False)], Status.OK),
        ([(parent, True)], Status.OK),
        ([(parent, False)], Status.PERINGATAN),
        ([], Status.PERINGATAN),
        (None, Status.LEWATI),
    ]:
        assert (
            result(register, "lokasi_tepercaya", FakeSystem(report=_good(), locations=locations)).status
            is status
        )


@pytest.mark.parametrize(
    ("action", "status"),
    [(1, Status.MASALAH), (6, Status.PERINGATAN), (2, Status.OK), (0, Status.OK), (None, Status.PERINGATAN)],
)
def test_defender_child_process_rule(register: Path, action: int | None, status: Status) -> None:
    found = result(register, "defender_asr", FakeSystem(report=_good(), asr=action))
    assert found.status is status
    if status is not Status.OK:
        assert ASR_CHILD_PROCESS_RULE in found.action and "Minta IT" in found.action


def test_windows_probes_are_skipped_elsewhere(register: Path) -> None:
    if sys.platform.startswith("win"):
        pytest.skip("runs the real probes")
    diagnosis = diagnose(register)
    skipped = {r.code for r in diagnosis.results if r.status is Status.LEWATI}
    assert {"interpreter", "tanda_web", "lokasi_tepercaya", "defender_asr"} <= skipped


# ---------------------------------------------------------------- the whole repair, and the CLI
def test_downloaded_copy_is_diagnosed_and_repaired(register: Path) -> None:
    from automation.excel.conf import write_conf

    write_conf(register, {"Interpreter_Win": r"D:\lama\python.exe"}, backups=0)
    path = register.rename(register.with_name(DOWNLOADED))
    register.with_suffix(".py").unlink(missing_ok=True)
    system = FakeSystem(report=_good(), locations=[(str(path.parent), False)])
    before = {r.code for r in diagnose(path, system).problems}
    assert before == {"nama_berkas", "interpreter"}
    done = repair(path, system)
    assert done.path.name == "register_ppid_2026_1.xlsm" and not path.exists()
    assert done.path.with_suffix(".py").is_file() and not done.failed
    assert diagnose(done.path, system).ok


def test_rename_is_refused_while_excel_holds_the_file(register: Path) -> None:
    path = register.rename(register.with_name(DOWNLOADED))
    owner = path.with_name("~$" + path.name)
    owner.write_bytes(b"\x04Siti" + b" " * 60)
    done = repair(path, FakeSystem(report=_good()))
    assert path.exists() and done.failed and "dibuka di Excel" in done.failed[0]


def test_cli_exit_codes(register: Path, tmp_path: Path) -> None:
    path = Path(shutil.copy(register, tmp_path / DOWNLOADED))
    run = CliRunner().invoke(main, ["doctor", str(path)])
    assert run.exit_code == 1 and "masalah" in run.output
    run = CliRunner().invoke(main, ["doctor", str(path), "--perbaiki"])
    assert "register_ppid_2026_1.xlsm" in run.output
    expected = 0 if not sys.platform.startswith("win") else run.exit_code
    assert run.exit_code == expected
    assert CliRunner().invoke(main, ["doctor", str(tmp_path / "tidak_ada.xlsm")]).exit_code == 2


def test_a_file_that_is_not_a_register_is_unusable(tmp_path: Path) -> None:
    bad = tmp_path / "register.xlsm"
    bad.write_bytes(b"bukan zip")
    with pytest.raises(UnusableFile):
        diagnose(bad, FakeSystem())


def test_a_register_without_xlwings_conf_is_a_problem(register: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(register, keep_vba=True)
    del wb["xlwings.conf"]
    wb.save(register)
    assert read_conf(register) is None
    found = result(register, "interpreter")
    assert found.status is Status.MASALAH and "xlwings.conf" in found.message and not found.fixable
