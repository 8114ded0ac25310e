"""The Store: the one door to the history database.

Every write method validates against the shift's checklist snapshot, runs in
one transaction, records how to undo itself, and commits before it returns
(except inside :meth:`Store.bulk`, where the caller's block is the
transaction). Reads hand back the dataclasses of :mod:`cs_daily.model`. The
methods are grouped by what they touch: see ``shifts``, ``interactions`` and
``ticks``; ``base`` holds opening, transactions and undo.
"""

from __future__ import annotations

from datetime import date

from cs_daily.model import DayCounts
from cs_daily.store import counts
from cs_daily.store.base import guarded
from cs_daily.store.checkpoint import CheckpointMethods
from cs_daily.store.interactions import InteractionMethods
from cs_daily.store.shifts import ShiftMethods
from cs_daily.store.ticks import TickMethods


class Store(ShiftMethods, InteractionMethods, TickMethods, CheckpointMethods):
    """The agent's history: shifts, interactions, ticks and their counts."""

    @guarded
    def day_counts(
        self, first: date | None = None, last: date | None = None
    ) -> list[DayCounts]:
        """Counted work days in ``first..last`` (inclusive), oldest first.

        Days are cached between calls and shared: treat them as read-only.
        """
        self._settle_counts()
        return self._days.days(first, last)

    @guarded
    def rebuild_counts(self) -> None:
        """Recount every day from the ticks; a safety net, not a routine step."""
        with self._transaction() as conn:
            counts.rebuild(conn)
