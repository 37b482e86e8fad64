"""The demo: a sample register driven through every step (``ppid demo DIR``)."""

from .run import run_demo

__all__ = ["run_demo"]
