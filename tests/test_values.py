"""Tolerant cell parsers: what staff type (or what Excel made of it) -> value or Indonesian message."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from automation.values import (
    as_text,
    check_nik,
    check_pasal,
    is_empty,
    is_error_cell,
    mask_nik,
    parse_date,
    parse_datetime,
    parse_email,
    parse_int,
    parse_money,
    parse_nik,
    parse_pasal,
    parse_phone,
    parse_time,
)

D = date(2026, 11, 24)


# ---------------------------------------------------------------- as_text
@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (None, ""),
        ("  Budi  ", "Budi"),
        ("'0812", "0812"),  # the apostrophe that forces text in Excel
        ("''x", "'x"),  # only one apostrophe is dropped
        ('\'=HYPERLINK("x")', '=HYPERLINK("x")'),
        ('=HYPERLINK("x")', '=HYPERLINK("x")'),  # text that looks like a formula stays text
        (12.0, "12"),
        (12.5, "12.5"),
        (True, "Ya"),
        (D, "24/11/2026"),
        (datetime(2026, 11, 24, 9, 5), "24/11/2026 09:05"),
        (datetime(2026, 11, 24), "24/11/2026"),
        (time(7, 30), "07:30"),
        (Decimal("3"), "3"),
    ],
)
def test_as_text(raw, text):
    assert as_text(raw) == text


def test_as_text_survives_objects_that_cannot_be_printed():
    class Broken:
        def __str__(self):
            raise RuntimeError("no")

    assert as_text(Broken()) == "<Broken>"


@pytest.mark.parametrize(
    ("raw", "empty"), [(None, True), ("", True), ("   ", True), ("'", True), (0.0, False), ("x", False)]
)
def test_is_empty(raw, empty):
    assert is_empty(raw) is empty


@pytest.mark.parametrize(
    ("raw", "error"),
    [("#N/A", True), (" #div/0! ", True), ("#REF!", True), ("#1 prioritas", False), (3.0, False)],
)
def test_is_error_cell(raw, error):
    assert is_error_cell(raw) is error


# ---------------------------------------------------------------- dates
@pytest.mark.parametrize(
    "raw",
    [
        "24/11/2026",
        "24-11-2026",
        "24.11.2026",
        "2026-11-24",
        "24 Nov 2026",
        "24 November 2026",
        "24 nopember 2026",
        "24-Nov-2026",
        "Selasa, 24 November 2026",
        "'24/11/2026",
        " 24 / 11 / 2026 ",
        "24/11/2026 10:30",
        "24 November 2026 pukul 10.30 WIB",
        46350.0,
        46350,
        D,
        datetime(2026, 11, 24, 8),
    ],
)
def test_parse_date_accepts_the_forms_staff_type(raw):
    assert parse_date(raw) == (D, None)


@pytest.mark.parametrize(
    ("raw", "month"),
    [
        ("1 Jan 2026", 1),
        ("1 Peb 2026", 2),
        ("1 Mar 2026", 3),
        ("1 Apr 2026", 4),
        ("1 Mei 2026", 5),
        ("1 Jun 2026", 6),
        ("1 Jul 2026", 7),
        ("1 Agu 2026", 8),
        ("1 Agt 2026", 8),
        ("1 Ags 2026", 8),
        ("1 Agustus 2026", 8),
        ("1 Sep 2026", 9),
        ("1 Okt 2026", 10),
        ("1 Oktober 2026", 10),
        ("1 Nov 2026", 11),
        ("1 Des 2026", 12),
        ("1 Desember 2026", 12),
    ],
)
def test_parse_date_indonesian_months(raw, month):
    assert parse_date(raw) == (date(2026, month, 1), None)


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        ("31/02/2026", "tidak ada di kalender"),
        ("11/24/2026", "hari/bulan/tahun"),  # month/day order
        ("24/11/26", "empat digit"),
        ("24/11/202", "tidak wajar"),
        ("kemarin", "dd/mm/yyyy"),
        ("24 Foo 2026", "Foo"),
        (24112026.0, "bukan tanggal"),  # typed without separators into a number cell
        (float("nan"), "bukan tanggal"),
        (time(9, 0), "hanya berisi jam"),
        (True, "bukan tanggal"),
    ],
)
def test_parse_date_explains_what_is_wrong(raw, hint):
    value, msg = parse_date(raw)
    assert value is None
    assert hint in msg


def test_parse_date_message_names_a_long_value_shortened():
    _value, msg = parse_date("x" * 200)
    assert "xxxxx…" in msg and len(msg) < 150


@pytest.mark.parametrize("raw", [None, "", "  ", "'"])
def test_parse_date_empty_is_not_an_error(raw):
    assert parse_date(raw) == (None, None)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("24/11/2026 09:15", datetime(2026, 11, 24, 9, 15)),
        ("24/11/2026 9.15", datetime(2026, 11, 24, 9, 15)),
        ("24 November 2026, 16.05 WIB", datetime(2026, 11, 24, 16, 5)),
        ("2026-11-24T09:15:00", datetime(2026, 11, 24, 9, 15)),
        ("24/11/2026", datetime(2026, 11, 24)),  # date only -> 00:00
        (D, datetime(2026, 11, 24)),
        (46350.5, datetime(2026, 11, 24, 12)),
    ],
)
def test_parse_datetime(raw, expected):
    assert parse_datetime(raw) == (expected, None)


@pytest.mark.parametrize("raw", ["24/11/2026 25:00", time(9, 0), "besok pagi", True])
def test_parse_datetime_errors(raw):
    value, msg = parse_datetime(raw)
    assert value is None and msg


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("07:30", time(7, 30)),
        ("7.30", time(7, 30)),
        ("16:00 WIB", time(16)),
        (0.3125, time(7, 30)),
        (time(8), time(8)),
        (datetime(2026, 1, 1, 15, 45), time(15, 45)),
    ],
)
def test_parse_time(raw, expected):
    assert parse_time(raw) == (expected, None)


@pytest.mark.parametrize("raw", ["24:00", "7", "pagi", 1.5])
def test_parse_time_errors(raw):
    value, msg = parse_time(raw)
    assert value is None and "jj:mm" in msg


# ---------------------------------------------------------------- numbers
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12", 12),
        ("'12", 12),
        (" 1.500 ", 1500),
        ("1,500", 1500),
        ("12,0", 12),
        ("12.00", 12),
        (12.0, 12),
        (7, 7),
        ("-3", -3),
    ],
)
def test_parse_int(raw, expected):
    assert parse_int(raw) == (expected, None)


@pytest.mark.parametrize("raw", ["1,5", "12.5", 12.5, "lima", True, "5 hari", float("inf")])
def test_parse_int_errors(raw):
    value, msg = parse_int(raw)
    assert value is None and "bilangan bulat" in msg


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Rp 15.000", 15000),
        ("Rp15.000,-", 15000),
        ("Rp. 15.000,00", 15000),
        ("IDR 15000", 15000),
        ("15,000", 15000),
        (15000.0, 15000),
        ("-", 0),
        ("gratis", 0),
        ("Tanpa biaya", 0),
        ("0", 0),
    ],
)
def test_parse_money(raw, expected):
    assert parse_money(raw) == (expected, None)


@pytest.mark.parametrize("raw", ["lima ribu", "15.000,50", 15000.5, "Rp"])
def test_parse_money_errors(raw):
    value, msg = parse_money(raw)
    assert value is None and "rupiah" in msg


# ---------------------------------------------------------------- Pasal 17
@pytest.mark.parametrize(
    ("raw", "codes"),
    [
        ("17h3", ["17h3"]),
        ("17h3, 17j", ["17h3", "17j"]),
        ("17H3; 17 j", ["17h3", "17j"]),
        ("Pasal 17 huruf h angka 3", ["17h3"]),
        ("Pasal 17 huruf h angka 3 UU 14/2008", ["17h3"]),
        ("Pasal 17 huruf h angka 3 UU Nomor 14 Tahun 2008", ["17h3"]),
        ("17 (a) (1) dan 17c7", ["17a1", "17c7"]),
        ("Pasal 17: h3, j", ["17h3", "17j"]),  # a leading "Pasal 17" is a prefix
        ("17b", ["17b"]),
        ("h3", ["17h3"]),
        ("17i\n17g", ["17i", "17g"]),
        ("", []),
        (None, []),
    ],
)
def test_parse_pasal(raw, codes):
    assert parse_pasal(raw) == (codes, None)


@pytest.mark.parametrize(
    ("raw", "code", "hint"),
    [
        ("Pasal 17", "pasal17_tanpa_angka", "'Pasal 17' bukan dasar"),
        ("17", "pasal17_tanpa_angka", "huruf dan angka"),
        ("Pasal 17 UU KIP", "pasal17_tanpa_angka", "misalnya 17h3"),
        ("17h", "pasal17_tanpa_angka", "17h1, 17h2, 17h3, 17h4, 17h5"),
        ("17a", "pasal17_tanpa_angka", "17a5"),
        ("17k", "pasal17_tidak_dikenal", "17a1 sampai 17j"),
        ("17h9", "pasal17_tidak_dikenal", "angka 1 sampai 5"),
        ("17b1", "pasal17_tidak_dikenal", "tulis 17b"),
        ("rahasia negara", "pasal17_tidak_dikenal", "rahasia negara"),
    ],
)
def test_parse_pasal_rejects_bare_or_unknown_grounds(raw, code, hint):
    codes, problems = check_pasal(raw)
    assert codes == []
    assert problems[0][0] == code and hint in problems[0][1]
    assert parse_pasal(raw) == ([], problems[0][1])


def test_parse_pasal_keeps_good_codes_next_to_a_bad_one():
    codes, msg = parse_pasal("17h3, 17k")
    assert codes == ["17h3"] and "17k" in msg


# ---------------------------------------------------------------- NIK
def test_mask_nik():
    assert mask_nik("6171012345670001") == "6171********0001"
    assert mask_nik("1234") == "****"


@pytest.mark.parametrize(
    "raw",
    [
        "6171054508900003",
        "'6171054508900003",
        "6171 0545 0890 0003",
        "6171.0545.0890.0003",
        " 6171054508900003 ",
    ],
)
def test_parse_nik_accepts_sixteen_digits_typed_as_text(raw):
    assert parse_nik(raw) == ("6171054508900003", None)


@pytest.mark.parametrize(
    "raw", [6.171012345670001e15, 6171012345670000.0, 617101234567000.0, "6,17101E+15", "6.17101E15"]
)
def test_parse_nik_explains_a_nik_that_excel_turned_into_a_number(raw):
    nik, code, msg = check_nik(raw)
    assert nik is None and code == "nik_jadi_angka"
    assert "tersimpan sebagai angka" in msg and "digit terakhir hilang" in msg
    assert "tanda petik" in msg and "Teks" in msg


def test_parse_nik_number_message_matches_the_sop_wording():
    assert (
        parse_nik(6171012345670000.0)[1]
        == "NIK tersimpan sebagai angka sehingga digit terakhir hilang; ketik ulang dengan tanda petik di"
        " depan "
        "('6171...) atau format kolom sebagai Teks."
    )


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        ("617105450890000", "15 digit"),
        ("61710545089000031", "17 digit"),
        ("6171O54508900003", "selain angka"),
        (12345.0, "5 digit"),
    ],
)
def test_parse_nik_wrong_length_or_letters(raw, hint):
    nik, code, msg = check_nik(raw)
    assert nik is None and code == "nik_bukan_16_digit" and hint in msg


def test_nik_messages_never_show_the_whole_number():
    _nik, _code, msg = check_nik("61710545089000031")
    assert "61710545089000031" not in msg and "6171" in msg


# ---------------------------------------------------------------- phone and e-mail
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("081234567890", "081234567890"),
        ("'081234567890", "081234567890"),
        ("0812-3456-7890", "081234567890"),
        ("+62 812 3456 7890", "081234567890"),
        ("+62 0812 3456 7890", "081234567890"),
        ("6281234567890", "081234567890"),
        (6281234567890.0, "081234567890"),  # a number with the country code lost nothing
        ("0561-734567", "0561734567"),
        ("(0561) 734567", "0561734567"),
        ("0812345678 / 0561734567", "0812345678, 0561734567"),
        ("+60 12 345 6789", "+60123456789"),
    ],
)
def test_parse_phone(raw, expected):
    assert parse_phone(raw) == (expected, None)


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        (81234567890.0, "angka 0 di depan hilang"),
        ("812345678901", "tidak diawali 0"),
        ("0812", "4 digit"),
        ("08123456789012", "14 digit"),
        ("0812-ABC-7890", "selain angka"),
        (True, "selain angka"),
    ],
)
def test_parse_phone_errors(raw, hint):
    value, msg = parse_phone(raw)
    assert value is None and hint in msg


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("yohana@gmail.com", "yohana@gmail.com"),
        ("Yohana.Sari@Kalbarprov.GO.ID", "Yohana.Sari@kalbarprov.go.id"),
        ("mailto:a_b+c@mail.co.id", "a_b+c@mail.co.id"),
        ("'x@y.id", "x@y.id"),
    ],
)
def test_parse_email(raw, expected):
    assert parse_email(raw) == (expected, None)


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        ("yohana@gmail,com", "koma"),
        ("yohana gmail.com", "spasi"),
        ("yohana.gmail.com", "tanda @"),
        ("a@@b.com", "lebih dari satu"),
        ("a@b", "belum lengkap"),
        ("a..b@c.com", "tidak sah"),
        ("a@b.c0m", "tidak sah"),
    ],
)
def test_parse_email_errors(raw, hint):
    value, msg = parse_email(raw)
    assert value is None and hint in msg


def test_email_message_masks_the_name_part():
    _value, msg = parse_email("yohana.sari@gmail,com")
    assert "yohana" not in msg and "gmail,com" in msg


# ---------------------------------------------------------------- never raise, whatever the cell holds
class Weird:
    def __str__(self):
        raise ValueError("boom")


RAW = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.from_regex(r"\s*'?[0-9+\-./ ,:()A-Za-z]{0,24}", fullmatch=True),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.decimals(allow_nan=False),
    st.just(Weird()),
    st.just(object()),
)
PARSERS = [
    parse_date,
    parse_datetime,
    parse_time,
    parse_int,
    parse_money,
    parse_nik,
    parse_phone,
    parse_email,
]


@settings(max_examples=300, deadline=None)
@given(RAW)
def test_parsers_never_raise_and_keep_their_contract(raw):
    for parser in PARSERS:
        value, msg = parser(raw)
        assert msg is None or (value is None and isinstance(msg, str) and msg)
    codes, msg = parse_pasal(raw)
    assert isinstance(codes, list) and (msg is None or isinstance(msg, str))
    assert isinstance(as_text(raw), str) and isinstance(mask_nik(raw), str)
    if is_empty(raw):
        assert all(parser(raw) == (None, None) for parser in PARSERS)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2200, 12, 31)))
def test_dates_round_trip_through_text_and_serial(day):
    """Text years are accepted from 1900 to 2200 (a typo like 202 or 20266 is reported)."""
    assert parse_date(day.strftime("%d/%m/%Y")) == (day, None)
    assert parse_date(day.isoformat()) == (day, None)
    serial = (day - date(1899, 12, 30)).days
    assert parse_date(float(serial)) == (day, None)
