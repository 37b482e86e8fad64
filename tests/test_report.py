"""Monthly and annual reports: counts equal a hand count on a small register built in memory."""

from __future__ import annotations

import importlib.util
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from _factories import make_register
from docx import Document

from automation.errors import UsageError
from automation.report import build_annual, build_monthly, parse_month

TODAY = date(2026, 4, 15)
REG = "PPID-KOMINFO/2026/{}"
PERSONAL = {
    "nik": "6171010101900001",
    "telepon": "081234567890",
    "email": "budi.santoso@example.com",
    "alamat": "Jl. Gajah Mada No. 7, Pontianak",
    "nama_pemohon": "Budi Santoso",
}


def request(
    no: str,
    received: Any,
    *,
    pd: str = "Dinas Kesehatan",
    saluran: str = "Surel",
    kategori: str = "Perorangan",
    stage: str = "8 Keputusan",
    extended: str = "Tidak",
) -> dict[str, Any]:
    return {
        "no_registrasi": REG.format(no),
        "waktu_diterima": received,
        "saluran": saluran,
        "kategori_pemohon": kategori,
        "perangkat_daerah": pd,
        "tahap_saat_ini": stage,
        "diperpanjang": extended,
        "rincian_informasi": "Salinan laporan; hubungi 081298765432",
        **PERSONAL,
    }


def decision(no: str, kind: str, decided: Any, pasal: str | None = None) -> dict[str, Any]:
    return {
        "no_registrasi": REG.format(no),
        "jenis_keputusan": kind,
        "pasal17": pasal,
        "tanggal_keputusan": decided,
        "tanggal_penyampaian": decided,
        "nama_pemohon": PERSONAL["nama_pemohon"],
    }


def fixture_rows() -> dict[str, list[dict[str, Any]]]:
    """March 2026 (Nyepi and Idul Fitri: 18-24 March are not working days). Hand count in the tests."""
    return {
        "permohonan": [
            request("02/0001", datetime(2026, 2, 25, 9, 0)),  # R1 Feb -> decided 4 Mar: 5 HK
            request("03/0001", datetime(2026, 3, 2, 10, 0), saluran="Datang langsung"),  # R2: 3 HK
            request(
                "03/0002", datetime(2026, 3, 3, 17, 30), pd="Badan Kepegawaian Daerah"
            ),  # R3 after hours: 9 HK
            request("03/0003", datetime(2026, 3, 10, 8, 0), extended="Ya"),  # R4 over the holidays: 10 HK
            request("03/0004", datetime(2026, 3, 5, 9, 0)),  # R5: 11 HK, late
            request(
                "03/0005",
                datetime(2026, 3, 16, 11, 0),
                pd="Dinas Perhubungan",
                saluran="Laman PPID",
                kategori="Badan Hukum",
            ),  # R6: 1 HK
            request(
                "03/0006", datetime(2026, 3, 20, 10, 0), kategori="Kelompok Orang", stage="4 Klasifikasi"
            ),  # R7 open
            request("03/0007", datetime(2026, 3, 30, 9, 0)),  # R8 decided in April
            request("02/0002", datetime(2026, 2, 10, 9, 0), stage="2 Koordinasi"),  # R9 open, late
            {"nama_pemohon": "Tanpa Tanggal", "nik": PERSONAL["nik"]},  # R10 no receipt date
            request("03/0008", "24/03/2026"),  # R11 typed text, cuti bersama
            request("03/0009", datetime(2026, 3, 13, 9, 0), stage="10 Arsip"),  # R12 archived, no dates
        ],
        "keputusan": [
            decision("02/0001", "Diberikan seluruhnya", datetime(2026, 3, 4)),
            decision("03/0001", "Diberikan seluruhnya", date(2026, 3, 5)),
            decision("03/0002", "Ditolak", datetime(2026, 3, 17), "17h3, 17h1"),
            decision("03/0003", "Diberikan sebagian", datetime(2026, 3, 31), "17j"),
            decision("03/0004", "ditolak", datetime(2026, 3, 27), "17h2"),
            decision("03/0005", "Tidak dikuasai", datetime(2026, 3, 17)),
            decision("03/0007", "Diberikan seluruhnya", datetime(2026, 4, 2)),
            decision("03/0008", "Belum didokumentasikan", "26 Maret 2026"),
        ],
        "arsip": [
            {"no_registrasi": REG.format("03/0009"), "lokasi_arsip": "Lemari 2"},
        ],
        "keberatan": [
            {
                "no_registrasi": REG.format("03/0002"),
                "tanggal_keberatan": datetime(2026, 3, 25),
                "alasan_keberatan": "a. Penolakan berdasarkan Pasal 17",
            },
        ],
        "register_dik": [
            {
                "no_dik": "DIK-2026-001",
                "informasi": "=SUM(A1) data gaji, NIK 6171010101900001",
                "perangkat_daerah": "Badan Kepegawaian Daerah",
                "pasal17": "17h3",
                "tanggal_mulai": datetime(2026, 3, 18),
                "berlaku_sampai": datetime(2031, 3, 18),
                "status_dik": "Berlaku",
            },
            {
                "no_dik": "DIK-2021-004",
                "informasi": "Rencana pengadaan lahan",
                "perangkat_daerah": "Sekretariat Daerah",
                "pasal17": "17e4",
                "tanggal_mulai": datetime(2021, 3, 1),
                "berlaku_sampai": datetime(2026, 3, 1),
                "status_dik": "Perlu uji ulang",
            },
            {
                "no_dik": "DIK-2025-002",
                "informasi": "Rekam medis",
                "perangkat_daerah": "RSUD dr. Soedarso",
                "pasal17": "17h2",
                "tanggal_mulai": datetime(2025, 6, 1),
                "status_dik": "Berlaku",
            },
        ],
    }


@pytest.fixture(scope="module")
def march(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("laporan")
    return build_monthly(make_register(fixture_rows()), "2026-03", out_dir=out, today=TODAY)


R = {
    n: REG.format(n)
    for n in (
        "02/0001",
        "02/0002",
        "03/0001",
        "03/0002",
        "03/0003",
        "03/0004",
        "03/0005",
        "03/0006",
        "03/0007",
        "03/0008",
        "03/0009",
    )
}


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def sheet_rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    wb = openpyxl.load_workbook(path)
    return [row for row in wb[sheet].iter_rows(values_only=True) if any(v is not None for v in row)]


# ---------------------------------------------------------------- hand count of March 2026
def test_monthly_counts_equal_hand_count(march: Any) -> None:
    f = march.figures
    assert f["received"] == 9  # R2-R8, R11, R12; R1/R9 are February, R10 has no date
    assert f["processed"] == 7  # R1 (received in Feb), R2-R6, R11; R8 is decided in April
    assert f["decisions"] == {
        "Diberikan seluruhnya": 2,
        "Diberikan sebagian": 1,
        "Ditolak": 2,
        "Tidak dikuasai": 1,
        "Belum didokumentasikan": 1,
    }
    assert f["letters"] == {"h": 2, "j": 1}  # R3 17h3+17h1 counts once for h; R5 17h2; R4 (sebagian) 17j
    # working days: R1 5, R2 3, R3 9 (after hours), R4 10 (over Nyepi/Idul Fitri), R5 11, R6 1, R11 1
    assert f["median_days"] == 5
    assert f["mean_days"] == pytest.approx(40 / 7)
    assert f["max_days"] == 11
    assert f["within_limit"] == pytest.approx(6 / 7)
    assert (f["extended"], f["extended_share"]) == (1, pytest.approx(1 / 9))  # R4 of the 9 received in March
    assert (f["open"], f["open_late"], f["late_done"], f["overdue"]) == (
        3,
        1,
        1,
        2,
    )  # R7, R8, R9 open; R9 late
    assert (f["objections"], f["objections_decided"]) == (1, 0)


def test_monthly_excel_lists_overdue_and_open_by_registration_number(march: Any) -> None:
    overdue = sheet_rows(march.xlsx, "Waktu")
    late = [row[0] for row in overdue if isinstance(row[0], str) and row[0].startswith("PPID-")]
    assert late == [R["02/0002"], R["03/0004"]]  # sorted by deadline: 26/02 then 26/03
    still_open = {
        row[0]: row[4] for row in sheet_rows(march.xlsx, "Belum Selesai") if str(row[0]).startswith("PPID-")
    }
    assert still_open == {R["02/0002"]: 28, R["03/0006"]: 4, R["03/0007"]: 1}  # age in working days at 31/03


def test_monthly_excel_comparison_previous_month_and_year_to_date(march: Any) -> None:
    rows = {row[0]: row[1:] for row in sheet_rows(march.xlsx, "Ringkasan")}
    assert rows["Permohonan diterima"] == (2, 9, 11)
    assert rows["Permohonan selesai diproses"] == (0, 7, 7)
    assert rows["Belum selesai pada akhir periode"] == (2, 3, 3)


def test_monthly_excel_breakdowns_and_register_dik(march: Any) -> None:
    sheets = openpyxl.load_workbook(march.xlsx).sheetnames
    assert sheets == [
        "Ringkasan",
        "Permohonan",
        "Keputusan",
        "Waktu",
        "Belum Selesai",
        "Register DIK",
        "Keberatan",
        "Tren",
    ]
    counts = {row[0]: row[1] for row in sheet_rows(march.xlsx, "Permohonan") if isinstance(row[1], int)}
    assert counts["Surel"] == 7 and counts["Datang langsung"] == 1 and counts["Laman PPID"] == 1
    assert counts["Badan Hukum"] == 1 and counts["Kelompok Orang"] == 1
    assert counts["Dinas Kesehatan"] == 7 and counts["Dinas Perhubungan"] == 1
    dik = [row for row in sheet_rows(march.xlsx, "Register DIK") if str(row[0]).startswith("DIK-")]
    assert [(row[0], row[5]) for row in dik] == [
        ("DIK-2026-001", "Ditambahkan"),
        ("DIK-2021-004", "Masa pengecualian berakhir"),
        ("DIK-2021-004", "Perlu uji ulang"),
    ]


def test_text_starting_with_equals_stays_text_in_excel(march: Any) -> None:
    wb = openpyxl.load_workbook(march.xlsx)
    cells = [
        c
        for row in wb["Register DIK"].iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert len(cells) == 1
    assert cells[0].data_type == "s" and cells[0].value.startswith("=SUM(A1) data gaji")


def test_monthly_word_memo(march: Any) -> None:
    text = docx_text(march.docx)
    for expected in (
        "NOTA DINAS",
        "Kepada Yth.",
        "Lampiran",
        "Hal",
        "Laporan Layanan Informasi Publik Bulan Maret 2026",
        "sebanyak 9 permohonan",
        "2 diberikan seluruhnya, 1 diberikan sebagian, 2 ditolak",
        R["02/0002"],
        R["03/0004"],
        "Rudi Hartono",
    ):
        assert expected in text
    assert "{{" not in text and "{%" not in text
    assert len(Document(str(march.docx)).inline_shapes) == 3  # decisions, Perangkat Daerah, trend


def test_result_paths_and_home_rows(march: Any) -> None:
    assert march.paths["xlsx"].name == "laporan-bulanan-2026-03.xlsx"
    assert march.paths["docx"].name == "laporan-bulanan-2026-03.docx"
    assert march.paths["pdf"] is None
    rows = dict((r[0], r[1]) for r in march.home_rows())
    assert rows["Laporan terakhir"] == "Laporan bulanan Maret 2026"
    assert (rows["Permohonan diterima"], rows["Belum selesai (akhir periode)"]) == (9, 3)
    assert (rows["Belum selesai, lewat batas waktu"], rows["Selesai terlambat"]) == (1, 1)


# ---------------------------------------------------------------- edge cases
def test_month_without_requests_still_builds(tmp_path: Path) -> None:
    result = build_monthly(make_register(fixture_rows()), "2026-01", out_dir=tmp_path, today=TODAY)
    assert result.figures["received"] == 0 and result.figures["processed"] == 0
    assert "tidak ada permohonan" in docx_text(result.docx).casefold()
    assert result.xlsx.exists()


def test_empty_register_builds(tmp_path: Path) -> None:
    result = build_monthly(make_register({}), "2026-03", out_dir=tmp_path, today=TODAY)
    assert result.figures["received"] == 0 and result.figures["median_days"] is None
    assert "Tidak ada permohonan informasi yang diterima" in docx_text(result.docx)


def test_request_spanning_months_counts_where_it_happened(tmp_path: Path) -> None:
    april = build_monthly(make_register(fixture_rows()), "2026-04", out_dir=tmp_path, today=TODAY).figures
    assert april["received"] == 0
    assert april["processed"] == 1 and april["decisions"]["Diberikan seluruhnya"] == 1  # R8: 30/03 -> 02/04
    assert april["median_days"] == 3
    # as of today (15/04): R7 received on a holiday counts from 25/03 -> 14 working days
    # (Good Friday 03/04 off)
    assert (april["open"], april["open_late"]) == (2, 2)


def test_office_closure_in_hari_libur_changes_working_days(tmp_path: Path) -> None:
    rows = fixture_rows()
    rows["hari_libur"] = [
        {
            "tanggal": "03/03/2026",
            "keterangan": "Penutupan kantor",
            "jenis": "Penutupan kantor",
            "sumber": "Staf",
        }
    ]
    figures = build_monthly(make_register(rows), "2026-03", out_dir=tmp_path, today=TODAY).figures
    # R1 (25/02 -> 04/03) and R2 (02/03 -> 05/03) each lose a day: 5 -> 4 and 3 -> 2
    assert figures["median_days"] == 4
    assert figures["mean_days"] == pytest.approx(38 / 7)


@pytest.mark.parametrize("month", ["2026-13", "2026-00", "Maret 2026", "", "26-03", "2026/03x"])
def test_bad_month_is_a_usage_error(month: str, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="TTTT-BB"):
        build_monthly(make_register({}), month, out_dir=tmp_path, today=TODAY)


def test_future_month_and_year_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="belum dimulai"):
        build_monthly(make_register({}), "2026-05", out_dir=tmp_path, today=TODAY)
    with pytest.raises(UsageError, match="belum dimulai"):
        build_annual(make_register({}), 2027, out_dir=tmp_path, today=TODAY)


def test_parse_month_accepts_single_digit_month() -> None:
    assert parse_month("2026-3") == (2026, 3)


# ---------------------------------------------------------------- annual report
def test_annual_report_figures_and_placeholders(tmp_path: Path) -> None:
    result = build_annual(make_register(fixture_rows()), 2026, out_dir=tmp_path, today=TODAY)
    f = result.figures
    assert (f["received"], f["processed"]) == (11, 8)
    assert f["decisions"]["Diberikan seluruhnya"] == 3 and f["refused"] == 2
    assert f["letters"] == {"h": 2, "j": 1}
    assert result.xlsx.name == "laporan-tahunan-2026.xlsx"
    months = [
        row
        for row in sheet_rows(result.xlsx, "Bulanan")
        if row[0] in ("Januari", "Februari", "Maret", "April")
    ]
    assert [row[:3] for row in months] == [
        ("Januari", 0, 0),
        ("Februari", 2, 0),
        ("Maret", 9, 7),
        ("April", 0, 1),
    ]
    text = docx_text(result.docx)
    for part in (
        "A. GAMBARAN UMUM KEBIJAKAN",
        "B. GAMBARAN UMUM PELAKSANAAN",
        "C. RINCIAN PELAYANAN",
        "D. RINCIAN PENYELESAIAN SENGKETA",
        "E. KENDALA INTERNAL DAN EKSTERNAL",
        "F. REKOMENDASI",
    ):
        assert part in text
    assert text.count("[DIISI OLEH PPID]") >= 5
    assert "diterima 11 permohonan informasi publik" in text
    assert "{{" not in text and "{%" not in text


# ---------------------------------------------------------------- templates
def test_committed_templates_match_the_generator(tmp_path: Path) -> None:
    """templates/laporan_*.docx are what tools/make_report_templates.py makes from the code's tables."""
    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location(
        "make_report_templates", root / "tools" / "make_report_templates.py"
    )
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.main(["make_report_templates.py", str(tmp_path)]) == 0
    for name in ("laporan_bulanan.docx", "laporan_tahunan.docx"):
        assert docx_text(tmp_path / name) == docx_text(root / "templates" / name), name


def test_messy_cells_do_not_break_the_report(tmp_path: Path) -> None:
    rows = fixture_rows()
    rows["permohonan"] += [
        {"no_registrasi": REG.format("03/0101"), "waktu_diterima": "#N/A"},
        {"no_registrasi": REG.format("03/0102"), "waktu_diterima": "31/02/2026"},
        {"no_registrasi": REG.format("03/0103"), "waktu_diterima": datetime(2206, 3, 3)},
        {
            "no_registrasi": REG.format("03/0104"),
            "waktu_diterima": 46090.5,
            "saluran": 12.0,
            "diperpanjang": True,
            "perangkat_daerah": '=HYPERLINK("x")',
            "tahap_saat_ini": 3.0,
        },  # Excel serial 09/03/2026 12:00
    ]
    rows["keputusan"] += [decision("03/0104", "Dikabulkan", datetime(2262, 1, 1), "Pasal 17")]
    result = build_monthly(make_register(rows), "2026-03", out_dir=tmp_path, today=TODAY)
    f = result.figures
    assert f["received"] == 10  # the serial-number row counts; the three bad dates do not
    assert f["processed"] == 7  # its decision date (year 2262) is not a date a report can count
    assert "4 baris pada lembar 1 Permohonan" in docx_text(result.docx)
    counts = {row[0]: row[1] for row in sheet_rows(result.xlsx, "Permohonan") if isinstance(row[1], int)}
    # values outside the Referensi lists (a number, a formula-like text) are counted as "Lainnya"
    assert "12" not in counts and '=HYPERLINK("x")' not in counts and counts["Lainnya"] >= 1


# ---------------------------------------------------------------- charts and long text
def test_bar_chart_keeps_every_category_with_a_lainnya_bar() -> None:
    from automation.report.build import BAR_LIMIT, top_with_rest

    items = [(f"Perangkat Daerah {i:02d}", 31 - i) for i in range(31)]
    labels, counts = top_with_rest(items, BAR_LIMIT)
    assert len(labels) == BAR_LIMIT and labels[-1] == "Lainnya (20 kategori)"
    assert sum(counts) == sum(v for _, v in items)  # the bars add up to the table
    assert top_with_rest(items[:5], BAR_LIMIT) == ([k for k, _ in items[:5]], [v for _, v in items[:5]])


def test_excel_charts_have_whole_number_axes_titles_and_every_label(march: Any) -> None:
    import zipfile

    with zipfile.ZipFile(march.xlsx) as zf:
        charts = [zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/charts/chart")]
    axes = [c for c in charts if "<c:valAx>" in c]
    assert axes
    for chart in axes:
        assert '<c:majorUnit val="' in chart and 'formatCode="0"' in chart
        assert "Jumlah permohonan" in chart and '<c:tickLblSkip val="1"/>' in chart


def test_long_dik_text_is_cut_between_words() -> None:
    from automation.report.sections import _short

    text = "Data gaji pegawai " * 20
    short = _short(text.strip())
    assert short.endswith(" …") and len(short) <= 162
    assert short[:-2].split()[-1] in {"Data", "gaji", "pegawai"}


# ---------------------------------------------------------------- the nota dinas opening list
def test_nota_dinas_opens_with_what_awaits_the_kepala_dinas(tmp_path: Path) -> None:
    from automation.report.pending import APPROVAL, OBJECTION, STUCK

    rows = fixture_rows()
    approval, late_letter = REG.format("03/0006"), REG.format("03/0007")
    rows["berita_acara"] = [
        {
            "no_registrasi": approval,
            "tanggal_uji": date(2026, 4, 1),
            "tanggal_ba": date(2026, 4, 1),
            "status_tahap": "Selesai",
            "diteruskan_ke": "6 Persetujuan",
        }
    ]
    rows["persetujuan"] = [{"no_registrasi": approval, "status_tahap": "Dalam proses"}]
    rows["keputusan"].append(
        {**decision("03/0007", "Diberikan seluruhnya", datetime(2026, 4, 2)), "status_tahap": "Dalam proses"}
    )
    result = build_monthly(make_register(rows), "2026-03", out_dir=tmp_path, today=TODAY)
    waiting = [r for r in sheet_rows(result.xlsx, "Ringkasan") if str(r[0]).startswith("PPID-KOMINFO")][:10]
    found = {(r[0], r[1]): r[3] for r in waiting}
    # working days to 15 April 2026: Idul Fitri cuti bersama ended 24 March; Good Friday 3 April
    assert found[(approval, APPROVAL)] == 9
    assert found[(R["03/0002"], OBJECTION)] == 14  # filed 25 March, no verdict
    assert found[(late_letter, STUCK)] == 8  # decided 2 April, still on 8 Keputusan
    text = docx_text(result.docx)
    assert text.index("Perlu keputusan Bapak/Ibu") < text.index("Bersama ini kami sampaikan")
    assert approval in text and "menunggu persetujuan Atasan PPID" in text


def test_workbook_summary_prints_readably_on_a4(march: Any) -> None:
    ws = openpyxl.load_workbook(march.xlsx)["Ringkasan"]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1)  # 1 page wide
    assert ws.page_setup.fitToHeight == 0  # as many pages long as needed
    assert ws.print_area and ws.print_title_rows
    notes = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value[:2] == "1."]
    assert notes and any(str(r).startswith(notes[0].coordinate) for r in ws.merged_cells.ranges)


def test_every_table_layout_is_used_and_register_columns_carry_their_schema_header() -> None:
    """report_tables.toml holds the layout of each table the two reports make, and no other; a
    column that shows a register column is headed as the register heads it."""
    from automation.reference import KEPUTUSAN
    from automation.report.annual import plan_annual
    from automation.report.layouts import LAYOUTS
    from automation.report.monthly import plan_monthly
    from automation.schema import KEBERATAN, PERMOHONAN, REGISTER_DIK

    reg = make_register(fixture_rows())
    drafts = (plan_monthly(reg, "2026-03", today=TODAY), plan_annual(reg, 2026, today=TODAY))
    made = {t.key: t for d in drafts for page in d.pages for t in page.tables}
    assert set(made) == set(LAYOUTS)
    assert all(t.cols == LAYOUTS[k].cols and t.empty == LAYOUTS[k].empty for k, t in made.items())
    headers = {k: [c.header for c in layout.cols] for k, layout in LAYOUTS.items()}
    assert headers["lewat_batas"][0] == PERMOHONAN.column("no_registrasi").header
    assert headers["belum_selesai"][3] == PERMOHONAN.column("tahap_saat_ini").header
    assert headers["dik_baru"][:2] == [REGISTER_DIK.column(k).header for k in ("no_dik", "informasi")]
    assert headers["keberatan"][2] == KEBERATAN.column("alasan_keberatan").header
    assert headers["bulanan"][3:-1] == list(KEPUTUSAN)
    assert made["belum_selesai"].title == "Permohonan belum selesai per 31 Maret 2026"


def test_an_identical_chart_is_drawn_once_per_process(tmp_path: Path) -> None:
    """A chart is a pure function of its data: the second report with the same chart reuses the PNG."""
    from automation.report import charts

    charts._bar_png.cache_clear()
    first = charts.bar_chart(tmp_path / "a.png", ["Dinas A", "Dinas B"], [3, 1], "Permohonan per PD")
    again = charts.bar_chart(tmp_path / "b.png", ["Dinas A", "Dinas B"], [3, 1], "Permohonan per PD")
    other = charts.bar_chart(tmp_path / "c.png", ["Dinas A", "Dinas B"], [3, 2], "Permohonan per PD")
    assert first.read_bytes() == again.read_bytes() != other.read_bytes()
    assert first.read_bytes().startswith(b"\x89PNG")
    assert charts._bar_png.cache_info().hits == 1
