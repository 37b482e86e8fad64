"""Keyword hints that tie the reason text to a Pasal 17 letter (warning only).

Published exemption lists often cite the wrong letter (e.g. 17g for an economic matter).  The
check is deliberately simple: a cited letter whose keywords do not appear in the reason text,
while the keywords of another, uncited letter do, gets a warning.  Letter j (other laws) has no
keywords: any subject can fall under another law.
"""

from __future__ import annotations

import re

from .row import RowCheck

# letter -> (theme, keywords); keywords are matched as whole words, case-insensitive.
HINTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "a": ("penegakan hukum", ("penyidikan", "penyelidikan", "saksi", "pelapor", "informan", "korban",
                              "tindak pidana", "penegak hukum", "kejahatan", "intelijen kriminal")),
    "b": ("hak kekayaan intelektual dan persaingan usaha", ("kekayaan intelektual", "hki", "paten", "merek",
                                                            "hak cipta", "rahasia dagang", "persaingan usaha")),
    "c": ("pertahanan dan keamanan negara", ("pertahanan", "militer", "persandian", "intelijen negara",
                                             "tni", "alutsista", "pangkalan")),
    "d": ("kekayaan alam Indonesia", ("kekayaan alam", "sumber daya alam", "cadangan mineral")),
    "e": ("ketahanan ekonomi nasional", ("ekonomi", "pajak", "tarif", "suku bunga", "nilai tukar", "saham",
                                         "mata uang", "investasi", "perbankan", "pencetakan uang")),
    "f": ("hubungan luar negeri", ("luar negeri", "diplomatik", "perundingan internasional", "kedutaan")),
    "g": ("akta otentik dan wasiat", ("akta otentik", "akta notaris", "wasiat")),
    "h": ("rahasia pribadi", ("pribadi", "kesehatan", "rekam medis", "penyakit", "keluarga", "rekening",
                              "psikologi", "psikologis", "riwayat hidup", "rapor", "ijazah")),
    "i": ("memorandum atau surat yang dirahasiakan", ("memorandum", "nota dinas", "surat internal",
                                                      "disposisi", "surat rahasia")),
}  # fmt: skip
_PATTERNS = {
    letter: re.compile(r"\b(" + "|".join(re.escape(k) for k in words) + r")\b")
    for letter, (_theme, words) in HINTS.items()
}
# Row columns whose text describes the exempt information and why it is closed.
REASON_KEYS = ("informasi_diuji", "informasi", "konsekuensi", "kepentingan_publik", "bagian_dikecualikan",
               "rincian_informasi")  # fmt: skip


def check_hints(row: RowCheck, codes: list[str]) -> None:
    text = " ".join(row.text(k) for k in REASON_KEYS if row.has(k)).lower()
    if not text.strip():
        return
    cited = {code[2] for code in codes}
    found = {letter: m[1] for letter, pattern in _PATTERNS.items() if (m := pattern.search(text))}
    others = [letter for letter in found if letter not in cited]
    if not others:
        return
    other = others[0]
    for code in codes:
        letter = code[2]
        if letter in HINTS and letter not in found:
            row.add(
                "pasal17",
                "alasan_tidak_sesuai_huruf",
                kode=code,
                huruf=letter,
                tema=HINTS[letter][0],
                kata=found[other],
                huruf_lain=other,
                tema_lain=HINTS[other][0],
            )
