"""The few phrases every view of the figures shares: "missed 7 of 31", "+7 pts".

The stats screen, the stats command and the exports word the same numbers the
same way, so an agent reading the screen and a team lead reading the export
never see two wordings of one figure. Rates themselves are written by
:func:`cs_daily.i18n.format_percent`; this module only adds the phrases around
them.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from typing import TYPE_CHECKING

from cs_daily.i18n import NO_VALUE, _, format_number, format_percent, ngettext

if TYPE_CHECKING:
    from cs_daily.figures.stats import Stats


def change_in_points(now: float | None, before: float | None) -> str:
    """The change from ``before`` to ``now`` in percentage points: "+7 pts".

    It is the difference of the two whole percentages shown beside it, which
    are cut rather than rounded, so "84% against 78%" always reads "+6 pts",
    never a puzzling "+7", on the screen and in the exports alike. "–" when
    either side has no rate to compare.
    """
    if now is None or before is None:
        return NO_VALUE

    points = whole_percent(now) - whole_percent(before)
    if points > 0:
        sign = "+"
    elif points < 0:
        sign = "-"
    else:
        sign = "±"
    return _("{sign}{points} pts").format(sign=sign, points=format_number(abs(points)))


def whole_percent(rate: float) -> int:
    """The whole percentage :func:`cs_daily.i18n.format_percent` shows for ``rate``."""
    return int((Decimal(repr(rate)) * 100).to_integral_value(rounding=ROUND_DOWN))


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
