"""Button entry point of the PPID register workbook register_ppid.xlsm.

xlwings' SampleCall macro runs ``import <workbook file stem>; <stem>.main()``: this file must keep
the workbook's name (rename both together) and stay in the workbook's folder.
"""

from automation.buttons import main

__all__ = ["main"]
