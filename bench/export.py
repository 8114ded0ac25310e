"""``cs-daily export --week ... --format md`` as a whole process, 5 years.

The baseline is the least any such command could cost: an interpreter that
imports ``sqlite3`` and ``rich.console`` and exits. The history is as the
agent's app leaves it, with its streak checkpoint kept; the same export on a
file without one (the first after an upgrade) is shown beside it. A separate
run through a small wrapper lists every ``textual`` module the export loaded;
there must be none. One more run with ``-X importtime`` names the slowest
imports, which is where a slow start usually hides.
"""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path

from bench import datasets, project
from bench.context import Context
from bench.report import FAIL, PASS, Figure, against_baseline, info, skipped
from bench.timing import ChildRun, median, run_child, spread

TARGET = 2.0
MODULES_MARKER = "BENCH-MODULES "
BASELINE_CODE = "import sqlite3, rich.console"

# Runs cs-daily's own entry point, then reports which textual modules loaded.
WRAPPER = (
    "import json, sys\n"
    "from cs_daily.cli.main import main\n"
    "code = main(sys.argv[1:])\n"
    "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
    f"print({MODULES_MARKER!r} + json.dumps(loaded))\n"
    "sys.exit(code)\n"
)


def measure(ctx: Context) -> list[Figure]:
    folder = ctx.folder("export")
    env = ctx.child_env(folder, folder / "unused.sqlite3")
    baseline_argv = [sys.executable, "-c", BASELINE_CODE]
    size = ctx.small
    name = f"export --week --format md, {size.name}"

    try:
        argv = project.export_argv(previous_week(ctx.last_day))
        history = datasets.working_copy(ctx.history(size), folder / "history")
        bare = datasets.working_copy(history, folder / "bare")
        project.keep_checkpoint(history, ctx.today)
    except project.Missing as missing:
        baseline = _timed(ctx, folder, {"baseline": (baseline_argv, env)})["baseline"]
        return [
            info(
                "python -c " + repr(BASELINE_CODE),
                median(baseline),
                "ms",
                note=f"median of {len(baseline)}, range {spread(baseline)}",
            ),
            skipped(name, str(missing), f"≤ {TARGET:g}x"),
            skipped("export never imports Textual", str(missing)),
        ]

    env = ctx.child_env(folder, history)
    bare_env = ctx.child_env(folder, bare)
    times = _timed(
        ctx,
        folder,
        {
            "baseline": (baseline_argv, env),
            "export": ([*_command(), *argv], env),
            "bare": ([*_command(), *argv], bare_env),
        },
    )
    return [
        against_baseline(
            name,
            median(times["export"]),
            median(times["baseline"]),
            "python -c sqlite3, rich",
            "ms",
            TARGET,
            note=f"medians of {len(times['export'])}; export "
            f"{spread(times['export'])}, baseline {spread(times['baseline'])}; "
            + _cpu_note(times),
        ),
        info(
            f"  {name}, no streak checkpoint yet",
            median(times["bare"]),
            "ms",
            note=f"median of {len(times['bare'])}, range {spread(times['bare'])}; "
            "every day read once, as the first export after an upgrade",
        ),
        _textual_check(argv, env),
        _slowest_imports(argv, env),
    ]


def _cpu_note(times: dict[str, list[float]]) -> str:
    export, baseline = median(times["export cpu"]), median(times["baseline cpu"])
    return f"CPU time {export:.0f} vs {baseline:.0f} ms ({export / baseline:.2f}x)"


def previous_week(last_day: date) -> str:
    """The last full ISO week before ``last_day``'s, as ``2026-W48``."""
    year, week, _ = (last_day - timedelta(days=7)).isocalendar()
    return f"{year}-W{week:02d}"


def _command() -> list[str]:
    """The ``cs-daily`` script the agent runs, beside this interpreter."""
    script = Path(sys.executable).parent / "cs-daily"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cs_daily"]


def _timed(
    ctx: Context,
    folder: Path,
    commands: dict[str, tuple[list[str], dict[str, str]]],
) -> dict[str, list[float]]:
    """Wall times in ms, commands taking turns, after one warm-up each.

    Each runs in ``folder``, where the export writes its file; the file is
    removed after every run so the next one runs the very same command.
    """
    times: dict[str, list[float]] = {name: [] for name in commands}
    times.update({f"{name} cpu": [] for name in commands})
    for round_ in range(ctx.repeats + 1):
        for name, (argv, env) in commands.items():
            run = _checked(name, run_child(argv, env=env, cwd=str(folder)))
            if round_:
                times[name].append(run.wall * 1000)
                times[f"{name} cpu"].append(run.cpu * 1000)
            for written in folder.glob("cs-daily-*"):
                written.unlink()
    return times


def _checked(name: str, run: ChildRun) -> ChildRun:
    if run.returncode != 0:
        raise RuntimeError(f"{name} exited {run.returncode}:\n{run.tail}")
    return run


def _textual_check(argv: list[str], env: dict[str, str]) -> Figure:
    argv = [*argv, "--output", "-"]
    run = _checked(
        "export wrapper", run_child([sys.executable, "-c", WRAPPER, *argv], env=env)
    )
    loaded = json.loads(
        next(
            line[len(MODULES_MARKER) :]
            for line in reversed(run.stdout.splitlines())
            if line.startswith(MODULES_MARKER)
        )
    )
    return Figure(
        name="export never imports Textual",
        value=len(loaded),
        unit="modules",
        target="0 modules",
        status=PASS if not loaded else FAIL,
        note=", ".join(loaded[:5]) or "sys.modules has no textual.*",
    )


def _slowest_imports(argv: list[str], env: dict[str, str]) -> Figure:
    """The heaviest top-level imports of one export, from ``-X importtime``."""
    python = [sys.executable, "-X", "importtime", "-m", "cs_daily"]
    run = _checked(
        "export -X importtime", run_child([*python, *argv, "--output", "-"], env=env)
    )
    totals = import_times(run.stderr)
    top = sorted(totals.items(), key=lambda kv: -kv[1])[:5]
    return info(
        "export: time spent importing",
        sum(totals.values()) / 1000,
        "ms",
        note="heaviest: " + ", ".join(f"{m} {us / 1000:.0f} ms" for m, us in top),
    )


def import_times(stderr: str) -> dict[str, int]:
    """Cumulative microseconds of each top-level import in ``-X importtime`` output."""
    totals: dict[str, int] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line[len("import time:") :].split("|")
        nested = name.startswith("  ")
        if nested or not cumulative.strip().isdigit():
            continue
        totals[name.strip()] = totals.get(name.strip(), 0) + int(cumulative)
    return totals
