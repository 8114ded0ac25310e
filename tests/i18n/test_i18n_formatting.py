"""Dates, numbers and percentages are written the way each language writes them."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_daily.i18n import (
    NO_VALUE,
    format_date,
    format_month,
    format_number,
    format_percent,
    format_time,
    format_weekday,
    set_language,
)

MONDAY_IN_DECEMBER = date(2026, 12, 7)


def test_a_monday_in_december_as_indonesians_write_it():
    set_language("id")

    assert format_date(MONDAY_IN_DECEMBER, "full") == "Senin, 7 Desember 2026"
    assert format_date(MONDAY_IN_DECEMBER, "long") == "7 Desember 2026"
    assert format_date(MONDAY_IN_DECEMBER, "medium") == "7 Des 2026"
    assert format_date(MONDAY_IN_DECEMBER, "short") == "Sen 07/12"


def test_the_same_monday_in_english():
    set_language("en")

    assert format_date(MONDAY_IN_DECEMBER, "full") == "Monday, December 7, 2026"
    assert format_date(MONDAY_IN_DECEMBER, "medium") == "Dec 7, 2026"
    assert format_date(MONDAY_IN_DECEMBER, "short") == "Mon 12/07"


def test_a_datetime_is_written_as_its_own_calendar_date():
    set_language("id")
    late = datetime(2026, 12, 7, 23, 30, tzinfo=UTC)

    assert format_date(late, "long") == "7 Desember 2026"


@pytest.mark.parametrize(
    ("language", "short", "full"),
    [("id", "Sen", "Senin"), ("en", "Mon", "Monday")],
)
def test_weekdays(language: str, short: str, full: str):
    set_language(language)

    assert format_weekday(MONDAY_IN_DECEMBER) == short
    assert format_weekday(MONDAY_IN_DECEMBER, short=False) == full


def test_indonesian_weekdays_all_week():
    set_language("id")
    week = [date(2026, 12, 7 + offset) for offset in range(7)]

    assert [format_weekday(day, short=False) for day in week] == [
        "Senin",
        "Selasa",
        "Rabu",
        "Kamis",
        "Jumat",
        "Sabtu",
        "Minggu",
    ]


@pytest.mark.parametrize(
    ("language", "with_year", "without"),
    [("id", "Desember 2026", "Desember"), ("en", "December 2026", "December")],
)
def test_months(language: str, with_year: str, without: str):
    set_language(language)

    assert format_month(MONDAY_IN_DECEMBER) == with_year
    assert format_month(MONDAY_IN_DECEMBER, with_year=False) == without


@pytest.mark.parametrize(
    ("language", "with_year", "without"),
    [("id", "Des 2026", "Des"), ("en", "Dec 2026", "Dec")],
)
def test_short_months(language: str, with_year: str, without: str):
    set_language(language)

    assert format_month(MONDAY_IN_DECEMBER, short=True) == with_year
    assert format_month(MONDAY_IN_DECEMBER, with_year=False, short=True) == without


def test_indonesian_percentages_use_a_decimal_comma():
    set_language("id")

    assert format_percent(0.835) == "83%"
    assert format_percent(0.835, decimals=1) == "83,5%"


def test_english_percentages_use_a_decimal_point():
    set_language("en")

    assert format_percent(0.835, decimals=1) == "83.5%"
    assert format_percent(1.0) == "100%"


@pytest.mark.parametrize("language", ["id", "en"])
def test_nothing_answered_is_a_dash_not_a_number(language: str):
    set_language(language)

    assert format_percent(None) == NO_VALUE == "–"


def test_a_missed_target_is_never_shown_as_reached():
    set_language("en")

    assert format_percent(0.7996) == "79%"
    assert format_percent(0.999) == "99%"
    assert format_percent(0.29) == "29%"


@given(st.floats(min_value=0, max_value=1))
def test_the_percentage_shown_is_the_rate_cut_to_whole_percent(rate: float):
    set_language("en")

    shown = Decimal(format_percent(rate).rstrip("%"))

    assert shown <= Decimal(repr(rate)) * 100 < shown + 1


def test_numbers_use_each_languages_separators():
    set_language("id")
    assert format_number(12345) == "12.345"
    assert format_number(1234.5) == "1.234,5"

    set_language("en")
    assert format_number(12345) == "12,345"


def test_times():
    set_language("id")
    assert format_time(time(22, 5)) == "22.05"

    set_language("en")
    # CLDR puts a narrow no-break space before "PM".
    assert format_time(datetime(2026, 12, 7, 22, 5, tzinfo=UTC)) == "10:05\u202fPM"
