"""Whole historical shifts go in at once, counted like hand-logged ones."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from cs_daily.errors import StoreError
from cs_daily.model import Checklist, TickState
from cs_daily.store import InteractionData, Store
from tests.store.conftest import local

DONE, MISSED, NA = TickState.DONE, TickState.MISSED, TickState.NA


def _interactions(day: int, count: int) -> list[InteractionData]:
    return [
        InteractionData(
            channel="phone" if n % 2 else "email",
            started_at=local(day, 9) + timedelta(minutes=10 * n),
            ended_at=local(day, 9) + timedelta(minutes=10 * n + 4),
            ticks={"greet": NA if n % 3 else DONE, "clear": MISSED if n % 4 else DONE},
            ref=f"T-{n}",
        )
        for n in range(count)
    ]


def _import(store: Store, checklist: Checklist, day: int, count: int = 5) -> int:
    return store.import_shift(
        checklist,
        local(day, 8),
        local(day, 17),
        focus="clear",
        reflection="imported",
        shift_ticks={"prep": DONE, "sweep": MISSED},
        interactions=_interactions(day, count),
    )


def test_an_imported_shift_reads_back_whole(store: Store, checklist: Checklist):
    shift_id = _import(store, checklist, 2)

    shift = store.shift(shift_id)
    assert (shift.focus_item, shift.reflection) == ("clear", "imported")
    assert shift.ended_at == local(2, 17)
    ticks = store.shift_ticks(shift_id)
    assert ticks["prep"].answered_at == local(2, 8)
    assert ticks["sweep"].answered_at == local(2, 17)
    interactions = store.interactions(shift_id)
    assert [i.seq for i in interactions] == [1, 2, 3, 4, 5]
    assert interactions[4].ref == "T-4"
    assert {t.item_id: t.state for t in interactions[0].ticks} == {
        "greet": DONE,
        "clear": DONE,
    }
    assert store.last_activity(shift_id) == local(2, 17)  # the end tick


def test_imported_and_logged_shifts_count_the_same(tmp_path: Path, checklist):
    with Store.open(tmp_path / "a.sqlite3") as imported:
        _import(imported, checklist, 2)
        expected = imported.day_counts()

    with Store.open(tmp_path / "b.sqlite3") as logged:
        shift = logged.start_shift(checklist, local(2, 8))
        logged.set_tick(shift.id, "prep", DONE, local(2, 8))
        for data in _interactions(2, 5):
            logged.add_interaction(shift.id, data.channel, data.started_at, data.ticks)
        logged.set_tick(shift.id, "sweep", MISSED, local(2, 17))
        logged.end_shift(shift.id, local(2, 17))
        assert logged.day_counts() == expected


def test_bulk_is_all_or_nothing(store: Store, checklist: Checklist):
    with pytest.raises(StoreError, match="fax is not a channel"), store.bulk():
        for day in range(2, 6):
            _import(store, checklist, day)
        store.import_shift(
            checklist,
            local(9, 8),
            local(9, 17),
            interactions=[InteractionData("fax", local(9, 9))],
        )

    assert store.latest_shifts(10) == []
    assert store.day_counts() == []


def test_many_shifts_in_one_bulk_block(store: Store, checklist: Checklist):
    with store.bulk():
        ids = [_import(store, checklist, day, count=40) for day in range(1, 29)]

    assert len(set(ids)) == 28
    days = store.day_counts()
    assert len(days) == 28
    assert all(sum(d.interactions_by_channel.values()) == 40 for d in days)
    assert not store.can_undo


def test_counts_read_before_a_bulk_block_are_refreshed_after(
    store: Store, checklist: Checklist
):
    _import(store, checklist, 1)
    assert len(store.day_counts()) == 1

    with store.bulk():
        _import(store, checklist, 2)
        assert len(store.day_counts()) == 2
        _import(store, checklist, 3)
    assert len(store.day_counts()) == 3

    shift = store.start_shift(checklist, local(4, 8))
    store.set_tick(shift.id, "prep", DONE, local(4, 8, 1))
    assert store.day_counts()[-1].items["prep"].done == 1


def test_counts_stay_right_after_a_failed_bulk_block(
    store: Store, checklist: Checklist
):
    shift = store.start_shift(checklist, local(2, 8))
    assert store.day_counts()[0].items == {}

    with pytest.raises(StoreError), store.bulk():
        _import(store, checklist, 1)
        store.set_tick(shift.id, "nosuch", DONE, local(2, 9))

    store.set_tick(shift.id, "prep", DONE, local(2, 9))
    assert [d.work_day for d in store.day_counts()] == [local(2, 8).date()]
    assert store.day_counts()[0].items["prep"].done == 1
