"""Monday (ISO) and Sunday weeks, their labels, and the week's score."""

from datetime import date

import pytest
from history_builders import day, good

from cs_daily.errors import UsageError
from cs_daily.figures.weeks import parse_week, week_figures, week_of, weekly_figures


def test_iso_week_53_runs_across_the_new_year():
    week = week_of(date(2027, 1, 3))
    assert week.label == "2026-W53"
    assert (week.start, week.end) == (date(2026, 12, 28), date(2027, 1, 3))
    assert week_of(date(2026, 12, 28)) == week


def test_sunday_weeks_start_on_sunday_and_are_labelled_by_that_date():
    week = week_of(date(2026, 12, 28), "sunday")
    assert (week.start, week.end) == (date(2026, 12, 27), date(2027, 1, 2))
    assert week.label == "2026-12-27"
    assert week_of(date(2026, 12, 27), "sunday") == week
    assert week_of(date(2027, 1, 3), "sunday").label == "2027-01-03"


def test_previous_and_next_keep_the_first_weekday():
    week = week_of(date(2026, 12, 30), "sunday")
    assert week.previous().label == "2026-12-20"
    assert week.next().label == "2027-01-03"
    assert week_of(date(2027, 1, 4)).previous().label == "2026-W53"


def test_parse_week_reads_iso_labels_and_dates():
    assert parse_week("2026-W53").start == date(2026, 12, 28)
    assert parse_week("2026-12-31").label == "2026-W53"
    assert parse_week("2026-12-31", "sunday").label == "2026-12-27"


@pytest.mark.parametrize(
    ("text", "week_start"),
    [("2027-W53", "monday"), ("last week", "monday"), ("2026-W53", "sunday")],
)
def test_parse_week_refuses_what_is_not_a_week(text, week_start):
    with pytest.raises(UsageError, match=text):
        parse_week(text, week_start)


def test_a_night_shift_on_sunday_belongs_to_the_week_it_started_in():
    # Sunday 2026-12-27 22:00 to Monday 06:00: work day Sunday, week W52.
    night = good("2026-12-27")
    w52 = week_figures([night], week_of(date(2026, 12, 27)))
    w53 = week_figures([night], week_of(date(2026, 12, 28)))
    assert (w52.week.label, w52.work_days) == ("2026-W52", 1)
    assert w53.work_days == 0


def test_week_score_is_the_mean_of_its_day_scores():
    history = [
        # Mon: prep 1.0, clear 40/40 = 1.0 -> score 1.0
        day("2026-12-28", {"prep": (1, 0, 0), "clear": (40, 0, 0)}),
        # Tue: prep 1.0, clear 0/2 = 0.0 -> score 0.5
        day("2026-12-29", {"prep": (1, 0, 0), "clear": (0, 2, 0)}),
        # Wed: a shift with nothing answered, no score
        day("2026-12-30"),
        # the following Monday, another week
        day("2027-01-04", {"prep": (0, 1, 0)}),
    ]
    figures = week_figures(history, week_of(date(2026, 12, 28)))

    # (1.0 + 0.5) / 2 = 0.75, however many chats each day had
    assert figures.score == 0.75
    assert (figures.work_days, figures.good_days, figures.shifts) == (3, 1, 3)


def test_an_empty_week_has_no_score():
    assert week_figures([], week_of(date(2026, 12, 28))).score is None


def test_weekly_figures_list_every_week_oldest_first():
    history = [good("2026-12-14"), good("2026-12-29")]
    weeks = weekly_figures(history, week_of(date(2026, 12, 29)), 3)
    assert [w.week.label for w in weeks] == ["2026-W51", "2026-W52", "2026-W53"]
    assert [w.score for w in weeks] == [1.0, None, 1.0]
