"""Which days an export covers: a week, or a range of dates from the command line.

Weeks come from :mod:`cs_daily.figures.weeks` (labels, ISO and Sunday weeks),
so the export and the stats screen always agree on where a week begins. A
``--from``/``--to`` range is compared with the range of the same length just
before it, as a week is compared with the week before.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from cs_daily import figures
from cs_daily.dates import within_range
from cs_daily.errors import UsageError
from cs_daily.figures.weeks import MONDAY
from cs_daily.i18n import _


class ExportPeriod(NamedTuple):
    """The days an export covers, with the label used in headers and file names.

    ``week`` is set when the period is one of the agent's weeks; a range of
    dates is labelled ``2026-12-01_2026-12-09``.
    """

    first: date
    last: date
    label: str
    week: figures.Week | None = None

    @property
    def span(self) -> figures.Period:
        return figures.Period(self.first, self.last)

    @property
    def days(self) -> int:
        return self.span.length

    def previous(self) -> ExportPeriod:
        """The period the summary compares with: the one just before, as long."""
        if self.week is not None:
            return from_week(self.week.previous())
        span = self.span.previous()
        return date_range(span.first, span.last)


def from_week(week: figures.Week) -> ExportPeriod:
    return ExportPeriod(week.start, week.end, week.label, week)


def week_containing(day: date, week_start: str = MONDAY) -> ExportPeriod:
    """The agent's week holding ``day``, the default for ``cs-daily export``."""
    return from_week(figures.week_of(day, week_start))


def parse_week(text: str, week_start: str = MONDAY) -> ExportPeriod:
    """A week from ``--week`` (``2026-W49``, or any date in it); UsageError if bad."""
    return from_week(figures.parse_week(text, week_start))


def parse_date(text: str, option: str) -> date:
    """A calendar date written as YYYY-MM-DD, for ``--from`` and ``--to``."""
    try:
        return within_range(date.fromisoformat(text.strip()), text)
    except ValueError:
        raise UsageError(
            _("{option} '{text}' is not a date; write it like 2026-12-01.").format(
                option=option, text=text
            )
        ) from None


def date_range(first: date, last: date) -> ExportPeriod:
    """The days from ``first`` to ``last``; refused the wrong way round."""
    if first > last:
        raise UsageError(
            _("--from {first} is after --to {last}.").format(
                first=first.isoformat(), last=last.isoformat()
            )
        )
    label = f"{first.isoformat()}_{last.isoformat()}"
    return ExportPeriod(first, last, label)
