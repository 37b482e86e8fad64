"""The wheel IT installs carries every package and every Word template (built from a copy of the repo)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from automation import resources

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.xdist_group("wheel")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """``python -m build --wheel`` on a copy of the sources (the build never writes into the repo)."""
    src = tmp_path_factory.mktemp("src")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("automation", "templates"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    out = tmp_path_factory.mktemp("dist")
    run = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(src)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    (built,) = out.glob("ppid-*.whl")
    return zipfile.ZipFile(built)


def test_wheel_carries_every_template(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    templates = sorted(p.name for p in (ROOT / "templates").glob("*.docx"))
    assert templates
    assert {f"automation/templates/{t}" for t in templates} <= names


def test_wheel_carries_every_package(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    packages = [p.parent.relative_to(ROOT).as_posix() for p in (ROOT / "automation").rglob("__init__.py")]
    missing = [p for p in packages if f"{p}/__init__.py" not in names]
    assert not missing, f"add these to [tool.setuptools] packages in pyproject.toml: {missing}"
    data = [p.relative_to(ROOT).as_posix() for p in (ROOT / "automation" / "data").glob("*") if p.is_file()]
    assert set(data) <= names


def test_wheel_has_the_ppid_command(wheel: zipfile.ZipFile) -> None:
    (entry,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    assert "ppid = automation.cli:main" in wheel.read(entry).decode()


def test_templates_are_found_through_the_package() -> None:
    """Code reads the installed package's templates, never a path relative to the checkout."""
    assert resources.template_names() == sorted(p.name for p in (ROOT / "templates").glob("*.docx"))
    from automation.letters.render import TEMPLATES_DIR
    from automation.report.docx import TEMPLATES

    assert TEMPLATES_DIR == TEMPLATES == resources.templates_dir()
