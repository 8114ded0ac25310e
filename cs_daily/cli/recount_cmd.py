"""``cs-daily recount``: rebuild the daily tallies the figures read.

Every tick updates a per-day, per-item tally in the same transaction, so the
figures never rescan years of ticks. Should those tallies ever be doubted (a
file edited by hand, a restored copy from an old tool), this recounts them
from the ticks themselves. It is a safety net: nothing needs it day to day.
"""

from __future__ import annotations

import argparse
from typing import Any

from cs_daily.cli.backup_cmd import command_paths
from cs_daily.cli.main import add_common_options
from cs_daily.errors import UsageError
from cs_daily.i18n import _, format_number, ngettext


def register(commands: Any) -> None:
    """Add the ``recount`` command."""
    parser = commands.add_parser(
        "recount",
        help=_("recount the daily tallies behind the figures from every tick"),
        description=_(
            "Rebuild the per-day tallies that streaks, scores and weak areas "
            "are computed from, using every tick in the history. Safe to run "
            "at any time; the ticks themselves are not changed."
        ),
    )
    add_common_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Recount inside one transaction and say how many work days were counted."""
    from cs_daily.store import Store

    paths = command_paths(args)
    if not paths.database.is_file():
        raise UsageError(
            _("There is no history database at {path} yet.").format(path=paths.database)
        )

    with Store.open(paths.database) as store:
        store.rebuild_counts()
        days = len(store.day_counts())

    print(
        ngettext(
            "Recounted {days} work day in {path}.",
            "Recounted {days} work days in {path}.",
            days,
        ).format(days=format_number(days), path=paths.database)
    )
    return 0
