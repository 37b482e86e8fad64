"""Each reported figure, counted here straight from the register rows, equals what the monthly
report, the annual report, their Excel files and the Beranda print (one definition, docs/reports.md)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from _factories import make_register
from test_report import REG, TODAY, decision, fixture_rows, request

from automation.register import Register
from automation.report import build_annual, build_monthly
from automation.values import parse_date, parse_datetime
from automation.workdays import WorkCalendar
from automation.workflow import home_rows

MARCH = (date(2026, 3, 1), date(2026, 3, 31))
pytestmark = pytest.mark.xdist_group("report_figures")  # one module fixture (three reports) per run
YEAR = (date(2026, 1, 1), date(2026, 12, 31))
DONE_TO_BA = {"status_tahap": "Selesai", "diteruskan_ke": "5 Berita Acara"}


def rows() -> dict[str, list[dict[str, Any]]]:
    """The report sample plus a notice without Diperpanjang = Ya, a decision typed twice, a re-test
    (two rounds, two berita acara) and a test whose items are all TIDAK."""
    out = fixture_rows()
    out["permohonan"].append(
        {
            **request("03/0010", datetime(2026, 3, 2, 9, 0)),
            "nomor_perpanjangan": "001/PWP/PPID-DISKOMINFO/III/2026",
        }
    )
    out["keputusan"] += [
        decision("03/0010", "Diberikan seluruhnya", date(2026, 3, 10)),
        decision("03/0010", "Diberikan seluruhnya", date(2026, 3, 25)),
    ]
    r3, r4, r5 = REG.format("03/0002"), REG.format("03/0003"), REG.format("03/0004")
    out["klasifikasi"] = [
        {
            "no_registrasi": r3,
            "informasi_diuji": "Gaji",
            "dikecualikan": "YA",
            **DONE_TO_BA,
            "catatan": "Dikembalikan Atasan PPID: uji ulang",
        },
        {"no_registrasi": r3, "informasi_diuji": "Gaji", "dikecualikan": "YA", **DONE_TO_BA},
        {"no_registrasi": r3, "informasi_diuji": "Jumlah pegawai", "dikecualikan": "TIDAK", **DONE_TO_BA},
        {"no_registrasi": r4, "informasi_diuji": "Kontrak", "dikecualikan": "YA", **DONE_TO_BA},
        {"no_registrasi": r5, "informasi_diuji": "Anggaran", "dikecualikan": "TIDAK", **DONE_TO_BA},
    ]
    out["berita_acara"] = [
        {"no_registrasi": r3, "tanggal_uji": date(2026, 3, 12)},
        {"no_registrasi": r3, "tanggal_uji": date(2026, 3, 16)},
        {"no_registrasi": r5, "tanggal_uji": date(2026, 3, 17)},
        {"no_registrasi": r4, "tanggal_uji": date(2026, 4, 1)},
    ]
    return out


# ---------------------------------------------------------------- the hand count, from the rows
def _d(value: Any) -> date | None:
    found = parse_date(value)[0]
    return found if found and 2000 <= found.year <= 2100 else None


def _in(day: date | None, span: tuple[date, date]) -> bool:
    return day is not None and span[0] <= day <= span[1]


def count(reg: Register, span: tuple[date, date], as_of: date) -> dict[str, Any]:
    cal = WorkCalendar.from_register(reg)
    by_no: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for sheet in ("keputusan", "tanda_terima", "arsip", "klasifikasi", "berita_acara"):
        for rec in reg.records(sheet):
            by_no.setdefault(rec.text("no_registrasi"), {}).setdefault(sheet, []).append(rec.values)
    out = {"received": 0, "extended": 0, "late_done": 0, "open_late": 0, "tests": 0, "outcomes": {}}
    for rec in reg.records("permohonan"):
        received = parse_datetime(rec.get("waktu_diterima"))[0]
        if received is None:
            continue
        mine = by_no.get(rec.text("no_registrasi"), {})
        extended = rec.text("diperpanjang").lower() == "ya" or bool(rec.text("nomor_perpanjangan"))
        deadline = cal.deadline(received, 17 if extended else 10)
        decided = max(
            (d for d in (_d(r.get("tanggal_keputusan")) for r in mine.get("keputusan", [])) if d),
            default=None,
        ) or max(
            (d for d in (_d(r.get("tanggal_penyampaian")) for r in mine.get("keputusan", [])) if d),
            default=None,
        )
        at_end = bool(mine.get("tanda_terima") or mine.get("arsip")) or rec.text("tahap_saat_ini").startswith(
            ("9", "10")
        )
        if _in(received.date(), span):
            out["received"] += 1
            out["extended"] += extended
        if _in(decided, span) and decided > deadline:
            out["late_done"] += 1
        if (
            received.date() <= as_of
            and not (decided and decided <= as_of)
            and not (at_end and decided is None)
            and as_of > deadline
        ):
            out["open_late"] += 1
    for sheets in by_no.values():
        tested = [d for d in (_d(r.get("tanggal_uji")) for r in sheets.get("berita_acara", [])) if d]
        if tested and _in(tested[-1], span):
            items = [
                r
                for r in sheets.get("klasifikasi", [])
                if not str(r.get("catatan") or "").startswith("Dikembalikan")
            ]
            results = {str(r["dikecualikan"]).upper() for r in items}
            outcome = "YA" if results == {"YA"} else "TIDAK" if results == {"TIDAK"} else "SEBAGIAN"
            out["tests"] += 1
            out["outcomes"][outcome] = out["outcomes"].get(outcome, 0) + 1
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Register, Any, Any, Any]:
    out = tmp_path_factory.mktemp("angka")
    reg = make_register(rows())
    return (
        reg,
        build_monthly(reg, "2026-03", out_dir=out, today=TODAY),
        build_annual(reg, 2026, out_dir=out, today=TODAY),
        build_monthly(reg, "2026-04", out_dir=out, today=TODAY),
    )


KEYS = ("received", "extended", "late_done", "open_late", "tests")


def test_hand_count_of_march_is_what_we_expect(built: tuple[Any, ...]) -> None:
    reg = built[0]
    mine = count(reg, MARCH, date(2026, 3, 31))
    # 10 received in March (R2-R8, R11, R12, R13); R4 (Ya) and R13 (notice only) extended;
    # R3 re-tested on 12 and 16 March: one test, SEBAGIAN (YA + TIDAK); R5 all TIDAK
    assert (mine["received"], mine["extended"], mine["tests"]) == (10, 2, 2)
    assert mine["outcomes"] == {"SEBAGIAN": 1, "TIDAK": 1}


@pytest.mark.parametrize("key", KEYS)
def test_monthly_and_annual_figures_equal_the_count_from_the_rows(built: tuple[Any, ...], key: str) -> None:
    reg, march, annual, _ = built
    assert march.figures[key] == count(reg, MARCH, date(2026, 3, 31))[key]
    assert annual.figures[key] == count(reg, YEAR, TODAY)[key]


def test_consequence_tests_are_one_per_request_with_tidak(built: tuple[Any, ...]) -> None:
    _, _, annual, _ = built
    sheet = _sheet(annual.xlsx, "Uji Konsekuensi dan DIK")
    assert ("Dikecualikan (YA)", 1) in sheet and ("Terbuka (TIDAK)", 1) in sheet
    assert ("Dikecualikan sebagian (SEBAGIAN)", 1) in sheet


def test_excel_summary_prints_the_same_figures(built: tuple[Any, ...]) -> None:
    reg, march, annual, _ = built
    year = count(reg, YEAR, TODAY)
    summary = dict((r[0], r[1]) for r in _sheet(annual.xlsx, "Ringkasan") if len(r) > 1)
    assert summary["Diperpanjang (permohonan diterima dalam periode)"] == year["extended"]
    assert summary["Selesai melewati batas waktu (permohonan)"] == year["late_done"]
    assert summary["Belum selesai dan melewati batas waktu pada akhir periode"] == year["open_late"]
    assert summary["Uji konsekuensi (permohonan)"] == year["tests"]
    assert "Diberikan seluruhnya (Diberikan seluruhnya)" not in summary
    month = count(reg, MARCH, date(2026, 3, 31))
    compare = {r[0]: r[2] for r in _sheet(march.xlsx, "Ringkasan") if len(r) > 2}
    assert compare["Diperpanjang (permohonan diterima)"] == month["extended"]
    assert compare["Belum selesai, lewat batas waktu (akhir periode)"] == month["open_late"]


def test_beranda_overdue_equals_the_report_of_the_running_month(built: tuple[Any, ...]) -> None:
    reg, _, _, april = built
    home = home_rows(reg, today=TODAY)
    line = next(r[0] for r in home if r and str(r[0]).startswith("Belum selesai dan lewat batas waktu"))
    beranda = int(line.rsplit(":", 1)[1])
    assert beranda == april.figures["open_late"] == count(reg, (date(2026, 4, 1), TODAY), TODAY)["open_late"]
    assert sum(r[2] for r in home[2:] if len(r) == 4 and isinstance(r[2], int)) == beranda
    report = dict((r[0], r[1]) for r in april.home_rows())
    assert report["Belum selesai, lewat batas waktu"] == beranda


def _sheet(path: Path, name: str) -> list[tuple[Any, ...]]:
    ws = openpyxl.load_workbook(path)[name]
    return [tuple(v for v in row if v is not None) for row in ws.iter_rows(values_only=True) if any(row)]
