"""Which days an export covers: week 53, Sunday weeks, night shifts, bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cs_daily.errors import EXIT_BAD_INPUT, UsageError
from cs_daily.export import summarise
from cs_daily.export.period import date_range, parse_date, parse_week, week_containing
from cs_daily.model import Checklist
from cs_daily.settings import Settings
from cs_daily.store import Store


def test_iso_week_53_runs_into_the_next_year() -> None:
    week = parse_week("2026-W53")
    assert (week.first, week.last, week.label) == (
        date(2026, 12, 28),
        date(2027, 1, 3),
        "2026-W53",
    )
    assert week.previous().label == "2026-W52"
    assert week_containing(date(2027, 1, 3)).label == "2026-W53"


def test_the_week_before_week_1_is_in_the_year_before() -> None:
    assert parse_week("2027-W01").previous().label == "2026-W53"


@pytest.mark.parametrize("text", ["2026-W54", "2025-W53", "2026-W00", "abc", ""])
def test_malformed_weeks_are_refused_for_bad_input(text: str) -> None:
    with pytest.raises(UsageError) as raised:
        parse_week(text)
    assert raised.value.exit_code == EXIT_BAD_INPUT


def test_sunday_weeks_start_on_sunday() -> None:
    week = week_containing(date(2026, 12, 7), "sunday")
    assert (week.first, week.last) == (date(2026, 12, 6), date(2026, 12, 12))
    assert week.previous().first == date(2026, 11, 29)


def test_from_after_to_is_refused() -> None:
    with pytest.raises(UsageError) as raised:
        date_range(date(2026, 12, 5), date(2026, 12, 1))
    assert raised.value.exit_code == EXIT_BAD_INPUT


def test_a_bad_date_names_the_option() -> None:
    with pytest.raises(UsageError, match="--from"):
        parse_date("2026-13-01", "--from")


def _work_days(db: Path, checklist: Checklist, week: str, start: str) -> list[date]:
    with Store.open(db, readonly=True) as store:
        summary = summarise(
            store, checklist, Settings(week_start=start), parse_week(week, start)
        )
    return [row.work_day for row in summary.days]


def test_sunday_night_shift_belongs_to_the_sunday(
    history_db: Path, checklist: Checklist
) -> None:
    """It runs 22:00 Sunday to 06:00 Monday, and counts only for the Sunday."""
    sunday, monday = date(2026, 12, 6), date(2026, 12, 7)
    assert sunday in _work_days(history_db, checklist, "2026-W49", "monday")
    assert _work_days(history_db, checklist, "2026-W50", "monday") == []

    sunday_week = _work_days(history_db, checklist, "2026-12-06", "sunday")
    assert sunday_week == [sunday]
    assert monday not in _work_days(history_db, checklist, "2026-11-30", "sunday")


def test_sunday_week_ticks_carry_the_sunday_week_label(
    history_db: Path, checklist: Checklist
) -> None:
    with Store.open(history_db, readonly=True) as store:
        summary = summarise(
            store,
            checklist,
            Settings(week_start="sunday"),
            parse_week("2026-12-06", "sunday"),
        )
    assert {tick.week for tick in summary.ticks} == {"2026-12-06"}
    assert summary.previous.label == "2026-11-29"


def test_an_empty_week_is_a_summary_not_an_error(
    history_db: Path, checklist: Checklist
) -> None:
    with Store.open(history_db, readonly=True) as store:
        summary = summarise(store, checklist, Settings(), parse_week("2026-W53"))
    assert summary.is_empty
    assert summary.ticks == () and summary.days == ()
    assert summary.headline.score is None


def test_a_shift_in_january_can_belong_to_week_53(
    tmp_path: Path, checklist: Checklist
) -> None:
    from tests.export.history import Contact, ShiftPlan, at, log_shift

    db = tmp_path / "w53.sqlite3"
    with Store.open(db) as store:
        log_shift(
            store,
            checklist,
            ShiftPlan(at("2027-01-02", "09:00"), contacts=(Contact("phone"),)),
        )
        summary = summarise(store, checklist, Settings(), parse_week("2026-W53"))

    assert [row.work_day for row in summary.days] == [date(2027, 1, 2)]
    assert {tick.week for tick in summary.ticks} == {"2026-W53"}


def test_a_week_of_one_shift_is_counted_in_the_singular(
    tmp_path: Path, checklist: Checklist
) -> None:
    from cs_daily.export import render
    from tests.export.history import Contact, ShiftPlan, at, log_shift

    with Store.open(tmp_path / "one.sqlite3") as store:
        log_shift(
            store,
            checklist,
            ShiftPlan(at("2026-12-01", "09:00"), contacts=(Contact("phone"),)),
        )
        summary = summarise(store, checklist, Settings(), parse_week("2026-W49"))
    text = render(summary, "md").decode("utf-8")

    assert " of 1 work day (target" in text
    assert "Full preparation on 1 of 1 shift." in text
    assert "| 1 of 1 shift |" in text
