"""Filling a :class:`WeekSummary` from the store's counted days and the figures.

Every score here comes from :mod:`cs_daily.figures`, over the days the store
has already counted, so a long history costs a few small queries. Only the
period's own shifts are read tick by tick, for the CSV and JSON rows, the
readiness per shift and the notes (see :mod:`cs_daily.export.ticks`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from cs_daily import figures
from cs_daily.export import ticks
from cs_daily.export.labels import Labels
from cs_daily.export.period import ExportPeriod
from cs_daily.export.summary import (
    CategoryRow,
    ChannelRow,
    DayRow,
    Headline,
    ItemRow,
    WeekSummary,
)
from cs_daily.figures.rates import add_counts
from cs_daily.figures.streaks import Earlier
from cs_daily.figures.weeks import MONDAY
from cs_daily.history import read_history
from cs_daily.i18n import current_language
from cs_daily.model import Checklist, DayCounts, ItemCount
from cs_daily.store import Store

WEAKEST_SHOWN = 3


class SummaryRequest(NamedTuple):
    """What to summarise, and for whom."""

    period: ExportPeriod
    week_start: str = MONDAY
    alias: str | None = None
    include_notes: bool = False
    tick_rows: bool = True


def build_summary(
    store: Store, checklist: Checklist, request: SummaryRequest
) -> WeekSummary:
    """The summary of ``request.period``, compared with the period before it.

    Streaks run over the whole history up to the end of the period, which for
    the week under way is simply everything logged so far; every other
    figure compares the period with the one before it, so only those days
    are read, with what the older ones left for the streaks.
    """
    period, previous = request.period, request.period.previous()
    read = read_history(store, period.last, reach=2 * period.days)
    history = figures.work_days(read.days)
    labels = Labels.build(checklist, history)
    this_days = period.span.select(history)
    before_days = previous.span.select(history)
    rows = ticks.read_period(
        store,
        period,
        labels,
        request.week_start,
        request.include_notes,
        tick_rows=request.tick_rows,
    )
    totals = figures.item_totals(this_days).values()

    return WeekSummary(
        period=period,
        previous=previous,
        alias=request.alias,
        language=current_language(),
        checklist_title=checklist.title,
        target=checklist.target,
        shifts=sum(d.shifts for d in this_days),
        interactions=sum(sum(d.interactions_by_channel.values()) for d in this_days),
        answers=_sum(totals),
        headline=_headline(history, read.earlier, period, previous),
        days=tuple(_day_row(d) for d in this_days),
        categories=_categories(this_days, before_days, checklist, labels),
        weakest=_weakest(history, period, labels),
        most_improved=_most_improved(history, period, previous, labels),
        channels=_channels(this_days, checklist, labels),
        readiness=rows.readiness,
        include_notes=request.include_notes,
        notes=rows.notes,
        ticks=rows.rows,
    )


def _sum(counts: Iterable[ItemCount]) -> ItemCount:
    """Counts of several items (or days) taken together."""
    total = ItemCount()
    for count in counts:
        total = add_counts(total, count)
    return total


def _as_week(period: ExportPeriod) -> figures.Week:
    """The figures' week type over any period: its score is the same rule."""
    return period.week or figures.Week(period.first, period.last, period.label)


def _headline(
    history: Sequence[DayCounts],
    earlier: Earlier,
    period: ExportPeriod,
    previous: ExportPeriod,
) -> Headline:
    now = figures.week_figures(history, _as_week(period))
    before = figures.week_figures(history, _as_week(previous))
    change = None
    if now.score is not None and before.score is not None:
        change = now.score - before.score

    return Headline(
        score=now.score,
        previous_score=before.score,
        change=change,
        work_days=now.work_days,
        good_days=now.good_days,
        current_streak=figures.current_streak(history, earlier),
        best_streak=figures.best_streak(history, earlier),
        critical_misses=now.critical_misses,
    )


def _day_row(day: DayCounts) -> DayRow:
    shown = figures.day_figures(day)
    return DayRow(
        work_day=day.work_day,
        shifts=shown.shifts,
        interactions=shown.interactions,
        score=shown.score,
        answers=_sum(day.items.values()),
        good=shown.good,
        critical_misses=shown.critical_misses,
        open_shift=shown.open_shift,
    )


def _categories(
    this_days: Sequence[DayCounts],
    before_days: Sequence[DayCounts],
    checklist: Checklist,
    labels: Labels,
) -> tuple[CategoryRow, ...]:
    """Every category of the checklist, then any older one answered in the period."""
    now = figures.category_scores(this_days)
    before = figures.category_scores(before_days)
    ids = labels.ordered([c.id for c in checklist.categories], now)
    return tuple(_category_row(c, now.get(c), before.get(c), labels) for c in ids)


def _category_row(
    category: str,
    now: figures.CategoryScore | None,
    before: figures.CategoryScore | None,
    labels: Labels,
) -> CategoryRow:
    score = now.score if now else None
    previous_score = before.score if before else None
    change = None
    if score is not None and previous_score is not None:
        change = score - previous_score
    return CategoryRow(
        id=category,
        label=labels.category(category),
        score=score,
        answers=_category_counts(now),
        previous_score=previous_score,
        previous_answers=_category_counts(before),
        change=change,
    )


def _category_counts(score: figures.CategoryScore | None) -> ItemCount:
    if score is None:
        return ItemCount()
    return ItemCount(done=score.done, missed=score.missed, na=score.na)


def _weakest(
    history: Sequence[DayCounts], period: ExportPeriod, labels: Labels
) -> tuple[ItemRow, ...]:
    areas = figures.weak_areas(history, period.last, period.days, limit=WEAKEST_SHOWN)
    return tuple(
        ItemRow(
            id=a.item_id,
            label=labels.item(a.item_id),
            rate=a.rate,
            done=a.done,
            missed=a.missed,
            previous_rate=a.previous_rate,
            change=a.change,
        )
        for a in areas
    )


def _most_improved(
    history: Sequence[DayCounts],
    period: ExportPeriod,
    previous: ExportPeriod,
    labels: Labels,
) -> ItemRow | None:
    best = figures.most_improved(history, period.span, previous.span)
    if best is None:
        return None

    count = figures.item_totals(period.span.select(history))[best.item_id]
    return ItemRow(
        id=best.item_id,
        label=labels.item(best.item_id),
        rate=best.rate,
        done=count.done,
        missed=count.missed,
        previous_rate=best.previous_rate,
        change=best.change,
    )


def _channels(
    this_days: Sequence[DayCounts], checklist: Checklist, labels: Labels
) -> tuple[ChannelRow, ...]:
    """The channels used in the period, in the checklist's order."""
    found = figures.channel_figures(this_days)
    ids = labels.ordered([c.id for c in checklist.channels if c.id in found], found)
    return tuple(
        ChannelRow(
            id=c,
            label=labels.channel(c),
            interactions=found[c].interactions,
            score=found[c].score,
            answers=ItemCount(found[c].done, found[c].missed, found[c].na),
        )
        for c in ids
    )
