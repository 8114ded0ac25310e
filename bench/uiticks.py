"""Ticks through the running app: a key event in, the commit timed exactly.

The app runs headless under Textual's own test harness, but keys are handed
to it the way the terminal driver hands them over, without Pilot's idle
waits, so only the app's own work is timed. The store's connection is
wrapped so the instant its ``COMMIT`` returns is known; a second connection
then checks that the tick is visible from outside (``PRAGMA data_version``).

Two journeys, each about ``ctx.ticks`` ticks:

- a preparation item's number key on the shift-start screen: one key, one
  tick written;
- Enter on the interaction modal: one key writes an interaction with its ten
  ticks, then the modal closes and Today is redrawn.
"""

from __future__ import annotations

import asyncio
import gc
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual import events

from bench import project
from bench.context import Context

SIZE = (100, 30)
TIMEOUT_SECONDS = 10.0
POLL = 0.0002


@dataclass
class UiTimes:
    """Milliseconds for each measured key press."""

    tick_commit: list[float] = field(default_factory=list)
    tick_flush: list[float] = field(default_factory=list)
    tick_paint: list[float] = field(default_factory=list)
    save_commit: list[float] = field(default_factory=list)
    save_flush: list[float] = field(default_factory=list)
    save_today: list[float] = field(default_factory=list)
    stats_shown: list[float] = field(default_factory=list)
    full_collections: list[float] = field(default_factory=list)


class CollectionWatch:
    """Times every full (generation 2) garbage collection while it is on."""

    def __init__(self, into: list[float]) -> None:
        self.into = into
        self.began = 0.0

    def __call__(self, phase: str, details: dict[str, int]) -> None:
        if details.get("generation") != 2:
            return
        if phase == "start":
            self.began = time.perf_counter()
        else:
            self.into.append((time.perf_counter() - self.began) * 1000)

    def __enter__(self) -> CollectionWatch:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)


class CommitWatch:
    """Stands in for the store's connection and notes when each COMMIT returns.

    It also notes how long each COMMIT itself took: with ``synchronous = FULL``
    that is the disk flush, which varies with everything else the machine
    writes, so it is shown apart from the app's own work.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self.commits: list[float] = []
        self.flushes: list[float] = []

    def execute(self, sql: str, *args: Any) -> Any:
        began = time.perf_counter()
        result = self._connection.execute(sql, *args)
        if sql == "COMMIT":
            self.commits.append(time.perf_counter())
            self.flushes.append((self.commits[-1] - began) * 1000)
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._connection, name)


class FrameWatch:
    """Notes when the app hands each frame to the (headless) terminal."""

    def __init__(self, app: Any) -> None:
        self.frames: list[float] = []
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is not None and not app._batch_count:
                self.frames.append(time.perf_counter())

        app._display = display

    def after(self, instant: float) -> float | None:
        return next((f for f in reversed(self.frames) if f >= instant), None)


def measure(ctx: Context, database: Path, count: int) -> UiTimes:
    """Both journeys on the history at ``database``, ``count`` ticks each."""
    _clean_slate()
    return asyncio.run(_drive(ctx, database, count))


def _clean_slate() -> None:
    """Free the apps of earlier runs now, so their garbage is not counted here."""
    gc.collect()


def stats_screen(ctx: Context, database: Path, count: int) -> list[float]:
    """Milliseconds from pressing ``s`` on Today to the stats screen drawn in full."""
    times = UiTimes()
    _clean_slate()
    asyncio.run(_drive(ctx, database, count, stats_only=True, times=times))
    return times.stats_shown


async def _drive(
    ctx: Context,
    database: Path,
    count: int,
    stats_only: bool = False,
    times: UiTimes | None = None,
) -> UiTimes:
    with _collected_as_in_the_cli():
        return await _journeys(ctx, database, count, stats_only, times)


@contextmanager
def _collected_as_in_the_cli() -> Iterator[None]:
    """The collector paused until Today is drawn, then frozen, as ``cs-daily`` runs.

    Without this, every full collection during the journeys would also scan
    everything the benchmark process itself holds, which the app's own start
    leaves out. The freeze is undone afterwards for the next measurement.
    """
    try:
        with project.collector_paused():
            yield
    finally:
        gc.unfreeze()


async def _journeys(
    ctx: Context,
    database: Path,
    count: int,
    stats_only: bool,
    times: UiTimes | None,
) -> UiTimes:
    store = project.open_store(database)
    watch = CommitWatch(store._conn)
    store._conn = watch
    clock = project.frozen_clock(ctx.today, hour=8)
    app = project.build_app(store, clock)
    frames = FrameWatch(app)
    observer = sqlite3.connect(database, isolation_level=None)
    times = times or UiTimes()

    try:
        async with app.run_test(size=SIZE) as pilot:
            driver = _Driver(app, pilot, watch, frames, observer, clock)
            with CollectionWatch(times.full_collections):
                if stats_only:
                    await driver.stats_opens(count, times)
                else:
                    await driver.shift_start_ticks(count, times)
                    await driver.interaction_saves(max(count // 10, 5), times)
    finally:
        observer.close()
        store._conn = watch._connection
        project.close_store(store)
    return times


@dataclass
class _Driver:
    app: Any
    pilot: Any
    watch: CommitWatch
    frames: FrameWatch
    observer: sqlite3.Connection
    clock: Any

    async def shift_start_ticks(self, count: int, times: UiTimes) -> None:
        """Start a shift, then press the preparation items' keys in turn."""
        await self._settle()
        await self._press_untimed("n")
        await self._until(lambda: self.app.screen.id == "start-shift", "start screen")
        await self._settle()
        items = len(project.checklist().shift_items(_start_phase()))

        for n in range(count):
            self.clock.advance(seconds=2)
            commit, paint = await self._timed(str(n % items + 1), self._frame_after)
            times.tick_commit.append(commit)
            times.tick_flush.append(self.watch.flushes[-1])
            times.tick_paint.append(paint)

        await self._press_untimed("enter")
        await self._until(lambda: self.app.screen.id == "today", "Today")

    async def interaction_saves(self, count: int, times: UiTimes) -> None:
        """Open the interaction modal, then time Enter until Today is redrawn."""
        for _ in range(count):
            self.clock.advance(minutes=5)
            await self._press_untimed("i")
            await self._until(self._on_modal, "the interaction modal")
            await self._settle()
            commit, today = await self._timed("enter", self._today_after)
            times.save_commit.append(commit)
            times.save_flush.append(self.watch.flushes[-1])
            times.save_today.append(today)

    async def stats_opens(self, count: int, times: UiTimes) -> None:
        """Press ``s`` on Today, wait for every figure to be drawn, go back."""
        await self._settle()
        for _ in range(count):
            began = time.perf_counter()
            self._send("s")
            await self._until(self._stats_filled, "the stats figures")
            drawn = await self._next_frame(time.perf_counter())
            times.stats_shown.append((drawn - began) * 1000)

            await self._press_untimed("escape")
            await self._until(lambda: self.app.screen.id == "today", "Today")

    async def _next_frame(self, instant: float) -> float:
        """When the first frame after ``instant`` was handed over."""
        await self._until(lambda: self.frames.after(instant) is not None, "a frame")
        drawn = self.frames.after(instant)
        assert drawn is not None
        return drawn

    def _stats_filled(self) -> bool:
        screen = self.app.screen
        return screen.id == "stats" and getattr(screen, "stats", None) is not None

    def _on_modal(self) -> bool:
        return type(self.app.screen).__name__ == "InteractionModal"

    async def _timed(
        self, key: str, finished: Callable[[float], float | None]
    ) -> tuple[float, float]:
        """Milliseconds from handing over ``key`` to its commit, and to ``finished``."""
        before = len(self.watch.commits)
        version = self._data_version()
        began = time.perf_counter()
        self._send(key)

        await self._until(lambda: len(self.watch.commits) > before, f"{key} commit")
        committed = self.watch.commits[before]
        await self._until(lambda: finished(committed) is not None, f"{key} frame")
        done = finished(committed)
        assert done is not None

        if self._data_version() == version:
            raise RuntimeError(f"the {key} commit is not visible to another reader")
        await self.pilot._wait_for_screen()
        return (committed - began) * 1000, (done - began) * 1000

    def _frame_after(self, instant: float) -> float | None:
        return self.frames.after(instant)

    def _today_after(self, instant: float) -> float | None:
        if self.app.screen.id != "today":
            return None
        return self.frames.after(instant)

    def _data_version(self) -> int:
        return int(self.observer.execute("PRAGMA data_version").fetchone()[0])

    def _send(self, key: str) -> None:
        """Hand a key to the app as the terminal driver would."""
        char = key if len(key) == 1 else ("\r" if key == "enter" else None)
        event = events.Key(key, char)
        self.app._driver.send_message(event)

    async def _press_untimed(self, key: str) -> None:
        self._send(key)
        await self._settle()

    async def _settle(self) -> None:
        """Let the app finish drawing, as between two keys of a real agent."""
        await self.pilot.pause()

    async def _until(self, condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what}")
            await asyncio.sleep(POLL)


def _start_phase() -> Any:
    from cs_daily.model import Phase

    return Phase.START
