"""Answers the shift's checklist does not allow are refused, and nothing is written."""

from __future__ import annotations

import pytest

from cs_daily.errors import StoreError
from cs_daily.model import Checklist, TickState
from cs_daily.store import Store
from tests.store.conftest import local

DONE, NA = TickState.DONE, TickState.NA


@pytest.fixture
def shift_id(store: Store, checklist: Checklist) -> int:
    return store.start_shift(checklist, local(2, 8)).id


def _nothing_written(store: Store, shift_id: int) -> None:
    assert store.shift_ticks(shift_id) == {}
    assert store.interactions(shift_id) == []
    assert store.day_counts()[0].items == {}


def test_an_unknown_item_is_refused(store: Store, shift_id: int):
    with pytest.raises(StoreError, match="nosuch is not an item of the checklist"):
        store.set_tick(shift_id, "nosuch", DONE, local(2, 9))
    with pytest.raises(StoreError, match="nosuch is not an item"):
        store.add_interaction(shift_id, "phone", local(2, 9), {"nosuch": DONE})
    with pytest.raises(StoreError, match="nosuch is not an item"):
        store.set_focus(shift_id, "nosuch")
    _nothing_written(store, shift_id)


def test_na_is_refused_where_the_item_does_not_allow_it(store: Store, shift_id: int):
    with pytest.raises(StoreError, match="prep cannot be answered n/a"):
        store.set_tick(shift_id, "prep", NA, local(2, 9))
    with pytest.raises(StoreError, match="clear cannot be answered n/a"):
        store.add_interaction(shift_id, "phone", local(2, 9), {"clear": NA})
    _nothing_written(store, shift_id)


def test_an_interaction_item_is_refused_on_the_shift(store: Store, shift_id: int):
    with pytest.raises(StoreError, match="greet is answered for each interaction"):
        store.set_tick(shift_id, "greet", DONE, local(2, 9))
    _nothing_written(store, shift_id)


def test_a_shift_item_is_refused_on_an_interaction(store: Store, shift_id: int):
    with pytest.raises(StoreError, match="prep is answered once per shift"):
        store.add_interaction(shift_id, "phone", local(2, 9), {"prep": DONE})

    interaction = store.add_interaction(shift_id, "phone", local(2, 9), {})
    with pytest.raises(StoreError, match="prep is answered once per shift"):
        store.set_tick(shift_id, "prep", DONE, local(2, 9), interaction.id)
    with pytest.raises(StoreError, match="prep is answered once per shift"):
        store.edit_interaction(interaction.id, at=local(2, 9), ticks={"prep": DONE})


def test_an_unknown_channel_is_refused(store: Store, shift_id: int):
    with pytest.raises(StoreError, match="fax is not a channel"):
        store.add_interaction(shift_id, "fax", local(2, 9), {"greet": DONE})

    interaction = store.add_interaction(shift_id, "phone", local(2, 9), {})
    with pytest.raises(StoreError, match="fax is not a channel"):
        store.edit_interaction(interaction.id, at=local(2, 9), channel="fax")
    assert store.interaction(interaction.id).channel == "phone"


def test_a_second_open_shift_is_refused(store: Store, checklist: Checklist):
    store.start_shift(checklist, local(2, 8))

    with pytest.raises(StoreError, match="A shift is already open"):
        store.start_shift(checklist, local(2, 9))
    assert len(store.latest_shifts(10)) == 1


def test_an_ended_shift_can_still_be_corrected(store: Store, shift_id: int):
    store.end_shift(shift_id, local(2, 17))

    tick = store.set_tick(shift_id, "sweep", DONE, local(3, 9))

    assert store.shift_ticks(shift_id) == {"sweep": tick}
    with pytest.raises(StoreError, match="already ended"):
        store.end_shift(shift_id, local(2, 18))


def test_a_shift_cannot_end_before_it_started(store: Store, shift_id: int):
    with pytest.raises(StoreError, match="cannot end before it started"):
        store.end_shift(shift_id, local(2, 7))
    assert store.shift(shift_id).is_open


def test_an_interaction_of_another_shift_is_refused(
    store: Store, checklist: Checklist, shift_id: int
):
    other = store.add_interaction(shift_id, "phone", local(2, 9), {})
    store.end_shift(shift_id, local(2, 17))
    second = store.start_shift(checklist, local(3, 8))

    with pytest.raises(StoreError, match=f"Interaction {other.id} does not belong"):
        store.set_tick(second.id, "greet", DONE, local(3, 9), other.id)


def test_missing_rows_are_named(store: Store):
    with pytest.raises(StoreError, match="There is no shift 42"):
        store.shift(42)
    with pytest.raises(StoreError, match="There is no interaction 7"):
        store.interaction(7)
    with pytest.raises(StoreError, match="There is no interaction 7"):
        store.delete_interaction(7)
