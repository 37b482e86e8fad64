"""Per-row notes: the Catatan cell read back into its parts and rendered again."""

from __future__ import annotations

from automation.register import Record
from automation.rownotes import RowNote, document_sentence, is_superseded, superseded_sentence

BA = document_sentence("Berita Acara Uji Konsekuensi", "kolom Tempat Uji kosong")
TT = document_sentence("Tanda Terima", "tanggal dokumen tidak dapat ditentukan")


def test_reason_and_document_sentences_are_read_apart() -> None:
    note = RowNote.of(f"  Belum dapat diteruskan: kolom wajib belum diisi. {BA} {TT} ")
    assert note == RowNote("Belum dapat diteruskan: kolom wajib belum diisi.", (BA, TT))
    assert RowNote.of(note.text()) == note


def test_each_planner_replaces_only_its_part() -> None:
    note = RowNote.of(f"Menunggu. {BA}")
    assert note.with_reason(None).text() == BA  # advance: the row may move, the letter still failed
    assert note.with_documents([]).text() == "Menunggu."  # documents: the letter was made
    assert note.with_reason(None).with_documents([]).text() is None
    assert RowNote.of(None) == RowNote() and RowNote.of("teks staf") == RowNote("teks staf")


def test_superseded_items_are_recognised_on_records_and_mappings() -> None:
    text = superseded_sentence("Revisi", "20/11/2026")
    assert is_superseded(Record(7, {"catatan": text})) and is_superseded({"catatan": text})
    assert not is_superseded({"catatan": f"Catatan: {text}"}) and not is_superseded({})
