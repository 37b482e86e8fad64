"""Letters: numbered Word documents rendered from the register (receipts, berita acara, decisions)."""

from __future__ import annotations

from .documents import DocumentRow, DocumentsResult, make_documents
from .pdf import PDF_MISSING, convert_beside, convert_to_pdf

__all__ = [
    "PDF_MISSING",
    "DocumentRow",
    "DocumentsResult",
    "convert_beside",
    "convert_to_pdf",
    "make_documents",
]
