"""Per-row notes as data: what ``advance`` and ``documents`` have to say about a row, and its Catatan.

The Catatan cell is only the staff-facing rendering of a ``RowNote``: the workflow's reason first,
then the sentences of the letters that could not be made.  Each planner replaces its own part and
keeps the other's; this module is the one place that reads a Catatan back (``RowNote.of``) and
the one place that knows whether a 4 Klasifikasi item row was replaced by a new round.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Protocol

from .register import Record
from .schema import DOCUMENTS
from .values import as_text

KEY = "catatan"
SUPERSEDED = "Dikembalikan Atasan PPID"  # start of the Catatan of item rows replaced by a new round
_DOCUMENT_MARKERS = tuple(f"Dokumen {d.title} belum dapat dibuat" for d in DOCUMENTS)


def document_sentence(title: str, why: str) -> str:
    """'Dokumen <title> belum dapat dibuat: <why>.' (the documents planner's part of a note)."""
    return f"Dokumen {title} belum dapat dibuat: {why}."


def superseded_sentence(decision: str, day: str) -> str:
    return f"{SUPERSEDED} ({decision}) pada {day}; diganti baris baru."


@dataclass(frozen=True)
class RowNote:
    """The note of one row: the workflow's reason and the documents' sentences, rendered as Catatan."""

    reason: str = ""  # advance: why the row waits (or any text staff or ppid left before the letters)
    documents: tuple[str, ...] = ()  # documents: one sentence per letter that could not be made

    @classmethod
    def of(cls, value: object) -> RowNote:
        """The note a Catatan cell holds (the cell as the previous runs rendered it)."""
        text = as_text(value)
        starts = sorted(i for i in (text.find(m) for m in _DOCUMENT_MARKERS) if i >= 0)
        if not starts:
            return cls(text)
        ends = [*starts[1:], len(text)]
        return cls(
            text[: starts[0]].strip(), tuple(text[a:b].strip() for a, b in zip(starts, ends, strict=True))
        )

    @classmethod
    def of_record(cls, rec: Record) -> RowNote:
        return cls.of(rec.get(KEY))

    def with_reason(self, reason: str | None) -> RowNote:
        return replace(self, reason=reason or "")

    def with_documents(self, sentences: list[str]) -> RowNote:
        return replace(self, documents=tuple(sentences))

    def text(self) -> str | None:
        """The Catatan cell: the reason, then the letters' sentences; None when there is nothing to say."""
        return " ".join(part for part in (self.reason, *self.documents) if part) or None


class _Gettable(Protocol):
    def get(self, key: str, /) -> Any: ...


def is_superseded(row: _Gettable) -> bool:
    """A 4 Klasifikasi item row replaced by a new round (Atasan PPID sent the test back)."""
    return as_text(row.get(KEY)).startswith(SUPERSEDED)
