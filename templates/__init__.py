"""The Word templates, shipped in the wheel as ``automation.templates`` (see automation/resources.py)."""
