"""The streak checkpoint: the streaks of the oldest work days, folded and kept.

The store keeps the checkpoint as text it never reads; what the text means is
the business of :mod:`cs_daily.history`. Schema 3's triggers drop it in the
same transaction as any write that changes a work day before it, so a kept
checkpoint always stands for the days that are in the file.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from cs_daily.store.base import StoreBase, guarded

# The schema version that brought the checkpoint; a file opened read-only
# may be older and simply has none.
_SINCE_VERSION = 3


class Checkpoint(NamedTuple):
    """What was kept (``before`` is None when nothing is), and when it was read.

    ``seen`` is the file's data version at the time, to keep a new one by.
    """

    before: date | None
    body: str
    seen: int


class CheckpointMethods(StoreBase):
    """Reading and keeping the streak checkpoint."""

    @guarded
    def streak_checkpoint(self) -> Checkpoint:
        """The kept checkpoint, if any, with the version to keep a new one by.

        Read the checkpoint before the days it is used with: if another
        program writes in between, the version tells, and nothing is kept.
        """
        seen = self._data_version()
        row = None
        if self.schema_version >= _SINCE_VERSION:
            row = self._conn.execute(
                "SELECT before_day, body FROM streak_checkpoint"
            ).fetchone()
        if row is None:
            return Checkpoint(before=None, body="", seen=seen)
        return Checkpoint(before=date.fromisoformat(row[0]), body=row[1], seen=seen)

    @guarded
    def keep_streak_checkpoint(self, before: date, body: str, seen: int) -> bool:
        """Keep a checkpoint for the work days before ``before``.

        Nothing is kept if another program wrote since ``seen`` (the days it
        was folded from may be out of date), or if the store is read-only.
        """
        if self._readonly or self._bulk_depth:
            return False
        with self._transaction() as conn:
            if self._data_version() != seen:
                return False
            conn.execute(
                "INSERT OR REPLACE INTO streak_checkpoint (id, before_day, body)"
                " VALUES (1, ?, ?)",
                (before.isoformat(), body),
            )
        return True

    def _data_version(self) -> int:
        (version,) = self._conn.execute("PRAGMA data_version").fetchone()
        return int(version)
