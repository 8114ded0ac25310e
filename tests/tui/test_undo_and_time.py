"""Undo, resuming an open shift, a stale shift, night shifts and midnight."""

from __future__ import annotations

import pytest

from cs_daily.errors import StoreError
from cs_daily.i18n import _, set_language
from cs_daily.model import TickState
from cs_daily.tui.display import clock_time
from cs_daily.tui.screens.start_shift import StartShiftScreen
from cs_daily.tui.screens.today import TodayScreen
from cs_daily.tui.screens.too_small import TooSmallScreen
from tests.tui.conftest import SIZE, at
from tests.tui.helpers import notices, text_of


async def test_undo_walks_back_one_change_at_a_time(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("n", "1", "enter", "i", "enter")
        await pilot.pause()
        shift = store.open_shift()
        assert len(store.interactions(shift.id)) == 1

        await pilot.press("u")
        await pilot.pause()
        assert store.interactions(shift.id) == []
        assert "prep" in store.shift_ticks(shift.id)

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store.shift_ticks(shift.id) == {}

        await pilot.press("u")
        await pilot.pause()
        assert store.open_shift() is None
        assert "Undid the start of the shift." in notices(app)
        assert "No shift open" in text_of(app, "#today-shift")


async def test_undo_with_nothing_to_undo_says_so(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("u")
        await pilot.pause()

        assert "Nothing to undo." in notices(app)


async def test_undo_on_the_start_screen_of_an_empty_shift_returns_to_today(
    make_app, store
):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, StartShiftScreen)

        await pilot.press("u")
        await pilot.pause()
        assert store.open_shift() is None
        assert isinstance(app.screen, TodayScreen)


async def test_relaunching_with_a_shift_open_resumes_it(
    make_app, store, checklist, clock
):
    shift = store.start_shift(checklist, at(3, 8))
    store.add_interaction(shift.id, "email", at(3, 9), {"greet": TickState.DONE})
    clock.set(at(3, 11))

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert f"Shift open since {clock_time(at(3, 8))} · 1 interaction" in text_of(
            app, "#today-shift"
        )

        await pilot.press("i", "enter")
        await pilot.pause()
        assert [i.channel for i in store.interactions(shift.id)] == ["email", "email"]


async def test_a_shift_open_over_16_hours_is_offered_a_close_at_its_last_activity(
    make_app, store, checklist, clock
):
    shift = store.start_shift(checklist, at(2, 8))
    store.add_interaction(shift.id, "phone", at(2, 15, 20), {"greet": TickState.DONE})
    clock.set(at(3, 8))

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.id == "stale-shift"
        assert clock_time(at(2, 15, 20)) in text_of(app, ".dialog-keys")

        await pilot.press("enter")
        await pilot.pause()
        assert store.shift(shift.id).ended_at == at(2, 15, 20)
        assert isinstance(app.screen, StartShiftScreen)
        fresh = store.open_shift()
        assert fresh.id != shift.id
        assert fresh.work_day == at(3, 8).date()


async def test_n_by_habit_on_the_stale_question_closes_it_and_starts_afresh(
    make_app, store, checklist, clock
):
    """``n`` starts a shift on Today, so here it must not keep the old one open.

    Typed in one burst with the first preparation item and Enter, as on
    Today, the keys land on the new shift's start list.
    """
    shift = store.start_shift(checklist, at(2, 8))
    clock.set(at(3, 8))

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.id == "stale-shift"
        await pilot.press("n", "1", "enter")
        await pilot.pause()

        assert store.shift(shift.id).ended_at == at(2, 8)
        fresh = store.open_shift()
        assert fresh.id != shift.id
        assert store.shift_ticks(fresh.id)["prep"].state == TickState.DONE
        assert store.shift_ticks(shift.id) == {}
        assert isinstance(app.screen, TodayScreen)


async def test_no_letter_on_the_stale_question_keeps_the_old_shift_open(
    make_app, store, checklist, clock
):
    """Only Escape keeps it open: no habit letter can pick that answer."""
    shift = store.start_shift(checklist, at(2, 8))
    clock.set(at(3, 1))

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.id == "stale-shift"
        assert store.open_shift().id == shift.id

        await pilot.press("escape")
        await pilot.pause()
        assert store.open_shift().id == shift.id
        assert store.shift(shift.id).ended_at is None
        assert isinstance(app.screen, TodayScreen)


@pytest.mark.parametrize("language", ["en", "id"])
async def test_the_stale_question_names_its_own_keys(
    make_app, store, checklist, clock, language
):
    """The hint and the footer say what n, Enter and Escape do, in each language."""
    set_language(language)
    store.start_shift(checklist, at(2, 8))
    clock.set(at(3, 8))

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        hint = text_of(app, ".dialog-keys")
        shown = {
            binding.key: binding.description
            for _node, binding, enabled, _tip in app.active_bindings.values()
            if binding.show and enabled
        }

    assert "y" not in shown
    assert shown["n"] == _("Close it, start new")
    assert shown["escape"] == _("Keep it open")
    close = _("n / Enter: close it at {time} and start a new shift")
    assert hint.splitlines() == [
        close.format(time=clock_time(at(2, 8))),
        _("Escape: keep it open"),
    ]


async def test_a_recent_shift_is_not_called_stale(make_app, store, checklist, clock):
    store.start_shift(checklist, at(2, 22))
    clock.set(at(3, 13))

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_a_night_shift_from_22_to_06_is_one_shift_on_its_start_day(
    make_app, store, clock
):
    clock.set(at(3, 22))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "enter", "i", "enter")
        clock.set(at(4, 1, 30))
        await pilot.press("i", "enter")
        clock.set(at(4, 6))
        await pilot.press("e", "enter")
        await pilot.pause()

    [shift] = store.latest_shifts(5)
    assert shift.work_day.isoformat() == "2026-12-03"
    assert shift.ended_at == at(4, 6)
    assert len(store.interactions(shift.id)) == 2
    assert [d.work_day.isoformat() for d in store.day_counts()] == ["2026-12-03"]


async def test_an_app_left_open_across_midnight_keeps_the_shift_on_its_day(
    make_app, store, clock
):
    clock.set(at(3, 21))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "enter")
        clock.set(at(4, 0, 30))
        await pilot.press("i", "enter")
        await pilot.pause()

        assert "December 3, 2026" in text_of(app, "#today-date")
        assert store.open_shift().work_day.isoformat() == "2026-12-03"

        await pilot.press("e", "enter")
        await pilot.pause()
        assert "December 4, 2026" in text_of(app, "#today-date")


async def test_an_undo_the_store_refuses_is_told_not_crashed(
    make_app, store, monkeypatch
):
    def refuse() -> None:
        raise StoreError("Cannot undo the start of this shift: answers were logged.")

    monkeypatch.setattr(store, "undo", refuse)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("u")
        await pilot.pause()

        assert isinstance(app.screen, TodayScreen)
        assert any("Cannot undo" in notice for notice in notices(app))


async def test_a_start_the_store_refuses_opens_no_start_screen(
    make_app, store, monkeypatch
):
    def refuse(*args: object) -> None:
        raise StoreError("database is locked")

    monkeypatch.setattr(store, "start_shift", refuse)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("n")
        await pilot.pause()

        assert isinstance(app.screen, TodayScreen)
        assert "database is locked" in notices(app)
        assert store.open_shift() is None


async def test_in_a_tiny_window_the_stale_shift_question_waits_for_room(
    make_app, store, checklist, clock
):
    shift = store.start_shift(checklist, at(2, 8))
    clock.set(at(3, 8))

    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)

        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        assert app.screen.id == "stale-shift"

        await pilot.press("enter")
        await pilot.pause()
        assert store.shift(shift.id).ended_at == at(2, 8)
        assert isinstance(app.screen, StartShiftScreen)
