"""Monthly and annual reports of the information service: Excel, Word (and PDF) from the register."""

from .annual import build_annual, plan_annual
from .build import write_report
from .model import ReportDraft, ReportResult
from .monthly import build_monthly, parse_month, plan_monthly

__all__ = [
    "ReportDraft",
    "ReportResult",
    "build_annual",
    "build_monthly",
    "parse_month",
    "plan_annual",
    "plan_monthly",
    "write_report",
]
