"""Per-day counts for the figures: loaded in bulk, rebuilt on demand.

Triggers keep ``day_item_counts`` and ``day_channel_counts`` current in the
same transaction as every write, so reading years of history is three
queries rather than a scan of every tick. Each day's counts come back as one
JSON object of packed integers, because fetching twenty thousand small rows
one by one costs more than all the rest of the work.
"""

from __future__ import annotations

import json
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


# Each day's counts travel from SQLite packed three to an integer, 21 bits
# apiece: more than two million answers to one item on one day cannot happen.
_BITS = 21
_MASK = (1 << _BITS) - 1
_PACKED = f"done + (missed << {_BITS}) + (na << {2 * _BITS})"


class _Counts(dict[int, ItemCount]):
    """Unpacks counts, sharing one ItemCount per distinct packed value."""

    def __missing__(self, packed: int) -> ItemCount:
        count = self[packed] = ItemCount(
            packed & _MASK, (packed >> _BITS) & _MASK, packed >> (2 * _BITS)
        )
        return count


@dataclass
class _Day:
    shifts: int = 0
    open_shift: bool = False
    hashes: list[str] = field(default_factory=list)
    items: dict[str, ItemCount] = field(default_factory=dict)
    channels: dict[str, ItemCount] = field(default_factory=dict)
    interactions: dict[str, int] = field(default_factory=dict)


def load(
    conn: sqlite3.Connection, snapshots: Snapshots, first: str, last: str
) -> dict[str, DayCounts]:
    """The counted work days from ``first`` to ``last`` (ISO dates), by day."""
    bounds = (first, last)
    days = _shift_days(conn, bounds)
    shared = _Counts()
    _add_item_counts(conn, bounds, days, shared)
    _add_channel_counts(conn, bounds, days, shared)
    return {day: _finish(day, found, snapshots) for day, found in days.items()}


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
    conn: sqlite3.Connection,
    bounds: tuple[str, str],
    days: dict[str, _Day],
    shared: _Counts,
) -> None:
    loads = json.loads
    cursor = conn.execute(
        f"SELECT work_day, json_group_object(item_id, {_PACKED})"
        " FROM day_item_counts WHERE work_day BETWEEN ? AND ? GROUP BY work_day",
        bounds,
    )
    for work_day, packed in cursor:
        day = days.get(work_day)
        if day is not None:
            day.items = {item: shared[value] for item, value in loads(packed).items()}


def _add_channel_counts(
    conn: sqlite3.Connection,
    bounds: tuple[str, str],
    days: dict[str, _Day],
    shared: _Counts,
) -> None:
    loads = json.loads
    cursor = conn.execute(
        f"SELECT work_day, json_group_object(channel, {_PACKED}),"
        " json_group_object(channel, interactions)"
        " FROM day_channel_counts WHERE work_day BETWEEN ? AND ? GROUP BY work_day",
        bounds,
    )
    for work_day, packed, interactions in cursor:
        day = days.get(work_day)
        if day is not None:
            day.channels = {
                channel: shared[value] for channel, value in loads(packed).items()
            }
            day.interactions = loads(interactions)


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
