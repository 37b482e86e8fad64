"""workbook/ holds the blank register `ppid init` builds, current in structure, with its README."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from automation.excel.vba import CONF_SHEET
from automation.schema import SHEETS

ROOT = Path(__file__).resolve().parent.parent
FIX = "workbook/ is out of date: run `make workbook` and commit workbook/"
pytestmark = pytest.mark.xdist_group("workbook")  # one fresh build for the module


def _tool():
    spec = importlib.util.spec_from_file_location("make_workbook", ROOT / "tools" / "make_workbook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _tool()


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tool.fresh(tmp_path_factory.mktemp("fresh"))


@pytest.fixture(scope="module")
def structures(fresh: Path) -> tuple[dict, dict]:
    return tool.structure(tool.FOLDER / tool.NAME), tool.structure(fresh)


@pytest.mark.parametrize("part", ["sheets", "defined_names", "sheet", "buttons", "module"])
def test_reference_workbook_matches_a_fresh_build(structures: tuple[dict, dict], part: str) -> None:
    committed, new = structures
    assert committed[part] == new[part], f"{part}: {FIX}"


def test_structure_sees_a_changed_header(fresh: Path, structures: tuple[dict, dict], tmp_path: Path) -> None:
    """The comparison is not blind: a renamed header or a dropped validation is a difference."""
    import openpyxl

    book = openpyxl.load_workbook(fresh, keep_vba=True)
    ws = book[SHEETS[1].name]
    ws.cell(6, 2).value = "Diganti"
    ws.data_validations.dataValidation.pop()
    changed = tmp_path / tool.NAME
    book.save(changed)
    changed.with_suffix(".py").write_text(
        fresh.with_suffix(".py").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert tool.structure(changed)["sheet"][ws.title] != structures[1]["sheet"][ws.title]


def test_reference_workbook_names_no_folder_or_interpreter_of_the_machine_that_built_it() -> None:
    """The committed copy is machine-independent: its xlwings.conf holds no path (ppid init writes them)."""
    import openpyxl

    book = openpyxl.load_workbook(tool.FOLDER / tool.NAME, read_only=True)
    conf = {row[0]: row[1] for row in book[CONF_SHEET].iter_rows(max_col=2, values_only=True) if row[0]}
    book.close()
    assert conf["PYTHONPATH"] == "" and conf["Interpreter_Win"] == "", f"{conf}: {FIX}"
    assert not [v for v in conf.values() if isinstance(v, str) and ("/" in v or "\\" in v)], conf


def test_readme_is_generated_and_shows_every_sheet() -> None:
    text = (tool.FOLDER / "README.md").read_text(encoding="utf-8")
    assert text == tool.readme(), FIX
    for sheet in SHEETS:
        assert f"## `{sheet.name}`" in text
        image = tool.FOLDER / "img" / f"{tool.image_stem(sheet)}.png"
        assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{image.name}: {FIX}"
