"""``cs-daily restore FILE [--force]``: put a backup copy back as the history.

The file is checked first (a cs-daily database of a schema this version
reads, sound from page to page). The current history is copied into the
backup folder before it is replaced, and a restore that would drop shifts
the backup lacks needs ``--force``. Like ``backup``, it reads no settings
and no checklist.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cs_daily.cli.backup_cmd import command_paths
from cs_daily.cli.main import add_common_options
from cs_daily.clock import Clock, SystemClock
from cs_daily.i18n import _


def register(commands: Any) -> None:
    """Add the ``restore`` command."""
    parser = commands.add_parser(
        "restore",
        help=_("replace the history with a backup copy"),
        description=_(
            "Replace the history database with a copy made by 'cs-daily backup' "
            "or the daily backup. The current history is copied into the backup "
            "folder first. Close cs-daily before restoring."
        ),
    )
    parser.add_argument(
        "file", type=Path, metavar=_("FILE"), help=_("the backup copy to restore")
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help=_(
            "replace even a history with shifts the backup lacks, or one that "
            "cannot be read (it is kept aside)"
        ),
    )
    add_common_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, clock: Clock | None = None) -> int:
    """Check the backup, keep a safety copy, replace the history; the exit code."""
    from cs_daily.store.restore import restore_database

    paths = command_paths(args)
    stamp = (clock or SystemClock()).now().strftime("%Y-%m-%d-%H%M%S")
    safety = restore_database(
        args.file.expanduser(), paths.database, paths.backup_dir, stamp, args.force
    )

    print(
        _("Restored {file} into {database}.").format(
            file=args.file, database=paths.database
        )
    )
    if safety is not None:
        print(_("The previous history was kept as {path}.").format(path=safety))
    return 0
