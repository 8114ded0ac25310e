"""Small helpers the Pilot tests share: reading the screen and the notices,
waiting for the day's copy, running the launcher's app under Pilot."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from cs_daily.tui.app import CsDailyApp


def notices(app: App) -> list[str]:
    """The messages of every notification raised so far."""
    return [notification.message for notification in app._notifications]


def text_of(app: App, selector: str) -> str:
    """The plain text a Static on the current screen shows."""
    return str(app.screen.query_one(selector, Static).render())


async def copy_taken(pilot: Pilot[None]) -> None:
    """Wait until the app has started and finished the day's copy, and has
    handled what it found."""
    app = pilot.app
    assert isinstance(app, CsDailyApp)
    for _ in range(100):
        if app.daily_copy_worker is not None:
            break
        await pilot.pause()
    worker = app.daily_copy_worker
    assert worker is not None, "the app never started the day's copy"
    await worker.wait()
    await pilot.pause()


def launch_under_pilot(
    monkeypatch: pytest.MonkeyPatch, script: Callable[[Pilot[None]], Awaitable[None]]
) -> list[CsDailyApp]:
    """Make the launcher run its app headless, driven by ``script``.

    The app is the one ``cs-daily`` builds, with the day's copy; the list
    returned holds each app the launcher started.
    """
    started: list[CsDailyApp] = []

    def run(app: CsDailyApp) -> None:
        started.append(app)

        async def drive() -> None:
            async with app.run_test(size=(80, 24), notifications=True) as pilot:
                await script(pilot)

        asyncio.run(drive())

    monkeypatch.setattr(CsDailyApp, "run", run)
    return started
