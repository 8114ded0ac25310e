"""Logging an interaction: a routine one in at most four keys, written on Enter."""

from __future__ import annotations

import pytest

from cs_daily.errors import StoreError
from cs_daily.model import TickState
from cs_daily.settings import Settings
from cs_daily.tui.screens.confirm import ConfirmModal
from cs_daily.tui.screens.interaction import InteractionModal
from cs_daily.tui.screens.today import TodayScreen
from tests.tui.conftest import SIZE, at
from tests.tui.helpers import notices


@pytest.fixture
def open_shift(store, checklist):
    """A shift already started at 08:00, as after a relaunch."""
    return store.start_shift(checklist, at(3, 8))


def states(interaction) -> dict[str, TickState]:
    return {tick.item_id: tick.state for tick in interaction.ticks}


async def test_two_keys_log_a_routine_interaction(make_app, store, open_shift):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "enter")
        await pilot.pause()

        [logged] = store.interactions(open_shift.id)
        assert logged.channel == "whatsapp"
        assert set(states(logged).values()) == {TickState.DONE}
        assert len(logged.ticks) == 10
        assert isinstance(app.screen, TodayScreen)


async def test_three_keys_log_one_miss(make_app, store, open_shift):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "3", "enter")
        await pilot.pause()

        [logged] = store.interactions(open_shift.id)
        missed = [k for k, v in states(logged).items() if v is TickState.MISSED]
        assert missed == ["greet"]


async def test_four_keys_pick_a_channel_too_and_it_becomes_the_default(
    make_app, store, open_shift
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "p", "3", "enter")
        await pilot.press("i", "enter")
        await pilot.pause()

        first, second = store.interactions(open_shift.id)
        assert (first.channel, second.channel) == ("phone", "phone")
        assert states(first)["greet"] is TickState.MISSED
        assert states(second)["greet"] is TickState.DONE


async def test_number_key_cycles_done_missed_na_and_back(make_app, store, open_shift):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        # Both open done. greet allows n/a: missed, then n/a. respond does
        # not: missed, then done again.
        await pilot.press("i", "3", "3", "1", "1", "enter")
        await pilot.pause()

        ticks = states(store.interactions(open_shift.id)[0])
        assert ticks["greet"] is TickState.NA
        assert ticks["respond"] is TickState.DONE


async def test_without_pretick_items_open_unanswered(make_app, store, open_shift):
    app = make_app(Settings(pretick=False))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "2", "enter")
        await pilot.pause()

        [logged] = store.interactions(open_shift.id)
        assert states(logged) == {"expect": TickState.DONE}


async def test_digits_typed_in_ref_stay_text_and_enter_saves_from_the_input(
    make_app, store, open_shift
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "tab", "T", "-", "1", "2", "3", "tab", "w", "a")
        await pilot.press("enter")
        await pilot.pause()

        [logged] = store.interactions(open_shift.id)
        assert logged.ref == "T-123"
        assert logged.note == "wa"
        assert logged.channel == "whatsapp"
        assert set(states(logged).values()) == {TickState.DONE}


async def test_escape_without_changes_closes_without_asking(
    make_app, store, open_shift
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "escape")
        await pilot.pause()

        assert isinstance(app.screen, TodayScreen)
        assert store.interactions(open_shift.id) == []


async def test_escape_with_changes_asks_first(make_app, store, open_shift):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "3", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)

        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, InteractionModal)

        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert store.interactions(open_shift.id) == []


async def test_a_refused_save_keeps_the_modal_open(
    make_app, store, open_shift, monkeypatch: pytest.MonkeyPatch
):
    def refuse(*args: object, **kwargs: object) -> None:
        raise StoreError("database is locked")

    monkeypatch.setattr(store, "add_interaction", refuse)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("i", "enter")
        await pilot.pause()

        assert isinstance(app.screen, InteractionModal)
        assert "database is locked" in notices(app)


async def test_i_without_a_shift_says_to_start_one(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("i")
        await pilot.pause()

        assert isinstance(app.screen, TodayScreen)
        assert store.open_shift() is None


async def test_the_interaction_is_stamped_with_the_clock(
    make_app, store, open_shift, clock
):
    clock.set(at(3, 10, 42))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "enter")
        await pilot.pause()

        assert store.interactions(open_shift.id)[0].started_at == at(3, 10, 42)


async def test_a_click_on_a_channel_picks_it(make_app, store, open_shift):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        # "●[w] WhatsApp  " takes 15 cells; the phone channel follows.
        await pilot.click("#channels", offset=(18, 0))
        await pilot.press("enter")
        await pilot.pause()

        assert store.interactions(open_shift.id)[0].channel == "phone"


async def test_a_click_on_an_item_changes_its_tick(make_app, store, open_shift):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.click("#ticks", offset=(10, 2))
        await pilot.press("enter")
        await pilot.pause()

        assert states(store.interactions(open_shift.id)[0])["greet"] is TickState.MISSED
