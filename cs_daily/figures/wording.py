"""The few phrases every view of the figures shares: "missed 7 of 31", "+7 pts".

The stats screen, the stats command and the exports word the same numbers the
same way, so an agent reading the screen and a team lead reading the export
never see two wordings of one figure. Rates themselves are written by
:func:`cs_daily.i18n.format_percent`; this module only adds the phrases around
them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cs_daily.i18n import NO_VALUE, _, format_number, format_percent, ngettext

if TYPE_CHECKING:
    from cs_daily.figures.stats import Stats


def change_in_points(change: float | None) -> str:
    """A change between two rates in percentage points: "+7 pts", "-12 pts".

    Rounded to whole points, like the percentages shown beside it; ``None``
    (nothing to compare with) is "–".
    """
    if change is None:
        return NO_VALUE

    points = round(change * 100)
    if points > 0:
        sign = "+"
    elif points < 0:
        sign = "-"
    else:
        sign = "±"
    return _("{sign}{points} pts").format(sign=sign, points=format_number(abs(points)))


def missed_of(missed: int, answered: int) -> str:
    """ "missed 7 of 31": how often an item slipped, out of its answers."""
    return _("missed {missed} of {answered}").format(
        missed=format_number(missed), answered=format_number(answered)
    )


def good_days(count: int) -> str:
    """ "3 good days", the unit of a streak."""
    return ngettext("{count} good day", "{count} good days", count).format(
        count=format_number(count)
    )


def work_days(count: int) -> str:
    """ "5 work days"."""
    return ngettext("{count} work day", "{count} work days", count).format(
        count=format_number(count)
    )


def category_rows(stats: Stats) -> list[tuple[str, str, str]]:
    """Category, score and "missed 7 of 31", as the screen and the command show them."""
    return [
        (
            stats.labels.category(category.category),
            format_percent(category.score),
            missed_of(category.missed, category.done + category.missed),
        )
        for category in stats.categories
    ]


def channel_rows(stats: Stats) -> list[tuple[str, str, str]]:
    """Channel, interactions and score, as the screen and the command show them."""
    return [
        (
            stats.labels.channel(channel.channel),
            format_number(channel.interactions),
            format_percent(channel.score),
        )
        for channel in stats.channels
    ]
