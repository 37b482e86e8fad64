"""Keyword hints that tie the reason text to a Pasal 17 letter (warning only).

Published exemption lists often cite the wrong letter (e.g. 17g for an economic matter).  The
check is deliberately simple: a cited letter whose keywords do not appear in the reason text,
while the keywords of another, uncited letter do, gets a warning.  Letter j (other laws) has no
keywords: any subject can fall under another law.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..reference import YaTidak, is_
from ..values import as_text

if TYPE_CHECKING:
    from .row import RowCheck

# letter -> (theme, keywords); keywords are matched as whole words, case-insensitive.
HINTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "a": (
        "penegakan hukum",
        (
            "penyidikan",
            "penyelidikan",
            "saksi",
            "pelapor",
            "informan",
            "korban",
            "tindak pidana",
            "penegak hukum",
            "kejahatan",
            "intelijen kriminal",
        ),
    ),
    "b": (
        "hak kekayaan intelektual dan persaingan usaha",
        ("kekayaan intelektual", "hki", "paten", "merek", "hak cipta", "rahasia dagang", "persaingan usaha"),
    ),
    "c": (
        "pertahanan dan keamanan negara",
        ("pertahanan", "militer", "persandian", "intelijen negara", "tni", "alutsista", "pangkalan"),
    ),
    "d": ("kekayaan alam Indonesia", ("kekayaan alam", "sumber daya alam", "cadangan mineral")),
    "e": (
        "ketahanan ekonomi nasional",
        (
            "ekonomi",
            "stabilitas ekonomi",
            "pajak",
            "tarif",
            "suku bunga",
            "nilai tukar",
            "saham",
            "mata uang",
            "investasi",
            "perbankan",
            "pencetakan uang",
        ),
    ),
    "f": ("hubungan luar negeri", ("luar negeri", "diplomatik", "perundingan internasional", "kedutaan")),
    "g": (
        "akta otentik dan wasiat",
        ("akta otentik", "akta notaris", "akta autentik", "wasiat", "hibah wasiat"),
    ),
    "h": (
        "rahasia pribadi",
        (
            "pribadi",
            "kesehatan",
            "rekam medis",
            "penyakit",
            "keluarga",
            "rekening",
            "psikologi",
            "psikologis",
            "psikotes",
            "riwayat hidup",
            "rapor",
            "ijazah",
            "gaji",
        ),
    ),
    "i": (
        "memorandum atau surat yang dirahasiakan",
        ("memorandum", "nota dinas", "surat internal", "disposisi", "surat rahasia"),
    ),
}
# Points of a letter (17h1-h5, 17a1-a5, 17e1-e7): code -> (theme, keywords).  A cited point whose
# keywords are absent while another point of the same letter matches gets a point-level warning.
POINT_HINTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "17a1": (
        "proses penyelidikan/penyidikan tindak pidana",
        ("penyidikan", "penyelidikan", "perkara", "proses hukum"),
    ),
    "17a2": (
        "identitas informan, pelapor, saksi, dan/atau korban",
        ("pelapor", "saksi", "korban", "informan"),
    ),
    "17a3": ("data intelijen kriminal", ("intelijen kriminal", "kejahatan transnasional")),
    "17a4": (
        "keselamatan penegak hukum dan keluarganya",
        ("keselamatan penegak hukum", "keselamatan aparat", "keselamatan petugas"),
    ),
    "17a5": ("sarana dan prasarana penegak hukum", ("sarana", "prasarana", "peralatan penegak hukum")),
    "17e1": ("rencana jual beli mata uang, saham, dan aset vital", ("mata uang", "saham", "aset vital")),
    "17e2": (
        "rencana perubahan nilai tukar, suku bunga, dan model lembaga keuangan",
        ("nilai tukar", "suku bunga", "kurs"),
    ),
    "17e3": (
        "rencana perubahan bunga bank, pinjaman, pajak, tarif, dan pendapatan negara/daerah",
        ("pajak", "tarif", "retribusi", "pinjaman pemerintah", "pinjaman daerah", "pendapatan daerah"),
    ),
    "17e4": ("rencana awal jual beli tanah atau properti", ("tanah", "lahan", "properti", "bangunan")),
    "17e5": ("rencana awal investasi asing", ("investasi asing", "penanaman modal asing")),
    "17e6": (
        "pengawasan perbankan, asuransi, dan lembaga keuangan",
        ("pengawasan perbankan", "asuransi", "lembaga keuangan"),
    ),
    "17e7": ("pencetakan uang", ("pencetakan uang",)),
    "17h1": (
        "riwayat dan kondisi anggota keluarga",
        ("keluarga", "kartu keluarga", "perkawinan", "anak", "silsilah"),
    ),
    "17h2": (
        "riwayat dan kondisi kesehatan",
        (
            "kesehatan",
            "rekam medis",
            "penyakit",
            "diagnosis",
            "pengobatan",
            "perawatan",
            "pasien",
            "kejiwaan",
            "disabilitas",
        ),
    ),
    "17h3": (
        "keuangan dan aset pribadi",
        (
            "rekening",
            "gaji",
            "penghasilan",
            "pendapatan pribadi",
            "pendapatan",
            "aset pribadi",
            "harta",
            "tabungan",
            "utang",
            "slip gaji",
        ),
    ),
    "17h4": (
        "hasil evaluasi kemampuan dan intelektualitas",
        (
            "psikotes",
            "psikologi",
            "psikologis",
            "asesmen",
            "evaluasi",
            "penilaian kinerja",
            "kompetensi",
            "kapabilitas",
        ),
    ),
    "17h5": (
        "catatan pribadi terkait satuan pendidikan",
        (
            "ijazah",
            "rapor",
            "transkrip",
            "nilai akademik",
            "satuan pendidikan",
            "data siswa",
            "data mahasiswa",
        ),
    ),
}


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(re.escape(k) for k in words) + r")\b")


_PATTERNS = {letter: _pattern(words) for letter, (_theme, words) in HINTS.items()}
_POINT_PATTERNS = {code: _pattern(words) for code, (_theme, words) in POINT_HINTS.items()}
# Row columns whose text describes the exempt information and why it is closed.
REASON_KEYS = (
    "informasi_diuji",
    "informasi",
    "konsekuensi",
    "kepentingan_publik",
    "bagian_dikecualikan",
    "rincian_informasi",
)
CONFIRMED = YaTidak.YA  # "Dasar Hukum Dikonfirmasi" = Ya silences the hints of that row


def reason_text(values: dict[str, Any]) -> str:
    return " ".join(as_text(values.get(k)) for k in REASON_KEYS).lower()


def hint_problems(text: str, codes: list[str]) -> list[tuple[str, dict[str, str]]]:
    """(finding code, message fields) for each cited code the reason text speaks against."""
    if not text.strip():
        return []
    return [(code, dict(fields)) for code, fields in _hint_problems(text, tuple(codes))]


@lru_cache(maxsize=4096)
def _hint_problems(text: str, codes_key: tuple[str, ...]) -> tuple[tuple[str, dict[str, str]], ...]:
    """:func:`hint_problems` of one reason text (ten regular expressions): rows repeat their reasons."""
    codes = list(codes_key)
    found = {letter: m[1] for letter, pattern in _PATTERNS.items() if (m := pattern.search(text))}
    cited = {code[2:3] for code in codes}
    others = [letter for letter in found if letter not in cited]
    return tuple(problem for code in codes for problem in _code_problems(text, code, codes, found, others))


def _code_problems(
    text: str, code: str, codes: list[str], found: dict[str, str], others: list[str]
) -> list[tuple[str, dict[str, str]]]:
    letter = code[2:3]
    if others and letter in HINTS and letter not in found:
        return [_letter_problem(code, letter, others[0], found[others[0]])]
    if code in POINT_HINTS and not _POINT_PATTERNS[code].search(text):
        return _point_problem(text, code, codes)
    return []


def _letter_problem(code: str, letter: str, other: str, word: str) -> tuple[str, dict[str, str]]:
    """The reason speaks of another letter's theme (``word`` found for ``other``)."""
    return (
        "alasan_tidak_sesuai_huruf",
        {
            "kode": code,
            "huruf": letter,
            "tema": HINTS[letter][0],
            "kata": word,
            "huruf_lain": other,
            "tema_lain": HINTS[other][0],
        },
    )


def _point_problem(text: str, code: str, codes: list[str]) -> list[tuple[str, dict[str, str]]]:
    for other, pattern in _POINT_PATTERNS.items():
        if other[:3] == code[:3] and other not in codes and (m := pattern.search(text)):
            theme = POINT_HINTS[other][0]
            return [
                (
                    "alasan_tidak_sesuai_angka",
                    {
                        "kode": code,
                        "tema": POINT_HINTS[code][0],
                        "kata": m[1],
                        "kode_lain": other,
                        "tema_lain": theme,
                        "saran": f"Ganti dengan {other} bila yang dikecualikan adalah {theme}.",
                    },
                )
            ]
    return []


def check_hints(row: RowCheck, codes: list[str]) -> None:
    if row.has("dasar_dikonfirmasi") and is_(row.text("dasar_dikonfirmasi"), CONFIRMED):
        return
    text = " ".join(row.text(k) for k in REASON_KEYS if row.has(k)).lower()
    for code, fields in hint_problems(text, codes):
        row.add("pasal17", code, **fields)
