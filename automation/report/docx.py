"""Word output of a report: docxtpl rendering with chart images, and the optional PDF."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import TemplateError as JinjaError

from ..errors import TemplateError, WriteRefused
from ..letters.clean import clean_context
from ..letters.pdf import PDF_MISSING, convert_to_pdf, find_soffice
from ..letters.render import jinja_env
from ..resources import templates_dir

TEMPLATES = templates_dir()
MONTHLY_TEMPLATE = "laporan_bulanan.docx"
ANNUAL_TEMPLATE = "laporan_tahunan.docx"
CHART_WIDTH = Mm(150)


def render_report_docx(
    template: Path, context: dict[str, Any], out: Path, *, images: dict[str, Path]
) -> Path:
    """Render ``template`` with ``context`` (cleaned, autoescaped) and chart images into ``out``."""
    if not template.is_file():
        raise TemplateError(f"Templat laporan tidak ditemukan: {template}")
    try:
        tpl = DocxTemplate(str(template))
        ctx = clean_context(context)
        for key, image in images.items():
            ctx[key] = InlineImage(tpl, str(image), width=CHART_WIDTH)
        tpl.render(ctx, jinja_env=jinja_env(), autoescape=True)
    except (
        JinjaError,
        PackageNotFoundError,
        KeyError,
        ValueError,
    ) as exc:  # template edited into a broken state
        raise TemplateError(f"Templat {template.name} tidak dapat diisi: {exc}") from exc
    tmp = out.with_name(f".{out.stem}.tmp.docx")
    tpl.save(str(tmp))
    try:
        os.replace(tmp, out)
    except PermissionError as exc:
        tmp.unlink(missing_ok=True)
        raise WriteRefused(
            f"Berkas {out.name} sedang dibuka (mungkin di Word); tutup berkas itu lalu ulangi."
        ) from exc
    return out


def to_pdf(docx: Path) -> tuple[Path | None, str]:
    """PDF next to ``docx`` via LibreOffice (one soffice call); (None, reason) when it cannot be made."""
    made = convert_to_pdf([docx], docx.parent)
    if made:
        return made[0], ""
    if find_soffice() is None:
        return None, f"{PDF_MISSING}."
    return None, f"LibreOffice gagal mengonversi {docx.name} ke PDF; berkas .docx tetap disimpan."
