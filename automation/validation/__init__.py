"""Validation of the register: findings per cell with stable codes and Indonesian messages."""

from __future__ import annotations

from .codes import CODES, render_catalogue
from .engine import Validator, row_findings, validate_register

__all__ = ["CODES", "Validator", "render_catalogue", "row_findings", "validate_register"]
