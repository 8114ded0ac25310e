"""``cs-daily import FILE``: restore a full backup made with ``export --all``.

The whole file is checked before the history is opened, and the shifts the
history lacks go in inside one transaction; shifts already there are left as
they are, so an import can be repeated safely.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cs_daily.cli.main import add_common_options
from cs_daily.i18n import _, ngettext


def register(commands: Any) -> None:
    """Add the ``import`` command."""
    parser = commands.add_parser(
        "import",
        help=_("restore a full backup made with 'export --all --format json'"),
        description=_(
            "Add every shift of a backup to the history. Shifts already in the "
            "history are skipped, so nothing is ever doubled; a file with any "
            "problem is refused whole and nothing is written."
        ),
    )
    parser.add_argument("file", type=Path, metavar=_("FILE"), help=_("the backup file"))
    add_common_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Check the backup, then add what the history lacks; the exit code."""
    from cs_daily.cli.common import load_context, open_store
    from cs_daily.export.restore import import_backup, read_backup

    context = load_context(args)
    shifts = read_backup(args.file)

    with open_store(context) as store:
        result = import_backup(store, shifts, args.file)

    print(
        ngettext(
            "Imported {count} shift into {database}.",
            "Imported {count} shifts into {database}.",
            result.added,
        ).format(count=result.added, database=context.paths.database)
    )
    if result.skipped:
        print(
            ngettext(
                "{count} shift was already in the history and was skipped.",
                "{count} shifts were already in the history and were skipped.",
                result.skipped,
            ).format(count=result.skipped)
        )
    return 0
