"""``cs-daily backup [--to FILE]``: a consistent copy of the history, now.

The copy is made with SQLite's backup API, so it is safe while the shift
companion is running. It needs neither the settings nor the checklist: a
broken settings file must never stand between an agent and a backup.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cs_daily.cli.main import add_common_options
from cs_daily.clock import Clock, SystemClock
from cs_daily.errors import UsageError
from cs_daily.i18n import _
from cs_daily.paths import Paths, resolve_paths


def register(commands: Any) -> None:
    """Add the ``backup`` command."""
    parser = commands.add_parser(
        "backup",
        help=_("copy the history database to a backup file"),
        description=_(
            "Copy the history database, consistently even while cs-daily is "
            "running. Without --to, the copy goes into the backup folder "
            "('cs-daily locate' shows it). Restore it with 'cs-daily restore'."
        ),
    )
    parser.add_argument(
        "--to",
        type=Path,
        metavar=_("FILE"),
        help=_("where to write the copy (replaced if it exists)"),
    )
    add_common_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, clock: Clock | None = None) -> int:
    """Copy the history and print where the copy is; the exit code."""
    from cs_daily.store.backup import backup_database

    paths = command_paths(args)
    if not paths.database.is_file():
        raise UsageError(
            _("There is no history database at {path} yet.").format(path=paths.database)
        )

    stamp = (clock or SystemClock()).now().strftime("%Y-%m-%d-%H%M%S")
    target = args.to or paths.backup_dir / f"history-manual-{stamp}.sqlite3"
    print(backup_database(paths.database, target.expanduser()))
    return 0


def command_paths(args: argparse.Namespace) -> Paths:
    """The paths from ``--db``, ``--config`` and the environment; no settings read."""
    return resolve_paths(
        db=getattr(args, "db", None), config=getattr(args, "config", None)
    )
