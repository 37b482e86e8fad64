"""Rendering Word templates: docxtpl's tag handling on cached template parts, autoescape, logo.

docxtpl re-reads and re-parses the whole .docx and recompiles the template on every render
(about 30 ms a letter).  Here each template is prepared once per process -- logo embedded, the
parts that hold tags run through docxtpl's own ``patch_xml`` and compiled -- and a render is
docxtpl's ``render_xml_part`` on those parts plus writing the zip (a few ms).  Values are cleaned
(:mod:`.clean`) and escaped (``autoescape``) before they reach the XML.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image
from docx.shared import Mm
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, Template
from jinja2 import TemplateError as JinjaError
from lxml import etree
from markupsafe import Markup, escape

from ..errors import TemplateError
from ..resources import templates_dir
from .clean import clean_context

TEMPLATES_DIR = templates_dir()
LOGO_HEIGHT = Mm(24)
_LOGO_TAG = re.compile(r"\{\{\s*logo\s*\}\}")
_TAGGED_PARTS = re.compile(r"^(word/(document|header\d*|footer\d*|footnotes)\.xml|docProps/core\.xml)$")
_DOCXTPL = DocxTemplate("")  # only its string methods are used: patch_xml, render_xml_part


_NO_BREAK_HYPHEN = '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'


def nobreak(value: Any) -> Markup:
    """Jinja filter: every hyphen becomes Word's non-breaking hyphen, so a letter number such as
    ``001/PT/PPID-DISKOMINFO/XI/2026`` never wraps at its hyphen (the tag must sit inside a run)."""
    return Markup(_NO_BREAK_HYPHEN).join(escape(part) for part in str(value).split("-"))


def kop_instansi(instansi: Any, pemerintah: Any = "") -> str:
    """Jinja filter: the office name without the region the government line already names
    ("Dinas ... Provinsi Kalimantan Barat" under "Pemerintah Provinsi Kalimantan Barat")."""
    name, government = " ".join(str(instansi).split()), " ".join(str(pemerintah).split())
    region = government.split(" ", 1)[1] if government.casefold().startswith("pemerintah ") else ""
    if region and name.casefold().endswith(" " + region.casefold()) and len(name) > len(region) + 1:
        return name[: -len(region) - 1].rstrip(" ,")
    return name


FILTERS = {"nobreak": nobreak, "kop_instansi": kop_instansi}


def jinja_env() -> Environment:
    """A plain autoescaping environment with our filters (for docxtpl's own ``render``)."""
    env = Environment(autoescape=True)
    env.filters.update(FILTERS)
    return env


class _CompiledCache(Environment):
    """docxtpl calls ``from_string`` on every render; compile each distinct source once."""

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined)
        self.filters.update(FILTERS)
        self._compiled: dict[str, Template] = {}

    def from_string(self, source, globals=None, template_class=None):  # type: ignore[no-untyped-def,override]
        if globals or template_class or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        if source not in self._compiled:
            if len(self._compiled) > 256:
                self._compiled.clear()
            self._compiled[source] = super().from_string(source)
        return self._compiled[source]


_ENV = _CompiledCache()


@dataclass
class Prepared:
    """A template ready to render: the untagged members zipped once, the tagged parts patched."""

    static_zip: bytes  # every member without tags, compressed once
    tagged: dict[str, str]  # member name -> XML after docxtpl's patch_xml


_PREPARED: dict[tuple[Any, ...], Prepared] = {}


def template_file(name: str, templates_dir: Path | None = None) -> Path:
    path = (templates_dir or TEMPLATES_DIR) / name
    if not path.is_file():
        raise TemplateError(
            f"Templat {name} tidak ditemukan di {path.parent}; pasang ulang paket ppid (atau buat ulang"
            " dengan tools/make_templates.py di folder proyek)."
        )
    return path


def usable_logo(value: Any, base: Path) -> tuple[Path | None, str]:
    """The logo file from Pengaturan when it is an image python-docx can embed; else a note why not."""
    text = str(value or "").strip()
    if not text:
        return None, ""
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = base / path
    if not path.is_file():
        return None, f"Berkas logo {text} tidak ditemukan; kop surat dibuat tanpa logo."
    try:
        Image.from_file(str(path))
    except (UnrecognizedImageError, OSError, ValueError):
        return None, f"Berkas logo {text} bukan gambar yang dikenali (PNG/JPG); kop surat dibuat tanpa logo."
    return path, ""


def _stamp(path: Path) -> tuple[str, int, int]:
    st = path.stat()
    return str(path.resolve()), st.st_mtime_ns, st.st_size


def prepare(template: Path, logo: Path | None = None) -> Prepared:
    """The template read, logo placed where ``{{ logo }}`` stands, tagged parts patched (cached)."""
    key = (_stamp(template), _stamp(logo) if logo else None)
    if key not in _PREPARED:
        try:
            document = docx.Document(str(template))
            if logo is not None:
                _embed_logo(document, logo)
            buffer = io.BytesIO()
            document.save(buffer)
        except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise TemplateError(
                f"Templat {template.name} tidak dapat dibuka sebagai dokumen Word ({exc})."
            ) from None
        with zipfile.ZipFile(buffer) as zf:
            members = [(info, zf.read(info)) for info in zf.infolist()]
        tagged = {}
        static = io.BytesIO()
        with zipfile.ZipFile(static, "w", zipfile.ZIP_DEFLATED) as zf:
            for info, data in members:
                text = data.decode("utf-8") if _TAGGED_PARTS.match(info.filename) else ""
                if "{{" in text or "{%" in text:
                    tagged[info.filename] = _DOCXTPL.patch_xml(text)
                else:
                    zf.writestr(info.filename, data)
        _PREPARED[key] = Prepared(static.getvalue(), tagged)
    return _PREPARED[key]


def _embed_logo(document: Any, logo: Path) -> None:
    """Put the picture into every paragraph holding ``{{ logo }}`` (body, tables, headers)."""
    for paragraph in _paragraphs(document):
        if not _LOGO_TAG.search(paragraph.text) or not paragraph.runs:
            continue
        rest = _LOGO_TAG.sub("", paragraph.text)
        first, *others = paragraph.runs
        for run in others:
            run.text = ""
        first.text = rest
        first.add_picture(str(logo), height=LOGO_HEIGHT)


def _paragraphs(document: Any) -> Any:
    def walk(container: Any) -> Any:
        yield from container.paragraphs
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    yield from walk(cell)

    yield from walk(document)
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.footer):
            if not part.is_linked_to_previous:
                yield from walk(part)


def render_bytes(template: Path, context: dict[str, Any], *, logo: Path | None = None) -> bytes:
    """The .docx of ``template`` rendered with ``context``, in memory (nothing is written)."""
    prepared = prepare(template, logo)
    values = clean_context(context)
    values["logo"] = ""  # the picture, if any, is already in the prepared template
    rendered: dict[str, bytes] = {}
    for name, source in prepared.tagged.items():
        try:
            xml = _DOCXTPL.render_xml_part(source, None, values, _ENV)
        except JinjaError as exc:
            raise TemplateError(f"Templat {template.name} tidak dapat diisi: {exc.message or exc}.") from None
        data = xml.encode("utf-8")
        try:
            etree.fromstring(data)
        except etree.XMLSyntaxError as exc:
            raise TemplateError(
                f"Templat {template.name} menghasilkan dokumen rusak ({exc}); periksa tanda blok {{% %}}."
            ) from None
        rendered[name] = data
    package = io.BytesIO(prepared.static_zip)
    with zipfile.ZipFile(package, "a", zipfile.ZIP_DEFLATED) as zf:
        for name, data in rendered.items():
            zf.writestr(name, data)
    return package.getvalue()


def write_docx(data: bytes, out: Path) -> Path:
    """Write a rendered document to ``out`` atomically (temp name, then replace); returns ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.stem}.tmp.docx")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def render_docx(template: Path, context: dict[str, Any], out: Path, *, logo: Path | None = None) -> Path:
    """Render ``template`` with ``context`` into ``out`` (written atomically); returns ``out``."""
    return write_docx(render_bytes(template, context, logo=logo), out)
