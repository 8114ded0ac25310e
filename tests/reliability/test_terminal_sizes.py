"""The shift companion in a tiny terminal and through a storm of resizes.

Agents run cs-daily in whatever window they have: a split pane, a phone's
SSH client, a terminal being dragged about. No size and no sequence of sizes
may crash the app or lose a tick logged before, during or after them.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from cs_daily.clock import FrozenClock
from cs_daily.settings import Settings
from cs_daily.store import Store
from cs_daily.tui.app import CsDailyApp, build_app
from cs_daily.tui.screens.too_small import TooSmallScreen
from tests.reliability.history import CHECKLIST, JAKARTA

SEED = 20261203


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "history.sqlite3") as opened:
        yield opened


def _app(store: Store) -> CsDailyApp:
    clock = FrozenClock(datetime(2026, 12, 3, 8, 0, tzinfo=JAKARTA))
    return build_app(CHECKLIST, store, clock, Settings())


def _interactions(store: Store) -> int:
    shift = store.open_shift()
    return len(store.interactions(shift.id)) if shift else 0


def test_at_40x12_the_app_explains_and_works_once_the_window_grows(store: Store):
    async def drive() -> None:
        app = _app(store)
        async with app.run_test(size=(40, 12)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, TooSmallScreen)
            await pilot.press("n", "1", "i", "w", "enter")
            await pilot.pause()
            assert isinstance(app.screen, TooSmallScreen)

            await pilot.resize_terminal(80, 24)
            await pilot.pause(0.2)
            await pilot.press("n")
            await pilot.pause()
            assert store.open_shift() is not None

    asyncio.run(drive())


def test_help_opened_in_a_tiny_window_closes_onto_the_app_not_the_warning(
    store: Store,
):
    """``?`` works even under the too-small warning; the warning must not outlive
    the small window once help is closed."""

    async def drive() -> None:
        app = _app(store)
        async with app.run_test(size=(40, 12)) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            await pilot.resize_terminal(80, 24)
            await pilot.pause(0.2)
            await pilot.press("escape")
            await pilot.pause()
            stack = [type(s).__name__ for s in app.screen_stack]
            assert not isinstance(app.screen, TooSmallScreen), stack

    asyncio.run(drive())


@pytest.mark.stress
@pytest.mark.parametrize("opened", ["today", "shift start", "interaction"])
def test_a_storm_of_resizes_loses_nothing_and_crashes_nothing(
    store: Store, opened: str
):
    rng = random.Random(SEED)
    sizes = [(rng.randint(10, 220), rng.randint(4, 70)) for _ in range(40)]
    keys = {
        "today": [],
        "shift start": ["n", "1"],
        "interaction": ["n", "enter", "i", "w"],
    }

    async def drive() -> None:
        app = _app(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*keys[opened])
            await pilot.pause()
            before = type(app.screen)
            logged = _interactions(store)
            for n, (width, height) in enumerate(sizes):
                await pilot.resize_terminal(width, height)
                if n % 10 == 0:
                    await pilot.pause()
            await pilot.resize_terminal(40, 12)
            await pilot.pause()
            await pilot.resize_terminal(100, 30)
            await pilot.pause(0.2)
            assert type(app.screen) is before
            app.export_screenshot()
            if opened == "interaction":
                await pilot.press("enter")
                await pilot.pause()
                assert _interactions(store) == logged + 1

    asyncio.run(drive())
    if opened != "today":
        assert store.open_shift() is not None
