"""The Store: the one door to the history database.

Every write method validates against the shift's checklist snapshot, runs in
one transaction, records how to undo itself, and commits before it returns
(except inside :meth:`Store.bulk`, where the caller's block is the
transaction). Reads hand back the dataclasses of :mod:`cs_daily.model`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Final

from cs_daily.clock import zone_name
from cs_daily.errors import StoreError
from cs_daily.i18n import _
from cs_daily.model import (
    Checklist,
    DayCounts,
    DayRecord,
    Interaction,
    Scope,
    Shift,
    ShiftRecord,
    Tick,
    TickState,
)
from cs_daily.store import bulk as bulk_writes
from cs_daily.store import connection, counts, reads, rows, validate, writes
from cs_daily.store.bulk import InteractionData
from cs_daily.store.daycache import DayCountsCache
from cs_daily.store.snapshots import Snapshots
from cs_daily.store.undo import (
    MAX_UNDO,
    FocusChanged,
    InteractionAdded,
    InteractionReplaced,
    ShiftEnded,
    ShiftStarted,
    TickChanged,
    UndoEntry,
)


class _Unset:
    """Marks an argument left out, so ``None`` can mean "clear it"."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset()


class Store:
    """The agent's history: shifts, interactions, ticks and their counts."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
        self._conn = conn
        self._path = path
        self._readonly = readonly
        self._snapshots = Snapshots(conn)
        self._days = DayCountsCache(conn, self._snapshots, writable=not readonly)
        self._undo: list[UndoEntry] = []
        self._bulk_depth = 0

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, readonly: bool = False) -> Store:
        """Open the database at ``path``, creating and migrating it unless read-only."""
        path = Path(path)
        return cls(connection.connect(path, readonly=readonly), path, readonly)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self._path

    @property
    def schema_version(self) -> int:
        (version,) = self._conn.execute("PRAGMA user_version").fetchone()
        return int(version)

    # -- transactions --------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, or a step of the surrounding bulk block."""
        if self._readonly:
            raise StoreError(
                _("The history database {path} was opened read-only.").format(
                    path=self._path
                )
            )
        if self._bulk_depth:
            yield self._conn
            return

        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self._write_failed(error) from error

        try:
            yield self._conn
        except sqlite3.Error as error:
            self._conn.execute("ROLLBACK")
            raise self._write_failed(error) from error
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

        self._conn.execute("COMMIT")

    def _write_failed(self, error: sqlite3.Error) -> StoreError:
        return StoreError(
            _("Could not write to the history database {path}: {reason}").format(
                path=self._path, reason=error
            )
        )

    @contextmanager
    def bulk(self) -> Iterator[Store]:
        """Many writes in one transaction, without undo; all or nothing."""
        with self._transaction():
            self._bulk_depth += 1
            try:
                yield self
            finally:
                self._bulk_depth -= 1

    def _record(self, entry: UndoEntry) -> None:
        if self._bulk_depth:
            return
        self._undo.append(entry)
        del self._undo[:-MAX_UNDO]

    # -- shifts --------------------------------------------------------------

    def start_shift(self, checklist: Checklist, at: datetime) -> Shift:
        """Open a shift at local time ``at``; its work day is ``at``'s date."""
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

    def end_shift(
        self, shift_id: int, at: datetime, reflection: str | None = None
    ) -> Shift:
        """Close an open shift, with the agent's optional shift-end note."""
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

    def set_focus(self, shift_id: int, item_id: str | None) -> Shift:
        """Choose the one item to watch this shift, or none."""
        with self._transaction() as conn:
            found = reads.shift(conn, shift_id)
            if item_id is not None:
                validate.check_item(self.shift_checklist(shift_id), item_id)
            conn.execute(
                "UPDATE shifts SET focus_item = ? WHERE id = ?", (item_id, shift_id)
            )

        self._record(FocusChanged(shift_id, found.focus_item))
        return self.shift(shift_id)

    def open_shift(self) -> Shift | None:
        return reads.open_shift(self._conn)

    def shift(self, shift_id: int) -> Shift:
        return reads.shift(self._conn, shift_id)

    def shifts_between(self, first: date, last: date) -> list[Shift]:
        """Shifts whose work day is in ``first..last`` (inclusive), oldest first."""
        return reads.shifts_between(self._conn, first, last)

    def latest_shifts(self, n: int) -> list[Shift]:
        """The ``n`` most recently started shifts, newest first."""
        return reads.latest_shifts(self._conn, n)

    def shift_checklist(self, shift_id: int) -> Checklist:
        """The checklist the shift was started with, whatever the file says now."""
        return self._snapshots.checklist(
            reads.shift(self._conn, shift_id).checklist_hash
        )

    def last_activity(self, shift_id: int) -> datetime:
        """The latest of the shift's start, its ticks and its interactions."""
        found = reads.shift(self._conn, shift_id)
        zone = found.started_at.tzinfo
        assert zone is not None
        return rows.from_text(reads.last_activity_text(self._conn, shift_id), zone)

    # -- interactions --------------------------------------------------------

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
        checklist = self.shift_checklist(shift_id)
        validate.check_channel(checklist, channel)
        for item_id, state in ticks.items():
            validate.check_tick(checklist, item_id, state, Scope.INTERACTION)

        with self._transaction() as conn:
            seq = writes.next_seq(conn, shift_id)
            when = rows.to_text(at)
            cursor = conn.execute(
                "INSERT INTO interactions (shift_id, seq, channel, ref, note,"
                " started_at) VALUES (?, ?, ?, ?, ?, ?)",
                (shift_id, seq, channel, ref, note, when),
            )
            interaction_id = int(cursor.lastrowid or 0)
            for item_id, state in ticks.items():
                writes.put_tick(
                    conn, shift_id, interaction_id, item_id, str(state), when
                )
            writes.refresh_last_activity(conn, shift_id)

        self._record(InteractionAdded(shift_id, interaction_id, seq))
        return self.interaction(interaction_id)

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
            self._apply_ticks(before, ticks or {}, rows.to_text(at))
            writes.refresh_last_activity(conn, before.shift_id)

        self._record(InteractionReplaced(row, old_ticks, deleted=False))
        return self.interaction(interaction_id)

    def _apply_ticks(
        self, before: Interaction, ticks: Mapping[str, TickState | None], when: str
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

    def delete_interaction(self, interaction_id: int) -> None:
        """Remove an interaction and its ticks; later ones keep their numbers."""
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

    def interactions(self, shift_id: int) -> list[Interaction]:
        """The shift's interactions with their ticks, in the order logged."""
        return reads.interactions(self._conn, self.shift(shift_id))

    def interaction(self, interaction_id: int) -> Interaction:
        return reads.interaction(self._conn, interaction_id)

    def last_channel(self) -> str | None:
        """The channel of the last logged interaction, the natural default."""
        return reads.last_channel(self._conn)

    # -- ticks ---------------------------------------------------------------

    def set_tick(
        self,
        shift_id: int,
        item_id: str,
        state: TickState,
        at: datetime,
        interaction_id: int | None = None,
    ) -> Tick:
        """Answer one item, for the shift itself or for one of its interactions."""
        seq = self._check_tick_target(shift_id, item_id, interaction_id)
        scope = Scope.SHIFT if interaction_id is None else Scope.INTERACTION
        validate.check_tick(self.shift_checklist(shift_id), item_id, state, scope)

        with self._transaction() as conn:
            before = writes.find_tick(conn, shift_id, interaction_id, item_id)
            tick_id = writes.put_tick(
                conn, shift_id, interaction_id, item_id, str(state), rows.to_text(at)
            )
            writes.refresh_last_activity(conn, shift_id)

        self._record(TickChanged(shift_id, interaction_id, seq, item_id, before))
        zone = self.shift(shift_id).started_at.tzinfo
        assert zone is not None
        row = conn.execute(
            f"SELECT {rows.TICK_COLUMNS} FROM ticks WHERE id = ?", (tick_id,)
        ).fetchone()
        return rows.tick_from_row(row, zone)

    def clear_tick(
        self, shift_id: int, item_id: str, interaction_id: int | None = None
    ) -> None:
        """Take back an answer; clearing an unanswered item changes nothing."""
        seq = self._check_tick_target(shift_id, item_id, interaction_id)

        with self._transaction() as conn:
            before = writes.find_tick(conn, shift_id, interaction_id, item_id)
            if before is None:
                return
            writes.delete_tick(conn, before[0])
            writes.refresh_last_activity(conn, shift_id)

        self._record(TickChanged(shift_id, interaction_id, seq, item_id, before))

    def _check_tick_target(
        self, shift_id: int, item_id: str, interaction_id: int | None
    ) -> int | None:
        """The interaction's number, after checking it belongs to the shift."""
        validate.check_item(self.shift_checklist(shift_id), item_id)
        if interaction_id is None:
            return None

        found = self.interaction(interaction_id)
        if found.shift_id != shift_id:
            raise StoreError(
                _("Interaction {id} does not belong to shift {shift}.").format(
                    id=interaction_id, shift=shift_id
                )
            )
        return found.seq

    def shift_ticks(self, shift_id: int) -> dict[str, Tick]:
        """The shift's own ticks (start and end items), by item id."""
        return reads.shift_ticks(self._conn, self.shift(shift_id))

    # -- days and counts -----------------------------------------------------

    def day_counts(
        self, first: date | None = None, last: date | None = None
    ) -> list[DayCounts]:
        """Counted work days in ``first..last`` (inclusive), oldest first.

        Days are cached between calls and shared: treat them as read-only.
        """
        return self._days.days(first, last)

    def rebuild_counts(self) -> None:
        """Recount every day from the ticks; a safety net, not a routine step."""
        with self._transaction() as conn:
            counts.rebuild(conn)

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

    # -- undo and bulk import ------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> str | None:
        """Revert the last change made through this Store; what was undone.

        A change that can no longer be reverted (another program logged into
        the shift meanwhile) is dropped with an error rather than blocking
        every earlier change.
        """
        if not self._undo:
            return None

        entry = self._undo.pop()
        with self._transaction() as conn:
            entry.revert(conn)
        return entry.describe()

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
        with self._transaction() as conn:
            return bulk_writes.import_shift(
                conn,
                self._snapshots,
                checklist,
                started_at,
                ended_at,
                focus,
                reflection,
                shift_ticks or {},
                interactions,
            )
