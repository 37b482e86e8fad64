"""The checks of ``ppid doctor``, in the order a click needs them; each returns one Result.

Every check is a small function of a Context.  ``CHECKS`` is the list the doctor runs; the docs
(docs/windows.md, docs/cli.md) describe the same codes.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Callable
from pathlib import Path, PureWindowsPath

from ..excel.vba import is_own_module, name_problem, safe_name
from .model import Context, Result, Status
from .system import ASR_CHILD_PROCESS_RULE, read_only

Check = Callable[[Context], Result]
IP_SHARE = re.compile(r"^(?:\\\\|//)(\d{1,3}(?:\.\d{1,3}){3})(?:[\\/]|$)")
ASR_NAME = "Block all Office applications from creating child processes"
ASR_ACTIONS = {0: "nonaktif", 1: "blokir", 2: "audit", 6: "peringatan"}
ZONES = {0: "komputer ini", 1: "intranet", 2: "situs tepercaya", 3: "internet", 4: "situs terlarang"}


def ok(code: str, title: str, message: str) -> Result:
    return Result(code, title, Status.OK, message)


# ---------------------------------------------------------------- the file and its module
def file_name(ctx: Context) -> Result:
    title = "Nama berkas"
    problem = name_problem(ctx.path)
    if problem is None:
        return ok("nama_berkas", title, f"'{ctx.path.name}' dapat dipakai sebagai nama modul tombol.")
    return Result(
        "nama_berkas",
        title,
        Status.MASALAH,
        problem,
        f"'ppid doctor --perbaiki' mengganti nama menjadi '{safe_name(ctx.path).name}' "
        "(tutup register di Excel terlebih dahulu).",
        fixable=True,
    )


def button_module(ctx: Context) -> Result:
    code, title = "modul_tombol", "Berkas .py tombol"
    if name_problem(ctx.path):
        return Result(code, title, Status.LEWATI, "Diperiksa setelah nama berkas diperbaiki.")
    target = ctx.path.with_suffix(".py")
    if not target.is_file():
        return Result(
            code,
            title,
            Status.MASALAH,
            f"{target.name} tidak ada di samping register: tombol gagal dengan "
            f"'No module named {ctx.path.stem}'.",
            f"'ppid doctor --perbaiki' menulis {target.name}.",
            fixable=True,
        )
    if not _imports_buttons(target):
        fixable = is_own_module(target)
        action = (
            f"'ppid doctor --perbaiki' menulis ulang {target.name}."
            if fixable
            else (
                f"{target.name} bukan buatan ppid: pindahkan atau ganti namanya, lalu jalankan "
                "'ppid doctor --perbaiki'."
            )
        )
        return Result(
            code,
            title,
            Status.MASALAH,
            f"{target.name} tidak mengimpor automation.buttons, jadi tombol tidak menjalankan ppid.",
            action,
            fixable=fixable,
        )
    return ok(code, title, f"{target.name} ada dan mengimpor automation.buttons.")


def _imports_buttons(module: Path) -> bool:
    try:
        tree = ast.parse(module.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return False
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == "automation.buttons"
        and any(alias.name == "main" for alias in node.names)
        for node in ast.walk(tree)
    )


# ---------------------------------------------------------------- the Python the button starts
def interpreter(ctx: Context) -> Result:
    code, title = "interpreter", "Python untuk tombol (xlwings.conf)"
    if ctx.conf is None:
        return Result(
            code,
            title,
            Status.MASALAH,
            "Lembar tersembunyi 'xlwings.conf' tidak ada: tombol tidak tahu Python mana yang dipakai.",
            "Buat register baru dengan 'ppid init' lalu salin isinya, atau hubungi pengelola ppid.",
        )
    configured = ctx.conf.get("Interpreter_Win", "").strip()
    if not ctx.system.windows:
        return Result(
            code,
            title,
            Status.LEWATI,
            f"Hanya diperiksa di Windows (nilai sekarang: '{configured or 'kosong'}').",
        )
    if configured:
        if not Path(configured).is_file():
            return Result(
                code,
                title,
                Status.MASALAH,
                f"Interpreter_Win menunjuk ke {configured}, yang tidak ada di PC ini "
                "(register dibuat di PC lain atau folder Python dipindah).",
                f"'ppid doctor --perbaiki' mengisinya dengan {sys.executable}.",
                fixable=True,
            )
        return _judge_python(code, title, ctx, configured, "Interpreter_Win")
    on_path = ctx.system.python_on_path()
    if not on_path:
        return Result(
            code,
            title,
            Status.MASALAH,
            "Interpreter_Win kosong dan tidak ada 'python' di PATH: tombol tidak dapat berjalan.",
            f"'ppid doctor --perbaiki' mengisinya dengan {sys.executable}.",
            fixable=True,
        )
    return _judge_python(code, title, ctx, on_path, "python dari PATH (Interpreter_Win kosong)")


def _judge_python(code: str, title: str, ctx: Context, exe: str, label: str) -> Result:
    fix = f"'ppid doctor --perbaiki' mengisi Interpreter_Win dengan {sys.executable}."
    report = ctx.system.python_report(exe)
    if report is None:
        return Result(
            code, title, Status.MASALAH, f"{label} ({exe}) tidak dapat dijalankan.", fix, fixable=True
        )
    needed = ["xlwings", "ppid"] + (["pywin32"] if ctx.system.windows else [])
    missing = [name for name in needed if not report.get(name)]
    if missing:
        return Result(
            code,
            title,
            Status.MASALAH,
            f"{label} ({exe}) tidak memiliki paket: {', '.join(missing)}.",
            f"{fix} Atau pasang paket itu ke Python tersebut (lihat docs/windows.md).",
            fixable=True,
        )
    if report.get("buttons"):
        return Result(
            code,
            title,
            Status.MASALAH,
            f"{label} ({exe}) gagal mengimpor automation.buttons: {report['buttons']}.",
            "Lihat docs/windows.md (galat E8 untuk pywin32).",
        )
    differ = [
        f"{name} {report.get(name)} (ppid doctor: {mine})"
        for name in ("xlwings", "ppid")
        if (mine := ctx.versions.get(name)) and report.get(name) != mine
    ]
    if differ:
        return Result(
            code,
            title,
            Status.PERINGATAN,
            f"{label} ({exe}) memakai versi lain: {'; '.join(differ)}.",
            f"{fix} Atau perbarui paket di Python tersebut.",
            fixable=True,
        )
    return ok(code, title, f"{label}: {exe} (xlwings {report['xlwings']}, ppid {report['ppid']}).")


# ---------------------------------------------------------------- where the file lives
def writable(ctx: Context) -> Result:
    code, title = "hanya_baca", "Dapat ditulis"
    if read_only(ctx.path):
        return Result(
            code,
            title,
            Status.MASALAH,
            "Berkas register bersifat hanya-baca (read-only): tombol tidak dapat menyimpan.",
            "Klik kanan berkas di Explorer → Properti → hapus centang 'Hanya-baca', atau simpan "
            "salinan ke C:\\PPID.",
        )
    return ok(code, title, "Berkas register dapat ditulis.")


def sync_folder(ctx: Context) -> Result:
    code, title = "onedrive", "OneDrive/SharePoint"
    text = str(ctx.path)
    if text.lower().startswith(("http://", "https://")):
        return Result(
            code,
            title,
            Status.MASALAH,
            "Register dibuka sebagai alamat web (OneDrive/SharePoint).",
            "Buka register dari folder lokal (mis. C:\\PPID).",
        )
    root = next((r for r in ctx.system.onedrive_roots() if _inside(ctx.path, r)), None)
    if root is None:
        return ok(code, title, "Register tidak berada di folder OneDrive/SharePoint.")
    if ctx.system.kept_on_device(ctx.path):
        return ok(code, title, f"Register di folder OneDrive ({root}) dan disimpan di perangkat ini.")
    return Result(
        code,
        title,
        Status.PERINGATAN,
        f"Register berada di folder OneDrive/SharePoint ({root}); bila hanya tersedia daring, "
        "Excel melaporkannya sebagai alamat web dan tombol menolak berjalan.",
        "Klik kanan folder di Explorer → 'Selalu simpan di perangkat ini', atau pindahkan ke C:\\PPID.",
    )


def network_share(ctx: Context) -> Result:
    code, title = "jaringan", "Folder jaringan"
    unc = ctx.system.network_path(ctx.path) or ""
    match = IP_SHARE.match(unc)
    if match:
        return Result(
            code,
            title,
            Status.MASALAH,
            f"Register dibuka dari folder jaringan dengan alamat IP ({match.group(1)}): Windows "
            "menganggapnya zona Internet, sehingga makro diblokir.",
            "Buka lewat nama server (\\\\nama-server\\folder) atau drive terpetakan dengan nama "
            "server, atau salin ke C:\\PPID; minta IT menambahkan server ke zona Intranet lokal.",
        )
    if unc:
        return Result(
            code,
            title,
            Status.PERINGATAN,
            f"Register berada di folder jaringan ({unc}).",
            "Folder jaringan perlu dijadikan Lokasi Tepercaya dengan 'Izinkan lokasi tepercaya "
            "di jaringan saya'; pastikan hanya satu orang membuka register.",
        )
    return ok(code, title, "Register berada di disk lokal.")


# ---------------------------------------------------------------- Windows and Office security
def mark_of_the_web(ctx: Context) -> Result:
    code, title = "tanda_web", "Tanda unduhan (Mark of the Web)"
    zone = ctx.system.zone_id(ctx.path)
    if zone is None:
        return Result(code, title, Status.LEWATI, "Hanya diperiksa di Windows.")
    if zone >= 3:
        return Result(
            code,
            title,
            Status.MASALAH,
            f"Berkas bertanda berasal dari {ZONES.get(zone, 'internet')} (Zone.Identifier): Excel "
            "membukanya di Tampilan Terproteksi dan memblokir makronya.",
            "Bila berkas berasal dari sumber tepercaya: 'ppid doctor --perbaiki --buka-blokir', atau "
            "klik kanan → Properti → centang 'Buka blokir'.",
            fixable=True,
        )
    return ok(code, title, "Berkas tidak bertanda unduhan.")


def trusted_location(ctx: Context) -> Result:
    code, title = "lokasi_tepercaya", "Lokasi Tepercaya Excel"
    locations = ctx.system.trusted_locations()
    if locations is None:
        return Result(code, title, Status.LEWATI, "Hanya diperiksa di Windows.")
    folder = ctx.path.parent
    for place, subfolders in locations:
        if _same(folder, place) or (subfolders and _inside(folder, place)):
            return ok(code, title, f"Folder register termasuk Lokasi Tepercaya ({place}).")
    return Result(
        code,
        title,
        Status.PERINGATAN,
        f"Folder {folder} bukan Lokasi Tepercaya: Excel meminta 'Aktifkan Konten' setiap kali "
        "register dibuka (atau memblokir makro bila kebijakan kantor melarangnya).",
        "Excel → File → Opsi → Pusat Kepercayaan → Pengaturan → Lokasi Tepercaya → tambahkan "
        f"{folder} (lihat docs/windows.md bagian 4).",
    )


def defender_rule(ctx: Context) -> Result:
    code, title = "defender_asr", "Aturan Defender (ASR)"
    if not ctx.system.windows:
        return Result(code, title, Status.LEWATI, "Hanya diperiksa di Windows.")
    action = ctx.system.asr_rule(ASR_CHILD_PROCESS_RULE)
    ask = (
        f"Minta IT: kecualikan python.exe ({sys.executable}) dari aturan ASR '{ASR_NAME}' "
        f"({ASR_CHILD_PROCESS_RULE}), atau setel aturan itu ke mode Audit untuk PC ini."
    )
    if action is None:
        return Result(
            code,
            title,
            Status.PERINGATAN,
            f"Status aturan ASR '{ASR_NAME}' tidak dapat dibaca (perlu hak administrator atau "
            "dikelola Intune). Bila aktif, tombol tidak berbuat apa-apa saat diklik.",
            ask,
        )
    if action == 1:
        return Result(
            code,
            title,
            Status.MASALAH,
            f"Defender memblokir Excel menjalankan program lain (aturan ASR '{ASR_NAME}'): "
            "tombol tidak dapat menjalankan Python.",
            ask,
        )
    if action == 6:
        return Result(
            code,
            title,
            Status.PERINGATAN,
            f"Aturan ASR '{ASR_NAME}' dalam mode peringatan: Windows bertanya setiap klik.",
            ask,
        )
    return ok(code, title, f"Aturan ASR '{ASR_NAME}': {ASR_ACTIONS.get(action, str(action))}.")


def _inside(path: Path, root: str) -> bool:
    a, b = _norm(str(path)), _norm(root).rstrip("\\")
    return a == b or a.startswith(b + "\\")


def _same(path: Path, place: str) -> bool:
    return _norm(str(path)).rstrip("\\") == _norm(place).rstrip("\\")


def _norm(text: str) -> str:
    """Compare paths the Windows way (case-insensitive, backslashes) on every platform."""
    return str(PureWindowsPath(text)).casefold()


CHECKS: list[Check] = [
    file_name,
    button_module,
    interpreter,
    writable,
    sync_folder,
    network_share,
    mark_of_the_web,
    trusted_location,
    defender_rule,
]
