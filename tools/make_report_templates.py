"""Generate templates/laporan_bulanan.docx and templates/laporan_tahunan.docx with python-docx.

The table headers come from automation.report.layouts.COLUMNS and the order of the parts from
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
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from make_templates import (  # noqa: E402  (one set of layout helpers for both template tools)
    bottom_rule,
    keep_table_together,
    keep_with_next,
    merge_tag_rows,
    page_number_footer,
    rows_unsplit,
)

from automation.report.annual import PARTS, PLACEHOLDER  # noqa: E402
from automation.report.build import Section  # noqa: E402
from automation.report.layouts import COLUMNS  # noqa: E402
from automation.report.model import DATE, INT, NUM, PCT, TEXT, Col  # noqa: E402
from automation.report.monthly import DOCX_LAYOUT  # noqa: E402

TEXT_WIDTH_CM = 16.0
CELL_PADDING_CM = 0.45  # Table Grid: 0.19 cm each side, plus room for rounding
# The longest realistic value of a column that must not wrap inside a word.
SAMPLE_BY_KIND = {DATE: "30/12/2026", INT: "9.999", NUM: "99,9", PCT: "100,0%"}
SAMPLE_BY_HEADER = {
    "Nomor Registrasi": "PPID-KOMINFO/2026/10/0001",
    "Nomor DIK": "DIK-2026-001",
    "Perangkat Daerah": "Perindustrian",
    "Tahap Saat Ini": "Persetujuan",
    "Bulan": "September",
}
SIZES = (9.0, 8.0, 7.5, 7.0)  # body sizes tried, largest first, until the longest values fit
_MEASURE = TextToPath()


def text_cm(text: str, size: float, bold: bool = False) -> float:
    """Printed width of ``text`` at ``size`` pt, measured with DejaVu Sans (matplotlib ships it):
    the face LibreOffice on Linux puts in place of a missing Arial, and wider than Arial."""
    font = FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal", size=size)
    width, _height, _descent = _MEASURE.get_text_width_height_descent(text, font, ismath=False)
    return width / 72 * 2.54


def _needs(cols: tuple[Col, ...], size: float) -> list[float]:
    need = []
    for col in cols:
        header = max(text_cm(w, size, bold=True) for w in col.header.split())
        values = [v for v in (SAMPLE_BY_KIND.get(col.kind, ""), SAMPLE_BY_HEADER.get(col.header, "")) if v]
        need.append(max([header, *(text_cm(v, size) for v in values)]) + CELL_PADDING_CM)
    return need


def word_widths(cols: tuple[Col, ...]) -> tuple[list[float], float]:
    """Column widths (cm) over the text width and the type size: each column at least its longest
    header word and its longest realistic value; the rest shared in proportion to the Excel widths.
    Wide tables step down in type size until everything fits."""
    for size in SIZES:
        need = _needs(cols, size)
        spare = TEXT_WIDTH_CM - sum(need)
        if spare >= 0:
            free = [
                c.kind == TEXT and c.header not in SAMPLE_BY_HEADER for c in cols
            ]  # free text takes the rest
            weights = [c.width if f or not any(free) else 0 for c, f in zip(cols, free, strict=True)]
            return [n + spare * w / sum(weights) for n, w in zip(need, weights, strict=True)], size
    return [TEXT_WIDTH_CM * n / sum(need) for n in need], SIZES[-1]


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
    normal.paragraph_format.widow_control = True
    page_number_footer(doc)
    return doc


def para(
    doc: DocumentObject,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: int | None = None,
    align: str = "",
    underline: bool = False,
    highlight: bool = False,
) -> Paragraph:
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
    p = para(doc, "{{ instansi|kop_instansi(pemerintah)|upper }}", bold=True, size=13, align="center")
    bottom_rule(p, style="double", size="6")


def data_table(doc: DocumentObject, key: str, *, titled: bool = True) -> None:
    """Title line plus a table whose body rows loop over ``t.<key>`` (docxtpl ``{%tr %}`` rows).

    The header row repeats on every page, no row splits across pages, the title stays with the
    table, and the widths fit the longest realistic value of each column.
    """
    if titled:
        keep_with_next(para(doc, var(f"judul.{key}"), italic=True, size=10))
    cols = COLUMNS[key]
    table = doc.add_table(rows=4, cols=len(cols))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths, size = word_widths(cols)
    set_widths(table, widths)
    for i, col in enumerate(cols):
        header = table.rows[0].cells[i].paragraphs[0]
        run = header.add_run(col.header)
        run.bold = True
        run.font.size = Pt(size)
        keep_with_next(header)  # the header row stays with the first body row
        body = table.rows[2].cells[i].paragraphs[0].add_run(var(f"r[{i}]|nobreak"))  # no break at a hyphen
        body.font.size = Pt(size)
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for r in t." + key + " %}")
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    merge_tag_rows(table)
    rows_unsplit(table, header_rows=1)
    doc.add_paragraph()


def sections(doc: DocumentObject, layout: list[Section] | tuple[Section, ...], start: int = 1) -> None:
    for number, section in enumerate(layout, start=start):
        keep_with_next(para(doc, f"{number}. {section.heading}", bold=True))
        for key in section.tables:
            data_table(doc, key)
        if section.chart:
            para(doc, var(f"g_{section.chart}"), align="center")


def notes(doc: DocumentObject) -> None:
    para(doc, "Catatan", bold=True, size=10)
    para(doc, "{%p for c in catatan %}")
    para(doc, "- {{ c }}", size=9)
    para(doc, "{%p endfor %}")


def signature(doc: DocumentObject, *, place: bool) -> None:
    """Signature block on the right half of the page, kept on the page of the closing paragraph
    before it: place and date, office, room to sign, name, pangkat, NIP."""
    keep_with_next(doc.paragraphs[-1])
    lines = [("{{ kota }}, {{ tanggal }}", False)] if place else []
    lines += [
        ("{{ jabatan_ppid }},", False),
        ("", False),
        ("", False),
        ("", False),
        ("{{ nama_ppid }}", True),
        ("{{ pangkat_ppid }}", False),
        ("NIP {{ nip_ppid }}", False),
    ]
    table = doc.add_table(rows=1, cols=2)
    set_widths(table, [TEXT_WIDTH_CM - 8.0, 8.0])
    cell = table.rows[0].cells[1]
    for i, (text, strong) in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        run = p.add_run(text)
        run.bold = run.underline = strong or None
        p.paragraph_format.space_after = Pt(0)
    keep_table_together(table)


def monthly() -> DocumentObject:
    doc = new_document()
    letterhead(doc)
    para(doc, "NOTA DINAS", bold=True, underline=True, size=12, align="center")
    fields = (
        ("Kepada Yth.", "kepada"),
        ("Dari", "dari"),
        ("Tanggal", "tanggal"),
        ("Nomor", "nomor"),
        ("Sifat", "sifat"),
        ("Lampiran", "lampiran"),
        ("Hal", "hal"),
    )
    head = doc.add_table(rows=len(fields), cols=3)
    set_widths(head, [3.2, 0.5, 12.3])
    for row, (label, key) in zip(head.rows, fields, strict=True):
        row.cells[0].paragraphs[0].add_run(label)
        row.cells[1].paragraphs[0].add_run(":")
        row.cells[2].paragraphs[0].add_run(var(key + ("|nobreak" if key == "nomor" else "")))
    bottom_rule(para(doc), style="double", size="6")
    para(doc, "Dengan hormat,")
    keep_with_next(para(doc, "Perlu keputusan Bapak/Ibu", bold=True))
    keep_with_next(para(doc, "{{ menunggu }}", align="justify"))
    data_table(doc, "perlu_keputusan", titled=False)
    para(
        doc,
        "Bersama ini kami sampaikan laporan layanan informasi publik bulan {{ bulan }} dengan pokok-pokok "
        "sebagai berikut:",
        align="justify",
    )
    para(doc, "{%p for k in kalimat %}")
    para(doc, "{{ loop.index }}. {{ k }}", align="justify")
    para(doc, "{%p endfor %}")
    para(
        doc,
        "Rincian angka, daftar permohonan menurut nomor registrasi, dan grafik terlampir; lembar kerja Excel "
        "laporan ini disampaikan bersama nota dinas ini.",
        align="justify",
    )
    para(doc, "Demikian disampaikan, atas perhatian Bapak/Ibu diucapkan terima kasih.", align="justify")
    signature(doc, place=False)
    page_break(doc)
    para(doc, "LAMPIRAN NOTA DINAS PPID", bold=True)
    para(doc, "Nomor: {{ nomor|nobreak }} — Tanggal: {{ tanggal }}", size=10)
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
    para(
        doc,
        "Laporan ini disusun berdasarkan Pasal 12 Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan "
        "Informasi Publik dan Pasal 56 Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan "
        "Informasi Publik, dan disediakan paling lambat 3 (tiga) bulan setelah tahun anggaran berakhir.",
        align="justify",
    )
    para(
        doc,
        f"Bagian bertanda {PLACEHOLDER} wajib dilengkapi PPID sebelum laporan ditandatangani dan disampaikan "
        "kepada Komisi Informasi; hapus tanda dan petunjuknya setelah diisi.",
        italic=True,
        highlight=True,
    )
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
    para(
        doc,
        "Demikian laporan layanan informasi publik ini disusun untuk dipergunakan sebagaimana mestinya.",
        align="justify",
    )
    signature(doc, place=True)
    notes(doc)
    return doc


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "templates"
    out.mkdir(parents=True, exist_ok=True)
    for name, build in (("laporan_bulanan.docx", monthly), ("laporan_tahunan.docx", annual)):
        doc = build()
        for table in doc.tables:  # no row of any table (header fields, signature) splits across pages
            rows_unsplit(table)
        doc.save(str(out / name))
    print(f"Templat laporan ditulis ke {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
