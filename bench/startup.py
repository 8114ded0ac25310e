"""Start to the first painted Today screen, and peak memory, as whole processes.

Each start is a fresh interpreter running :mod:`bench.paint`, which exits as
soon as the wanted screen's first frame is composed. The real app and the
minimal 14-item app are started alternately, after one unmeasured warm-up
each, so that drift in the machine's load hits both alike. Peak memory is the
child's own peak resident set (``VmHWM``, reported by the child itself).
"""

from __future__ import annotations

import sys

from bench import datasets, project
from bench.context import Context
from bench.report import Figure, against_baseline, info, skipped
from bench.timing import ChildRun, median, run_child, spread

MARKER = "BENCH-PAINT "
STARTUP_TARGET = 1.15
MEMORY_TARGET = 1.3


def measure(ctx: Context) -> list[Figure]:
    folder = ctx.folder("startup")
    minimal_env = ctx.child_env(folder / "minimal", folder / "minimal.sqlite3")
    commands = {"minimal": (_paint_argv("minimal"), minimal_env)}

    size = ctx.small
    try:
        project.tui_available()
        history = datasets.working_copy(ctx.history(size), folder / "history")
        commands["app"] = (_app_argv(), ctx.child_env(folder / "app", history))
        empty = folder / "empty" / "history.sqlite3"
        commands["empty"] = (_app_argv(), ctx.child_env(folder / "empty", empty))
        first = ctx.child_env(folder / "first", history)
        commands["first"] = (_app_argv(), first)
    except project.Missing as missing:
        runs = _interleaved(ctx, commands)
        return _baseline_only(runs["minimal"], str(missing), size)

    runs = _interleaved(ctx, commands)
    return _figures(runs, size)


def _paint_argv(target: str, *options: str) -> list[str]:
    return [sys.executable, "-m", "bench.paint", *options, target]


def _app_argv() -> list[str]:
    return _paint_argv("cli", "--screen", project.TODAY_SCREEN)


def _interleaved(
    ctx: Context, commands: dict[str, tuple[list[str], dict[str, str]]]
) -> dict[str, list[ChildRun]]:
    """Every command ``ctx.repeats`` times, taking turns, after one warm-up.

    The warm-up also takes the day's backup, so the measured starts of "app"
    are the second and later starts of a day; "first" gets an empty backup
    folder every time.
    """
    runs: dict[str, list[ChildRun]] = {name: [] for name in commands}
    for round_ in range(ctx.repeats + 1):
        for name, (argv, env) in commands.items():
            if name == "first":
                env = _new_day(env, round_)
            run = run_child(argv, env=env, cwd=str(datasets.ROOT))
            if run.returncode != 0:
                raise RuntimeError(f"{name} start failed:\n{run.tail}")
            _check(name, run)
            if round_:
                runs[name].append(run)
    return runs


def _new_day(env: dict[str, str], round_: int) -> dict[str, str]:
    """An empty backup folder: the app takes its daily backup, as each morning."""
    backups = f"{env['CS_DAILY_BACKUP_DIR']}-{round_}"
    return {**env, "CS_DAILY_BACKUP_DIR": backups}


def _check(name: str, run: ChildRun) -> None:
    record = run.record(MARKER)
    if "error" in record or "t_paint" not in record:
        raise RuntimeError(f"{name}: {record.get('error', 'no paint')}:\n{run.tail}")


def _paint_ms(runs: list[ChildRun]) -> list[float]:
    return [(r.record(MARKER)["t_paint"] - r.spawned) * 1000 for r in runs]


def _cpu_ms(runs: list[ChildRun]) -> float:
    return median([r.cpu * 1000 for r in runs])


def _rss_mib(runs: list[ChildRun]) -> list[float]:
    """Each child's own peak RSS (VmHWM, see :mod:`bench.paint`), else ru_maxrss."""
    peaks = []
    for run in runs:
        own = run.record(MARKER).get("peak_rss_kib")
        peaks.append((own or run.max_rss_kib) / 1024)
    return peaks


def _baseline_only(
    minimal: list[ChildRun], reason: str, size: datasets.Size
) -> list[Figure]:
    paint = _paint_ms(minimal)
    return [
        info(
            "start to first paint: minimal 14-item app",
            median(paint),
            "ms",
            note=f"median of {len(paint)}, range {spread(paint)}",
        ),
        info("peak memory: minimal 14-item app", median(_rss_mib(minimal)), "MiB"),
        skipped(
            f"start to first painted Today screen, {size.name}",
            reason,
            f"≤ {STARTUP_TARGET:g}x",
        ),
        skipped(
            f"peak memory of the app, {size.name}", reason, f"≤ {MEMORY_TARGET:g}x"
        ),
    ]


def _figures(runs: dict[str, list[ChildRun]], size: datasets.Size) -> list[Figure]:
    minimal, app, empty = runs["minimal"], runs["app"], runs["empty"]
    first = runs["first"]
    app_paint, minimal_paint = _paint_ms(app), _paint_ms(minimal)
    screen = app[0].record(MARKER)["screen"]
    return [
        against_baseline(
            f"start to first painted Today screen, {size.name}, later starts",
            median(app_paint),
            median(minimal_paint),
            "minimal app",
            "ms",
            STARTUP_TARGET,
            note=f"medians of {len(app)}; app {spread(app_paint)}, "
            f"minimal {spread(minimal_paint)}; CPU time {_cpu_ms(app):.0f} vs "
            f"{_cpu_ms(minimal):.0f} ms ({_cpu_ms(app) / _cpu_ms(minimal):.2f}x); "
            f"screen {screen}",
        ),
        against_baseline(
            f"first start of the day (daily backup taken), {size.name}",
            median(_paint_ms(first)),
            median(minimal_paint),
            "minimal app",
            "ms",
            STARTUP_TARGET,
            note="the first start each day also copies and checks the "
            "history, in a thread after the first paint; later starts that "
            "day skip it",
        ),
        info(
            "start to first painted Today screen, empty database",
            median(_paint_ms(empty)),
            "ms",
            note="what the history itself costs",
        ),
        info(
            f"  phases of a start, {size.name}",
            median(_paint_ms(app)),
            "ms",
            note=f"app {describe_phases(app)}; "
            f"minimal {describe_phases(minimal)} (python: interpreter and "
            "site; setup: imports, settings, checklist, store, app built; "
            "paint: run to first frame)",
        ),
        info(
            "whole process, start to exit, " + size.name,
            median([r.wall * 1000 for r in app]),
            "ms",
            note=f"minimal app: {median([r.wall * 1000 for r in minimal]):.0f} ms",
        ),
        against_baseline(
            f"peak memory of the app, {size.name}",
            median(_rss_mib(app)),
            median(_rss_mib(minimal)),
            "minimal app",
            "MiB",
            MEMORY_TARGET,
            note=f"peak RSS (VmHWM) at first paint; empty database "
            f"{median(_rss_mib(empty)):.1f} MiB",
        ),
    ]


def describe_phases(runs: list[ChildRun]) -> str:
    """Median milliseconds in each phase of a start, to see where time goes."""
    phases: dict[str, list[float]] = {"python": [], "setup": [], "paint": []}
    for run in runs:
        record = run.record(MARKER)
        phases["python"].append(record["t_enter"] - run.spawned)
        phases["setup"].append(record["t_run"] - record["t_enter"])
        phases["paint"].append(record["t_paint"] - record["t_run"])
    return " + ".join(f"{name} {median(v) * 1000:.0f}" for name, v in phases.items())
