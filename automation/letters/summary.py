"""Terminal output of a documents run: the summary table (CLI adapter use)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .documents import FAILED, DocumentsResult


def print_summary(result: DocumentsResult, console: Console) -> None:
    """The table of documents handled, then one line per note (PDF, logo) and the totals."""
    if result.rows:
        table = Table(title="Dokumen", show_lines=False)
        for head in ("Nomor Registrasi", "Dokumen", "Nomor", "Berkas", "Status"):
            table.add_column(head, overflow="fold")
        for row in result.rows:
            status = (
                f"[red]{row.status}[/red]\n{row.message}"
                if row.status == FAILED
                else f"[green]{row.status}[/green]"
            )
            table.add_row(
                row.reg_no, row.document, row.number or "-", str(row.path) if row.path else "-", status
            )
        console.print(table)
    for note in ([result.pdf_note] if result.pdf_note else []) + result.notes:
        console.print(note, soft_wrap=True, markup=False)
    line = f"{len(result.made)} dokumen dibuat, {len(result.failed)} belum dapat dibuat"
    if result.skipped:
        line += f", {result.skipped} sudah ada sebelumnya"
    if result.pdfs:
        line += f", {len(result.pdfs)} PDF"
    console.print(line + ".")
