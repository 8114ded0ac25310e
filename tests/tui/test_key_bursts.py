"""Keys that arrive together, as from a fast typist, act in the order typed.

Pilot waits for the app to settle after every key, which hides ordering
bugs; a terminal does not. These tests hand the driver a whole burst at once,
the way a fast typist's keys arrive in one read.
"""

from __future__ import annotations

import asyncio

import pytest
from textual import events

from cs_daily.model import TickState
from cs_daily.tui.app import CsDailyApp
from cs_daily.tui.screens.interaction import InteractionModal
from cs_daily.tui.screens.start_shift import StartShiftScreen
from tests.tui.conftest import SIZE, at

KEY_CHARACTERS = {"enter": "\r", "escape": "\x1b", "tab": "\t", "minus": "-"}


def burst(app: CsDailyApp, *keys: str) -> None:
    """Queue every key before the app handles any of them."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        event = events.Key(key, KEY_CHARACTERS.get(key, key))
        event.set_sender(app)
        driver.send_message(event)


async def test_a_burst_in_the_interaction_modal_keeps_every_key(
    make_app, store, checklist
):
    shift = store.start_shift(checklist, at(3, 8))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, InteractionModal)

        burst(app, "p", "3", "3", "5", "enter")
        await pilot.pause()
        await pilot.pause()

        [logged] = store.interactions(shift.id)
        ticks = {tick.item_id: tick.state for tick in logged.ticks}
        assert logged.channel == "phone"
        assert ticks["greet"] is TickState.NA
        assert ticks["ask"] is TickState.MISSED


async def test_a_repeated_number_key_moves_the_tick_twice(make_app, store, checklist):
    shift = store.start_shift(checklist, at(3, 8))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, StartShiftScreen)

        burst(app, "1", "2", "2", "enter")
        await pilot.pause()
        await pilot.pause()

        ticks = store.shift_ticks(shift.id)
        assert ticks["prep"].state is TickState.DONE
        assert ticks["sop"].state is TickState.MISSED
        assert not isinstance(app.screen, StartShiftScreen)


async def test_keys_typed_while_the_modal_opens_reach_it(make_app, store, checklist):
    shift = store.start_shift(checklist, at(3, 8))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        burst(app, "i", "e", "3", "enter")
        for _ in range(4):
            await pilot.pause()

        [logged] = store.interactions(shift.id)
        ticks = {tick.item_id: tick.state for tick in logged.ticks}
        assert logged.channel == "email"
        assert ticks["greet"] is TickState.MISSED


async def test_two_enters_in_the_note_field_save_one_interaction(
    make_app, store, checklist
):
    shift = store.start_shift(checklist, at(3, 8))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()

        burst(app, "tab", "d", "b", "l", "enter", "enter")
        for _ in range(4):
            await pilot.pause()

        [logged] = store.interactions(shift.id)
        assert logged.ref == "dbl"
        assert type(app.screen).__name__ == "TodayScreen"


async def test_a_reference_typed_right_after_tab_lands_in_the_field(
    make_app, store, checklist
):
    shift = store.start_shift(checklist, at(3, 8))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()

        burst(app, "tab", "o", "r", "d", "minus", "7", "7", "enter")
        for _ in range(4):
            await pilot.pause()

        [logged] = store.interactions(shift.id)
        assert logged.ref == "ord-77"
        assert {tick.state for tick in logged.ticks} == {TickState.DONE}


async def test_two_enters_on_the_end_screen_close_the_shift_once(
    make_app, store, checklist
):
    shift = store.start_shift(checklist, at(3, 8))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()

        burst(app, "enter", "enter")
        for _ in range(4):
            await pilot.pause()

        assert store.shift(shift.id).ended_at is not None
        assert type(app.screen).__name__ == "TodayScreen"


async def test_a_hidden_key_before_n_neither_crashes_nor_opens_anything(
    make_app, store
):
    """``l`` with no shift open, then ``n``, in one read: only ``n`` counts."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst(app, "l", "n")
        for _ in range(5):
            await pilot.pause()

        assert [type(s) for s in app.screen_stack][1:] == [StartShiftScreen]
        assert store.open_shift() is not None


@pytest.mark.parametrize("gap", [0.0, 0.05])
async def test_interactions_typed_back_to_back_are_all_saved(
    make_app, store, checklist, gap: float
):
    """The next ``i`` often comes before the modal has finished closing."""
    shift = store.start_shift(checklist, at(3, 8))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(5):
            burst(app, "i", "p", "3", "enter")
            await asyncio.sleep(gap)
        for _ in range(20):
            await pilot.pause()

        logged = store.interactions(shift.id)
        assert len(logged) == 5
        assert all(i.channel == "phone" for i in logged)
        assert all(
            t.state is not TickState.DONE
            for i in logged
            for t in i.ticks
            if t.item_id == "greet"
        )
