"""Word rejects paragraphs whose properties are out of schema order: every template must be in order."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
]  # CT_PPr sequence, ECMA-376 Part 1
TEMPLATES = sorted((Path(__file__).resolve().parents[1] / "templates").glob("*.docx"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_paragraph_properties_follow_the_schema_order(template: Path) -> None:
    root = etree.fromstring(zipfile.ZipFile(template).read("word/document.xml"))
    for ppr in root.iter(f"{W}pPr"):
        positions = [PPR_ORDER.index(c.tag.removeprefix(W)) for c in ppr if c.tag.removeprefix(W) in PPR_ORDER]
        assert positions == sorted(positions), etree.tostring(ppr)[:200]
