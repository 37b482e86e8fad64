"""Word output of a report: docxtpl rendering with chart images, and the optional PDF."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import TemplateError as JinjaError

from ..errors import AutomationError, TemplateError, WriteRefused
from ..letters.clean import clean_context

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
MONTHLY_TEMPLATE = "laporan_bulanan.docx"
ANNUAL_TEMPLATE = "laporan_tahunan.docx"
CHART_WIDTH = Mm(150)


def render_docx(template: Path, out: Path, context: dict[str, Any], images: dict[str, Path]) -> Path:
    """Render ``template`` with ``context`` (cleaned, autoescaped) and chart images into ``out``."""
    if not template.is_file():
        raise TemplateError(f"Templat laporan tidak ditemukan: {template}")
    try:
        tpl = DocxTemplate(str(template))
        ctx = clean_context(context)
        for key, image in images.items():
            ctx[key] = InlineImage(tpl, str(image), width=CHART_WIDTH)
        tpl.render(ctx, autoescape=True)
    except (JinjaError, PackageNotFoundError, KeyError, ValueError) as exc:  # template edited into a broken state
        raise TemplateError(f"Templat {template.name} tidak dapat diisi: {exc}") from exc
    tmp = out.with_name(f".{out.stem}.tmp.docx")
    tpl.save(str(tmp))
    try:
        os.replace(tmp, out)
    except PermissionError as exc:
        tmp.unlink(missing_ok=True)
        raise WriteRefused(f"Berkas {out.name} sedang dibuka (mungkin di Word); tutup berkas itu lalu ulangi.") from exc
    return out


def to_pdf(docx: Path) -> Path:
    """PDF next to ``docx``: the letters' converter when present, else one soffice call here."""
    try:
        from ..letters.pdf import convert_to_pdf  # type: ignore[import-not-found]
    except ImportError:
        return _soffice_pdf(docx)
    result = convert_to_pdf(docx)
    return Path(result) if result else docx.with_suffix(".pdf")


def _soffice_pdf(docx: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise AutomationError("LibreOffice (soffice) tidak ditemukan; PDF tidak dapat dibuat. Pasang LibreOffice "
                              "atau buat laporan tanpa --pdf.")
    with tempfile.TemporaryDirectory(prefix="ppid-lo-") as profile:
        cmd = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to", "pdf",
               "--outdir", str(docx.parent), str(docx)]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=180, check=False)
        except subprocess.TimeoutExpired as exc:
            raise AutomationError("LibreOffice tidak selesai mengonversi laporan ke PDF dalam 3 menit.") from exc
    pdf = docx.with_suffix(".pdf")
    if done.returncode != 0 or not pdf.exists():
        raise AutomationError(f"LibreOffice gagal mengonversi {docx.name} ke PDF (kode {done.returncode}).")
    return pdf
