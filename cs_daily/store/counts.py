"""Per-day counts for the figures: read fast, rebuilt on demand.

Triggers keep ``day_item_counts`` and ``day_channel_counts`` current in the
same transaction as every write, so reading years of history is three small
queries rather than a scan of every tick.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from cs_daily.model import DayCounts, Item, ItemCount
from cs_daily.store.snapshots import Snapshots

_REBUILD = (
    "DELETE FROM day_item_counts",
    "DELETE FROM day_channel_counts",
    """
    INSERT INTO day_item_counts (work_day, item_id, done, missed, na)
    SELECT s.work_day, t.item_id, sum(t.state = 'done'),
           sum(t.state = 'missed'), sum(t.state = 'na')
    FROM ticks AS t JOIN shifts AS s ON s.id = t.shift_id
    GROUP BY s.work_day, t.item_id
    """,
    """
    INSERT INTO day_channel_counts
        (work_day, channel, interactions, done, missed, na)
    SELECT s.work_day, i.channel, count(DISTINCT i.id),
           coalesce(sum(t.state = 'done'), 0),
           coalesce(sum(t.state = 'missed'), 0),
           coalesce(sum(t.state = 'na'), 0)
    FROM interactions AS i
    JOIN shifts AS s ON s.id = i.shift_id
    LEFT JOIN ticks AS t ON t.interaction_id = i.id
    GROUP BY s.work_day, i.channel
    """,
)


def rebuild(conn: sqlite3.Connection) -> None:
    """Recount everything from the ticks; runs inside the caller's transaction."""
    for statement in _REBUILD:
        conn.execute(statement)


@dataclass
class _Day:
    shifts: int = 0
    open_shift: bool = False
    hashes: list[str] = field(default_factory=list)
    items: dict[str, ItemCount] = field(default_factory=dict)
    channels: dict[str, ItemCount] = field(default_factory=dict)
    interactions: dict[str, int] = field(default_factory=dict)


def day_counts(
    conn: sqlite3.Connection,
    snapshots: Snapshots,
    first: date | None,
    last: date | None,
) -> list[DayCounts]:
    """One :class:`DayCounts` per work day with a shift, oldest first."""
    bounds = (
        (first or date.min).isoformat(),
        (last or date.max).isoformat(),
    )
    days = _shift_days(conn, bounds)
    _add_item_counts(conn, bounds, days)
    _add_channel_counts(conn, bounds, days)
    return [_finish(day, found, snapshots) for day, found in days.items()]


def _shift_days(conn: sqlite3.Connection, bounds: tuple[str, str]) -> dict[str, _Day]:
    days: dict[str, _Day] = defaultdict(_Day)
    cursor = conn.execute(
        "SELECT work_day, checklist_hash, ended_at IS NULL FROM shifts"
        " WHERE work_day BETWEEN ? AND ? ORDER BY work_day, started_at, id",
        bounds,
    )
    for work_day, digest, is_open in cursor:
        day = days[work_day]
        day.shifts += 1
        day.open_shift = day.open_shift or bool(is_open)
        if digest not in day.hashes:
            day.hashes.append(digest)
    return dict(days)


def _add_item_counts(
    conn: sqlite3.Connection, bounds: tuple[str, str], days: dict[str, _Day]
) -> None:
    cache: dict[tuple[int, int, int], ItemCount] = {}
    cursor = conn.execute(
        "SELECT work_day, item_id, done, missed, na FROM day_item_counts"
        " WHERE work_day BETWEEN ? AND ?",
        bounds,
    )
    for work_day, item_id, done, missed, na in cursor:
        key = (done, missed, na)
        count = cache.get(key)
        if count is None:
            count = cache[key] = ItemCount(done, missed, na)
        if work_day in days:
            days[work_day].items[item_id] = count


def _add_channel_counts(
    conn: sqlite3.Connection, bounds: tuple[str, str], days: dict[str, _Day]
) -> None:
    cursor = conn.execute(
        "SELECT work_day, channel, interactions, done, missed, na"
        " FROM day_channel_counts WHERE work_day BETWEEN ? AND ?",
        bounds,
    )
    for work_day, channel, interactions, done, missed, na in cursor:
        day = days.get(work_day)
        if day is None:
            continue
        day.channels[channel] = ItemCount(done, missed, na)
        day.interactions[channel] = interactions


def _finish(work_day: str, day: _Day, snapshots: Snapshots) -> DayCounts:
    """Attach the day's checklist: the latest snapshot wins for each item.

    Items only an earlier snapshot of the same day knew keep their meaning
    from it, so every counted item has its metadata.
    """
    latest = day.hashes[-1]
    meta: dict[str, Item] = snapshots.items(latest)
    if len(day.hashes) > 1:
        meta = {}
        for digest in day.hashes:
            meta.update(snapshots.items(digest))

    return DayCounts(
        work_day=date.fromisoformat(work_day),
        items=day.items,
        meta=meta,
        channels=day.channels,
        interactions_by_channel=day.interactions,
        shifts=day.shifts,
        open_shift=day.open_shift,
        target=snapshots.checklist(latest).target,
    )
