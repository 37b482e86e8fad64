"""Layout of every letter type and both reports as printed: LibreOffice renders, pdftotext reads.

One soffice call converts everything (a sample register with a partial grant, a legal-entity
requester, a two-page berita acara, deliveries by e-mail and in person, and the report sample of
tests/test_report.py).  Checked on the PDF text, page by page:

- every page says "Halaman x dari y";
- the closing sentence, the signers' names, pangkat and NIP are on one page;
- no table cell text is broken inside a word (every word of every cell is found whole).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from _letters_data import REG1, REG2, carried, demo_register, demo_rows, request

from automation.letters.documents import DocumentsRequest, make_documents
from automation.letters.pdf import convert_to_pdf, find_soffice
from automation.report import build_annual, build_monthly

pytestmark = [
    pytest.mark.skipif(
        find_soffice() is None or shutil.which("pdftotext") is None,
        reason="LibreOffice atau pdftotext (poppler-utils) tidak terpasang",
    ),
    pytest.mark.xdist_group("soffice"),
]

REG4 = "PPID-KOMINFO/2026/11/0004"  # a legal entity, granted in full, collected in person
ENTITY = "PT Borneo Data Nusantara"
LONG = (
    "Rekapitulasi anggaran belanja pegawai per Perangkat Daerah beserta rincian tunjangan kinerja, "
    "honorarium tim, dan perjalanan dinas triwulan III tahun anggaran 2026. "
)
GROUND_A, GROUND_D = "a. Penolakan berdasarkan Pasal 17", "d. Ditanggapi tidak sebagaimana diminta"
KEEP = ("pemberitahuan", "tanda_terima")  # of the requests other than REG1 and REG4 (fewer files, faster)
CLOSING = re.compile(
    r"^\s*(Demikian|Simpan tanda bukti|Simpan tanda terima|Jika Pemohon Informasi keberatan"
    r"|Apabila Pemohon Informasi)",
    re.M,
)
SIGNED = re.compile(
    r"NIP \d|\(\.{6,}\)|\d+\. \.{6,}|tanpa tanda tangan basah"
)  # NIP, blank name, BA member lines


def sample_rows() -> dict[str, list[dict[str, Any]]]:
    rows = demo_rows()
    c2, c4 = carried(REG2, "Siti Aminah"), carried(REG4, ENTITY)
    rows["permohonan"].append(
        request(
            REG4,
            ENTITY,
            datetime(2026, 11, 26, 9, 0),
            kategori_pemohon="Badan Hukum",
            jenis_identitas="Akta Badan Hukum",
            dokumen_badan_hukum="AHU-0012345.AH.01.01.TAHUN 2020",
            pekerjaan="Petani",
            nama_wakil="Andreas Wijaya",
            rincian_informasi=LONG,
        )
    )
    members = "; ".join(
        f"{n} (Anggota)"
        for n in (
            "Drs. Agus Salim",
            "Maria Goreti, S.H.",
            "Yohanes Edi, S.Sos.",
            "Dra. Theresia Lim, M.Si.",
            "Ir. Hendrikus Ajan, M.T.",
            "Nurhayati, S.Kom.",
        )
    )
    rows["berita_acara"][0]["anggota_hadir"] = members
    for item in rows["klasifikasi"]:
        if item["dikecualikan"] != "TIDAK":
            item["konsekuensi"] = item["konsekuensi"] + " " + LONG * 2
            item["kepentingan_publik"] = item["kepentingan_publik"] + " " + LONG
    for dec in rows["keputusan"]:
        if dec["no_registrasi"] == REG2:
            dec["konsekuensi"] = "Data pribadi terbuka. " + LONG * 3
            dec["bagian_dikecualikan"] = "Nomor rekening dan alamat rumah pegawai pada " + LONG
    rows["keputusan"].append(
        {
            **c4,
            "jenis_keputusan": "Diberikan seluruhnya",
            "bentuk_informasi": "Hardcopy",
            "cara_penyampaian": "Mengambil langsung",
            "biaya": "Rp 0",
            "waktu_penyediaan": 3.0,
            "tanggal_keputusan": date(2026, 12, 3),
            "tanggal_penyampaian": date(2026, 12, 3),
        }
    )
    rows["tanda_terima"] += [
        {
            **c2,
            "jenis_keputusan": "Diberikan sebagian",
            "tanggal_diterima": date(2026, 12, 3),
            "nama_penerima": "Siti Aminah",
            "cara_diterima": "Mengambil langsung",
        },
        {
            **c4,
            "jenis_keputusan": "Diberikan seluruhnya",
            "tanggal_diterima": date(2026, 12, 4),
            "nama_penerima": "Andreas Wijaya (kuasa PT Borneo Data Nusantara)",
            "cara_diterima": "Mengambil langsung",
        },
    ]
    rows["keberatan"] = [  # both keberatan letters, for a person and for a legal entity
        {
            "no_registrasi": REG1,
            "tanggal_keberatan": date(2026, 12, 3),
            "alasan_keberatan": GROUND_A,
            "uraian_keberatan": LONG,
            "tanggal_tanggapan": date(2026, 12, 4),
            "putusan_keberatan": "Ditolak",
            "pertimbangan_atasan": LONG * 2,
        },
        {
            "no_registrasi": REG4,
            "tanggal_keberatan": date(2026, 12, 4),
            "alasan_keberatan": GROUND_D,
            "tanggal_tanggapan": date(2026, 12, 4),
            "putusan_keberatan": "Diterima",
        },
    ]
    return rows


def pdf_pages(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = out.split("\f")
    return [_norm(p) for p in (pages[:-1] if pages and not pages[-1].strip() else pages)]


def _norm(text: str) -> str:
    return text.replace("\u2011", "-").replace("\u00ad", "")


def cell_words(path: Path) -> Counter[str]:
    """Words (4+ characters) in the table cells of a rendered .docx, nested tables included."""
    document = docx.Document(str(path))
    words: Counter[str] = Counter()
    for tc in document.element.body.iter(docx.oxml.ns.qn("w:tc")):
        for p in tc.iterchildren(docx.oxml.ns.qn("w:p")):
            text = _norm(docx.text.paragraph.Paragraph(p, document).text)
            words.update(w for w in text.split() if len(w) >= 4)
    return words


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    from _factories import make_register
    from test_report import TODAY, fixture_rows

    tmp = tmp_path_factory.mktemp("tata-letak")
    reg = demo_register(tmp, sample_rows())
    _, result = make_documents(reg, DocumentsRequest(tmp / "output", date(2026, 12, 5)))
    assert not result.failed, [r.message for r in result.failed]
    sources = [
        r.path for r in result.made if r.path.parent.name.endswith(("0001", "0004")) or r.path.stem in KEEP
    ]
    report_reg = make_register(fixture_rows())
    sources.append(build_monthly(report_reg, "2026-03", out_dir=tmp / "laporan", today=TODAY).docx)
    sources.append(build_annual(report_reg, 2026, out_dir=tmp / "laporan", today=TODAY).docx)
    names = [f"{p.parent.name}-{p.stem}" for p in sources]
    staged = tmp / "staged"
    staged.mkdir()
    for name, src in zip(names, sources, strict=True):
        shutil.copy(src, staged / f"{name}.docx")
    pdfs = convert_to_pdf([staged / f"{n}.docx" for n in names], tmp / "pdf")
    assert len(pdfs) == len(names)
    out = {name: pdf_pages(tmp / "pdf" / f"{name}.pdf") for name in names} | {
        f"{name}.docx": [str(staged / f"{name}.docx")] for name in names
    }
    if os.environ.get("PPID_LAYOUT_DUMP"):  # read the pages by eye: PPID_LAYOUT_DUMP=/tmp/folder
        dump(out, Path(os.environ["PPID_LAYOUT_DUMP"]))
        shutil.copytree(tmp / "pdf", Path(os.environ["PPID_LAYOUT_DUMP"]) / "pdf", dirs_exist_ok=True)
    return out


def documents(rendered: dict[str, list[str]]) -> list[str]:
    return [k for k in rendered if not k.endswith(".docx")]


def test_every_letter_type_and_both_reports_are_rendered(rendered: dict[str, list[str]]) -> None:
    names = documents(rendered)
    stems = {name.rsplit("-", 1)[-1] for name in names}
    assert {
        "tanda_bukti",
        "perpanjangan",
        "berita_acara",
        "penolakan",
        "pemberitahuan",
        "tanda_terima",
        "tanda_terima_keberatan",
        "tanggapan_keberatan",
    } <= stems
    assert any("laporan-bulanan" in n for n in names) and any("laporan-tahunan" in n for n in names)


def test_every_page_is_numbered(rendered: dict[str, list[str]]) -> None:
    for name in documents(rendered):
        pages = rendered[name]
        for i, page in enumerate(pages, start=1):
            assert f"Halaman {i} dari {len(pages)}" in page, (name, i)


def test_closing_line_and_signatures_share_a_page(rendered: dict[str, list[str]]) -> None:
    for name in documents(rendered):
        pages = rendered[name]
        closing = [i for i, page in enumerate(pages) if CLOSING.search(page)]
        assert closing, (name, "no closing line")
        last = closing[-1]
        after = _after_last_closing(pages[last])
        assert SIGNED.search(after), (name, "signature not on the page of the closing line", after[-600:])
        for page in pages[last + 1 :]:
            assert not SIGNED.search(page), (name, "signature lines on a later page", page[:400])


def _after_last_closing(page: str) -> str:
    *_, match = CLOSING.finditer(page)
    return page[match.start() :]


def test_signers_name_pangkat_and_nip_together(rendered: dict[str, list[str]]) -> None:
    for name in documents(rendered):
        for page in rendered[name]:
            for nip in re.findall(r"NIP (\d{8} \d{6} \d \d{3})", page):
                block = page[: page.index(f"NIP {nip}")]
                assert re.search(r"(Pembina|Penata)[^\n]*\n[^\n]*$", block), (name, nip)


def test_no_table_cell_is_broken_inside_a_word(rendered: dict[str, list[str]]) -> None:
    for name in documents(rendered):
        text = "\n".join(rendered[name])
        found = Counter(text.split())
        words = cell_words(Path(rendered[f"{name}.docx"][0]))
        broken = {w for w, n in words.items() if text.count(w) < n and found[w] < n}
        assert not broken, (name, sorted(broken)[:10])


def test_legal_entity_shows_its_number_not_an_occupation(rendered: dict[str, list[str]]) -> None:
    entity = [n for n in documents(rendered) if REG4.replace("/", "-") in n]
    assert entity
    for name in entity:
        text = "\n".join(rendered[name])
        assert "Petani" not in text and "Pekerjaan" not in text, name
        if "pemberitahuan" in name:
            assert (
                "AHU-0012345.AH.01.01.TAHUN 2020" in text
                and "Diwakili oleh" in text
                and "Andreas Wijaya" in text
            )
            assert "Nama Badan Hukum" in text


def test_e_mail_receipt_has_no_wet_signature(rendered: dict[str, list[str]]) -> None:
    by_mail = "\n".join(rendered[f"{REG1.replace('/', '-')}-tanda_terima"])
    assert "secara elektronik" in by_mail and "Yang Menerima" not in by_mail
    in_person = "\n".join(rendered[f"{REG2.replace('/', '-')}-tanda_terima"])
    assert "Yang Menerima" in in_person and "secara elektronik" not in in_person


def dump(rendered: dict[str, list[str]], folder: Path) -> None:
    """Write each PDF's text to ``folder`` (for reading the layout by eye while debugging)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in documents(rendered):
        (folder / f"{name}.txt").write_text("\n\f".join(rendered[name]), encoding="utf-8")


LETTER_NUMBER = re.compile(r"\d{3}/[A-Z-]+/PPID-DISKOMINFO/[IVX]+/\d{4}")


def test_letter_numbers_are_never_broken(rendered: dict[str, list[str]]) -> None:
    from _letters_data import text_of

    for name in documents(rendered):
        numbers = LETTER_NUMBER.findall(text_of(Path(rendered[f"{name}.docx"][0])))
        text = "\n".join(rendered[name])
        assert all(n in text for n in numbers), (name, numbers)
