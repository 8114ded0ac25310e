"""The counts kept by triggers always equal a recount from the ticks."""

from __future__ import annotations

import contextlib
import sqlite3
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cs_daily.errors import StoreError
from cs_daily.model import TickState
from cs_daily.store import Store
from tests.store.conftest import local, make_checklist

CHECKLIST = make_checklist()
ALTERED = make_checklist(title="Edited checklist", target=0.9)
INTERACTION_ITEMS = [i.id for i in CHECKLIST.interaction_items()]
SHIFT_ITEMS = [i.id for i in CHECKLIST.items if i not in CHECKLIST.interaction_items()]
CHANNELS = [c.id for c in CHECKLIST.channels]

states = st.sampled_from(list(TickState))
interaction_ticks = st.dictionaries(st.sampled_from(INTERACTION_ITEMS), states)
edit_ticks = st.dictionaries(
    st.sampled_from(INTERACTION_ITEMS), st.one_of(st.none(), states)
)
index = st.integers(min_value=0, max_value=5)

operations = st.one_of(
    st.tuples(st.just("start"), st.integers(0, 3), st.booleans()),
    st.tuples(st.just("end")),
    st.tuples(st.just("add"), st.sampled_from(CHANNELS), interaction_ticks),
    st.tuples(
        st.just("edit"),
        index,
        st.one_of(st.none(), st.sampled_from(CHANNELS)),
        edit_ticks,
    ),
    st.tuples(st.just("delete"), index),
    st.tuples(st.just("shift_tick"), st.sampled_from(SHIFT_ITEMS), states),
    st.tuples(st.just("tick"), index, st.sampled_from(INTERACTION_ITEMS), states),
    st.tuples(st.just("clear"), index, st.sampled_from(INTERACTION_ITEMS)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("look")),
)


class Driver:
    """Applies generated operations to a store, skipping refused ones."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.minute = 0

    def at(self, day: int = 2):
        self.minute += 1
        return local(day, 6) + timedelta(minutes=self.minute)

    def apply(self, operation: tuple) -> None:
        with contextlib.suppress(StoreError):
            getattr(self, "op_" + operation[0])(*operation[1:])

    def shift_id(self) -> int | None:
        latest = self.store.latest_shifts(1)
        return latest[0].id if latest else None

    def pick(self, position: int):
        shift_id = self.shift_id()
        found = self.store.interactions(shift_id) if shift_id else []
        return found[position % len(found)] if found else None

    def op_start(self, day: int, altered: bool) -> None:
        at = local(2 + day, 8) + timedelta(minutes=self.minute)
        self.store.start_shift(ALTERED if altered else CHECKLIST, at)

    def op_end(self) -> None:
        found = self.store.open_shift()
        if found:
            self.store.end_shift(found.id, found.started_at + timedelta(hours=8))

    def op_add(self, channel: str, ticks: dict) -> None:
        if self.shift_id():
            self.store.add_interaction(self.shift_id(), channel, self.at(), ticks)

    def op_edit(self, position: int, channel: str | None, ticks: dict) -> None:
        found = self.pick(position)
        if found:
            self.store.edit_interaction(
                found.id, at=self.at(), channel=channel, ticks=ticks
            )

    def op_delete(self, position: int) -> None:
        found = self.pick(position)
        if found:
            self.store.delete_interaction(found.id)

    def op_shift_tick(self, item_id: str, state: TickState) -> None:
        if self.shift_id():
            self.store.set_tick(self.shift_id(), item_id, state, self.at())

    def op_tick(self, position: int, item_id: str, state: TickState) -> None:
        found = self.pick(position)
        if found:
            self.store.set_tick(found.shift_id, item_id, state, self.at(), found.id)

    def op_clear(self, position: int, item_id: str) -> None:
        found = self.pick(position)
        if found:
            self.store.clear_tick(found.shift_id, item_id, found.id)

    def op_undo(self) -> None:
        self.store.undo()

    def op_look(self) -> None:
        """Read the counts, as the interface does after every change."""
        self.store.day_counts()


def _count_rows(store: Store) -> tuple[list[tuple], list[tuple]]:
    conn: sqlite3.Connection = store._conn
    return (
        conn.execute("SELECT * FROM day_item_counts ORDER BY 1, 2").fetchall(),
        conn.execute("SELECT * FROM day_channel_counts ORDER BY 1, 2").fetchall(),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(operations, max_size=40))
def test_maintained_counts_equal_a_rebuild(ops: list[tuple]):
    with (
        tempfile.TemporaryDirectory() as folder,
        Store.open(Path(folder) / "history.sqlite3") as store,
    ):
        driver = Driver(store)
        for operation in ops:
            driver.apply(operation)

        maintained = _count_rows(store)
        days = store.day_counts()
        with Store.open(store.path, readonly=True) as fresh:
            assert fresh.day_counts() == days

        store.rebuild_counts()

        assert _count_rows(store) == maintained
        assert store.day_counts() == days


def test_counts_written_by_another_program_are_seen(store: Store):
    shift = store.start_shift(CHECKLIST, local(2, 8))
    assert store.day_counts()[0].items == {}

    with Store.open(store.path) as other:
        other.set_tick(shift.id, "prep", TickState.DONE, local(2, 8, 1))

    assert store.day_counts()[0].items["prep"].done == 1


def test_counts_follow_a_channel_change(store: Store):
    shift = store.start_shift(CHECKLIST, local(2, 8))
    added = store.add_interaction(
        shift.id, "phone", local(2, 9), {"greet": TickState.DONE}
    )

    store.edit_interaction(added.id, at=local(2, 10), channel="email")

    (day,) = store.day_counts()
    assert day.interactions_by_channel == {"email": 1}
    assert day.channels["email"].done == 1
    assert "phone" not in day.channels
