"""The day's copy of the history, taken beside the app once Today is drawn.

The first start of a day copies the history into the backup folder and checks
it on the way (:mod:`cs_daily.store.backup`). On five years of history that
takes about half a second, which the agent would otherwise wait for before
seeing Today; the app runs it in a thread instead. The copy reads the file
through connections it opens itself, in that thread, and never touches the
app's store. Nothing here imports Textual, so the launcher can describe the
copy before the interface is loaded.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

from cs_daily.errors import CsDailyError, StoreError
from cs_daily.i18n import _


class DailyCopy(NamedTuple):
    """Which history is copied once a day, and into which folder."""

    database: Path
    folder: Path

    def take(self, today: date) -> CsDailyError | None:
        """Copy the history once for ``today``; what went wrong, if anything.

        A :class:`StoreError` means the copy could not be written (a full or
        read-only backup folder): the agent may keep working. Any other
        :class:`CsDailyError` comes from the check of the history itself,
        which found it damaged: nothing more may be written to it. They are
        returned, not raised, so that only a bug ends the worker in an error.
        """
        from cs_daily.store.backup import daily_backup

        try:
            daily_backup(self.database, self.folder, today)
        except CsDailyError as problem:
            return problem
        except OSError as error:
            return StoreError(
                _("Could not write the copy {path}: {reason}").format(
                    path=self.folder, reason=error.strerror or error
                )
            )
        return None
