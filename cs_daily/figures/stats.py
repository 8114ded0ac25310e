"""Every figure the stats screen and ``cs-daily stats`` show, computed in one go.

:func:`compute_stats` is the single entry point for both, so the screen and
the command can never disagree. It works on counted days already read from
the store and looks at nothing after ``as_of``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from cs_daily.figures.days import DayFigures, Period, day_figures, work_days
from cs_daily.figures.rates import (
    CategoryScore,
    ChannelFigures,
    category_scores,
    channel_figures,
    item_totals,
    latest_meta,
    na_rate,
    rate,
)
from cs_daily.figures.reach import (
    CALENDAR_DAYS,
    PERIOD_DAYS,
    WEAK_WINDOWS,
    WEEKS_SHOWN,
)
from cs_daily.figures.streaks import (
    NOTHING_EARLIER,
    Earlier,
    ItemStreak,
    best_streak,
    current_streak,
    item_streaks,
)
from cs_daily.figures.weak import (
    Improvement,
    WeakArea,
    most_improved,
    weak_areas,
)
from cs_daily.figures.weeks import MONDAY, WeekFigures, week_of, weekly_figures
from cs_daily.model import Checklist, DayCounts, Item, ItemCount


class ItemFigures(NamedTuple):
    """One item over the period, with its own run of days without a miss."""

    item_id: str
    category: str
    critical: bool
    done: int
    missed: int
    na: int
    rate: float | None
    na_rate: float | None
    streak: int
    best_streak: int


class Labels(NamedTuple):
    """Names to show for ids: the current checklist first, then old days' items."""

    items: dict[str, str]
    categories: dict[str, str]
    channels: dict[str, str]

    def item(self, item_id: str) -> str:
        return self.items.get(item_id, item_id)

    def category(self, category_id: str) -> str:
        return self.categories.get(category_id, category_id)

    def channel(self, channel_id: str) -> str:
        return self.channels.get(channel_id, channel_id)


class Totals(NamedTuple):
    """How much happened in the period."""

    work_days: int
    good_days: int
    shifts: int
    interactions: int
    critical_misses: int
    answered: int
    na: int


class Stats(NamedTuple):
    """The bundle the stats screen and the stats command show.

    ``today`` is the ``as_of`` day when it had a shift; ``latest`` is the
    latest work day up to ``as_of``, which after midnight in a night shift is
    the day before.
    """

    as_of: date
    week_start: str
    target: float
    has_history: bool
    period: Period
    totals: Totals
    today: DayFigures | None
    latest: DayFigures | None
    current_streak: int
    best_streak: int
    this_week: WeekFigures
    last_week: WeekFigures
    weeks: tuple[WeekFigures, ...]
    calendar: Period
    days: tuple[DayFigures, ...]
    items: tuple[ItemFigures, ...]
    categories: tuple[CategoryScore, ...]
    channels: tuple[ChannelFigures, ...]
    weak: dict[int, tuple[WeakArea, ...]]
    most_improved: Improvement | None
    labels: Labels


def compute_stats(
    days: Iterable[DayCounts],
    as_of: date,
    checklist: Checklist,
    week_start: str = MONDAY,
    *,
    period_days: int = PERIOD_DAYS,
    calendar_days: int = CALENDAR_DAYS,
    weeks_shown: int = WEEKS_SHOWN,
    earlier: Earlier = NOTHING_EARLIER,
) -> Stats:
    """All figures as of ``as_of``; items, categories and channels over ``period_days``.

    Streaks always run over the whole history up to ``as_of``: ``days`` and,
    when the oldest days were folded away, what they left in ``earlier``.
    Weak areas use their own 7- and 30-day windows; the calendar covers
    ``calendar_days``.
    """
    history = [d for d in work_days(days) if d.work_day <= as_of]
    period = Period.ending(as_of, period_days)
    in_period = period.select(history)
    calendar = Period.ending(as_of, calendar_days)
    weeks = weekly_figures(history, week_of(as_of, week_start), max(weeks_shown, 2))
    by_day = {d.work_day: d for d in history}

    return Stats(
        as_of=as_of,
        week_start=week_start,
        target=checklist.target,
        has_history=bool(history) or earlier.work_days > 0,
        period=period,
        totals=_totals(in_period),
        today=day_figures(by_day[as_of]) if as_of in by_day else None,
        latest=day_figures(history[-1]) if history else None,
        current_streak=current_streak(history, earlier),
        best_streak=best_streak(history, earlier),
        this_week=weeks[-1],
        last_week=weeks[-2],
        weeks=tuple(weeks[-weeks_shown:]) if weeks_shown > 0 else (),
        calendar=calendar,
        days=tuple(day_figures(d) for d in calendar.select(history)),
        items=_items(history, in_period, checklist, earlier),
        categories=_categories(in_period, checklist),
        channels=_channels(in_period, checklist),
        weak={n: tuple(weak_areas(history, as_of, n)) for n in WEAK_WINDOWS},
        most_improved=_most_improved(history, as_of),
        labels=_labels(history, checklist),
    )


def _totals(days: Sequence[DayCounts]) -> Totals:
    figures = [day_figures(d) for d in days]
    counts = item_totals(days).values()
    return Totals(
        work_days=len(figures),
        good_days=sum(f.good for f in figures),
        shifts=sum(f.shifts for f in figures),
        interactions=sum(f.interactions for f in figures),
        critical_misses=sum(f.critical_misses for f in figures),
        answered=sum(c.answered for c in counts),
        na=sum(c.na for c in counts),
    )


def _items(
    history: Sequence[DayCounts],
    in_period: Sequence[DayCounts],
    checklist: Checklist,
    earlier: Earlier,
) -> tuple[ItemFigures, ...]:
    """Every item of the checklist, then any older item answered in the period."""
    totals = item_totals(in_period)
    streaks = item_streaks(history, earlier)
    meta = {**latest_meta(history), **{i.id: i for i in checklist.items}}
    ids = _ordered([i.id for i in checklist.items], totals)

    return tuple(
        _item_figures(meta[i], totals.get(i, ItemCount()), streaks.get(i))
        for i in ids
        if i in meta
    )


def _item_figures(
    item: Item, count: ItemCount, streak: ItemStreak | None
) -> ItemFigures:
    streak = streak or ItemStreak(current=0, best=0)
    return ItemFigures(
        item_id=item.id,
        category=item.category,
        critical=item.critical,
        done=count.done,
        missed=count.missed,
        na=count.na,
        rate=rate(count),
        na_rate=na_rate(count),
        streak=streak.current,
        best_streak=streak.best,
    )


def _categories(
    in_period: Sequence[DayCounts], checklist: Checklist
) -> tuple[CategoryScore, ...]:
    scores = category_scores(in_period)
    ids = _ordered([c.id for c in checklist.categories], scores)
    empty = {c: CategoryScore(c, None, 0, 0, 0, 0) for c in ids}
    return tuple(scores.get(c, empty[c]) for c in ids)


def _channels(
    in_period: Sequence[DayCounts], checklist: Checklist
) -> tuple[ChannelFigures, ...]:
    """The channels used in the period, in the checklist's order."""
    figures = channel_figures(in_period)
    ids = _ordered([c.id for c in checklist.channels if c.id in figures], figures)
    return tuple(figures[c] for c in ids)


def _most_improved(history: Sequence[DayCounts], as_of: date) -> Improvement | None:
    """The biggest rise over the last 30 days against the 30 days before."""
    current = Period.ending(as_of, max(WEAK_WINDOWS))
    return most_improved(history, current, current.previous())


def _ordered(known: list[str], found: Iterable[str]) -> list[str]:
    """``known`` ids in their order, then any other ``found`` ids sorted."""
    return known + sorted(set(found) - set(known))


def _labels(history: Sequence[DayCounts], checklist: Checklist) -> Labels:
    old_items = latest_meta(history)
    return Labels(
        items={
            **{i: item.label for i, item in old_items.items()},
            **{i.id: i.label for i in checklist.items},
        },
        categories={c.id: c.label for c in checklist.categories},
        channels={c.id: c.label for c in checklist.channels},
    )
