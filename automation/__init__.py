"""ppid: the register workbook and automation for the SOP "Uji Konsekuensi Informasi Publik".

The few names a library user needs: read a register, and the operations the CLI and the
Excel buttons share.
"""

from .errors import AutomationError
from .excel.reader import read_register
from .operations import advance, documents, report, status, validate

__all__ = ["AutomationError", "advance", "documents", "read_register", "report", "status", "validate"]
__version__ = "0.1.0"
