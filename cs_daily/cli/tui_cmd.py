"""Running cs-daily with no command: open the shift companion.

Everything that can fail for a reason the agent can fix (a broken checklist,
a settings mistake, a database from a newer version) fails here, before the
terminal is taken over, with the message on stderr and nothing written.
Textual is imported only once all of that has passed, so ``cs-daily --help``
and every other command start without it.
"""

from __future__ import annotations

import argparse

from cs_daily.cli.common import load_context, open_store
from cs_daily.clock import SystemClock


def run(args: argparse.Namespace) -> int:
    """Load the checklist and settings, open the history, run the app."""
    context = load_context(args)
    store = open_store(context)

    from cs_daily.tui.app import build_app

    with store:
        app = build_app(context.checklist, store, SystemClock(), context.settings)
        app.run()
    return app.return_code or 0
