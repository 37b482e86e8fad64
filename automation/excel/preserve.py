"""Keep what an openpyxl round trip drops: restore lost package parts, name what cannot be kept."""

from __future__ import annotations

import contextlib
import gc
import io
import os
import posixpath
import re
import warnings
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import unquote
from xml.sax.saxutils import quoteattr

from automation.errors import UnusableFile, WriteRefused
from automation.excel.safety import hide_while_written

if TYPE_CHECKING:
    from openpyxl import Workbook

_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CONTENT_TYPES = "[Content_Types].xml"

# Sheet relationship types (by their last path segment) that openpyxl drops with what they carry.
_LOST_SHEET_RELS = {
    "control": "kontrol ActiveX",
    "oleObject": "objek tersemat (OLE)",
    "package": "objek tersemat (paket)",
    "threadedComment": "komentar berutas (threaded comment)",
    "slicer": "slicer",
    "timeline": "timeline",
    "queryTable": "tabel kueri data eksternal",
    "image": "gambar latar lembar",
}
# Worksheet extension URIs (upper case) openpyxl removes on load.
_LOST_EXTENSIONS = {
    "{CCE6A557-97BC-4B89-ADB6-D9C93CAAB3DF}": (
        "validasi data bentuk Excel 2010 (daftar pilihan dari lembar lain)"
    ),
    "{78C0D931-6437-407D-A8EE-F0AAD7539E65}": "format bersyarat bentuk Excel 2010 (bilah data/ikon)",
    "{05C60535-1F16-4FD2-B633-F4F36F0B64E0}": "sparkline",
    "{A8765BA9-456A-4DAB-B4F3-ACF838C121DE}": "slicer",
    "{3A4CF648-6AED-40F4-86FF-DC5316D8AED3}": "slicer",
    "{7E03D99C-DC04-49D9-9315-930204A7B6E9}": "timeline",
    "{FC87AEE6-9EDD-4A0A-B7FB-166176984837}": "rentang terlindungi bentuk Excel 2010",
    "{F7C9EE02-42E1-4005-9D12-6889AFFD525C}": "add-in web",
}
_IGNORED_EXTENSIONS = {"{01252117-D84E-4E92-8308-4BE1C098FCBB}"}  # ignored-error marks: cosmetic
# Worksheet elements after <sheetData> that openpyxl does not read.
_LOST_SHEET_ELEMENTS = {
    "legacyDrawingHF": "gambar di header/footer",
    "picture": "gambar latar lembar",
    "oleObjects": "objek tersemat (OLE)",
    "protectedRanges": "rentang yang boleh diedit (lembar terlindungi)",
}
# Workbook relationship types openpyxl drops.
_LOST_BOOK_RELS = {
    "connections": "koneksi data eksternal",
    "sheetMetadata": "rumus larik dinamis (mis. FILTER, UNIQUE) yang akan menjadi rumus biasa",
}
_DRAWING_LOSSES = {
    "sp": "kotak teks atau bentuk (shape)",
    "cxnSp": "garis/panah penghubung",
    "grpSp": "grup bentuk",
    "contentPart": "coretan tinta",
}
_RESTORED_LABELS = {
    "vmlDrawing": "tombol formulir/catatan (VML)",
    "ctrlProp": "properti kontrol formulir",
    "image": "gambar",
    "vbaProjectSignature": "tanda tangan digital makro",
}


@dataclass(frozen=True)
class _Rel:
    """One internal relationship: id, its type's last segment and the resolved target part name."""

    id: str
    kind: str
    target: str


def _rels_name(part: str) -> str:
    """``xl/worksheets/sheet1.xml`` -> ``xl/worksheets/_rels/sheet1.xml.rels``; root -> ``_rels/.rels``."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _rels_source(rels_name: str) -> str:
    """``xl/worksheets/_rels/sheet1.xml.rels`` -> ``xl/worksheets/sheet1.xml``; ``_rels/.rels`` -> root."""
    folder, name = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), name[: -len(".rels")])


def _parse_rels(xml: bytes, source: str) -> list[_Rel]:
    """Internal relationships in a .rels part, targets resolved against ``source``."""
    out = []
    for el in ET.fromstring(xml):
        if el.tag != f"{{{_PKG_REL}}}Relationship" or el.get("TargetMode") == "External":
            continue
        target = unquote(el.get("Target", "")).split("#")[0]
        if not target:
            continue
        if target.startswith("/"):
            name = target.lstrip("/")
        else:
            name = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
        out.append(_Rel(el.get("Id", ""), el.get("Type", "").rsplit("/", 1)[-1], name))
    return out


class _Package:
    """Read access to a zip package with case-insensitive part names (as OPC defines them)."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.names = {n.lower(): n for n in zf.namelist()}

    def has(self, part: str) -> bool:
        return part.lower() in self.names

    def read(self, part: str) -> bytes:
        return self.entry(self.zf.getinfo(self.names[part.lower()]))

    def entry(self, info: zipfile.ZipInfo) -> bytes:
        """The content of one zip entry as this package presents it."""
        return self.zf.read(info)

    def rels(self, part: str) -> list[_Rel]:
        name = _rels_name(part)
        return _parse_rels(self.read(name), part) if self.has(name) else []

    def sheets(self) -> list[tuple[str, str]]:
        """(sheet name, worksheet part) in workbook order."""
        book = next((r.target for r in self.rels("") if r.kind == "officeDocument"), "xl/workbook.xml")
        targets = {rel.id: rel.target for rel in self.rels(book)}
        out = []
        for sheet in ET.fromstring(self.read(book)).iter(f"{{{_MAIN}}}sheet"):
            target = targets.get(sheet.get(f"{{{_DOC_REL}}}id", ""))
            if target:
                out.append((sheet.get("name", "?"), target))
        return out


# ------------------------------------------------------------------ repair
def repair(original: Path, saved: Path) -> list[str]:
    """Copy back into ``saved`` every part it references but lacks, taken from ``original``.

    Generic: walks the relationships of ``saved`` from the package root; a referenced part that is
    missing is copied from ``original`` (with its own relationships), and so is the .rels of a
    part copied verbatim (e.g. the VBA signature). Content types are completed, parts nothing
    references any more are dropped. Returns Indonesian lines naming what was restored.
    """
    with zipfile.ZipFile(original) as zo, zipfile.ZipFile(saved) as zs:
        fix = _plan_repair(_Package(zo), _Package(zs))
        if not fix.added and not fix.orphans:
            return []
    with rewritten_zip(saved) as (src, out):
        _write_repaired(_Package(src), out, fix)
    return fix.lines


@dataclass
class _Repair:
    """What :func:`repair` changes: parts to add, parts to drop, the new content types, what to say."""

    added: dict[str, bytes]
    orphans: set[str]
    types: bytes | None  # None: [Content_Types].xml stays as saved
    lines: list[str]


def _plan_repair(orig: _Package, new: _Package) -> _Repair:
    added, restored, reachable = _collect_missing(orig, new)
    orphans = _orphans(new.zf.namelist(), reachable, added)
    if not added and not orphans:
        return _Repair({}, set(), None, [])
    types = _content_types(orig, new, added, orphans)
    sheet_names = {part.lower(): name for name, part in new.sheets()}
    restored.sort(key=lambda item: _natural(item[0]))
    lines = [_describe(part, source, kind, sheet_names) for part, source, kind in restored]
    return _Repair(added, orphans, types, lines)


def _write_repaired(new: _Package, out: zipfile.ZipFile, fix: _Repair) -> None:
    """Write every entry of ``new`` (as its ``entry`` method gives it) to ``out``, repaired by ``fix``."""
    if fix.types is not None:
        out.writestr(_CONTENT_TYPES, fix.types)
    for info in new.zf.infolist():
        if info.filename in fix.orphans or (fix.types is not None and info.filename == _CONTENT_TYPES):
            continue
        out.writestr(info, new.entry(info))
    for name, data in fix.added.items():
        out.writestr(name, data)


def _orphans(names: list[str], reachable: set[str], added: dict[str, bytes]) -> set[str]:
    """Parts of the saved package that no relationship reaches any more (dropped on repair)."""
    return {
        n
        for n in names
        if n != _CONTENT_TYPES and not n.endswith("/") and n.lower() not in reachable and n not in added
    }


def _natural(name: str) -> list[int | str]:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name)]


@contextlib.contextmanager
def rewritten_zip(path: Path) -> Iterator[tuple[zipfile.ZipFile, zipfile.ZipFile]]:
    """Rewrite the zip package ``path``: yields (the current archive, the new one being written).

    The new archive (a hidden temp file beside ``path``) replaces ``path`` only once both are
    closed (Windows cannot replace a file that is still open); it is removed when the block fails.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.repair")
    try:
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
            hide_while_written(tmp, True)
            yield src, out
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    hide_while_written(tmp, False)
    os.replace(tmp, path)


def _collect_missing(
    orig: _Package, new: _Package
) -> tuple[dict[str, bytes], list[tuple[str, str, str]], set[str]]:
    """Walk ``new`` from the root; gather parts (and .rels) to copy back from ``orig``.

    Returns (parts to add, (part, referring part, relationship kind) restored, reachable names).
    """
    added: dict[str, bytes] = {}
    restored: list[tuple[str, str, str]] = []
    reachable: set[str] = set()
    queue = [""]
    while queue:
        part = queue.pop()
        rels_xml, relinked = _rels_for(part, orig, new, added)
        if rels_xml is None:
            continue
        reachable.add(_rels_name(part).lower())
        for rel in _parse_rels(rels_xml, part):
            if rel.target.lower() in reachable:
                continue
            missing = not new.has(rel.target) and rel.target not in added
            if missing and not orig.has(rel.target):
                continue  # dangling in both: verify_package reports it
            if missing:
                added[rel.target] = orig.read(rel.target)
            if missing or relinked:
                restored.append((rel.target, part, rel.kind))
            reachable.add(rel.target.lower())
            queue.append(rel.target)
    return added, restored, reachable


def _rels_for(part: str, orig: _Package, new: _Package, added: dict[str, bytes]) -> tuple[bytes | None, bool]:
    """The .rels of ``part`` and whether it came back from the original just now.

    A part restored from the original, or one openpyxl copied byte for byte, gets the original
    .rels when the saved package has none.
    """
    name = _rels_name(part)
    if name in added:
        return added[name], False
    if new.has(name):
        return new.read(name), False
    if not part or not orig.has(name):
        return None, False
    if part in added or (new.has(part) and orig.has(part) and new.read(part) == orig.read(part)):
        added[name] = orig.read(name)
        return added[name], True
    return None, False


def _content_types(orig: _Package, new: _Package, added: dict[str, bytes], orphans: set[str]) -> bytes:
    """The saved [Content_Types].xml plus entries for restored parts, minus dropped ones."""
    defaults, overrides = _read_types(new)
    old_defaults, old_overrides = _read_types(orig) if orig.has(_CONTENT_TYPES) else ({}, {})
    for name in orphans:
        overrides.pop("/" + name.lower(), None)
    for name in added:
        _restore_type(name, (defaults, overrides), (old_defaults, old_overrides))
    for key, value in old_overrides.items():  # verbatim copies that lost their specific type
        name = key[1:]
        copied = key not in overrides and new.has(name) and name not in orphans and orig.has(name)
        if copied and new.read(name) == orig.read(name):
            overrides[key] = value
    items = [f"<Default Extension={quoteattr(e)} ContentType={quoteattr(t)}/>" for e, t in defaults.values()]
    items += [
        f"<Override PartName={quoteattr(p)} ContentType={quoteattr(t)}/>" for p, t in overrides.values()
    ]
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="{_CT}">'
    return (head + "".join(items) + "</Types>").encode("utf-8")


_Types = dict[str, tuple[str, str]]


def _restore_type(name: str, types: tuple[_Types, _Types], old: tuple[_Types, _Types]) -> None:
    """Give a part copied back from the original its content type (its Override, else its Default)."""
    (defaults, overrides), (old_defaults, old_overrides) = types, old
    key, ext = "/" + name.lower(), posixpath.splitext(name)[1][1:].lower()
    if key in old_overrides and key not in overrides:
        overrides[key] = old_overrides[key]
    elif key not in overrides and ext not in defaults and ext in old_defaults:
        defaults[ext] = old_defaults[ext]


def _read_types(pkg: _Package) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """Defaults by lower-case extension and Overrides by lower-case part name, spelling kept."""
    defaults, overrides = {}, {}
    for el in ET.fromstring(pkg.read(_CONTENT_TYPES)):
        if _local(el) == "Default":
            ext = el.get("Extension", "")
            defaults[ext.lower()] = (ext, el.get("ContentType", ""))
        elif _local(el) == "Override":
            part = el.get("PartName", "")
            overrides[part.lower()] = (part, el.get("ContentType", ""))
    return defaults, overrides


def _describe(part: str, source: str, kind: str, sheet_names: dict[str, str]) -> str:
    label = _RESTORED_LABELS.get(kind, "bagian berkas")
    sheet = sheet_names.get(source.lower())
    where = f" pada lembar '{sheet}'" if sheet else ""
    return f"{label}{where} dipulihkan ({part})"


def verify_package(path: Path) -> list[str]:
    """Problems Excel would offer to repair: relationships to missing parts, parts without a type."""
    problems = []
    with zipfile.ZipFile(path) as zf:
        pkg = _Package(zf)
        if not pkg.has(_CONTENT_TYPES):
            return ["[Content_Types].xml tidak ada"]
        defaults, overrides = _read_types(pkg)
        for name in zf.namelist():
            if not name.endswith(".rels"):
                continue
            for rel in _parse_rels(zf.read(name), _rels_source(name)):
                if not pkg.has(rel.target):
                    problems.append(f"tautan ke bagian yang tidak ada: {name} -> {rel.target}")
                    continue
                ext = posixpath.splitext(rel.target)[1][1:].lower()
                if "/" + rel.target.lower() not in overrides and ext not in defaults:
                    problems.append(f"jenis isi tidak terdaftar: {rel.target}")
    return problems


# ------------------------------------------------------------------ losses
def check_losses(path: Path) -> list[str]:
    """Indonesian lines naming what an openpyxl save would drop that ``repair`` cannot restore.

    Reads only the zip listing, relationships, drawings and the tail of each sheet (after
    ``<sheetData>``); never loads the workbook. Form controls are not listed: Excel keeps a VML
    copy of each, which survives (VML parts >= 10 through ``repair``).
    """
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        from .hint import restore_hint

        raise UnusableFile(
            f"Berkas {Path(path).name} tidak dapat dibuka sebagai workbook Excel. " + restore_hint(path)
        ) from exc
    out: list[str] = []
    with zf:
        pkg = _Package(zf)
        try:
            book = next((r.target for r in pkg.rels("") if r.kind == "officeDocument"), "xl/workbook.xml")
            out += [
                f"{_LOST_BOOK_RELS[r.kind]} pada workbook"
                for r in pkg.rels(book)
                if r.kind in _LOST_BOOK_RELS
            ]
            for sheet, part in pkg.sheets():
                if pkg.has(part):
                    out += [f"{what} pada lembar '{sheet}'" for what in _sheet_losses(pkg, part)]
        except (ET.ParseError, KeyError, zipfile.BadZipFile) as exc:
            from .hint import restore_hint

            raise UnusableFile(
                f"Berkas {Path(path).name} rusak: isi workbook tidak dapat dibaca. " + restore_hint(path)
            ) from exc
    return list(dict.fromkeys(out))


def _sheet_losses(pkg: _Package, part: str) -> list[str]:
    out = []
    rels = pkg.rels(part)
    controls = {
        t
        for r in rels
        if r.kind == "vmlDrawing" and pkg.has(r.target)
        for t in _vml_controls(pkg.read(r.target))
    }
    for rel in rels:
        if rel.kind in _LOST_SHEET_RELS:
            out.append(_LOST_SHEET_RELS[rel.kind])
        elif rel.kind == "drawing" and pkg.has(rel.target):
            media = {r.id: r.target for r in pkg.rels(rel.target)}
            out.extend(_drawing_losses(pkg.read(rel.target), media, controls))
    out.extend(_tail_losses(pkg.read(part)))
    return out


_VML_SHAPE = re.compile(rb"<v:shape\b.*?</v:shape>", re.S)
_VML_CONTROL = re.compile(rb'ObjectType="(?!Note")[^"]+"')
_VML_TEXTBOX = re.compile(rb"<v:textbox\b[^>]*>(.*?)</v:textbox>", re.S)
_TAG = re.compile(rb"<[^>]+>")


def _vml_controls(vml: bytes) -> set[str]:
    """Captions of the form controls (not notes) in a legacy VML drawing.

    VML written by Excel is not always well-formed XML, so the shapes are found by pattern.
    """
    out = set()
    for shape in _VML_SHAPE.findall(vml):
        box = _VML_TEXTBOX.search(shape)
        if _VML_CONTROL.search(shape) and box:
            text = _TAG.sub(b" ", box.group(1)).decode("utf-8", errors="replace")
            out.add(" ".join(text.split()))
    return out


def _drawing_losses(
    xml: bytes, media: dict[str, str], controls: frozenset[str] | set[str] = frozenset()
) -> list[str]:
    """Shapes openpyxl drops (it keeps only charts and pictures, and no WMF/EMF pictures).

    Excel's DrawingML copies of form controls (marked ``compatExt``) are skipped: the VML copy
    keeps the control. So are LibreOffice's copies: a shape inside ``mc:Choice`` whose text is
    the caption of a form control in the sheet's VML drawing (``controls``). ``mc:Fallback``
    content only stands in for what its ``mc:Choice`` holds.
    """
    out = []
    for anchor, chosen in _anchors(ET.fromstring(xml)):
        if any(el.tag.endswith("}compatExt") for el in anchor.iter()):
            continue
        for child in anchor:
            if chosen and _local(child) == "sp" and _shape_text(child) in controls:
                continue  # LibreOffice's DrawingML copy of a form button: the VML copy keeps it
            loss = _shape_loss(child, media)
            if loss:
                out.append(f"{loss} '{_shape_name(child)}'")
    return out


def _shape_loss(child: ET.Element, media: dict[str, str]) -> str:
    """What openpyxl drops of one drawing shape ('' when it keeps it)."""
    local = _local(child)
    if local in _DRAWING_LOSSES:
        return _DRAWING_LOSSES[local]
    if local == "pic" and _blip_target(child, media).lower().endswith((".emf", ".wmf")):
        return "gambar berformat EMF/WMF"
    if local == "graphicFrame":
        uri = next((el.get("uri", "") for el in child.iter() if _local(el) == "graphicData"), "")
        if not uri.endswith("/chart"):
            return "grafik jenis baru (Excel 2016)" if "chartex" in uri else "diagram/SmartArt"
    return ""


def _anchors(el: ET.Element, chosen: bool = False) -> list[tuple[ET.Element, bool]]:
    """Drawing anchors, each with whether it sits inside an ``mc:Choice``."""
    if _local(el) in ("twoCellAnchor", "oneCellAnchor", "absoluteAnchor"):
        return [(el, chosen)]
    if _local(el) == "Fallback":
        return []
    chosen = chosen or _local(el) == "Choice"
    return [a for child in el for a in _anchors(child, chosen)]


def _shape_text(el: ET.Element) -> str:
    return " ".join("".join(t.text or "" for t in el.iter() if _local(t) == "t").split())


def _local(el: ET.Element) -> str:
    return el.tag.rsplit("}", 1)[-1]


def _blip_target(pic: ET.Element, media: dict[str, str]) -> str:
    embed = next(
        (
            v
            for el in pic.iter()
            if _local(el) == "blip"
            for k, v in el.attrib.items()
            if k.endswith("}embed")
        ),
        "",
    )
    return media.get(embed, "")


def _shape_name(el: ET.Element) -> str:
    return next((c.get("name", "") for c in el.iter() if _local(c) == "cNvPr"), "")


_ROOT = re.compile(rb"<(?:\w+:)?worksheet\b[^>]*>")


def _tail_losses(xml: bytes) -> list[str]:
    """Scan the worksheet elements after <sheetData> (small even for a large sheet)."""
    root = _ROOT.search(xml)
    data_end = xml.find(b">", xml.rfind(b"sheetData")) + 1
    body = xml.rstrip()
    close = body.rfind(b"</")
    if root is None or data_end <= root.end() or close < data_end:
        return []
    tail = ET.fromstring(root.group(0) + body[data_end:close] + body[close:])
    out = []
    for child in tail:
        local = _local(child)
        if local in _LOST_SHEET_ELEMENTS:
            out.append(_LOST_SHEET_ELEMENTS[local])
        elif local == "extLst":
            for ext in child:
                uri = ext.get("uri", "").upper()
                if uri not in _IGNORED_EXTENSIONS:
                    out.append(_LOST_EXTENSIONS.get(uri, f"fitur tambahan Excel {uri}"))
    return out


# ------------------------------------------------------------------ damaged input
_MACRO_MAIN = "macroenabled"


def input_damage(path: Path) -> list[str]:
    """What is already wrong with ``path`` before ppid writes it (empty: a sound package).

    Another program's save may have left relationships to parts it dropped (openpyxl loses VML
    drawings 10 and up), and an .xlsx renamed .xlsm has no macro workbook at all. Writing such
    a file would either fail the check after the save or hand Excel a file it refuses.
    """
    path = Path(path)
    with zipfile.ZipFile(path) as zf:
        pkg = _Package(zf)
        if not pkg.has(_CONTENT_TYPES):
            return ["[Content_Types].xml tidak ada"]
        out = []
        if path.suffix.lower() in (".xlsm", ".xltm"):
            book = next((r.target for r in pkg.rels("") if r.kind == "officeDocument"), "xl/workbook.xml")
            _defaults, overrides = _read_types(pkg)
            kind = overrides.get("/" + book.lower(), ("", ""))[1]
            if _MACRO_MAIN not in kind.lower():
                out.append(
                    "berkas ini sebenarnya workbook .xlsx tanpa makro yang diberi nama .xlsm; tombol register"
                    " tidak berfungsi"
                )
    return out + verify_package(path)


def refuse_damaged_input(path: Path) -> None:
    """Raise WriteRefused naming the damage when the input was already damaged before ppid's save."""
    from .hint import restore_hint

    try:
        problems = input_damage(path)
    except (zipfile.BadZipFile, ET.ParseError, KeyError, OSError) as exc:
        raise WriteRefused(
            f"Register {Path(path).name} sudah rusak sebelum disimpan ppid; register tidak diubah. "
            + restore_hint(path)
        ) from exc
    if problems:
        shown = "; ".join(problems[:3]) + (f"; dan {len(problems) - 3} lagi" if len(problems) > 3 else "")
        raise WriteRefused(
            f"Register {Path(path).name} sudah rusak sebelum disimpan ppid (mungkin disimpan program lain):"
            f" {shown}. Register tidak diubah. " + restore_hint(path)
        )


# ------------------------------------------------------------------ formula values
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_TYPE = re.compile(rb'\st="([a-zA-Z]+)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_HAS_VALUE = re.compile(rb"<v>[^<]+</v>")
_FORMULA = re.compile(rb"<f[\s>/]")
_EMPTY_V = re.compile(rb"<v\s*/>|<v>\s*</v>")


def _with_cached_values(xml: bytes, old: bytes) -> bytes:
    """Give formula cells in ``xml`` (a saved sheet) back the values Excel last calculated (``old``:
    the same sheet in the original).

    openpyxl writes a formula as ``<f>`` with an empty ``<v>``, so every reader that does not
    calculate (python-calamine: ppid itself) sees a staff formula such as ``=PROPER(...)`` as
    empty after the first save. A cell that holds a formula in both files is the same staff
    formula (ppid writes values, never formulas), so its cached value and type are copied back.
    Excel recalculates on open anyway (openpyxl sets ``fullCalcOnLoad``). A sheet with nothing to
    give back is returned as it is.
    """
    if not _FORMULA.search(xml):
        return xml
    values = _cached_values(old)
    return _fill_values(xml, values)[0] if values else xml


def _formula_cells(xml: bytes) -> list[tuple[int, int]]:
    """(start, end) of every ``<c ...>...</c>`` element that holds a formula, found from the formulas.

    Scanning from each ``<f`` keeps the work proportional to the formulas, not to the cells.
    """
    out = []
    last_end = 0
    for match in _FORMULA.finditer(xml):
        if match.start() < last_end:
            continue
        window = max(last_end, match.start() - 1024)  # <f> is the first child: its <c ...> is just before
        start = max(xml.rfind(b"<c ", window, match.start()), xml.rfind(b"<c>", window, match.start()))
        end = xml.find(b"</c>", match.end())
        if start < last_end or end < 0:
            continue
        last_end = end + len(b"</c>")
        out.append((start, last_end))
    return out


def _cached_values(xml: bytes) -> dict[bytes, tuple[bytes | None, bytes]]:
    """Cell reference -> (type attribute, cached value) of every formula cell with a value."""
    out: dict[bytes, tuple[bytes | None, bytes]] = {}
    for start, end in _formula_cells(xml):
        match = _CELL.match(xml, start, end)
        if match is None:
            continue
        value, ref = _VALUE.search(match.group(2) or b""), _REF.search(match.group(1))
        kind = _TYPE.search(match.group(1))
        if value is None or ref is None or (kind is not None and kind.group(1) == b"s"):
            continue
        out[ref.group(1)] = (kind.group(1) if kind else None, value.group(1))
    return out


def _fill_values(xml: bytes, values: dict[bytes, tuple[bytes | None, bytes]]) -> tuple[bytes, int]:
    parts: list[bytes] = []
    done, count = 0, 0
    for start, end in _formula_cells(xml):
        match = _CELL.match(xml, start, end)
        if match is None:
            continue
        attrs, body = match.group(1), match.group(2) or b""
        ref = _REF.search(attrs)
        cached = values.get(ref.group(1)) if ref else None
        if cached is None or _HAS_VALUE.search(body):
            continue
        kind, value = cached
        attrs = _TYPE.sub(b"", attrs) + (b' t="' + kind + b'"' if kind else b"")
        body = _EMPTY_V.sub(b"", body) + b"<v>" + value + b"</v>"
        parts += [xml[done:start], b"<c" + attrs + b">" + body + b"</c>"]
        done, count = end, count + 1
    return b"".join([*parts, xml[done:]]), count


# ------------------------------------------------------------------ round trip
def roundtrip_openpyxl(
    original: Path,
    dest: Path,
    mutate: Callable[[Workbook], None],
    rows: dict[str, set[int]] | None = None,
) -> list[str]:
    """Load ``original`` with openpyxl (VBA and rich text kept), ``mutate``, save to ``dest``, repair.

    With ``rows`` (sheet name -> the only row numbers ``mutate`` writes; sheets not named are not
    written) openpyxl loads just those rows and the others are spliced back verbatim
    (:mod:`automation.excel.splice`): a fraction of the memory and time of a full load.
    openpyxl saves into memory; ``dest`` (never ``original``) is written once, by :func:`_finish`.
    Call it as the ``write_fn`` of ``write_session(...).save``. Raises WriteRefused when the result
    still has broken links after repair. Returns the lines from ``repair``.
    """
    original, dest = Path(original), Path(dest)
    if dest.resolve() == original.resolve():
        raise ValueError("roundtrip_openpyxl writes a new file, never the original")
    refuse_damaged_input(original)
    restored = None if rows is None else _save_rows(original, dest, mutate, rows)
    if restored is None:
        saved = io.BytesIO()
        _openpyxl_save(original, original, saved, mutate)
        restored = _finish(original, saved, dest, {})
    problems = verify_package(dest)
    if problems:
        raise WriteRefused(
            "Hasil simpan tidak utuh (" + "; ".join(problems[:3]) + "); register tidak diubah."
        )
    return restored


_Spliced = dict[str, tuple[str, set[int]]]  # sheet name -> (original zip entry, rows openpyxl wrote)


def _finish(
    original: Path,
    saved: IO[bytes],
    dest: Path,
    spliced: _Spliced,
    stubs: frozenset[str] | set[str] = frozenset(),
) -> list[str]:
    """Write ``dest`` from openpyxl's package ``saved`` in one pass (one compression): the original rows
    put back into the ``spliced`` sheets (the ``stubs`` among them come back whole), formula cells given
    their cached values, and what openpyxl dropped restored (:func:`repair`). Returns repair's lines."""
    with zipfile.ZipFile(original) as zo, zipfile.ZipFile(saved) as zs:
        orig = _Package(zo)
        new = _Finished(zs, orig, spliced, stubs)
        fix = _plan_repair(orig, new)
        with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
            _write_repaired(new, out, fix)
    return fix.lines


class _Finished(_Package):
    """openpyxl's saved package as :func:`_finish` writes it, each sheet computed when read (never
    all held at once): the original rows spliced back, formula cells with their cached values."""

    def __init__(
        self, zf: zipfile.ZipFile, orig: _Package, spliced: _Spliced, stubs: frozenset[str] | set[str]
    ) -> None:
        from .splice import shared_strings

        super().__init__(zf)
        self._orig, self._spliced, self._stubs = orig, spliced, stubs
        self._sheets: dict[str, tuple[str, str]] = {}  # saved entry -> (sheet name, original part)
        old_parts = dict(orig.sheets())
        for name, part in self.sheets():
            old = old_parts.get(name)
            if self.has(part) and old is not None and orig.has(old):
                self._sheets[self.names[part.lower()]] = (name, old)
        self._strings = shared_strings(orig.zf) if spliced else []

    def entry(self, info: zipfile.ZipInfo) -> bytes:
        from .splice import restored_sheet, spliced_sheet

        data = self.zf.read(info)
        sheet = self._sheets.get(info.filename)
        if sheet is None:
            return data
        name, old_part = sheet
        old = self._orig.read(old_part)
        if name in self._stubs:
            data = restored_sheet(old, data, self._strings)
        elif name in self._spliced:
            data = spliced_sheet(old, data, self._spliced[name][1], self._strings)
        return _with_cached_values(data, old)


def _openpyxl_save(
    source: Path | IO[bytes],
    original: Path,
    dest: Path | IO[bytes],
    mutate: Callable[[Workbook], None],
) -> None:
    """Load ``source`` (the original or a reduced copy of it), mutate, save; a large workbook's
    memory is released before this returns (openpyxl's workbook holds reference cycles)."""
    from openpyxl import load_workbook

    keep_vba = original.suffix.lower() in (".xlsm", ".xltm")
    large = _worksheet_bytes(source) > _COLLECT_ABOVE
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "extension is not supported": check_losses reports those
        wb = load_workbook(source, keep_vba=keep_vba, rich_text=True)
    try:
        _keep_column_print_areas(original, wb)
        mutate(wb)
        wb.save(dest)
    finally:
        if wb.vba_archive is not None:
            wb.vba_archive.close()
        del wb
        if large:  # a full collection costs ~0.1 s in a busy process: only worth it for a large load
            gc.collect()


# Uncompressed worksheet XML above which a save collects openpyxl's workbook at once (about 40,000
# cells); smaller ones are left to Python's generational collector.
_COLLECT_ABOVE = 4 * 1024 * 1024


def _worksheet_bytes(source: Path | IO[bytes]) -> int:
    with zipfile.ZipFile(source) as zf:
        return sum(info.file_size for info in zf.infolist() if info.filename.startswith("xl/worksheets/"))


def _save_rows(
    original: Path,
    dest: Path,
    mutate: Callable[[Workbook], None],
    rows: dict[str, set[int]],
) -> list[str] | None:
    """Save through openpyxl with only ``rows`` loaded, then splice the other rows back; repair's
    lines, or None when a sheet turned out not to be spliceable (the caller then loads it whole)."""
    from .splice import Unspliceable, reduce_package

    with zipfile.ZipFile(original) as zo:
        entries = dict(_sheet_entries(zo))
        kept = {entry: rows.get(name) for name, entry in entries.items()}  # None: not written at all
        reduced, spliced, stubbed = reduce_package(zo, kept)
    saved = io.BytesIO()
    with reduced:
        _openpyxl_save(reduced, original, saved, mutate)
    del reduced
    sheets = {
        name: (entry, rows.get(name, set()))
        for name, entry in entries.items()
        if entry in spliced or entry in stubbed
    }
    stubs = {name for name, entry in entries.items() if entry in stubbed}
    try:
        return _finish(original, saved, dest, sheets, stubs)
    except Unspliceable:  # e.g. a shared-string index out of range: load whole, as before
        return None


def _sheet_entries(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, zip entry name) of every worksheet present (part names are case-insensitive)."""
    pkg = _Package(zf)
    return [(sheet, pkg.names[part.lower()]) for sheet, part in pkg.sheets() if pkg.has(part)]


_PRINT_AREA = re.compile(
    r'<definedName name="_xlnm\.Print_Area" localSheetId="(\d+)"[^>]*>([^<]+)</definedName>'
)


def _keep_column_print_areas(original: Path, wb: Workbook) -> None:
    """openpyxl drops a print area of whole columns ("'1 Permohonan'!$A:$X"); put it back as a sheet name."""
    from openpyxl.workbook.defined_name import DefinedName

    with zipfile.ZipFile(original) as package:
        xml = package.read("xl/workbook.xml").decode("utf-8", errors="replace")
    for index, text in _PRINT_AREA.findall(xml):
        position = int(index)
        if position >= len(wb.worksheets):
            continue
        ws = wb.worksheets[position]
        if not ws.print_area and "_xlnm.Print_Area" not in ws.defined_names:
            value = text.replace("&apos;", "'").replace("&amp;", "&")
            ws.defined_names["_xlnm.Print_Area"] = DefinedName(
                "_xlnm.Print_Area", localSheetId=position, attr_text=value
            )
