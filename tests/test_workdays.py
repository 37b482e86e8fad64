"""Working-day calendar: receipt rule, 10/17 HK deadlines over 2026 holidays, register input."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import holidays
import pytest

from automation.errors import UsageError
from automation.register import Record, Register, SheetData
from automation.schema import HARI_LIBUR
from automation.workdays import WorkCalendar

# Weekday holidays of 2026 per SKB 3 Menteri (as given by holidays 0.109, checked by hand):
#   Thu 01-01 Tahun Baru; Fri 01-16 Isra Mikraj; Mon 02-16 cuti Imlek; Tue 02-17 Imlek;
#   Wed 03-18 cuti Nyepi; Thu 03-19 Nyepi; Fri 03-20 cuti Idul Fitri; (Sat 03-21, Sun 03-22 Idul Fitri);
#   Mon 03-23, Tue 03-24 cuti Idul Fitri; Fri 04-03 Wafat Yesus; Fri 05-01 Hari Buruh;
#   Thu 05-14 Kenaikan Yesus; Fri 05-15 cuti; Wed 05-27 Idul Adha; Thu 05-28 cuti Idul Adha;
#   Mon 06-01 Pancasila; Tue 06-16 Tahun Baru Islam; Mon 08-17 Kemerdekaan; Tue 08-25 Maulid;
#   Thu 12-24 cuti Natal; Fri 12-25 Natal.
# 2027: Fri 01-01 Tahun Baru; Tue 01-05 Isra Mikraj.  July, September to November 2026: none.

CLOSURE = date(2026, 7, 15)  # Wed: office closed (staff entry)
CANCELLED = date(2026, 5, 28)  # Thu: cuti bersama Idul Adha, cancelled by the government

PLAIN = WorkCalendar()
WITH_CLOSURE = WorkCalendar(added=[(CLOSURE, "Penutupan kantor: pemadaman listrik")])
WITH_CANCEL = WorkCalendar(removed=[CANCELLED])
DAY_COUNTS = WorkCalendar(receipt_day_counts=True)

CASES = [
    # Tue 07-07 10:00 -> day 1 Wed 07-08; no July holidays: 10th Tue 07-21, 17th Thu 07-30.
    ("weekday morning", PLAIN, datetime(2026, 7, 7, 10, 0), date(2026, 7, 21), date(2026, 7, 30)),
    ("before opening = same day", PLAIN, datetime(2026, 7, 7, 6, 45), date(2026, 7, 21), date(2026, 7, 30)),
    ("date without time", PLAIN, date(2026, 7, 7), date(2026, 7, 21), date(2026, 7, 30)),
    ("exactly at closing", PLAIN, datetime(2026, 7, 7, 16, 0), date(2026, 7, 21), date(2026, 7, 30)),
    # Tue 07-07 16:01 -> received Wed 07-08, day 1 Thu 07-09: 10th Wed 07-22, 17th Fri 07-31.
    ("after closing weekday", PLAIN, datetime(2026, 7, 7, 16, 1), date(2026, 7, 22), date(2026, 7, 31)),
    # Fri 08-14 15:59 -> received Fri; day 1 Tue 08-18 (Mon 17 Aug off); Tue 25 Aug off:
    # 18,19,20,21,24,26,27,28,31, 10th Tue 09-01; 2,3,4,7,8,9, 17th Thu 09-10.
    ("Friday in hours", PLAIN, datetime(2026, 8, 14, 15, 59), date(2026, 9, 1), date(2026, 9, 10)),
    # Fri 08-14 16:30 -> received Tue 08-18, day 1 Wed 08-19: 19,20,21,24,26,27,28,31,1, 10th Wed 09-02;
    # 3,4,7,8,9,10, 17th Fri 09-11.
    ("after-hours Friday", PLAIN, datetime(2026, 8, 14, 16, 30), date(2026, 9, 2), date(2026, 9, 11)),
    # Sat 10-10 -> received Mon 10-12, day 1 Tue 10-13: 13..16, 19..23, 10th Mon 10-26;
    # 27,28,29,30, 11-02, 11-03, 17th Wed 11-04.
    ("Saturday receipt", PLAIN, datetime(2026, 10, 10, 10, 0), date(2026, 10, 26), date(2026, 11, 4)),
    # Mon 03-16 09:00, day 1 Tue 03-17; 18-24 off (Nyepi, Idul Fitri, cuti bersama);
    # 17,25,26,27,30,31,04-01,04-02 (Fri 04-03 off), 04-06, 10th Tue 04-07; 8,9,10,13,14,15, 17th Thu 04-16.
    ("Idul Fitri week", PLAIN, datetime(2026, 3, 16, 9, 0), date(2026, 4, 7), date(2026, 4, 16)),
    # Thu 03-19 Nyepi -> received Wed 03-25, day 1 Thu 03-26: 26,27,30,31,1,2,6,7,8, 10th Thu 04-09;
    # 10,13,14,15,16,17, 17th Mon 04-20.
    ("on Nyepi", PLAIN, datetime(2026, 3, 19, 10, 0), date(2026, 4, 9), date(2026, 4, 20)),
    ("on cuti bersama", PLAIN, datetime(2026, 3, 20, 10, 0), date(2026, 4, 9), date(2026, 4, 20)),
    # Mon 12-21, day 1 Tue 12-22: 22,23 (24,25 off), 28,29,30,31 (01-01 off), 01-04 (01-05 off),
    # 6,7, 10th Fri 2027-01-08; 11,12,13,14,15,18, 17th Tue 2027-01-19.
    ("Christmas into 2027", PLAIN, datetime(2026, 12, 21, 10, 0), date(2027, 1, 8), date(2027, 1, 19)),
    # As "weekday morning" with Wed 07-15 closed: 10th Wed 07-22, 17th Fri 07-31.
    ("staff closure", WITH_CLOSURE, datetime(2026, 7, 7, 10, 0), date(2026, 7, 22), date(2026, 7, 31)),
    # Mon 05-25, day 1 Tue 05-26; Wed 05-27, Mon 06-01, Tue 06-16 off; Thu 05-28 a working day again:
    # 26,28,29,2,3,4,5,8,9, 10th Wed 06-10; 11,12,15,17,18,19, 17th Mon 06-22.
    (
        "cancelled cuti bersama",
        WITH_CANCEL,
        datetime(2026, 5, 25, 9, 0),
        date(2026, 6, 10),
        date(2026, 6, 22),
    ),
    # Same without the cancellation: 26,29,2,3,4,5,8,9,10, 10th Thu 06-11; 12,15,17,18,19,22, 17th Tue 06-23.
    ("Idul Adha cuti bersama", PLAIN, datetime(2026, 5, 25, 9, 0), date(2026, 6, 11), date(2026, 6, 23)),
    # Receipt day is day 1: Tue 07-07 .. 10th Mon 07-20, 17th Wed 07-29.
    ("receipt day counts", DAY_COUNTS, datetime(2026, 7, 7, 10, 0), date(2026, 7, 20), date(2026, 7, 29)),
    # Fri 08-14 16:30 -> received Tue 08-18 = day 1: 10th Tue 09-01, 17th Thu 09-10.
    (
        "receipt day counts, after hours",
        DAY_COUNTS,
        datetime(2026, 8, 14, 16, 30),
        date(2026, 9, 1),
        date(2026, 9, 10),
    ),
]


@pytest.mark.parametrize(("label", "cal", "received", "due10", "due17"), CASES, ids=[c[0] for c in CASES])
def test_deadlines(label: str, cal: WorkCalendar, received: datetime, due10: date, due17: date) -> None:
    assert cal.deadline(received, 10) == due10
    assert cal.deadline(received, 17) == due17
    assert cal.working_days_used(received, due10) == 10
    assert cal.working_days_used(received, due17) == 17


def test_package_gives_the_2026_skb_days() -> None:
    # Pins the package behaviour the table above relies on.
    assert PLAIN.holiday_name(date(2026, 3, 20)) == "Cuti Bersama Hari Raya Idul Fitri"
    assert PLAIN.holiday_name(date(2026, 3, 21)) == "Hari Raya Idul Fitri"
    assert PLAIN.holiday_name(date(2026, 3, 19)) == "Hari Suci Nyepi"
    assert PLAIN.holiday_name(date(2026, 3, 25)) is None
    assert PLAIN.holiday_name(date(2026, 3, 28)) is None  # a Saturday is no holiday
    assert not PLAIN.is_working_day(date(2026, 3, 24))
    assert PLAIN.is_working_day(date(2026, 3, 25))
    assert not PLAIN.is_working_day(date(2026, 3, 28))


def test_added_and_removed_days() -> None:
    assert not WITH_CLOSURE.is_working_day(CLOSURE)
    assert WITH_CLOSURE.holiday_name(CLOSURE) == "Penutupan kantor: pemadaman listrik"
    assert WITH_CANCEL.is_working_day(CANCELLED)
    assert WITH_CANCEL.holiday_name(CANCELLED) is None
    assert not PLAIN.is_working_day(CANCELLED)


def test_effective_receipt() -> None:
    assert PLAIN.effective_receipt(datetime(2026, 7, 7, 16, 0)) == date(2026, 7, 7)
    assert PLAIN.effective_receipt(datetime(2026, 7, 7, 16, 0, 1)) == date(2026, 7, 8)
    assert PLAIN.effective_receipt(datetime(2026, 7, 7, 0, 0)) == date(2026, 7, 7)
    assert PLAIN.effective_receipt(datetime(2026, 7, 11, 9, 0)) == date(2026, 7, 13)  # Saturday
    assert PLAIN.effective_receipt(datetime(2026, 12, 31, 17, 0)) == date(2027, 1, 4)  # past New Year
    assert PLAIN.day_one(datetime(2026, 12, 31, 17, 0)) == date(2027, 1, 6)  # Tue 01-05 Isra Mikraj


def test_working_days_used() -> None:
    received = datetime(2026, 7, 7, 10, 0)  # day 1 = Wed 07-08
    expected = {
        date(2026, 7, 1): 0,
        date(2026, 7, 7): 0,
        date(2026, 7, 8): 1,
        date(2026, 7, 10): 3,
        date(2026, 7, 11): 3,  # Saturday adds nothing
        date(2026, 7, 13): 4,
    }
    for today, used in expected.items():
        assert PLAIN.working_days_used(received, today) == used, today
    assert DAY_COUNTS.working_days_used(received, date(2026, 7, 6)) == 0
    assert DAY_COUNTS.working_days_used(received, date(2026, 7, 7)) == 1
    assert DAY_COUNTS.working_days_used(received, date(2026, 7, 21)) == 11
    # Across Lebaran: day 1 Tue 03-17, next working day Wed 03-25.
    assert PLAIN.working_days_used(datetime(2026, 3, 16, 9, 0), date(2026, 3, 24)) == 1
    assert PLAIN.working_days_used(datetime(2026, 3, 16, 9, 0), date(2026, 3, 25)) == 2


def test_working_days_between_and_add() -> None:
    # (Fri 03-13, Wed 03-25] holds Mon 16, Tue 17, Wed 25.
    assert PLAIN.working_days_between(date(2026, 3, 13), date(2026, 3, 25)) == 3
    assert PLAIN.working_days_between(date(2026, 3, 25), date(2026, 3, 13)) == -3
    assert PLAIN.working_days_between(date(2026, 3, 13), date(2026, 3, 13)) == 0
    assert PLAIN.add_working_days(date(2026, 3, 17), 1) == date(2026, 3, 25)
    assert PLAIN.add_working_days(date(2026, 3, 25), -1) == date(2026, 3, 17)
    assert PLAIN.add_working_days(date(2026, 3, 21), -1) == date(2026, 3, 17)  # from a holiday Saturday
    assert PLAIN.add_working_days(date(2026, 3, 21), 0) == date(2026, 3, 21)
    # 2026 has 365 - 104 weekend days - 21 weekday holidays (listed at the top) = 240 working days.
    assert PLAIN.working_days_between(date(2025, 12, 31), date(2026, 12, 31)) == 240


def _register(tmp_path: Path, rows: list[dict[str, object]], settings: dict[str, object]) -> Register:
    records = [Record(row=7 + i, values=values) for i, values in enumerate(rows)]
    sheet = SheetData(spec=HARI_LIBUR, records=records)
    return Register(path=tmp_path / "register.xlsm", sheets={"hari_libur": sheet}, settings=settings)


def _serial(d: date) -> float:
    return float((d - date(1899, 12, 30)).days)


def test_from_register(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        # Copied from the package: counted once, not as a staff addition.
        {
            "tanggal": datetime(2026, 3, 20),
            "keterangan": "Cuti Bersama Hari Raya Idul Fitri",
            "jenis": "Cuti bersama",
            "dasar": "SKB 3 Menteri",
            "sumber": "Paket holidays",
        },
        {
            "tanggal": "15/07/2026",
            "keterangan": "Pemadaman listrik",
            "jenis": "Penutupan kantor",
            "dasar": None,
            "sumber": "Staf",
        },
        {
            "tanggal": _serial(CANCELLED),
            "keterangan": "Cuti bersama dibatalkan",
            "jenis": "Bukan hari libur",
            "dasar": "SKB perubahan",
            "sumber": "Staf",
        },
        {
            "tanggal": None,
            "keterangan": "baris kosong",
            "jenis": "Libur nasional",
            "dasar": None,
            "sumber": None,
        },
        {
            "tanggal": "besok",
            "keterangan": "tanggal rusak",
            "jenis": "Libur nasional",
            "dasar": None,
            "sumber": None,
        },
    ]
    settings = {"hari_ke_1": "Ya", "jam_buka": time(8, 0), "jam_tutup": 0.625}  # 0.625 day = 15:00
    cal = WorkCalendar.from_register(_register(tmp_path, rows, settings))
    assert cal.receipt_day_counts is True
    assert (cal.office_open, cal.office_close) == (time(8, 0), time(15, 0))
    assert cal.added == {CLOSURE: "Pemadaman listrik"}
    assert cal.removed == {CANCELLED}
    assert not cal.is_working_day(date(2026, 3, 20))
    assert not cal.is_working_day(CLOSURE)
    assert cal.is_working_day(CANCELLED)
    # 15:30 is after the 15:00 closing: received Wed 07-08 = day 1; Wed 07-15 closed:
    # 8,9,10,13,14,16,17,20,21, 10th Wed 07-22.
    assert cal.deadline(datetime(2026, 7, 7, 15, 30), 10) == date(2026, 7, 22)


def test_from_register_defaults_and_moved_package_day(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        # A package row whose date staff moved (not in the package calendar): it counts.
        {
            "tanggal": date(2026, 3, 25),
            "keterangan": "Cuti Bersama Hari Raya Idul Fitri",
            "jenis": "Cuti bersama",
            "dasar": None,
            "sumber": "Paket holidays",
        },
    ]
    cal = WorkCalendar.from_register(_register(tmp_path, rows, {"hari_ke_1": None, "jam_tutup": "sore"}))
    assert cal.receipt_day_counts is False
    assert (cal.office_open, cal.office_close) == (time(7, 30), time(16, 0))
    assert not cal.is_working_day(date(2026, 3, 25))
    assert "sore" in cal.describe()


def test_describe() -> None:
    cal = WorkCalendar(added=[(CLOSURE, "Penutupan kantor")], removed=[CANCELLED])
    cal.deadline(datetime(2026, 7, 7, 10, 0), 10)
    text = cal.describe()
    assert f"holidays versi {holidays.__version__}" in text
    assert "public" not in text and "government" not in text  # Indonesian only
    assert "1 hari libur/penutupan kantor ditambahkan, 1 hari dibatalkan" in text
    assert "perkiraan" not in text  # 2026 dates are the SKB's
    cal.deadline(datetime(2026, 12, 21, 10, 0), 17)  # reaches into 2027
    text = cal.describe()
    assert "Tahun 2027" in text and "perkiraan" in text
    assert "cuti bersama belum tercantum" in cal.describe(years=[2028])
    assert "Hari penerimaan dihitung sebagai hari ke-1" in DAY_COUNTS.describe()


def test_misuse_raises_usage_error() -> None:
    with pytest.raises(UsageError):
        PLAIN.deadline(date(2026, 7, 7), 0)
    with pytest.raises(UsageError):
        WorkCalendar(office_open=time(16, 0), office_close=time(7, 30))
    with pytest.raises(UsageError):
        PLAIN.is_working_day(date(9999, 12, 31))
