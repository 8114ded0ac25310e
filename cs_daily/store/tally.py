"""Counting a bulk import in memory instead of tick by tick.

The count triggers add each tick to its day's counts as it is written: right
for the agent's keystrokes, but for five years of imported history that is
half a million small updates. Inside one bulk transaction the store takes
the count triggers down, adds up each imported shift's answers here, and
before the transaction ends writes the sums into the count tables and puts
the triggers back exactly as they were. The transaction makes it all or
nothing: no other connection ever sees the file without its triggers, and a
rollback brings them back with everything else.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping

from cs_daily.model import TickState

COUNT_TRIGGERS = (
    "ticks_count_insert",
    "ticks_count_delete",
    "ticks_count_update",
    "interactions_count_insert",
    "interactions_count_delete",
    "interactions_count_channel",
)

_ADD_ITEMS = """
INSERT INTO day_item_counts (work_day, item_id, done, missed, na)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (work_day, item_id) DO UPDATE SET
    done = done + excluded.done,
    missed = missed + excluded.missed,
    na = na + excluded.na
"""
_ADD_CHANNELS = """
INSERT INTO day_channel_counts (work_day, channel, interactions, done, missed, na)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (work_day, channel) DO UPDATE SET
    interactions = interactions + excluded.interactions,
    done = done + excluded.done,
    missed = missed + excluded.missed,
    na = na + excluded.na
"""
_STATES = ("done", "missed", "na")


class Tally:
    """Counts of imported shifts not yet written, with the triggers down."""

    def __init__(self, conn: sqlite3.Connection, triggers: list[str]) -> None:
        self._conn = conn
        self._triggers = triggers
        self._items: Counter[tuple[str, str, str]] = Counter()
        self._volume: Counter[tuple[str, str]] = Counter()
        self._channels: Counter[tuple[str, str, str]] = Counter()

    @classmethod
    def start(cls, conn: sqlite3.Connection) -> Tally:
        """Take the count triggers down, inside the caller's transaction."""
        names = ", ".join("?" for _name in COUNT_TRIGGERS)
        triggers = [
            row[0]
            for row in conn.execute(
                "SELECT sql FROM sqlite_schema WHERE type = 'trigger'"
                f" AND name IN ({names}) ORDER BY name",
                COUNT_TRIGGERS,
            )
        ]
        for name in COUNT_TRIGGERS:
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        return cls(conn, triggers)

    def add_shift(
        self,
        work_day: str,
        shift_ticks: Mapping[str, TickState],
        interactions: Iterable[tuple[str, Mapping[str, TickState]]],
    ) -> None:
        """Count one imported shift the way the triggers would have."""
        items, channels = self._items, self._channels
        for item_id, state in shift_ticks.items():
            items[work_day, item_id, str(state)] += 1
        for channel, ticks in interactions:
            self._volume[work_day, channel] += 1
            for item_id, state in ticks.items():
                items[work_day, item_id, str(state)] += 1
                channels[work_day, channel, str(state)] += 1

    def finish(self) -> None:
        """Write the sums, then put the triggers back as they were."""
        self._conn.executemany(_ADD_ITEMS, _rows(self._items))
        self._conn.executemany(
            _ADD_CHANNELS,
            [
                (day, channel, self._volume[day, channel], done, missed, na)
                for day, channel, done, missed, na in _rows(
                    self._channels, self._volume
                )
            ],
        )
        for statement in self._triggers:
            self._conn.execute(statement)


def _rows(
    counted: Counter[tuple[str, str, str]],
    also: Iterable[tuple[str, str]] = (),
) -> list[tuple[str, str, int, int, int]]:
    """(day, key, done, missed, na) for every day and key counted or in ``also``."""
    keys = {(day, key) for day, key, _state in counted} | set(also)
    done, missed, na = _STATES
    return [
        (
            day,
            key,
            counted[day, key, done],
            counted[day, key, missed],
            counted[day, key, na],
        )
        for day, key in sorted(keys)
    ]
