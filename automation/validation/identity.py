"""Identity rules: NIK shape, region code and birth date; identity document per requester category."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..reference import REF_BY_KEY
from ..schema import Column
from ..values import check_nik as parse_nik_code
from ..values import mask_nik
from .fields import normalise
from .row import RowCheck

# Kemendagri province codes (digits 1-2 of a NIK), incl. the Papua provinces formed in 2022.
PROVINCE_CODES: dict[str, str] = {
    "11": "Aceh",
    "12": "Sumatera Utara",
    "13": "Sumatera Barat",
    "14": "Riau",
    "15": "Jambi",
    "16": "Sumatera Selatan",
    "17": "Bengkulu",
    "18": "Lampung",
    "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau",
    "31": "DKI Jakarta",
    "32": "Jawa Barat",
    "33": "Jawa Tengah",
    "34": "DI Yogyakarta",
    "35": "Jawa Timur",
    "36": "Banten",
    "51": "Bali",
    "52": "Nusa Tenggara Barat",
    "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat",
    "62": "Kalimantan Tengah",
    "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur",
    "65": "Kalimantan Utara",
    "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah",
    "73": "Sulawesi Selatan",
    "74": "Sulawesi Tenggara",
    "75": "Gorontalo",
    "76": "Sulawesi Barat",
    "81": "Maluku",
    "82": "Maluku Utara",
    "91": "Papua",
    "92": "Papua Barat",
    "93": "Papua Selatan",
    "94": "Papua Tengah",
    "95": "Papua Pegunungan",
    "96": "Papua Barat Daya",
}

# Identity proof by requester category (kip-reference.md section 6.2, Perki 1/2013).
EXPECTED_IDENTITY: dict[str, tuple[str, ...]] = {
    "perorangan": ("KTP", "Paspor", "Surat Keterangan Kependudukan"),
    "kelompok orang": ("Surat Kuasa dan KTP",),
    "badan hukum": ("Akta Badan Hukum",),
}
_KNOWN_IDENTITY = {normalise(v) for v in REF_BY_KEY["jenis_identitas"].values}


def region_problem(nik: str) -> str | None:
    """Why digits 1-6 (province, regency, district) cannot be a real region, or None."""
    if nik[:2] not in PROVINCE_CODES:
        return f"kode provinsi '{nik[:2]}' (dua digit pertama) tidak dikenal"
    if nik[2:4] == "00":
        return "kode kabupaten/kota (digit ke-3 dan ke-4) tidak boleh 00"
    if nik[4:6] == "00":
        return "kode kecamatan (digit ke-5 dan ke-6) tidak boleh 00"
    return None


def birth_date(nik: str, today: date) -> date | None:
    """Birth date in digits 7-12 (DDMMYY; women add 40 to the day), or None when impossible."""
    day, month, year = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if day > 40:
        day -= 40
    for century in (2000, 1900):
        try:
            born = date(century + year, month, day)
        except ValueError:
            return None
        if born <= today:
            return born
    return None


def check_nik(row: RowCheck, col: Column, value: Any) -> None:
    nik, code, msg = parse_nik_code(value)
    if code or nik is None:
        row.add(col.key, code or "nik_bukan_16_digit", pesan=msg or "")
        return
    row.parsed[col.key] = nik
    problem = region_problem(nik)
    if problem:
        row.add(col.key, "nik_kode_wilayah", nik=mask_nik(nik), sebab=problem)
    elif birth_date(nik, row.ctx.today) is None:
        row.add(col.key, "nik_tanggal_lahir", nik=mask_nik(nik))


def check_identity_type(row: RowCheck) -> None:
    """Warn when the identity document does not fit the requester category."""
    expected = EXPECTED_IDENTITY.get(normalise(row.text("kategori_pemohon")))
    given = row.text("jenis_identitas")
    if not expected or not given or normalise(given) not in _KNOWN_IDENTITY:
        return
    if normalise(given) not in {normalise(e) for e in expected}:
        category = row.text("kategori_pemohon")
        row.add(
            "jenis_identitas",
            "identitas_tidak_sesuai_kategori",
            nilai=given,
            kategori=category,
            harap=" atau ".join(expected),
        )
