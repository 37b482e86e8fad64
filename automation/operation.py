"""The operations a command or an Excel button runs: one enum, each with its button caption."""

from __future__ import annotations

from enum import StrEnum

from .errors import UsageError


class Operation(StrEnum):
    """The four operations shared by the CLI and the buttons (the values are the CLI's command names)."""

    VALIDATE = "validate"
    ADVANCE = "advance"
    DOCUMENTS = "documents"
    REPORT = "report"

    @property
    def caption(self) -> str:
        """The button (and dropdown) caption staff see in the workbook."""
        return _CAPTIONS[self]

    @classmethod
    def parse(cls, name: str | Operation) -> Operation:
        """The operation named ``name``; UsageError listing the known ones otherwise."""
        try:
            return cls(name)
        except ValueError:
            known = ", ".join(op.value for op in cls)
            raise UsageError(f"Operasi '{name}' tidak dikenal; pilih salah satu: {known}.") from None


_CAPTIONS = {
    Operation.VALIDATE: "Periksa isian",
    Operation.ADVANCE: "Proses ke tahap berikutnya",
    Operation.DOCUMENTS: "Buat dokumen",
    Operation.REPORT: "Buat laporan bulanan",
}
