"""Rendering one Word template with docxtpl: cleaned values, autoescape, optional logo image."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, StrictUndefined
from jinja2 import TemplateError as JinjaError

from ..errors import TemplateError
from .clean import clean_context

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
LOGO_HEIGHT = Mm(24)


def template_file(name: str, templates_dir: Path | None = None) -> Path:
    path = (templates_dir or TEMPLATES_DIR) / name
    if not path.is_file():
        raise TemplateError(f"Templat {name} tidak ditemukan di {path.parent}; buat ulang dengan tools/make_templates.py.")
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


def render_docx(template: Path, context: dict[str, Any], out: Path, *, logo: Path | None = None) -> Path:
    """Render ``template`` with ``context`` into ``out`` (written atomically); returns ``out``."""
    try:
        tpl = DocxTemplate(template)
        tpl.init_docx()
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TemplateError(f"Templat {template.name} tidak dapat dibuka sebagai dokumen Word ({exc}).") from None
    values = clean_context(context)
    if logo is not None:
        values["logo"] = InlineImage(tpl, str(logo), height=LOGO_HEIGHT)
    env = Environment(autoescape=True, undefined=StrictUndefined)
    try:
        tpl.render(values, jinja_env=env, autoescape=True)
    except JinjaError as exc:
        raise TemplateError(f"Templat {template.name} tidak dapat diisi: {exc.message or exc}.") from None
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.stem}.tmp.docx")
    try:
        tpl.save(tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out
