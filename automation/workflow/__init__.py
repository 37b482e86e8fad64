"""The SOP workflow: moving requests along the ten steps, deadlines, precedents, timeline, new year."""

from __future__ import annotations

from .advance import plan_advance
from .home import home_rows
from .newyear import plan_new_year
from .summary import AdvanceSummary
from .timeline import TimelineEntry, timeline

__all__ = ["AdvanceSummary", "TimelineEntry", "home_rows", "plan_advance", "plan_new_year", "timeline"]
