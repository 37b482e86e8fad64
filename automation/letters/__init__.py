"""Letters: numbered Word documents rendered from the register (receipts, berita acara, decisions).

The names below load on first use (PEP 562), so that importing a light submodule such as
``automation.letters.numbering`` (settings and validation do) does not load python-docx,
docxtpl and jinja2.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .documents import DocumentRow, DocumentsRequest, DocumentsResult, add_pdfs, make_documents
    from .pdf import PDF_MISSING, convert_beside, convert_to_pdf

_HOME = {
    "DocumentRow": ".documents",
    "DocumentsRequest": ".documents",
    "DocumentsResult": ".documents",
    "add_pdfs": ".documents",
    "make_documents": ".documents",
    "PDF_MISSING": ".pdf",
    "convert_beside": ".pdf",
    "convert_to_pdf": ".pdf",
}

__all__ = [
    "PDF_MISSING",
    "DocumentRow",
    "DocumentsRequest",
    "DocumentsResult",
    "add_pdfs",
    "convert_beside",
    "convert_to_pdf",
    "make_documents",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home, __name__), name)
