"""The trimmed Babel locales write every form exactly as Babel's own locales do."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from datetime import date, time
from typing import Any

import pytest
from babel import Locale
from babel.core import get_global
from babel.dates import format_date as babel_format_date
from babel.dates import format_time as babel_format_time
from babel.numbers import format_decimal, format_percent
from hypothesis import given
from hypothesis import strategies as st

from cs_daily import cldr, i18n

# Every date pattern cs_daily writes: the styles of i18n.format_date, and the
# weekday and month forms of format_weekday and format_month.
DATE_PATTERNS = sorted(
    {pattern for styles in i18n._DATE_PATTERNS.values() for pattern in styles.values()}
    | {"EEE", "EEEE", "LLLL y", "LLLL", "LLL"}
)


def plain(value: Any) -> Any:
    """Locale data with every alias resolved, as plain values, for comparing.

    Babel's parsed patterns have no equality of their own: their attributes
    stand in for them.
    """
    if isinstance(value, Mapping):
        return {key: plain(value[key]) for key in value}
    if hasattr(value, "__dict__"):
        return (type(value).__name__, vars(value))
    return value


def test_both_languages_inherit_straight_from_the_root_locale():
    parents = get_global("parent_exceptions")

    assert set(i18n.LANGUAGES) <= set(cldr.ROOT_CHILDREN)
    for name in cldr.ROOT_CHILDREN:
        assert "_" not in name
        assert name not in parents


@pytest.mark.parametrize("language", cldr.ROOT_CHILDREN)
@pytest.mark.parametrize("key", cldr.FORMAT_KEYS)
def test_the_kept_data_is_babels_own(language: str, key: str):
    trimmed = cldr.format_locale(language)._data[key]

    assert plain(trimmed) == plain(Locale.parse(language)._data[key])


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_form_cs_daily_writes_needs_only_the_kept_data(
    monkeypatch: pytest.MonkeyPatch, language: str
):
    def missing(self: Any, key: Any) -> Any:
        raise AssertionError(f"formatting read {key!r}, not in FORMAT_KEYS")

    monkeypatch.setattr(cldr._FormatData, "__missing__", missing)
    monkeypatch.setattr(i18n, "_babel_locales", {})
    i18n.set_language(language)

    for month in range(1, 13):
        day = date(2026, month, month + 14)
        for style in ("full", "long", "medium", "short"):
            i18n.format_date(day, style)
        i18n.format_weekday(day)
        i18n.format_weekday(day, short=False)
        i18n.format_month(day)
        i18n.format_month(day, with_year=False)
        i18n.format_month(day, short=True)
        i18n.format_month(day, with_year=False, short=True)
        i18n.format_time(time(month * 2 - 1, month))
    for rate in (0.0, 0.835, 1.0):
        i18n.format_percent(rate)
        i18n.format_percent(rate, decimals=1)
    for number in (0, 7, 1234.5, 12345678):
        i18n.format_number(number)


@given(
    day=st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    moment=st.times(),
    number=st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    language=st.sampled_from(cldr.ROOT_CHILDREN),
)
def test_forms_read_the_same_as_with_babels_own_locale(
    day: date, moment: time, number: float, language: str
):
    trimmed, full = cldr.format_locale(language), Locale.parse(language)

    for pattern in DATE_PATTERNS:
        assert babel_format_date(day, pattern, locale=trimmed) == babel_format_date(
            day, pattern, locale=full
        )
    assert babel_format_time(moment, "short", locale=trimmed) == babel_format_time(
        moment, "short", locale=full
    )
    assert format_decimal(number, locale=trimmed) == format_decimal(number, locale=full)
    assert format_percent(number, locale=trimmed) == format_percent(number, locale=full)


@pytest.mark.parametrize("language", cldr.ROOT_CHILDREN)
def test_data_outside_the_kept_parts_is_still_babels(language: str):
    trimmed, full = cldr.format_locale(language), Locale.parse(language)
    day = date(2026, 12, 7)

    assert trimmed.territories["ID"] == full.territories["ID"]
    assert trimmed.currency_symbols["IDR"] == full.currency_symbols["IDR"]
    for style in ("full", "long", "medium", "short"):
        assert babel_format_date(day, style, locale=trimmed) == babel_format_date(
            day, style, locale=full
        )


def test_another_locale_is_babels_own():
    assert type(cldr.format_locale("de")) is Locale


def test_the_first_date_written_keeps_little_memory():
    # Babel's own Indonesian locale keeps about 3.4 MiB of Python objects
    # (traced) after the first date; the trimmed one about 0.3 MiB. A fresh
    # interpreter, since this test process may hold Babel's data already.
    probe = (
        "import tracemalloc; from datetime import date; "
        "import babel.dates, babel.numbers; from cs_daily import i18n; "
        "i18n.set_language('id'); tracemalloc.start(); "
        "i18n.format_date(date(2026, 12, 7), 'full'); i18n.format_percent(0.5); "
        "print(*tracemalloc.get_traced_memory())"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    kept, peak = (int(n) / 2**20 for n in result.stdout.split())

    assert kept < 1.0
    assert peak < 1.5
