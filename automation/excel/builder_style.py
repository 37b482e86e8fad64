"""Cell formats and fixed layout numbers shared by the register builder modules."""

from __future__ import annotations

from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook

from ..schema import NUMBER_FORMATS, By, Column, T

LAST_RULE_ROW = 5000  # data validation, formats and highlighting cover rows 7..5000
TABLE_STYLE = "Table Style Medium 2"
ROW_HEIGHTS = {0: 24.0, 1: 15.0, 2: 15.0, 3: 15.0, 4: 18.0, 5: 45.0}  # rows 1-6 (0-based keys)
BUTTON_WIDTH = 210  # pixels
SYSTEM_FILL = "#EDEDED"  # grey cells: written by the system, locked

# Highlight colours (Excel's own "light red / yellow" presets, so staff recognise them).
OVERDUE = {"bg_color": "#FFC7CE", "font_color": "#9C0006", "bold": True}
APPROACHING = {"bg_color": "#FFEB9C", "font_color": "#9C5700"}
PROBLEM = {"bg_color": "#F8CBAD", "font_color": "#9C0006"}


class Styles:
    """The formats of one workbook (XlsxWriter formats belong to the workbook that made them)."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self.plain = wb.add_format({"locked": True})
        self.title = wb.add_format({"bold": True, "font_size": 14, "font_color": "#1F4E78"})
        self.subtitle = wb.add_format({"italic": True, "font_color": "#404040"})
        self.status = wb.add_format(
            {"italic": True, "font_color": "#1F4E78", "bg_color": "#DDEBF7", "locked": True}
        )
        self.warning = wb.add_format({"bold": True, "font_color": "#C00000", "text_wrap": False})
        self.section = wb.add_format({"bold": True, "font_size": 12, "font_color": "#1F4E78", "bottom": 1})
        self.note = wb.add_format({"text_wrap": True, "valign": "top"})
        self.key = wb.add_format(
            {"bg_color": SYSTEM_FILL, "font_color": "#595959", "locked": True, "valign": "top"}
        )
        self.choice = wb.add_format(
            {"locked": False, "bold": True, "bg_color": "#FFF2CC", "border": 1, "font_color": "#1F4E78"}
        )
        self.choice_label = wb.add_format({"italic": True, "font_color": "#404040", "locked": True})
        self.text_cell = wb.add_format(
            {"num_format": "@", "locked": False, "bold": True, "bg_color": "#FFF2CC", "border": 1}
        )
        header = {"bold": True, "text_wrap": True, "valign": "top", "font_color": "#FFFFFF", "border": 1}
        self.header_staff = wb.add_format({**header, "bg_color": "#1F4E78"})
        self.header_system = wb.add_format({**header, "bg_color": "#7F7F7F"})
        self.overdue = wb.add_format(OVERDUE)
        self.approaching = wb.add_format(APPROACHING)
        self.problem = wb.add_format(PROBLEM)
        self._columns: dict[tuple[T, By], Format] = {}
        self._values: dict[tuple[str, bool], Format] = {}

    def header(self, col: Column) -> Format:
        return self.header_system if col.by is By.SYSTEM else self.header_staff

    def column(self, col: Column) -> Format:
        """Number format, wrap and lock of a column's data cells (also the whole-column format)."""
        key = (col.type, col.by)
        if key not in self._columns:
            props: dict[str, Any] = {
                "num_format": NUMBER_FORMATS.get(col.type, "General"),
                "locked": col.by is By.SYSTEM,
                "valign": "top",
            }
            if col.type is T.LONGTEXT:
                props["text_wrap"] = True
            if col.by is By.SYSTEM:
                props["bg_color"] = SYSTEM_FILL
            self._columns[key] = self.wb.add_format(props)
        return self._columns[key]

    def value(self, num_format: str, *, locked: bool) -> Format:
        key = (num_format, locked)
        if key not in self._values:
            self._values[key] = self.wb.add_format(
                {"num_format": num_format, "locked": locked, "valign": "top"}
            )
        return self._values[key]
