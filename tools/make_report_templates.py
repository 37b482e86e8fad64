"""Generate templates/laporan_bulanan.docx and templates/laporan_tahunan.docx with python-docx.

The table headers come from automation.report.sections.COLUMNS and the order of the parts from
the report modules, so the templates and the code cannot drift apart.  Staff may restyle the
generated files in Word; re-running this script overwrites them.

    .venv/bin/python tools/make_report_templates.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from make_templates import bottom_rule  # noqa: E402  (one kop-rule helper for both tools)

from automation.report.annual import PARTS, PLACEHOLDER  # noqa: E402
from automation.report.build import Section  # noqa: E402
from automation.report.monthly import DOCX_LAYOUT  # noqa: E402
from automation.report.sections import COLUMNS  # noqa: E402

TEXT_WIDTH_CM = 16.0


def var(expression: str) -> str:
    """A Jinja expression tag for docxtpl."""
    return "{{ " + expression + " }}"


def new_document() -> DocumentObject:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.0)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(4)
    return doc


def para(doc: DocumentObject, text: str = "", *, bold: bool = False, italic: bool = False, size: int | None = None,
         align: str = "", underline: bool = False, highlight: bool = False) -> Paragraph:
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    if size:
        run.font.size = Pt(size)
    if highlight:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "justify":
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return p


def set_widths(table: Table, widths: list[float]) -> None:
    """Fixed column widths in cm (gridCol for LibreOffice, cell widths for Word)."""
    table.autofit = False
    for i, width in enumerate(widths):
        table.columns[i].width = Cm(width)
        for cell in table.columns[i].cells:
            cell.width = Cm(width)


def page_break(doc: DocumentObject) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def letterhead(doc: DocumentObject) -> None:
    para(doc, "{{ pemerintah|upper }}", bold=True, size=12, align="center")
    p = para(doc, "{{ instansi|upper }}", bold=True, size=13, align="center")
    bottom_rule(p, style="double", size="6")


def data_table(doc: DocumentObject, key: str, columns: str) -> None:
    """Title line plus a table whose body rows loop over ``t.<key>`` (docxtpl ``{%tr %}`` rows)."""
    para(doc, var(f"judul.{key}"), italic=True, size=10)
    cols = COLUMNS[columns]
    table = doc.add_table(rows=4, cols=len(cols))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    size = Pt(8 if len(cols) >= 7 else 9)  # wide tables: smaller type so headers wrap at spaces
    total = sum(c.width for c in cols)
    set_widths(table, [TEXT_WIDTH_CM * c.width / total for c in cols])
    for i, col in enumerate(cols):
        header = table.rows[0].cells[i].paragraphs[0]
        run = header.add_run(col.header)
        run.bold = True
        run.font.size = size
        body = table.rows[2].cells[i].paragraphs[0].add_run(var(f"r[{i}]"))
        body.font.size = size
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for r in t." + key + " %}")
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    doc.add_paragraph()


def sections(doc: DocumentObject, layout: list[Section] | tuple[Section, ...], start: int = 1) -> None:
    for number, section in enumerate(layout, start=start):
        para(doc, f"{number}. {section.heading}", bold=True)
        for key in section.tables:
            data_table(doc, key, key if key in COLUMNS else _columns_of(key))
        if section.chart:
            para(doc, var(f"g_{section.chart}"), align="center")


def _columns_of(key: str) -> str:
    if key.startswith("dik_"):
        return "dik"
    if key.startswith("keberatan_"):
        return "share"
    raise KeyError(key)


def notes(doc: DocumentObject) -> None:
    para(doc, "Catatan", bold=True, size=10)
    para(doc, "{%p for c in catatan %}")
    para(doc, "- {{ c }}", size=9)
    para(doc, "{%p endfor %}")


def signature(doc: DocumentObject, *, place: bool) -> None:
    """Signature block on the right half of the page (text left-aligned inside it)."""
    lines = [("{{ kota }}, {{ tanggal }}", False)] if place else []
    lines += [("{{ jabatan_ppid }},", False), ("", False), ("", False), ("", False), ("{{ nama_ppid }}", True),
              ("NIP {{ nip_ppid }}", False)]
    for text, strong in lines:
        p = para(doc, text, bold=strong, underline=strong)
        p.paragraph_format.left_indent = Cm(9)
        p.paragraph_format.space_after = Pt(0)


def monthly() -> DocumentObject:
    doc = new_document()
    letterhead(doc)
    para(doc, "NOTA DINAS", bold=True, underline=True, size=12, align="center")
    fields = (("Kepada Yth.", "kepada"), ("Dari", "dari"), ("Tanggal", "tanggal"), ("Nomor", "nomor"),
              ("Sifat", "sifat"), ("Lampiran", "lampiran"), ("Hal", "hal"))
    head = doc.add_table(rows=len(fields), cols=3)
    set_widths(head, [3.2, 0.5, 12.3])
    for row, (label, key) in zip(head.rows, fields, strict=True):
        row.cells[0].paragraphs[0].add_run(label)
        row.cells[1].paragraphs[0].add_run(":")
        row.cells[2].paragraphs[0].add_run(var(key))
    bottom_rule(para(doc), style="double", size="6")
    para(doc, "Dengan hormat,")
    para(doc, "Bersama ini kami sampaikan laporan layanan informasi publik bulan {{ bulan }} dengan pokok-pokok "
         "sebagai berikut:", align="justify")
    para(doc, "{%p for k in kalimat %}")
    para(doc, "{{ loop.index }}. {{ k }}", align="justify")
    para(doc, "{%p endfor %}")
    para(doc, "Rincian angka, daftar permohonan menurut nomor registrasi, dan grafik terlampir; lembar kerja Excel "
         "laporan ini disampaikan bersama nota dinas ini.", align="justify")
    para(doc, "Demikian disampaikan, atas perhatian Bapak/Ibu diucapkan terima kasih.", align="justify")
    signature(doc, place=False)
    page_break(doc)
    para(doc, "LAMPIRAN NOTA DINAS PPID", bold=True)
    para(doc, "Nomor: {{ nomor }} — Tanggal: {{ tanggal }}", size=10)
    para(doc, "{{ judul_laporan }}", bold=True, size=12, align="center")
    sections(doc, DOCX_LAYOUT)
    notes(doc)
    return doc


def annual() -> DocumentObject:
    doc = new_document()
    for _ in range(6):
        para(doc)
    para(doc, "LAPORAN LAYANAN INFORMASI PUBLIK", bold=True, size=18, align="center")
    para(doc, "TAHUN {{ tahun }}", bold=True, size=16, align="center")
    para(doc)
    para(doc, "PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI", bold=True, align="center")
    para(doc, "{{ instansi|upper }}", bold=True, align="center")
    para(doc, "{{ pemerintah|upper }}", bold=True, align="center")
    page_break(doc)
    para(doc, "Laporan ini disusun berdasarkan Pasal 12 Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan "
         "Informasi Publik dan Pasal 56 Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan "
         "Informasi Publik, dan disediakan paling lambat 3 (tiga) bulan setelah tahun anggaran berakhir.",
         align="justify")
    para(doc, f"Bagian bertanda {PLACEHOLDER} wajib dilengkapi PPID sebelum laporan ditandatangani dan disampaikan "
         "kepada Komisi Informasi; hapus tanda dan petunjuknya setelah diisi.", italic=True, highlight=True)
    number = 1
    for part in PARTS:
        para(doc, f"{part.letter}. {part.heading.upper()}", bold=True, size=12)
        if part.placeholder:
            para(doc, f"{PLACEHOLDER} {part.placeholder}", bold=True, highlight=True, align="justify")
        if part.sentences:
            para(doc, "{%p for k in kalimat %}")
            para(doc, "{{ loop.index }}. {{ k }}", align="justify")
            para(doc, "{%p endfor %}")
        sections(doc, part.sections, start=number)
        number += len(part.sections)
    signature(doc, place=True)
    notes(doc)
    return doc


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "templates"
    out.mkdir(parents=True, exist_ok=True)
    monthly().save(str(out / "laporan_bulanan.docx"))
    annual().save(str(out / "laporan_tahunan.docx"))
    print(f"Templat laporan ditulis ke {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
