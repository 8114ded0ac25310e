"""Streaks: runs of good work days, and each item's run of days without a miss.

Days with no shift are days off: they are simply not in the run, so they
neither extend nor break it. The latest work day is special while its shift
is still open: it joins the run as soon as it is good, and until then it is
left out rather than counted as a break, since the agent can still get there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import NamedTuple

from cs_daily.figures.days import is_good_day, work_days
from cs_daily.model import DayCounts


class Run(NamedTuple):
    """A row of yes-or-no days folded down to the two numbers a streak needs.

    ``best`` is the longest stretch of yes so far and ``trailing`` the one
    that ends the row, which is all that later days can extend.
    """

    best: int = 0
    trailing: int = 0

    def then(self, flags: Iterable[bool]) -> Run:
        """This run followed by ``flags``, oldest first."""
        best, run = self.best, self.trailing
        for flag in flags:
            run = run + 1 if flag else 0
            if run > best:
                best = run
        return Run(best=best, trailing=run)


class Earlier(NamedTuple):
    """What the work days before some day leave behind for the streaks.

    The streaks are the only figures that look at every work day ever. Folding
    the oldest days once into this, and carrying on from it, gives the same
    numbers as going over them all, so a start need not read years of days.
    ``before`` is the first day not folded in: days before it that are handed
    to the streak functions as well are skipped, since they are in already.
    """

    work_days: int = 0
    good: Run = Run()
    items: Mapping[str, Run] = MappingProxyType({})
    before: date | None = None


NOTHING_EARLIER = Earlier()


def fold_earlier(
    days: Iterable[DayCounts],
    earlier: Earlier = NOTHING_EARLIER,
    *,
    before: date | None = None,
) -> Earlier:
    """``earlier`` followed by those of ``days`` it lacks that come before ``before``.

    Without ``before``, every day given is folded in. Every day is judged as it
    stands: the grace an open shift gets only applies to the latest work day,
    and folded days never are the latest.
    """
    chosen = [
        day
        for day in _unfolded(days, earlier)
        if before is None or day.work_day < before
    ]
    items = dict(earlier.items)
    for item_id, flags in _clean_days(chosen).items():
        items[item_id] = items.get(item_id, Run()).then(flags)

    if before is None:
        before = chosen[-1].work_day + timedelta(days=1) if chosen else earlier.before
    return Earlier(
        work_days=earlier.work_days + len(chosen),
        good=earlier.good.then(is_good_day(day) for day in chosen),
        items=items,
        before=before,
    )


def _unfolded(days: Iterable[DayCounts], earlier: Earlier) -> list[DayCounts]:
    """The work days of ``days`` that ``earlier`` has not folded in, oldest first."""
    chosen = work_days(days)
    if earlier.before is None:
        return chosen
    return [day for day in chosen if day.work_day >= earlier.before]


def judged_days(days: Iterable[DayCounts]) -> list[bool]:
    """Whether each work day was good, oldest first, a pending open day left out."""
    verdicts = [(day, is_good_day(day)) for day in work_days(days)]
    if verdicts:
        latest, good = verdicts[-1]
        if latest.open_shift and not good:
            verdicts.pop()
    return [good for _, good in verdicts]


def current_streak(
    days: Iterable[DayCounts], earlier: Earlier = NOTHING_EARLIER
) -> int:
    """Good work days in a row ending at the latest work day."""
    return earlier.good.then(judged_days(_unfolded(days, earlier))).trailing


def best_streak(days: Iterable[DayCounts], earlier: Earlier = NOTHING_EARLIER) -> int:
    """The longest run of good work days ever; never below the current streak."""
    return earlier.good.then(judged_days(_unfolded(days, earlier))).best


class ItemStreak(NamedTuple):
    """Work days in a row on which an item was answered and never missed."""

    current: int
    best: int


def item_streaks(
    days: Iterable[DayCounts], earlier: Earlier = NOTHING_EARLIER
) -> dict[str, ItemStreak]:
    """Each item's current and best run of work days without a miss.

    Only days on which the item was answered (done or missed) take part: a
    day off, or a day where it was only ``n/a`` or not asked, is skipped.
    """
    clean_days = _clean_days(_unfolded(days, earlier))
    runs = dict(earlier.items)
    for item_id, flags in clean_days.items():
        runs[item_id] = runs.get(item_id, Run()).then(flags)

    return {
        item_id: ItemStreak(current=run.trailing, best=run.best)
        for item_id, run in runs.items()
    }


def _clean_days(days: list[DayCounts]) -> dict[str, list[bool]]:
    """Per item, whether each day it was answered went without a miss."""
    clean: defaultdict[str, list[bool]] = defaultdict(list)
    for day in days:
        for item_id, count in day.items.items():
            if count.done or count.missed:
                clean[item_id].append(not count.missed)
    return clean
