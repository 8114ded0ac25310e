"""Reviewing this shift's interactions, editing and deleting them, ending the shift."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from cs_daily.model import TickState
from cs_daily.tui.display import clock_time
from cs_daily.tui.screens.end_shift import EndShiftScreen
from cs_daily.tui.screens.interaction import InteractionModal
from cs_daily.tui.screens.interactions import InteractionsScreen
from cs_daily.tui.screens.today import TodayScreen
from cs_daily.tui.widgets.interaction_table import InteractionTable
from tests.tui.conftest import SIZE, at
from tests.tui.helpers import text_of

ALL_DONE = {"respond": TickState.DONE, "greet": TickState.DONE}


@pytest.fixture
def busy_shift(store, checklist):
    """A shift with three interactions logged, the last one on the phone."""
    shift = store.start_shift(checklist, at(3, 8))
    for minute, channel in ((5, "whatsapp"), (10, "email"), (15, "phone")):
        store.add_interaction(shift.id, channel, at(3, 8, minute), ALL_DONE)
    return shift


async def test_l_lists_every_interaction_of_the_shift(make_app, busy_shift):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()

        assert isinstance(app.screen, InteractionsScreen)
        assert app.screen.query_one(InteractionTable).row_count == 3


async def test_enter_reopens_the_modal_filled_in_and_saves_the_edit(
    make_app, store, busy_shift
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, InteractionModal)
        assert app.screen.editing is not None

        await pilot.press("c", "3", "enter")
        await pilot.pause()

        edited = store.interactions(busy_shift.id)[1]
        assert edited.seq == 2
        assert edited.channel == "live_chat"
        assert {t.item_id: t.state for t in edited.ticks} == {
            "respond": TickState.DONE,
            "greet": TickState.MISSED,
        }
        assert isinstance(app.screen, InteractionsScreen)
        assert len(store.interactions(busy_shift.id)) == 3


async def test_d_deletes_after_confirming_and_u_brings_it_back(
    make_app, store, busy_shift
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "d", "n")
        await pilot.pause()
        assert len(store.interactions(busy_shift.id)) == 3

        await pilot.press("d", "y")
        await pilot.pause()
        assert [i.seq for i in store.interactions(busy_shift.id)] == [2, 3]
        assert app.screen.query_one(InteractionTable).row_count == 2

        await pilot.press("u")
        await pilot.pause()
        assert [i.seq for i in store.interactions(busy_shift.id)] == [1, 2, 3]
        assert app.screen.query_one(InteractionTable).row_count == 3


async def test_end_shift_ticks_writes_reflection_and_closes(
    make_app, store, busy_shift, clock
):
    clock.set(at(3, 16, 30))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EndShiftScreen)
        assert "3 interactions, 0 items missed" in text_of(app, "#summary")

        await pilot.press("1", "2", "2", "tab", *"calm day", "enter")
        await pilot.pause()

        ended = store.shift(busy_shift.id)
        assert ended.ended_at == at(3, 16, 30)
        assert ended.reflection == "calm day"
        ticks = {k: t.state for k, t in store.shift_ticks(ended.id).items()}
        assert ticks == {"sweep": TickState.DONE, "team": TickState.MISSED}
        assert store.open_shift() is None
        assert isinstance(app.screen, TodayScreen)
        closed = text_of(app, "#today-shift")
        assert "No shift open. Last shift: Dec 3, 2026" in closed
        assert clock_time(at(3, 16, 30)) in closed


async def test_escape_on_the_end_screen_keeps_the_shift_open(
    make_app, store, busy_shift
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "1", "escape")
        await pilot.pause()

        assert store.open_shift() is not None
        assert "sweep" in store.shift_ticks(busy_shift.id)
        assert isinstance(app.screen, TodayScreen)


async def test_a_reflection_left_with_escape_is_there_on_coming_back(
    make_app, store, busy_shift
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "tab", *"slow tools", "escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)

        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#reflection", Input).value == "slow tools"
        await pilot.press("enter")
        await pilot.pause()

    assert store.shift(busy_shift.id).reflection == "slow tools"


async def test_the_summary_shows_how_the_focus_item_went(make_app, store, busy_shift):
    store.set_focus(busy_shift.id, "greet")
    store.add_interaction(busy_shift.id, "phone", at(3, 9), {"greet": TickState.MISSED})
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()

        assert "kept 3 of 4" in text_of(app, "#summary")


async def test_one_interaction_and_one_miss_are_counted_in_the_singular(
    make_app, store, checklist
):
    shift = store.start_shift(checklist, at(3, 8))
    store.add_interaction(shift.id, "phone", at(3, 8, 5), {"respond": TickState.MISSED})
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert "1 interaction, 1 item missed" in text_of(app, "#summary")
