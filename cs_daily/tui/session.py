"""The open shift as the app last read it, shared by every screen.

Screens ask the session rather than the store for "the shift", so that they
all agree on it between two changes, and so that "today" stays the open
shift's work day when the app is left open across midnight.
"""

from __future__ import annotations

from datetime import date

from cs_daily.clock import Clock
from cs_daily.model import Checklist, Shift
from cs_daily.store import Store


class Session:
    """The open shift (if any) and the checklist it was started with."""

    def __init__(self, store: Store, checklist: Checklist, clock: Clock) -> None:
        self._store = store
        self._current = checklist
        self._clock = clock
        self.shift: Shift | None = None
        self.checklist = checklist
        self.reflection_drafts: dict[int, str] = {}
        """Reflections typed on the end screen and left with Escape, by shift id."""

    def reload(self) -> None:
        """Read the open shift again; raises StoreError if the store cannot.

        An open shift keeps the checklist it was started with, even when the
        agent edited the file since, so its ticks stay valid.
        """
        self.shift = self._store.open_shift()
        if self.shift is None:
            self.checklist = self._current
        else:
            self.checklist = self._store.shift_checklist(self.shift.id)

    def work_day(self) -> date:
        """Today for the agent: the open shift's work day, else the local date.

        A night shift belongs wholly to the day it started on, so an app left
        open across midnight keeps showing that day until the shift ends.
        """
        if self.shift is not None:
            return self.shift.work_day
        return self._clock.now().date()
