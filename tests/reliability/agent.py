"""An agent at work on a frozen clock, and the checks every day of work must pass.

The agent only ever reads the time from the clock, as the app does, so a test
can move the clock across midnight, a DST change, a time zone or backwards and
see what the Store and the figures make of it.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import UTC, datetime

from cs_daily.clock import FrozenClock
from cs_daily.model import Phase, Shift, TickState
from cs_daily.store import Store
from tests.reliability.history import CHECKLIST


class Agent:
    """Starts, logs and ends shifts at whatever time the clock says."""

    def __init__(self, store: Store, clock: FrozenClock) -> None:
        self.store = store
        self.clock = clock

    def start(self) -> Shift:
        shift = self.store.start_shift(CHECKLIST, self.clock.now())
        for item in CHECKLIST.shift_items(Phase.START):
            self.store.set_tick(shift.id, item.id, TickState.DONE, self.clock.now())
        return shift

    def chat(self, state: TickState = TickState.DONE) -> int:
        shift = self.store.open_shift()
        assert shift is not None
        ticks = {item.id: state for item in CHECKLIST.interaction_items()[:3]}
        found = self.store.add_interaction(
            shift.id, "whatsapp", self.clock.now(), ticks
        )
        return found.id

    def end(self) -> Shift:
        shift = self.store.open_shift()
        assert shift is not None
        for item in CHECKLIST.shift_items(Phase.END):
            self.store.set_tick(shift.id, item.id, TickState.DONE, self.clock.now())
        return self.store.end_shift(shift.id, self.clock.now())


def raw_counts(store: Store) -> Counter[tuple[str, str, str]]:
    """(work day, item, state) counted straight from the ticks, no triggers."""
    conn = sqlite3.connect(store.path)
    try:
        rows = conn.execute(
            "SELECT s.work_day, t.item_id, t.state FROM ticks AS t"
            " JOIN shifts AS s ON s.id = t.shift_id"
        ).fetchall()
    finally:
        conn.close()
    return Counter(rows)


def assert_days_consistent(store: Store) -> None:
    """No work day twice or missing, no tick counted twice or never.

    Every shift's work day is the local date of its start in the zone it
    started in; the counted days are exactly those work days; and the counts
    the figures read equal a count of the raw ticks.
    """
    shifts = store.latest_shifts(100_000)
    for shift in shifts:
        assert shift.work_day == shift.started_at.date(), shift
        assert shift.started_at.utcoffset() is not None

    days = store.day_counts()
    listed = [d.work_day for d in days]
    assert listed == sorted(set(listed)), "a work day listed twice or out of order"
    assert set(listed) == {s.work_day for s in shifts}
    for day in days:
        assert day.shifts == sum(1 for s in shifts if s.work_day == day.work_day)

    counted = Counter()
    for day in days:
        for item_id, count in day.items.items():
            for state, n in (("done", count.done), ("missed", count.missed)):
                counted[(day.work_day.isoformat(), item_id, state)] += n
            counted[(day.work_day.isoformat(), item_id, "na")] += count.na
    assert +counted == raw_counts(store)


def hours(start: datetime, end: datetime) -> float:
    """Real elapsed hours between two aware instants."""
    return (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() / 3600
