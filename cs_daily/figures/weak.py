"""Weak areas and the most improved item: where practice slips, and where it grew.

Both compare an item's rate over a window with the window of the same length
just before it. An item needs enough answers in a window (``MINIMUM_ANSWERED``)
before its rate means anything; with fewer, it is neither weak nor improved,
and no change is claimed for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from cs_daily.figures.days import Period
from cs_daily.figures.rates import item_totals, rate
from cs_daily.model import DayCounts, ItemCount

MINIMUM_ANSWERED = 5


class WeakArea(NamedTuple):
    """An item with a low rate in a window, with the counts behind it.

    ``missed`` and ``answered`` give "missed 7 of 31"; ``change`` is the rate
    minus the previous window's rate, ``None`` when that window had too few
    answers to compare with.
    """

    item_id: str
    done: int
    missed: int
    answered: int
    rate: float
    previous_rate: float | None
    change: float | None


def weak_areas(
    days: Iterable[DayCounts],
    as_of: date,
    window: int,
    *,
    minimum: int = MINIMUM_ANSWERED,
    limit: int | None = 3,
) -> list[WeakArea]:
    """The items with the lowest rate over the ``window`` days ending at ``as_of``.

    Only items missed at least once qualify: an item kept every time is not a
    weak area, however low the others are. Ties go to the item missed more.
    """
    days = list(days)
    current = Period.ending(as_of, window)
    now = _rated(item_totals(current.select(days)), minimum)
    before = _rated(item_totals(current.previous().select(days)), minimum)

    areas = [
        _weak_area(item_id, count, before.get(item_id))
        for item_id, count in now.items()
        if count.missed > 0
    ]
    areas.sort(key=lambda a: (a.rate, -a.missed, a.item_id))
    return areas if limit is None else areas[:limit]


def _rated(totals: dict[str, ItemCount], minimum: int) -> dict[str, ItemCount]:
    """The totals with enough answers for their rate to mean something."""
    return {i: c for i, c in totals.items() if c.answered >= max(minimum, 1)}


def _weak_area(item_id: str, count: ItemCount, before: ItemCount | None) -> WeakArea:
    now_rate = rate(count)
    before_rate = None if before is None else rate(before)
    assert now_rate is not None
    return WeakArea(
        item_id=item_id,
        done=count.done,
        missed=count.missed,
        answered=count.answered,
        rate=now_rate,
        previous_rate=before_rate,
        change=None if before_rate is None else now_rate - before_rate,
    )


class Improvement(NamedTuple):
    """The item whose rate rose the most from one period to the next."""

    item_id: str
    rate: float
    previous_rate: float
    change: float
    answered: int
    previous_answered: int


def most_improved(
    days: Iterable[DayCounts],
    current: Period,
    previous: Period,
    *,
    minimum: int = MINIMUM_ANSWERED,
) -> Improvement | None:
    """The item with the largest rise in rate; ``None`` when nothing rose.

    Both periods need ``minimum`` answers for the item. Ties go to the item
    with more answers now, then to the item id, so the answer is stable.
    """
    days = list(days)
    now = _rated(item_totals(current.select(days)), minimum)
    before = _rated(item_totals(previous.select(days)), minimum)

    candidates = []
    for item_id in now.keys() & before.keys():
        now_rate, before_rate = rate(now[item_id]), rate(before[item_id])
        assert now_rate is not None and before_rate is not None
        if now_rate > before_rate:
            candidates.append(
                Improvement(
                    item_id=item_id,
                    rate=now_rate,
                    previous_rate=before_rate,
                    change=now_rate - before_rate,
                    answered=now[item_id].answered,
                    previous_answered=before[item_id].answered,
                )
            )

    candidates.sort(key=lambda i: (-i.change, -i.answered, i.item_id))
    return candidates[0] if candidates else None
