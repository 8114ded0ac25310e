"""Per-day counts for the figures: loaded in bulk, rebuilt on demand.

Triggers keep ``day_item_counts`` and ``day_channel_counts`` current in the
same transaction as every write, so reading years of history is three
queries rather than a scan of every tick. The counts come back as one JSON
document of packed integers per table, because fetching twenty thousand
small rows one by one costs more than all the rest of the work.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import date
from typing import Any, TypeAlias

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


class _Counts(dict[str, ItemCount]):
    """Unpacks counts from their JSON text, one ItemCount per distinct value.

    Handed to the JSON decoder as ``parse_int``, so every packed number
    becomes its shared ItemCount while the document is decoded, with no
    Python loop over the days' items afterwards.
    """

    def __missing__(self, text: str) -> ItemCount:
        packed = int(text)
        count = self[text] = ItemCount(
            packed & _MASK, (packed >> _BITS) & _MASK, packed >> (2 * _BITS)
        )
        return count


# One JSON document per table for the whole range: {day: {item: packed}},
# {day: {channel: packed}} and {day: {channel: interactions}}. Decoding one
# document costs less than one per day; work days are ISO dates, safe to
# quote as keys.
_DOCUMENT = """
    SELECT '{{' || group_concat('"' || work_day || '":' || counts) || '}}' FROM (
        SELECT work_day, json_group_object({key}, {value}) AS counts
        FROM {table} WHERE work_day BETWEEN ? AND ? GROUP BY work_day
    )
"""
_ITEMS = _DOCUMENT.format(key="item_id", value=_PACKED, table="day_item_counts")
_CHANNELS = _DOCUMENT.format(key="channel", value=_PACKED, table="day_channel_counts")
_VOLUMES = _DOCUMENT.format(
    key="channel", value="interactions", table="day_channel_counts"
)

# (shifts, any shift still open, snapshot hashes in the order first used)
_ShiftDay: TypeAlias = tuple[int, bool, list[str]]


def load(
    conn: sqlite3.Connection, snapshots: Snapshots, first: str, last: str
) -> dict[str, DayCounts]:
    """The counted work days from ``first`` to ``last`` (ISO dates), by day."""
    bounds = (first, last)
    days = _shift_days(conn, bounds)
    shared = _Counts()
    items = _document(conn, _ITEMS, bounds, shared.__getitem__)
    channels = _document(conn, _CHANNELS, bounds, shared.__getitem__)
    volumes = _document(conn, _VOLUMES, bounds, int)

    return {
        day: _day(
            day,
            found,
            items.get(day, {}),
            channels.get(day, {}),
            volumes.get(day, {}),
            snapshots,
        )
        for day, found in days.items()
    }


def _shift_days(
    conn: sqlite3.Connection, bounds: tuple[str, str]
) -> dict[str, _ShiftDay]:
    days: dict[str, _ShiftDay] = {}
    cursor = conn.execute(
        "SELECT work_day, checklist_hash, ended_at IS NULL FROM shifts"
        " WHERE work_day BETWEEN ? AND ? ORDER BY work_day, started_at, id",
        bounds,
    )
    for work_day, digest, is_open in cursor:
        known = days.get(work_day)
        if known is None:
            days[work_day] = (1, bool(is_open), [digest])
            continue
        shifts, any_open, hashes = known
        if digest not in hashes:
            hashes.append(digest)
        days[work_day] = (shifts + 1, any_open or bool(is_open), hashes)
    return days


def _document(
    conn: sqlite3.Connection,
    query: str,
    bounds: tuple[str, str],
    number: Callable[[str], Any],
) -> dict[str, Any]:
    (text,) = conn.execute(query, bounds).fetchone()
    return json.loads(text, parse_int=number) if text else {}


def _day(
    work_day: str,
    found: _ShiftDay,
    items: dict[str, ItemCount],
    channels: dict[str, ItemCount],
    volumes: dict[str, int],
    snapshots: Snapshots,
) -> DayCounts:
    """One day's counts, with its checklist: the latest snapshot wins per item.

    Items only an earlier snapshot of the same day knew keep their meaning
    from it, so every counted item has its metadata.
    """
    shifts, any_open, hashes = found
    latest = hashes[-1]
    meta: dict[str, Item] = snapshots.items(latest)
    if len(hashes) > 1:
        meta = {}
        for digest in hashes:
            meta.update(snapshots.items(digest))

    return DayCounts(
        work_day=date.fromisoformat(work_day),
        items=items,
        meta=meta,
        channels=channels,
        interactions_by_channel=volumes,
        shifts=shifts,
        open_shift=any_open,
        target=snapshots.checklist(latest).target,
    )
