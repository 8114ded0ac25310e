"""``cs-daily demo``: fill a separate database with realistic history and open it.

The demo never touches the agent's own history: it writes to ``demo.sqlite3``
in the data folder (or ``--db``), refuses to write to the history database
in use, and refuses to overwrite an existing database unless ``--force`` is
given. The new history is built in a temporary file beside the target and
moved into place only when complete, so a failure leaves nothing half-made.
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cs_daily.cli.main import add_common_options
from cs_daily.errors import UsageError
from cs_daily.i18n import _, format_date, format_number
from cs_daily.paths import resolve_paths

if TYPE_CHECKING:
    from datetime import tzinfo

    from cs_daily.demo import DemoSummary
    from cs_daily.model import Checklist
    from cs_daily.store import Store

DEMO_FILENAME = "demo.sqlite3"
DEFAULT_WEEKS = 12
DEFAULT_SEED = 1
MAX_WEEKS = 1040
SQLITE_HEADER = b"SQLite format 3\x00"


def register(commands: Any) -> None:
    """Add the ``demo`` command."""
    parser = commands.add_parser(
        "demo",
        help=_("try cs-daily on a made-up history, kept apart from yours"),
        description=_(
            "Write weeks of realistic, made-up shifts into a separate demo "
            "database (demo.sqlite3 in the data folder, or --db) and open the "
            "shift companion on it. Your own history is never touched."
        ),
    )
    parser.add_argument(
        "--weeks",
        type=_weeks,
        default=DEFAULT_WEEKS,
        metavar="N",
        help=_("how many weeks of history to make (default: {n})").format(
            n=DEFAULT_WEEKS
        ),
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="S",
        help=_("a number that picks the history; the same seed, the same history"),
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help=_("replace an existing demo database"),
    )
    parser.add_argument(
        "--no-open",
        action="store_true",
        help=_("only write the database; do not open the shift companion"),
    )
    add_common_options(parser)
    _explain_db(parser)
    parser.set_defaults(run=run)


def _explain_db(parser: argparse.ArgumentParser) -> None:
    """For this command ``--db`` names the demo database, not the history."""
    for action in parser._actions:
        if action.dest == "db":
            action.help = _(
                "demo database to write (default: {name} in the data folder)"
            ).format(name=DEMO_FILENAME)


def run(args: argparse.Namespace) -> int:
    """Write the demo history, then open the companion on it unless told not to."""
    from cs_daily.cli.common import load_context
    from cs_daily.clock import SystemClock

    own = resolve_paths(db=None, config=getattr(args, "config", None))
    target = demo_path(getattr(args, "db", None), own.data_dir)
    refuse_target(target, own.database, force=args.force)

    context = load_context(args)
    now = SystemClock().now()
    started = time.perf_counter()
    summary = write_demo(target, context.checklist, args.weeks, args.seed, now)
    _report(target, summary, time.perf_counter() - started)

    if args.no_open:
        return 0
    return _open_companion(args, target)


def demo_path(flag: Path | None, data_dir: Path) -> Path:
    """``--db`` when given, else ``demo.sqlite3`` in the data folder."""
    return Path(flag).expanduser() if flag is not None else data_dir / DEMO_FILENAME


def refuse_target(target: Path, own_database: Path, *, force: bool) -> None:
    """Stop before anything is written if ``target`` is not safe to fill."""
    if _same_file(target, own_database):
        raise UsageError(
            _(
                "{path} is your own history database; the demo only writes to a "
                "separate file. Leave out --db to use {name} in the data folder."
            ).format(path=target, name=DEMO_FILENAME)
        )
    if target.exists() and not target.is_file():
        raise UsageError(_("{path} is not a file.").format(path=target))
    if _holds_data(target) and not force:
        raise UsageError(
            _(
                "{path} already exists; pass --force to replace it with a new "
                "demo history."
            ).format(path=target)
        )
    if _holds_data(target) and not _is_sqlite(target):
        raise UsageError(
            _("{path} is not a database, so it will not be replaced.").format(
                path=target
            )
        )


def write_demo(
    target: Path, checklist: Checklist, weeks: int, seed: int, now: datetime
) -> DemoSummary:
    """Build the history in a temporary file, then move it onto ``target``."""
    from cs_daily.demo import DEFAULT_ZONE
    from cs_daily.store import Store

    partial = target.with_name(target.name + ".partial")
    _remove_database(partial)
    try:
        with Store.open(partial) as store:
            summary = generate_history(
                store,
                checklist,
                weeks=weeks,
                seed=seed,
                end=now.date() - timedelta(days=1),
                zone=now.tzinfo or DEFAULT_ZONE,
            )
        _remove_database(target)
        os.replace(partial, target)
    finally:
        _remove_database(partial)
    return summary


def generate_history(
    store: Store,
    checklist: Checklist,
    *,
    weeks: int,
    seed: int,
    end: date,
    zone: str | tzinfo,
) -> DemoSummary:
    """The demo generator, imported only when a demo is really written."""
    from cs_daily.demo import generate_history as generate

    return generate(store, checklist, weeks=weeks, seed=seed, end=end, zone=zone)


def _report(target: Path, summary: DemoSummary, seconds: float) -> None:
    print(
        _(
            "Demo history written to {path}: {shifts} shifts, {interactions} "
            "interactions, {ticks} ticks, {first} to {last}, in {seconds} s."
        ).format(
            path=target,
            shifts=format_number(summary.shifts),
            interactions=format_number(summary.interactions),
            ticks=format_number(summary.ticks),
            first=format_date(summary.first),
            last=format_date(summary.last),
            seconds=format_number(round(seconds, 1)),
        )
    )


def _open_companion(args: argparse.Namespace, target: Path) -> int:
    """The shift companion on the demo database, imported only when needed."""
    from cs_daily.cli import tui_cmd

    args.db = target
    return tui_cmd.run(args)


def _weeks(text: str) -> int:
    try:
        weeks = int(text)
    except ValueError:
        weeks = 0
    if not 1 <= weeks <= MAX_WEEKS:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a number of weeks from 1 to {most}.").format(
                text=text, most=MAX_WEEKS
            )
        )
    return weeks


def _same_file(first: Path, second: Path) -> bool:
    if first.exists() and second.exists():
        return first.samefile(second)
    return first.resolve() == second.resolve()


def _holds_data(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def _remove_database(path: Path) -> None:
    """A database file and the journal files SQLite keeps beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
