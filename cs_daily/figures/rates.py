"""Rates: how often an item, a category or a channel was done when answered.

A rate is done / (done + missed). ``n/a`` answers leave both sides, so marking
an item "not applicable" can never raise or lower a figure; a rate with
nothing answered is ``None`` (shown as "–"), never 0 or 1.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple

from cs_daily.model import DayCounts, Item, ItemCount


def rate(count: ItemCount) -> float | None:
    """done / (done + missed), or ``None`` when nothing counted was answered."""
    answered = count.done + count.missed
    if answered == 0:
        return None
    return count.done / answered


def na_rate(count: ItemCount) -> float | None:
    """The share of all answers that were ``n/a``; ``None`` with no answers."""
    total = count.done + count.missed + count.na
    if total == 0:
        return None
    return count.na / total


def add_counts(first: ItemCount, second: ItemCount) -> ItemCount:
    """Two counts of the same item taken together."""
    return ItemCount(
        done=first.done + second.done,
        missed=first.missed + second.missed,
        na=first.na + second.na,
    )


def weighted_mean(pairs: Iterable[tuple[float, float]]) -> float | None:
    """The mean of ``(value, weight)`` pairs; ``None`` when no weight is given.

    ``math.fsum`` keeps the sum exact enough that five rates of 1, 1, 1, 1, 0
    give exactly 0.8, which matters when a score is compared with the target.
    """
    pairs = list(pairs)
    total_weight = math.fsum(weight for _, weight in pairs)
    if total_weight <= 0:
        return None
    return math.fsum(value * weight for value, weight in pairs) / total_weight


def item_totals(days: Iterable[DayCounts]) -> dict[str, ItemCount]:
    """Each item's counts summed over ``days``."""
    totals: dict[str, ItemCount] = {}
    for day in days:
        for item_id, count in day.items.items():
            totals[item_id] = add_counts(totals.get(item_id, ItemCount()), count)
    return totals


def latest_meta(days: Iterable[DayCounts]) -> dict[str, Item]:
    """Each item as it stood on the latest of ``days`` that knew it.

    Figures over a period weigh and group an item the way its most recent
    checklist did, so an item moved to another category is shown there.
    """
    meta: dict[str, Item] = {}
    last: dict[str, Item] | None = None
    for day in sorted(days, key=lambda d: d.work_day):
        # Days of one checklist share its item table: apply it once per run.
        if day.meta is not last:
            meta.update(day.meta)
            last = day.meta
    return meta


class CategoryScore(NamedTuple):
    """A category's score over a period and the counts behind it."""

    category: str
    score: float | None
    items_answered: int
    done: int
    missed: int
    na: int


def category_scores(days: Iterable[DayCounts]) -> dict[str, CategoryScore]:
    """Each category's score: the weighted mean of its items' period rates.

    Like a day's score, each item counts once, so a category with one chatty
    interaction item and one shift item is not just the chatty item's rate.
    """
    days = list(days)
    totals = item_totals(days)
    meta = latest_meta(days)

    members: dict[str, list[str]] = {}
    for item_id in totals:
        category = meta[item_id].category if item_id in meta else ""
        members.setdefault(category, []).append(item_id)

    return {
        category: _category_score(category, item_ids, totals, meta)
        for category, item_ids in members.items()
    }


def _category_score(
    category: str,
    item_ids: list[str],
    totals: dict[str, ItemCount],
    meta: dict[str, Item],
) -> CategoryScore:
    pairs = []
    for item_id in item_ids:
        item_rate = rate(totals[item_id])
        if item_rate is not None:
            pairs.append((item_rate, _weight(meta.get(item_id))))

    counts = [totals[i] for i in item_ids]
    return CategoryScore(
        category=category,
        score=weighted_mean(pairs),
        items_answered=len(pairs),
        done=sum(c.done for c in counts),
        missed=sum(c.missed for c in counts),
        na=sum(c.na for c in counts),
    )


def _weight(item: Item | None) -> float:
    """An item's weight; an item the day's checklist no longer knows weighs 1."""
    return 1.0 if item is None else item.weight


class ChannelFigures(NamedTuple):
    """Volume and score of one channel over a period.

    ``score`` pools every interaction tick answered on the channel:
    done / (done + missed), ``n/a`` left out as everywhere else.
    """

    channel: str
    interactions: int
    score: float | None
    done: int
    missed: int
    na: int


def channel_figures(days: Iterable[DayCounts]) -> dict[str, ChannelFigures]:
    """Interactions and score for every channel used in ``days``."""
    counts: dict[str, ItemCount] = {}
    volume: dict[str, int] = {}
    for day in days:
        for channel, count in day.channels.items():
            counts[channel] = add_counts(counts.get(channel, ItemCount()), count)
        for channel, number in day.interactions_by_channel.items():
            volume[channel] = volume.get(channel, 0) + number

    return {
        channel: ChannelFigures(
            channel=channel,
            interactions=volume.get(channel, 0),
            score=rate(counts.get(channel, ItemCount())),
            done=counts.get(channel, ItemCount()).done,
            missed=counts.get(channel, ItemCount()).missed,
            na=counts.get(channel, ItemCount()).na,
        )
        for channel in sorted(set(counts) | set(volume))
    }
