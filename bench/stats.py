"""The figures behind the stats screen: counted days from the store, then scores.

Timed in this process, the way the screen asks for them: ``day_counts`` from
the store and the figures bundle computed from those days. The first call
after opening the store is shown apart; the target is on the median of the
calls after it.
"""

from __future__ import annotations

import time

from bench import datasets, project
from bench.context import Context
from bench.report import Figure, against_limit, info, skipped
from bench.timing import median, spread

LIMITS_MS = {"small": 50.0, "large": 150.0}


def measure(ctx: Context) -> list[Figure]:
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
    history = datasets.working_copy(ctx.history(size), ctx.folder(f"stats-{key(size)}"))
    clock = project.frozen_clock(ctx.today)
    store = project.open_store(history)
    try:
        first = _once(lambda: project.stats_bundle(store, clock))
        counts = [_once(store.day_counts) for _ in range(ctx.repeats)]
        whole = [
            _once(lambda: project.stats_bundle(store, clock))
            for _ in range(ctx.repeats)
        ]
    finally:
        project.close_store(store)

    return [
        against_limit(
            name,
            median(whole),
            "ms",
            limit,
            note=f"median of {len(whole)}, range {spread(whole)}; "
            f"first call {first:.1f} ms",
        ),
        info(f"  of which store.day_counts(), {size.name}", median(counts), "ms"),
    ]


def key(size: datasets.Size) -> str:
    return f"{size.shifts}x{size.interactions}"


def _once(call: object) -> float:
    """Milliseconds one call takes."""
    assert callable(call)
    began = time.perf_counter()
    call()
    return (time.perf_counter() - began) * 1000
