"""The SOP workflow: moving requests along the ten steps, deadlines, precedents, timeline."""

from __future__ import annotations

from .advance import plan_advance
from .home import home_rows
from .summary import AdvanceSummary
from .timeline import TimelineEntry, timeline

__all__ = ["AdvanceSummary", "TimelineEntry", "home_rows", "plan_advance", "timeline"]
