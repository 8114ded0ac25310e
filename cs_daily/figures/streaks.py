"""Streaks: runs of good work days, and each item's run of days without a miss.

Days with no shift are days off: they are simply not in the run, so they
neither extend nor break it. The latest work day is special while its shift
is still open: it joins the run as soon as it is good, and until then it is
left out rather than counted as a break, since the agent can still get there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from cs_daily.figures.days import is_good_day, work_days
from cs_daily.model import DayCounts


def judged_days(days: Iterable[DayCounts]) -> list[bool]:
    """Whether each work day was good, oldest first, a pending open day left out."""
    verdicts = [(day, is_good_day(day)) for day in work_days(days)]
    if verdicts:
        latest, good = verdicts[-1]
        if latest.open_shift and not good:
            verdicts.pop()
    return [good for _, good in verdicts]


def current_streak(days: Iterable[DayCounts]) -> int:
    """Good work days in a row ending at the latest work day."""
    return _trailing_run(judged_days(days))


def best_streak(days: Iterable[DayCounts]) -> int:
    """The longest run of good work days ever; never below the current streak."""
    return _longest_run(judged_days(days))


@dataclass(frozen=True)
class ItemStreak:
    """Work days in a row on which an item was answered and never missed."""

    current: int
    best: int


def item_streaks(days: Iterable[DayCounts]) -> dict[str, ItemStreak]:
    """Each item's current and best run of work days without a miss.

    Only days on which the item was answered (done or missed) take part: a
    day off, or a day where it was only ``n/a`` or not asked, is skipped.
    """
    clean_days: defaultdict[str, list[bool]] = defaultdict(list)
    for day in work_days(days):
        for item_id, count in day.items.items():
            if count.done or count.missed:
                clean_days[item_id].append(not count.missed)

    return {
        item_id: ItemStreak(current=_trailing_run(runs), best=_longest_run(runs))
        for item_id, runs in clean_days.items()
    }


def _trailing_run(flags: list[bool]) -> int:
    """How many ``True`` values end the list."""
    run = 0
    for flag in reversed(flags):
        if not flag:
            break
        run += 1
    return run


def _longest_run(flags: list[bool]) -> int:
    """The longest stretch of consecutive ``True`` values."""
    best = run = 0
    for flag in flags:
        if not flag:
            run = 0
            continue
        run += 1
        if run > best:
            best = run
    return best
