"""Word rejects paragraphs whose properties are out of schema order: every template must be in order."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]  # CT_PPr sequence, ECMA-376 Part 1
TEMPLATES = sorted((Path(__file__).resolve().parents[1] / "templates").glob("*.docx"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_paragraph_properties_follow_the_schema_order(template: Path) -> None:
    root = etree.fromstring(zipfile.ZipFile(template).read("word/document.xml"))
    for ppr in root.iter(f"{W}pPr"):
        positions = [
            PPR_ORDER.index(c.tag.removeprefix(W)) for c in ppr if c.tag.removeprefix(W) in PPR_ORDER
        ]
        assert positions == sorted(positions), etree.tostring(ppr)[:200]


def _xml(template: Path) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(template).read("word/document.xml"))


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_no_placeholder_is_formatted_all_caps(template: Path) -> None:
    """Word shows an All Caps tag as {{ PEMERINTAH }}; staff retyping it would break every letter."""
    for run in _xml(template).iter(f"{W}r"):
        if "{{" in _text(run) or "{%" in _text(run):
            assert run.find(f"{W}rPr/{W}caps") is None, _text(run)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_every_page_has_a_page_number_footer(template: Path) -> None:
    with zipfile.ZipFile(template) as zf:
        footers = [zf.read(n).decode() for n in zf.namelist() if n.startswith("word/footer")]
    assert any("Halaman " in f and " PAGE " in f and " NUMPAGES " in f for f in footers)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_table_rows_never_split_and_loop_headers_repeat(template: Path) -> None:
    for tbl in _xml(template).iter(f"{W}tbl"):
        rows = tbl.findall(f"{W}tr")
        assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
        if len(rows) > 2 and _text(rows[1]).startswith("{%tr for") and _text(rows[0]).strip():
            assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        for row in rows:  # a loop tag spans the row instead of wrapping in a narrow first column
            if _text(row).startswith("{%tr"):
                assert len(row.findall(f"{W}tc")) == 1, _text(row)


REPORT_TEMPLATES = [t for t in TEMPLATES if t.name.startswith("laporan_")]
_NAME = re.compile(
    r"\{\{\s*([A-Za-z_][\w]*)(?:\.(\w+))?|\{%\w*\s+for\s+\w+\s+in\s+([A-Za-z_]\w*)(?:\.(\w+))?"
)


def report_placeholders(template: Path) -> set[str]:
    """Root names and table keys (``t.<key>``, ``judul.<key>``) used by a report template."""
    names: set[str] = set()
    for match in _NAME.finditer(_text(_xml(template))):
        root, key = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        names.add(root if root != "loop" else "loop.index")
        if key and root in ("t", "judul"):
            names.add(key)
    return names


def test_every_report_placeholder_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "reports.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([\w.]+)` \|", doc, flags=re.M))
    used = set().union(*(report_placeholders(t) for t in REPORT_TEMPLATES))
    assert {"menunggu", "perlu_keputusan", "pangkat_ppid", "g_perangkat_daerah"} <= used
    assert used - documented == set(), "isian templat laporan tanpa keterangan di docs/reports.md"
