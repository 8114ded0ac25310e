"""``python -m bench``: measure every figure, print it beside its baseline.

Exit status 0 when every measured figure meets its target, 1 when one
misses, so a run can gate a change. Figures whose piece of cs-daily is not
there yet are shown as SKIP with the reason.
"""

from __future__ import annotations

import argparse
import compileall
import json
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from bench import datasets, dbsize, export, project, startup, stats, ticks
from bench.context import Context
from bench.report import (
    FAIL,
    Figure,
    console_table,
    failed,
    load_average,
    machine,
    markdown_table,
    skipped,
)

BENCHMARKS: dict[str, Callable[[Context], list[Figure]]] = {
    "startup": startup.measure,
    "ticks": ticks.measure,
    "stats": stats.measure,
    "export": export.measure,
    "dbsize": dbsize.measure,
}


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Measure cs-daily against its performance targets.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: 6 months / 2 years of history, fewer repeats",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(BENCHMARKS),
        help="run only this benchmark (repeatable)",
    )
    parser.add_argument("--seed", type=int, default=7, help="demo history seed")
    parser.add_argument("--repeats", type=int, help="process starts per command")
    parser.add_argument("--ticks", type=int, help="ticks per tick benchmark")
    parser.add_argument(
        "--markdown", metavar="FILE", help="also write the table as Markdown"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    _compile_project()
    datasets.OUT.mkdir(parents=True, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="run-", dir=datasets.OUT)
    ctx = Context(
        quick=args.quick,
        seed=args.seed,
        repeats=args.repeats or (5 if args.quick else 15),
        ticks=args.ticks or (200 if args.quick else 1_000),
        scratch=datasets.Path(scratch),
    )

    about = machine()
    started = time.monotonic()
    figures: list[Figure] = []
    try:
        for name in args.only or BENCHMARKS:
            figures += _run_one(name, ctx)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    _publish(figures, args, about, time.monotonic() - started)
    return 1 if any(f.status == FAIL for f in figures) else 0


def _compile_project() -> None:
    """Byte-compile cs_daily first, as installing it does.

    With no cached bytecode (a source checkout under PYTHONDONTWRITEBYTECODE,
    say) every child process would compile the project again, and the start
    figures would measure the compiler.
    """
    compileall.compile_dir(datasets.ROOT / "cs_daily", quiet=1)


def _run_one(name: str, ctx: Context) -> list[Figure]:
    print(f"[{name}]", file=sys.stderr, flush=True)
    began = time.monotonic()
    try:
        figures = BENCHMARKS[name](ctx)
    except project.Missing as missing:
        figures = [skipped(name, str(missing))]
    except Exception as error:
        traceback.print_exc()
        figures = [failed(name, f"the benchmark broke: {error!r}")]
    ctx.log(f"{name} took {time.monotonic() - began:.1f} s")
    return figures


def _publish(
    figures: list[Figure],
    args: argparse.Namespace,
    about: dict[str, str],
    took: float,
) -> None:
    mode = "quick" if args.quick else "full"
    header = (
        f"cs-daily benchmarks, {mode} run, {about['date']}, {took:.0f} s\n"
        f"{about['cpu']} x{about['nproc']}, Python {about['python']}, "
        f"SQLite {about['sqlite']}, Textual {about['textual']}, "
        f"commit {about['commit']}, load {about['load']} at the start, "
        f"{load_average()} at the end"
    )
    print("\n" + header + "\n\n" + console_table(figures))

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    record = {
        "mode": mode,
        "seconds": took,
        "machine": about,
        "figures": [f.to_dict() for f in figures],
    }
    path = datasets.OUT / f"results-{mode}-{stamp}.json"
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False), encoding="utf-8")

    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as out:
            out.write(f"{header}\n\n{markdown_table(figures)}\n")


if __name__ == "__main__":
    sys.exit(main())
