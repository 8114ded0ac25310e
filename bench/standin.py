"""A plain history generator, used only until ``cs_daily.demo`` lands.

It writes the same shape the targets describe (weekday shifts of 40
interactions, every item answered) through the store's bulk import, so the
store's own figures can be measured early. Results made with it are marked
as such; once the real generator exists it is used instead.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from cs_daily.model import Checklist, Item, Phase, TickState

STATES = (TickState.DONE, TickState.MISSED, TickState.NA)


def generate(
    store: Any,
    checklist: Checklist,
    shifts: int,
    interactions: int,
    seed: int,
    last_day: date,
    zone: str,
) -> None:
    """``shifts`` weekday shifts ending on ``last_day``, in one transaction."""
    from cs_daily.store import InteractionData

    rng = random.Random(seed)
    tz = ZoneInfo(zone)
    channels = [channel.id for channel in checklist.channels]
    shift_items = [i for i in checklist.items if i.phase in (Phase.START, Phase.END)]
    interaction_items = checklist.interaction_items()

    with store.bulk():
        for day in _work_days(last_day, shifts):
            start = datetime.combine(day, time(9), tzinfo=tz)
            contacts = [
                InteractionData(
                    channel=rng.choice(channels),
                    started_at=start + timedelta(minutes=10 * n + 5),
                    ended_at=start + timedelta(minutes=10 * n + 12),
                    ticks={i.id: _state(rng, i) for i in interaction_items},
                )
                for n in range(interactions)
            ]
            store.import_shift(
                checklist,
                start,
                start + timedelta(hours=8),
                shift_ticks={i.id: _state(rng, i) for i in shift_items},
                interactions=contacts,
            )


def _work_days(last_day: date, count: int) -> list[date]:
    """The last ``count`` weekdays up to ``last_day``, oldest first."""
    days: list[date] = []
    day = last_day
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return days[::-1]


def _state(rng: random.Random, item: Item) -> TickState:
    roll = rng.random()
    if item.na and roll > 0.93:
        return TickState.NA
    return TickState.MISSED if roll > 0.85 else TickState.DONE
