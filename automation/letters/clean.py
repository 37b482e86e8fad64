"""The one place where every value is cleaned before it reaches a Word template."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# XML 1.0 forbids \x00-\x08, \x0b, \x0c, \x0e-\x1f, lone surrogates and U+FFFE/U+FFFF.  docxtpl
# also gives \x07 (new paragraph) and \x0c (page break) a meaning of its own, so they go too.
# Tab and newline stay: docxtpl turns them into a Word tab and a line break.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """Text safe for a template: CR/LF normalised to LF, control characters removed."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub("", text)


def clean_value(value: Any) -> Any:
    """Clean strings anywhere inside dicts, lists and tuples; other objects pass unchanged."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        return {k: clean_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_value(v) for v in value]
    return value


def clean_context(context: Mapping[str, Any]) -> dict[str, Any]:
    """A cleaned copy of a template context (keys are ours and left as they are)."""
    return {key: clean_value(value) for key, value in context.items()}
