"""A few realistic shifts written through the Store, for tests that need history."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from cs_daily.checklist import load_bundled_checklist
from cs_daily.model import Checklist, Phase, TickState
from cs_daily.store import Store

JAKARTA = ZoneInfo("Asia/Jakarta")
CHECKLIST = load_bundled_checklist("en")


def write_shifts(
    db: Path,
    first: datetime,
    days: int,
    checklist: Checklist = CHECKLIST,
    interactions: int = 3,
) -> None:
    """One closed shift a day from ``first``, each with a few interactions."""
    with Store.open(db) as store:
        for n in range(days):
            start = first + timedelta(days=n)
            write_shift(store, checklist, start, interactions)


def write_shift(
    store: Store, checklist: Checklist, start: datetime, interactions: int = 3
) -> int:
    """A closed eight-hour shift; its id."""
    shift = store.start_shift(checklist, start)
    for item in checklist.shift_items(Phase.START):
        store.set_tick(shift.id, item.id, TickState.DONE, start)
    for n in range(interactions):
        state = TickState.MISSED if n % 3 == 2 else TickState.DONE
        ticks = {item.id: state for item in checklist.interaction_items()}
        store.add_interaction(
            shift.id, checklist.channels[n % 2].id, start + timedelta(hours=1), ticks
        )
    store.end_shift(shift.id, start + timedelta(hours=8))
    return shift.id


def shift_starts(db: Path) -> list[datetime]:
    """Every shift's start instant, oldest first."""
    with Store.open(db, readonly=True) as store:
        return [s.started_at for s in store.latest_shifts(10_000)][::-1]
