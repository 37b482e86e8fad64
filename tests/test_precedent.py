"""Precedent matching in Indonesian: stems, the synonym lexicon, short queries, the labelled pairs."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from automation.register import Record
from automation.schema import SETTING_BY_KEY
from automation.workflow.precedent import Matcher
from automation.workflow.scoring import TermScorer, similarity
from automation.workflow.terms import Lexicon, default_lexicon, stem, terms

PAIRS = Path(__file__).parent / "data" / "preseden_pasangan.csv"
THRESHOLD = int(SETTING_BY_KEY["ambang_preseden"].default)


def labelled() -> list[tuple[str, str, bool]]:
    with PAIRS.open(encoding="utf-8", newline="") as handle:
        return [(r["permohonan"], r["entri_dik"], r["mirip"] == "1") for r in csv.DictReader(handle)]


def precision_recall(threshold: int) -> tuple[float, float]:
    said = [(similarity(q, e) >= threshold, truth) for q, e, truth in labelled()]
    hits = sum(1 for s, t in said if s and t)
    return hits / max(1, sum(1 for s, _ in said if s)), hits / max(1, sum(1 for _, t in said if t))


def test_the_labelled_set_is_large_and_balanced() -> None:
    pairs = labelled()
    positives = sum(1 for *_, truth in pairs if truth)
    assert len(pairs) >= 60 and 25 <= positives <= len(pairs) - 25


def test_default_threshold_keeps_precision_and_recall_on_the_labelled_pairs() -> None:
    precision, recall = precision_recall(THRESHOLD)
    assert precision >= 0.85, precision
    assert recall >= 0.85, recall


def test_the_issue_example_now_matches_and_a_bare_word_does_not() -> None:
    assert similarity("data gaji pegawai", "daftar gaji dan tunjangan ASN") >= THRESHOLD
    assert similarity("gaji", "daftar gaji dan tunjangan ASN") < THRESHOLD
    assert similarity("gaji", "Daftar gaji dan tunjangan pegawai Dinas Kominfo") < THRESHOLD


@pytest.mark.parametrize(
    ("word", "root"), [("penggajian", "gaji"), ("kepegawaian", "pegawai"), ("perizinan", "izin")]
)
def test_sastrawi_stems_offline(word: str, root: str) -> None:
    assert stem(word) == root


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Data penggajian ASN", {"penghasilan", "pegawai"}),
        ("tambahan penghasilan PNS", {"penghasilan", "pegawai"}),
        ("Nomor Induk Kependudukan", {"kependudukan"}),
        ("rekening pribadi pgawai", {"rekening", "pribadi", "pegawai"}),  # misspelt lexicon word
        ("hasil pendidikan 2025", {"didik"}),  # not taken for "penyidikan"; years and stopwords dropped
    ],
)
def test_terms_fold_synonyms_stems_and_misspellings(text: str, expected: set[str]) -> None:
    assert set(terms(text)) == expected


def test_office_names_weigh_less_than_topic_words() -> None:
    found = terms("gaji pegawai Dinas Kominfo")
    assert found["penghasilan"] > found["dinas"] and found["dinas"] == found["kominfo"]


def test_the_lexicon_is_package_data_and_can_be_replaced() -> None:
    assert "penghasilan" in default_lexicon().concepts
    own = Lexicon.from_toml(
        {"sinonim": {"kendaraan": ["mobil", "kendaraan dinas"]}, "umum": {"kata": ["data"]}}
    )
    assert similarity("data mobil", "kendaraan dinas", lexicon=own) == 100


def test_scorer_picks_the_best_entry_and_ignores_unrelated_ones() -> None:
    scorer = TermScorer(
        ["Rekam medis pasien", "Daftar gaji dan tunjangan ASN", "Nomor rekening pribadi pegawai"]
    )
    assert scorer.best("penghasilan pegawai negeri sipil") == (1, 100)
    assert scorer.best("jadwal kapal feri") is None


def test_matcher_applies_the_cutoff() -> None:
    entries = [_entry("DIK-2026-001", "Daftar gaji dan tunjangan ASN")]
    assert Matcher(entries, THRESHOLD).best("data penggajian pegawai") is not None
    assert Matcher(entries, THRESHOLD).best("gaji") is None


def _entry(number: str, text: str) -> Record:
    return Record(7, {"no_dik": number, "informasi": text, "status_dik": "Berlaku"})


def test_validate_and_status_show_the_precedent(register: Path) -> None:
    import datetime as dt

    from click.testing import CliRunner

    from automation import operations
    from automation.changes import Changes
    from automation.cli import main

    entry = {
        "no_dik": "DIK-2026-001",
        "informasi": "Daftar gaji dan tunjangan ASN",
        "status_dik": "Berlaku",
        "pasal17": "17h3",
        "tanggal_mulai": dt.date(2026, 1, 5),
    }
    request = {
        "no_registrasi": "PPID-KOMINFO/2026/11/0001",
        "rincian_informasi": "data penggajian pegawai",
        "tahap_saat_ini": "2 Koordinasi",
    }
    operations.commit(
        register, lambda reg: (Changes(appends={"register_dik": [entry], "permohonan": [request]}), None)
    )
    validated = CliRunner().invoke(main, ["validate", str(register), "--no-write"])
    assert (
        "Preseden DIK, 1 Permohonan baris 7 (PPID-KOMINFO/2026/11/0001): mirip DIK-2026-001 (skor 100)"
        in " ".join(validated.output.split())
    )
    status = CliRunner().invoke(main, ["status", str(register), "PPID-KOMINFO/2026/11/0001"])
    assert "Preseden DIK: mirip DIK-2026-001 (skor 100)" in " ".join(status.output.split())


def test_an_expired_topic_is_told_so_when_nothing_in_force_matches() -> None:
    ended = Record(
        8,
        {
            "no_dik": "DIK-2025-004",
            "informasi": "Rekam medis pasien",
            "status_dik": "Perlu uji ulang",
            "berlaku_sampai": "30/06/2026",
        },
    )
    matcher = Matcher([_entry("DIK-2026-001", "Daftar gaji dan tunjangan ASN")], THRESHOLD, [ended])
    told = matcher.best("rekam medik pasien")
    assert told is not None and told.lapsed
    assert (
        told.text() == "mirip DIK-2025-004 (skor 100), masa pengecualian berakhir 30/06/2026: "
        "bukan acuan, topik ini perlu uji konsekuensi ulang"
    )
    assert not matcher.best("data penggajian ASN").lapsed  # an entry in force wins
