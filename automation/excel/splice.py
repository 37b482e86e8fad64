"""Write only the rows that change: openpyxl loads a reduced package, the other rows are spliced back.

A full openpyxl load holds every cell of every sheet (about 1 GB for a year of 10,000 requests)
although a write touches a few hundred rows.  :func:`reduce_package` gives openpyxl a copy of
the workbook whose sheets keep everything except the rows nobody writes (columns, tables,
validation, formatting, panes: all still loaded and saved by openpyxl); :func:`splice_rows` then
puts the untouched ``<row>`` elements of the original back into the saved sheets, byte for byte
(shared strings become inline strings, as openpyxl writes them).  Cell style indices stay valid:
openpyxl keeps the original ``cellXfs`` list in order and only appends to it.

A sheet whose rows cannot be moved safely (shared or array formulas, rows without numbers,
prefixed elements) is loaded whole, exactly as before.
"""

from __future__ import annotations

import io
import re
import zipfile

_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData\b[^>]*>(.*?)</sheetData>", re.S)
_ROW = re.compile(rb"<row\b([^>]*?)(?:/>|>(.*?)</row>)", re.S)
_ROW_NUMBER = re.compile(rb'\sr="(\d+)"')
# Shared/array formulas span rows; cell/value metadata (cm, vm: dynamic arrays, pictures in cells) point
# into parts openpyxl drops; prefixed elements or attributes would lose their namespace declaration.
_BLOCKING = re.compile(
    rb'<f\b[^>]*\bt="(?:shared|array|dataTable)"|<c\b[^>]*\s[cv]m="|<(?!/)\w+:|\s(?!xml:)\w+:\w+\s*='
)
_PREFIXED_ATTR = re.compile(rb'\s\w+:\w+="[^"]*"')
_SHARED_CELL = re.compile(rb'<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)</v>\s*</c>')
_SHARED_TYPE = re.compile(rb'\st="s"')
_SI = re.compile(rb"<si\b[^>]*?(?:/>|>(.*?)</si>)", re.S)
_DIMENSION = re.compile(rb'<dimension\s+ref="([^"]*)"\s*/>')
_REF_PART = re.compile(rb"([A-Z]+)(\d+)")
SHARED_STRINGS = "xl/sharedStrings.xml"
STYLES = "xl/styles.xml"


class Unspliceable(Exception):
    """A sheet's rows cannot be spliced safely: the caller loads the workbook whole instead."""


def _rows(xml: bytes) -> tuple[int, int, list[tuple[int, bytes, bytes]]]:
    """(start, end) of the sheetData content and its rows as (number, start-tag attributes, body).

    Raises Unspliceable when the content is anything but numbered ``<row>`` elements.
    """
    data = _SHEET_DATA.search(xml)
    if data is None:
        raise Unspliceable("no sheetData")
    if data.group(1) is None:  # <sheetData/>
        return data.start(), data.end(), []
    start, end = data.start(1), data.end(1)
    rows, done = [], start
    for match in _ROW.finditer(xml, start, end):
        attrs = match.group(1)
        number = _ROW_NUMBER.search(attrs)
        if number is None or (match.start() != done and xml[done : match.start()].strip()):
            raise Unspliceable("row without number or stray content")
        rows.append((int(number.group(1)), attrs, match.group(2) or b""))
        done = match.end()
    if xml[done:end].strip():
        raise Unspliceable("stray content after the rows")
    return start, end, rows


def check_sheet(xml: bytes) -> None:
    """Raise Unspliceable unless every row of this sheet can be moved verbatim."""
    _checked_rows(xml)


def _checked_rows(xml: bytes) -> list[tuple[int, bytes, bytes]]:
    """The rows of :func:`_rows`, after checking that every one can be moved verbatim.

    Both checks first run once over the whole sheetData (a row's start tag never holds a shared
    type, and a match inside one row body is a match in the whole); only a sheet whose rows carry
    prefixed attributes (Excel's ``x14ac:dyDescent``) is checked row body by row body.
    """
    start, end, rows = _rows(xml)
    if len(_SHARED_TYPE.findall(xml, start, end)) != len(_SHARED_CELL.findall(xml, start, end)):
        raise Unspliceable("shared-string cell of an unexpected form")
    if _BLOCKING.search(xml, start, end) and any(_BLOCKING.search(body) for _n, _a, body in rows):
        raise Unspliceable("shared/array formula or prefixed content")
    return rows


def _row_xml(attrs: bytes, body: bytes) -> bytes:
    attrs = _PREFIXED_ATTR.sub(b"", attrs)  # x14ac:dyDescent: cosmetic, and openpyxl drops it too
    return b"<row" + attrs + (b">" + body + b"</row>" if body else b"/>")


def reduced_sheet(xml: bytes, keep: set[int]) -> bytes:
    """The sheet with only the rows in ``keep`` left in its sheetData and without the conditional
    formatting and data validation that :func:`spliced_sheet` puts back verbatim (ppid never writes
    them; they are most of what openpyxl spends on a small sheet). Raises Unspliceable like
    :func:`check_sheet`."""
    rows = _checked_rows(xml)
    xml = _with_rows(xml, b"".join(_row_xml(a, b) for n, a, b in rows if n in keep))
    formats = _formats(xml)
    return xml if formats is None else xml[: formats[0]] + xml[formats[1] :]


# Conditional formatting and data validation stand together after the rows (CT_Worksheet order);
# what may follow them, for putting them back in the same place.
_FORMATS = re.compile(rb"<(conditionalFormatting|dataValidations)\b[^>]*?(?:/>|>.*?</\1>)", re.S)
_AFTER_FORMATS = re.compile(
    rb"<(?:hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks"
    rb"|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF"
    rb"|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|</worksheet>"
)
_PREFIXED = re.compile(rb"<(?!/)\w+:|</\w+:|\s(?!xml:)\w+:\w+\s*=")


def _formats(xml: bytes) -> tuple[int, int] | None:
    """(start, end) of the sheet's conditional-formatting and data-validation elements after the
    rows, when they stand together and need no namespace prefix; else None (openpyxl handles them)."""
    data = _SHEET_DATA.search(xml)
    if data is None:
        return None
    blocks = list(_FORMATS.finditer(xml, data.end()))
    if not blocks:
        return None
    start, end = blocks[0].start(), blocks[-1].end()
    gaps = [xml[a.end() : b.start()] for a, b in zip(blocks, blocks[1:], strict=False)]
    if any(gap.strip() for gap in gaps) or _PREFIXED.search(xml, start, end):
        return None
    return start, end


def _with_rows(xml: bytes, content: bytes) -> bytes:
    data = _SHEET_DATA.search(xml)
    if data is None:
        raise Unspliceable("no sheetData")
    return xml[: data.start()] + b"<sheetData>" + content + b"</sheetData>" + xml[data.end() :]


def shared_strings(zf: zipfile.ZipFile) -> list[bytes]:
    """The inner XML of every ``<si>`` of the shared-string table (empty list when there is none)."""
    names = {n.lower(): n for n in zf.namelist()}
    name = names.get(SHARED_STRINGS.lower())
    if name is None:
        return []
    xml = zf.read(name)
    return [m.group(1) or b"" for m in _SI.finditer(xml)]


def _inline(body: bytes, strings: list[bytes]) -> bytes:
    """Turn the shared-string cells of a row into inline strings (``<si>`` and ``<is>`` share a form)."""

    def one(match: re.Match[bytes]) -> bytes:
        index = int(match.group(3))
        if index >= len(strings):
            raise Unspliceable("shared string index out of range")
        return (
            b"<c"
            + match.group(1)
            + b' t="inlineStr"'
            + match.group(2)
            + b"><is>"
            + strings[index]
            + b"</is></c>"
        )

    return _SHARED_CELL.sub(one, body)


def spliced_sheet(original: bytes, saved: bytes, written: set[int], strings: list[bytes]) -> bytes:
    """``saved`` (openpyxl's sheet) with the original rows put back where openpyxl wrote none of ours.

    A row number in ``written`` comes from openpyxl (it was loaded and written); every other row
    of the original comes back verbatim; rows only openpyxl has (cells it made for merged ranges,
    hyperlinks or notes on empty rows) are kept.
    """
    _s, _e, old_rows = _rows(original)
    _s, _e, new_rows = _rows(saved)
    merged = {n: _row_xml(a, _inline(b, strings)) for n, a, b in old_rows if n not in written}
    for n, a, b in new_rows:
        if n in written or n not in merged:
            merged[n] = _row_xml(a, b)
    out = _with_rows(saved, b"".join(merged[n] for n in sorted(merged)))
    out = _formats_back(out, original)
    return _dimension(out, original, max(merged, default=1))


def _formats_back(saved: bytes, original: bytes) -> bytes:
    """Put the original conditional formatting and data validation (taken out by
    :func:`reduced_sheet`) back into openpyxl's sheet, byte for byte, where the schema wants them."""
    formats = _formats(original)
    if formats is None:
        return saved
    data = _SHEET_DATA.search(saved)
    if data is None or _FORMATS.search(saved, data.end()):
        raise Unspliceable("formatting written by openpyxl as well")
    after = _AFTER_FORMATS.search(saved, data.end())
    if after is None:
        raise Unspliceable("no end of worksheet")
    at = after.start()
    return saved[:at] + original[formats[0] : formats[1]] + saved[at:]


def _dimension(xml: bytes, original: bytes, last_row: int) -> bytes:
    """The ``<dimension>`` of the spliced sheet: the union of both, down to the last row."""
    new, old = _DIMENSION.search(xml), _DIMENSION.search(original)
    if new is None:
        return xml
    refs = [m.group(1) for m in (new, old) if m is not None]
    cols = [c for ref in refs for c, _r in _REF_PART.findall(ref)]
    if not cols:
        return xml
    first = min(cols, key=lambda c: (len(c), c))
    last = max(cols, key=lambda c: (len(c), c))
    ref = b"%s1:%s%d" % (first, last, last_row)
    return xml[: new.start()] + b'<dimension ref="' + ref + b'"/>' + xml[new.end() :]


# A sheet nobody writes goes to openpyxl as a stub holding only the elements that name its
# relationships (tables, the VML drawing of buttons and notes): openpyxl still carries those parts
# through, and the sheet itself comes back verbatim from the original.
_REL_ELEMENTS = re.compile(rb"<(legacyDrawing|tableParts)\b[^>]*?(?:/>|>.*?</\1>)", re.S)
_REL_ID = re.compile(rb"\s[A-Za-z_][\w.-]*:id\s*=")  # any prefix: Excel writes r:, others may not
_VALUE_IN_ROWS = re.compile(rb"<(?:v|is|f)\b")
_ROOT = re.compile(rb"^(?:\s*<\?xml[^>]*\?>)?\s*<worksheet\b[^>]*>")


def stub_sheet(xml: bytes) -> bytes | None:
    """The sheet as openpyxl gets it when nothing on it is written (see :func:`restored_sheet`), or
    None when it could not be restored that way (then its rows are reduced as usual)."""
    try:
        _checked_rows(xml)
    except Unspliceable:
        return None
    root = _ROOT.match(xml)
    elements = [m.group(0) for m in _REL_ELEMENTS.finditer(xml)]
    if root is None:
        return None
    if len(_REL_ID.findall(xml)) != sum(len(_REL_ID.findall(e)) for e in elements):
        return None  # another relationship (printer settings, a drawing, a link): openpyxl's way
    return root.group(0) + b"<sheetData/>" + b"".join(elements) + b"</worksheet>"


def restored_sheet(original: bytes, saved: bytes, strings: list[bytes]) -> bytes:
    """The original sheet of a stub, byte for byte except: its relationship elements as openpyxl
    wrote them (openpyxl numbers relationships anew) and shared strings made inline."""
    start, end, _saved_rows = _rows(saved)
    if _VALUE_IN_ROWS.search(saved, start, end):  # a value written on a sheet said to be untouched
        raise Unspliceable("a value was written on a stub sheet")  # never lost: loaded whole instead
    old = list(_REL_ELEMENTS.finditer(original))
    new = list(_REL_ELEMENTS.finditer(saved))
    if [m.group(1) for m in old] != [m.group(1) for m in new]:
        raise Unspliceable("openpyxl wrote other relationship elements")
    out = original
    for before, after in reversed(list(zip(old, new, strict=True))):
        out = out[: before.start()] + after.group(0) + out[before.end() :]
    start, end, _rows_ = _rows(out)
    return out[:start] + _inline(out[start:end], strings) + out[end:]


def reduce_package(
    zo: zipfile.ZipFile, parts: dict[str, set[int] | None]
) -> tuple[io.BytesIO, set[str], set[str]]:
    """A copy of the package in memory whose worksheet parts (``parts``: zip name -> rows kept; None:
    nothing on the sheet is written) hold only the kept rows, the names of the parts reduced (a sheet
    that cannot be spliced stays whole), and of the parts given as a stub (:func:`stub_sheet`)."""
    buffer = io.BytesIO()
    reduced: set[str] = set()
    stubbed: set[str] = set()
    if STYLES not in zo.namelist():  # cell style indices would point nowhere: load whole
        parts = {}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
        for info in zo.infolist():
            data = zo.read(info)
            if info.filename in parts:
                keep = parts[info.filename]
                stub = stub_sheet(data) if keep is None else None
                if stub is not None:
                    data = stub
                    stubbed.add(info.filename)
                else:
                    try:
                        data = reduced_sheet(data, keep or set())
                        reduced.add(info.filename)
                    except Unspliceable:
                        pass  # loaded whole, as openpyxl always did
            out.writestr(info.filename, data)
            del data
    buffer.seek(0)
    return buffer, reduced, stubbed
