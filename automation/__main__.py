"""``python -m automation`` works like ``ppid``."""

from .cli import main

main()
