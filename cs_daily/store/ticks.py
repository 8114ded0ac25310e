"""Store methods for single ticks, on a shift or on one of its interactions.

Undo entries are imported where a write needs them, so that reading the
history never loads them (see :mod:`cs_daily.store.base`).
"""

from __future__ import annotations

from datetime import datetime

from cs_daily.errors import StoreError
from cs_daily.i18n import _
from cs_daily.model import Checklist, Scope, Shift, Tick, TickState
from cs_daily.store import reads, rows, validate, writes
from cs_daily.store.base import StoreBase, guarded


class TickMethods(StoreBase):
    """Answering, changing and taking back one item at a time."""

    @guarded
    def set_tick(
        self,
        shift_id: int,
        item_id: str,
        state: TickState,
        at: datetime,
        interaction_id: int | None = None,
    ) -> Tick:
        """Answer one item, for the shift itself or for one of its interactions."""
        from cs_daily.store.undo import TickChanged

        shift, checklist = self._shift_and_checklist(shift_id)
        seq = self._check_tick_target(checklist, shift_id, item_id, interaction_id)
        scope = Scope.SHIFT if interaction_id is None else Scope.INTERACTION
        validate.check_tick(checklist, item_id, state, scope)

        with self._transaction() as conn:
            before = writes.find_tick(conn, shift_id, interaction_id, item_id)
            tick_id = writes.put_tick(
                conn, shift_id, interaction_id, item_id, str(state), rows.to_micros(at)
            )
            writes.refresh_last_activity(conn, shift_id)

        label = checklist.item(item_id).label
        self._record(TickChanged(shift_id, interaction_id, seq, item_id, before, label))
        zone = shift.started_at.tzinfo
        assert zone is not None
        row = conn.execute(
            f"SELECT {rows.TICK_COLUMNS} FROM ticks WHERE id = ?", (tick_id,)
        ).fetchone()
        return rows.tick_from_row(row, zone)

    @guarded
    def clear_tick(
        self, shift_id: int, item_id: str, interaction_id: int | None = None
    ) -> None:
        """Take back an answer; clearing an unanswered item changes nothing."""
        from cs_daily.store.undo import TickChanged

        _shift, checklist = self._shift_and_checklist(shift_id)
        seq = self._check_tick_target(checklist, shift_id, item_id, interaction_id)

        with self._transaction() as conn:
            before = writes.find_tick(conn, shift_id, interaction_id, item_id)
            if before is None:
                return
            writes.delete_tick(conn, before[0])
            writes.refresh_last_activity(conn, shift_id)

        label = checklist.item(item_id).label
        self._record(TickChanged(shift_id, interaction_id, seq, item_id, before, label))

    def _shift_and_checklist(self, shift_id: int) -> tuple[Shift, Checklist]:
        """The shift and its snapshot, read once per key press."""
        shift = reads.shift(self._conn, shift_id)
        return shift, self._snapshots.checklist(shift.checklist_hash)

    def _check_tick_target(
        self,
        checklist: Checklist,
        shift_id: int,
        item_id: str,
        interaction_id: int | None,
    ) -> int | None:
        """The interaction's number, after checking it belongs to the shift."""
        validate.check_item(checklist, item_id)
        if interaction_id is None:
            return None

        owner, seq = reads.interaction_owner(self._conn, interaction_id)
        if owner != shift_id:
            raise StoreError(
                _("Interaction {id} does not belong to shift {shift}.").format(
                    id=interaction_id, shift=shift_id
                )
            )
        return seq

    @guarded
    def shift_ticks(self, shift_id: int) -> dict[str, Tick]:
        """The shift's own ticks (start and end items), by item id."""
        return reads.shift_ticks(self._conn, self.shift(shift_id))
