"""PDF through LibreOffice headless: one soffice call for a whole batch, private user profile."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

PDF_MISSING = "LibreOffice tidak ditemukan; berkas .docx tetap disimpan"
_WINDOWS_PATHS = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def find_soffice() -> str | None:
    """The soffice executable (PATH, then the usual Windows install folders), None when absent."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _WINDOWS_PATHS if os.name == "nt" and Path(p).is_file()), None)


def _run(exe: str, paths: Sequence[Path], outdir: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="ppid-lo-") as profile:
        cmd = [
            exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", str(outdir), *(str(p) for p in paths),
        ]
        # On a timeout or a crash, whatever was converted is still returned by the caller.
        with contextlib.suppress(subprocess.TimeoutExpired, OSError):
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                           timeout=120 + 15 * len(paths))


def convert_to_pdf(paths: Path | Sequence[Path], outdir: Path | None = None) -> list[Path]:
    """Convert every file in ONE soffice call; PDFs go to ``outdir`` (default: beside each file).

    Files sharing a name get ``-2``, ``-3`` ... in ``outdir``.
    Returns the PDFs that exist afterwards, in input order; [] when LibreOffice is not installed
    (the caller then prints :data:`PDF_MISSING`).
    """
    sources = [Path(paths)] if isinstance(paths, str | os.PathLike) else [Path(p) for p in paths]
    if not sources:
        return []
    exe = find_soffice()
    if exe is None:
        return []
    if outdir is None:
        return _convert_beside(exe, sources)
    outdir.mkdir(parents=True, exist_ok=True)
    targets = _unique_targets(sources, outdir)
    if any(t.stem != p.stem for t, p in zip(targets, sources, strict=True)):
        return _convert_staged(exe, sources, targets)
    for target in targets:
        target.unlink(missing_ok=True)
    _run(exe, [p.resolve() for p in sources], outdir)
    return [t for t in targets if t.is_file()]


def _unique_targets(sources: list[Path], outdir: Path) -> list[Path]:
    """``outdir/<stem>.pdf``; a repeated stem gets ``-2``, ``-3`` ... in input order."""
    seen: dict[str, int] = {}
    targets = []
    for src in sources:
        seen[src.stem] = seen.get(src.stem, 0) + 1
        suffix = f"-{seen[src.stem]}" if seen[src.stem] > 1 else ""
        targets.append(outdir / f"{src.stem}{suffix}.pdf")
    return targets


def convert_beside(paths: Sequence[Path]) -> list[Path]:
    """One soffice call for files in many folders; each PDF lands next to its .docx."""
    exe = find_soffice()
    if exe is None or not paths:
        return []
    return _convert_beside(exe, [Path(p) for p in paths])


def _convert_beside(exe: str, sources: list[Path]) -> list[Path]:
    return _convert_staged(exe, sources, [p.with_suffix(".pdf") for p in sources])


def _convert_staged(exe: str, sources: list[Path], targets: list[Path]) -> list[Path]:
    """Copy the inputs under unique names into a scratch folder, convert once, move PDFs out."""
    done: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="ppid-pdf-") as scratch:
        stage, out = Path(scratch) / "in", Path(scratch) / "out"
        stage.mkdir()
        staged = []
        for i, src in enumerate(sources):
            staged.append(stage / f"{i:05d}{src.suffix}")
            shutil.copyfile(src, staged[-1])
        _run(exe, staged, out)
        for item, target in zip(staged, targets, strict=True):
            pdf = out / f"{item.stem}.pdf"
            if pdf.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(pdf), target)
                done.append(target)
    return done
