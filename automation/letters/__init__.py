"""Letters: numbered Word documents rendered from the register (receipts, berita acara, decisions)."""

from __future__ import annotations

from .documents import DocumentRow, DocumentsResult, add_pdfs, make_documents
from .pdf import PDF_MISSING, convert_beside, convert_to_pdf

__all__ = [
    "PDF_MISSING",
    "DocumentRow",
    "DocumentsResult",
    "add_pdfs",
    "convert_beside",
    "convert_to_pdf",
    "make_documents",
]
