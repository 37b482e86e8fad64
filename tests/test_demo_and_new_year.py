"""The demo runs end to end on a small sample; a new year's register carries what is still open."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from rich.console import Console

from automation import operations
from automation.demo import run_demo
from automation.excel.reader import read_register
from automation.newyear import start_new_year
from automation.values import as_text

NOW = dt.datetime(2026, 11, 25, 10, 0)
LONG = os.environ.get("PPID_LONG_TESTS") == "1"

pytestmark = pytest.mark.xdist_group("demo")  # one demo run for the module, not one per worker


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("demo")
    console = Console(file=open(directory / "demo.log", "w", encoding="utf-8"), width=120)  # noqa: SIM115
    with pytest.MonkeyPatch.context() as mp:
        if not LONG:  # quick profile: no PDF of every letter (tests/test_letters_pdf.py converts a batch)
            real_which = shutil.which
            mp.setattr(shutil, "which", lambda name, *a, **k: None if name == "soffice" else real_which(name, *a, **k))
        assert run_demo(directory, console, count=30, now=NOW) == 0
    console.file.close()
    return directory


def open_rows(reg, key: str) -> list:
    return [r for r in reg.records(key) if as_text(r.get("status_tahap")) != "Selesai"]


def test_demo_drives_requests_through_every_branch(demo: Path) -> None:
    reg = read_register(demo / "register_ppid.xlsm")
    log = (demo / "demo.log").read_text(encoding="utf-8")
    for move in ("1 Permohonan → 2 Koordinasi", "2 Koordinasi → 8 Keputusan", "4 Klasifikasi → 5 Berita Acara",
                 "4 Klasifikasi → 8 Keputusan", "6 Persetujuan → 7 Register DIK", "6 Persetujuan → 4 Klasifikasi",
                 "9 Tanda Terima → 10 Arsip"):
        assert move in log, move
    assert reg.records("register_dik"), "approved exemptions reach Register DIK"
    assert any(as_text(r.get("status_tahap")) == "Selesai" for r in reg.records("arsip"))
    assert len(reg.records("permohonan")) == 30


def test_demo_writes_letters_and_the_monthly_report(demo: Path) -> None:
    out = demo / "output"
    kinds = {p.stem.split("-")[0] for p in out.glob("2026/*/*.docx")}
    assert kinds >= {"tanda_bukti", "berita_acara", "penolakan", "pemberitahuan", "tanda_terima", "perpanjangan"}
    assert (out / "laporan" / "laporan-bulanan-2026-11.xlsx").exists()


def test_new_year_carries_open_requests_and_active_exemptions(demo: Path, tmp_path: Path) -> None:
    old = demo / "register_ppid.xlsm"
    before = old.read_bytes()
    new = tmp_path / "register_ppid_2027.xlsm"
    summary = start_new_year(old, new, today=NOW.date(), year=2027)
    assert old.read_bytes() == before, "the old register is left as it is"
    old_reg, new_reg = read_register(old), read_register(new)
    open_numbers = {
        as_text(r.get("no_registrasi"))
        for key in ("koordinasi", "kajian", "klasifikasi", "berita_acara", "persetujuan", "keputusan", "tanda_terima")
        for r in open_rows(old_reg, key)
    }
    carried = {as_text(r.get("no_registrasi")) for r in new_reg.records("permohonan")}
    assert open_numbers <= carried
    active = {as_text(r.get("no_dik")) for r in old_reg.records("register_dik") if as_text(r.get("status_dik")) == "Berlaku"}
    assert active <= {as_text(r.get("no_dik")) for r in new_reg.records("register_dik")}
    assert summary.lines()[0].startswith("Register 2027 dibuat")
    with pytest.raises(operations.UsageError):
        start_new_year(old, new, today=NOW.date(), year=2027)
