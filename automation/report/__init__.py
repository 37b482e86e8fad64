"""Monthly and annual reports of the information service: Excel, Word (and PDF) from the register."""

from .annual import build_annual
from .model import ReportResult
from .monthly import build_monthly, parse_month

__all__ = ["ReportResult", "build_annual", "build_monthly", "parse_month"]
