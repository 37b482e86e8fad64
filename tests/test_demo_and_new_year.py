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
            mp.setattr(
                shutil,
                "which",
                lambda name, *a, **k: None if name == "soffice" else real_which(name, *a, **k),
            )
        assert run_demo(directory, console, count=30, now=NOW) == 0
    console.file.close()
    return directory


def open_rows(reg, key: str) -> list:
    return [r for r in reg.records(key) if as_text(r.get("status_tahap")) != "Selesai"]


def test_demo_drives_requests_through_every_branch(demo: Path) -> None:
    reg = read_register(demo / "register_ppid.xlsm")
    log = (demo / "demo.log").read_text(encoding="utf-8")
    for move in (
        "1 Permohonan → 2 Koordinasi",
        "2 Koordinasi → 8 Keputusan",
        "4 Klasifikasi → 5 Berita Acara",
        "4 Klasifikasi → 8 Keputusan",
        "6 Persetujuan → 7 Register DIK",
        "6 Persetujuan → 4 Klasifikasi",
        "9 Tanda Terima → 10 Arsip",
    ):
        assert move in log, move
    assert reg.records("register_dik"), "approved exemptions reach Register DIK"
    assert any(as_text(r.get("status_tahap")) == "Selesai" for r in reg.records("arsip"))
    assert (
        len(reg.records("permohonan")) == 34
    )  # 30 + the synonym-precedent request (demo/dik.py) + the keberatan block's three


def test_demo_shows_keberatan_answered_late_and_taken_to_the_ki(demo: Path) -> None:
    import openpyxl

    reg = read_register(demo / "register_ppid.xlsm")
    rows = {as_text(r.get("status_keberatan")): r for r in reg.records("keberatan")}
    assert set(rows) == {
        "Ditanggapi Atasan PPID",
        "Menunggu tanggapan Atasan PPID",
        "Sengketa di Komisi Informasi",
    }
    assert as_text(rows["Menunggu tanggapan Atasan PPID"].get("status_waktu")) == "Lewat batas"
    assert as_text(rows["Ditanggapi Atasan PPID"].get("status_waktu")) == "Selesai tepat waktu"
    for row in rows.values():
        assert as_text(row.get("nomor_tanda_keberatan")) and not as_text(row.get("catatan_validasi"))
    answered = [r for r in rows.values() if as_text(r.get("nomor_surat_tanggapan"))]
    assert len(answered) == 2
    letters = {p.name for p in (demo / "output").glob("2026/*/*keberatan*.docx")}
    assert letters == {"tanda_terima_keberatan.docx", "tanggapan_keberatan.docx"}
    report = demo / "output" / "laporan" / "laporan-bulanan-2026-10.xlsx"
    book = openpyxl.load_workbook(report, read_only=True)
    cells = [str(c) for row in book["Keberatan"].iter_rows(values_only=True) for c in row if c is not None]
    assert sum(c.startswith("PPID-KOMINFO/") for c in cells) == 3
    assert "Sengketa informasi menurut putusan Komisi Informasi" in cells


def test_demo_writes_letters_and_the_monthly_report(demo: Path) -> None:
    out = demo / "output"
    kinds = {p.stem.split("-")[0] for p in out.glob("2026/*/*.docx")}
    assert kinds >= {
        "tanda_bukti",
        "berita_acara",
        "penolakan",
        "pemberitahuan",
        "tanda_terima",
        "perpanjangan",
    }
    assert (out / "laporan" / "laporan-bulanan-2026-10.xlsx").exists()  # the last complete month


def test_new_year_carries_open_requests_and_active_exemptions(demo: Path, tmp_path: Path) -> None:
    old = demo / "register_ppid.xlsm"
    before = old.read_bytes()
    new = tmp_path / "register_ppid_2027.xlsm"
    summary = start_new_year(old, new, today=NOW.date(), year=2027)
    assert old.read_bytes() == before, "the old register is left as it is"
    old_reg, new_reg = read_register(old), read_register(new)
    open_numbers = {
        as_text(r.get("no_registrasi"))
        for key in (
            "koordinasi",
            "kajian",
            "klasifikasi",
            "berita_acara",
            "persetujuan",
            "keputusan",
            "tanda_terima",
        )
        for r in open_rows(old_reg, key)
    }
    carried = {as_text(r.get("no_registrasi")) for r in new_reg.records("permohonan")}
    assert open_numbers <= carried
    active = {
        as_text(r.get("no_dik"))
        for r in old_reg.records("register_dik")
        if as_text(r.get("status_dik")) == "Berlaku"
    }
    assert active <= {as_text(r.get("no_dik")) for r in new_reg.records("register_dik")}
    assert summary.lines()[0].startswith("Register 2027 dibuat")
    with pytest.raises(operations.UsageError):
        start_new_year(old, new, today=NOW.date(), year=2027)


# ---------------------------------------------------------------- issue 11: the legal chain in the demo
FIX_WORDS = ("Perbaiki", "Periksa", "Isi ", "isi ", "Ganti", "Kosongkan", "Sesuaikan", "Jalankan", "Pilih")


def _request_of(reg, sheet_name: str, row: int) -> str:
    for data in reg.sheets.values():
        if data.name == sheet_name:
            return next((as_text(r.get("no_registrasi")) for r in data.records if r.row == row), "")
    return ""


def test_demo_catches_every_legal_mistake_with_a_fix(demo: Path) -> None:
    from automation.demo.data import LEGAL_MISTAKES, scenarios
    from automation.demo.simulate import scenario_map
    from automation.schema import FIRST_DATA_ROW
    from automation.validation import validate_register

    plan = scenarios(30, today=NOW.date(), legal=True)
    reg = read_register(demo / "register_ppid.xlsm")
    findings = validate_register(reg, today=NOW.date()).findings
    number_of = {s.index: n for n, s in scenario_map(reg, plan).items()}
    assert {s.legal for s in plan if s.legal} == set(LEGAL_MISTAKES)
    for s in plan:
        if not s.legal:
            continue
        code = LEGAL_MISTAKES[s.legal][4]
        caught = [
            f for f in findings if f.code == code and _request_of(reg, f.sheet, f.row) == number_of[s.index]
        ]
        assert caught, (s.legal, number_of[s.index])
        assert all(any(w in f.message for w in FIX_WORDS) for f in caught), caught
    (old,) = [s for s in plan if s.mistake == "penerimaan bertahun 1900"]
    assert any(
        f.code == "tanggal_sebelum_batas_awal"
        and f.sheet == "1 Permohonan"
        and f.row == FIRST_DATA_ROW + old.index
        for f in findings
    )
    assert not as_text(reg.records("permohonan")[old.index].get("no_registrasi")), (
        "a 1900 receipt gets no number"
    )


def test_demo_letters_are_dated_by_the_register_and_name_the_right_people(demo: Path) -> None:
    import docx

    from automation.validation.chain import chain_errors
    from automation.workdays import WorkCalendar

    reg = read_register(demo / "register_ppid.xlsm")
    calendar = WorkCalendar.from_register(reg)
    errors = chain_errors(reg, today=NOW.date())

    def text(rec, prefix: str) -> str:
        path = demo / as_text(rec.get(f"berkas_{prefix}"))
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs) + "\n".join(
            c.text for t in docx.Document(str(path)).tables for row in t.rows for c in row.cells
        )

    extensions = [r for r in reg.records("permohonan") if as_text(r.get("nomor_perpanjangan"))]
    assert extensions
    for rec in extensions:
        day = rec.get("tanggal_perpanjangan")
        day = day.date() if isinstance(day, dt.datetime) else day
        assert day <= calendar.deadline(rec.get("waktu_diterima"), 10), "within the first 10 working days"
    minutes = [
        r for r in reg.records("berita_acara") if as_text(r.get("nomor_ba")) and as_text(r.get("berkas_ba"))
    ]
    assert minutes
    for rec in minutes:
        body = text(rec, "ba")
        assert "Menyetujui" in body and "Mengetahui" not in body
        assert as_text(rec.get("nama_pemohon")) not in body, "no requester name in the berita acara"
        assert rec.get("tanggal_ba") is not None
    for rec in reg.records("keputusan"):
        if not as_text(rec.get("nomor_surat")):
            continue
        assert rec.get("tanggal_surat") == rec.get("tanggal_keputusan"), (
            "the letter is dated by its decision date"
        )
        assert not [
            m
            for step, key, m in errors.get(as_text(rec.get("no_registrasi")), [])
            if step <= 8 and key != "tanggal_perpanjangan"
        ]
        body = text(rec, "surat")
        if as_text(rec.get("jenis_keputusan")) in ("Diberikan seluruhnya", "Diberikan sebagian"):
            assert f"Di bawah penguasaan {as_text(rec.get('perangkat_daerah'))}" in body
        if as_text(rec.get("jenis_keputusan")) == "Diberikan sebagian":
            assert "keberatan" in body and as_text(rec.get("nomor_penolakan")) in body


# ------------------------------------------------------------ issue 16: the living Register DIK in the demo
def test_demo_imports_a_published_dik_and_shows_the_queue_everywhere(demo: Path) -> None:
    from openpyxl import load_workbook
    from test_report import docx_text

    from automation.demo.dik import PUBLISHED

    reg = read_register(demo / "register_ppid.xlsm")
    entries = {as_text(r.get("no_dik")): r for r in reg.records("register_dik")}
    imported = [r for r in entries.values() if "contoh_dik_terbitan.xlsx" in as_text(r.get("nomor_ba"))]
    assert [as_text(r.get("nomor_ba")).rsplit("no. ", 1)[1] for r in imported] == ["1.a", "1.b", "2"]
    assert as_text(imported[0].get("informasi")) == "Data kepegawaian: " + PUBLISHED[1][1]
    expiring = next(
        r
        for r in entries.values()
        if as_text(r.get("jenis_jangka_waktu")) == "Tanggal"
        and as_text(r.get("informasi")).startswith("Harga Perkiraan Sendiri")
    )
    number = as_text(expiring.get("no_dik"))
    assert expiring.get("status_dik") == "Berlaku"  # a staff-typed row made first-class
    beranda = [
        c
        for row in load_workbook(demo / "register_ppid.xlsm")["Beranda"].iter_rows(values_only=True)
        for c in row[:4]
    ]
    assert number in beranda and "Tinjau berkala" in beranda
    report = docx_text(demo / "output" / "laporan" / "laporan-bulanan-2026-10.docx")
    assert number in report and as_text(imported[0].get("no_dik")) in report
    publication = next((demo / "output" / "dik").glob("Penetapan_DIK_*.docx"))
    published = docx_text(publication)
    assert "Daftar gaji dan tunjangan ASN" in published and "Harga Perkiraan Sendiri" in published


def test_demo_request_finds_its_precedent_only_through_synonyms(demo: Path) -> None:
    from automation.demo.dik import SYNONYM_REQUEST
    from automation.workflow.scoring import similarity
    from automation.workflow.terms import Lexicon

    reg = read_register(demo / "register_ppid.xlsm")
    (request,) = [
        r for r in reg.records("permohonan") if as_text(r.get("rincian_informasi")) == SYNONYM_REQUEST
    ]
    precedent = as_text(request.get("preseden_dik"))
    assert precedent.startswith("mirip DIK-")
    entry = next(
        r for r in reg.records("register_dik") if precedent.startswith(f"mirip {as_text(r.get('no_dik'))} ")
    )
    no_synonyms = Lexicon({}, {}, frozenset())
    assert similarity(SYNONYM_REQUEST, as_text(entry.get("informasi")), no_synonyms) < 70
    assert f"Preseden DIK: {precedent}" in " ".join((demo / "demo.log").read_text(encoding="utf-8").split())


def test_demo_synonym_request_cites_its_precedent_in_the_berita_acara_and_the_report(demo: Path) -> None:
    import docx
    from test_report import docx_text

    from automation.demo.dik import SYNONYM_REQUEST

    reg = read_register(demo / "register_ppid.xlsm")
    number = next(
        r.text("no_registrasi")
        for r in reg.records("permohonan")
        if r.text("rincian_informasi") == SYNONYM_REQUEST
    )
    (ba,) = [
        r for r in reg.records("berita_acara") if r.text("no_registrasi") == number and r.text("berkas_ba")
    ]
    assert ba.get("tanggal_uji").month == 10  # tested in the month the demo reports on
    text = " ".join(p.text for p in docx.Document(str(demo / ba.text("berkas_ba"))).paragraphs)
    assert "Sesuai preseden dalam Register Daftar Informasi yang Dikecualikan" in text
    cited = text.split("Register DIK Nomor ", 1)[1].split(",", 1)[0]
    assert cited.startswith("DIK-")
    intake = next(r for r in reg.records("permohonan") if r.text("no_registrasi") == number)
    assert intake.text("preseden_dik").startswith(f"mirip {cited} ")  # as the Preseden DIK column
    report = " ".join(docx_text(demo / "output" / "laporan" / "laporan-bulanan-2026-10.docx").split())
    assert number in report and cited in report
    assert "permohonan yang diuji bulan ini mengikuti preseden Register DIK" in report
    log = " ".join((demo / "demo.log").read_text(encoding="utf-8").split())
    assert f"Berita acara {number} mengutip preseden {cited}" in log


def test_new_year_after_the_demo_carries_dik_entries_and_staff_holidays(demo: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    old = tmp_path / "lama.xlsm"
    shutil.copy(demo / "register_ppid.xlsm", old)
    book = load_workbook(old, keep_vba=True)
    sheet = book["Hari Libur"]
    header = next(i for i, row in enumerate(sheet.iter_rows(values_only=True), 1) if row[0] == "Tanggal")
    last = max(i for i, row in enumerate(sheet.iter_rows(values_only=True), 1) if row[0] is not None)
    assert last > header
    sheet.cell(last + 1, 1, dt.datetime(2027, 3, 2))
    sheet.cell(last + 1, 2, "Penutupan kantor (pindah gedung)")
    sheet.cell(last + 1, 3, "Penutupan kantor")
    book.save(old)
    summary = start_new_year(old, tmp_path / "baru.xlsm", today=NOW.date(), year=2027)
    new_reg = read_register(tmp_path / "baru.xlsm")
    old_reg = read_register(old)
    old_dik = {
        as_text(r.get("no_dik"))
        for r in old_reg.records("register_dik")
        if as_text(r.get("status_dik")) != "Dibuka"
    }
    assert old_dik == {as_text(r.get("no_dik")) for r in new_reg.records("register_dik")}
    closures = [
        r
        for r in new_reg.records("hari_libur")
        if as_text(r.get("keterangan")).startswith("Penutupan kantor")
    ]
    assert len(closures) == 1
    assert "Hari Libur: 1 baris dibawa" in "\n".join(summary.lines())
