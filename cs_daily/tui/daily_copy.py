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

import threading
from datetime import date
from pathlib import Path
from typing import NamedTuple

from cs_daily.errors import CsDailyError, StoreError
from cs_daily.i18n import _


class CopyCheck:
    """The day's check of the history, run once, by whoever needs it first.

    The copy's thread runs it before copying; the app's store asks it before
    its first write of the day, so a key pressed in the first moments never
    writes into a file the check is about to find damaged. A key can come
    before the thread has even started (Textual starts it from the event loop
    the key is holding), so then the write runs the check itself; either way
    the other one waits for the same answer. On years of history that is a
    few tenths of a second, once a day.
    """

    def __init__(self, copy: DailyCopy, today: date) -> None:
        self._copy = copy
        self.today = today
        self._lock = threading.Lock()
        self._checked = False
        self._found: CsDailyError | None = None

    def inspect(self, database: Path) -> None:
        """Check ``database`` once; every caller gets the first answer."""
        from cs_daily.store import backup

        with self._lock:
            if not self._checked:
                try:
                    backup.inspect_database(database)
                except CsDailyError as problem:
                    self._found = problem
                self._checked = True
        if self._found is not None:
            raise self._found

    def before_writing(self) -> None:
        """Let a write go ahead unless the check finds the history damaged.

        A history that could not be read for the check at all (the copy says
        so) does not stop the agent's work; damage refuses the write. A start
        after the day's copy was taken has nothing to wait for.
        """
        if not self._checked and not self._copy.due(self.today):
            return
        try:
            self.inspect(self._copy.database)
        except (StoreError, OSError):
            return
        except CsDailyError as damage:
            raise StoreError(str(damage)) from None


class DailyCopy(NamedTuple):
    """Which history is copied once a day, and into which folder."""

    database: Path
    folder: Path

    def due(self, today: date) -> bool:
        """Whether the first start of ``today`` is still to copy the history."""
        from cs_daily.store.backup import daily_backup_due

        return daily_backup_due(self.database, self.folder, today)

    def take(self, today: date, check: CopyCheck | None = None) -> CsDailyError | None:
        """Copy the history once for ``today``; what went wrong, if anything.

        A :class:`StoreError` means the copy could not be written (a full or
        read-only backup folder): the agent may keep working. Any other
        :class:`CsDailyError` comes from the check of the history itself,
        which found it damaged: nothing more may be written to it. They are
        returned, not raised, so that only a bug ends the worker in an error.
        ``check`` is the one check shared with the app's first write.
        """
        from cs_daily.store.backup import daily_backup

        inspect = check.inspect if check is not None else None
        try:
            daily_backup(self.database, self.folder, today, inspect=inspect)
        except CsDailyError as problem:
            return problem
        except OSError as error:
            return StoreError(
                _("Could not write the copy {path}: {reason}").format(
                    path=self.folder, reason=error.strerror or error
                )
            )
        return None
