"""xlwings' standalone VBA for the register: the macro project, the button module and xlwings.conf.

The buttons run xlwings' own standalone VBA project (shipped as ``quickstart_standalone.xlsm``
inside the installed xlwings package).  Its ``SampleCall`` macro runs::

    RunPython "import <workbook stem>; <workbook stem>.main()"

so every register needs a Python module named after its file, next to it.  This module copies the
VBA project out of the installed package at build time (nothing binary is committed), checks the
file name, writes that module and lists the settings of the ``xlwings.conf`` sheet.
"""

from __future__ import annotations

import importlib.resources
import importlib.resources.abc
import importlib.util
import keyword
import re
import sys
import sysconfig
import zipfile
from pathlib import Path

from ..errors import UnusableFile, UsageError

MACRO = "SampleCall"  # Module1.SampleCall in xlwings' quickstart_standalone.xlsm
CONF_SHEET = "xlwings.conf"  # sheet xlwings reads settings from (A1 down, key in A, value in B)
SOURCE_BOOK = "quickstart_standalone.xlsm"
EXAMPLE_NAME = "register_ppid_2026.xlsm"
# First line of the module written beside the workbook; lets a rebuild recognise its own file.
STUB_MARKER = '"""Button entry point of the PPID register workbook'
# Module names a workbook must not take: they would shadow what the button needs to import.
RESERVED = frozenset({"automation", "xlwings", "pywintypes", "win32com", "pythoncom"})


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def vba_project() -> bytes:
    """``xl/vbaProject.bin`` of the installed xlwings package's standalone quickstart workbook."""
    try:
        with _source_book().open("rb") as handle, zipfile.ZipFile(handle) as book:
            return book.read("xl/vbaProject.bin")
    except (ModuleNotFoundError, FileNotFoundError, KeyError, zipfile.BadZipFile) as exc:
        raise UnusableFile(
            f"Proyek VBA xlwings ({SOURCE_BOOK}) tidak ditemukan atau rusak; pasang ulang paket xlwings"
            f" ({exc})."
        ) from exc


def _source_book() -> Path | importlib.resources.abc.Traversable:
    """The quickstart workbook inside the installed xlwings, found without importing xlwings
    (its import takes about 2 s: pandas, cryptography, its Pro modules)."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None:
        raise ModuleNotFoundError("xlwings")
    for folder in spec.submodule_search_locations or ():
        candidate = Path(folder) / SOURCE_BOOK
        if candidate.is_file():
            return candidate
    return importlib.resources.files("xlwings").joinpath(SOURCE_BOOK)  # e.g. a zipped install


def module_name(path: Path) -> str:
    """The Python module SampleCall will import for this workbook; UsageError when it cannot work."""
    problem = name_problem(path)
    if problem:
        raise UsageError(f"{problem}{_hint(path)}")
    return path.stem


def name_problem(path: Path) -> str | None:
    """Why the buttons could not import a module named after ``path`` (Indonesian), or None."""
    stem = path.stem
    if (
        not _IDENTIFIER.fullmatch(stem)
        or keyword.iskeyword(stem)
        or stem.casefold() in RESERVED
        or stem in sys.stdlib_module_names
    ):
        return (
            f"Nama berkas '{path.name}' tidak dapat dipakai tombol Excel: gunakan huruf, angka, dan garis "
            f"bawah saja, diawali huruf, tanpa spasi/tanda kurung/tanda hubung (mis. {EXAMPLE_NAME})."
        )
    shadowed = shadowed_module(path)
    if shadowed:
        return (
            f"Nama berkas '{path.name}' sama dengan modul Python '{stem}' yang sudah terpasang ({shadowed}): "
            f"berkas {stem}.py untuk tombol akan menutupi modul itu dan tombol gagal. Pakai nama lain "
            f"(mis. {EXAMPLE_NAME})."
        )
    return None


def safe_name(path: Path) -> Path:
    """A usable name for ``path`` in the same folder: 'register_ppid_2026 (1).xlsm' ->
    'register_ppid_2026_1.xlsm'."""
    stem = re.sub(r"[^A-Za-z0-9_]+", "_", path.stem).strip("_") or "register_ppid"
    if not stem[0].isalpha() or name_problem(path.with_name(f"{stem}{path.suffix}")):
        stem = f"register_{stem}"
    candidate = path.with_name(f"{stem}{path.suffix}")
    for number in range(2, 100):
        if not name_problem(candidate) and not (candidate.exists() and candidate != path):
            return candidate
        candidate = path.with_name(f"{stem}_{number}{path.suffix}")
    raise UsageError(
        f"Tidak ada nama pengganti yang bebas untuk '{path.name}'; ganti nama berkas secara manual."
    )


def doctor_hint(path: Path | str) -> str:
    """The sentence every message about the button path ends with."""
    return f'Periksa dan perbaiki dengan: ppid doctor "{path}" --perbaiki'


def _hint(path: Path) -> str:
    """Point an existing register to ``ppid doctor`` (it can rename it safely); a new one needs none."""
    return f" {doctor_hint(path)}." if path.exists() else ""


def shadowed_module(path: Path) -> str | None:
    """Where the importable module named like ``path``'s stem lives, when it is not the button module.

    The button puts the workbook's folder first on ``sys.path``, so ``docx.xlsm`` with its ``docx.py``
    would hide python-docx from the letters.  A module found in the workbook's own folder is the
    button module itself (or will be replaced by it) and does not count.
    """
    try:
        spec = importlib.util.find_spec(path.stem)
    except (ImportError, ValueError):  # a broken module of that name is still a name clash
        return path.stem
    if spec is None:
        return None
    origin = spec.origin or next(iter(spec.submodule_search_locations or []), "")
    if origin and Path(origin).resolve().parent == path.resolve().parent:
        return None
    return origin or path.stem


def module_path(workbook: Path) -> Path:
    return workbook.with_name(f"{module_name(workbook)}.py")


def module_source(workbook_name: str) -> str:
    return (
        f"{STUB_MARKER} {workbook_name}.\n\nxlwings' SampleCall macro runs ``import <workbook file stem>;"
        " <stem>.main()``: this file must keep\nthe workbook's name (rename both together) and stay in the"
        ' workbook\'s folder.\n"""\n\nfrom automation.buttons import main\n\n__all__ = ["main"]\n'
    )


def is_own_module(path: Path) -> bool:
    """True when ``path`` is a module this builder wrote (safe to overwrite)."""
    try:
        return path.read_text(encoding="utf-8").startswith(STUB_MARKER)
    except (OSError, UnicodeDecodeError):
        return False


def check_button_module(workbook: Path, *, force: bool = False) -> Path:
    """The module path; UsageError when a file there is not ours and ``force`` is not given."""
    target = module_path(workbook)
    if target.exists() and not force and not is_own_module(target):
        raise UsageError(
            f"Berkas {target} sudah ada dan bukan buatan ppid; gunakan --force untuk menimpanya."
        )
    return target


def write_button_module(workbook: Path, *, force: bool = False) -> Path:
    """Write ``<stem>.py`` beside the workbook; refuses to replace a foreign file unless ``force``."""
    target = check_button_module(workbook, force=force)
    target.write_text(module_source(workbook.name), encoding="utf-8")
    return target


def _package_root() -> Path | None:
    """Folder holding the ``automation`` package when it is not installed in site-packages."""
    root = Path(__file__).resolve().parents[2]
    site = {Path(p).resolve() for p in (sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"])}
    return None if root in site else root


def conf_rows(workbook: Path, *, windows: bool | None = None) -> list[tuple[str, object, str]]:
    """(key, value, note) rows of the xlwings.conf sheet; the keys must stay contiguous from A1."""
    windows = sys.platform.startswith("win") if windows is None else windows
    folder = workbook.resolve().parent
    paths = [str(folder)]
    root = _package_root()
    if root is not None and root != folder:
        paths.append(str(root))
    interpreter = sys.executable if windows else ""
    interpreter_note = (
        "Python yang menjalankan 'ppid init'."
        if windows
        else (
            "PLACEHOLDER: register dibuat di luar Windows. Isi dengan lokasi python.exe (mis. "
            "C:\\ppid\\.venv\\Scripts\\python.exe); bila kosong dipakai 'python' dari PATH."
        )
    )
    return [
        ("Interpreter_Win", interpreter, interpreter_note),
        ("Interpreter_Mac", "", "Tidak dipakai (kantor memakai Windows)."),
        (
            "PYTHONPATH",
            ";".join(paths),
            "Folder register (tempat berkas .py tombol) dan folder paket automation.",
        ),
        ("ADD_WORKBOOK_TO_PYTHONPATH", True, "Folder register selalu ditambahkan ke sys.path."),
        ("Conda Path", "", "Kosong: tidak memakai Conda."),
        ("Conda Env", "", "Kosong: tidak memakai Conda."),
        ("UDF Modules", "", "Tidak dipakai."),
        ("Debug UDFs", False, "Tidak dipakai."),
        ("Use UDF Server", False, "False: setiap klik menjalankan python.exe baru (lebih aman)."),
        ("Show Console", False, "True untuk melihat jendela konsol saat mencari kesalahan."),
    ]


def bad_name_formula(message: str) -> str:
    """Excel formula: ``message`` when the workbook's file name cannot be imported by SampleCall.

    CELL("filename") gives ``C:\\dir\\[name.xlsm]Sheet`` in Excel (and no brackets in LibreOffice or
    before the first save, where the formula shows nothing).  It flags spaces, brackets, hyphens,
    extra dots and a leading digit, the usual results of "Save as" and of browser downloads.
    """
    full = 'CELL("filename",$A$1)'
    name = f'MID({full},FIND("[",{full})+1,FIND("]",{full})-FIND("[",{full})-1)'
    checks = [f'ISNUMBER(FIND("{ch}",{name}))' for ch in (" ", "(", ")", "-")]
    checks.append(f'LEN({name})-LEN(SUBSTITUTE({name},".",""))>1')
    checks.append(f"ISNUMBER(-LEFT({name},1))")
    text = message.replace('"', '""')
    return f'=IF(ISERROR(FIND("[",{full})),"",IF(OR({",".join(checks)}),"{text}",""))'
