"""The one place that knows how to reach each piece of cs-daily.

The benchmarks call the project only through these functions, so an API that
changes shape is fixed here once. A piece that has not landed yet raises
:class:`Missing`, and the figures that need it are reported as skipped with
the reason instead of failing the run.
"""

from __future__ import annotations

import functools
import importlib
from datetime import date, datetime, time
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

from bench import standin
from cs_daily.model import Checklist

ZONE = "Asia/Jakarta"
CHECKLIST_LANGUAGE = "id"
LOCALE = "id_ID.UTF-8"

# The first screen the agent sees: its class name or id, matched loosely.
TODAY_SCREEN = "today"


class Missing(Exception):
    """A piece of cs-daily that a figure needs is not there (yet)."""


def _module(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name and name.startswith(error.name):
            raise Missing(f"{name} has not landed") from error
        raise Missing(f"{name} does not import yet: {error}") from error
    except Exception as error:
        raise Missing(f"{name} does not import yet: {error!r}") from error


def _attribute(module_name: str, *names: str) -> Any:
    """The first of ``names`` that ``module_name`` defines."""
    module = _module(module_name)
    for name in names:
        if hasattr(module, name):
            return getattr(module, name)
    raise Missing(f"{module_name} has none of {', '.join(names)}")


@functools.cache
def checklist() -> Checklist:
    """The bundled Indonesian checklist: what a fresh install starts with."""
    from cs_daily.checklist import load_bundled_checklist

    return load_bundled_checklist(CHECKLIST_LANGUAGE)


def frozen_clock(day: date, hour: int = 10) -> Any:
    """A clock stopped at ``hour`` o'clock on ``day`` in the benchmark's zone."""
    from cs_daily.clock import FrozenClock

    return FrozenClock(datetime.combine(day, time(hour), tzinfo=ZoneInfo(ZONE)))


def open_store(path: Path, readonly: bool = False) -> Any:
    """The history database at ``path``, created if it does not exist."""
    store_class = _attribute("cs_daily.store", "Store")
    return store_class.open(path, readonly=readonly)


def keep_checkpoint(path: Path, day: date) -> None:
    """What the app's start on ``day`` leaves in the file: the streak checkpoint."""
    read_history = _attribute("cs_daily.history", "read_history")
    store = open_store(path)
    try:
        read_history(store, day)
    finally:
        store.close()


def forget_checkpoint(path: Path) -> None:
    """Drop the kept streak checkpoint, as a first start after an upgrade finds."""
    import sqlite3

    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM streak_checkpoint")
    conn.close()


def close_store(store: Any) -> None:
    store.close()


def demo_generator() -> Any | None:
    """The project's demo generator, or ``None`` while it has not landed."""
    try:
        return _attribute("cs_daily.demo", "generate_history", "generate")
    except Missing:
        return None


def generate_history(path: Path, size: Any, seed: int, last_day: date) -> None:
    """Fill a new database at ``path`` with ``size`` of demo history."""
    generate = demo_generator()
    store = open_store(path)
    try:
        if generate is None:
            standin.generate(
                store,
                checklist(),
                size.shifts,
                size.interactions,
                seed,
                last_day,
                ZONE,
            )
        else:
            generate(
                store, checklist(), weeks=size.weeks, seed=seed, end=last_day, zone=ZONE
            )
    finally:
        close_store(store)


class TickSession:
    """The store calls a tick key makes, on a shift opened today.

    Every interaction gets its items answered in turn; a new interaction is
    logged (untimed, by :meth:`prepare`) when the previous one is complete.
    """

    def __init__(self, store: Any, clock: Any) -> None:
        self.store = store
        self.clock = clock
        self.checklist = checklist()
        self.items = self.checklist.interaction_items()
        self.shift = store.start_shift(self.checklist, clock.now())
        self.interaction: Any = None

    def prepare(self, n: int) -> None:
        """Open a new interaction before the first tick of each one."""
        if n % len(self.items) == 0:
            self.clock.advance(minutes=1)
            self.interaction = self.store.add_interaction(
                self.shift.id, "whatsapp", self.clock.now(), {}
            )

    def tick(self, n: int) -> None:
        """Answer the ``n``-th tick: what pressing an item's key writes."""
        from cs_daily.model import TickState

        item = self.items[n % len(self.items)]
        self.store.set_tick(
            self.shift.id,
            item.id,
            TickState.DONE,
            self.clock.now(),
            interaction_id=self.interaction.id,
        )


def stats_ready() -> None:
    """Import the figures first, so no timed call pays for the import."""
    _attribute("cs_daily.figures", "compute_stats")
    checklist()


def stats_bundle(store: Any, clock: Any) -> Any:
    """Everything the stats screen shows, computed as the screen computes it."""
    compute_stats = _attribute("cs_daily.figures", "compute_stats")
    read_history = _attribute("cs_daily.history", "read_history")
    as_of = clock.now().date()
    history = read_history(store, as_of)
    return compute_stats(history.days, as_of, checklist(), earlier=history.earlier)


def export_argv(week: str) -> list[str]:
    """The export command line for one week, as the agent would type it."""
    _module("cs_daily.cli.export_cmd")
    return ["export", "--week", week, "--format", "md"]


def tui_available() -> None:
    """Raise :class:`Missing` unless the app's factory has landed."""
    _attribute("cs_daily.tui.app", "build_app")
    _module("cs_daily.cli.tui_cmd")


def collector_paused() -> Any:
    """The pause of the cyclic collector every ``cs-daily`` command runs in."""
    return _attribute("cs_daily.collector", "paused")()


def build_app(store: Any, clock: Any) -> Any:
    """The app as the CLI builds it, on default settings."""
    build = _attribute("cs_daily.tui.app", "build_app")
    settings = _attribute("cs_daily.settings", "Settings")
    return build(checklist(), store, clock, settings())
