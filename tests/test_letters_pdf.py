"""PDF through LibreOffice: one batch call, PDFs beside the letters, a one-line note without it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from _letters_data import REG1, apply, demo_register

from automation.letters.documents import DocumentsRequest, make_documents
from automation.letters.pdf import CHUNK, PDF_MISSING, convert_beside_report, convert_to_pdf, find_soffice

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) tidak terpasang")


@needs_soffice
def test_documents_with_pdf_convert_in_one_batch(tmp_path):
    from test_letters_hostile import hostile_register  # hostile values must convert too

    reg = hostile_register(tmp_path)
    request = DocumentsRequest(tmp_path / "output", date(2026, 11, 25), reg_no=REG1)
    changes, result = make_documents(reg, request, pdf=True)
    assert not result.failed and not result.pdf_note
    assert sorted(result.pdfs) == sorted(r.path.with_suffix(".pdf") for r in result.made)
    for pdf in result.pdfs:
        assert pdf.read_bytes()[:5] == b"%PDF-"
    # a later run with --pdf converts letters that still lack a PDF, and nothing else
    apply(reg, changes)
    result.pdfs[0].unlink()
    _, again = make_documents(reg, request, pdf=True)
    assert again.rows == [] and again.pdfs == [result.pdfs[0]]


@needs_soffice
def test_convert_to_pdf_handles_files_with_the_same_name(tmp_path):
    reg = demo_register(tmp_path)
    _, result = make_documents(reg, DocumentsRequest(tmp_path / "output", date(2026, 12, 5)))
    receipts = [r.path for r in result.made if r.path.name == "tanda_bukti.docx"]
    assert len(receipts) == 3
    out = convert_to_pdf(receipts, tmp_path / "pdf")
    assert len(out) == 3 and len(set(out)) == 3


def test_without_libreoffice_the_docx_is_kept_with_one_note(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))
    monkeypatch.setattr("os.name", "posix")
    reg = demo_register(tmp_path)
    request = DocumentsRequest(tmp_path / "output", date(2026, 11, 25), reg_no=REG1)
    _, result = make_documents(reg, request, pdf=True)
    assert result.pdf_note == PDF_MISSING == "LibreOffice tidak ditemukan; berkas .docx tetap disimpan"
    assert result.pdfs == [] and all(r.path.is_file() for r in result.made)
    assert convert_to_pdf([r.path for r in result.made], tmp_path / "pdf") == []


def small_letters(folder: Path, count: int) -> list[Path]:
    """``count`` one-line .docx files in separate folders, all named alike (as letters are)."""
    import docx

    paths = []
    for i in range(count):
        document = docx.Document()
        document.add_paragraph(f"Surat nomor {i}")
        path = folder / f"{i:02d}" / "tanda_bukti.docx"
        path.parent.mkdir(parents=True)
        document.save(str(path))
        paths.append(path)
    return paths


@needs_soffice
def test_more_letters_than_one_chunk_all_convert_and_a_broken_one_is_named(tmp_path, cold_libreoffice):
    letters = small_letters(tmp_path, 3)  # chunks [0, 1] and [2]: two calls, then the broken one alone
    broken = letters[1]
    broken.write_bytes(broken.read_bytes()[:500])  # a truncated .docx LibreOffice cannot load
    seen = []
    result = convert_beside_report(
        letters, chunk=2, progress=lambda done, total, _: seen.append((done, total))
    )
    assert result.pdfs == [
        p.with_suffix(".pdf") for p in letters if p != broken
    ]  # its neighbour converted too
    assert list(result.failed) == [broken] and "tidak dapat membuka" in result.failed[broken]
    assert seen == [(2, 3), (3, 3)]  # one step per soffice call, with the total known


def test_one_soffice_call_stays_below_what_libreoffice_accepts():
    assert 0 < CHUNK <= 200  # soffice converted 246 of 400 files given in one call (docs/performance.md)
