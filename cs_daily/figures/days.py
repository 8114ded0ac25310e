"""One work day's figures: its score, whether it was good, its critical misses.

A day's score is the mean of the rates of the items answered that day, each
item once and weighted by its ``weight``, so forty chats do not drown the four
preparation items. A good day reaches the target with no missed critical
item; a critical miss is flagged and counted but leaves the score alone.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable
from datetime import date, timedelta
from functools import partial
from typing import NamedTuple

from cs_daily.model import DayCounts

# A score this close below the target still reaches it: the difference can
# only come from floating-point rounding of rates such as 7/10.
ROUNDING_SLACK = 1e-9


def day_score(day: DayCounts) -> float | None:
    """The weighted mean of the day's item rates; ``None`` if nothing was answered."""
    return day_figures(day).score


def critical_misses(day: DayCounts) -> int:
    """How many times a critical item was answered ``missed`` that day."""
    return day_figures(day).critical_misses


def reaches_target(score: float | None, target: float) -> bool:
    """True when a score is at or above the target (rounding noise ignored)."""
    return score is not None and score >= target - ROUNDING_SLACK


def is_good_day(day: DayCounts) -> bool:
    """Score at or above the day's target and no missed critical item."""
    return day_figures(day).good


def is_work_day(day: DayCounts) -> bool:
    """A day with at least one shift; any other day is a day off."""
    return day.shifts > 0


def work_days(days: Iterable[DayCounts]) -> list[DayCounts]:
    """The days that had a shift, oldest first."""
    return sorted((d for d in days if is_work_day(d)), key=lambda d: d.work_day)


class DayFigures(NamedTuple):
    """What the calendar, the streaks and the headline show about one work day."""

    work_day: date
    score: float | None
    good: bool
    critical_misses: int
    target: float
    shifts: int
    interactions: int
    open_shift: bool


# Each counted day is judged once: the streaks, the weeks, the calendar and
# the headline all ask about the same days again and again. The store hands
# out read-only days and a fresh object for a day a write touched, so a day
# object's figures never change; the entry goes when the day object does.
_JUDGED: dict[int, tuple[weakref.ref[DayCounts], DayFigures]] = {}


def day_figures(day: DayCounts) -> DayFigures:
    """Score, verdict and volume of one work day."""
    key = id(day)
    known = _JUDGED.get(key)
    if known is not None and known[0]() is day:
        return known[1]

    figures = _judge(day)
    _JUDGED[key] = (weakref.ref(day, partial(_forget, key)), figures)
    return figures


def _forget(key: int, _gone: object) -> None:
    _JUDGED.pop(key, None)


def _judge(day: DayCounts) -> DayFigures:
    """One pass over the day's items for the score and the critical misses.

    The score is :func:`weighted_mean` of ``(rate, weight)`` pairs, summed in
    the same order with the same products, so it is exactly the same number.
    """
    meta = day.meta.get
    products: list[float] = []
    weights: list[float] = []
    misses = 0
    for item_id, count in day.items.items():
        item = meta(item_id)
        answered = count.done + count.missed
        if answered:
            weight = 1.0 if item is None else item.weight
            products.append(count.done / answered * weight)
            weights.append(weight)
        if item is not None and item.critical:
            misses += count.missed

    total_weight = math.fsum(weights)
    score = math.fsum(products) / total_weight if total_weight > 0 else None
    return DayFigures(
        work_day=day.work_day,
        score=score,
        good=reaches_target(score, day.target) and misses == 0,
        critical_misses=misses,
        target=day.target,
        shifts=day.shifts,
        interactions=sum(day.interactions_by_channel.values()),
        open_shift=day.open_shift,
    )


class Period(NamedTuple):
    """A run of calendar days, both ends included."""

    first: date
    last: date

    @classmethod
    def ending(cls, last: date, length: int) -> Period:
        """The ``length`` days that end on ``last``, ``last`` included."""
        if length < 1:
            raise ValueError("a period lasts at least one day")
        return cls(first=last - timedelta(days=length - 1), last=last)

    @property
    def length(self) -> int:
        """How many calendar days the period covers."""
        return (self.last - self.first).days + 1

    def previous(self) -> Period:
        """The period of the same length that ends the day before this one."""
        return Period.ending(self.first - timedelta(days=1), self.length)

    def contains(self, day: date) -> bool:
        return self.first <= day <= self.last

    def select(self, days: Iterable[DayCounts]) -> list[DayCounts]:
        """The counted days whose work day falls inside the period."""
        first, last = self.first, self.last
        return [d for d in days if first <= d.work_day <= last]
