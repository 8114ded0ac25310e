"""Weeks: which week a work day belongs to, its label, and the week's score.

Weeks start on Monday (ISO 8601) unless the agent chooses Sunday. A Monday
week is labelled the ISO way, ``2026-W53`` for 2026-12-28 to 2027-01-03. A
Sunday week has no standard number, so it is labelled by the date of the
Sunday it starts on, ``2026-12-27`` for 2026-12-27 to 2027-01-02.

A week's score is the mean of its work days' scores: the week reads as the
average of the days the agent saw, and a busy day weighs no more than a
quiet one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from cs_daily.dates import within_range, year_within_range
from cs_daily.errors import UsageError
from cs_daily.figures.days import Period, day_figures, work_days
from cs_daily.figures.rates import weighted_mean
from cs_daily.i18n import _
from cs_daily.model import DayCounts

MONDAY = "monday"
SUNDAY = "sunday"
WEEK_STARTS = (MONDAY, SUNDAY)

_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Week(NamedTuple):
    """Seven days from ``start`` to ``end`` with the label the agent sees."""

    start: date
    end: date
    label: str

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)

    def previous(self) -> Week:
        """The week before this one, on the same first weekday."""
        return _week_starting(self.start - timedelta(days=7), self._week_start)

    def next(self) -> Week:
        """The week after this one, on the same first weekday."""
        return _week_starting(self.start + timedelta(days=7), self._week_start)

    @property
    def _week_start(self) -> str:
        return MONDAY if self.start.weekday() == 0 else SUNDAY


def week_of(day: date, week_start: str = MONDAY) -> Week:
    """The week ``day`` falls in, for weeks beginning on ``week_start``."""
    _check_week_start(week_start)
    offset = day.weekday() if week_start == MONDAY else (day.weekday() + 1) % 7
    return _week_starting(day - timedelta(days=offset), week_start)


def parse_week(text: str, week_start: str = MONDAY) -> Week:
    """The week named by ``text``: an ISO label (``2026-W53``) or any date in it.

    An ISO label names a Monday week, so it is refused when weeks start on
    Sunday; a date works for both and picks the week that contains it.
    """
    _check_week_start(week_start)
    text = text.strip()

    match = _ISO_WEEK.match(text)
    if match and week_start == MONDAY:
        year = year_within_range(int(match.group(1)), text)
        return _iso_week(year, int(match.group(2)), text)

    if _ISO_DATE.match(text):
        try:
            day = date.fromisoformat(text)
        except ValueError:
            day = None
        if day is not None:
            return week_of(within_range(day, text), week_start)

    raise UsageError(
        _(
            "'{text}' is not a week: give an ISO week such as 2026-W53 "
            "(Monday weeks) or a date such as 2026-12-27."
        ).format(text=text)
    )


def _iso_week(year: int, number: int, text: str) -> Week:
    try:
        monday = date.fromisocalendar(year, number, 1)
    except ValueError as error:
        raise UsageError(
            _("'{text}' is not a week of year {year}.").format(text=text, year=year)
        ) from error
    return _week_starting(monday, MONDAY)


def _week_starting(start: date, week_start: str) -> Week:
    return Week(start=start, end=start + timedelta(days=6), label=week_label(start))


def week_label(start: date) -> str:
    """``2026-W53`` for a Monday week, the Sunday's date for a Sunday week."""
    if start.weekday() == 0:
        year, number, _weekday = start.isocalendar()
        return f"{year}-W{number:02d}"
    return start.isoformat()


def _check_week_start(week_start: str) -> None:
    if week_start not in WEEK_STARTS:
        raise ValueError(f"weeks start on monday or sunday, not {week_start!r}")


class WeekFigures(NamedTuple):
    """A week's score and the numbers a team lead reads next to it."""

    week: Week
    score: float | None
    work_days: int
    good_days: int
    shifts: int
    interactions: int
    critical_misses: int


def week_figures(days: Iterable[DayCounts], week: Week) -> WeekFigures:
    """The figures of ``week``: the mean of its work days' scores and its totals."""
    figures = [day_figures(d) for d in work_days(week.period.select(days))]
    return WeekFigures(
        week=week,
        score=weighted_mean((f.score, 1.0) for f in figures if f.score is not None),
        work_days=len(figures),
        good_days=sum(f.good for f in figures),
        shifts=sum(f.shifts for f in figures),
        interactions=sum(f.interactions for f in figures),
        critical_misses=sum(f.critical_misses for f in figures),
    )


def weekly_figures(
    days: Iterable[DayCounts], last: Week, count: int
) -> list[WeekFigures]:
    """The ``count`` weeks ending with ``last``, oldest first, empty weeks included."""
    ordered = work_days(days)
    dates = [day.work_day for day in ordered]
    weeks = [last]
    while len(weeks) < count:
        weeks.append(weeks[-1].previous())

    # Each week is a slice of the sorted history, found by bisection rather
    # than by filtering years of days once per week shown.
    return [
        week_figures(
            ordered[bisect_left(dates, week.start) : bisect_right(dates, week.end)],
            week,
        )
        for week in reversed(weeks)
    ]
