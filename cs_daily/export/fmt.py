"""Numbers as the summary writes them: rates with their counts, changes in points.

Percentages come from :func:`cs_daily.i18n.format_percent`, which cuts rather
than rounds; a change is the difference of the two whole percentages shown,
so "84% against 78%" always reads "+6 pts", never a puzzling "+7".
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from cs_daily.i18n import NO_VALUE, _, format_percent
from cs_daily.model import ItemCount


def percent(rate: float | None) -> str:
    """ "84%", or "–" when nothing was answered."""
    return format_percent(rate)


def whole_percent(rate: float) -> int:
    """The whole percentage :func:`percent` shows for ``rate``."""
    return int((Decimal(repr(rate)) * 100).to_integral_value(rounding=ROUND_DOWN))


def rate_with_counts(rate: float | None, counts: ItemCount) -> str:
    """ "84% (41/49)": the rate and the done and answered counts behind it."""
    if rate is None or counts.answered == 0:
        return NO_VALUE
    return _("{rate} ({done}/{answered})").format(
        rate=percent(rate), done=counts.done, answered=counts.answered
    )


def change(now: float | None, before: float | None) -> str:
    """ "+6 pts", "-3 pts" or "±0 pts"; "–" when either side has no rate."""
    if now is None or before is None:
        return NO_VALUE
    points = whole_percent(now) - whole_percent(before)
    sign = "+" if points > 0 else "±" if points == 0 else "-"
    return _("{sign}{points} pts").format(sign=sign, points=abs(points))


def done_of(counts: ItemCount) -> str:
    """ "41/49": done of answered, the counts behind a score."""
    return f"{counts.done}/{counts.answered}"
