"""Numbers as the summary writes them: rates with the counts behind them.

Percentages come from :func:`cs_daily.i18n.format_percent`, which cuts rather
than rounds; changes in points from
:func:`cs_daily.figures.wording.change_in_points`, as on the screen.
"""

from __future__ import annotations

from cs_daily.i18n import NO_VALUE, _, format_percent
from cs_daily.model import ItemCount


def percent(rate: float | None) -> str:
    """ "84%", or "–" when nothing was answered."""
    return format_percent(rate)


def rate_with_counts(rate: float | None, counts: ItemCount) -> str:
    """ "84% (41/49)": the rate and the done and answered counts behind it."""
    if rate is None or counts.answered == 0:
        return NO_VALUE
    return _("{rate} ({done}/{answered})").format(
        rate=percent(rate), done=counts.done, answered=counts.answered
    )


def done_of(counts: ItemCount) -> str:
    """ "41/49": done of answered, the counts behind a score."""
    return f"{counts.done}/{counts.answered}"
