"""Staff-typed registration numbers checked against the numbering pattern in Pengaturan."""

from __future__ import annotations

from .findings import Finding
from .numbering import REGISTERED, PatternError, compile_pattern
from .register import Register
from .schema import SETTING_BY_KEY
from .values import as_text, short

CODE = "nomor_tidak_sesuai_pola"


def registration_findings(reg: Register) -> list[Finding]:
    """A warning on every 1 Permohonan number that the pattern could not have made.

    Numbers ppid issued itself (the Log says so) are accepted even when the pattern has changed
    since; what is left was typed by staff: a typo, a line break, 300 characters, ``CON``.
    """
    data = reg.sheets.get("permohonan")
    if data is None or not data.present or "no_registrasi" not in data.columns:
        return []
    text = reg.config.pattern("pola_registrasi")
    try:
        pattern = compile_pattern(text, SETTING_BY_KEY["pola_registrasi"].label)
    except PatternError:
        return []  # the Pengaturan finding already says so
    issued = {
        as_text(r.get("no_registrasi"))
        for r in reg.records("log")
        if as_text(r.get("keterangan")).startswith(REGISTERED)
    }
    out = []
    for rec in data.records:
        number = as_text(rec.get("no_registrasi"))
        if not number or number in issued or pattern.parse(number) is not None:
            continue
        out.append(
            Finding(
                data.name,
                rec.row,
                data.header("no_registrasi"),
                CODE,
                f"Nomor Registrasi '{short(number)}' tidak sesuai pola '{text}' (Pengaturan); periksa ketikan"
                " nomor (tanpa baris baru).",
                key="no_registrasi",
                level="peringatan",
            )
        )
    return out
