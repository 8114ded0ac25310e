"""Help, the command palette, small windows and wide characters."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from cs_daily.i18n import set_language
from cs_daily.model import Channel, TickState
from cs_daily.settings import Settings
from cs_daily.tui.app import build_app
from cs_daily.tui.screens.help import HelpScreen
from cs_daily.tui.screens.interaction import InteractionModal
from cs_daily.tui.screens.today import TodayScreen
from cs_daily.tui.screens.too_small import TooSmallScreen
from cs_daily.tui.widgets.interaction_table import InteractionTable
from tests.tui.conftest import SIZE, at
from tests.tui.helpers import notices, text_of


async def test_question_mark_lists_every_key_of_today(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)

        table = app.screen.query_one(DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        described = {(row[1], row[2]) for row in rows}
        for binding in TodayScreen.BINDINGS:
            assert any(binding.description == what for _, what in described)
        assert ("w", "channel: WhatsApp") in described

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_f1_opens_help_too(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_every_binding_has_an_id_and_a_description(make_app):
    from cs_daily.tui.app import CsDailyApp
    from cs_daily.tui.screens.end_shift import EndShiftScreen
    from cs_daily.tui.screens.interactions import InteractionsScreen
    from cs_daily.tui.screens.start_shift import StartShiftScreen

    screens = (
        CsDailyApp,
        TodayScreen,
        StartShiftScreen,
        InteractionModal,
        InteractionsScreen,
        EndShiftScreen,
    )
    for screen in screens:
        for binding in screen.BINDINGS:
            assert binding.id and binding.description, (screen, binding)


async def test_the_command_palette_runs_the_apps_actions(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Start shift")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)

        assert store.open_shift() is not None


async def test_below_60x20_a_clear_message_replaces_the_app(make_app):
    app = make_app()
    async with app.run_test(size=(50, 16)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "too small" in text_of(app, "#too-small-message")

        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        assert isinstance(app.screen, TodayScreen)


async def test_wide_characters_in_a_custom_checklist_log_normally(
    checklist, store, clock
):
    wide = checklist._replace(
        channels=(Channel("line", "LINE 公式アカウント 📱", "l"), *checklist.channels),
        items=tuple(
            item._replace(label=f"{item.label} 客服 ✅") for item in checklist.items
        ),
    )
    shift = store.start_shift(wide, at(3, 8))
    app = build_app(wide, store, clock, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "l", "2", "enter")
        await pilot.pause()

        [logged] = store.interactions(shift.id)
        assert logged.channel == "line"
        assert {t.item_id: t.state for t in logged.ticks}["expect"] is TickState.MISSED

        recent = app.screen.query_one(InteractionTable)
        assert recent.virtual_size.width <= recent.size.width, "no sideways scroll"


async def test_footer_descriptions_follow_the_language_chosen_after_import(
    make_app, monkeypatch
):
    monkeypatch.setattr("cs_daily.tui.keys._", lambda text: text.upper())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = {a.binding.description for a in app.screen.active_bindings.values()}
        assert "START SHIFT" in shown


async def test_without_colour_ticks_still_read_as_words(
    make_app, store, checklist, monkeypatch
):
    monkeypatch.setenv("NO_COLOR", "1")
    store.start_shift(checklist, at(3, 8))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", "3")
        await pilot.pause()

        assert app.no_color
        shown = app.export_screenshot()
        assert "✗" in shown and "missed" in shown


async def test_s_opens_the_statistics_and_escape_comes_back(make_app):
    from cs_daily.tui.screens.stats import StatsScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_a_warning_given_before_the_start_is_shown_once_the_app_is_up(
    make_app,
):
    app = make_app()
    app.warn("No backup today", "Could not write the copy: disk full")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()

        assert notices(app) == ["Could not write the copy: disk full"]


async def test_a_warning_given_while_the_app_runs_is_shown_at_once(make_app):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.warn("No backup today", "Could not write the copy: disk full")
        await pilot.pause()

        assert notices(app) == ["Could not write the copy: disk full"]


async def test_under_the_too_small_warning_help_waits_for_a_bigger_window(make_app):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("question_mark", "f1")
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)

        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert not any(isinstance(s, TooSmallScreen) for s in app.screen_stack)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_in_indonesian_the_interaction_fields_stay_on_screen(
    make_app, store, checklist, size
):
    set_language("id")
    store.start_shift(checklist, at(3, 8))
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("i")
        await pilot.pause()

        screen = app.screen.region
        for field in ("#ref", "#note", "#channels"):
            region = app.screen.query_one(field).region
            assert region.height >= 1 and screen.contains_region(region), field
