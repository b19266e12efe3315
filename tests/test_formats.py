from datetime import date

import pytest

from khoidesktop.i18n import format_date, format_long_date, format_number, format_percent, parse_date


def test_dates_are_day_month_year():
    assert format_date(date(2026, 9, 2)) == "02/09/2026"
    assert format_date(None) == ""
    assert format_long_date(date(2026, 11, 22)) == "ngày 22 tháng 11 năm 2026"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("05/09/1985", date(1985, 9, 5)),
        ("5/9/1985", date(1985, 9, 5)),
        (" 29-02-2024 ", date(2024, 2, 29)),
        ("01.01.2000", date(2000, 1, 1)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text, words",
    [
        ("31/02/2025", "không phải là ngày có thật"),
        ("1985-09-05x", "dạng ngày/tháng/năm"),
        ("05/09/85", "dạng ngày/tháng/năm"),
        ("", "dạng ngày/tháng/năm"),
    ],
)
def test_wrong_dates_get_a_vietnamese_message(text, words):
    with pytest.raises(ValueError, match=words):
        parse_date(text)


def test_numbers_and_percentages_in_vietnamese_format():
    assert format_number(1234.5) == "1.234,5"
    assert format_number(4999) == "4.999"
    assert format_number(2.0, 2) == "2,00"
    assert format_percent(66, 250) == "26,40%"
    assert format_percent(305, 450) == "67,78%"
    assert format_percent(1, 3) == "33,33%"
    assert format_percent(0, 0) == "0,00%"
    assert format_number(-1234567.25, 1) == "-1.234.567,3"
    assert format_number(85) == "85" and format_number(1_000_000) == "1.000.000"


def test_numbers_without_decimals_asked_show_at_most_three():
    """The pattern of Vietnamese in CLDR ("#,##0.###"), as babel gave it: trailing zeros dropped."""
    assert format_number(1 / 3) == "0,333"
    assert format_number(2.0) == "2"
    assert format_number(12345.6785) == "12.345,678"  # a tie to the even digit, without decimals asked


def test_long_dates_pad_the_day_and_only_the_first_two_months():
    assert format_long_date(date(2026, 9, 5)) == "ngày 05 tháng 9 năm 2026"
    assert format_long_date(date(2026, 2, 15)) == "ngày 15 tháng 02 năm 2026"
    assert format_long_date(date(2026, 1, 1)) == "ngày 01 tháng 01 năm 2026"


def test_ties_round_half_up_as_in_excel():
    assert format_percent(1, 800) == "0,13%"  # 0,125
    assert format_number(2.5, 0) == "3"
    assert format_number(0.005, 2) == "0,01"
