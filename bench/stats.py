"""The figures behind the stats screen: counted days from the store, then scores.

Timed in this process, the way the screen asks for them: ``day_counts`` from
the store and the figures bundle computed from those days. The target is
judged on the first call after opening the store, the most the agent waits
(the store may cache counted days); a second call and a call right after a
tick are shown beside it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import datasets, project
from bench.context import Context
from bench.report import Figure, against_limit, info, skipped
from bench.timing import median, spread

LIMITS_MS = {"small": 50.0, "large": 150.0}


def measure(ctx: Context) -> list[Figure]:
    project.stats_ready()
    figures: list[Figure] = []
    for key, size in (("small", ctx.small), ("large", ctx.large)):
        name = f"stats screen figures, {size.name}"
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

    cold, warm, counts = [], [], []
    for _ in range(ctx.repeats):
        with _opened(history) as store:
            cold.append(_once(bundle(store)))
            warm.append(_once(bundle(store)))
        with _opened(history) as store:
            counts.append(_once(store.day_counts))

    with _opened(history) as store:
        session = project.TickSession(store, clock)
        after_tick = []
        for n in range(ctx.repeats):
            session.prepare(n)
            session.tick(n)
            after_tick.append(_once(bundle(store)))

    return [
        against_limit(
            name,
            median(cold),
            "ms",
            limit,
            note=f"first call on a freshly opened store, median of {len(cold)}, "
            f"range {spread(cold)}",
        ),
        info(
            f"  of which store.day_counts(), {size.name}",
            median(counts),
            "ms",
            note="first call on a freshly opened store",
        ),
        info(
            f"  called again, {size.name}",
            median(warm),
            "ms",
            note=f"after one tick: {median(after_tick):.1f} ms",
        ),
    ]


@contextmanager
def _opened(path: Path) -> Iterator[Any]:
    store = project.open_store(path)
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
