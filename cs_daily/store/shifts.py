"""Store methods for shifts: start, end, focus, look-ups, whole-day reads.

Undo entries and the bulk writer are imported where a write needs them, so
that reading the history never loads them (see :mod:`cs_daily.store.base`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from cs_daily.clock import zone_name
from cs_daily.errors import StoreError
from cs_daily.i18n import _
from cs_daily.model import (
    Checklist,
    DayRecord,
    Shift,
    ShiftRecord,
    TickState,
)
from cs_daily.store import reads, rows, validate
from cs_daily.store.base import StoreBase, guarded

if TYPE_CHECKING:
    from cs_daily.store.bulk import InteractionData


class ShiftMethods(StoreBase):
    """Opening and closing shifts, and reading them back."""

    @guarded
    def start_shift(self, checklist: Checklist, at: datetime) -> Shift:
        """Open a shift at local time ``at``; its work day is ``at``'s date."""
        from cs_daily.store.undo import ShiftStarted

        offset = at.utcoffset()
        if offset is None:
            raise ValueError("start_shift needs an aware datetime")

        with self._transaction() as conn:
            self._refuse_open_shift()
            digest = self._snapshots.save(checklist)
            start = rows.to_text(at)
            cursor = conn.execute(
                "INSERT INTO shifts (started_at, zone, utc_offset_minutes, work_day,"
                " checklist_id, checklist_hash, last_activity_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    start,
                    zone_name(at),
                    int(offset.total_seconds() // 60),
                    at.date().isoformat(),
                    checklist.id,
                    digest,
                    start,
                ),
            )
            shift_id = int(cursor.lastrowid or 0)

        self._record(ShiftStarted(shift_id))
        return self.shift(shift_id)

    def _refuse_open_shift(self) -> None:
        found = reads.open_shift(self._conn)
        if found is not None:
            raise StoreError(
                _(
                    "A shift is already open (started {start}); end it before "
                    "starting another."
                ).format(start=found.started_at.strftime("%Y-%m-%d %H:%M"))
            )

    @guarded
    def end_shift(
        self, shift_id: int, at: datetime, reflection: str | None = None
    ) -> Shift:
        """Close an open shift, with the agent's optional shift-end note."""
        from cs_daily.store.undo import ShiftEnded

        with self._transaction() as conn:
            found = reads.shift(conn, shift_id)
            if not found.is_open:
                raise StoreError(_("Shift {id} has already ended.").format(id=shift_id))
            if at < found.started_at:
                raise StoreError(_("A shift cannot end before it started."))
            conn.execute(
                "UPDATE shifts SET ended_at = ?, reflection = ? WHERE id = ?",
                (rows.to_text(at), reflection, shift_id),
            )

        self._record(ShiftEnded(shift_id, found.reflection))
        return self.shift(shift_id)

    @guarded
    def set_focus(self, shift_id: int, item_id: str | None) -> Shift:
        """Choose the one item to watch this shift, or none."""
        from cs_daily.store.undo import FocusChanged

        with self._transaction() as conn:
            found = reads.shift(conn, shift_id)
            if item_id is not None:
                validate.check_item(self.shift_checklist(shift_id), item_id)
            conn.execute(
                "UPDATE shifts SET focus_item = ? WHERE id = ?", (item_id, shift_id)
            )

        self._record(FocusChanged(shift_id, found.focus_item))
        return self.shift(shift_id)

    @guarded
    def open_shift(self) -> Shift | None:
        return reads.open_shift(self._conn)

    @guarded
    def shifts_between(self, first: date, last: date) -> list[Shift]:
        """Shifts whose work day is in ``first..last`` (inclusive), oldest first."""
        return reads.shifts_between(self._conn, first, last)

    @guarded
    def latest_shifts(self, n: int) -> list[Shift]:
        """The ``n`` most recently started shifts, newest first."""
        return reads.latest_shifts(self._conn, n)

    @guarded
    def last_activity(self, shift_id: int) -> datetime:
        """The latest of the shift's start, its ticks and its interactions."""
        found = reads.shift(self._conn, shift_id)
        zone = found.started_at.tzinfo
        assert zone is not None
        return rows.from_text(reads.last_activity_text(self._conn, shift_id), zone)

    @guarded
    def read_day(self, work_day: date) -> DayRecord:
        """Every shift of one work day with its ticks and interactions."""
        records = tuple(
            ShiftRecord(
                shift=found,
                ticks=reads.shift_ticks(self._conn, found),
                interactions=tuple(reads.interactions(self._conn, found)),
            )
            for found in reads.shifts_between(self._conn, work_day, work_day)
        )
        return DayRecord(work_day=work_day, shifts=records)

    @guarded
    def import_shift(
        self,
        checklist: Checklist,
        started_at: datetime,
        ended_at: datetime | None,
        *,
        focus: str | None = None,
        reflection: str | None = None,
        shift_ticks: Mapping[str, TickState] | None = None,
        interactions: Sequence[InteractionData] = (),
    ) -> int:
        """Insert one complete historical shift; its id. Not undoable."""
        from cs_daily.store import bulk

        with self._transaction(tallied=True) as conn:
            return bulk.import_shift(
                conn,
                self._snapshots,
                checklist,
                started_at,
                ended_at,
                focus,
                reflection,
                shift_ticks or {},
                interactions,
                self._tally_in_bulk(),
            )
