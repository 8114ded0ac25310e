"""Running cs-daily with no command: open the shift companion.

Everything that can fail for a reason the agent can fix (a broken checklist,
a settings mistake, a database from a newer version or one that cannot be
opened) fails here, before the terminal is taken over, with the message on
stderr and nothing written. Textual is imported only once all of that has
passed, so ``cs-daily --help`` and every other command start without it.

The day's copy of the history, with its check of the whole file, is taken by
the app in a thread once Today is drawn, so the agent does not wait for it.
Damage that check finds stops the app from writing; its message is printed
here again once the app has quit, and the exit status says it failed.
"""

from __future__ import annotations

import argparse

from cs_daily.cli.common import load_context, open_store
from cs_daily.clock import SystemClock


def run(args: argparse.Namespace) -> int:
    """Load the checklist and settings, open the history, run the app."""
    context = load_context(args)
    store = open_store(context)
    paths = context.paths

    with store:
        from cs_daily.tui.app import build_app
        from cs_daily.tui.daily_copy import DailyCopy

        daily_copy = DailyCopy(paths.database, paths.backup_dir)
        app = build_app(
            context.checklist, store, SystemClock(), context.settings, daily_copy
        )
        app.run()
    if app.stopped_by is not None:
        raise app.stopped_by
    return app.return_code or 0
