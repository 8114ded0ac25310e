"""Store methods for interactions: log, edit, delete, read back.

Undo entries are imported where a write needs them, so that reading the
history never loads them (see :mod:`cs_daily.store.base`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Final

from cs_daily.errors import StoreError
from cs_daily.i18n import _
from cs_daily.model import Interaction, Scope, TickState
from cs_daily.store import reads, rows, validate, writes
from cs_daily.store.base import StoreBase, guarded


class _Unset:
    """Marks an argument left out, so ``None`` can mean "clear it"."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset()


class InteractionMethods(StoreBase):
    """One contact inside a shift, with its ticks written together."""

    @guarded
    def add_interaction(
        self,
        shift_id: int,
        channel: str,
        at: datetime,
        ticks: Mapping[str, TickState],
        ref: str | None = None,
        note: str | None = None,
    ) -> Interaction:
        """Log one contact and its answers together."""
        from cs_daily.store.undo import InteractionAdded

        checklist = self.shift_checklist(shift_id)
        validate.check_channel(checklist, channel)
        for item_id, state in ticks.items():
            validate.check_tick(checklist, item_id, state, Scope.INTERACTION)

        with self._transaction() as conn:
            seq = writes.next_seq(conn, shift_id)
            cursor = conn.execute(
                "INSERT INTO interactions (shift_id, seq, channel, ref, note,"
                " started_at) VALUES (?, ?, ?, ?, ?, ?)",
                (shift_id, seq, channel, ref, note, rows.to_text(at)),
            )
            interaction_id = int(cursor.lastrowid or 0)
            when = rows.to_micros(at)
            for item_id, state in ticks.items():
                writes.put_tick(
                    conn, shift_id, interaction_id, item_id, str(state), when
                )
            writes.refresh_last_activity(conn, shift_id)

        self._record(InteractionAdded(shift_id, interaction_id, seq))
        return self.interaction(interaction_id)

    @guarded
    def edit_interaction(
        self,
        interaction_id: int,
        *,
        at: datetime,
        channel: str | None = None,
        ref: str | _Unset | None = UNSET,
        note: str | _Unset | None = UNSET,
        ticks: Mapping[str, TickState | None] | None = None,
    ) -> Interaction:
        """Change an interaction; a tick given as ``None`` is cleared."""
        from cs_daily.store.undo import InteractionReplaced

        before = self.interaction(interaction_id)
        checklist = self.shift_checklist(before.shift_id)
        if channel is not None:
            validate.check_channel(checklist, channel)
        for item_id, state in (ticks or {}).items():
            validate.check_item(checklist, item_id)
            if state is not None:
                validate.check_tick(checklist, item_id, state, Scope.INTERACTION)

        with self._transaction() as conn:
            row = writes.interaction_row(conn, interaction_id)
            old_ticks = writes.interaction_tick_rows(conn, interaction_id)
            assert row is not None
            conn.execute(
                "UPDATE interactions SET channel = ?, ref = ?, note = ? WHERE id = ?",
                (
                    channel or before.channel,
                    before.ref if isinstance(ref, _Unset) else ref,
                    before.note if isinstance(note, _Unset) else note,
                    interaction_id,
                ),
            )
            self._apply_ticks(before, ticks or {}, rows.to_micros(at))
            writes.refresh_last_activity(conn, before.shift_id)

        self._record(InteractionReplaced(row, old_ticks, deleted=False))
        return self.interaction(interaction_id)

    def _apply_ticks(
        self, before: Interaction, ticks: Mapping[str, TickState | None], when: int
    ) -> None:
        """Set or clear ticks; one answered again the same way keeps its time."""
        current = {tick.item_id: tick for tick in before.ticks}
        for item_id, state in ticks.items():
            old = current.get(item_id)
            if state is None:
                if old is not None:
                    writes.delete_tick(self._conn, old.id)
            elif old is None or old.state is not TickState(state):
                writes.put_tick(
                    self._conn, before.shift_id, before.id, item_id, str(state), when
                )

    @guarded
    def delete_interaction(self, interaction_id: int) -> None:
        """Remove an interaction and its ticks; later ones keep their numbers."""
        from cs_daily.store.undo import InteractionReplaced

        with self._transaction() as conn:
            row = writes.interaction_row(conn, interaction_id)
            if row is None:
                raise StoreError(
                    _("There is no interaction {id} in the history.").format(
                        id=interaction_id
                    )
                )
            old_ticks = writes.interaction_tick_rows(conn, interaction_id)
            writes.delete_interaction(conn, interaction_id)
            writes.refresh_last_activity(conn, row[1])

        self._record(InteractionReplaced(row, old_ticks, deleted=True))

    @guarded
    def interactions(self, shift_id: int) -> list[Interaction]:
        """The shift's interactions with their ticks, in the order logged."""
        return reads.interactions(self._conn, self.shift(shift_id))

    @guarded
    def interaction(self, interaction_id: int) -> Interaction:
        return reads.interaction(self._conn, interaction_id)

    @guarded
    def last_channel(self) -> str | None:
        """The channel of the last logged interaction, the natural default."""
        return reads.last_channel(self._conn)
