"""Import structure: the planners stay light to import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("docx", "docxtpl", "jinja2")  # the letter stack: loaded only when a document is rendered


@pytest.mark.parametrize("module", ["automation.workflow", "automation.numbering", "automation.settings"])
def test_planner_import_does_not_load_the_letter_stack(module: str) -> None:
    script = f"import sys, {module}; print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.split() == []
