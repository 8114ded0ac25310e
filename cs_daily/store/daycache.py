"""Keeps counted days in memory so figures refresh instantly after each tick.

The interface recomputes its figures after every answer; reloading five
years of counts each time would stall the keyboard. Loaded days stay cached,
every day from the oldest one asked for on, and only the days a write
touched are read again:

- writes through this connection are noticed by TEMP triggers on the count
  tables and on shifts, which note the work day they touched;
- writes by any other program bump ``PRAGMA data_version``, which drops the
  whole cache.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from cs_daily.model import DayCounts
from cs_daily.store import counts
from cs_daily.store.snapshots import Snapshots

# Past this many touched days, one full reload beats reading them one by one.
_MAX_PATCHED_DAYS = 31

_WATCHED = {
    "day_item_counts": ("INSERT", "UPDATE", "DELETE"),
    "day_channel_counts": ("INSERT", "UPDATE", "DELETE"),
    "shifts": ("INSERT", "UPDATE", "DELETE"),
}

# Not INSERT OR IGNORE: inside a trigger, the conflict policy of the outer
# statement (an upsert, say) would override the IGNORE.
_NOTE = (
    "INSERT INTO touched_days SELECT {row}.work_day WHERE NOT EXISTS"
    " (SELECT 1 FROM touched_days WHERE day = {row}.work_day);"
)


class DayCountsCache:
    """The counted days of one Store, loaded once and patched as it writes."""

    def __init__(
        self, conn: sqlite3.Connection, snapshots: Snapshots, *, writable: bool
    ) -> None:
        self._conn = conn
        self._snapshots = snapshots
        self._writable = writable
        self._days: dict[str, DayCounts] = {}
        self._order: list[str] = []
        # Every counted day from this one on is loaded; None: nothing is.
        self._since: str | None = None
        self._data_version: int | None = None
        self._paused = False
        if writable:
            _install_triggers(conn)

    def days(self, first: date | None, last: date | None) -> list[DayCounts]:
        """The counted days from ``first`` to ``last``, oldest first.

        Every day from ``first`` on is loaded, whatever ``last`` says: the
        figures ask for overlapping windows ending today again and again, and
        one load serves them all. An earlier ``first`` loads only what is
        missing.
        """
        low = (first or date.min).isoformat()
        high = (last or date.max).isoformat()
        if self._paused:
            loaded = counts.load(self._conn, self._snapshots, low, high)
            return [loaded[day] for day in sorted(loaded)]

        self._forget_changes()
        self._cover(low)

        order = self._order
        chosen = order[bisect_left(order, low) : bisect_right(order, high)]
        return [self._days[day] for day in chosen]

    def pause(self) -> None:
        """Stop noting touched days, for a bulk write that will change many.

        Noting each day costs as much as counting the tick itself; after a
        bulk write :meth:`resume` simply forgets every cached day instead;
        until then each call reads the database afresh.
        Runs inside the bulk transaction, so a rollback undoes it too.
        """
        self._paused = True
        if self._writable:
            for name in _trigger_names():
                self._conn.execute(f"DROP TRIGGER IF EXISTS temp.{name}")

    def resume(self) -> None:
        """Note touched days again, and forget everything cached."""
        self._paused = False
        if self._writable:
            _install_triggers(self._conn)
        self.clear()

    def clear(self) -> None:
        self._days = {}
        self._order = []
        self._since = None

    def _cover(self, low: str) -> None:
        """Load the days from ``low`` that are not loaded yet."""
        since = self._since
        if since is not None and since <= low:
            return

        high = date.max
        if since is not None:
            high = date.fromisoformat(since) - timedelta(days=1)
        self._days.update(
            counts.load(self._conn, self._snapshots, low, high.isoformat())
        )
        self._order = sorted(self._days)
        self._since = low

    def _forget_changes(self) -> None:
        (version,) = self._conn.execute("PRAGMA data_version").fetchone()
        if version != self._data_version:
            self._data_version = version
            self.clear()

        if not self._writable:
            return
        touched = [
            row[0] for row in self._conn.execute("SELECT day FROM temp.touched_days")
        ]
        if not touched:
            return

        self._conn.execute("DELETE FROM temp.touched_days")
        if len(touched) > _MAX_PATCHED_DAYS:
            self.clear()
        elif self._since is not None:
            for day in touched:
                if day >= self._since:
                    self._reload(day)

    def _reload(self, day: str) -> None:
        fresh = counts.load(self._conn, self._snapshots, day, day)
        if day in fresh:
            self._days[day] = fresh[day]
        else:
            self._days.pop(day, None)
        self._order = sorted(self._days)


def _trigger_names() -> list[str]:
    return [
        f"touched_{table}_{event.lower()}"
        for table, events in _WATCHED.items()
        for event in events
    ]


def _install_triggers(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS touched_days (day TEXT PRIMARY KEY)"
        " WITHOUT ROWID"
    )
    for table, events in _WATCHED.items():
        for event in events:
            rows: tuple[str, ...] = ("OLD",) if event == "DELETE" else ("NEW",)
            if event == "UPDATE":
                rows = ("OLD", "NEW")
            notes = " ".join(_NOTE.format(row=row) for row in rows)
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS touched_{table}_{event.lower()}"
                f" AFTER {event} ON main.{table} BEGIN {notes} END"
            )
