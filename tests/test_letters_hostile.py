"""Bad data never corrupts a letter: markup characters, braces, control characters, emoji, long text."""

from __future__ import annotations

import re
import zipfile
from datetime import date

import pytest
from _letters_data import REG1, demo_register, demo_rows, text_of

from automation.letters.clean import clean_text, clean_value
from automation.letters.documents import DocumentsRequest, make_documents

CONTROL = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r")
NAME = "PT \"A&B\" <Tbk> 'Maju' {{ nomor }} {% raw %} 😀 & Co."
LONG = "Data " + "x" * 5000 + " akhir"
HOSTILE = {
    "nama_pemohon": NAME,
    "rincian_informasi": f"baris satu\nbaris dua\r\nbaris tiga\x00\x07\x0c\x1b\ttab {LONG}",
    "konsekuensi": "{{ 7*7 }} & <b>tebal</b>",
}


def hostile_register(tmp_path):
    rows = demo_rows()
    for sheet in rows.values():
        for row in sheet:
            for key, value in HOSTILE.items():
                if key in row:
                    row[key] = value
    rows["permohonan"][0].update(
        alamat="Jl. <script>alert(1)</script> & Sons\x01", alasan_perpanjangan="{% if true %}bocor{% endif %}"
    )
    rows["berita_acara"][0]["anggota_hadir"] = 'Agus & <Salim> (Ketua "utama")\x02'
    rows["klasifikasi"][0]["informasi_diuji"] = "Gaji </w:t></w:r> & 😀\n" + LONG
    settings = {"instansi": "Dinas & Kominfo <Kalbar>\x01", "nama_ppid": 'Rudi "R" & {{ x }}'}
    return demo_register(tmp_path, rows, settings)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    reg = hostile_register(tmp)
    changes, result = make_documents(reg, DocumentsRequest(tmp / "output", date(2026, 11, 25), reg_no=REG1))
    return result


def test_all_documents_made(hostile):
    assert not hostile.failed, [r.message for r in hostile.failed]
    assert len(hostile.made) == 5


def test_markup_braces_and_emoji_render_literally(hostile):
    for row in hostile.made:
        text = text_of(row.path)
        # the requester is named in letters addressed to them, never in the berita acara (UU 27/2022)
        assert (NAME in text) != row.document.startswith("Berita Acara")
        assert "dinas & kominfo <kalbar>" in text.casefold()  # kop in capitals, escaped intact
        assert 'Rudi "R" & {{ x }}' in text or row.document in (
            "Tanda Bukti Penerimaan Permohonan Informasi",
            "Tanda Terima",
        )
    rejection = text_of(next(r.path for r in hostile.made if r.document.startswith("Keputusan")))
    assert "{{ 7*7 }} & <b>tebal</b>" in rejection and "49" not in rejection
    assert "Jl. <script>alert(1)</script> & Sons" in rejection
    extension = text_of(
        next(r.path for r in hostile.made if r.document.startswith("Pemberitahuan Perpanjangan"))
    )
    assert "{% if true %}bocor{% endif %}" in extension
    ba = text_of(next(r.path for r in hostile.made if r.document.startswith("Berita Acara")))
    assert "Agus & <Salim>" in ba and "Gaji </w:t></w:r> & 😀" in ba


def test_line_breaks_long_text_and_no_control_characters(hostile):
    for row in hostile.made:
        text = text_of(row.path)
        if row.document != "Tanda Terima":  # a rejection's receipt names the letter, not the request
            assert "baris satu\nbaris dua\nbaris tiga" in text
            assert LONG in text
            assert "\ttab" in text
        with zipfile.ZipFile(row.path) as zf:
            xml = zf.read("word/document.xml").decode("utf-8")
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", xml)
        assert "<w:br/>" in xml or row.document == "Tanda Terima"


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("a\x00b\x01c\x08d", "abcd"),
        ("tab\tstays", "tab\tstays"),
        ("line\nbreak", "line\nbreak"),
        ("windows\r\nline\rmac", "windows\nline\nmac"),
        ("\x07bell\x0cpage\x0bvt\x1besc\x1fus\x7fdel", "bellpagevtescusdel"),
        ('emoji 😀 & <b> "q" {{ x }}', 'emoji 😀 & <b> "q" {{ x }}'),
        ("lone \ud800 surrogate \uffff", "lone  surrogate "),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_clean_value_reaches_nested_lists_and_dicts():
    value = {"items": [{"a": "x\x00y"}], "flag": True, "n": 3, "words": ("p\x01", "q")}
    assert clean_value(value) == {"items": [{"a": "xy"}], "flag": True, "n": 3, "words": ["p", "q"]}
    assert clean_text(CONTROL) == ""
