"""Letters: every template renders from register rows with the elements the law and forms require."""

from __future__ import annotations

import re
import struct
import zlib
from datetime import date
from pathlib import Path

import docx
import pytest
from _letters_data import REG1, REG2, REG3, apply, carried, demo_register, demo_rows, flat, text_of

from automation.errors import UsageError
from automation.letters.documents import FAILED, MADE, DocumentsRequest, make_documents
from automation.letters.render import TEMPLATES_DIR
from automation.schema import DOCUMENTS

TODAY = date(2026, 11, 25)
ROOT = Path(__file__).resolve().parents[1]


def run(reg, tmp_path, **kw):
    return make_documents(reg, DocumentsRequest(tmp_path / "output", TODAY, **kw))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("letters")
    reg = demo_register(tmp)
    changes, result = run(reg, tmp)
    docs = {(r.reg_no, r.document): r for r in result.rows}
    return reg, changes, result, docs


def letter(demo, reg_no: str, key: str) -> str:
    title = next(d.title for d in DOCUMENTS if d.key == key)
    row = demo[3][(reg_no, title)]
    assert row.status == MADE, row.message
    return flat(text_of(row.path))


def test_every_due_document_is_made(demo):
    _, _, result, _ = demo
    assert not result.failed, [r.message for r in result.failed]
    # 3 receipts, 1 extension, 1 berita acara, 3 decisions (1 rejection, 2 notices), the partial grant's
    # refusal of its withheld part, 1 tanda terima
    assert len(result.rows) == 10
    # the keberatan letters need a Keberatan row: tests/test_objections.py renders them
    assert {r.document for r in result.rows} == {d.title for d in DOCUMENTS if d.sheet != "keberatan"}
    assert all(r.path and r.path.is_file() for r in result.rows)


def test_tanda_bukti_carries_the_request(demo):
    text = letter(demo, REG1, "tanda_bukti")
    for expected in (
        "TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK",
        "Nomor: 001/TBP/PPID-DISKOMINFO/XI/2026",
        REG1,
        "Budi Santoso",
        "Selasa, 24 November 2026 pukul 09.15 WIB",
        f"Daftar gaji pegawai ({REG1})",
        "Penelitian",
        "Mendapatkan salinan (softcopy)",
        "Surel",
        "8 Desember 2026",
        "10 (sepuluh) hari kerja",
        "Pontianak, 24 November 2026",
        "PEMERINTAH PROVINSI KALIMANTAN BARAT DINAS KOMUNIKASI DAN INFORMATIKA Jl.",
        "Jl. Ahmad Yani",
        "diskominfo@kalbarprov.go.id",
        "https://diskominfo.kalbarprov.go.id",
    ):
        assert expected in text, expected
    assert "6171010101010001" not in text  # the NIK never appears in a letter
    assert text.count("PROVINSI KALIMANTAN BARAT") == 1  # the kop names the region once


def test_perpanjangan_gives_reason_and_new_deadline(demo):
    text = letter(demo, REG1, "perpanjangan")
    assert "Informasi masih dalam proses uji konsekuensi." in text
    assert "7 (tujuh) hari kerja" in text and "Pasal 22 ayat (8)" in text
    assert "Batas waktu semula : 8 Desember 2026" in text
    assert "Batas waktu setelah perpanjangan : 17 Desember 2026" in text  # 17th working day


def test_berita_acara_spells_the_day_and_lists_exempt_items(demo):
    text = letter(demo, REG1, "berita_acara")
    assert (
        "Pada hari ini Selasa, tanggal dua puluh empat bulan November tahun dua ribu dua puluh enam, "
        "bertempat di Ruang Rapat Diskominfo" in text
    )
    for expected in (
        "1. Drs. Agus Salim (Ketua)",
        "2. Maria Goreti, S.H. (Anggota)",
        "3. Yohanes Edi, S.Sos. (Anggota)",
        "Rincian gaji per pegawai",
        "Pasal 17 huruf h angka 3 UU 14/2008",
        "Pasal 17 huruf j UU 14/2008 juncto UU 27/2022 tentang Pelindungan Data Pribadi",
        "Bagian yang dikecualikan: Nomor rekening",
        "Mengungkap kondisi keuangan pribadi pegawai.",
        "Perlindungan data pribadi.",
        "5 (lima) tahun",
        "Tidak terbatas",
        "Kesimpulan:",
        "Menyetujui, Tanggal",
        "Atasan PPID",
        "Samuel, S.E., M.Si.",
        "NIP 19660408 199303 1 009",
        "Rudi Hartono, S.Kom., M.M.",
        "NIP 19790512 200501 1 004",
        "Jumlah pegawai",
        "Tidak dikecualikan",  # every tested item is listed with its outcome
        "Dari 3 (tiga) informasi yang diuji",  # the conclusion is written from the outcomes
    ):
        assert expected in text, expected
    assert "Mengetahui" not in text
    assert "Budi Santoso" not in text  # the requester is named only in letters addressed to them


def test_berita_acara_table_has_a_row_per_tested_item_with_its_outcome(demo):
    path = next(r.path for r in demo[2].rows if r.document == "Berita Acara Uji Konsekuensi")
    tables = docx.Document(str(path)).tables
    items = next(t for t in tables if "Informasi yang Diuji" in t.rows[0].cells[1].text)
    assert [row.cells[0].text for row in items.rows[1:]] == ["1", "2", "3"]
    # the outcome is the second line of the item's cell (six columns fit A4 without breaking words)
    assert sorted(row.cells[1].text.splitlines()[-1] for row in items.rows[1:]) == [
        "Hasil: Dikecualikan",
        "Hasil: Dikecualikan sebagian",
        "Hasil: Tidak dikecualikan",
    ]


def test_penolakan_has_every_field_of_the_form(demo):
    text = letter(demo, REG1, "penolakan")
    for expected in (
        "SURAT KEPUTUSAN PPID TENTANG PENOLAKAN PERMOHONAN INFORMASI",
        "Nomor: 001/SK-TOLAK/PPID-DISKOMINFO/XII/2026",
        f"Nomor Pendaftaran : {REG1}",
        "Nama Pemohon : Budi Santoso",
        "Alamat : Jl. Gajah Mada No. 1, Pontianak",
        "Nomor Telepon/Surel : 081234567890 / pemohon@contoh.id",
        f"Daftar gaji pegawai ({REG1})",
        (
            "PPID memutuskan bahwa informasi yang dimohon, yang dikuasai oleh Badan Kepegawaian Daerah,"
            " adalah informasi yang dikecualikan"
        ),
        "Pasal 17 huruf h angka 3 UU 14/2008",
        "Mengungkap kondisi keuangan pribadi pegawai.",
        "Dengan demikian menyatakan bahwa permohonan informasi DITOLAK",
        "keberatan secara tertulis kepada Atasan PPID, yaitu Samuel, S.E., M.Si.",
        "30 (tiga puluh) hari kerja",
        (
            "melalui petugas layanan informasi di Dinas Komunikasi dan Informatika Provinsi Kalimantan Barat,"
            " Jl. Ahmad Yani"
        ),
        "Pontianak, 1 Desember 2026",
    ):
        assert expected in text, expected


def test_pemberitahuan_sebagian_names_withheld_part_cost_and_time(demo):
    text = letter(demo, REG2, "pemberitahuan")
    for expected in (
        "PEMBERITAHUAN TERTULIS",
        "Nomor: 001/PT/PPID-DISKOMINFO/XII/2026",
        "Diberikan sebagian",
        "Rabu, 25 November 2026 pukul 10.00 WIB",
        "INFORMASI DAPAT DIBERIKAN",
        "Softcopy",
        "Surel",
        "Rp15.000,00 (lima belas ribu rupiah)",
        "3 (tiga) hari kerja",
        "Nomor rekening pegawai",
        "Pasal 17 huruf h angka 3 UU 14/2008",
        "Data pribadi terbuka.",
    ):
        assert expected in text, expected
    assert "INFORMASI TIDAK DAPAT DIBERIKAN" not in text


def test_pemberitahuan_tidak_dikuasai_names_the_holder(demo):
    text = letter(demo, REG3, "pemberitahuan")
    assert "Nomor: 002/PT/PPID-DISKOMINFO/XII/2026" in text
    assert "INFORMASI TIDAK DAPAT DIBERIKAN" in text and "Badan Kepegawaian Daerah" in text
    assert "INFORMASI DAPAT DIBERIKAN" not in text.replace("TIDAK DAPAT DIBERIKAN", "")
    assert "Kamis, 26 November 2026 pukul 12.00 WIB" in text  # received as an Excel serial number


def test_tanda_terima_names_recipient_and_the_letter_received(demo):
    text = letter(demo, REG1, "tanda_terima")
    for expected in (
        "TANDA TERIMA INFORMASI PUBLIK",
        "Pada hari ini Rabu, 2 Desember 2026",
        "Nama Penerima : Budi Santoso",
        (
            "Surat Keputusan PPID tentang Penolakan Permohonan Informasi Nomor"
            " 001/SK-TOLAK/PPID-DISKOMINFO/XII/2026"
        ),
        "Cara Penyerahan : Surel",
        "dibuat secara elektronik",
        "sah tanpa tanda tangan basah",
    ):
        assert expected in text, expected
    assert "Yang Menerima" not in text and "(......" not in text  # delivered by e-mail: no wet signature


def test_number_date_and_path_written_back_and_logged(demo, tmp_path):
    reg, changes, result, _ = demo
    cells = changes.cells[("keputusan", 7)]
    assert cells["nomor_surat"] == "001/SK-TOLAK/PPID-DISKOMINFO/XII/2026"
    assert cells["tanggal_surat"] == date(2026, 12, 1)
    assert cells["berkas_surat"] == str(Path("output/2026/PPID-KOMINFO-2026-11-0001/penolakan.docx"))
    assert (reg.path.parent / cells["berkas_surat"]).is_file()
    assert len(changes.log) == len(result.rows)
    entry = next(e for e in changes.log if e["dari"] == "8 Keputusan")
    assert (
        entry["keterangan"] == "Nomor Keputusan PPID tentang Penolakan Permohonan Informasi:"
        " 001/SK-TOLAK/PPID-DISKOMINFO/XII/2026"
    )
    assert entry["ke"] == "dokumen" and entry["no_registrasi"] == REG1 and entry["pemicu"] == "CLI"


def test_missing_required_field_stops_only_that_document(tmp_path):
    reg = demo_register(tmp_path)
    reg.sheets["berita_acara"].records[0].values["tempat_uji"] = None
    reg.sheets["keputusan"].records[1].values["biaya"] = "lima belas"
    changes, result = run(reg, tmp_path)
    failed = {r.document: r.message for r in result.failed}
    assert set(failed) == {"Berita Acara Uji Konsekuensi", "Pemberitahuan Tertulis"}
    assert (
        changes.cells[("berita_acara", 7)]["catatan"]
        == "Dokumen Berita Acara Uji Konsekuensi belum dapat dibuat: kolom Tempat kosong."
    )
    assert "kolom Biaya (Rp) tidak valid" in changes.cells[("keputusan", 8)]["catatan"]
    assert "nomor_ba" not in changes.cells[("berita_acara", 7)]
    assert len(result.made) == 8
    assert not (tmp_path / "output" / "2026" / "PPID-KOMINFO-2026-11-0001" / "berita_acara.docx").exists()
    # fixed and run again: made, and the note is cleared
    apply(reg, changes)
    reg.sheets["berita_acara"].records[0].values["tempat_uji"] = "Aula"
    reg.sheets["keputusan"].records[1].values["biaya"] = 0
    changes, result = run(reg, tmp_path)
    assert not result.failed and len(result.made) == 2
    assert changes.cells[("berita_acara", 7)]["catatan"] is None
    assert changes.cells[("berita_acara", 7)]["nomor_ba"] == "001/BA-UK/PPID-DISKOMINFO/XI/2026"
    notice = next(r.path for r in result.rows if r.document == "Pemberitahuan Tertulis")
    assert "Biaya : Tidak dikenakan biaya" in flat(text_of(notice))


def test_document_note_keeps_the_workflow_reason_of_the_row(tmp_path):
    """The Catatan holds advance's reason and the documents' sentences; each run replaces its own part."""
    reg = demo_register(tmp_path)
    ba = reg.sheets["berita_acara"].records[0]
    ba.values.update(tempat_uji=None, catatan="Belum dapat diteruskan: kolom wajib belum diisi: 'Tempat'.")
    changes, _result = run(reg, tmp_path)
    assert (
        changes.cells[("berita_acara", ba.row)]["catatan"]
        == "Belum dapat diteruskan: kolom wajib belum diisi: 'Tempat'. "
        "Dokumen Berita Acara Uji Konsekuensi belum dapat dibuat: kolom Tempat kosong."
    )
    apply(reg, changes)
    ba.values["tempat_uji"] = "Aula"
    changes, _result = run(reg, tmp_path)
    assert (
        changes.cells[("berita_acara", ba.row)]["catatan"]
        == "Belum dapat diteruskan: kolom wajib belum diisi: 'Tempat'."
    )


def test_berita_acara_needs_exempt_items_and_17j_law(tmp_path):
    reg = demo_register(tmp_path)
    klas = reg.sheets["klasifikasi"].records
    klas[1].values["uu_lain"] = None
    _, result = run(reg, tmp_path, reg_no=REG1)
    ba = next(r for r in result.rows if r.document == "Berita Acara Uji Konsekuensi")
    assert ba.status == FAILED
    assert (
        "4 Klasifikasi baris 8: kolom Undang-Undang Lain kosong (wajib untuk Pasal 17 huruf j)" in ba.message
    )
    for rec in klas:
        rec.values["dikecualikan"] = "TIDAK"
    _, result = run(reg, tmp_path, reg_no=REG1)
    ba = next(r for r in result.rows if r.document == "Berita Acara Uji Konsekuensi")
    assert "tidak ada informasi yang dikecualikan" in ba.message


def test_latest_round_of_classification_is_used(tmp_path):
    reg = demo_register(tmp_path)
    klas = reg.sheets["klasifikasi"]
    first = klas.records[0].values
    revised = {
        **first,
        "informasi_diuji": "Rincian gaji per pegawai (revisi)",
        "tanggal_selesai": date(2026, 11, 30),
    }
    from automation.register import Record

    klas.records.append(Record(10, revised))
    _, result = run(reg, tmp_path, reg_no=REG1)
    path = next(r.path for r in result.rows if r.document == "Berita Acara Uji Konsekuensi")
    text = flat(text_of(path))
    assert "Rincian gaji per pegawai (revisi)" in text
    assert "Nomor rekening pegawai" not in text  # earlier round


def test_reg_filter_and_unknown_registration(tmp_path):
    reg = demo_register(tmp_path)
    _, result = run(reg, tmp_path, reg_no=REG2)
    assert {r.reg_no for r in result.rows} == {REG2}
    with pytest.raises(UsageError, match="tidak ditemukan"):
        run(reg, tmp_path, reg_no="PPID-KOMINFO/2026/11/9999")


def _png(path: Path) -> Path:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    return path


def test_logo_from_settings_goes_into_the_kop(tmp_path):
    logo = _png(tmp_path / "logo.png")
    reg = demo_register(tmp_path, settings={"logo": "logo.png"})  # relative to the register's folder
    _, result = run(reg, tmp_path, reg_no=REG2)
    assert not result.notes
    for row in result.made:
        assert len(docx.Document(str(row.path)).inline_shapes) == 1
    (tmp_path / "bukan.png").write_text("bukan gambar")
    reg = demo_register(tmp_path, settings={"logo": str(tmp_path / "bukan.png")})
    _, result = run(reg, tmp_path, reg_no=REG3)
    assert result.notes == [
        f"Berkas logo {tmp_path / 'bukan.png'} bukan gambar yang dikenali (PNG/JPG); kop surat dibuat tanpa"
        " logo."
    ]
    assert result.made and not result.failed
    assert logo.exists()


def test_broken_template_fails_the_document_and_frees_its_number(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    for doc in DOCUMENTS:
        (templates / doc.template).write_bytes((TEMPLATES_DIR / doc.template).read_bytes())
    broken = docx.Document(str(templates / "keputusan_penolakan.docx"))
    broken.add_paragraph("{{ isian_salah_ketik }}")
    broken.save(str(templates / "keputusan_penolakan.docx"))
    reg = demo_register(tmp_path)
    changes, result = run(reg, tmp_path, reg_no=REG1, templates_dir=templates)
    failed = result.failed
    assert [r.document for r in failed] == ["Keputusan PPID tentang Penolakan Permohonan Informasi"]
    assert "isian_salah_ketik" in failed[0].message
    assert not any("SK-TOLAK" in e["keterangan"] for e in changes.log)
    apply(reg, changes)
    changes, result = run(reg, tmp_path, reg_no=REG1)
    assert changes.cells[("keputusan", 7)]["nomor_surat"] == "001/SK-TOLAK/PPID-DISKOMINFO/XII/2026"


# ---------------------------------------------------------------- docs/templates.md is complete
_LOOP = re.compile(r"\{%(?:p|tr|tc|r)?\s*for\s+(\w+)\s+in\s+([\w.]+)\s*%\}")
_IF = re.compile(r"\{%(?:p|tr|tc|r)?\s*(?:el)?if\s+(?:not\s+)?([\w.]+)")
_VAR = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)")


def template_placeholders(path: Path) -> set[str]:
    xml = docx.Document(str(path)).element.xml
    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    loops = dict(_LOOP.findall(text))
    names = set(loops.values()) | set(_IF.findall(text)) | set(_VAR.findall(text))
    return {n for n in names if n not in loops and n != "loop" and not n.startswith("loop.")}


def documented_placeholders() -> set[str]:
    text = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    return set(re.findall(r"^\| `([\w.]+)` \|", text, flags=re.M)) - {d.template for d in DOCUMENTS}


def test_every_placeholder_is_documented_and_every_documented_one_used():
    used: set[str] = set()
    for doc in DOCUMENTS:
        used |= template_placeholders(TEMPLATES_DIR / doc.template)
    documented = documented_placeholders()
    assert used - documented == set(), "isian tanpa keterangan di docs/templates.md"
    assert documented - used == set(), "keterangan untuk isian yang tidak dipakai"


def test_generator_builds_templates_that_render(tmp_path):
    import runpy

    module = runpy.run_path(str(ROOT / "tools" / "make_templates.py"))
    module["make_templates"](tmp_path / "templates")
    for doc in DOCUMENTS:
        assert template_placeholders(tmp_path / "templates" / doc.template) <= documented_placeholders()
    _, result = run(demo_register(tmp_path), tmp_path, templates_dir=tmp_path / "templates")
    assert len(result.made) == 10 and not result.failed


def test_render_matches_plain_docxtpl(tmp_path):
    """The cached renderer gives the same letter as docxtpl's own render with autoescape."""
    from docxtpl import DocxTemplate
    from test_letters_hostile import hostile_register

    from automation.letters.clean import clean_context
    from automation.letters.context import build
    from automation.letters.documents import due_documents
    from automation.letters.render import jinja_env, render_docx, template_file
    from automation.letters.sources import Sources

    reg = hostile_register(tmp_path)
    src = Sources(reg)
    for due in due_documents(reg):
        built = build(due.doc.key, src, due.sheet_key, due.record, today=TODAY)
        if built.problems:
            continue
        context = {**built.context, "nomor": "001/UJI/2026", "tanggal_surat": "1 Desember 2026"}
        ours = render_docx(template_file(due.doc.template), context, tmp_path / "ours.docx")
        plain = DocxTemplate(template_file(due.doc.template))
        plain.render(clean_context(context), jinja_env=jinja_env(), autoescape=True)
        plain.save(tmp_path / "plain.docx")
        assert text_of(ours) == text_of(tmp_path / "plain.docx"), due.doc.key


def test_fresh_stage_rows_are_not_due_yet(tmp_path):
    data = demo_rows()
    data["berita_acara"].append(carried(REG2, "Siti Aminah"))  # just forwarded by advance: nothing typed
    data["tanda_terima"].append({**carried(REG2, "Siti Aminah"), "jenis_keputusan": "Diberikan sebagian"})
    reg = demo_register(tmp_path, data)
    changes, result = run(reg, tmp_path, reg_no=REG2)
    assert not result.failed
    assert ("berita_acara", 8) not in changes.cells and ("tanda_terima", 8) not in changes.cells
    reg.sheets["tanda_terima"].records[1].values["nama_penerima"] = "Siti Aminah"  # started, incomplete
    changes, result = run(reg, tmp_path, reg_no=REG2)
    assert [r.message for r in result.failed] == [
        "Dokumen Tanda Terima belum dapat dibuat: kolom Tanggal Diterima kosong."
    ]


def test_round_sent_back_by_the_atasan_is_left_out(tmp_path):
    from automation.register import Record
    from automation.rownotes import SUPERSEDED

    reg = demo_register(tmp_path)
    klas = reg.sheets["klasifikasi"]
    for rec in klas.records:  # round 1: sent to 5 Berita Acara, then returned by the Atasan PPID
        rec.values.update(diteruskan_ke="5 Berita Acara", catatan=f"{SUPERSEDED} (Revisi).")
    second = {
        **klas.records[0].values,
        "informasi_diuji": "Rincian gaji (putaran kedua)",
        "catatan": None,
        "tanggal_selesai": date(2026, 11, 24),
    }
    klas.records.append(Record(10, second))
    _, result = run(reg, tmp_path, reg_no=REG1)
    text = flat(text_of(next(r.path for r in result.rows if r.document == "Berita Acara Uji Konsekuensi")))
    assert "Rincian gaji (putaran kedua)" in text
    assert "Nomor rekening pegawai" not in text and "Rincian gaji per pegawai" not in text


def test_second_round_gets_its_own_file(tmp_path):
    data = demo_rows()
    data["berita_acara"].append({**data["berita_acara"][0], "tanggal_uji": date(2026, 11, 30)})
    reg = demo_register(tmp_path, data)
    _, result = run(reg, tmp_path, reg_no=REG1)
    names = sorted(r.path.name for r in result.rows if r.document == "Berita Acara Uji Konsekuensi")
    assert names == ["berita_acara-2.docx", "berita_acara.docx"]


# ---------------------------------------------------------------- issue 11: letters consistent with UU KIP
def test_perpanjangan_is_dated_by_its_own_column_not_the_run_day(demo):
    text = letter(demo, REG1, "perpanjangan")
    assert "Pontianak, 26 November 2026" in text and "25 November 2026" not in text.split("Pontianak,")[-1]


def test_late_extension_is_refused_with_what_the_law_requires(tmp_path):
    reg = demo_register(tmp_path)
    reg.sheets["permohonan"].records[0].values["tanggal_perpanjangan"] = date(
        2026, 12, 10
    )  # after day 10 (8/12)
    _, result = run(reg, tmp_path, reg_no=REG1)
    (failed,) = [r for r in result.failed if r.document == "Pemberitahuan Perpanjangan Waktu"]
    assert "Pasal 22 ayat (8)" in failed.message and "kirim pemberitahuan tertulis" in failed.message


def test_partial_grant_produces_the_full_set(demo):
    notice = letter(demo, REG2, "pemberitahuan")
    refusal = letter(demo, REG2, "penolakan_sebagian")
    number = demo[3][(REG2, "Keputusan PPID tentang Penolakan Sebagian Permohonan Informasi")].number
    for expected in (
        "Di bawah penguasaan Badan Kepegawaian Daerah",
        "Informasi yang diberikan:",
        "INFORMASI YANG TIDAK DAPAT DIBERIKAN (DIKECUALIKAN)",
        "Nomor rekening pegawai",
        "konsekuensi apabila dibuka: Data pribadi terbuka.",
        f"Keputusan PPID Nomor {number}",
        "keberatan secara tertulis kepada Atasan PPID, yaitu Samuel, S.E., M.Si.",
        "30 (tiga puluh) hari kerja",
    ):
        assert expected in notice, expected
    for expected in (
        "TENTANG PENOLAKAN SEBAGIAN PERMOHONAN INFORMASI",
        "Nama Pemohon : Siti Aminah",
        "sebagian informasi yang dimohon, yang dikuasai oleh Badan Kepegawaian Daerah",
        "Nomor rekening pegawai",
        "Pasal 17 huruf h angka 3 UU 14/2008",
        "atas bagian tersebut DITOLAK",
        "melalui petugas layanan informasi di",
    ):
        assert expected in refusal, expected


def test_flagged_ground_stops_the_berita_acara_until_confirmed(tmp_path):
    rows = demo_rows()
    rows["klasifikasi"][0].update(
        informasi_diuji="Salinan rekam medis pegawai",
        konsekuensi="Data pribadi pegawai.",
        rincian_informasi="Salinan rekam medis pegawai",
    )
    reg = demo_register(tmp_path, rows)
    _, result = run(reg, tmp_path, reg_no=REG1)
    (failed,) = [r for r in result.failed if r.document == "Berita Acara Uji Konsekuensi"]
    assert "belum dikonfirmasi" in failed.message
    reg.sheets["berita_acara"].records[0].values["dasar_dikonfirmasi"] = "Ya"
    _, result = run(reg, tmp_path, reg_no=REG1)
    assert not [r for r in result.failed if r.document == "Berita Acara Uji Konsekuensi"]


def test_replacing_berita_acara_cites_the_one_it_replaces(tmp_path):
    rows = demo_rows()
    rows["berita_acara"][0]["menggantikan_ba"] = "001/BA-UK/PPID-DISKOMINFO/XI/2026"
    reg = demo_register(tmp_path, rows)
    _, result = run(reg, tmp_path, reg_no=REG1)
    path = next(r.path for r in result.made if r.document == "Berita Acara Uji Konsekuensi")
    assert "menggantikan Berita Acara Nomor 001/BA-UK/PPID-DISKOMINFO/XI/2026" in flat(text_of(path))


def test_contradicting_conclusion_stops_the_berita_acara(tmp_path):
    rows = demo_rows()
    rows["berita_acara"][0]["kesimpulan"] = "Seluruh informasi tidak dikecualikan dan dapat dibuka."
    reg = demo_register(tmp_path, rows)
    _, result = run(reg, tmp_path, reg_no=REG1)
    (failed,) = [r for r in result.failed if r.document == "Berita Acara Uji Konsekuensi"]
    assert "Kesimpulan" in failed.message
