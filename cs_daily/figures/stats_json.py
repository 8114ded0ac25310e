"""The stable JSON form of the stats bundle, for scripts and ``stats --json``.

The shape is versioned by ``format``; a field is only ever added within a
version, never renamed or removed. Rates are numbers from 0 to 1 rounded to
four places, or ``null`` when nothing was answered; dates are ISO strings.
The README lists every field.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from cs_daily.figures.days import DayFigures, Period
from cs_daily.figures.rates import CategoryScore, ChannelFigures
from cs_daily.figures.stats import ItemFigures, Labels, Stats
from cs_daily.figures.weak import Improvement, WeakArea
from cs_daily.figures.weeks import WeekFigures

FORMAT = 1


def stats_to_json(stats: Stats) -> dict[str, Any]:
    """Everything in ``stats`` as plain JSON values."""
    labels = stats.labels
    return {
        "format": FORMAT,
        "as_of": stats.as_of.isoformat(),
        "week_start": stats.week_start,
        "target": stats.target,
        "has_history": stats.has_history,
        "period": _period(stats.period),
        "totals": stats.totals._asdict(),
        "latest_day": _day(stats.latest) if stats.latest else None,
        "streak": {"current": stats.current_streak, "best": stats.best_streak},
        "this_week": _week(stats.this_week),
        "last_week": _week(stats.last_week),
        "weeks": [_week(w) for w in stats.weeks],
        "days": [_day(d) for d in stats.days if stats.period.contains(d.work_day)],
        "items": [_item(i, labels) for i in stats.items],
        "categories": [_category(c, labels) for c in stats.categories],
        "channels": [_channel(c, labels) for c in stats.channels],
        "weak_areas": {
            str(window): [_weak(w, labels) for w in areas]
            for window, areas in stats.weak.items()
        },
        "most_improved": _improved(stats.most_improved, labels),
    }


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _iso(day: date) -> str:
    return day.isoformat()


def _period(period: Period) -> dict[str, Any]:
    return {
        "first": _iso(period.first),
        "last": _iso(period.last),
        "days": period.length,
    }


def _day(day: DayFigures) -> dict[str, Any]:
    return {
        "work_day": _iso(day.work_day),
        "score": _rate(day.score),
        "good": day.good,
        "critical_misses": day.critical_misses,
        "shifts": day.shifts,
        "interactions": day.interactions,
        "open_shift": day.open_shift,
    }


def _week(week: WeekFigures) -> dict[str, Any]:
    return {
        "label": week.week.label,
        "first": _iso(week.week.start),
        "last": _iso(week.week.end),
        "score": _rate(week.score),
        "work_days": week.work_days,
        "good_days": week.good_days,
        "shifts": week.shifts,
        "interactions": week.interactions,
        "critical_misses": week.critical_misses,
    }


def _item(item: ItemFigures, labels: Labels) -> dict[str, Any]:
    return {
        "id": item.item_id,
        "label": labels.item(item.item_id),
        "category": item.category,
        "critical": item.critical,
        "done": item.done,
        "missed": item.missed,
        "na": item.na,
        "rate": _rate(item.rate),
        "na_rate": _rate(item.na_rate),
        "streak": item.streak,
        "best_streak": item.best_streak,
    }


def _category(category: CategoryScore, labels: Labels) -> dict[str, Any]:
    return {
        "id": category.category,
        "label": labels.category(category.category),
        "score": _rate(category.score),
        "items_answered": category.items_answered,
        "done": category.done,
        "missed": category.missed,
        "na": category.na,
    }


def _channel(channel: ChannelFigures, labels: Labels) -> dict[str, Any]:
    return {
        "id": channel.channel,
        "label": labels.channel(channel.channel),
        "interactions": channel.interactions,
        "score": _rate(channel.score),
        "done": channel.done,
        "missed": channel.missed,
        "na": channel.na,
    }


def _weak(area: WeakArea, labels: Labels) -> dict[str, Any]:
    return {
        "id": area.item_id,
        "label": labels.item(area.item_id),
        "done": area.done,
        "missed": area.missed,
        "answered": area.answered,
        "rate": _rate(area.rate),
        "previous_rate": _rate(area.previous_rate),
        "change": _rate(area.change),
    }


def _improved(best: Improvement | None, labels: Labels) -> dict[str, Any] | None:
    if best is None:
        return None
    return {
        "id": best.item_id,
        "label": labels.item(best.item_id),
        "rate": _rate(best.rate),
        "previous_rate": _rate(best.previous_rate),
        "change": _rate(best.change),
        "answered": best.answered,
        "previous_answered": best.previous_answered,
    }
