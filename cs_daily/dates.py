"""The calendar cs-daily works in, so no date the agent types can overflow.

Figures step back whole windows from the date asked for (the week before,
the 30 days before), and Python's dates end at year 1 and year 9999. Dates
typed on the command line are held to a range wide enough for any working
life, and anything outside it gets a sentence instead of a traceback.
"""

from __future__ import annotations

from datetime import date

from cs_daily.errors import UsageError
from cs_daily.i18n import _

EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)
MOST_DAYS = (LATEST - EARLIEST).days


def within_range(day: date, given: str) -> date:
    """``day`` itself, or a UsageError naming what the agent typed."""
    if EARLIEST <= day <= LATEST:
        return day
    raise _outside(given)


def year_within_range(year: int, given: str) -> int:
    """``year`` itself, or the same refusal as :func:`within_range`."""
    if EARLIEST.year <= year <= LATEST.year:
        return year
    raise _outside(given)


def _outside(given: str) -> UsageError:
    return UsageError(
        _(
            "'{given}' is outside the dates cs-daily works with ({first} to {last})."
        ).format(given=given, first=EARLIEST.isoformat(), last=LATEST.isoformat())
    )
