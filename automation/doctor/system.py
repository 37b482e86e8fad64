"""The one seam between ``ppid doctor`` and the PC: registry, NTFS streams, Defender, subprocesses.

``LocalSystem`` is the real implementation (winreg/ctypes/PowerShell on Windows; the portable parts
everywhere).  Tests pass a fake with the same methods, so every check runs on Linux.  The Windows
probes here have never run on a real office PC; docs/windows.md lists them.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Protocol

ASR_CHILD_PROCESS_RULE = (  # Block all Office applications from creating child processes
    "d4f940ab-401b-4efc-aadc-ad5f3c50688a"
)
ZONE_STREAM = "Zone.Identifier"
OFFICE_TRUST_KEYS = (
    r"Software\Microsoft\Office\16.0\Excel\Security\Trusted Locations",
    r"Software\Policies\Microsoft\Office\16.0\Excel\Security\Trusted Locations",
)
ASR_KEYS = (
    r"SOFTWARE\Policies\Microsoft\Windows Defender\Windows Defender Exploit Guard\ASR\Rules",
    r"SOFTWARE\Microsoft\Windows Defender\Windows Defender Exploit Guard\ASR\Rules",
)
FILE_ATTRIBUTE_PINNED = 0x80000  # OneDrive "Always keep on this device"
FILE_ATTRIBUTE_RECALL_ON_DATA_ACCESS = 0x400000  # OneDrive online-only file
# Run in the register's Python: which of the packages the button needs it has, and whether the
# button module's import works there.
PROBE_SCRIPT = """
import json, importlib.metadata as m, sys
out = {"python": sys.version.split()[0]}
for dist in ("xlwings", "pywin32", "ppid"):
    try:
        out[dist] = m.version(dist)
    except m.PackageNotFoundError:
        out[dist] = None
try:
    import automation.buttons
    out["buttons"] = ""
except Exception as exc:
    out["buttons"] = f"{type(exc).__name__}: {exc}"
print(json.dumps(out))
"""


class System(Protocol):
    """Everything the checks ask the PC; methods return None when the answer cannot be known."""

    windows: bool

    def python_report(self, interpreter: str) -> dict[str, str | None] | None: ...
    def python_on_path(self) -> str | None: ...
    def zone_id(self, path: Path) -> int | None: ...
    def remove_zone_identifier(self, path: Path) -> None: ...
    def trusted_locations(self) -> list[tuple[str, bool]] | None: ...
    def asr_rule(self, rule: str) -> int | None: ...
    def onedrive_roots(self) -> list[str]: ...
    def kept_on_device(self, path: Path) -> bool | None: ...
    def network_path(self, path: Path) -> str | None: ...


class LocalSystem:
    """The PC ``ppid doctor`` runs on."""

    def __init__(self) -> None:
        self.windows = sys.platform.startswith("win")

    # ------------------------------------------------------------ portable
    def python_report(self, interpreter: str) -> dict[str, str | None] | None:
        """Versions of python/xlwings/pywin32/ppid in ``interpreter`` and the button import's error."""
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        try:
            run = subprocess.run(
                [interpreter, "-c", PROBE_SCRIPT],
                capture_output=True,
                text=True,
                timeout=120,
                creationflags=flags,
            )
            return json.loads(run.stdout.strip().splitlines()[-1])
        except (OSError, subprocess.SubprocessError, ValueError, IndexError):
            return None

    def python_on_path(self) -> str | None:
        return shutil.which("python")

    def kept_on_device(self, path: Path) -> bool | None:
        attributes = getattr(os.stat(path), "st_file_attributes", None)
        if attributes is None:
            return None
        if attributes & FILE_ATTRIBUTE_RECALL_ON_DATA_ACCESS:
            return False
        return bool(attributes & FILE_ATTRIBUTE_PINNED) or None

    def onedrive_roots(self) -> list[str]:
        roots = [os.environ.get(v, "") for v in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")]
        roots += self._registry_values(_HKCU, r"Software\SyncEngines\Providers\OneDrive", "MountPoint")
        return sorted({r for r in roots if r})

    # ------------------------------------------------------------ Windows only
    def zone_id(self, path: Path) -> int | None:
        if not self.windows:
            return None
        try:
            text = Path(f"{path}:{ZONE_STREAM}").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return 0  # no stream: the file was made on this PC
        for line in text.splitlines():
            key, _, value = line.partition("=")
            if key.strip().lower() == "zoneid" and value.strip().isdigit():
                return int(value.strip())
        return 0

    def remove_zone_identifier(self, path: Path) -> None:
        Path(f"{path}:{ZONE_STREAM}").unlink(missing_ok=True)

    def trusted_locations(self) -> list[tuple[str, bool]] | None:
        if not self.windows:
            return None
        found: list[tuple[str, bool]] = []
        for key in OFFICE_TRUST_KEYS:
            for values in self._registry_subkeys(_HKCU, key):
                if values.get("Path"):
                    found.append(
                        (os.path.expandvars(str(values["Path"])), bool(values.get("AllowSubfolders")))
                    )
        return found

    def asr_rule(self, rule: str) -> int | None:
        if not self.windows:
            return None
        for key in ASR_KEYS:
            for name, value in self._registry_named_values(_HKLM, key).items():
                if name.lower() == rule and str(value).strip().isdigit():
                    return int(str(value).strip())
        return self._asr_from_powershell(rule)

    def network_path(self, path: Path) -> str | None:
        """The UNC path behind ``path`` (itself when it is UNC; a mapped drive's target), else None."""
        text = str(path)
        if text.startswith(("\\\\", "//")):
            return text
        if not self.windows or len(text) < 2 or text[1] != ":":
            return None
        import ctypes

        buffer = ctypes.create_unicode_buffer(1024)
        size = ctypes.c_ulong(len(buffer))
        status = ctypes.windll.mpr.WNetGetConnectionW(text[:2], buffer, ctypes.byref(size))  # type: ignore[attr-defined]
        return buffer.value + text[2:] if status == 0 else None

    # ------------------------------------------------------------ helpers
    def _asr_from_powershell(self, rule: str) -> int | None:
        command = (
            "Get-MpPreference | Select-Object AttackSurfaceReductionRules_Ids,"
            "AttackSurfaceReductionRules_Actions | ConvertTo-Json -Compress"
        )
        try:
            run = subprocess.run(
                ["powershell", "-NoProfile", "-NonInteractive", "-Command", command],
                capture_output=True,
                text=True,
                timeout=60,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
            data = json.loads(run.stdout or "null") or {}
        except (OSError, subprocess.SubprocessError, ValueError):
            return None
        ids = [str(i).lower() for i in _as_list(data.get("AttackSurfaceReductionRules_Ids"))]
        actions = _as_list(data.get("AttackSurfaceReductionRules_Actions"))
        return int(str(actions[ids.index(rule)])) if rule in ids and ids.index(rule) < len(actions) else 0

    def _registry_subkeys(self, hive: int, key: str) -> list[dict[str, object]]:
        if not self.windows:
            return []
        import winreg

        found = []
        try:
            with winreg.OpenKey(hive, key) as handle:
                for index in range(winreg.QueryInfoKey(handle)[0]):
                    found.append(self._registry_named_values(hive, f"{key}\\{winreg.EnumKey(handle, index)}"))
        except OSError:
            pass
        return found

    def _registry_named_values(self, hive: int, key: str) -> dict[str, object]:
        if not self.windows:
            return {}
        import winreg

        values: dict[str, object] = {}
        try:
            with winreg.OpenKey(hive, key) as handle:
                for index in range(winreg.QueryInfoKey(handle)[1]):
                    name, value, _ = winreg.EnumValue(handle, index)
                    values[name] = value
        except OSError:
            pass
        return values

    def _registry_values(self, hive: int, key: str, name: str) -> list[str]:
        return [str(v[name]) for v in self._registry_subkeys(hive, key) if v.get(name)]


_HKCU, _HKLM = (
    0x80000001,
    0x80000002,
)  # winreg.HKEY_CURRENT_USER / HKEY_LOCAL_MACHINE (winreg is Windows-only)


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def read_only(path: Path) -> bool:
    """The file's read-only attribute / missing write bit (also true for root, unlike os.access)."""
    return not os.stat(path).st_mode & stat.S_IWUSR
