"""Every kind of change can be undone, repeatedly, one transaction each."""

from __future__ import annotations

import pytest

from cs_daily.errors import StoreError
from cs_daily.model import Checklist, TickState
from cs_daily.store import Store
from tests.store.conftest import local

DONE, MISSED, NA = TickState.DONE, TickState.MISSED, TickState.NA


def _state(store: Store) -> tuple[object, ...]:
    """Everything the agent could see, to compare before and after."""
    shifts = store.latest_shifts(100)
    return (
        shifts,
        [store.shift_ticks(s.id) for s in shifts],
        [store.interactions(s.id) for s in shifts],
        store.day_counts(),
        [store.last_activity(s.id) for s in shifts],
    )


@pytest.fixture
def shift_id(store: Store, checklist: Checklist) -> int:
    shift_id = store.start_shift(checklist, local(2, 8)).id
    store.set_tick(shift_id, "prep", DONE, local(2, 8, 5))
    store.add_interaction(shift_id, "phone", local(2, 9), {"greet": DONE})
    return shift_id


def test_nothing_to_undo_on_a_fresh_store(store: Store):
    assert not store.can_undo
    assert store.undo() is None


def test_undo_a_tick_set_changed_and_cleared(store: Store, shift_id: int):
    before = _state(store)

    store.set_tick(shift_id, "tools", DONE, local(2, 9, 30))
    store.set_tick(shift_id, "prep", MISSED, local(2, 9, 31))
    store.clear_tick(shift_id, "prep")
    assert "prep" not in store.shift_ticks(shift_id)

    assert store.undo() == "Undid the change to “prep label”."
    assert store.shift_ticks(shift_id)["prep"].state is MISSED
    assert store.undo() == "Undid the change to “prep label”."
    assert store.undo() == "Undid the change to “tools label”."
    assert _state(store) == before


def test_undo_an_interaction_tick(store: Store, shift_id: int):
    (interaction,) = store.interactions(shift_id)
    before = _state(store)

    store.set_tick(shift_id, "greet", NA, local(2, 9, 5), interaction.id)
    store.clear_tick(shift_id, "greet", interaction.id)

    assert store.undo() == "Undid the change to “greet label” on interaction 1."
    assert store.undo() == "Undid the change to “greet label” on interaction 1."
    assert _state(store) == before


def test_undo_an_added_interaction(store: Store, shift_id: int):
    before = _state(store)

    added = store.add_interaction(
        shift_id, "email", local(2, 10), {"greet": NA, "clear": MISSED}
    )

    assert store.undo() == f"Undid the logging of interaction {added.seq}."
    assert _state(store) == before


def test_undo_an_edited_interaction(store: Store, shift_id: int):
    (interaction,) = store.interactions(shift_id)
    before = _state(store)

    store.edit_interaction(
        interaction.id,
        at=local(2, 11),
        channel="email",
        ref="T-9",
        note="callback",
        ticks={"greet": None, "clear": DONE, "solve": NA},
    )
    edited = store.interaction(interaction.id)
    assert (edited.channel, edited.ref, edited.note) == ("email", "T-9", "callback")
    assert {t.item_id for t in edited.ticks} == {"clear", "solve"}

    assert store.undo() == "Undid the edit of interaction 1."
    assert _state(store) == before


def test_edit_can_set_ref_and_note_back_to_none(store: Store, shift_id: int):
    added = store.add_interaction(
        shift_id, "email", local(2, 10), {}, ref="T-1", note="x"
    )

    store.edit_interaction(added.id, at=local(2, 11), ref=None)
    assert (store.interaction(added.id).ref, store.interaction(added.id).note) == (
        None,
        "x",
    )


def test_undo_a_deleted_interaction(store: Store, shift_id: int):
    (interaction,) = store.interactions(shift_id)
    second = store.add_interaction(shift_id, "email", local(2, 10), {"clear": DONE})
    before = _state(store)

    store.delete_interaction(interaction.id)
    assert [i.seq for i in store.interactions(shift_id)] == [second.seq]

    assert store.undo() == "Brought back interaction 1."
    assert _state(store) == before


def test_undo_focus_end_and_start(store: Store, checklist: Checklist):
    empty = _state(store)
    shift = store.start_shift(checklist, local(2, 8))
    store.set_focus(shift.id, "clear")
    store.set_focus(shift.id, "honest")
    store.end_shift(shift.id, local(2, 17), reflection="fine")

    assert store.undo() == "Undid the end of the shift; it is open again."
    assert store.open_shift() == store.shift(shift.id)
    assert store.shift(shift.id).reflection is None
    assert store.undo() == "Undid the change of focus item."
    assert store.shift(shift.id).focus_item == "clear"
    assert store.undo() == "Undid the change of focus item."
    assert store.undo() == "Undid the start of the shift."
    assert store.undo() is None
    assert _state(store) == empty


def test_a_whole_session_undoes_back_to_empty(store: Store, checklist: Checklist):
    empty = _state(store)
    shift = store.start_shift(checklist, local(2, 8))
    added = store.add_interaction(shift.id, "phone", local(2, 9), {"clear": DONE})
    store.edit_interaction(added.id, at=local(2, 9, 5), ticks={"clear": MISSED})
    store.set_tick(shift.id, "team", NA, local(2, 16))
    store.delete_interaction(added.id)
    store.end_shift(shift.id, local(2, 17))

    undone = 0
    while store.can_undo:
        assert store.undo()
        undone += 1

    assert undone == 6
    assert _state(store) == empty


def test_reopening_refused_while_another_shift_is_open(
    store: Store, checklist: Checklist
):
    first = store.start_shift(checklist, local(2, 8))
    store.end_shift(first.id, local(2, 17))
    other = Store.open(store.path)
    try:
        other.start_shift(checklist, local(3, 8))
    finally:
        other.close()

    with pytest.raises(StoreError, match="another shift is open"):
        store.undo()
    assert store.shift(first.id).ended_at == local(2, 17)


def test_start_not_undone_once_another_program_logged_into_it(
    store: Store, checklist: Checklist
):
    shift = store.start_shift(checklist, local(2, 8))
    other = Store.open(store.path)
    try:
        other.set_tick(shift.id, "prep", DONE, local(2, 8, 1))
    finally:
        other.close()

    with pytest.raises(StoreError, match="answers were logged"):
        store.undo()
    assert store.open_shift() is not None
    assert not store.can_undo


def test_bulk_writes_are_not_undoable(store: Store, checklist: Checklist):
    with store.bulk():
        shift = store.start_shift(checklist, local(2, 8))
        store.set_tick(shift.id, "prep", DONE, local(2, 8, 1))

    assert not store.can_undo
    assert store.shift_ticks(shift.id)["prep"].state is DONE
