"""The one redaction function for text that reaches a report, and controlled values for report fields.

Report text should come from controlled values (Referensi lists, counts, codes). Where free text
still enters (a DIK summary, a note), :func:`redact` replaces what looks like personal data: NIKs
(15 to 17 digits, also typed with spaces, dots or dashes), mobile and landline numbers, e-mail
addresses (also written "nama (at) domain (dot) id"). Fields a report groups by (Perangkat
Daerah, Saluran, Kategori Pemohon) pass :func:`controlled`: a value not in the Referensi list,
such as a requester's name typed there, becomes "Lainnya".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

MASK = "[disamarkan]"
OTHER = "Lainnya"
EMPTY = "Tidak diisi"

_SEP = r"[ \t.\-]?"
# NIK: 16 digits (15 when Excel cut it, 17 with a typo), possibly grouped: 6171 0145 0690 0001, 61.71.01...
NIK_RE = re.compile(rf"(?<![\d.,])\d(?:{_SEP}\d){{14,16}}(?![\d])")
# Mobile: 08xx / 628xx / +62 8xx, with or without separators; the number part 8-12 digits.
MOBILE_RE = re.compile(r"(?<![\w+])(?:\+62|62|0)[ .\-]?\(?8\d\)?(?:[ .\-]?\d){6,10}(?!\d)")
# Landline: area code 0xx / (0xxx) / +62 xx followed by 5-8 digits, with or without separators.
LANDLINE_RE = re.compile(
    r"(?<![\w+/])(?:\(\s*0\d{2,3}\s*\)|\+62[ .\-]?\(?\d{2,3}\)?|0\d{2,3})[ .\-]?\d{2,4}(?:["
    r" .\-]?\d{2,4}){1,2}(?![\d/])"
)
EMAIL_RE = re.compile(
    r"[\w.+\-]+\s*(?:@|\(\s*at\s*\)|\[\s*at\s*\])\s*[\w\-]+(?:\s*(?:\.|\(\s*dot\s*\)|\[\s*dot\s*\])\s*[\w\-]+)+",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
PATTERNS = (EMAIL_RE, NIK_RE, MOBILE_RE, LANDLINE_RE)


def redact(text: Any) -> str:
    """``text`` with NIKs, phone numbers and e-mail addresses replaced by a mark; control characters
    removed."""
    out = _CONTROL.sub(" ", "" if text is None else str(text))
    for pattern in PATTERNS:
        out = pattern.sub(MASK, out)
    return out


def allowed_values(reg: Any, list_key: str) -> dict[str, str]:
    """A Referensi list as casefolded text -> value: the built-in list plus what staff added on the sheet."""
    from .reference import REF_LISTS

    out: dict[str, str] = {}
    for ref in REF_LISTS:
        if ref.key == list_key:
            out.update((_key(v), v) for v in ref.values)
    for rec in reg.records("referensi") if reg is not None else ():
        value = rec.get(list_key)
        if isinstance(value, str) and value.strip():
            out.setdefault(_key(value), " ".join(value.split()))
    return out


def controlled(value: Any, allowed: Mapping[str, str] | Iterable[str], *, empty: str = EMPTY) -> str:
    """The list's own spelling of ``value``; ``empty`` when blank; "Lainnya" for anything not in the list."""
    text = "" if value is None else " ".join(str(value).split())
    if not text or _key(text) == _key(empty):
        return empty
    lookup = allowed if isinstance(allowed, Mapping) else {_key(v): v for v in allowed}
    return redact(lookup.get(_key(text), OTHER))


def _key(text: str) -> str:
    return " ".join(str(text).split()).casefold()
