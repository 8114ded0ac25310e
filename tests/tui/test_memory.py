"""A long shift does not make the app heavier: screens let go of what they drew.

Every interaction logged opens a modal, closes it and redraws Today; whatever
that leaves behind stays for the rest of the shift and is scanned again by
every full garbage collection, which the agent feels as a stutter.
"""

from __future__ import annotations

import gc

import pytest
from textual._styles_cache import StylesCache
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets._footer import FooterKey

from cs_daily.tui.screens.interaction import InteractionModal
from cs_daily.tui.screens.today import TodayScreen
from tests.tui.conftest import SIZE, at


@pytest.fixture
def open_shift(store, checklist):
    """A shift already started at 08:00, as after a relaunch."""
    return store.start_shift(checklist, at(3, 8))


def detached(kind: type[Widget]) -> int:
    """Widgets of ``kind`` still alive once garbage is freed, yet on no screen."""
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, kind) and not o.is_attached)


async def log_interactions(pilot: Pilot[None], count: int) -> None:
    for _ in range(count):
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(pilot.app.screen, InteractionModal)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)


async def test_logging_interactions_leaves_nothing_behind(make_app, store, open_shift):
    """Twenty more interactions leave no more footer keys, and no modal, alive."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await log_interactions(pilot, 5)
        after_five = detached(FooterKey)
        await log_interactions(pilot, 20)
        after_twenty_five = detached(FooterKey)
        modals = sum(1 for o in gc.get_objects() if isinstance(o, InteractionModal))

    assert len(store.interactions(open_shift.id)) == 25
    assert after_twenty_five <= after_five
    assert modals == 0


async def test_no_render_cache_outlives_its_widget(make_app, open_shift):
    """Each widget has one render cache; the caches of closed modals are freed."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await log_interactions(pilot, 20)
        gc.collect()
        caches = sum(1 for o in gc.get_objects() if isinstance(o, StylesCache))
        widgets = sum(1 for o in gc.get_objects() if isinstance(o, Widget))

    assert caches <= widgets
