"""No personal data in any report file: every cell, paragraph, XML part and PDF page is scanned."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from _factories import make_register
from docx import Document
from test_report import PERSONAL, TODAY, fixture_rows

from automation.report import build_annual, build_monthly

pytestmark = pytest.mark.xdist_group("report_privacy")  # one module fixture (LibreOffice PDF) per run

PATTERNS = {
    "NIK": re.compile(r"(?<!\d)\d{16}(?!\d)"),
    "telepon": re.compile(r"(?<!\d)08\d{8,11}(?!\d)|\+62[\s.-]?\d"),
    "surel": re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
}
WORDS = (PERSONAL["nama_pemohon"], PERSONAL["alamat"], "Gajah Mada", "Tanpa Tanggal")


def leaks(text: str, patterns: tuple[str, ...] = tuple(PATTERNS)) -> list[str]:
    found = [f"{name}: {m.group(0)}" for name in patterns for m in PATTERNS[name].finditer(text)]
    return found + [f"kata: {w}" for w in WORDS if w in text]


def xlsx_texts(path: Path) -> list[str]:
    """Every cell as text; whole numbers as digits (a NIK typed as a number would show), fractions skipped."""
    wb = openpyxl.load_workbook(path)
    out = []
    for cell in (c for ws in wb.worksheets for row in ws.iter_rows() for c in row):
        if isinstance(cell.value, float) and cell.value.is_integer():
            out.append(str(int(cell.value)))
        elif isinstance(cell.value, str | int):
            out.append(str(cell.value))
    return out


def docx_texts(path: Path) -> list[str]:
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    texts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    for section in doc.sections:
        texts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return texts


def xml_parts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith((".xml", ".rels"))]


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("laporan")
    reg = make_register(fixture_rows())
    with_pdf = shutil.which("soffice") is not None and shutil.which("pdftotext") is not None
    monthly = build_monthly(reg, "2026-03", out_dir=out, today=TODAY, pdf=with_pdf)
    annual = build_annual(reg, 2026, out_dir=out, today=date(2026, 12, 31))
    assert not with_pdf or monthly.pdf is not None, monthly.warnings
    return [*monthly.files(), *annual.files()]


def test_fixture_really_holds_personal_data() -> None:
    """The scan is only worth something if the register it reads is full of personal data."""
    rows = fixture_rows()["permohonan"]
    assert leaks(" ".join(str(v) for v in rows[0].values()))


def test_no_personal_data_in_excel(reports: list[Path]) -> None:
    for path in (p for p in reports if p.suffix == ".xlsx"):
        assert leaks("\n".join(xlsx_texts(path))) == [], path.name
        # raw parts (charts, properties, shared strings): numbers there are layout noise, so only
        # the patterns that cannot be confused with them
        assert leaks("\n".join(xml_parts(path)), ("surel",)) == [], path.name


def test_no_personal_data_in_word(reports: list[Path]) -> None:
    for path in (p for p in reports if p.suffix == ".docx"):
        assert leaks("\n".join(docx_texts(path))) == [], path.name
        assert leaks("\n".join(xml_parts(path)), ("surel",)) == [], path.name


def test_no_personal_data_in_pdf(reports: list[Path]) -> None:
    pdfs = [p for p in reports if p.suffix == ".pdf"]
    if not pdfs:
        pytest.skip("LibreOffice atau pdftotext tidak terpasang")
    for path in pdfs:
        text = pdf_text(path)
        assert "NOTA DINAS" in text
        assert leaks(text) == [], path.name


def test_free_text_is_scrubbed_not_dropped(reports: list[Path]) -> None:
    xlsx = next(p for p in reports if p.name == "laporan-bulanan-2026-03.xlsx")
    dik = [t for t in xlsx_texts(xlsx) if t.startswith("=SUM(A1) data gaji")]
    assert dik == ["=SUM(A1) data gaji, NIK [disamarkan]"]


# ---------------------------------------------------------- hardened: typed variants and names in list fields
NAMES = ("Siti Aminah", "Andi Wijaya", "Yohana Lestari")
VARIANTS = (
    "6171 0101 0190 0002",
    "61.71.01.010190.0003",
    "617101010190004",
    "(0561) 734567",
    "0561-7345-678",
    "+62 812 3456 7891",
    "andi (at) gmail (dot) com",
)


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    rows = fixture_rows()
    first, second, third = rows["permohonan"][:3]
    first["perangkat_daerah"], second["saluran"], third["kategori_pemohon"] = NAMES
    rows["register_dik"][0]["informasi"] = "data gaji; " + "; ".join(VARIANTS)
    out = tmp_path_factory.mktemp("laporan_hostile")
    reg = make_register(rows)
    monthly = build_monthly(reg, "2026-03", out_dir=out, today=TODAY)
    annual = build_annual(reg, 2026, out_dir=out, today=date(2026, 12, 31))
    return [*monthly.files(), *annual.files()]


def test_typed_variants_and_names_in_list_fields_never_reach_a_report(hostile_reports: list[Path]) -> None:
    digits = [re.sub(r"\D", "", v) for v in VARIANTS if re.sub(r"\D", "", v)]
    for path in hostile_reports:
        texts = (
            xlsx_texts(path) if path.suffix == ".xlsx" else docx_texts(path) if path.suffix == ".docx" else []
        )
        flat = "\n".join(texts)
        compact = re.sub(r"[\s.\-()+]", "", flat)
        assert not [n for n in NAMES if n in flat], path.name
        assert not [d for d in digits if d[-7:] in compact], path.name
        assert "gmail" not in flat, path.name
