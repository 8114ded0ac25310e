"""Writing whole historical shifts at once, for the demo and backup import.

Rows go in with ``executemany`` and ids chosen up front, so five years of
history take seconds. The count triggers still run for every row: bulk data
and hand-logged data are counted by the very same rules.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from cs_daily.clock import zone_name
from cs_daily.model import Checklist, Phase, Scope, TickState
from cs_daily.store import validate, writes
from cs_daily.store.rows import to_text
from cs_daily.store.snapshots import Snapshots


@dataclass(frozen=True)
class InteractionData:
    """One interaction to import, with its answers."""

    channel: str
    started_at: datetime
    ticks: Mapping[str, TickState] = field(default_factory=dict)
    ended_at: datetime | None = None
    ref: str | None = None
    note: str | None = None


def import_shift(
    conn: sqlite3.Connection,
    snapshots: Snapshots,
    checklist: Checklist,
    started_at: datetime,
    ended_at: datetime | None,
    focus: str | None,
    reflection: str | None,
    shift_ticks: Mapping[str, TickState],
    interactions: Sequence[InteractionData],
) -> int:
    """Insert one complete shift inside the caller's transaction; its id."""
    _check(checklist, focus, shift_ticks, interactions)

    digest = snapshots.save(checklist)
    shift_id = _insert_shift(conn, checklist, digest, started_at, ended_at)
    conn.execute(
        "UPDATE shifts SET focus_item = ?, reflection = ? WHERE id = ?",
        (focus, reflection, shift_id),
    )

    _insert_shift_ticks(conn, checklist, shift_id, started_at, ended_at, shift_ticks)
    _insert_interactions(conn, shift_id, interactions)
    writes.refresh_last_activity(conn, shift_id)
    return shift_id


def _check(
    checklist: Checklist,
    focus: str | None,
    shift_ticks: Mapping[str, TickState],
    interactions: Sequence[InteractionData],
) -> None:
    if focus is not None:
        validate.check_item(checklist, focus)
    for item_id, state in shift_ticks.items():
        validate.check_tick(checklist, item_id, state, Scope.SHIFT)

    checked: set[tuple[str, str]] = set()
    for interaction in interactions:
        validate.check_channel(checklist, interaction.channel)
        for item_id, state in interaction.ticks.items():
            if (item_id, state) not in checked:
                validate.check_tick(checklist, item_id, state, Scope.INTERACTION)
                checked.add((item_id, state))


def _insert_shift(
    conn: sqlite3.Connection,
    checklist: Checklist,
    digest: str,
    started_at: datetime,
    ended_at: datetime | None,
) -> int:
    offset = started_at.utcoffset()
    assert offset is not None
    start = to_text(started_at)
    cursor = conn.execute(
        "INSERT INTO shifts (started_at, zone, utc_offset_minutes, work_day,"
        " checklist_id, checklist_hash, ended_at, last_activity_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            start,
            zone_name(started_at),
            int(offset.total_seconds() // 60),
            started_at.date().isoformat(),
            checklist.id,
            digest,
            to_text(ended_at) if ended_at else None,
            start,
        ),
    )
    return int(cursor.lastrowid or 0)


def _insert_shift_ticks(
    conn: sqlite3.Connection,
    checklist: Checklist,
    shift_id: int,
    started_at: datetime,
    ended_at: datetime | None,
    shift_ticks: Mapping[str, TickState],
) -> None:
    """Start items count as answered at the start, end items at the end."""
    start, end = to_text(started_at), to_text(ended_at or started_at)
    conn.executemany(
        "INSERT INTO ticks (shift_id, item_id, state, answered_at) VALUES (?, ?, ?, ?)",
        [
            (
                shift_id,
                item_id,
                str(state),
                end if checklist.item(item_id).phase is Phase.END else start,
            )
            for item_id, state in shift_ticks.items()
        ],
    )


def _insert_interactions(
    conn: sqlite3.Connection, shift_id: int, interactions: Sequence[InteractionData]
) -> None:
    (base,) = conn.execute("SELECT coalesce(max(id), 0) FROM interactions").fetchone()

    interaction_rows: list[tuple[object, ...]] = []
    tick_rows: list[tuple[object, ...]] = []
    for seq, data in enumerate(interactions, start=1):
        interaction_id = base + seq
        start = to_text(data.started_at)
        end = to_text(data.ended_at) if data.ended_at else None
        interaction_rows.append(
            (
                interaction_id,
                shift_id,
                seq,
                data.channel,
                data.ref,
                data.note,
                start,
                end,
            )
        )
        answered = end or start
        tick_rows.extend(
            (shift_id, interaction_id, item_id, str(state), answered)
            for item_id, state in data.ticks.items()
        )

    conn.executemany(
        "INSERT INTO interactions"
        " (id, shift_id, seq, channel, ref, note, started_at, ended_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        interaction_rows,
    )
    conn.executemany(
        "INSERT INTO ticks (shift_id, interaction_id, item_id, state, answered_at)"
        " VALUES (?, ?, ?, ?, ?)",
        tick_rows,
    )
