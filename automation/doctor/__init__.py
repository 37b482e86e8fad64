"""ppid doctor: why the Excel buttons of a register would not run on this PC, and the fixes a file allows."""
