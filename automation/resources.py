"""Where the data files the commands read live: package data found through importlib.resources.

The Word templates sit at the top of the repository (``templates/``) and are installed as the
data-only package ``automation.templates`` (pyproject ``package-dir``), so a wheel and an editable
install find them the same way.  Nothing here uses ``__file__`` paths: an installed copy run from
any folder reads exactly what the wheel carries.
"""

from __future__ import annotations

import importlib.resources
import tomllib
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

TEMPLATES_PACKAGE = "automation.templates"
DATA_FOLDER = "data"  # automation/data/: tables kept as TOML (shipped as package data)


def templates_dir() -> Path:
    """The folder holding the installed Word templates (a real folder: wheels install unzipped)."""
    return _as_path(importlib.resources.files(TEMPLATES_PACKAGE))


def template_names() -> list[str]:
    """File names of every Word template that ships with the package."""
    return sorted(
        p.name for p in importlib.resources.files(TEMPLATES_PACKAGE).iterdir() if p.name.endswith(".docx")
    )


def load_data(name: str) -> dict[str, Any]:
    """The TOML file ``name`` of automation/data/, parsed (callers keep what they build from it)."""
    text = importlib.resources.files("automation").joinpath(DATA_FOLDER, name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def _as_path(resource: Traversable) -> Path:
    # pip installs wheels unzipped, so the resource is a plain folder; a zipped install would need
    # importlib.resources.as_file, which docxtpl's file-path API cannot use for a whole folder.
    return Path(str(resource))
