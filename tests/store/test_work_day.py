"""A shift belongs wholly to the local date it started on."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from cs_daily.clock import FrozenClock
from cs_daily.model import Checklist, TickState
from cs_daily.store import Store

JAKARTA = ZoneInfo("Asia/Jakarta")
DONE = TickState.DONE


def test_a_night_shift_has_one_work_day_the_start_day(
    store: Store, checklist: Checklist
):
    clock = FrozenClock(datetime(2026, 3, 2, 22, 0, tzinfo=JAKARTA))
    shift = store.start_shift(checklist, clock.now())

    clock.advance(hours=1)
    store.add_interaction(shift.id, "phone", clock.now(), {"clear": DONE})
    clock.advance(hours=2, minutes=30)  # 01:30 on the next local date
    store.add_interaction(shift.id, "whatsapp", clock.now(), {"clear": DONE})
    clock.advance(hours=4, minutes=30)  # 06:00
    store.set_tick(shift.id, "sweep", DONE, clock.now())
    ended = store.end_shift(shift.id, clock.now())

    assert ended.work_day == date(2026, 3, 2)
    assert ended.ended_at == datetime(2026, 3, 3, 6, 0, tzinfo=JAKARTA)
    (day,) = store.day_counts()
    assert day.work_day == date(2026, 3, 2)
    assert day.items["clear"].done == 2
    assert day.interactions_by_channel == {"phone": 1, "whatsapp": 1}
    assert store.shifts_between(date(2026, 3, 3), date(2026, 3, 3)) == []
    assert store.read_day(date(2026, 3, 3)).shifts == ()


def test_the_work_day_is_local_not_utc(store: Store, checklist: Checklist):
    # 06:30 in Jakarta is 23:30 UTC the day before.
    shift = store.start_shift(checklist, datetime(2026, 3, 2, 6, 30, tzinfo=JAKARTA))

    assert shift.work_day == date(2026, 3, 2)
    assert [d.work_day for d in store.day_counts()] == [date(2026, 3, 2)]


def test_an_open_shift_across_midnight_keeps_its_work_day(
    store: Store, checklist: Checklist
):
    clock = FrozenClock(datetime(2026, 3, 2, 23, 30, tzinfo=JAKARTA))
    shift = store.start_shift(checklist, clock.now())

    clock.advance(hours=1)
    store.add_interaction(shift.id, "phone", clock.now(), {"clear": DONE})

    still_open = store.open_shift()
    assert still_open is not None
    assert still_open.work_day == date(2026, 3, 2)
    (day,) = store.day_counts()
    assert (day.work_day, day.open_shift) == (date(2026, 3, 2), True)
    assert store.last_activity(shift.id) == clock.now()


def test_a_shift_read_after_a_move_keeps_its_own_zone(
    store: Store, checklist: Checklist
):
    clock = FrozenClock(datetime(2026, 3, 2, 8, 0, tzinfo=JAKARTA))
    shift = store.start_shift(checklist, clock.now())
    clock.move_to_zone("Asia/Makassar")
    clock.advance(hours=8)

    ended = store.end_shift(shift.id, clock.now())

    assert ended.zone == "Asia/Jakarta"
    assert ended.ended_at is not None
    assert ended.ended_at.utcoffset() == shift.started_at.utcoffset()
    assert ended.ended_at == clock.now()
    assert ended.work_day == date(2026, 3, 2)
