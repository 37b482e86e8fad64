"""PDF through LibreOffice headless: batches of at most :data:`CHUNK` files per soffice call, private profile.

One ``soffice --convert-to`` call stops silently after 246 files (measured with LibreOffice 7 on
Linux: 400 files given, 246 PDFs, exit status 0 — soffice drops every argument past its 256th), so
a long list is converted in chunks well below that, and every file a chunk did not convert is
retried on its own; what still fails comes back with a reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PDF_MISSING = "LibreOffice tidak ditemukan; berkas .docx tetap disimpan"
CHUNK = 200  # files per soffice call; must stay below the 246 one call accepts
_WINDOWS_PATHS = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
Progress = Callable[[int, int, str], None]  # (done, total, label)
# A LibreOffice profile folder to reuse instead of a fresh private one per call (a reused profile
# starts faster; the test suite gives each worker one). Unset in the office: every call is private.
PROFILE_VARIABLE = "PPID_LIBREOFFICE_PROFILE"


@dataclass
class Conversion:
    """The PDFs made (in input order) and, per source that could not be converted, why."""

    pdfs: list[Path] = field(default_factory=list)
    failed: dict[Path, str] = field(default_factory=dict)


def find_soffice() -> str | None:
    """The soffice executable (PATH, then the usual Windows install folders), None when absent."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _WINDOWS_PATHS if os.name == "nt" and Path(p).is_file()), None)


def _run(exe: str, profile: Path, paths: Sequence[Path], outdir: Path) -> str:
    """One soffice call; returns "" when it ended normally, else why it did not (Indonesian)."""
    cmd = [
        exe,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *(str(p) for p in paths),
    ]
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, errors="replace", check=False, timeout=120 + 15 * len(paths)
        )
    except subprocess.TimeoutExpired:
        return "LibreOffice tidak selesai dalam batas waktu"
    except OSError as exc:
        return f"LibreOffice tidak dapat dijalankan ({exc.strerror or exc})"
    said = f"{done.stdout}\n{done.stderr}"
    if "could not be loaded" in said or "Error: source file" in said:
        return "LibreOffice tidak dapat membuka berkas (rusak atau bukan dokumen Word)"
    return "" if done.returncode == 0 else f"LibreOffice berhenti dengan kode {done.returncode}"


def convert(
    sources: Sequence[Path], targets: Sequence[Path], *, chunk: int = CHUNK, progress: Progress | None = None
) -> Conversion:
    """Convert ``sources[i]`` to ``targets[i]`` in chunks, retrying each miss alone.

    Sources are copied under unique names into a scratch folder first, so files sharing a name
    (every request has a ``tanda_bukti.docx``) never overwrite each other's PDF.
    """
    result = Conversion()
    exe = find_soffice()
    if exe is None or not sources:
        return result
    with tempfile.TemporaryDirectory(prefix="ppid-pdf-") as scratch:
        root = Path(scratch)
        stage, out, profile = root / "in", root / "out", _profile(root)
        stage.mkdir()
        staged = _stage(sources, stage, result)
        work = [(i, item) for i, item in enumerate(staged) if item is not None]
        missed = _convert_chunks(exe, profile, work, targets, out, chunk=chunk, progress=progress)
        for i in missed:  # alone, so that one broken letter cannot take its neighbours down
            item = staged[i]
            assert item is not None
            why = _run(exe, profile, [item], out)
            if not _collect(out / f"{item.stem}.pdf", targets[i]):
                result.failed[Path(sources[i])] = why or "LibreOffice tidak menghasilkan PDF"
    result.pdfs = [
        Path(t)
        for s, t in zip(sources, targets, strict=True)
        if Path(s) not in result.failed and Path(t).is_file()
    ]
    return result


def _profile(scratch: Path) -> Path:
    """The profile named by :data:`PROFILE_VARIABLE`, else a fresh private one in ``scratch``."""
    shared = os.environ.get(PROFILE_VARIABLE)
    return Path(shared) if shared else scratch / "profile"


def _convert_chunks(
    exe: str,
    profile: Path,
    work: list[tuple[int, Path]],
    targets: Sequence[Path],
    out: Path,
    *,
    chunk: int,
    progress: Progress | None,
) -> list[int]:
    """One soffice call per ``chunk`` staged files; the indexes whose PDF did not appear."""
    missed: list[int] = []
    for start in range(0, len(work), max(1, chunk)):
        part = work[start : start + chunk]
        _run(exe, profile, [item for _, item in part], out)
        missed += [i for i, item in part if not _collect(out / f"{item.stem}.pdf", targets[i])]
        if progress:
            progress(min(start + chunk, len(work)), len(work), "Konversi PDF")
    return missed


def _stage(sources: Sequence[Path], stage: Path, result: Conversion) -> list[Path | None]:
    staged: list[Path | None] = []
    for i, src in enumerate(sources):
        item = stage / f"{i:05d}{Path(src).suffix}"
        try:
            shutil.copyfile(src, item)
        except OSError as exc:
            result.failed[Path(src)] = f"berkas tidak dapat dibaca ({exc.strerror or exc})"
            staged.append(None)
            continue
        staged.append(item)
    return staged


def _collect(pdf: Path, target: Path) -> bool:
    if not pdf.is_file():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)  # os.rename on Windows refuses to replace
    shutil.move(str(pdf), target)
    return True


def convert_to_pdf(paths: Path | Sequence[Path], outdir: Path | None = None) -> list[Path]:
    """Convert every file; PDFs go to ``outdir`` (default: beside each file).

    Files sharing a name get ``-2``, ``-3`` ... in ``outdir``.
    Returns the PDFs that exist afterwards, in input order; [] when LibreOffice is not installed
    (the caller then prints :data:`PDF_MISSING`).
    """
    sources = [Path(paths)] if isinstance(paths, str | os.PathLike) else [Path(p) for p in paths]
    if outdir is None:
        return convert_beside(sources)
    targets = _unique_targets(sources, outdir)
    for target in targets:
        target.unlink(missing_ok=True)
    return convert(sources, targets).pdfs


def _unique_targets(sources: list[Path], outdir: Path) -> list[Path]:
    """``outdir/<stem>.pdf``; a repeated stem gets ``-2``, ``-3`` ... in input order."""
    seen: dict[str, int] = {}
    targets = []
    for src in sources:
        seen[src.stem] = seen.get(src.stem, 0) + 1
        suffix = f"-{seen[src.stem]}" if seen[src.stem] > 1 else ""
        targets.append(outdir / f"{src.stem}{suffix}.pdf")
    return targets


def convert_beside(
    paths: Sequence[Path], *, chunk: int = CHUNK, progress: Progress | None = None
) -> list[Path]:
    """Files in many folders; each PDF lands next to its .docx."""
    return convert_beside_report(paths, chunk=chunk, progress=progress).pdfs


def convert_beside_report(
    paths: Sequence[Path], *, chunk: int = CHUNK, progress: Progress | None = None
) -> Conversion:
    """:func:`convert_beside` with the reason for every file that could not be converted."""
    sources = [Path(p) for p in paths]
    return convert(sources, [p.with_suffix(".pdf") for p in sources], chunk=chunk, progress=progress)
