"""Key press to committed tick: through the app, and through the store alone.

Through the app, a key event is handed to the running app exactly as the
terminal driver hands one over, and the clock stops when another connection
to the database sees the commit (``PRAGMA data_version`` changes). Through
the store, the write the key triggers is timed by itself, so the two
together show what the interface adds. Both run on a fresh empty database
and on a copy of 5 years of history.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench import datasets, project, uiticks
from bench.context import Context
from bench.report import Figure, against_baseline, against_limit, info, skipped
from bench.timing import median, percentile

MEDIAN_MS = 5.0
P99_MS = 20.0
HISTORY_RATIO = 1.2


def measure(ctx: Context) -> list[Figure]:
    folder = ctx.folder("ticks")
    size = ctx.small
    empty = folder / "empty" / "history.sqlite3"
    history = datasets.working_copy(ctx.history(size), folder / "history")
    store_figures = _judged(
        "store call only", store_path(ctx, empty), store_path(ctx, history), size
    )

    try:
        project.tui_available()
    except project.Missing as missing:
        target = f"median ≤ {MEDIAN_MS:g} ms, p99 ≤ {P99_MS:g} ms"
        return [skipped("key press to committed tick", str(missing), target)]

    fresh = uiticks.measure(ctx, folder / "ui-empty" / "history.sqlite3")
    copy = datasets.working_copy(ctx.history(size), folder / "ui-history")
    old = uiticks.measure(ctx, copy)
    return [
        *_judged("key press", fresh.tick_commit, old.tick_commit, size),
        *_judged(
            "Enter on an interaction (10 ticks)",
            fresh.save_commit,
            old.save_commit,
            size,
        ),
        info(
            "key press to tick redrawn, empty database",
            median(fresh.tick_paint),
            "ms",
            note=f"{size.name}: {median(old.tick_paint):.1f} ms",
        ),
        info(
            "Enter to Today redrawn, empty database",
            median(fresh.save_today),
            "ms",
            note=f"{size.name}: {median(old.save_today):.1f} ms",
        ),
        *store_figures,
    ]


def store_path(ctx: Context, database: Path) -> list[float]:
    """Milliseconds of each ``set_tick`` a tick key makes, ``ctx.ticks`` of them."""
    store = project.open_store(database)
    session = project.TickSession(store, project.frozen_clock(ctx.today))
    samples = []
    try:
        for n in range(ctx.ticks):
            session.prepare(n)
            began = time.perf_counter()
            session.tick(n)
            samples.append((time.perf_counter() - began) * 1000)
    finally:
        project.close_store(store)
    return samples


def _judged(
    how: str, empty: list[float], history: list[float], size: datasets.Size
) -> list[Figure]:
    """Median and p99 on an empty database, and the history's cost against it."""
    note = f"{len(empty)} presses"
    return [
        against_limit(
            f"{how} to committed tick, empty database, median",
            median(empty),
            "ms",
            MEDIAN_MS,
            note=note,
        ),
        against_limit(
            f"{how} to committed tick, empty database, p99",
            percentile(empty, 0.99),
            "ms",
            P99_MS,
            note=note,
        ),
        against_baseline(
            f"{how} to committed tick, {size.name}, median",
            median(history),
            median(empty),
            "empty database",
            "ms",
            HISTORY_RATIO,
            note=note,
        ),
        against_limit(
            f"{how} to committed tick, {size.name}, p99",
            percentile(history, 0.99),
            "ms",
            P99_MS,
            note=note,
        ),
    ]
