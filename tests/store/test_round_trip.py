"""What goes into the store comes back out, also after closing and reopening."""

from __future__ import annotations

from pathlib import Path

from cs_daily.model import Checklist, TickState
from cs_daily.store import Store
from tests.store.conftest import local, make_checklist

DONE, MISSED, NA = TickState.DONE, TickState.MISSED, TickState.NA


def _fill(store: Store, checklist: Checklist) -> int:
    shift = store.start_shift(checklist, local(2, 8))
    store.set_tick(shift.id, "prep", DONE, local(2, 8, 1))
    store.set_tick(shift.id, "tools", MISSED, local(2, 8, 2))
    store.set_focus(shift.id, "clear")
    store.add_interaction(
        shift.id, "whatsapp", local(2, 9), {"greet": DONE, "honest": DONE}, ref="T-1"
    )
    store.add_interaction(
        shift.id, "phone", local(2, 10), {"greet": NA, "clear": MISSED}, note="rude"
    )
    store.set_tick(shift.id, "team", NA, local(2, 16, 55))
    store.end_shift(shift.id, local(2, 17), reflection="busy day")
    return shift.id


def test_everything_survives_close_and_reopen(db_path: Path, checklist: Checklist):
    with Store.open(db_path) as store:
        shift_id = _fill(store, checklist)
        before = (
            store.shift(shift_id),
            store.shift_ticks(shift_id),
            store.interactions(shift_id),
            store.day_counts(),
        )

    with Store.open(db_path) as store:
        after = (
            store.shift(shift_id),
            store.shift_ticks(shift_id),
            store.interactions(shift_id),
            store.day_counts(),
        )
        assert store.shift_checklist(shift_id) == checklist

    assert after == before


def test_rows_come_back_as_logged(store: Store, checklist: Checklist):
    shift_id = _fill(store, checklist)

    shift = store.shift(shift_id)
    assert shift.started_at == local(2, 8)
    assert shift.zone == "Asia/Jakarta"
    assert shift.utc_offset_minutes == 7 * 60
    assert shift.ended_at == local(2, 17)
    assert (shift.focus_item, shift.reflection) == ("clear", "busy day")
    assert shift.checklist_hash == checklist.content_hash()

    ticks = store.shift_ticks(shift_id)
    assert {k: t.state for k, t in ticks.items()} == {
        "prep": DONE,
        "tools": MISSED,
        "team": NA,
    }

    first, second = store.interactions(shift_id)
    assert (first.seq, first.channel, first.ref) == (1, "whatsapp", "T-1")
    assert {t.item_id: t.state for t in first.ticks} == {"greet": DONE, "honest": DONE}
    assert (second.seq, second.note) == (2, "rude")
    assert store.last_channel() == "phone"
    assert store.last_activity(shift_id) == local(2, 16, 55)


def test_day_counts_sum_every_tick(store: Store, checklist: Checklist):
    _fill(store, checklist)

    (day,) = store.day_counts()
    assert day.work_day.isoformat() == "2026-03-02"
    assert (day.shifts, day.open_shift, day.target) == (1, False, checklist.target)
    assert day.items["greet"].done == 1
    assert day.items["greet"].na == 1
    assert day.items["tools"].missed == 1
    assert day.interactions_by_channel == {"whatsapp": 1, "phone": 1}
    assert day.channels["phone"].missed == 1
    assert day.meta["honest"].critical


def test_read_day_gathers_every_shift_of_the_day(store: Store, checklist: Checklist):
    shift_id = _fill(store, checklist)
    second = store.start_shift(checklist, local(2, 19))

    record = store.read_day(local(2, 0).date())

    assert [r.shift.id for r in record.shifts] == [shift_id, second.id]
    assert len(record.shifts[0].interactions) == 2
    assert set(record.shifts[0].ticks) == {"prep", "tools", "team"}
    assert store.day_counts()[0].open_shift


def test_a_day_with_two_checklists_takes_meta_from_the_latest(store: Store):
    old = make_checklist(target=0.7)
    new = make_checklist(target=0.9)
    new = new._replace(
        items=tuple(
            item._replace(critical=item.id == "clear")
            for item in new.items
            if item.id != "solve"
        ),
    )
    first = store.start_shift(old, local(2, 6))
    store.add_interaction(first.id, "phone", local(2, 7), {"solve": DONE})
    store.end_shift(first.id, local(2, 12))
    store.start_shift(new, local(2, 13))

    (day,) = store.day_counts()

    assert day.target == 0.9
    assert day.meta["clear"].critical
    assert not day.meta["honest"].critical
    assert day.meta["solve"] == old.item("solve")
    assert (day.shifts, day.open_shift) == (2, True)


def test_last_channel_is_none_until_something_is_logged(
    store: Store, checklist: Checklist
):
    assert store.last_channel() is None
    first = store.start_shift(checklist, local(2, 8))
    store.add_interaction(first.id, "email", local(2, 9), {})
    store.end_shift(first.id, local(2, 17))
    second = store.start_shift(checklist, local(3, 8))

    assert store.last_channel() == "email"
    store.add_interaction(second.id, "whatsapp", local(3, 9), {})
    assert store.last_channel() == "whatsapp"
