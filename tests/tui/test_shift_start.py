"""Starting a shift: the start is recorded first, each tick before it is shown."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cs_daily.errors import StoreError
from cs_daily.model import TickState
from cs_daily.tui.display import clock_time
from cs_daily.tui.screens.start_shift import StartShiftScreen
from cs_daily.tui.screens.today import TodayScreen
from cs_daily.tui.widgets.tick_list import TickList
from tests.tui.conftest import SIZE, at
from tests.tui.helpers import notices, text_of


async def test_fresh_install_welcomes_and_says_what_to_press(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, TodayScreen)
        welcome = app.screen.query_one("#today-welcome")
        assert welcome.display
        assert "Press n" in text_of(app, "#today-welcome")


async def test_n_records_the_shift_before_showing_its_start_items(
    make_app, store
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()

        shift = store.open_shift()
        assert shift is not None
        assert shift.started_at == at(3, 8)
        assert shift.work_day.isoformat() == "2026-12-03"
        assert isinstance(app.screen, StartShiftScreen)


async def test_each_start_tick_is_in_the_database(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "1", "2", "2", "4", "4", "4")
        await pilot.pause()

        shift = store.open_shift()
        ticks = {k: t.state for k, t in store.shift_ticks(shift.id).items()}
        # crisis has no n/a, so a third press comes back to done.
        assert ticks == {
            "prep": TickState.DONE,
            "sop": TickState.MISSED,
            "crisis": TickState.DONE,
        }
        shown = app.screen.query_one(TickList)
        assert shown.tick("sop") is TickState.MISSED


async def test_a_refused_tick_is_not_shown_as_saved(
    make_app, store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise StoreError("database or disk is full")

    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("n")
        await pilot.pause()
        monkeypatch.setattr(store, "set_tick", refuse)
        await pilot.press("1")
        await pilot.pause()

        assert app.screen.query_one(TickList).tick("prep") is None
        assert store.shift_ticks(store.open_shift().id) == {}
        assert "database or disk is full" in notices(app)


async def test_a_shift_already_open_is_not_started_twice(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "enter", "n")
        await pilot.pause()

        assert len(store.latest_shifts(5)) == 1
        assert isinstance(app.screen, TodayScreen)


async def test_weakest_item_of_the_last_30_days_is_proposed_as_focus(
    make_app, store, checklist, clock
) -> None:
    for day in (1, 2):
        shift = store.start_shift(checklist, at(day, 8))
        for minute in range(5):
            ticks = {"greet": TickState.MISSED, "calm": TickState.DONE}
            store.add_interaction(shift.id, "phone", at(day, 9, minute), ticks)
        store.end_shift(shift.id, at(day, 16))
    clock.set(at(3, 8))

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()

        assert store.open_shift().focus_item == "greet"
        assert "weakest" in text_of(app, "#focus-line")


async def test_f_picks_another_focus_item(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "f")
        await pilot.pause()
        # The picker lists interaction items first: respond, expect, greet...
        await pilot.press("down", "down", "enter")
        await pilot.pause()

        assert store.open_shift().focus_item == "greet"
        assert isinstance(app.screen, StartShiftScreen)


async def test_enter_goes_back_to_today_showing_the_open_shift(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "enter")
        clock.advance(minutes=5)
        await pilot.pause()

        assert isinstance(app.screen, TodayScreen)
        assert f"Shift open since {clock_time(at(3, 8))}" in text_of(
            app, "#today-shift"
        )
        assert clock.now() - at(3, 8) == timedelta(minutes=5)


async def test_p_reopens_the_start_items_of_the_open_shift(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "1", "enter", "p")
        await pilot.pause()
        assert isinstance(app.screen, StartShiftScreen)
        assert app.screen.query_one(TickList).tick("prep") is TickState.DONE

        await pilot.press("2", "enter")
        await pilot.pause()
        ticks = store.shift_ticks(store.open_shift().id)
        assert ticks["sop"].state is TickState.DONE
        assert len(store.latest_shifts(5)) == 1


async def test_the_focus_item_can_be_set_to_none(make_app, store, checklist):
    shift = store.start_shift(checklist, at(3, 8))
    store.set_focus(shift.id, "greet")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "f", "end", "enter")
        await pilot.pause()

        assert store.open_shift().focus_item is None
        assert "No focus item" in text_of(app, "#focus-line")


async def test_a_key_that_needs_a_shift_says_so(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()

        assert type(app.screen).__name__ == "TodayScreen"
        assert notices(app) == ["No shift is open. Press n to start one."]


async def test_a_shift_started_by_another_copy_is_found_on_the_next_key(
    make_app, db_path, checklist
):
    from cs_daily.store import Store
    from cs_daily.tui.screens.interaction import InteractionModal

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        with Store.open(db_path) as other_copy:
            other_copy.start_shift(checklist, at(3, 8))

        await pilot.press("i")
        await pilot.pause()

        assert isinstance(app.screen, InteractionModal)
