"""The demo's keberatan scenario block: three refused requests objected to — answered, late, taken to the KI.

The three requests are received early enough for every clock to have run: each is refused
(Pasal 17 huruf h), goes through the SOP with the other demo requests, and after the SOP rounds
gets its Keberatan row with dates counted back from the last complete month and from today.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from ..clock import last_complete_month
from ..register import Register
from ..workdays import WorkCalendar
from .data import CHANNELS, TOPICS, Scenario, person
from .simulate import scenario_map

GROUND = "a. Penolakan berdasarkan Pasal 17"
FILED_AFTER_RECEIPT = 14  # working days from the request to the keberatan (the decision arrives on day 8)


@dataclass(frozen=True)
class Case:
    """One keberatan of the block: its label and the dates staff record."""

    label: str
    filed: dt.date
    answered: dt.date | None = None
    disputed: dt.date | None = None


def cases(today: dt.date, calendar: WorkCalendar) -> list[Case]:
    """Answered within the last complete month; unanswered past its 30 working days; taken to the KI."""
    year, month = (int(x) for x in last_complete_month(today).split("-"))
    next_month = (dt.date(year, month, 28) + dt.timedelta(days=4)).replace(day=1)
    month_end = calendar.add_working_days(next_month, -1)  # the last working day of the reported month
    escalated_answer = calendar.add_working_days(month_end, -5)
    return [
        Case("dijawab", calendar.add_working_days(month_end, -10), answered=month_end),
        Case("terlambat", calendar.add_working_days(today, -35)),
        Case(
            "sengketa",
            calendar.add_working_days(escalated_answer, -15),
            answered=escalated_answer,
            disputed=month_end,
        ),
    ]


def objection_scenarios(
    first_index: int, today: dt.date, calendar: WorkCalendar | None = None
) -> list[Scenario]:
    """The three requests, received FILED_AFTER_RECEIPT working days before their keberatan."""
    calendar = calendar or WorkCalendar()
    rng = random.Random(35)
    topics = [t for t in TOPICS if t.outcome == "YA" and t.pasal.startswith("17h")]
    out = []
    for offset, case in enumerate(cases(today, calendar)):
        index = first_index + offset
        day = calendar.add_working_days(case.filed, -FILED_AFTER_RECEIPT)
        topic = topics[offset % len(topics)]
        values = person(rng, index)
        values.update(
            waktu_diterima=dt.datetime.combine(day, dt.time(9, 30)),
            saluran=CHANNELS[offset],
            rincian_informasi=topic.rincian,
            tujuan=topic.tujuan,
            perangkat_daerah=topic.pd,
            cara_memperoleh="Mendapatkan salinan (softcopy)",
            cara_salinan="Surel",
        )
        out.append(Scenario(index, topic, values["waktu_diterima"], 11, values))
    return out


def objection_rows(
    reg: Register,
    plan: list[Scenario],
    extra: list[Scenario],
    today: dt.date,
    calendar: WorkCalendar | None = None,
) -> list[dict[str, Any]]:
    """Keberatan rows for the block's requests (``extra``, the tail of ``plan``), as staff would type them."""
    calendar = calendar or WorkCalendar.from_register(reg)
    numbers = {s.index: number for number, s in scenario_map(reg, plan).items()}
    return [
        _row(numbers[s.index], case)
        for s, case in zip(extra, cases(today, calendar), strict=True)
        if s.index in numbers
    ]


def _row(number: str, case: Case) -> dict[str, Any]:
    row: dict[str, Any] = {
        "no_registrasi": number,
        "tanggal_keberatan": case.filed,
        "alasan_keberatan": GROUND,
        "uraian_keberatan": (
            "Pemohon menilai informasi yang dimohon tidak termasuk rahasia pribadi karena "
            "menyangkut pelaksanaan jabatan publik."
        ),
    }
    if case.answered is not None:
        row.update(
            tanggal_tanggapan=case.answered,
            putusan_keberatan="Ditolak",
            pertimbangan_atasan=(
                "Informasi memuat data pribadi yang dikecualikan berdasarkan Pasal 17 "
                "huruf h "
                "UU 14/2008; pemohon tidak menyampaikan persetujuan tertulis pemilik data."
            ),
        )
    if case.disputed is not None:
        row.update(
            tanggal_sengketa=case.disputed,
            register_sengketa=f"0{case.disputed:%d}/REG-PSI/{case.disputed:%m}/{case.disputed:%Y}",
        )
    return row
