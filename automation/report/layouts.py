"""The fixed part of every report table (title, line when empty, columns), read once from data.

automation/data/report_tables.toml says how its entries read; a column that shows a register
column takes its header from the schema, so the report and the register never name it apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..reference import REF_BY_KEY
from ..resources import load_data
from ..schema import SHEET_BY_KEY
from .model import DATE, INT, NUM, PCT, TEXT, Col

TABLES_FILE = "report_tables.toml"
KINDS = (TEXT, INT, NUM, PCT, DATE)


@dataclass(frozen=True)
class Layout:
    title: str  # may hold {names} that the code fills (the period, a date)
    cols: tuple[Col, ...]
    empty: str = "Tidak ada data."


def _columns(spec: dict[str, Any]) -> tuple[Col, ...]:
    """The column(s) one column entry stands for: its own header, a schema field's, or a Referensi list's."""
    kind, width = spec.get("kind", TEXT), spec.get("width", 14)
    if kind not in KINDS:
        raise ValueError(f"{TABLES_FILE}: kind {kind!r} is not one of {KINDS}")
    if "each" in spec:
        return tuple(Col(value, kind, width) for value in REF_BY_KEY[spec["each"]].values)
    if "field" in spec:
        sheet, key = spec["field"].split(".")
        return (Col(SHEET_BY_KEY[sheet].column(key).header, kind, width),)
    return (Col(spec["header"], kind, width),)


def _load() -> dict[str, Layout]:
    data = load_data(TABLES_FILE)
    shared = {name: sum(map(_columns, specs), ()) for name, specs in data.pop("shared").items()}

    def layout(spec: dict[str, Any]) -> Layout:
        cols = spec["columns"]
        cols = shared[cols] if isinstance(cols, str) else sum(map(_columns, cols), ())
        return Layout(spec["title"], cols, spec.get("empty", Layout.empty))

    return {key: layout(spec) for key, spec in data.items()}


LAYOUTS: dict[str, Layout] = _load()
COLUMNS: dict[str, tuple[Col, ...]] = {key: layout.cols for key, layout in LAYOUTS.items()}
