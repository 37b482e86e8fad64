"""Fictional but believable sample data for the demo and the bench generator (fixed seed).

Names, Kalbar addresses and typical requests (budgets, tenders, permits, personnel files);
each request type carries the outcome a Tim Pertimbangan would plausibly reach.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from ..reference import Klasifikasi
from ..resources import load_data

_PEOPLE = load_data("demo_people.toml")  # the sample requesters, kept as data
FIRST_M: tuple[str, ...] = tuple(_PEOPLE["first_names_male"])
FIRST_F: tuple[str, ...] = tuple(_PEOPLE["first_names_female"])
LAST: tuple[str, ...] = tuple(_PEOPLE["last_names"])
JOBS: tuple[str, ...] = tuple(_PEOPLE["jobs"])
PLACES: tuple[tuple[str, str], ...] = tuple((code, address) for code, address in _PEOPLE["places"])
CHANNELS: tuple[str, ...] = tuple(_PEOPLE["channels"])
BADAN: tuple[str, ...] = tuple(_PEOPLE["legal_bodies"])


@dataclass(frozen=True)
class Topic:
    rincian: str
    tujuan: str
    pd: str
    outcome: str  # TIDAK / YA / SEBAGIAN / Tidak dikuasai / Belum didokumentasikan
    pasal: str = ""
    uu_lain: str = ""
    konsekuensi: str = ""
    kepentingan: str = ""
    jangka: tuple[str, str] = ("", "")
    bagian: str = ""
    holder: str = ""


def _topics() -> tuple[Topic, ...]:
    """The sample topics, kept as data in automation/data/demo_topics.toml."""
    rows = load_data("demo_topics.toml")["topic"]
    return tuple(Topic(**{**row, "jangka": tuple(row.get("jangka", ("", "")))}) for row in rows)


TOPICS: tuple[Topic, ...] = _topics()


@dataclass
class Scenario:
    """One sample request: who asks, what, when, and how far the demo drives it."""

    index: int
    topic: Topic
    received: dt.datetime
    target_step: int  # the step the demo leaves it on (11 = archived and closed)
    values: dict
    revise_once: bool = False
    extended: bool = False
    mistake: str = ""  # an entry mistake at intake (the request stays at step 1)
    legal: str = ""  # a legal-chain mistake staff make later on (LEGAL_MISTAKES)


def nik_for(rng: random.Random, region: str, female: bool) -> str:
    birth = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 38))
    day = birth.day + (40 if female else 0)
    district, serial = rng.randrange(10, 30), rng.randrange(1, 9999)
    return f"{region}{district:02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def person(rng: random.Random, n: int) -> dict:
    female = rng.random() < 0.5
    name = f"{rng.choice(FIRST_F if female else FIRST_M)} {rng.choice(LAST)}"
    region, addr = rng.choice(PLACES)
    phone = f"08{rng.choice('1258')}{rng.randrange(10**8, 10**9)}"
    handle = name.lower().replace(" ", ".")
    return {
        "kategori_pemohon": "Perorangan",
        "nama_pemohon": name,
        "jenis_identitas": "KTP",
        "nik": nik_for(rng, region, female),
        "alamat": addr.format(n=rng.randrange(1, 180)),
        "pekerjaan": rng.choice(JOBS),
        "telepon": phone,
        "email": f"{handle}{n}@contoh.id",
    }


def scenarios(
    count: int, *, today: dt.date, seed: int = 2026, span_days: int = 55, legal: bool = False
) -> list[Scenario]:
    """``count`` requests received over the last ``span_days`` days, spread over all stages.

    ``legal``: also one deliberate legal-chain mistake per case of LEGAL_MISTAKES (the demo shows them;
    the bench and the fault tests want letters that can all be made).
    """
    rng = random.Random(seed)
    out: list[Scenario] = []
    for i in range(count):
        topic = TOPICS[i % len(TOPICS)]
        age = span_days - int(span_days * i / max(count, 1))
        day = today - dt.timedelta(days=age)
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
        hour = 16 if i % 17 == 5 else rng.randrange(8, 15)
        received = dt.datetime.combine(day, dt.time(hour, rng.choice((0, 15, 30, 45))))
        values = person(rng, i)
        if i % 11 == 3:
            values.update(
                kategori_pemohon="Badan Hukum",
                nama_pemohon=rng.choice(BADAN),
                jenis_identitas="Akta Badan Hukum",
                nik=None,
                dokumen_badan_hukum=f"AHU-{rng.randrange(1000, 9999)}.AH.01.07.{2015 + i % 9}",
            )
        values.update(
            waktu_diterima=received,
            saluran=rng.choice(CHANNELS),
            rincian_informasi=topic.rincian,
            tujuan=topic.tujuan,
            cara_memperoleh="Mendapatkan salinan (softcopy)" if i % 3 else "Mendapatkan salinan (hardcopy)",
            cara_salinan="Surel" if i % 3 else "Mengambil langsung",
            perangkat_daerah=topic.pd,
        )
        # older requests are further along; the newest are still at intake
        target = min(11, 1 + int(10 * (age / span_days) * 1.6)) if age > 3 else rng.choice((1, 2))
        revise = topic.outcome in EXEMPT and i < len(TOPICS) and i % 3 == 1
        out.append(Scenario(i, topic, received, target, values, revise_once=revise, extended=(i % 9 == 4)))
    _inject_mistakes(out)
    if legal:
        _inject_legal_mistakes(out)
    return out


def _inject_mistakes(items: list[Scenario]) -> None:
    """A few typical entry mistakes so validation has something to say (they stay at step 1)."""
    mistakes = [
        ("nik", "617101230485000", "NIK 15 digit"),
        ("email", "budi.santoso@gmail", "surel tanpa domain"),
        ("nik", 6171014506900001.0, "NIK diketik sebagai angka"),
        ("tujuan", None, "tujuan kosong"),
        ("telepon", "12345", "telepon tidak valid"),
        ("waktu_diterima", dt.datetime(1900, 11, 2, 9, 0), "penerimaan bertahun 1900"),
    ]
    newest = sorted(items, key=lambda s: s.received, reverse=True)
    candidates = [s for s in newest[1::3] if s.values.get("kategori_pemohon") == "Perorangan"]
    candidates.sort(key=lambda s: s.topic.outcome in EXEMPT)  # keep exemptions for the later steps
    for scenario, (key, value, label) in zip(candidates, mistakes, strict=False):
        scenario.values[key] = value
        scenario.mistake = label
        scenario.target_step = 1


EXEMPT = (Klasifikasi.YA, Klasifikasi.SEBAGIAN)
# Legal-chain mistakes (issue 11), each caught by ``ppid validate`` with a finding that says how to fix it:
# name -> (needs an exempt outcome, needs a revision round, lowest target step, what staff got wrong,
# the finding code that catches it).
LEGAL_MISTAKES: dict[str, tuple[bool, bool, int, str, str]] = {
    "keputusan_sebelum_persetujuan": (
        True,
        False,
        9,
        "surat keputusan bertanggal sebelum persetujuan Atasan",
        "urutan_tanggal",
    ),
    "revisi_sebelum_permintaan": (
        True,
        True,
        7,
        "berita acara putaran kedua bertanggal sebelum permintaan revisi",
        "urutan_tanggal",
    ),
    "persetujuan_sebelum_uji": (True, False, 7, "persetujuan bertanggal sebelum pengujian", "urutan_tanggal"),
    "persetujuan_tanpa_nomor_ba": (
        True,
        False,
        7,
        "nomor berita acara dihapus dari baris persetujuan",
        "persetujuan_tanpa_nomor_ba",
    ),
    "kesimpulan_bertentangan": (
        True,
        False,
        6,
        "kesimpulan berita acara bertentangan dengan hasil",
        "kesimpulan_tidak_sesuai",
    ),
    "perpanjangan_terlambat": (
        False,
        False,
        9,
        "perpanjangan dicatat sesudah 10 hari kerja",
        "perpanjangan_terlambat",
    ),
    "arsip_hari_libur": (False, False, 11, "pengarsipan bertanggal hari Minggu", "tindakan_hari_libur"),
    "alasan_angka_lain": (
        False,
        False,
        6,
        "rekam medis dikutip sebagai 17h3 (keuangan), bukan 17h2",
        "alasan_tidak_sesuai_angka",
    ),
    "jangka_tidak_terbatas": (
        False,
        False,
        5,
        "dasar 17a1 dengan jangka waktu 'tidak terbatas'",
        "jangka_waktu_permanen",
    ),
    "jangka_permanen": (
        False,
        False,
        5,
        "dasar 17e4 dengan jenis jangka waktu 'Permanen'",
        "jangka_waktu_permanen",
    ),
    "akhir_sebelum_mulai": (
        False,
        False,
        5,
        "tanggal akhir pengecualian sebelum tanggal mulai",
        "jangka_waktu_sebelum_mulai",
    ),
}

RECLASSIFIED = frozenset(
    {"alasan_angka_lain", "jangka_tidak_terbatas", "jangka_permanen", "akhir_sebelum_mulai"}
)


def _inject_legal_mistakes(items: list[Scenario]) -> None:
    """One scenario per legal mistake, newest first (partial grants last), so the oldest requests stay
    clean."""
    for name, (exempt, revise, target, _label, _code) in LEGAL_MISTAKES.items():
        # keep partial grants clean
        for s in sorted(items, key=lambda x: (x.topic.outcome == Klasifikasi.SEBAGIAN, -x.index)):
            if s.mistake or s.legal or s.target_step < target or s.revise_once != revise:
                continue
            reclassified = name in RECLASSIFIED and s.topic.outcome != Klasifikasi.TIDAK
            if exempt != (s.topic.outcome in EXEMPT) or reclassified:
                continue
            s.legal = name
            s.extended = s.extended or name == "perpanjangan_terlambat"
            break
