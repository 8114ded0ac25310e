"""Log ticks through the Store forever, printing each one once it is saved.

Run by the fault tests, which kill this process at random moments. A line is
printed and flushed only after the Store call has returned, so every line the
test reads names a tick that cs-daily told the agent was saved:
``tick <id> <state>`` and ``interaction <id>``.

Usage: ticker.py DATABASE [WRITER_NAME]
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from itertools import count
from pathlib import Path
from zoneinfo import ZoneInfo

from cs_daily.checklist import load_bundled_checklist
from cs_daily.model import Checklist, Phase, Shift, TickState
from cs_daily.store import Store

JAKARTA = ZoneInfo("Asia/Jakarta")
FIRST = datetime(2026, 3, 2, 8, 0, tzinfo=JAKARTA)
STATES = (TickState.DONE, TickState.MISSED, TickState.DONE)


def say(*words: object) -> None:
    print(*words, flush=True)


def main() -> None:
    checklist = load_bundled_checklist("en")
    store = Store.open(Path(sys.argv[1]))
    say("ready")

    for step in count():
        shift = store.open_shift()
        if shift is None:
            shift = _start(store, checklist)
        elif step % 7 == 6 and len(store.interactions(shift.id)) >= 8:
            _end(store, checklist, shift.id)
        else:
            _interaction(store, shift.id, step)


def _now(store: Store) -> datetime:
    """Some minutes after the latest activity, so shifts walk across days."""
    latest = store.latest_shifts(1)
    if not latest:
        return FIRST
    return store.last_activity(latest[0].id) + timedelta(minutes=47)


def _start(store: Store, checklist: Checklist) -> Shift:
    shift = store.start_shift(checklist, _now(store))
    for n, item in enumerate(checklist.shift_items(Phase.START)):
        tick = store.set_tick(shift.id, item.id, STATES[n % 3], _now(store))
        say("tick", tick.id, tick.state.value)
    return shift


def _end(store: Store, checklist: Checklist, shift_id: int) -> None:
    for item in checklist.shift_items(Phase.END):
        tick = store.set_tick(shift_id, item.id, TickState.DONE, _now(store))
        say("tick", tick.id, tick.state.value)
    store.end_shift(shift_id, _now(store), reflection="handover done")
    say("ended", shift_id)


def _interaction(store: Store, shift_id: int, step: int) -> None:
    ticks = {
        "respond": STATES[step % 3],
        "clear": TickState.DONE,
        "honest": TickState.DONE,
    }
    channel = ("whatsapp", "phone", "email")[step % 3]
    found = store.add_interaction(shift_id, channel, _now(store), ticks)
    say("interaction", found.id)
    for tick in found.ticks:
        say("tick", tick.id, tick.state.value)


if __name__ == "__main__":
    main()
