"""Running cs-daily with no command: open the shift companion.

Everything that can fail for a reason the agent can fix (a broken checklist,
a settings mistake, a database from a newer version, a damaged history)
fails here, before the terminal is taken over, with the message on stderr
and nothing written. Textual is imported only once all of that has passed,
so ``cs-daily --help`` and every other command start without it.
"""

from __future__ import annotations

import argparse

from cs_daily.cli.common import Context, load_context, open_store
from cs_daily.clock import Clock, SystemClock
from cs_daily.errors import StoreError
from cs_daily.i18n import _
from cs_daily.store.backup import daily_backup


def run(args: argparse.Namespace) -> int:
    """Load the checklist and settings, open the history, run the app."""
    context = load_context(args)
    store = open_store(context)
    clock = SystemClock()

    with store:
        problem = take_daily_backup(context, clock)

        from cs_daily.tui.app import build_app

        app = build_app(context.checklist, store, clock, context.settings)
        if problem is not None:
            app.warn_on_start(_("No backup today"), problem)
        app.run()
    return app.return_code or 0


def take_daily_backup(context: Context, clock: Clock) -> str | None:
    """Copy the history once a day; a message when the copy could not be made.

    The day's first copy also checks the history: a damaged one raises and
    stops the launch, since logging into it could lose more. A copy that
    cannot be written (a full or read-only backup folder) does not keep the
    agent from working; the app tells them instead.
    """
    paths = context.paths
    try:
        daily_backup(paths.database, paths.backup_dir, clock.now().date())
    except StoreError as error:
        return str(error)
    return None
