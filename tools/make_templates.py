"""Build the seven letter templates (docxtpl placeholders) in templates/ with python-docx.

Run ``.venv/bin/python tools/make_templates.py [OUT_DIR]``.  The generated .docx files are
committed so staff can adjust wording and layout in Word; every placeholder is listed in
docs/templates.md.  Re-running overwrites local edits made in Word.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from automation.schema import DOCUMENT_BY_KEY  # noqa: E402

FONT = "Arial"
SIZE = Pt(11)
TEXT_WIDTH = Mm(160)  # A4 210 mm minus 30 mm left and 20 mm right margins
LABEL_WIDTH = Mm(62)
UU_KIP = "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"
Seg = str | tuple[str, str]  # plain text, or (text, "b"/"u"/"bu"/"i")


# ---------------------------------------------------------------- low-level helpers
def new_document(title: str) -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = SIZE
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.15
    props = doc.core_properties
    props.title, props.author, props.subject = (
        title,
        "PPID Dinas Komunikasi dan Informatika",
        "Templat dokumen PPID",
    )
    props.created = props.modified = datetime(2026, 1, 1)
    props.comments = "Daftar isian templat ada di docs/templates.md."
    page_number_footer(doc)
    return doc


# ---------------------------------------------------------------- layout helpers (letters and reports)
def field_run(paragraph: Paragraph, instruction: str, size: Pt | None = None) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) as begin/instr/separate/result/end runs; Word and
    LibreOffice both recompute the result when the page is laid out."""

    def run(*children: tuple[str, dict[str, str], str]) -> None:
        r = paragraph.add_run()
        if size is not None:
            r.font.size = size
        for tag_name, attrs, text in children:
            el = OxmlElement(tag_name)
            for key, value in attrs.items():
                el.set(qn(key), value)
            if text:
                el.text = text
            r._r.append(el)

    run(("w:fldChar", {"w:fldCharType": "begin"}, ""))
    run(("w:instrText", {"xml:space": "preserve"}, f" {instruction} "))
    run(("w:fldChar", {"w:fldCharType": "separate"}, ""))
    run(("w:t", {}, "1"))
    run(("w:fldChar", {"w:fldCharType": "end"}, ""))


def page_number_footer(doc: DocxDocument, size: int = 9) -> None:
    """'Halaman x dari y' at the bottom right of every page of every section."""
    for section in doc.sections:
        footer = section.footer
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.add_run("Halaman ").font.size = Pt(size)
        field_run(p, "PAGE", Pt(size))
        p.add_run(" dari ").font.size = Pt(size)
        field_run(p, "NUMPAGES", Pt(size))


def keep_with_next(paragraph: Paragraph, lines: bool = True) -> None:
    """Keep this paragraph on the page of the next one (and its own lines together)."""
    fmt = paragraph.paragraph_format
    fmt.keep_with_next = True
    if lines:
        fmt.keep_together = True


def rows_unsplit(table: Table, header_rows: int = 0) -> None:
    """No row of ``table`` breaks across pages; the first ``header_rows`` repeat on every page."""
    for i, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        if tr_pr.find(qn("w:cantSplit")) is None:
            tr_pr.insert(0, OxmlElement("w:cantSplit"))
        if i < header_rows and tr_pr.find(qn("w:tblHeader")) is None:
            tr_pr.append(OxmlElement("w:tblHeader"))


def keep_table_together(table: Table) -> None:
    """Every row kept with the next: the whole (small) table stays on one page with what follows."""
    rows_unsplit(table)
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                keep_with_next(p)


def keep_ending_together(doc: DocxDocument, start: str = "Demikian") -> None:
    """From the closing sentence (last body paragraph starting with ``start``) to the end of the
    letter, everything stays on one page: date line, signature tables, names, NIP."""
    body = doc.element.body
    blocks = [el for el in body.iterchildren() if el.tag in (qn("w:p"), qn("w:tbl"))]
    first = None
    for i, el in enumerate(blocks):
        if el.tag == qn("w:p") and Paragraph(el, doc).text.strip().startswith(start):
            first = i
    if first is None:
        return
    tail = blocks[first:]
    for el in tail[:-1]:
        if el.tag == qn("w:p"):
            keep_with_next(Paragraph(el, doc))
        else:
            keep_table_together(Table(el, doc))


def add_runs(paragraph, segments: Sequence[Seg], size: Pt | None = None, caps: bool = False) -> None:
    for seg in segments:
        text, style = (seg, "") if isinstance(seg, str) else seg
        run = paragraph.add_run(text)
        run.bold = "b" in style or None
        run.underline = "u" in style or None
        run.italic = "i" in style or None
        if size is not None:
            run.font.size = size
        if caps:
            run.font.all_caps = True


def para(
    container,
    *segments: Seg,
    align: str = "justify",
    before: int = 0,
    after: int = 6,
    size: Pt | None = None,
    caps: bool = False,
    indent: Mm | None = None,
):
    p = container.add_paragraph()
    p.alignment = {
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    p.paragraph_format.space_before, p.paragraph_format.space_after = Pt(before), Pt(after)
    if indent is not None:
        p.paragraph_format.left_indent = indent
    add_runs(p, segments, size, caps)
    return p


def tag(container, text: str) -> None:
    """A paragraph holding only a docxtpl block tag ({%p ... %}); removed when rendered."""
    para(container, text, align="left", after=0)


def column_widths(table, widths: Sequence[int]) -> None:
    """Fixed column widths that both Word (tcW) and LibreOffice (tblGrid) honour."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(width / 635)))  # EMU -> twentieths of a point
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def borderless(table) -> None:
    table.style = table.part.document.styles["Normal Table"]


_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def bottom_rule(paragraph, style: str = "thickThinSmallGap", size: str = "24") -> None:
    """The line under the kop surat (default: thick above thin), placed where the schema wants
    ``w:pBdr`` inside ``w:pPr`` (Word rejects a paragraph whose properties are out of order)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", style), ("w:sz", size), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.insert_element_before(borders, *_AFTER_PBDR)


def cell_lines(cell: _Cell, lines: Sequence[Sequence[Seg] | str], align: str = "left") -> None:
    """Fill a cell with one paragraph per line (a line is a string or a list of segments)."""
    first = True
    for line in lines:
        segs = [line] if isinstance(line, str) else list(line)
        if first:
            p = cell.paragraphs[0]
            p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER}[align]
            add_runs(p, segs)
            first = False
        else:
            p = cell.add_paragraph()
            p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER}[align]
            add_runs(p, segs)


# ---------------------------------------------------------------- letter parts
def kop(doc: DocxDocument) -> None:
    """Letterhead: logo (optional) left, government and office centred, then the double rule.

    Capitals come from the ``upper`` filter, not from All Caps formatting: Word then shows the
    placeholders as they must be typed.  ``kop_instansi`` drops the region the government line
    already names ("... Provinsi Kalimantan Barat" is printed once).
    """
    table = doc.add_table(rows=1, cols=3)  # a narrow right column: the text sits nearly centred
    borderless(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    column_widths(table, (Mm(26), TEXT_WIDTH - Mm(34), Mm(8)))
    logo, text, _ = table.rows[0].cells
    logo.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_runs(logo.paragraphs[0], ["{{ logo }}"])
    lines = [
        ("{{ pemerintah|upper }}", Pt(12), True),
        ("{{ instansi|kop_instansi(pemerintah)|upper }}", Pt(13), True),
        ("{{ alamat_instansi }}", Pt(9), False),
        ("Telepon {{ telepon_instansi }}, Surel {{ surel_instansi }}", Pt(9), False),
        ("Laman {{ laman }}", Pt(9), False),
    ]
    for i, (line, size, bold) in enumerate(lines):
        p = text.paragraphs[0] if i == 0 else text.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_runs(p, [(line, "b" if bold else "")], size=size)
    rows_unsplit(table)
    rule = para(doc, "", after=12)
    bottom_rule(rule)


def title(doc: DocxDocument, *lines: str, number: bool = True) -> None:
    for line in lines:
        para(doc, (line, "bu"), align="center", after=0)
    if number:
        para(doc, "Nomor: {{ nomor|nobreak }}", align="center", after=12)
    else:
        para(doc, "", after=6)


def fields(doc_or_cell, rows: Sequence[tuple[str, str]], label_width: Mm = LABEL_WIDTH) -> None:
    """Label : value lines as a borderless three-column table.

    A row whose label is a docxtpl row tag (``{%tr if ... %}``, value "") is a tag row: merged
    across the table by ``finish_layout`` and removed when rendered.
    """
    table = doc_or_cell.add_table(rows=len(rows), cols=3)
    borderless(table)
    column_widths(table, (label_width, Mm(4), TEXT_WIDTH - label_width - Mm(4)))
    for (label, value), row in zip(rows, table.rows, strict=True):
        cells = row.cells
        cells[0].paragraphs[0].add_run(label)
        if not label.startswith("{%tr"):
            cells[1].paragraphs[0].add_run(":")
        cells[2].paragraphs[0].add_run(value)
    rows_unsplit(table)
    para(doc_or_cell, "", after=0)


def signature(
    doc: DocxDocument,
    left: Sequence[Sequence[Seg] | str],
    right: Sequence[Sequence[Seg] | str],
    when: str = "",
) -> None:
    """Two signature blocks side by side (either may be empty), kept on the page of the paragraph
    before them: the closing line, the date, the names and the NIP never part.

    ``when``: a Jinja condition; the blocks are printed only when it holds (e.g. ``not elektronik``).
    """
    previous = doc.paragraphs[-1] if doc.paragraphs else None
    if previous is not None:
        keep_with_next(previous)
    if when:
        tag(doc, f"{{%p if {when} %}}")
    keep_with_next(para(doc, "", after=0))
    table = doc.add_table(rows=1, cols=2)
    borderless(table)
    column_widths(table, (TEXT_WIDTH // 2, TEXT_WIDTH // 2))
    cell_lines(table.rows[0].cells[0], left or [""], "center")
    cell_lines(table.rows[0].cells[1], right or [""], "center")
    keep_table_together(table)
    if when:
        tag(doc, "{%p endif %}")


def electronic_note(doc: DocxDocument) -> None:
    """For a delivery by e-mail: place, date and a note instead of a wet-signature block."""
    tag(doc, "{%p if elektronik %}")
    para(doc, "{{ kota }}, {{ tanggal_surat }}", align="right", before=6)
    para(
        doc,
        (
            (
                "Informasi disampaikan melalui surel. Tanda terima ini dibuat secara elektronik oleh Petugas "
                "Pelayanan Informasi dan sah tanpa tanda tangan basah."
            ),
            "i",
        ),
        before=6,
    )
    tag(doc, "{%p endif %}")


def official(role: Sequence[str], name: str, nip: str) -> list[Sequence[Seg] | str]:
    """Role lines, room to sign, name (bold, underlined), pangkat/golongan, NIP."""
    pangkat = name.replace("nama_", "pangkat_")
    return [*role, "", "", "", [(f"{{{{ {name} }}}}", "bu")], f"{{{{ {pangkat} }}}}", f"NIP {{{{ {nip} }}}}"]


def ppid_block(dated: bool = True) -> list[Sequence[Seg] | str]:
    head = ["{{ kota }}, {{ tanggal_surat }}"] if dated else []
    return [*head, *official(["{{ jabatan_ppid }},"], "nama_ppid", "nip_ppid")]


def closing(doc: DocxDocument, text: str) -> None:
    para(doc, text, before=6)


def requester_fields(
    extra: Sequence[tuple[str, str]] = (), first: str = "Nomor Registrasi"
) -> list[tuple[str, str]]:
    """The requester's identity; a legal entity shows its name, legal-entity number and representative
    instead of a person's name and occupation."""
    return [
        (first, "{{ no_registrasi|nobreak }}"),
        ("{%tr if badan_hukum %}", ""),
        ("Nama Badan Hukum", "{{ nama_pemohon }}"),
        ("Nomor Pengesahan Badan Hukum", "{{ nomor_badan_hukum }}"),
        ("Diwakili oleh", "{{ wakil_pemohon }}"),
        ("{%tr else %}", ""),
        ("Nama Pemohon", "{{ nama_pemohon }}"),
        ("{%tr endif %}", ""),
        ("Alamat", "{{ alamat_pemohon }}"),
        ("{%tr if not badan_hukum %}", ""),
        ("Pekerjaan", "{{ pekerjaan_pemohon }}"),
        ("{%tr endif %}", ""),
        ("Nomor Telepon/Surel", "{{ kontak_pemohon }}"),
        *extra,
    ]


# ---------------------------------------------------------------- the letter templates
def tanda_bukti(doc: DocxDocument) -> None:
    title(doc, "TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK")
    para(doc, "Telah diterima permohonan informasi publik dengan keterangan sebagai berikut:")
    fields(
        doc,
        requester_fields(
            [
                ("Waktu Diterima", "{{ waktu_diterima }}"),
                ("Saluran Permohonan", "{{ saluran }}"),
                ("Rincian Informasi yang Dibutuhkan", "{{ rincian_informasi }}"),
                ("Tujuan Penggunaan Informasi", "{{ tujuan }}"),
                ("Cara Memperoleh Informasi", "{{ cara_memperoleh }}"),
                ("Cara Mendapatkan Salinan", "{{ cara_salinan }}"),
                ("Batas Waktu Pemberitahuan Tertulis", "{{ batas_waktu }}"),
            ]
        ),
    )
    para(
        doc,
        "Permohonan informasi ini akan dijawab dengan pemberitahuan tertulis paling lambat {{"
        " batas_hari_kerja }} sejak permohonan diterima, yaitu pada tanggal {{ batas_waktu }}. Jangka"
        " waktu tersebut dapat diperpanjang paling lama {{ lama_perpanjangan }} berikutnya dengan"
        f" pemberitahuan tertulis disertai alasannya (Pasal 22 ayat (7) dan ayat (8) {UU_KIP}).",
    )
    para(
        doc,
        "Simpan tanda bukti ini dan sebutkan Nomor Registrasi setiap kali menanyakan perkembangan"
        " permohonan.",
    )
    officer_receipt_signature(doc, "Pemohon Informasi,")


def officer_receipt_signature(doc: DocxDocument, party: str) -> None:
    """The requester (``party``) left, the officer who received the paper right, for a receipt."""
    signature(
        doc,
        ["", party, "", "", "", [("{{ nama_pemohon }}", "bu")]],
        [
            "{{ kota }}, {{ tanggal_surat }}",
            "Petugas Pelayanan Informasi,",
            "",
            "",
            "",
            "(.................................)",
        ],
    )


def perpanjangan(doc: DocxDocument) -> None:
    title(doc, "PEMBERITAHUAN PERPANJANGAN WAKTU", "PENYELESAIAN PERMOHONAN INFORMASI PUBLIK")
    fields(
        doc,
        requester_fields(
            [
                ("Waktu Diterima", "{{ waktu_diterima }}"),
                ("Rincian Informasi yang Dibutuhkan", "{{ rincian_informasi }}"),
            ]
        ),
    )
    para(
        doc,
        "Sehubungan dengan permohonan informasi publik Saudara sebagaimana tersebut di atas, dengan ini kami"
        " beritahukan bahwa jangka waktu pemberian jawaban atas permohonan tersebut diperpanjang selama {{"
        f" lama_perpanjangan }}}} sesuai dengan Pasal 22 ayat (8) {UU_KIP}, dengan alasan sebagai berikut:",
    )
    para(doc, "{{ alasan_perpanjangan }}", indent=Mm(8))
    fields(
        doc,
        [
            ("Batas waktu semula", "{{ batas_waktu_awal }}"),
            ("Batas waktu setelah perpanjangan", "{{ batas_waktu }}"),
        ],
    )
    closing(
        doc, "Demikian pemberitahuan ini kami sampaikan. Atas perhatian Saudara, kami ucapkan terima kasih."
    )
    signature(doc, [], ppid_block())


def berita_acara(doc: DocxDocument) -> None:
    title(doc, "BERITA ACARA PENGUJIAN KONSEKUENSI INFORMASI PUBLIK")
    tag(doc, "{%p if menggantikan_ba %}")
    para(
        doc,
        (
            (
                "Berita acara ini menggantikan Berita Acara Nomor {{ menggantikan_ba|nobreak }} yang"
                " dikembalikan oleh Atasan PPID untuk diperbaiki."
            ),
            "i",
        ),
    )
    tag(doc, "{%p endif %}")
    para(
        doc,
        "Pada hari ini {{ hari }}, tanggal {{ tanggal_terbilang }} bulan {{ bulan }} tahun {{"
        " tahun_terbilang }}, bertempat di {{ tempat_uji }}, Tim Pertimbangan Pelayanan Informasi {{"
        " instansi }} telah melaksanakan pengujian konsekuensi atas informasi yang dimohon dengan Nomor"
        " Registrasi {{ no_registrasi|nobreak }}, yaitu: {{ rincian_informasi }}, yang dikuasai oleh"
        " {{ perangkat_daerah }}. Pengujian dilaksanakan berdasarkan Pasal 2 ayat (4), Pasal 17, dan"
        f" Pasal 19 {UU_KIP}.",
    )
    para(doc, "Anggota Tim Pertimbangan yang hadir:", after=0)
    tag(doc, "{%p for a in anggota %}")
    para(doc, "{{ a.no }}. {{ a.nama }} ({{ a.jabatan }})", align="left", after=0, indent=Mm(8))
    tag(doc, "{%p endfor %}")
    para(
        doc, "Hasil pengujian konsekuensi atas setiap informasi yang diuji adalah sebagai berikut:", before=6
    )
    heads = (
        "No",
        "Informasi yang Diuji dan Hasilnya",
        "Dasar Hukum Pengecualian",
        "Konsekuensi apabila Dibuka",
        "Pertimbangan Kepentingan Publik apabila Ditutup",
        "Jangka Waktu Pengecualian",
    )
    widths = (Mm(9), Mm(30), Mm(29), Mm(31), Mm(32), Mm(29))  # 160 mm; "Pengecualian" fits its column
    cells = (
        "{{ item.no }}",
        "{{ item.informasi }}\nHasil: {{ item.hasil }}",
        "{{ item.dasar }}",
        "{{ item.konsekuensi }}",
        "{{ item.kepentingan_publik }}",
        "{{ item.jangka_waktu }}",
    )
    table = doc.add_table(rows=4, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    column_widths(table, widths)
    for r, content in enumerate((heads, ("{%tr for item in items %}",), cells, ("{%tr endfor %}",))):
        row = table.rows[r]
        for c in range(len(widths)):
            text = content[c] if c < len(content) else ""
            add_runs(row.cells[c].paragraphs[0], [(text, "b" if r == 0 else "")], size=Pt(9))
            if r == 0:
                row.cells[c].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeat on every page
    para(doc, "", after=0)
    ba_precedents(doc)
    para(doc, ("Kesimpulan:", "b"), after=0)
    para(doc, "{{ kesimpulan }}")
    tag(doc, "{%p if catatan_tim %}")
    para(doc, "Catatan Tim Pertimbangan: {{ catatan_tim }}")
    tag(doc, "{%p endif %}")
    para(
        doc,
        "Demikian berita acara ini dibuat dengan sebenarnya untuk dilaporkan kepada Atasan PPID guna "
        "mendapatkan persetujuan, dan ditandatangani oleh seluruh anggota Tim Pertimbangan yang hadir.",
    )
    para(doc, "{{ kota }}, {{ tanggal_surat }}", align="right", before=6)
    para(doc, ("Tim Pertimbangan Pelayanan Informasi:", "b"), align="left", after=4)
    members = doc.add_table(rows=3, cols=4)
    borderless(members)
    column_widths(members, (Mm(9), Mm(66), Mm(40), Mm(45)))
    rows = (
        ("{%tr for a in anggota %}",),
        ("{{ a.no }}.", "{{ a.nama }}", "{{ a.jabatan }}", "{{ a.no }}. ........................"),
        ("{%tr endfor %}",),
    )
    for r, content in enumerate(rows):
        for c in range(4):
            members.rows[r].cells[c].paragraphs[0].add_run(content[c] if c < len(content) else "")
        if r == 1:
            members.rows[r].height = Mm(12)
    signature(
        doc,
        official(
            ["Menyetujui,", "Tanggal {{ tanggal_persetujuan }}", "Atasan PPID,", "{{ jabatan_atasan }},"],
            "nama_atasan",
            "nip_atasan",
        ),
        official(["", "", "", "{{ jabatan_ppid }},"], "nama_ppid", "nip_ppid"),
    )


def ba_precedents(doc: DocxDocument) -> None:
    """The Register DIK entries the tested information follows (only when there are any)."""
    tag(doc, "{%p if preseden %}")
    para(doc, ("Preseden:", "b"), after=0)
    para(
        doc,
        "Sesuai preseden dalam Register Daftar Informasi yang Dikecualikan, informasi yang diuji "
        "sama atau serupa dengan entri yang telah ditetapkan sebagai berikut:",
        after=0,
    )
    tag(doc, "{%p for p in preseden %}")
    para(doc, "{{ p.no }}. {{ p.teks }}", after=0, indent=Mm(8))
    tag(doc, "{%p endfor %}")
    para(
        doc,
        "Preseden tersebut menjadi bahan pertimbangan Tim Pertimbangan; hasil pengujian di atas "
        "ditetapkan berdasarkan pengujian konsekuensi atas permohonan ini.",
        before=4,
    )
    tag(doc, "{%p endif %}")


def keberatan_text() -> str:
    return (
        "Apabila Pemohon Informasi tidak puas atas keputusan ini, Pemohon Informasi dapat mengajukan"
        " keberatan secara tertulis kepada Atasan PPID, yaitu {{ nama_atasan }} selaku {{"
        " jabatan_atasan }}, melalui petugas layanan informasi di {{ tempat_keberatan }}, paling"
        " lambat {{ batas_keberatan }} sejak diterimanya keputusan ini, sesuai dengan Pasal 35 dan Pasal"
        f" 36 {UU_KIP}."
    )


def penolakan(doc: DocxDocument, partial: bool = False) -> None:
    title(
        doc,
        "SURAT KEPUTUSAN PPID",
        (
            "TENTANG PENOLAKAN SEBAGIAN PERMOHONAN INFORMASI"
            if partial
            else "TENTANG PENOLAKAN PERMOHONAN INFORMASI"
        ),
    )
    fields(
        doc,
        requester_fields(
            [("Informasi yang Dibutuhkan", "{{ rincian_informasi }}")], first="Nomor Pendaftaran"
        ),
    )
    if partial:
        para(
            doc,
            "PPID memutuskan bahwa sebagian informasi yang dimohon, yang dikuasai oleh {{ perangkat_daerah"
            " }}, adalah informasi yang dikecualikan, yaitu:",
            after=0,
        )
        para(doc, ("{{ bagian_dikecualikan }}", "b"), indent=Mm(8))
        para(doc, "Bagian informasi selebihnya diberikan sebagaimana tercantum dalam Pemberitahuan Tertulis.")
    else:
        para(
            doc,
            "PPID memutuskan bahwa informasi yang dimohon, yang dikuasai oleh {{ perangkat_daerah }}, adalah "
            "informasi yang dikecualikan.",
        )
    para(doc, "Pengecualian informasi didasarkan pada alasan:", after=0)
    tag(doc, "{%p for d in dasar %}")
    para(doc, "\u2612 {{ d }}", align="left", after=0, indent=Mm(8))
    tag(doc, "{%p endfor %}")
    para(
        doc,
        "Bahwa berdasarkan ketentuan tersebut di atas, membuka informasi tersebut dapat menimbulkan "
        "konsekuensi sebagai berikut:",
        before=6,
        after=0,
    )
    para(doc, "{{ konsekuensi }}", indent=Mm(8))
    para(
        doc,
        (
            (
                "Dengan demikian menyatakan bahwa permohonan informasi atas bagian tersebut DITOLAK."
                if partial
                else "Dengan demikian menyatakan bahwa permohonan informasi DITOLAK."
            ),
            "b",
        ),
    )
    para(doc, keberatan_text())
    signature(doc, [], ppid_block())
    para(doc, "", after=0)
    para(doc, "Tembusan:", align="left", after=0)
    para(doc, "Atasan PPID ({{ jabatan_atasan }}).", align="left")


def pemberitahuan(doc: DocxDocument) -> None:
    title(doc, "PEMBERITAHUAN TERTULIS")
    para(
        doc,
        "Berdasarkan permohonan informasi yang diterima pada {{ waktu_diterima }} dengan keterangan sebagai"
        " berikut:",
    )
    fields(doc, requester_fields([("Rincian Informasi yang Dibutuhkan", "{{ rincian_informasi }}")]))
    para(
        doc,
        "dengan ini PPID memberitahukan keputusan atas permohonan tersebut: ",
        ("{{ jenis_keputusan }}", "b"),
        ".",
    )
    tag(doc, "{%p if diberikan %}")
    para(doc, ("INFORMASI DAPAT DIBERIKAN", "b"), align="left", after=0)
    fields(
        doc,
        [
            ("Penguasaan Informasi", "Di bawah penguasaan {{ perangkat_daerah }}"),
            ("Bentuk Fisik Informasi", "{{ bentuk_informasi }}"),
            ("Cara Penyampaian", "{{ cara_penyampaian }}"),
            ("Biaya", "{{ biaya }}"),
            ("Waktu Penyediaan", "{{ waktu_penyediaan }}"),
        ],
    )
    tag(doc, "{%p if sebagian %}")
    para(doc, "Informasi yang diberikan:", after=0)
    tag(doc, "{%p for g in diberikan_daftar %}")
    para(doc, "- {{ g }}", align="left", after=0, indent=Mm(8))
    tag(doc, "{%p endfor %}")
    para(doc, ("INFORMASI YANG TIDAK DAPAT DIBERIKAN (DIKECUALIKAN)", "b"), align="left", before=6, after=0)
    para(
        doc,
        "Bagian berikut merupakan informasi yang dikecualikan sehingga dihitamkan/dikaburkan sebelum "
        "informasi diberikan:",
        after=0,
    )
    tag(doc, "{%p for w in dikecualikan_daftar %}")
    para(
        doc,
        "- {{ w.informasi }}; dasar: {{ w.dasar }}; konsekuensi apabila dibuka: {{ w.konsekuensi }}",
        align="left",
        after=0,
        indent=Mm(8),
    )
    tag(doc, "{%p endfor %}")
    para(
        doc,
        "Penolakan atas bagian tersebut ditetapkan dengan Keputusan PPID Nomor {{ nomor_penolakan|nobreak }}"
        " yang disampaikan bersama pemberitahuan ini.",
        before=6,
    )
    para(doc, keberatan_text())
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if tidak_dikuasai %}")
    para(doc, ("INFORMASI TIDAK DAPAT DIBERIKAN", "b"), align="left", after=0)
    para(
        doc,
        "Informasi yang dimohon tidak berada di bawah penguasaan {{ perangkat_daerah }}. Badan Publik yang "
        "menguasai informasi tersebut: {{ badan_publik_lain }}. Pemohon dapat mengajukan permohonan "
        "informasi kepada Badan Publik tersebut.",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if belum_didokumentasikan %}")
    para(doc, ("INFORMASI TIDAK DAPAT DIBERIKAN", "b"), align="left", after=0)
    para(
        doc,
        "Informasi yang dimohon belum dikuasai atau belum didokumentasikan oleh {{ perangkat_daerah }}"
        f" (Pasal 6 ayat (3) {UU_KIP}). Informasi akan disediakan dalam jangka waktu {{{{ waktu_penyediaan"
        " }} setelah informasi tersebut didokumentasikan.",
    )
    tag(doc, "{%p endif %}")
    closing(
        doc, "Demikian pemberitahuan ini kami sampaikan. Atas perhatian Saudara, kami ucapkan terima kasih."
    )
    signature(doc, [], ppid_block())


def tanda_terima(doc: DocxDocument) -> None:
    title(doc, "TANDA TERIMA INFORMASI PUBLIK")
    para(doc, "Pada hari ini {{ tanggal_diterima }}, yang bertanda tangan di bawah ini:")
    fields(
        doc,
        [
            ("Nama Penerima", "{{ nama_penerima }}"),
            ("Atas Nama Pemohon", "{{ nama_pemohon }}"),
            ("Nomor Registrasi", "{{ no_registrasi|nobreak }}"),
        ],
    )
    para(doc, "telah menerima dari PPID {{ instansi }}:", after=0)
    para(doc, "{{ yang_diterima|nobreak }}", indent=Mm(8))  # the letter number in it never breaks
    fields(doc, [("Cara Penyerahan", "{{ cara_diterima }}")])
    para(doc, "Demikian tanda terima ini dibuat untuk dipergunakan sebagaimana mestinya.")
    signature(
        doc,
        ["", "Yang Menerima,", "", "", "", [("{{ nama_penerima }}", "bu")]],
        [
            "{{ kota }}, {{ tanggal_surat }}",
            "Yang Menyerahkan,",
            "Petugas Pelayanan Informasi,",
            "",
            "",
            "",
            "(.................................)",
        ],
        when="not elektronik",
    )
    electronic_note(doc)


def tanda_terima_keberatan(doc: DocxDocument) -> None:
    title(doc, "TANDA TERIMA PENGAJUAN KEBERATAN ATAS PERMOHONAN INFORMASI PUBLIK")
    para(
        doc,
        "Telah diterima keberatan tertulis atas permohonan informasi publik dengan keterangan sebagai "
        "berikut:",
    )
    fields(
        doc,
        requester_fields(
            [
                ("Informasi yang Dimohon", "{{ rincian_informasi }}"),
                ("Tanggal Keberatan Diterima", "{{ tanggal_keberatan }}"),
                ("Alasan Keberatan", "{{ alasan_keberatan }}"),
            ],
            first="Nomor Registrasi Permohonan",
        ),
    )
    tag(doc, "{%p if uraian_keberatan %}")
    para(doc, "Uraian keberatan: {{ uraian_keberatan }}")
    tag(doc, "{%p endif %}")
    para(
        doc,
        "Keberatan ini akan ditanggapi secara tertulis oleh Atasan PPID paling lambat "
        "{{ lama_tanggapan }} sejak keberatan diterima, yaitu pada tanggal {{ batas_tanggapan }} "
        "(Pasal 36 ayat (2) " + UU_KIP + ").",
    )
    para(
        doc,
        "Simpan tanda terima ini dan sebutkan Nomor Registrasi Keberatan setiap kali menanyakan "
        "perkembangan keberatan.",
    )
    officer_receipt_signature(doc, "Pengaju Keberatan,")


def tanggapan_keberatan(doc: DocxDocument) -> None:
    title(doc, "TANGGAPAN ATASAN PPID", "ATAS KEBERATAN PERMOHONAN INFORMASI PUBLIK")
    fields(
        doc,
        [
            ("Nomor Registrasi Keberatan", "{{ nomor_keberatan|nobreak }}"),
            *requester_fields(
                [
                    ("Informasi yang Dimohon", "{{ rincian_informasi }}"),
                    ("Tanggal Keberatan Diterima", "{{ tanggal_keberatan }}"),
                    ("Alasan Keberatan", "{{ alasan_keberatan }}"),
                ],
                first="Nomor Registrasi Permohonan",
            ),
        ],
    )
    para(
        doc,
        "Atasan PPID, setelah memeriksa keberatan Saudara sebagaimana tersebut di atas, berdasarkan "
        "Pasal 36 ayat (2) " + UU_KIP + " memberikan tanggapan sebagai berikut:",
    )
    tag(doc, "{%p if diterima %}")
    para(doc, ("Keberatan DITERIMA.", "b"), align="left", after=0)
    para(
        doc,
        "PPID {{ instansi }} diperintahkan untuk memberikan informasi yang dimohon sesuai ketentuan "
        "peraturan perundang-undangan.",
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ditolak %}")
    para(
        doc,
        ("Keberatan DITOLAK", "b"),
        " dan keputusan PPID dikuatkan, dengan alasan:",
        align="left",
        after=0,
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if kesepakatan %}")
    para(
        doc,
        ("Keberatan DISELESAIKAN DENGAN KESEPAKATAN", "b"),
        " antara Pemohon Informasi dan PPID (Pasal 35 ayat (2) " + UU_KIP + ").",
        align="left",
        after=0,
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if pertimbangan %}")
    para(doc, "{{ pertimbangan }}", indent=Mm(8))
    tag(doc, "{%p endif %}")
    para(
        doc,
        "Apabila Pemohon Informasi tidak puas dengan tanggapan ini, Pemohon Informasi dapat mengajukan "
        "penyelesaian sengketa informasi publik kepada Komisi Informasi paling lambat {{ lama_sengketa }} "
        "sejak tanggapan ini diterima (Pasal 37 ayat (2) " + UU_KIP + ").",
    )
    closing(doc, "Demikian tanggapan ini kami sampaikan. Atas perhatian Saudara, kami ucapkan terima kasih.")
    signature(
        doc,
        [],
        official(
            ["{{ kota }}, {{ tanggal_surat }}", "Atasan PPID,", "{{ jabatan_atasan }},"],
            "nama_atasan",
            "nip_atasan",
        ),
    )


def merge_tag_rows(table: Table) -> None:
    """A row holding only a ``{%tr ... %}`` tag becomes one cell across the table, so the tag is
    readable in Word instead of wrapping in a narrow first column."""
    for row in table.rows:
        cells = row.cells
        if len(cells) > 1 and cells[0].text.startswith("{%tr") and not any(c.text for c in cells[1:]):
            cells[0].merge(cells[-1])
            merged = row.cells[0]
            for extra in merged.paragraphs[1:]:
                extra._p.getparent().remove(extra._p)


def finish_layout(doc: DocxDocument) -> None:
    """Layout rules every letter shares: no table row splits across pages, tag rows merged, and
    the closing sentence kept on the page of the signatures."""
    for table in doc.tables:
        merge_tag_rows(table)
        rows_unsplit(table, header_rows=1 if _has_header(table) else 0)
    keep_intro_with_table(doc)
    keep_ending_together(doc)


def keep_intro_with_table(doc: DocxDocument) -> None:
    """A paragraph ending in ':' right before a table stays on the page where the table starts."""
    previous = None
    for el in doc.element.body.iterchildren():
        if (
            el.tag == qn("w:tbl")
            and previous is not None
            and Paragraph(previous, doc).text.rstrip().endswith(":")
        ):
            keep_with_next(Paragraph(previous, doc))
        previous = el if el.tag == qn("w:p") else None


def _has_header(table: Table) -> bool:
    """A grid table whose second row starts a row loop: its first row is a header to repeat."""
    return len(table.rows) > 2 and table.rows[1].cells[0].text.startswith("{%tr for")


# ---------------------------------------------------------------- Penetapan DIK (ppid dik)
PENETAPAN_DIK_FILE = "penetapan_dik.docx"
PENETAPAN_DIK_TITLE = "Keputusan PPID tentang Penetapan Daftar Informasi yang Dikecualikan"
DIK_MENIMBANG = (
    "bahwa setiap Badan Publik wajib membuka akses bagi setiap Pemohon Informasi Publik untuk mendapatkan "
    "Informasi Publik, kecuali informasi yang dikecualikan sebagaimana dimaksud dalam Pasal 17 "
    + UU_KIP
    + ";",
    "bahwa Pejabat Pengelola Informasi dan Dokumentasi wajib melakukan pengujian tentang konsekuensi sebelum "
    "menyatakan Informasi Publik tertentu dikecualikan (Pasal 19 " + UU_KIP + ");",
    (
        "bahwa pengujian konsekuensi atas informasi dalam Lampiran Keputusan ini telah dilaksanakan dan "
        "dituangkan dalam berita acara pengujian konsekuensi yang disetujui Atasan PPID;"
    ),
    (
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, dan huruf c, perlu "
        "menetapkan Keputusan PPID tentang Penetapan Daftar Informasi yang Dikecualikan;"
    ),
)
DIK_MENGINGAT = (
    UU_KIP + ";",
    (
        "Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 "
        "tentang Keterbukaan Informasi Publik;"
    ),
    "Peraturan Komisi Informasi Nomor 1 Tahun 2017 tentang Pengklasifikasian Informasi Publik;",
    "Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik;",
    (
        "Peraturan Menteri Dalam Negeri Nomor 3 Tahun 2017 tentang Pedoman Pengelolaan Pelayanan Informasi"
        " dan Dokumentasi di Lingkungan Kementerian Dalam Negeri dan Pemerintahan Daerah;"
    ),
)
DIK_DIKTUM = (
    (
        "KESATU",
        (
            "Menetapkan Daftar Informasi yang Dikecualikan di lingkungan {{ instansi }} sebagaimana "
            "tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini."
        ),
    ),
    (
        "KEDUA",
        "Informasi sebagaimana dimaksud dalam Diktum KESATU dikecualikan secara ketat dan terbatas "
        "selama jangka waktu yang tercantum dalam Lampiran; informasi yang jangka waktunya berakhir "
        "diuji konsekuensinya kembali sesuai Pasal 20 " + UU_KIP + ".",
    ),
    (
        "KETIGA",
        (
            "Lampiran Keputusan ini memuat {{ jumlah }} informasi yang masih berlaku menurut Register "
            "Informasi yang Dikecualikan per tanggal {{ tanggal_data }}."
        ),
    ),
    ("KEEMPAT", "Keputusan ini mulai berlaku pada tanggal ditetapkan."),
)


def _numbered(doc: DocxDocument, label: str, lines: Sequence[str], marks: Sequence[str]) -> None:
    """'Menimbang : a. ...' as a borderless table: label, colon, mark, text."""
    table = doc.add_table(rows=len(lines), cols=4)
    borderless(table)
    column_widths(table, (Mm(30), Mm(4), Mm(8), TEXT_WIDTH - Mm(42)))
    for i, (line, row) in enumerate(zip(lines, table.rows, strict=True)):
        cells = row.cells
        if i == 0:
            cells[0].paragraphs[0].add_run(label)
            cells[1].paragraphs[0].add_run(":")
        cells[2].paragraphs[0].add_run(marks[i])
        cells[3].paragraphs[0].add_run(line)
        cells[3].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    rows_unsplit(table)
    para(doc, "", after=0)


def penetapan_dik(doc: DocxDocument) -> None:
    title(doc, "KEPUTUSAN PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI", number=False)
    para(doc, ("{{ instansi|upper }}", "b"), align="center", after=0)
    para(doc, "Nomor: {{ nomor }}", align="center", after=6)
    para(doc, ("TENTANG", "b"), align="center", after=0)
    para(doc, ("PENETAPAN DAFTAR INFORMASI YANG DIKECUALIKAN", "b"), align="center", after=0)
    para(doc, ("TAHUN {{ tahun }}", "b"), align="center", after=12)
    para(
        doc,
        ("PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI {{ instansi|upper }},", "b"),
        align="center",
        after=6,
    )
    _numbered(doc, "Menimbang", DIK_MENIMBANG, "abcd")
    _numbered(doc, "Mengingat", DIK_MENGINGAT, [f"{i}." for i in range(1, len(DIK_MENGINGAT) + 1)])
    para(doc, ("MEMUTUSKAN:", "b"), align="center", after=6)
    fields(
        doc,
        [
            (
                "Menetapkan",
                (
                    "KEPUTUSAN PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI TENTANG PENETAPAN "
                    "DAFTAR INFORMASI YANG DIKECUALIKAN TAHUN {{ tahun }}."
                ),
            ),
            *DIK_DIKTUM,
        ],
        label_width=Mm(30),
    )
    signature(
        doc,
        [],
        [
            "Ditetapkan di {{ kota }}",
            "pada tanggal {{ tanggal_surat }}",
            *official(["{{ jabatan_ppid }},"], "nama_ppid", "nip_ppid"),
        ],
    )
    para(doc, "").add_run().add_break(WD_BREAK.PAGE)
    fields(
        doc,
        [
            ("LAMPIRAN", "KEPUTUSAN PPID {{ instansi }}"),
            ("NOMOR", "{{ nomor }}"),
            ("TANGGAL", "{{ tanggal_surat }}"),
        ],
        label_width=Mm(30),
    )
    para(doc, ("DAFTAR INFORMASI YANG DIKECUALIKAN", "b"), align="center", after=6)
    heads = (
        "No",
        "Informasi yang Dikecualikan",
        "Dasar Hukum Pengecualian",
        "Konsekuensi apabila Dibuka",
        "Pertimbangan apabila Ditutup",
        "Jangka Waktu Pengecualian",
    )
    widths = (Mm(9), Mm(33), Mm(30), Mm(31), Mm(31), Mm(26))
    cells = (
        "{{ item.no }}",
        "{{ item.informasi }}",
        "{{ item.dasar }}",
        "{{ item.konsekuensi }}",
        "{{ item.kepentingan_publik }}",
        "{{ item.jangka_waktu }}",
    )
    table = doc.add_table(rows=4, cols=6)
    table.style = doc.styles["Table Grid"]
    column_widths(table, widths)
    for r, content in enumerate((heads, ("{%tr for item in items %}",), cells, ("{%tr endfor %}",))):
        for c in range(len(widths)):
            text = content[c] if c < len(content) else ""
            paragraph = table.rows[r].cells[c].paragraphs[0]
            add_runs(paragraph, [(text, "b" if r == 0 else "")], size=Pt(9))
            if r == 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rows_unsplit(table, header_rows=1)  # no row breaks across pages; the header repeats
    signature(doc, [], ["{{ jabatan_ppid }},", "", "", "", [("{{ nama_ppid }}", "bu")], "NIP {{ nip_ppid }}"])


def make_penetapan_dik(out_dir: Path) -> Path:
    doc = new_document(PENETAPAN_DIK_TITLE)
    kop(doc)
    penetapan_dik(doc)
    finish_layout(doc)
    path = out_dir / PENETAPAN_DIK_FILE
    doc.save(str(path))
    return path


BUILDERS: dict[str, Callable[[DocxDocument], None]] = {
    "tanda_bukti": tanda_bukti,
    "perpanjangan": perpanjangan,
    "berita_acara": berita_acara,
    "penolakan": penolakan,
    "penolakan_sebagian": lambda doc: penolakan(doc, partial=True),
    "pemberitahuan": pemberitahuan,
    "tanda_terima": tanda_terima,
    "tanda_terima_keberatan": tanda_terima_keberatan,
    "tanggapan_keberatan": tanggapan_keberatan,
}


def make_templates(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for key, builder in BUILDERS.items():
        spec = DOCUMENT_BY_KEY[key]
        doc = new_document(spec.title)
        kop(doc)
        builder(doc)
        finish_layout(doc)
        path = out_dir / spec.template
        doc.save(str(path))
        written.append(path)
    written.append(make_penetapan_dik(out_dir))
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "templates"
    for path in make_templates(target):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
