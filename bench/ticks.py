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
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    store_empty, store_history = _alternating(
        lambda path, n: store_path(ctx, path, n), empty, history, ctx.ticks
    )
    store_figures = _breakdown(store_empty, store_history, size)

    try:
        project.tui_available()
    except project.Missing as missing:
        target = f"median ≤ {MEDIAN_MS:g} ms, p99 ≤ {P99_MS:g} ms"
        return [skipped("key press to committed tick", str(missing), target)]

    fresh, old = _alternating(
        lambda path, n: uiticks.measure(ctx, path, n),
        folder / "ui-empty" / "history.sqlite3",
        folder / "ui-history" / "history.sqlite3",
        ctx.ticks,
        source=ctx.history(size),
    )
    return [
        *_judged("key press", fresh.tick_commit, old.tick_commit, size),
        *_judged(
            "Enter on an interaction (10 ticks)",
            fresh.save_commit,
            old.save_commit,
            size,
        ),
        info(
            "  of which COMMIT (the disk flush), key press",
            median(fresh.tick_flush),
            "ms",
            note=f"{size.name}: {median(old.tick_flush):.1f} ms; the rest is the "
            "app and the store's SQL",
        ),
        info(
            "  of which COMMIT (the disk flush), Enter",
            median(fresh.save_flush),
            "ms",
            note=f"{size.name}: {median(old.save_flush):.1f} ms",
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
        _collections(fresh.full_collections + old.full_collections),
        *store_figures,
    ]


def _collections(pauses: list[float]) -> Figure:
    """Full garbage collections while keys were pressed: the app stalls in each."""
    longest = f"longest {max(pauses):.0f} ms" if pauses else "none"
    return info(
        "  full garbage collections during both tick journeys",
        len(pauses),
        "",
        note=f"{longest}; {sum(pauses):.0f} ms in all",
    )


def _alternating(
    run: Callable[[Path, int], Any],
    empty: Path,
    history: Path,
    count: int,
    source: Path | None = None,
) -> tuple[Any, Any]:
    """Empty, history, empty, history: half the count each time, pooled.

    Disk flushes on this kind of machine drift by a factor of two within a
    minute; taking turns lets the drift hit both sides alike.
    """
    results: dict[Path, Any] = {}
    for turn in range(2):
        for path in (empty, history):
            where = path.parent / f"turn{turn}" / path.name
            if path is history and source is not None:
                where = datasets.working_copy(source, where.parent)
            elif path is history:
                where = datasets.working_copy(history, where.parent)
            results.setdefault(path, []).append(run(where, count // 2))
    return _pool(results[empty]), _pool(results[history])


def _pool(parts: list[Any]) -> Any:
    """Samples of two runs as one: lists are joined, objects field by field."""
    if isinstance(parts[0], list):
        return [sample for part in parts for sample in part]
    pooled = type(parts[0])()
    for name in vars(pooled):
        setattr(pooled, name, [s for part in parts for s in getattr(part, name)])
    return pooled


def store_path(ctx: Context, database: Path, count: int) -> list[float]:
    """Milliseconds of each of ``count`` ``set_tick`` calls a tick key makes."""
    store = project.open_store(database)
    session = project.TickSession(store, project.frozen_clock(ctx.today))
    samples = []
    try:
        for n in range(count):
            session.prepare(n)
            began = time.perf_counter()
            session.tick(n)
            samples.append((time.perf_counter() - began) * 1000)
    finally:
        project.close_store(store)
    return samples


def _breakdown(
    empty: list[float], history: list[float], size: datasets.Size
) -> list[Figure]:
    """The store call a key makes, timed alone: what the interface adds on top."""
    name = "  store.set_tick alone"
    return [
        info(
            f"{name}, empty database, median",
            median(empty),
            "ms",
            note=f"p99 {percentile(empty, 0.99):.1f} ms, {len(empty)} calls",
        ),
        info(
            f"{name}, {size.name}, median",
            median(history),
            "ms",
            note=f"p99 {percentile(history, 0.99):.1f} ms, {len(history)} calls",
        ),
    ]


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
