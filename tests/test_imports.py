"""Import structure: no cycle between packages or modules, and the planners stay light to import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("docx", "docxtpl", "jinja2")  # the letter stack: loaded only when a document is rendered


def test_no_import_cycle_under_automation(capsys: pytest.CaptureFixture[str]) -> None:
    """The acyclic_siblings contract in pyproject.toml: every import cycle found is printed."""
    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    assert code == 0, capsys.readouterr().out


@pytest.mark.parametrize("module", ["automation.workflow", "automation.numbering", "automation.settings"])
def test_planner_import_does_not_load_the_letter_stack(module: str) -> None:
    script = (
        f"import sys, {module}; print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in"
        f" {HEAVY!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.split() == []
