"""What the Store remembers so that the agent's last change can be undone.

Each change through a Store records one entry holding the rows as they were
before it. Undoing puts those rows back in one transaction; the count
triggers see ordinary deletes and inserts, so the day counts follow without
any special case. Descriptions are translated when shown, not when recorded,
so a language switch in between still reads right.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Protocol

from cs_daily.errors import StoreError
from cs_daily.i18n import _
from cs_daily.store import writes
from cs_daily.store.writes import InteractionRow, TickRow


class UndoEntry(Protocol):
    """One change that can be reverted."""

    def revert(self, conn: sqlite3.Connection) -> None:
        """Put the rows back as they were; runs inside a transaction."""
        ...

    def describe(self) -> str:
        """A short sentence for the agent saying what was undone."""
        ...


@dataclass(frozen=True)
class TickChanged:
    """A tick set or cleared; ``before`` is the row it replaced, if any."""

    shift_id: int
    interaction_id: int | None
    seq: int | None
    item_id: str
    before: TickRow | None
    label: str = ""
    """The item's label in the shift's checklist, for the agent's message."""

    def revert(self, conn: sqlite3.Connection) -> None:
        current = writes.find_tick(
            conn, self.shift_id, self.interaction_id, self.item_id
        )
        if current is not None:
            writes.delete_tick(conn, current[0])
        if self.before is not None:
            writes.insert_tick_row(conn, self.before)
        writes.refresh_last_activity(conn, self.shift_id)

    def describe(self) -> str:
        if self.seq is None:
            return _("Undid the change to {item}.").format(item=self._item())
        return _("Undid the change to {item} on interaction {seq}.").format(
            item=self._item(), seq=self.seq
        )

    def _item(self) -> str:
        return f"“{self.label}”" if self.label else self.item_id


@dataclass(frozen=True)
class InteractionAdded:
    """A new interaction; undoing removes it with its ticks."""

    shift_id: int
    interaction_id: int
    seq: int

    def revert(self, conn: sqlite3.Connection) -> None:
        writes.delete_interaction(conn, self.interaction_id)
        writes.refresh_last_activity(conn, self.shift_id)

    def describe(self) -> str:
        return _("Undid the logging of interaction {seq}.").format(seq=self.seq)


@dataclass(frozen=True)
class InteractionReplaced:
    """An interaction edited or deleted; ``row`` and ``ticks`` are as before."""

    row: InteractionRow
    ticks: list[TickRow]
    deleted: bool

    def revert(self, conn: sqlite3.Connection) -> None:
        writes.delete_interaction(conn, self.row[0])
        try:
            writes.insert_interaction_row(conn, self.row, self.ticks)
        except sqlite3.IntegrityError as error:
            raise StoreError(
                _("Cannot bring back interaction {seq}: its number is taken.").format(
                    seq=self.row[2]
                )
            ) from error
        writes.refresh_last_activity(conn, self.row[1])

    def describe(self) -> str:
        if self.deleted:
            return _("Brought back interaction {seq}.").format(seq=self.row[2])
        return _("Undid the edit of interaction {seq}.").format(seq=self.row[2])


@dataclass(frozen=True)
class FocusChanged:
    """The focus item chosen for a shift."""

    shift_id: int
    before: str | None

    def revert(self, conn: sqlite3.Connection) -> None:
        conn.execute(
            "UPDATE shifts SET focus_item = ? WHERE id = ?",
            (self.before, self.shift_id),
        )

    def describe(self) -> str:
        return _("Undid the change of focus item.")


@dataclass(frozen=True)
class ShiftStarted:
    """A shift start; undone only while nothing has been logged in it."""

    shift_id: int

    def revert(self, conn: sqlite3.Connection) -> None:
        (used,) = conn.execute(
            "SELECT EXISTS (SELECT 1 FROM ticks"
            "   WHERE shift_id = :id AND interaction_id IS NULL)"
            " OR EXISTS (SELECT 1 FROM interactions WHERE shift_id = :id)",
            {"id": self.shift_id},
        ).fetchone()
        if used:
            raise StoreError(
                _("Cannot undo the start of this shift: answers were logged in it.")
            )
        conn.execute("DELETE FROM shifts WHERE id = ?", (self.shift_id,))

    def describe(self) -> str:
        return _("Undid the start of the shift.")


@dataclass(frozen=True)
class ShiftEnded:
    """A shift end; undoing reopens the shift and restores its reflection."""

    shift_id: int
    reflection: str | None

    def revert(self, conn: sqlite3.Connection) -> None:
        try:
            conn.execute(
                "UPDATE shifts SET ended_at = NULL, reflection = ? WHERE id = ?",
                (self.reflection, self.shift_id),
            )
        except sqlite3.IntegrityError as error:
            raise StoreError(
                _("Cannot reopen this shift: another shift is open now.")
            ) from error

    def describe(self) -> str:
        return _("Undid the end of the shift; it is open again.")
