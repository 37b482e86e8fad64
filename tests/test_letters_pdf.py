"""PDF through LibreOffice: one batch call, PDFs beside the letters, a one-line note without it."""

from __future__ import annotations

from datetime import date

import pytest
from _letters_data import REG1, apply, demo_register

from automation.letters.documents import make_documents
from automation.letters.pdf import PDF_MISSING, convert_to_pdf, find_soffice

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) tidak terpasang")


@needs_soffice
def test_documents_with_pdf_convert_in_one_batch(tmp_path):
    from test_letters_hostile import hostile_register  # hostile values must convert too

    reg = hostile_register(tmp_path)
    changes, result = make_documents(reg, out_root=tmp_path / "output", today=date(2026, 11, 25), reg_no=REG1, pdf=True)
    assert not result.failed and not result.pdf_note
    assert sorted(result.pdfs) == sorted(r.path.with_suffix(".pdf") for r in result.made)
    for pdf in result.pdfs:
        assert pdf.read_bytes()[:5] == b"%PDF-"
    # a later run with --pdf converts letters that still lack a PDF, and nothing else
    apply(reg, changes)
    result.pdfs[0].unlink()
    _, again = make_documents(reg, out_root=tmp_path / "output", today=date(2026, 11, 25), reg_no=REG1, pdf=True)
    assert again.rows == [] and again.pdfs == [result.pdfs[0]]


@needs_soffice
def test_convert_to_pdf_handles_files_with_the_same_name(tmp_path):
    reg = demo_register(tmp_path)
    _, result = make_documents(reg, out_root=tmp_path / "output", today=date(2026, 12, 5))
    receipts = [r.path for r in result.made if r.path.name == "tanda_bukti.docx"]
    assert len(receipts) == 3
    out = convert_to_pdf(receipts, tmp_path / "pdf")
    assert len(out) == 3 and len(set(out)) == 3


def test_without_libreoffice_the_docx_is_kept_with_one_note(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))
    monkeypatch.setattr("os.name", "posix")
    reg = demo_register(tmp_path)
    _, result = make_documents(reg, out_root=tmp_path / "output", today=date(2026, 11, 25), reg_no=REG1, pdf=True)
    assert result.pdf_note == PDF_MISSING == "LibreOffice tidak ditemukan; berkas .docx tetap disimpan"
    assert result.pdfs == [] and all(r.path.is_file() for r in result.made)
    assert convert_to_pdf([r.path for r in result.made], tmp_path / "pdf") == []
