"""The figures behind the stats screen: counted days from the store, then scores.

Timed in this process, the way the screen asks for them: the recent counted
days and the streak checkpoint from the store (``read_history``), then the
figures bundle. Two cases are judged: in the running app, where Today has
already loaded the counted days and the agent has just ticked (the store
patches its cache), and the first call on a freshly opened read-only store,
which is what ``cs-daily stats`` pays once the app has kept its checkpoint.
The same call with no checkpoint yet (the first start after an upgrade or an
import into old days) and the stats screen itself (``s`` on Today until
every figure is drawn) are shown beside them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import datasets, project, uiticks
from bench.context import Context
from bench.report import Figure, against_limit, info, skipped
from bench.timing import median, spread

LIMITS_MS = {"small": 50.0, "large": 150.0}
SCREEN_OPENS = 7


def measure(ctx: Context) -> list[Figure]:
    project.stats_ready()
    figures: list[Figure] = []
    for key, size in (("small", ctx.small), ("large", ctx.large)):
        name = f"stats figures, {size.name}"
        try:
            figures += _measure_size(ctx, size, name, LIMITS_MS[key])
        except project.Missing as missing:
            figures.append(skipped(name, str(missing), f"≤ {LIMITS_MS[key]:g} ms"))
    return figures


def _measure_size(
    ctx: Context, size: datasets.Size, name: str, limit: float
) -> list[Figure]:
    folder = ctx.folder(f"stats-{key(size)}")
    history = datasets.working_copy(ctx.history(size), folder)
    clock = project.frozen_clock(ctx.today)

    def bundle(store: Any) -> Callable[[], Any]:
        return lambda: project.stats_bundle(store, clock)

    bare = datasets.working_copy(history, folder / "no-checkpoint")
    project.forget_checkpoint(bare)
    cold, warm, counts, unfolded = [], [], [], []
    with _opened(history) as store:
        bundle(store)()  # what the app's start does: keeps the checkpoint
    for _ in range(ctx.repeats):
        with _opened(history, readonly=True) as store:
            cold.append(_once(bundle(store)))
            warm.append(_once(bundle(store)))
        with _opened(history, readonly=True) as store:
            counts.append(_once(store.day_counts))
        with _opened(bare, readonly=True) as store:
            unfolded.append(_once(bundle(store)))

    with _opened(history) as store:
        session = project.TickSession(store, clock)
        after_tick = []
        for n in range(ctx.repeats):
            session.prepare(n)
            session.tick(n)
            after_tick.append(_once(bundle(store)))

    return [
        against_limit(
            f"{name}, in the running app (days cached, after a tick)",
            median(after_tick),
            "ms",
            limit,
            note=f"median of {len(after_tick)}, range {spread(after_tick)}; "
            f"called again without a tick: {median(warm):.1f} ms",
        ),
        against_limit(
            f"{name}, first call on a fresh store (as cs-daily stats)",
            median(cold),
            "ms",
            limit,
            note=f"median of {len(cold)}, range {spread(cold)}; read-only, "
            "streak checkpoint kept by the app",
        ),
        info(
            f"  {name}, first call, no checkpoint yet",
            median(unfolded),
            "ms",
            note=f"median of {len(unfolded)}, range {spread(unfolded)}; every "
            f"day read, as before the checkpoint; store.day_counts() of every "
            f"day alone {median(counts):.1f} ms",
        ),
        _screen(ctx, size, folder),
    ]


def _screen(ctx: Context, size: datasets.Size, folder: Path) -> Figure:
    """The stats screen itself: ``s`` on Today until every figure is drawn."""
    name = f"  s on Today to the stats screen drawn, {size.name}"
    try:
        project.tui_available()
    except project.Missing as missing:
        return skipped(name, str(missing))

    opens = uiticks.stats_screen(
        ctx, datasets.working_copy(ctx.history(size), folder / "app"), SCREEN_OPENS
    )
    return info(
        name, median(opens), "ms", note=f"median of {len(opens)}, range {spread(opens)}"
    )


@contextmanager
def _opened(path: Path, readonly: bool = False) -> Iterator[Any]:
    store = project.open_store(path, readonly)
    try:
        yield store
    finally:
        project.close_store(store)


def key(size: datasets.Size) -> str:
    return f"{size.weeks}w"


def _once(call: Callable[[], Any]) -> float:
    """Milliseconds one call takes."""
    began = time.perf_counter()
    call()
    return (time.perf_counter() - began) * 1000
